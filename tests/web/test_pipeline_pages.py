"""The pipeline on the job page: the kanban board, moving and rejecting candidates, adding one."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from page_helpers import csrf_of, post_form
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import make_application, make_job, make_person, make_source, reason_labelled, stage_named
from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.jobs.enums import HiringTeamRole
from talentbridge.people.models import PersonEmail
from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind
from talentbridge.pipeline.models import Application

Factory = sessionmaker[Session]


@dataclass(frozen=True)
class Board:
    """A job with two applications and the ids the tests move them between."""

    job_id: uuid.UUID
    anna: uuid.UUID
    li: uuid.UUID
    person_anna: uuid.UUID
    applied: uuid.UUID
    screen: uuid.UUID
    rejected: uuid.UUID
    withdrawn: uuid.UUID
    skills_reason: uuid.UUID
    offer_reason: uuid.UUID


def _board(session_factory: Factory, team: list[tuple[uuid.UUID, HiringTeamRole]] | None = None) -> Board:
    with session_factory() as session:
        job = make_job(session, title="Kanban Engineer", status="open", team=team or [])
        source = make_source(session, name=f"LinkedIn Test {uuid.uuid4().hex[:6]}")
        anna = make_person(
            session,
            first_name="Anna",
            last_name="Schmidt",
            current_title="ML Engineer",
            current_employer="Example GmbH",
        )
        li = make_person(
            session,
            first_name="Wei",
            last_name="Li",
            native_name="李伟",
            current_title="Researcher",
            current_employer=None,
        )
        first = make_application(session, job=job, person=anna, source=source)
        second = make_application(session, job=job, person=li)
        board = Board(
            job_id=job.id,
            anna=first.id,
            li=second.id,
            person_anna=anna.id,
            applied=stage_named(session, job.id, "Applied").id,
            screen=stage_named(session, job.id, "Screen").id,
            rejected=stage_named(session, job.id, "Rejected").id,
            withdrawn=stage_named(session, job.id, "Withdrawn").id,
            skills_reason=reason_labelled(session, "Skills do not match", ReasonKind.REJECTION).id,
            offer_reason=reason_labelled(session, "Accepted another offer", ReasonKind.WITHDRAWAL).id,
        )
        session.commit()
        return board


def _application(session_factory: Factory, application_id: uuid.UUID) -> Application:
    with session_factory() as session:
        application = session.get(Application, application_id)
        assert application is not None
        session.expunge(application)
        return application


def _column(page: str, stage_id: uuid.UUID) -> str:
    start = page.index(f'data-stage="{stage_id}"')
    end = page.find("data-column ", start + 1)
    return page[start : end if end != -1 else len(page)]


def _move(client: TestClient, board: Board, application_id: uuid.UUID, **data: str) -> object:
    return post_form(client, f"/jobs/{board.job_id}", f"/applications/{application_id}/move", data)


# --- the board -------------------------------------------------------------------------------------


def test_board_shows_every_stage_with_counts_and_cards(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    page = browser(Role.RECRUITER).get(f"/jobs/{board.job_id}")
    assert page.status_code == 200
    text = page.text
    names = re.findall(r'<span class="kcol__name">([^<]+)</span>', text)
    assert names == [
        "Applied",
        "Screen",
        "Assessment",
        "Hiring manager interview",
        "Final interview",
        "Offer",
        "Hired",
        "Rejected",
        "Withdrawn",
    ]
    applied = _column(text, board.applied)
    assert '<span class="kcol__count" data-count aria-label="2 candidates">2</span>' in applied
    assert "Anna Schmidt" in applied
    assert "Wei Li" in applied
    assert "李伟" in applied
    assert "ML Engineer" in applied
    assert "Example GmbH" in applied
    assert "LinkedIn Test" in applied
    assert f'href="/people/{board.person_anna}"' in applied
    assert ">today<" in applied
    assert 'data-count aria-label="0 candidates">0</span>' in _column(text, board.screen)
    # A no-JavaScript "Move to…" form on every card, with its version and the CSRF token.
    assert text.count("data-move-form") == 2
    assert f'action="/applications/{board.anna}/move"' in text
    assert 'name="expected_version" value="1"' in text
    assert "Skills do not match" in text
    assert "Accepted another offer" in text


def test_move_with_the_form_changes_the_stage_and_confirms(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    client = browser(Role.RECRUITER)
    response = _move(
        client,
        board,
        board.anna,
        to_stage_id=str(board.screen),
        expected_version="1",
        next=f"/jobs/{board.job_id}#card-{board.anna}",
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"] == f"/jobs/{board.job_id}#card-{board.anna}"  # type: ignore[attr-defined]
    assert _application(session_factory, board.anna).stage_id == board.screen
    page = client.get(f"/jobs/{board.job_id}").text
    assert "Candidate moved to “Screen”." in html.unescape(page)
    assert "Anna Schmidt" in _column(page, board.screen)


def test_rejecting_without_a_reason_is_explained_and_changes_nothing(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    client = browser(Role.RECRUITER)
    response = _move(client, board, board.anna, to_stage_id=str(board.rejected), expected_version="1")
    assert response.status_code == 422  # type: ignore[attr-defined]
    text = html.unescape(response.text)  # type: ignore[attr-defined]
    assert "Choose a rejection reason to move the candidate to “Rejected”." in text
    assert 'id="field-reason_id-error"' in text
    assert "Reject Anna Schmidt" in text
    application = _application(session_factory, board.anna)
    assert (application.stage_id, application.status, application.version) == (
        board.applied,
        ApplicationStatus.ACTIVE,
        1,
    )


def test_rejecting_with_a_reason_moves_and_records_it(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    client = browser(Role.RECRUITER)
    response = _move(
        client,
        board,
        board.anna,
        to_stage_id=str(board.rejected),
        expected_version="1",
        reason_id=str(board.skills_reason),
        note="Not enough PyTorch.",
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    application = _application(session_factory, board.anna)
    assert (application.stage_id, application.status, application.reason_id) == (
        board.rejected,
        ApplicationStatus.REJECTED,
        board.skills_reason,
    )
    page = client.get(f"/jobs/{board.job_id}").text
    assert "Candidate rejected (Skills do not match)." in page
    assert "badge--danger" in _column(page, board.rejected)


def test_a_withdrawal_reason_does_not_reject(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    response = _move(
        browser(Role.RECRUITER),
        board,
        board.anna,
        to_stage_id=str(board.rejected),
        expected_version="1",
        reason_id=str(board.offer_reason),
    )
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert "is a withdrawal reason" in html.unescape(response.text)  # type: ignore[attr-defined]
    assert _application(session_factory, board.anna).stage_id == board.applied


def test_a_stale_board_is_refreshed_with_a_message_and_nothing_changes(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    first, second = browser(Role.RECRUITER), browser(Role.RECRUITER)
    assert (
        _move(first, board, board.anna, to_stage_id=str(board.screen), expected_version="1").status_code
        == 303
    )  # type: ignore[attr-defined]
    stale = _move(
        second,
        board,
        board.anna,
        to_stage_id=str(board.withdrawn),
        expected_version="1",
        reason_id=str(board.offer_reason),
    )
    assert stale.status_code == 303  # type: ignore[attr-defined]
    page = second.get(stale.headers["location"]).text  # type: ignore[attr-defined]
    assert "Someone else moved this candidate; the board is refreshed." in page
    assert "flash--error" in page
    application = _application(session_factory, board.anna)
    assert (application.stage_id, application.version) == (board.screen, 2)


def test_the_board_script_gets_json_answers(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    client = browser(Role.RECRUITER)
    token = csrf_of(client.get(f"/jobs/{board.job_id}").text)
    headers = {"Accept": "application/json", "X-CSRF-Token": token}
    data = {"csrf_token": token, "to_stage_id": str(board.screen), "expected_version": "1"}
    moved = client.post(f"/applications/{board.li}/move", data=data, headers=headers)
    assert moved.status_code == 200
    assert moved.json() == {
        "ok": True,
        "message": "Candidate moved to “Screen”.",
        "version": 2,
        "stage_id": str(board.screen),
        "status_label": "In process",
        "status_tone": "accent",
        "active": True,
    }
    needs_reason = client.post(
        f"/applications/{board.li}/move",
        data={**data, "to_stage_id": str(board.withdrawn), "expected_version": "2"},
        headers=headers,
    )
    assert needs_reason.status_code == 422
    assert needs_reason.json()["needs_reason"] is True
    stale = client.post(
        f"/applications/{board.li}/move", data={**data, "to_stage_id": str(board.applied)}, headers=headers
    )
    assert stale.status_code == 409
    assert stale.json()["reload"] is True
    assert _application(session_factory, board.li).stage_id == board.screen
    # The reload shows why.
    assert "Someone else moved this candidate" in client.get(f"/jobs/{board.job_id}").text


def test_moving_to_the_same_stage_is_explained(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    client = browser(Role.RECRUITER)
    response = _move(client, board, board.anna, to_stage_id=str(board.applied), expected_version="1")
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert "The candidate is already in “Applied”." in html.unescape(client.get(f"/jobs/{board.job_id}").text)
    assert _application(session_factory, board.anna).version == 1


def test_moving_without_the_csrf_token_is_refused(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    response = browser(Role.RECRUITER).post(
        f"/applications/{board.anna}/move", data={"to_stage_id": str(board.screen), "expected_version": "1"}
    )
    assert response.status_code == 403
    assert _application(session_factory, board.anna).stage_id == board.applied


def test_interviewer_sees_the_board_but_cannot_move(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User]
) -> None:
    interviewer = make_user(Role.INTERVIEWER)
    board = _board(session_factory, team=[(interviewer.id, HiringTeamRole.INTERVIEWER)])
    client = browser(user=interviewer)
    page = client.get(f"/jobs/{board.job_id}").text
    assert "Anna Schmidt" in page
    assert "data-move-form" not in page
    assert "kanban--movable" not in page
    assert "Add candidate" not in page
    refused = _move(client, board, board.anna, to_stage_id=str(board.screen), expected_version="1")
    assert refused.status_code == 403  # type: ignore[attr-defined]
    assert client.get(f"/applications/{board.anna}/reject").status_code == 403
    assert _application(session_factory, board.anna).stage_id == board.applied


def test_hiring_manager_moves_on_their_own_job_only(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User]
) -> None:
    manager = make_user(Role.HIRING_MANAGER)
    theirs = _board(session_factory, team=[(manager.id, HiringTeamRole.HIRING_MANAGER)])
    other = _board(session_factory)
    client = browser(user=manager)
    assert (
        _move(client, theirs, theirs.anna, to_stage_id=str(theirs.screen), expected_version="1").status_code
        == 303
    )  # type: ignore[attr-defined]
    hidden = _move(client, theirs, other.anna, to_stage_id=str(other.screen), expected_version="1")
    assert hidden.status_code == 404  # type: ignore[attr-defined]
    assert _application(session_factory, other.anna).stage_id == other.applied


def test_reject_page_asks_for_a_rejection_reason(
    browser: Callable[..., TestClient], session_factory: Factory
) -> None:
    board = _board(session_factory)
    client = browser(Role.RECRUITER)
    page = client.get(f"/applications/{board.anna}/reject")
    assert page.status_code == 200
    text = page.text
    assert "Reject Anna Schmidt" in text
    assert f'value="{board.rejected}" checked' in text
    assert f'value="{board.screen}"' not in text  # only rejected stages are offered
    assert "Skills do not match" in text
    assert "Accepted another offer" not in text
    move_page = client.get(f"/applications/{board.anna}/move", params={"to": str(board.screen)})
    assert f'value="{board.screen}" checked' in move_page.text
    assert f'value="{board.applied}" disabled' in move_page.text  # the current stage


# --- adding a candidate ----------------------------------------------------------------------------


def _add_email(session_factory: Factory, person_id: uuid.UUID, email: str) -> None:
    with session_factory() as session:
        session.add(PersonEmail(person_id=person_id, email=email, normalized=email.lower(), position=0))
        session.commit()


def _person_with_email(session_factory: Factory, email: str) -> uuid.UUID:
    with session_factory() as session:
        person = make_person(session, first_name="Maria", last_name="Garcia", native_name=None)
        session.commit()
    _add_email(session_factory, person.id, email)
    return person.id


def test_add_candidate_by_search(browser: Callable[..., TestClient], session_factory: Factory) -> None:
    board = _board(session_factory)
    person_id = _person_with_email(session_factory, "maria.garcia@example.com")
    client = browser(Role.RECRUITER)
    job_page = client.get(f"/jobs/{board.job_id}").text
    assert f'href="/jobs/{board.job_id}/candidates/add"' in job_page
    search = client.get(f"/jobs/{board.job_id}/candidates/add", params={"q": "maria.garcia@"})
    assert search.status_code == 200
    assert "Maria Garcia" in search.text
    assert f'value="{person_id}"' in search.text
    _add_email(session_factory, board.person_anna, "anna.schmidt@example.com")
    in_pipeline = client.get(f"/jobs/{board.job_id}/candidates/add", params={"q": "anna.schmidt@"}).text
    assert "In the pipeline: Applied" in in_pipeline
    response = post_form(
        client,
        f"/jobs/{board.job_id}",
        f"/jobs/{board.job_id}/applications",
        {"person_id": str(person_id), "q": "garcia"},
    )
    assert response.status_code == 303
    assert "Candidate added to “Applied”." in html.unescape(client.get(response.headers["location"]).text)
    again = post_form(
        client,
        f"/jobs/{board.job_id}",
        f"/jobs/{board.job_id}/applications",
        {"person_id": str(person_id), "q": "garcia"},
    )
    assert again.status_code == 422
    assert "This person is already in this job&#39;s pipeline." in again.text
    nobody = post_form(client, f"/jobs/{board.job_id}", f"/jobs/{board.job_id}/applications", {"q": "garcia"})
    assert nobody.status_code == 422
    assert "Choose a person from the search results." in nobody.text
    with session_factory() as session:
        count = session.scalar(
            select(func.count()).select_from(Application).where(Application.job_id == board.job_id)
        )
    assert count == 3


@pytest.mark.parametrize("role", [Role.HIRING_MANAGER, Role.INTERVIEWER])
def test_only_recruiters_add_candidates(
    browser: Callable[..., TestClient], session_factory: Factory, make_user: Callable[..., User], role: Role
) -> None:
    user = make_user(role)
    board = _board(session_factory, team=[(user.id, HiringTeamRole.INTERVIEWER)])
    client = browser(user=user)
    assert client.get(f"/jobs/{board.job_id}/candidates/add").status_code == 403
    refused = post_form(
        client,
        f"/jobs/{board.job_id}",
        f"/jobs/{board.job_id}/applications",
        {"person_id": str(board.person_anna)},
    )
    assert refused.status_code == 403
