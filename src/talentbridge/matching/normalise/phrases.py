"""Exact phrase spotting: skill names found in free text, with the character spans that show them.

A token n-gram dictionary (the whole-word equivalent of Aho-Corasick for a few tens of thousands
of phrases): at each token position the longest known phrase wins, so *natural language
processing* is found once rather than also as *language processing*. Keys are lightly stemmed
(*developing software* = *develop software*). Three kinds of entries:

* case-insensitive phrases (our aliases, ESCO labels),
* case-sensitive forms for names that are ordinary words in other cases (*Go*, *R*, *Spring*),
* Chinese names, found as substrings because Chinese is written without spaces.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from talentbridge.matching.taxonomy.text import STOPWORDS, Token, stem, tokens
from talentbridge.matching.taxonomy.types import Evidence

MAX_PHRASE_TOKENS = 8


@dataclass(frozen=True)
class PhraseHit:
    """One occurrence of a known name: which skill, how sure (source weight), and where."""

    skill_id: str
    weight: float
    evidence: Evidence


def phrase_key(text: str) -> tuple[str, ...]:
    """The dictionary key of a phrase: stemmed folded tokens."""
    return tuple(stem(token.text) for token in tokens(text))


class PhraseMatcher:
    """Finds registered phrases in text; build once, then :meth:`find` is linear in the text."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], dict[str, float]] = defaultdict(dict)
        self._exact: dict[tuple[str, ...], dict[str, float]] = defaultdict(dict)
        self._zh: dict[str, dict[str, float]] = defaultdict(dict)
        self._longest = 1

    def __len__(self) -> int:
        return len(self._phrases) + len(self._exact) + len(self._zh)

    def add(self, phrase: str, skill_id: str, weight: float = 1.0) -> bool:
        """Register a case-insensitive phrase; refused when empty, too long or only stopwords."""
        key = phrase_key(phrase)
        if not key or len(key) > MAX_PHRASE_TOKENS or all(part in STOPWORDS for part in key):
            return False
        current = self._phrases[key].get(skill_id, 0.0)
        self._phrases[key][skill_id] = max(current, weight)
        self._longest = max(self._longest, len(key))
        return True

    def add_exact_case(self, phrase: str, skill_id: str, weight: float = 1.0) -> None:
        """Register a form matched only when written in exactly this case (``Go``, ``R``)."""
        key = tuple(phrase.split())
        if key:
            self._exact[key][skill_id] = max(self._exact[key].get(skill_id, 0.0), weight)
            self._longest = max(self._longest, len(key))

    def add_chinese(self, name: str, skill_id: str, weight: float = 1.0) -> None:
        """Register a Chinese name, found as a substring."""
        if name.strip():
            self._zh[name.strip()][skill_id] = max(self._zh[name.strip()].get(skill_id, 0.0), weight)

    def find(self, text: str) -> list[PhraseHit]:
        """Every occurrence of a registered phrase; spans index into ``text``."""
        hits: list[PhraseHit] = []
        toks = tokens(text)
        hits.extend(self._find_tokens(text, toks))
        for name, skills in self._zh.items():
            start = text.find(name)
            while start != -1:
                evidence = Evidence(start, start + len(name), text[start : start + len(name)])
                hits.extend(PhraseHit(skill_id, weight, evidence) for skill_id, weight in skills.items())
                start = text.find(name, start + len(name))
        return hits

    def _find_tokens(self, text: str, toks: list[Token]) -> list[PhraseHit]:
        stems = [stem(token.text) for token in toks]
        originals = [text[token.start : token.end] for token in toks]
        hits: list[PhraseHit] = []
        index = 0
        while index < len(toks):
            matched = 0
            for size in range(min(self._longest, len(toks) - index), 0, -1):
                found = self._phrases.get(tuple(stems[index : index + size]), {})
                exact = self._exact.get(tuple(originals[index : index + size]), {})
                if not found and not exact:
                    continue
                start, end = toks[index].start, toks[index + size - 1].end
                evidence = Evidence(start, end, text[start:end])
                for skill_id, weight in {**found, **exact}.items():
                    hits.append(PhraseHit(skill_id, weight, evidence))
                matched = size
                break
            index += matched or 1
        return hits
