"""Custom attributes the Kenesh components set on spaCy objects, registered once (`span._.name`, worked out when
read, is registered with its getter in `models.components.natasha`)."""

from __future__ import annotations

import bisect

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

_SPAN_ATTRS = {
    "date": None,  # natasha Date fact (year, month, day) on the spans of `models.components.natasha.dates`
}


def register_extensions() -> None:
    for attr, default in _SPAN_ATTRS.items():
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=default)


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, read from the array of string ids: a loop over the Doc makes a Token
    object for every word, which costs more than what the stages do with most of them."""
    # The same list as `pipelines.doc_views.token_strings(doc, ORTH)`, kept under its key: a Doc's words do not
    # change after the pipeline, and several stages read them. Callers read it, never change it.
    texts = doc.user_data.get("kenesh_strings_orth")
    if texts is None:
        strings = doc.vocab.strings
        texts = doc.user_data["kenesh_strings_orth"] = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    return texts


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once: spaCy makes every entity's Span anew on each read, and the stages and the
    grammars read them several times per Doc. A Doc's entities do not change after the pipeline."""
    found = doc.user_data.get("kenesh_ents")
    if found is None:
        found = doc.user_data["kenesh_ents"] = doc.ents
    return found


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
    sentence of thousands of words (30k names in one list). Each sentence's Span is made once per Doc too."""
    starts, sents = _sentences(doc)
    return sents[bisect.bisect_right(starts, i) - 1]


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`, made once per Doc and shared with `sentence_of`."""
    return _sentences(doc)[1]


def _sentences(doc: Doc) -> tuple[list[int], list[Span]]:
    found = doc.user_data.get("kenesh_sentences")
    if found is None:
        sents = list(doc.sents)
        found = doc.user_data["kenesh_sentences"] = ([sent.start for sent in sents], sents)
    return found
