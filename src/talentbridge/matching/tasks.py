"""Background jobs of the matching context."""

from __future__ import annotations
