"""Canonical stage categories and application states."""

from enum import StrEnum


class StageCategory(StrEnum):
    """What a stage means across all pipelines, so reports compare jobs with custom stages."""

    APPLIED = "applied"
    SCREEN = "screen"
    ASSESSMENT = "assessment"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


TERMINAL_CATEGORIES = frozenset({StageCategory.HIRED, StageCategory.REJECTED, StageCategory.WITHDRAWN})
REASON_REQUIRED_CATEGORIES = frozenset({StageCategory.REJECTED, StageCategory.WITHDRAWN})


class ApplicationStatus(StrEnum):
    """Whether the application is still moving."""

    ACTIVE = "active"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class ReasonKind(StrEnum):
    """Rejection reasons are ours; withdrawal reasons are the candidate's."""

    REJECTION = "rejection"
    WITHDRAWAL = "withdrawal"
