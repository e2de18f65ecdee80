"""Seeded, reproducible demo data: hubs, users, sources, jobs and several hundred people."""
