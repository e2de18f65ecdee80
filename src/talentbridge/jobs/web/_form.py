"""The job form as submitted or loaded, and its parsing into ``JobCreate`` / ``JobUpdate`` bodies.

The page accepts exactly what the API accepts: the form is turned into the same body the API
takes (skills as ``"PyTorch | 8"`` lines, language rows, hiring team choices), validated by the
API's schemas, and every error is put next to its field, with the line or row it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from starlette.datastructures import FormData

from talentbridge.auth.models import User
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.models import Hub
from talentbridge.jobs.schemas import SALARY_FIELDS, JobRead
from talentbridge.jobs.web._choices import plain_number
from talentbridge.jobs.web._messages import field_message, value_message
from talentbridge.jobs.web._pages import bounded_int, text
from talentbridge.web.forms import FormState
from talentbridge.web.i18n import _

SCALAR_FIELDS = (
    "title",
    "role_family",
    "level",
    "hub_id",
    "work_model",
    "headcount",
    "status",
    "target_start_date",
    "required_skills",
    "preferred_skills",
    "min_education",
    "min_years_experience",
    "salary_currency",
    "salary_min",
    "salary_max",
    "salary_period",
    "description_md",
    "expected_version",
)
REQUIRED_FIELDS = ("title", "role_family", "level", "hub_id", "work_model", "headcount")
OPTIONAL_FIELDS = (
    "target_start_date",
    "min_education",
    "min_years_experience",
    *SALARY_FIELDS,
)
AMOUNT_FIELDS = ("salary_min", "salary_max")
EMPTY_LANGUAGE_ROWS = 2
MAX_LANGUAGE_ROWS = 20
ADD_LANGUAGE_ROW = "add_language"


@dataclass
class LanguageRow:
    """One row of the language requirements (``required`` is the "must have" checkbox)."""

    language: str = ""
    min_level: str = ""
    required: bool = True


@dataclass
class JobForm:
    """A job form as submitted or as loaded: scalar fields in ``state``, lists beside them.

    ``skill_lines`` and ``language_rows`` map list positions back to what the user sees (line
    numbers of the skills text, row numbers of the languages), so errors point at the right place.
    """

    state: FormState
    countries: list[str] = field(default_factory=list)
    languages: list[LanguageRow] = field(default_factory=list)
    team: dict[str, str] = field(default_factory=dict)
    skill_lines: dict[str, list[int]] = field(default_factory=dict)
    language_rows: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether nothing is wrong so far."""
        return self.state.ok

    def padded(self, extra: int = EMPTY_LANGUAGE_ROWS) -> JobForm:
        """The same form with ``extra`` empty language rows to fill in (no JavaScript needed)."""
        filled = [row for row in self.languages if row.language or row.min_level]
        rows = (filled + [LanguageRow() for _ in range(extra)])[:MAX_LANGUAGE_ROWS]
        self.languages = rows
        return self


def form_from_job(job: JobRead) -> JobForm:
    values = {
        "title": job.title,
        "role_family": job.role_family.value,
        "level": job.level.value,
        "hub_id": str(job.hub.id),
        "work_model": job.work_model.value,
        "headcount": str(job.headcount),
        "status": job.status.value,
        "target_start_date": job.target_start_date.isoformat() if job.target_start_date else "",
        "required_skills": _skills_text(job.required_skills),
        "preferred_skills": _skills_text(job.preferred_skills),
        "min_education": job.min_education.value if job.min_education else "",
        "min_years_experience": plain_number(job.min_years_experience),
        "salary_currency": job.salary_currency or "",
        "salary_min": plain_number(job.salary_min),
        "salary_max": plain_number(job.salary_max),
        "salary_period": job.salary_period.value if job.salary_period else "",
        "description_md": job.description_md,
        "expected_version": str(job.version),
    }
    return JobForm(
        state=FormState(values=values),
        countries=list(job.applicant_countries),
        languages=[LanguageRow(item.language, item.min_level.value, item.required) for item in job.languages],
        team={str(member.user_id): member.role.value for member in job.team},
    ).padded()


def blank_form(hubs: Sequence[Hub]) -> JobForm:
    active = [hub for hub in hubs if hub.is_active]
    values = dict.fromkeys(SCALAR_FIELDS, "")
    values.update(
        {
            "headcount": "1",
            "status": JobStatus.DRAFT.value,
            "hub_id": str(active[0].id) if len(active) == 1 else "",
        }
    )
    return JobForm(state=FormState(values=values)).padded()


