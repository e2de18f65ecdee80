"""The person page: the header and one tab (profile, applications, activity, notes, files).

Tabs are chosen by ``?tab=`` so they work without JavaScript; only the open tab's data is
loaded. Reading the full record is recorded as a view. What a role may not see is decided by the
services (``person_to_read`` redacts, hidden people answer 404); the page only leaves out what
the services left out.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from babel import dates as babel_dates
from babel.support import LazyProxy
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from talentbridge.api.deps import DbSession
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.policies import WRITE_ROLES
from talentbridge.errors import NotFound
from talentbridge.files import service as files_service
from talentbridge.files.models import Attachment
from talentbridge.files.policies import can_manage_attachments, can_read_attachments
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.schemas import JobFilter
from talentbridge.kit.clock import utc_now
from talentbridge.notes import service as notes_service
from talentbridge.notes.schemas import NoteRead
from talentbridge.people import service
from talentbridge.people.schemas import PersonRead, TimelineEntry
from talentbridge.people.web._display import (
    LINK_KEYS,
    Options,
    blank_choice,
    degree_label,
    file_size,
    file_type_label,
    level_label,
    link_label,
    period_label,
    phone_display,
)
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.models import Application
from talentbridge.pipeline.schemas import ApplicationFilter
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.models import Source
from talentbridge.sourcing.web import kind_label
from talentbridge.web import extensions
from talentbridge.web.deps import PageActor, viewer_timezone
from talentbridge.web.formatting import zone
from talentbridge.web.forms import FormState
from talentbridge.web.i18n import _, current_locale, lazy_gettext
from talentbridge.web.labels import activity_sentence
from talentbridge.web.templating import render_page
from talentbridge.web.urls import url_for

router = APIRouter(include_in_schema=False)

Tab = Literal["profile", "applications", "activity", "notes", "files"]
TABS: tuple[Tab, ...] = ("profile", "applications", "activity", "notes", "files")
_TAB_LABELS: dict[Tab, LazyProxy] = {
    "profile": lazy_gettext("Profile"),
    "applications": lazy_gettext("Applications"),
    "activity": lazy_gettext("Activity"),
    "notes": lazy_gettext("Notes"),
    "files": lazy_gettext("Files"),
}
APPLICATIONS_SHOWN = 100
OPEN_JOBS_OFFERED = 200
TIMELINE_SHOWN = 100


@dataclass(frozen=True)
class LocalTime:
    """The person's clock now, and how it relates to the viewer's."""

    time: str
    zone: str
    difference: str


@dataclass(frozen=True)
class ApplicationRow:
    """One application on the Applications tab."""

    application: Application
    job_title: str
    days_in_stage: int


@dataclass(frozen=True)
class TimelineLine:
    """One event of the Activity tab."""

    entry: TimelineEntry
    sentence: str


@dataclass
class PersonPage:
    """What the person page shows besides the record: per-tab data and forms."""

    tab: Tab = "profile"
    applications: list[ApplicationRow] = field(default_factory=list)
    open_jobs: Options = field(default_factory=list)
    timeline: list[TimelineLine] = field(default_factory=list)
    notes: list[NoteRead] = field(default_factory=list)
    attachments: Sequence[Attachment] = ()
    uploaders: dict[uuid.UUID, str] = field(default_factory=dict)
    note_form: FormState = field(default_factory=lambda: FormState(values={"body": "", "application_id": ""}))
    file_form: FormState = field(default_factory=lambda: FormState(values={}))
    job_form: FormState = field(default_factory=lambda: FormState(values={"job_id": ""}))
    include_views: bool = False
    extension: extensions.ExtensionTab | None = None
    extension_context: Mapping[str, object] = field(default_factory=dict)


def local_time(tz_name: str | None, viewer_tz: str, *, now: datetime | None = None) -> LocalTime | None:
    """The person's local time now, in the viewer's locale, with the difference to the viewer."""
    if not tz_name:
        return None
    moment = now or utc_now()
    theirs = moment.astimezone(zone(tz_name))
    mine = moment.astimezone(zone(viewer_tz))
    offset = (theirs.utcoffset() or timedelta(0)) - (mine.utcoffset() or timedelta(0))
    minutes = int(offset.total_seconds() // 60)
    hours = f"{abs(minutes) // 60}" + (f":{abs(minutes) % 60:02d}" if minutes % 60 else "")
    if minutes == 0:
        difference = _("same time as you")
    elif minutes > 0:
        difference = _("%(hours)s h ahead of you") % {"hours": hours}
    else:
        difference = _("%(hours)s h behind you") % {"hours": hours}
    clock = babel_dates.format_time(theirs, format="short", locale=current_locale())
    return LocalTime(time=clock, zone=zone(tz_name).key, difference=difference)


def _tabs_for(actor: Actor) -> list[Tab]:
    return [tab for tab in TABS if tab != "files" or can_read_attachments(actor)]


def tab_for(value: str | None, actor: Actor) -> Tab:
    """The tab asked for if the viewer may open it, else the profile."""
    for tab in _tabs_for(actor):
        if value == tab:
            return tab
    return "profile"


def open_extension(value: str | None, actor: Actor, page: PersonPage) -> None:
    """Open another context's tab (``?tab=permit`` ...) when the viewer may see it."""
    tab = extensions.find_tab("person", value, actor)
    if tab is not None:
        page.extension = tab


