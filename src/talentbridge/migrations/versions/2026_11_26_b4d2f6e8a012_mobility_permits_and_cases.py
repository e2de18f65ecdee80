"""Mobility: permit facts, assessments, offer terms, cases, documents, steps

Revision ID: b4d2f6e8a012
Revises: a3c1e5d7f901
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

revision: str = "b4d2f6e8a012"
down_revision: str | None = "a3c1e5d7f901"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
