"""Translations are complete: no literal text in templates, every marked string translated."""

from __future__ import annotations

import re
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from talentbridge.web import i18n_compile

TEMPLATES = i18n_compile.PACKAGE_DIR / "web" / "templates"
REPO_ROOT = i18n_compile.PACKAGE_DIR.parent.parent

# Attributes whose values people read (tooltips, placeholders, screen-reader labels, dialogs).
READABLE_ATTRIBUTES = frozenset({"title", "alt", "placeholder", "aria-label", "data-confirm", "data-copied"})
_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_TRANS_BLOCK = re.compile(r"\{%-?\s*trans\b.*?%\}.*?\{%-?\s*endtrans\s*-?%\}", re.DOTALL)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


class _ReadableText(HTMLParser):
    """Collects text nodes and readable attribute values of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del tag
        self.found.extend(value for name, value in attrs if name in READABLE_ATTRIBUTES and value)

    def handle_data(self, data: str) -> None:
        self.found.append(data)


def untranslated_text(source: str) -> list[str]:
    """Text with letters left once comments, {% trans %} blocks and Jinja expressions are removed."""
    stripped = _JINJA.sub(" ", _TRANS_BLOCK.sub(" ", _COMMENT.sub(" ", source)))
    parser = _ReadableText()
    parser.feed(stripped)
    parser.close()
    return [
        text.strip()
        for text in parser.found
        if any(unicodedata.category(char).startswith("L") for char in text)
    ]


def _templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def test_the_checker_finds_literal_text_and_accepts_translated_text() -> None:
    assert untranslated_text("<p>Hello</p>") == ["Hello"]
    assert untranslated_text('<input placeholder="Search">') == ["Search"]
    assert untranslated_text("<p>职位</p>") == ["职位"]
    assert untranslated_text('<p>{{ _("Hello") }}</p><input placeholder="{{ _(\'Search\') }}">') == []
    assert untranslated_text("{% trans %}Hello {{ name }}{% endtrans %}{# Note #}<p> · 3 </p>") == []


@pytest.mark.parametrize("template", _templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_templates_have_no_untranslated_text(template: Path) -> None:
    assert untranslated_text(template.read_text(encoding="utf-8")) == []


def _catalog_ids(locale: str) -> set[str]:
    return {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in i18n_compile.read_catalog(locale)
        if message.id
    }


@pytest.mark.parametrize("locale", i18n_compile.LOCALES)
def test_catalogue_has_no_missing_fuzzy_or_broken_entries(locale: str) -> None:
    assert i18n_compile.catalog_problems(locale) == []


def test_every_chinese_entry_is_actually_chinese() -> None:
    for message in i18n_compile.read_catalog("zh_Hans"):
        if not message.id:
            continue
        text = message.string if isinstance(message.string, str) else message.string[0]
        words = re.sub(r"%\(\w+\)[sd]", "", text)
        if any(char.isalpha() for char in words):
            assert re.search(r"[\u4e00-\u9fff]", words), f"not Chinese: {message.id!r} -> {text!r}"


def test_every_string_marked_in_the_code_is_in_the_catalogues() -> None:
    """Fails when someone marks a new string but does not run ``i18n_compile --update``."""
    with (REPO_ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "gettext_noop": None}
    extracted = {
        message if isinstance(message, str) else message[0]
        for _filename, _line, message, _comments, _context in extract_from_dir(
            str(i18n_compile.PACKAGE_DIR), method_map, options_map, keywords=keywords
        )
    }
    assert extracted, "nothing was extracted: is babel.cfg still pointing at the package?"
    for locale in i18n_compile.LOCALES:
        assert sorted(extracted - _catalog_ids(locale)) == [], f"run i18n_compile --update ({locale})"


def test_missing_mo_is_compiled_and_a_read_only_install_compiles_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locale_dir = tmp_path / "locale"
    shutil.copytree(i18n_compile.LOCALE_DIR, locale_dir, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n_compile, "LOCALE_DIR", locale_dir)
    assert i18n_compile.is_outdated("zh_Hans")
    i18n_compile.ensure_compiled()
    assert i18n_compile.mo_path("zh_Hans").exists()
    assert not i18n_compile.is_outdated("zh_Hans")

    monkeypatch.setattr(i18n_compile, "mo_path", lambda locale: tmp_path / "read-only" / locale / "x.mo")
    assert i18n_compile.mo_bytes("zh_Hans") == i18n_compile.compile_catalog("zh_Hans")
