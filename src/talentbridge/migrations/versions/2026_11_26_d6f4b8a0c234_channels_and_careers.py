"""Sourcing channels, tracked links, careers applications and consent records

Revision ID: d6f4b8a0c234
Revises: c5e3a7f9b123
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talentbridge.db.types

revision: str = "d6f4b8a0c234"
down_revision: str | None = "c5e3a7f9b123"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing sources get empty channel details; the server default only fills those rows.
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("channel_details", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.alter_column("channel_details", server_default=None)

    op.create_table(
        "career_postings",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("listed", sa.Boolean(), nullable=False),
        sa.Column(
            "employment_type",
            sa.Enum(
                "FULL_TIME",
                "PART_TIME",
                "CONTRACTOR",
                "TEMPORARY",
                "INTERN",
                name="employment_type",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("valid_through", sa.Date(), nullable=True),
        sa.Column("show_salary", sa.Boolean(), nullable=False),
        sa.Column("eligibility_to_work", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_career_postings_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_career_postings")),
        sa.UniqueConstraint("job_id", name=op.f("uq_career_postings_job_id")),
    )

    op.create_table(
        "screening_questions",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("prompt", sa.String(length=500), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("text", "yes_no", "choice", name="question_kind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_screening_questions_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_questions")),
    )
    with op.batch_alter_table("screening_questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_screening_questions_job_id"), ["job_id"], unique=False)

    op.create_table(
        "tracked_links",
        sa.Column("token", sa.String(length=24), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("clicks", sa.Integer(), nullable=False),
        sa.Column("applications", sa.Integer(), nullable=False),
        sa.Column("last_click_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_tracked_links_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_tracked_links_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_tracked_links_source_id_sources"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracked_links")),
        sa.UniqueConstraint("source_id", "job_id", name=op.f("uq_tracked_links_source_id_job_id")),
        sa.UniqueConstraint("token", name=op.f("uq_tracked_links_token")),
    )
    with op.batch_alter_table("tracked_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tracked_links_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tracked_links_source_id"), ["source_id"], unique=False)

    op.create_table(
        "consent_records",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=True),
        sa.Column(
            "purpose",
            sa.Enum("recruitment", "talent_pool", name="consent_purpose", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "jurisdiction",
            sa.Enum(
                "CN-PIPL",
                "EU-GDPR",
                "UK-GDPR",
                "OTHER",
                name="consent_jurisdiction",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("notice_version", sa.String(length=32), nullable=False),
        sa.Column("notice_sha256", sa.String(length=64), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("ip_hash", sa.String(length=64), nullable=False),
        sa.Column("given_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_consent_records_application_id_applications"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_consent_records_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_records")),
    )
    with op.batch_alter_table("consent_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_records_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consent_records_given_at"), ["given_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consent_records_person_id"), ["person_id"], unique=False)

    op.create_table(
        "careers_submissions",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("tracked_link_id", sa.Uuid(), nullable=True),
        sa.Column("attachment_id", sa.Uuid(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_careers_submissions_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_careers_submissions_attachment_id_attachments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_careers_submissions_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_careers_submissions_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_careers_submissions_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tracked_link_id"],
            ["tracked_links.id"],
            name=op.f("fk_careers_submissions_tracked_link_id_tracked_links"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_careers_submissions")),
        sa.UniqueConstraint("application_id", name=op.f("uq_careers_submissions_application_id")),
    )
    with op.batch_alter_table("careers_submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_careers_submissions_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_careers_submissions_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_careers_submissions_tracked_link_id"), ["tracked_link_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("careers_submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_careers_submissions_tracked_link_id"))
        batch_op.drop_index(batch_op.f("ix_careers_submissions_person_id"))
        batch_op.drop_index(batch_op.f("ix_careers_submissions_job_id"))
    op.drop_table("careers_submissions")

    with op.batch_alter_table("consent_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_records_person_id"))
        batch_op.drop_index(batch_op.f("ix_consent_records_given_at"))
        batch_op.drop_index(batch_op.f("ix_consent_records_application_id"))
    op.drop_table("consent_records")

    with op.batch_alter_table("tracked_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tracked_links_source_id"))
        batch_op.drop_index(batch_op.f("ix_tracked_links_job_id"))
    op.drop_table("tracked_links")

    with op.batch_alter_table("screening_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screening_questions_job_id"))
    op.drop_table("screening_questions")

    op.drop_table("career_postings")

    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("channel_details")
