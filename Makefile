# Talonario: `make run` serves the API on http://127.0.0.1:8000; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint fmt bench fuzz install sdk clean

# The SDK (sdk/python) too: tests/sdk drive it against a running server.
$(STAMP): pyproject.toml sdk/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]' -e sdk/python
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/talonario serve --demo --worker

test: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider -n 2 --dist loadgroup --ignore=tests/test_openapi_fuzz.py
	# On its own: schemathesis gives its per-operation cases one node id, and loadgroup
	# scheduling runs one item per node id, so under it 1 of the 60 operations was fuzzed.
	$(BIN)/python -m pytest -p no:cacheprovider -n 2 tests/test_openapi_fuzz.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src
	$(BIN)/lint-imports

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m bench

fuzz: $(STAMP)
	$(BIN)/python -m bench.fuzz

# Regenerate the Python SDK from the app's OpenAPI document (built in-process, no server).
sdk: $(STAMP)
	$(BIN)/python sdk/generate.py

clean:
	rm -rf $(VENV) var
