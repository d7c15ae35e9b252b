"""Locations: countries, regions and cities in the nominative, each once."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipelines.findings import Findings, LocationFinding, TextSpan
from pipelines.normalize import nominative


def find_locations(doc: Doc) -> tuple[LocationFinding, ...]:
    by_key: dict[str, LocationFinding] = {}
    for ent in doc.ents:
        if ent.label_ != "LOC":
            continue
        name = nominative(ent)
        key = name.lower().replace("ё", "е")
        span = TextSpan(ent.start_char, ent.end_char)
        found = by_key.get(key)
        by_key[key] = (
            replace(found, mentions=(*found.mentions, span)) if found else LocationFinding(name=name, mentions=(span,))
        )
    return tuple(by_key.values())


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, locations=find_locations(doc))
