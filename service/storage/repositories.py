"""Reads and writes of the archive, one function per question, on a caller's session (the caller commits)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session, defer

from pipelines.record import MeetingRecord
from service.storage import index as research_index
from service.storage.tables import Document, DocumentFile, Job, JobState, Record, RecordKind, Role, Token, utcnow

TOKEN_PREFIX = "kn_"


# Tokens


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, role: Role, name: str | None = None) -> tuple[Token, str]:
    """A new token and its plain text, which is not kept anywhere: the caller shows it once."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = Token(role=role.value, name=name, token_hash=hash_token(plain))
    session.add(token)
    session.flush()
    return token, plain


def find_token(session: Session, plain: str) -> Token | None:
    """The live token with this text, or None (unknown or revoked)."""
    return session.scalar(select(Token).where(Token.token_hash == hash_token(plain), Token.revoked_at.is_(None)))


def get_token(session: Session, token_id: uuid.UUID) -> Token | None:
    return session.get(Token, token_id)


def list_tokens(session: Session) -> Sequence[Token]:
    """Every token, revoked ones too, oldest first."""
    return session.scalars(select(Token).order_by(Token.created_at, Token.id)).all()


def revoke_token(session: Session, token: Token) -> None:
    """From now on the token is refused everywhere; one revoked before keeps its first time."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.flush()


# Documents


def get_document(session: Session, document_id: uuid.UUID) -> Document | None:
    return session.get(Document, document_id)


def find_document_by_sha256(session: Session, sha256: str) -> Document | None:
    return session.scalar(select(Document).where(Document.sha256 == sha256))


def add_document(
    session: Session, content: bytes, filename: str | None, media_type: str, uploaded_by: uuid.UUID | None
) -> Document:
    document = Document(
        sha256=hashlib.sha256(content).hexdigest(),
        filename=filename,
        media_type=media_type,
        size=len(content),
        uploaded_by=uploaded_by,
    )
    session.add(document)
    session.flush()
    session.add(DocumentFile(document_id=document.id, content=content))
    return document


def document_content(session: Session, document_id: uuid.UUID) -> bytes | None:
    return session.scalar(select(DocumentFile.content).where(DocumentFile.document_id == document_id))


def list_documents(session: Session, offset: int, limit: int) -> tuple[Sequence[Document], int]:
    """A page of documents, newest first, and how many there are in all."""
    count = session.scalar(select(func.count()).select_from(Document)) or 0
    page = session.scalars(
        select(Document).order_by(Document.created_at.desc(), Document.id).offset(offset).limit(limit)
    ).all()
    return page, count


# Records


def latest_record(session: Session, document_id: uuid.UUID) -> Record | None:
    return session.scalar(
        select(Record).where(Record.document_id == document_id).order_by(Record.version.desc()).limit(1)
    )


def latest_versions(session: Session, document_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not document_ids:
        return {}
    rows = session.execute(
        select(Record.document_id, func.max(Record.version))
        .where(Record.document_id.in_(document_ids))
        .group_by(Record.document_id)
    ).all()
    return {document_id: version for document_id, version in rows}


def add_machine_record(
    session: Session, document_id: uuid.UUID, record: MeetingRecord, pipeline_version: str | None
) -> Record:
    """The pipeline's record as the document's next version; earlier versions (and corrections) stay."""
    current = session.scalar(select(func.max(Record.version)).where(Record.document_id == document_id)) or 0
    row = Record(
        document_id=document_id,
        version=current + 1,
        kind=RecordKind.MACHINE.value,
        data=record.model_dump(mode="json"),
        schema_version=record.schema_version,
        pipeline_version=pipeline_version,
    )
    session.add(row)
    session.flush()
    return row


# Record versions: corrections, restores, and corrections kept over a re-extraction (service/corrections.py)

HUMAN_KINDS = (RecordKind.CORRECTION.value, RecordKind.RESTORE.value, RecordKind.CARRIED.value)


def record_versions(session: Session, document_id: uuid.UUID) -> list[tuple[Record, Token | None]]:
    """Every version of the document's record, oldest first, with the token that made it."""
    rows = session.execute(
        select(Record, Token)
        .outerjoin(Token, Token.id == Record.author_id)
        .where(Record.document_id == document_id)
        .order_by(Record.version)
    ).all()
    return [(record, token) for record, token in rows]


def get_record_version(session: Session, document_id: uuid.UUID, version: int) -> tuple[Record, Token | None] | None:
    row = session.execute(
        select(Record, Token)
        .outerjoin(Token, Token.id == Record.author_id)
        .where(Record.document_id == document_id, Record.version == version)
    ).first()
    return (row[0], row[1]) if row else None


def latest_human_record(session: Session, document_id: uuid.UUID) -> Record | None:
    return session.scalar(
        select(Record)
        .where(Record.document_id == document_id, Record.kind.in_(HUMAN_KINDS))
        .order_by(Record.version.desc())
        .limit(1)
    )


