"""Jobs: state and progress, a Server-Sent Events stream of both, and retry of a failed job."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from service.api.deps import ArchivistDep, QueueDep, ReaderDep, SessionDep, SessionFactoryDep, SettingsDep
from service.api.schemas import JobPublic, Message
from service.storage import repositories as repo
from service.storage.tables import Job, JobState

router = APIRouter(prefix="/jobs", tags=["jobs"])

NOT_FOUND = {404: {"model": Message}}
FINAL_STATES = {JobState.DONE.value, JobState.FAILED.value}
# A comment line now and then keeps proxies from closing a stream that has nothing new to say.
KEEPALIVE_SECONDS = 15.0


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, **{code: {"model": Message} for code in (401, 404, 422)}},
)
def batch_events(
    request: Request,
    session: SessionDep,
    factory: SessionFactoryDep,
    settings: SettingsDep,
    _: ReaderDep,
    ids: Annotated[
        list[uuid.UUID], Query(description="the jobs to follow (repeatable, as many as one upload may make)")
    ],
) -> StreamingResponse:
    """Server-Sent Events for a batch of jobs on one connection: a `progress` event with a job (as in
    GET /v1/jobs/{id}) whenever one of them changes, first one for each. The stream ends once all are done or
    failed. A browser allows six connections to a host: a stream per job would leave the seventh file waiting.
    """
    wanted = list(dict.fromkeys(ids))
    if len(wanted) > settings.max_files_per_upload:
        raise HTTPException(422, f"at most {settings.max_files_per_upload} jobs per stream, not {len(wanted)}")
    found = {job.id for job in session.scalars(select(Job).where(Job.id.in_(wanted)))}
    if missing := [str(job_id) for job_id in wanted if job_id not in found]:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {', '.join(missing[:5])}")
    # The route's session closes when it returns; each poll of the stream opens and closes its own.
    stream = _batch_events(request, factory, wanted, settings.sse_poll_seconds)
    return StreamingResponse(stream, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


async def _batch_events(
    request: Request, factory: sessionmaker[Session], job_ids: list[uuid.UUID], poll_seconds: float
) -> AsyncIterator[str]:
    last: dict[uuid.UUID, str] = {}
    pending = set(job_ids)
    last_sent = time.monotonic()
    while pending and not await request.is_disconnected():
        jobs = await run_in_threadpool(_batch_snapshot, factory, sorted(pending))
        for job_id in sorted(pending, key=job_ids.index):
            job = jobs.get(job_id)
            if job is None:  # deleted with its document meanwhile
                pending.discard(job_id)
                yield f"event: error\ndata: {Message(detail=f'job {job_id} is gone').model_dump_json()}\n\n"
                continue
            payload = job.model_dump_json()
            if payload != last.get(job_id):
                last[job_id], last_sent = payload, time.monotonic()
                yield f"event: progress\ndata: {payload}\n\n"
            if job.state in FINAL_STATES:
                pending.discard(job_id)
        if not pending:
            return
        if time.monotonic() - last_sent > KEEPALIVE_SECONDS:
            last_sent = time.monotonic()
            yield ": keep-alive\n\n"
        await asyncio.sleep(poll_seconds)


def _batch_snapshot(factory: sessionmaker[Session], job_ids: list[uuid.UUID]) -> dict[uuid.UUID, JobPublic]:
    # A short session per poll: closed before the stream sleeps, so a hundred open streams hold no connections.
    with factory() as session:
        jobs = session.scalars(select(Job).where(Job.id.in_(job_ids)))
        return {job.id: JobPublic.model_validate(job) for job in jobs}


@router.get("/{job_id}", response_model=JobPublic, responses=NOT_FOUND)
def get_job(job_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> JobPublic:
    """State (queued, running, done, failed with the reason) and progress (stage, percent)."""
    return JobPublic.model_validate(_job_or_404(session, job_id))


@router.get(
    "/{job_id}/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, **NOT_FOUND},
)
def job_events(
    job_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    factory: SessionFactoryDep,
    settings: SettingsDep,
    _: ReaderDep,
) -> StreamingResponse:
    """Server-Sent Events: a `progress` event with the job (as in GET /v1/jobs/{id}) at every change.

    The stream ends after the event that shows the job done or failed.
    """
    _job_or_404(session, job_id)
    stream = _events(request, factory, job_id, settings.sse_poll_seconds)
    return StreamingResponse(stream, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


async def _events(
    request: Request, factory: sessionmaker[Session], job_id: uuid.UUID, poll_seconds: float
) -> AsyncIterator[str]:
    # Polling the row, not an in-process signal: the job may run in another process (a Celery worker).
    last: str | None = None
    last_sent = time.monotonic()
    while not await request.is_disconnected():
        job = await run_in_threadpool(_snapshot, factory, job_id)
        if job is None:
            yield f"event: error\ndata: {Message(detail=f'job {job_id} is gone').model_dump_json()}\n\n"
            return
        payload = job.model_dump_json()
        if payload != last:
            last, last_sent = payload, time.monotonic()
            yield f"event: progress\ndata: {payload}\n\n"
            if job.state in FINAL_STATES:
                return
        elif time.monotonic() - last_sent > KEEPALIVE_SECONDS:
            last_sent = time.monotonic()
            yield ": keep-alive\n\n"
        await asyncio.sleep(poll_seconds)


def _snapshot(factory: sessionmaker[Session], job_id: uuid.UUID) -> JobPublic | None:
    with factory() as session:
        job = repo.get_job(session, job_id)
        return JobPublic.model_validate(job) if job else None


@router.post(
    "/{job_id}/retry",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobPublic,
    responses={409: {"model": Message}, **NOT_FOUND},
)
def retry_job(job_id: uuid.UUID, session: SessionDep, queue: QueueDep, _: ArchivistDep) -> JobPublic:
    """Queue a failed job again (the same job: its attempts count goes on)."""
    job = _job_or_404(session, job_id)
    if job.state != JobState.FAILED.value:
        raise HTTPException(status.HTTP_409_CONFLICT, f"the job is {job.state}; only a failed job can be retried")
    repo.retry_job(session, job)
    session.commit()
    queue.submit(job.id)
    return JobPublic.model_validate(job)


def _job_or_404(session: Session, job_id: uuid.UUID) -> Job:
    job = repo.get_job(session, job_id)
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {job_id}")
    return job
