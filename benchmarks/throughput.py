"""Throughput of `kenesh extract` against plain Natasha NER, whole processes, in one run; and where Kenesh's
time goes.

    python benchmarks/throughput.py [--corpus DIR] [--documents N] [--rounds N] [--no-profile] [--json]

The anchor is what a plain Natasha user runs: segment → morph → NER → names (every span normalised, the
names grammar on every PER span), one process, OPENBLAS_NUM_THREADS=1. Kenesh is the real command with its
defaults, `kenesh extract --out DIR FILES` (one process per core, forked after the models load). Both read
the same files (the first `--documents` texts of nerel-train) and are timed as whole processes, model
loading included, side by side in rounds that alternate (median of `--rounds`), so that load from other
processes falls on both alike. Reported:

- wall time: Natasha's seconds / Kenesh's (the target is at least 1.4);
- CPU time per character, user + sys of every process: Natasha's / Kenesh's (the target is at least 0.75);
- the peak RSS of any one Kenesh process (at most 600 MB);
- the same texts as one document (joined by blank lines): its CPU per character / the files' (at most 1.5);
- a per-step profile of the pipeline in this process: seconds per step (reader, cleaning, each spaCy
  component, each extraction stage) from a pass without a profiler, and cProfile's own time aggregated per
  package or module from a second pass.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable as `python benchmarks/throughput.py` from a checkout
    sys.path.insert(0, str(ROOT))

import models  # noqa: E402, F401, I001  (first: one BLAS thread, as every Kenesh entry point)
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import pipelines.extract as extract_module  # noqa: E402
from pipelines.nlp import load_nlp  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "nerel-train"
DEFAULT_DOCUMENTS = 300
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

# The step names of the breakdown, in pipeline order; spaCy components are added as they are found.
READ, CLEAN, TOKENIZE, OTHER = "read", "cleaning", "tokenize", "assemble+other"
# The collection and freeze between two documents (`pipelines.pool.settle`).
SETTLE = "gc between documents"

# The targets of issue 15.
TARGET_WALL, TARGET_CPU, TARGET_RSS_MB, TARGET_ONE_DOCUMENT = 1.4, 0.75, 600, 1.5


# ---- Natasha, as its own process -------------------------------------------------------------------


def natasha_main(files: list[str]) -> int:
    """`throughput.py --natasha FILE…`: what a plain Natasha user runs, over every file, in this process."""
    from natasha import Doc as NatashaDoc
    from natasha import NamesExtractor, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    from models import loading

    # Natasha's own taggers and names parser, not Kenesh's (whose forward passes and chart parsing
    # `models.slovnet_exec` and `models.chart_parser` make cheaper); the morph vocabulary and the readings of
    # words are Kenesh's caches, as in every earlier run.
    embedding = NewsEmbedding()
    segmenter, morph, ner = Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding)
    vocab = loading.morph_vocab()
    names = loading.with_cached_forms(NamesExtractor(vocab))
    spans = 0
    for path in files:
        doc = NatashaDoc(Path(path).read_text(encoding="utf-8"))
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
            if span.type == "PER":
                span.extract_fact(names)
            spans += 1
    print(spans)
    return 0


# ---- whole processes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProcessRun:
    """One command run to its end: wall seconds, CPU seconds of it and every process it waited for, and the
    peak RSS of the largest of them (the kernel's ru_maxrss of the children is a maximum, not a sum)."""

    wall: float
    cpu: float
    peak_rss_mb: float


# Runs one command in a fresh, light Python process (no models of its own), so that the children's peak RSS
# it reads is that command's (the kernel keeps the largest ru_maxrss of the reaped descendants, not a sum)
# and their CPU time includes every process the command forked and waited for.
_RUSAGE_CHILD = """
import json, resource, subprocess, sys, time
command = json.loads(sys.argv[1])
started = time.perf_counter()
done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
if done.returncode:
    sys.exit(f"{command[:4]} failed ({done.returncode}): {done.stderr[-2000:]}")
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}))
"""


def run_process(command: list[str], env: dict[str, str], cwd: str | None = None) -> ProcessRun:
    out = subprocess.run(
        [sys.executable, "-c", _RUSAGE_CHILD, json.dumps(command)], capture_output=True, text=True, env=env, cwd=cwd
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    return ProcessRun(**json.loads(out.stdout.strip().splitlines()[-1]))


def _env(pythonpath: str = str(ROOT), **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in THREAD_VARIABLES}
    env["PYTHONPATH"] = pythonpath
    return {**env, **extra}


def compile_bytecode(checkout: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "service", "pipelines", "models"], cwd=checkout, check=True
    )


def whole_processes(
    files: list[Path], rounds: int, workdir: Path, kenesh_path: str = str(ROOT), one_document: bool = True
) -> dict[str, Any]:
    chars = sum(len(path.read_text(encoding="utf-8")) for path in files)
    joined = workdir / "one-document.txt"
    joined.write_text("\n\n".join(path.read_text(encoding="utf-8") for path in files), encoding="utf-8")
    one_chars = len(joined.read_text(encoding="utf-8"))
    names = [str(path) for path in files]
    natasha_cmd = [sys.executable, str(Path(__file__).resolve()), "--natasha", *names]
    # The timed checkout's bytecode written first, as `make install` and the image write it: with
    # PYTHONDONTWRITEBYTECODE=1 (this machine, the image) Python never writes .pyc itself, and a checkout without
    # them compiles its ~65 modules at every start (0.5 s of CPU before the fork, wall and CPU both), while
    # Natasha's installed modules have theirs.
    compile_bytecode(kenesh_path)
    kenesh_cmd = [sys.executable, "-m", "service.cli", "extract", "--out", str(workdir / "out")]
    runs: dict[str, list[ProcessRun]] = {"natasha": [], "kenesh": [], "one_document": []}
    # Other processes on the machine stretch wall times (CPU times much less): the load is reported with them.
    load_before = os.getloadavg()[0]
    for _ in range(rounds):
        runs["natasha"].append(run_process(natasha_cmd, _env(OPENBLAS_NUM_THREADS="1")))
        # Run from the checkout timed: `python -m` puts the working directory ahead of PYTHONPATH, so from
        # this checkout `--kenesh-pythonpath` would time this checkout's code.
        runs["kenesh"].append(run_process([*kenesh_cmd, *names], _env(kenesh_path), cwd=kenesh_path))
        if one_document:
            runs["one_document"].append(run_process([*kenesh_cmd, str(joined)], _env(kenesh_path), cwd=kenesh_path))
        else:  # not measured: the files' figures stand in, and the ratio reads 1
            runs["one_document"].append(runs["kenesh"][-1])

    def median(side: str) -> ProcessRun:
        values = runs[side]
        return ProcessRun(
            statistics.median(run.wall for run in values),
            statistics.median(run.cpu for run in values),
            max(run.peak_rss_mb for run in values),
        )

    natasha, kenesh, one = median("natasha"), median("kenesh"), median("one_document")
    return {
        "documents": len(files),
        "chars": chars,
        "one_document_chars": one_chars,
        "cores": len(os.sched_getaffinity(0)),
        "rounds": rounds,
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "natasha": {**asdict(natasha), "chars_per_s": round(chars / natasha.wall)},
        "kenesh": {**asdict(kenesh), "chars_per_s": round(chars / kenesh.wall)},
        "one_document": {**asdict(one), "chars_per_s": round(one_chars / one.wall)},
        "speed_vs_natasha": round(natasha.wall / kenesh.wall, 3),
        "cpu_efficiency_vs_natasha": round((natasha.cpu / chars) / (kenesh.cpu / chars), 3),
        "peak_rss_mb": round(kenesh.peak_rss_mb),
        "one_document_cost_per_char": round((one.cpu / one_chars) / (kenesh.cpu / chars), 3),
    }


# ---- Kenesh breakdown -------------------------------------------------------------------------

_marks: list[tuple[str, float]] = []


@Language.factory("kenesh_bench_mark", default_config={"label": ""})
def _make_mark(nlp: Language, name: str, label: str) -> Callable[[Doc], Doc]:
    """A no-op pipe that records when the pipe before it finished: spaCy has no timing hook."""

    def mark(doc: Doc) -> Doc:
        _marks.append((label, time.process_time()))
        return doc

    return mark


class Breakdown:
    """CPU seconds spent per step (this process runs one thread), gathered by wrapping the functions
    `extract_bytes` calls by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.order: list[str] = [READ, CLEAN, TOKENIZE]

    def _timed(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - start

        return wrapper

    def _timed_analyse(self, analyse: Callable[[str], Doc]) -> Callable[[str], Doc]:
        def wrapper(text: str) -> Doc:
            _marks.clear()
            last = time.process_time()
            doc = analyse(text)
            # Each mark closes the step before it: the first one closes the tokenizer.
            for label, at in _marks:
                self.seconds[label] += at - last
                last = at
            return doc

        return wrapper

    @contextmanager
    def installed(self) -> Iterator[None]:
        nlp = load_nlp()
        pipes = list(nlp.pipe_names)
        if pipes:
            nlp.add_pipe("kenesh_bench_mark", name="bench_after_tokenize", before=pipes[0], config={"label": TOKENIZE})
        for pipe in pipes:
            label = pipe.removeprefix("kenesh_")
            nlp.add_pipe("kenesh_bench_mark", name=f"bench_after_{pipe}", after=pipe, config={"label": label})
            self.order.append(label)

        from pipelines import stages

        timed_stages = tuple((name, self._timed(f"stage:{name}", run)) for name, run in stages.STAGES)
        self.order += [f"stage:{name}" for name, _ in stages.STAGES]
        saved = {
            "read_bytes": extract_module.read_bytes,
            "clean": extract_module.clean,
            "analyse": extract_module.analyse,
            "STAGES": extract_module.STAGES,
        }
        extract_module.read_bytes = self._timed(READ, saved["read_bytes"])
        extract_module.clean = self._timed(CLEAN, saved["clean"])
        extract_module.analyse = self._timed_analyse(saved["analyse"])
        extract_module.STAGES = timed_stages
        try:
            yield
        finally:
            for name, func in saved.items():
                setattr(extract_module, name, func)
            for pipe in [p for p in nlp.pipe_names if p.startswith("bench_after_")]:
                nlp.remove_pipe(pipe)

    def shares(self, total: float) -> dict[str, dict[str, float]]:
        known = sum(self.seconds[label] for label in self.order)
        rows = {label: self.seconds[label] for label in self.order}
        rows[OTHER] = max(total - known, 0.0)
        return {label: {"seconds": round(s, 4), "share": round(s / total, 4)} for label, s in rows.items()}


# ---- per-step profile, in this process ---------------------------------------------------------------


def _owner(filename: str) -> str:
    """The package (site-packages) or Kenesh module a function's own time is counted under."""
    if filename == "~":
        return "builtins (C functions and methods)"
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0].removesuffix(".py")
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return "python" if filename.startswith("<") or "python3" in filename else path.name


