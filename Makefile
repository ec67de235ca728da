# Two commands set everything up on a fresh Debian/Ubuntu machine:
#   make serve   serve the site at http://127.0.0.1:8000 with live reload
#   make test    strict build + the whole test suite (installs Chromium if missing)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build site pdf offline measure lighthouse check stamp status chromium clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --constraint requirements.lock --editable ".[test]"
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# The publishable site: strict build + every PDF + the offline package, in site/.
site: $(STAMP) chromium
	$(BIN)/python -m scripts site --site-dir site

pdf: site

offline: $(STAMP)
	$(BIN)/python -m scripts offline --out dist/guide-offline.zip

measure: $(STAMP) chromium
	$(BIN)/python -m scripts measure

lighthouse: $(STAMP) chromium
	$(BIN)/python -m scripts lighthouse

check: $(STAMP)
	$(BIN)/python -m scripts check

stamp: $(STAMP)
	@test -n "$(PAGE)" || { echo "usage: make stamp PAGE=warrants/judicial.md"; exit 2; }
	$(BIN)/python -m scripts stamp $(PAGE)

status: $(STAMP)
	$(BIN)/python -m scripts status

chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium (about 40 s)..."; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Chromium is missing: run 'sudo apt-get install chromium', then 'make test' again."; exit 1; \
	else \
		echo "Chromium is missing: install Chromium so that $(CHROMIUM) runs it"; \
		echo "(the browser tests drive it through Playwright; never run 'playwright install')."; exit 1; \
	fi

test: $(STAMP) chromium
	$(BIN)/python -m pytest

clean:
	rm -rf site dist .pytest_cache
