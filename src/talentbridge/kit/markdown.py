"""Markdown to safe HTML, for text that users write and other users read (job descriptions).

Two layers, because either alone has failed in the wild: markdown-it-py renders CommonMark with
raw HTML turned off (so ``<script>`` is shown as text, and ``javascript:`` links are not linked),
then nh3 (the Rust ``ammonia`` sanitiser) keeps only an allow-list of tags, attributes and URL
schemes. Links get ``rel="noopener nofollow"`` so a description cannot lend our page rank to spam
or reach back into the opener window. Images are not allowed: an external image in a job
description is a tracking pixel on every viewer.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener nofollow"
# Dropped together with their content rather than unwrapped into visible text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def sanitise_html(html: str) -> str:
    """Reduce an HTML fragment to the allow-list (the second, independent layer of defence)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Render user-written Markdown to HTML that is safe to insert into a page unescaped."""
    if not text.strip():
        return ""
    return sanitise_html(_renderer().render(text))
