"""Property tests of pipeline.workflow: random pipelines, random moves, invariants always hold.

A state machine keeps an application's stage, status, reason and transition log by applying only
the moves ``decide_move`` allows. Whatever the sequence, the status matches the stage's category,
a reason is held exactly while rejected or withdrawn (and of the matching kind), refused moves
change nothing, and replaying the log lands on the current stage.
"""

from __future__ import annotations

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from talentbridge.pipeline.enums import ApplicationStatus, ReasonKind, StageCategory
from talentbridge.pipeline.workflow import (
    REASON_KIND_FOR_CATEGORY,
    REQUIRED_PIPELINE_CATEGORIES,
    LoggedMove,
    MoveDecision,
    ReasonFacts,
    StageFacts,
    decide_entry,
    decide_move,
    entry_stage,
    replay,
    status_for_category,
)

JOB = uuid.uuid4()
CLOSED_STATUSES = {ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN}

pipelines = st.lists(st.sampled_from(list(StageCategory)), max_size=8).flatmap(
    lambda extra: st.permutations([*REQUIRED_PIPELINE_CATEGORIES, *extra])
)
reasons = st.lists(
    st.builds(
        lambda kind, active: ReasonFacts(
            id=uuid.uuid4(), kind=kind, label=f"{kind.value} reason", is_active=active
        ),
        st.sampled_from(list(ReasonKind)),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


class ApplicationLifecycle(RuleBasedStateMachine):
    """One application moved around one random pipeline by random (often invalid) requests."""

    def __init__(self) -> None:
        super().__init__()
        self.stages: list[StageFacts] = []
        self.reasons: list[ReasonFacts] = []
        self.current: StageFacts | None = None
        self.status = ApplicationStatus.ACTIVE
        self.reason_id: uuid.UUID | None = None
        self.log: list[LoggedMove] = []

    @initialize(categories=pipelines, reasons=reasons)
    def create_application(self, categories: list[StageCategory], reasons: list[ReasonFacts]) -> None:
        self.stages = [
            StageFacts(id=uuid.uuid4(), job_id=JOB, name=f"Stage {i}", category=category, position=i)
            for i, category in enumerate(categories)
        ]
        self.reasons = reasons
        start = entry_stage(self.stages)
        assert start is not None
        assert decide_entry(start).allowed
        self.current = start
        self.log.append(LoggedMove(None, start.id))

    @rule(data=st.data())
    def request_a_move(self, data: st.DataObject) -> None:
        assert self.current is not None
        target = data.draw(st.sampled_from(self.stages), label="target")
        reason = data.draw(st.none() | st.sampled_from(self.reasons), label="reason")
        decision = decide_move(self.current, target, current_reason_id=self.reason_id, reason=reason)
        assert decision.explanation
        if not decision.allowed:
            self._check_refusal_changes_nothing(decision)
            return
        self._check_allowed_move(target, reason, decision)
        self.log.append(LoggedMove(self.current.id, target.id))
        self.current, self.status, self.reason_id = target, decision.status, decision.reason_id

    def _check_refusal_changes_nothing(self, decision: MoveDecision) -> None:
        assert decision.refusal is not None
        assert (decision.status, decision.reason_id) == (self.status, self.reason_id)

    def _check_allowed_move(
        self, target: StageFacts, reason: ReasonFacts | None, decision: MoveDecision
    ) -> None:
        assert self.current is not None
        assert target.id != self.current.id
        needed = REASON_KIND_FOR_CATEGORY.get(target.category)
        if needed is None:
            assert reason is None
        else:
            assert reason is not None
            assert reason.kind is needed
            assert reason.is_active
        assert not (self.status in CLOSED_STATUSES and decision.status is ApplicationStatus.HIRED)

    @invariant()
    def status_follows_the_stage_category(self) -> None:
        if self.current is not None:
            assert self.status is status_for_category(self.current.category)

    @invariant()
    def a_reason_is_held_exactly_while_closed(self) -> None:
        assert (self.reason_id is not None) == (self.status in CLOSED_STATUSES)
        if self.reason_id is not None and self.current is not None:
            held = next(reason for reason in self.reasons if reason.id == self.reason_id)
            assert held.kind is REASON_KIND_FOR_CATEGORY[self.current.category]

    @invariant()
    def the_log_replays_to_the_current_stage(self) -> None:
        if self.current is not None:
            assert replay(self.log) == self.current.id


ApplicationLifecycle.TestCase.settings = settings(
    database=None, max_examples=50, stateful_step_count=30, deadline=None
)
TestApplicationLifecycle = ApplicationLifecycle.TestCase


@settings(database=None, max_examples=300)
@given(
    current=st.sampled_from(list(StageCategory)),
    target=st.sampled_from(list(StageCategory)),
    reason_kind=st.none() | st.sampled_from(list(ReasonKind)),
    active=st.booleans(),
)
def test_an_allowed_move_always_takes_the_targets_status(
    current: StageCategory, target: StageCategory, reason_kind: ReasonKind | None, active: bool
) -> None:
    reason = None if reason_kind is None else ReasonFacts(uuid.uuid4(), reason_kind, "r", is_active=active)
    here = StageFacts(uuid.uuid4(), JOB, "here", current)
    there = StageFacts(uuid.uuid4(), JOB, "there", target)
    decision = decide_move(here, there, reason=reason)
    if decision.allowed:
        assert decision.status is status_for_category(target)
        assert decision.reason_id == (reason.id if reason is not None else None)
    else:
        assert decision.status is status_for_category(current)
