"""The document text with the record's spans marked, displaCy-style (manual entity rendering), with anchors."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from pipelines.record import MeetingRecord, Mention

LABELS: dict[str, str] = {"PER": "Персона", "ORG": "Организация", "LOC": "Место", "ISSUE": "Вопрос"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    anchor: str


@dataclass
class Field:
    """A value of the record and the anchors of its spans in the text (the first one is where a click goes)."""

    text: str
    anchors: list[str]
    detail: str = ""


def collect(record: MeetingRecord) -> tuple[list[Span], dict[str, list[Field]]]:
    """Every mention as a span with an anchor id, and the record's fields grouped by kind, each with its anchors."""
    spans: list[Span] = []
    fields: dict[str, list[Field]] = {"persons": [], "organizations": [], "locations": [], "issues": []}

    def mark(kind: str, index: int, label: str, mentions: list[Mention]) -> list[str]:
        anchors = []
        for number, mention in enumerate(mentions):
            anchor = f"{kind}-{index}-{number}"
            spans.append(Span(mention.start, mention.end, label, anchor))
            anchors.append(anchor)
        return anchors

    for index, person in enumerate(record.persons):
        details = [part for part in (person.position, person.organization) if part]
        fields["persons"].append(Field(person.name, mark("per", index, "PER", person.mentions), ", ".join(details)))
    for index, organization in enumerate(record.organizations):
        fields["organizations"].append(Field(organization.name, mark("org", index, "ORG", organization.mentions)))
    for index, location in enumerate(record.locations):
        fields["locations"].append(Field(location.name, mark("loc", index, "LOC", location.mentions)))
    for index, issue in enumerate(record.issues):
        fields["issues"].append(Field(issue.text, mark("iss", index, "ISSUE", issue.mentions)))
    return spans, fields


def render(text: str, spans: list[Span]) -> tuple[Markup, set[str]]:
    """The text as HTML with each span a <mark>, and the anchors drawn; of overlapping spans the first wins."""
    chosen: list[Span] = []
    end = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= end and 0 <= span.start < span.end <= len(text):
            chosen.append(span)
            end = span.end
    out: list[str] = []
    at = 0
    for span in chosen:
        out.append(str(escape(text[at : span.start])))
        name = LABELS[span.label]
        out.append(
            f'<mark class="entity ent-{span.label}" id="{span.anchor}" tabindex="-1" title="{name}">'
            f'{escape(text[span.start : span.end])}<span class="entity-label" aria-hidden="true">{span.label}</span>'
            "</mark>"
        )
        at = span.end
    out.append(str(escape(text[at:])))
    return Markup("".join(out)), {span.anchor for span in chosen}
