"""`kenesh ingest DIR` and crash-safe jobs: a folder in twice is stored once; a job whose worker died is taken
over once its lease expires, and ends failed after KENESH_JOB_MAX_ATTEMPTS tries."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from pipelines.extract import extract_bytes
from service.cli import main
from service.extraction import Extraction, Extractor, Progress
from service.ingest import find_files, ingest, wait_for_jobs
from service.jobs.celery_app import CeleryQueue, make_celery
from service.jobs.queue import EmbeddedQueue
from service.jobs.tasks import JobLimits, run_extract_job
from service.settings import Settings, get_settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.repositories import Claim
from service.storage.tables import Document, Job, JobState, Record, RecordKind, utcnow
from tests.conftest import CORPUS_DEV
from tests.service.conftest import SAMPLE
from tests.service.test_celery import BROKER_URL, _kenesh, _stop

DOCUMENTS = 8
LIMITS = JobLimits(lease_seconds=60, max_attempts=3)
_extractor = Extractor()  # one per test session, as a worker process keeps one: models load once


@pytest.fixture
def factory(settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(settings.database_url)
    migrate(engine)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Eight corpus documents in nested folders, beside files ingest must leave alone."""
    root = tmp_path / "batch"
    for number, source in enumerate(sorted(CORPUS_DEV.glob("*.txt"))[:DOCUMENTS]):
        target = root / f"part{number % 2}" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
        shutil.copy(source.with_suffix(".json"), target.with_suffix(".json"))  # gold records: not documents
    (root / ".hidden.txt").write_text("Заседание.", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def _counts(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    with factory() as session:
        documents = session.scalar(select(func.count()).select_from(Document))
        jobs = session.scalar(select(func.count()).select_from(Job))
        records = session.scalar(select(func.count()).select_from(Record).where(Record.kind == RecordKind.MACHINE))
    return documents or 0, jobs or 0, records or 0


def test_ingest_twice_stores_each_document_once(factory: sessionmaker[Session], folder: Path) -> None:
    files = find_files(folder)
    assert len(files) == DOCUMENTS + 1  # the empty file is found, then skipped; hidden and JSON files are not
    for run in range(2):
        queue = EmbeddedQueue(partial(run_extract_job, factory, _extractor, limits=LIMITS))
        try:
            report = ingest(factory, queue, files, max_bytes=10 * 2**20)
            jobs = wait_for_jobs(factory, report.jobs, poll_seconds=0.1, timeout=240)
        finally:
            queue.close()
        assert (report.added, report.already) == ((DOCUMENTS, 0) if run == 0 else (0, DOCUMENTS))
        assert [path.name for path, _ in report.skipped] == ["empty.txt"]
        assert sorted(job.state for job in jobs.values()) == ["done"] * DOCUMENTS
        assert _counts(factory) == (DOCUMENTS, DOCUMENTS, DOCUMENTS)


def test_ingest_command_resumes_queued_jobs(
    settings: Settings,
    factory: sessionmaker[Session],
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without --wait and without a broker the jobs wait queued; a second run with --wait does them, once."""
    monkeypatch.setenv("KENESH_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KENESH_WARM_UP", "false")
    monkeypatch.delenv("KENESH_BROKER_URL", raising=False)
    get_settings.cache_clear()
    try:
        assert main(["ingest", str(folder / "part0")]) == 0
        assert "the jobs are queued" in capsys.readouterr().err
        assert _counts(factory) == (DOCUMENTS // 2, DOCUMENTS // 2, 0)
        assert main(["ingest", str(folder), "--wait"]) == 0
    finally:
        get_settings.cache_clear()
    out, err = capsys.readouterr()
    assert f"{DOCUMENTS} done, 0 failed, 1 skipped of {DOCUMENTS + 1} files" in out
    assert f"{DOCUMENTS // 2} added, {DOCUMENTS // 2} already in the archive, 1 skipped" in err
    assert _counts(factory) == (DOCUMENTS, DOCUMENTS, DOCUMENTS)


def _job(factory: sessionmaker[Session]) -> uuid.UUID:
    with session_scope(factory) as session:
        document = repo.add_document(session, SAMPLE.read_bytes(), SAMPLE.name, "text/plain", None)
        return repo.add_job(session, document.id, None).id


def _left_running(factory: sessionmaker[Session], job_id: uuid.UUID, tries: int, lease_age: timedelta) -> None:
    """The row a worker leaves behind when it is SIGKILLed mid-document: running, its lease no longer renewed."""
    with session_scope(factory) as session:
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                state=JobState.RUNNING.value,
                stage="entities",
                attempts=tries,
                tries=tries,
                claimed_at=utcnow() - lease_age,
            )
        )


def _get(factory: sessionmaker[Session], job_id: uuid.UUID) -> Job:
    with factory() as session:
        job = repo.get_job(session, job_id)
        assert job is not None
        return job


def test_a_job_whose_worker_died_is_taken_over_once_its_lease_expires(factory: sessionmaker[Session]) -> None:
    job_id = _job(factory)
    _left_running(factory, job_id, tries=1, lease_age=timedelta(seconds=5))
    # The lease is still live: the worker may be at it, so nobody else runs the job.
    assert run_extract_job(factory, _extractor, job_id, LIMITS) is Claim.BUSY
    assert _get(factory, job_id).state == "running"

    _left_running(factory, job_id, tries=1, lease_age=timedelta(seconds=LIMITS.lease_seconds + 1))
    assert run_extract_job(factory, _extractor, job_id, LIMITS) is Claim.CLAIMED
    job = _get(factory, job_id)
    assert (job.state, job.attempts, job.error) == ("done", 2, None)
    # A message delivered again later finds the job done and runs nothing.
    assert run_extract_job(factory, _extractor, job_id, LIMITS) is Claim.GONE
    assert _counts(factory) == (1, 1, 1)


def test_a_worker_that_lost_its_lease_stores_nothing(factory: sessionmaker[Session]) -> None:
    """A slow worker, not a dead one: once its job was taken over, its late result is dropped."""
    job_id = _job(factory)
    with session_scope(factory) as session:
        assert repo.claim_job(session, job_id, LIMITS.lease_seconds, LIMITS.max_attempts)
    _left_running(factory, job_id, tries=1, lease_age=timedelta(hours=1))
    with session_scope(factory) as session:
        assert repo.claim_job(session, job_id, LIMITS.lease_seconds, LIMITS.max_attempts)
    with session_scope(factory) as session:
        assert not repo.finish_job(session, job_id, JobState.DONE, attempt=1)
        assert repo.finish_job(session, job_id, JobState.DONE, attempt=2)
    assert _get(factory, job_id).state == "done"


def test_a_job_taken_over_too_often_ends_failed(factory: sessionmaker[Session]) -> None:
    job_id = _job(factory)
    _left_running(factory, job_id, tries=LIMITS.max_attempts, lease_age=timedelta(hours=1))
    assert run_extract_job(factory, _extractor, job_id, LIMITS) is Claim.GAVE_UP
    job = _get(factory, job_id)
    assert job.state == "failed"
    assert job.error == "gave up after 3 attempts: the worker running it stopped before it finished"
    assert _counts(factory) == (1, 1, 0)


def test_a_job_that_keeps_failing_ends_failed_with_its_reason(
    factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str | None] = []

    def broken(self: Extractor, data: bytes, filename: str | None, progress: Progress) -> Extraction:
        calls.append(filename)
        raise MemoryError("out of memory")

    monkeypatch.setattr(Extractor, "run", broken)
    job_id = _job(factory)
    run_extract_job(factory, Extractor(), job_id, LIMITS)
    job = _get(factory, job_id)
    assert len(calls) == LIMITS.max_attempts
    assert (job.state, job.attempts) == ("failed", LIMITS.max_attempts)
    assert job.error == "failed 3 times; the last: internal error: MemoryError: out of memory"
    assert _counts(factory) == (1, 1, 0)


# Two real `kenesh worker` processes over Redis, one killed whole (SIGKILL) mid-batch and started again.

CELERY_DOCUMENTS = 6
CELERY_LEASE_SECONDS = 4
CELERY_TIMEOUT = 180.0


def _start_worker(settings: Settings, broker_url: str, log_path: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "KENESH_DATABASE_URL": settings.database_url,
        "KENESH_BROKER_URL": broker_url,
        "KENESH_JOB_LEASE_SECONDS": str(CELERY_LEASE_SECONDS),
        # Models load before the first claim, so that a lease never covers loading them.
        "KENESH_WARM_UP": "true",
    }
    with log_path.open("a") as log:
        return subprocess.Popen(
            _kenesh("worker", "--concurrency", "1"),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_ready(process: subprocess.Popen[bytes], log_path: Path, count: int = 1) -> None:
    deadline = time.monotonic() + CELERY_TIMEOUT
    while log_path.read_text().count("ready.") < count:
        assert process.poll() is None, log_path.read_text()
        assert time.monotonic() < deadline, f"kenesh worker did not start:\n{log_path.read_text()}"
        time.sleep(0.2)


def _running_job(factory: sessionmaker[Session]) -> uuid.UUID:
    deadline = time.monotonic() + CELERY_TIMEOUT
    while True:
        with factory() as session:
            running = session.scalar(select(Job.id).where(Job.state == JobState.RUNNING.value).limit(1))
        if running is not None:
            return running
        assert time.monotonic() < deadline, "no job started"
        time.sleep(0.005)


def test_two_workers_one_killed_mid_batch_extract_every_document_once(
    settings: Settings, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    if not BROKER_URL:
        if os.environ.get("CI"):
            pytest.fail("KENESH_TEST_BROKER_URL is not set: CI must run the Celery tests (.ci/redis.sh)")
        pytest.skip("KENESH_TEST_BROKER_URL is not set (start Redis with `bash .ci/redis.sh`)")
    if settings.database_url.startswith("sqlite"):
        pytest.skip("several worker processes: the PostgreSQL deployment (and half the CPU time of CI)")
    sources = sorted(CORPUS_DEV.glob("*.txt"))[:CELERY_DOCUMENTS]
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    # Worker A alone first, so that the job found running is its own: it is killed in that document.
    workers = [_start_worker(settings, BROKER_URL, logs[0])]
    queue = CeleryQueue(make_celery(BROKER_URL))
    try:
        _wait_ready(workers[0], logs[0])
        report = ingest(factory, queue, sources, max_bytes=10 * 2**20)
        assert report.added == CELERY_DOCUMENTS
        killed = _running_job(factory)
        os.killpg(workers[0].pid, signal.SIGKILL)  # the worker and its pool process: nobody acks or rejects
        workers[0].wait()
        workers = [_start_worker(settings, BROKER_URL, log) for log in logs]
        _wait_ready(workers[0], logs[0], count=2)
        _wait_ready(workers[1], logs[1])
        jobs = wait_for_jobs(factory, report.jobs, poll_seconds=0.2, timeout=CELERY_TIMEOUT)
    finally:
        queue.close()
        for process in workers:
            _stop(process)
    # The killed attempt counts: the job was taken over once its lease expired.
    assert (jobs[killed].state, jobs[killed].attempts) == ("done", 2)
    assert sorted(job.state for job in jobs.values()) == ["done"] * CELERY_DOCUMENTS, [
        (job.state, job.error) for job in jobs.values()
    ]
    with factory() as session:
        for source in sources:
            document = repo.find_document_by_sha256(session, hashlib.sha256(source.read_bytes()).hexdigest())
            assert document is not None
            records = session.scalars(
                select(Record).where(Record.document_id == document.id, Record.kind == RecordKind.MACHINE)
            ).all()
            assert len(records) == 1, source.name  # extracted exactly once, whoever did it
            assert records[0].data == extract_bytes(source.read_bytes(), source.name).model_dump(mode="json")
    assert "Traceback" not in logs[1].read_text(), logs[1].read_text()
