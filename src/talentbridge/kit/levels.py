"""Language proficiency levels: CEFR A1-C2, HSK 1-6 (Chinese) and native."""

from __future__ import annotations

from enum import StrEnum


class LanguageLevel(StrEnum):
    """A stated or required proficiency. CEFR and HSK are separate scales; native tops both."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"
    HSK1 = "HSK1"
    HSK2 = "HSK2"
    HSK3 = "HSK3"
    HSK4 = "HSK4"
    HSK5 = "HSK5"
    HSK6 = "HSK6"
    NATIVE = "native"

    @property
    def scale(self) -> str:
        """``cefr``, ``hsk`` or ``native``."""
        if self is LanguageLevel.NATIVE:
            return "native"
        return "hsk" if self.value.startswith("HSK") else "cefr"

    @property
    def rank(self) -> int:
        """Position within its own scale (1-6); native is 7."""
        if self is LanguageLevel.NATIVE:
            return 7
        order = _CEFR if self.scale == "cefr" else _HSK
        return order.index(self) + 1

    def satisfies(self, required: LanguageLevel) -> bool | None:
        """Whether this level meets ``required``; None when the scales cannot be compared here."""
        if self is LanguageLevel.NATIVE:
            return True
        if required is LanguageLevel.NATIVE:
            return False
        if self.scale != required.scale:
            return None
        return self.rank >= required.rank


_CEFR = [
    LanguageLevel.A1,
    LanguageLevel.A2,
    LanguageLevel.B1,
    LanguageLevel.B2,
    LanguageLevel.C1,
    LanguageLevel.C2,
]
_HSK = [
    LanguageLevel.HSK1,
    LanguageLevel.HSK2,
    LanguageLevel.HSK3,
    LanguageLevel.HSK4,
    LanguageLevel.HSK5,
    LanguageLevel.HSK6,
]
