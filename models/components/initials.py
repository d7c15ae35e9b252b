"""`kenesh_initials`: names written with initials («Н.С. Базарбаев», «Омурбекова А.С.») made PER entities.

The NER model misses such names inside long titles or glues them onto an organization
(«… миграции КР Н.С. Базарбаев» as one ORG); their shape is unambiguous, so a token pattern wins.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from models import loading
from models.components.extensions import token_texts

_INITIAL = {"TEXT": {"REGEX": r"^[А-ЯЁA-Z]$"}}
_DOT = {"TEXT": "."}
# Short ALL-CAPS words are abbreviations (КР, МИД), not surnames.
_WORD = {"TEXT": {"REGEX": r"^(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{4,})$"}}

# The patterns, written as spaCy Matcher patterns: `matches` finds what a Matcher of them finds (tested).
INITIALS_FIRST = [[_INITIAL, _DOT, _INITIAL, _DOT, _WORD], [_INITIAL, _DOT, _WORD]]
SURNAME_FIRST = [[_WORD, _INITIAL, _DOT, _INITIAL, _DOT], [_WORD, _INITIAL, _DOT]]

_INITIAL_RE = re.compile(_INITIAL["TEXT"]["REGEX"])
_WORD_RE = re.compile(_WORD["TEXT"]["REGEX"])


def matches(texts: list[str]) -> list[tuple[str, int, int]]:
    """(pattern, start, end) of every match of the patterns above in the token texts, as spaCy's Matcher finds
    them (the same regular expressions, searched the same way), in a scan that looks only at an initial
    followed by a dot: the Matcher tried its regular expressions at every token, 1.4% of the pipeline. Each
    pattern's first «initial .» pair fixes where it starts, so every match is found from that pair."""
    n = len(texts)

    def initial(k: int) -> bool:
        return 0 <= k < n and _INITIAL_RE.search(texts[k]) is not None

    def dot(k: int) -> bool:
        return 0 <= k < n and texts[k] == "."

    def word(k: int) -> bool:
        return 0 <= k < n and _WORD_RE.search(texts[k]) is not None

    found: list[tuple[str, int, int]] = []
    for i in range(n - 1):
        if texts[i + 1] != "." or not initial(i):
            continue
        two = initial(i + 2) and dot(i + 3)
        if two and word(i + 4):
            found.append(("INITIALS_FIRST", i, i + 5))
        if word(i + 2):
            found.append(("INITIALS_FIRST", i, i + 3))
        if word(i - 1):
            if two:
                found.append(("SURNAME_FIRST", i - 1, i + 4))
            found.append(("SURNAME_FIRST", i - 1, i + 2))
    return found


def _could_be_surname(word: str) -> bool:
    """Not a common word of the dictionary: «Заседание И.И.» is no name, «Иванов И.И.» is."""
    morph = loading.morph()
    lower = word.lower()
    if not morph.word_is_known(lower):
        return True
    return any({"Surn", "Name"} & set(map(str, p.tag.grammemes)) for p in loading.parse(lower))


def _opens_line(texts: list[str], start: int) -> bool:
    """The word opens the text or a line (the space token before it holds the line break)."""
    return start == 0 or ("\n" in texts[start - 1] and not texts[start - 1].strip())


def _names_himself(texts: list[str], start: int, end: int) -> bool:
    """The word after the label's initials is its own surname again: «КУАНЫШЕВА Г.М. Куанышева, …»."""
    while end < len(texts) and (texts[end] == "." or _INITIAL_RE.search(texts[end])):
        end += 1
    return end < len(texts) and texts[end].lower() == texts[start].lower()


@Language.component("kenesh_initials", requires=["doc.ents"], assigns=["doc.ents"])
def initials_component(doc: Doc) -> Doc:
    texts = token_texts(doc)
    by_shape: dict[str, list[Span]] = {"INITIALS_FIRST": [], "SURNAME_FIRST": []}
    for label, start, end in matches(texts):
        if _could_be_surname(texts[start] if label == "SURNAME_FIRST" else texts[end - 1]):
            by_shape[label].append(Span(doc, start, end, label="PER"))
    # Prose writes «И.И. Иванов»: where the two shapes overlap, the initials-first reading wins. A stenogram's label
    # shouts the surname before its initials, and the speech after it may open on a name: «ЛЯШЕНКО И.П. Татьяна
    # Алексеевна, а почему …» is Ляшенко's question to Татьяна Алексеевна; the shouted surname keeps its initials.
    # The label opens its line (not «по правам ЛГБТ Х. Хаугли»); not where the speaker names himself: «КУАНЫШЕВА
    # Г.М. Куанышева, член комиссии» reads «Г.М. Куанышева».
    shouted = filter_spans(
        [
            n
            for n in by_shape["SURNAME_FIRST"]
            if texts[n.start].isupper() and _opens_line(texts, n.start) and not _names_himself(texts, n.start, n.end)
        ]
    )
    taken = {i for n in shouted for i in range(n.start, n.end)}
    names = shouted + [n for n in filter_spans(by_shape["INITIALS_FIRST"]) if not taken & set(range(n.start, n.end))]
    taken |= {i for n in names for i in range(n.start, n.end)}
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
