"""Pure parts of the careers site: slugs, JSON-LD, feeds, privacy rules, the question editor."""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentbridge.careers import feeds, jsonld
from talentbridge.careers._staff_pages import parse_questions, questions_text
from talentbridge.careers.enums import ConsentPurpose, Jurisdiction
from talentbridge.careers.privacy import parse_rules, rules
from talentbridge.careers.public import PublicJob, job_slug, slug_id_prefix, slugify

JOB_ID = uuid.UUID("12345678-9abc-4def-8123-456789abcdef")


def public_job(**overrides: Any) -> PublicJob:
    values: dict[str, Any] = {
        "id": JOB_ID,
        "slug": job_slug(JOB_ID, "ML Engineer"),
        "title": "ML Engineer",
        "description_md": "Train models.",
        "description_html": "<p>Train models.</p>",
        "role_family": "algorithm_ml",
        "level": "senior",
        "work_model": "onsite",
        "hub_name": "Shenzhen",
        "city": "Shenzhen",
        "country": "CN",
        "employment_type": "FULL_TIME",
        "date_posted": datetime(2026, 11, 1, 8, 0, tzinfo=UTC),
        "valid_through": date(2026, 12, 31),
        "applicant_countries": (),
        "eligibility_to_work": None,
    }
    values.update(overrides)
    return PublicJob(**values)


def posting(job: PublicJob) -> dict[str, Any]:
    return jsonld.job_posting(
        job,
        url="https://x.example/careers/jobs/a",
        organization_name="Acme",
        organization_url="https://acme.example",
        organization_logo=None,
    )


def test_slug_keeps_the_title_readable_and_ends_with_id_digits() -> None:
    assert slugify("Senior ML Engineer (NLP) — Berlin") == "senior-ml-engineer-nlp-berlin"
    assert slugify("算法工程师") == "job"
    slug = job_slug(JOB_ID, "ML Engineer")
    assert slug == "ml-engineer-123456789abc"
    assert slug_id_prefix(slug) == "123456789abc"
    assert slug_id_prefix("anything-xyz") is None
    assert slug_id_prefix("no-digits-ABCDEFGHIJKL") is None


@given(st.text(max_size=200))
def test_any_title_gives_a_url_safe_slug(title: str) -> None:
    slug = job_slug(JOB_ID, title)
    assert all(char.isascii() and (char.isalnum() or char == "-") for char in slug)
    assert slug_id_prefix(slug) == JOB_ID.hex[:12]


def test_onsite_job_posting_has_every_property_google_requires() -> None:
    data = posting(
        public_job(
            salary_currency="CNY",
            salary_min=Decimal(600000),
            salary_max=Decimal(900000),
            salary_period="year",
            eligibility_to_work="Work permit sponsored (category B).",
        )
    )
    for key in (
        "title",
        "description",
        "datePosted",
        "validThrough",
        "employmentType",
        "hiringOrganization",
        "jobLocation",
        "identifier",
        "directApply",
    ):
        assert key in data, key
    assert data["@type"] == "JobPosting"
    assert data["datePosted"] == "2026-11-01"
    assert data["validThrough"].startswith("2026-12-31T23:59")
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Shenzhen",
        "addressCountry": "CN",
    }
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "CNY",
        "value": {"@type": "QuantitativeValue", "unitText": "YEAR", "minValue": 600000, "maxValue": 900000},
    }
    assert data["eligibilityToWorkRequirement"] == "Work permit sponsored (category B)."
    assert data["hiringOrganization"]["name"] == "Acme"
    assert "jobLocationType" not in data


def test_remote_job_uses_telecommute_and_applicant_countries_and_no_hidden_salary() -> None:
    data = posting(public_job(work_model="remote", applicant_countries=("DE", "SG")))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "DE"},
        {"@type": "Country", "name": "SG"},
    ]
    assert "jobLocation" not in data
    assert "baseSalary" not in data


