"""The archive's tables (SQLAlchemy 2). The schema itself is created and changed only by migrations/."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL so that research queries can index into records; plain JSON text on SQLite.
JsonDocument = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(StrEnum):
    ARCHIVIST = "archivist"
    RESEARCHER = "researcher"


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


ACTIVE_JOB_STATES = "state IN ('queued', 'running')"


class RecordKind(StrEnum):
    MACHINE = "machine"
    CORRECTION = "correction"
    # A person's choice of an earlier version as it stands, and a human version kept over a re-extraction.
    RESTORE = "restore"
    CARRIED = "carried"


class Base(DeclarativeBase):
    # Named constraints, so that later migrations can drop or alter them (SQLite batch mode needs names).
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class Token(Base):
    """An API token: only its sha256 is kept, the token itself is shown once when created."""

    __tablename__ = "tokens"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Document(Base):
    """One uploaded file, unique by the sha256 of its bytes (the record's `document.id`)."""

    __tablename__ = "documents"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str | None] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    # The reader's text, which every span of every record version points into; set by extraction.
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    uploaded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tokens.id", ondelete="SET NULL"))
    # An archivist checked the record at this version (a later correction or re-extraction leaves it earlier).
    reviewed_version: Mapped[int | None] = mapped_column(Integer)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tokens.id", ondelete="SET NULL"))


