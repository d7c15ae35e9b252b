"""Load on a real `kenesh serve` over 127.0.0.1: requests/s, latency percentiles, errors and shed requests.

    python benchmarks/load.py [--clients 4 16 64] [--seconds 20] [--scenarios extract search mixed]
                              [--generators httpx wrk] [--json]

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

Then wrk (`apt-get install wrk`; skipped with a note if it is not on PATH) runs the same scenarios on the
same server with as many connections, min(2, connections) threads, through benchmarks/load.lua. wrk in C
takes much less CPU than the Python clients, so its figures check that theirs are the server's. It too
waits as told after a shed request, but its latencies are of every answer, shed ones included: wrk's
Lua cannot time single requests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import shutil
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
from urllib.parse import urlencode

import httpx
from archive import upload_and_wait

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-dev"
HOST = "127.0.0.1"
START_TIMEOUT = 180.0
REQUEST_TIMEOUT = 60.0
WRK_SCRIPT = Path(__file__).with_name("load.lua")
# Enough lines that extraction cycles through the corpus several times and search through its words.
WRK_REQUESTS = 200
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

    def answered(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    def summary(self) -> dict[str, Any]:
        total = self.answered() + self.shed + self.errors
        every = [value for values in self.latencies.values() for value in values]
        return {
            "generator": "httpx",
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
    with httpx.Client(base_url=served.base, headers=headers, timeout=REQUEST_TIMEOUT) as client:
        upload_and_wait(client, sorted(corpus.glob("*.txt")), poll_seconds=0.2)
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

    def request_lines(self, scenario: str) -> list[str]:
        """The scenario's requests as load.lua reads them, `METHOD PATH [JSON]`: wrk sends the same mix."""
        rng = random.Random(0)
        lines = []
        for n in range(WRK_REQUESTS):
            _, method, kwargs = self._request(scenario, rng, n)
            path = kwargs["url"] + (f"?{urlencode(kwargs['params'])}" if "params" in kwargs else "")
            body = f" {json.dumps(kwargs['json'], ensure_ascii=False)}" if "json" in kwargs else ""
            lines.append(f"{method} {path}{body}")
        return lines

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


