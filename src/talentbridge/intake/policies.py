"""Who may use intake: importing, reviewing parsed fields and merging people change candidate
records in bulk, so only the roles that run hiring (administrators and recruiters) may, and
they may also read import progress and duplicate proposals. Everyone else gets 403.
"""

from __future__ import annotations

from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import WRITE_ROLES
from talentbridge.errors import Forbidden


def can_use_intake(actor: Actor) -> bool:
    """Whether the actor may import, review and merge."""
    return actor.role in WRITE_ROLES


def require_intake(actor: Actor) -> None:
    """403 unless the actor is an administrator or recruiter."""
    if not can_use_intake(actor):
        raise Forbidden("Only recruiters and administrators can import, review or merge people.")
