"""The daily reminder scan: mail the owners of open cases before step deadlines, document expiry
and work/residence permit expiry.

Idempotent: each (case, item, threshold, due date) is mailed at most once (``CaseReminder`` rows,
unique in the database), so running the scan twice a day, or again after a crash, sends nothing
twice; a changed due date is a new item and is reminded again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.mail import service as mail_service
from talentbridge.mobility import repository
from talentbridge.mobility.casework.checklist import Checklist
from talentbridge.mobility.casework.schedule import DueItem, ItemKind, ReminderDue, reminders_due
from talentbridge.mobility.enums import FINISHED_STEP_STATUSES, DocumentStatus
from talentbridge.mobility.models import CaseReminder, MobilityCase
from talentbridge.mobility.policies import require_reminder_scan
from talentbridge.mobility.schemas import ReminderScanResult
from talentbridge.mobility.service._cases import checklist_for

log = logging.getLogger(__name__)


def due_items(case: MobilityCase, checklist: Checklist) -> list[DueItem]:
    """Every dated thing of a case the owners must act on: open steps, expiring documents, permits."""
    items = [
        DueItem(f"step:{step.kind.value}", "step", checklist.step(step.kind).label, step.due_on)
        for step in case.steps
        if step.due_on is not None and step.status not in FINISHED_STEP_STATUSES
    ]
    for document in case.documents:
        if document.expires_on is not None and document.status is not DocumentStatus.REJECTED:
            rule = checklist.document(document.kind)
            items.append(
                DueItem(
                    f"document:{document.id}",
                    "document",
                    rule.label if rule else document.kind,
                    document.expires_on,
                )
            )
    if case.work_permit_expires_on is not None:
        items.append(DueItem("permit:work", "permit", "Work permit", case.work_permit_expires_on))
    if case.residence_permit_expires_on is not None:
        items.append(
            DueItem("permit:residence", "permit", "Residence permit", case.residence_permit_expires_on)
        )
    for dependant in case.dependants:
        if dependant.residence_permit_expires_on is not None:
            items.append(
                DueItem(
                    f"permit:dependant:{dependant.id}",
                    "permit",
                    f"Residence permit of {dependant.full_name}",
                    dependant.residence_permit_expires_on,
                )
            )
    return items


def _thresholds(checklist: Checklist) -> dict[ItemKind, Iterable[int]]:
    return {
        "step": checklist.reminders.step_due_days,
        "document": checklist.reminders.document_expiry_days,
        "permit": checklist.reminders.permit_expiry_days,
    }


def _when(reminder: ReminderDue) -> str:
    days = reminder.days_left
    if days < 0:
        return f"overdue since {reminder.item.due_on.isoformat()}"
    if days == 0:
        return "due today"
    return f"due in {days} day{'s' if days != 1 else ''} ({reminder.item.due_on.isoformat()})"


def _verb(kind: ItemKind) -> str:
    return {"step": "is", "document": "expires:", "permit": "expires:"}[kind]


def _message(reminder: ReminderDue, person_name: str) -> tuple[str, str]:
    item = reminder.item
    when = _when(reminder)
    subject = f"Mobility reminder: {item.label} {when} ({person_name})"
    if item.kind == "step":
        body = f"{item.label} for {person_name} is {when}."
    else:
        body = f"{item.label} for {person_name} {_verb(item.kind)} {when}."
    if item.kind == "permit" and reminder.days_left >= 0:
        body += " Apply for an extension at least 30 days before the permit expires."
    body += "\n\nOpen the case in TalentBridge (Mobility) to update it."
    return subject[:300], body


def run_reminder_scan(
    session: Session, actor: Actor, *, today: date, dry_run: bool = False
) -> ReminderScanResult:
    """The scan started by hand (API) rather than by the daily job: compliance and admins."""
    require_reminder_scan(actor)
    return scan_reminders(session, today=today, dry_run=dry_run)


def scan_reminders(session: Session, *, today: date, dry_run: bool = False) -> ReminderScanResult:
    """Queue the reminders due ``today`` for every case; record each so it is sent once.

    ``dry_run`` counts what would be sent without sending or recording anything.
    """
    cases = repository.cases_to_scan(session)
    case_ids = [case.id for case in cases]
    sent = repository.sent_reminder_keys(session, case_ids)
    emails = repository.owner_emails(session, case_ids)
    names = repository.person_names(session, [case.person_id for case in cases])
    reminders = messages = 0
    for case in cases:
        recipients = emails.get(case.id, [])
        if not recipients:
            continue  # nobody to tell: reminded once an owner is added
        checklist = checklist_for(case)
        for reminder in reminders_due(due_items(case, checklist), today, _thresholds(checklist)):
            key = (case.id, reminder.item.key, reminder.threshold_days, reminder.item.due_on)
            if key in sent:
                continue
            sent.add(key)
            reminders += 1
            if dry_run:
                messages += len(recipients)
                continue
            subject, body = _message(reminder, names.get(case.person_id, ""))
            for address in recipients:
                mail_service.queue_mail(session, to=address, subject=subject, body_text=body)
                messages += 1
            session.add(
                CaseReminder(
                    case_id=case.id,
                    item_key=reminder.item.key,
                    threshold_days=reminder.threshold_days,
                    due_on=reminder.item.due_on,
                    recipients=len(recipients),
                )
            )
    session.flush()
    log.info(
        "mobility reminder scan: %d case(s), %d reminder(s), %d message(s)",
        len(cases),
        reminders,
        messages,
    )
    return ReminderScanResult(scanned_cases=len(cases), reminders_sent=reminders, messages_queued=messages)
