"""Job feeds for boards to pull (pure): Indeed's XML format and a JSON Feed 1.1.

Indeed: one ``<job>`` per posting and location, every value in CDATA and no HTML entities
(literal characters only); ``referencenumber`` never changes for a posting. CDATA cannot contain
``]]>``, so that sequence is split across two sections; characters XML 1.0 forbids (control
characters) are dropped. The JSON feed follows https://jsonfeed.org/version/1.1 with the
schema.org ``JobPosting`` of each job in the ``_job_posting`` extension (extensions start with
an underscore, as the format requires).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from talentbridge.careers.public import PublicJob

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
INDEED_JOB_TYPES = {
    "FULL_TIME": "fulltime",
    "PART_TIME": "parttime",
    "CONTRACTOR": "contract",
    "TEMPORARY": "temporary",
    "INTERN": "internship",
}
REMOTE_TYPES = {"remote": "Fully remote", "hybrid": "Hybrid remote"}
SALARY_PERIODS = {"year": "per year", "month": "per month", "hour": "per hour"}
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedSite:
    """Who publishes the feed and how job URLs are built."""

    publisher: str
    publisher_url: str
    company: str
    contact_email: str
    job_url: Callable[[PublicJob], str]


def cdata(value: object) -> str:
    """A value as CDATA: no entities, ``]]>`` split, XML-invalid characters dropped."""
    text = _XML_INVALID.sub("", "" if value is None else str(value))
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _element(name: str, value: object) -> str:
    return f"<{name}>{cdata(value)}</{name}>"


def salary_text(job: PublicJob) -> str:
    """A published salary as Indeed reads it ("CNY 400000 - 600000 per year"), else empty."""
    if not job.has_salary:
        return ""
    amounts = [_plain(amount) for amount in (job.salary_min, job.salary_max) if amount is not None]
    span = " - ".join(dict.fromkeys(amounts))
    return f"{job.salary_currency} {span} {SALARY_PERIODS.get(job.salary_period or 'year', '')}".strip()


def _plain(amount: Decimal) -> str:
    return str(amount.quantize(Decimal(1))) if amount == amount.to_integral_value() else str(amount)


def indeed_xml(jobs: Sequence[PublicJob], site: FeedSite, *, now: datetime) -> str:
    """The Indeed XML feed of these jobs."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<source>",
        _element("publisher", site.publisher),
        _element("publisherurl", site.publisher_url),
        _element("lastBuildDate", now.astimezone(UTC).isoformat()),
    ]
    for job in jobs:
        parts.append("<job>")
        for name, value in _indeed_fields(job, site):
            parts.append(_element(name, value))
        parts.append("</job>")
    parts.append("</source>")
    return "\n".join(parts) + "\n"


def _indeed_fields(job: PublicJob, site: FeedSite) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [
        ("title", job.title),
        ("date", job.date_posted.astimezone(UTC).date().isoformat()),
        ("referencenumber", job.id.hex),
        ("requisitionid", str(job.id)),
        ("url", site.job_url(job)),
        ("company", site.company),
        ("sourcename", site.company),
        ("city", job.city),
        ("state", ""),
        ("country", job.country),
        ("postalcode", ""),
        ("streetaddress", ""),
        ("email", site.contact_email),
        ("description", job.description_html or job.title),
        ("salary", salary_text(job)),
        ("jobtype", INDEED_JOB_TYPES.get(job.employment_type, "fulltime")),
        ("category", job.role_family.replace("_", " ")),
        ("expirationdate", job.valid_through.isoformat()),
    ]
    if job.work_model in REMOTE_TYPES:
        fields.append(("remotetype", REMOTE_TYPES[job.work_model]))
    return fields


def json_feed(
    jobs: Sequence[PublicJob],
    site: FeedSite,
    *,
    feed_url: str,
    postings: Sequence[dict[str, Any]],
) -> str:
    """A JSON Feed 1.1 document of these jobs; ``postings`` are their JobPosting objects, in order."""
    items = []
    for job, posting in zip(jobs, postings, strict=True):
        items.append(
            {
                "id": str(job.id),
                "url": site.job_url(job),
                "title": job.title,
                "content_html": job.description_html or job.title,
                "date_published": job.date_posted.astimezone(UTC).isoformat(),
                "tags": [job.role_family, job.work_model, job.city],
                "_job_posting": posting,
            }
        )
    document = {
        "version": JSON_FEED_VERSION,
        "title": f"{site.company} — jobs",
        "home_page_url": site.publisher_url,
        "feed_url": feed_url,
        "language": "en",
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)
