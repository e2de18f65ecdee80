"""Intake: import batches/items, parsed documents, duplicate candidates, merges

Revision ID: c5e3a7f9b123
Revises: b4d2f6e8a012
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talentbridge.db.types

revision: str = "c5e3a7f9b123"
down_revision: str | None = "b4d2f6e8a012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "intake_batches",
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column(
            "status",
            sa.Enum("pending", "running", "done", name="intake_batch_status", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("finished_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_intake_batches_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_intake_batches_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_batches")),
    )
    with op.batch_alter_table("intake_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_batches_status"), ["status"], unique=False)

    op.create_table(
        "intake_documents",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_intake_documents_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_intake_documents_content_hash")),
    )
    with op.batch_alter_table("intake_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_documents_person_id"), ["person_id"], unique=False)

    op.create_table(
        "intake_duplicates",
        sa.Column("person_a_id", sa.Uuid(), nullable=False),
        sa.Column("person_b_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("signals", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open", "merged", "dismissed", name="intake_duplicate_status", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_a_id"],
            ["people.id"],
            name=op.f("fk_intake_duplicates_person_a_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_b_id"],
            ["people.id"],
            name=op.f("fk_intake_duplicates_person_b_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_duplicates")),
        sa.UniqueConstraint(
            "person_a_id", "person_b_id", name=op.f("uq_intake_duplicates_person_a_id_person_b_id")
        ),
    )
    with op.batch_alter_table("intake_duplicates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_duplicates_person_a_id"), ["person_a_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_duplicates_person_b_id"), ["person_b_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_duplicates_status"), ["status"], unique=False)

    op.create_table(
        "intake_items",
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("resume", "record", name="intake_item_kind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("locator", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("pending", "done", "failed", name="intake_item_status", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "created",
                "already_imported",
                "matched",
                "error",
                name="intake_item_outcome",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("error_code", sa.String(length=32), nullable=True),
        sa.Column("error_message", sa.String(length=500), nullable=True),
        sa.Column("finished_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["intake_batches.id"],
            name=op.f("fk_intake_items_batch_id_intake_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_intake_items_person_id_people"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_items")),
        sa.UniqueConstraint("batch_id", "position", name=op.f("uq_intake_items_batch_id_position")),
    )
    with op.batch_alter_table("intake_items", schema=None) as batch_op:
        batch_op.create_index("ix_intake_items_batch_status", ["batch_id", "status"], unique=False)

    op.create_table(
        "intake_match_keys",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_intake_match_keys_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_match_keys")),
        sa.UniqueConstraint(
            "person_id", "kind", "value", name=op.f("uq_intake_match_keys_person_id_kind_value")
        ),
    )
    with op.batch_alter_table("intake_match_keys", schema=None) as batch_op:
        batch_op.create_index("ix_intake_match_keys_lookup", ["kind", "value"], unique=False)

    op.create_table(
        "intake_merges",
        sa.Column("survivor_id", sa.Uuid(), nullable=True),
        sa.Column("merged_id", sa.Uuid(), nullable=False),
        sa.Column("duplicate_id", sa.Uuid(), nullable=True),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("survivor_version", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("undone_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("undone_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_intake_merges_actor_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["survivor_id"],
            ["people.id"],
            name=op.f("fk_intake_merges_survivor_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["undone_by_id"],
            ["users.id"],
            name=op.f("fk_intake_merges_undone_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_merges")),
    )
    with op.batch_alter_table("intake_merges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_merges_merged_id"), ["merged_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_merges_survivor_id"), ["survivor_id"], unique=False)

    op.create_table(
        "intake_reviews",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum("update", "new", name="intake_review_kind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "pending", "applied", "dismissed", name="intake_review_status", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["intake_items.id"],
            name=op.f("fk_intake_reviews_item_id_intake_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_intake_reviews_person_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"],
            ["users.id"],
            name=op.f("fk_intake_reviews_resolved_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_reviews")),
    )
    with op.batch_alter_table("intake_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_reviews_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_reviews_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("intake_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_reviews_status"))
        batch_op.drop_index(batch_op.f("ix_intake_reviews_person_id"))

    op.drop_table("intake_reviews")
    with op.batch_alter_table("intake_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_merges_survivor_id"))
        batch_op.drop_index(batch_op.f("ix_intake_merges_merged_id"))

    op.drop_table("intake_merges")
    with op.batch_alter_table("intake_match_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_intake_match_keys_lookup")

    op.drop_table("intake_match_keys")
    with op.batch_alter_table("intake_items", schema=None) as batch_op:
        batch_op.drop_index("ix_intake_items_batch_status")

    op.drop_table("intake_items")
    with op.batch_alter_table("intake_duplicates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_duplicates_status"))
        batch_op.drop_index(batch_op.f("ix_intake_duplicates_person_b_id"))
        batch_op.drop_index(batch_op.f("ix_intake_duplicates_person_a_id"))

    op.drop_table("intake_duplicates")
    with op.batch_alter_table("intake_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_documents_person_id"))

    op.drop_table("intake_documents")
    with op.batch_alter_table("intake_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_batches_status"))

    op.drop_table("intake_batches")
