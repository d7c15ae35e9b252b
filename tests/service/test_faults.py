"""Faults: the real `kenesh serve` killed (SIGKILL) during uploads and extraction, and during corrections, then
started again on the same database. Whatever was acknowledged is there; what was in flight is whole or absent;
every document ends with its complete record; interrupted and queued jobs run to done.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from pipelines.record import MeetingRecord
from service.corrections import misplaced_spans
from service.storage.db import make_engine
from service.storage.tables import Document, DocumentFile, IndexedMeeting, Job, PersonAppearance, Record
from tests.conftest import CORPUS_DEV

START_TIMEOUT = 180.0
JOBS_TIMEOUT = 300.0
DOCUMENTS = sorted(CORPUS_DEV.glob("*.txt"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Service:
    """`kenesh serve` as a child process on `database_url`, started again on the same database at will."""

    def __init__(self, database_url: str, folder: Path) -> None:
        self.env = {
            **os.environ,
            "KENESH_DATABASE_URL": database_url,
            "KENESH_RATE_LIMIT_PER_MINUTE": "0",
            "KENESH_WARM_UP": "false",  # models load with the first job; the start is quicker
            "KENESH_JOB_WORKERS": "1",  # one job runs at a time: the one the kill interrupts
        }
        self.env.pop("KENESH_BROKER_URL", None)  # the embedded pool: jobs live and die with this process
        self.folder = folder
        self.starts = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.base = ""

    def start(self) -> httpx.Client:
        self.starts += 1
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}"
        log = (self.folder / f"serve-{self.starts}.log").open("wb")
        command = [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())"]
        self.process = subprocess.Popen(
            [*command, "serve", "--port", str(port)], env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert self.process.poll() is None, self.log()
            try:
                if httpx.get(f"{self.base}/v1/health").status_code == 200:
                    return httpx.Client(base_url=self.base, timeout=60)
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "kenesh serve did not start"
            time.sleep(0.05)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)  # no shutdown, no flush: as a power cut is to the process
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        return (self.folder / f"serve-{self.starts}.log").read_text(errors="replace")


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _until(condition: Callable[[], bool], what: str, timeout: float = JOBS_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.1)


def _jobs_waiting(database_url: str) -> bool:
    """Whether a job is queued or running, as committed."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            waiting = Job.state.in_(("queued", "running"))
            return bool(connection.scalar(select(func.count()).select_from(Job).where(waiting)))
    finally:
        engine.dispose()


def _running_job(database_url: str) -> bool:
    """Whether a job is running, as committed (the API would say the same, through the service's threads)."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return bool(connection.scalar(select(func.count()).select_from(Job).where(Job.state == "running")))
    finally:
        engine.dispose()


def _all_jobs_finished(client: httpx.Client, token: str) -> bool:
    documents = client.get("/v1/documents", params={"limit": 200}, headers=_headers(token)).json()["data"]
    details = [client.get(f"/v1/documents/{d['id']}", headers=_headers(token)).json() for d in documents]
    return all(detail["job"]["state"] in ("done", "failed") for detail in details)


def _check_archive(database_url: str) -> dict[str, Any]:
    """Every document whole: its bytes, one job, and (its job done) a valid record whose spans fit its text,
    indexed at the current version. Returns the archive's documents and jobs by id."""
    engine = make_engine(database_url)
    with engine.connect() as connection:
        documents = connection.execute(select(Document)).all()
        files = dict(connection.execute(select(DocumentFile.document_id, DocumentFile.content)).all())
        jobs = connection.execute(select(Job)).all()
        latest = dict(
            connection.execute(select(Record.document_id, func.max(Record.version)).group_by(Record.document_id)).all()
        )
        indexed = dict(connection.execute(select(IndexedMeeting.document_id, IndexedMeeting.record_version)).all())
        records = {
            (row.document_id, row.version): row.data
            for row in connection.execute(select(Record.document_id, Record.version, Record.data))
        }
    engine.dispose()
    jobs_of: dict[uuid.UUID, list[Any]] = {}
    for job in jobs:
        jobs_of.setdefault(job.document_id, []).append(job)
    for document in documents:
        assert document.id in files, f"{document.filename}: stored without its bytes"
        assert len(files[document.id]) == document.size
        assert len(jobs_of.get(document.id, [])) == 1, f"{document.filename}: not exactly one job"
        job = jobs_of[document.id][0]
        if job.state == "done":
            version = latest.get(document.id)
            assert version is not None, f"{document.filename}: done without a record"
            assert document.text is not None
            record = MeetingRecord.model_validate(records[(document.id, version)])
            assert misplaced_spans(record, document.text) == 0
            assert indexed.get(document.id) == version, f"{document.filename}: index not at the current version"
        else:  # no record until the job has stored one, and the job can resume
            assert job.state in ("queued", "running"), job.state
            assert document.id not in latest
    return {"documents": {d.id: d for d in documents}, "jobs": {j.id: j for j in jobs}, "latest": latest}


