"""Mount the server-rendered pages and static files."""

from __future__ import annotations

from fastapi import FastAPI


def mount_web(app: FastAPI) -> None:
    """Attach every context's page routes (filled in as pages are built)."""
    del app
