"""Demo data of the sourcing context: channel details of every kind, tracked links, and (through
``careers.demo``) a few applications sent through the careers site with their consent records."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.demo.loader import DemoContext
from talentbridge.sourcing import service
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.schemas import SourceFilter, TrackedLinkCreate

LINKED_JOBS = 4  # open jobs that get tracked links per channel in the demo


def _details(context: DemoContext) -> dict[str, dict[str, Any]]:
    today = context.now.date()
    return {
        "LinkedIn": {"website": "https://www.linkedin.com/", "feed_key": "linkedin"},
        "Indeed": {
            "website": "https://www.indeed.com/",
            "feed_key": "indeed",
            "posting_cost": "0",
            "posting_cost_currency": "USD",
        },
        "Glassdoor": {"website": "https://www.glassdoor.com/", "feed_key": "glassdoor"},
        "TUM-Zhejiang joint AI lab": {
            "institution": "Technical University of Munich",
            "country": "DE",
            "agreement_start": (today - timedelta(days=400)).isoformat(),
            "agreement_end": (today + timedelta(days=700)).isoformat(),
            "contacts": [
                {"name": "Dr. Anna Becker", "role": "Lab coordinator", "email": "a.becker@tum.example"},
                {"name": "Careers Service", "role": "Campus recruiting", "email": "careers@tum.example"},
            ],
            "events": [
                {
                    "name": "AI career fair",
                    "date": (today + timedelta(days=30)).isoformat(),
                    "kind": "career_fair",
                    "location": "Garching",
                },
                {
                    "name": "Joint lab tech talk: efficient transformers",
                    "date": (today - timedelta(days=45)).isoformat(),
                    "kind": "tech_talk",
                    "location": "Munich",
                },
            ],
            "cohorts": [
                {
                    "graduation_year": today.year + 1,
                    "degree": "master",
                    "field": "Informatics",
                    "expected_headcount": 40,
                },
                {"graduation_year": today.year + 2, "degree": "doctorate", "field": "Machine learning"},
            ],
        },
        "NUS campus recruiting": {
            "institution": "National University of Singapore",
            "country": "SG",
            "events": [
                {
                    "name": "Campus info session",
                    "date": (today + timedelta(days=12)).isoformat(),
                    "kind": "info_session",
                }
            ],
            "cohorts": [
                {"graduation_year": today.year + 1, "degree": "bachelor", "field": "Computer science"}
            ],
        },
        "Employee referral programme": {
            "bonus_amount": "8000.00",
            "bonus_currency": "CNY",
            "payout_status": "pending",
            "payout_after_days": 90,
        },
        "Shenzhen overseas high-level talent programme": {
            "programme_name": "Peacock Plan (overseas high-level talent)",
            "issuing_body": "Shenzhen Municipal Government",
            "country": "CN",
            "eligibility_notes": (
                "Overseas doctorate or senior research record; under 55; full-time in Shenzhen."
            ),
        },
        "Bridgewell Search": {
            "fee_terms": "20% of first-year base salary, payable on start",
            "fee_percent": "20",
            "guarantee_days": 90,
            "contact": {"name": "Sam Keller", "email": "sam.keller@bridgewell.example"},
        },
    }


def extend_demo(session: Session, context: DemoContext) -> None:
    """Channel details for every demo channel, tracked links (with some clicks) for a few open jobs,
    and careers-site applications."""
    from talentbridge.careers import demo as careers_demo

    system = Actor.system()
    rng = random.Random(context.seed)  # noqa: S311 - reproducible demo data, not security
    sources = {source.name: source for source in service.list_sources(session, system, SourceFilter())}
    for name, details in _details(context).items():
        if name in sources:
            service.set_channel_details(session, system, sources[name].id, details)
    open_jobs = list(service.jobs_for_links(session, system))[:LINKED_JOBS]
    for name in ("LinkedIn", "Indeed", "TUM-Zhejiang joint AI lab", "Employee referral programme"):
        source = sources.get(name)
        if source is None or source.kind is SourceKind.CAREERS_PAGE:
            continue
        for job in open_jobs:
            link, _created = service.ensure_link(
                session, system, TrackedLinkCreate(source_id=source.id, job_id=job.id)
            )
            for _click in range(rng.randint(2, 25)):
                service.record_click(session, link.token, job.id)
    careers_demo.add_applications(session, context, [job.id for job in open_jobs])
