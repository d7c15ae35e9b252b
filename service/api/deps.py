"""Dependencies: the database session, settings, the shared extractor and job queue, and token roles."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import HTTPConnection

from service.extraction import Extractor
from service.jobs.queue import JobQueue
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.research import MeetingFilter
from service.storage.tables import Role, Token


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session_factory(request: Request) -> sessionmaker[Session]:
    return request.app.state.session_factory


def get_session(factory: Annotated[sessionmaker[Session], Depends(get_session_factory)]) -> Iterator[Session]:
    with factory() as session:
        yield session


def get_extractor(request: Request) -> Extractor:
    return request.app.state.extractor


def get_queue(request: Request) -> JobQueue:
    return request.app.state.queue


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionFactoryDep = Annotated[sessionmaker[Session], Depends(get_session_factory)]
# scope="function": the session (and its pooled connection) is closed when the route returns, not when
# the response ends, so a long Server-Sent Events stream does not hold a connection.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
QueueDep = Annotated[JobQueue, Depends(get_queue)]

# auto_error=False: a missing header gets our 401 with a message, not FastAPI's bare 403.
_bearer = HTTPBearer(auto_error=False, description="a token from `kenesh token create`")


# The web UI's token lives in an HttpOnly cookie, out of reach of any script. The UI's own scripts call the
# API with that cookie and this header: a cross-origin page cannot send a custom header without a CORS
# preflight, which this service never grants, so the cookie alone authenticates no forged request (and the
# cookie, SameSite=Strict, is not sent from other sites at all).
COOKIE = "kenesh_token"
PAGE_HEADER = "X-Kenesh-Page"


def current_token(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Token:
    plain = credentials.credentials if credentials is not None else page_cookie(request)
    if plain is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing token: send `Authorization: Bearer <token>` (create one with `kenesh token create`)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    token = repo.find_token(session, plain)
    if token is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"}
        )
    return token


def page_cookie(connection: HTTPConnection) -> str | None:
    """The token of the page cookie, when the UI's own scripts sent it (`PAGE_HEADER`); else None.

    Anything that authenticates `/v1` requests ahead of the routes (a middleware, on `HTTPConnection(scope)`)
    must take this as well as a bearer token, or the pages' scripts are refused."""
    if connection.headers.get(PAGE_HEADER) != "1":
        return None
    return connection.cookies.get(COOKIE) or None


# Each role check and the roles it admits: the OpenAPI schema and the access tests read the rules from here.
ROLE_CHECKS: dict[Callable[..., Token], frozenset[str]] = {}


def require(*roles: Role) -> Callable[[Token], Token]:
    allowed = {role.value for role in roles}

    def check(token: Annotated[Token, Depends(current_token)]) -> Token:
        if token.role not in allowed:
            needed = " or ".join(sorted(allowed))
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, f"this needs a token of role {needed}; yours is {token.role}"
            )
        return token

    ROLE_CHECKS[check] = frozenset(allowed)
    return check


ReaderDep = Annotated[Token, Depends(require(Role.RESEARCHER, Role.ARCHIVIST))]
ArchivistDep = Annotated[Token, Depends(require(Role.ARCHIVIST))]


def meeting_filter(
    date_from: Annotated[date | None, Query(alias="from", description="meetings on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="meetings on or before (YYYY-MM-DD)")] = None,
    organization: Annotated[uuid.UUID | None, Query(description="an archive organization's id")] = None,
    person: Annotated[uuid.UUID | None, Query(description="an archive person's id")] = None,
    topic: Annotated[str | None, Query(description="a topic id, e.g. migration")] = None,
) -> MeetingFilter:
    """The research endpoints' common filters (a period leaves out meetings whose date has no year)."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise HTTPException(422, "`from` is after `to`")
    return MeetingFilter(date_from, date_to, organization, person, topic)


MeetingFilterDep = Annotated[MeetingFilter, Depends(meeting_filter)]
