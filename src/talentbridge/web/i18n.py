"""Translations and the viewer's language.

Every user-facing string goes through one of the functions below so that ``pybabel`` can extract
it (see ``babel.cfg``) and the page shows it in the viewer's language:

- ``_("Save")`` / ``gettext("Save")``: translate now (inside a request, a route or a template);
- ``ngettext("%(num)d job", "%(num)d jobs", n)``: plural forms (Chinese has one, English two);
- ``lazy_gettext("Jobs")``: for module-level constants (navigation labels, enum labels); the
  string is translated each time it is rendered, in the language of that request;
- ``gettext_noop("...")``: only marks a string for extraction (e.g. messages raised by services
  in English that pages translate when they show them).

The language of a request is chosen, in order, by the session (the signed-in user's saved choice,
or the switch in the top bar before sign-in), the browser's ``Accept-Language`` and the configured
default. ``LocaleMiddleware`` publishes the current request in a context variable, so ``_()`` works
in route code, services' callers and templates without passing the request around.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from typing import Any

from babel.support import LazyProxy, Translations
from starlette.types import ASGIApp, Receive, Scope, Send

from talentbridge.auth.schemas import SUPPORTED_LOCALES
from talentbridge.web import i18n_compile

__all__ = [
    "DEFAULT_LOCALE",
    "LANGUAGE_NAMES",
    "SUPPORTED_LOCALES",
    "LocaleMiddleware",
    "_",
    "current_locale",
    "gettext",
    "gettext_noop",
    "html_lang",
    "lazy_gettext",
    "negotiate",
    "ngettext",
    "use_locale",
]

DEFAULT_LOCALE = "en"
SESSION_LOCALE_KEY = "locale"

# Each language is named in its own script so that a reader can always find theirs; these two
# names are deliberately never translated.
LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "zh_Hans": "简体中文"}

# Accept-Language primary subtags we serve, and the catalogue that answers them. Any Chinese
# variant gets Simplified Chinese: it is our only Chinese catalogue and readable by all.
_PRIMARY_TAGS: Mapping[str, str] = {"en": "en", "zh": "zh_Hans"}

_request_scope: ContextVar[Scope | None] = ContextVar("talentbridge_request_scope", default=None)
_forced_locale: ContextVar[str | None] = ContextVar("talentbridge_forced_locale", default=None)


class LocaleMiddleware:
    """Publish the current request's ASGI scope so ``gettext`` can find the viewer's language.

    A pure ASGI middleware (not ``BaseHTTPMiddleware``) so the context variable reaches route
    code, including sync routes run in the thread pool. It may sit outside the session
    middleware: the locale is read lazily from ``scope["session"]`` when a string is translated,
    so a language chosen during the request (sign-in, the language switch) applies at once.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _request_scope.set(scope)
        try:
            await self.app(scope, receive, send)
        finally:
            _request_scope.reset(token)


def negotiate(accept_language: str | None) -> str | None:
    """The supported locale the browser prefers most (by q-value), or None if it names none."""
    if not accept_language:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = _quality(params)
        if quality > 0:
            ranked.append((-quality, position, tag.strip().lower()))
    for _quality_key, _position, tag in sorted(ranked):
        locale = _PRIMARY_TAGS.get(tag.split("-")[0])
        if locale is not None:
            return locale
    return None


def _quality(params: str) -> float:
    for param in params.split(";"):
        name, _sep, value = param.strip().partition("=")
        if name.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def locale_for_scope(scope: Scope) -> str:
    """The language of one request: the session's choice, then Accept-Language, then the default."""
    session = scope.get("session") or {}
    chosen = session.get(SESSION_LOCALE_KEY)
    if chosen in SUPPORTED_LOCALES:
        return str(chosen)
    headers = dict(scope.get("headers") or [])
    negotiated = negotiate(headers.get(b"accept-language", b"").decode("latin-1"))
    return negotiated or _configured_default(scope)


def _configured_default(scope: Scope) -> str:
    app = scope.get("app")
    settings = getattr(getattr(app, "state", None), "settings", None)
    configured = getattr(settings, "default_locale", DEFAULT_LOCALE)
    return configured if configured in SUPPORTED_LOCALES else DEFAULT_LOCALE


def current_locale() -> str:
    """The language strings are translated into right now."""
    forced = _forced_locale.get()
    if forced is not None:
        return forced
    scope = _request_scope.get()
    return locale_for_scope(scope) if scope is not None else DEFAULT_LOCALE


def remember_locale(session: dict[str, Any], locale: str) -> None:
    """Store the viewer's language in their session (it then wins over Accept-Language)."""
    if locale in SUPPORTED_LOCALES and session.get(SESSION_LOCALE_KEY) != locale:
        session[SESSION_LOCALE_KEY] = locale


@contextmanager
def use_locale(locale: str) -> Iterator[None]:
    """Translate in ``locale`` inside the block (tests, CLI, e-mails rendered for another user)."""
    token = _forced_locale.set(locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE)
    try:
        yield
    finally:
        _forced_locale.reset(token)


def html_lang(locale: str) -> str:
    """The BCP 47 tag for ``<html lang>`` (``zh_Hans`` -> ``zh-Hans``)."""
    return locale.replace("_", "-")


@lru_cache(maxsize=len(SUPPORTED_LOCALES))
def translations(locale: str) -> Translations:
    """The compiled catalogue of a locale (compiled from its .po on first use when needed)."""
    return Translations(fp=BytesIO(i18n_compile.mo_bytes(locale)))


def gettext(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translations(current_locale()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, num: int) -> str:
    """Translate a message with plural forms; the caller formats ``%(num)d`` itself."""
    return translations(current_locale()).ngettext(singular, plural, num)


def lazy_gettext(message: str) -> LazyProxy:
    """A string translated whenever it is rendered (never cached across languages)."""
    return LazyProxy(gettext, message, enable_cache=False)


def gettext_noop(message: str) -> str:
    """Mark ``message`` for extraction only; it is translated later with ``gettext(message)``."""
    return message
