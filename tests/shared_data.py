"""Where the public reference data of ``../shared/data`` is, for the tests that read it.

The repository normally sits next to ``shared/``; a clone elsewhere (CI in a temporary folder)
finds it through ``TALENTBRIDGE_SHARED_DATA`` or the workspace's ``/work/shared/data``. Tests skip
with a clear message when it is absent, except in CI (``CI=true``), where it must be present.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_CANDIDATES = (
    os.environ.get("TALENTBRIDGE_SHARED_DATA", ""),
    str(Path(__file__).resolve().parents[2] / "shared" / "data"),
    "/work/shared/data",
)
SHARED_DATA = next((Path(c) for c in _CANDIDATES if c and Path(c).is_dir()), Path(_CANDIDATES[1]))


def require_shared(path: Path) -> Path:
    """``path`` if it exists; otherwise skip (or fail in CI, where the data is always present)."""
    if not path.exists():
        message = f"{path} not found (shared reference data)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
