"""The public careers site through HTTP: list, job page, JSON-LD, applying with consent, feeds."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from careers_helpers import PDF, OpenJob
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from talentbridge.careers.models import CareersSubmission, ConsentRecord
from talentbridge.files.models import Attachment
from talentbridge.jobs.models import Job
from talentbridge.mail.backends import MemoryMailBackend
from talentbridge.mail.models import OutboxMessage
from talentbridge.people.models import Person, PersonEmail
from talentbridge.pipeline.models import Application, Stage
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source, TrackedLink

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _close(session_factory: sessionmaker[Session], job: OpenJob) -> None:
    with session_factory() as session:
        row = session.get(Job, __import__("uuid").UUID(job.id))
        assert row is not None
        row.status = "closed"  # type: ignore[assignment]
        session.commit()


def test_list_shows_open_jobs_without_the_staff_shell(client: TestClient, open_job: OpenJob) -> None:
    page = client.get("/careers")
    assert page.status_code == 200
    assert open_job.title in page.text
    assert f"/careers/jobs/{open_job.slug}" in page.text
    assert 'class="sidebar' not in page.text
    assert "/static/css/careers.css" in page.text


def test_list_filters_by_team_and_location(client: TestClient, open_job: OpenJob) -> None:
    assert open_job.title in client.get("/careers?team=algorithm_ml").text
    assert open_job.title not in client.get("/careers?team=data_analysis").text
    assert open_job.title not in client.get("/careers?location=00000000-0000-0000-0000-000000000000").text
    assert client.get("/careers?location=junk&team=junk").status_code == 200


def test_list_and_job_page_in_chinese(client: TestClient, open_job: OpenJob) -> None:
    page = client.get("/careers", headers={"Accept-Language": "zh-CN"})
    assert 'lang="zh-Hans"' in page.text
    job = client.get(f"/careers/jobs/{open_job.slug}", headers={"Accept-Language": "zh-CN"})
    assert job.status_code == 200
    assert 'lang="zh-Hans"' in job.text


def test_job_page_embeds_job_posting_json_ld(client: TestClient, open_job: OpenJob) -> None:
    page = client.get(f"/careers/jobs/{open_job.slug}")
    assert page.status_code == 200
    scripts = JSONLD.findall(page.text)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@type"] == "JobPosting"
    for key in (
        "title",
        "description",
        "datePosted",
        "validThrough",
        "employmentType",
        "hiringOrganization",
        "identifier",
        "directApply",
    ):
        assert key in data, key
    assert "jobLocation" in data or data.get("jobLocationType") == "TELECOMMUTE"
    assert data["identifier"]["value"] == open_job.id
    assert "baseSalary" not in data  # the posting does not show the salary by default
    # the only <script> without src is the JSON-LD data block
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page.text) == ['<script type="application/ld+json">']
    assert " style=" not in page.text


def test_old_slug_redirects_and_closed_or_unknown_jobs_answer_404(
    client: TestClient, open_job: OpenJob, session_factory: sessionmaker[Session]
) -> None:
    suffix = open_job.slug.rsplit("-", 1)[1]
    moved = client.get(f"/careers/jobs/old-title-{suffix}?ch=abc", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/careers/jobs/{open_job.slug}?ch=abc"
    assert client.get("/careers/jobs/nothing-here").status_code == 404
    _close(session_factory, open_job)
    assert client.get(f"/careers/jobs/{open_job.slug}").status_code == 404
    assert open_job.title not in client.get("/careers").text


def test_tracked_link_visit_counts_a_click(
    client: TestClient, open_job: OpenJob, session_factory: sessionmaker[Session]
) -> None:
    client.get(f"/careers/jobs/{open_job.slug}?ch={open_job.token}")
    client.get(f"/careers/jobs/{open_job.slug}?ch={open_job.token}")
    client.get(f"/careers/jobs/{open_job.slug}?ch=unknown-token")
    with session_factory() as session:
        link = session.scalars(select(TrackedLink).where(TrackedLink.token == open_job.token)).one()
        assert link.clicks == 2
        assert link.last_click_at is not None


def test_applying_creates_person_application_cv_consent_and_mail(
    apply: Callable[..., Response], open_job: OpenJob, session_factory: sessionmaker[Session]
) -> None:
    response = apply(open_job, talent_pool="on")
    assert response.status_code == 303
    assert response.headers["location"] == f"/careers/jobs/{open_job.slug}/applied"
    with session_factory() as session:
        person = session.scalars(select(Person)).one()
        assert (person.first_name, person.location_country) == ("Lena", "DE")
        application = session.scalars(select(Application)).one()
        stage = session.get(Stage, application.stage_id)
        assert stage is not None
        assert stage.position == min(
            s.position for s in session.scalars(select(Stage).where(Stage.job_id == application.job_id))
        )
        source = session.get(Source, application.source_id)
        assert source is not None
        assert source.kind is SourceKind.CAREERS_PAGE
        assert person.source_id == source.id
        attachment = session.scalars(select(Attachment)).one()
        assert (attachment.application_id, attachment.content_type) == (application.id, "application/pdf")
        submission = session.scalars(select(CareersSubmission)).one()
        assert submission.answers == [
            {"question_id": open_job.question_id, "prompt": "Need a visa?", "answer": "yes"}
        ]
        consents = {c.purpose.value: c for c in session.scalars(select(ConsentRecord))}
        assert set(consents) == {"recruitment", "talent_pool"}
        record = consents["recruitment"]
        assert record.jurisdiction.value == "EU-GDPR"
        assert record.country == "DE"
        assert record.notice_version == "2026-11-01"
        assert len(record.notice_sha256) == 64
        assert len(record.ip_hash) == 64
        assert "testclient" not in record.ip_hash
        assert record.given_at.tzinfo is not None
        assert "privacy notice" in record.statement
        message = session.scalars(select(OutboxMessage)).one()
        assert message.to_address == "lena.hoffmann@example.com"
        assert open_job.title in message.subject
    assert any(open_job.title in str(m["Subject"]) for m in MemoryMailBackend.outbox)


def test_applying_through_a_tracked_link_attributes_the_channel(
    apply: Callable[..., Response], open_job: OpenJob, session_factory: sessionmaker[Session]
) -> None:
    response = apply(open_job, query=f"?ch={open_job.token}", ch=open_job.token)
    assert response.status_code == 303
    with session_factory() as session:
        application = session.scalars(select(Application)).one()
        assert str(application.source_id) == open_job.board_id
        link = session.scalars(select(TrackedLink).where(TrackedLink.token == open_job.token)).one()
        assert (link.clicks, link.applications) == (1, 1)
        assert session.scalars(select(CareersSubmission)).one().tracked_link_id == link.id


def test_chinese_applicant_gets_pipl_and_a_chinese_mail(
    apply: Callable[..., Response],
    client: TestClient,
    open_job: OpenJob,
    session_factory: sessionmaker[Session],
) -> None:
    client.headers["Accept-Language"] = "zh-CN"
    assert (
        apply(open_job, country="CN", email="wang@example.cn", phone="+86 138 0013 8000").status_code == 303
    )
    with session_factory() as session:
        record = session.scalars(select(ConsentRecord)).one()
        assert (record.jurisdiction.value, record.locale) == ("CN-PIPL", "zh_Hans")
        assert "同意" in record.statement


def test_reapplying_finds_the_person_by_email_and_refuses_a_duplicate(
    apply: Callable[..., Response],
    open_job: OpenJob,
    session_factory: sessionmaker[Session],
) -> None:
    assert apply(open_job).status_code == 303
    again = apply(open_job, email="LENA.HOFFMANN@example.com", first_name="Lena M.")
    assert again.status_code == 409
    assert "already applied" in again.text
    with session_factory() as session:
        assert len(session.scalars(select(Person)).all()) == 1
        assert len(session.scalars(select(Application)).all()) == 1
        assert len(session.scalars(select(PersonEmail)).all()) == 1


def test_missing_consent_missing_cv_and_bad_upload_answer_422_and_save_nothing(
    apply: Callable[..., Response], open_job: OpenJob, session_factory: sessionmaker[Session]
) -> None:
    no_consent = apply(open_job, consent=None)
    assert no_consent.status_code == 422
    assert "Please agree to the privacy notice" in no_consent.text
    assert apply(open_job, files={}).status_code == 422
    bad = apply(open_job, files={"cv": ("cv.pdf", b"\x00\x01 not a pdf", "application/pdf")})
    assert bad.status_code == 422
    assert "cannot be accepted" in bad.text
    renamed = apply(open_job, files={"cv": ("cv.docx", PDF, "application/pdf")})
    assert renamed.status_code == 422
    assert apply(open_job, **{f"q_{open_job.question_id}": "maybe"}).status_code == 422
    assert apply(open_job, **{f"q_{open_job.question_id}": ""}).status_code == 422
    assert apply(open_job, email="not-an-email").status_code == 422
    assert apply(open_job, country="").status_code == 422
    with session_factory() as session:
        assert session.scalars(select(Person)).all() == []
        assert session.scalars(select(ConsentRecord)).all() == []


def test_oversized_cv_is_refused(
    apply: Callable[..., Response], open_job: OpenJob, app: object, session_factory: sessionmaker[Session]
) -> None:
    limit = app.state.settings.max_upload_bytes  # type: ignore[attr-defined]
    big = PDF[:-6] + b" " * (limit + 10) + b"%%EOF\n"
    assert apply(open_job, files={"cv": ("cv.pdf", big, "application/pdf")}).status_code == 413
    with session_factory() as session:
        assert session.scalars(select(Person)).all() == []


def test_csrf_honeypot_and_rate_limit(
    apply: Callable[..., Response], open_job: OpenJob, app: object, session_factory: sessionmaker[Session]
) -> None:
    assert apply(open_job, csrf=False).status_code == 403
    trap = apply(open_job, website="http://spam.example")
    assert trap.status_code == 303
    with session_factory() as session:
        assert session.scalars(select(Person)).all() == []
    app.state.settings.careers_applications_per_hour = 2  # type: ignore[attr-defined]
    app.state.careers_throttle = None  # type: ignore[attr-defined]
    statuses = [apply(open_job, email=f"p{n}@example.com").status_code for n in range(3)]
    assert statuses == [303, 303, 429]


def test_closed_job_refuses_applications(
    apply: Callable[..., Response],
    client: TestClient,
    open_job: OpenJob,
    session_factory: sessionmaker[Session],
) -> None:
    page = client.get(f"/careers/jobs/{open_job.slug}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    _close(session_factory, open_job)
    response = client.post(
        f"/careers/jobs/{open_job.slug}/apply",
        data={"csrf_token": token.group(1), "consent": "on"},
        files={"cv": ("cv.pdf", PDF, "application/pdf")},
    )
    assert response.status_code == 404
    assert client.get(f"/careers/jobs/{open_job.slug}/applied").status_code == 404


def test_confirmation_and_privacy_pages(client: TestClient, open_job: OpenJob) -> None:
    done = client.get(f"/careers/jobs/{open_job.slug}/applied")
    assert done.status_code == 200
    assert open_job.title in done.text
    privacy = client.get("/careers/privacy")
    assert privacy.status_code == 200
    assert "2026-11-01" in privacy.text


def test_indeed_feed_is_valid_and_carries_the_board_token(client: TestClient, open_job: OpenJob) -> None:
    plain = client.get("/feeds/indeed.xml")
    assert plain.status_code == 200
    assert plain.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(plain.content)  # noqa: S314 - our own output, parsed to check it
    jobs = root.findall("job")
    assert [job.findtext("title") for job in jobs] == [open_job.title]
    for name in (
        "title",
        "date",
        "referencenumber",
        "url",
        "company",
        "city",
        "state",
        "country",
        "postalcode",
        "description",
        "salary",
        "jobtype",
    ):
        assert jobs[0].find(name) is not None, name
    assert "?ch=" not in (jobs[0].findtext("url") or "")
    tracked = ET.fromstring(client.get("/feeds/indeed.xml?channel=indeed").content)  # noqa: S314
    assert (tracked.find("job/url").text or "").endswith(f"?ch={open_job.token}")  # type: ignore[union-attr]
    assert client.get("/feeds/indeed.xml?channel=nope").status_code == 404


def test_json_feed_lists_open_jobs_with_job_postings(client: TestClient, open_job: OpenJob) -> None:
    response = client.get("/feeds/jobs.json?channel=Indeed")
    assert response.status_code == 200
    document = response.json()
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    [item] = document["items"]
    assert item["id"] == open_job.id
    assert item["url"].endswith(f"?ch={open_job.token}")
    assert item["_job_posting"]["@type"] == "JobPosting"
