"""Jobs' event streams: one poll of the jobs table for all open streams, and a bound on streams per token.

Why one poll: each stream polled its job on its own (a thread and a pooled connection every half second);
a hundred streams opened at once by a page following a hundred uploads took every thread and connection,
and health checks and searches timed out. Polling the row, not an in-process signal, because the job may run
in another process (a Celery worker): one query for every watched job per interval, whatever the streams.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from service.api.schemas import JobPublic
from service.storage.tables import Job

log = logging.getLogger(__name__)

# Bounded IN lists, as elsewhere.
POLL_BATCH = 500


class JobWatch:
    """The latest state of every watched job, refreshed every `poll_seconds` by one task while any is watched."""

    def __init__(self, factory: sessionmaker[Session], poll_seconds: float) -> None:
        self.factory = factory
        self.poll_seconds = poll_seconds
        self._watched: Counter[uuid.UUID] = Counter()
        self._latest: dict[uuid.UUID, JobPublic] = {}
        self._asked: frozenset[uuid.UUID] = frozenset()  # the jobs the latest poll looked for
        self._round = 0
        self._changed: asyncio.Condition | None = None
        self._task: asyncio.Task[None] | None = None

    @contextmanager
    def watching(self, job_id: uuid.UUID) -> Iterator[None]:
        self._watched[job_id] += 1
        self._ensure_polling()
        try:
            yield
        finally:
            self._watched[job_id] -= 1
            if self._watched[job_id] <= 0:
                del self._watched[job_id]

    @property
    def round(self) -> int:
        return self._round

    async def next(self, job_id: uuid.UUID, after: int, timeout: float) -> tuple[int, JobPublic | None] | None:
        """The first poll after round `after` that looked for the (watched) job: its round and the job, or None
        for the job when it is gone; None when there was none within `timeout`."""
        changed = self._condition()
        self._ensure_polling()
        async with changed:
            try:
                await asyncio.wait_for(changed.wait_for(lambda: self._round > after and job_id in self._asked), timeout)
            except TimeoutError:
                return None
            return self._round, self._latest.get(job_id)

    def latest(self, job_id: uuid.UUID) -> tuple[bool, JobPublic | None]:
        """Whether the latest poll looked for the job, and what it found (None: the job is gone)."""
        return job_id in self._asked, self._latest.get(job_id)

    def _condition(self) -> asyncio.Condition:
        if self._changed is None:
            self._changed = asyncio.Condition()
        return self._changed

    def _ensure_polling(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._poll())

    async def _poll(self) -> None:
        changed = self._condition()
        while self._watched:
            ids = list(self._watched)
            try:
                latest = await run_in_threadpool(_snapshots, self.factory, ids)
            except Exception:
                # The database is away for a moment: the streams send keep-alives meanwhile, and it is asked again.
                log.warning("the jobs' event streams could not poll the database", exc_info=True)
            else:
                async with changed:
                    self._latest, self._asked = latest, frozenset(ids)
                    self._round += 1
                    changed.notify_all()
            await asyncio.sleep(self.poll_seconds)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()


def _snapshots(factory: sessionmaker[Session], ids: list[uuid.UUID]) -> dict[uuid.UUID, JobPublic]:
    found: dict[uuid.UUID, JobPublic] = {}
    with factory() as session:
        for start in range(0, len(ids), POLL_BATCH):
            for job in session.scalars(select(Job).where(Job.id.in_(ids[start : start + POLL_BATCH]))):
                found[job.id] = JobPublic.model_validate(job)
    return found


class StreamSlots:
    """At most `per_token` open event streams per token; beyond, 429."""

    def __init__(self, per_token: int) -> None:
        self.per_token = per_token
        self._open: Counter[uuid.UUID] = Counter()
        self._lock = threading.Lock()  # taken in the routes' threads, given back in the event loop

    def take(self, token_id: uuid.UUID) -> StreamSlot:
        with self._lock:
            return self._take(token_id)

    def _take(self, token_id: uuid.UUID) -> StreamSlot:
        if self.per_token and self._open[token_id] >= self.per_token:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                f"this token has {self.per_token} event streams open already: close one, or poll "
                "GET /v1/jobs/{id} (слишком много открытых потоков событий для этого токена)",
                headers={"Retry-After": "5"},
            )
        self._open[token_id] += 1
        return StreamSlot(self, token_id)

    def _give_back(self, token_id: uuid.UUID) -> None:
        with self._lock:
            self._open[token_id] -= 1
            if self._open[token_id] <= 0:
                del self._open[token_id]


class StreamSlot:
    """One open stream's place; given back once, when the stream ends (or is never started)."""

    def __init__(self, slots: StreamSlots, token_id: uuid.UUID) -> None:
        self._slots: StreamSlots | None = slots
        self.token_id = token_id

    def give_back(self) -> None:
        if self._slots is not None:
            self._slots._give_back(self.token_id)
            self._slots = None
