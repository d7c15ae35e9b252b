"""The UI's pages. The token is a cookie set by the login page (the page's scripts send it as a bearer token)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.api.deps import SessionDep, meeting_filter
from service.api.routes import documents as documents_api
from service.api.routes import persons as persons_api
from service.api.routes import search as search_api
from service.storage import repositories as repo
from service.storage.tables import PersonAppearance, Role, Token
from service.ui import spans

HERE = Path(__file__).parent
COOKIE = "kenesh_token"
templates = Jinja2Templates(directory=HERE / "templates")
static = StaticFiles(directory=HERE / "static")
router = APIRouter(include_in_schema=False)

STAGES = {
    "starting": "начало",
    "read": "чтение",
    "ocr": "распознавание (OCR)",
    "clean": "очистка",
    "nlp": "анализ текста (NLP)",
    "assemble": "сборка записи",
    "store": "сохранение",
}
ROLES = {
    "chair": "председатель",
    "secretary": "секретарь",
    "speaker": "выступающий",
    "attendee": "участник",
    "mentioned": "упомянут",
}


class LoginRequired(Exception):
    """No valid token cookie: the page sends the browser to the login page."""


def page_token(request: Request, session: SessionDep) -> Token:
    plain = request.cookies.get(COOKIE)
    token = repo.find_token(session, plain) if plain else None
    if token is None:
        raise LoginRequired
    return token


PageToken = Annotated[Token, Depends(page_token)]


def login_redirect(request: Request, _: Exception) -> Response:
    return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


def page(request: Request, name: str, token: Token | None, **context: Any) -> HTMLResponse:
    can_edit = token is not None and token.role == Role.ARCHIVIST.value
    return templates.TemplateResponse(request, name, {"token": token, "can_edit": can_edit, **context})


@router.get("/login", response_class=HTMLResponse)
def login(request: Request, next: str = "/") -> HTMLResponse:
    return page(request, "login.html", None, next=next if next.startswith("/") and not next.startswith("//") else "/")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, token: PageToken) -> HTMLResponse:
    listing = documents_api.list_documents(session, token, offset=0, limit=100)
    return page(request, "documents.html", token, documents=listing.data, count=listing.count)


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request, token: PageToken) -> HTMLResponse:
    return page(request, "upload.html", token, stages=STAGES)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(document_id: uuid.UUID, request: Request, session: SessionDep, token: PageToken) -> HTMLResponse:
    detail = documents_api.get_document(document_id, session, token)
    html = None
    fields: dict[str, list[spans.Field]] = {}
    if detail.record is not None and detail.text is not None:
        marks, fields = spans.collect(detail.record)
        html, drawn = spans.render(detail.text, marks)
        for group in fields.values():
            for field in group:
                field.anchors = [anchor for anchor in field.anchors if anchor in drawn]
    person_ids = _archive_person_ids(session, document_id)
    return page(
        request,
        "document.html",
        token,
        doc=detail,
        html=html,
        fields=fields,
        labels=spans.LABELS,
        stages=STAGES,
        roles=ROLES,
        person_ids=person_ids,
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, session: SessionDep, token: PageToken, q: Annotated[str, Query()] = "") -> HTMLResponse:
    results = None
    error = None
    persons = None
    if q.strip():
        try:
            results = search_api.search(session, token, meeting_filter(), q=q, offset=0, limit=50)
        except HTTPException as exc:
            error = exc.detail
        persons = persons_api.list_persons(session, token, q=q, offset=0, limit=20).data
    return page(request, "search.html", token, q=q, results=results, persons=persons, error=error)


@router.get("/persons/{person_id}", response_class=HTMLResponse)
def person(person_id: uuid.UUID, request: Request, session: SessionDep, token: PageToken) -> HTMLResponse:
    detail = persons_api.get_person(person_id, session, token)
    return page(request, "person.html", token, person=detail, roles=ROLES)


def _archive_person_ids(session: Session, document_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """The record's person ids → their archive person, for links to the person pages."""
    rows = session.execute(
        select(PersonAppearance.record_person_id, PersonAppearance.person_id).where(
            PersonAppearance.document_id == document_id
        )
    )
    return {record_id: person_id for record_id, person_id in rows}


def mount(app: Any) -> None:
    """Serve the pages at / and their assets at /static."""
    app.include_router(router)
    app.mount("/static", static, name="static")
    app.add_exception_handler(LoginRequired, login_redirect)