def timeline_sentence(entry: TimelineEntry) -> str:
    """What happened, as a sentence ("Mei Chen added a note"; views and downloads read naturally)."""
    if entry.action == "view":
        if entry.entity_type == "attachment":
            return _("%(actor)s downloaded a file") % {"actor": entry.actor_name}
        return _("%(actor)s viewed the record") % {"actor": entry.actor_name}
    return activity_sentence(entry.actor_name, entry.action, entry.entity_type)


def _person_applications(session: Session, actor: Actor, person_id: uuid.UUID) -> Sequence[Application]:
    applications, _cursor, _total = pipeline_service.list_applications(
        session, actor, ApplicationFilter(person_id=person_id), limit=APPLICATIONS_SHOWN
    )
    return applications


def _application_rows(
    session: Session, actor: Actor, applications: Sequence[Application], titles: dict[uuid.UUID, str]
) -> list[ApplicationRow]:
    """Rows with job titles (looked up when ``titles`` lacks them) and days in the current stage."""
    now = utc_now()
    rows = []
    for application in applications:
        if application.job_id not in titles:
            titles[application.job_id] = jobs_service.get_job(session, actor, application.job_id).title
        days = max(0, (now - application.stage_entered_at).days)
        rows.append(ApplicationRow(application, titles[application.job_id], days))
    return rows


def _applications(session: Session, actor: Actor, person_id: uuid.UUID, page: PersonPage) -> None:
    applications = _person_applications(session, actor, person_id)
    titles: dict[uuid.UUID, str] = {}
    if actor.role in WRITE_ROLES:
        jobs, _next, _count = jobs_service.list_jobs(
            session, actor, JobFilter(status=JobStatus.OPEN), limit=OPEN_JOBS_OFFERED
        )
        titles = {job.id: job.title for job in jobs}
        applied = {application.job_id for application in applications}
        page.open_jobs = [
            (str(job.id), f"{job.title} · {job.hub_name}") for job in jobs if job.id not in applied
        ]
    page.applications = _application_rows(session, actor, applications, titles)


def _files(session: Session, actor: Actor, person_id: uuid.UUID, page: PersonPage) -> None:
    page.attachments = files_service.list_attachments(session, actor, person_id)
    if page.attachments:
        page.uploaders = {
            user.id: user.full_name for user in auth_service.list_assignable_users(session, actor)
        }


