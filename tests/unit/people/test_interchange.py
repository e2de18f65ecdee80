"""JSON Resume and CSV mapping: worked examples, bad records, and a lossless round trip."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentbridge.jobs.enums import DegreeLevel
from talentbridge.kit.levels import LanguageLevel
from talentbridge.people import interchange
from talentbridge.people.schemas import PersonCreate, PersonRead

JSON_RESUME = {
    "basics": {
        "name": "Ana Lima Souza",
        "label": "ML Engineer",
        "email": "ana@example.com",
        "phone": "+55 11 98765-4321",
        "url": "https://ana.example.com",
        "location": {"city": "São Paulo", "countryCode": "BR"},
        "profiles": [
            {"network": "GitHub", "url": "https://github.com/ana-demo"},
            {"network": "Google Scholar", "url": "https://scholar.google.com/citations?user=x"},
        ],
    },
    "work": [
        {"name": "Acme AI", "position": "ML Engineer", "startDate": "2021-03"},
        {"name": "Beta Labs", "position": "Data Scientist", "startDate": "2018", "endDate": "2021-02-28"},
    ],
    "education": [{"institution": "USP", "area": "Computer Science", "studyType": "MSc", "endDate": "2018"}],
    "skills": [{"name": "Machine Learning", "keywords": ["PyTorch", "pytorch", "NLP"]}],
    "languages": [
        {"language": "Portuguese", "fluency": "Native speaker"},
        {"language": "English", "fluency": "Full professional proficiency"},
        {"language": "zh", "fluency": "HSK 4"},
    ],
    "awards": [{"title": "Kaggle Grandmaster", "awarder": "Kaggle", "date": "2022-05-01"}],
    "publications": [{"name": "Robust retrieval", "publisher": "NeurIPS", "releaseDate": "2023"}],
}


def test_json_resume_maps_to_a_valid_person() -> None:
    data = interchange.json_resume_to_person_data(JSON_RESUME)
    person = PersonCreate.model_validate(data)
    assert (person.first_name, person.last_name) == ("Ana Lima", "Souza")
    assert person.phones[0].number == "+5511987654321"
    assert str(person.links["github"]) == "https://github.com/ana-demo"
    assert "scholar" in person.links
    assert str(person.links["website"]) == "https://ana.example.com/"
    assert (person.current_title, person.current_employer) == ("ML Engineer", "Acme AI")
    assert person.experiences[1].end_date == date(2021, 2, 28)
    assert person.educations[0].degree_level is DegreeLevel.MASTER
    assert [skill.name for skill in person.skills] == ["Machine Learning", "PyTorch", "NLP"]
    levels = {lang.language: lang.level for lang in person.languages}
    assert levels == {"pt": LanguageLevel.NATIVE, "en": LanguageLevel.C1, "zh": LanguageLevel.HSK4}
    assert person.awards[0].year == 2022
    assert person.publications[0].venue == "NeurIPS"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"basics": {}}, "basics.name"),
        ({"basics": {"name": "A B"}, "work": [{"startDate": "March 2020"}]}, r"work\[0\].startDate"),
        ({"basics": {"name": "A B"}, "education": [{"studyType": "Bootcamp"}]}, r"education\[0\].studyType"),
        (
            {"basics": {"name": "A B"}, "languages": [{"language": "Klingonese", "fluency": "C1"}]},
            "Klingonese",
        ),
        ({"basics": {"name": "A B"}, "languages": [{"language": "English", "fluency": "so-so"}]}, "so-so"),
        ([], "must be an object"),
    ],
)
def test_bad_json_resume_names_the_field(document: object, message: str) -> None:
    with pytest.raises(interchange.RecordError, match=message):
        interchange.json_resume_to_person_data(document)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("BSc Computer Science", DegreeLevel.BACHELOR),
        ("Master of Engineering", DegreeLevel.MASTER),
        ("Ph.D.", DegreeLevel.DOCTORATE),
        ("博士", DegreeLevel.DOCTORATE),
        ("本科", DegreeLevel.BACHELOR),
        ("High School", DegreeLevel.SECONDARY),
        ("Yoga retreat", None),
    ],
)
def test_degree_levels_from_free_text(text: str, level: DegreeLevel | None) -> None:
    assert interchange.degree_level(text) is level


def test_csv_row_maps_lists_languages_and_links() -> None:
    row = {
        "first_name": "Wei",
        "last_name": "Zhang",
        "native_name": "张伟",
        "emails": "wei@example.com;w.z@example.org",
        "phones": "+86 138 0013 8000",
        "country": "CN",
        "skills": "Python; PyTorch",
        "languages": "zh:native;en:C1",
        "linkedin": "https://www.linkedin.com/in/wz",
        "willing_to_relocate": "yes",
        "source": "LinkedIn",
        "tags": "",
    }
    data, source = interchange.csv_row_to_person_data(row)
    person = PersonCreate.model_validate(data)
    assert source == "LinkedIn"
    assert person.emails == ["wei@example.com", "w.z@example.org"]
    assert [lang.level for lang in person.languages] == [LanguageLevel.NATIVE, LanguageLevel.C1]
    assert person.willing_to_relocate is True
    assert {key: str(url) for key, url in person.links.items()} == {
        "linkedin": "https://www.linkedin.com/in/wz"
    }


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"first_name": "A", "languages": "english-good"}, "languages"),
        ({"first_name": "A", "willing_to_relocate": "maybe"}, "maybe"),
    ],
)
def test_bad_csv_cells_name_the_column(row: dict[str, str], message: str) -> None:
    with pytest.raises(interchange.RecordError, match=message):
        interchange.csv_row_to_person_data(row)


def _as_read(create: PersonCreate) -> PersonRead:
    """What the service would return for this input (ids and timestamps invented)."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    data = create.model_dump(mode="json")
    data["phones"] = [{"number": phone.number, "label": phone.label} for phone in create.phones]
    data["skills"] = [{"name": s.name, "normalized": s.name.lower(), "years": None} for s in create.skills]
    data["languages"] = [
        {"language": lang.language, "level": lang.level, "certificate": None} for lang in create.languages
    ]
    data.update(
        id=uuid.uuid4(),
        display_name=f"{create.first_name} {create.last_name}",
        version=1,
        created_at=now,
        updated_at=now,
        redacted_fields=[],
        source_id=None,
    )
    return PersonRead.model_validate(data)


def test_export_then_import_round_trips_without_loss() -> None:
    extra = {
        "native_name": "安娜",
        "nationalities": ["BR", "PT"],
        "expected_salary_amount": "250000",
        "expected_salary_currency": "BRL",
        "expected_salary_period": "year",
        "tags": ["bilingual"],
        "date_of_birth": "1994-02-03",
        "timezone": "America/Sao_Paulo",
    }
    original = PersonCreate.model_validate({**interchange.json_resume_to_person_data(JSON_RESUME), **extra})
    document = interchange.person_to_json_resume(_as_read(original))
    again = PersonCreate.model_validate(interchange.json_resume_to_person_data(document))
    assert again.model_dump(exclude={"summary"}) == original.model_dump(exclude={"summary"})


@given(st.sampled_from(list(LanguageLevel)))
def test_every_language_level_reads_back_from_its_own_notation(level: LanguageLevel) -> None:
    assert interchange.language_level(level.value) is level
