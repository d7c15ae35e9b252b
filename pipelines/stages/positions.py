"""Positions: the post a person holds and the body they represent, from the job title by the name.

The first organization inside the title (`pipelines/titles.py`) that is not a sub-unit
(департамент, комиссия …) is the body; the words before it are the position.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from models import lexicons
from pipelines.findings import Findings, OrganizationFinding, PersonFinding, TextSpan
from pipelines.normalize import nominative
from pipelines.person_names import fold
from pipelines.titles import title_of

# «министр X» names the ministry «Министерство X».
_BODY_OF_POST = {"министр": "Министерство"}


def _is_subunit(span: Span) -> bool:
    words = {fold(t.lemma_) for t in span[:2]}
    return bool(words & (lexicons.load("org_subunits") | lexicons.load("position_subunits")))


def _canonical(ent: Span, organizations: tuple[OrganizationFinding, ...]) -> str:
    """The organization entry this mention belongs to (same start, no longer than the title), else its own form."""
    for org in organizations:
        for m in org.mentions:
            if m.start == ent.start_char and m.end <= ent.sent.end_char:
                return org.name
    return nominative(ent)


def _is_body(ent: Span) -> bool:
    """An ORG entity that can be the body a person represents: not a sub-unit, not a country code."""
    return not _is_subunit(ent) and fold(ent.text) not in lexicons.load("org_country_codes")


def _organization_at(span: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[int, str] | None:
    """Token index and canonical name of the first body named inside `span`."""
    doc = span.doc
    for ent in doc.ents:
        if ent.label_ == "ORG" and span.start < ent.start < span.end and _is_body(ent):
            return ent.start, _canonical(ent, organizations)
    for org in organizations:
        for m in org.mentions:
            if span.start_char <= m.start < span.end_char:
                inner = doc.char_span(m.start, m.end, alignment_mode="expand")
                if inner is not None and inner.start > span.start and _is_body(inner):
                    return inner.start, org.name
    return None


def _ministry(title: Span) -> tuple[str, str] | None:
    """«заместитель министра труда … КР» → (заместитель министра, Министерство труда … КР)."""
    doc = title.doc
    for token in title:
        body = _BODY_OF_POST.get(fold(token.lemma_))
        nxt = token.i + 1
        if body and nxt < title.end and "Gen" in doc[nxt].morph.get("Case") and doc[nxt].pos_ == "NOUN":
            rest = _trim(doc, nxt, title.end)
            return _as_title(_trim(doc, title.start, nxt)), f"{body} {rest.text}"
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
    ministry = _ministry(title)
    if ministry is not None and (found is None or (doc[found[0] - 1].i >= title.start and ministry[0])):
        ministry_at = next(t.i for t in title if fold(t.lemma_) in _BODY_OF_POST)
        if found is None or ministry_at < found[0]:
            return ministry
    if found is not None:
        org_start, org_name = found
        position = _trim(doc, title.start, org_start)
        if len(position):
            return _as_title(position), org_name
    return _as_title(_trim(doc, title.start, title.end)), None


def _name_tokens(doc: Doc, mention: TextSpan) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def position_of(doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...]) -> PersonFinding:
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        if name is None:
            continue
        title = title_of(name)
        if title is not None and len(title):
            position, organization = split_title(title, organizations)
            if position:
                return replace(person, position=position, organization=organization)
    return person


def run(doc: Doc, findings: Findings) -> Findings:
    persons = tuple(position_of(doc, p, findings.organizations) for p in findings.persons)
    return replace(findings, persons=persons)
