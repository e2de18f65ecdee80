"""Matching: per-person index state, match overrides (pin/exclude)

The index of people itself lives under the data directory, not in the database; this revision
adds the recruiters' overrides of a job's ranking.

Revision ID: a3c1e5d7f901
Revises: 898ac7f9989e
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talentbridge.db.types

revision: str = "a3c1e5d7f901"
down_revision: str | None = "898ac7f9989e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "match_overrides",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column(
            "action",
            sa.Enum("pin", "exclude", name="match_override_action", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_match_overrides_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_match_overrides_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_match_overrides_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_overrides")),
        sa.UniqueConstraint("job_id", "person_id", name=op.f("uq_match_overrides_job_id_person_id")),
    )
    with op.batch_alter_table("match_overrides", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_overrides_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_match_overrides_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("match_overrides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_overrides_person_id"))
        batch_op.drop_index(batch_op.f("ix_match_overrides_job_id"))
    op.drop_table("match_overrides")
