# Two entry points on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# apt needs root; use sudo where CI or a developer is not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DB ?= examples/ukraine-2025/detente.duckdb
EXAMPLE := examples/ukraine-2025

.PHONY: demo test install install-test system-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The stamp files make re-runs fast and re-install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test system-deps

# Debian packages the browser tests need; installed only where missing.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: no apt-get; browser tests will be skipped"; fi; \
	fi

demo: install
	rm -f $(DB) $(DB).wal
	$(BIN)/detente ingest --db $(DB) $(EXAMPLE)/corpus
	$(BIN)/detente articles --db $(DB)
	$(BIN)/detente extract --db $(DB)
	$(BIN)/detente events --db $(DB) --timeline
	$(BIN)/detente contradictions --db $(DB)
	$(BIN)/detente scenario check --db $(DB) $(EXAMPLE)/scenario.yaml
	$(BIN)/detente forecast $(EXAMPLE)/scenario.yaml --record --db $(DB)
	$(BIN)/detente ledger --db $(DB)
	$(BIN)/detente report $(EXAMPLE)/scenario.yaml --db $(DB) -o report.html \
	  --whatif-draws 1000 --tornado-draws 50 --cycle-draws 200
	@echo
	@echo "Report written to report.html. Open the dashboard on the example with:"
	@echo "  $(BIN)/detente serve --demo     # then http://127.0.0.1:8000/"

test: install-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
