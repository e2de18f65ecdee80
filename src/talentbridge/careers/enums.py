"""Closed vocabularies of the careers site: employment types, question kinds, consent."""

from enum import StrEnum


class EmploymentType(StrEnum):
    """schema.org / Google for Jobs ``employmentType`` values (stored as given)."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"
    CONTRACTOR = "CONTRACTOR"
    TEMPORARY = "TEMPORARY"
    INTERN = "INTERN"


class QuestionKind(StrEnum):
    """How a screening question is answered."""

    TEXT = "text"
    YES_NO = "yes_no"
    CHOICE = "choice"


class ConsentPurpose(StrEnum):
    """What an applicant agreed to: processing for this application, and optionally a talent pool."""

    RECRUITMENT = "recruitment"
    TALENT_POOL = "talent_pool"


class Jurisdiction(StrEnum):
    """The data-protection regime that governs an applicant, chosen by their country of residence."""

    CN_PIPL = "CN-PIPL"
    EU_GDPR = "EU-GDPR"
    UK_GDPR = "UK-GDPR"
    OTHER = "OTHER"
