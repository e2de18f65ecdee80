"""Print the endpoint table of docs/api.md from the app's OpenAPI document.

Run `python scripts/api_reference.py > /tmp/table.md` and paste the table into docs/api.md;
`tests/api/test_api_docs.py` fails when the table and the app disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path
from tempfile import TemporaryDirectory

from talentbridge.app import create_app
from talentbridge.config import Settings


def endpoint_rows() -> list[str]:
    """One Markdown table row per API operation: method, path (without /api/v1), first doc line."""
    with TemporaryDirectory() as data_dir:
        app = create_app(Settings(data_dir=Path(data_dir)))
        rows = []
        for path, operations in app.openapi()["paths"].items():
            for method, operation in operations.items():
                summary = (operation.get("description") or operation.get("summary") or "").split("\n")[0]
                rows.append(f"| `{method.upper()}` | `{path.removeprefix('/api/v1')}` | {summary} |")
        return rows


if __name__ == "__main__":
    sys.stdout.write("| Method | Path | What it does |\n|---|---|---|\n" + "\n".join(endpoint_rows()) + "\n")
