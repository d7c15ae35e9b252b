"""A post's tag line: «Теги: Ил Тумэн, санавиация, Арктика» files the post under its words, as hashtags do; the report
does not name a person or a place there."""

from __future__ import annotations

import re
from functools import cache

from models import lexicons


@cache
def _tag_line() -> re.Pattern[str]:
    heads = "|".join(sorted(map(re.escape, lexicons.lines("tag_line_heads")), key=len, reverse=True))
    return re.compile(rf"[ \t]*(?:{heads})[ \t]*:", re.IGNORECASE)


_REACH = 300  # a tag line is short: its words stand this near its start


def in_tag_line(text: str, start: int) -> bool:
    """The character at `start` of `text` is on a line that opens with «Теги:». The line's start is looked for only
    this near (`_REACH`): every mention of a text of one long line must not scan back over the whole of it."""
    reach = max(0, start - _REACH)
    line_start = text.rfind("\n", reach, start) + 1
    if line_start == 0 and reach > 0:
        return False
    return _tag_line().match(text, line_start) is not None
