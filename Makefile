# The two commands of the README: `make serve` (installs, then runs the service) and `make test` (installs,
# then runs the suite).
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: install serve test lint bench bench-readers bench-api bench-ingest bench-load fixtures score linker

install:
	$(PIP) install -q -e '.[dev]'

serve: install
	kenesh serve

test: install
	$(PYTHON) -m pytest -q

lint: install
	ruff check . && ruff format --check .

bench: install
	$(PYTHON) benchmarks/throughput.py

# Pages per second of the readers: text-layer PDF, OCR'd pages (needs tesseract).
bench-readers: install
	$(PYTHON) benchmarks/readers.py

# POST /v1/extract latency and upload→done throughput of the service, on 127.0.0.1 in one process.
bench-api: install
	$(PYTHON) benchmarks/api.py

# Ingest throughput and worker memory: 1 and 2 Celery workers (PostgreSQL + Redis from .ci/*.sh, or
# KENESH_BENCH_POSTGRES_URL / KENESH_BENCH_BROKER_URL) beside the embedded mode, in one table.
bench-ingest: install
	$(PYTHON) benchmarks/ingest.py

# A real `kenesh serve` under 4, 16 and 64 concurrent clients (extract, search, mixed; 20 s each), from
# Python clients and from wrk (apt-get install wrk; skipped without it): req/s, p50/p95/p99, errors,
# shed 429/503, the server's peak RSS.
bench-load: install
	$(PYTHON) benchmarks/load.py

# Rebuild tests/fixtures/formats from corpus-dev (needs LibreOffice, poppler-utils, qpdf; see the script).
fixtures:
	$(PYTHON) corpus/fixtures/build.py

# Score the pipeline on corpus-dev with the reference scorer.
score: install
	kenesh extract --out /tmp/kenesh-pred ../shared/corpus-dev/*.txt
	$(PYTHON) ../shared/score.py ../shared/corpus-dev /tmp/kenesh-pred --per-doc

# Retrain the linker (models/linker/linker.json) on ../shared/nerel-train: 5 folds by document, then all of it;
# prints the held-out figures. --cache DIR keeps the parsed documents between runs.
linker: install
	$(PYTHON) -m models.linker.train
