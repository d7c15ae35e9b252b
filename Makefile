# The two commands of the README: `make test` (installs, then runs the suite) and, later, `make serve`.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: install test lint bench score

install:
	$(PIP) install -q -e '.[dev]'

test: install
	$(PYTHON) -m pytest -q

lint: install
	ruff check . && ruff format --check .

bench: install
	$(PYTHON) benchmarks/throughput.py

# Score the pipeline on corpus-dev with the reference scorer.
score: install
	kenesh extract --out /tmp/kenesh-pred ../shared/corpus-dev/*.txt
	$(PYTHON) ../shared/score.py ../shared/corpus-dev /tmp/kenesh-pred --per-doc
