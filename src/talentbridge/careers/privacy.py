"""Privacy notices and the regime that governs an applicant (pure: no web or database).

The notices live in ``rules/careers_privacy_notices.yaml`` (versioned, citing their sources). The consent
record keeps the version and a SHA-256 of the exact text shown, so what the applicant read can be
proven later even if the wording changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from talentbridge.careers.enums import ConsentPurpose, Jurisdiction

DATA_FILE = "careers_privacy_notices.yaml"
FALLBACK_LOCALE = "en"


@dataclass(frozen=True)
class PrivacyNotice:
    """One version of the notice with its consent statements, in each language."""

    version: str
    effective: date
    text: dict[str, str]
    consent: dict[ConsentPurpose, dict[str, str]]

    def text_for(self, locale: str) -> str:
        """The notice in a language (English when it has no translation)."""
        return self.text.get(locale) or self.text[FALLBACK_LOCALE]

    def statement_for(self, purpose: ConsentPurpose, locale: str) -> str:
        """The checkbox statement of a purpose in a language."""
        statements = self.consent[purpose]
        return statements.get(locale) or statements[FALLBACK_LOCALE]

    def sha256(self, locale: str) -> str:
        """A fingerprint of the exact notice text shown in that language."""
        return hashlib.sha256(self.text_for(locale).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PrivacyRules:
    """All notice versions and the country → jurisdiction map."""

    current_version: str
    notices: dict[str, PrivacyNotice]
    countries: dict[str, Jurisdiction]

    @property
    def current(self) -> PrivacyNotice:
        """The notice shown to applicants now."""
        return self.notices[self.current_version]

    def jurisdiction_for(self, country: str) -> Jurisdiction:
        """The regime of an applicant living in ``country`` (ISO 3166 alpha-2)."""
        return self.countries.get(country.upper(), Jurisdiction.OTHER)


def parse_rules(raw: dict[str, Any]) -> PrivacyRules:
    """Rules from the YAML document (raises KeyError/ValueError on a malformed file)."""
    notices = {}
    for item in raw["notices"]:
        version = str(item["version"])
        consent = {ConsentPurpose(purpose): dict(texts) for purpose, texts in item["consent"].items()}
        if ConsentPurpose.RECRUITMENT not in consent:
            raise ValueError(f"notice {version} has no recruitment consent statement")
        effective = item["effective"]
        notices[version] = PrivacyNotice(
            version=version,
            effective=effective if isinstance(effective, date) else date.fromisoformat(str(effective)),
            text={locale: str(text).strip() for locale, text in item["text"].items()},
            consent=consent,
        )
    current = str(raw["current_version"])
    if current not in notices:
        raise ValueError(f"current_version {current} is not among the notices")
    countries = {}
    for name, codes in raw["jurisdictions"].items():
        for code in codes:
            if not isinstance(code, str) or len(code) != 2:
                raise ValueError(f"{name}: {code!r} is not a quoted ISO 3166 alpha-2 code")
            countries[code.upper()] = Jurisdiction(name)
    return PrivacyRules(current_version=current, notices=notices, countries=countries)


@lru_cache(maxsize=1)
def rules() -> PrivacyRules:
    """The rules shipped with the package."""
    text = resources.files("talentbridge").joinpath("rules", DATA_FILE).read_text(encoding="utf-8")
    return parse_rules(yaml.safe_load(text))
