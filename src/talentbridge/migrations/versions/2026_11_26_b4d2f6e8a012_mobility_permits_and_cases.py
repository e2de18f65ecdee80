"""Mobility: permit facts, assessments, offer terms, cases, documents, steps

Revision ID: b4d2f6e8a012
Revises: a3c1e5d7f901
Create Date: 2026-11-26 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talentbridge.db.types

revision: str = "b4d2f6e8a012"
down_revision: str | None = "a3c1e5d7f901"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mobility_permit_facts",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("vocational_level", sa.String(length=32), nullable=True),
        sa.Column("hsk_level", sa.Integer(), nullable=True),
        sa.Column("relevant_experience_years", sa.Double(), nullable=True),
        sa.Column("years_worked_in_china", sa.Double(), nullable=True),
        sa.Column("former_chinese_national", sa.Boolean(), nullable=False),
        sa.Column("degree_taught_in_chinese", sa.Boolean(), nullable=False),
        sa.Column("top_university_graduate", sa.Boolean(), nullable=False),
        sa.Column("fortune500_experience", sa.Boolean(), nullable=False),
        sa.Column("has_patents", sa.Boolean(), nullable=False),
        sa.Column("direct_criteria", sa.JSON(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_mobility_permit_facts_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_mobility_permit_facts_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_mobility_permit_facts")),
    )
    op.create_table(
        "mobility_assessments",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=True),
        sa.Column("assessment_date", sa.Date(), nullable=False),
        sa.Column("rule_version", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=1), nullable=True),
        sa.Column("possible_category", sa.String(length=1), nullable=True),
        sa.Column("points_total", sa.Integer(), nullable=False),
        sa.Column("input_key", sa.String(length=64), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_mobility_assessments_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_mobility_assessments_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mobility_assessments")),
    )
    with op.batch_alter_table("mobility_assessments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mobility_assessments_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mobility_assessments_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_mobility_assessments_person_id"), ["person_id"], unique=False)

    op.create_table(
        "mobility_cases",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "on_hold",
                "completed",
                "cancelled",
                name="mobility_case_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("permit_category", sa.String(length=1), nullable=True),
        sa.Column("checklist_version", sa.String(length=64), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=True),
        sa.Column("work_permit_expires_on", sa.Date(), nullable=True),
        sa.Column("residence_permit_expires_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_mobility_cases_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_mobility_cases_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_mobility_cases_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mobility_cases")),
        sa.UniqueConstraint("application_id", name=op.f("uq_mobility_cases_application_id")),
    )
    with op.batch_alter_table("mobility_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mobility_cases_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mobility_cases_status"), ["status"], unique=False)

    op.create_table(
        "mobility_offer_terms",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("annual_salary_cny", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("months_in_china_per_year", sa.Double(), nullable=True),
        sa.Column("work_city", sa.String(length=120), nullable=True),
        sa.Column("work_province", sa.String(length=120), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_mobility_offer_terms_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_mobility_offer_terms_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_mobility_offer_terms_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_mobility_offer_terms")),
    )
    with op.batch_alter_table("mobility_offer_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mobility_offer_terms_person_id"), ["person_id"], unique=False)

    op.create_table(
        "mobility_case_dependants",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "spouse", "child", "other", name="mobility_dependant_relation", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("nationality", sa.String(length=2), nullable=True),
        sa.Column("residence_permit_expires_on", sa.Date(), nullable=True),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mobility_cases.id"],
            name=op.f("fk_mobility_case_dependants_case_id_mobility_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mobility_case_dependants")),
    )
    with op.batch_alter_table("mobility_case_dependants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mobility_case_dependants_case_id"), ["case_id"], unique=False)

    op.create_table(
        "mobility_case_documents",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "missing",
                "requested",
                "received",
                "verified",
                "rejected",
                name="mobility_document_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "authentication",
            sa.Enum(
                "none",
                "consular",
                "apostille",
                "cscse",
                name="mobility_authentication",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("content_type", sa.String(length=128), nullable=True),
        sa.Column("size_bytes", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("storage_key", sa.String(length=255), nullable=True),
        sa.Column("uploaded_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mobility_cases.id"],
            name=op.f("fk_mobility_case_documents_case_id_mobility_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["users.id"],
            name=op.f("fk_mobility_case_documents_uploaded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mobility_case_documents")),
    )
    with op.batch_alter_table("mobility_case_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mobility_case_documents_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mobility_case_documents_expires_on"), ["expires_on"], unique=False
        )

    op.create_table(
        "mobility_case_owners",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mobility_cases.id"],
            name=op.f("fk_mobility_case_owners_case_id_mobility_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_mobility_case_owners_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "user_id", name=op.f("pk_mobility_case_owners")),
    )
    with op.batch_alter_table("mobility_case_owners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mobility_case_owners_user_id"), ["user_id"], unique=False)

    op.create_table(
        "mobility_case_reminders",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("item_key", sa.String(length=120), nullable=False),
        sa.Column("threshold_days", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("sent_at", talentbridge.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mobility_cases.id"],
            name=op.f("fk_mobility_case_reminders_case_id_mobility_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mobility_case_reminders")),
        sa.UniqueConstraint(
            "case_id",
            "item_key",
            "threshold_days",
            "due_on",
            name=op.f("uq_mobility_case_reminders_case_id_item_key_threshold_days_due_on"),
        ),
    )
    with op.batch_alter_table("mobility_case_reminders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mobility_case_reminders_case_id"), ["case_id"], unique=False)

    op.create_table(
        "mobility_case_steps",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "work_permit_notice",
                "z_visa",
                "entry",
                "work_permit_card",
                "residence_permit",
                name="mobility_step_kind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "in_progress",
                "done",
                "blocked",
                "not_needed",
                name="mobility_step_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("due_manual", sa.Boolean(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["mobility_cases.id"],
            name=op.f("fk_mobility_case_steps_case_id_mobility_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mobility_case_steps")),
        sa.UniqueConstraint("case_id", "kind", name=op.f("uq_mobility_case_steps_case_id_kind")),
    )
    with op.batch_alter_table("mobility_case_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mobility_case_steps_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mobility_case_steps_due_on"), ["due_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mobility_case_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_case_steps_due_on"))
        batch_op.drop_index(batch_op.f("ix_mobility_case_steps_case_id"))

    op.drop_table("mobility_case_steps")
    with op.batch_alter_table("mobility_case_reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_case_reminders_case_id"))

    op.drop_table("mobility_case_reminders")
    with op.batch_alter_table("mobility_case_owners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_case_owners_user_id"))

    op.drop_table("mobility_case_owners")
    with op.batch_alter_table("mobility_case_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_case_documents_expires_on"))
        batch_op.drop_index(batch_op.f("ix_mobility_case_documents_case_id"))

    op.drop_table("mobility_case_documents")
    with op.batch_alter_table("mobility_case_dependants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_case_dependants_case_id"))

    op.drop_table("mobility_case_dependants")
    with op.batch_alter_table("mobility_offer_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_offer_terms_person_id"))

    op.drop_table("mobility_offer_terms")
    with op.batch_alter_table("mobility_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_cases_status"))
        batch_op.drop_index(batch_op.f("ix_mobility_cases_person_id"))

    op.drop_table("mobility_cases")
    with op.batch_alter_table("mobility_assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mobility_assessments_person_id"))
        batch_op.drop_index(batch_op.f("ix_mobility_assessments_created_at"))
        batch_op.drop_index(batch_op.f("ix_mobility_assessments_application_id"))

    op.drop_table("mobility_assessments")
    op.drop_table("mobility_permit_facts")
