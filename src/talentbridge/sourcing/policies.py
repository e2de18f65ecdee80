"""Who may see and change sources.

Every signed-in user may read sources (a person's record names its channel); only admins and
recruiters create, change, deactivate or delete them. A channel's kind-specific details (agency
fee terms, referral bonuses, partnership contacts) and its tracked links are commercial facts:
admins, recruiters and compliance officers read them; hiring managers and interviewers do not.
"""

from __future__ import annotations

from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import FULL_VISIBILITY_ROLES, require_recruiting_write
from talentbridge.errors import Forbidden


def require_source_write(actor: Actor) -> None:
    """Creating, changing and deleting sources: admins and recruiters (403 otherwise)."""
    require_recruiting_write(actor)


def can_read_channels(actor: Actor) -> bool:
    """Whether the actor sees channel details and tracked links."""
    return actor.role in FULL_VISIBILITY_ROLES


def require_channel_read(actor: Actor) -> None:
    """Channel details and tracked links: admins, recruiters and compliance (403 otherwise)."""
    if not can_read_channels(actor):
        raise Forbidden("Only recruiters, administrators and compliance officers can see channel details.")
