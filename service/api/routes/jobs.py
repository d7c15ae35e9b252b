"""Jobs: state and progress, a Server-Sent Events stream of both, and retry of a failed job."""

from __future__ import annotations

import time
import uuid
import weakref
from collections.abc import AsyncIterator
from contextlib import ExitStack
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.api.deps import ArchivistDep, QueueDep, ReaderDep, SessionDep, SettingsDep
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


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, **{code: {"model": Message} for code in (401, 404, 422)}},
)
def batch_events(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: ReaderDep,
    ids: Annotated[
        list[uuid.UUID], Query(description="the jobs to follow (repeatable, as many as one upload may make)")
    ],
) -> StreamingResponse:
    """Server-Sent Events for a batch of jobs on one connection: a `progress` event with a job (as in
    GET /v1/jobs/{id}) whenever one of them changes, first one for each. The stream ends once all are done or
    failed. A browser allows six connections to a host: a stream per job would leave the seventh file waiting.
    It counts as one of the token's KENESH_MAX_STREAMS_PER_TOKEN streams.
    """
    wanted = list(dict.fromkeys(ids))
    if len(wanted) > settings.max_files_per_upload:
        raise HTTPException(422, f"at most {settings.max_files_per_upload} jobs per stream, not {len(wanted)}")
    found = {job.id: JobPublic.model_validate(job) for job in session.scalars(select(Job).where(Job.id.in_(wanted)))}
    if missing := [str(job_id) for job_id in wanted if job_id not in found]:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {', '.join(missing[:5])}")
    slot = request.app.state.stream_slots.take(token.id)
    firsts = [found[job_id] for job_id in wanted]
    stream = _batch_events(request, request.app.state.job_watch, firsts, slot)
    weakref.finalize(stream, slot.give_back)
    return StreamingResponse(stream, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


async def _batch_events(
    request: Request, watch: JobWatch, firsts: list[JobPublic], slot: StreamSlot
) -> AsyncIterator[str]:
    try:
        async for event in _batch_changes(request, watch, firsts):
            yield event
    finally:
        slot.give_back()


async def _batch_changes(request: Request, watch: JobWatch, firsts: list[JobPublic]) -> AsyncIterator[str]:
    # The same shared poll as the single streams (job_streams.JobWatch): no connection is held while waiting.
    last: dict[uuid.UUID, str] = {}
    for job in firsts:
        last[job.id] = job.model_dump_json()
        yield f"event: progress\ndata: {last[job.id]}\n\n"
    pending = [job.id for job in firsts if job.state not in FINAL_STATES]
    last_sent = time.monotonic()
    with ExitStack() as watching:
        for job_id in pending:
            watching.enter_context(watch.watching(job_id))
        seen = watch.round
        while pending and not await request.is_disconnected():
            polled = await watch.next(pending[0], seen, DISCONNECT_CHECK_SECONDS)
            if polled is None:
                if time.monotonic() - last_sent > KEEPALIVE_SECONDS:
                    last_sent = time.monotonic()
                    yield ": keep-alive\n\n"
                continue
            seen = polled[0]
            for job_id in list(pending):
                asked, job = watch.latest(job_id)
                if not asked:
                    continue
                if job is None:  # deleted with its document meanwhile
                    pending.remove(job_id)
                    yield f"event: error\ndata: {Message(detail=f'job {job_id} is gone').model_dump_json()}\n\n"
                    continue
                payload = job.model_dump_json()
                if payload != last[job_id]:
                    last[job_id], last_sent = payload, time.monotonic()
                    yield f"event: progress\ndata: {payload}\n\n"
                if job.state in FINAL_STATES:
                    pending.remove(job_id)


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
        # The document has another queued or running job (a re-extraction): one at a time (migration 0006).
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
