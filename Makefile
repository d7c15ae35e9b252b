# The two commands of the README: `make serve` (installs, then runs the service) and `make test` (installs,
# then runs the suite).
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip
# pip runs again only when pyproject.toml changed since the last install into this Python (a stamp per
# environment: switching virtualenvs installs into the new one). `make install -B` forces it.
STAMP := .installed-$(shell $(PYTHON) -c 'import hashlib, sys; print(hashlib.sha1(sys.prefix.encode()).hexdigest()[:10])')

.PHONY: install serve test lint identity linker rerank rerank-snapshots orgspan topics topics-loso bench bench-readers bench-api bench-ingest bench-load bench-stalls bench-hostile fixtures score

# The project's modules are compiled here, not at every start: with PYTHONDONTWRITEBYTECODE=1 set (the Dockerfile
# and this environment set it) Python never writes .pyc itself but still reads them, and compiling the ~60
# modules a `kenesh` run imports took 0.3-0.4 s of each start. compileall rewrites only files changed since.
install: $(STAMP)
	$(PYTHON) -m compileall -q service pipelines models

$(STAMP): pyproject.toml
	$(PIP) install -q -e '.[dev]'
	@touch $@

serve: install
	kenesh serve

# Two pytest-xdist workers (CI has two cores), each on databases of its own (tests/conftest.py); a file's tests
# stay on one worker, so a module's shared fixtures (a served app, a browser, a set's extraction) are made once.
TEST_WORKERS ?= 2
test: install
	$(PYTHON) -m pytest -q -n $(TEST_WORKERS) --dist loadfile

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

bench-stalls: install
	$(PYTHON) benchmarks/stalls.py

# Hostile texts (corpus/hostile/texts.py) through `kenesh extract` under KENESH_DOCUMENT_SECONDS=10, one
# process each: wall time, peak RSS and the outcome (a record or one line), against issue 14's goal.
bench-hostile: install
	$(PYTHON) benchmarks/hostile_text.py

# Rebuild tests/fixtures/formats from corpus-dev (needs LibreOffice, poppler-utils, qpdf; see the script).
fixtures:
	$(PYTHON) corpus/fixtures/build.py

# Score the pipeline on corpus-dev, corpus-genre, the held-out genre sets (corpus/heldout-genre*, the last four
# blind: aggregates only) and nerel-train with the reference scorer: one table, one column per set (NEREL's 722 documents take the most). SETS=dev,genre for the quick two; PER_DOC=genre lists
# a set's documents worst first. Records go to /tmp/kenesh-score/SET/.
SETS ?= dev,genre,heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7,heldout8,heldout9,heldout10,heldout11,heldout12,heldout13,heldout14,heldout15,heldout16,heldout17,heldout18,heldout19,heldout20,heldout21,heldout22,heldout23,heldout24,heldout25,heldout26,heldout27,heldout28,heldout29,heldout30,heldout31,heldout32,heldout33,heldout34,heldout35,heldout36,nerel
PER_DOC ?=
score: install
	$(PYTHON) corpus/score.py --sets $(SETS) --per-doc "$(PER_DOC)"

# Precision and recall of cross-document person identity on the gold sets (README, "Identity, measured").
identity: install
	$(PYTHON) benchmarks/identity.py

# Retrain the linker (models/linker/linker.json) on ../shared/nerel-train: 5 folds by document, then all of it;
# prints the held-out figures. --cache DIR keeps the parsed documents between runs.
linker: install
	$(PYTHON) -m models.linker.train

# The person_org reranker experiment (models/linker/rerank_train.py; README, "A person_org reranker"): trains on
# the genre gold sets, prints the leave-one-set-out table scored by ../shared/score.py. ARGS=--nerel adds NEREL.
rerank: install
	$(PYTHON) -m models.linker.rerank_train $(ARGS)

# The reranker on the blind-time trees of heldout-genre-7 and -8 (models/linker/rerank_snapshots.py; README, "A
# person_org reranker"). ARGS=--dev --nerel --no-final --margin M vary the training; --sweep lists every margin.
rerank-snapshots: install
	$(PYTHON) -m models.linker.rerank_snapshots $(ARGS)

# The organization filter experiment (models/orgspan/train.py; README, "A learned organization filter"): 5 folds of
# NEREL by document, then the model fitted on all of NEREL on corpus-dev and the genre sets. Not shipped (no win).
orgspan: install
	$(PYTHON) -m models.orgspan.train $(ARGS)

# Retrain the shipped topic decision (models/classifiers/topics_decision.json; README, "Learned topic decisions") on
# every opened gold set with topics, the lemma model with it; prints each set's rules, in-sample and leave-one-set-out
# figures. A few minutes (`ARGS="--docs /tmp/topics-docs.json"` keeps the pipeline's run for the next time).
topics: install
	$(PYTHON) -m models.classifiers.train_topics $(ARGS)

# The topic-decision experiment (models/classifiers/topics_loso.py; README, "Learned topic decisions"): prints the
# leave-one-set-out table over the opened gold sets and, with ARGS=--snapshots, the blind-time trees' table.
topics-loso: install
	$(PYTHON) -m models.classifiers.topics_loso $(ARGS)
