"""The job life cycle: every pair of statuses, the dates each change leaves, and the messages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.lifecycle import decide_status_change, initial_dates

DRAFT, OPEN, ON_HOLD, FILLED, CLOSED = (
    JobStatus.DRAFT,
    JobStatus.OPEN,
    JobStatus.ON_HOLD,
    JobStatus.FILLED,
    JobStatus.CLOSED,
)
EXPECTED_ALLOWED = {
    (DRAFT, OPEN),
    (DRAFT, CLOSED),
    (OPEN, ON_HOLD),
    (OPEN, FILLED),
    (OPEN, CLOSED),
    (ON_HOLD, OPEN),
    (ON_HOLD, CLOSED),
    (FILLED, OPEN),
    (CLOSED, OPEN),
}
FIRST_OPENED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
EARLIER_CLOSE = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("current", list(JobStatus))
@pytest.mark.parametrize("target", list(JobStatus))
def test_every_status_pair_is_allowed_exactly_when_listed(current: JobStatus, target: JobStatus) -> None:
    verdict = decide_status_change(current, target, opened_at=None, closed_at=None, now=NOW)
    assert verdict.allowed is ((current, target) in EXPECTED_ALLOWED)
    assert verdict.explanation


def test_closed_job_cannot_be_filled_and_the_message_says_reopen_first() -> None:
    verdict = decide_status_change(CLOSED, FILLED, opened_at=FIRST_OPENED, closed_at=EARLIER_CLOSE, now=NOW)
    assert not verdict.allowed
    assert "reopen it first" in verdict.explanation
    assert (verdict.opened_at, verdict.closed_at) == (FIRST_OPENED, EARLIER_CLOSE)


def test_same_status_is_refused_as_a_no_op() -> None:
    verdict = decide_status_change(OPEN, OPEN, opened_at=FIRST_OPENED, closed_at=None, now=NOW)
    assert not verdict.allowed
    assert verdict.explanation == "The job is already open."


def test_generic_refusal_lists_what_the_job_can_become() -> None:
    verdict = decide_status_change(FILLED, ON_HOLD, opened_at=FIRST_OPENED, closed_at=EARLIER_CLOSE, now=NOW)
    assert verdict.explanation == "A filled job cannot become on hold; it can become open."


def test_no_status_goes_back_to_draft() -> None:
    for current in (OPEN, ON_HOLD, FILLED, CLOSED):
        verdict = decide_status_change(current, DRAFT, opened_at=FIRST_OPENED, closed_at=None, now=NOW)
        assert "back to draft" in verdict.explanation


def test_first_opening_sets_opened_at() -> None:
    verdict = decide_status_change(DRAFT, OPEN, opened_at=None, closed_at=None, now=NOW)
    assert (verdict.opened_at, verdict.closed_at) == (NOW, None)
    assert verdict.explanation == "Opened the job."


@pytest.mark.parametrize("ended", [FILLED, CLOSED])
def test_reopening_keeps_first_opened_at_and_clears_closed_at(ended: JobStatus) -> None:
    verdict = decide_status_change(ended, OPEN, opened_at=FIRST_OPENED, closed_at=EARLIER_CLOSE, now=NOW)
    assert verdict.allowed
    assert (verdict.opened_at, verdict.closed_at) == (FIRST_OPENED, None)
    assert verdict.explanation == "Reopened the job."


@pytest.mark.parametrize(
    ("current", "ended"), [(OPEN, FILLED), (OPEN, CLOSED), (ON_HOLD, CLOSED), (DRAFT, CLOSED)]
)
def test_filling_or_closing_sets_closed_at(current: JobStatus, ended: JobStatus) -> None:
    verdict = decide_status_change(current, ended, opened_at=FIRST_OPENED, closed_at=None, now=NOW)
    assert (verdict.opened_at, verdict.closed_at) == (FIRST_OPENED, NOW)


def test_putting_on_hold_leaves_dates_alone() -> None:
    verdict = decide_status_change(OPEN, ON_HOLD, opened_at=FIRST_OPENED, closed_at=None, now=NOW)
    assert (verdict.opened_at, verdict.closed_at) == (FIRST_OPENED, None)


def test_initial_dates() -> None:
    assert initial_dates(DRAFT, now=NOW) == (None, None)
    assert initial_dates(OPEN, now=NOW) == (NOW, None)
    with pytest.raises(ValueError, match="draft or open"):
        initial_dates(FILLED, now=NOW)


def test_refusal_with_several_options_reads_as_a_list() -> None:
    verdict = decide_status_change(OPEN, DRAFT, opened_at=FIRST_OPENED, closed_at=None, now=NOW)
    assert verdict.explanation == "A job cannot go back to draft once it has been opened or closed."
    verdict = decide_status_change(ON_HOLD, FILLED, opened_at=FIRST_OPENED, closed_at=None, now=NOW)
    assert verdict.explanation == "A job on hold cannot be filled; reopen it first."
