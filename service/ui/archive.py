"""The archivists' pages: the documents list, upload, a document with its record (review and correct), history."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.api.deps import SessionDep
from service.api.routes import documents as documents_api
from service.api.routes import records as records_api
from service.api.schemas import COLUMN_INT_MAX
from service.storage.tables import PersonAppearance
from service.ui import spans
from service.ui.rendering import VERSION_KINDS, PageRoute, PageToken, page

router = APIRouter(include_in_schema=False, route_class=PageRoute)


@router.get("/login", response_class=HTMLResponse)
def login(request: Request, next: str = "/") -> HTMLResponse:
    # Only a path of this site: a `next` pointing elsewhere would make the login page an open redirect.
    # Browsers read a backslash as a slash and drop tabs and line breaks: "/\\evil.example" and
    # "/<tab>/evil.example" are "//evil.example", another site.
    local = next.startswith("/") and not next.startswith(("//", "/\\")) and not any(c in next for c in "\r\n\t")
    return page(request, "login.html", None, next=next if local else "/")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, token: PageToken) -> HTMLResponse:
    listing = documents_api.list_documents(session, token, offset=0, limit=100)
    return page(request, "documents.html", token, documents=listing.data, count=listing.count)


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request, token: PageToken) -> HTMLResponse:
    return page(request, "upload.html", token)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(
    document_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    token: PageToken,
    version: Annotated[int | None, Query(ge=1, le=COLUMN_INT_MAX)] = None,
) -> HTMLResponse:
    """The text with its spans marked beside the record; an earlier `version` is shown read-only."""
    detail = documents_api.get_document(document_id, session, token)
    record, shown = detail.record, detail.record_version
    if version is not None and version != detail.record_version:
        record, shown = records_api.get_record(document_id, session, token, version).record, version
    html = None
    fields: dict[str, list[spans.Field]] = {}
    if record is not None and detail.text is not None:
        marks, fields = spans.collect(record)
        html, drawn = spans.render(detail.text, marks)
        for group in fields.values():
            for field in group:
                field.anchors = [anchor for anchor in field.anchors if anchor in drawn]
    return page(
        request,
        "document.html",
        token,
        doc=detail,
        rec=record,
        shown_version=shown,
        is_current=shown == detail.record_version,
        html=html,
        fields=fields,
        labels=spans.LABELS,
        person_ids=_archive_person_ids(session, document_id),
        # What the edit dialog fills its form from: the record's own values, not their rendering.
        persons_json=[person.model_dump(exclude={"quotes"}) for person in record.persons] if record else [],
    )


@router.get("/documents/{document_id}/history", response_class=HTMLResponse)
def history(document_id: uuid.UUID, request: Request, session: SessionDep, token: PageToken) -> HTMLResponse:
    """Every version of the record with its author and time; an archivist can restore any of them."""
    detail = documents_api.get_document(document_id, session, token)
    versions = records_api.list_versions(document_id, session, token)
    return page(request, "history.html", token, doc=detail, versions=versions, kinds=VERSION_KINDS)


def _archive_person_ids(session: Session, document_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """The record's person ids → their archive person, for links to the person pages."""
    rows = session.execute(
        select(PersonAppearance.record_person_id, PersonAppearance.person_id).where(
            PersonAppearance.document_id == document_id
        )
    )
    return {record_id: person_id for record_id, person_id in rows}
