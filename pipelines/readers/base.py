"""What every reader returns, and the interface a reader implements."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import ClassVar, Protocol


@dataclass(frozen=True)
class SourceText:
    """The text a reader got out of a file: every span of the record points into `text`.

    `page_starts[i]` is the offset where page i+1 begins (a plain-text file is one page).
    """

    text: str
    media_type: str
    page_starts: tuple[int, ...] = (0,)
    ocr: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """1-based number of the page holding `offset`."""
        return max(1, bisect.bisect_right(self.page_starts, offset))


class Reader(Protocol):
    """One file format. The registry asks every reader to `score` the bytes and lets the best read them."""

    name: ClassVar[str]
    media_type: ClassVar[str]

    def score(self, data: bytes) -> int:
        """0 when these bytes are not this format; higher is a surer match."""
        ...

    def read(self, data: bytes) -> SourceText: ...
