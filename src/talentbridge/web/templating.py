"""The Jinja2 environment and how routes render pages.

Templates live in ``web/templates/<context>/<page>.html``; fragments start with an underscore
(``_flashes.html``) and ``_macros.html`` holds the shared building blocks. A route gathers data
from one service call and hands it over::

    return render_page(request, "jobs/list.html", actor, title=_("Jobs"), page=page)

``page_context`` adds what every page needs (viewer, CSRF token, flash messages, navigation,
language, time zone), so routes stay thin. Autoescaping is on; strings are translated with
``{{ _("...") }}`` or ``{% trans %}`` (Jinja's i18n extension bound to ``web.i18n``). Undefined
variables raise, so a template typo fails its test rather than rendering an empty value.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.requests import Request

from talentbridge.api.deps import csrf_token
from talentbridge.auth.actor import Actor
from talentbridge.web import formatting, i18n, labels, navigation, urls
from talentbridge.web.deps import CSRF_FIELD, viewer_timezone
from talentbridge.web.flash import pop_flashes

PRODUCT_NAME = "TalentBridge"
SEARCH_PATH = "/search"  # the global search route; its page is mounted by the search context


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared environment: package templates, autoescaping, i18n, filters and globals."""
    env = Environment(
        loader=PackageLoader("talentbridge.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
    )
    env.filters.update(_filters())
    env.globals.update(_globals())
    return env


def _filters() -> dict[str, Any]:
    return {
        "datetime": _datetime_filter,
        "date": _date_filter,
        "days_ago": formatting.days_ago,
        "time_ago": formatting.time_ago,
        "initials": formatting.initials,
        "money": formatting.format_money,
        "number": formatting.format_number,
        "country": formatting.country_name,
        "language": formatting.language_name,
        "label": labels.label,
    }


def _globals() -> dict[str, Any]:
    return {
        "url_for": _url_for,
        "url_with": _url_with,
        "static_url": urls.static_url,
        "label": labels.label,
        "tone": labels.tone,
        "has_route": _has_route,
        "product_name": PRODUCT_NAME,
        "search_path": SEARCH_PATH,
        "csrf_field_name": CSRF_FIELD,
    }


@pass_context
def _datetime_filter(context: Context, value: datetime | None, subject_tz: str | None = None) -> str:
    """``{{ event.at|datetime }}`` or ``{{ interview.at|datetime(hub.timezone) }}``."""
    return formatting.format_datetime(value, context.get("viewer_timezone"), subject_tz=subject_tz)


@pass_context
def _date_filter(context: Context, value: date | datetime | None) -> str:
    return formatting.format_date(value, context.get("viewer_timezone"))


@pass_context
def _url_for(context: Context, name: str, /, **kwargs: Any) -> str:
    """``url_for("settings_users")``, ``url_for("job", job_id=job.id, query={"tab": "team"})``."""
    query = kwargs.pop("query", None)
    return urls.url_for(context["request"], name, query=query, **kwargs)


@pass_context
def _has_route(context: Context, name: str) -> bool:
    """Whether a page exists yet (link to a job only once the jobs pages are mounted)."""
    return urls.route_exists(context["request"], name)


@pass_context
def _url_with(context: Context, **changes: str | int | None) -> str:
    """The current URL with some query parameters changed (``None`` removes one)."""
    return urls.url_with(context["request"], **changes)


def page_context(request: Request, actor: Actor | None, **extra: Any) -> dict[str, Any]:
    """Everything the layout needs, plus the page's own values (``title``, ``subtitle``, data)."""
    locale = i18n.current_locale()
    context: dict[str, Any] = {
        "request": request,
        "actor": actor,
        "csrf_token": csrf_token(request),
        "flashes": pop_flashes(request),
        "locale": locale,
        "html_lang": i18n.html_lang(locale),
        "languages": list(i18n.LANGUAGE_NAMES.items()),
        "viewer_timezone": viewer_timezone(request),
        "current_path": urls.current_path(request),
        "main_nav": navigation.resolve(request, actor, navigation.MAIN_NAV) if actor else [],
        "settings_nav": navigation.resolve(request, actor, navigation.SETTINGS_NAV) if actor else [],
        "title": "",
        "subtitle": "",
    }
    context.update(extra)
    return context


def render(
    template: str,
    context: Mapping[str, Any],
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """Render a template with a ready context (see ``page_context``) into an HTML response."""
    html = environment().get_template(template).render(context)
    return HTMLResponse(html, status_code=status_code, headers=dict(headers or {}))


def render_page(
    request: Request,
    template: str,
    actor: Actor | None,
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """Render a full page: the layout's context plus the page's values."""
    return render(template, page_context(request, actor, **context), status_code=status_code, headers=headers)


def render_string(source: str, **context: Any) -> str:
    """Render template source with the shared environment (macro tests, small snippets)."""
    return environment().from_string(source).render(context)
