"""Fixtures for careers tests: an open job (with a question) and helpers to apply through the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from careers_helpers import CSRF, PDF, OpenJob, form_data
from httpx2 import Response
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import make_hub, make_job, make_source
from talentbridge.auth.actor import Actor
from talentbridge.careers import publishing
from talentbridge.careers.public import job_slug
from talentbridge.careers.schemas import ScreeningQuestionsUpdate
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.schemas import TrackedLinkCreate


@pytest.fixture
def open_job(session_factory: sessionmaker[Session]) -> OpenJob:
    with session_factory() as session:
        hub = make_hub(session)
        job = make_job(session, hub=hub, status="open", title="Senior ML Engineer")
        questions = publishing.replace_questions(
            session,
            Actor.system(),
            job.id,
            ScreeningQuestionsUpdate.model_validate(
                {"questions": [{"prompt": "Need a visa?", "kind": "yes_no"}]}
            ),
        )
        board = make_source(session, name="Indeed", kind=SourceKind.JOB_BOARD)
        link, _created = sourcing_service.ensure_link(
            session, Actor.system(), TrackedLinkCreate(source_id=board.id, job_id=job.id)
        )
        session.commit()
        return OpenJob(
            id=str(job.id),
            slug=job_slug(job.id, job.title),
            title=job.title,
            question_id=str(questions[0].id),
            board_id=str(board.id),
            token=link.token,
        )


@pytest.fixture
def apply(client: TestClient) -> Callable[..., Response]:
    """``apply(job, files=..., **fields)``: GET the job page for its token, then POST the form."""

    def _apply(
        job: OpenJob,
        *,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        query: str = "",
        csrf: bool = True,
        http: TestClient | None = None,
        **fields: Any,
    ) -> Response:
        http = http or client
        page = http.get(f"/careers/jobs/{job.slug}{query}")
        match = CSRF.search(page.text)
        assert match is not None
        data = form_data(job, **fields)
        if csrf:
            data["csrf_token"] = match.group(1)
        upload = {"cv": ("cv.pdf", PDF, "application/pdf")} if files is None else files
        return http.post(f"/careers/jobs/{job.slug}/apply", data=data, files=upload, follow_redirects=False)

    return _apply
