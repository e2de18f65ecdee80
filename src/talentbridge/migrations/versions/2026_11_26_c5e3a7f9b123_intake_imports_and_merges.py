"""Intake: import batches/items, parsed documents, duplicate candidates, merges

Revision ID: c5e3a7f9b123
Revises: b4d2f6e8a012
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

revision: str = "c5e3a7f9b123"
down_revision: str | None = "b4d2f6e8a012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
