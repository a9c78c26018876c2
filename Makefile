# SIMERIT developer commands. Only Python 3.11, make and git are needed.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
DEMO_SIZE ?= 9000
PYTEST_ARGS ?=

.PHONY: run install migrate demo test test-pg lint bench clean messages

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 tidak ditemukan ($(PYTHON))."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py synth --size $(DEMO_SIZE) --if-empty

## make run: install, migrate, generate the demo regency once, serve on http://127.0.0.1:8000
## together with the background worker (index runs); stopping the server stops the worker.
run: demo
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver $(HOST)

## make test: the whole suite (rules, database, permission matrix, browser) on SQLite,
## or on PostgreSQL when DATABASE_URL is set.
test: install
	$(PY) -m pytest -n 2 $(PYTEST_ARGS); status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; fi; exit $$status

## make test-pg: the suite on the local PostgreSQL (127.0.0.1:5432, user postgres)
test-pg: install
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/simerit $(MAKE) test

## make bench: every benchmark script in bench/, in name order (each prints its own figures)
bench: install
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

lint: install
	$(VENV)/bin/ruff check simerit tests bench
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