def test_hybrid_is_published_as_onsite() -> None:
    data = posting(public_job(work_model="hybrid"))
    assert "jobLocation" in data
    assert "jobLocationType" not in data


@pytest.mark.parametrize(
    "title",
    ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "line\u2028sep"],
)
def test_script_json_cannot_end_the_script_element(title: str) -> None:
    text = jsonld.script_json(posting(public_job(title=title)))
    assert "<" not in text
    assert ">" not in text
    assert json.loads(text)["title"] == title


def _feed_site() -> feeds.FeedSite:
    return feeds.FeedSite(
        publisher="TalentBridge",
        publisher_url="https://x.example/careers",
        company="Acme & Co",
        contact_email="careers@acme.example",
        job_url=lambda job: f"https://x.example/careers/jobs/{job.slug}?ch=tok",
    )


INDEED_REQUIRED = (
    "title",
    "date",
    "referencenumber",
    "url",
    "company",
    "city",
    "state",
    "country",
    "postalcode",
    "description",
    "salary",
    "jobtype",
)


def test_indeed_feed_parses_and_has_the_required_elements_in_cdata() -> None:
    jobs = [
        public_job(title="Engineer ]]> & <b>bold</b>", description_html="<p>Ünïcode 算法 &amp; more</p>"),
        public_job(
            id=uuid.uuid4(),
            work_model="remote",
            salary_currency="EUR",
            salary_min=Decimal(70000),
            salary_max=Decimal(90000),
            salary_period="year",
        ),
    ]
    text = feeds.indeed_xml(jobs, _feed_site(), now=datetime(2026, 11, 26, tzinfo=UTC))
    root = ET.fromstring(text.encode("utf-8"))  # noqa: S314 - our own output, parsed to check it
    assert root.tag == "source"
    assert root.findtext("publisher") == "TalentBridge"
    items = root.findall("job")
    assert len(items) == 2
    for item in items:
        for name in INDEED_REQUIRED:
            assert item.find(name) is not None, name
    assert items[0].findtext("title") == "Engineer ]]> & <b>bold</b>"
    assert items[0].findtext("company") == "Acme & Co"
    assert items[0].findtext("description") == "<p>Ünïcode 算法 &amp; more</p>"
    assert items[0].findtext("url").endswith("?ch=tok")
    assert items[0].findtext("jobtype") == "fulltime"
    assert items[1].findtext("salary") == "EUR 70000 - 90000 per year"
    assert items[1].findtext("remotetype") == "Fully remote"
    assert "&amp;" not in text.split("<description>")[0]  # values are CDATA, not entities
    assert "<![CDATA[Acme & Co]]>" in text


def test_cdata_drops_characters_xml_forbids() -> None:
    assert feeds.cdata("a\x00b\x0bc") == "<![CDATA[abc]]>"


JSON_FEED_SCHEMA: dict[str, Any] = {
    "required": {"version": str, "title": str, "items": list},
    "optional": {"home_page_url": str, "feed_url": str, "language": str},
    "item_required": {"id": str},
    "item_optional": {"url": str, "title": str, "content_html": str, "date_published": str, "tags": list},
}


def check_json_feed(document: dict[str, Any]) -> list[str]:
    """Problems of a JSON Feed 1.1 document against the small schema above."""
    problems = []
    for key, kind in JSON_FEED_SCHEMA["required"].items():
        if not isinstance(document.get(key), kind):
            problems.append(f"top-level {key} must be {kind.__name__}")
    for key, kind in JSON_FEED_SCHEMA["optional"].items():
        if key in document and not isinstance(document[key], kind):
            problems.append(f"top-level {key} must be {kind.__name__}")
    if document.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version")
    for index, item in enumerate(document.get("items") or []):
        for key, kind in JSON_FEED_SCHEMA["item_required"].items():
            if not isinstance(item.get(key), kind):
                problems.append(f"item {index} {key}")
        for key, kind in JSON_FEED_SCHEMA["item_optional"].items():
            if key in item and not isinstance(item[key], kind):
                problems.append(f"item {index} {key}")
        if "content_html" not in item and "content_text" not in item:
            problems.append(f"item {index} has no content")
        for key in item:
            if key not in {
                *JSON_FEED_SCHEMA["item_required"],
                *JSON_FEED_SCHEMA["item_optional"],
            } and not key.startswith("_"):
                problems.append(f"item {index} unknown key {key} (extensions start with _)")
        if "date_published" in item:
            datetime.fromisoformat(item["date_published"])
    return problems


