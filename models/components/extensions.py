"""Custom attributes the Kenesh components set on spaCy objects, registered once."""

from __future__ import annotations

from spacy.tokens import Span

_SPAN_ATTRS = {
    "name": None,  # natasha Name fact (first, last, middle) on PER entities
    "date": None,  # natasha Date fact (year, month, day) on doc.spans["dates"]
}


def register_extensions() -> None:
    for attr, default in _SPAN_ATTRS.items():
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=default)
