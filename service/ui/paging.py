"""Pages of a long list: which rows a page shows, how many there are, and the links to the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

# Rows a list page shows; the API's limit allows more for programs.
PAGE = 50


@dataclass(frozen=True)
class Pager:
    offset: int
    limit: int
    count: int
    path: str
    query: dict[str, str] = field(default_factory=dict)

    @property
    def first(self) -> int:
        """The 1-based number of the first row shown (0 when there are none)."""
        return min(self.offset + 1, self.count)

    @property
    def last(self) -> int:
        return min(self.offset + self.limit, self.count)

    @property
    def number(self) -> int:
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.limit))

    # The query parameter this list's offset goes in (a page with two lists pages each on its own).
    name: str = "offset"

    def url(self, offset: int) -> str:
        query = {key: value for key, value in self.query.items() if value not in ("", "0")}
        if offset:
            query[self.name] = str(offset)
        if self.limit != PAGE:
            query["limit"] = str(self.limit)
        return f"{self.path}?{urlencode(query)}" if query else self.path

    @property
    def previous(self) -> str | None:
        return self.url(max(0, self.offset - self.limit)) if self.offset > 0 else None

    @property
    def next(self) -> str | None:
        return self.url(self.offset + self.limit) if self.offset + self.limit < self.count else None
