# Set-up and checks of ondermijning-indicators. Everything runs in .venv, made here with
# $(PYTHON) (another PYTHON remakes it): make reproduce installs the package with its
# runtime dependencies only, every other target the dev extras on top.
#   make reproduce   reproduce the report's published figures from the bundled data
#   make test        the whole test suite: ruff, mypy --strict, pytest (doctests, property
#                    tests and the strict build of the documentation site included) and the
#                    installed-wheel check
#   make docs        build the documentation site into site/
#   make mutation    mutation testing of metrics/ and published/ (mutmut; about an hour)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Three stamps in the venv: the interpreter it was made with (its resolved path and
# version), the package with its runtime dependencies (make reproduce), the dev extras
# on top of that (make test and the rest).
MADE_WITH := $(VENV)/.made-with
RUNTIME   := $(VENV)/.installed-runtime
DEV       := $(VENV)/.installed-dev
HYPOTHESIS_PROFILE ?= dev

.PHONY: reproduce test lint typecheck pytest wheel-check docs mutation clean

# Another interpreter than the venv's (make test PYTHON=python3.12) remakes the venv.
PYTHON_ID := $(shell $(PYTHON) -c 'import os, platform, sys; print(os.path.realpath(sys.executable), platform.python_version())' 2>/dev/null)
ifneq ($(PYTHON_ID),$(shell cat $(MADE_WITH) 2>/dev/null))
$(MADE_WITH): FORCE
endif
FORCE:

$(MADE_WITH):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo '$(PYTHON_ID)' > $@

$(RUNTIME): $(MADE_WITH) pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(DEV): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

reproduce: $(RUNTIME)
	$(BIN)/ondermijning-indicators reproduce

test: lint typecheck wheel-check pytest

lint: $(DEV)
	$(BIN)/ruff check src tests docs benchmarks scripts
	$(BIN)/ruff format --check src tests docs benchmarks scripts

typecheck: $(DEV)
	$(BIN)/mypy

pytest: $(DEV)
	$(BIN)/pytest -n 2 --hypothesis-profile=$(HYPOTHESIS_PROFILE)

# Build the wheel, install it in a fresh virtual environment outside the checkout,
# and use the bundled data and the CLI from there.
wheel-check: $(DEV)
	rm -rf dist
	$(BIN)/python -m build --wheel --outdir dist . > /dev/null
	bash scripts/check-wheel.sh "$(PYTHON)" dist/*.whl

# The documentation site, built strictly (a broken link or a missing page fails), into site/.
# The test suite builds it too and checks that it documents every metric, table and record.
docs: $(DEV)
	DISABLE_MKDOCS_2_WARNING=true NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# mutmut over metrics/ and published/, the @register decoration undone in a copy
# (build/mutation); fails below 90% per module or on a survivor docs/mutation.md does
# not explain. Extra arguments: make mutation ARGS="--only metrics/_inputs.py".
mutation: $(DEV)
	$(BIN)/python -m pip install --quiet -e ".[mutation]"
	$(BIN)/python scripts/mutation.py $(ARGS)

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
