"""The archivists' pages: the documents list, upload, a document with its record (review and correct), history."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.taxonomy import topics as taxonomy
from pipelines.record import MeetingRecord
from service.api.deps import COOKIE, SessionDep, meeting_filter
from service.api.routes import documents as documents_api
from service.api.routes import records as records_api
from service.api.schemas import COLUMN_INT_MAX
from service.morphology import phrase_key
from service.storage import repositories as repo
from service.storage.browse import DocumentSort
from service.storage.tables import (
    ArchiveOrganization,
    JobState,
    OrganizationAppearance,
    OrganizationName,
    PersonAppearance,
)
from service.ui import spans
from service.ui.choices import chosen_organization
from service.ui.paging import PAGE, Pager
from service.ui.rendering import JOB_STATES, VERSION_KINDS, PageRoute, PageToken, page, same_origin, set_token_cookie

router = APIRouter(include_in_schema=False, route_class=PageRoute)

MEETING_FIELDS = (("title", "Название"), ("body", "Орган"), ("number", "Номер"), ("date", "Дата"), ("place", "Место"))


@router.get("/login", response_class=HTMLResponse)
def login(request: Request, next: str = "/") -> HTMLResponse:
    return page(request, "login.html", None, next=_local(next))


@router.post("/login", response_class=HTMLResponse)
def log_in(
    request: Request,
    session: SessionDep,
    token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """The form posts the token (never in a URL, so never in an access log); the answer sets the cookie."""
    if not same_origin(request):
        return login_page(request, next, "Вход отклонён: форма отправлена с другого сайта.", 403)
    if not token.strip():
        return login_page(request, next, "Введите токен.", 400)
    if repo.find_token(session, token.strip()) is None:
        return login_page(request, next, "Токен не принят: неизвестный или отозванный токен.", 401)
    response = RedirectResponse(_local(next), status_code=303)
    set_token_cookie(request, response, token.strip())
    return response


@router.post("/logout")
def log_out(request: Request) -> Response:
    if not same_origin(request):  # another site's page cannot log this browser out either
        return RedirectResponse("/", status_code=303)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


def _local(next: str) -> str:
    # Only a path of this site: a `next` pointing elsewhere would make the login page an open redirect.
    # Browsers read a backslash as a slash and drop tabs and line breaks: "/\\evil.example" and
    # "/<tab>/evil.example" are "//evil.example", another site.
    local = next.startswith("/") and not next.startswith(("//", "/\\")) and not any(c in next for c in "\r\n\t")
    return next if local else "/"


def login_page(request: Request, next: str, error: str, status_code: int) -> HTMLResponse:
    response = page(request, "login.html", None, next=_local(next), error=error)
    response.status_code = status_code
    return response


def _browse(
    date_from: Annotated[str, Query(alias="from")] = "",
    date_to: Annotated[str, Query(alias="to")] = "",
    organization: str = "",
    topic: str = "",
    state: str = "",
    reviewed: str = "",
    sort: str = "uploaded",
    order: str = "desc",
) -> dict[str, str]:
    # As the form sends them: empty fields are empty strings, parsed (and refused) in home().
    return {
        "from": date_from,
        "to": date_to,
        "organization": organization,
        "topic": topic,
        "state": state,
        "reviewed": reviewed,
        "sort": sort,
        "order": order,
    }


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    session: SessionDep,
    token: PageToken,
    values: Annotated[dict[str, str], Depends(_browse)],
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = PAGE,
) -> HTMLResponse:
    """The documents a page at a time, with their meeting, job and review; sorted and filtered by those."""
    try:
        meetings = meeting_filter(
            date.fromisoformat(values["from"]) if values["from"] else None,
            date.fromisoformat(values["to"]) if values["to"] else None,
            uuid.UUID(values["organization"]) if values["organization"] else None,
            None,
            values["topic"] or None,
        )
        state = JobState(values["state"]) if values["state"] else None
        sort = DocumentSort(values["sort"] or "uploaded")
    except ValueError as exc:
        raise HTTPException(422, f"a filter is not valid: {exc}") from None
    reviewed = {"yes": True, "no": False}.get(values["reviewed"])
    order = "asc" if values["order"] == "asc" else "desc"
    listing = documents_api.list_documents(
        session, token, meetings, offset=offset, limit=limit, state=state, reviewed=reviewed, sort=sort, order=order
    )
    query = {key: value for key, value in values.items() if value}
    return page(
        request,
        "documents.html",
        token,
        documents=listing.data,
        count=listing.count,
        values=values,
        pager=Pager(offset, limit, listing.count, "/", query),
        chosen_organization=chosen_organization(session, values["organization"]),
        topics=taxonomy(),
        job_states=JOB_STATES,
    )


@router.get("/review/next", response_class=RedirectResponse)
def review_next(session: SessionDep, token: PageToken, after: uuid.UUID | None = None) -> RedirectResponse:
    """The review queue: on to the oldest extracted document nobody has marked reviewed yet."""
    found = documents_api.next_unreviewed(session, token, after)
    target = f"/documents/{found.id}" if found else "/?reviewed=no&queue=empty"
    return RedirectResponse(target, status_code=303)


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
    saved: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:
    """The text with its spans marked beside the record; an earlier `version` is shown read-only.

    `saved` is the version a correction on this page just stored: the page says «Сохранено».
    """
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
        org_links=_archive_organizations(session, document_id, record),
        saved=saved,
        kinds=VERSION_KINDS,
        meeting_fields=MEETING_FIELDS,
        taxonomy=taxonomy(),
        # What the edit dialog fills its form from: the record's own values, not their rendering.
        persons_json=[person.model_dump(exclude={"quotes"}) for person in record.persons] if record else [],
        mention_choices=_mention_choices(record) if record else [],
    )


# The Russian names of the entity kinds, as the highlight labels give them.
MENTION_KINDS = (
    ("person", "persons", "ПЕРС"),
    ("organization", "organizations", "ОРГ"),
    ("location", "locations", "МЕСТО"),
    ("issue", "issues", "ВОПРОС"),
    ("decision", "decisions", "РЕШЕНИЕ"),
)


def _mention_choices(record: MeetingRecord) -> list[dict[str, Any]]:
    """Every mention the selection panel can move to the selected words: which entity, which of its mentions."""
    choices = []
    for entity, field, label in MENTION_KINDS:
        for index, item in enumerate(getattr(record, field)):
            name = getattr(item, "name", None) or getattr(item, "text", "")
            for number, mention in enumerate(item.mentions):
                choices.append(
                    {
                        "entity": entity,
                        "ref": index,
                        "mention": number,
                        "start": mention.start,
                        "end": mention.end,
                        "label": f"{label} {_short(name)}: «{_short(mention.text)}»"
                        + (f", стр. {mention.page}" if record.document.pages > 1 and mention.page else ""),
                    }
                )
    return sorted(choices, key=lambda choice: (choice["start"], choice["end"]))


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


@router.get("/documents/{document_id}/pages/{number}.png", response_class=Response)
def page_image(
    document_id: uuid.UUID, number: Annotated[int, Path(ge=1)], session: SessionDep, token: PageToken
) -> Response:
    """A page image for the document page's <img> (the page's cookie, not a bearer, authorises it)."""
    return documents_api.page_image(document_id, number, session, token)


@router.get("/documents/{document_id}/history", response_class=HTMLResponse)
def history(
    document_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    token: PageToken,
    saved: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:
    """Every version of the record with its author and time; an archivist can restore any of them."""
    detail = documents_api.get_document(document_id, session, token)
    versions = records_api.list_versions(document_id, session, token)
    return page(request, "history.html", token, doc=detail, versions=versions, kinds=VERSION_KINDS, saved=saved)


def _archive_person_ids(session: Session, document_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """The record's person ids → their archive person, for links to the person pages."""
    rows = session.execute(
        select(PersonAppearance.record_person_id, PersonAppearance.person_id).where(
            PersonAppearance.document_id == document_id
        )
    )
    return {record_id: person_id for record_id, person_id in rows}


def _archive_organizations(
    session: Session, document_id: uuid.UUID, record: MeetingRecord | None
) -> list[ArchiveOrganization | None]:
    """Each of the record's organizations as the archive has it (merged, renamed), found as the index finds it:
    by the lemmas of its names, among the organizations the document is indexed with."""
    if record is None:
        return []
    present = select(OrganizationAppearance.organization_id).where(OrganizationAppearance.document_id == document_id)
    keys = [[key for name in (org.name, *org.aliases) if (key := phrase_key(name))] for org in record.organizations]
    wanted = {key for found in keys for key in found}
    rows = session.execute(
        select(OrganizationName.key, ArchiveOrganization)
        .join(ArchiveOrganization, ArchiveOrganization.id == OrganizationName.organization_id)
        .where(OrganizationName.key.in_(wanted), OrganizationName.organization_id.in_(present))
        .order_by(OrganizationName.id)
    ).all()
    by_key: dict[str, ArchiveOrganization] = {}
    for key, organization in rows:
        by_key.setdefault(key, organization)
    return [next((by_key[key] for key in found if key in by_key), None) for found in keys]