def test_killed_during_uploads_and_extraction_resumes_every_job(
    database_url: str, tokens: dict[str, str], tmp_path: Path
) -> None:
    archivist, researcher = tokens["archivist"], tokens["researcher"]
    service = Service(database_url, tmp_path)
    acknowledged: dict[str, str] = {}  # file name → job id
    sent: list[str] = []
    try:
        client = service.start()
        first = DOCUMENTS[:2]
        for path in first:
            response = client.post(
                "/v1/documents", headers=_headers(archivist), files={"files": (path.name, path.read_bytes())}
            )
            assert response.status_code == 202
            acknowledged[path.name] = response.json()["data"][0]["job_id"]
        # The first job is extracting (loading the models takes seconds) while more uploads come in.
        first_job = acknowledged[first[0].name]
        _until(
            lambda: client.get(f"/v1/jobs/{first_job}", headers=_headers(researcher)).json()["state"] == "running",
            "the first job to run",
        )

        # Half-way the uploader waits for the kill, so that uploads are still to come when it lands, however
        # fast the service takes them (waiting on the state, not on the clock).
        halfway, killed = threading.Event(), threading.Event()

        def keep_uploading() -> None:
            with httpx.Client(base_url=service.base, timeout=60) as uploader:
                for n, path in enumerate(DOCUMENTS[2:]):
                    if n == len(DOCUMENTS) // 2:
                        halfway.set()
                        killed.wait(timeout=600)
                    sent.append(path.name)
                    try:
                        response = uploader.post(
                            "/v1/documents",
                            headers=_headers(archivist),
                            files={"files": (path.name, path.read_bytes())},
                        )
                    except httpx.TransportError:
                        return
                    assert response.status_code == 202, response.text
                    acknowledged[path.name] = response.json()["data"][0]["job_id"]

        uploads = threading.Thread(target=keep_uploading)
        uploads.start()
        # Killed while a job runs (as the row says): one job is interrupted, unless every job was done first.
        _until(
            lambda: halfway.is_set() and (_running_job(database_url) or not _jobs_waiting(database_url)),
            "uploads, with a job running",
        )
        service.kill()
        killed.set()
        uploads.join()
        assert len(acknowledged) < len(DOCUMENTS), "every upload finished before the kill: nothing was cut off"
        client.close()

        # Between the two runs: acknowledged uploads are stored whole, nothing has a half-written record.
        before = _check_archive(database_url)
        names = {document.filename for document in before["documents"].values()}
        assert set(acknowledged) <= names
        assert names <= set(sent) | {path.name for path in first}  # the one in flight: whole or absent
        interrupted = [job for job in before["jobs"].values() if job.state == "running"]
        # The one extracting when the process died. One job runs at a time, and the next one is claimed as soon as
        # one ends, but if the kill fell between the two (a few milliseconds) none was running: that is no fault.
        assert len(interrupted) <= 1

        client = service.start()
        _until(lambda: _all_jobs_finished(client, researcher), "the jobs to finish after the restart")
        after = _check_archive(database_url)
        assert {job.state for job in after["jobs"].values()} == {"done"}
        assert set(after["documents"]) == set(before["documents"])
        assert all(version == 1 for version in after["latest"].values())  # one machine version each, no duplicate
        for job in interrupted:
            assert after["jobs"][job.id].attempts == job.attempts + 1  # resumed, and run once more
        for name, job_id in acknowledged.items():
            job = client.get(f"/v1/jobs/{job_id}", headers=_headers(researcher)).json()
            assert job["state"] == "done", name
        client.close()
    finally:
        service.stop()
    assert "Traceback" not in service.log()


