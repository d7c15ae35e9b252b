"""`kenesh_initials`: names written with initials («Н.С. Базарбаев», «Омурбекова А.С.») made PER entities.

The NER model misses such names inside long titles or glues them onto an organization
(«… миграции КР Н.С. Базарбаев» as one ORG); their shape is unambiguous, so a token pattern wins.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from models import loading

_INITIAL = {"TEXT": {"REGEX": r"^[А-ЯЁA-Z]$"}}
_DOT = {"TEXT": "."}
# Short ALL-CAPS words are abbreviations (КР, МИД), not surnames.
_WORD = {"TEXT": {"REGEX": r"^(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{4,})$"}}

INITIALS_FIRST = [[_INITIAL, _DOT, _INITIAL, _DOT, _WORD], [_INITIAL, _DOT, _WORD]]
SURNAME_FIRST = [[_WORD, _INITIAL, _DOT, _INITIAL, _DOT], [_WORD, _INITIAL, _DOT]]


@cache
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("INITIALS_FIRST", INITIALS_FIRST)
    matcher.add("SURNAME_FIRST", SURNAME_FIRST)
    return matcher


def _could_be_surname(word: str) -> bool:
    """Not a common word of the dictionary: «Заседание И.И.» is no name, «Иванов И.И.» is."""
    morph = loading.morph()
    lower = word.lower()
    if not morph.word_is_known(lower):
        return True
    return any({"Surn", "Name"} & set(map(str, p.tag.grammemes)) for p in loading.parse(lower))


@Language.component("kenesh_initials", requires=["doc.ents"], assigns=["doc.ents"])
def initials_component(doc: Doc) -> Doc:
    matcher = _matcher(doc.vocab)
    by_shape: dict[str, list[Span]] = {"INITIALS_FIRST": [], "SURNAME_FIRST": []}
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        word = doc[start] if label == "SURNAME_FIRST" else doc[end - 1]
        if _could_be_surname(word.text):
            by_shape[label].append(Span(doc, start, end, label="PER"))
    # Prose writes «И.И. Иванов»: where the two shapes overlap, the initials-first reading wins.
    names = filter_spans(by_shape["INITIALS_FIRST"])
    taken = {i for n in names for i in range(n.start, n.end)}
    names += [n for n in filter_spans(by_shape["SURNAME_FIRST"]) if not taken & set(range(n.start, n.end))]
    # Token → the entity or name over it (each set of spans is without overlaps): the tests below look
    # tokens up rather than compare every name with every entity, quadratic in a list of 30k names.
    ents = doc.ents
    person_at = {i: k for k, e in enumerate(ents) if e.label_ == "PER" for i in range(e.start, e.end)}
    # A name the NER already reads whole («Ж.-К. Трише») stays as it is.
    names = [n for n in names if n.start not in person_at or person_at[n.start] != person_at.get(n.end - 1)]
    if not names:
        return doc
    name_at = {i: k for k, n in enumerate(names) for i in range(n.start, n.end)}
    kept: list[Span] = list(names)
    for ent in ents:
        overlapping = {name_at[i] for i in range(ent.start, ent.end) if i in name_at}
        if not overlapping:
            kept.append(ent)
        elif ent.label_ != "PER" and ent.start < names[min(overlapping)].start:
            # Keep the organization the name was glued to: «… миграции КР» of «… миграции КР Н.С. Базарбаев».
            kept.append(Span(doc, ent.start, names[min(overlapping)].start, label=ent.label_))
    doc.ents = filter_spans(kept)
    return doc
