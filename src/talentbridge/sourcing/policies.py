"""Who may see and change sources.

Every signed-in user may read sources (a person's record names its channel); only admins and
recruiters create, change, deactivate or delete them.
"""

from __future__ import annotations

from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import require_recruiting_write


def require_source_write(actor: Actor) -> None:
    """Creating, changing and deleting sources: admins and recruiters (403 otherwise)."""
    require_recruiting_write(actor)
