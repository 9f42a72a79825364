# Two commands: `make run` serves the API over the seed; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# What serving needs, and the tools of `make test` on top: `make run` installs only the first.
RUN_STAMP := $(VENV)/.run-stamp
DEV_STAMP := $(VENV)/.dev-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install db clean client

$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

$(DEV_STAMP): $(RUN_STAMP)
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(DEV_STAMP)

install: $(DEV_STAMP)

db: $(RUN_STAMP)
	$(BIN)/summitkb migrate
	$(BIN)/summitkb bootstrap seed

run: db
	$(BIN)/summitkb serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install lint
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# The TypeScript types of clients/typescript, generated from the current OpenAPI document.
client: install
	$(BIN)/python -m app.web.openapi_file var/openapi.json
	cd clients/typescript && npm ci --no-audit --no-fund && npm run generate && npm run check

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