def profile(files: list[Path], top: int = 25, own_time: bool = True) -> dict[str, Any]:
    """Seconds per step from a pass without a profiler (cProfile inflates pure-Python code such as yargy's
    chart parser several times more than the numpy-heavy taggers, so its step shares misled), then
    cProfile's own time per package over a second pass."""
    from pipelines.pool import settle, warm_up

    texts = [path.read_bytes() for path in files]
    warm_up()  # as every Kenesh process: models loaded, heap frozen, the collector's thresholds set
    for data in texts[:3]:  # caches warm, as in a forked process
        settle()
        extract_module.extract_bytes(data)
    breakdown = Breakdown()
    breakdown.order.insert(0, SETTLE)
    timed_settle = breakdown._timed(SETTLE, settle)
    started, cpu = time.perf_counter(), time.process_time()
    with breakdown.installed():
        for data in texts:
            timed_settle()  # between documents, as an extracting process does
            extract_module.extract_bytes(data)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    result: dict[str, Any] = {
        "seconds": round(total, 2),
        "cpu_seconds": round(cpu, 2),
        "steps": breakdown.shares(cpu),  # CPU seconds per step: other processes stretch the wall clock
    }
    if not own_time:
        return result
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for data in texts:
        settle()
        extract_module.extract_bytes(data)
    profiler.disable()
    result["seconds_profiled"] = round(time.perf_counter() - started, 2)
    own: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in pstats.Stats(profiler).stats.items():
        own[_owner(filename)] += tottime
    profiled = sum(own.values())
    ranked = sorted(own.items(), key=lambda item: -item[1])[:top]
    result["own_time"] = {name: {"seconds": round(s, 3), "share": round(s / profiled, 4)} for name, s in ranked}
    return result


