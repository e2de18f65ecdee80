"""Optimistic concurrency for updates, one convention for every resource.

A client sends the ``version`` it read, either as ``expected_version`` in the JSON body or as
``If-Match: "<version>"`` (the ETag of the resource). Neither → 428; a stale one → 409
``stale_version`` from the service.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Header

from talentbridge.errors import InvalidInput, TalentBridgeError


class PreconditionRequired(TalentBridgeError):
    """The update carried no version, so it could silently overwrite someone else's change."""

    code = "precondition_required"
    http_status = 428


IfMatch = Annotated[
    str | None, Header(description='The version you read, e.g. "3" (alternative to expected_version)')
]


def parse_if_match(if_match: str | None) -> int | None:
    """The version in an ``If-Match`` header (``"3"``, ``W/"3"`` or ``3``), or None when absent."""
    if if_match is None:
        return None
    raw = if_match.strip().removeprefix("W/").strip('"')
    if not raw.isdigit():
        raise InvalidInput('If-Match must be the version you read, e.g. "3".', field="If-Match")
    return int(raw)


def required_version(body_version: int | None, if_match: str | None) -> int:
    """The version from the body or the ``If-Match`` header; 428 when neither is given."""
    header_version = parse_if_match(if_match)
    if body_version is not None and header_version is not None and body_version != header_version:
        raise InvalidInput("expected_version and If-Match disagree.", field="expected_version")
    version = body_version if body_version is not None else header_version
    if version is None:
        raise PreconditionRequired(
            "Send the version you read as expected_version (or an If-Match header).", field="expected_version"
        )
    return version


def etag(version: int) -> str:
    """The ETag for a version."""
    return f'"{version}"'
