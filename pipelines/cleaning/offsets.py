"""Cleaned text that remembers, for every character, which span of the original it came from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipelines.deadline import check_deadline

Replacement = str | Callable[[re.Match[str]], str]

# Matches between two checks of the document's time limit.
_CHECK_EVERY = 4096


@dataclass(frozen=True)
class CleanText:
    """`text` is what the NLP reads; `source` is what the user gave. Spans map back with `to_source`."""

    text: str
    source: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def identity(cls, source: str) -> CleanText:
        n = len(source)
        return cls(source, source, tuple(range(n)), tuple(range(1, n + 1)))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The span of `source` that the clean span [start, end) was made from."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]

    def source_text(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_source(start, end)
        return s, e, self.source[s:e]

    def substitute(self, pattern: re.Pattern[str], replacement: Replacement, step: str = "cleaning") -> CleanText:
        """Apply one rewrite to `text`, carrying the offset map through it."""
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for count, match in enumerate(pattern.finditer(self.text), 1):
            if count % _CHECK_EVERY == 0:
                check_deadline(step)
            new = replacement(match) if callable(replacement) else match.expand(replacement)
            old_start, old_end = match.span()
            if new == match.group(0):
                continue
            pieces.append(self.text[last:old_start])
            starts.extend(self.starts[last:old_start])
            ends.extend(self.ends[last:old_start])
            if len(new) == old_end - old_start:
                starts.extend(self.starts[old_start:old_end])
                ends.extend(self.ends[old_start:old_end])
            elif new:
                # A rewrite that changes length maps every new character to the whole old span.
                src_start = self.starts[old_start] if old_start < len(self.text) else len(self.source)
                src_end = self.ends[old_end - 1] if old_end > old_start else src_start
                starts.extend([src_start] * len(new))
                ends.extend([src_end] * len(new))
            pieces.append(new)
            last = old_end
        if not pieces:
            return self
        pieces.append(self.text[last:])
        starts.extend(self.starts[last:])
        ends.extend(self.ends[last:])
        return CleanText("".join(pieces), self.source, tuple(starts), tuple(ends))
