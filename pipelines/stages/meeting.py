"""Meeting: title, body, number, date and place."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipelines.findings import Findings, MeetingFinding


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    if not month or not day:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def find_meeting(doc: Doc, findings: Findings) -> MeetingFinding:
    date = None
    for span in doc.spans.get("dates", []):
        fact = span._.date
        date = iso_date(fact.year, fact.month, fact.day)
        if date:
            break
    return MeetingFinding(date=date)


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, meeting=find_meeting(doc, findings))
