"""The pure pipeline rules (pipeline.workflow), checked over every pair of stage categories."""

from __future__ import annotations

import uuid

import pytest

from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.workflow import (
    LoggedMove,
    ReasonFacts,
    Refusal,
    StageFacts,
    decide_entry,
    decide_move,
    entry_stage,
    pipeline_problems,
    replay,
    status_for_category,
)

C = StageCategory
JOB = uuid.uuid4()

EXPECTED_STATUS = {
    C.APPLIED: ApplicationStatus.ACTIVE,
    C.SCREEN: ApplicationStatus.ACTIVE,
    C.ASSESSMENT: ApplicationStatus.ACTIVE,
    C.INTERVIEW: ApplicationStatus.ACTIVE,
    C.OFFER: ApplicationStatus.ACTIVE,
    C.HIRED: ApplicationStatus.HIRED,
    C.REJECTED: ApplicationStatus.REJECTED,
    C.WITHDRAWN: ApplicationStatus.WITHDRAWN,
}
# The only category pairs refused even with a proper reason (between two different stages).
EXPECTED_REFUSED_PAIRS = {
    (C.HIRED, C.REJECTED): Refusal.REJECT_AFTER_HIRE,
    (C.REJECTED, C.HIRED): Refusal.HIRE_WHILE_CLOSED,
    (C.WITHDRAWN, C.HIRED): Refusal.HIRE_WHILE_CLOSED,
}
REJECTION = ReasonFacts(id=uuid.uuid4(), kind=ReasonKind.REJECTION, label="Skills do not match")
WITHDRAWAL = ReasonFacts(id=uuid.uuid4(), kind=ReasonKind.WITHDRAWAL, label="Accepted another offer")
OLD_REJECTION = ReasonFacts(id=uuid.uuid4(), kind=ReasonKind.REJECTION, label="Old reason", is_active=False)
OLD_WITHDRAWAL = ReasonFacts(id=uuid.uuid4(), kind=ReasonKind.WITHDRAWAL, label="Old excuse", is_active=False)


def stage(
    category: StageCategory, name: str | None = None, position: int = 0, job: uuid.UUID = JOB
) -> StageFacts:
    return StageFacts(
        id=uuid.uuid4(), job_id=job, name=name or category.value.title(), category=category, position=position
    )


def fitting_reason(category: StageCategory) -> ReasonFacts | None:
    return {C.REJECTED: REJECTION, C.WITHDRAWN: WITHDRAWAL}.get(category)


def test_status_follows_category() -> None:
    for category in StageCategory:
        assert status_for_category(category) is EXPECTED_STATUS[category]


@pytest.mark.parametrize("current_category", list(StageCategory))
@pytest.mark.parametrize("target_category", list(StageCategory))
def test_every_category_pair(current_category: StageCategory, target_category: StageCategory) -> None:
    current, target = stage(current_category, position=1), stage(target_category, position=2)
    decision = decide_move(current, target, reason=fitting_reason(target_category))
    refusal = EXPECTED_REFUSED_PAIRS.get((current_category, target_category))
    assert decision.allowed is (refusal is None)
    assert decision.refusal is refusal
    assert decision.explanation
    if refusal is None:
        assert decision.status is EXPECTED_STATUS[target_category]
        expected_reason = fitting_reason(target_category)
        assert decision.reason_id == (expected_reason.id if expected_reason else None)
    else:
        assert decision.status is EXPECTED_STATUS[current_category]


@pytest.mark.parametrize("category", list(StageCategory))
def test_moving_to_the_current_stage_is_refused(category: StageCategory) -> None:
    current = stage(category, name="Final interview")
    decision = decide_move(current, current, reason=fitting_reason(category))
    assert not decision.allowed
    assert decision.refusal is Refusal.SAME_STAGE
    assert decision.explanation == "The application is already in 'Final interview'."


