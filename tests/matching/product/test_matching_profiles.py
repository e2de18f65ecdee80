"""Stored people and jobs mapped onto the engine's types: worked examples."""

from __future__ import annotations

import uuid
from datetime import date

from talentbridge.jobs.enums import DegreeLevel, JobLevel, RoleFamily, WorkModel
from talentbridge.jobs.models import Hub, Job, JobLanguage, JobSkill
from talentbridge.kit.levels import LanguageLevel
from talentbridge.matching.profiles import MUST_HAVE_WEIGHT, candidate_profile, job_spec, total_years
from talentbridge.people.models import Education, Experience, Person, PersonLanguage, PersonSkill

TODAY = date(2026, 11, 26)


def _person() -> Person:
    person = Person(
        id=uuid.uuid4(),
        first_name="Mei",
        last_name="Chen",
        headline="ML engineer",
        current_title="Senior ML Engineer",
        location_country="CN",
        timezone="Asia/Shanghai",
        willing_to_relocate=True,
        summary="Builds ranking models.",
        links={"github": "https://github.com/mei-demo"},
        publications=[{"title": "On robust retrieval", "venue": "NeurIPS", "year": 2024}],
        awards=[{"title": "ACM ICPC World Finalist", "issuer": "ICPC Foundation"}],
        date_of_birth=date(1990, 1, 1),
    )
    person.skills = [
        PersonSkill(name="PyTorch", normalized="pytorch", years=4),
        PersonSkill(name="C++", normalized="c++"),
    ]
    person.languages = [PersonLanguage(language="en", level=LanguageLevel.C1)]
    person.educations = [
        Education(degree_level=DegreeLevel.MASTER, field="Computer Science", institution="Tsinghua")
    ]
    person.experiences = [
        Experience(
            title="ML Engineer",
            employer="Old Co",
            start_date=date(2016, 1, 1),
            end_date=date(2020, 1, 1),
            description="Wrote C++ services.",
            position=1,
        ),
        Experience(
            title="Senior ML Engineer",
            employer="New Co",
            start_date=date(2019, 7, 1),
            end_date=None,
            description="Trains PyTorch models for search.",
            position=0,
        ),
    ]
    return person


def test_a_person_becomes_a_profile_with_evidence_and_recency() -> None:
    profile = candidate_profile(_person(), lambda name: f"tb:skill/{name.lower()}", today=TODAY)
    pytorch, cpp = profile.skills
    assert (pytorch.skill_id, pytorch.years, pytorch.last_used_year) == ("tb:skill/pytorch", 4, 2026)
    assert pytorch.evidence == "Senior ML Engineer at New Co"
    assert (cpp.last_used_year, cpp.evidence) == (2020, "ML Engineer at Old Co")
    assert profile.titles == ("Senior ML Engineer", "ML Engineer")
    assert profile.experience[0] == ("Senior ML Engineer", "New Co", 2019, None)
    assert profile.education == (("master", "Computer Science"),)
    assert profile.languages == (("en", "C1"),)
    assert profile.publications == ("On robust retrieval, NeurIPS, 2024",)
    assert profile.awards == ("ACM ICPC World Finalist, ICPC Foundation",)
    assert profile.links == ("https://github.com/mei-demo",)
    assert (profile.country, profile.timezone, profile.willing_to_relocate) == ("CN", "Asia/Shanghai", True)
    assert "Builds ranking models." in profile.text
    assert "Trains PyTorch" in profile.text


def test_a_profile_carries_nothing_policy_guarded() -> None:
    profile = candidate_profile(_person(), today=TODAY)
    assert "1990" not in repr(profile)


def test_overlapping_positions_count_once() -> None:
    # 2016-01-01 .. 2020-01-01 and 2019-07-01 .. today overlap: the union runs 2016-01-01 .. today.
    assert total_years(_person().experiences, today=TODAY) == 10.9


def test_no_dated_position_means_unknown_not_zero() -> None:
    assert total_years([Experience(title="x", employer="y")], today=TODAY) is None


def test_a_person_with_nothing_but_a_name_still_maps() -> None:
    person = Person(id=uuid.uuid4(), first_name="Solo", last_name="", links={}, publications=[], awards=[])
    person.skills, person.languages, person.educations, person.experiences = [], [], [], []
    profile = candidate_profile(person, today=TODAY)
    assert (profile.skills, profile.total_years, profile.text) == ((), None, "")


def test_a_job_becomes_a_spec_with_must_haves_from_the_weights() -> None:
    job = Job(
        id=uuid.uuid4(),
        title="Senior ML Engineer",
        role_family=RoleFamily.ALGORITHM_ML,
        level=JobLevel.STAFF,
        work_model=WorkModel.HYBRID,
        min_education=DegreeLevel.MASTER,
        min_years_experience=5,
        description_md="Ranking at scale.",
    )
    job.hub = Hub(name="Berlin", city="Berlin", country="DE", timezone="Europe/Berlin", currency="EUR")
    job.skills = [
        JobSkill(name="PyTorch", normalized="pytorch", required=True, weight=MUST_HAVE_WEIGHT),
        JobSkill(name="Python", normalized="python", required=True, weight=2.0),
        JobSkill(name="CUDA", normalized="cuda", required=False, weight=1.0),
    ]
    job.languages = [
        JobLanguage(language="zh", min_level=LanguageLevel.HSK4, required=False),
        JobLanguage(language="en", min_level=LanguageLevel.B2, required=True),
    ]
    spec = job_spec(job)
    assert [(s.name, s.weight, s.must_have) for s in spec.required_skills] == [
        ("PyTorch", 3.0, True),
        ("Python", 2.0, False),
    ]
    assert [s.name for s in spec.preferred_skills] == ["CUDA"]
    assert [(item.language, item.min_level, item.required) for item in spec.languages] == [
        ("en", "B2", True),
        ("zh", "HSK4", False),
    ]
    assert (spec.min_years, spec.seniority, spec.education_level) == (5.0, "lead", "master")
    assert "computer science" in spec.education_fields
    assert (spec.country, spec.timezone, spec.work_model) == ("DE", "Europe/Berlin", "hybrid")
