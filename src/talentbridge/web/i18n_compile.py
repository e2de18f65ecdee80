"""Build the message catalogues: compile ``.po`` into ``.mo``, and refresh them from the code.

Usage (from the repository root)::

    python -m talentbridge.web.i18n_compile            # compile every locale (``make translations``)
    python -m talentbridge.web.i18n_compile --update   # extract strings from code and templates into
                                                       # messages.pot and merge them into each .po
    python -m talentbridge.web.i18n_compile --check    # exit 1 on a missing translation or a
                                                       # placeholder mismatch

``.mo`` files are build output (git-ignored). The app also compiles a missing or outdated one
when it starts, and falls back to compiling in memory when the package directory is read-only,
so a plain ``pip install`` works without this step.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = ("en", "zh_Hans")
DOMAIN = "messages"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = PACKAGE_DIR / "locale"
# Keywords beyond pybabel's defaults (``_``, ``gettext``, ``ngettext`` ...): see web/i18n.py.
EXTRA_KEYWORDS = ("lazy_gettext", "gettext_noop")


def po_path(locale: str) -> Path:
    """Where the editable catalogue of a locale lives."""
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(locale: str) -> Path:
    """Where the compiled catalogue of a locale is written."""
    return po_path(locale).with_suffix(".mo")


def read_catalog(locale: str) -> Catalog:
    """Parse a locale's .po file."""
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def compile_catalog(locale: str) -> bytes:
    """The .mo bytes of a locale's .po (fuzzy entries are left out, as gettext expects)."""
    buffer = BytesIO()
    write_mo(buffer, read_catalog(locale), use_fuzzy=False)
    return buffer.getvalue()


def is_outdated(locale: str) -> bool:
    """Whether the .mo is missing or older than its .po."""
    mo = mo_path(locale)
    return not mo.exists() or mo.stat().st_mtime < po_path(locale).stat().st_mtime


def mo_bytes(locale: str) -> bytes:
    """A fresh compiled catalogue: the .mo file when current, else compiled now (and saved if possible)."""
    if not is_outdated(locale):
        return mo_path(locale).read_bytes()
    compiled = compile_catalog(locale)
    with contextlib.suppress(OSError):  # a read-only install: serve it from memory, retry next start
        mo_path(locale).write_bytes(compiled)
    return compiled


def compile_all(*, force: bool = False) -> list[Path]:
    """Compile every outdated (or, with ``force``, every) catalogue; returns the files written."""
    written = []
    for locale in LOCALES:
        if force or is_outdated(locale):
            mo_path(locale).write_bytes(compile_catalog(locale))
            written.append(mo_path(locale))
    return written


def ensure_compiled() -> None:
    """Compile outdated catalogues at start-up, tolerating a read-only package directory."""
    for locale in LOCALES:
        mo_bytes(locale)


def catalog_problems(locale: str) -> list[str]:
    """Untranslated or fuzzy entries and placeholder mismatches (English may leave msgstr empty)."""
    problems = []
    for message in read_catalog(locale):
        if not message.id:
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        strings = [message.string] if isinstance(message.string, str) else list(message.string or ())
        untranslated = not strings or not all(strings)
        if locale != "en" and untranslated:
            problems.append(f"{locale}: untranslated: {label!r}")
        if message.fuzzy:
            problems.append(f"{locale}: fuzzy: {label!r}")
        problems.extend(f"{locale}: {label!r}: {error}" for error in message.check())
    return problems


def update_catalogs(source_root: Path) -> None:
    """Extract every marked string into messages.pot and merge it into each locale's .po."""
    pot = LOCALE_DIR / f"{DOMAIN}.pot"
    keywords = [arg for keyword in EXTRA_KEYWORDS for arg in ("-k", keyword)]
    _pybabel(
        "extract",
        "-F",
        str(source_root / "babel.cfg"),
        *keywords,
        "--no-location",
        "--sort-output",
        "--project=TalentBridge",
        "-o",
        str(pot),
        str(PACKAGE_DIR),
    )
    for locale in LOCALES:
        command = "update" if po_path(locale).exists() else "init"
        options = ["--no-fuzzy-matching", "--ignore-obsolete"] if command == "update" else []
        _pybabel(command, "-i", str(pot), "-d", str(LOCALE_DIR), "-l", locale, *options)


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])  # type: ignore[no-untyped-call]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description="Compile or update TalentBridge's message catalogues.")
    parser.add_argument("--update", action="store_true", help="extract strings and merge them into .po")
    parser.add_argument("--check", action="store_true", help="report untranslated or broken entries")
    parser.add_argument("--force", action="store_true", help="recompile even up-to-date catalogues")
    args = parser.parse_args(argv)
    if args.update:
        update_catalogs(Path.cwd())
    if args.check:
        problems = [problem for locale in LOCALES for problem in catalog_problems(locale)]
        sys.stderr.writelines(f"{problem}\n" for problem in problems)
        if problems:
            return 1
    for path in compile_all(force=args.force or args.update):
        sys.stdout.write(f"compiled {path.relative_to(PACKAGE_DIR.parent)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
