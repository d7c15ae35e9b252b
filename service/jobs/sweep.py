"""The periodic sweep of the Celery backend: hand the broker the jobs it should have and does not.

Job rows are the truth and broker messages only wake workers up, so a message can go missing without the job
being lost: an upload answered 503 while the broker was down, `kenesh ingest` stopped handing jobs over, a
broker restarted without its data, a worker SIGKILLed whose message Redis never redelivered. Every
KENESH_JOB_SWEEP_SECONDS the service and each `kenesh worker` look for such jobs (repositories.publishable_jobs)
and publish them again. A job published twice still runs once (the claim), so a sweep may err towards
publishing; and a conditional mark (take_publication) keeps several sweepers from publishing the same job.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from service.jobs.celery_app import CeleryQueue
from service.jobs.queue import QueueUnavailable
from service.storage import repositories as repo
from service.storage.db import session_scope
from service.storage.tables import utcnow

log = logging.getLogger(__name__)

# A queued job younger than this may be in the middle of its first hand-over (committed, not yet published):
# its submitter is not given up on before the broker's own timeouts (3 s to connect, two retries) ran out.
SUBMIT_GRACE_SECONDS = 15.0
BATCH = 500


@dataclass(frozen=True)
class SweepReport:
    published: int = 0
    broker_depth: int | None = None  # None: the broker was unreachable, nothing was published

    def __str__(self) -> str:
        if self.broker_depth is None:
            return "the job broker is unreachable"
        return f"{self.published} jobs handed to the broker ({self.broker_depth} were waiting in it)"


class Sweeper:
    """Publishes lost or unpublished jobs once now (`sweep`) or every `interval` seconds in a thread (`start`)."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        queue: CeleryQueue,
        interval: float,
        lease_seconds: float,
        grace: float = SUBMIT_GRACE_SECONDS,
    ) -> None:
        self._factory = factory
        self._queue = queue
        self._interval = interval
        self._lease_seconds = lease_seconds
        self._grace = grace
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sweep(self, grace: float | None = None) -> SweepReport:
        """One pass; `grace` 0 at a start, when nothing of this process can be half-way through a hand-over."""
        grace = self._grace if grace is None else grace
        try:
            # Looked at before the jobs: a message published after this look and missing from it is not lost.
            depth = self._queue.depth()
        except QueueUnavailable:
            return SweepReport()
        published = 0
        while not self._stop.is_set():
            before = utcnow() - timedelta(seconds=grace)
            with self._factory() as session:
                candidates = repo.publishable_jobs(session, before, self._lease_seconds, depth == 0, BATCH)
            batch = 0
            for job_id in candidates:
                with session_scope(self._factory) as session:
                    if not repo.take_publication(session, job_id, before):
                        continue  # another sweeper (or the submitter) just handed it over
                try:
                    self._queue.publish(job_id)
                except QueueUnavailable:
                    with session_scope(self._factory) as session:
                        repo.set_published(session, job_id, False)
                    return SweepReport(published, None)
                batch += 1
            published += batch
            if len(candidates) < BATCH or batch == 0:
                break
        if published:
            log.info("sweep: %d jobs handed to the broker (queue depth was %d)", published, depth)
        return SweepReport(published, depth)

    def start(self) -> None:
        """Sweep now, then every interval, in a daemon thread, until `stop`."""
        if self._interval <= 0 or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="kenesh-job-sweep", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        grace: float | None = 0.0
        while not self._stop.is_set():
            try:
                report = self.sweep(grace)
                if report.broker_depth is None:
                    log.warning("sweep: %s; trying again in %g s", report, self._interval)
                grace = None
            except SQLAlchemyError as exc:  # the database is down or restarting: the next pass tries again
                log.warning("sweep: the archive database is unreachable: %s", str(exc).splitlines()[0])
            except Exception:  # a sweep that stops for good would lose jobs silently: log it and keep sweeping
                log.exception("sweep failed")
            self._stop.wait(self._interval)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None


def sweep_in_worker(broker_url: str, database_url: str, interval: float, lease_seconds: float) -> None:
    """Sweep from the `kenesh worker` main process from when it is ready until it shuts down.

    So that workers alone (with `kenesh ingest`, no `kenesh serve`) recover lost jobs too. Started once the pool
    processes were forked, with its own broker connection and database engine, which no pool process uses.
    """
    from celery.signals import worker_ready, worker_shutdown

    from service.jobs.celery_app import make_celery
    from service.storage.db import make_engine, make_session_factory

    running: list[tuple[Sweeper, CeleryQueue]] = []
    engine = make_engine(database_url)

    @worker_ready.connect(weak=False)
    def _start(**_: object) -> None:
        queue = CeleryQueue(make_celery(broker_url, lease_seconds), make_session_factory(engine))
        sweeper = Sweeper(make_session_factory(engine), queue, interval, lease_seconds)
        sweeper.start()
        running.append((sweeper, queue))

    @worker_shutdown.connect(weak=False)
    def _stop(**_: object) -> None:
        while running:
            sweeper, queue = running.pop()
            sweeper.stop()
            queue.close()
        engine.dispose()
