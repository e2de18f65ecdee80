"""schema.org ``JobPosting`` JSON-LD for Google for Jobs (pure).

Required by Google: title, description (HTML), datePosted, hiringOrganization, jobLocation, or
for fully remote jobs ``jobLocationType: TELECOMMUTE`` with ``applicantLocationRequirements``.
Recommended and set here: validThrough, employmentType, identifier, directApply, baseSalary
(only when the posting publishes it). ``eligibilityToWorkRequirement`` carries work-permit
conditions; ``applicantLocationRequirements`` is used only for where applicants may live (not for
visa rules, as schema.org asks). Hybrid has no representation, so it is emitted as on-site.

The JSON is embedded in ``<script type="application/ld+json">``: ``script_json`` escapes ``<``,
``>`` and ``&`` as ``\\u003c`` … so no value can close the element (``</script>``) or open a
comment. JSON parsers read the escapes back as the same characters.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from decimal import Decimal
from typing import Any

from talentbridge.careers.public import PublicJob

SALARY_UNITS = {"year": "YEAR", "month": "MONTH", "hour": "HOUR"}
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
REQUIRED_PROPERTIES = ("title", "description", "datePosted", "hiringOrganization")


def job_posting(
    job: PublicJob, *, url: str, organization_name: str, organization_url: str, organization_logo: str | None
) -> dict[str, Any]:
    """The JobPosting object of a public job."""
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": job.description_html or f"<p>{_escape_html(job.title)}</p>",
        "datePosted": job.date_posted.astimezone(UTC).date().isoformat(),
        "validThrough": datetime.combine(job.valid_through, time(23, 59), tzinfo=UTC).isoformat(),
        "employmentType": job.employment_type,
        "hiringOrganization": _organization(organization_name, organization_url, organization_logo),
        "identifier": {"@type": "PropertyValue", "name": organization_name, "value": str(job.id)},
        "directApply": True,
        "url": url,
    }
    if job.remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [
            {"@type": "Country", "name": code} for code in (job.applicant_countries or (job.country,))
        ]
    else:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": job.city,
                "addressCountry": job.country,
            },
        }
        if job.applicant_countries:
            data["applicantLocationRequirements"] = [
                {"@type": "Country", "name": code} for code in job.applicant_countries
            ]
    if job.eligibility_to_work:
        data["eligibilityToWorkRequirement"] = job.eligibility_to_work
    if job.has_salary:
        data["baseSalary"] = _salary(job)
    return data


def _organization(name: str, url: str, logo: str | None) -> dict[str, Any]:
    organization: dict[str, Any] = {"@type": "Organization", "name": name, "sameAs": url}
    if logo:
        organization["logo"] = logo
    return organization


def _salary(job: PublicJob) -> dict[str, Any]:
    value: dict[str, Any] = {
        "@type": "QuantitativeValue",
        "unitText": SALARY_UNITS.get(job.salary_period or "year"),
    }
    if job.salary_min is not None and job.salary_max is not None and job.salary_min != job.salary_max:
        value["minValue"] = _number(job.salary_min)
        value["maxValue"] = _number(job.salary_max)
    else:
        value["value"] = _number(job.salary_min if job.salary_min is not None else job.salary_max)
    return {"@type": "MonetaryAmount", "currency": job.salary_currency, "value": value}


def _number(amount: Decimal | None) -> int | float:
    if amount is None:
        return 0
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to place inside a ``<script>`` element (nothing in it can end the element)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text
