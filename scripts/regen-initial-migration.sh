#!/usr/bin/env bash
# Until the first release, the schema lives in ONE initial migration. After changing models,
# regenerate it with this script (it keeps the same revision id so nothing else changes).
# Once a release has shipped, write a new revision instead (`alembic revision --autogenerate`).
set -euo pipefail
cd "$(dirname "$0")/.."
versions=src/talentbridge/migrations/versions
old=$(ls $versions/*_initial_schema.py)
rev=$(basename "$old" | sed -E 's/^[0-9_]+_([0-9a-f]+)_initial_schema.py$/\1/')
tmp=$(mktemp -d)
rm "$old"
TALENTBRIDGE_DATABASE_URL="sqlite:///$tmp/gen.db" .venv/bin/alembic revision --autogenerate --rev-id "$rev" -m "initial schema" >/dev/null
rm -rf "$tmp"
.venv/bin/ruff check --fix -q $versions >/dev/null || true
.venv/bin/ruff format -q $versions
echo "regenerated $(ls $versions/*_initial_schema.py)"
