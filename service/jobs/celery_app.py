"""The Celery backend, used when KENESH_BROKER_URL is set: the service submits job ids, `kenesh worker` runs them.

Job state lives in the database, not in Celery: there is no result backend, a task carries only a job id, and
the job body claims the row before working, so a message delivered twice runs the job once.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass
from typing import Any

from celery import Celery, Task
from celery.signals import worker_process_init
from kombu.exceptions import OperationalError as BrokerError
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from service.extraction import Extractor
from service.jobs.queue import QueueUnavailable
from service.jobs.tasks import JobLimits, run_extract_job
from service.settings import get_settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, session_scope
from service.storage.repositories import Claim

log = logging.getLogger(__name__)

TASK_NAME = "kenesh.extract"
# A database that is restarting or briefly unreachable; anything else is the job's own failure, which the job
# body records on the job row (a retry would fail the same way).
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
MAX_RETRIES = 5


def make_celery(broker_url: str, lease_seconds: float = 600.0) -> Celery:
    app = Celery("kenesh", broker=broker_url, set_as_current=False)
    app.conf.update(
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        # A message is acknowledged only after its job ran, so a worker that dies mid-job leaves it to another;
        # and a worker reserves one message at a time, so jobs do not wait behind a long one in a busy worker.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        # An unreachable broker must answer an upload within seconds (a 503), not hang it.
        broker_connection_timeout=3,
        broker_transport_options={
            "socket_connect_timeout": 3,
            "socket_timeout": 10,
            # A message whose worker was SIGKILLed whole (no one left to reject it) comes back after this long;
            # tied to the job lease so that the job is then taken over, not an hour later (Redis's default).
            "visibility_timeout": 2 * lease_seconds,
            # and kombu looks for such messages every interval × throttle seconds (100 by default).
            "unacked_restore_interval": min(10.0, max(1.0, lease_seconds / 2)),
            "unacked_restore_throttle": 1,
        },
        task_publish_retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1},
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    app.task(
        bind=True,
        name=TASK_NAME,
        autoretry_for=TRANSIENT_ERRORS,
        max_retries=MAX_RETRIES,
        retry_backoff=2,
        retry_backoff_max=60,
        retry_jitter=True,
    )(_extract)
    return app


def _extract(task: Task, job_id: str) -> None:
    runtime = _runtime()
    limits = JobLimits.of(get_settings())
    outcome = run_extract_job(runtime.factory, runtime.extractor, uuid.UUID(job_id), limits)
    if outcome is Claim.BUSY:
        # Another worker holds the job: most often a message delivered twice, but if that worker died (its
        # message redelivered after a SIGKILL), only a later look, once its lease expired, takes the job over.
        raise task.retry(countdown=limits.lease_seconds, max_retries=None)


@dataclass(frozen=True)
class _Runtime:
    engine: Engine
    factory: sessionmaker[Session]
    extractor: Extractor


_state: dict[str, _Runtime] = {}
_state_lock = threading.Lock()


def _runtime() -> _Runtime:
    """The worker process's database engine and models, made on its first job and kept for the next ones.

    Not at process start: Celery gives a new pool process only a few seconds to report ready, less than the
    models take to load.
    """
    with _state_lock:
        if "runtime" not in _state:
            settings = get_settings()
            engine = make_engine(settings.database_url)
            extractor = Extractor()
            if settings.warm_up:
                extractor.warm_up()
            _state["runtime"] = _Runtime(engine, make_session_factory(engine), extractor)
        return _state["runtime"]


@worker_process_init.connect
def _forget_parent_runtime(**_: Any) -> None:
    # Pooled database connections must not be shared across fork: a pool process makes its own.
    _state.clear()


class CeleryQueue:
    """Submits jobs to the broker; `kenesh worker` processes run them.

    With a session factory it records each hand-over on the job (`published_at`), so that the sweep
    (jobs/sweep.py) knows which queued jobs the broker never got.
    """

    def __init__(self, app: Celery, factory: sessionmaker[Session] | None = None) -> None:
        self._app = app
        self._task = app.tasks[TASK_NAME]
        self._factory = factory

    def submit(self, job_id: uuid.UUID) -> None:
        self.publish(job_id)
        if self._factory is not None:
            with session_scope(self._factory) as session:
                repo.set_published(session, job_id, True)

    def publish(self, job_id: uuid.UUID) -> None:
        """Hand the job's id to the broker, nothing else; QueueUnavailable when it cannot be reached."""
        try:
            self._task.delay(str(job_id))
        except BrokerError as exc:
            log.warning("job %s stays queued: the broker is unreachable: %s", job_id, exc)
            raise QueueUnavailable(
                "the job broker is unreachable; the job is stored and stays queued, "
                "and is handed over when the broker is back"
            ) from exc

    def depth(self) -> int:
        """Messages waiting in the broker's queue (not those a worker holds); QueueUnavailable when unreachable."""
        with self._app.connection_for_write() as connection:
            try:
                channel = connection.default_channel
                name = self._app.conf.task_default_queue
                try:
                    return int(channel.queue_declare(queue=name, passive=True).message_count)
                except connection.channel_errors:
                    return 0  # no such queue (yet): no message waits in it
            except (BrokerError, *connection.connection_errors) as exc:
                raise QueueUnavailable(f"the job broker is unreachable: {exc}") from exc

    def close(self) -> None:
        self._app.close()
