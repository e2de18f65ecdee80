"""Use cases of the mobility context, re-exported so callers import ``mobility.service`` only.

- ``_assessments``: permit facts, offer terms, stored assessments and the work-permit overview.
- ``_cases``: cases, steps, documents' metadata, dependants, the board.
- ``_documents``: case document files (attachment store, owners + compliance + admins only).
- ``_reminders``: the daily reminder scan.
"""

from talentbridge.mobility.service._assessments import (
    OFFER_CATEGORIES,
    ApplicationPermit,
    PermitOverview,
    StoredAssessment,
    assess_person,
    get_offer_terms,
    get_permit_facts,
    latest_or_new,
    offer_stage_warning,
    permit_overview,
    save_offer_terms,
    save_permit_facts,
)
from talentbridge.mobility.service._cases import (
    CaseContext,
    add_dependant,
    case_board,
    case_to_read,
    case_warnings,
    checklist_for,
    current_step,
    delete_case,
    get_case,
    list_cases,
    next_due,
    open_case,
    remove_dependant,
    update_case,
    update_document,
    update_step,
)
from talentbridge.mobility.service._documents import (
    DocumentFile,
    delete_document_file,
    open_document_file,
    upload_document_file,
)
from talentbridge.mobility.service._reminders import due_items, run_reminder_scan, scan_reminders

__all__ = [
    "OFFER_CATEGORIES",
    "ApplicationPermit",
    "CaseContext",
    "DocumentFile",
    "PermitOverview",
    "StoredAssessment",
    "add_dependant",
    "assess_person",
    "case_board",
    "case_to_read",
    "case_warnings",
    "checklist_for",
    "current_step",
    "delete_case",
    "delete_document_file",
    "due_items",
    "get_case",
    "get_offer_terms",
    "get_permit_facts",
    "latest_or_new",
    "list_cases",
    "next_due",
    "offer_stage_warning",
    "open_case",
    "open_document_file",
    "permit_overview",
    "remove_dependant",
    "run_reminder_scan",
    "save_offer_terms",
    "save_permit_facts",
    "scan_reminders",
    "update_case",
    "update_document",
    "update_step",
    "upload_document_file",
]
