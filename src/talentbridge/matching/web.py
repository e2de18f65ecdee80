"""Pages of the matching context: "Best matches" on the job page, "Best jobs" on the person page.

Both are tabs added through ``web.extensions``; their forms post to the routes below, which call
one service function and redirect back to the tab (keeping the filters and weights the recruiter
had set). Filters and weights are a plain GET form, so everything works without JavaScript.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from babel.support import LazyProxy
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session

from talentbridge.api.deps import DbSession
from talentbridge.auth.actor import Actor
from talentbridge.errors import TalentBridgeError
from talentbridge.kit.levels import LanguageLevel
from talentbridge.matching import service
from talentbridge.matching.index_store import index_directory
from talentbridge.matching.models import OverrideAction
from talentbridge.matching.policies import can_override_matches, can_read_matches
from talentbridge.matching.schemas import WEIGHT_FEATURES, MatchQuery, OverrideIn
from talentbridge.pipeline import service as pipeline_service
from talentbridge.pipeline.schemas import ApplicationCreate
from talentbridge.web import extensions
from talentbridge.web.deps import CsrfForm, PageActor
from talentbridge.web.flash import flash
from talentbridge.web.i18n import _, lazy_gettext
from talentbridge.web.urls import see_other, url_for

router = APIRouter(include_in_schema=False)

PAGE_ERRORS = frozenset({401, 403, 404})
MAX_REASON = 500
QUERY_KEYS = frozenset(MatchQuery.model_fields)
LANGUAGE_CHOICES = ("en", "zh", "de", "fr", "ja", "ko", "es")

FEATURE_LABELS: dict[str, LazyProxy] = {
    "skills": lazy_gettext("Required skills"),
    "preferred": lazy_gettext("Preferred skills"),
    "experience": lazy_gettext("Experience"),
    "languages": lazy_gettext("Languages"),
    "education": lazy_gettext("Education"),
    "evidence": lazy_gettext("Evidence"),
    "location": lazy_gettext("Location and time zone"),
    "work_model": lazy_gettext("Work model"),
    "retrieval": lazy_gettext("Text relevance"),
}


def feature_label(feature: str) -> str:
    """A feature's name in the viewer's language (unknown features by their code)."""
    label = FEATURE_LABELS.get(feature)
    return str(label) if label is not None else feature.replace("_", " ")


def parse_query(params: Mapping[str, str]) -> tuple[MatchQuery, bool]:
    """The ranking options of the page's GET form; values that make no sense are dropped.

    Returns the options and whether something was dropped (the page says so instead of failing).
    """
    values = {key: value for key, value in params.items() if key in QUERY_KEYS and value.strip() != ""}
    if "must_have_only" in values:
        values["must_have_only"] = "true"
    try:
        return MatchQuery.model_validate(values), False
    except ValidationError as exc:
        bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
        kept = {key: value for key, value in values.items() if key not in bad}
        try:
            return MatchQuery.model_validate(kept), True
        except ValidationError:
            return MatchQuery(), True


def _query_string(params: Mapping[str, str]) -> str:
    return urlencode([(key, value) for key, value in params.items() if key in QUERY_KEYS and value != ""])


def job_matches_tab(request: Request, session: Session, actor: Actor, job_id: uuid.UUID) -> Mapping[str, Any]:
    """The "Best matches" tab: the ranking with filters, weights and what the viewer may do."""
    params = dict(request.query_params)
    query, dropped = parse_query(params)
    directory = index_directory(request.app.state.settings.data_dir)
    result = service.job_matches(session, actor, job_id, query, directory=directory)
    weights = service.weights_as_dict(result.weights)
    return {
        "result": result,
        "query": query,
        "dropped": dropped,
        "back": _query_string(params),
        "weights": [
            (feature, feature_label(feature), weights.get(feature, 0.0)) for feature in WEIGHT_FEATURES
        ],
        "weights_changed": bool(query.weight_overrides()),
        "feature_label": feature_label,
        "can_override": can_override_matches(actor),
        "can_add": can_override_matches(actor),
        "languages": LANGUAGE_CHOICES,
        "levels": [level.value for level in LanguageLevel],
    }


def person_jobs_tab(
    request: Request, session: Session, actor: Actor, person_id: uuid.UUID
) -> Mapping[str, Any]:
    """The "Best jobs" tab: the jobs the person fits best, explained."""
    del request
    return {"result": service.person_job_matches(session, actor, person_id), "feature_label": feature_label}


extensions.register_tab(
    "job",
    extensions.ExtensionTab(
        key="matches",
        label=lazy_gettext("Best matches"),
        icon="users",
        template="matching/_job_matches.html",
        loader=job_matches_tab,
        visible=can_read_matches,
        order=10,
    ),
)
extensions.register_tab(
    "person",
    extensions.ExtensionTab(
        key="jobs",
        label=lazy_gettext("Best jobs"),
        icon="briefcase",
        template="matching/_person_jobs.html",
        loader=person_jobs_tab,
        visible=can_read_matches,
        order=10,
    ),
)


def _back(request: Request, job_id: uuid.UUID, raw: object) -> str:
    """The matches tab again, with the filters and weights the form was posted from."""
    kept = parse_qsl(raw, keep_blank_values=False) if isinstance(raw, str) and len(raw) < 2000 else []
    query: dict[str, str | int | None] = {"tab": "matches"}
    query.update({key: value for key, value in kept if key in QUERY_KEYS})
    return url_for(request, "job", job_id=job_id, query=query)


def _override(
    request: Request,
    session: Session,
    actor: Actor,
    job_id: uuid.UUID,
    person_id: uuid.UUID,
    data: CsrfForm,
    action: OverrideAction,
) -> RedirectResponse:
    back = _back(request, job_id, data.get("back"))
    reason = data.get("reason")
    reason = reason.strip() if isinstance(reason, str) else ""
    if len(reason) > MAX_REASON:
        flash(request, _("Keep the reason under %(max)d characters.") % {"max": MAX_REASON}, "error")
        return see_other(back)
    try:
        service.set_override(
            session, actor, job_id, person_id, OverrideIn(action=action, reason=reason or None)
        )
    except TalentBridgeError as exc:
        if exc.http_status in PAGE_ERRORS:
            raise
        session.rollback()
        flash(request, str(exc), "error")
        return see_other(back)
    if action is OverrideAction.PIN:
        flash(request, _("Pinned to the top of this job's matches."))
    else:
        flash(request, _("Excluded from this job's matches. You can restore them from the Excluded list."))
    return see_other(back)


@router.post("/jobs/{job_id}/matches/{person_id}/pin", name="match_pin")
def pin(
    request: Request,
    job_id: uuid.UUID,
    person_id: uuid.UUID,
    data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> RedirectResponse:
    """Pin the person to the top of the job's matches."""
    return _override(request, session, actor, job_id, person_id, data, OverrideAction.PIN)


