"""Attachments through HTTP: content checks, storage, downloads, roles and clean-up."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories import records
from talentbridge.auth.enums import Role
from talentbridge.config import Settings

MAX_UPLOAD_BYTES = 32 * 1024


@pytest.fixture
def settings(tmp_path: Path, database_url: str, session_factory: sessionmaker[Session]) -> Settings:
    """The app's settings with a small upload limit, so the oversize case stays cheap."""
    del session_factory  # requested so the database is wiped after the test
    return Settings(
        env="test",
        data_dir=tmp_path / "data",
        database_url=database_url,
        secret_key="test-secret-key-that-is-long-enough-0123456789",
        password_hash_fast=True,
        mail_backend="memory",
        max_upload_bytes=MAX_UPLOAD_BYTES,
    )


def _stored_files(settings: Settings) -> list[Path]:
    root = settings.effective_attachments_dir
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def _upload(api: TestClient, person_id: uuid.UUID, name: str, data: bytes, **form: str) -> Any:
    return api.post(
        f"/api/v1/people/{person_id}/attachments",
        files={"file": (name, data, "application/octet-stream")},
        data=form,
    )


def test_real_pdf_is_stored_and_downloaded(
    api_as: Callable[..., TestClient], db: Session, settings: Settings
) -> None:
    api = api_as(Role.RECRUITER)
    person = records.person(db)
    pdf = records.minimal_pdf()
    response = _upload(api, person.id, "../../Lebenslauf Zhang.pdf", pdf)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["content_type"] == "application/pdf"
    assert body["filename"] == "Lebenslauf Zhang.pdf"
    assert body["size_bytes"] == len(pdf)
    assert body["sha256"] == hashlib.sha256(pdf).hexdigest()
    [stored] = _stored_files(settings)
    assert "Lebenslauf" not in stored.name
    download = api.get(f"/api/v1/attachments/{body['id']}/content")
    assert download.status_code == 200
    assert download.content == pdf
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith('attachment; filename="Lebenslauf Zhang.pdf"')
    assert download.headers["x-content-type-options"] == "nosniff"


def test_docx_built_with_zipfile_is_accepted(api_as: Callable[..., TestClient], db: Session) -> None:
    response = _upload(api_as(Role.COMPLIANCE), records.person(db).id, "cv.docx", records.minimal_docx())
    assert response.status_code == 201, response.text
    assert response.json()["content_type"].endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cv.pdf", b"Just some text pretending to be a PDF"),
        ("cv.pdf", records.EXE_BYTES),
        ("setup.exe", records.EXE_BYTES),
        ("cv.docx", records.plain_zip()),
        ("photo.jpg", records.PNG_BYTES),
    ],
)
def test_content_that_does_not_match_or_is_not_allowed_is_refused(
    api_as: Callable[..., TestClient], db: Session, settings: Settings, name: str, data: bytes
) -> None:
    response = _upload(api_as(Role.RECRUITER), records.person(db).id, name, data)
    assert response.status_code == 422
    assert response.json()["field"] == "file"
    assert _stored_files(settings) == []


def test_oversize_upload_is_413(api_as: Callable[..., TestClient], db: Session, settings: Settings) -> None:
    response = _upload(
        api_as(Role.RECRUITER), records.person(db).id, "big.txt", b"a" * (MAX_UPLOAD_BYTES + 1)
    )
    assert response.status_code == 413
    assert str(MAX_UPLOAD_BYTES) in response.json()["detail"]
    assert _stored_files(settings) == []


def test_missing_file_field_is_422(api_as: Callable[..., TestClient], db: Session) -> None:
    response = api_as(Role.RECRUITER).post(f"/api/v1/people/{records.person(db).id}/attachments", data={})
    assert response.status_code == 422


def test_attachment_may_name_one_of_the_persons_applications(
    api_as: Callable[..., TestClient], db: Session
) -> None:
    api = api_as(Role.RECRUITER)
    person, other = records.person(db), records.person(db, first_name="Other")
    job = records.job(db)
    own = records.application(db, person.id, job.id)
    foreign = records.application(db, other.id, job.id)
    accepted = _upload(api, person.id, "cv.txt", b"hello", application_id=str(own.id))
    assert accepted.json()["application_id"] == str(own.id)
    refused = _upload(api, person.id, "cv.txt", b"hello", application_id=str(foreign.id))
    assert refused.status_code == 422
    assert refused.json()["field"] == "application_id"


