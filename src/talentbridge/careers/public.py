"""What the public sees of an open job: a plain snapshot the pages, JSON-LD and feeds share.

Built by the service from the job, its hub and its posting settings, so the renderers below
(``jsonld``, ``feeds``) are pure functions with no database or web imports.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

SLUG_ID_CHARS = 12  # hex digits of the job id at the end of a slug: unique, and stable on renames
_NON_WORD = re.compile(r"[^a-z0-9]+")
MAX_TITLE_SLUG = 60


@dataclass(frozen=True)
class PublicQuestion:
    """A screening question as the form shows it."""

    id: uuid.UUID
    prompt: str
    kind: str
    choices: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class PublicJob:
    """An open, listed job as published (salary only when the posting shows it)."""

    id: uuid.UUID
    slug: str
    title: str
    description_md: str
    description_html: str
    role_family: str
    level: str
    work_model: str
    hub_name: str
    city: str
    country: str
    employment_type: str
    date_posted: datetime
    valid_through: date
    applicant_countries: tuple[str, ...]
    eligibility_to_work: str | None
    salary_currency: str | None = None
    salary_min: Decimal | None = None
    salary_max: Decimal | None = None
    salary_period: str | None = None
    questions: tuple[PublicQuestion, ...] = ()

    @property
    def remote(self) -> bool:
        """Fully remote (Google's TELECOMMUTE); hybrid counts as on-site with a location."""
        return self.work_model == "remote"

    @property
    def has_salary(self) -> bool:
        """Whether a salary is published."""
        return self.salary_currency is not None and (
            self.salary_min is not None or self.salary_max is not None
        )


def slugify(title: str) -> str:
    """A URL-safe ASCII rendering of a title ("Senior ML Engineer (NLP)" -> "senior-ml-engineer-nlp")."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_WORD.sub("-", ascii_text).strip("-")[:MAX_TITLE_SLUG].strip("-")
    return slug or "job"


def job_slug(job_id: uuid.UUID, title: str) -> str:
    """The public slug of a job: its title, then the first hex digits of its id."""
    return f"{slugify(title)}-{job_id.hex[:SLUG_ID_CHARS]}"


def slug_id_prefix(slug: str) -> str | None:
    """The id digits a slug ends with, or None when it cannot be one of ours."""
    tail = slug.rsplit("-", 1)[-1].lower()
    if len(tail) != SLUG_ID_CHARS or any(char not in "0123456789abcdef" for char in tail):
        return None
    return tail
