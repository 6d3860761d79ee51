# Two commands matter on a fresh machine: `make run` (the site with demo content on SQLite)
# and `make test` (the test suite). `make help` lists every target.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# pytest-xdist workers for the test targets: two, as CI has two cores; PYTEST_WORKERS=0 runs
# every test in one process (as for a single test, or a debugger). Tests go out one by one in
# pytest-django's order (rolled-back tests first, then those that empty the tables); `loadfile`
# would break that order, and `loadgroup` cannot set its groups on pytest 9's test ids.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL := -n $(PYTEST_WORKERS)
BENCH_IMPORT_POSTS ?= 10000

.DEFAULT_GOAL := help
.PHONY: help install test-tools run serve migrate demo admin test test-fast test-postgres lint format check screenshots messages compile-messages lock bench bench-drawing bench-faults bench-edge bench-import import-demo clean

help: ## List every target
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: requirements-dev.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the pinned dependencies

# npm tools, pinned in package-lock.json and never served: axe-core, injected into pages by the
# browser tests, and stylelint for `make lint`.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed for the browser tests and stylelint (apt-get install -y npm)."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test-tools: node_modules/.installed ## Install the npm tools (axe-core, stylelint) with npm ci

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo newsroom (idempotent)
	$(MANAGE) load_demo_content

admin: migrate ## Make sure an admin account exists and print its login
	$(MANAGE) ensure_admin

run: demo admin ## Set everything up and serve the site with demo content on http://127.0.0.1:8000/
	@echo "Site:  http://$(HOST):$(PORT)/    Admin: http://$(HOST):$(PORT)/admin/"
	$(MANAGE) runserver $(HOST):$(PORT)

serve: install ## Serve without setting anything up
	$(MANAGE) runserver $(HOST):$(PORT)

test: install test-tools ## Run the test suite (SQLite unless DATABASE_URL is set)
	$(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

test-fast: install ## The quick suite: no browser, no PostgreSQL-only and no slow tests (SQLite)
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not browser and not postgres and not slow" $(PYTEST_ARGS)

test-postgres: install test-tools ## Run the test suite on the local PostgreSQL
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/akhbar} $(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

# The team's stylesheet check, kept in shared/ beside the repository (CI has a copy there too).
CSS_NESTING_CHECK ?= ../shared/tools/css_nesting_check.py

lint: install test-tools ## ruff (with S), the import rules, djLint (templates), stylelint (CSS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint --lint .
	node_modules/.bin/stylelint "static/css/*.css" "*/static/**/*.css"
	@if [ -f "$(CSS_NESTING_CHECK)" ]; then \
		echo "python3 $(CSS_NESTING_CHECK) static/css/*.css */static/*/*.css"; \
		python3 "$(CSS_NESTING_CHECK)" static/css/*.css */static/*/*.css; \
	else \
		echo "$(CSS_NESTING_CHECK) not found: stylelint's max-nesting-depth stands in for it"; \
	fi

format: install ## Format and fix the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install ## Django system checks and the missing-migrations check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

screenshots: install ## Full-page screenshots of the demo (375 and 1280 px, Arabic and French) into docs/screenshots/
	$(BIN)/python -m demo.screenshots --port $${SCREENSHOTS_PORT:-8765}

messages: install ## Extract translatable strings into locale/*/django.po (needs GNU gettext)
	$(MANAGE) makemessages -l ar -l fr -l en --ignore=.venv --ignore=staticfiles --ignore=tests

compile-messages: install ## Compile locale/*/django.po into the committed .mo files
	$(MANAGE) compile_catalogues

lock: install ## Re-pin requirements.lock and requirements-dev.lock from pyproject.toml
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements-dev.lock

bench: install ## Load test on PostgreSQL with production settings (BENCH_SIZES="1000 100000" for growth)
	@command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk
	$(BIN)/python -m bench.run --sizes $${BENCH_SIZES:-1000} --seconds $${BENCH_SECONDS:-8}

import-demo: demo ## Import the seed article's WordPress export (demo/wordpress/) into the demo newsroom
	$(MANAGE) import_wordpress demo/wordpress/seed-article.wxr.xml --default-section politics

bench-import: install ## WordPress import on PostgreSQL: generated exports (BENCH_IMPORT_POSTS="10000 50000")
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/akhbar_bench_import} \
		$(BIN)/python -m bench.import_wordpress $(foreach n,$(BENCH_IMPORT_POSTS),--posts $(n))

bench-drawing: install ## Every cache off: each page's drawing (templates, HTML) against everything else
	@command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk
	$(BIN)/python -m bench.drawing --size $${BENCH_SIZE:-1000} --seconds $${BENCH_SECONDS:-6}

bench-edge: install ## Through Varnish: the cached article's rate vs a static file, app requests per URL
	@command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk
	@command -v varnishd >/dev/null 2>&1 || apt-get install -y -qq varnish varnish-modules
	$(BIN)/python -m bench.edge

bench-faults: install ## Redis stopped and PostgreSQL restarted under load: errors, recovery, comment ledger
	$(BIN)/python -m bench.faults

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles media .admin-credentials
