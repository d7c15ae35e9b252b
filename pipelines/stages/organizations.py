"""Organizations: NER ORG spans in the nominative, one entry per body."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipelines.findings import Findings, OrganizationFinding, TextSpan
from pipelines.normalize import nominative


def find_organizations(doc: Doc) -> tuple[OrganizationFinding, ...]:
    by_key: dict[str, OrganizationFinding] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        name = nominative(ent)
        key = name.lower().replace("ё", "е")
        span = TextSpan(ent.start_char, ent.end_char)
        found = by_key.get(key)
        by_key[key] = (
            replace(found, mentions=(*found.mentions, span))
            if found
            else OrganizationFinding(name=name, mentions=(span,))
        )
    return tuple(by_key.values())


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, organizations=find_organizations(doc))
