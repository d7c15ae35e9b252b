"""`kenesh ingest DIR` and crash-safe jobs: a folder in twice is stored once; a job whose worker died is taken
over once its lease expires, and ends failed after KENESH_JOB_MAX_ATTEMPTS tries."""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from multiprocessing.connection import Connection
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
from tests.service.test_celery import BROKER_URL, _stop, start_worker, wait_ready

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


def test_the_sweep_hands_over_only_the_jobs_the_broker_lacks(factory: sessionmaker[Session]) -> None:
    """Which jobs the periodic sweep (service/jobs/sweep.py) publishes again, and that two sweepers publish once."""
    now, hour = utcnow(), timedelta(hours=1)
    rows = {
        "failed hand-over": {"state": "queued", "published_at": None, "updated_at": now - hour},
        "being handed over": {"state": "queued", "published_at": None, "updated_at": now},
        "handed over long ago": {"state": "queued", "published_at": now - hour, "updated_at": now - hour},
        "lease expired": {"state": "running", "claimed_at": now - hour, "published_at": now - hour},
        "lease expired, handed over since": {"state": "running", "claimed_at": now - hour, "published_at": now},
        "lease live": {"state": "running", "claimed_at": now, "published_at": now - hour},
        "done": {"state": "done", "published_at": None, "updated_at": now - hour},
    }
    ids = {}
    with session_scope(factory) as session:
        for number, (name, values) in enumerate(rows.items()):
            content = SAMPLE.read_bytes() + f"\n{number}\n".encode()
            document = repo.add_document(session, content, f"{number}.txt", "text/plain", None)
            ids[name] = repo.add_job(session, document.id, None).id
            session.execute(update(Job).where(Job.id == ids[name]).values(**values))
    names = {job_id: name for name, job_id in ids.items()}
    grace = now - timedelta(seconds=15)

    def publishable(broker_empty: bool) -> set[str]:
        with factory() as session:
            return {names[job_id] for job_id in repo.publishable_jobs(session, grace, 60, broker_empty)}

    assert publishable(broker_empty=False) == {"failed hand-over", "lease expired"}
    # An empty broker queue no longer holds what was handed over to it before: a Redis restarted empty.
    assert publishable(broker_empty=True) == {"failed hand-over", "handed over long ago", "lease expired"}
    with session_scope(factory) as session:
        assert repo.take_publication(session, ids["failed hand-over"], grace)
    with session_scope(factory) as session:  # a second sweeper, a moment later
        assert not repo.take_publication(session, ids["failed hand-over"], grace)
    assert publishable(broker_empty=False) == {"lease expired"}


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


# Memory stays flat: a worker's job body run over the corpus again and again, in a fresh process, keeps its size
# once the first rounds filled the caches (all bounded: models/loading.py, pipelines/person_names.py, ...).

MEMORY_ROUNDS = 5
MEMORY_WARM_ROUNDS = 2
# Per document the second round on: well under what keeping each document's Doc or record would take.
MEMORY_GROWTH_PER_DOCUMENT = 80 * 1024


def _rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def _memory_probe(database_url: str, rounds: int, results: Connection) -> None:
    """In a spawned process: every corpus document re-extracted `rounds` times as jobs; RSS after each round."""
    engine = make_engine(database_url)
    migrate(engine)
    factory = make_session_factory(engine)
    extractor = Extractor()
    with session_scope(factory) as session:
        documents = [
            repo.add_document(session, path.read_bytes(), path.name, "text/plain", None).id
            for path in sorted(CORPUS_DEV.glob("*.txt"))
        ]
    sizes = []
    for _ in range(rounds):
        for document_id in documents:
            with session_scope(factory) as session:
                job_id = repo.add_job(session, document_id, None, kind="reextract").id
            assert run_extract_job(factory, extractor, job_id, LIMITS) is Claim.CLAIMED
        gc.collect()
        sizes.append(_rss_bytes())
    results.send((len(documents), sizes))
    engine.dispose()


def test_a_workers_memory_stays_flat_over_many_documents(tmp_path: Path) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("reads the resident set size from /proc (Linux)")
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing of this test session in it
    receive, send = context.Pipe(duplex=False)
    probe = context.Process(target=_memory_probe, args=(f"sqlite:///{tmp_path / 'kenesh.db'}", MEMORY_ROUNDS, send))
    probe.start()
    try:
        assert receive.poll(600), "the memory probe did not finish"
        documents, sizes = receive.recv()
    finally:
        probe.join(60)
    assert probe.exitcode == 0
    warm = sizes[MEMORY_WARM_ROUNDS - 1]
    growth = sizes[-1] - warm
    extracted = documents * (MEMORY_ROUNDS - MEMORY_WARM_ROUNDS)
    assert growth < MEMORY_GROWTH_PER_DOCUMENT * extracted, (
        f"RSS grew {growth / 2**20:.1f} MB over {extracted} documents after warm-up: {[s // 2**20 for s in sizes]} MB"
    )


# Two real `kenesh worker` processes over Redis and PostgreSQL ingest 60 documents; one is killed whole (SIGKILL)
# in the middle of a document, half-way through the batch, and started again.

BATCH_SIZE = 60
CELERY_LEASE_SECONDS = 10
CELERY_TIMEOUT = 300.0


