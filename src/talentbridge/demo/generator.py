"""Generate demo records deterministically from a seed (same seed, same company).

The generator is pure: it returns plain dataclasses and never touches the database, so the
loader (``demo/loader.py``) can create everything through the normal services.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import phonenumbers
from anyascii import anyascii
from faker import Faker

from talentbridge.demo.catalogue import (
    AWARDS,
    COUNTRIES,
    FIELDS_BY_FAMILY,
    HUBS,
    SKILLS_BY_FAMILY,
    TITLES_BY_FAMILY,
    UNIVERSITIES,
    VENUES,
    DemoCountry,
)

FAMILIES = tuple(SKILLS_BY_FAMILY)
LEVELS = ("junior", "mid", "senior", "staff")
CEFR = ("B1", "B2", "C1", "C2")
CN_BRANDS = ("Huaxin", "Zhiyuan", "Tianrui", "Xinghe", "Lanting", "Jinqiao", "Yunfan", "Shenlan", "Qingfeng")
CN_SUFFIXES = ("Technology", "AI Lab", "Intelligence", "Data", "Software", "Robotics")
SALARY_BY_CURRENCY: dict[str, tuple[int, int]] = {
    "CNY": (300_000, 1_200_000),
    "SGD": (90_000, 260_000),
    "EUR": (60_000, 160_000),
    "GBP": (55_000, 150_000),
    "USD": (120_000, 350_000),
}


@dataclass
class DemoJob:
    """A job to create: its facts and which stage categories its applicants should reach."""

    title: str
    role_family: str
    level: str
    hub_name: str
    work_model: str
    status: str
    headcount: int
    required_skills: list[str]
    preferred_skills: list[str]
    languages: list[tuple[str, str]]
    min_education: str
    min_years: int
    salary: tuple[str, Decimal, Decimal]
    applicant_countries: list[str]
    description: str


@dataclass
class DemoPerson:
    """A person to create, with facts mirroring the Person model."""

    first_name: str
    last_name: str
    native_name: str | None
    email: str
    phone: str
    country: str
    city: str
    timezone: str
    nationalities: list[str]
    date_of_birth: date
    headline: str
    current_title: str
    current_employer: str | None
    family: str
    languages: list[tuple[str, str]]
    skills: list[str]
    educations: list[dict[str, Any]]
    experiences: list[dict[str, Any]]
    publications: list[dict[str, Any]]
    awards: list[dict[str, Any]]
    links: dict[str, str]
    expected_salary: tuple[Decimal, str] | None
    willing_to_relocate: bool
    notice_period_days: int
    source_index: int
    tags: list[str] = field(default_factory=list)


class DemoGenerator:
    """Deterministic demo-data factory; ``DemoGenerator(seed).people(n)`` is reproducible."""

    def __init__(self, seed: int = 2026, today: date | None = None) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today or date(2026, 11, 1)
        self._fakers: dict[str, Faker] = {}
        self._used_emails: set[str] = set()

    def _faker(self, locale: str) -> Faker:
        if locale not in self._fakers:
            fake = Faker(locale)
            fake.seed_instance(self.seed + len(self._fakers))
            self._fakers[locale] = fake
        return self._fakers[locale]

    def jobs(self, count: int = 18) -> list[DemoJob]:
        """Jobs spread over role families, hubs and statuses."""
        return [self._job(index) for index in range(count)]

    def _job(self, index: int) -> DemoJob:
        family = FAMILIES[index % len(FAMILIES)]
        hub = HUBS[index % len(HUBS)]
        level = self.rng.choice(LEVELS)
        title = self.rng.choice(TITLES_BY_FAMILY[family])
        pool = list(SKILLS_BY_FAMILY[family])
        self.rng.shuffle(pool)
        languages = [("en", "B2" if family != "cross_cultural" else "C1")]
        if family == "cross_cultural" or (hub.country == "CN" and level in {"senior", "staff"}):
            languages.append(("zh", "HSK4"))
        if hub.country == "DE" and family == "cross_cultural":
            languages.append(("de", "B2"))
        currency = hub.currency
        low, high = SALARY_BY_CURRENCY[currency]
        minimum = Decimal(self.rng.randrange(low, (low + high) // 2, 10_000))
        status = "open" if index % 6 else self.rng.choice(("draft", "on_hold", "filled"))
        return DemoJob(
            title=f"{level.title()} {title}" if level != "mid" else title,
            role_family=family,
            level=level,
            hub_name=hub.name,
            work_model=self.rng.choice(("onsite", "hybrid", "hybrid", "remote")),
            status=status,
            headcount=self.rng.choice((1, 1, 2, 3)),
            required_skills=pool[:4],
            preferred_skills=pool[4:7],
            languages=languages,
            min_education=self.rng.choice(("bachelor", "master", "master", "doctorate"))
            if family == "algorithm_ml"
            else "bachelor",
            min_years={"junior": 0, "mid": 2, "senior": 5, "staff": 8}[level],
            salary=(currency, minimum, minimum + Decimal(self.rng.randrange(50_000, 300_000, 10_000))),
            applicant_countries=[] if index % 3 else [hub.country],
            description=_description(title, hub.city, pool[:4]),
        )

    def people(self, count: int = 400, source_count: int = 10) -> list[DemoPerson]:
        """People from many countries, with names in their own scripts."""
        weights = [country.weight for country in COUNTRIES]
        return [
            self._person(self.rng.choices(COUNTRIES, weights=weights)[0], source_count) for _ in range(count)
        ]

    def _names(self, country: DemoCountry) -> tuple[str, str, str | None]:
        fake = self._faker(country.locale)
        if country.locale == "ja_JP":
            last_native, _, last_latin = fake.last_name_pair()
            first_native, _, first_latin = fake.first_name_pair()
            return first_latin, last_latin, f"{last_native}{first_native}"
        first, last = fake.first_name(), fake.last_name()
        if _is_latin(first) and _is_latin(last):
            return first, last, None
        native = f"{last}{first}" if country.locale in {"zh_CN", "ko_KR"} else f"{first} {last}"
        return _latin(first).capitalize(), _latin(last).capitalize(), native

    def _person(self, country: DemoCountry, source_count: int) -> DemoPerson:
        first, last, native = self._names(country)
        family = self.rng.choice(FAMILIES)
        years = self.rng.randint(0, 16)
        skills = self.rng.sample(SKILLS_BY_FAMILY[family], k=self.rng.randint(4, 9))
        experiences = self._experiences(country, family, years)
        current = experiences[0] if experiences else {"title": "Graduate", "employer": None}
        return DemoPerson(
            first_name=first,
            last_name=last,
            native_name=native,
            email=self._email(first, last),
            phone=self._phone(country.code),
            country=country.code,
            city=self.rng.choice(country.cities),
            timezone=country.timezone,
            nationalities=[country.code]
            if self.rng.random() > 0.08
            else [country.code, self.rng.choice(("CN", "US", "GB"))],
            date_of_birth=self.today - timedelta(days=365 * (22 + years) + self.rng.randint(0, 1500)),
            headline=f"{current['title']} · {', '.join(skills[:3])}",
            current_title=str(current["title"]),
            current_employer=current["employer"],
            family=family,
            languages=self._languages(country, family),
            skills=skills,
            educations=self._educations(country, family, years),
            experiences=experiences,
            publications=self._publications(family),
            awards=self._awards(family),
            links=self._links(first, last),
            expected_salary=self._salary(country),
            willing_to_relocate=self.rng.random() < 0.6,
            notice_period_days=self.rng.choice((0, 14, 30, 30, 60, 90)),
            source_index=self.rng.randrange(source_count),
            tags=self.rng.sample(
                ["campus-2026", "returner", "silver-medallist", "relocation-ready", "bilingual"],
                k=self.rng.randint(0, 2),
            ),
        )

    def _email(self, first: str, last: str) -> str:
        base = (
            "".join(ch for ch in f"{first}.{last}".lower() if ch.isalnum() or ch == ".").strip(".")
            or "candidate"
        )
        domain = self.rng.choice(("example.com", "example.org", "example.net", "mail.example"))
        candidate = f"{base}@{domain}"
        suffix = 1
        while candidate in self._used_emails:
            suffix += 1
            candidate = f"{base}{suffix}@{domain}"
        self._used_emails.add(candidate)
        return candidate

    def _phone(self, region: str) -> str:
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if example is None:
            example = phonenumbers.example_number(region)
        assert example is not None
        national = str(example.national_number)
        for _ in range(20):
            tail = "".join(str(self.rng.randint(0, 9)) for _ in range(3))
            attempt = phonenumbers.parse(f"+{example.country_code}{national[:-3]}{tail}")
            if phonenumbers.is_valid_number(attempt):
                return phonenumbers.format_number(attempt, phonenumbers.PhoneNumberFormat.E164)
        return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)

    def _languages(self, country: DemoCountry, family: str) -> list[tuple[str, str]]:
        languages = [(country.language, "native")]
        if country.language != "en":
            languages.append(("en", self.rng.choice(CEFR)))
        if country.language != "zh" and (family == "cross_cultural" or self.rng.random() < 0.2):
            languages.append(("zh", f"HSK{self.rng.randint(2, 6)}"))
        return languages

    def _educations(self, country: DemoCountry, family: str, years: int) -> list[dict[str, Any]]:
        schools = UNIVERSITIES.get(country.code) or UNIVERSITIES[self.rng.choice(tuple(UNIVERSITIES))]
        graduated = self.today.year - years
        degrees = [("bachelor", 4)]
        roll = self.rng.random()
        if roll > 0.35:
            degrees.append(("master", 2))
        if roll > 0.8 and family in {"algorithm_ml", "data_analysis"}:
            degrees.append(("doctorate", 4))
        result: list[dict[str, Any]] = []
        end = graduated
        for level, length in reversed(degrees):
            result.append(
                {
                    "degree_level": level,
                    "field": self.rng.choice(FIELDS_BY_FAMILY[family]),
                    "institution": self.rng.choice(schools),
                    "country": country.code if country.code in UNIVERSITIES else None,
                    "start_year": end - length,
                    "end_year": end,
                }
            )
            end -= length
        return result

    def _experiences(self, country: DemoCountry, family: str, years: int) -> list[dict[str, Any]]:
        fake = self._faker(country.locale)
        result: list[dict[str, Any]] = []
        end: date | None = None
        remaining = years * 12
        while remaining > 0:
            months = min(remaining, self.rng.randint(14, 48))
            start = (end or self.today) - timedelta(days=months * 30)
            result.append(
                {
                    "title": self.rng.choice(TITLES_BY_FAMILY[family]),
                    "employer": self._employer(country, fake),
                    "country": country.code,
                    "start_date": start,
                    "end_date": end,
                }
            )
            end = start - timedelta(days=self.rng.randint(0, 60))
            remaining -= months
        return result

    def _employer(self, country: DemoCountry, fake: Faker) -> str:
        """A fictional employer; names in other scripts get a readable English-style name."""
        if country.code == "CN":
            return f"{self.rng.choice(CN_BRANDS)} {self.rng.choice(CN_SUFFIXES)}"
        company = str(fake.company())
        return company if company.isascii() else str(self._faker("en_US").company())

    def _publications(self, family: str) -> list[dict[str, Any]]:
        if family != "algorithm_ml" or self.rng.random() < 0.6:
            return []
        return [
            {
                "title": f"On {self.rng.choice(('robust', 'efficient', 'scalable'))} {topic}",
                "venue": self.rng.choice(VENUES),
                "year": self.today.year - self.rng.randint(0, 6),
            }
            for topic in self.rng.sample(
                ("retrieval", "alignment", "graph learning", "vision transformers", "speech recognition"),
                k=self.rng.randint(1, 3),
            )
        ]

    def _awards(self, family: str) -> list[dict[str, Any]]:
        if family not in {"algorithm_ml", "software_engineering"} or self.rng.random() < 0.85:
            return []
        title, issuer = self.rng.choice(AWARDS)
        return [{"title": title, "issuer": issuer, "year": self.today.year - self.rng.randint(1, 10)}]

    def _links(self, first: str, last: str) -> dict[str, str]:
        handle = "".join(ch for ch in f"{first}{last}".lower() if ch.isalnum()) or "candidate"
        links = {"linkedin": f"https://www.linkedin.com/in/{handle}-demo"}
        if self.rng.random() < 0.5:
            links["github"] = f"https://github.com/{handle}-demo"
        return links

    def _salary(self, country: DemoCountry) -> tuple[Decimal, str] | None:
        if self.rng.random() < 0.25:
            return None
        currency = country.currency if country.currency in SALARY_BY_CURRENCY else "USD"
        low, high = SALARY_BY_CURRENCY[currency]
        return Decimal(self.rng.randrange(low, high, 5_000)), currency


def _is_latin(text: str) -> bool:
    """Whether every letter is Latin script (accents allowed: "Noël" stays "Noël")."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _latin(text: str) -> str:
    """A Latin spelling of a name or company written in another script."""
    return text if text.isascii() else anyascii(text).strip() or text


def _description(title: str, city: str, skills: list[str]) -> str:
    bullet_list = "\n".join(f"- {skill}" for skill in skills)
    return (
        f"## About the role\n\nJoin our {city} team as a **{title}** and build products used by "
        f"millions of people across Asia and Europe.\n\n## What you bring\n\n{bullet_list}\n\n"
        "## What we offer\n\n- Relocation support and work-permit sponsorship\n"
        "- Mentoring by a buddy in your first 90 days\n"
    )
