# The two commands of the README:
#   make run    install into .venv, prepare the database (with demo content), serve the app
#   make test   install the test tools too, then lint and run every test
# Options: make run HOST=0.0.0.0 PORT=8502 · make test PYTEST_ARGS='-m "not browser"' PYTEST_WORKERS=0 ·
#          PYTHON=python3.12
# Needs Python >= 3.11; no root.  The project is installed (editable, with its `workbench` and `claims`
# commands) at the versions CI tested (constraints.txt); reinstalled only when pyproject.toml or
# constraints.txt changes.

PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8501
PYTEST_ARGS ?=
# Two test processes: on a 2-core machine busy with other work, the suite gets a larger share of the CPU.
# Each takes whole modules (a module's served app and browser stay in one process), the longest module
# first (tests/conftest.py); PYTEST_WORKERS=0 runs one.
PYTEST_WORKERS ?= 2

PY := $(VENV)/bin/python
CHECK_VERSION := import sys; sys.exit(sys.version_info < (3, 11))

.PHONY: run test

run: $(VENV)/.installed-app
	$(PY) -m workbench init --demo
	$(PY) -m streamlit run workbench/app.py --server.address $(HOST) --server.port $(PORT) --server.headless true

# Both run even when the first fails, so one run reports lint and test failures together.
test: $(VENV)/.installed-test
	@status=0; \
	echo "$(PY) -m ruff check ."; $(PY) -m ruff check . || status=1; \
	echo "$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder $(PYTEST_ARGS)"; \
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder $(PYTEST_ARGS) || status=1; \
	exit $$status

$(PY):
	@$(PYTHON) -c '$(CHECK_VERSION)' 2>/dev/null || { \
	  echo "error: the workbench needs Python >= 3.11, but '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; \
	  echo "       Install a newer Python and run e.g. 'make $(MAKECMDGOALS) PYTHON=python3.11'." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# pip is upgraded inside the venv first: an old pip resolves a trafilatura release that cannot import.
$(VENV)/.installed-app: pyproject.toml constraints.txt | $(PY)
	@$(PY) -c '$(CHECK_VERSION)' || { \
	  echo "error: $(VENV) has $$($(PY) --version 2>&1); the workbench needs >= 3.11. Remove $(VENV) and retry." >&2; \
	  exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt $(VENV)/.installed-app
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@