def _load_tab(session: Session, actor: Actor, person_id: uuid.UUID, page: PersonPage) -> None:
    if page.tab == "applications":
        _applications(session, actor, person_id, page)
    elif page.tab == "activity":
        entries = service.get_timeline(
            session, actor, person_id, include_views=page.include_views, limit=TIMELINE_SHOWN
        )
        page.timeline = [TimelineLine(entry, timeline_sentence(entry)) for entry in entries]
    elif page.tab == "notes":
        page.notes = notes_service.list_notes(session, actor, person_id)
        applications = _person_applications(session, actor, person_id)
        page.applications = _application_rows(session, actor, applications, {})
    elif page.tab == "files":
        _files(session, actor, person_id, page)


def _source(session: Session, actor: Actor, person: PersonRead) -> Source | None:
    if person.source_id is None:
        return None
    try:
        return sourcing_service.get_source(session, actor, person.source_id)
    except NotFound:
        return None


def _subtitle(person: PersonRead) -> str:
    if person.current_title and person.current_employer:
        return _("%(title)s at %(employer)s") % {
            "title": person.current_title,
            "employer": person.current_employer,
        }
    return person.current_title or person.current_employer or ""


def _ordered_links(links: Mapping[str, str]) -> list[tuple[str, str]]:
    known = [(key, links[key]) for key in LINK_KEYS if key in links]
    return known + sorted((key, url) for key, url in links.items() if key not in LINK_KEYS)


def render_person_page(
    request: Request,
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    page: PersonPage,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """The person page with one tab open (reading the full record is recorded as a view)."""
    person = service.person_to_read(actor, service.get_person(session, actor, person_id))
    if page.extension is not None:
        page.extension_context = page.extension.loader(request, session, actor, person_id)
    else:
        _load_tab(session, actor, person_id, page)
    source = _source(session, actor, person)
    return render_page(
        request,
        "people/person.html",
        actor,
        status_code=status_code,
        title=person.display_name,
        subtitle=_subtitle(person),
        person=person,
        page=page,
        tabs=[(tab, str(_TAB_LABELS[tab])) for tab in _tabs_for(actor)],
        extension_tabs=extensions.tabs_for("person", actor),
        header_badges=extensions.person_badges(session, actor, person_id),
        application_badges=extensions.application_badges(
            session,
            actor,
            [
                extensions.ApplicationRef(row.application.id, person_id, row.application.job_id)
                for row in page.applications
            ],
        ),
        source=source,
        source_kind=kind_label(source.kind) if source else "",
        local=local_time(person.timezone, viewer_timezone(request)),
        links=[(key, link_label(key), url) for key, url in _ordered_links(person.links)],
        phones=[(phone_display(phone.number), phone.number, phone.label) for phone in person.phones],
        redacted=set(person.redacted_fields),
        can_write=actor.role in WRITE_ROLES,
        can_manage_files=can_manage_attachments(actor),
        can_read_files=can_read_attachments(actor),
        level_label=level_label,
        degree_label=degree_label,
        period_label=period_label,
        file_type_label=file_type_label,
        file_size=file_size,
        note_deletable=lambda note: (
            actor.role is Role.ADMIN or (actor.user_id is not None and note.author_id == actor.user_id)
        ),
        application_choices=blank_choice(_("About the person in general"))
        + [(str(row.application.id), row.job_title) for row in page.applications],
    )


def person_url(request: Request, person_id: uuid.UUID, tab: Tab = "profile") -> str:
    """The person page's address with a tab open (the profile needs no ``?tab=``)."""
    query = {"tab": tab} if tab != "profile" else None
    return url_for(request, "person", person_id=person_id, query=query)


@router.get("/people/{person_id}", name="person")
def person_page(
    request: Request,
    person_id: uuid.UUID,
    session: DbSession,
    actor: PageActor,
    tab: str | None = None,
    views: bool = False,
) -> HTMLResponse:
    """A person: header, and the tab asked for (profile, applications, activity, notes, files)."""
    page = PersonPage(tab=tab_for(tab, actor), include_views=views)
    open_extension(tab, actor, page)
    return render_person_page(request, session, actor, person_id, page)
