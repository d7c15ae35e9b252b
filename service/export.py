"""The archive's current records as JSONL, CSV or XLSX, and their spans as training data, produced in batches.

Each batch reads in a short session of its own, so a slow client holds no database connection between
batches. `document_ids` narrows the export to a query's result (research endpoints pass theirs).

CSV is for programs (English column codes, UTF-8, no BOM); XLSX is for people (Russian headers, roles in
Russian, opens in Excel without an import dialog). Both carry the archive-wide person and organization ids,
so rows of different documents about the same person or body join.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import uuid
from collections.abc import Collection, Iterator
from typing import IO, Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipelines.record import MeetingRecord, Person
from service.storage import repositories as repo
from service.storage.tables import Document, PersonAppearance, Record

ExportFormat = Literal["jsonl", "csv", "xlsx"]
CsvRows = Literal["person", "mention"]

BATCH = 100
MEDIA_TYPES: dict[ExportFormat, str] = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A record's person and organization ids (p1, o2) are the document's own; the archive's join across documents.
ArchiveIds = dict[tuple[uuid.UUID, str], tuple[uuid.UUID, uuid.UUID | None]]
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
    "archive_person_id",
    "name",
    "surname",
    "first_name",
    "patronymic",
    "position",
    "organization",
    "archive_organization_id",
    "role",
    "spoke",
    "mentions",
    "quotes",
]
MENTION_COLUMNS = [*PERSON_COLUMNS[:-2], "mention_start", "mention_end", "mention_page", "mention_text"]
# The XLSX header: what each column is, in Russian.
HEADINGS = {
    "document_id": "ID документа",
    "filename": "Файл",
    "record_version": "Версия записи",
    "meeting_date": "Дата заседания",
    "meeting_title": "Заседание",
    "meeting_body": "Орган",
    "meeting_place": "Место",
    "person_id": "ID персоны в документе",
    "archive_person_id": "ID персоны в архиве",
    "name": "Имя",
    "surname": "Фамилия",
    "first_name": "Личное имя",
    "patronymic": "Отчество",
    "position": "Должность",
    "organization": "Организация",
    "archive_organization_id": "ID организации в архиве",
    "role": "Роль",
    "spoke": "Выступал(а)",
    "mentions": "Упоминаний",
    "quotes": "Цитат",
    "mention_start": "Начало упоминания",
    "mention_end": "Конец упоминания",
    "mention_page": "Страница",
    "mention_text": "Текст упоминания",
}
ROLE_NAMES = {
    "chair": "председатель",
    "secretary": "секретарь",
    "speaker": "выступающий",
    "attendee": "участник",
    "mentioned": "упомянут",
}


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
        ids = _archive_ids(factory, [document.id for document, _ in batch])
        yield _csv(row for document, record in batch for row in _person_rows(document, record, rows, ids))


def export_xlsx(
    factory: sessionmaker[Session], *, rows: CsvRows = "person", document_ids: Collection[uuid.UUID] | None = None
) -> IO[bytes]:
    """The CSV's rows as a workbook for people, in a temporary file (a workbook is a zip: whole or nothing).

    Write-only mode keeps one row in memory at a time; the file is spooled to disk past a few megabytes.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Персоны" if rows == "person" else "Упоминания")
    columns = PERSON_COLUMNS if rows == "person" else MENTION_COLUMNS
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=HEADINGS[column])
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    sheet.freeze_panes = "A2"
    for batch in _batches(factory, document_ids, with_text=False):
        ids = _archive_ids(factory, [document.id for document, _ in batch])
        for document, record in batch:
            for row in _person_rows(document, record, rows, ids):
                sheet.append(
                    [_xlsx_cell(sheet, _for_people(column, value)) for column, value in zip(columns, row, strict=True)]
                )
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (the response closes it)
    workbook.save(out)
    out.seek(0)
    return out


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """openpyxl stores a string that starts with `=` as a formula: `=HYPERLINK(…)` in a corrected position
    would run when the workbook is opened. Such a value is written as a text cell (shown as it is)."""
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _for_people(column: str, value: Any) -> Any:
    if column == "role":
        return ROLE_NAMES.get(value, value)
    if column == "spoke":
        return "да" if value == "true" else "нет"
    if isinstance(value, str):
        # A workbook cannot hold control characters (a PDF's form feed, an OCR'd \x01): they become spaces.
        return ILLEGAL_CHARACTERS_RE.sub(" ", value)
    return value


def _archive_ids(factory: sessionmaker[Session], document_ids: list[uuid.UUID]) -> ArchiveIds:
    """(document, record person id) → (archive person, archive organization), from the research index."""
    with factory() as session:
        found = session.execute(
            select(
                PersonAppearance.document_id,
                PersonAppearance.record_person_id,
                PersonAppearance.person_id,
                PersonAppearance.organization_id,
            ).where(PersonAppearance.document_id.in_(document_ids))
        )
        return {(document, record_id): (person, organization) for document, record_id, person, organization in found}


def _batches(
    factory: sessionmaker[Session], document_ids: Collection[uuid.UUID] | None, *, with_text: bool
) -> Iterator[list[tuple[Document, Record]]]:
    if document_ids is not None:
        # A query's ids in its order (a search's: best first), a batch at a time: the IN list stays short.
        ordered = list(dict.fromkeys(document_ids))
        for at in range(0, len(ordered), BATCH):
            chunk = ordered[at : at + BATCH]
            with factory() as session:
                found = repo.current_records(session, after=None, limit=BATCH, document_ids=chunk, with_text=with_text)
            place = {document_id: index for index, document_id in enumerate(chunk)}
            yield sorted(found, key=lambda pair: place[pair[0].id])
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


def _person_rows(document: Document, stored: Record, rows: CsvRows, ids: ArchiveIds) -> Iterator[list[Any]]:
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
        fields = head + _person_fields(person, ids.get((document.id, person.id)))
        if rows == "person":
            yield [*fields, len(person.mentions), len(person.quotes)]
        else:
            for mention in person.mentions:
                yield [*fields, mention.start, mention.end, mention.page, mention.text]


def _person_fields(person: Person, archive: tuple[uuid.UUID, uuid.UUID | None] | None) -> list[Any]:
    person_id, organization_id = archive or (None, None)
    return [
        person.id,
        str(person_id) if person_id else None,
        person.name,
        person.surname,
        person.first_name,
        person.patronymic,
        person.position,
        person.organization,
        str(organization_id) if organization_id else None,
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
