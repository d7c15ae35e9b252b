"""Every span of a record as JSON, for the tests that check `text[start:end] == text of the span`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def record_spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every object with a start, an end and a text: mentions and quotes, wherever the record holds them."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from record_spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from record_spans(item)