def test_killed_during_corrections_keeps_every_acknowledged_one(
    database_url: str, tokens: dict[str, str], tmp_path: Path
) -> None:
    archivist, researcher = tokens["archivist"], tokens["researcher"]
    service = Service(database_url, tmp_path)
    path = CORPUS_DEV / "mbos-bishkek.txt"
    acknowledged: dict[int, str] = {}  # version → the position it set
    attempted: list[tuple[int, str]] = []
    try:
        client = service.start()
        item = client.post(
            "/v1/documents", headers=_headers(archivist), files={"files": (path.name, path.read_bytes())}
        )
        document_id, job_id = item.json()["data"][0]["document_id"], item.json()["data"][0]["job_id"]
        _until(
            lambda: client.get(f"/v1/jobs/{job_id}", headers=_headers(researcher)).json()["state"] == "done", "the job"
        )

        def keep_correcting() -> None:
            base = 1
            with httpx.Client(base_url=service.base, timeout=60) as corrector:
                for n in range(1, 10_000):
                    position = f"должность {n}"
                    attempted.append((base + 1, position))
                    body = {
                        "base_version": base,
                        "note": f"correction {n}",
                        "operations": [{"op": "edit_person", "person": "p1", "set": {"position": position}}],
                    }
                    try:
                        response = corrector.patch(
                            f"/v1/documents/{document_id}/record", headers=_headers(archivist), json=body
                        )
                    except httpx.TransportError:
                        return
                    assert response.status_code == 200, response.text
                    base = response.json()["version"]
                    acknowledged[base] = position

        corrections = threading.Thread(target=keep_correcting)
        corrections.start()
        _until(lambda: len(acknowledged) >= 8, "corrections")
        service.kill()
        corrections.join()
        client.close()

        client = service.start()
        versions = client.get(f"/v1/documents/{document_id}/record/versions", headers=_headers(researcher)).json()
        stored = {v["version"]: v for v in versions["data"]}
        last_acknowledged = max(acknowledged)
        # Every acknowledged correction is there as it was acknowledged.
        for version, position in acknowledged.items():
            record = client.get(
                f"/v1/documents/{document_id}/record", params={"version": version}, headers=_headers(researcher)
            ).json()
            assert record["kind"] == "correction"
            assert next(p for p in record["record"]["persons"] if p["id"] == "p1")["position"] == position
        # The one in flight is whole (with its position and note) or absent; nothing else appeared.
        assert versions["current_version"] in (last_acknowledged, last_acknowledged + 1)
        assert set(stored) == set(range(1, versions["current_version"] + 1))
        if versions["current_version"] == last_acknowledged + 1:
            in_flight = attempted[-1]
            assert in_flight[0] == last_acknowledged + 1
            current = client.get(f"/v1/documents/{document_id}/record", headers=_headers(researcher)).json()
            assert next(p for p in current["record"]["persons"] if p["id"] == "p1")["position"] == in_flight[1]
        # The research index follows the current version, whichever it is.
        check = _check_archive(database_url)
        assert check["latest"][uuid.UUID(document_id)] == versions["current_version"]
        engine = make_engine(database_url)
        with engine.connect() as connection:
            positions = connection.scalars(
                select(PersonAppearance.position).where(
                    PersonAppearance.document_id == uuid.UUID(document_id), PersonAppearance.record_person_id == "p1"
                )
            ).all()
        engine.dispose()
        current = client.get(f"/v1/documents/{document_id}/record", headers=_headers(researcher)).json()
        assert positions == [next(p for p in current["record"]["persons"] if p["id"] == "p1")["position"]]
        # And the archive takes the next correction on top.
        body = {
            "base_version": versions["current_version"],
            "operations": [{"op": "drop", "entity": "location", "ref": 0}],
        }
        response = client.patch(f"/v1/documents/{document_id}/record", headers=_headers(archivist), json=body)
        assert response.status_code == 200, response.text
        client.close()
    finally:
        service.stop()
    assert "Traceback" not in service.log()


def test_sqlite_commits_are_durable(tmp_path: Path) -> None:
    """WAL, and a sync of the log at every commit (synchronous=FULL): an acknowledged write survives a crash
    of the machine, not only of the process."""
    engine = make_engine(f"sqlite:///{tmp_path / 'kenesh.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


@pytest.fixture(autouse=True)
def _enough_documents() -> None:
    assert len(DOCUMENTS) >= 10, "corpus-dev has too few documents for the upload fault test"
