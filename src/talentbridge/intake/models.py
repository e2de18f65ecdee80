"""Tables of the intake context (every change ships with an Alembic revision)."""

from __future__ import annotations
