"""Closed vocabularies of the mobility context (stored by value)."""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    """Life cycle of a mobility case."""

    OPEN = "open"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


ACTIVE_CASE_STATUSES = frozenset({CaseStatus.OPEN, CaseStatus.ON_HOLD})


class StepKind(StrEnum):
    """The steps of a hire into China, in order (china_rules.md section 2.2)."""

    WORK_PERMIT_NOTICE = "work_permit_notice"
    Z_VISA = "z_visa"
    ENTRY = "entry"
    WORK_PERMIT_CARD = "work_permit_card"
    RESIDENCE_PERMIT = "residence_permit"


STEP_ORDER: tuple[StepKind, ...] = tuple(StepKind)


class StepStatus(StrEnum):
    """Where one step stands."""

    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    NOT_NEEDED = "not_needed"


FINISHED_STEP_STATUSES = frozenset({StepStatus.DONE, StepStatus.NOT_NEEDED})


class DocumentStatus(StrEnum):
    """Where one checklist document stands."""

    MISSING = "missing"
    REQUESTED = "requested"
    RECEIVED = "received"
    VERIFIED = "verified"
    REJECTED = "rejected"


class Authentication(StrEnum):
    """How a foreign document was made acceptable in China (china_rules.md 2.3)."""

    NONE = "none"
    CONSULAR = "consular"
    APOSTILLE = "apostille"
    CSCSE = "cscse"


class DependantRelation(StrEnum):
    """Who travels with the hire (they get Z visas and residence permits as dependants)."""

    SPOUSE = "spouse"
    CHILD = "child"
    OTHER = "other"
