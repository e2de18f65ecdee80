"""Kinds of sourcing channel."""

from enum import StrEnum


class SourceKind(StrEnum):
    """The channel type; reports group by it."""

    JOB_BOARD = "job_board"
    UNIVERSITY = "university"
    REFERRAL = "referral"
    TALENT_PROGRAMME = "talent_programme"
    AGENCY = "agency"
    CAREERS_PAGE = "careers_page"
    SOURCED = "sourced"
    OTHER = "other"
