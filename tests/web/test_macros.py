"""The shared macros in _macros.html render accessible, consistent HTML."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.requests import Request

from talentbridge.auth.enums import Role
from talentbridge.jobs.enums import JobStatus
from talentbridge.pipeline.enums import StageCategory
from talentbridge.web.forms import FormState
from talentbridge.web.i18n import use_locale
from talentbridge.web.templating import render_string

IMPORT = (
    '{% from "_macros.html" import field, select_field, form_errors, sort_header, pager, badge, '
    "empty_state, post_button with context %}"
)


def _request(query: str = "") -> Request:
    app = FastAPI()
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/jobs",
        "query_string": query.encode(),
        "headers": [],
        "app": app,
        "router": app.router,
    }
    return Request(scope)


def _render(source: str, query: str = "", **context: Any) -> str:
    context.setdefault("csrf_token", "tok")
    return render_string(IMPORT + source, request=_request(query), **context)


def test_sort_header_keeps_filters_and_returns_to_the_first_page() -> None:
    html = _render('{{ sort_header("Title", "title", "created_at") }}', "status=open&q=ml&cursor=abc")
    assert 'href="/jobs?status=open&amp;q=ml&amp;sort=title"' in html
    assert "aria-sort" not in html


def test_sort_header_marks_the_current_sort_and_toggles_direction() -> None:
    html = _render('{{ sort_header("Title", "title", "title", toggle=True) }}', "sort=title")
    assert 'aria-sort="ascending"' in html
    assert 'href="/jobs?sort=-title"' in html


def test_pager_links_to_the_next_cursor_and_back_to_the_start() -> None:
    html = _render('{{ pager("NEXT123", total=42) }}', "status=open&cursor=PREV")
    assert 'href="/jobs?status=open&amp;cursor=NEXT123"' in html
    assert 'href="/jobs?status=open"' in html  # first page keeps the filter
    assert "42 results" in html


def test_pager_is_absent_on_a_single_page_without_total() -> None:
    assert "pager" not in _render("{{ pager(None) }}")


def test_field_has_a_label_its_error_and_help() -> None:
    form = FormState(values={"title": "<b>ML</b>"}, errors={"title": "This field is required."})
    html = _render(
        '{{ field(form, "title", "Title", help="Shown to candidates", required=True) }}', form=form
    )
    assert '<label class="field__label" for="field-title">Title' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="field-title-error field-title-help"' in html
    assert 'value="&lt;b&gt;ML&lt;/b&gt;"' in html  # escaped
    assert "This field is required." in html


def test_password_fields_never_render_their_value() -> None:
    form = FormState(values={"password": "hunter2-hunter2"})
    assert "hunter2" not in _render('{{ field(form, "password", "Password", type="password") }}', form=form)


def test_select_field_marks_the_current_option() -> None:
    form = FormState(values={"role": "recruiter"})
    html = _render(
        '{{ select_field(form, "role", "Role", [("admin", "Admin"), ("recruiter", "Recruiter")]) }}',
        form=form,
    )
    assert '<option value="recruiter" selected>Recruiter</option>' in html
    assert '<option value="admin">Admin</option>' in html


def test_form_errors_summarise_and_link_to_fields() -> None:
    form = FormState(errors={"title": "Too long.", "__form__": "Something else."})
    html = _render('{{ form_errors(form, {"title": "Title"}) }}', form=form)
    assert 'role="alert"' in html
    assert '<a href="#field-title">Title: Too long.</a>' in html
    assert "Something else." in html


def test_badges_use_one_colour_per_meaning() -> None:
    html = _render(
        "{{ badge(hired) }}{{ badge(rejected) }}{{ badge(on_hold) }}{{ badge(admin) }}",
        hired=StageCategory.HIRED,
        rejected=StageCategory.REJECTED,
        on_hold=JobStatus.ON_HOLD,
        admin=Role.ADMIN,
    )
    assert '<span class="badge badge--success">Hired</span>' in html
    assert '<span class="badge badge--danger">Rejected</span>' in html
    assert '<span class="badge badge--warning">On hold</span>' in html
    assert '<span class="badge badge--accent">Administrator</span>' in html


def test_badge_labels_are_translated() -> None:
    with use_locale("zh_Hans"):
        html = _render("{{ badge(value) }}", value=StageCategory.INTERVIEW)
    assert ">面试<" in html


def test_post_button_carries_csrf_and_a_confirmation() -> None:
    html = _render('{{ post_button("/x", "Revoke", {"id": "1"}, confirm="Sure?", kind="danger") }}')
    assert 'method="post" action="/x" data-confirm="Sure?"' in html
    assert '<input type="hidden" name="csrf_token" value="tok">' in html
    assert '<input type="hidden" name="id" value="1">' in html


def test_empty_state_says_what_to_do_next() -> None:
    html = _render('{{ empty_state("No jobs yet", "Create the first job.", "/jobs/new", "New job") }}')
    assert "No jobs yet" in html
    assert '<a class="button button--primary" href="/jobs/new">New job</a>' in html
