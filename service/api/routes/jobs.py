"""Jobs: state and progress, a Server-Sent Events stream of both, and retry of a failed job."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import StreamingResponse
from sqlalchemy.exc import IntegrityError
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
    try:
        repo.retry_job(session, job)
        session.commit()
    except IntegrityError:
        # The document has another queued or running job (a re-extraction): one at a time (migration 0005).
        session.rollback()
        raise HTTPException(
            status.HTTP_409_CONFLICT, "the document has another queued or running job; retry when it ends"
        ) from None
    queue.submit(job.id)
    return JobPublic.model_validate(job)


def _job_or_404(session: Session, job_id: uuid.UUID) -> Job:
    job = repo.get_job(session, job_id)
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {job_id}")
    return job
