"""`POST /v1/extract` sheds load: beyond KENESH_MAX_CONCURRENT_EXTRACTIONS, or when the pipeline stays busy
past KENESH_EXTRACT_WAIT_SECONDS, a request is a 503 with Retry-After at once, and other endpoints still answer.

Not timed: the pipeline is held busy by a real extraction parked at a progress report (as a job holds it),
and the admission places by the same context manager a request in progress holds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from service.api.main import create_app
from service.extraction import Extractor
from service.settings import Settings
from tests.service.conftest import SAMPLE, bearer

TEXT = "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев в Бишкеке 21 сентября."


@contextmanager
def pipeline_held(extractor: Extractor) -> Iterator[None]:
    """A real extraction parked at its first progress report, holding the pipeline as a job does."""
    busy, release = threading.Event(), threading.Event()

    def parked(_stage: str, _percent: int) -> None:
        busy.set()
        release.wait()

    job = threading.Thread(target=extractor.run, args=(SAMPLE.read_bytes(), SAMPLE.name, parked))
    job.start()
    try:
        assert busy.wait(120), "the extraction never started"
        yield
    finally:
        release.set()
        job.join()


@pytest.fixture
def small(settings: Settings, tokens: dict[str, str]) -> Iterator[TestClient]:
    bounded = settings.model_copy(update={"max_concurrent_extractions": 2, "extract_wait_seconds": 0.2})
    with TestClient(create_app(bounded)) as test_client:
        yield test_client


def test_requests_beyond_the_bound_are_shed_with_retry_after(small: TestClient, tokens: dict[str, str]) -> None:
    extractor: Extractor = small.app.state.extractor  # type: ignore[attr-defined]
    headers = bearer(tokens["researcher"])
    with extractor.admit(), extractor.admit():  # two requests in progress: every place is taken
        shed = small.post("/v1/extract", headers=headers, json={"text": TEXT})
        assert shed.status_code == 503
        assert shed.headers["Retry-After"].isdigit()
        assert shed.json()["detail"] == "busy: 2 extractions are running or waiting; retry shortly"
        # Shedding is for the pipeline only: reads go on.
        assert small.get("/v1/documents", headers=headers).status_code == 200
        assert small.get("/v1/search", params={"q": "совет"}, headers=headers).status_code == 200
    # The places are free again, and so is the pipeline.
    served = small.post("/v1/extract", headers=headers, json={"text": TEXT})
    assert served.status_code == 200, served.text
    assert any(person["surname"] == "Базарбаев" for person in served.json()["persons"])


def test_a_request_that_cannot_get_the_pipeline_in_time_is_shed(small: TestClient, tokens: dict[str, str]) -> None:
    extractor: Extractor = small.app.state.extractor  # type: ignore[attr-defined]
    with pipeline_held(extractor):
        shed = small.post("/v1/extract", headers=bearer(tokens["researcher"]), json={"text": TEXT})
        assert shed.status_code == 503
        assert shed.json()["detail"] == "busy: the pipeline was not free within 0.2 s; retry shortly"
        assert "Retry-After" in shed.headers
    served = small.post("/v1/extract", headers=bearer(tokens["researcher"]), json={"text": TEXT})
    assert served.status_code == 200, served.text


def test_no_bound_when_set_to_zero() -> None:
    extractor = Extractor(0)
    with extractor.admit(), extractor.admit(), extractor.admit():
        record = extractor.extract(TEXT.encode("utf-8"), "t.txt", wait=5)
    assert [location.name for location in record.locations] == ["Бишкек"]


def test_requests_beyond_the_bound_and_its_queue_are_shed(settings: Settings, tokens: dict[str, str]) -> None:
    """One place and no queue: while an extraction waits for the busy pipeline, any other request is a 503."""
    one = settings.model_copy(
        update={"max_concurrent_requests": 1, "max_queued_requests": 0, "extract_wait_seconds": 120}
    )
    headers = bearer(tokens["researcher"])
    with TestClient(create_app(one)) as client:
        extractor: Extractor = client.app.state.extractor  # type: ignore[attr-defined]
        answers: list[int] = []
        waiting = threading.Thread(
            target=lambda: answers.append(client.post("/v1/extract", headers=headers, json={"text": TEXT}).status_code)
        )
        with pipeline_held(extractor):
            waiting.start()  # takes the one place, then waits for the pipeline
            deadline = time.monotonic() + 120
            while extractor.admitted == 0:
                assert time.monotonic() < deadline and not answers, f"the extraction never got in: {answers}"
                time.sleep(0.01)
            shed = client.get("/v1/documents", headers=headers)
            assert shed.status_code == 503
            assert shed.headers["Retry-After"] == "1"
            assert shed.json()["detail"] == "busy: 1 requests are being served and 0 wait; retry shortly"
            assert client.get("/v1/health").status_code == 200  # health checks take no place
        waiting.join()  # the pipeline is free: the waiting extraction runs
        assert answers == [200]
        assert client.get("/v1/documents", headers=headers).status_code == 200
