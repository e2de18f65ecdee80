"""The REST API: one router per context mounted under /api/v1, shared dependencies."""
