"""What every page shares: the templates, the token cookie, and the Russian names of the archive's values."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from service.api.deps import COOKIE, SessionDep
from service.api.validation import validation_message
from service.storage import repositories as repo
from service.storage.tables import Role, Token
from service.ui.messages import russian

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")

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
JOB_STATES = {"queued": "в очереди", "running": "обрабатывается", "failed": "ошибка", "done": "готово"}
VERSION_KINDS = {
    "machine": "машинная",
    "correction": "исправление",
    "restore": "восстановление",
    "carried": "исправление, перенесённое на новое извлечение",
}


MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def meeting_date(value: str | None) -> str:
    """A record's date as a reader says it: «23 мая 2011», or «23 мая (год не указан)» for --MM-DD."""
    if not value:
        return ""
    year, month, day = value[:4], value[-5:-3], value[-2:]
    if not (month.isdigit() and day.isdigit() and 1 <= int(month) <= 12):
        return value
    said = f"{int(day)} {MONTHS[int(month) - 1]}"
    return f"{said} {year}" if year.isdigit() else f"{said} (год не указан)"


templates.env.filters["meeting_date"] = meeting_date
templates.env.filters["russian"] = russian


class LoginRequired(Exception):
    """No valid token cookie: the page sends the browser to the login page."""


def page_token(request: Request, session: SessionDep) -> Token:
    plain = request.cookies.get(COOKIE)
    token = repo.find_token(session, plain) if plain else None
    if token is None:
        raise LoginRequired
    return token


PageToken = Annotated[Token, Depends(page_token)]


def set_token_cookie(request: Request, response: Response, token: str) -> None:
    """The token as the pages' cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends
    it), Secure over HTTPS, for this browser session."""
    response.set_cookie(COOKIE, token, path="/", httponly=True, samesite="strict", secure=request.url.scheme == "https")


def same_origin(request: Request) -> bool:
    """False for a form another site's page posted here (login CSRF); browsers send `Origin` on every POST."""
    origin = request.headers.get("origin")
    if request.headers.get("sec-fetch-site") == "cross-site":
        return False
    return origin is None or urlsplit(origin).netloc == request.headers.get("host")


def login_redirect(request: Request, _: Exception) -> Response:
    # The query too: a filtered, sorted, paged list is where the reader comes back to.
    target = f"{request.url.path}?{request.url.query}" if request.url.query else request.url.path
    return RedirectResponse(f"/login?{urlencode({'next': target}, safe='/')}", status_code=303)


def page(request: Request, name: str, token: Token | None, **context: Any) -> HTMLResponse:
    # The API enforces roles on every write; this only decides which controls a page draws.
    can_edit = token is not None and token.role == Role.ARCHIVIST.value
    return templates.TemplateResponse(
        request, name, {"token": token, "can_edit": can_edit, "roles": ROLES, "stages": STAGES, **context}
    )


class PageRoute(APIRoute):
    """A page's errors (an unknown document, a malformed address) as a page in Russian, not the API's JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def render_errors(request: Request) -> Response:
            try:
                return await handler(request)
            except HTTPException as exc:
                return _error(request, exc.status_code, str(exc.detail))
            except RequestValidationError as exc:
                return _error(request, 422, validation_message(exc))

        return render_errors


def _error(request: Request, status_code: int, detail: str) -> HTMLResponse:
    response = templates.TemplateResponse(
        request, "error.html", {"token": None, "can_edit": False, "status_code": status_code, "detail": detail}
    )
    response.status_code = status_code
    return response