def test_another_jobs_stage_is_refused_without_naming_it() -> None:
    decision = decide_move(stage(C.SCREEN), stage(C.INTERVIEW, name="Secret panel", job=uuid.uuid4()))
    assert decision.refusal is Refusal.OTHER_JOB
    assert "Secret panel" not in decision.explanation


# target category -> reason given -> expected refusal (None: allowed)
REASON_MATRIX: list[tuple[StageCategory, ReasonFacts | None, Refusal | None]] = [
    (C.REJECTED, None, Refusal.REASON_REQUIRED),
    (C.REJECTED, REJECTION, None),
    (C.REJECTED, WITHDRAWAL, Refusal.WRONG_REASON_KIND),
    (C.REJECTED, OLD_REJECTION, Refusal.INACTIVE_REASON),
    (C.REJECTED, OLD_WITHDRAWAL, Refusal.WRONG_REASON_KIND),
    (C.WITHDRAWN, None, Refusal.REASON_REQUIRED),
    (C.WITHDRAWN, WITHDRAWAL, None),
    (C.WITHDRAWN, REJECTION, Refusal.WRONG_REASON_KIND),
    (C.WITHDRAWN, OLD_WITHDRAWAL, Refusal.INACTIVE_REASON),
    (C.WITHDRAWN, OLD_REJECTION, Refusal.WRONG_REASON_KIND),
    *[(category, None, None) for category in (C.APPLIED, C.ASSESSMENT, C.INTERVIEW, C.OFFER, C.HIRED)],
    *[
        (category, reason, Refusal.REASON_NOT_APPLICABLE)
        for category in (C.APPLIED, C.ASSESSMENT, C.INTERVIEW, C.OFFER, C.HIRED)
        for reason in (REJECTION, WITHDRAWAL)
    ],
]


@pytest.mark.parametrize(("target_category", "reason", "refusal"), REASON_MATRIX)
def test_reasons_from_an_active_stage(
    target_category: StageCategory, reason: ReasonFacts | None, refusal: Refusal | None
) -> None:
    decision = decide_move(stage(C.SCREEN), stage(target_category), reason=reason)
    assert decision.refusal is refusal
    assert decision.allowed is (refusal is None)


def test_reason_messages_name_what_is_needed() -> None:
    rejected = stage(C.REJECTED, name="Rejected")
    assert (
        decide_move(stage(C.SCREEN), rejected).explanation == "Moving to 'Rejected' needs a rejection reason."
    )
    assert decide_move(stage(C.SCREEN), rejected, reason=WITHDRAWAL).explanation == (
        "'Accepted another offer' is a withdrawal reason; moving to 'Rejected' needs a rejection reason."
    )
    assert "no longer in use" in decide_move(stage(C.SCREEN), rejected, reason=OLD_REJECTION).explanation


def test_rejection_explains_stage_and_reason() -> None:
    decision = decide_move(
        stage(C.INTERVIEW, name="Panel"), stage(C.REJECTED, name="Rejected"), reason=REJECTION
    )
    assert decision.explanation == "Rejected: moved from 'Panel' to 'Rejected'; reason: Skills do not match."


def test_reactivating_a_rejected_application_clears_the_reason() -> None:
    decision = decide_move(
        stage(C.REJECTED, name="Rejected", position=8),
        stage(C.SCREEN, name="Screen", position=1),
        current_reason_id=REJECTION.id,
    )
    assert decision.allowed
    assert decision.status is ApplicationStatus.ACTIVE
    assert decision.reason_id is None
    assert (
        decision.explanation
        == "Reactivated: moved from 'Rejected' to 'Screen'; the rejection reason is cleared."
    )


def test_withdrawn_can_be_reclassified_as_rejected_with_a_new_reason() -> None:
    decision = decide_move(
        stage(C.WITHDRAWN), stage(C.REJECTED), current_reason_id=WITHDRAWAL.id, reason=REJECTION
    )
    assert decision.allowed
    assert (decision.status, decision.reason_id) == (ApplicationStatus.REJECTED, REJECTION.id)


