"""The application: settings, database and migrations, the shared extractor, the job queue, the routers."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI, Request, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from pipelines.errors import (
    CorruptDocument,
    DecodingError,
    EncryptedDocument,
    KeneshError,
    LimitExceeded,
    OcrUnavailable,
    UnsupportedFormat,
)
from service.api import docs
from service.api.authentication import AuthenticationMiddleware
from service.api.body import BodyLimitMiddleware
from service.api.headers import SecurityHeadersMiddleware
from service.api.job_streams import JobWatch, StreamSlots
from service.api.openapi import document_error_answers
from service.api.overload import ConcurrencyLimitMiddleware
from service.api.ratelimit import RateLimitMiddleware
from service.api.routes import (
    auth,
    documents,
    export,
    extract,
    graph,
    jobs,
    organizations,
    persons,
    records,
    search,
    topics,
)
from service.api.schemas import Health
from service.api.validation import validation_message
from service.extraction import Extractor, pipeline_version
from service.jobs.queue import EmbeddedQueue, JobQueue, QueueUnavailable
from service.jobs.tasks import JobLimits, run_extract_job
from service.settings import Settings, get_settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.ui import routes as ui

if TYPE_CHECKING:
    from service.jobs.sweep import Sweeper

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    extractor = Extractor(settings.max_concurrent_extractions)
    if settings.extract_processes > 0:
        # First, in this thread, before any other starts work: the extraction processes are forked from here.
        # The jobs get processes of their own only without a broker (Celery workers run them otherwise).
        jobs = 0 if settings.broker_url else settings.job_workers
        extractor.start(settings.extract_processes, jobs)
    engine = make_engine(settings.database_url)
    await run_in_threadpool(migrate, engine)
    factory = make_session_factory(engine)
    if settings.warm_up and settings.extract_processes == 0:
        await run_in_threadpool(extractor.warm_up)
    queue: JobQueue
    sweeper: Sweeper | None = None
    if settings.broker_url:
        # Celery loads only when it is configured
        from service.jobs.celery_app import CeleryQueue, make_celery
        from service.jobs.sweep import Sweeper

        queue = CeleryQueue(make_celery(settings.broker_url), factory)
        # Jobs the broker lacks (a 503'd upload, a broker restarted empty, a dead worker's) are handed over
        # again now and every KENESH_JOB_SWEEP_SECONDS.
        sweeper = Sweeper(factory, queue, settings.job_sweep_seconds, settings.job_lease_seconds)
    else:
        queue = EmbeddedQueue(
            partial(run_extract_job, factory, extractor, limits=JobLimits.of(settings)), workers=settings.job_workers
        )
    app.state.session_factory = factory
    app.state.job_watch = JobWatch(factory, settings.sse_poll_seconds)
    app.state.stream_slots = StreamSlots(settings.max_streams_per_token)
    app.state.extractor = extractor
    app.state.queue = queue
    waiting: list[uuid.UUID] = []
    if sweeper is None:
        # A running job was cut off only if it ran in this process; Celery workers may still be running theirs,
        # and the sweep hands the broker the jobs it lacks.
        with session_scope(factory) as session:
            waiting = repo.requeue_interrupted(session)
        if waiting:
            log.info("resuming %d queued jobs", len(waiting))
    with session_scope(factory) as session:
        indexed = await run_in_threadpool(repo.index_missing, session)
    if indexed:
        log.info("indexed %d documents for research", indexed)
    for job_id in waiting:
        queue.submit(job_id)
    if sweeper is not None:
        if settings.job_sweep_seconds > 0:
            sweeper.start()  # its first pass runs at once
        else:
            await run_in_threadpool(sweeper.sweep, 0.0)  # no periodic sweep: one pass at each start
    try:
        yield
    finally:
        await app.state.job_watch.close()
        if sweeper is not None:
            await run_in_threadpool(sweeper.stop)
        await run_in_threadpool(queue.close)
        await run_in_threadpool(extractor.close)
        engine.dispose()


# Pipeline errors that reach a route are the client's input; the rest of KeneshError too (a 4xx, not a 500).
# The first matching class wins, so subclasses (LimitExceeded is an InputError) come before their bases.
_ERROR_STATUS: dict[type[KeneshError], int] = {
    LimitExceeded: status.HTTP_413_CONTENT_TOO_LARGE,
    UnsupportedFormat: status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
    # The document may be fine; this server cannot read it now, so the client may try again elsewhere or later.
    OcrUnavailable: status.HTTP_503_SERVICE_UNAVAILABLE,
    CorruptDocument: 422,
    EncryptedDocument: 422,
    DecodingError: 422,
}


async def _kenesh_error(_: Request, exc: Exception) -> JSONResponse:
    code = next((code for kind, code in _ERROR_STATUS.items() if isinstance(exc, kind)), 422)
    return JSONResponse({"detail": str(exc)}, status_code=code)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    # FastAPI's own 422 is a list of error objects; every other error here is one line a person can read.
    return JSONResponse({"detail": validation_message(exc)}, status_code=422)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == status.HTTP_400_BAD_REQUEST:
        # Starlette's and FastAPI's own answer to a body they cannot parse (a JSON body that is not UTF-8,
        # a multipart body with too many parts): malformed like any other request here, so a 422.
        return JSONResponse({"detail": f"the request body cannot be read: {exc.detail}"}, status_code=422)
    return await http_exception_handler(request, exc)


async def _data_error(_: Request, exc: Exception) -> JSONResponse:
    # A value the database cannot hold (an integer past PostgreSQL's range, a NUL character in a text) can
    # only have come from the request: the client's error, not a crash. SQLite stores such values as given.
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return JSONResponse({"detail": f"a value in the request cannot be stored or compared: {reason}"}, status_code=422)


async def _queue_unavailable(_: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)


async def _client_gone(request: Request, _: Exception) -> Response:
    # The client closed the connection before its body was read (a load generator stopping, a browser tab
    # closed): nobody is left to answer, and it is not the service's failure.
    log.info("%s %s: the client left before its body was read", request.method, request.url.path)
    return Response(status_code=status.HTTP_400_BAD_REQUEST)


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "internal error; the service log has the details"}, status_code=500)


health_router = APIRouter(tags=["health"])


@health_router.get("/health", response_model=Health)
def health() -> Health:
    """Up and migrated (no token needed)."""
    return Health(status="ok", version=pipeline_version())


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Kenesh",
        summary="Russian meeting documents → structured meeting records, and an archive of them.",
        version=pipeline_version() or "0",
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc from vendored files: service/api/docs.py
        redoc_url=None,
    )
    app.state.settings = settings or get_settings()
    limits = app.state.settings
    if limits.max_concurrent_requests:
        app.add_middleware(
            ConcurrencyLimitMiddleware,
            limit=limits.max_concurrent_requests,
            queue=limits.max_queued_requests,
            wait=limits.request_wait_seconds,
        )
    if limits.rate_limit_per_minute:
        app.add_middleware(RateLimitMiddleware, per_minute=limits.rate_limit_per_minute)
    # Added last, so run first: who the caller is before the rate limit and the admission bound use it, and
    # a body's size from its headers before anything else.
    app.add_middleware(AuthenticationMiddleware, failures_per_minute=limits.failed_auth_per_minute)
    app.add_middleware(
        BodyLimitMiddleware,
        max_request_bytes=limits.max_request_bytes,
        max_upload_bytes=limits.max_upload_bytes,
        max_files=limits.max_files_per_upload,
        seconds=limits.body_seconds,
    )
    # Outermost: the 401s, 413s, 429s and 503s of the layers above carry the security headers too.
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_exception_handler(KeneshError, _kenesh_error)
    app.add_exception_handler(QueueUnavailable, _queue_unavailable)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DataError, _data_error)
    app.add_exception_handler(ClientDisconnect, _client_gone)
    app.add_exception_handler(Exception, _internal_error)
    v1 = APIRouter(prefix="/v1")
    routers = (extract, documents, records, jobs, auth, persons, organizations, graph, topics, search, export)
    for module in routers:
        v1.include_router(module.router)
    v1.include_router(health_router)
    app.include_router(v1)
    ui.mount(app)  # the web UI's pages at / and their assets at /static
    docs.mount(app)
    document_error_answers(app)
    return app
