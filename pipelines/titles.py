"""Job titles by a name: the grammar shared by the positions and speakers stages.

A title is a noun phrase headed by a position noun (lexicon mined from NEREL PROFESSION spans) that
stands right before the name («первый заместитель министра труда … Н.С. Базарбаев») or in apposition
after it («Н.С. Базарбаев, первый заместитель министра»).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from models import lexicons
from pipelines.person_names import fold

# Tokens that end a title when walking away from the name.
_STOP_TEXT = {".", "!", "?", ";", ":", "(", ")", "—", "–", "-", "«»"}
_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "NUM", "DET", "PUNCT", "X", "SYM"}
_TITLE_PREFIXES = ("экс-", "вице-", "и.о.", "зам.")


def _heads() -> frozenset[str]:
    return lexicons.load("position_heads") | lexicons.load("position_heads_extra")


def is_position_head(token: Token) -> bool:
    lemma, text = fold(token.lemma_), fold(token.text)
    if lemma in _heads() or text in _heads():
        return True
    # экс-министр, вице-губернатор, зам.главы: the part after the prefix carries the title.
    return any(text.startswith(p) and len(text) > len(p) + 2 for p in _TITLE_PREFIXES)


def _is_modifier(token: Token) -> bool:
    return fold(token.lemma_) in lexicons.load("position_modifiers") or fold(token.text) in lexicons.load(
        "position_modifiers"
    )


def _comma_inside_title(doc: Doc, i: int) -> bool:
    """«министра труда, социального обеспечения и миграции»: a comma between lower-case words of one name."""
    return 0 < i < len(doc) - 1 and doc[i - 1].is_lower and doc[i + 1].is_lower and doc[i + 1].pos_ in ("ADJ", "NOUN")


def title_before(doc: Doc, name_start: int) -> Span | None:
    """The job title standing right before the name token at `name_start`."""
    sent_start = doc[name_start].sent.start
    i = name_start - 1
    head = None
    while i >= sent_start:
        token = doc[i]
        if token.ent_type_ == "PER" or (token.is_space and "\n" in token.text):
            break
        if token.text in _STOP_TEXT or (token.text == "," and not _comma_inside_title(doc, i)):
            break
        if token.pos_ not in _PHRASE_POS and not token.is_space and not _is_modifier(token):
            break
        if is_position_head(token):
            head = i
        i -= 1
    if head is None:
        return None
    start = head
    while start - 1 > i and (_is_modifier(doc[start - 1]) or doc[start - 1].text in ("-",)):
        start -= 1
    return doc[start:name_start]


def title_after(doc: Doc, name_end: int) -> Span | None:
    """A job title in apposition after the name: «Н.С. Базарбаев, первый заместитель министра …,»."""
    if name_end + 1 >= len(doc) or doc[name_end].text not in (",", "—", "–"):
        return None
    start = name_end + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    i = start
    while i < len(doc) and _is_modifier(doc[i]):
        i += 1
    if i >= len(doc) or not is_position_head(doc[i]):
        return None
    end = i + 1
    while end < len(doc):
        token = doc[end]
        if token.text in _STOP_TEXT or token.ent_type_ == "PER" or (token.is_space and "\n" in token.text):
            break
        if token.text == "," and not _comma_inside_title(doc, end):
            break
        if token.pos_ not in _PHRASE_POS:
            break
        end += 1
    return doc[start:end]


def title_of(name: Span) -> Span | None:
    """The job title standing by a name, before it or in apposition after it."""
    title = title_before(name.doc, name.start) or title_after(name.doc, name.end)
    return title if title is not None and len(title) else None


def title_head(title: Span) -> Token:
    """The position noun a title is built on («заместитель» of «первый заместитель министра»)."""
    return next((t for t in title if is_position_head(t)), title.root)
