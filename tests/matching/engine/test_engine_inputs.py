"""JSON Resume and schema.org JobPosting parsing: fields mapped, malformed input named."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from talentbridge.errors import InvalidInput
from talentbridge.matching.jobposting import parse_job_posting
from talentbridge.matching.jsonresume import fluency_level, parse_json_resume

TODAY = date(2026, 6, 1)

RESUME: dict[str, Any] = {
    "meta": {"id": "cand-7"},
    "basics": {
        "name": "Li Wei",
        "label": "Senior ML Engineer",
        "summary": "Builds NLP systems.",
        "location": {"countryCode": "cn"},
        "profiles": [{"network": "GitHub", "url": "https://github.com/liwei"}],
    },
    "work": [
        {
            "name": "A",
            "position": "ML Engineer",
            "startDate": "2018-01",
            "endDate": "2021-01",
            "summary": "Trained PyTorch models",
            "highlights": ["Served models with Kubernetes"],
        },
        {"name": "B", "position": "Senior ML Engineer", "startDate": "2020-07", "summary": "PyTorch and Go"},
    ],
    "education": [{"studyType": "MSc", "area": "Computer Science", "endDate": "2017"}],
    "skills": [{"name": "Deep learning", "keywords": ["PyTorch", "Kubernetes"]}],
    "languages": [
        {"language": "English", "fluency": "Full professional proficiency"},
        {"language": "Mandarin", "fluency": "Native speaker"},
        {"language": "Klingon", "fluency": "B1"},
    ],
    "publications": [{"name": "Sparse attention", "publisher": "EMNLP 2022"}],
    "awards": [{"title": "ACM ICPC Asia Regional, gold"}],
    "x-talentbridge": {"timezone": "Asia/Shanghai", "willing_to_relocate": True, "work_model": "hybrid"},
}


def test_json_resume_maps_every_section() -> None:
    profile = parse_json_resume(RESUME, today=TODAY)
    assert profile.id == "cand-7"
    assert profile.display_name == "Li Wei"
    assert profile.titles == ("Senior ML Engineer", "ML Engineer")
    assert profile.total_years == pytest.approx(8.4)  # 2018-01 .. 2026-06 with the overlap merged
    assert [(s.name, s.years, s.last_used_year) for s in profile.skills] == [
        ("Deep learning", None, None),
        ("PyTorch", pytest.approx(8.9), 2026),  # 36 months at A + 71 months at B (mentions add up)
        ("Kubernetes", 3.0, 2021),
    ]
    assert profile.education == (("master", "Computer Science"),)
    assert profile.languages == (("en", "C2"), ("zh", "native"))
    assert profile.publications == ("Sparse attention — EMNLP 2022",)
    assert profile.awards == ("ACM ICPC Asia Regional, gold",)
    assert profile.links == ("https://github.com/liwei",)
    assert (profile.country, profile.timezone, profile.willing_to_relocate, profile.work_model) == (
        "CN",
        "Asia/Shanghai",
        True,
        "hybrid",
    )
    assert "Builds NLP systems." in profile.text
    assert "Served models with Kubernetes" in profile.text


def test_free_text_only_resume_is_valid_and_keeps_the_text() -> None:
    profile = parse_json_resume({"basics": {"summary": "Pasted CV: Python, SQL, 5 years."}}, fallback_id="3")
    assert profile.id == "3"
    assert profile.skills == ()
    assert profile.text == "Pasted CV: Python, SQL, 5 years."
    assert profile.total_years is None


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ([], "resume"),
        ({"basics": "x"}, "basics"),
        ({"basics": {"name": 5.5j}}, "basics.name"),
        ({"work": {}}, "work"),
        ({"work": [{"startDate": "June 2020"}]}, "work[0].startDate"),
        ({"work": [{"startDate": "2021-01", "endDate": "2020-01"}]}, "work[0].endDate"),
        ({"work": [{}, {"highlights": "one"}]}, "work[1].highlights"),
        ({"skills": [{"keywords": [1, {"a": 1}]}]}, "skills[0].keywords[1]"),
        ({"languages": [{"fluency": "B2"}]}, "languages[0].language"),
        ({"basics": {"location": {"countryCode": "Germany"}}}, "basics.location.countryCode"),
        ({"x-talentbridge": {"willing_to_relocate": "yes"}}, "x-talentbridge.willing_to_relocate"),
        ({"x-talentbridge": {"work_model": "sometimes"}}, "x-talentbridge.work_model"),
        ({"meta": {"id": ""}}, "meta.id"),
    ],
)
def test_malformed_resume_names_the_field(document: Any, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_json_resume(document, fallback_id="" if field == "meta.id" else "0")
    assert caught.value.field == field
    assert caught.value.message.startswith(field)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("HSK 4", "HSK4"),
        ("Native speaker", "native"),
        ("C1", "C1"),
        ("Professional working proficiency", "C1"),
        ("Elementary proficiency", "A2"),
        ("upper-intermediate (B2)", "B2"),
        ("母语", "native"),
        ("so-so", None),
    ],
)
def test_fluency_words_map_to_levels(text: str, level: str | None) -> None:
    assert fluency_level(text) == level


POSTING: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "identifier": {"@type": "PropertyValue", "value": "JOB-42"},
    "title": "Senior NLP Engineer",
    "description": "<p>Build <b>NLP</b> systems.</p><ul><li>PyTorch</li></ul>",
    "skills": "PyTorch, Python; Docker",
    "qualifications": "Publications at ACL are a plus",
    "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 36},
    "educationRequirements": {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "postgraduate degree",
    },
    "jobLocation": {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressCountry": {"name": "Germany"}},
    },
    "x-talentbridge": {
        "required_skills": [{"name": "PyTorch", "must_have": True, "min_years": 2}, "Python"],
        "languages": [{"language": "English", "min_level": "B2"}, "zh:HSK4"],
        "education_fields": ["Computer Science", "Linguistics"],
        "timezone": "Europe/Berlin",
        "work_model": "hybrid",
    },
}


def test_job_posting_maps_schema_org_and_x_talentbridge() -> None:
    job = parse_job_posting(POSTING)
    assert job.id == "JOB-42"
    assert job.title == "Senior NLP Engineer"
    assert job.description.startswith("Build  NLP  systems.")
    assert "ACL" in job.description
    assert [(r.name, r.must_have, r.min_years) for r in job.required_skills] == [
        ("PyTorch", True, 2),
        ("Python", False, None),
    ]
    assert [r.name for r in job.preferred_skills] == ["Docker"]  # listed in skills, not required
    assert job.min_years == 3.0
    assert job.seniority == "senior"
    assert [(lang.language, lang.min_level, lang.required) for lang in job.languages] == [
        ("en", "B2", True),
        ("zh", "HSK4", True),
    ]
    assert job.education_level == "master"
    assert job.education_fields == ("Computer Science", "Linguistics")
    assert (job.country, job.timezone, job.work_model) == ("DE", "Europe/Berlin", "hybrid")


def test_plain_job_posting_uses_skills_as_requirements_and_text_years() -> None:
    job = parse_job_posting(
        {
            "title": "Go developer",
            "skills": ["Go", {"@type": "DefinedTerm", "name": "gRPC"}],
            "experienceRequirements": "5+ years in backend",
            "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": {"@type": "Country", "name": "PL"},
        }
    )
    assert [r.name for r in job.required_skills] == ["Go", "gRPC"]
    assert (job.min_years, job.work_model, job.country) == (5.0, "remote", "PL")


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ("job", "JobPosting"),
        ({"@type": "Person", "title": "x"}, "@type"),
        ({}, "title"),
        ({"title": ["a"]}, "title"),
        ({"title": "x", "x-talentbridge": []}, "x-talentbridge"),
        ({"title": "x", "x-talentbridge": {"required_skills": "Go"}}, "x-talentbridge.required_skills"),
        (
            {"title": "x", "x-talentbridge": {"required_skills": [{"weight": 2}]}},
            "x-talentbridge.required_skills[0].name",
        ),
        (
            {"title": "x", "x-talentbridge": {"required_skills": [{"name": "Go", "weight": -1}]}},
            "x-talentbridge.required_skills[0].weight",
        ),
        (
            {
                "title": "x",
                "x-talentbridge": {"languages": [{"language": "English", "min_level": "fluent-ish"}]},
            },
            "x-talentbridge.languages[0].min_level",
        ),
        (
            {"title": "x", "x-talentbridge": {"languages": [{"language": "Elvish", "min_level": "B2"}]}},
            "x-talentbridge.languages[0].language",
        ),
        (
            {"title": "x", "experienceRequirements": {"monthsOfExperience": "many"}},
            "experienceRequirements.monthsOfExperience",
        ),
        ({"title": "x", "x-talentbridge": {"seniority": "god"}}, "x-talentbridge.seniority"),
        (
            {"title": "x", "x-talentbridge": {"education_level": "wizard school"}},
            "x-talentbridge.education_level",
        ),
    ],
)
def test_malformed_job_posting_names_the_field(document: Any, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_job_posting(document)
    assert caught.value.field == field
