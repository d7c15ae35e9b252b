"""Straight double quotes as guillemets, nesting read: «Закон "О бюджете"» pairs however the text typed it.

Sites of Central Asia and news agencies type titles with ASCII quotes and nest them the same way: `проект закона
"О внесении изменений в Закон "О местном самоуправлении""`, often with one quote closing both
(`… самоуправления" был принят`). Read pairwise, the second quote closes the first and the title is cut at
«в Закон». Here the quotes of each line are read together: a quote after a space (or a bracket, a dash, the line's
start) and before a word opens, one after a word closes, and one that closes an inner quote where no other closing
quote follows on the line closes the outer one too. Every quote becomes a guillemet in place (one that closes two
becomes two), so offsets map back character by character.
"""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTE = '"'
# What may stand before an opening quote, besides a space: the line's start, a bracket, a dash, a slash, a colon.
_BEFORE_OPENING = frozenset(" \t\n([{—–-/:«")
# What may follow a closing quote, besides a space: punctuation and the line's end.
_AFTER_CLOSING = frozenset(" \t\n.,;:!?)]}…—–-»" + _QUOTE)
PATTERN = re.compile(_QUOTE)


def _kind(text: str, i: int) -> str | None:
    """«open», «close» or None (a quote between two spaces or two words, an inch mark: left as typed)."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before in _BEFORE_OPENING and after not in _AFTER_CLOSING:
        return "open"
    if before not in _BEFORE_OPENING and after in _AFTER_CLOSING:
        return "close"
    return None


@lru_cache(maxsize=1)  # the rule asks once per quote, of the same text
def plan(text: str) -> dict[int, str]:
    """Each straight quote's offset → its guillemet(s); quotes left as typed are not listed."""
    quotes = [(m.start(), _kind(text, m.start())) for m in PATTERN.finditer(text)]
    # The next quote that opens or closes, after each one: read once backwards, so the plan stays linear.
    following: list[tuple[int, str | None] | None] = [None] * len(quotes)
    upcoming: tuple[int, str | None] | None = None
    for k in range(len(quotes) - 1, -1, -1):
        following[k] = upcoming
        if quotes[k][1] is not None:
            upcoming = quotes[k]
    chosen: dict[int, str] = {}
    opened: list[int] = []  # the line's quotes opened and not yet closed
    line_end = -1
    for k, (i, kind) in enumerate(quotes):
        if i > line_end:
            opened, line_end = [], _line_end(text, i)  # a quote left open at a line's end stays as typed
        if kind == "open":
            opened.append(i)
        elif kind == "close" and opened:
            later = following[k] if following[k] is not None and following[k][0] <= line_end else None
            closes_outer = len(opened) >= 2 and (later is None or later[1] == "open") and text[i + 1 : i + 2] != _QUOTE
            for _ in range(2 if closes_outer else 1):
                chosen[opened.pop()] = "«"
            chosen[i] = "»»" if closes_outer else "»"
    return chosen


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def guillemet(match: re.Match[str]) -> str:
    return plan(match.string).get(match.start(), match.group())
