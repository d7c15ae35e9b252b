"""The NLP spine: one spaCy pipeline of Natasha components, built from config and loaded once."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import models.components  # noqa: F401  (registers the kenesh_* factories)
from models import loading
from models.components import doc_slices
from pipelines.deadline import check_deadline
from pipelines.errors import LimitExceeded
from pipelines.limits import MAX_INPUT_BYTES

CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "kenesh_natasha_tokenizer"}}}
PIPELINE = ("kenesh_morph", "kenesh_syntax", "kenesh_ner", "kenesh_initials")


@cache
def load_nlp() -> Language:
    """The shared pipeline; models load on the first document, once per process."""
    doc_slices.install()
    nlp = spacy.blank("ru", config=CONFIG)
    for name in PIPELINE:
        nlp.add_pipe(name)
    # spaCy refuses texts over 1M characters (E088) because its own parser and NER need about 1 GB per
    # 100k characters. Ours read windows and sections of bounded length, so memory grows linearly and
    # time is bounded by the document's limit: any text of an accepted file (one byte or more per
    # character) is processed.
    nlp.max_length = MAX_INPUT_BYTES
    return nlp


def load_models() -> None:
    """Every model of the pipeline, loaded now (once per process) rather than on the first document: their
    loading, seconds on a busy machine, is not the document's and must not count against its time limit."""
    load_nlp()
    for model in (
        loading.segmenter,
        loading.morph_tagger,
        loading.syntax_parser,
        loading.ner_tagger,
        loading.taggers_share_ids,
        loading.names_extractor,
        loading.dates_extractor,
        loading.morph,
    ):
        model()


def analyse(text: str) -> Doc:
    """`nlp(text)`, with the document's time limit checked between components: a long text spends minutes
    in the taggers, and a check only after all of them let it run far past KENESH_DOCUMENT_SECONDS."""
    nlp = load_nlp()
    if len(text) > nlp.max_length:  # a packed format (DOCX, PDF) can hold more characters than bytes
        raise LimitExceeded(f"the text has {len(text):,} characters, the limit is {nlp.max_length:,}")
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        check_deadline(f"nlp {name}")
        doc = component(doc)
    return doc
