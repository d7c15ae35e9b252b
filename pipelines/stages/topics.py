"""Topics: what the meeting was about, as 1–4 ids of the taxonomy with scores (see `models/classifiers/topics.py`)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from models.classifiers.topics import classifier
from pipelines.findings import Findings, TopicFinding

# Function words and numbers say nothing about the subject; proper names do (ООН, ЕАЭС, МЧС).
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


def content_lemmas(doc: Doc) -> list[str]:
    return [_lemma(t) for t in doc if t.pos_ in _CONTENT_POS and any(ch.isalpha() for ch in t.text)]


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower().replace("ё", "е")


def run(doc: Doc, findings: Findings) -> Findings:
    topics = tuple(TopicFinding(t.id, t.label, t.score) for t in classifier().classify(content_lemmas(doc)))
    return replace(findings, topics=topics)