def _skills_text(skills: Iterable[Any]) -> str:
    return "\n".join(f"{skill.name} | {plain_number(skill.weight)}" for skill in skills)


def read_job_form(data: FormData, users: Sequence[User]) -> JobForm:
    """The submitted form, as typed (nothing is interpreted yet)."""
    state = FormState.from_form(data, *SCALAR_FIELDS)
    countries = [code for code in data.getlist("applicant_countries") if isinstance(code, str) and code]
    rows = []
    for index in range(bounded_int(data.get("language_rows"), MAX_LANGUAGE_ROWS)):
        rows.append(
            LanguageRow(
                language=text(data.get(f"lang_{index}_language")),
                min_level=text(data.get(f"lang_{index}_level")),
                required=data.get(f"lang_{index}_required") == "on",
            )
        )
    team = {}
    for user in users:
        role = text(data.get(f"team_{user.id}"))
        if role:
            team[str(user.id)] = role
    return JobForm(state=state, countries=countries, languages=rows, team=team)


def _parse_skills(form: JobForm, name: str) -> list[dict[str, str]]:
    """``"PyTorch | 8"`` lines as skills (weight 1 when left out); remembers the line numbers."""
    skills, lines = [], []
    for number, line in enumerate(form.state.values[name].splitlines(), start=1):
        if not line.strip():
            continue
        skill, _bar, weight = line.rpartition("|") if "|" in line else (line, "", "")
        skills.append({"name": skill.strip(), "weight": weight.strip() or "1"})
        lines.append(number)
    form.skill_lines[name] = lines
    return skills


def _parse_languages(form: JobForm) -> list[dict[str, Any]]:
    languages, rows = [], []
    for number, row in enumerate(form.languages, start=1):
        if not row.language and not row.min_level:
            continue
        if not row.language or not row.min_level:
            form.state.add_error(
                "languages",
                _("Row %(row)d: choose both a language and a minimum level.") % {"row": number},
            )
            continue
        languages.append({"language": row.language, "min_level": row.min_level, "required": row.required})
        rows.append(number)
    form.language_rows = rows
    return languages


def _amount(value: str) -> str:
    # Thousands separators as people type them ("600,000", "600 000") are not part of the number.
    return re.sub(r"[\s,_']", "", value)


def job_payload(form: JobForm, *, creating: bool) -> dict[str, Any]:
    """The form as a ``JobCreate``/``JobUpdate`` body; required fields left empty are errors."""
    values = form.state.values
    for name in (*REQUIRED_FIELDS, *(("status",) if creating else ())):
        if not values[name]:
            form.state.add_error(name, _("This field is required."))
    payload: dict[str, Any] = {name: values[name] for name in REQUIRED_FIELDS if values[name]}
    payload["title"] = values["title"]
    payload["description_md"] = values["description_md"]
    for name in OPTIONAL_FIELDS:
        payload[name] = (_amount(values[name]) if name in AMOUNT_FIELDS else values[name]) or None
    payload["applicant_countries"] = form.countries
    payload["required_skills"] = _parse_skills(form, "required_skills")
    payload["preferred_skills"] = _parse_skills(form, "preferred_skills")
    payload["languages"] = _parse_languages(form)
    if creating:
        payload["status"] = values["status"] or JobStatus.DRAFT.value
        payload["team"] = team_payload(form)
    else:
        payload["expected_version"] = values["expected_version"]
    return payload


def team_payload(form: JobForm) -> list[dict[str, str]]:
    """The hiring team choices as ``HiringTeamMemberIn`` bodies."""
    return [{"user_id": user_id, "role": role} for user_id, role in form.team.items()]


def attach_job_errors(form: JobForm, exc: ValidationError) -> None:
    """Each Pydantic error next to its field, with line or row numbers inside list fields."""

    def explain(error: ErrorDetails) -> str:
        return value_message(error, form.state.values)

    for error in exc.errors():
        location = error["loc"]
        message = field_message(error, explain)
        if not location:
            # The only whole-body rule is the complete salary band: point at the first gap.
            name = next((name for name in SALARY_FIELDS if not form.state.values[name]), "salary_min")
        else:
            name = str(location[0])
            index = location[1] if len(location) > 1 and isinstance(location[1], int) else None
            if name in form.skill_lines and index is not None:
                line = form.skill_lines[name][index]
                message = _("Line %(line)d: %(message)s") % {"line": line, "message": message}
            elif name == "languages" and index is not None:
                row = form.language_rows[index]
                message = _("Row %(row)d: %(message)s") % {"row": row, "message": message}
        form.state.add_error(name, message)
