"""Fill untranslated zh_Hans entries from JSON files of {msgid: translation}.

Used when several people add strings at once: each writes their translations to a JSON file,
then one person runs ``python -m talentbridge.web.i18n_compile --update`` and this script, and
checks the result with ``--check``. Entries already translated are left alone; plural entries
take the same text for every form (Chinese has one plural form).

Usage: python scripts/merge_translations.py FILE.json [FILE.json ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "src/talentbridge/locale/zh_Hans/LC_MESSAGES/messages.po"


def main(paths: list[str]) -> int:
    """Merge every file's translations into the zh_Hans catalogue; report what is still missing."""
    translations: dict[str, str] = {}
    for path in paths:
        translations.update(json.loads(Path(path).read_text(encoding="utf-8")))
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="zh_Hans")
    filled = missing = 0
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        current = message.string if isinstance(message.string, str) else "".join(message.string or ())
        if current:
            continue
        text = translations.get(key)
        if text is None:
            missing += 1
            sys.stderr.write(f"missing: {key!r}\n")
            continue
        message.string = text if isinstance(message.id, str) else tuple(text for _ in message.id[:1])
        filled += 1
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100)
    sys.stdout.write(f"filled {filled}, still missing {missing}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