def test_roles_on_attachments(api_as: Callable[..., TestClient], db: Session) -> None:
    person = records.person(db)
    job = records.job(db)
    records.application(db, person.id, job.id)
    manager, interviewer = api_as(Role.HIRING_MANAGER), api_as(Role.INTERVIEWER)
    records.team_member(db, job.id, manager.user.id)  # type: ignore[attr-defined]
    records.team_member(db, job.id, interviewer.user.id)  # type: ignore[attr-defined]
    attachment = _upload(api_as(Role.RECRUITER), person.id, "cv.txt", b"CV text").json()
    content_url = f"/api/v1/attachments/{attachment['id']}/content"
    assert manager.get(content_url).status_code == 200
    assert [item["id"] for item in manager.get(f"/api/v1/people/{person.id}/attachments").json()] == [
        attachment["id"]
    ]
    assert _upload(manager, person.id, "mine.txt", b"x").status_code == 403
    assert manager.delete(f"/api/v1/attachments/{attachment['id']}").status_code == 403
    assert interviewer.get(content_url).status_code == 403
    assert interviewer.get(f"/api/v1/people/{person.id}/attachments").status_code == 403


def test_hiring_manager_off_the_job_gets_404(api_as: Callable[..., TestClient], db: Session) -> None:
    person = records.person(db)
    attachment = _upload(api_as(Role.RECRUITER), person.id, "cv.txt", b"CV text").json()
    manager = api_as(Role.HIRING_MANAGER)
    assert manager.get(f"/api/v1/attachments/{attachment['id']}/content").status_code == 404
    assert manager.get(f"/api/v1/people/{person.id}/attachments").status_code == 404
    assert _upload(manager, person.id, "x.txt", b"x").status_code == 404


def test_download_is_recorded_as_a_view(api_as: Callable[..., TestClient], db: Session) -> None:
    api = api_as(Role.RECRUITER)
    person = records.person(db)
    attachment = _upload(api, person.id, "cv.txt", b"CV text").json()
    api.get(f"/api/v1/attachments/{attachment['id']}/content")
    timeline = api.get(f"/api/v1/people/{person.id}/timeline", params={"include_views": "true"}).json()
    assert ("attachment", "view") in [(entry["entity_type"], entry["action"]) for entry in timeline]


def test_delete_attachment_removes_the_file(
    api_as: Callable[..., TestClient], db: Session, settings: Settings
) -> None:
    api = api_as(Role.RECRUITER)
    person = records.person(db)
    attachment = _upload(api, person.id, "cv.txt", b"CV text").json()
    assert len(_stored_files(settings)) == 1
    assert api.delete(f"/api/v1/attachments/{attachment['id']}").status_code == 200
    assert _stored_files(settings) == []
    assert api.get(f"/api/v1/attachments/{attachment['id']}/content").status_code == 404
    assert api.get(f"/api/v1/people/{person.id}/attachments").json() == []


def test_deleting_a_person_removes_their_files(
    api_as: Callable[..., TestClient], db: Session, settings: Settings
) -> None:
    api = api_as(Role.RECRUITER)
    person, keeper = records.person(db), records.person(db, first_name="Keeper")
    _upload(api, person.id, "cv.pdf", records.minimal_pdf())
    _upload(api, person.id, "notes.txt", b"notes")
    _upload(api, keeper.id, "cv.txt", b"kept")
    assert len(_stored_files(settings)) == 3
    assert api.delete(f"/api/v1/people/{person.id}").status_code == 200
    [remaining] = _stored_files(settings)
    assert remaining.read_bytes() == b"kept"


def test_file_missing_from_storage_is_404_not_500(
    api_as: Callable[..., TestClient], db: Session, settings: Settings
) -> None:
    api = api_as(Role.RECRUITER)
    attachment = _upload(api, records.person(db).id, "cv.txt", b"CV").json()
    for path in _stored_files(settings):
        path.unlink()
    assert api.get(f"/api/v1/attachments/{attachment['id']}/content").status_code == 404
