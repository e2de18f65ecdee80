"""Text normalisation shared by the taxonomy and the normalisers.

Matching compares normalised forms: NFKC, lower case, full-width punctuation folded, and tokens
that keep the characters technical names need (``c++``, ``c#``, ``node.js``, ``.net``).
Chinese has no spaces, so every CJK character is its own token for BM25; Chinese names are
matched as substrings instead (see :mod:`talentbridge.matching.normalise.phrases`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A token: a CJK character, or a run of letters/digits that may hold + # and inner dots.
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_LETTER = rf"[^\W_{_CJK_CHARS}]"
_TOKEN = re.compile(
    rf"[{_CJK_CHARS}]|\.?{_LETTER}(?:{_LETTER}|[+#]|\.(?={_LETTER}))*",
    re.UNICODE,
)
_CJK = re.compile(f"[{_CJK_CHARS}]")
_SPACES = re.compile(r"\s+")

# Words that say how senior or how employed someone is, not what they do. Removing them from a
# title ("Senior ML Engineer (m/w/d)") leaves the occupation.
SENIORITY_WORDS = frozenset(
    [
        "senior",
        "sr",
        "junior",
        "jr",
        "lead",
        "principal",
        "staff",
        "chief",
        "head",
        "intern",
        "internship",
        "interns",
        "trainee",
        "apprentice",
        "graduate",
        "entry",
        "level",
        "mid",
        "experienced",
        "associate",
        "assistant",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "1",
        "2",
        "3",
        "m",
        "w",
        "d",
        "f",
        "x",
        "h",
        "mwd",
        "wmd",
        "fmd",
        "remote",
        "hybrid",
        "onsite",
        "full",
        "part",
        "time",
        "fulltime",
        "parttime",
        "contract",
        "freelance",
        "temporary",
        "permanent",
        "new",
        "urgent",
        "urgently",
        "hiring",
        "required",
        "needed",
        "vacancy",
        "job",
        "opening",
        "position",
        "role",
    ]
)
# Seniority words that also name occupations on their own are kept when nothing else is left.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "we",
        "you",
        "your",
        "our",
        "they",
        "their",
        "us",
        "i",
        "me",
        "my",
        "he",
        "she",
        "his",
        "her",
        "them",
        "not",
        "no",
        "all",
        "any",
        "can",
        "could",
        "should",
        "would",
        "may",
        "must",
        "also",
        "more",
        "most",
        "other",
        "such",
        "than",
        "then",
        "there",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "why",
        "how",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "during",
        "through",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
    ]
)


def fold(text: str) -> str:
    """NFKC + lower case + collapsed spaces: the form every dictionary key is stored in."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


@dataclass(frozen=True)
class Token:
    """One token with its character span in the *original* text."""

    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Tokens of ``text`` with spans pointing into ``text`` itself.

    NFKC can change string length, so folding is applied per token and spans stay those of the
    original characters.
    """
    out: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = fold(match.group())
        if word:
            out.append(Token(word, match.start(), match.end()))
    return out


def words(text: str) -> list[str]:
    """Normalised token strings (no spans), for dictionary keys and BM25."""
    return [token.text for token in tokens(fold(text))]


def has_cjk(text: str) -> bool:
    """Whether the text contains Chinese (or other CJK ideograph) characters."""
    return _CJK.search(text) is not None


_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "ies", "ied", "ed", "es", "er", "s")


def stem(word: str) -> str:
    """A light English suffix stripper: enough to equate *developer/developers/development*.

    Deliberately crude (no dictionary, no exceptions list): both sides of every comparison are
    stemmed the same way, so only recall matters. Short words and technical names are kept.
    """
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed non-stopword tokens: the bag BM25 and the overlap signals compare."""
    return [stem(word) for word in words(text) if word not in STOPWORDS]
