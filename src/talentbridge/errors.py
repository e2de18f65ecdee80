"""One error hierarchy: each error has a stable code and an HTTP status.

The API renders these as JSON (``{"detail": ..., "code": ...}``); pages show them as messages.
"""

from __future__ import annotations

from typing import Any


class TalentBridgeError(Exception):
    """Base of all expected, user-facing errors."""

    code = "error"
    http_status = 400

    def __init__(self, message: str, *, field: str | None = None, extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.extra = extra or {}


class NotFound(TalentBridgeError):
    """The object does not exist, or the actor may not know that it exists."""

    code = "not_found"
    http_status = 404


class Forbidden(TalentBridgeError):
    """The actor is authenticated but not allowed to do this."""

    code = "forbidden"
    http_status = 403


class Unauthenticated(TalentBridgeError):
    """No valid session or API token."""

    code = "unauthenticated"
    http_status = 401


class Conflict(TalentBridgeError):
    """The request conflicts with the current state (duplicate, stale version)."""

    code = "conflict"
    http_status = 409


class StaleVersion(Conflict):
    """Someone else changed the object since the client read it."""

    code = "stale_version"


class RuleViolation(TalentBridgeError):
    """A business rule forbids the change (e.g. rejecting without a reason)."""

    code = "rule_violation"
    http_status = 422


class InvalidInput(TalentBridgeError):
    """Input failed a validation that a schema could not express."""

    code = "invalid_input"
    http_status = 422
