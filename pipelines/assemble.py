"""Findings + source text → the public meeting record, with every span mapped back to the input."""

from __future__ import annotations

import hashlib

from pipelines.cleaning import CleanText
from pipelines.findings import Findings, TextSpan
from pipelines.readers import SourceText
from pipelines.record import (
    Decision,
    DocumentInfo,
    Issue,
    Location,
    Meeting,
    MeetingRecord,
    Mention,
    Organization,
    Person,
    Quote,
    Topic,
)


def _fold(name: str) -> str:
    return name.lower().replace("ё", "е")


class _Spans:
    def __init__(self, source: SourceText, cleaned: CleanText) -> None:
        self.source = source
        self.cleaned = cleaned

    def mention(self, span: TextSpan) -> Mention:
        start, end, text = self.cleaned.source_text(span.start, span.end)
        return Mention(start=start, end=end, page=self.source.page_of(start), text=text)

    def mentions(self, spans: tuple[TextSpan, ...]) -> list[Mention]:
        return [self.mention(s) for s in sorted(set(spans))]

    def quote(self, span: TextSpan) -> Quote:
        start, end, text = self.cleaned.source_text(span.start, span.end)
        return Quote(text=text, start=start, end=end)


def assemble(
    findings: Findings,
    source: SourceText,
    cleaned: CleanText,
    data: bytes,
    filename: str | None = None,
) -> MeetingRecord:
    spans = _Spans(source, cleaned)
    organizations = [
        Organization(id=f"o{i}", name=o.name, aliases=list(o.aliases), mentions=spans.mentions(o.mentions))
        for i, o in enumerate((o for o in findings.organizations if o.listed), 1)
    ]
    org_ids = {}
    for org in organizations:
        for form in (org.name, *org.aliases):
            org_ids.setdefault(_fold(form), org.id)
    persons = [
        Person(
            id=f"p{i}",
            name=p.name,
            surname=p.surname,
            first_name=p.first_name,
            patronymic=p.patronymic,
            initials=p.initials,
            position=p.position,
            organization=p.organization,
            organization_id=org_ids.get(_fold(p.organization)) if p.organization else None,
            role=p.role,  # type: ignore[arg-type]
            spoke=p.spoke,
            quotes=[spans.quote(q) for q in p.quotes],
            mentions=spans.mentions(p.mentions),
            aliases=list(p.aliases),
        )
        for i, p in enumerate(findings.persons, 1)
    ]
    m = findings.meeting
    return MeetingRecord(
        document=DocumentInfo(
            id=hashlib.sha256(data).hexdigest(),
            filename=filename,
            media_type=source.media_type,
            pages=source.pages,
            chars=len(source.text),
            ocr=source.ocr,
            warnings=list(source.warnings),
        ),
        meeting=Meeting(title=m.title, body=m.body, number=m.number, date=m.date, place=m.place),
        persons=persons,
        organizations=organizations,
        locations=[Location(name=loc.name, mentions=spans.mentions(loc.mentions)) for loc in findings.locations],
        issues=[Issue(text=i.text, mentions=spans.mentions(i.mentions)) for i in findings.issues],
        topics=[Topic(id=t.id, label=t.label, score=t.score) for t in findings.topics],
        decisions=[Decision(text=d.text, mentions=spans.mentions(d.mentions)) for d in findings.decisions],
    )
