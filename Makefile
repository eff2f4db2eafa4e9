# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := tor redis-server

.PHONY: demo test lint bench system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test,bench]'
	touch $(STAMP)

# tor and redis-server are Debian packages: installed here when we are root,
# otherwise we say exactly what to run.
system-deps:
	@missing=""; for b in tor redis-server; do command -v $$b >/dev/null || missing="$$missing $$b"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "missing system packages:$$missing -- run: sudo apt-get install -y $(SYSTEM_PACKAGES)"; \
	    if [ -n "$$CI" ]; then exit 1; fi; \
	  fi; \
	fi

demo: $(STAMP)
	@command -v tor >/dev/null || $(MAKE) -s system-deps || true
	$(VENV)/bin/moneytrail demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(STAMP) system-deps lint
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/extract_speed.py
	$(PY) bench/extract_quality.py
	$(PY) bench/crawl.py

clean:
	rm -rf $(VENV) data state .pytest_cache .ruff_cache
