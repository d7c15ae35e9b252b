"""Hostile texts (corpus/hostile/texts.py) through `kenesh extract`, one process each: time, peak memory, outcome.

    python benchmarks/hostile_text.py [--seconds 10] [--kill-after 120] [--memory-cap-gb 6] [--only NAME] [--json]

Every text is written to a temporary file and run as `kenesh extract FILE` (this checkout's code) in a
child process with `KENESH_DOCUMENT_SECONDS` set. The child's peak RSS is RUSAGE_CHILDREN's maximum in
an interpreter that runs only that child, so each figure is that one process's. A child still running
after `--kill-after` seconds is killed, and its address space is capped at `--memory-cap-gb` (a runaway
allocation becomes a MemoryError, not a machine out of memory). The goal (issue 14): every text ends
within the limit plus a few seconds, with a record or one error line, under 1.5 GB. A short meeting text
runs first: its time, the process's start and the models' loading, is part of every other figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.hostile.build import MEETING  # noqa: E402
from corpus.hostile.texts import TEXTS, HostileText  # noqa: E402

# A short meeting text, run first: its time is the process's start and the models' loading, which every
# other figure includes (on a loaded machine, many seconds).
BASELINE = HostileText("baseline", "a short meeting text", lambda _size: MEETING, 1, 1)

GOAL_MB = 1536


@dataclass
class Outcome:
    name: str
    chars: int
    seconds: float
    peak_mb: float
    exit: int | str
    answer: str  # "record: N persons, M organizations" or the one error line


def _cap(memory_bytes: int):
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    return limit


def run(text: HostileText, seconds: float, kill_after: float, cap_gb: float, root: Path) -> Outcome:
    body = text.make(text.size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{text.name}.txt"
        path.write_text(body, encoding="utf-8")
        env = {**os.environ, "KENESH_DOCUMENT_SECONDS": f"{seconds:g}", "PYTHONPATH": str(root)}
        command = [sys.executable, "-c", "from service.cli import main; raise SystemExit(main())", "extract", str(path)]
        started = time.monotonic()
        child = subprocess.Popen(
            command,
            env=env,
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=_cap(int(cap_gb * 2**30)),
        )
        # communicate() drains both pipes; a child still running at the deadline is killed, then drained.
        try:
            out, err = child.communicate(timeout=kill_after)
            killed = False
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            out, err = child.communicate()
            killed = True
        elapsed = time.monotonic() - started
        # communicate() reaped the child; its rusage is in RUSAGE_CHILDREN as a running maximum, so each
        # text runs in its own interpreter (see main) to keep the figure per text.
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if killed:
        return Outcome(text.name, len(body), elapsed, peak, "killed", f"still running after {kill_after:g} s")
    lines = [line for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
    if child.returncode == 0:
        record = json.loads(out)
        answer = f"record: {len(record['persons'])} persons, {len(record['organizations'])} organizations"
    elif len(lines) == 1:
        answer = lines[0].split(": ", 2)[-1]
    else:
        answer = f"{len(lines)} lines of stderr, the last: {lines[-1] if lines else ''}"
    return Outcome(text.name, len(body), elapsed, peak, child.returncode, answer)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="KENESH_DOCUMENT_SECONDS")
    parser.add_argument("--kill-after", type=float, default=120.0)
    parser.add_argument("--memory-cap-gb", type=float, default=6.0)
    parser.add_argument("--only", action="append", help="run only these texts (by name)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code runs (default: this one)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one text in this process, print JSON
    args = parser.parse_args()
    if args.one:
        text = next(t for t in (BASELINE, *TEXTS) if t.name == args.one)
        print(json.dumps(asdict(run(text, args.seconds, args.kill_after, args.memory_cap_gb, args.root))))
        return 0
    outcomes: list[Outcome] = []
    names = ["baseline", *(args.only or [t.name for t in TEXTS])]
    for name in names:
        # One interpreter per text: RUSAGE_CHILDREN's maximum is over every child a process ever had.
        command = [sys.executable, __file__, "--one", name, "--seconds", str(args.seconds)]
        command += ["--kill-after", str(args.kill_after), "--memory-cap-gb", str(args.memory_cap_gb)]
        command += ["--root", str(args.root)]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        outcome = Outcome(**json.loads(result.stdout))
        outcomes.append(outcome)
        if not args.json:
            print(
                f"{outcome.name:<14} {outcome.chars:>9,} chars {outcome.seconds:7.1f} s {outcome.peak_mb:7.0f} MB"
                f"  exit {outcome.exit}: {outcome.answer}",
                flush=True,
            )
    if args.json:
        print(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1))
    start_up = outcomes[0].seconds
    within = all(
        o.exit != "killed"
        and o.seconds <= start_up + args.seconds + 5
        and o.peak_mb <= GOAL_MB
        and "stderr" not in o.answer
        for o in outcomes
    )
    if not args.json:
        verdict = "goal met" if within else "goal NOT met"
        print(f"{verdict}: each within the baseline + {args.seconds:g} + 5 s, one line or a record, ≤ 1.5 GB")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
