"""Jobs: state and progress, a Server-Sent Events stream of both, and retry of a failed job."""

from __future__ import annotations

import time
import uuid
import weakref
from collections.abc import AsyncIterator

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import StreamingResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.api.deps import ArchivistDep, QueueDep, ReaderDep, SessionDep
from service.api.job_streams import JobWatch, StreamSlot
from service.api.schemas import JobPublic, Message
from service.storage import repositories as repo
from service.storage.tables import Job, JobState

router = APIRouter(prefix="/jobs", tags=["jobs"])

NOT_FOUND = {404: {"model": Message}}
FINAL_STATES = {JobState.DONE.value, JobState.FAILED.value}
# A comment line now and then keeps proxies from closing a stream that has nothing new to say.
KEEPALIVE_SECONDS = 15.0
# How soon a stream notices its client left (and gives its place back) when its job has nothing new.
DISCONNECT_CHECK_SECONDS = 1.0


@router.get("/{job_id}", response_model=JobPublic, responses=NOT_FOUND)
def get_job(job_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> JobPublic:
    """State (queued, running, done, failed with the reason) and progress (stage, percent)."""
    return JobPublic.model_validate(_job_or_404(session, job_id))


@router.get(
    "/{job_id}/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, 429: {"model": Message}, **NOT_FOUND},
)
def job_events(job_id: uuid.UUID, request: Request, session: SessionDep, token: ReaderDep) -> StreamingResponse:
    """Server-Sent Events: a `progress` event with the job (as in GET /v1/jobs/{id}) at every change.

    The stream ends after the event that shows the job done or failed. A token has at most
    KENESH_MAX_STREAMS_PER_TOKEN streams open at once (429 beyond: poll GET /v1/jobs/{id} instead).
    """
    first = JobPublic.model_validate(_job_or_404(session, job_id))
    slot = request.app.state.stream_slots.take(token.id)
    stream = _events(request, request.app.state.job_watch, first, slot)
    # A stream dropped without ever being started (its client left first) gives its slot back too.
    weakref.finalize(stream, slot.give_back)
    return StreamingResponse(stream, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


async def _events(request: Request, watch: JobWatch, first: JobPublic, slot: StreamSlot) -> AsyncIterator[str]:
    try:
        async for event in _changes(request, watch, first):
            yield event
    finally:
        slot.give_back()


async def _changes(request: Request, watch: JobWatch, first: JobPublic) -> AsyncIterator[str]:
    last = first.model_dump_json()
    yield f"event: progress\ndata: {last}\n\n"
    if first.state in FINAL_STATES:
        return
    last_sent = time.monotonic()
    with watch.watching(first.id):
        seen = watch.round
        while not await request.is_disconnected():
            polled = await watch.next(first.id, seen, DISCONNECT_CHECK_SECONDS)
            if polled is None:
                if time.monotonic() - last_sent > KEEPALIVE_SECONDS:
                    last_sent = time.monotonic()
                    yield ": keep-alive\n\n"
                continue
            seen, job = polled
            if job is None:
                yield f"event: error\ndata: {Message(detail=f'job {first.id} is gone').model_dump_json()}\n\n"
                return
            payload = job.model_dump_json()
            if payload != last:
                last, last_sent = payload, time.monotonic()
                yield f"event: progress\ndata: {payload}\n\n"
                if job.state in FINAL_STATES:
                    return


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
