"""The Celery backend: a real `kenesh worker` process over a real Redis runs the jobs the API submits.

`.ci/redis.sh` starts Redis and CI exports its URL as KENESH_TEST_BROKER_URL; without it the worker tests are
skipped here and fail in CI. The broker-down test needs no Redis: it points the app at a port nobody listens on.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from pipelines.extract import extract_bytes
from service.api.main import create_app
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory
from service.storage.tables import Document, Job, Record, RecordKind, utcnow
from tests.conftest import CORPUS_DEV, worker_redis_url
from tests.service.conftest import SAMPLE, bearer, upload, wait_for_job

BROKER_URL = worker_redis_url(os.environ.get("KENESH_TEST_BROKER_URL"))
WORKER_START_TIMEOUT = 60.0
# The worker loads the models on its first job.
WORKER_JOB_TIMEOUT = 240.0
WORKER_STOP_TIMEOUT = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _kenesh(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())", *args]


@pytest.fixture
def broker_url() -> str:
    if not BROKER_URL:
        if os.environ.get("CI"):
            pytest.fail("KENESH_TEST_BROKER_URL is not set: CI must run the Celery tests (.ci/redis.sh)")
        pytest.skip("KENESH_TEST_BROKER_URL is not set (start Redis with `bash .ci/redis.sh`)")
    return BROKER_URL


@pytest.fixture
def worker(settings: Settings, tokens: dict[str, str], broker_url: str, tmp_path: Path) -> Iterator[Path]:
    """A running `kenesh worker --concurrency 1` on the test's database; yields its log file."""
    log_path = tmp_path / "worker.log"
    process = start_worker(settings.database_url, broker_url, log_path, KENESH_WARM_UP="false")
    try:
        wait_ready(process, log_path)
        yield log_path
    finally:
        _stop(process)
    assert "Traceback" not in log_path.read_text(), log_path.read_text()


def start_worker(database_url: str, broker_url: str, log_path: Path, **settings: str) -> subprocess.Popen[bytes]:
    """`kenesh worker --concurrency 1` on that archive and broker, its output appended to `log_path`;
    `settings` are more KENESH_* variables. Its own process group, so that its pool processes can be
    stopped with it if it has to be killed."""
    env = {**os.environ, "KENESH_DATABASE_URL": database_url, "KENESH_BROKER_URL": broker_url, **settings}
    with log_path.open("a") as log:
        return subprocess.Popen(
            _kenesh("worker", "--concurrency", "1"),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_ready(
    process: subprocess.Popen[bytes], log_path: Path, count: int = 1, timeout: float = WORKER_START_TIMEOUT
) -> None:
    """Until the worker's log says `ready.` for the `count`th time (a restarted worker appends to it)."""
    deadline = time.monotonic() + timeout
    while log_path.read_text().count("ready.") < count:
        assert process.poll() is None, log_path.read_text()
        assert time.monotonic() < deadline, f"kenesh worker did not start:\n{log_path.read_text()}"
        time.sleep(0.05)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # warm shutdown: the running job finishes
        try:
            process.wait(WORKER_STOP_TIMEOUT)
            return
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _jobs(database_url: str) -> list[Job]:
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            return list(session.scalars(select(Job)))
    finally:
        engine.dispose()


def _assert_extracted(client: TestClient, tokens: dict[str, str], document_id: str, job_id: str) -> None:
    job = wait_for_job(client, tokens["researcher"], job_id, timeout=WORKER_JOB_TIMEOUT)
    assert job["state"] == "done", job
    document = client.get(f"/v1/documents/{document_id}", headers=bearer(tokens["researcher"])).json()
    assert document["record"] == extract_bytes(SAMPLE.read_bytes(), SAMPLE.name).model_dump(mode="json")


def test_upload_runs_on_a_celery_worker(
    settings: Settings, tokens: dict[str, str], broker_url: str, worker: Path
) -> None:
    """The issue's property through the Celery backend: the archived record equals `kenesh extract`."""
    app_settings = settings.model_copy(update={"broker_url": broker_url})
    with TestClient(create_app(app_settings)) as client:
        response = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes()))
        assert response.status_code == 202, response.text
        (item,) = response.json()["data"]
        _assert_extracted(client, tokens, item["document_id"], item["job_id"])
    # With a broker configured the service runs no jobs itself: the worker did.
    assert "Task kenesh.extract[" in worker.read_text()


def _upload_without_broker(settings: Settings, tokens: dict[str, str]) -> Job:
    down = settings.model_copy(update={"broker_url": f"redis://127.0.0.1:{_free_port()}/0"})
    with TestClient(create_app(down)) as client:
        started = time.monotonic()
        response = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes()))
        assert time.monotonic() - started < 30, "an unreachable broker must not hang the upload"
    assert response.status_code == 503, response.text
    assert "broker is unreachable" in response.json()["detail"]
    (job,) = _jobs(settings.database_url)
    assert job.state == "queued"
    return job


def test_broker_down_answers_503_and_keeps_the_job_queued(settings: Settings, tokens: dict[str, str]) -> None:
    _upload_without_broker(settings, tokens)


def test_job_queued_while_the_broker_was_down_runs_after_a_restart(
    settings: Settings, tokens: dict[str, str], broker_url: str, worker: Path
) -> None:
    """Nothing is lost: the service submits queued jobs again when it starts with its broker back."""
    job = _upload_without_broker(settings, tokens)
    with TestClient(create_app(settings.model_copy(update={"broker_url": broker_url}))) as client:
        _assert_extracted(client, tokens, str(job.document_id), str(job.id))


