"""The NLP spine: one spaCy pipeline of Natasha components, built from config and loaded once."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import models.components  # noqa: F401  (registers the kenesh_* factories)
from pipelines.deadline import check_deadline

CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "kenesh_natasha_tokenizer"}}}
PIPELINE = ("kenesh_morph", "kenesh_syntax", "kenesh_ner", "kenesh_initials", "kenesh_names", "kenesh_dates")


@cache
def load_nlp() -> Language:
    """The shared pipeline; models load on the first document, once per process."""
    nlp = spacy.blank("ru", config=CONFIG)
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


def analyse(text: str) -> Doc:
    """`nlp(text)`, with the document's time limit checked between components: a long text spends minutes
    in the taggers, and a check only after all of them let it run far past KENESH_DOCUMENT_SECONDS."""
    nlp = load_nlp()
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        check_deadline(f"nlp {name}")
        doc = component(doc)
    return doc
