"""The archive's current records as JSONL or CSV, and their spans as training data, produced in batches.

Each batch reads in a short session of its own, so a slow client holds no database connection between
batches. `document_ids` narrows the export to a query's result (research endpoints pass theirs).
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Collection, Iterator
from typing import Any, Literal

from sqlalchemy.orm import Session, sessionmaker

from pipelines.record import MeetingRecord, Person
from service.storage import repositories as repo
from service.storage.tables import Document, Record

ExportFormat = Literal["jsonl", "csv"]
CsvRows = Literal["person", "mention"]

BATCH = 100
MEDIA_TYPES: dict[ExportFormat, str] = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}
# The labels of the usual Russian NER sets (PER/ORG/LOC), plus the issues the meeting discussed.
SPAN_LABELS = {"persons": "PER", "organizations": "ORG", "locations": "LOC", "issues": "ISSUE"}
PERSON_COLUMNS = [
    "document_id",
    "filename",
    "record_version",
    "meeting_date",
    "meeting_title",
    "meeting_body",
    "meeting_place",
    "person_id",
    "name",
    "surname",
    "first_name",
    "patronymic",
    "position",
    "organization",
    "role",
    "spoke",
    "mentions",
    "quotes",
]
MENTION_COLUMNS = [*PERSON_COLUMNS[:-2], "mention_start", "mention_end", "mention_page", "mention_text"]


def export(
    factory: sessionmaker[Session],
    fmt: ExportFormat,
    *,
    spans: bool = False,
    rows: CsvRows = "person",
    document_ids: Collection[uuid.UUID] | None = None,
) -> Iterator[str]:
    """The export as chunks of text: JSONL records, JSONL spans (`spans`), or CSV rows per person or mention."""
    if spans and fmt != "jsonl":
        raise ValueError("spans are exported as JSONL only")
    batches = _batches(factory, document_ids, with_text=spans)
    if fmt == "jsonl":
        line = _span_line if spans else _record_line
        for batch in batches:
            yield "".join(line(document, record) + "\n" for document, record in batch)
        return
    columns = PERSON_COLUMNS if rows == "person" else MENTION_COLUMNS
    yield _csv([columns])
    for batch in batches:
        yield _csv(row for document, record in batch for row in _person_rows(document, record, rows))


def _batches(
    factory: sessionmaker[Session], document_ids: Collection[uuid.UUID] | None, *, with_text: bool
) -> Iterator[list[tuple[Document, Record]]]:
    if document_ids is not None:
        # A query's ids, in id order, a batch at a time: the IN list stays short on both databases.
        ordered = sorted(set(document_ids))
        for at in range(0, len(ordered), BATCH):
            with factory() as session:
                chunk = ordered[at : at + BATCH]
                yield repo.current_records(session, after=None, limit=BATCH, document_ids=chunk, with_text=with_text)
        return
    after: uuid.UUID | None = None
    while True:
        with factory() as session:
            batch = repo.current_records(session, after=after, limit=BATCH, document_ids=None, with_text=with_text)
        if not batch:
            return
        yield batch
        after = batch[-1][0].id


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _record_line(document: Document, record: Record) -> str:
    return _json(
        {
            "document_id": str(document.id),
            "filename": document.filename,
            "record_version": record.version,
            "record_kind": record.kind,
            "record": record.data,
        }
    )


def spans_of(record: MeetingRecord) -> list[dict[str, Any]]:
    """Every entity mention as `{start, end, label, text}`, in text order; issues may contain other spans."""
    found: set[tuple[int, int, str, str]] = set()
    for field, label in SPAN_LABELS.items():
        for item in getattr(record, field):
            found.update((mention.start, mention.end, label, mention.text) for mention in item.mentions)
    ordered = sorted(found, key=lambda span: (span[0], -span[1], span[2]))
    return [{"start": start, "end": end, "label": label, "text": text} for start, end, label, text in ordered]


def _span_line(document: Document, record: Record) -> str:
    return _json(
        {
            "document_id": str(document.id),
            "filename": document.filename,
            "record_version": record.version,
            "text": document.text,
            "spans": spans_of(MeetingRecord.model_validate(record.data)),
        }
    )


def _person_rows(document: Document, stored: Record, rows: CsvRows) -> Iterator[list[Any]]:
    record = MeetingRecord.model_validate(stored.data)
    meeting = record.meeting
    head = [
        str(document.id),
        document.filename,
        stored.version,
        meeting.date,
        meeting.title,
        meeting.body,
        meeting.place,
    ]
    for person in record.persons:
        fields = head + _person_fields(person)
        if rows == "person":
            yield [*fields, len(person.mentions), len(person.quotes)]
        else:
            for mention in person.mentions:
                yield [*fields, mention.start, mention.end, mention.page, mention.text]


def _person_fields(person: Person) -> list[Any]:
    return [
        person.id,
        person.name,
        person.surname,
        person.first_name,
        person.patronymic,
        person.position,
        person.organization,
        person.role,
        "true" if person.spoke else "false",
    ]


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets: `=HYPERLINK(…)` in a
# corrected position or an upload's name would run when an archivist opens the export. OWASP's "CSV
# injection" advice: a leading apostrophe makes the cell text (spreadsheets show the text without it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Data that only looks like a formula and calls nothing: a negative number, and a record's date without
# its year (`--09-21`). They stay as they are for the programs that read the export.
PLAIN_DATA = re.compile(r"-\d+(?:[.,]\d+)?|--\d\d-\d\d")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell that no spreadsheet reads as a formula; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_DATA.fullmatch(value):
        return "'" + value
    return value


def _csv(rows: Any) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return out.getvalue()
