# Two entry points: `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data
WORKSPACE ?= build/demo.duckdb
OUT ?= build/report

PORT ?= 8000

.PHONY: demo test install bench serve chromium clean fuzz

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[test,bench,spark]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/innovatlas demo --data $(SHARED) --workspace $(WORKSPACE) --out $(OUT)
	@echo "Explore it in the browser: make serve  ->  http://127.0.0.1:$(PORT)/"

serve: install
	$(BIN)/innovatlas serve --workspace $(WORKSPACE) --port $(PORT)

# Browser tests drive Debian's Chromium (never a browser download); PDFs need Pango (WeasyPrint).
chromium:
	@(command -v chromium >/dev/null 2>&1 && ldconfig -p | grep -q libpangoft2) || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libpango-1.0-0 libpangoft2-1.0-0 >/dev/null) \
	  || (echo "Needed for browser tests and PDFs: apt-get install chromium libpango-1.0-0 libpangoft2-1.0-0" && exit 1)

test: install chromium
	$(BIN)/python -m pytest -q

bench: install chromium
	$(BIN)/python bench/bench_spine.py --data $(SHARED)
	$(BIN)/python bench/bench_web.py --data $(SHARED)
	$(BIN)/python bench/bench_network_view.py --data $(SHARED)
	$(BIN)/python bench/bench_diagnosis.py --data $(SHARED)
	$(BIN)/python bench/bench_scale.py --data $(SHARED) --out /tmp/innovatlas-scale
	$(BIN)/python bench/bench_connect.py --data $(SHARED)
	$(BIN)/python bench/bench_matching.py --data $(SHARED)
	$(BIN)/python bench/bench_openalex.py --data $(SHARED)
	$(BIN)/python bench/bench_composite.py --data $(SHARED)
	@test -f $(WORKSPACE) || $(MAKE) demo
	$(BIN)/python bench/bench_disclosure.py --workspace $(WORKSPACE)
	$(BIN)/python bench/bench_load.py --workspace $(WORKSPACE)

# Fuzzed imports (issue 13): mutated real files, templates and examples through every importer; prints the
# outcome table (inputs, successes, clean errors, unclear errors, crashes, partial writes). `make test` runs a bounded share.
FUZZ_INPUTS ?= 10000
fuzz: install
	$(BIN)/python bench/fuzz_imports.py --inputs $(FUZZ_INPUTS)

clean:
	rm -rf build $(VENV)
