"""Roles of TalentBridge users."""

from enum import StrEnum


class Role(StrEnum):
    """What a user is, which bounds what they may see and do (see ``auth/policies.py``)."""

    ADMIN = "admin"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    COMPLIANCE = "compliance"
