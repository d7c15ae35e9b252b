"""The document text with the record's spans marked, displaCy-style (manual entity rendering), with anchors.

Every run of text carries its offset in the document text (`data-o`), so that the review page can turn a
selection in the browser into the `start`/`end` of a correction without re-deriving offsets from the DOM.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from pipelines.record import MeetingRecord, Mention

LABELS: dict[str, str] = {"PER": "Персона", "ORG": "Организация", "LOC": "Место", "ISSUE": "Вопрос"}
# The tag drawn after each span (displaCy draws PER, ORG…): short, and Russian like the rest of the page.
TAGS: dict[str, str] = {"PER": "ПЕРС", "ORG": "ОРГ", "LOC": "МЕСТО", "ISSUE": "ВОПРОС"}


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
    page: int | None = None


def collect(record: MeetingRecord) -> tuple[list[Span], dict[str, list[Field]]]:
    """Every mention as a span with an anchor id, and the record's fields grouped by kind, each with its anchors."""
    spans: list[Span] = []
    fields: dict[str, list[Field]] = {"persons": [], "organizations": [], "locations": [], "issues": []}

    def first_page(mentions: list[Mention]) -> int | None:
        return mentions[0].page if mentions and record.document.pages > 1 else None

    def mark(kind: str, index: int, label: str, mentions: list[Mention]) -> list[str]:
        anchors = []
        for number, mention in enumerate(mentions):
            anchor = f"{kind}-{index}-{number}"
            spans.append(Span(mention.start, mention.end, label, anchor))
            anchors.append(anchor)
        return anchors

    for index, person in enumerate(record.persons):
        details = [part for part in (person.position, person.organization) if part]
        anchors = mark("per", index, "PER", person.mentions)
        fields["persons"].append(Field(person.name, anchors, ", ".join(details), first_page(person.mentions)))
    for index, organization in enumerate(record.organizations):
        anchors = mark("org", index, "ORG", organization.mentions)
        fields["organizations"].append(Field(organization.name, anchors, page=first_page(organization.mentions)))
    for index, location in enumerate(record.locations):
        anchors = mark("loc", index, "LOC", location.mentions)
        fields["locations"].append(Field(location.name, anchors, page=first_page(location.mentions)))
    for index, issue in enumerate(record.issues):
        anchors = mark("iss", index, "ISSUE", issue.mentions)
        fields["issues"].append(Field(issue.text, anchors, page=first_page(issue.mentions)))
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
        out.append(_run(text, at, span.start))
        name = LABELS[span.label]
        out.append(
            f'<mark class="entity ent-{span.label}" id="{span.anchor}" tabindex="-1" title="{name}">'
            f'{_run(text, span.start, span.end)}<span class="entity-label" aria-hidden="true">{TAGS[span.label]}</span>'
            "</mark>"
        )
        at = span.end
    out.append(_run(text, at, len(text)))
    return Markup("".join(out)), {span.anchor for span in chosen}


def _run(text: str, start: int, end: int) -> str:
    return f'<span data-o="{start}">{escape(text[start:end])}</span>' if start < end else ""
