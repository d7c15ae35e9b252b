"""Load on a real `kenesh serve` over 127.0.0.1: requests/s, latency percentiles, errors and shed requests.

    python benchmarks/load.py [--clients 4 16 64] [--seconds 20] [--scenarios extract search mixed] [--json]

A fresh SQLite archive in a temporary folder gets every corpus-dev document (uploaded and extracted
before the clock starts), so that search has data. The server is a separate `kenesh serve` process with
its defaults except the rate limit, which is off: one token per minute would otherwise measure the
limit, not the server. Then, for every scenario and number of clients, that many asyncio clients send
requests one after another for `--seconds` (a closed loop, bounded in time):

- extract: `POST /v1/extract` with a corpus-dev text (`{"text": …}`), one of them in turn;
- search: `GET /v1/search?q=…` and `GET /v1/persons?q=…` in turn, with words and surnames from the archive;
- mixed: one extraction to three searches.

A 429 or a 503 with `Retry-After` is shed load: counted apart, and the client waits as told before its
next request, as a well-behaved client does. Any other 5xx, a transport error (refused, reset) or a
timeout is an error. Latencies are of answered requests (2xx) only. The server's peak RSS (VmHWM) is
read from /proc after every run. The clients run on the same machine and take CPU from the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-dev"
HOST = "127.0.0.1"
START_TIMEOUT = 180.0
JOBS_TIMEOUT = 900.0
REQUEST_TIMEOUT = 60.0
# Words that are in the corpus (meetings, councils, migration, education…), in several case forms.
SEARCH_WORDS = [
    "совет",
    "заседания",
    "миграции",
    "министр",
    "образования",
    "вопросам",
    "комиссии",
    "председатель",
    "решение",
    "закона",
]


@dataclass
class Outcome:
    """What one run of one scenario at one number of clients saw."""

    scenario: str
    clients: int
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter[str] = field(default_factory=Counter)
    shed: int = 0
    errors: int = 0
    error_examples: list[str] = field(default_factory=list)
    rss_mb: float = 0.0
    peak_rss_mb: float = 0.0

    def answered(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    def summary(self) -> dict[str, Any]:
        total = self.answered() + self.shed + self.errors
        every = [value for values in self.latencies.values() for value in values]
        return {
            "scenario": self.scenario,
            "clients": self.clients,
            "seconds": round(self.seconds, 1),
            "requests": total,
            "answered_per_s": round(self.answered() / self.seconds, 1),
            "p50_ms": _ms(every, 0.50),
            "p95_ms": _ms(every, 0.95),
            "p99_ms": _ms(every, 0.99),
            "shed": self.shed,
            "shed_rate": round(self.shed / total, 3) if total else 0.0,
            "errors": self.errors,
            "error_rate": round(self.errors / total, 4) if total else 0.0,
            "per_endpoint": {
                name: {"answered": len(values), "p50_ms": _ms(values, 0.5), "p95_ms": _ms(values, 0.95)}
                for name, values in sorted(self.latencies.items())
            },
            "statuses": dict(sorted(self.statuses.items())),
            "error_examples": self.error_examples[:5],
            "server_rss_mb": self.rss_mb,
            "server_peak_rss_mb": self.peak_rss_mb,
        }


def _ms(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile in milliseconds: a value that was measured, not one interpolated between two."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(share * len(ordered)) - 1)] * 1000, 1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def kenesh(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())", *args]


def memory_mb(pid: int) -> tuple[float, float]:
    """The process's resident set now and at its peak (VmRSS, VmHWM), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return round(fields["VmRSS"], 1), round(fields["VmHWM"], 1)


class Served:
    """`kenesh serve` on a fresh SQLite archive in `folder`, with an archivist and a researcher token."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = {
            **os.environ,
            "KENESH_DATABASE_URL": f"sqlite:///{folder / 'kenesh.db'}",
            "KENESH_RATE_LIMIT_PER_MINUTE": "0",
            "OPENBLAS_NUM_THREADS": "1",
        }
        self.tokens = {role: self._token(role) for role in ("archivist", "researcher")}
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log = (folder / "serve.log").open("w")
        self.process = subprocess.Popen(
            kenesh("serve", "--port", str(self.port)), env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"kenesh serve exited: {(folder / 'serve.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.base}/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("kenesh serve did not start")
            time.sleep(0.5)

    def _token(self, role: str) -> str:
        made = subprocess.run(kenesh("token", "create", "--role", role), env=self.env, capture_output=True, text=True)
        if made.returncode != 0:
            raise SystemExit(made.stderr)
        return made.stdout.strip()

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def fill_archive(served: Served, corpus: Path) -> list[str]:
    """Upload every corpus document, wait for their jobs; the archive's person surnames."""
    headers = {"Authorization": f"Bearer {served.tokens['archivist']}"}
    files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in sorted(corpus.glob("*.txt"))]
    with httpx.Client(base_url=served.base, headers=headers, timeout=REQUEST_TIMEOUT) as client:
        response = client.post("/v1/documents", files=files)
        response.raise_for_status()
        pending = {item["job_id"] for item in response.json()["data"]}
        deadline = time.monotonic() + JOBS_TIMEOUT
        while pending:
            if time.monotonic() > deadline:
                raise SystemExit(f"{len(pending)} jobs not done in {JOBS_TIMEOUT:.0f} s")
            for job_id in list(pending):
                job = client.get(f"/v1/jobs/{job_id}").json()
                if job["state"] == "failed":
                    raise SystemExit(f"job {job_id} failed: {job['error']}")
                if job["state"] == "done":
                    pending.discard(job_id)
            time.sleep(0.2)
        persons = client.get("/v1/persons", params={"limit": 500}).json()["data"]
    return sorted({person["surname"] for person in persons if person.get("surname")})


