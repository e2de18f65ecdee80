"""Job titles → ESCO occupations, and the title cleaning that precedes it."""

from __future__ import annotations

import pytest

from talentbridge.matching.normalise.titles import TitleCleaner, split_labels
from talentbridge.matching.taxonomy import Taxonomy
from talentbridge.matching.taxonomy.enrichment import read_data_file
from talentbridge.matching.taxonomy.esco import EscoConcept, wheel_data_dir

needs_esco = pytest.mark.skipif(wheel_data_dir() is None, reason="the ESCO wheel is not installed")


@pytest.fixture(scope="module")
def cleaner() -> TitleCleaner:
    config = read_data_file("normalisers.yaml")["titles"]
    return TitleCleaner(config["drop_words"], config["expand"])


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Senior ML Engineer (m/w/d)", "machine learning engineer"),
        ("Junior Data Scientist - Remote", "data scientist"),
        ("Intern", "intern"),  # nothing else left: keep what there is
        ("SWE II", "software engineer"),
        ("\uff24\uff21\uff34\uff21 Analyst", "data analyst"),
    ],
)
def test_cleaning(cleaner: TitleCleaner, raw: str, clean: str) -> None:
    assert cleaner.clean(raw) == clean


def test_split_labels_recovers_alternative_labels() -> None:
    concept = EscoConcept(
        "u", "technical director",
        "technical director technical and operations director head of technical director of technical arts "
        "technical supervisor technical manager", "",
    )  # fmt: skip
    labels = split_labels(concept)
    assert labels[0] == "technical director"
    assert "technical and operations director" in labels
    assert labels[-1].endswith("technical manager")  # a long run is cut after 8 words


@needs_esco
@pytest.mark.parametrize(
    ("title", "expected_words"),
    [
        ("Senior ML Engineer", ("machine learning", "artificial intelligence", "data scien", "ict")),
        ("Data Scientist", ("data scientist",)),
        ("Java Developer (m/w/d)", ("software developer", "developer")),
        ("Krankenpfleger / registered nurse", ("nurse",)),
    ],
)
def test_titles_find_the_right_kind_of_occupation(
    lexical_taxonomy: Taxonomy, title: str, expected_words: tuple[str, ...]
) -> None:
    hits = lexical_taxonomy.normalise_title(title, top_k=5)
    assert len(hits) == 5
    assert any(word in hit.label.lower() for hit in hits for word in expected_words), hits
    assert all(hit.uri.startswith("http://data.europa.eu/esco/occupation/") for hit in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@needs_esco
def test_empty_title_gives_nothing(lexical_taxonomy: Taxonomy) -> None:
    assert lexical_taxonomy.normalise_title("") == []
    assert lexical_taxonomy.normalise_title("   ") == []
    assert lexical_taxonomy.normalise_title("Engineer", top_k=0) == []
