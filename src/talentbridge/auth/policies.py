"""Role-level rules: what each role may do. Object-level rules live in each context's policies.

Admins and recruiters run hiring; compliance officers read everything and manage data-protection
work; hiring managers and interviewers see only the jobs they are on, and interviewers never see
compensation (expected salary, offers).
"""

from __future__ import annotations

from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.errors import Forbidden

FULL_VISIBILITY_ROLES = frozenset({Role.ADMIN, Role.RECRUITER, Role.COMPLIANCE})
WRITE_ROLES = frozenset({Role.ADMIN, Role.RECRUITER})


def sees_all_jobs(actor: Actor) -> bool:
    """Whether the actor sees every job and person, not only those of their hiring teams."""
    return actor.role in FULL_VISIBILITY_ROLES


def can_see_compensation(actor: Actor) -> bool:
    """Interviewers never see salary expectations or offers."""
    return actor.role is not Role.INTERVIEWER


def can_see_sensitive_personal_data(actor: Actor) -> bool:
    """Date of birth and similar sensitive fields: only roles that run hiring or compliance."""
    return actor.role in FULL_VISIBILITY_ROLES


def require_admin(actor: Actor) -> None:
    """Settings and user management are admin-only."""
    if actor.role is not Role.ADMIN:
        raise Forbidden("Only administrators can do this.")


def require_recruiting_write(actor: Actor) -> None:
    """Creating and editing jobs, people and sources: admins and recruiters."""
    if actor.role not in WRITE_ROLES:
        raise Forbidden("Only recruiters and administrators can do this.")


def require_pipeline_write(actor: Actor) -> None:
    """Moving candidates: admins, recruiters and hiring managers (on their own jobs)."""
    if actor.role not in WRITE_ROLES | {Role.HIRING_MANAGER}:
        raise Forbidden("Your role cannot move candidates.")
