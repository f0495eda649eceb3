# hrplan: `make demo` and `make test` work on a fresh machine with python3 and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PLUGINS := $(sort $(dir $(wildcard plugins/*/pyproject.toml)))
AS_OF  ?=

.PHONY: demo test lint typecheck pytest bench fuzz clean

$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' $(foreach p,$(PLUGINS),-e '$(p)[test]')
	touch $@

demo: $(STAMP)
	$(BIN)/python examples/quickstart.py $(AS_OF)
	@echo
	$(BIN)/python examples/ombudsman_2024.py 2024-12-31 out
	@echo
	$(BIN)/python examples/export_formats.py $(or $(AS_OF),2013-01-01) out
	@echo
	$(BIN)/python examples/upr_follow_up.py out
	$(BIN)/python examples/plan_table.py out
	@echo
	$(BIN)/python examples/recommendations.py out
	@echo
	$(BIN)/python examples/office_documents.py out

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check $(wildcard src tests examples benchmarks plugins fuzz)

typecheck: $(STAMP)
	$(BIN)/mypy --strict src/hrplan
	$(BIN)/mypy --strict $(wildcard plugins/*/src/*)

pytest: $(STAMP)
	$(BIN)/python -m pytest tests $(wildcard plugins/*/tests)

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	cd benchmarks && ../$(BIN)/python run.py

# Fuzz every importer, exporter, parse_time_limit and the CLI: FUZZ_COUNT inputs (or FUZZ_SECONDS) per target.
# atheris when it installs, else a mutation loop; crashes and slow inputs are kept in fuzz/findings/.
FUZZ_COUNT   ?= 10000
FUZZ_SECONDS ?= 0
FUZZ_JOBS    ?= 1
FUZZ_ARGS    ?=
fuzz: $(STAMP)
	-$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python -m fuzz.run --count $(FUZZ_COUNT) --seconds $(FUZZ_SECONDS) --jobs $(FUZZ_JOBS) $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
