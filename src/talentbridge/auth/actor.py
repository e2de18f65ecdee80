"""Who is acting: passed to every service so policies and the audit log know."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from talentbridge.auth.enums import Role


@dataclass(frozen=True)
class Actor:
    """The authenticated user behind a request, command or task (``system`` for automation)."""

    user_id: uuid.UUID | None
    role: Role
    email: str = "system"
    full_name: str = "System"

    @classmethod
    def system(cls) -> Actor:
        """Automation (CLI imports, demo seeding, background jobs) acting with admin rights."""
        return cls(user_id=None, role=Role.ADMIN)

    @property
    def is_system(self) -> bool:
        """Whether no human user is behind this action."""
        return self.user_id is None
