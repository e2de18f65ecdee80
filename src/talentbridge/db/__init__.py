"""Persistence plumbing: declarative base, column types, sessions and the unit of work."""
