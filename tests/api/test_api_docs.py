"""docs/api.md lists exactly the endpoints the app serves (the docs stay true)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_every_endpoint_is_documented_and_every_documented_endpoint_exists(app: FastAPI) -> None:
    served = {
        (method.upper(), path.removeprefix("/api/v1"))
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }
    documented = set(re.findall(r"^\| `([A-Z]+)` \| `([^`]+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    assert served - documented == set(), "run scripts/api_reference.py and update docs/api.md"
    assert documented - served == set(), "docs/api.md lists endpoints the app does not serve"


def test_swagger_ui_is_served_locally(client: object) -> None:
    from starlette.testclient import TestClient

    assert isinstance(client, TestClient)
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    assert client.get("/static/apidocs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "TalentBridge"
