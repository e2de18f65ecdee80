"""Jobs pages: the list (filters, sorting, pages), the job form, the job page and status changes."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from page_helpers import csrf_of, post_form
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import make_application, make_hub, make_job, make_person, make_source
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.errors import TalentBridgeError
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.enums import HiringTeamRole, JobStatus
from talentbridge.jobs.models import Hub, Job
from talentbridge.jobs.schemas import HiringTeamMemberIn, HubUpdate, JobUpdate
from talentbridge.jobs.web import refusal_message
from talentbridge.web.i18n import translations, use_locale

Factory = sessionmaker[Session]


def _job(session_factory: Factory, **overrides: Any) -> Job:
    with session_factory() as session:
        job = make_job(session, **overrides)
        session.commit()
        return job


def _stored(session_factory: Factory, job_id: uuid.UUID) -> Job:
    with session_factory() as session:
        job = jobs_service.get_job(session, Actor.system(), job_id)
        session.expunge_all()
        return job


def _count_jobs(session_factory: Factory) -> int:
    with session_factory() as session:
        return session.scalar(select(func.count()).select_from(Job)) or 0


def _form_fields(page: str) -> dict[str, Any]:
    """The job form's fields as a browser would submit them unchanged (inputs, selects, text)."""
    form = page[page.index('<form class="form job-form"') :]
    form = form[: form.index("</form>")]
    fields: dict[str, Any] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if name is None or (kind and kind.group(1) == "checkbox" and " checked" not in tag):
            continue
        fields[name.group(1)] = html.unescape(value.group(1)) if value else "on"
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.DOTALL):
        chosen = [html.unescape(value) for value in re.findall(r'<option value="([^"]*)" selected>', options)]
        fields[name] = chosen if name == "applicant_countries" else (chosen[0] if chosen else "")
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.DOTALL):
        fields[name] = html.unescape(text)
    return fields


def _new_job_data(hub: Hub, **overrides: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Senior Data Engineer",
        "role_family": "software_engineering",
        "level": "senior",
        "hub_id": str(hub.id),
        "work_model": "hybrid",
        "headcount": "2",
        "status": "open",
        "target_start_date": "2027-03-01",
        "required_skills": "Python | 8\nSpark | 6\n\nSQL",
        "preferred_skills": "Kafka | 2.5",
        "language_rows": "3",
        "lang_0_language": "en",
        "lang_0_level": "C1",
        "lang_0_required": "on",
        "lang_1_language": "zh",
        "lang_1_level": "HSK4",
        "lang_2_language": "",
        "lang_2_level": "",
        "min_education": "bachelor",
        "min_years_experience": "4",
        "salary_currency": "EUR",
        "salary_min": "70,000",
        "salary_max": "95000",
        "salary_period": "year",
        "description_md": "## The team\n\nWe build **pipelines**.",
        "applicant_countries": ["DE", "PL"],
    }
    data.update(overrides)
    return data


# --- the list --------------------------------------------------------------------------------------


