"""Load a case checklist (documents, steps, deadlines, reminder thresholds) from its YAML file.

The checklist changes with law and local practice, so it is data (``mobility/rules/case_checklist_*.yaml``)
citing its sources; a case records the version it was opened with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from talentbridge.mobility.enums import STEP_ORDER, StepKind

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
FILE_GLOB = "case_checklist_*.yaml"
DueFrom = Literal["case_opened", "entry", "done"]


class ChecklistError(ValueError):
    """The checklist file is malformed (names the file and the field)."""


@dataclass(frozen=True)
class Source:
    """Where a rule comes from."""

    id: str
    grade: str
    citation: str
    url: str


@dataclass(frozen=True)
class DocumentRule:
    """One document of the checklist and how long it stays valid after issue (None: no window)."""

    id: str
    label: str
    note: str
    validity_days: int | None
    requires_authentication: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class DueRule:
    """A step is due ``days`` after an event: the case opening, the entry, or another step's completion."""

    start: DueFrom
    after_step: StepKind | None
    days: int
    kind: Literal["deadline", "expected"]


@dataclass(frozen=True)
class StepRule:
    """One step of the case with its due rule and the uncertainty (if any) to show with it."""

    kind: StepKind
    label: str
    due: DueRule
    sources: tuple[str, ...]
    uncertain: str | None


@dataclass(frozen=True)
class ReminderRule:
    """Days before a date when owners are reminded."""

    step_due_days: tuple[int, ...]
    document_expiry_days: tuple[int, ...]
    permit_expiry_days: tuple[int, ...]


@dataclass(frozen=True)
class Checklist:
    """A versioned checklist."""

    version: str
    title: str
    effective_from: date
    sources: dict[str, Source]
    documents: tuple[DocumentRule, ...]
    steps: tuple[StepRule, ...]
    reminders: ReminderRule
    uncertain: dict[str, str]

    def document(self, kind: str) -> DocumentRule | None:
        """The rule of a document kind, or None for a kind this version does not list."""
        return next((rule for rule in self.documents if rule.id == kind), None)

    def step(self, kind: StepKind) -> StepRule:
        """The rule of a step (every version lists all steps)."""
        return next(rule for rule in self.steps if rule.kind == kind)


def _require(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise ChecklistError(f"{where}: missing field '{key}'")
    return data[key]


def _due(raw: dict[str, Any], where: str) -> DueRule:
    start = str(_require(raw, "from", where))
    after: StepKind | None = None
    if start.startswith("done:"):
        after = StepKind(start.split(":", 1)[1])
        start = "done"
    if start not in ("case_opened", "entry", "done"):
        raise ChecklistError(f"{where}: 'from' must be case_opened, entry or done:<step>")
    kind = str(raw.get("kind", "deadline"))
    if kind not in ("deadline", "expected"):
        raise ChecklistError(f"{where}: 'kind' must be deadline or expected")
    return DueRule(start=start, after_step=after, days=int(_require(raw, "days", where)), kind=kind)  # type: ignore[arg-type]


def parse_checklist(data: dict[str, Any], where: str = "checklist") -> Checklist:
    """Build a checklist from parsed YAML, refusing anything malformed with the field named."""
    sources = {
        str(item["id"]): Source(str(item["id"]), str(item["grade"]), str(item["citation"]), str(item["url"]))
        for item in _require(data, "sources", where)
    }
    documents = tuple(
        DocumentRule(
            id=str(_require(item, "id", f"{where}: documents")),
            label=str(_require(item, "label", f"{where}: documents")),
            note=str(item.get("note", "")),
            validity_days=int(item["validity_days"]) if item.get("validity_days") is not None else None,
            requires_authentication=bool(item.get("requires_authentication", False)),
            sources=tuple(item.get("sources", ())),
        )
        for item in _require(data, "documents", where)
    )
    steps = tuple(
        StepRule(
            kind=StepKind(_require(item, "id", f"{where}: steps")),
            label=str(item.get("label", "")),
            due=_due(_require(item, "due", f"{where}: steps.{item['id']}"), f"{where}: steps.{item['id']}"),
            sources=tuple(item.get("sources", ())),
            uncertain=item.get("uncertain"),
        )
        for item in _require(data, "steps", where)
    )
    if tuple(step.kind for step in steps) != STEP_ORDER:
        raise ChecklistError(f"{where}: steps must list {', '.join(STEP_ORDER)} in that order")
    reminders = _require(data, "reminders", where)
    uncertain = {str(key): " ".join(str(text).split()) for key, text in (data.get("uncertain") or {}).items()}
    for step in steps:
        if step.uncertain is not None and step.uncertain not in uncertain:
            raise ChecklistError(f"{where}: steps.{step.kind}: unknown uncertainty '{step.uncertain}'")
    cited = [rule.sources for rule in documents] + [rule.sources for rule in steps]
    for rule_sources in cited:
        for source_id in rule_sources:
            if source_id not in sources:
                raise ChecklistError(f"{where}: unknown source '{source_id}'")
    return Checklist(
        version=str(_require(data, "id", where)),
        title=str(data.get("title", "")),
        effective_from=_require(data, "effective_from", where),
        sources=sources,
        documents=documents,
        steps=steps,
        reminders=ReminderRule(
            step_due_days=tuple(int(day) for day in reminders.get("step_due_days", ())),
            document_expiry_days=tuple(int(day) for day in reminders.get("document_expiry_days", ())),
            permit_expiry_days=tuple(int(day) for day in reminders.get("permit_expiry_days", ())),
        ),
        uncertain=uncertain,
    )


@cache
def _all_checklists() -> dict[str, Checklist]:
    found: dict[str, Checklist] = {}
    for path in sorted(RULES_DIR.glob(FILE_GLOB)):
        checklist = parse_checklist(yaml.safe_load(path.read_text(encoding="utf-8")), where=path.name)
        found[checklist.version] = checklist
    return found


def load_checklist(version: str | None = None) -> Checklist:
    """A checklist by version, or the one in force most recently (latest ``effective_from``)."""
    checklists = _all_checklists()
    if version is not None:
        if version not in checklists:
            raise ChecklistError(f"no case checklist with version '{version}'")
        return checklists[version]
    if not checklists:
        raise ChecklistError(f"no case checklist found in {RULES_DIR}")
    return max(checklists.values(), key=lambda checklist: checklist.effective_from)
