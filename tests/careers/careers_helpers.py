"""Shared helpers of the careers tests (imported by the tests and their conftest)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@dataclass
class OpenJob:
    """An open job on the careers site and what tests need about it."""

    id: str
    slug: str
    title: str
    question_id: str
    board_id: str
    token: str


def form_data(job: OpenJob, **overrides: Any) -> dict[str, str]:
    data = {
        "first_name": "Lena",
        "last_name": "Hoffmann",
        "email": "lena.hoffmann@example.com",
        "phone": "+49 30 1234567",
        "country": "DE",
        "city": "Munich",
        "linkedin": "",
        f"q_{job.question_id}": "yes",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
