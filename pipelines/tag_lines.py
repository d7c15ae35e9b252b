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


def in_tag_line(text: str, start: int) -> bool:
    """The character at `start` of `text` is on a line that opens with «Теги:»."""
    line_start = text.rfind("\n", 0, start) + 1
    return _tag_line().match(text, line_start) is not None
