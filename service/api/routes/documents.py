"""The archive's documents: upload (stored once per sha256, extraction queued), list, read, download."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from pipelines.record import MeetingRecord
from service.api.deps import ArchivistDep, QueueDep, ReaderDep, SessionDep, SettingsDep
from service.api.schemas import (
    DB_INT_MAX,
    DocumentDetail,
    DocumentPublic,
    DocumentsPublic,
    JobPublic,
    Message,
    UploadPublic,
    UploadsPublic,
)
from service.api.uploads import Upload, read_files
from service.storage import repositories as repo
from service.storage.tables import Document, Job, Token

router = APIRouter(prefix="/documents", tags=["documents"])

NOT_FOUND = {404: {"model": Message}}

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


@router.get("", response_model=DocumentsPublic, responses={401: {"model": Message}})
def list_documents(
    session: SessionDep,
    _: ReaderDep,
    offset: Annotated[int, Query(ge=0, le=DB_INT_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DocumentsPublic:
    """A page of the archive's documents, newest first, and their total count."""
    documents, count = repo.list_documents(session, offset, limit)
    versions = repo.latest_versions(session, [document.id for document in documents])
    data = [
        DocumentPublic.model_validate(document).model_copy(update={"record_version": versions.get(document.id)})
        for document in documents
    ]
    return DocumentsPublic(data=data, count=count)


@router.get("/{document_id}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_document(document_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> DocumentDetail:
    """A document with its current record, the text the record points into, and its latest job."""
    document = _document_or_404(session, document_id)
    record = repo.latest_record(session, document_id)
    job = repo.latest_job(session, document_id)
    return DocumentDetail(
        **DocumentPublic.model_validate(document).model_dump(exclude={"record_version"}),
        text=document.text,
        record=MeetingRecord.model_validate(record.data) if record else None,
        record_version=record.version if record else None,
        record_kind=record.kind if record else None,
        job=JobPublic.model_validate(job) if job else None,
    )


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
    # original bytes may be CP1251 or KOI8-R.
    return Response(content, headers={"Content-Type": document.media_type, "Content-Disposition": disposition})


def _document_or_404(session: Session, document_id: uuid.UUID) -> Document:
    document = repo.get_document(session, document_id)
    if document is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document {document_id}")
    return document
