# Two entry points: `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data
WORKSPACE ?= build/demo.duckdb
OUT ?= build/report

.PHONY: demo test install bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/innovatlas demo --data $(SHARED) --workspace $(WORKSPACE) --out $(OUT)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/bench_spine.py --data $(SHARED)

clean:
	rm -rf build $(VENV)
