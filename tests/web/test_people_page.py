"""The person page: header, tabs, views in the audit log, notes, files, applications, roles, deletion."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from page_helpers import csrf_of, post_form
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories import records
from talentbridge.audit.models import AuditEvent
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.files.api import get_upload_limits
from talentbridge.files.models import Attachment
from talentbridge.files.uploads import PDF, UploadLimits
from talentbridge.jobs.enums import HiringTeamRole
from talentbridge.notes.models import Note
from talentbridge.people.models import Person
from talentbridge.pipeline.models import Application


def tiny_pdf() -> bytes:
    """The smallest file the upload check accepts as a PDF: the header, one object, the trailer."""
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _person(session_factory: sessionmaker[Session], **fields: Any) -> Person:
    with session_factory() as session:
        source = records.source(session, name="Tsinghua career fair")
        values: dict[str, Any] = {
            "first_name": "Wei",
            "last_name": "Li",
            "native_name": "李伟",
            "headline": "Recommender systems at scale",
            "current_title": "Algorithm Engineer",
            "current_employer": "Example AI",
            "location_city": "Shenzhen",
            "location_country": "CN",
            "timezone": "Asia/Shanghai",
            "emails": ["li.wei@example.cn"],
            "phones": [{"number": "+8613800138000", "label": "Mobile"}],
            "links": {"github": "https://github.com/liwei", "linkedin": "https://linkedin.com/in/liwei"},
            "languages": [{"language": "en", "level": "C1"}, {"language": "zh", "level": "native"}],
            "skills": [{"name": "PyTorch", "years": 5}],
            "educations": [
                {"degree_level": "master", "institution": "Tsinghua University", "end_year": 2019}
            ],
            "experiences": [
                {"title": "Ranking Engineer", "employer": "Example AI", "start_date": "2019-07-01"}
            ],
            "date_of_birth": "1994-05-17",
            "expected_salary_amount": "650000",
            "expected_salary_currency": "CNY",
            "expected_salary_period": "year",
            "notice_period_days": 30,
            "tags": ["campus-2026"],
            "source_id": source.id,
        }
        values.update(fields)
        return records.person(session, **values)


def _views(session_factory: sessionmaker[Session], person_id: uuid.UUID) -> list[AuditEvent]:
    with session_factory() as session:
        stmt = select(AuditEvent).where(AuditEvent.person_id == person_id, AuditEvent.action == "view")
        return list(session.scalars(stmt))


def test_profile_shows_header_and_facts_and_records_a_view(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    client = browser(Role.RECRUITER)
    page = client.get(f"/people/{person.id}")
    assert page.status_code == 200
    html = page.text
    assert "Wei Li" in html
    assert "李伟" in html
    assert "Recommender systems at scale" in html
    assert "Algorithm Engineer at Example AI" in html
    assert "Shenzhen, China" in html
    assert re.search(r'<span title="Asia/Shanghai">[^<]+ local time</span>', html)  # their clock now
    assert 'href="https://github.com/liwei"' in html
    assert ">GitHub<" in html
    assert 'href="mailto:li.wei@example.cn"' in html
    assert 'href="tel:+8613800138000"' in html
    assert "+86 138 0013 8000" in html
    assert "CN¥650,000.00" in html
    assert "per year" in html
    assert "May 17, 1994" in html
    assert "30 days" in html
    assert "Tsinghua career fair" in html
    assert "Tsinghua University" in html
    assert "Master&#39;s degree" in html
    assert "Ranking Engineer" in html
    assert "present" in html
    assert "PyTorch · 5 yrs" in html
    assert ">Native<" in html
    assert f'href="/people/{person.id}/edit"' in html
    views = _views(session_factory, person.id)
    assert len(views) == 1
    assert views[0].actor_id == client.user.id  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("tab", "marker"),
    [
        ("applications", "No applications yet"),
        ("activity", "created a person"),
        ("notes", "Add a note"),
        ("files", "Upload a file"),
    ],
)
def test_every_tab_renders(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session], tab: str, marker: str
) -> None:
    person = _person(session_factory)
    page = browser(Role.RECRUITER).get(f"/people/{person.id}", params={"tab": tab})
    assert page.status_code == 200
    assert marker in page.text
    assert f'href="/people/{person.id}?tab={tab}" aria-current="page"' in page.text


def test_activity_lists_views_only_on_request(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    client = browser(Role.RECRUITER)
    client.get(f"/people/{person.id}")
    sentence = f"{client.user.full_name} viewed the record"  # type: ignore[attr-defined]
    assert sentence not in client.get(f"/people/{person.id}?tab=activity").text
    assert sentence in client.get(f"/people/{person.id}?tab=activity&views=true").text


def test_notes_can_be_added_and_deleted_by_their_author(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    author = browser(Role.RECRUITER)
    page_url = f"/people/{person.id}?tab=notes"
    empty = post_form(author, page_url, f"/people/{person.id}/notes", {"body": "  "})
    assert empty.status_code == 422
    assert "Write the note first." in empty.text
    added = post_form(
        author, page_url, f"/people/{person.id}/notes", {"body": "Strong call.\nFollow up in May."}
    )
    assert added.status_code == 303
    assert added.headers["location"] == page_url
    html = author.get(page_url).text
    assert "Note added." in html
    assert "Strong call.<br>Follow up in May." in html
    with session_factory() as session:
        note = session.scalars(select(Note).where(Note.person_id == person.id)).one()
    colleague = browser(Role.RECRUITER)
    assert f"/notes/{note.id}/delete" not in colleague.get(page_url).text  # not theirs to delete
    refused = post_form(colleague, page_url, f"/people/{person.id}/notes/{note.id}/delete", {})
    assert refused.status_code == 403
    deleted = post_form(author, page_url, f"/people/{person.id}/notes/{note.id}/delete", {})
    assert deleted.status_code == 303
    assert "Strong call." not in author.get(page_url).text


def _upload(client: TestClient, person_id: uuid.UUID, name: str, data: bytes) -> Any:
    page = client.get(f"/people/{person_id}?tab=files")
    return client.post(
        f"/people/{person_id}/files",
        data={"csrf_token": csrf_of(page.text)},
        files={"file": (name, data, "application/octet-stream")},
        follow_redirects=False,
    )


def test_a_pdf_can_be_uploaded_and_downloaded(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    client = browser(Role.RECRUITER)
    response = _upload(client, person.id, "Li Wei CV.pdf", tiny_pdf())
    assert response.status_code == 303
    html = client.get(response.headers["location"]).text
    assert "Li Wei CV.pdf uploaded." in html
    assert "PDF document" in html
    assert client.user.full_name in html  # type: ignore[attr-defined]
    with session_factory() as session:
        attachment = session.scalars(select(Attachment).where(Attachment.person_id == person.id)).one()
    assert attachment.content_type == PDF
    download = client.get(f"/people/{person.id}/files/{attachment.id}")
    assert download.status_code == 200
    assert download.content == tiny_pdf()
    assert download.headers["content-type"] == PDF
    assert 'filename="Li Wei CV.pdf"' in download.headers["content-disposition"]
    deleted = post_form(
        client, f"/people/{person.id}?tab=files", f"/people/{person.id}/files/{attachment.id}/delete", {}
    )
    assert deleted.status_code == 303
    assert "No files yet" in client.get(f"/people/{person.id}?tab=files").text


def test_a_disguised_file_is_refused_with_a_clear_error(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    client = browser(Role.RECRUITER)
    disguised = _upload(client, person.id, "cv.docx", tiny_pdf())
    assert disguised.status_code == 422
    assert re.search(r'id="field-file-error".*does not match its file name', disguised.text)
    program = _upload(
        client, person.id, "cv.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00"
    )
    assert program.status_code == 422
    assert "This kind of file is not accepted" in program.text
    with session_factory() as session:
        assert session.scalars(select(Attachment)).all() == []


def test_an_oversized_file_is_refused(
    app: Any, browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    app.dependency_overrides[get_upload_limits] = lambda: UploadLimits(
        max_bytes=40, allowed_types=frozenset({PDF})
    )
    try:
        response = _upload(browser(Role.RECRUITER), person.id, "cv.pdf", tiny_pdf())
    finally:
        app.dependency_overrides.clear()
    assert response.status_code == 413
    assert "The file is larger than the limit of 40 bytes." in response.text


def test_a_person_can_be_added_to_an_open_job(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    with session_factory() as session:
        job = records.job(session, title="Search Ranking Engineer")
    client = browser(Role.RECRUITER)
    page_url = f"/people/{person.id}?tab=applications"
    assert "Search Ranking Engineer" in client.get(page_url).text  # offered in the "Add to job" select
    added = post_form(client, page_url, f"/people/{person.id}/applications", {"job_id": str(job.id)})
    assert added.status_code == 303
    html = client.get(page_url).text
    assert "Added to Search Ranking Engineer." in html
    assert '<span class="badge badge--neutral">Applied</span>' in html
    assert '<span class="badge badge--accent">In process</span>' in html
    again = post_form(
        client, f"/people/{person.id}", f"/people/{person.id}/applications", {"job_id": str(job.id)}
    )
    assert again.status_code == 409
    assert "already in this job&#39;s pipeline" in again.text
    with session_factory() as session:
        assert len(session.scalars(select(Application).where(Application.person_id == person.id)).all()) == 1


def _interviewer_on_job(
    session_factory: sessionmaker[Session], make_user: Callable[..., User], person: Person, role: Role
) -> User:
    user = make_user(role)
    team_role = HiringTeamRole.INTERVIEWER if role is Role.INTERVIEWER else HiringTeamRole.HIRING_MANAGER
    with session_factory() as session:
        job = records.job(session)
        records.team_member(session, job.id, user.id, team_role)
        records.application(session, person.id, job.id)
    return user


def test_interviewers_see_no_salary_no_birth_date_and_no_files(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    recruiter = browser(Role.RECRUITER)
    assert _upload(recruiter, person.id, "cv.pdf", tiny_pdf()).status_code == 303
    with session_factory() as session:
        attachment = session.scalars(select(Attachment)).one()
    client = browser(user=_interviewer_on_job(session_factory, make_user, person, Role.INTERVIEWER))
    html = client.get(f"/people/{person.id}").text
    assert "Wei Li" in html
    assert "Expected salary" not in html
    assert "650,000" not in html
    assert "Date of birth" not in html
    assert "1994" not in html
    assert "?tab=files" not in html
    assert f'/people/{person.id}/edit"' not in html
    assert "Upload a file" not in client.get(f"/people/{person.id}?tab=files").text  # falls back to profile
    assert client.get(f"/people/{person.id}/files/{attachment.id}").status_code == 403


def test_hiring_managers_see_people_on_their_jobs_and_may_download(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    assert _upload(browser(Role.RECRUITER), person.id, "cv.pdf", tiny_pdf()).status_code == 303
    client = browser(user=_interviewer_on_job(session_factory, make_user, person, Role.HIRING_MANAGER))
    html = client.get(f"/people/{person.id}").text
    assert "650,000" in html  # managers see compensation
    assert "Date of birth" not in html  # but not sensitive personal data
    files = client.get(f"/people/{person.id}?tab=files").text
    assert "Upload a file" not in files
    assert ">Download<" in files


def test_a_hiring_manager_not_on_the_persons_jobs_gets_404(
    browser: Callable[..., TestClient], make_user: Callable[..., User], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    manager = make_user(Role.HIRING_MANAGER)
    with session_factory() as session:
        job = records.job(session)
        records.team_member(session, job.id, manager.id)
        records.application(session, person.id, records.job(session, title="Another team's job").id)
    client = browser(user=manager)
    for path in ("", "?tab=notes", "?tab=activity", "/edit", "/delete"):
        assert client.get(f"/people/{person.id}{path}").status_code == 404, path
    assert _views(session_factory, person.id) == []


def test_unknown_or_malformed_ids_are_404(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    assert client.get(f"/people/{uuid.uuid4()}").status_code == 404
    assert client.get("/people/not-an-id").status_code == 404


def test_deleting_asks_first_and_then_removes_the_person(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    person = _person(session_factory)
    client = browser(Role.RECRUITER)
    confirm = client.get(f"/people/{person.id}/delete")
    assert confirm.status_code == 200
    assert "Delete this person and everything attached?" in confirm.text
    no_token = client.post(f"/people/{person.id}/delete", follow_redirects=False)
    assert no_token.status_code == 403
    deleted = post_form(client, f"/people/{person.id}/delete", f"/people/{person.id}/delete", {})
    assert deleted.status_code == 303
    assert deleted.headers["location"] == "/people"
    assert "Wei Li was deleted." in client.get("/people").text
    assert client.get(f"/people/{person.id}").status_code == 404
