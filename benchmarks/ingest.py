"""Ingest throughput and memory: 1 and 2 Celery worker processes over Redis and PostgreSQL, and the embedded mode.

    python benchmarks/ingest.py [--corpus DIR] [--documents N] [--json]

One batch of `--documents` distinct files made from the corpus texts (each text again with a numbered copy line,
so that every file has its own sha256) goes through `service.ingest.ingest`, as `kenesh ingest` sends it:

- Celery: N real `kenesh worker --concurrency 1` processes (N = 1, then 2) on PostgreSQL and Redis, each warmed
  up on a few short documents before the clock starts (their models load on their first job);
- embedded: this process, SQLite and no broker, the service's job pool with one thread (`kenesh ingest --wait`).

Documents per minute run from the first file's submission to the last job's end, so they include storing,
extracting, indexing and the queue. Memory is each worker's peak RSS (VmHWM: its main process and its pool
process), and its RSS once warmed up, when a tenth and half of the batch are done, and at the end: the first
documents fill the bounded caches, after that it stays flat. The embedded figures are this whole process.

Servers: KENESH_BENCH_POSTGRES_URL and KENESH_BENCH_BROKER_URL, or else those `.ci/postgres.sh` and `.ci/redis.sh`
start (or find running), with a database of its own (`kenesh_bench`, emptied for every run) and Redis database 15.
Without them the Celery columns are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable as `python benchmarks/ingest.py` from a checkout
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as pipelines/nlp.py sets it, before numpy loads

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from service.extraction import Extractor  # noqa: E402
from service.ingest import ingest, wait_for_jobs  # noqa: E402
from service.jobs.celery_app import CeleryQueue, make_celery  # noqa: E402
from service.jobs.queue import EmbeddedQueue  # noqa: E402
from service.jobs.tasks import JobLimits, run_extract_job  # noqa: E402
from service.storage.db import make_engine, make_session_factory, migrate  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-dev"
BENCH_DATABASE = "kenesh_bench"
BENCH_REDIS_DB = 15
WARM_UP_DOCUMENTS = 4
START_TIMEOUT = 120.0
JOBS_TIMEOUT = 3600.0
MAX_BYTES = 10 * 2**20
LIMITS = JobLimits(lease_seconds=600, max_attempts=3)


@dataclass
class Run:
    mode: str
    documents: int
    chars: int
    seconds: float
    failed: int
    peak_rss_mb: list[float]
    # RSS (MB) of each worker once warmed up, when a tenth and half of the batch were done, and after it: flat
    # from the tenth on when nothing grows per document (the first documents fill the bounded caches).
    rss_warm_mb: list[float]
    rss_tenth_mb: list[float]
    rss_half_mb: list[float]
    rss_end_mb: list[float]

    @property
    def per_minute(self) -> float:
        return 60 * self.documents / self.seconds

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds


def make_batch(corpus: Path, count: int, folder: Path, tag: str) -> list[Path]:
    """`count` distinct files from the corpus texts: round r adds a copy line r to each text."""
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"ingest.py: no .txt files in {corpus}")
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(count):
        stem, text = texts[number % len(texts)]
        copy = number // len(texts)
        path = folder / f"{stem}-{tag}{copy}.txt"
        path.write_text(f"{text.rstrip()}\n\nКопия {tag}-{copy}.\n", encoding="utf-8")
        files.append(path)
    return files


def _chars(files: list[Path]) -> int:
    return sum(len(path.read_text(encoding="utf-8")) for path in files)


def _memory_mb(pid: int, field: str) -> float:
    """VmHWM (peak) or VmRSS (now) of a process and of its children (a Celery worker's pool process), in MB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                total += int(line.split()[1])
    return total / 1024


class _RssMarks:
    """A progress callback for wait_for_jobs: the processes' RSS when a tenth and half of the jobs are done."""

    def __init__(self, pids: list[int], total: int) -> None:
        self._pids, self._total = pids, total
        self.tenth: list[float] = []
        self.half: list[float] = []

    def __call__(self, done: int) -> None:
        if not self.tenth and done * 10 >= self._total:
            self.tenth = [_memory_mb(pid, "VmRSS") for pid in self._pids]
        if not self.half and done * 2 >= self._total:
            self.half = [_memory_mb(pid, "VmRSS") for pid in self._pids]


def _server_urls() -> tuple[str, str] | None:
    postgres = os.environ.get("KENESH_BENCH_POSTGRES_URL")
    broker = os.environ.get("KENESH_BENCH_BROKER_URL")
    if postgres and broker:
        return postgres, broker
    try:
        env = {**os.environ, "KENESH_PG_DB": BENCH_DATABASE}
        postgres = subprocess.run(
            ["bash", str(ROOT / ".ci" / "postgres.sh")], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        redis = subprocess.run(
            ["bash", str(ROOT / ".ci" / "redis.sh")], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"ingest.py: no PostgreSQL and Redis ({exc}); the Celery columns are left out", file=sys.stderr)
        return None
    return postgres, str(make_url(redis).set(database=str(BENCH_REDIS_DB)))


def _empty_database(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


def _start_worker(database_url: str, broker_url: str, log_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KENESH_DATABASE_URL": database_url, "KENESH_BROKER_URL": broker_url}
    with log_path.open("a") as log:
        return subprocess.Popen(
            [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())", "worker"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=ROOT,
        )


def _wait_ready(process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while "ready." not in log_path.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"ingest.py: kenesh worker did not start:\n{log_path.read_text()}")
        time.sleep(0.2)


def run_celery(workers: int, files: list[Path], warm_up: list[Path], urls: tuple[str, str], logs: Path) -> Run:
    database_url, broker_url = urls
    _empty_database(database_url)
    engine = make_engine(database_url)
    migrate(engine)
    factory = make_session_factory(engine)
    app = make_celery(broker_url)
    app.control.purge()  # nothing left over from an earlier run
    queue = CeleryQueue(app, factory)
    processes = []
    try:
        for number in range(workers):
            log_path = logs / f"worker-{workers}-{number}.log"
            processes.append(_start_worker(database_url, broker_url, log_path))
            _wait_ready(processes[-1], log_path)
        # Enough short jobs for every worker to load its models on one of them, before the clock starts.
        report = ingest(factory, queue, warm_up, MAX_BYTES)
        wait_for_jobs(factory, report.jobs, poll_seconds=0.2, timeout=START_TIMEOUT)
        warm = [_memory_mb(process.pid, "VmRSS") for process in processes]
        started = time.monotonic()
        report = ingest(factory, queue, files, MAX_BYTES)
        marks = _RssMarks([process.pid for process in processes], len(files))
        jobs = wait_for_jobs(factory, report.jobs, poll_seconds=0.1, progress=marks, timeout=JOBS_TIMEOUT)
        seconds = time.monotonic() - started
        peaks = [_memory_mb(process.pid, "VmHWM") for process in processes]
        end = [_memory_mb(process.pid, "VmRSS") for process in processes]
    finally:
        queue.close()
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        engine.dispose()
    failed = sum(job.state != "done" for job in jobs.values())
    mode = f"Celery, {workers} worker{'s' if workers > 1 else ''}"
    return Run(mode, len(files), _chars(files), seconds, failed, peaks, warm, marks.tenth, marks.half, end)


def run_embedded(files: list[Path], folder: Path) -> Run:
    engine = make_engine(f"sqlite:///{folder / 'kenesh.db'}")
    migrate(engine)
    factory = make_session_factory(engine)
    extractor = Extractor()
    extractor.warm_up()  # as `kenesh serve` does at start
    queue = EmbeddedQueue(partial(run_extract_job, factory, extractor, limits=LIMITS), workers=1)
    warm = [_memory_mb(os.getpid(), "VmRSS")]
    try:
        started = time.monotonic()
        report = ingest(factory, queue, files, MAX_BYTES)
        marks = _RssMarks([os.getpid()], len(files))
        jobs = wait_for_jobs(factory, report.jobs, poll_seconds=0.1, progress=marks, timeout=JOBS_TIMEOUT)
        seconds = time.monotonic() - started
    finally:
        queue.close()
        engine.dispose()
    failed = sum(job.state != "done" for job in jobs.values())
    peak, end = [_memory_mb(os.getpid(), "VmHWM")], [_memory_mb(os.getpid(), "VmRSS")]
    mode = "embedded (SQLite, no broker)"
    return Run(mode, len(files), _chars(files), seconds, failed, peak, warm, marks.tenth, marks.half, end)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--documents", type=int, default=100, help="distinct documents per run (default 100)")
    parser.add_argument("--workers", default="1,2", help="Celery runs, by worker processes (default 1,2; none: 0)")
    parser.add_argument("--no-embedded", action="store_true", help="leave the embedded run out")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    if args.documents < 1:
        parser.error("--documents must be at least 1")
    try:
        worker_counts = [int(count) for count in args.workers.split(",") if int(count) > 0]
    except ValueError:
        parser.error(f"--workers: a comma-separated list of numbers, not {args.workers!r}")
    if not Path("/proc/self/status").exists():
        parser.error("reads memory from /proc: Linux only")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="kenesh-bench-ingest-") as tmp:
        folder = Path(tmp)
        warm_up = make_batch(args.corpus, WARM_UP_DOCUMENTS, folder / "warm-up", "w")
        warm_up = sorted(warm_up, key=lambda path: path.stat().st_size)
        urls = _server_urls() if worker_counts else None
        if urls is not None:
            # A new batch for each run: the archive is emptied, but distinct files keep each run honest.
            for workers in worker_counts:
                files = make_batch(args.corpus, args.documents, folder / f"celery-{workers}", f"c{workers}")
                runs.append(run_celery(workers, files, warm_up, urls, folder))
                print(f"ingest.py: {runs[-1].mode} done", file=sys.stderr)
        if not args.no_embedded:
            files = make_batch(args.corpus, args.documents, folder / "embedded", "e")
            runs.append(run_embedded(files, folder))
    if not runs:
        parser.error("nothing to run")
    chars = runs[0].chars
    print(
        f"{args.documents} documents ({chars:,} chars) made from {args.corpus}, one run each, on {os.cpu_count()} CPUs"
    )
    print(
        f"{'mode':<32}{'seconds':>9}{'docs/min':>10}{'chars/s':>10}{'failed':>8}"
        "  per worker, MB: peak RSS (RSS warmed up → a tenth done → half → all)"
    )
    for run in runs:
        rss = ", ".join(
            f"{peak:.0f} ({warm:.0f} → {tenth:.0f} → {half:.0f} → {end:.0f})"
            for peak, warm, tenth, half, end in zip(
                run.peak_rss_mb, run.rss_warm_mb, run.rss_tenth_mb, run.rss_half_mb, run.rss_end_mb, strict=True
            )
        )
        figures = f"{run.seconds:>9.1f}{run.per_minute:>10.0f}{run.chars_per_second:>10.0f}{run.failed:>8}"
        print(f"{run.mode:<32}{figures}  {rss}")
    if args.json:
        print(json.dumps([asdict(run) | {"per_minute": run.per_minute} for run in runs], ensure_ascii=False))
    return 1 if any(run.failed for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
