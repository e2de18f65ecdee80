"""Sourcing channels, tracked links, careers applications and consent records

Revision ID: d6f4b8a0c234
Revises: c5e3a7f9b123
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

revision: str = "d6f4b8a0c234"
down_revision: str | None = "c5e3a7f9b123"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
