"""Jobs: progress as Server-Sent Events, failure with a reason, retry, and queued jobs resumed on start."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pipelines.errors import DecodingError
from service.api.main import create_app
from service.extraction import Extraction, Extractor, Progress
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import JobState
from tests.service.conftest import SAMPLE, bearer, sse_events, upload, wait_for_job


def _events(client: TestClient, token: str, job_id: str) -> list[tuple[str, dict[str, Any]]]:
    return sse_events(client, token, f"/v1/jobs/{job_id}/events")


def test_events_stream_progress_until_done(client: TestClient, tokens: dict[str, str]) -> None:
    item = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes())).json()["data"][0]
    events = _events(client, tokens["researcher"], item["job_id"])
    assert events, "no event"
    assert all(name == "progress" for name, _ in events)
    percents = [job["percent"] for _, job in events]
    assert percents == sorted(percents)
    assert events[-1][1]["state"] == "done"
    assert events[-1][1]["percent"] == 100
    # A finished job's stream is its last state, then the end.
    assert _events(client, tokens["researcher"], item["job_id"]) == [events[-1]]


def test_failed_job_keeps_its_reason_and_retries(
    client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_run = Extractor.run
    # An unexpected error is tried again, up to KENESH_JOB_MAX_ATTEMPTS (3); an input error fails at once.
    failures: list[Exception] = [RuntimeError("boom\nsecond line")] * 3 + [DecodingError("cannot decode the text")]

    def flaky(self: Extractor, data: bytes, filename: str | None, progress: Progress) -> Extraction:
        if failures:
            raise failures.pop(0)
        return real_run(self, data, filename, progress)

    monkeypatch.setattr(Extractor, "run", flaky)
    archivist, researcher = tokens["archivist"], tokens["researcher"]
    item = upload(client, archivist, ("crash.txt", "Заседание совета в Бишкеке.".encode())).json()["data"][0]
    job = wait_for_job(client, researcher, item["job_id"])
    assert (job["state"], job["error"], job["attempts"]) == (
        "failed",
        "failed 3 times; the last: internal error: RuntimeError: boom",
        3,
    )
    document = client.get(f"/v1/documents/{item['document_id']}", headers=bearer(researcher)).json()
    assert document["record"] is None

    assert client.post(f"/v1/jobs/{item['job_id']}/retry", headers=bearer(researcher)).status_code == 403
    retried = client.post(f"/v1/jobs/{item['job_id']}/retry", headers=bearer(archivist))
    assert retried.status_code == 202
    assert retried.json()["state"] in ("queued", "running", "failed", "done")
    job = wait_for_job(client, researcher, item["job_id"])
    assert (job["state"], job["error"], job["attempts"]) == ("failed", "cannot decode the text", 4)

    client.post(f"/v1/jobs/{item['job_id']}/retry", headers=bearer(archivist))
    job = wait_for_job(client, researcher, item["job_id"])
    assert (job["state"], job["error"], job["attempts"]) == ("done", None, 5)
    document = client.get(f"/v1/documents/{item['document_id']}", headers=bearer(researcher)).json()
    assert document["record"]["document"]["filename"] == "crash.txt"

    again = client.post(f"/v1/jobs/{item['job_id']}/retry", headers=bearer(archivist))
    assert again.status_code == 409
    assert "done" in again.json()["detail"]
    unknown = client.post(f"/v1/jobs/{uuid.uuid4()}/retry", headers=bearer(archivist))
    assert unknown.status_code == 404


def test_start_resumes_queued_and_interrupted_jobs(settings: Settings, tokens: dict[str, str]) -> None:
    """Rows left by a stopped service (queued, and one cut off while running) are all done after a start."""
    engine = make_engine(settings.database_url)
    migrate(engine)
    job_ids = []
    with session_scope(make_session_factory(engine)) as session:
        for i in range(3):
            text = f"Заседание комиссии № {i} открыл председатель И.И. Петров в Оше.".encode()
            document = repo.add_document(session, text, f"left-{i}.txt", "text/plain", None)
            job_ids.append(repo.add_job(session, document.id, None).id)
        assert repo.claim_job(session, job_ids[0])  # the process died while this one was running
    engine.dispose()

    with TestClient(create_app(settings)) as client:
        for job_id in job_ids:
            job = wait_for_job(client, tokens["researcher"], str(job_id))
            assert job["state"] == JobState.DONE.value, job
        assert client.get("/v1/documents", headers=bearer(tokens["researcher"])).json()["count"] == 3
