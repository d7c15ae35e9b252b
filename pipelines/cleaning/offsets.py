"""Cleaned text that remembers, for every character, which span of the original it came from.

The map is kept as runs, not per character: a run is a stretch of clean characters that either came from
the source one to one (a stretch the rewrites left alone) or all from one span of it (a rewrite that changed
the length). A rewrite then costs its matches plus the runs it crosses, not the whole text again: the
fifteen rules of `noise` each rebuilt two tuples of every character's offsets before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from pipelines.deadline import check_deadline

Replacement = str | Callable[[re.Match[str]], str]

# Matches between two checks of the document's time limit.
_CHECK_EVERY = 4096


class Run(NamedTuple):
    """Clean characters from `at` up to the next run's `at` (or the text's end)."""

    at: int
    start: int
    # None: the characters map one to one, the i-th of the run to [start + i, start + i + 1); a number: every
    # character maps to the whole span [start, end).
    end: int | None


class _RunWriter:
    """The runs of a rewritten text, appended left to right; a run that continues the last one joins it."""

    def __init__(self) -> None:
        self.runs: list[Run] = []

    def add(self, at: int, start: int, end: int | None) -> None:
        if self.runs:
            last = self.runs[-1]
            if end is None and last.end is None and last.start + (at - last.at) == start:
                return
            if end is not None and last.end == end and last.start == start:
                return
        self.runs.append(Run(at, start, end))


class _RunReader:
    """The runs of the text a rewrite reads, walked left to right (a rewrite's matches come in order)."""

    def __init__(self, runs: tuple[Run, ...], size: int) -> None:
        self.runs = runs
        self.size = size
        self.k = 0  # the run holding the last position asked for

    def _run_at(self, i: int) -> int:
        runs, k = self.runs, self.k
        while k + 1 < len(runs) and runs[k + 1].at <= i:
            k += 1
        self.k = k
        return k

    def span_of(self, i: int) -> tuple[int, int]:
        """The source span of clean character `i`."""
        run = self.runs[self._run_at(i)]
        if run.end is None:
            start = run.start + (i - run.at)
            return start, start + 1
        return run.start, run.end

    def copy(self, lo: int, hi: int, to: int, writer: _RunWriter) -> None:
        """Write the map of clean characters [lo, hi) as the map of new characters from `to` on."""
        if lo >= hi:
            return
        runs = self.runs
        k = self._run_at(lo)
        while True:
            run = runs[k]
            first = max(lo, run.at)
            start = run.start + (first - run.at) if run.end is None else run.start
            writer.add(to + (first - lo), start, run.end)
            if k + 1 >= len(runs) or runs[k + 1].at >= hi:
                break
            k += 1
        self.k = k


@dataclass(frozen=True)
class CleanText:
    """`text` is what the NLP reads; `source` is what the user gave. Spans map back with `to_source`."""

    text: str
    source: str
    runs: tuple[Run, ...]

    @classmethod
    def identity(cls, source: str) -> CleanText:
        return cls(source, source, (Run(0, 0, None),) if source else ())

    def _span_of(self, i: int) -> tuple[int, int]:
        run = self.runs[bisect.bisect_right(self.runs, i, key=lambda r: r.at) - 1]
        if run.end is None:
            start = run.start + (i - run.at)
            return start, start + 1
        return run.start, run.end

    @property
    def starts(self) -> tuple[int, ...]:
        """Every clean character's first source offset (a tuple as long as the text: for tests and tools)."""
        return tuple(self._span_of(i)[0] for i in range(len(self.text)))

    @property
    def ends(self) -> tuple[int, ...]:
        """Every clean character's source end offset."""
        return tuple(self._span_of(i)[1] for i in range(len(self.text)))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The span of `source` that the clean span [start, end) was made from."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self._span_of(start)[0], self._span_of(end - 1)[1]

    def source_text(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_source(start, end)
        return s, e, self.source[s:e]

    def substitute(self, pattern: re.Pattern[str], replacement: Replacement, step: str = "cleaning") -> CleanText:
        """Apply one rewrite to `text`, carrying the offset map through it."""
        text = self.text
        old = _RunReader(self.runs, len(text))
        new = _RunWriter()
        pieces: list[str] = []
        last = 0  # where the text not yet copied starts
        size = 0  # the length of the new text so far
        for count, match in enumerate(pattern.finditer(text), 1):
            if count % _CHECK_EVERY == 0:
                check_deadline(step)
            replaced = replacement(match) if callable(replacement) else match.expand(replacement)
            old_start, old_end = match.span()
            if replaced == match.group(0):
                continue
            old.copy(last, old_start, size, new)
            pieces.append(text[last:old_start])
            size += old_start - last
            if len(replaced) == old_end - old_start:
                old.copy(old_start, old_end, size, new)
            elif replaced:
                # A rewrite that changes length maps every new character to the whole old span.
                src_start = old.span_of(old_start)[0] if old_start < len(text) else len(self.source)
                src_end = old.span_of(old_end - 1)[1] if old_end > old_start else src_start
                new.add(size, src_start, src_end)
            pieces.append(replaced)
            size += len(replaced)
            last = old_end
        if not pieces:
            return self
        old.copy(last, len(text), size, new)
        pieces.append(text[last:])
        return CleanText("".join(pieces), self.source, tuple(new.runs))
