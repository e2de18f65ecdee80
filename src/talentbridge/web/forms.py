"""HTML form handling: read submitted values, validate them with the API's schemas, explain errors.

Forms validate with the same Pydantic schemas as the API (``UserCreate`` ...), so both edges accept
exactly the same input. Pydantic's English messages are replaced by translated ones keyed by the
error type, and each error is attached to its field (shown next to it and in the summary at the
top of the form, see the ``form_errors`` and ``field`` macros).

Typical route::

    form = FormState.from_form(await request.form(), "email", "full_name")
    try:
        data = UserCreate(**form.values)
    except ValidationError as exc:
        form.add_validation_errors(exc)
        return render_page(..., form=form, status_code=422)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from starlette.datastructures import FormData

from talentbridge.errors import TalentBridgeError
from talentbridge.web.i18n import _, gettext, ngettext

FORM_ERROR = "__form__"  # errors about the form as a whole (shown only in the summary)


@dataclass
class FormState:
    """Submitted values and errors by field name, handed to the template to redisplay a form."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_form(cls, form: FormData, *names: str) -> FormState:
        """The named fields of a submitted form (missing ones empty, text stripped of outer spaces)."""
        values = {}
        for name in names:
            raw = form.get(name)
            values[name] = raw.strip() if isinstance(raw, str) else ""
        return cls(values=values)

    @property
    def ok(self) -> bool:
        """Whether the form has no errors."""
        return not self.errors

    def add_error(self, name: str, message: str) -> None:
        """Attach a message to a field (the first error of a field wins)."""
        self.errors.setdefault(name, message)

    def add_validation_errors(self, exc: ValidationError) -> None:
        """Attach each Pydantic error to its field, in the viewer's language."""
        for error in exc.errors():
            name = str(error["loc"][-1]) if error["loc"] else FORM_ERROR
            self.add_error(name, validation_message(error))

    def add_domain_error(self, exc: TalentBridgeError, message: str | None = None) -> None:
        """Attach a service's refusal to its field (or the whole form), translated when possible."""
        self.add_error(exc.field or FORM_ERROR, message or translate_message(exc.message))

    def filled(self, **overrides: str) -> FormState:
        """A copy with some values replaced (e.g. passwords never echoed back)."""
        return FormState(values={**self.values, **overrides}, errors=dict(self.errors))


def validation_message(error: ErrorDetails) -> str:
    """A translated message for one Pydantic error, by error type."""
    kind = error["type"]
    context: Mapping[str, Any] = error.get("ctx") or {}
    if kind == "missing" or (kind == "string_too_short" and context.get("min_length") == 1):
        return _("This field is required.")
    if kind == "string_too_short":
        num = int(context["min_length"])
        return ngettext("Use at least %(num)d character.", "Use at least %(num)d characters.", num) % {
            "num": num
        }
    if kind == "string_too_long":
        num = int(context["max_length"])
        return ngettext("Use at most %(num)d character.", "Use at most %(num)d characters.", num) % {
            "num": num
        }
    if kind in {"enum", "literal_error", "string_pattern_mismatch"}:
        return _("Choose one of the options.")
    if kind == "value_error" and "email" in str(error.get("msg", "")).lower():
        return _("Enter a valid e-mail address.")
    return _("Enter a valid value.")


def translate_message(message: str) -> str:
    """A service's English message in the viewer's language when the catalogue has it, else as is."""
    return gettext(message) if message else ""
