"""Staff pages: channels list and detail, channel-details form, the job's careers tab, consents."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from careers_helpers import OpenJob
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.careers.models import ScreeningQuestion
from talentbridge.sourcing.models import Source, TrackedLink

PASSWORD = "correct-horse-battery"  # tests/conftest.py TEST_PASSWORD
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def staff(app: object, make_user: Callable[..., User]) -> Callable[[Role], TestClient]:
    def _staff(role: Role) -> TestClient:
        user = make_user(role)
        http = TestClient(app, raise_server_exceptions=False)  # type: ignore[arg-type]
        token = CSRF.search(http.get("/login").text)
        assert token is not None
        response = http.post(
            "/login",
            data={"email": user.email, "password": PASSWORD, "next": "/", "csrf_token": token.group(1)},
            follow_redirects=False,
        )
        assert response.status_code == 303
        return http

    return _staff


def _post(http: TestClient, page: str, action: str, data: dict[str, str]) -> Response:
    token = CSRF.search(http.get(page).text)
    assert token is not None
    return http.post(action, data={**data, "csrf_token": token.group(1)}, follow_redirects=False)


def test_channels_list_and_detail_show_links_and_attributed_applications(
    staff: Callable[[Role], TestClient], apply: Callable[..., Response], open_job: OpenJob
) -> None:
    assert apply(open_job, query=f"?ch={open_job.token}", ch=open_job.token).status_code == 303
    recruiter = staff(Role.RECRUITER)
    listing = recruiter.get("/channels")
    assert listing.status_code == 200
    assert "Indeed" in listing.text
    detail = recruiter.get(f"/channels/{open_job.board_id}")
    assert detail.status_code == 200
    assert open_job.token in detail.text
    assert "Lena Hoffmann" in detail.text
    assert open_job.title in detail.text
    for role in (Role.HIRING_MANAGER, Role.INTERVIEWER):
        assert staff(role).get("/channels").status_code == 403
        assert staff(role).get(f"/channels/{open_job.board_id}").status_code == 403


def test_channel_details_form_saves_a_university_partnership(
    staff: Callable[[Role], TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        source = Source(kind="university", name="TUM joint lab", details={}, channel_details={})
        session.add(source)
        session.commit()
        source_id = source.id
    recruiter = staff(Role.RECRUITER)
    page = f"/channels/{source_id}/details"
    form = recruiter.get(page)
    assert form.status_code == 200
    assert 'name="events"' in form.text
    bad = _post(
        recruiter,
        page,
        page,
        {"institution": "TUM", "country": "DE", "events": "not-a-date | Fair"},
    )
    assert bad.status_code == 422
    assert "Line 1" in bad.text
    ok = _post(
        recruiter,
        page,
        page,
        {
            "institution": "Technical University of Munich",
            "country": "de",
            "agreement_start": "2025-01-01",
            "agreement_end": "2027-12-31",
            "contacts": "Dr. Anna Becker | Lab coordinator | a.becker@tum.example",
            "events": "2026-12-03 | AI career fair | career_fair | Garching",
            "cohorts": "2027 | master | Informatics | 40",
        },
    )
    assert ok.status_code == 303
    with session_factory() as session:
        stored = session.get(Source, source_id)
        assert stored is not None
        assert stored.channel_details["events"] == [
            {"name": "AI career fair", "date": "2026-12-03", "kind": "career_fair", "location": "Garching"}
        ]
        assert stored.channel_details["cohorts"][0]["expected_headcount"] == 40
    assert "AI career fair" in recruiter.get(f"/channels/{source_id}").text
    assert staff(Role.COMPLIANCE).get(page).status_code == 403


def test_channel_page_creates_a_tracked_link(
    staff: Callable[[Role], TestClient], open_job: OpenJob, session_factory: sessionmaker[Session]
) -> None:
    recruiter = staff(Role.RECRUITER)
    page = f"/channels/{open_job.board_id}"
    assert _post(recruiter, page, f"{page}/links", {"job_id": ""}).status_code == 303
    assert _post(recruiter, page, f"{page}/links", {"job_id": "junk"}).status_code == 303
    with session_factory() as session:
        links = session.scalars(select(TrackedLink)).all()
        assert sorted(str(link.job_id) for link in links) == sorted([open_job.id, "None"])


def test_job_careers_tab_edits_posting_and_questions(
    staff: Callable[[Role], TestClient], open_job: OpenJob, session_factory: sessionmaker[Session]
) -> None:
    recruiter = staff(Role.RECRUITER)
    tab = f"/jobs/{open_job.id}?tab=careers"
    page = recruiter.get(tab)
    assert page.status_code == 200
    assert f"/careers/jobs/{open_job.slug}" in page.text
    assert open_job.token in page.text
    saved = _post(
        recruiter,
        tab,
        f"/jobs/{open_job.id}/careers/questions",
        {"questions": "Need a visa? | yes_no\nStart? | choice | Now; Later | optional"},
    )
    assert saved.status_code == 303
    with session_factory() as session:
        prompts = [
            q.prompt for q in session.scalars(select(ScreeningQuestion).order_by(ScreeningQuestion.position))
        ]
        assert prompts == ["Need a visa?", "Start?"]
    posting = _post(
        recruiter,
        tab,
        f"/jobs/{open_job.id}/careers/posting",
        {"employment_type": "CONTRACTOR", "valid_through": "2027-02-01", "listed": "on", "show_salary": "on"},
    )
    assert posting.status_code == 303
    assert "Contractor" in recruiter.get(tab).text or "CONTRACTOR" in recruiter.get(tab).text


def test_consents_page_is_for_compliance_and_admins(
    staff: Callable[[Role], TestClient], apply: Callable[..., Response], open_job: OpenJob
) -> None:
    assert apply(open_job).status_code == 303
    page = staff(Role.COMPLIANCE).get("/compliance/consents")
    assert page.status_code == 200
    assert "EU-GDPR" in page.text
    assert staff(Role.RECRUITER).get("/compliance/consents").status_code == 403