# ---- the report --------------------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def print_report(result: dict[str, Any]) -> None:
    w = result["whole"]
    print(
        f"{w['documents']} documents, {w['chars']:,} chars ({result['corpus']}), {w['cores']} cores, "
        f"median of {w['rounds']} round(s), whole processes (model loading included), "
        f"load average {w['load_average'][0]} before, {w['load_average'][1]} after"
    )
    for side, label in (("natasha", "Natasha NER"), ("kenesh", "kenesh extract"), ("one_document", "one document")):
        row = w[side]
        print(
            f"  {label:<15} {row['wall']:>7.2f} s wall {row['cpu']:>7.2f} s CPU {row['chars_per_s']:>8,} chars/s"
            f"  peak RSS {row['peak_rss_mb']:>4.0f} MB"
        )
    print(
        f"  speed vs Natasha (wall):       {w['speed_vs_natasha']:.2f}x  target >= {TARGET_WALL}  "
        f"{_verdict(w['speed_vs_natasha'] >= TARGET_WALL)}"
    )
    print(
        f"  CPU per char vs Natasha:       {w['cpu_efficiency_vs_natasha']:.2f}x  target >= {TARGET_CPU}  "
        f"{_verdict(w['cpu_efficiency_vs_natasha'] >= TARGET_CPU)}"
    )
    print(
        f"  peak RSS of one process:       {w['peak_rss_mb']} MB  target <= {TARGET_RSS_MB}  "
        f"{_verdict(w['peak_rss_mb'] <= TARGET_RSS_MB)}"
    )
    print(
        f"  one {w['one_document_chars'] / 1000:.0f} kchar document, cost per char vs the files: "
        f"{w['one_document_cost_per_char']:.2f}x  target <= {TARGET_ONE_DOCUMENT}  "
        f"{_verdict(w['one_document_cost_per_char'] <= TARGET_ONE_DOCUMENT)}"
    )
    if "profile" not in result:
        return
    prof = result["profile"]
    print(
        f"kenesh per step (CPU seconds), one process, caches warm, no profiler ({prof['seconds']:.1f} s wall, "
        f"{prof['cpu_seconds']:.1f} s CPU):"
    )
    for label, row in prof["steps"].items():
        print(f"  {label:<22} {row['seconds']:>8.2f} s  {row['share']:>6.1%}")
    if "own_time" not in prof:
        return
    print(f"own time by package / module (cProfile tottime, a second pass: {prof['seconds_profiled']:.1f} s):")
    for name, row in prof["own_time"].items():
        print(f"  {name:<48} {row['seconds']:>8.2f} s  {row['share']:>6.1%}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--natasha"]:
        return natasha_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt documents")
    parser.add_argument("--documents", type=int, default=DEFAULT_DOCUMENTS, help="the first N texts (by name)")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds of the whole-process runs")
    parser.add_argument("--no-profile", action="store_true", help="skip the per-step profile")
    parser.add_argument("--no-one-document", action="store_true", help="skip the one-document run")
    parser.add_argument("--no-own-time", action="store_true", help="per-step seconds only, no cProfile pass")
    parser.add_argument(
        "--kenesh-pythonpath",
        default=str(ROOT),
        help="PYTHONPATH of the `kenesh extract` runs: another checkout, to compare (default: this one)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt"))[: args.documents]
    if not files:
        raise SystemExit(f"no .txt documents in {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="kenesh-bench-") as workdir:
        whole = whole_processes(
            files, args.rounds, Path(workdir), args.kenesh_pythonpath, one_document=not args.no_one_document
        )
    result: dict[str, Any] = {"corpus": str(args.corpus), "kenesh": args.kenesh_pythonpath, "whole": whole}
    if not args.no_profile:
        result["profile"] = profile(files, own_time=not args.no_own_time)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
