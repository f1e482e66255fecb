# Set-up and checks of ondermijning-indicators. Everything runs in .venv, made here.
#   make reproduce   reproduce the report's published figures from the bundled data
#   make test        the whole test suite: ruff, mypy --strict, pytest (doctests, property
#                    tests and the strict build of the documentation site included) and the
#                    installed-wheel check
#   make docs        build the documentation site into site/
#   make mutation    mutation testing of metrics/ and published/ (mutmut; about an hour)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
HYPOTHESIS_PROFILE ?= dev

.PHONY: reproduce test lint typecheck pytest wheel-check docs mutation clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

reproduce: $(STAMP)
	$(BIN)/ondermijning-indicators reproduce

test: lint typecheck wheel-check pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests docs benchmarks scripts
	$(BIN)/ruff format --check src tests docs benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -n 2 --hypothesis-profile=$(HYPOTHESIS_PROFILE)

# Build the wheel, install it in a fresh virtual environment outside the checkout,
# and use the bundled data and the CLI from there.
wheel-check: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --wheel --outdir dist . > /dev/null
	bash scripts/check-wheel.sh "$(PYTHON)" dist/*.whl

# The documentation site, built strictly (a broken link or a missing page fails), into site/.
# The test suite builds it too and checks that it documents every metric, table and record.
docs: $(STAMP)
	DISABLE_MKDOCS_2_WARNING=true NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# mutmut over metrics/ and published/, the @register decoration undone in a copy
# (build/mutation); fails below 90% per module or on a survivor docs/mutation.md does
# not explain. Extra arguments: make mutation ARGS="--only metrics/_inputs.py".
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[mutation]"
	$(BIN)/python scripts/mutation.py $(ARGS)

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
