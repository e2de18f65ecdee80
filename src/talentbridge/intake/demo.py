"""Demo data of the intake context, added after the core demo (people, jobs, applications) exists.

The same candidate arrives twice through different channels (a job board under her Latin name, a
referral under her Chinese name with a private e-mail), so the duplicates page has a proposal to
open, compare field by field, merge and undo; then everyone is filed for duplicate detection.
Everything goes through the services.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.demo.loader import DemoContext
from talentbridge.intake import service
from talentbridge.people import service as people_service
from talentbridge.people.schemas import PersonCreate

_TWINS = (
    {
        "first_name": "Xiaoyu",
        "last_name": "Qin",
        "emails": ["xiaoyu.qin@demo-mail.example"],
        "headline": "Computer vision researcher",
        "current_title": "Research Engineer",
        "current_employer": "Horizon Robotics",
        "location_city": "Beijing",
        "location_country": "CN",
        "skills": [{"name": "PyTorch"}, {"name": "Computer Vision"}],
        "educations": [
            {"degree_level": "master", "institution": "Zhejiang University", "field": "Computer Science"}
        ],
    },
    {
        "first_name": "Qin",
        "last_name": "Xiaoyu",
        "native_name": "秦晓雨",
        "emails": ["qxy.private@demo-mail.example"],
        "current_employer": "Horizon Robotics Inc.",
        "skills": [{"name": "CUDA"}, {"name": "PyTorch"}],
        "educations": [{"degree_level": "master", "institution": "Zhejiang Univ.", "field": "CS"}],
    },
)


def extend_demo(session: Session, context: DemoContext) -> None:
    """Add a likely duplicate pair and file everyone for duplicate detection."""
    del context
    actor = Actor.system()
    for data in _TWINS:
        people_service.create_person(session, actor, PersonCreate.model_validate(data))
    session.flush()
    service.scan_duplicates(session, actor)
