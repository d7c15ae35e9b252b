"""A document's record and its versions: corrections, history, restore, and re-extraction.

Versions are only ever added. The current record is the highest version; a correction or restore names
the version it replaced (`base_version`), and one made on a version that is no longer current is a 409,
so two archivists never silently undo each other. Re-extraction keeps human versions current
(`service.corrections.keep_corrections`).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Path, Query, status
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipelines.record import MeetingRecord
from service.api.deps import ArchivistDep, QueueDep, ReaderDep, SessionDep
from service.api.schemas import (
    COLUMN_INT_MAX,
    Author,
    CorrectionRequest,
    JobPublic,
    Message,
    RecordVersionDetail,
    RecordVersionPublic,
    RecordVersionsPublic,
    RestoreRequest,
)
from service.corrections import CorrectionError, apply_operations, misplaced_spans
from service.storage import repositories as repo
from service.storage.tables import Document, Job, Record, RecordKind, Token

router = APIRouter(prefix="/documents", tags=["records"])

NOT_FOUND = {404: {"model": Message}}
WRITE_ERRORS = {code: {"model": Message} for code in (401, 403, 404, 409, 422)}


@router.get("/{document_id}/record", response_model=RecordVersionDetail, responses=NOT_FOUND)
def get_record(
    document_id: uuid.UUID,
    session: SessionDep,
    _: ReaderDep,
    version: Annotated[
        int | None, Query(ge=1, le=COLUMN_INT_MAX, description="a version; default: the current one")
    ] = None,
) -> RecordVersionDetail:
    """The current record, or any earlier version (the machine's original is version 1), with who made it."""
    _document_or_404(session, document_id)
    current = repo.latest_record(session, document_id)
    if current is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"document {document_id} has no record yet")
    found = repo.get_record_version(session, document_id, version or current.version)
    if found is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"document {document_id} has no version {version} (1 to {current.version})"
        )
    return _detail(*found, current.version)


@router.get("/{document_id}/record/versions", response_model=RecordVersionsPublic, responses=NOT_FOUND)
def list_versions(document_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> RecordVersionsPublic:
    """Every version of the record, oldest first: kind (machine, correction, restore, carried), author, time."""
    _document_or_404(session, document_id)
    rows = repo.record_versions(session, document_id)
    current = rows[-1][0].version if rows else None
    data = [_public(record, token, current) for record, token in rows]
    return RecordVersionsPublic(data=data, count=len(data), current_version=current)


@router.patch("/{document_id}/record", response_model=RecordVersionDetail, responses=WRITE_ERRORS)
def correct_record(
    document_id: uuid.UUID, body: CorrectionRequest, session: SessionDep, token: ArchivistDep
) -> RecordVersionDetail:
    """Correct the current record: the operations, applied in order, make a new version by this token.

    Operations (`op`): `edit_person`, `merge_persons`, `split_person`, `drop` (any entity or a decision), `add`
    (an entity or a mention by its span in the document's `text`), `edit_meeting` (title, body, number, date,
    place), `set_topics` (taxonomy ids), `edit_decision`, `add_decision`. `base_version` must be the current
    version (else 409: reload and apply again). An operation that does not fit (an unknown id, a span outside
    the text) is a 422 and nothing is stored.
    """
    document = _document_or_404(session, document_id)
    current = _current_or_409(session, document_id, body.base_version)
    try:
        corrected, summary = apply_operations(
            MeetingRecord.model_validate(current.data), document.text or "", body.operations
        )
    except CorrectionError as exc:
        raise HTTPException(422, str(exc)) from None
    note = "; ".join(summary)
    row = _store(session, document_id, corrected, RecordKind.CORRECTION, current, token, _with_note(body.note, note))
    return _detail(row, token, row.version)


@router.post(
    "/{document_id}/record/versions/{version}/restore",
    status_code=status.HTTP_201_CREATED,
    response_model=RecordVersionDetail,
    responses=WRITE_ERRORS,
)
def restore_version(
    document_id: uuid.UUID,
    version: Annotated[int, Path(ge=1, le=COLUMN_INT_MAX)],
    session: SessionDep,
    token: ArchivistDep,
    body: Annotated[RestoreRequest | None, Body()] = None,
) -> RecordVersionDetail:
    """A new version equal to version `version` (the history stays: nothing is deleted)."""
    document = _document_or_404(session, document_id)
    request = body or RestoreRequest()
    current = _current_or_409(session, document_id, request.base_version)
    found = repo.get_record_version(session, document_id, version)
    if found is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"document {document_id} has no version {version} (1 to {current.version})"
        )
    record = MeetingRecord.model_validate(found[0].data)
    if misplaced := misplaced_spans(record, document.text or ""):
        # Only the current text is kept: a version read from an earlier text cannot point into this one.
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"version {version} was made on an earlier reading of the file ({misplaced} spans do not match the "
            "current text); it can be read but not restored",
        )
    note = _with_note(request.note, f"restore of version {version}")
    row = _store(session, document_id, record, RecordKind.RESTORE, current, token, note)
    return _detail(row, token, row.version)


