"""Background jobs of the intake context."""

from __future__ import annotations
