"""Duplicate detection rules: normalised identity keys, blocking keys and a scored comparison.

Pure functions over ``DedupProfile`` (no database). Strong keys (a normalised e-mail, an E.164
phone, a LinkedIn/GitHub/other profile URL) identify a person exactly: sharing one means the
same human, and only such a match may be merged automatically. Everything else is a weighted
similarity of names (Latin spelling, native script and its pinyin, in any order), employers and
institutions, which only ever produces a *proposal* for a recruiter.

Candidate generation scales by blocking: each person has a few keys (their strong keys plus
"surname + initial" name blocks); only people sharing a key are compared, never all pairs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import permutations
from urllib.parse import urlsplit

from anyascii import anyascii
from rapidfuzz import fuzz

from talentbridge.kit.codes import normalise_phone
from talentbridge.kit.text import normalise_email, normalise_key

STRONG_KINDS = ("email", "phone", "url")
NAME_BLOCK = "name"
NAME_WEIGHT, EMPLOYER_WEIGHT, EDUCATION_WEIGHT = 0.6, 0.25, 0.15
PROPOSAL_THRESHOLD = 0.72
MIN_NAME_SIMILARITY = 0.85
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ORG_NOISE = re.compile(
    r"\b(inc|ltd|llc|gmbh|co|corp|corporation|company|limited|plc|ag|sa|the|of|university|univ)\b\.?"
)
_PROFILE_HOSTS = {"linkedin.com": "linkedin", "github.com": "github", "scholar.google.com": "scholar"}


@dataclass(frozen=True)
class DedupProfile:
    """What duplicate detection knows about a person."""

    person_id: str
    first_name: str = ""
    last_name: str = ""
    native_name: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    employers: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signal:
    """One reason two records look alike, with its strength (0..1)."""

    kind: str
    detail: str
    strength: float


@dataclass(frozen=True)
class Comparison:
    """The verdict on a pair: strong (same human for sure) or a score with its signals."""

    score: float
    strong: bool
    signals: tuple[Signal, ...] = field(default_factory=tuple)

    @property
    def is_proposal(self) -> bool:
        """Worth showing to a recruiter as a possible duplicate."""
        return self.strong or self.score >= PROPOSAL_THRESHOLD


def email_key(email: str) -> str:
    """The comparable form of an e-mail address (as the people context stores it)."""
    return normalise_email(email)


def phone_key(number: str) -> str | None:
    """The E.164 form of a phone number, or None when it is not a valid number."""
    text = number.strip()
    if not text:
        return None
    try:
        return normalise_phone(text if text.startswith("+") else "+" + text.lstrip("0"))
    except ValueError:
        return None


def url_key(url: str) -> str | None:
    """A profile URL reduced to what identifies the profile.

    ``https://www.linkedin.com/in/Wei-Zhang/?trk=x`` and ``linkedin.com/in/wei-zhang`` both give
    ``linkedin:in/wei-zhang``; GitHub keeps only the user name; other sites keep host and path.
    """
    text = url.strip()
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    host = re.sub(r"^[a-z]{2}\.(?=linkedin\.com$)", "", host)  # cn.linkedin.com, uk.linkedin.com
    path = [segment for segment in parts.path.lower().split("/") if segment]
    if not host:
        return None
    kind = _PROFILE_HOSTS.get(host)
    if kind == "github":
        return f"github:{path[0]}" if path else None
    if kind == "linkedin":
        return f"linkedin:{'/'.join(path[:2])}" if path else None
    if kind == "scholar":
        user = re.search(r"(?:^|&)user=([^&]+)", parts.query)
        return f"scholar:{user.group(1)}" if user else None
    return f"{host}/{'/'.join(path)}".rstrip("/")


def name_tokens(text: str) -> list[str]:
    """Lower-case Latin tokens of a name; Chinese characters become one pinyin token each."""
    if not text:
        return []
    spaced = _CJK.sub(lambda match: f" {anyascii(match.group(0))} ", text)
    latin = anyascii(unicodedata.normalize("NFKC", spaced))
    return [token for token in normalise_key(re.sub(r"[^A-Za-z0-9]+", " ", latin)).split() if token]


def name_variants(profile: DedupProfile) -> set[str]:
    """Every spelling of the name to compare: Latin name and native-script name as pinyin."""
    variants = set()
    for text in (f"{profile.first_name} {profile.last_name}", profile.native_name or ""):
        tokens = name_tokens(text)
        if tokens:
            variants.add(" ".join(sorted(tokens)))
    return variants


def strong_keys(profile: DedupProfile) -> set[tuple[str, str]]:
    """The exact identity keys of a person."""
    keys: set[tuple[str, str]] = {("email", email_key(email)) for email in profile.emails if email.strip()}
    keys |= {("phone", key) for number in profile.phones if (key := phone_key(number))}
    keys |= {("url", key) for url in profile.urls if (key := url_key(url))}
    return keys


def name_blocks(profile: DedupProfile) -> set[str]:
    """ "token|initial" pairs of every name spelling, so "Zhang Wei", "Wei Zhang" and 张伟 meet."""
    blocks: set[str] = set()
    for variant in name_variants(profile):
        tokens = variant.split()
        if len(tokens) == 1:
            blocks.add(f"{tokens[0]}|")
        for token, other in permutations(tokens, 2):
            if len(token) > 1:
                blocks.add(f"{token}|{other[0]}")
    return blocks


def blocking_keys(profile: DedupProfile) -> set[tuple[str, str]]:
    """Every key under which this person is filed for candidate look-up."""
    return strong_keys(profile) | {(NAME_BLOCK, block) for block in name_blocks(profile)}


def _organisation(text: str) -> str:
    return " ".join(_ORG_NOISE.sub(" ", " ".join(name_tokens(text))).split())


def _best_similarity(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[float, str]:
    best, detail = 0.0, ""
    for a in left:
        for b in right:
            key_a, key_b = _organisation(a), _organisation(b)
            if not key_a or not key_b:
                continue
            similarity = fuzz.token_set_ratio(key_a, key_b) / 100
            if similarity > best:
                best, detail = similarity, a if a == b else f"{a} ~ {b}"
    return best, detail


def name_similarity(a: DedupProfile, b: DedupProfile) -> float:
    """The best match between any spelling of the two names (0..1), word order ignored."""
    best = 0.0
    for left in name_variants(a):
        for right in name_variants(b):
            best = max(best, fuzz.token_sort_ratio(left, right) / 100)
    return best


def compare(a: DedupProfile, b: DedupProfile) -> Comparison:
    """How likely two records are the same human, and why."""
    shared = sorted(strong_keys(a) & strong_keys(b))
    if shared:
        signals = tuple(Signal(kind, value, 1.0) for kind, value in shared)
        return Comparison(score=1.0, strong=True, signals=signals)
    names = name_similarity(a, b)
    employer, employer_detail = _best_similarity(a.employers, b.employers)
    education, education_detail = _best_similarity(a.institutions, b.institutions)
    found = [Signal("name", f"{names:.2f}", round(names, 3))]
    if employer:
        found.append(Signal("employer", employer_detail, round(employer, 3)))
    if education:
        found.append(Signal("education", education_detail, round(education, 3)))
    score = NAME_WEIGHT * names + EMPLOYER_WEIGHT * employer + EDUCATION_WEIGHT * education
    if names < MIN_NAME_SIMILARITY:
        score = min(score, PROPOSAL_THRESHOLD - 0.01)  # different names are never proposed
    return Comparison(score=round(score, 3), strong=False, signals=tuple(found))