@router.post(
    "/{document_id}/reextract",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobPublic,
    responses={code: {"model": Message} for code in (401, 403, 404, 409)},
)
def reextract(document_id: uuid.UUID, session: SessionDep, queue: QueueDep, token: ArchivistDep) -> JobPublic:
    """Queue a new extraction (after a model update), stored as a new machine version.

    When the record has human versions the latest of them stays current: it is carried over on top of the
    new machine version, which stays in the history as the machine baseline (restore it to take it).
    """
    _document_or_404(session, document_id)
    if (active := repo.active_job(session, document_id)) is not None:
        raise _busy(active)
    try:
        job = repo.add_job(session, document_id, token.id, kind="reextract")
        session.commit()
    except IntegrityError:
        # A concurrent request (in any process) queued one between the check and the insert: the database's
        # one-active-job index (migration 0006) refused this one.
        session.rollback()
        raise _busy(repo.active_job(session, document_id)) from None
    queue.submit(job.id)
    return JobPublic.model_validate(job)


def _store(
    session: Session,
    document_id: uuid.UUID,
    record: MeetingRecord,
    kind: RecordKind,
    current: Record,
    token: Token,
    note: str,
) -> Record:
    try:
        row = repo.add_record_version(
            session, document_id, record, kind, base_version=current.version, author_id=token.id, note=note
        )
        repo.index_current_record(session, document_id)
        session.commit()
    except IntegrityError:
        # Another write took the next version number between our check and our insert.
        session.rollback()
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"version {current.version} was changed meanwhile: reload and apply again"
        ) from None
    return row


def _busy(active: Job | None) -> HTTPException:
    what = f"a {active.state} job {active.id}" if active is not None else "a queued or running job"
    return HTTPException(status.HTTP_409_CONFLICT, f"the document already has {what}; wait for it to end")


def _with_note(note: str | None, summary: str) -> str:
    return f"{note.strip()} — {summary}" if note and note.strip() else summary


def _document_or_404(session: Session, document_id: uuid.UUID) -> Document:
    document = repo.get_document(session, document_id)
    if document is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document {document_id}")
    return document


def _current_or_409(session: Session, document_id: uuid.UUID, base_version: int | None) -> Record:
    current = repo.latest_record(session, document_id)
    if current is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "the document has no record yet: its extraction is not done")
    if base_version is not None and base_version != current.version:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"the record is at version {current.version}, not {base_version}: reload it and apply the change again",
        )
    return current


def _public(record: Record, token: Token | None, current: int | None) -> RecordVersionPublic:
    return RecordVersionPublic(
        version=record.version,
        kind=record.kind,
        current=record.version == current,
        created_at=record.created_at,
        author=Author(token_id=token.id, name=token.name, role=token.role) if token else None,
        base_version=record.base_version,
        pipeline_version=record.pipeline_version,
        schema_version=record.schema_version,
        note=record.note,
    )


def _detail(record: Record, token: Token | None, current: int) -> RecordVersionDetail:
    return RecordVersionDetail(
        **_public(record, token, current).model_dump(), record=MeetingRecord.model_validate(record.data)
    )
