"""The archive service over real HTTP: `POST /v1/extract` latency and upload→done throughput.

    python benchmarks/api.py [--corpus DIR] [--chars N] [--requests N] [--clients N] [--workers N]
                             [--extract-processes N] [--json]

The app runs in this process (uvicorn in a thread, 127.0.0.1 on a free port) on a temporary SQLite
archive, with no rate limit. Models are loaded before the clock starts, as `kenesh serve` does.

- Latency: one report of about `--chars` characters (corpus-dev texts joined and cut at a line end)
  sent as `{"text": …}`, after a warm-up, by `--clients` clients at once (4 by default), each sending its
  share of `--requests` one after another; p50 and p95 over all of them.
- Throughput: every corpus-dev document in one `POST /v1/documents`, then polling their jobs until
  all are done; documents per minute from the upload's start to the last job's end, with
  `--workers` embedded job workers.

`--extract-processes 0` runs every extraction in the service process, one at a time, as before the
extraction processes (issue 15); with OPENBLAS_NUM_THREADS=2 in the environment as well, that is the
service as it was before.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable as `python benchmarks/api.py` from a checkout
    sys.path.insert(0, str(ROOT))
import models  # noqa: E402, F401, I001  (first: the BLAS threads, as every Kenesh entry point sets them)
import httpx  # noqa: E402
import uvicorn  # noqa: E402
from archive import upload_and_wait  # noqa: E402

from service.api.main import create_app  # noqa: E402
from service.settings import Settings  # noqa: E402
from service.storage import repositories as repo  # noqa: E402
from service.storage.db import make_engine, make_session_factory, migrate, session_scope  # noqa: E402
from service.storage.tables import Role  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-dev"
HOST = "127.0.0.1"
WARMUP_REQUESTS = 3
STARTUP_TIMEOUT = 120.0
POLL_SECONDS = 0.1


def report_text(corpus: Path, chars: int) -> str:
    """About `chars` characters of real reports: the corpus texts joined, cut at the last line end before it."""
    joined = ""
    for path in sorted(corpus.glob("*.txt")):
        joined += path.read_text(encoding="utf-8").strip() + "\n\n"
        if len(joined) >= chars:
            break
    # A cut mid-sentence would be a text no archivist sends: cut after the last sentence or line that fits.
    cut = max(joined.rfind("\n", 0, chars), joined.rfind(". ", 0, chars - 1) + 1)
    return joined[: cut if cut > chars * 0.9 else chars].strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: a value that was measured, not interpolated between two."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class Server:
    """The app under uvicorn in a daemon thread, for as long as the `with` block lasts."""

    def __init__(self, settings: Settings) -> None:
        self.port = free_port()
        config = uvicorn.Config(create_app(settings), host=HOST, port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise SystemExit("the service did not start")
            time.sleep(0.05)
        return f"http://{HOST}:{self.port}"

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=60)


def measure_latency(client: httpx.Client, text: str, requests: int, clients: int) -> list[float]:
    for _ in range(WARMUP_REQUESTS):
        client.post("/v1/extract", json={"text": text}).raise_for_status()
    seconds: list[float] = []
    lock = threading.Lock()

    def one_client(count: int) -> None:
        for _ in range(count):
            start = time.perf_counter()
            client.post("/v1/extract", json={"text": text}).raise_for_status()
            with lock:
                seconds.append(time.perf_counter() - start)

    shares = [requests // clients + (i < requests % clients) for i in range(clients)]
    threads = [threading.Thread(target=one_client, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return seconds


def measure_throughput(client: httpx.Client, corpus: Path) -> tuple[int, int, float]:
    """Documents uploaded, their characters, and the seconds until the last job was done."""
    paths = sorted(corpus.glob("*.txt"))
    chars = sum(len(path.read_text(encoding="utf-8")) for path in paths)
    start = time.perf_counter()
    upload_and_wait(client, paths, POLL_SECONDS)
    return len(paths), chars, time.perf_counter() - start


def run(corpus: Path, chars: int, requests: int, workers: int, clients: int, processes: int) -> dict[str, Any]:
    text = report_text(corpus, chars)
    with tempfile.TemporaryDirectory(prefix="kenesh-bench-") as folder:
        settings = Settings(
            database_url=f"sqlite:///{Path(folder) / 'kenesh.db'}",
            rate_limit_per_minute=0,
            job_workers=workers,
            extract_processes=processes,
            max_concurrent_extractions=max(clients, 4),
            extract_wait_seconds=300,
        )
        engine = make_engine(settings.database_url)
        migrate(engine)
        with session_scope(make_session_factory(engine)) as session:
            token = repo.create_token(session, Role.ARCHIVIST, "benchmark")[1]
        engine.dispose()
        with Server(settings) as base_url:
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=base_url, headers=headers, timeout=120.0) as client:
                latency = measure_latency(client, text, requests, clients)
                documents, corpus_chars, seconds = measure_throughput(client, corpus)
    return {
        "extract": {
            "chars": len(text),
            "requests": requests,
            "clients": clients,
            "extract_processes": processes,
            "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
            "p50_ms": percentile(latency, 0.50) * 1000,
            "p95_ms": percentile(latency, 0.95) * 1000,
            "mean_ms": sum(latency) / len(latency) * 1000,
        },
        "upload_to_done": {
            "documents": documents,
            "chars": corpus_chars,
            "job_workers": workers,
            "seconds": seconds,
            "documents_per_minute": documents / seconds * 60,
            "chars_per_second": corpus_chars / seconds,
        },
    }


def print_table(result: dict[str, Any]) -> None:
    extract, upload = result["extract"], result["upload_to_done"]
    print(
        f"POST /v1/extract, {extract['chars']:,} chars, {extract['requests']} requests from {extract['clients']} "
        f"clients at once after {WARMUP_REQUESTS} warm-up; {extract['extract_processes']} extraction process(es), "
        f"OPENBLAS_NUM_THREADS={extract['openblas_threads']}"
    )
    print("| p50 | p95 | mean |")
    print("|---|---|---|")
    print(f"| {extract['p50_ms']:.0f} ms | {extract['p95_ms']:.0f} ms | {extract['mean_ms']:.0f} ms |")
    print()
    print(
        f"upload→done, {upload['documents']} documents ({upload['chars']:,} chars), "
        f"{upload['job_workers']} job worker(s)"
    )
    print("| seconds | documents/min | chars/s |")
    print("|---|---|---|")
    print(f"| {upload['seconds']:.1f} | {upload['documents_per_minute']:.0f} | {upload['chars_per_second']:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--chars", type=int, default=5000, help="size of the report sent to /v1/extract")
    parser.add_argument("--requests", type=int, default=30, help="timed /v1/extract requests")
    parser.add_argument("--workers", type=int, default=1, help="embedded job workers")
    parser.add_argument("--clients", type=int, default=4, help="concurrent /v1/extract clients")
    parser.add_argument(
        "--extract-processes",
        type=int,
        default=len(os.sched_getaffinity(0)),
        help="KENESH_EXTRACT_PROCESSES (default: the cores; 0: in the service process, one at a time)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not any(args.corpus.glob("*.txt")):
        raise SystemExit(f"no .txt documents in {args.corpus}")
    result = run(args.corpus, args.chars, args.requests, args.workers, args.clients, args.extract_processes)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
