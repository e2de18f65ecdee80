"""Translated labels for the mobility pages: factors, routes, what-if changes, fact origins,
steps, documents and statuses. Engine reasons and warnings are English sentences from the rules
(shown as they are); the labels around them are translated here by their stable ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.support import LazyProxy

from talentbridge.mobility.enums import (
    Authentication,
    CaseStatus,
    DependantRelation,
    DocumentStatus,
    StepKind,
    StepStatus,
)
from talentbridge.web.i18n import lazy_gettext

FACTORS: dict[str, LazyProxy] = {
    "salary": lazy_gettext("Annual salary"),
    "education": lazy_gettext("Education"),
    "experience": lazy_gettext("Relevant experience"),
    "months_in_china": lazy_gettext("Months in China per year"),
    "chinese_language": lazy_gettext("Chinese language"),
    "work_location": lazy_gettext("Work location"),
    "age": lazy_gettext("Age"),
    "excellence_group": lazy_gettext("Top university, Fortune 500, patents or 5 years in China"),
    "local_bonus": lazy_gettext("Local bonus"),
}
ROUTES: dict[str, LazyProxy] = {
    "points": lazy_gettext("Points"),
    "salary_multiple": lazy_gettext("Salary multiple of the local average wage"),
    "degree_and_experience": lazy_gettext("Degree and experience"),
}
ROUTE_STATUS: dict[str, tuple[LazyProxy, str]] = {
    "met": (lazy_gettext("Met"), "success"),
    "not_met": (lazy_gettext("Not met"), "neutral"),
    "unknown": (lazy_gettext("Unknown"), "warning"),
}
WHAT_IF: dict[str, LazyProxy] = {
    "salary_by_points": lazy_gettext("Salary (points)"),
    "salary_by_route": lazy_gettext("Salary (salary route)"),
    "relevant_experience_years": lazy_gettext("Certified experience"),
    "hsk_level": lazy_gettext("HSK level"),
    "months_in_china_per_year": lazy_gettext("Months in China"),
}
ORIGINS: dict[str, LazyProxy] = {
    "record": lazy_gettext("from the person record"),
    "certified": lazy_gettext("certified (permit facts)"),
    "stated": lazy_gettext("stated (permit facts)"),
    "work_history": lazy_gettext("from the work history, not certified"),
    "languages": lazy_gettext("from the languages, not certified"),
    "hub": lazy_gettext("the job's hub"),
    "offer": lazy_gettext("from the offer terms"),
    "city": lazy_gettext("from the city"),
    "unknown": lazy_gettext("unknown"),
}
FACT_NAMES: dict[str, LazyProxy] = {
    "birth_date": lazy_gettext("Date of birth"),
    "highest_degree": lazy_gettext("Highest degree"),
    "relevant_experience_years": lazy_gettext("Relevant experience"),
    "hsk_level": lazy_gettext("HSK level"),
    "years_worked_in_china": lazy_gettext("Years worked in China"),
    "work_city": lazy_gettext("Work city"),
    "work_province": lazy_gettext("Work province"),
    "vocational_level": lazy_gettext("Vocational level"),
    "annual_salary_cny": lazy_gettext("Annual salary (CNY)"),
    "months_in_china_per_year": lazy_gettext("Months in China per year"),
}
VOCATIONAL: dict[str, LazyProxy] = {
    "none": lazy_gettext("None"),
    "senior_worker": lazy_gettext("Senior worker"),
    "technician": lazy_gettext("Technician"),
    "senior_technician": lazy_gettext("Senior technician"),
    "international_top": lazy_gettext("Internationally recognised top level"),
}
STEPS: dict[StepKind, LazyProxy] = {
    StepKind.WORK_PERMIT_NOTICE: lazy_gettext("Work Permit Notice"),
    StepKind.Z_VISA: lazy_gettext("Z visa"),
    StepKind.ENTRY: lazy_gettext("Entry into China"),
    StepKind.WORK_PERMIT_CARD: lazy_gettext("Work permit card"),
    StepKind.RESIDENCE_PERMIT: lazy_gettext("Residence permit"),
}
STEP_STATUS: dict[StepStatus, tuple[LazyProxy, str]] = {
    StepStatus.PENDING: (lazy_gettext("Pending"), "neutral"),
    StepStatus.IN_PROGRESS: (lazy_gettext("In progress"), "accent"),
    StepStatus.DONE: (lazy_gettext("Done"), "success"),
    StepStatus.BLOCKED: (lazy_gettext("Blocked"), "danger"),
    StepStatus.NOT_NEEDED: (lazy_gettext("Not needed"), "neutral"),
}
CASE_STATUS: dict[CaseStatus, tuple[LazyProxy, str]] = {
    CaseStatus.OPEN: (lazy_gettext("Open"), "accent"),
    CaseStatus.ON_HOLD: (lazy_gettext("On hold"), "warning"),
    CaseStatus.COMPLETED: (lazy_gettext("Completed"), "success"),
    CaseStatus.CANCELLED: (lazy_gettext("Cancelled"), "neutral"),
}
DOCUMENTS: dict[str, LazyProxy] = {
    "passport": lazy_gettext("Passport"),
    "degree_certificate": lazy_gettext("Degree certificate"),
    "criminal_record": lazy_gettext("Non-criminal record"),
    "medical_check": lazy_gettext("Medical check"),
    "cv": lazy_gettext("CV and proof of experience"),
    "employment_contract": lazy_gettext("Employment contract"),
    "photo": lazy_gettext("Photo"),
}
DOCUMENT_STATUS: dict[DocumentStatus, tuple[LazyProxy, str]] = {
    DocumentStatus.MISSING: (lazy_gettext("Missing"), "warning"),
    DocumentStatus.REQUESTED: (lazy_gettext("Requested"), "neutral"),
    DocumentStatus.RECEIVED: (lazy_gettext("Received"), "accent"),
    DocumentStatus.VERIFIED: (lazy_gettext("Verified"), "success"),
    DocumentStatus.REJECTED: (lazy_gettext("Rejected"), "danger"),
}
AUTHENTICATION: dict[Authentication, LazyProxy] = {
    Authentication.NONE: lazy_gettext("Not authenticated"),
    Authentication.CONSULAR: lazy_gettext("Consular legalisation"),
    Authentication.APOSTILLE: lazy_gettext("Apostille"),
    Authentication.CSCSE: lazy_gettext("CSCSE verification"),
}
RELATIONS: dict[DependantRelation, LazyProxy] = {
    DependantRelation.SPOUSE: lazy_gettext("Spouse"),
    DependantRelation.CHILD: lazy_gettext("Child"),
    DependantRelation.OTHER: lazy_gettext("Other"),
}
COMPLETED_COLUMN = lazy_gettext("Completed")
CATEGORY_TONES = {"A": "success", "B": "accent"}


def text(mapping: Mapping[Any, LazyProxy], key: str | None, fallback: str = "") -> str:
    """The translated label of a key, or the key itself (readable) when unknown."""
    if key is None:
        return fallback
    label = mapping.get(key)
    return str(label) if label is not None else key.replace("_", " ")
