"""The archive's documents: upload (stored once per sha256, extraction queued), list, read, download."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response, status
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from pipelines.record import MeetingRecord
from service.api.deps import ArchivistDep, MeetingFilterDep, QueueDep, ReaderDep, SessionDep, SettingsDep
from service.api.headers import FILE_POLICY
from service.api.routes import records as records_api
from service.api.schemas import (
    DB_INT_MAX,
    BulkRequest,
    BulkResult,
    BulkResults,
    DocumentDetail,
    DocumentPublic,
    DocumentsPublic,
    JobPublic,
    MeetingSummary,
    Message,
    UploadPublic,
    UploadsPublic,
)
from service.api.uploads import Upload, read_files
from service.storage import browse, pages
from service.storage import repositories as repo
from service.storage.browse import DocumentQuery, DocumentRow, DocumentSort
from service.storage.tables import Document, Job, JobState, Token

router = APIRouter(prefix="/documents", tags=["documents"])

NOT_FOUND = {404: {"model": Message}}
# Originals a browser shows but cannot run; any other type (text/html above all) is served as bytes.
INERT_MEDIA_TYPES = frozenset(
    {
        "text/plain",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png",
        "image/jpeg",
        "image/tiff",
    }
)

_FILES_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
            }
        }
    },
}


@dataclass(frozen=True)
class Stored:
    document: Document
    job: Job
    duplicate: bool


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=UploadsPublic,
    openapi_extra={"requestBody": _FILES_BODY},
    responses={code: {"model": Message} for code in (401, 403, 413, 415, 422)},
)
async def upload_documents(
    request: Request, session: SessionDep, settings: SettingsDep, queue: QueueDep, token: ArchivistDep
) -> UploadsPublic:
    """Store one or many files (multipart, field `files`) and queue their extraction.

    Bytes already in the archive are not stored again: their document and latest job come back instead.
    Every file is checked before anything is written, so a bad file leaves the archive unchanged.
    """
    uploads = await read_files(request, settings.max_upload_bytes, settings.max_files_per_upload)
    stored = await run_in_threadpool(_store, session, uploads, token)
    for item in stored:
        if not item.duplicate:
            queue.submit(item.job.id)
    data = [
        UploadPublic(
            document_id=item.document.id,
            job_id=item.job.id,
            filename=item.document.filename,
            sha256=item.document.sha256,
            duplicate=item.duplicate,
        )
        for item in stored
    ]
    return UploadsPublic(data=data, count=len(data))


def _store(session: Session, uploads: list[Upload], token: Token) -> list[Stored]:
    try:
        return _store_once(session, uploads, token)
    except IntegrityError:
        # The same bytes were uploaded by a concurrent request in the meantime: now they are found, not added.
        session.rollback()
        return _store_once(session, uploads, token)


def _store_once(session: Session, uploads: list[Upload], token: Token) -> list[Stored]:
    stored: list[Stored] = []
    seen: dict[str, Stored] = {}
    for upload in uploads:
        sha256 = hashlib.sha256(upload.content).hexdigest()
        if sha256 in seen:
            stored.append(Stored(seen[sha256].document, seen[sha256].job, duplicate=True))
            continue
        document = repo.find_document_by_sha256(session, sha256)
        job = repo.latest_job(session, document.id) if document else None
        if document is not None and job is not None:
            item = Stored(document, job, duplicate=True)
        else:
            if document is None:
                document = repo.add_document(session, upload.content, upload.filename, upload.media_type, token.id)
            item = Stored(document, repo.add_job(session, document.id, token.id), duplicate=False)
        seen[sha256] = item
        stored.append(item)
    session.commit()
    return stored


@router.get("", response_model=DocumentsPublic, responses={401: {"model": Message}, 422: {"model": Message}})
def list_documents(
    session: SessionDep,
    _: ReaderDep,
    meetings: MeetingFilterDep,
    offset: Annotated[int, Query(ge=0, le=DB_INT_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    state: Annotated[JobState | None, Query(description="the latest job's state")] = None,
    reviewed: Annotated[bool | None, Query(description="true: marked reviewed; false: not yet")] = None,
    sort: Annotated[DocumentSort, Query(description="uploaded, date (meeting), title, filename, state, reviewed")] = (
        DocumentSort.UPLOADED
    ),
    order: Annotated[Literal["asc", "desc"], Query()] = "desc",
) -> DocumentsPublic:
    """A page of the archive's documents (newest first by default), each with its meeting, latest job and review,
    and how many match. The research filters (`from`, `to`, `organization`, `person`, `topic`) apply to the
    meeting; a document not extracted yet has none and is left out by them.
    """
    query = DocumentQuery(meetings, state, reviewed, sort, order == "desc")
    rows, count = browse.list_documents(session, query, offset, limit)
    return DocumentsPublic(data=[_public(row) for row in rows], count=count)


def _public(row: DocumentRow) -> DocumentPublic:
    return DocumentPublic.model_validate(row.document).model_copy(
        update={
            "record_version": row.record_version,
            "meeting": MeetingSummary.model_validate(row.meeting) if row.meeting else None,
            "job": JobPublic.model_validate(row.job) if row.job else None,
        }
    )


@router.get("/next-unreviewed", response_model=DocumentPublic | None, responses={401: {"model": Message}})
def next_unreviewed(
    session: SessionDep,
    _: ReaderDep,
    after: Annotated[uuid.UUID | None, Query(description="skip this one (the document just looked at)")] = None,
) -> DocumentPublic | None:
    """The review queue: the oldest extracted document not marked reviewed, or null when there is none."""
    found = browse.next_unreviewed(session, after)
    return None if found is None else DocumentPublic.model_validate(_document_or_404(session, found))


@router.post(
    "/bulk",
    response_model=BulkResults,
    responses={code: {"model": Message} for code in (401, 403, 422)},
)
def bulk(body: BulkRequest, session: SessionDep, queue: QueueDep, token: ArchivistDep) -> BulkResults:
    """One action on a selection: `reextract`, `review` (mark the current version reviewed) or `delete`.

    Each document is done on its own: one that cannot be (no record yet, a job running) is reported with why,
    and the others go on.
    """
    results: list[BulkResult] = []
    for document_id in dict.fromkeys(body.document_ids):
        try:
            if body.action == "reextract":
                job = records_api.reextract(document_id, session, queue, token)
                results.append(BulkResult(document_id=document_id, ok=True, job_id=job.id))
                continue
            if body.action == "review":
                review_document(document_id, session, token)
            else:
                delete_document(document_id, session, token)
            results.append(BulkResult(document_id=document_id, ok=True))
        except HTTPException as exc:
            session.rollback()
            results.append(BulkResult(document_id=document_id, ok=False, detail=str(exc.detail)))
    return BulkResults(data=results, count=len(results), done=sum(result.ok for result in results))


@router.get("/{document_id}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_document(document_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> DocumentDetail:
    """A document with its current record, the text the record points into, and its latest job."""
    document = _document_or_404(session, document_id)
    record = repo.latest_record(session, document_id)
    job = repo.latest_job(session, document_id)
    return DocumentDetail(
        **DocumentPublic.model_validate(document).model_dump(exclude={"record_version", "job", "meeting"}),
        text=document.text,
        record=MeetingRecord.model_validate(record.data) if record else None,
        record_version=record.version if record else None,
        record_kind=record.kind if record else None,
        job=JobPublic.model_validate(job) if job else None,
        pages=pages.count(session, document_id),
    )


@router.delete(
    "/{document_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses={code: {"model": Message} for code in (401, 403, 404, 409)},
)
def delete_document(document_id: uuid.UUID, session: SessionDep, token: ArchivistDep) -> Response:
    """Delete a document with its file, every record version, its jobs, page images and index rows.

    Persons and organizations only this document named leave the archive too. A document being extracted
    right now is a 409: delete it once its job has ended.
    """
    _document_or_404(session, document_id)
    active = repo.active_job(session, document_id)
    if active is not None and active.state == JobState.RUNNING.value:
        raise HTTPException(
            status.HTTP_409_CONFLICT, "the document is being extracted right now; delete it once its job has ended"
        )
    browse.delete_document(session, document_id)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{document_id}/review",
    response_model=DocumentPublic,
    responses={code: {"model": Message} for code in (401, 403, 404, 409)},
)
def review_document(document_id: uuid.UUID, session: SessionDep, token: ArchivistDep) -> DocumentPublic:
    """Mark the current record version reviewed by this token (the review queue moves on)."""
    document = _document_or_404(session, document_id)
    record = repo.latest_record(session, document_id)
    if record is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "the document has no record yet: its extraction is not done")
    browse.mark_reviewed(session, document_id, record.version, token.id)
    session.commit()
    session.refresh(document)
    return DocumentPublic.model_validate(document).model_copy(update={"record_version": record.version})


@router.get(
    "/{document_id}/pages/{page}",
    response_class=Response,
    responses={200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}, **NOT_FOUND},
)
def page_image(document_id: uuid.UUID, page: Annotated[int, Path(ge=1)], session: SessionDep, _: ReaderDep) -> Response:
    """A page of a scan or PDF as a PNG, as rendered when it was extracted (1-based)."""
    _document_or_404(session, document_id)
    content = pages.image(session, document_id, page)
    if content is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"document {document_id} has no image of page {page}")
    return Response(content, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})


@router.get(
    "/{document_id}/file",
    response_class=Response,
    # Any media type: the bytes go out as the type they were read as (text/plain, application/pdf, …).
    responses={200: {"content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}}, **NOT_FOUND},
)
def download_document(document_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> Response:
    """The original bytes, as uploaded."""
    document = _document_or_404(session, document_id)
    content = repo.document_content(session, document_id)
    if content is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "the document's file is missing from the archive")
    # The stored name is data, never a path: only its last part names the download, so a client that saves
    # by it is not steered into another folder (an upload named ../../etc/passwd).
    filename = PurePosixPath((document.filename or "").replace("\\", "/")).name or f"{document.sha256}.bin"
    # RFC 6266/5987: an ASCII fallback plus the UTF-8 name, which is often Cyrillic. A header cannot carry
    # control characters (a name with a line break would fail the response).
    fallback = "".join(ch for ch in filename.encode("ascii", "replace").decode() if ch.isprintable() and ch != '"')
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
    # Content-Type as a header, not `media_type=`: Starlette would add `charset=utf-8` to text/*, and the
    # original bytes may be CP1251 or KOI8-R. A type a browser would run (an uploaded HTML page, SVG) goes
    # out as bytes, and a sandbox policy keeps any of them from scripting this origin however it is opened.
    headers = {
        "Content-Type": document.media_type if document.media_type in INERT_MEDIA_TYPES else "application/octet-stream",
        "Content-Disposition": disposition,
        "Content-Security-Policy": FILE_POLICY,
    }
    return Response(content, headers=headers)


def _document_or_404(session: Session, document_id: uuid.UUID) -> Document:
    document = repo.get_document(session, document_id)
    if document is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document {document_id}")
    return document
