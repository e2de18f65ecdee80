"""JSON routes of the mobility context under /api/v1: permit assessment, permit facts, offer
terms, cases with their steps, documents (and files) and dependants, the board, the reminder scan.

Routes are thin: parse, call one use case, shape the answer. Role checks live in the services
(``mobility.policies``): people and applications the caller may not see answer 404, actions the
role may not take 403.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, UploadFile, status

from talentbridge.api.deps import ApiActor, DbSession
from talentbridge.files.api import AttachmentStoreDep, UploadLimitsDep
from talentbridge.files.uploads import EXTENSIONS, content_disposition
from talentbridge.kit.clock import utc_now
from talentbridge.mobility import service
from talentbridge.mobility.enums import CaseStatus
from talentbridge.mobility.schemas import (
    AssessmentRead,
    CaseBoard,
    CaseCreate,
    CaseRead,
    CaseSummary,
    CaseUpdate,
    DependantCreate,
    DependantRead,
    DocumentRead,
    DocumentUpdate,
    OfferTermsIn,
    OfferTermsRead,
    OfferTermsSaved,
    PermitFactsIn,
    PermitFactsRead,
    ReminderScanIn,
    ReminderScanResult,
    StepUpdate,
)

router = APIRouter(tags=["mobility"])


def _assessment_read(session: DbSession, stored: service.StoredAssessment) -> AssessmentRead:
    row = stored.row
    return AssessmentRead(
        id=row.id,
        person_id=row.person_id,
        application_id=row.application_id,
        assessment_date=row.assessment_date,
        rule_version=row.rule_version,
        category=row.category,
        possible_category=row.possible_category,
        points_total=row.points_total,
        created_at=row.created_at,
        result=row.result,
        offer_stage_warning=(
            row.application_id is not None
            and service.offer_stage_warning(session, row.application_id, row.category)
        ),
        fact_origins=stored.origins,
    )


@router.get("/people/{person_id}/permit-assessment", response_model=AssessmentRead)
def get_permit_assessment(
    person_id: uuid.UUID,
    session: DbSession,
    actor: ApiActor,
    application_id: uuid.UUID | None = None,
    recompute: bool = False,
) -> AssessmentRead:
    """The latest stored work-permit assessment (for one application's offer, or without an offer).

    ``recompute=true`` assesses now from the current facts and stores the result if it changed.
    """
    stored = service.latest_or_new(
        session, actor, person_id, application_id=application_id, recompute=recompute
    )
    return _assessment_read(session, stored)


@router.get("/people/{person_id}/permit-facts", response_model=PermitFactsRead | None)
def get_permit_facts(person_id: uuid.UUID, session: DbSession, actor: ApiActor) -> PermitFactsRead | None:
    """The person's permit facts (null when none are recorded)."""
    facts = service.get_permit_facts(session, actor, person_id)
    return PermitFactsRead.model_validate(facts) if facts is not None else None


@router.put("/people/{person_id}/permit-facts", response_model=AssessmentRead)
def put_permit_facts(
    person_id: uuid.UUID, data: PermitFactsIn, session: DbSession, actor: ApiActor
) -> AssessmentRead:
    """Replace the person's permit facts (admins, recruiters); answers the new offer-less assessment."""
    _facts, stored = service.save_permit_facts(session, actor, person_id, data)
    return _assessment_read(session, stored)


@router.get("/applications/{application_id}/offer-terms", response_model=OfferTermsRead | None)
def get_offer_terms(application_id: uuid.UUID, session: DbSession, actor: ApiActor) -> OfferTermsRead | None:
    """An application's offer terms (null when none are recorded)."""
    terms = service.get_offer_terms(session, actor, application_id)
    return OfferTermsRead.model_validate(terms) if terms is not None else None


@router.put("/applications/{application_id}/offer-terms", response_model=OfferTermsSaved)
def put_offer_terms(
    application_id: uuid.UUID, data: OfferTermsIn, session: DbSession, actor: ApiActor
) -> OfferTermsSaved:
    """Replace an application's offer terms (admins, recruiters) and re-assess.

    ``no_category_warning`` is true when the candidate reaches no work-permit category with this offer.
    """
    terms, stored, warn = service.save_offer_terms(session, actor, application_id, data)
    return OfferTermsSaved(
        terms=OfferTermsRead.model_validate(terms),
        assessment=_assessment_read(session, stored),
        no_category_warning=warn,
    )


# --- cases -----------------------------------------------------------------------------------------


@router.get("/mobility/cases", response_model=list[CaseSummary])
def list_cases(
    session: DbSession,
    actor: ApiActor,
    status_filter: Annotated[CaseStatus | None, Query(alias="status")] = None,
    mine: bool = False,
    person_id: uuid.UUID | None = None,
) -> list[CaseSummary]:
    """Cases you may see: all for admins, recruiters and compliance; otherwise those you own."""
    return service.list_cases(session, actor, status=status_filter, owned_by_me=mine, person_id=person_id)


@router.get("/mobility/board", response_model=CaseBoard)
def case_board(session: DbSession, actor: ApiActor) -> CaseBoard:
    """Active cases grouped by their current step (soonest due first), then completed ones."""
    return service.case_board(session, actor)


@router.post("/mobility/cases", response_model=CaseRead, status_code=status.HTTP_201_CREATED)
def open_case(data: CaseCreate, session: DbSession, actor: ApiActor) -> CaseRead:
    """Open the case of a hire (admins, recruiters, compliance); a second case for an application is 409."""
    return service.case_to_read(session, service.open_case(session, actor, data))


@router.get("/mobility/cases/{case_id}", response_model=CaseRead)
def get_case(case_id: uuid.UUID, session: DbSession, actor: ApiActor) -> CaseRead:
    """A case with steps, documents, dependants and the warnings that apply."""
    return service.case_to_read(session, service.get_case(session, actor, case_id))


@router.patch("/mobility/cases/{case_id}", response_model=CaseRead)
def update_case(case_id: uuid.UUID, data: CaseUpdate, session: DbSession, actor: ApiActor) -> CaseRead:
    """Change status, owners, entry date, permit expiry dates or notes (owners, compliance, admins)."""
    return service.case_to_read(session, service.update_case(session, actor, case_id, data))


@router.delete("/mobility/cases/{case_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_case(
    case_id: uuid.UUID, session: DbSession, actor: ApiActor, store: AttachmentStoreDep
) -> Response:
    """Delete a case and its document files (compliance, admins)."""
    service.delete_case(session, actor, case_id, store=store)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.patch("/mobility/cases/{case_id}/steps/{step_id}", response_model=CaseRead)
def update_step(
    case_id: uuid.UUID, step_id: uuid.UUID, data: StepUpdate, session: DbSession, actor: ApiActor
) -> CaseRead:
    """Change a step (status, completion date, due date override, note); later due dates follow."""
    return service.case_to_read(session, service.update_step(session, actor, case_id, step_id, data))


@router.patch("/mobility/cases/{case_id}/documents/{document_id}", response_model=DocumentRead)
def update_document(
    case_id: uuid.UUID, document_id: uuid.UUID, data: DocumentUpdate, session: DbSession, actor: ApiActor
) -> DocumentRead:
    """Change a checklist document's status, authentication, dates or note."""
    context, document = service.update_document(session, actor, case_id, document_id, data)
    read = service.case_to_read(session, context)
    return next(item for item in read.documents if item.id == document.id)


@router.put(
    "/mobility/cases/{case_id}/documents/{document_id}/file",
    response_model=DocumentRead,
    responses={413: {"description": "The file is larger than the configured limit"}},
)
def upload_document_file(
    case_id: uuid.UUID,
    document_id: uuid.UUID,
    file: UploadFile,
    session: DbSession,
    actor: ApiActor,
    store: AttachmentStoreDep,
    limits: UploadLimitsDep,
) -> DocumentRead:
    """Upload a document's file (multipart field ``file``); owners, compliance and admins only."""
    data = file.file.read(limits.max_bytes + 1)
    service.upload_document_file(
        session,
        actor,
        case_id,
        document_id,
        filename=file.filename or "",
        data=data,
        store=store,
        limits=limits,
    )
    read = service.case_to_read(session, service.get_case(session, actor, case_id))
    return next(item for item in read.documents if item.id == document_id)


@router.get(
    "/mobility/cases/{case_id}/documents/{document_id}/file",
    response_class=Response,
    responses={200: {"description": "The file's bytes", "content": {kind: {} for kind in EXTENSIONS}}},
)
def download_document_file(
    case_id: uuid.UUID,
    document_id: uuid.UUID,
    session: DbSession,
    actor: ApiActor,
    store: AttachmentStoreDep,
) -> Response:
    """Download a document's file (owners, compliance, admins); recorded as a view."""
    content = service.open_document_file(session, actor, case_id, document_id, store=store)
    return Response(
        content=content.data,
        media_type=content.document.content_type or "application/octet-stream",
        headers={
            "Content-Disposition": content_disposition(content.document.filename or "document"),
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.delete("/mobility/cases/{case_id}/documents/{document_id}/file", response_model=DocumentRead)
def delete_document_file(
    case_id: uuid.UUID,
    document_id: uuid.UUID,
    session: DbSession,
    actor: ApiActor,
    store: AttachmentStoreDep,
) -> DocumentRead:
    """Remove a document's file; the checklist item goes back to missing."""
    service.delete_document_file(session, actor, case_id, document_id, store=store)
    read = service.case_to_read(session, service.get_case(session, actor, case_id))
    return next(item for item in read.documents if item.id == document_id)


@router.post(
    "/mobility/cases/{case_id}/dependants",
    response_model=DependantRead,
    status_code=status.HTTP_201_CREATED,
)
def add_dependant(
    case_id: uuid.UUID, data: DependantCreate, session: DbSession, actor: ApiActor
) -> DependantRead:
    """Add a spouse or child moving with the hire."""
    return DependantRead.model_validate(service.add_dependant(session, actor, case_id, data))


@router.delete("/mobility/cases/{case_id}/dependants/{dependant_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_dependant(
    case_id: uuid.UUID, dependant_id: uuid.UUID, session: DbSession, actor: ApiActor
) -> Response:
    """Remove a dependant from a case."""
    service.remove_dependant(session, actor, case_id, dependant_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/mobility/reminders/scan", response_model=ReminderScanResult)
def scan_reminders(data: ReminderScanIn, session: DbSession, actor: ApiActor) -> ReminderScanResult:
    """Run today's reminder scan now (admins, compliance); idempotent like the daily job.

    ``{"dry_run": true}`` counts what would be sent without sending anything.
    """
    return service.run_reminder_scan(session, actor, today=utc_now().date(), dry_run=data.dry_run)
