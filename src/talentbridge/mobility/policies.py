"""Who may do what in mobility.

* **Permit assessment** (factor table, routes, what-if): it reveals age bands and offer salaries,
  so only roles that see sensitive personal data read it (admins, recruiters, compliance); admins
  and recruiters edit permit facts and offer terms. Hiring managers see the category badge on
  their own boards, interviewers nothing.
* **Cases**: admins, recruiters and compliance see every case and open new ones; anyone else sees
  only cases they own. Changing a case (steps, documents, dependants) is for its owners,
  compliance and admins. Case **document files** (passport, criminal record, medical report) are
  opened only by the case's owners, compliance and admins: a recruiter who is not an owner gets 403.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.policies import FULL_VISIBILITY_ROLES
from talentbridge.errors import Forbidden

ASSESSMENT_READERS = FULL_VISIBILITY_ROLES
FACT_EDITORS = frozenset({Role.ADMIN, Role.RECRUITER})
BADGE_READERS = FULL_VISIBILITY_ROLES | {Role.HIRING_MANAGER}
CASE_SUPERVISORS = frozenset({Role.ADMIN, Role.COMPLIANCE})
CASE_OPENERS = frozenset({Role.ADMIN, Role.RECRUITER, Role.COMPLIANCE})


def can_read_assessment(actor: Actor) -> bool:
    """Whether the actor may open the work-permit tab and the assessment API."""
    return actor.role in ASSESSMENT_READERS


def require_assessment_read(actor: Actor) -> None:
    """403 for roles that may not read permit assessments."""
    if not can_read_assessment(actor):
        raise Forbidden("Your role cannot see work-permit assessments.")


def can_edit_facts(actor: Actor) -> bool:
    """Whether the actor may change permit facts and offer terms."""
    return actor.role in FACT_EDITORS


def require_fact_edit(actor: Actor) -> None:
    """403 for roles that may not change permit facts or offer terms."""
    if not can_edit_facts(actor):
        raise Forbidden("Only recruiters and administrators can change permit facts and offer terms.")


def can_see_badges(actor: Actor) -> bool:
    """Whether the actor sees the permit-category badge (hiring managers do, on their boards)."""
    return actor.role in BADGE_READERS


def sees_all_cases(actor: Actor) -> bool:
    """Admins, recruiters and compliance see every case; others only the cases they own."""
    return actor.role in CASE_OPENERS


def can_open_cases(actor: Actor) -> bool:
    """Whether the actor may open a new case."""
    return actor.role in CASE_OPENERS


def require_case_open(actor: Actor) -> None:
    """403 for roles that may not open cases."""
    if not can_open_cases(actor):
        raise Forbidden("Your role cannot open mobility cases.")


def is_owner(actor: Actor, owner_ids: Collection[uuid.UUID]) -> bool:
    """Whether the actor is one of the case's owners."""
    return actor.user_id is not None and actor.user_id in owner_ids


def can_see_case(actor: Actor, owner_ids: Collection[uuid.UUID]) -> bool:
    """Whether the actor may know the case exists."""
    return sees_all_cases(actor) or is_owner(actor, owner_ids)


def can_work_on_case(actor: Actor, owner_ids: Collection[uuid.UUID]) -> bool:
    """Whether the actor may change the case and open its document files."""
    return actor.role in CASE_SUPERVISORS or is_owner(actor, owner_ids)


def require_case_work(actor: Actor, owner_ids: Collection[uuid.UUID]) -> None:
    """403 unless the actor owns the case or is compliance or an administrator."""
    if not can_work_on_case(actor, owner_ids):
        raise Forbidden("Only the case's owners, compliance and administrators can do this.")


def require_case_delete(actor: Actor) -> None:
    """Deleting a case (and its documents) is for compliance and administrators."""
    if actor.role not in CASE_SUPERVISORS:
        raise Forbidden("Only compliance and administrators can delete a case.")


def require_reminder_scan(actor: Actor) -> None:
    """Running the reminder scan by hand is for compliance and administrators."""
    if actor.role not in CASE_SUPERVISORS:
        raise Forbidden("Only administrators and compliance can run the reminder scan.")