def test_json_feed_is_valid_json_feed_with_job_postings() -> None:
    jobs = [public_job(), public_job(id=uuid.uuid4(), title="Data Scientist")]
    text = feeds.json_feed(
        jobs,
        _feed_site(),
        feed_url="https://x.example/feeds/jobs.json",
        postings=[posting(job) for job in jobs],
    )
    document = json.loads(text)
    assert check_json_feed(document) == []
    assert [item["_job_posting"]["@type"] for item in document["items"]] == ["JobPosting", "JobPosting"]
    assert check_json_feed({"version": "x", "items": [{"id": 1, "bad": True}]}) != []


def test_privacy_rules_pick_the_regime_by_country_and_fingerprint_the_text() -> None:
    privacy = rules()
    assert privacy.jurisdiction_for("cn") is Jurisdiction.CN_PIPL
    assert privacy.jurisdiction_for("DE") is Jurisdiction.EU_GDPR
    assert privacy.jurisdiction_for("NO") is Jurisdiction.EU_GDPR  # EEA
    assert privacy.jurisdiction_for("GB") is Jurisdiction.UK_GDPR
    assert privacy.jurisdiction_for("US") is Jurisdiction.OTHER
    notice = privacy.current
    assert notice.sha256("en") != notice.sha256("zh_Hans")
    assert len(notice.sha256("en")) == 64
    assert "同意" in notice.statement_for(ConsentPurpose.RECRUITMENT, "zh_Hans")
    assert (
        notice.statement_for(ConsentPurpose.TALENT_POOL, "fr")
        == notice.consent[ConsentPurpose.TALENT_POOL]["en"]
    )


def test_privacy_rules_refuse_a_missing_current_version() -> None:
    raw = {"current_version": "9", "jurisdictions": {}, "notices": []}
    with pytest.raises(ValueError, match="current_version"):
        parse_rules(raw)


def test_privacy_rules_refuse_unquoted_country_codes() -> None:
    notice = {
        "version": "1",
        "effective": "2026-01-01",
        "text": {"en": "x"},
        "consent": {"recruitment": {"en": "y"}},
    }
    raw = {"current_version": "1", "jurisdictions": {"EU-GDPR": [False]}, "notices": [notice]}
    with pytest.raises(ValueError, match="quoted"):
        parse_rules(raw)


def test_question_editor_round_trip() -> None:
    parsed = parse_questions(
        "Need a visa? | yes_no\nStart? | choice | Now; Later\n\nAnything else? | text | | optional\nWhy us?"
    )
    kinds = [(q.prompt, q.kind.value, q.choices, q.required) for q in parsed.questions]
    assert kinds == [
        ("Need a visa?", "yes_no", [], True),
        ("Start?", "choice", ["Now", "Later"], True),
        ("Anything else?", "text", [], False),
        ("Why us?", "text", [], True),
    ]


def test_question_editor_refuses_unknown_kinds_and_one_choice() -> None:
    from pydantic import ValidationError

    from talentbridge.errors import InvalidInput

    with pytest.raises(InvalidInput):
        parse_questions("Q | multiple")
    with pytest.raises(ValidationError):
        parse_questions("Q | choice | only one")
    assert questions_text([]) == ""