def add_record_version(
    session: Session,
    document_id: uuid.UUID,
    record: MeetingRecord,
    kind: RecordKind,
    *,
    base_version: int | None,
    author_id: uuid.UUID | None,
    note: str | None,
    pipeline_version: str | None = None,
) -> Record:
    """The document's next version. Two writers racing for one number meet the unique (document, version)."""
    current = session.scalar(select(func.max(Record.version)).where(Record.document_id == document_id)) or 0
    row = Record(
        document_id=document_id,
        version=current + 1,
        kind=kind.value,
        data=record.model_dump(mode="json"),
        schema_version=record.schema_version,
        pipeline_version=pipeline_version,
        base_version=base_version,
        author_id=author_id,
        note=note,
    )
    session.add(row)
    session.flush()
    return row


def current_records(
    session: Session, *, after: uuid.UUID | None, limit: int, document_ids: Sequence[uuid.UUID] | None, with_text: bool
) -> list[tuple[Document, Record]]:
    """A page of documents that have a record, by id after `after`, each with its current (highest) version."""
    latest = (
        select(Record.document_id, func.max(Record.version).label("version")).group_by(Record.document_id).subquery()
    )
    query = (
        select(Document, Record)
        .join(latest, latest.c.document_id == Document.id)
        .join(Record, and_(Record.document_id == Document.id, Record.version == latest.c.version))
        .order_by(Document.id)
        .limit(limit)
    )
    if not with_text:
        query = query.options(defer(Document.text))
    if after is not None:
        query = query.where(Document.id > after)
    if document_ids is not None:
        query = query.where(Document.id.in_(document_ids))
    return [(document, record) for document, record in session.execute(query).all()]


# Jobs


def get_job(session: Session, job_id: uuid.UUID) -> Job | None:
    return session.get(Job, job_id)


def active_job(session: Session, document_id: uuid.UUID) -> Job | None:
    """The document's queued or running job, if it has one."""
    return session.scalar(
        select(Job)
        .where(Job.document_id == document_id, Job.state.in_((JobState.QUEUED.value, JobState.RUNNING.value)))
        .order_by(Job.created_at.desc())
        .limit(1)
    )


def latest_job(session: Session, document_id: uuid.UUID) -> Job | None:
    return session.scalar(
        select(Job).where(Job.document_id == document_id).order_by(Job.created_at.desc(), Job.id).limit(1)
    )


def add_job(session: Session, document_id: uuid.UUID, created_by: uuid.UUID | None, kind: str = "extract") -> Job:
    job = Job(document_id=document_id, kind=kind, state=JobState.QUEUED.value, created_by=created_by)
    session.add(job)
    session.flush()
    return job


class Claim(StrEnum):
    """What a claim found; true only when this worker now holds the job."""

    CLAIMED = "claimed"
    BUSY = "busy"  # running under another worker's live lease
    GONE = "gone"  # done, failed, or deleted
    GAVE_UP = "gave_up"  # taken over too often: it is failed now

    def __bool__(self) -> bool:
        return self is Claim.CLAIMED


