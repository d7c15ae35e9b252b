"""The Celery backend: a real `kenesh worker` process over a real Redis runs the jobs the API submits.

`.ci/redis.sh` starts Redis and CI exports its URL as KENESH_TEST_BROKER_URL; without it the worker tests are
skipped here and fail in CI. The broker-down test needs no Redis: it points the app at a port nobody listens on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from pipelines.extract import extract_bytes
from service.api.main import create_app
from service.settings import Settings
from service.storage.db import make_engine, make_session_factory
from service.storage.tables import Job
from tests.service.conftest import SAMPLE, bearer, upload, wait_for_job

BROKER_URL = os.environ.get("KENESH_TEST_BROKER_URL")
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
    env = {
        **os.environ,
        "KENESH_DATABASE_URL": settings.database_url,
        "KENESH_BROKER_URL": broker_url,
        "KENESH_WARM_UP": "false",
    }
    with log_path.open("w") as log:
        # Its own process group, so that its pool processes can be stopped with it if it has to be killed.
        process = subprocess.Popen(
            _kenesh("worker", "--concurrency", "1"),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + WORKER_START_TIMEOUT
            while "ready." not in log_path.read_text():
                assert process.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, f"kenesh worker did not start:\n{log_path.read_text()}"
                time.sleep(0.2)
            yield log_path
        finally:
            _stop(process)
    assert "Traceback" not in log_path.read_text(), log_path.read_text()


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
