"""Who may do what with notes.

Anyone who may see a person may read their notes and add one (people's visibility policy decides
who sees whom; notes about an application follow that application's job). Only the author or an
administrator may delete a note.
"""

from __future__ import annotations

from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.errors import Forbidden
from talentbridge.notes.models import Note


def can_delete_note(actor: Actor, note: Note) -> bool:
    """The author and administrators may delete a note."""
    return actor.role is Role.ADMIN or (actor.user_id is not None and actor.user_id == note.author_id)


def require_note_delete(actor: Actor, note: Note) -> None:
    """403 unless the actor wrote the note or is an administrator."""
    if not can_delete_note(actor, note):
        raise Forbidden("Only the author or an administrator can delete this note.")
