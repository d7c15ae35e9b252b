"""The documents list as archivists browse it: each document with its meeting, latest job and review, a page at a time.

Filters are the research filters (period, organization, person, topic) plus the job state and the review; a
document not indexed yet has no meeting, so any meeting filter leaves it out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, nulls_last, select, text, update
from sqlalchemy.orm import Session, defer

from service.storage import index as research_index
from service.storage.repositories import latest_versions
from service.storage.research import MeetingFilter
from service.storage.tables import (
    MEETINGS_FTS,
    Document,
    DocumentPage,
    IndexedMeeting,
    Job,
    JobState,
    OrganizationAppearance,
    PersonAppearance,
    Record,
    utcnow,
)


class DocumentSort(StrEnum):
    UPLOADED = "uploaded"
    DATE = "date"
    TITLE = "title"
    FILENAME = "filename"
    STATE = "state"
    REVIEWED = "reviewed"


@dataclass(frozen=True)
class DocumentQuery:
    meetings: MeetingFilter = field(default_factory=MeetingFilter)
    state: JobState | None = None
    reviewed: bool | None = None
    sort: DocumentSort = DocumentSort.UPLOADED
    descending: bool = True


@dataclass(frozen=True)
class DocumentRow:
    document: Document
    meeting: IndexedMeeting | None
    job: Job | None
    record_version: int | None


def _latest_job_id() -> Any:
    # The newest job of each document, as a correlated subquery: one row per document on both databases.
    return (
        select(Job.id)
        .where(Job.document_id == Document.id)
        .order_by(Job.created_at.desc(), Job.id)
        .limit(1)
        .correlate(Document)
        .scalar_subquery()
    )


def _conditions(query: DocumentQuery) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = list(query.meetings.conditions())
    if query.state is not None:
        found.append(Job.state == query.state.value)
    if query.reviewed is True:
        found.append(Document.reviewed_version.is_not(None))
    elif query.reviewed is False:
        found.append(Document.reviewed_version.is_(None))
    return found


def _order(query: DocumentQuery) -> list[Any]:
    column: Any = {
        DocumentSort.UPLOADED: Document.created_at,
        DocumentSort.DATE: IndexedMeeting.date,
        DocumentSort.TITLE: func.lower(IndexedMeeting.title),
        DocumentSort.FILENAME: func.lower(Document.filename),
        DocumentSort.STATE: Job.state,
        DocumentSort.REVIEWED: Document.reviewed_at,
    }[query.sort]
    # Unknown values (no meeting date, never reviewed) come last either way; the id makes pages stable.
    key = nulls_last(column.desc() if query.descending else column.asc())
    return [key, Document.created_at.desc(), Document.id]


def _base(query: DocumentQuery) -> Select[Any]:
    return (
        select(Document, IndexedMeeting, Job)
        .options(defer(Document.text))
        .outerjoin(IndexedMeeting, IndexedMeeting.document_id == Document.id)
        .outerjoin(Job, Job.id == _latest_job_id())
        .where(*_conditions(query))
    )


def list_documents(session: Session, query: DocumentQuery, offset: int, limit: int) -> tuple[list[DocumentRow], int]:
    """A page of documents with their meeting, latest job and record version, and how many match in all."""
    base = _base(query)
    count = session.scalar(select(func.count()).select_from(base.with_only_columns(Document.id).subquery())) or 0
    rows = session.execute(base.order_by(*_order(query)).offset(offset).limit(limit)).all()
    versions = latest_versions(session, [document.id for document, _, _ in rows])
    page = [DocumentRow(document, meeting, job, versions.get(document.id)) for document, meeting, job in rows]
    return page, count


def next_unreviewed(session: Session, after: uuid.UUID | None = None) -> uuid.UUID | None:
    """The oldest extracted document nobody has reviewed (other than `after`, the one just looked at)."""
    has_record = select(Record.id).where(Record.document_id == Document.id).exists()
    found = select(Document.id).where(Document.reviewed_version.is_(None), has_record)
    if after is not None:
        found = found.where(Document.id != after)
    return session.scalar(found.order_by(Document.created_at, Document.id).limit(1))


def mark_reviewed(session: Session, document_id: uuid.UUID, version: int, token_id: uuid.UUID) -> None:
    session.execute(
        update(Document)
        .where(Document.id == document_id)
        .values(reviewed_version=version, reviewed_at=utcnow(), reviewed_by=token_id)
        .execution_options(synchronize_session=False)
    )


def delete_document(session: Session, document_id: uuid.UUID) -> None:
    """The document with its file, records, jobs, pages and index rows; archive persons and organizations
    that only it named go too. Foreign keys cascade the rest; the SQLite full-text table has none.
    """
    person_ids = set(
        session.scalars(select(PersonAppearance.person_id).where(PersonAppearance.document_id == document_id))
    )
    organization_ids = set(
        session.scalars(
            select(OrganizationAppearance.organization_id).where(OrganizationAppearance.document_id == document_id)
        )
    ) | {
        organization_id
        for organization_id in session.scalars(
            select(PersonAppearance.organization_id).where(
                and_(PersonAppearance.document_id == document_id, PersonAppearance.organization_id.is_not(None))
            )
        )
    }
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"DELETE FROM {MEETINGS_FTS} WHERE document_id = :id"), {"id": str(document_id)})
    for table in (DocumentPage, PersonAppearance, OrganizationAppearance):
        session.execute(
            delete(table).where(table.document_id == document_id).execution_options(synchronize_session=False)
        )
    session.execute(delete(Document).where(Document.id == document_id).execution_options(synchronize_session=False))
    research_index.drop_orphans(session, person_ids, organization_ids)
    session.expire_all()
