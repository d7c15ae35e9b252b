"""Custom attributes the Kenesh components set on spaCy objects, registered once."""

from __future__ import annotations

import bisect

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

_SPAN_ATTRS = {
    "name": None,  # natasha Name fact (first, last, middle) on PER entities
    "date": None,  # natasha Date fact (year, month, day) on doc.spans["dates"]
}


def register_extensions() -> None:
    for attr, default in _SPAN_ATTRS.items():
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=default)


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, read from the array of string ids: a loop over the Doc makes a Token
    object for every word, which costs more than what the stages do with most of them."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once: spaCy rebuilds the string from every token on each access, and the
    layout stages read it many times. A Doc's words do not change after the pipeline, so one copy serves."""
    text = doc.user_data.get("kenesh_text")
    if text is None:
        text = doc.user_data["kenesh_text"] = doc.text
    return text


def sentence_of(doc: Doc, i: int) -> Span:
    """`doc[i].sent`, by bisection over the sentence starts found once per Doc: spaCy walks from the token
    to both ends of its sentence on every `.sent`, quadratic when a stage asks it of every name in a
    sentence of thousands of words (30k names in one list)."""
    starts = doc.user_data.get("kenesh_sent_starts")
    if starts is None:
        starts = doc.user_data["kenesh_sent_starts"] = [sent.start for sent in doc.sents]
    k = bisect.bisect_right(starts, i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end]
