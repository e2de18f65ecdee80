"""Tokenising people and jobs for the lexical (BM25) index.

Lower-cased word tokens that keep programming-language punctuation (c++, c#, .net, node.js), CJK
text as character bigrams (no word segmenter needed offline), a short English stop list, and one
concept token per normalised skill (``§<skill key>``) so a query for a skill matches every alias.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[.\-][a-z0-9+#]+)*|[\u3400-\u9fff]+", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")
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
        "our",
        "your",
        "they",
        "their",
        "he",
        "she",
        "i",
        "me",
        "my",
        "us",
    ]
)
MAX_TEXT_CHARS = 20_000
"""Huge texts (a pasted book) are cut here: BM25 gains nothing past a long CV's length."""


def tokenize(text: str) -> list[str]:
    """Word tokens (CJK runs as bigrams) without stop words."""
    tokens: list[str] = []
    for match in _WORD.finditer(text[:MAX_TEXT_CHARS].lower()):
        word = match.group(0)
        if _CJK.match(word):
            if len(word) == 1:
                tokens.append(word)
            else:
                tokens.extend(word[i : i + 2] for i in range(len(word) - 1))
        elif word not in STOPWORDS:
            tokens.append(word)
    return tokens


def skill_token(skill_key: str) -> str:
    """The concept token standing for one normalised skill in documents and queries."""
    return f"§{skill_key}"


def normalise_name(name: str) -> str:
    """Case- and space-folded name used as a key for skills and study fields without an id."""
    return " ".join(name.lower().split())
