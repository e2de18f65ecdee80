"""Job descriptions: Markdown renders, and nothing executable survives (kit.markdown)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentbridge.kit.markdown import render_markdown, sanitise_html

# A real tag (not escaped text) carrying an event handler, or a link with a script URL.
EVENT_HANDLER_TAG = re.compile(r"<[a-z][^>]*\son\w+\s*=", re.IGNORECASE)
SCRIPT_LINK_TAG = re.compile(r"<a\b[^>]*href\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.IGNORECASE)


def test_markdown_renders_headings_emphasis_lists_and_tables() -> None:
    html = render_markdown(
        "## Role\n\n**Build** _models_\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert "<h2>Role</h2>" in html
    assert "<strong>Build</strong>" in html
    assert "<em>models</em>" in html
    assert "<li>one</li>" in html
    assert "<td>1</td>" in html


def test_blank_text_renders_to_nothing() -> None:
    assert render_markdown("") == ""
    assert render_markdown("  \n ") == ""


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "Hello <script src=https://evil.example/x.js></script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">click</a>',
        "<iframe src=https://evil.example></iframe>",
        "<svg onload=alert(1)>",
        '<div style="background:url(javascript:alert(1))">x</div>',
    ],
)
def test_raw_html_never_becomes_markup(attack: str) -> None:
    html = render_markdown(attack)
    assert "<script" not in html
    assert "<img" not in html
    assert "<iframe" not in html
    assert "<svg" not in html
    assert not EVENT_HANDLER_TAG.search(html), html
    assert not SCRIPT_LINK_TAG.search(html), html


@pytest.mark.parametrize(
    "link",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
    ],
)
def test_dangerous_link_schemes_are_not_linked(link: str) -> None:
    html = render_markdown(link)
    assert "href" not in html


def test_links_get_noopener_nofollow() -> None:
    html = render_markdown("[Careers](https://example.com/careers) and <mailto:jobs@example.com>")
    assert '<a href="https://example.com/careers" rel="noopener nofollow">Careers</a>' in html
    assert 'href="mailto:jobs@example.com"' in html
    assert html.count('rel="noopener nofollow"') == 2


def test_images_are_dropped_so_descriptions_cannot_track_readers() -> None:
    assert "<img" not in render_markdown("![pixel](https://tracker.example/p.gif)")


def test_sanitiser_alone_strips_scripts_handlers_and_bad_urls() -> None:
    html = sanitise_html(
        '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)" target="_blank">a</a></p>'
    )
    assert html == '<p>Hi<a rel="noopener nofollow">a</a></p>'


@settings(database=None, max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "<script>",
                "</script>",
                "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))",
                "<a href='",
                "'>",
                "javascript:",
                "**",
                "\n\n",
                "<",
                ">",
                '"',
                "onload=",
                "text",
                "[y](https://ok.example)",
                "`",
                "<b>",
            ]
        ),
        max_size=20,
    ).map("".join)
)
def test_no_combination_of_fragments_yields_a_script_or_a_javascript_link(text: str) -> None:
    html = render_markdown(text)
    assert "<script" not in html.lower()
    assert not SCRIPT_LINK_TAG.search(html)
    assert not EVENT_HANDLER_TAG.search(html)
