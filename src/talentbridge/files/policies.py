"""Who may handle attachments (CVs, certificates, letters) of the people they can see.

Admins, recruiters and compliance officers upload, download and delete them; hiring managers may
list and download those of people they can see; interviewers have no access to attachments.
Whether the person (and the attachment's application) is visible at all is people's policy.
"""

from __future__ import annotations

from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.errors import Forbidden

ATTACHMENT_MANAGERS = frozenset({Role.ADMIN, Role.RECRUITER, Role.COMPLIANCE})
ATTACHMENT_READERS = ATTACHMENT_MANAGERS | {Role.HIRING_MANAGER}


def can_read_attachments(actor: Actor) -> bool:
    """Whether the actor may list and download attachments (of people they can see)."""
    return actor.role in ATTACHMENT_READERS


def can_manage_attachments(actor: Actor) -> bool:
    """Whether the actor may upload and delete attachments."""
    return actor.role in ATTACHMENT_MANAGERS


def require_attachment_read(actor: Actor) -> None:
    """403 for roles that may not open attachments."""
    if not can_read_attachments(actor):
        raise Forbidden("Your role cannot open attachments.")


def require_attachment_manage(actor: Actor) -> None:
    """403 for roles that may not upload or delete attachments."""
    if not can_manage_attachments(actor):
        raise Forbidden("Your role cannot upload or delete attachments.")
