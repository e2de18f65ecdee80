"""Hubs (offices), requisitions and openings, salary bands and hiring teams."""