def claim_job(session: Session, job_id: uuid.UUID, lease_seconds: float = 600.0, max_attempts: int = 3) -> Claim:
    """Move a queued job, or a running one whose lease expired, to running under a new lease.

    One conditional UPDATE, so that two workers never hold the same job; a worker killed mid-job stops renewing
    its lease, and the next claim after it expires takes the job over, up to `max_attempts` tries.
    """
    now = utcnow()
    takeable = or_(
        Job.state == JobState.QUEUED.value,
        and_(
            Job.state == JobState.RUNNING.value,
            or_(Job.claimed_at.is_(None), Job.claimed_at < now - timedelta(seconds=lease_seconds)),
        ),
    )
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, takeable, Job.tries < max_attempts)
        .values(
            state=JobState.RUNNING.value,
            attempts=Job.attempts + 1,
            tries=Job.tries + 1,
            claimed_at=now,
            stage="starting",
            percent=0,
            error=None,
            started_at=now,
            finished_at=None,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        return Claim.CLAIMED
    reason = f"gave up after {max_attempts} attempts: the worker running it stopped before it finished"
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, takeable, Job.tries >= max_attempts)
        .values(state=JobState.FAILED.value, error=reason, claimed_at=None, finished_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        return Claim.GAVE_UP
    state = session.scalar(select(Job.state).where(Job.id == job_id))
    return Claim.BUSY if state == JobState.RUNNING.value else Claim.GONE


def _held(job_id: uuid.UUID, attempt: int | None) -> ColumnElement[bool]:
    # A worker whose lease was taken over must not write over its successor: it holds the job only while the
    # job is still running under its own attempt number.
    if attempt is None:
        return Job.id == job_id
    return and_(Job.id == job_id, Job.state == JobState.RUNNING.value, Job.attempts == attempt)


def set_progress(session: Session, job_id: uuid.UUID, stage: str, percent: int, attempt: int | None = None) -> None:
    now = utcnow()
    session.execute(
        update(Job)
        .where(_held(job_id, attempt), Job.state == JobState.RUNNING.value)
        .values(stage=stage, percent=percent, claimed_at=now, updated_at=now)  # a report renews the lease
        .execution_options(synchronize_session=False)
    )


def finish_job(
    session: Session, job_id: uuid.UUID, state: JobState, error: str | None = None, attempt: int | None = None
) -> bool:
    """End the job; with `attempt`, only if this attempt still holds it. True when it was ended."""
    now = utcnow()
    values: dict[str, object] = {"state": state.value, "error": error, "finished_at": now, "updated_at": now}
    if state is JobState.DONE:
        values |= {"stage": "done", "percent": 100}
    if state is JobState.QUEUED:  # back in line for another try, after an unexpected error
        values |= {"stage": None, "percent": 0, "finished_at": None, "claimed_at": None}
    result = session.execute(
        update(Job).where(_held(job_id, attempt)).values(**values).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def requeue_interrupted(session: Session) -> list[uuid.UUID]:
    """After a restart: jobs left running were cut off, so they queue again; all queued ids, oldest first."""
    session.execute(
        update(Job)
        .where(Job.state == JobState.RUNNING.value)
        .values(state=JobState.QUEUED.value, stage=None, percent=0, claimed_at=None, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return queued_jobs(session)


def queued_jobs(session: Session) -> list[uuid.UUID]:
    """Ids of the queued jobs, oldest first."""
    return list(
        session.scalars(select(Job.id).where(Job.state == JobState.QUEUED.value).order_by(Job.created_at, Job.id))
    )


def publishable_jobs(
    session: Session, queued_before: datetime, lease_seconds: float, broker_empty: bool, limit: int = 500
) -> list[uuid.UUID]:
    """Jobs the Celery broker should be handed (again), oldest first: what the sweep (jobs/sweep.py) publishes.

    Queued ones whose hand-over failed or never happened; with `broker_empty`, also queued ones handed over before
    `queued_before` (an empty broker queue no longer holds them: the broker restarted without its data); and
    running ones whose lease expired, unless they were handed over since, so that a worker takes them over.
    Younger queued jobs are left to whoever is submitting them right now.
    """
    now = utcnow()
    lease_limit = now - timedelta(seconds=lease_seconds)
    queued = and_(Job.state == JobState.QUEUED.value, Job.updated_at < queued_before)
    unpublished = Job.published_at.is_(None)
    if broker_empty:
        unpublished = or_(unpublished, Job.published_at < queued_before)
    expired = and_(
        Job.state == JobState.RUNNING.value,
        or_(Job.claimed_at.is_(None), Job.claimed_at < lease_limit),
        or_(Job.published_at.is_(None), Job.published_at < lease_limit),
    )
    return list(
        session.scalars(
            select(Job.id).where(or_(and_(queued, unpublished), expired)).order_by(Job.created_at, Job.id).limit(limit)
        )
    )


def take_publication(session: Session, job_id: uuid.UUID, published_before: datetime) -> bool:
    """Mark the job handed over now, unless someone did since `published_before`: two sweeps publish it once."""
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, or_(Job.published_at.is_(None), Job.published_at < published_before))
        # A hand-over is no change a reader of the job sees: updated_at stays.
        .values(published_at=utcnow(), updated_at=Job.updated_at)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def set_published(session: Session, job_id: uuid.UUID, published: bool) -> None:
    """Record that the job was handed to the broker just now, or that its hand-over failed after all."""
    session.execute(
        update(Job)
        .where(Job.id == job_id)
        .values(published_at=utcnow() if published else None, updated_at=Job.updated_at)
        .execution_options(synchronize_session=False)
    )


def retry_job(session: Session, job: Job) -> None:
    job.state = JobState.QUEUED.value
    job.tries = 0  # a person asked again: the automatic tries start over
    job.claimed_at = None
    job.published_at = None  # not in the broker until the route hands it over
    job.stage = None
    job.percent = 0
    job.error = None
    job.finished_at = None
    job.updated_at = utcnow()
    session.flush()


# The research index (storage/index.py): rebuilt whenever a document's current record is stored or replaced


def index_record(session: Session, document_id: uuid.UUID, record: MeetingRecord) -> None:
    """Make the document's persons, organizations, topics and search text those of `record` (its current one)."""
    research_index.index_record(session, document_id, record)


def index_current_record(session: Session, document_id: uuid.UUID) -> None:
    """The same for the document's highest record version, whatever it is (machine or correction)."""
    research_index.index_current_record(session, document_id)


def index_missing(session: Session) -> int:
    """Index the documents that have records but no index (an archive from before migration 0002)."""
    return research_index.index_missing(session)