def _batch(folder: Path) -> tuple[list[Path], Path]:
    """60 distinct files made from the 25 corpus documents, and the one the test kills a worker in.

    Each original; again in CP1251 where it fits (a scanner's or an old Windows export) and in UTF-16 with a BOM
    for the rest; and all of them bound in one volume, long enough to be sure of killing a worker in the middle
    of it. The volume comes half-way through the batch.
    """
    folder.mkdir()
    sources = sorted(CORPUS_DEV.glob("*.txt"))
    texts = {source.stem: source.read_text(encoding="utf-8") for source in sources}
    files = []
    for stem, text in texts.items():
        files.append(folder / f"{stem}.txt")
        files[-1].write_bytes(text.encode("utf-8"))
    for stem, text in texts.items():
        try:
            encoded, name = text.encode("cp1251"), f"{stem}-cp1251.txt"
        except UnicodeEncodeError:
            encoded, name = text.encode("utf-16"), f"{stem}-utf16.txt"
        files.append(folder / name)
        files[-1].write_bytes(encoded)
    more = [stem for stem in texts if not (folder / f"{stem}-utf16.txt").exists()]
    for stem in more[: BATCH_SIZE - 1 - len(files)]:
        files.append(folder / f"{stem}-utf16.txt")
        files[-1].write_bytes(texts[stem].encode("utf-16"))
    volume = folder / "volume.txt"
    volume.write_text("\n\n".join(texts.values()), encoding="utf-8")
    files.insert(BATCH_SIZE // 2, volume)
    assert len({hashlib.sha256(path.read_bytes()).hexdigest() for path in files}) == BATCH_SIZE
    return files, volume


def _start_worker(settings: Settings, broker_url: str, log_path: Path) -> subprocess.Popen[bytes]:
    return start_worker(
        settings.database_url,
        broker_url,
        log_path,
        KENESH_JOB_LEASE_SECONDS=str(CELERY_LEASE_SECONDS),
        # The killed worker's job is handed over again as soon as its lease expired.
        KENESH_JOB_SWEEP_SECONDS="1",
        # Models load before the first claim, so that a lease never covers loading them.
        KENESH_WARM_UP="true",
    )


def _worker_running(factory: sessionmaker[Session], job_id: uuid.UUID, logs: list[Path]) -> int:
    """Which worker runs the job, once its claim is committed: the log says who (tasks.py), the row that it runs.

    The log line is written inside the claim's transaction, before its commit: a worker killed right after it
    leaves the job queued (which failed this test on a loaded machine), so the row is waited for too.
    """
    deadline = time.monotonic() + CELERY_TIMEOUT
    while True:
        started = [
            number for number, log_path in enumerate(logs) if f"job {job_id}: attempt 1 started" in log_path.read_text()
        ]
        if started:
            with factory() as session:
                job = session.get(Job, job_id)
                if job is not None and job.state == "running" and job.attempts == 1:
                    return started[0]
        assert time.monotonic() < deadline, "the job never started"
        time.sleep(0.05)


def test_two_workers_one_killed_mid_batch_extract_every_document_once(
    settings: Settings, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    if not BROKER_URL:
        if os.environ.get("CI"):
            pytest.fail("KENESH_TEST_BROKER_URL is not set: CI must run the Celery tests (.ci/redis.sh)")
        pytest.skip("KENESH_TEST_BROKER_URL is not set (start Redis with `bash .ci/redis.sh`)")
    if settings.database_url.startswith("sqlite"):
        pytest.skip("several worker processes: the PostgreSQL deployment (and half the CPU time of CI)")
    files, volume = _batch(tmp_path / "batch")
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    workers = [_start_worker(settings, BROKER_URL, log) for log in logs]
    queue = CeleryQueue(make_celery(BROKER_URL), factory)
    try:
        for process, log_path in zip(workers, logs, strict=True):
            wait_ready(process, log_path, timeout=CELERY_TIMEOUT)
        report = ingest(factory, queue, files, max_bytes=10 * 2**20)
        assert (report.added, report.skipped) == (BATCH_SIZE, [])
        killed = next(job_id for job_id, path in report.jobs.items() if path == volume)
        victim = _worker_running(factory, killed, logs)
        os.killpg(workers[victim].pid, signal.SIGKILL)  # the worker and its pool process: nobody acks or rejects
        workers[victim].wait()
        with factory() as session:
            cut_off = session.get(Job, killed)
            assert cut_off is not None and cut_off.state == "running"  # killed in the middle of the volume
            done_before = session.scalar(select(func.count()).select_from(Job).where(Job.state == "done")) or 0
        workers[victim] = _start_worker(settings, BROKER_URL, logs[victim])
        wait_ready(workers[victim], logs[victim], count=2, timeout=CELERY_TIMEOUT)
        jobs = wait_for_jobs(factory, report.jobs, poll_seconds=0.2, timeout=CELERY_TIMEOUT)
    finally:
        queue.close()
        for process in workers:
            _stop(process)
    assert 0 < done_before < BATCH_SIZE  # mid-batch
    assert sorted(job.state for job in jobs.values()) == ["done"] * BATCH_SIZE, [
        (job.state, job.error) for job in jobs.values() if job.state != "done"
    ]
    # The killed attempt counts: the job was taken over once its lease expired.
    assert jobs[killed].attempts >= 2
    assert _counts(factory) == (BATCH_SIZE, BATCH_SIZE, BATCH_SIZE)
    with factory() as session:
        for path in files:
            document = repo.find_document_by_sha256(session, hashlib.sha256(path.read_bytes()).hexdigest())
            assert document is not None
            records = session.scalars(
                select(Record).where(Record.document_id == document.id, Record.kind == RecordKind.MACHINE)
            ).all()
            assert len(records) == 1, path.name  # extracted exactly once, whoever did it
            assert records[0].data == extract_bytes(path.read_bytes(), path.name).model_dump(mode="json"), path.name
    for log_path in logs:
        assert "Traceback" not in log_path.read_text(), log_path.read_text()