def test_list_shows_jobs_and_filters_them_with_the_api_schema(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        hub = make_hub(session, name="Berlin Hub")
        make_job(session, hub=hub, title="Open Backend Engineer", status="open")
        make_job(session, hub=hub, title="Draft Data Analyst", status="draft", role_family="data_analysis")
        session.commit()
    client = browser(Role.RECRUITER)
    everything = client.get("/jobs")
    assert everything.status_code == 200
    assert "Open Backend Engineer" in everything.text
    assert "Draft Data Analyst" in everything.text
    assert 'href="/jobs/new"' in everything.text
    only_open = client.get("/jobs", params={"status": "open", "hub_id": str(hub.id), "q": "backend"})
    assert "Open Backend Engineer" in only_open.text
    assert "Draft Data Analyst" not in only_open.text
    assert '<option value="open" selected>' in only_open.text  # the filter stays chosen
    assert 'value="backend"' in only_open.text
    assert "1 job" in only_open.text
    by_family = client.get("/jobs", params={"role_family": "data_analysis", "status": ""})
    assert "Draft Data Analyst" in by_family.text
    assert "Open Backend Engineer" not in by_family.text


def test_sort_links_and_pages_keep_the_filters(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        hub = make_hub(session)
        for title in ("Alpha Engineer", "Beta Engineer", "Gamma Engineer"):
            make_job(session, hub=hub, title=title, status="open")
        make_job(session, hub=hub, title="Aardvark Draft", status="draft")
        session.commit()
    client = browser(Role.RECRUITER)
    first = client.get("/jobs", params={"status": "open", "sort": "title", "limit": "2"})
    assert [t for t in ("Alpha Engineer", "Beta Engineer", "Gamma Engineer") if t in first.text] == [
        "Alpha Engineer",
        "Beta Engineer",
    ]
    assert "Aardvark Draft" not in first.text
    next_link = re.search(r'<a class="button button--secondary" rel="next" href="([^"]+)"', first.text)
    assert next_link is not None
    href = html.unescape(next_link.group(1))
    assert "status=open" in href
    assert "sort=title" in href
    assert "cursor=" in href
    second = client.get(href)
    assert second.status_code == 200
    assert "Gamma Engineer" in second.text
    assert "Alpha Engineer" not in second.text
    assert 'rel="next"' not in second.text
    # The sort header link keeps the filters and goes back to the first page.
    header = re.search(r'<a class="sort-link[^"]*" href="([^"]+)">\s*<span>Status', first.text)
    assert header is not None
    target = html.unescape(header.group(1))
    assert "status=open" in target
    assert "sort=status" in target
    assert "cursor" not in target


def test_invalid_filter_is_explained_and_ignored(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    _job(session_factory, title="Visible Engineer", status="open")
    page = browser(Role.RECRUITER).get("/jobs", params={"status": "nonsense", "q": "visible"})
    assert page.status_code == 422
    assert "Some filters were ignored" in page.text
    assert "Visible Engineer" in page.text


def test_empty_states_say_what_to_do(browser: Callable[..., TestClient], session_factory: Factory) -> None:
    recruiter = browser(Role.RECRUITER)
    assert "Create the first job" in recruiter.get("/jobs").text
    interviewer = browser(Role.INTERVIEWER)
    page = interviewer.get("/jobs").text
    assert "once a recruiter adds you to their hiring team" in page
    assert 'href="/jobs/new"' not in page
    _job(session_factory, title="Somewhere Else", status="open")
    assert "No jobs match these filters" in recruiter.get("/jobs", params={"q": "zzz"}).text


# --- creating --------------------------------------------------------------------------------------


def test_create_job_through_the_form(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User]
) -> None:
    with session_factory() as session:
        hub = make_hub(session)
        session.commit()
    manager = make_user(Role.HIRING_MANAGER, full_name="Hana Manager")
    client = browser(Role.RECRUITER)
    form = client.get("/jobs/new")
    assert form.status_code == 200
    assert f'name="team_{manager.id}"' in form.text
    data = _new_job_data(hub, **{f"team_{manager.id}": "hiring_manager"})
    response = client.post("/jobs", data={**data, "csrf_token": csrf_of(form.text)}, follow_redirects=False)
    assert response.status_code == 303, response.text
    job_id = uuid.UUID(response.headers["location"].rsplit("/", 1)[1])
    job = _stored(session_factory, job_id)
    assert (job.title, job.status, job.headcount) == ("Senior Data Engineer", JobStatus.OPEN, 2)
    assert sorted(job.applicant_countries) == ["DE", "PL"]
    assert [
        (s.name, s.weight, s.required) for s in sorted(job.skills, key=lambda s: (not s.required, s.position))
    ] == [
        ("Python", 8, True),
        ("Spark", 6, True),
        ("SQL", 1, True),
        ("Kafka", 2.5, False),
    ]
    assert sorted((lang.language, lang.min_level.value, lang.required) for lang in job.languages) == [
        ("en", "C1", True),
        ("zh", "HSK4", False),
    ]
    assert (job.salary_currency, job.salary_min, job.salary_max) == (
        "EUR",
        Decimal("70000"),
        Decimal("95000"),
    )
    assert [(member.user_id, member.role) for member in job.team] == [
        (manager.id, HiringTeamRole.HIRING_MANAGER)
    ]
    page = client.get(response.headers["location"])
    assert "Job “Senior Data Engineer” created." in page.text


def test_invalid_job_is_explained_field_by_field_and_nothing_is_created(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        hub = make_hub(session)
        session.commit()
    client = browser(Role.RECRUITER)
    bad = _new_job_data(
        hub,
        title="",
        salary_min="900000",
        salary_max="100",
        required_skills="Python | 8\nRust | lots",
        lang_2_language="de",
    )
    response = post_form(client, "/jobs/new", "/jobs", bad)
    assert response.status_code == 422
    text = html.unescape(response.text)
    assert "Please check the form:" in text
    assert 'id="field-title"' in text
    assert "This field is required." in text
    assert "The salary maximum must not be below the minimum." in text
    assert "Line 2: Enter a number." in text
    assert "Row 3: choose both a language and a minimum level." in text
    assert "Python | 8\nRust | lots" in text  # values are kept
    assert 'value="900000"' in text
    assert _count_jobs(session_factory) == 0


def test_incomplete_salary_band_and_inactive_hub_are_refused(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        hub = make_hub(session, name="Closed Office")
        jobs_service.update_hub(session, Actor.system(), hub.id, HubUpdate(is_active=False))
        active = make_hub(session)
        session.commit()
    client = browser(Role.RECRUITER)
    no_period = post_form(client, "/jobs/new", "/jobs", _new_job_data(active, salary_period=""))
    assert no_period.status_code == 422
    assert "A salary band needs currency, minimum, maximum and period together" in no_period.text
    inactive = post_form(client, "/jobs/new", "/jobs", _new_job_data(hub))
    assert inactive.status_code == 422
    assert "The hub “Closed Office” is inactive; choose another hub." in html.unescape(inactive.text)
    assert _count_jobs(session_factory) == 0


def test_more_language_rows_without_javascript(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        hub = make_hub(session)
        session.commit()
    data = _new_job_data(hub, action="add_language")
    response = post_form(browser(Role.RECRUITER), "/jobs/new", "/jobs", data)
    assert response.status_code == 200
    assert 'name="lang_4_language"' in response.text  # two filled rows + three empty ones
    assert _count_jobs(session_factory) == 0


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER, Role.COMPLIANCE])
def test_only_recruiters_and_admins_create_jobs(
    browser: Callable[..., TestClient], session_factory: Factory, role: Role
) -> None:
    with session_factory() as session:
        hub = make_hub(session)
        session.commit()
    client = browser(role)
    assert client.get("/jobs/new").status_code == 403
    assert post_form(client, "/jobs", "/jobs", _new_job_data(hub)).status_code == 403
    assert _count_jobs(session_factory) == 0


def test_creating_without_the_csrf_token_is_refused(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        hub = make_hub(session)
        session.commit()
    response = browser(Role.RECRUITER).post("/jobs", data=_new_job_data(hub))
    assert response.status_code == 403
    assert _count_jobs(session_factory) == 0


# --- editing ---------------------------------------------------------------------------------------


def test_edit_saves_changes_and_the_team(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User]
) -> None:
    job = _job(session_factory, title="Old Title", status="open")
    interviewer = make_user(Role.INTERVIEWER)
    client = browser(Role.RECRUITER)
    page = client.get(f"/jobs/{job.id}/edit")
    assert page.status_code == 200
    assert 'name="expected_version" value="1"' in page.text
    fields = _form_fields(page.text)
    assert fields["hub_id"] == str(job.hub_id)
    assert fields["salary_period"] == "year"
    assert fields["required_skills"] == "PyTorch | 8\nPython | 6"
    fields.update(
        {
            "title": "New Title",
            "work_model": "remote",
            "min_education": "",
            "description_md": "",
            "required_skills": "PyTorch | 9",
            "preferred_skills": "",
            f"team_{interviewer.id}": "interviewer",
        }
    )
    response = client.post(f"/jobs/{job.id}/edit", data=fields, follow_redirects=False)
    assert response.status_code == 303, re.findall(
        r"<li>\s*(?:<a[^>]*>)?([^<]+)", response.text.split("form-errors")[-1]
    )[:5]
    stored = _stored(session_factory, job.id)
    assert (stored.title, stored.work_model.value, stored.description_md) == ("New Title", "remote", "")
    assert [skill.name for skill in stored.skills] == ["PyTorch"]
    assert [(member.user_id, member.role) for member in stored.team] == [
        (interviewer.id, HiringTeamRole.INTERVIEWER)
    ]
    assert "Changes to “New Title” saved." in client.get(response.headers["location"]).text


def test_stale_edit_shows_a_conflict_and_changes_nothing(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    job = _job(session_factory, title="Shared Job", status="open")
    alice, bob = browser(Role.RECRUITER), browser(Role.RECRUITER)
    alice_page, bob_page = alice.get(f"/jobs/{job.id}/edit").text, bob.get(f"/jobs/{job.id}/edit").text
    alice_fields = {**_form_fields(alice_page), "title": "Alice's Title"}
    bob_fields = {**_form_fields(bob_page), "title": "Bob's Title"}
    assert alice.post(f"/jobs/{job.id}/edit", data=alice_fields, follow_redirects=False).status_code == 303
    stale = bob.post(f"/jobs/{job.id}/edit", data=bob_fields, follow_redirects=False)
    assert stale.status_code == 409
    assert "This job changed while you were editing it" in stale.text
    assert f'href="/jobs/{job.id}/edit"' in stale.text
    assert "Bob&#39;s Title" in stale.text  # the typed values are still there to copy
    assert _stored(session_factory, job.id).title == "Alice's Title"


def test_hiring_managers_cannot_edit(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User]
) -> None:
    manager = make_user(Role.HIRING_MANAGER)
    job = _job(session_factory, status="open", team=[(manager.id, HiringTeamRole.HIRING_MANAGER)])
    client = browser(user=manager)
    assert client.get(f"/jobs/{job.id}/edit").status_code == 403
    page = client.get(f"/jobs/{job.id}").text
    assert f'href="/jobs/{job.id}/edit"' not in page
    assert "Change status" not in page


# --- the job page ----------------------------------------------------------------------------------


def test_details_show_requirements_and_the_salary_band_in_the_viewers_locale(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    job = _job(
        session_factory,
        title="ML Engineer",
        status="open",
        description_md="## About\n\nTrain **models**.\n\n<script>alert(1)</script>",
    )
    page = browser(Role.RECRUITER).get(f"/jobs/{job.id}", params={"tab": "details"})
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "<strong>models</strong>" in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "CN¥600,000 \u2013 CN¥900,000 per year" in text
    assert "PyTorch" in text
    assert "CUDA" in text
    assert "Master's degree" in text
    assert "At least 5 years" in text
    assert "Germany, United Kingdom, Singapore" in text


def test_interviewer_on_the_team_sees_the_job_without_the_salary_band(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User]
) -> None:
    interviewer = make_user(Role.INTERVIEWER)
    job = _job(session_factory, status="open", team=[(interviewer.id, HiringTeamRole.INTERVIEWER)])
    client = browser(user=interviewer)
    details = html.unescape(client.get(f"/jobs/{job.id}", params={"tab": "details"}).text)
    assert "Salary band" not in details
    assert "600,000" not in details
    assert "900,000" not in details
    assert "Edit job" not in details


def test_hiring_manager_sees_only_the_jobs_they_are_on(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User]
) -> None:
    manager = make_user(Role.HIRING_MANAGER)
    theirs = _job(
        session_factory, title="Their Job", status="open", team=[(manager.id, HiringTeamRole.HIRING_MANAGER)]
    )
    other = _job(session_factory, title="Other Job", status="open")
    client = browser(user=manager)
    assert client.get(f"/jobs/{theirs.id}").status_code == 200
    hidden = client.get(f"/jobs/{other.id}")
    assert hidden.status_code == 404
    assert "Page not found" in hidden.text
    listing = client.get("/jobs").text
    assert "Their Job" in listing
    assert "Other Job" not in listing


def test_unknown_job_is_a_404_page(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    assert client.get(f"/jobs/{uuid.uuid4()}").status_code == 404
    assert client.get("/jobs/not-a-uuid").status_code == 404


def test_status_menu_offers_allowed_changes_and_applies_them(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    job = _job(session_factory, title="Status Job", status="open")
    client = browser(Role.RECRUITER)
    page = client.get(f"/jobs/{job.id}").text
    offered = re.findall(r'name="status" value="([a-z_]+)"', page)
    assert offered == ["on_hold", "filled", "closed"]
    response = post_form(
        client, f"/jobs/{job.id}", f"/jobs/{job.id}/status", {"status": "on_hold", "expected_version": "1"}
    )
    assert response.status_code == 303
    assert "“Status Job” is now On hold." in html.unescape(client.get(response.headers["location"]).text)
    assert _stored(session_factory, job.id).status is JobStatus.ON_HOLD
    refused = post_form(
        client, f"/jobs/{job.id}", f"/jobs/{job.id}/status", {"status": "filled", "expected_version": "2"}
    )
    assert refused.status_code == 303
    follow = client.get(refused.headers["location"]).text
    assert "flash--error" in follow
    assert _stored(session_factory, job.id).status is JobStatus.ON_HOLD
    stale = post_form(
        client, f"/jobs/{job.id}", f"/jobs/{job.id}/status", {"status": "open", "expected_version": "1"}
    )
    assert "Someone else changed this job" in client.get(stale.headers["location"]).text
    assert _stored(session_factory, job.id).status is JobStatus.ON_HOLD


@contextmanager
def _statements(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_job_page_query_count_does_not_grow_with_cards(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        hub = make_hub(session)
        source = make_source(session)
        small, large = make_job(session, hub=hub, status="open"), make_job(session, hub=hub, status="open")
        for _ in range(2):
            make_application(session, job=small, source=source)
        for index in range(14):
            make_application(
                session, job=large, source=source, person=make_person(session, native_name=f"候选人{index}")
            )
        session.commit()
    client = browser(Role.RECRUITER)
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    client.get(f"/jobs/{small.id}")  # warm up (catalogues, first-use seeding)
    with _statements(engine) as on_small:
        assert client.get(f"/jobs/{small.id}").status_code == 200
    with _statements(engine) as on_large:
        page = client.get(f"/jobs/{large.id}")
    assert page.status_code == 200
    assert page.text.count("data-card ") == 14
    assert len(on_small) == len(on_large), on_large
    assert len(on_large) <= 20


def test_job_pages_have_no_inline_script_or_style(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        job = make_job(session, status="open")
        application = make_application(session, job=job)
        session.commit()
    admin = browser(Role.ADMIN)
    paths = [
        "/jobs",
        "/jobs/new",
        f"/jobs/{job.id}",
        f"/jobs/{job.id}?tab=details",
        f"/jobs/{job.id}/edit",
        f"/jobs/{job.id}/candidates/add?q=a",
        f"/applications/{application.id}/move",
        f"/applications/{application.id}/reject",
        "/settings/stages",
        "/settings/reasons",
        "/settings/hubs",
        f"/settings/hubs/{job.hub_id}",
    ]
    for path in paths:
        page = admin.get(path)
        assert page.status_code == 200, path
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text) is None, path
        assert "<style" not in page.text, path
        assert " style=" not in page.text, path
        assert re.search(r"\son[a-z]+=", page.text) is None, path
        assert re.search(r'src="/static/js/kanban\.js\?v=[0-9a-f]{12}"', page.text), path


# --- refusals in the viewer's language -----------------------------------------------------------
# Refusals are translated by the error's class and field (jobs/web/_messages.py), not by their
# English wording; each mapped refusal is triggered here so a service change that breaks one fails.


def _zh(msgid: str, **params: Any) -> str:
    translated = translations("zh_Hans").gettext(msgid)
    assert translated != msgid, msgid
    return translated % params if params else translated


def test_every_mapped_refusal_shows_in_chinese(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    with session_factory() as session:
        closed = make_hub(session, name="Closed Office")
        jobs_service.update_hub(session, Actor.system(), closed.id, HubUpdate(is_active=False))
        hub = make_hub(session, name="Berlin Hub")
        job = make_job(session, hub=hub, status="open")
        session.commit()
    admin = browser(Role.ADMIN)
    assert (
        post_form(admin, "/settings/profile", "/lang", {"locale": "zh_Hans", "next": "/"}).status_code == 303
    )
    job_forms: list[tuple[dict[str, Any], str]] = [
        ({"hub_id": str(uuid.uuid4())}, _zh("This hub does not exist any more.")),
        (
            {"hub_id": str(closed.id)},
            _zh("The hub “%(name)s” is inactive; choose another hub.", name="Closed Office"),
        ),
        ({"status": "filled"}, _zh("A new job must be created as a draft or open.")),
        (
            {"salary_min": "9000", "salary_max": "100"},
            _zh("The salary maximum must not be below the minimum."),
        ),
        (
            {"salary_period": ""},
            _zh("A salary band needs currency, minimum, maximum and period together (or none)."),
        ),
        (
            {"required_skills": "Python\npython | 2"},
            _zh("The skill “%(name)s” is listed twice.", name="python"),
        ),
        (
            {"required_skills": "Python", "preferred_skills": "Python | 2"},
            _zh("The skill “%(name)s” is both required and preferred; keep it in one list.", name="Python"),
        ),
        ({"lang_1_language": "en", "lang_1_level": "B2"}, _zh("Each language can be listed only once.")),
        ({"applicant_countries": ["ZZ"]}, _zh("“%(code)s” is not a known country.", code="ZZ")),
        ({"salary_currency": "ZZZ"}, _zh("“%(code)s” is not a known currency.", code="ZZZ")),
        ({"lang_0_language": "qq"}, _zh("“%(code)s” is not a known language.", code="qq")),
    ]
    for overrides, expected in job_forms:
        response = post_form(admin, "/jobs/new", "/jobs", _new_job_data(hub, **overrides))
        assert response.status_code == 422, overrides
        assert expected in html.unescape(response.text), overrides
    hub_fields = {"name": "Berlin Hub", "city": "Berlin", "country": "DE", "timezone": "Europe/Berlin"}
    taken = post_form(admin, "/settings/hubs/new", "/settings/hubs", {**hub_fields, "currency": "EUR"})
    assert _zh("A hub named “%(name)s” already exists.", name="Berlin Hub") in html.unescape(taken.text)
    zone = post_form(
        admin, "/settings/hubs/new", "/settings/hubs", {**hub_fields, "name": "Mars", "timezone": "Mars/Base"}
    )
    assert _zh("“%(code)s” is not a known time zone.", code="Mars/Base") in html.unescape(zone.text)
    in_use = post_form(admin, f"/settings/hubs/{hub.id}", f"/settings/hubs/{hub.id}/delete", {})
    in_use_text = translations("zh_Hans").ngettext(
        "The hub “%(name)s” is used by %(num)d job; deactivate it instead of deleting it.",
        "The hub “%(name)s” is used by %(num)d jobs; deactivate it instead of deleting it.",
        1,
    ) % {"name": "Berlin Hub", "num": 1}
    assert in_use_text in html.unescape(admin.get(in_use.headers["location"]).text)
    already = post_form(admin, f"/jobs/{job.id}", f"/jobs/{job.id}/status", {"status": "open"})
    page = html.unescape(admin.get(already.headers["location"]).text)
    assert _zh("The job is already %(status)s.") % {"status": translations("zh_Hans").gettext("Open")} in page


def test_mapped_service_refusals_without_a_page_route_show_in_chinese(session_factory: Factory) -> None:
    with session_factory() as session:
        job = make_job(session, status="open")
        session.commit()
        actor = Actor.system()
        refusals: list[tuple[Callable[[], object], dict[str, str], str]] = [
            (
                lambda: jobs_service.set_hiring_team(
                    session,
                    actor,
                    job.id,
                    [HiringTeamMemberIn(user_id=uuid.uuid4(), role=HiringTeamRole.RECRUITER)],
                ),
                {},
                _zh("One of the chosen users is no longer active."),
            ),
            (
                lambda: jobs_service.update_job(
                    session, actor, job.id, JobUpdate(expected_version=job.version + 7)
                ),
                {},
                _zh("Someone else changed this job in the meantime; reload it and try again."),
            ),
        ]
        for trigger, page, expected in refusals:
            with pytest.raises(TalentBridgeError) as caught, use_locale("zh_Hans"):
                trigger()
            with use_locale("zh_Hans"):
                assert refusal_message(caught.value, page) == expected
            session.rollback()