@router.post("/jobs/{job_id}/matches/{person_id}/exclude", name="match_exclude")
def exclude(
    request: Request,
    job_id: uuid.UUID,
    person_id: uuid.UUID,
    data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> RedirectResponse:
    """Exclude the person from the job's matches."""
    return _override(request, session, actor, job_id, person_id, data, OverrideAction.EXCLUDE)


@router.post("/jobs/{job_id}/matches/{person_id}/restore", name="match_restore")
def restore(
    request: Request,
    job_id: uuid.UUID,
    person_id: uuid.UUID,
    data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> RedirectResponse:
    """Undo a pin or an exclusion."""
    back = _back(request, job_id, data.get("back"))
    try:
        service.remove_override(session, actor, job_id, person_id)
    except TalentBridgeError as exc:
        if exc.http_status in PAGE_ERRORS - {404}:
            raise
        session.rollback()
        flash(request, _("There was nothing to undo: the page is refreshed."), "error")
        return see_other(back)
    flash(request, _("Back in the ranking as the score places them."))
    return see_other(back)


@router.post("/jobs/{job_id}/matches/{person_id}/add", name="match_add_to_pipeline")
def add_to_pipeline(
    request: Request,
    job_id: uuid.UUID,
    person_id: uuid.UUID,
    data: CsrfForm,
    session: DbSession,
    actor: PageActor,
) -> RedirectResponse:
    """Add a matched person to the job's pipeline (its first stage)."""
    back = _back(request, job_id, data.get("back"))
    try:
        pipeline_service.create_application(
            session, actor, ApplicationCreate(person_id=person_id, job_id=job_id)
        )
    except TalentBridgeError as exc:
        if exc.http_status in PAGE_ERRORS:
            raise
        session.rollback()
        flash(request, str(exc), "error")
        return see_other(back)
    flash(request, _("Added to the pipeline."))
    return see_other(back)
