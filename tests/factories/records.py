"""Plain functions that create committed rows for tests (people, sources, jobs, applications).

Jobs, stages, hiring teams and applications are inserted as ORM rows directly, so people tests do
not depend on the jobs and pipeline use cases. Also builds small, valid documents for upload tests.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from typing import Any

from sqlalchemy.orm import Session

from talentbridge.auth.actor import Actor
from talentbridge.jobs.enums import HiringTeamRole, JobLevel, JobStatus, RoleFamily, WorkModel
from talentbridge.jobs.models import HiringTeamMember, Hub, Job
from talentbridge.people import service as people_service
from talentbridge.people.models import Person
from talentbridge.people.schemas import PersonCreate
from talentbridge.pipeline.enums import StageCategory
from talentbridge.pipeline.models import Application, Stage
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.models import Source


def person(session: Session, **fields: Any) -> Person:
    """A committed person, created by the use case as the system: ``person(db, first_name="Li")``."""
    data = PersonCreate.model_validate({"first_name": "Ada", "last_name": "Lovelace", **fields})
    created = people_service.create_person(session, Actor.system(), data)
    session.commit()
    return created


def source(session: Session, *, kind: SourceKind = SourceKind.JOB_BOARD, name: str | None = None) -> Source:
    """A committed, active source."""
    row = Source(kind=kind, name=name or f"Board {uuid.uuid4().hex[:6]}")
    session.add(row)
    session.commit()
    return row


def job(session: Session, *, title: str = "Machine Learning Engineer") -> Job:
    """A committed open job in a fresh hub, with one "Applied" stage."""
    hub = Hub(
        name=f"Hub {uuid.uuid4().hex[:8]}",
        city="Shenzhen",
        country="CN",
        timezone="Asia/Shanghai",
        currency="CNY",
    )
    session.add(hub)
    session.flush()
    row = Job(
        title=title,
        role_family=RoleFamily.ALGORITHM_ML,
        level=JobLevel.SENIOR,
        hub_id=hub.id,
        work_model=WorkModel.HYBRID,
        status=JobStatus.OPEN,
    )
    session.add(row)
    session.flush()
    session.add(Stage(job_id=row.id, name="Applied", category=StageCategory.APPLIED, position=0))
    session.commit()
    return row


def team_member(
    session: Session,
    job_id: uuid.UUID,
    user_id: uuid.UUID,
    role: HiringTeamRole = HiringTeamRole.HIRING_MANAGER,
) -> HiringTeamMember:
    """A committed hiring-team membership: the user now sees the job and its applicants."""
    row = HiringTeamMember(job_id=job_id, user_id=user_id, role=role)
    session.add(row)
    session.commit()
    return row


def application(session: Session, person_id: uuid.UUID, job_id: uuid.UUID) -> Application:
    """A committed application of the person to the job, in the job's first stage."""
    stage = session.query(Stage).filter(Stage.job_id == job_id).order_by(Stage.position).first()
    assert stage is not None, "the job has no stages; create it with records.job()"
    row = Application(person_id=person_id, job_id=job_id, stage_id=stage.id)
    session.add(row)
    session.commit()
    return row


def minimal_pdf() -> bytes:
    """A tiny but well-formed one-page PDF (correct cross-reference offsets)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return out


def minimal_docx() -> bytes:
    """A minimal Word document: a zip with the content types and ``word/document.xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
            '2006/main"><w:body><w:p><w:r><w:t>CV</w:t></w:r></w:p></w:body></w:document>',
        )
    return buffer.getvalue()


def plain_zip() -> bytes:
    """A zip archive that is not a Word document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
