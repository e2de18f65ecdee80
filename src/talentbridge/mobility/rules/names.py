"""Place-name normalisation shared by the rules loader and the engine's city/province lookup."""

from __future__ import annotations

import unicodedata

_DROPPED_CHARACTERS = str.maketrans("", "", " \t-_'\u2019.`")
_ENGLISH_SUFFIXES = ("province", "municipality", "autonomousregion", "city")


def normalise_place(name: str) -> str:
    """Casefold and strip spacing/punctuation and administrative suffixes ("Xi'an City" → "xian")."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_DROPPED_CHARACTERS)
    for suffix in _ENGLISH_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text
