"""Background jobs of the mobility context."""

from __future__ import annotations