def test_worker_needs_a_broker(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "KENESH_BROKER_URL"}
    env["KENESH_DATABASE_URL"] = f"sqlite:///{tmp_path / 'kenesh.db'}"
    done = subprocess.run(_kenesh("worker"), env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2
    assert "KENESH_BROKER_URL is not set" in done.stderr


# Redis stopped for a few seconds during an ingest. Its own redis-server on a free port, so that the shared
# one (and whoever uses it) stays up; nothing persisted, so what was waiting in it is gone when it returns.

OUTAGE_DOCUMENTS = 9  # three before the outage, three during it, three after


class _Redis:
    """A redis-server this test starts, stops and starts again on the same port."""

    def __init__(self, log_path: Path) -> None:
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self._log_path.open("a") as log:
            self._process = subprocess.Popen(
                ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return
            assert self._process.poll() is None, self._log_path.read_text()
            assert time.monotonic() < deadline, f"redis-server did not start:\n{self._log_path.read_text()}"
            time.sleep(0.05)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()  # no RDB, no AOF: the queue it held is lost
            self._process.wait(30)
        self._process = None


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[_Redis]:
    if shutil.which("redis-server") is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed: CI must run the broker outage test")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    redis = _Redis(tmp_path / "redis.log")
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


def _outage_documents() -> list[Path]:
    # The shortest corpus documents: this test is about the broker, not the pipeline.
    return sorted(CORPUS_DEV.glob("*.txt"), key=lambda path: path.stat().st_size)[:OUTAGE_DOCUMENTS]


def test_redis_stopped_during_an_ingest_loses_nothing(
    settings: Settings, tokens: dict[str, str], own_redis: _Redis, tmp_path: Path
) -> None:
    """Uploads during the outage answer 503 with the reason and keep their jobs; when Redis is back (empty: the
    jobs it held are gone too) the sweep hands every job over again, and each document is extracted once."""
    if settings.database_url.startswith("sqlite"):
        pytest.skip("a worker process and the service on one archive: the PostgreSQL deployment")
    log_path = tmp_path / "worker.log"
    worker = start_worker(
        settings.database_url, own_redis.url, log_path, KENESH_JOB_SWEEP_SECONDS="1", KENESH_WARM_UP="true"
    )
    app_settings = settings.model_copy(update={"broker_url": own_redis.url, "job_sweep_seconds": 1.0})
    documents = _outage_documents()
    answers: list[tuple[int, dict[str, object]]] = []
    try:
        wait_ready(worker, log_path)
        with TestClient(create_app(app_settings)) as client:
            third = OUTAGE_DOCUMENTS // 3
            for path in documents[:third]:
                response = upload(client, tokens["archivist"], (path.name, path.read_bytes()))
                answers.append((response.status_code, response.json()))
            own_redis.stop()
            for path in documents[third : 2 * third]:
                response = upload(client, tokens["archivist"], (path.name, path.read_bytes()))
                answers.append((response.status_code, response.json()))
            time.sleep(2)  # a few seconds without a broker
            own_redis.start()
            back = utcnow()
            for path in documents[2 * third :]:
                response = upload(client, tokens["archivist"], (path.name, path.read_bytes()))
                answers.append((response.status_code, response.json()))
            states = _wait_all_finished(settings.database_url, OUTAGE_DOCUMENTS)
    finally:
        _stop(worker)
    during = answers[third : 2 * third]
    assert all(code == 503 for code, _ in during), during
    for _, body in during:
        assert body["detail"] == (
            "the job broker is unreachable; the job is stored and stays queued, and is handed over when the broker "
            "is back"
        )
    # Before and after the outage an upload is accepted (just after it, it may still meet the reconnection).
    assert all(code == 202 for code, _ in answers[:third]), answers[:third]
    assert all(code in (202, 503) for code, _ in answers[2 * third :]), answers[2 * third :]
    assert states == ["done"] * OUTAGE_DOCUMENTS
    _assert_extracted_once(settings.database_url, documents)
    # What the sweep did: it handed over the jobs whose upload got a 503, and those queued in Redis before it
    # stopped (the worker was loading its models on the first one), gone with it.
    published = _published_at(settings.database_url)
    for path in documents[1 : 2 * third]:
        assert published[path.name] is not None and published[path.name] > back, path.name


def _published_at(database_url: str) -> dict[str, datetime | None]:
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            rows = session.execute(
                select(Document.filename, Job.published_at).join(Job, Job.document_id == Document.id)
            )
            return {filename: published for filename, published in rows}
    finally:
        engine.dispose()


def _wait_all_finished(database_url: str, count: int) -> list[str]:
    deadline = time.monotonic() + WORKER_JOB_TIMEOUT
    while True:
        jobs = _jobs(database_url)
        states = sorted(job.state for job in jobs)
        if (len(jobs) == count and all(state in ("done", "failed") for state in states)) or (
            time.monotonic() > deadline
        ):
            return states
        time.sleep(0.2)


def _assert_extracted_once(database_url: str, documents: list[Path]) -> None:
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            for path in documents:
                document = repo.find_document_by_sha256(session, hashlib.sha256(path.read_bytes()).hexdigest())
                assert document is not None, path.name
                records = session.scalars(
                    select(Record).where(Record.document_id == document.id, Record.kind == RecordKind.MACHINE)
                ).all()
                assert len(records) == 1, path.name
                assert records[0].data == extract_bytes(path.read_bytes(), path.name).model_dump(mode="json")
    finally:
        engine.dispose()