def test_a_refused_move_keeps_the_current_status_and_reason() -> None:
    decision = decide_move(stage(C.REJECTED), stage(C.HIRED), current_reason_id=REJECTION.id)
    assert not decision.allowed
    assert (decision.status, decision.reason_id) == (ApplicationStatus.REJECTED, REJECTION.id)
    assert "back to an active stage before hiring" in decision.explanation


def test_hired_candidate_who_does_not_start_is_a_withdrawal() -> None:
    decision = decide_move(stage(C.HIRED), stage(C.WITHDRAWN), reason=WITHDRAWAL)
    assert decision.allowed
    assert decision.status is ApplicationStatus.WITHDRAWN
    refused = decide_move(stage(C.HIRED), stage(C.REJECTED), reason=REJECTION)
    assert "record a withdrawal" in refused.explanation


def test_undoing_a_hire_and_moving_back_are_explained() -> None:
    undo = decide_move(stage(C.HIRED, name="Hired", position=6), stage(C.OFFER, name="Offer", position=5))
    assert undo.explanation == "Hire undone: moved from 'Hired' to 'Offer'; the application is active again."
    back = decide_move(
        stage(C.INTERVIEW, name="Panel", position=3), stage(C.SCREEN, name="Screen", position=1)
    )
    assert back.explanation == "Moved back from 'Panel' to 'Screen'."
    forward = decide_move(
        stage(C.SCREEN, name="Screen", position=1), stage(C.INTERVIEW, name="Panel", position=3)
    )
    assert forward.explanation == "Moved from 'Screen' to 'Panel'."
    hired = decide_move(stage(C.OFFER, name="Offer"), stage(C.HIRED, name="Hired"))
    assert hired.explanation == "Hired: moved from 'Offer' to 'Hired'."


@pytest.mark.parametrize("category", list(StageCategory))
def test_applications_start_only_in_active_stages(category: StageCategory) -> None:
    decision = decide_entry(stage(category, name="Somewhere"))
    terminal = category in {C.HIRED, C.REJECTED, C.WITHDRAWN}
    assert decision.allowed is not terminal
    assert decision.status is ApplicationStatus.ACTIVE
    if terminal:
        assert decision.refusal is Refusal.NOT_AN_ENTRY_STAGE


def test_entry_stage_is_the_first_applied_stage_by_position() -> None:
    late = stage(C.APPLIED, name="Referral inbox", position=4)
    early = stage(C.APPLIED, name="Applied", position=1)
    assert entry_stage([stage(C.SCREEN, position=0), late, early]) == early
    assert entry_stage([stage(C.SCREEN)]) is None


def test_replay_follows_an_unbroken_log() -> None:
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    assert replay([LoggedMove(None, a), LoggedMove(a, b), LoggedMove(b, c), LoggedMove(c, a)]) == a
    with pytest.raises(ValueError, match="empty"):
        replay([])
    with pytest.raises(ValueError, match="creation"):
        replay([LoggedMove(a, b)])
    with pytest.raises(ValueError, match="Entry 3"):
        replay([LoggedMove(None, a), LoggedMove(a, b), LoggedMove(a, c)])


def test_pipeline_shape_rules() -> None:
    good = [("Applied", C.APPLIED), ("Hired", C.HIRED), ("Rejected", C.REJECTED), ("Withdrawn", C.WITHDRAWN)]
    assert pipeline_problems(good) == []
    assert pipeline_problems([*good, ("APPLIED ", C.SCREEN)]) == ["The stage name 'APPLIED' is used twice."]
    assert pipeline_problems([*good, (" ", C.SCREEN)]) == ["Every stage needs a name."]
    assert pipeline_problems(good[:2]) == [
        "The pipeline needs at least one stage of each category: missing rejected, withdrawn."
    ]
    assert len(pipeline_problems([])) == 1
