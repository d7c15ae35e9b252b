"""Extraction on processes forked after the models load: `kenesh extract --jobs N`, and the service's own
processes for `POST /v1/extract` apart from those of the embedded jobs.

Not timed: the jobs' process is stopped (SIGSTOP) to hold it mid-document for as long as the test needs, and
killed (SIGKILL) to stand for the kernel's out-of-memory killer.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipelines.extract import extract_bytes
from service.api.main import create_app
from service.extraction import Extractor
from service.settings import Settings
from tests.conftest import CORPUS_DEV, ROOT
from tests.service.conftest import JOB_TIMEOUT, SAMPLE, bearer, upload, wait_for_job

FILES = sorted(CORPUS_DEV.glob("*.txt"))[:6]


def _kenesh(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return _finished(_start(*args, env=env))


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "service.cli", *args],
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finished(process: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    try:
        stdout, stderr = process.communicate(timeout=900)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_jobs_give_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    files = [*FILES[:3], missing, *FILES[3:]]
    # Three independent runs at once: each spends most of its time loading the models on its own.
    started = [
        _start("extract", "--jobs", "1", "--compact", *map(str, files)),
        _start("extract", "--jobs", "2", "--compact", *map(str, files)),
        _start("extract", "--jobs", "2", "--out", str(tmp_path / "two"), *map(str, FILES)),
    ]
    try:
        one, two, written_out = [_finished(process) for process in started]
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert one.returncode == two.returncode == 2
    assert one.stdout.splitlines() and two.stdout == one.stdout  # every record, byte for byte, in input order
    assert two.stderr == one.stderr == f"kenesh: {missing}: no such file\nkenesh: 1 of {len(files)} files failed\n"
    assert written_out.returncode == 0, written_out.stderr
    for path in FILES:
        written = (tmp_path / "two" / f"{path.stem}.json").read_text(encoding="utf-8")
        assert written == extract_bytes(path.read_bytes(), path.name).model_dump_json(indent=1) + "\n"


def test_the_document_time_limit_holds_in_the_processes(tmp_path: Path) -> None:
    answer = _kenesh("extract", "--jobs", "2", *map(str, FILES[:2]), env={"KENESH_DOCUMENT_SECONDS": "0.0001"})
    assert answer.returncode == 2
    lines = answer.stderr.splitlines()
    assert len(lines) == 3 and "Traceback" not in answer.stderr
    for path, line in zip(FILES[:2], lines, strict=False):
        assert line.startswith(f"kenesh: {path}: took over 0.0001 s, stopped at "), line
        assert line.endswith("(KENESH_DOCUMENT_SECONDS)")


def test_jobs_must_be_positive() -> None:
    answer = _kenesh("extract", "--jobs", "0", str(SAMPLE))
    assert (answer.returncode, answer.stderr) == (2, "kenesh: --jobs must be at least 1\n")


@pytest.fixture
def forked(settings: Settings, tokens: dict[str, str]) -> Iterator[TestClient]:
    """The app with one process for requests and one for jobs, forked from the (warmed) app process."""
    with TestClient(create_app(settings.model_copy(update={"extract_processes": 1, "job_workers": 1}))) as client:
        yield client


def _wait(condition: object, what: str) -> None:
    deadline = time.monotonic() + JOB_TIMEOUT
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"{what} never happened"
        time.sleep(0.05)


def _job(client: TestClient, token: str, job_id: str) -> dict[str, object]:
    return client.get(f"/v1/jobs/{job_id}", headers=bearer(token)).json()


def test_requests_are_served_while_the_jobs_process_is_held(forked: TestClient, tokens: dict[str, str]) -> None:
    extractor: Extractor = forked.app.state.extractor  # type: ignore[attr-defined]
    jobs = extractor.pools["jobs"]
    assert set(extractor.pools) == {"interactive", "jobs"}
    assert not set(jobs.pids) & set(extractor.pools["interactive"].pids)
    (held,) = jobs.pids
    os.kill(held, signal.SIGSTOP)  # an archive job stuck mid-document, as a long one would be
    try:
        answer = upload(forked, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes()))
        job_id = answer.json()["data"][0]["job_id"]
        _wait(lambda: jobs.pending == 1, "the job reaching its process")
        served = forked.post(
            "/v1/extract", headers=bearer(tokens["researcher"]), json={"text": SAMPLE.read_text(encoding="utf-8")}
        )
        assert served.status_code == 200, served.text
        assert served.json()["persons"] == extract_bytes(SAMPLE.read_bytes()).model_dump(mode="json")["persons"]
        assert _job(forked, tokens["archivist"], job_id)["state"] == "running"
    finally:
        os.kill(held, signal.SIGCONT)
    assert wait_for_job(forked, tokens["archivist"], job_id)["state"] == "done"


def test_a_killed_process_costs_one_try_of_its_job(forked: TestClient, tokens: dict[str, str]) -> None:
    extractor: Extractor = forked.app.state.extractor  # type: ignore[attr-defined]
    jobs = extractor.pools["jobs"]
    (held,) = jobs.pids
    os.kill(held, signal.SIGSTOP)
    item = upload(forked, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes())).json()["data"][0]
    job_id = item["job_id"]
    _wait(lambda: jobs.pending == 1, "the job reaching its process")
    os.kill(held, signal.SIGKILL)  # as the out-of-memory killer would
    job = wait_for_job(forked, tokens["archivist"], job_id)
    assert (job["state"], job["attempts"]) == ("done", 2), job  # the second try ran on a process forked anew
    assert held not in jobs.pids and len(jobs.pids) == 1
    document = forked.get(f"/v1/documents/{item['document_id']}", headers=bearer(tokens["researcher"])).json()
    assert document["record"]["persons"] == extract_bytes(SAMPLE.read_bytes()).model_dump(mode="json")["persons"]
