"""Who may see rankings and who may change them.

A ranking is advice about candidates, so it is shown to the roles that decide about them: admins,
recruiters, compliance officers (who audit automated decisions) and hiring managers (on their own
jobs, ranking only the people they may see). Interviewers assess the candidates they are given
and never see a ranking. Pinning and excluding are recruiting decisions: admins and recruiters.
Which jobs and people are visible at all is ``jobs.policies`` / ``people.policies``.
"""

from __future__ import annotations

from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.policies import WRITE_ROLES
from talentbridge.errors import Forbidden

MATCH_READ_ROLES = frozenset({Role.ADMIN, Role.RECRUITER, Role.COMPLIANCE, Role.HIRING_MANAGER})


def can_read_matches(actor: Actor) -> bool:
    """Whether the actor's role may see rankings and their explanations."""
    return actor.role in MATCH_READ_ROLES


def require_match_read(actor: Actor) -> None:
    """Refuse interviewers (403): rankings are for the people who decide."""
    if not can_read_matches(actor):
        raise Forbidden("Your role cannot see candidate rankings.")


def can_override_matches(actor: Actor) -> bool:
    """Whether the actor may pin or exclude people in a ranking."""
    return actor.role in WRITE_ROLES


def require_match_override(actor: Actor) -> None:
    """Pinning and excluding: admins and recruiters (403 otherwise)."""
    if not can_override_matches(actor):
        raise Forbidden("Only recruiters and administrators can pin or exclude candidates.")
