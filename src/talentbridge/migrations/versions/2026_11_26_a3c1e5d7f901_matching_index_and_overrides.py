"""Matching: per-person index state, match overrides (pin/exclude)

Revision ID: a3c1e5d7f901
Revises: 898ac7f9989e
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

revision: str = "a3c1e5d7f901"
down_revision: str | None = "898ac7f9989e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
