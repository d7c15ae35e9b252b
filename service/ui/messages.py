"""The API's messages in Russian for the pages: errors, job failures, the notes of record versions.

The API speaks English (its clients are programs and their logs); the UI is Russian. The table is
static/messages.json, shared with the browser's scripts (app.js), so both say the same thing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.taxonomy import topics as taxonomy

# `$N` is a group as it is, `{N}` a group translated again (a reason inside a reason).
TABLE = Path(__file__).parent / "static" / "messages.json"
_REFERENCE = re.compile(r"\$(\d+)|\{(\d+)\}")


@dataclass(frozen=True)
class _Table:
    rules: tuple[tuple[re.Pattern[str], str], ...]
    words: dict[str, str]


@cache
def _table() -> _Table:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    rules = tuple((re.compile(item["match"]), item["say"]) for item in data["messages"])
    # Topic ids (in the notes of `set_topics`) are said by their labels.
    return _Table(rules, data["words"] | {topic.id: topic.label for topic in taxonomy()})


def russian(message: str | None) -> str:
    """`message` in Russian: whole, else part by part (parts joined by «; »); what no rule knows stays as it is."""
    if not message:
        return ""
    # Only a rule that has «; » in it reads past one: «failed 3 times; the last: …».
    whole = _rule(message, joined=True)
    if whole is not None:
        return whole
    return "; ".join(_inner(part) for part in message.split("; "))


def _inner(text: str) -> str:
    found = _rule(text)
    if found is not None:
        return found
    words = _table().words
    listed = text.split(", ")
    return ", ".join(words[word] for word in listed) if all(word in words for word in listed) else text


def _rule(text: str, joined: bool = False) -> str | None:
    for pattern, say in _table().rules:
        if joined and "; " not in pattern.pattern:
            continue
        found = pattern.fullmatch(text)
        if found is None:
            continue

        def fill(reference: re.Match[str], found: re.Match[str] = found) -> str:
            if reference.group(1) is not None:
                return found.group(int(reference.group(1))) or ""
            return _inner(found.group(int(reference.group(2))) or "")

        return _REFERENCE.sub(fill, say)
    return None
