"""JSON routes of the matching context under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
