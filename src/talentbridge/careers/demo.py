"""Careers-site demo: screening questions on a few open jobs and applications sent through the
site (some via tracked links), each with its consent records. Called from ``sourcing.demo``."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.careers import publishing, service
from talentbridge.careers.schemas import ApplicantDetails, ScreeningQuestionsUpdate
from talentbridge.config import get_settings
from talentbridge.demo.loader import DemoContext
from talentbridge.files.storage import attachment_store_for
from talentbridge.files.uploads import UploadLimits
from talentbridge.sourcing import service as sourcing_service
from talentbridge.sourcing.schemas import TrackedLinkFilter

QUESTIONS = ScreeningQuestionsUpdate.model_validate(
    {
        "questions": [
            {"prompt": "Will you need visa sponsorship to work at this location?", "kind": "yes_no"},
            {
                "prompt": "When could you start?",
                "kind": "choice",
                "choices": ["Within a month", "In 1-3 months", "Later"],
            },
            {"prompt": "Anything else you would like us to know?", "kind": "text", "required": False},
        ]
    }
)
APPLICANTS = (
    ("Lena", "Hoffmann", "DE", "Munich", "en"),
    ("Rahul", "Mehta", "IN", "Bengaluru", "en"),
    ("Sofia", "Rossi", "IT", "Milan", "en"),
    ("王", "晓明", "CN", "Shenzhen", "zh_Hans"),
    ("Tomás", "García", "ES", "Madrid", "en"),
)
DEMO_ADDRESS = "203.0.113.7"  # TEST-NET-3: documentation address, never a real client


def _cv(first: str, last: str, city: str) -> service.CvUpload:
    text = (
        f"{first} {last}\n{city}\n\nExperience\nMachine learning engineer, 4 years (PyTorch, Python, NLP).\n"
    )
    return service.CvUpload(filename=f"cv-{uuid.uuid4().hex[:6]}.txt", data=text.encode("utf-8"))


def add_applications(session: Session, context: DemoContext, job_ids: Sequence[uuid.UUID]) -> None:
    """Questions on the jobs and one careers-site application per demo applicant."""
    if not job_ids:
        return
    system = Actor.system()
    settings = get_settings()
    store = attachment_store_for(settings)
    limits = UploadLimits.from_settings(settings)
    rng = random.Random(context.seed)  # noqa: S311 - reproducible demo data, not security
    for job_id in job_ids:
        publishing.replace_questions(session, system, job_id, QUESTIONS)
    ip_hash = service.hash_client_address(settings.secret_key.get_secret_value(), DEMO_ADDRESS)
    for index, (first, last, country, city, locale) in enumerate(APPLICANTS):
        job_id = job_ids[index % len(job_ids)]
        links = sourcing_service.list_links(session, system, TrackedLinkFilter(job_id=job_id))
        token = links[index % len(links)].token if links and index % 2 == 0 else None
        questions = publishing.list_questions(session, system, job_id)
        answers = {
            str(questions[0].id): rng.choice(["yes", "no"]),
            str(questions[1].id): rng.choice(list(questions[1].choices)),
        }
        details = ApplicantDetails(
            first_name=first,
            last_name=last,
            email=f"careers.{index}.{context.seed}@applicants.example",
            country=country,
            city=city,
            consent=True,
            talent_pool=index % 2 == 1,
        )
        request = service.ApplicationRequest(
            job_id=job_id,
            details=details,
            answers=answers,
            cv=_cv(first, last, city),
            link_token=token,
            locale=locale,
            ip_hash=ip_hash,
        )
        service.submit_application(session, request, store=store, limits=limits)
