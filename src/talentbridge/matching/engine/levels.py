"""Ordinal scales the engine compares: language levels, degrees, seniority, time-zone offsets.

Language levels are stored as small integer codes (uint8) so a million people fit in a few MB;
``unified`` maps every code onto one 1..7 scale (CEFR A1..C2 = 1..6, native = 7, HSK n mapped via
the equivalence in weights.yaml) for cross-scale comparisons, which are shown as approximate.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
from numpy.typing import NDArray

from talentbridge.kit.levels import LanguageLevel
from talentbridge.matching.engine.config import engine_config
from talentbridge.matching.engine.types import EDUCATION_LEVELS, SENIORITY_LEVELS, WORK_MODELS

LEVEL_CODES: tuple[str, ...] = (
    "",  # 0: unknown
    "A1",
    "A2",
    "B1",
    "B2",
    "C1",
    "C2",
    "HSK1",
    "HSK2",
    "HSK3",
    "HSK4",
    "HSK5",
    "HSK6",
    "native",
)
_CODE_OF = {name.lower(): index for index, name in enumerate(LEVEL_CODES) if name}
NATIVE_CODE = _CODE_OF["native"]


def parse_level(text: str) -> str | None:
    """Canonical level name (``B2``, ``HSK4``, ``native``) for loose spellings, else None."""
    cleaned = re.sub(r"[\s_\-.]", "", text.strip().lower())
    if not cleaned:
        return None
    cleaned = cleaned.replace("level", "")
    if cleaned in ("native", "mothertongue", "nativespeaker", "bilingual", "母语"):
        return "native"
    match = re.fullmatch(r"hsk([1-9])", cleaned)
    if match:
        return f"HSK{min(int(match.group(1)), 6)}"  # HSK 3.0 levels 7-9 sit above old HSK 6
    if cleaned.upper() in LanguageLevel.__members__:
        return cleaned.upper()
    return None


def level_code(level: str) -> int:
    """The uint8 code for a level name (0 when unknown)."""
    parsed = parse_level(level)
    return _CODE_OF[parsed.lower()] if parsed else 0


@cache
def unified_table() -> NDArray[np.int8]:
    """code -> unified 0..7 (0 unknown; CEFR 1..6; HSK via the equivalence table; native 7)."""
    table = np.zeros(len(LEVEL_CODES), dtype=np.int8)
    cefr = ("A1", "A2", "B1", "B2", "C1", "C2")
    for index, name in enumerate(LEVEL_CODES):
        if name in cefr:
            table[index] = cefr.index(name) + 1
        elif name.startswith("HSK"):
            table[index] = cefr.index(engine_config().hsk_to_cefr[name]) + 1
        elif name == "native":
            table[index] = 7
    return table


@cache
def scale_table() -> NDArray[np.int8]:
    """code -> scale id (0 unknown, 1 CEFR, 2 HSK, 3 native): same scale compares exactly."""
    table = np.zeros(len(LEVEL_CODES), dtype=np.int8)
    for index, name in enumerate(LEVEL_CODES):
        if name == "native":
            table[index] = 3
        elif name.startswith("HSK"):
            table[index] = 2
        elif name:
            table[index] = 1
    return table


def describe_level(code: int) -> str:
    """Recruiter-facing name of a level code (``HSK 4``, ``B2``, ``native``)."""
    name = LEVEL_CODES[code]
    return f"HSK {name[3:]}" if name.startswith("HSK") else (name or "unknown")


LANGUAGE_NAMES: dict[str, str] = {
    "english": "en",
    "英语": "en",
    "chinese": "zh",
    "mandarin": "zh",
    "mandarin chinese": "zh",
    "中文": "zh",
    "汉语": "zh",
    "普通话": "zh",
    "cantonese": "yue",
    "粤语": "yue",
    "german": "de",
    "deutsch": "de",
    "德语": "de",
    "french": "fr",
    "français": "fr",
    "法语": "fr",
    "spanish": "es",
    "español": "es",
    "西班牙语": "es",
    "japanese": "ja",
    "日语": "ja",
    "korean": "ko",
    "韩语": "ko",
    "russian": "ru",
    "俄语": "ru",
    "portuguese": "pt",
    "italian": "it",
    "arabic": "ar",
    "hindi": "hi",
    "dutch": "nl",
    "polish": "pl",
    "turkish": "tr",
    "vietnamese": "vi",
    "thai": "th",
    "indonesian": "id",
    "malay": "ms",
    "hebrew": "he",
    "swedish": "sv",
    "ukrainian": "uk",
    "czech": "cs",
    "greek": "el",
    "danish": "da",
    "finnish": "fi",
    "norwegian": "no",
    "hungarian": "hu",
    "romanian": "ro",
    "bengali": "bn",
    "urdu": "ur",
    "persian": "fa",
    "farsi": "fa",
    "tamil": "ta",
    "telugu": "te",
    "filipino": "tl",
    "tagalog": "tl",
}

LANGUAGE_LABELS: dict[str, str] = {
    "en": "English",
    "zh": "Chinese",
    "yue": "Cantonese",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "ja": "Japanese",
    "ko": "Korean",
    "ru": "Russian",
    "pt": "Portuguese",
    "it": "Italian",
    "ar": "Arabic",
    "hi": "Hindi",
    "nl": "Dutch",
    "pl": "Polish",
}


def language_code(name: str) -> str | None:
    """ISO 639-1 code (``yue`` for Cantonese) for a language name or code, else None."""
    cleaned = name.strip().lower()
    if cleaned in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[cleaned]
    base = cleaned.split("-")[0].split("_")[0]
    if re.fullmatch(r"[a-z]{2,3}", base) and (base in LANGUAGE_LABELS or len(base) == 2):
        return base
    return None


def language_label(code: str) -> str:
    """English name of a language code for explanations."""
    return LANGUAGE_LABELS.get(code, code)


_DEGREE_WORDS: tuple[tuple[str, str], ...] = (
    (r"ph\.?\s?d|doctor|dphil|d\.sc|博士", "doctorate"),
    (r"master|m\.?sc|\bms\b|m\.s\.|\bma\b|m\.a\.|mba|m\.?eng|mphil|硕士|研究生|postgraduate", "master"),
    (r"bachelor|b\.?sc|\bbs\b|b\.s\.|\bba\b|b\.a\.|b\.?eng|b\.?tech|undergraduate|学士|本科", "bachelor"),
    (r"associate|大专|专科", "associate"),
    (r"high\s?school|secondary|高中|中专", "secondary"),
)


def education_level(text: str | None) -> str | None:
    """Degree level name for a study type / credential text, or None when unrecognised."""
    if not text:
        return None
    lowered = text.strip().lower()
    if lowered in EDUCATION_LEVELS:
        return lowered
    for pattern, level in _DEGREE_WORDS:
        if re.search(pattern, lowered):
            return level
    return None


def education_rank(level: str | None) -> int:
    """0..5 position of a degree level; -1 when unknown."""
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else -1


_SENIORITY_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bprincipal\b|\bdistinguished\b|\bfellow\b|首席", "principal"),
    (r"\blead\b|\bstaff\b|\bhead of\b|\bmanager\b|\barchitect\b|负责人|主管|经理", "lead"),
    (r"\bsenior\b|\bsr\.?(?=\s)|高级|资深", "senior"),
    (r"\bjunior\b|\bjr\.?(?=\s)|\bgraduate\b|\bentry\b|初级", "junior"),
    (r"\bintern\b|\binternship\b|\btrainee\b|实习", "intern"),
)


def seniority_of(title: str | None) -> str | None:
    """Seniority word implied by a job title (``Senior ML Engineer`` -> senior), else None."""
    if not title:
        return None
    lowered = title.lower()
    for pattern, level in _SENIORITY_WORDS:
        if re.search(pattern, lowered):
            return level
    return None


def seniority_rank(level: str | None) -> int:
    """0..5 position of a seniority word; -1 when unknown."""
    return SENIORITY_LEVELS.index(level) if level in SENIORITY_LEVELS else -1


def work_model_code(model: str | None) -> int:
    """0 onsite, 1 hybrid, 2 remote, -1 unknown."""
    if not model:
        return -1
    lowered = model.strip().lower()
    if lowered in ("telecommute", "remote-first", "fully remote", "远程"):
        lowered = "remote"
    if lowered in ("on-site", "office", "in-office"):
        lowered = "onsite"
    return WORK_MODELS.index(lowered) if lowered in WORK_MODELS else -1


UNKNOWN_OFFSET = -32768
"""Sentinel of the int16 time-zone offset array (minutes east of UTC)."""

_REFERENCE_INSTANT = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)

COUNTRY_ZONES: dict[str, str] = {
    "CN": "Asia/Shanghai",
    "HK": "Asia/Hong_Kong",
    "TW": "Asia/Taipei",
    "SG": "Asia/Singapore",
    "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul",
    "IN": "Asia/Kolkata",
    "VN": "Asia/Ho_Chi_Minh",
    "TH": "Asia/Bangkok",
    "MY": "Asia/Kuala_Lumpur",
    "ID": "Asia/Jakarta",
    "PH": "Asia/Manila",
    "PK": "Asia/Karachi",
    "BD": "Asia/Dhaka",
    "AE": "Asia/Dubai",
    "IL": "Asia/Jerusalem",
    "TR": "Europe/Istanbul",
    "RU": "Europe/Moscow",
    "UA": "Europe/Kyiv",
    "PL": "Europe/Warsaw",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "NL": "Europe/Amsterdam",
    "BE": "Europe/Brussels",
    "CH": "Europe/Zurich",
    "AT": "Europe/Vienna",
    "IT": "Europe/Rome",
    "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo",
    "DK": "Europe/Copenhagen",
    "FI": "Europe/Helsinki",
    "CZ": "Europe/Prague",
    "RO": "Europe/Bucharest",
    "GR": "Europe/Athens",
    "HU": "Europe/Budapest",
    "EG": "Africa/Cairo",
    "NG": "Africa/Lagos",
    "KE": "Africa/Nairobi",
    "ZA": "Africa/Johannesburg",
    "US": "America/New_York",
    "CA": "America/Toronto",
    "MX": "America/Mexico_City",
    "BR": "America/Sao_Paulo",
    "AR": "America/Argentina/Buenos_Aires",
    "CL": "America/Santiago",
    "CO": "America/Bogota",
    "AU": "Australia/Sydney",
    "NZ": "Pacific/Auckland",
}
"""Representative zone per country, used only when a person or job gives a country but no zone."""


@cache
def utc_offset_minutes(zone: str | None, country: str | None = None) -> int:
    """Standard UTC offset in minutes for an IANA zone, ``UTC+08:00``-style text or a country."""
    if zone:
        text = zone.strip()
        match = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", text, re.IGNORECASE)
        if match:
            minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
            return minutes if match.group(1) == "+" else -minutes
        if text.upper() in ("UTC", "GMT", "Z"):
            return 0
        try:
            offset = _REFERENCE_INSTANT.astimezone(ZoneInfo(text)).utcoffset()
        except (ZoneInfoNotFoundError, ValueError):
            offset = None
        if offset is not None:
            return int(offset.total_seconds() // 60)
    if country and country.upper() in COUNTRY_ZONES:
        return utc_offset_minutes(COUNTRY_ZONES[country.upper()])
    return UNKNOWN_OFFSET


def describe_offset(minutes: int) -> str:
    """``UTC+8`` / ``UTC-3:30`` for explanations."""
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
