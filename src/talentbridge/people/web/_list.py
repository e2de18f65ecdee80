"""The people list: filters kept in the URL, sorting, pagination and one row per person.

The query string is read with the API's ``PersonListParams``, so the page and the API filter
exactly alike; what the viewer may not see the service already left out.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy.orm import Session

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.auth.policies import WRITE_ROLES
from talentbridge.people import repository, service
from talentbridge.people.enums import PersonSort
from talentbridge.people.schemas import PersonListParams, PersonSummary
from talentbridge.people.web._display import (
    blank_choice,
    country_choices,
    language_choices,
    level_choices,
    level_label,
    source_choices,
)
from talentbridge.people.web._forms import add_schema_errors, split_items
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.models import Source
from talentbridge.web.deps import PageActor
from talentbridge.web.forms import FormState, validation_message
from talentbridge.web.i18n import _, ngettext
from talentbridge.web.templating import render_page

router = APIRouter(include_in_schema=False)

LIST_PAGE_SIZE = 50
SKILLS_SHOWN = 3
# Filters the bar edits as one value each (the skill box may hold several skills).
_BAR_FIELDS = (
    "country",
    "nationality",
    "language",
    "min_level",
    "source_id",
    "tag",
    "has_applications",
)
# Everything the list keeps in the URL besides the skills.
LIST_FIELDS = ("q", *_BAR_FIELDS, "job_id", "created_after", "sort", "cursor")
# Filters shown in the bar (sort, cursor and the job filter are kept but not edited there).
FILTER_FIELDS = ("q", "skill", *_BAR_FIELDS)
# Filters behind "More filters" (the disclosure opens when one of them is set).
MORE_FILTER_FIELDS = ("nationality", "language", "min_level", "tag", "has_applications")


@dataclass(frozen=True)
class PersonRow:
    """One row of the people list."""

    person: PersonSummary
    languages: list[tuple[str, str]]
    source: Source | None

    @property
    def skills_shown(self) -> list[str]:
        """The first few skills (the rest are counted)."""
        return self.person.skills[:SKILLS_SHOWN]

    @property
    def skills_more(self) -> int:
        """How many skills are not shown."""
        return max(0, len(self.person.skills) - SKILLS_SHOWN)


@dataclass
class Listing:
    """One page of the list: its rows, the cursor of the next page and the number of matches."""

    rows: list[PersonRow] = field(default_factory=list)
    next_cursor: str | None = None
    total: int = 0


def _page_size() -> int:
    # Read from the package when a page is built, so the size can be changed there (tests do).
    from talentbridge.people import web

    return web.LIST_PAGE_SIZE


def parse_list_query(request: Request) -> tuple[PersonListParams | None, FormState]:
    """The list's query string as ``PersonListParams``, and the filter bar's values and errors."""
    query = request.query_params
    values = {name: query.get(name, "").strip() for name in LIST_FIELDS}
    skills = [skill for raw in query.getlist("skill") for skill in split_items(raw)]
    values["skill"] = ", ".join(skills)
    form = FormState(values=values)
    data: dict[str, Any] = {name: value for name, value in values.items() if value and name != "skill"}
    data["skill"] = skills
    data["limit"] = _page_size()
    try:
        return PersonListParams.model_validate(data), form
    except ValidationError as exc:
        add_schema_errors(form, exc, _filter_message)
        return None, form


def _filter_message(name: str, error: ErrorDetails) -> str:
    if name in {"country", "nationality"}:
        return _("Choose a country from the list.")
    if name == "language":
        return _("Choose a language from the list.")
    if name == "min_level" and error["type"] == "value_error":
        return _("Choose a language for the minimum level.")
    if name == "cursor":
        return _("The page link is not valid; start again from the first page.")
    return validation_message(error)


def _languages_by_person(
    session: Session, person_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """Each listed person's languages with levels (a fixed number of queries for the whole page).

    ``PersonSummary`` carries no languages; the ids come from ``list_people``, which already
    applied the viewer's visibility.
    """
    people = repository.get_people_full(session, person_ids)
    return {
        person.id: [
            (row.language, level_label(row.level))
            for row in sorted(person.languages, key=lambda row: row.language)
        ]
        for person in people
    }


def _listing(session: Session, actor: Actor, params: PersonListParams, sources: Sequence[Source]) -> Listing:
    page = service.list_people(session, actor, params, cursor=params.cursor, limit=params.limit)
    by_id = {source.id: source for source in sources}
    languages = _languages_by_person(session, [person.id for person in page.items])
    rows = [
        PersonRow(
            person,
            languages.get(person.id, []),
            by_id.get(person.source_id) if person.source_id else None,
        )
        for person in page.items
    ]
    return Listing(rows, page.next_cursor, page.total)


def _has_filters(form: FormState) -> bool:
    return any(form.values.get(name) for name in (*FILTER_FIELDS, "job_id", "created_after"))


def _subtitle(form: FormState, total: int) -> str:
    if _has_filters(form):
        return ngettext("%(num)d person matches", "%(num)d people match", total) % {"num": total}
    return ngettext("%(num)d person in the talent pool", "%(num)d people in the talent pool", total) % {
        "num": total
    }


@router.get("/people", name="people")
def people_page(request: Request, session: DbSession, actor: PageActor) -> HTMLResponse:
    """Everyone the viewer may see, filtered, sorted and paged; filters live in the URL."""
    params, form = parse_list_query(request)
    sources = sourcing_service.list_sources(session, actor)
    listing = _listing(session, actor, params, sources) if params is not None else Listing()
    return render_page(
        request,
        "people/list.html",
        actor,
        status_code=200 if params is not None else 422,
        title=_("People"),
        subtitle=_subtitle(form, listing.total),
        form=form,
        rows=listing.rows,
        next_cursor=listing.next_cursor,
        total=listing.total,
        sort=(params.sort if params is not None else PersonSort.CREATED_DESC).value,
        filtered=_has_filters(form),
        more_filters_open=any(form.values.get(name) for name in MORE_FILTER_FIELDS),
        can_write=actor.role in WRITE_ROLES,
        countries=blank_choice(_("Any country")) + country_choices(form.values["country"]),
        nationalities=blank_choice(_("Any nationality")) + country_choices(form.values["nationality"]),
        language_options=blank_choice(_("Any language")) + language_choices(form.values["language"]),
        levels=blank_choice(_("Any level")) + level_choices(),
        sources=blank_choice(_("Any source")) + source_choices(sources, form.values["source_id"]),
        application_choices=[
            ("", _("Anyone")),
            ("true", _("With applications")),
            ("false", _("Without applications")),
        ],
    )
