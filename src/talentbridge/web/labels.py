"""Translated labels and badge tones for closed vocabularies, and choices for ``<select>`` lists.

One registry keeps stage categories, job statuses and roles looking the same on every page: the
``badge`` macro and the ``label()`` template function read it. Tones carry meaning only (UI.md):
``success`` = hired / met, ``warning`` = needs attention, ``danger`` = rejected / blocked,
``accent`` = live and moving, ``neutral`` = everything else.

To show a new enum, add its members to ``_DISPLAY`` (with ``lazy_gettext`` labels) and translate
the labels in the catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Literal
from zoneinfo import available_timezones

from babel.support import LazyProxy

from talentbridge.auth.enums import Role
from talentbridge.jobs.enums import (
    DegreeLevel,
    HiringTeamRole,
    JobLevel,
    JobStatus,
    RoleFamily,
    SalaryPeriod,
    WorkModel,
)
from talentbridge.kit.clock import utc_now
from talentbridge.pipeline.enums import ApplicationStatus, StageCategory
from talentbridge.web.formatting import zone
from talentbridge.web.i18n import gettext, lazy_gettext

Tone = Literal["neutral", "accent", "success", "warning", "danger"]


@dataclass(frozen=True)
class Display:
    """How one enum member looks: its translated label and its badge tone."""

    label: LazyProxy
    tone: Tone = "neutral"


# Keyed by (enum class, value): members of different enums compare equal when their values
# match (Role.RECRUITER == HiringTeamRole.RECRUITER), so the value alone is ambiguous.
_DISPLAY: dict[tuple[type[StrEnum], str], Display] = {
    (StageCategory, StageCategory.APPLIED): Display(lazy_gettext("Applied")),
    (StageCategory, StageCategory.SCREEN): Display(lazy_gettext("Screen"), "accent"),
    (StageCategory, StageCategory.ASSESSMENT): Display(lazy_gettext("Assessment"), "accent"),
    (StageCategory, StageCategory.INTERVIEW): Display(lazy_gettext("Interview"), "accent"),
    (StageCategory, StageCategory.OFFER): Display(lazy_gettext("Offer"), "accent"),
    (StageCategory, StageCategory.HIRED): Display(lazy_gettext("Hired"), "success"),
    (StageCategory, StageCategory.REJECTED): Display(lazy_gettext("Rejected"), "danger"),
    (StageCategory, StageCategory.WITHDRAWN): Display(lazy_gettext("Withdrawn")),
    (ApplicationStatus, ApplicationStatus.ACTIVE): Display(lazy_gettext("In process"), "accent"),
    (ApplicationStatus, ApplicationStatus.HIRED): Display(lazy_gettext("Hired"), "success"),
    (ApplicationStatus, ApplicationStatus.REJECTED): Display(lazy_gettext("Rejected"), "danger"),
    (ApplicationStatus, ApplicationStatus.WITHDRAWN): Display(lazy_gettext("Withdrawn")),
    (JobStatus, JobStatus.DRAFT): Display(lazy_gettext("Draft")),
    (JobStatus, JobStatus.OPEN): Display(lazy_gettext("Open"), "accent"),
    (JobStatus, JobStatus.ON_HOLD): Display(lazy_gettext("On hold"), "warning"),
    (JobStatus, JobStatus.FILLED): Display(lazy_gettext("Filled"), "success"),
    (JobStatus, JobStatus.CLOSED): Display(lazy_gettext("Closed")),
    (WorkModel, WorkModel.ONSITE): Display(lazy_gettext("On-site")),
    (WorkModel, WorkModel.HYBRID): Display(lazy_gettext("Hybrid")),
    (WorkModel, WorkModel.REMOTE): Display(lazy_gettext("Remote")),
    (JobLevel, JobLevel.INTERN): Display(lazy_gettext("Intern")),
    (JobLevel, JobLevel.JUNIOR): Display(lazy_gettext("Junior")),
    (JobLevel, JobLevel.MID): Display(lazy_gettext("Mid-level")),
    (JobLevel, JobLevel.SENIOR): Display(lazy_gettext("Senior")),
    (JobLevel, JobLevel.STAFF): Display(lazy_gettext("Staff")),
    (JobLevel, JobLevel.PRINCIPAL): Display(lazy_gettext("Principal")),
    (JobLevel, JobLevel.MANAGER): Display(lazy_gettext("Manager")),
    (JobLevel, JobLevel.DIRECTOR): Display(lazy_gettext("Director")),
    (RoleFamily, RoleFamily.ALGORITHM_ML): Display(lazy_gettext("Algorithms and machine learning")),
    (RoleFamily, RoleFamily.DATA_ANALYSIS): Display(lazy_gettext("Data analysis")),
    (RoleFamily, RoleFamily.CROSS_CULTURAL): Display(lazy_gettext("Cross-cultural roles")),
    (RoleFamily, RoleFamily.SOFTWARE_ENGINEERING): Display(lazy_gettext("Software engineering")),
    (RoleFamily, RoleFamily.OTHER): Display(lazy_gettext("Other")),
    (DegreeLevel, DegreeLevel.NONE): Display(lazy_gettext("No degree required")),
    (DegreeLevel, DegreeLevel.SECONDARY): Display(lazy_gettext("Secondary school")),
    (DegreeLevel, DegreeLevel.ASSOCIATE): Display(lazy_gettext("Associate degree")),
    (DegreeLevel, DegreeLevel.BACHELOR): Display(lazy_gettext("Bachelor's degree")),
    (DegreeLevel, DegreeLevel.MASTER): Display(lazy_gettext("Master's degree")),
    (DegreeLevel, DegreeLevel.DOCTORATE): Display(lazy_gettext("Doctorate")),
    (SalaryPeriod, SalaryPeriod.YEAR): Display(lazy_gettext("per year")),
    (SalaryPeriod, SalaryPeriod.MONTH): Display(lazy_gettext("per month")),
    (SalaryPeriod, SalaryPeriod.HOUR): Display(lazy_gettext("per hour")),
    (HiringTeamRole, HiringTeamRole.RECRUITER): Display(lazy_gettext("Recruiter")),
    (HiringTeamRole, HiringTeamRole.HIRING_MANAGER): Display(lazy_gettext("Hiring manager")),
    (HiringTeamRole, HiringTeamRole.INTERVIEWER): Display(lazy_gettext("Interviewer")),
    (HiringTeamRole, HiringTeamRole.COORDINATOR): Display(lazy_gettext("Coordinator")),
    (Role, Role.ADMIN): Display(lazy_gettext("Administrator"), "accent"),
    (Role, Role.RECRUITER): Display(lazy_gettext("Recruiter")),
    (Role, Role.HIRING_MANAGER): Display(lazy_gettext("Hiring manager")),
    (Role, Role.INTERVIEWER): Display(lazy_gettext("Interviewer")),
    (Role, Role.COMPLIANCE): Display(lazy_gettext("Compliance officer")),
}


def display(value: StrEnum) -> Display:
    """The label and tone of an enum member (its raw value, neutral, when not registered)."""
    found = _DISPLAY.get((type(value), value.value))
    return found if found is not None else Display(LazyProxy(str, value.value))


def label(value: StrEnum) -> str:
    """The translated label of an enum member."""
    return str(display(value).label)


def tone(value: StrEnum) -> Tone:
    """The badge tone of an enum member."""
    return display(value).tone


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """``(value, label)`` pairs of an enum, in declaration order, for ``<select>`` options."""
    return [(member.value, label(member)) for member in enum]


# Canonical IANA areas; legacy aliases (US/Eastern, Etc/GMT+5, ...) would only clutter the list.
_TIMEZONE_AREAS = frozenset(
    {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)


@lru_cache(maxsize=1)
def _timezone_names() -> tuple[str, ...]:
    names = {name for name in available_timezones() if name.split("/")[0] in _TIMEZONE_AREAS}
    return ("UTC", *sorted(names))


def timezone_choices(current: str | None = None) -> list[tuple[str, str]]:
    """``(zone, "Asia/Shanghai (UTC+08:00)")`` options, starting with the zone name so typing finds it.

    The offset is today's (it changes with daylight saving time). A current value outside the
    list (an alias chosen through the API) is kept as the first option so saving never changes it.
    """
    now = utc_now()
    names = _timezone_names()
    if current and current not in names:
        names = (current, *names)
    return [(name, f"{name} ({_utc_offset(now, name)})") for name in names]


def _utc_offset(now: datetime, name: str) -> str:
    offset = now.astimezone(zone(name)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


_ACTIONS: dict[str, LazyProxy] = {
    "create": lazy_gettext("created"),
    "update": lazy_gettext("updated"),
    "delete": lazy_gettext("deleted"),
    "revoke": lazy_gettext("revoked"),
    "move": lazy_gettext("moved"),
    "status": lazy_gettext("changed the status of"),
    "seed": lazy_gettext("set up"),
    "merge": lazy_gettext("merged"),
    "erase": lazy_gettext("erased"),
    "export": lazy_gettext("exported"),
    "import": lazy_gettext("imported"),
}

_ENTITIES: dict[str, LazyProxy] = {
    "job": lazy_gettext("a job"),
    "application": lazy_gettext("an application"),
    "person": lazy_gettext("a person"),
    "user": lazy_gettext("a user"),
    "api_token": lazy_gettext("an API token"),
    "hub": lazy_gettext("a hub"),
    "stage": lazy_gettext("a stage"),
    "stage_template": lazy_gettext("the default stages"),
    "pipeline_defaults": lazy_gettext("the default pipeline"),
    "job_stages": lazy_gettext("a job's stages"),
    "hiring_team": lazy_gettext("a hiring team"),
    "attachment": lazy_gettext("a file"),
    "rejection_reason": lazy_gettext("a rejection reason"),
    "source": lazy_gettext("a source"),
    "note": lazy_gettext("a note"),
}


def activity_sentence(actor_name: str | None, action: str, entity_type: str) -> str:
    """A sentence like "Ana Lee created a job" for an audit event, in the viewer's language.

    Unknown actions and entity types are shown by their code, so a new use case still reads.
    """
    words = {
        "actor": actor_name or gettext("System"),
        "action": str(_ACTIONS.get(action, action.replace("_", " "))),
        "entity": str(_ENTITIES.get(entity_type, entity_type.replace("_", " "))),
    }
    return gettext("%(actor)s %(action)s %(entity)s") % words
