"""Skills: a skills-section parser plus lexical spotting in the rest of the CV.

Names go through the matching taxonomy (``talentbridge.matching.taxonomy.default_taxonomy``)
when it is importable, so parsed skills use the same labels the ranking engine matches on;
without it a small vocabulary (intake/data/skills.yaml) is used. Items listed in a skills
section are kept even when unknown (the recruiter sees them with a lower confidence); in free
text only known, unambiguous technical skills count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from talentbridge.intake.parsing.data import fallback_skill_aliases
from talentbridge.intake.parsing.sections import Section
from talentbridge.intake.parsing.text import has_cjk

_ITEM_SPLIT = re.compile(r"\s*(?:[,;、,;|•·▪●\t]|\s/\s|\band\b|\s{2,}|和|及|以及)\s*")
_CATEGORY_PREFIX = re.compile(r"^\s*[-•·*▪●]?\s*([^::]{1,40})\s*[::]\s*")
_ZH_VERBS = re.compile(
    r"^(?:熟练掌握|熟练使用|熟悉使用|精通|熟悉|掌握|了解|熟练|擅长|会使用|能够使用|具备|使用)\s*"
)
_ZH_SUFFIX = re.compile(r"(?:框架|语言|编程|开发|数据库|工具|等|技术|的使用|平台)+$")
_LEVEL_SUFFIX = re.compile(
    r"\s*[((]\s*(?:(?P<years>\d{1,2}(?:\.\d)?)\+?\s*(?:years?|yrs?|年)|expert|advanced|proficient|intermediate|basic|beginner|精通|熟练|熟悉|了解)[^))]*[))]\s*$",
    re.I,
)


@dataclass(frozen=True)
class SkillFound:
    name: str
    start: int
    end: int
    confidence: float
    years: float | None
    source: str  # "section" | "text"


_FREE_TEXT_CATEGORIES = frozenset({"language", "framework", "tool", "method"})
# Aliases that are everyday words (or too short) to count in prose; inside a skills list they still resolve.
_PROSE_STOPWORDS = frozenset(
    {"go", "spring", "express", "lambda", "testing", "paddle", "transformer", "transformers", "shell", "node",
     "rest", "unity", "embedded", "agile", "scrum", "excel", "statistics", "algorithms", "spark", "flask",
     "swift", "rust"}
)  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z0-9+#][A-Za-z0-9+#.\-/]*")
_URLS_AND_EMAILS = re.compile(
    r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|io|dev|me|net|org|cn)/\S*", re.I
)


class _Vocabulary:
    """Skill names through the taxonomy when present, else the fallback list.

    Free-text spotting uses one compiled pattern over the vocabulary's unambiguous aliases — the
    taxonomy's own extractor ranks with BM25 and costs ~20 ms per CV, too slow for bulk import.
    """

    def __init__(self) -> None:
        self.taxonomy: Any = _taxonomy()
        self.aliases = fallback_skill_aliases()
        prose: dict[str, str] = {}
        if self.taxonomy is not None:
            for skill in self.taxonomy.skills:
                if str(skill.category) not in _FREE_TEXT_CATEGORIES:
                    continue
                for alias in (*skill.aliases, *skill.zh):
                    prose.setdefault(str(alias).lower(), str(skill.label))
        else:
            for alias, (label, ambiguous) in self.aliases.items():
                if not ambiguous:
                    prose.setdefault(alias, label)
        self.prose = {
            alias: label
            for alias, label in prose.items()
            if alias not in _PROSE_STOPWORDS and (len(alias) > 2 or has_cjk(alias) or not alias.isalpha())
        }
        self.cjk_prose = tuple((alias, label) for alias, label in self.prose.items() if has_cjk(alias))
        self.longest = max((alias.count(" ") + 1 for alias in self.prose), default=1)

    def canonical(self, name: str) -> tuple[str, bool] | None:
        """(label, True) for a listed item the vocabulary knows, or None when unknown."""
        key = name.strip().lower()
        if self.taxonomy is not None:
            try:
                skill = self.taxonomy.lookup_skill(name)
            except Exception:  # a taxonomy under construction must not break parsing
                skill = None
            if skill is not None:
                return str(skill.label), True
            return None
        if key in self.aliases:
            label, _ambiguous = self.aliases[key]
            return label, True
        return None

    def in_text(self, text: str) -> list[tuple[str, int, int]]:
        """(label, start, end) of known skills in prose; URLs and e-mails are skipped ("github.com").

        Word n-grams (longest first) are looked up in a dict — far faster than one regex
        alternation over a thousand aliases; Chinese aliases are found by substring search.
        """
        masked = _URLS_AND_EMAILS.sub(lambda m: " " * len(m.group(0)), text)
        tokens: list[tuple[str, int, int]] = []
        for match in _TOKEN.finditer(masked):
            word = match.group(0).rstrip(".-/")
            if "/" in word and word.lower() not in self.prose:
                offset = match.start()
                for part in word.split("/"):
                    if part:
                        tokens.append((part.lower(), offset, offset + len(part)))
                    offset += len(part) + 1
            else:
                tokens.append((word.lower(), match.start(), match.start() + len(word)))
        hits: list[tuple[str, int, int]] = []
        index = 0
        while index < len(tokens):
            for size in range(min(self.longest, len(tokens) - index), 0, -1):
                window = tokens[index : index + size]
                if size > 1 and any(masked[a[2] : b[1]].strip() for a, b in pairwise(window)):
                    continue  # only words separated by whitespace form a phrase
                label = self.prose.get(" ".join(token for token, _, _ in window))
                if label is not None:
                    hits.append((label, window[0][1], window[-1][2]))
                    index += size
                    break
            else:
                index += 1
        for alias, label in self.cjk_prose:
            position = masked.find(alias)
            if position >= 0:
                hits.append((label, position, position + len(alias)))
        hits.sort(key=lambda hit: hit[1])
        return hits


@cache
def _taxonomy() -> Any:
    """The matching taxonomy's curated skills, lexical only.

    ``build_taxonomy(semantic=False, esco=False)`` gives the curated technical skills with the same
    ids and labels as ``default_taxonomy()`` without loading an embedding model or the 14k ESCO
    concepts (seconds per process); older taxonomies only offer ``default_taxonomy()``.
    """
    try:
        from talentbridge.matching import taxonomy  # optional: another context, may be absent
    except ImportError:
        return None
    try:
        build = getattr(taxonomy, "build_taxonomy", None)
        return build(semantic=False, esco=False) if build is not None else taxonomy.default_taxonomy()
    except Exception:  # a taxonomy that cannot load its data means: use the fallback list
        return None


@cache
def vocabulary() -> _Vocabulary:
    """The process-wide vocabulary (built on first use)."""
    return _Vocabulary()


def _items(line: str, offset: int) -> list[tuple[str, int, int, float | None]]:
    prefix = _CATEGORY_PREFIX.match(line)
    position = prefix.end() if prefix and len(prefix.group(1).split()) <= 4 else 0
    items = []
    for piece in _ITEM_SPLIT.split(line[position:]):
        index = line.find(piece, position)
        if not piece or index < 0:
            continue
        position = index + len(piece)
        value, start = piece, index
        verb = _ZH_VERBS.match(value)
        if verb:
            value, start = value[verb.end() :], start + verb.end()
        years = None
        level = _LEVEL_SUFFIX.search(value)
        if level:
            years = float(level.group("years")) if level.group("years") else None
            value = value[: level.start()]
        if has_cjk(value):
            value = _ZH_SUFFIX.sub("", value)
        value = value.strip(" -•·*.::()()[]")  # noqa: B005 - strips a set of characters
        if not value:
            continue
        start = line.find(value, start)
        if start < 0:
            continue
        items.append((value, offset + start, offset + start + len(value), years))
    return items


def _looks_like_skill(value: str) -> bool:
    if has_cjk(value):
        return 2 <= len(value) <= 10
    return 1 <= len(value.split()) <= 3 and len(value) <= 40 and not re.search(r"\d{4}", value)


def find_skills(text: str, sections: list[Section]) -> list[SkillFound]:
    """Skills listed in skills sections first, then those spotted in work/project/summary text."""
    words = vocabulary()
    found: dict[str, SkillFound] = {}
    for section in sections:
        if section.name != "skills":
            continue
        for line in section.lines(text):
            for value, start, end, years in _items(line.value, line.start):
                known = words.canonical(value)
                if known is not None:
                    label, _ = known
                    confidence = 0.9
                elif _looks_like_skill(value):
                    label, confidence = value, 0.6
                else:
                    for hit, hit_start, hit_end in words.in_text(value):
                        key = hit.casefold()
                        if key not in found:
                            offset = start + hit_start
                            found[key] = SkillFound(hit, offset, start + hit_end, 0.75, None, "section")
                    continue
                key = label.casefold()
                if key not in found:
                    found[key] = SkillFound(label, start, end, confidence, years, "section")
    for section in sections:
        if section.name not in ("work", "projects", "summary", "header"):
            continue
        body = text[section.start : section.end]
        for label, start, end in words.in_text(body):
            key = label.casefold()
            if key not in found:
                found[key] = SkillFound(label, section.start + start, section.start + end, 0.7, None, "text")
    return list(found.values())
