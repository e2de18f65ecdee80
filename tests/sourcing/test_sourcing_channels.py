"""Channel details per kind, the details form's text format, and tracked-link rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session

from factories.jobs import make_job, make_source
from talentbridge.auth.actor import Actor
from talentbridge.errors import InvalidInput
from talentbridge.sourcing import service
from talentbridge.sourcing._channel_form import form_values, raw_details
from talentbridge.sourcing.channel_details import (
    AgencyDetails,
    parse_channel_details,
    validate_channel_details,
)
from talentbridge.sourcing.enums import SourceKind
from talentbridge.sourcing.schemas import SourceUpdate, TrackedLinkCreate


def test_every_kind_has_a_model_and_general_kinds_take_only_notes() -> None:
    required = {SourceKind.UNIVERSITY, SourceKind.TALENT_PROGRAMME, SourceKind.AGENCY}
    for kind in set(SourceKind) - required:
        assert isinstance(validate_channel_details(kind, {}), dict)
    assert validate_channel_details(SourceKind.OTHER, {"notes": "x"}) == {"notes": "x"}
    with pytest.raises(ValidationError):
        validate_channel_details(SourceKind.CAREERS_PAGE, {"fee_terms": "x"})
    with pytest.raises(ValidationError):
        validate_channel_details(SourceKind.UNIVERSITY, {})  # institution and country required


def test_money_is_kept_exactly_as_a_decimal_string() -> None:
    stored = validate_channel_details(
        SourceKind.REFERRAL, {"bonus_amount": "1234.50", "bonus_currency": "eur"}
    )
    assert stored == {
        "bonus_amount": "1234.50",
        "bonus_currency": "EUR",
        "payout_status": "not_due",
        "notes": "",
    }
    assert (
        validate_channel_details(SourceKind.AGENCY, {"fee_terms": "x", "fee_percent": "19.5"})["fee_percent"]
        == "19.5"
    )
    parsed = parse_channel_details(SourceKind.AGENCY, {"fee_terms": "x", "fee_percent": "19.5"})
    assert isinstance(parsed, AgencyDetails)
    assert parsed.fee_percent == Decimal("19.5")
    assert parse_channel_details(SourceKind.AGENCY, {"nonsense": 1}) is None
    with pytest.raises(ValidationError):
        validate_channel_details(SourceKind.AGENCY, {"fee_terms": "x", "fee_percent": "101"})


def test_form_text_round_trips_through_the_details() -> None:
    values = {
        "institution": "NUS",
        "country": "sg",
        "contacts": "Li Na | Careers office | li.na@nus.example\n\n",
        "events": "2026-09-01 | Info session | info_session",
        "cohorts": "2027 | bachelor | Computer science",
    }
    stored = validate_channel_details(SourceKind.UNIVERSITY, raw_details(SourceKind.UNIVERSITY, values))
    assert stored["contacts"] == [{"name": "Li Na", "role": "Careers office", "email": "li.na@nus.example"}]
    assert stored["events"] == [{"name": "Info session", "date": "2026-09-01", "kind": "info_session"}]
    shown = form_values(SourceKind.UNIVERSITY, stored, None)
    assert shown["events"] == "2026-09-01 | Info session | info_session"
    assert shown["cohorts"] == "2027 | bachelor | Computer science"
    agency = raw_details(
        SourceKind.AGENCY, {"fee_terms": "20%", "contact_name": "Sam", "contact_email": "s@a.example"}
    )
    assert agency == {"fee_terms": "20%", "contact": {"name": "Sam", "email": "s@a.example"}}
    assert form_values(SourceKind.AGENCY, agency, None)["contact_email"] == "s@a.example"


def test_set_channel_details_refuses_with_the_field(db: Session) -> None:
    source = make_source(db, name="Hays", kind=SourceKind.AGENCY)
    with pytest.raises(InvalidInput) as refused:
        service.set_channel_details(db, Actor.system(), source.id, {"fee_terms": ""})
    assert refused.value.field == "fee_terms"
    saved = service.set_channel_details(db, Actor.system(), source.id, {"fee_terms": "20%"})
    assert saved.channel_details == {"fee_terms": "20%"}


def test_clicks_count_only_for_the_links_job_and_active_channels(db: Session) -> None:
    system = Actor.system()
    job = make_job(db, status="open")
    other = make_job(db, status="open", title="Other job")
    board = make_source(db, name="Zhaopin", kind=SourceKind.JOB_BOARD)
    link, created = service.ensure_link(db, system, TrackedLinkCreate(source_id=board.id, job_id=job.id))
    assert created
    assert service.ensure_link(db, system, TrackedLinkCreate(source_id=board.id, job_id=job.id)) == (
        link,
        False,
    )
    assert len(link.token) == 8
    assert service.record_click(db, link.token, job.id) is not None
    assert service.record_click(db, link.token, other.id) is None
    service.update_source(db, system, board.id, SourceUpdate(is_active=False))
    assert service.record_click(db, link.token, job.id) is None
    db.refresh(link)
    assert link.clicks == 1
    with pytest.raises(InvalidInput):
        service.ensure_link(db, system, TrackedLinkCreate(source_id=board.id, job_id=other.id))


def test_feed_channel_is_found_by_feed_key_or_name(db: Session) -> None:
    system = Actor.system()
    board = make_source(db, name="Indeed Germany", kind=SourceKind.JOB_BOARD)
    service.set_channel_details(db, system, board.id, {"feed_key": "indeed-de"})
    assert service.find_feed_channel(db, "indeed-de") == board
    assert service.find_feed_channel(db, "INDEED GERMANY") == board
    assert service.find_feed_channel(db, "") is None
    assert service.find_feed_channel(db, "monster") is None
    site = service.careers_site_source(db)
    assert site.kind is SourceKind.CAREERS_PAGE
    assert service.careers_site_source(db).id == site.id
