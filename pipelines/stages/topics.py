"""Topics: what the meeting was about, as 1–4 ids of the taxonomy with scores (see `models/classifiers/topics.py`)."""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from models.classifiers.topics import classifier
from pipelines.findings import Findings, TopicFinding

# Function words and numbers say nothing about the subject; proper names do (ООН, ЕАЭС, МЧС).
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_CONTENT_POS_IDS = frozenset(POS_IDS[pos] for pos in _CONTENT_POS)


# Set phrases whose noun means something else than on its own: «муниципальное образование» is a municipality
# (governance), not schooling. (modifier lemma, noun lemma) → the lemma the pair counts as.
_SET_PHRASES = {("муниципальный", "образование"): "муниципалитет"}


def content_lemmas(doc: Doc) -> list[str]:
    """The lemma (else the lower-cased word) of every content word, ё folded; a set phrase's noun is
    replaced by what the phrase means.

    Read from arrays of string ids: a Token object for every word cost more than the lookups.
    """
    strings = doc.vocab.strings
    lemmas = [
        (strings[lemma] or strings[lower]).lower().replace("ё", "е")
        for pos, lemma, lower, orth in doc.to_array([POS, LEMMA, LOWER, ORTH]).tolist()
        if pos in _CONTENT_POS_IDS and any(ch.isalpha() for ch in strings[orth])
    ]
    for i in range(1, len(lemmas)):
        meaning = _SET_PHRASES.get((lemmas[i - 1], lemmas[i]))
        if meaning is not None:
            lemmas[i] = meaning
    return lemmas


def run(doc: Doc, findings: Findings) -> Findings:
    topics = tuple(TopicFinding(t.id, t.label, t.score) for t in classifier().classify(content_lemmas(doc)))
    return replace(findings, topics=topics)
