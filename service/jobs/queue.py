"""Where jobs wait: an interface, and the in-process pool that serves it when no broker is configured."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

log = logging.getLogger(__name__)


class QueueUnavailable(Exception):
    """The queue cannot take a job now (its broker is unreachable); the job's row stays queued."""


class JobQueue(Protocol):
    """Takes job ids whose rows are already committed as queued: EmbeddedQueue here, or jobs.celery_app.CeleryQueue.

    `submit` raises QueueUnavailable when the job cannot be handed over; nothing is lost, since the row stays queued
    and queued jobs are submitted again when the service starts.
    """

    def submit(self, job_id: uuid.UUID) -> None: ...

    def close(self) -> None: ...


class EmbeddedQueue:
    """A thread pool in the service process, so that `kenesh serve` alone runs jobs.

    Nothing lives only here: every job is a row first, so jobs still waiting when the process stops are
    found queued in the database on the next start.
    """

    def __init__(self, run: Callable[[uuid.UUID], None], workers: int = 1) -> None:
        self._run = run
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kenesh-job")

    def submit(self, job_id: uuid.UUID) -> None:
        self._pool.submit(self._guarded, job_id)

    def _guarded(self, job_id: uuid.UUID) -> None:
        try:
            self._run(job_id)
        except Exception:  # the job body records its own failures; this keeps a worker thread alive regardless
            log.exception("job %s: unhandled error", job_id)

    def close(self) -> None:
        # The running job finishes; waiting ones stay queued in the database for the next start.
        self._pool.shutdown(wait=True, cancel_futures=True)
