"""The archive as files: current records as JSONL or CSV, and their spans as JSONL training data, streamed."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import IO, Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse

from service.api.deps import MeetingFilterDep, ReaderDep, SessionFactoryDep
from service.api.schemas import Message
from service.export import MEDIA_TYPES, CsvRows, ExportFormat, export, export_xlsx
from service.morphology import query_terms
from service.storage import research
from service.storage.research import MeetingFilter

router = APIRouter(tags=["export"])


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/x-ndjson": {}, "text/csv": {}, MEDIA_TYPES["xlsx"]: {}}},
        **{code: {"model": Message} for code in (401, 403, 422)},
    },
)
def export_archive(
    factory: SessionFactoryDep,
    _: ReaderDep,
    meetings: MeetingFilterDep,
    format: Annotated[
        ExportFormat,
        Query(description="jsonl: one record per line; csv (for programs) or xlsx (for Excel): a row per person"),
    ] = "jsonl",
    spans: Annotated[
        bool, Query(description="JSONL of each document's text and its PER/ORG/LOC/ISSUE spans (training data)")
    ] = False,
    rows: Annotated[CsvRows, Query(description="CSV: a row per person in a meeting, or per mention")] = "person",
    document_id: Annotated[list[uuid.UUID] | None, Query(description="only these documents (repeatable)")] = None,
    q: Annotated[
        str,
        Query(
            max_length=1000,
            description="only the documents a search for these words finds (every result, not a page), best "
            "first; narrowed by the search's filters `from`, `to`, `organization`, `person`, `topic`",
        ),
    ] = "",
) -> StreamingResponse:
    """Every document's current record (the highest version, corrections included), streamed.

    JSONL lines are `{document_id, filename, record_version, record_kind, record}`; CSV and XLSX have a header row.
    Documents not extracted yet are left out.
    """
    if spans and format != "jsonl":
        raise HTTPException(422, "spans are exported as JSONL only: use format=jsonl")
    suffix = "spans.jsonl" if spans else format
    if q.strip():
        document_id = _searched(factory, q, meetings, document_id)
    elif meetings != MeetingFilter():
        raise HTTPException(422, "the filters narrow a search: give `q` with them")
    if format == "xlsx":
        workbook = export_xlsx(factory, rows=rows, document_ids=document_id)
        return StreamingResponse(
            _chunks(workbook),
            media_type=MEDIA_TYPES["xlsx"],
            headers={"Content-Disposition": 'attachment; filename="kenesh-export.xlsx"'},
        )
    return StreamingResponse(
        export(factory, format, spans=spans, rows=rows, document_ids=document_id),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="kenesh-export.{suffix}"'},
    )


def _searched(
    factory: SessionFactoryDep, q: str, meetings: MeetingFilter, chosen: list[uuid.UUID] | None
) -> list[uuid.UUID]:
    """Every result of the search, best first (ids only: the records are read a batch at a time)."""
    if not query_terms(q):
        raise HTTPException(422, "the query has no words")
    with factory() as session:
        found = research.search_document_ids(session, q, meetings)
    if chosen is not None:
        wanted = set(chosen)
        found = [document_id for document_id in found if document_id in wanted]
    return found


def _chunks(file: IO[bytes]) -> Iterator[bytes]:
    with file:
        while chunk := file.read(64 * 1024):
            yield chunk