def run_wrk(
    served: Served, load: Load, scenario: str, connections: int, seconds: float, folder: Path
) -> dict[str, Any]:
    """One wrk run through load.lua; the figures its done() prints, in the shape of Outcome.summary()."""
    requests_file = folder / f"wrk-{scenario}.txt"
    requests_file.write_text("\n".join(load.request_lines(scenario)) + "\n", encoding="utf-8")
    command = [
        "wrk",
        f"--threads={min(2, connections)}",
        f"--connections={connections}",
        f"--duration={max(1, round(seconds))}s",
        f"--timeout={REQUEST_TIMEOUT:.0f}s",
        f"--script={WRK_SCRIPT}",
        served.base,
        "--",
        str(requests_file),
        served.tokens["researcher"],
    ]
    ran = subprocess.run(command, capture_output=True, text=True)
    marked = [line for line in ran.stdout.splitlines() if line.startswith("wrk-json ")]
    if ran.returncode != 0 or not marked:
        raise SystemExit(f"wrk failed ({ran.returncode}): {ran.stderr or ran.stdout}")
    figures = json.loads(marked[-1].removeprefix("wrk-json "))
    seconds_run = figures["duration_us"] / 1e6
    sockets = {name: figures[name] for name in ("connect", "read", "write", "timeout")}
    errors = figures["server_errors"] + figures["other_errors"] + sum(sockets.values())
    total = figures["requests"]
    answered = total - figures["shed"] - figures["server_errors"] - figures["other_errors"]
    return {
        "generator": "wrk",
        "scenario": scenario,
        "clients": connections,
        "threads": min(2, connections),
        "seconds": round(seconds_run, 1),
        "requests": total,
        "requests_per_s": round(total / seconds_run, 1),
        "answered_per_s": round(answered / seconds_run, 1),
        # Of every answer, shed ones included.
        "p50_ms": round(figures["p50_us"] / 1000, 1),
        "p95_ms": round(figures["p95_us"] / 1000, 1),
        "p99_ms": round(figures["p99_us"] / 1000, 1),
        "max_ms": round(figures["max_us"] / 1000, 1),
        "non_2xx_3xx": figures["non_2xx_3xx"],
        "shed": figures["shed"],
        "shed_rate": round(figures["shed"] / total, 3) if total else 0.0,
        "server_errors": figures["server_errors"],
        "other_errors": figures["other_errors"],
        "socket_errors": sockets,
        "errors": errors,
        "error_rate": round(errors / total, 4) if total else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--clients", type=int, nargs="+", default=[4, 16, 64])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each run")
    parser.add_argument(
        "--scenarios", nargs="+", choices=["extract", "search", "mixed"], default=["extract", "search", "mixed"]
    )
    parser.add_argument(
        "--generators", nargs="+", choices=["httpx", "wrk"], default=["httpx", "wrk"], help="who sends the load"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    generators = list(args.generators)
    if "wrk" in generators and shutil.which("wrk") is None:
        print("wrk is not on PATH (apt-get install wrk): the wrk runs are skipped", file=sys.stderr)
        generators.remove("wrk")

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
            for generator in generators:
                for scenario in args.scenarios:
                    for clients in args.clients:
                        if generator == "wrk":
                            summary = run_wrk(served, load, scenario, clients, args.seconds, Path(tmp))
                        else:
                            summary = asyncio.run(load.run(scenario, clients, args.seconds)).summary()
                        if not served.alive():
                            raise SystemExit(f"kenesh serve died during {generator} {scenario} × {clients}")
                        summary["server_rss_mb"], summary["server_peak_rss_mb"] = memory_mb(served.process.pid)
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
        print()
        print(_table(results))


def _ends_traceback(lines: list[str], i: int) -> bool:
    """Line i - 1 is the exception of a traceback: it is not indented, and line i starts something else."""
    previous = lines[i - 1]
    return bool(previous) and not previous.startswith((" ", "Traceback")) and lines[i - 2].startswith("    ")


def _line(summary: dict[str, Any]) -> str:
    if summary["generator"] == "wrk":
        detail = (
            f"{summary['requests_per_s']} req/s in all, {summary['non_2xx_3xx']} non-2xx/3xx, "
            f"5xx {summary['server_errors']}, other {summary['other_errors']}, sockets {summary['socket_errors']}"
        )
    else:
        detail = str(summary["statuses"])
    return (
        f"{summary['generator']:<5} {summary['scenario']:<8} {summary['clients']:>3} clients: "
        f"{summary['answered_per_s']:>7.1f} req/s answered, "
        f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, p99 {summary['p99_ms']} ms; "
        f"shed {summary['shed']} ({summary['shed_rate']:.1%}), errors {summary['errors']}; "
        f"RSS {summary['server_rss_mb']} MB (peak {summary['server_peak_rss_mb']} MB); {detail}"
    )


def _table(results: list[dict[str, Any]]) -> str:
    """Every run in one Markdown table, as in the README: the two generators of a scenario side by side."""
    rows = [
        "| scenario | generator | clients | answered req/s | p50 | p95 | p99 | shed | errors | server RSS |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    order = {name: i for i, name in enumerate(["extract", "search", "mixed"])}
    for run in sorted(results, key=lambda run: (order[run["scenario"]], run["clients"], run["generator"])):
        shed = f"{run['shed_rate']:.0%} ({run['shed']:,})" if run["shed"] else "0"
        rows.append(
            f"| {run['scenario']} | {run['generator']} | {run['clients']} | {run['answered_per_s']:,.1f} "
            f"| {_duration(run['p50_ms'])} | {_duration(run['p95_ms'])} | {_duration(run['p99_ms'])} "
            f"| {shed} | {run['errors']} | {run['server_rss_mb']:.0f} MB |"
        )
    return "\n".join(rows)


def _duration(ms: float | None) -> str:
    if ms is None:
        return "–"
    if ms >= 1000:
        return f"{ms / 1000:.1f} s"
    return f"{ms:.1f} ms" if ms < 10 else f"{ms:.0f} ms"


if __name__ == "__main__":
    main()
