"""The application: settings, database and migrations, the shared extractor, the job queue, the routers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import APIRouter, FastAPI, Request, status
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from pipelines.errors import DecodingError, KeneshError, UnsupportedFormat
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
from service.extraction import Extractor, pipeline_version
from service.jobs.queue import EmbeddedQueue
from service.jobs.tasks import run_extract_job
from service.settings import Settings, get_settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    engine = make_engine(settings.database_url)
    await run_in_threadpool(migrate, engine)
    factory = make_session_factory(engine)
    extractor = Extractor()
    if settings.warm_up:
        await run_in_threadpool(extractor.warm_up)
    queue = EmbeddedQueue(partial(run_extract_job, factory, extractor), workers=settings.job_workers)
    app.state.session_factory = factory
    app.state.extractor = extractor
    app.state.queue = queue
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
    try:
        yield
    finally:
        await run_in_threadpool(queue.close)
        engine.dispose()


# Pipeline errors that reach a route are the client's input; the rest of KeneshError too (a 4xx, not a 500).
_ERROR_STATUS: dict[type[KeneshError], int] = {
    UnsupportedFormat: status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
    DecodingError: 422,
}


async def _kenesh_error(_: Request, exc: Exception) -> JSONResponse:
    code = next((code for kind, code in _ERROR_STATUS.items() if isinstance(exc, kind)), 422)
    return JSONResponse({"detail": str(exc)}, status_code=code)


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
        docs_url="/docs",
    )
    app.state.settings = settings or get_settings()
    app.add_exception_handler(KeneshError, _kenesh_error)
    app.add_exception_handler(Exception, _internal_error)
    v1 = APIRouter(prefix="/v1")
    routers = (extract, documents, records, jobs, auth, persons, organizations, graph, topics, search, export)
    for module in routers:
        v1.include_router(module.router)
    v1.include_router(health_router)
    app.include_router(v1)
    return app