class DocumentPage(Base):
    """A page of a scan or PDF as a PNG, rendered once at extraction so an archivist can check the OCR."""

    __tablename__ = "document_pages"

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, primary_key=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentFile(Base):
    """The original bytes, apart from `documents` so that listing documents never loads them."""

    __tablename__ = "document_files"

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Record(Base):
    """One version of a document's meeting record: the machine's extraction or a person's correction.

    Versions are only ever added; the current record is the highest version, and a correction names
    the version it was made on (`base_version`) so a later re-extraction can be reconciled with it.
    """

    __tablename__ = "records"
    __table_args__ = (UniqueConstraint("document_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    schema_version: Mapped[int] = mapped_column(Integer)
    pipeline_version: Mapped[str | None] = mapped_column(String(50))
    base_version: Mapped[int | None] = mapped_column(Integer)
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tokens.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Job(Base):
    """Work done outside a request (so far: extracting a document), with its progress and outcome."""

    __tablename__ = "jobs"
    # One queued or running job per document (migration 0006): concurrent re-extractions cannot both queue.
    __table_args__ = (
        Index(
            "uq_jobs_active_document",
            "document_id",
            unique=True,
            sqlite_where=text(ACTIVE_JOB_STATES),
            postgresql_where=text(ACTIVE_JOB_STATES),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="extract")
    state: Mapped[str] = mapped_column(String(20), default=JobState.QUEUED, index=True)
    stage: Mapped[str | None] = mapped_column(String(50))
    percent: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Automatic tries since the job was last queued by a person (an upload or a retry): bounded by
    # KENESH_JOB_MAX_ATTEMPTS, while `attempts` counts every run for the record.
    tries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The lease: set by the claim and renewed with every progress report; a running job whose lease is older
    # than KENESH_JOB_LEASE_SECONDS lost its worker and may be claimed again.
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the job was last handed to the Celery broker; empty while it is not known to be there (the broker
    # was down), so that the sweep (jobs/sweep.py) hands it over. Unused by the embedded pool.
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tokens.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# The research index: derived from each document's current record by storage/index.py, rebuilt whenever
# that record is stored or replaced. Never edited by hand, except the person identity decisions.

# Full text over `meetings.lemmas`, created by migration 0002: on SQLite an FTS5 table (which adds shadow
# tables named after it), on PostgreSQL a GIN expression index. Neither fits this metadata, so schema
# comparisons skip them.
MEETINGS_FTS = "meetings_fts"
MEETINGS_FTS_INDEX = "ix_meetings_lemmas_fts"


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic's filter: the full-text objects are the migration's business, not the metadata's."""
    if type_ == "table" and name is not None and name.startswith(MEETINGS_FTS):
        return False
    return not (type_ == "index" and name == MEETINGS_FTS_INDEX)


class IdentitySource(StrEnum):
    MACHINE = "machine"
    ARCHIVIST = "archivist"


class IndexedMeeting(Base):
    """A document's meeting as its current record gives it, and its text (original and lemmatised) for search."""

    __tablename__ = "meetings"

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(String(200))
    # The record's date as written (YYYY-MM-DD or --MM-DD); `date` only when it has a year.
    date_text: Mapped[str | None] = mapped_column(String(10))
    date: Mapped[date | None] = mapped_column(Date, index=True)
    text: Mapped[str | None] = mapped_column(Text)
    # One lemma per word of `text`, in order, so that a match's position leads back to the original word.
    lemmas: Mapped[str | None] = mapped_column(Text)
    record_version: Mapped[int | None] = mapped_column(Integer)
    indexed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ArchivePerson(Base):
    """One person across documents: the appearances that the identity rule (or an archivist) put together."""

    __tablename__ = "archive_persons"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(300))
    surname: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str | None] = mapped_column(String(100))
    patronymic: Mapped[str | None] = mapped_column(String(100))
    initials: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @classmethod
    def named_as(cls, appearance: PersonAppearance) -> ArchivePerson:
        """A new archive person named as this appearance names them."""
        return cls(
            name=appearance.name,
            surname=appearance.surname,
            first_name=appearance.first_name,
            patronymic=appearance.patronymic,
            initials=appearance.initials,
        )


class ArchiveOrganization(Base):
    """One organization across documents, under its first full name, with every other name as an alias."""

    __tablename__ = "archive_organizations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OrganizationName(Base):
    """A name or alias of an archive organization, in lemmas (`key`): how documents find the same body."""

    __tablename__ = "organization_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("archive_organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(1000), index=True)


class OrganizationDecision(Base):
    """An archivist's merge, rename or split of an organization: who, when, and which names it moved.

    The names themselves (`organization_names`) carry the decision's effect across re-indexing; this row says
    who decided it. A merge moves the merged organization's rows here, so the history stays whole.
    """

    __tablename__ = "organization_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("archive_organizations.id", ondelete="CASCADE"), index=True
    )
    # merge (another organization merged in), rename, split (names moved off), split_from (made by a split)
    action: Mapped[str] = mapped_column(String(20))
    names: Mapped[list[str]] = mapped_column(JSON, default=list)
    other_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    other_name: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tokens.id", ondelete="SET NULL"))
    author_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PersonAppearance(Base):
    """A record's person in one document, tied to its archive person, with why (`evidence`)."""

    __tablename__ = "person_appearances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("archive_persons.id", ondelete="CASCADE"), index=True)
    record_person_id: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(300))
    surname: Mapped[str] = mapped_column(String(200))
    surname_key: Mapped[str] = mapped_column(String(200), index=True)
    name_keys: Mapped[str] = mapped_column(Text)
    first_name: Mapped[str | None] = mapped_column(String(100))
    patronymic: Mapped[str | None] = mapped_column(String(100))
    initials: Mapped[str | None] = mapped_column(String(20))
    position: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("archive_organizations.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str] = mapped_column(String(20))
    spoke: Mapped[bool] = mapped_column(Boolean, default=False)
    quote_count: Mapped[int] = mapped_column(Integer, default=0)
    quotes: Mapped[list[str]] = mapped_column(JSON, default=list)
    # machine (the identity rule) or archivist (a split or merge); evidence says which fields matched.
    decided_by: Mapped[str] = mapped_column(String(20), default=IdentitySource.MACHINE)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OrganizationAppearance(Base):
    __tablename__ = "organization_appearances"
    __table_args__ = (UniqueConstraint("document_id", "organization_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("archive_organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    mentions: Mapped[int] = mapped_column(Integer, default=0)


class MeetingTopic(Base):
    """A topic of a document's record, with the meeting date copied in for timelines."""

    __tablename__ = "meeting_topics"
    __table_args__ = (UniqueConstraint("document_id", "topic_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    topic_id: Mapped[str] = mapped_column(String(100), index=True)
    label: Mapped[str] = mapped_column(String(200))
    score: Mapped[float] = mapped_column(Float)
    date: Mapped[date | None] = mapped_column(Date, index=True)
