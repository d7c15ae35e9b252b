"""Throughput of the full Kenesh pipeline against plain Natasha NER, in one process and one run.

    python benchmarks/throughput.py [--corpus DIR] [--min-chars N] [--json]

Both sides read the same texts (corpus-dev repeated to at least `--min-chars` characters), one
document per call, as the CLI does. Models are loaded and warmed up before the clock starts. The
Kenesh side is also broken down per step (reader, cleaning, every spaCy component, every extraction
stage), so a slowdown can be traced to the step that causes it.

Repeating the corpus keeps the lemma caches of both sides warm after the first round; a long-running
service sees the same, so the figures are those of a warmed-up server, not of a cold CLI call.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable as `python benchmarks/throughput.py` from a checkout
    sys.path.insert(0, str(ROOT))
# As pipelines/nlp.py sets it for the service; it must be set before numpy loads, so here too.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import pipelines.extract as extract_module  # noqa: E402
from models import loading  # noqa: E402
from pipelines.nlp import load_nlp  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-dev"
DEFAULT_MIN_CHARS = 500_000
WARMUP_DOCS = 3

# The step names of the breakdown, in pipeline order; spaCy components are added as they are found.
READ, CLEAN, TOKENIZE, OTHER = "read", "cleaning", "tokenize", "assemble+other"


def peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def load_rounds(corpus: Path, min_chars: int) -> list[list[str]]:
    """The corpus documents, as many rounds of them as it takes to reach `min_chars`."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt documents in {corpus}")
    per_round = sum(map(len, texts))
    return [texts] * -(-min_chars // per_round)  # ceiling division


# ---- Natasha ----------------------------------------------------------------------------------


def natasha_ner(text: str) -> list[tuple[int, int, str, str]]:
    """What a plain Natasha user runs: segment, morph, NER, normalise every span."""
    from natasha import Doc as NatashaDoc

    doc = NatashaDoc(text)
    doc.segment(loading.segmenter())
    doc.tag_morph(loading.morph_tagger())
    doc.tag_ner(loading.ner_tagger())
    vocab = loading.morph_vocab()
    for span in doc.spans:
        span.normalize(vocab)
    return [(s.start, s.stop, s.type, s.normal) for s in doc.spans]


# ---- Kenesh breakdown -------------------------------------------------------------------------

_marks: list[tuple[str, float]] = []


@Language.factory("kenesh_bench_mark", default_config={"label": ""})
def _make_mark(nlp: Language, name: str, label: str) -> Callable[[Doc], Doc]:
    """A no-op pipe that records when the pipe before it finished: spaCy has no timing hook."""

    def mark(doc: Doc) -> Doc:
        _marks.append((label, time.perf_counter()))
        return doc

    return mark


class Breakdown:
    """Seconds spent per step, gathered by wrapping the functions `extract_bytes` calls by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.order: list[str] = [READ, CLEAN, TOKENIZE]

    def _timed(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start

        return wrapper

    def _timed_analyse(self, analyse: Callable[[str], Doc]) -> Callable[[str], Doc]:
        def wrapper(text: str) -> Doc:
            _marks.clear()
            last = time.perf_counter()
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


# ---- the run ----------------------------------------------------------------------------------


class Clock:
    """Wall and CPU seconds of one side; CPU time is the steadier figure on a shared machine."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    @contextmanager
    def running(self) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu

    def row(self, chars: int) -> dict[str, float]:
        return {
            "seconds": round(self.wall, 3),
            "cpu_seconds": round(self.cpu, 3),
            "chars_per_s": round(chars / self.wall),
            "chars_per_cpu_s": round(chars / self.cpu),
        }


def run(corpus: Path, min_chars: int) -> dict[str, Any]:
    rounds = load_rounds(corpus, min_chars)
    chars = sum(len(text) for texts in rounds for text in texts)
    rss_start = peak_rss_mb()

    for text in rounds[0][:WARMUP_DOCS]:
        natasha_ner(text)
    rss_natasha = peak_rss_mb()
    for text in rounds[0][:WARMUP_DOCS]:
        extract_module.extract_bytes(text.encode("utf-8"))

    # Rounds alternate between the two sides, so that load from other processes falls on both alike.
    natasha, kenesh, breakdown = Clock(), Clock(), Breakdown()
    extract_bytes = extract_module.extract_bytes
    with breakdown.installed():
        for texts in rounds:
            payloads = [text.encode("utf-8") for text in texts]
            with natasha.running():
                for text in texts:
                    natasha_ner(text)
            with kenesh.running():
                for data in payloads:
                    extract_bytes(data)

    return {
        "corpus": str(corpus),
        "documents": sum(map(len, rounds)),
        "chars": chars,
        "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "natasha": natasha.row(chars),
        "kenesh": kenesh.row(chars),
        "ratio_kenesh_to_natasha": round(natasha.wall / kenesh.wall, 3),
        "ratio_cpu_kenesh_to_natasha": round(natasha.cpu / kenesh.cpu, 3),
        "peak_rss_mb": {
            "before_models": round(rss_start, 1),
            "natasha_loaded": round(rss_natasha, 1),
            "end": round(peak_rss_mb(), 1),
        },
        "kenesh_breakdown": breakdown.shares(kenesh.wall),
    }


def print_report(result: dict[str, Any]) -> None:
    print(
        f"{result['documents']} documents, {result['chars']:,} chars ({result['corpus']}), "
        f"OPENBLAS_NUM_THREADS={result['openblas_threads']}"
    )
    for side in ("natasha", "kenesh"):
        row = result[side]
        print(
            f"  {side:<8} {row['chars_per_s']:>10,} chars/s  {row['seconds']:>7.2f} s wall"
            f"   ({row['chars_per_cpu_s']:,} chars per CPU s)"
        )
    print(
        f"  ratio kenesh/natasha: {result['ratio_kenesh_to_natasha']:.2f} wall, "
        f"{result['ratio_cpu_kenesh_to_natasha']:.2f} CPU"
    )
    rss = result["peak_rss_mb"]
    print(
        f"  peak RSS: {rss['end']:.0f} MB "
        f"(before models {rss['before_models']:.0f} MB, with natasha's models {rss['natasha_loaded']:.0f} MB)"
    )
    print("kenesh time per step:")
    for label, row in result["kenesh_breakdown"].items():
        print(f"  {label:<22} {row['seconds']:>8.2f} s  {row['share']:>6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt documents")
    parser.add_argument("--min-chars", type=int, default=DEFAULT_MIN_CHARS, help="repeat the corpus to this size")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args(argv)
    result = run(args.corpus, args.min_chars)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
