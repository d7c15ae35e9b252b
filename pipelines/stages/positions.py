"""Positions: the post a person holds and the body they represent, from the words around the name.

A job title is a noun phrase headed by a position noun (lexicon mined from NEREL) that stands right
before the name («первый заместитель министра труда … Н.С. Базарбаев») or in apposition after it
(«Н.С. Базарбаев, первый заместитель министра»). The first organization inside the phrase that is
not a sub-unit (департамент, комиссия …) is the body; the words before it are the position.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from models import lexicons
from pipelines.findings import Findings, OrganizationFinding, PersonFinding, TextSpan
from pipelines.normalize import nominative
from pipelines.person_names import fold

# Tokens that end a title when walking away from the name.
_STOP_TEXT = {".", "!", "?", ";", ":", "(", ")", "—", "–", "-", "«»"}
_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "NUM", "DET", "PUNCT", "X", "SYM"}
_TITLE_PREFIXES = ("экс-", "вице-", "и.о.", "зам.")
# «министр X» names the ministry «Министерство X».
_BODY_OF_POST = {"министр": "Министерство"}


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


def _is_subunit(span: Span) -> bool:
    words = {fold(t.lemma_) for t in span[:2]}
    return bool(words & (lexicons.load("org_subunits") | lexicons.load("position_subunits")))


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


def _organization_at(span: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[int, str] | None:
    """Token index and canonical name of the first body named inside `span` that is not a sub-unit."""
    doc = span.doc
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.start < span.start or ent.start >= span.end or _is_subunit(ent):
            continue
        for org in organizations:
            if any(m.start <= ent.start_char < m.end for m in org.mentions):
                return ent.start, org.name
        return ent.start, nominative(ent)
    for org in organizations:
        for m in org.mentions:
            if span.start_char <= m.start < span.end_char:
                inner = doc.char_span(m.start, m.end, alignment_mode="expand")
                if inner is not None and not _is_subunit(inner) and inner.start > span.start:
                    return inner.start, org.name
    return None


def _trim(doc: Doc, start: int, end: int) -> Span:
    while end > start and (doc[end - 1].pos_ in ("ADP", "CCONJ", "PUNCT") or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _as_title(span: Span) -> str:
    text = nominative(span)
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def split_title(title: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[str, str | None]:
    """(position, organization) of a job title; the organization is None when the title names none."""
    doc = title.doc
    found = _organization_at(title, organizations)
    if found is not None:
        org_start, org_name = found
        position = _trim(doc, title.start, org_start)
        if len(position):
            return _as_title(position), org_name
    for token in title:
        body = _BODY_OF_POST.get(fold(token.lemma_))
        nxt = token.i + 1
        if body and nxt < title.end and "Gen" in doc[nxt].morph.get("Case") and doc[nxt].pos_ == "NOUN":
            rest = _trim(doc, nxt, title.end)
            return _as_title(_trim(doc, title.start, nxt)), f"{body} {rest.text}"
    return _as_title(_trim(doc, title.start, title.end)), None


def _name_tokens(doc: Doc, mention: TextSpan) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def position_of(doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...]) -> PersonFinding:
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        if name is None:
            continue
        title = title_before(doc, name.start) or title_after(doc, name.end)
        if title is not None and len(title):
            position, organization = split_title(title, organizations)
            if position:
                return replace(person, position=position, organization=organization)
    return person


def run(doc: Doc, findings: Findings) -> Findings:
    persons = tuple(position_of(doc, p, findings.organizations) for p in findings.persons)
    return replace(findings, persons=persons)
