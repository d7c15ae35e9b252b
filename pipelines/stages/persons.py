"""Persons: one entry per person however it is named, name parts in the nominative."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipelines.findings import Findings, PersonFinding, TextSpan


def find_persons(doc: Doc) -> tuple[PersonFinding, ...]:
    by_key: dict[str, PersonFinding] = {}
    for ent in doc.ents:
        if ent.label_ != "PER" or ent._.name is None or not ent._.name.last:
            continue
        fact = ent._.name
        key = fact.last.lower()
        span = TextSpan(ent.start_char, ent.end_char)
        found = by_key.get(key)
        by_key[key] = (
            replace(found, mentions=(*found.mentions, span))
            if found
            else PersonFinding(surname=fact.last, mentions=(span,))
        )
    return tuple(by_key.values())


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, persons=find_persons(doc))
