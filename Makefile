# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# Every install takes its versions from this file, so that an install tomorrow resolves as today's.
LOCK := requirements/lock.txt
NODE_INSTALLED := node_modules/.installed
# `make test` runs the suite in one process per core (pytest-xdist); TEST_PROCESSES=0 runs it in one.
TEST_PROCESSES ?= auto

.PHONY: install run test messages check serve worker bench loadtest lock clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml $(LOCK) | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c $(LOCK) -e ".[test]"
	touch $@

# axe-core for the accessibility checks in the browser tests, from the committed lock file.
$(NODE_INSTALLED): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: browser accessibility checks need Node.js and npm (apt-get install npm)"; fi

install: $(INSTALLED)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

test: install $(NODE_INSTALLED)
	$(PY) -m pytest -n $(TEST_PROCESSES) --dist worksteal $(PYTEST_ARGS)

# Refresh the catalogs after changing translatable strings, then compile them.
messages: install
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests --add-location=file
	$(PY) manage.py compilemessages --ignore=.venv

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run --noinput

# The production stack: gunicorn with gsn_site.settings.production, configured only by environment
# variables (docs/configuration.md lists them). Needs at least SECRET_KEY, HASH_KEY, CASE_REF_KEY and ALLOWED_HOSTS.
PROD := DJANGO_SETTINGS_MODULE=gsn_site.settings.production
serve: install
	$(PROD) $(PY) manage.py migrate --noinput
	$(PROD) $(PY) manage.py collectstatic --noinput
	$(PROD) $(VENV)/bin/gunicorn --config python:gsn_site.gunicorn_conf

# Runs the background tasks (search indexing, frontend-cache purges, exports) that production queues.
worker: install
	$(PROD) $(PY) manage.py db_worker

# Not part of `make test`: page timings on SQLite and PostgreSQL; a load test of about 3 minutes that
# fails when feedback is turned away, lost or answered with a 5xx (bench/loadtest.py says more).
BENCH_INSTALLED := $(VENV)/.bench-installed
$(BENCH_INSTALLED): pyproject.toml $(LOCK) | $(INSTALLED)
	$(PY) -m pip install --quiet -c $(LOCK) -e ".[test,bench]"
	touch $@

bench: $(BENCH_INSTALLED)
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/sms_callback.py

loadtest: $(BENCH_INSTALLED)
	$(PY) bench/loadtest.py

# Refresh the lock after changing pyproject.toml's dependencies: versions already locked stay where
# they still fit. `make lock LOCK_ARGS=--upgrade` takes the newest releases the ranges allow. One
# resolution serves every supported Python (3.11 to 3.13); docs/development.md says more.
lock: $(PY)
	$(PY) -m pip install --quiet -c $(LOCK) uv
	$(VENV)/bin/uv pip compile pyproject.toml --all-extras --universal --python-version 3.11 --quiet $(LOCK_ARGS) -o $(LOCK)

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media tests/artifacts