class Load:
    """Closed-loop clients: each sends its next request when the last one was answered (or shed and waited)."""

    def __init__(self, base: str, token: str, texts: list[str], surnames: list[str]) -> None:
        self.base = base
        self.headers = {"Authorization": f"Bearer {token}"}
        self.texts = texts
        self.surnames = surnames or ["Иванов"]

    def _request(self, scenario: str, rng: random.Random, n: int) -> tuple[str, str, dict[str, Any]]:
        if scenario == "mixed":
            scenario = "extract" if n % 4 == 0 else "search"
        if scenario == "extract":
            return "extract", "POST", {"url": "/v1/extract", "json": {"text": rng.choice(self.texts)}}
        if n % 2:
            return "persons", "GET", {"url": "/v1/persons", "params": {"q": rng.choice(self.surnames)}}
        return "search", "GET", {"url": "/v1/search", "params": {"q": rng.choice(SEARCH_WORDS)}}

    async def _client(self, http: httpx.AsyncClient, scenario: str, seed: int, until: float, out: Outcome) -> None:
        rng = random.Random(seed)
        n = seed  # clients start at different points of the mix
        while time.monotonic() < until:
            name, method, kwargs = self._request(scenario, rng, n)
            n += 1
            start = time.perf_counter()
            try:
                response = await http.request(method, **kwargs)
            except httpx.HTTPError as exc:  # refused, reset, timed out: the server failed this client
                out.errors += 1
                out.statuses[type(exc).__name__] += 1
                out.error_examples.append(f"{name}: {type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - start
            out.statuses[str(response.status_code)] += 1
            if response.status_code in (429, 503) and "Retry-After" in response.headers:
                out.shed += 1
                wait = float(response.headers["Retry-After"])
                await asyncio.sleep(min(wait, max(0.0, until - time.monotonic())))
            elif response.is_success:
                out.latencies.setdefault(name, []).append(elapsed)
            else:
                out.errors += 1
                out.error_examples.append(f"{name}: {response.status_code} {response.text[:200]}")

    async def run(self, scenario: str, clients: int, seconds: float) -> Outcome:
        out = Outcome(scenario, clients)
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(
            base_url=self.base, headers=self.headers, timeout=REQUEST_TIMEOUT, limits=limits
        ) as http:
            start = time.monotonic()
            until = start + seconds
            await asyncio.gather(*(self._client(http, scenario, seed, until, out) for seed in range(clients)))
            # A request sent just before the end is waited for: the run lasts until the last one is answered.
            out.seconds = time.monotonic() - start
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--clients", type=int, nargs="+", default=[4, 16, 64])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each run")
    parser.add_argument(
        "--scenarios", nargs="+", choices=["extract", "search", "mixed"], default=["extract", "search", "mixed"]
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    texts = [path.read_text(encoding="utf-8") for path in sorted(args.corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt documents in {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="kenesh-load-") as tmp:
        served = Served(Path(tmp))
        try:
            started = memory_mb(served.process.pid)
            surnames = fill_archive(served, args.corpus)
            filled = memory_mb(served.process.pid)
            print(
                f"kenesh serve pid {served.process.pid}: {started[0]} MB at start, {filled[0]} MB with "
                f"{len(texts)} documents archived; {os.cpu_count()} CPUs",
                file=sys.stderr,
            )
            load = Load(served.base, served.tokens["researcher"], texts, surnames)
            results = []
            for scenario in args.scenarios:
                for clients in args.clients:
                    outcome = asyncio.run(load.run(scenario, clients, args.seconds))
                    if not served.alive():
                        raise SystemExit(f"kenesh serve died during {scenario} × {clients}")
                    outcome.rss_mb, outcome.peak_rss_mb = memory_mb(served.process.pid)
                    summary = outcome.summary()
                    results.append(summary)
                    if not args.json:
                        print(_line(summary), flush=True)
        finally:
            served.stop()
        log = (Path(tmp) / "serve.log").read_text()
        tracebacks = log.count("Traceback")
        # The exception line ends each traceback: the distinct ones say what failed.
        lines = log.splitlines()
        failures = Counter(lines[i - 1] for i, line in enumerate(lines) if i and _ends_traceback(lines, i))
    if args.json:
        print(
            json.dumps(
                {"runs": results, "server_tracebacks": tracebacks, "server_failures": dict(failures)},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        print(f"server log: {tracebacks} tracebacks {dict(failures) if failures else ''}")


def _ends_traceback(lines: list[str], i: int) -> bool:
    """Line i - 1 is the exception of a traceback: it is not indented, and line i starts something else."""
    previous = lines[i - 1]
    return bool(previous) and not previous.startswith((" ", "Traceback")) and lines[i - 2].startswith("    ")


def _line(summary: dict[str, Any]) -> str:
    return (
        f"{summary['scenario']:<8} {summary['clients']:>3} clients: {summary['answered_per_s']:>7.1f} req/s answered, "
        f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, p99 {summary['p99_ms']} ms; "
        f"shed {summary['shed']} ({summary['shed_rate']:.1%}), errors {summary['errors']}; "
        f"RSS {summary['server_rss_mb']} MB (peak {summary['server_peak_rss_mb']} MB); {summary['statuses']}"
    )


if __name__ == "__main__":
    main()
