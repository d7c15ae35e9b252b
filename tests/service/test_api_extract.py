"""`POST /v1/extract`: the same record as `kenesh extract`, from a file or a text, and bad input as a 4xx."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipelines.errors import (
    CorruptDocument,
    DecodingError,
    EncryptedDocument,
    LimitExceeded,
    OcrUnavailable,
    UnsupportedFormat,
)
from pipelines.extract import extract_bytes
from service.settings import Settings
from tests.service.conftest import SAMPLE, bearer

TEXT = "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев в Бишкеке 21 сентября."


def test_file_gives_the_record_of_kenesh_extract(client: TestClient, tokens: dict[str, str]) -> None:
    data = SAMPLE.read_bytes()
    response = client.post(
        "/v1/extract", headers=bearer(tokens["researcher"]), files={"file": (SAMPLE.name, data, "text/plain")}
    )
    assert response.status_code == 200, response.text
    assert response.json() == extract_bytes(data, SAMPLE.name).model_dump(mode="json")


def test_text_gives_the_record_of_its_utf8_bytes(client: TestClient, tokens: dict[str, str]) -> None:
    response = client.post("/v1/extract", headers=bearer(tokens["archivist"]), json={"text": TEXT})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record == extract_bytes(TEXT.encode("utf-8")).model_dump(mode="json")
    assert any(person["surname"] == "Базарбаев" for person in record["persons"])


def test_nothing_is_stored(client: TestClient, tokens: dict[str, str]) -> None:
    client.post("/v1/extract", headers=bearer(tokens["archivist"]), json={"text": TEXT})
    assert client.get("/v1/documents", headers=bearer(tokens["researcher"])).json()["count"] == 0


def test_bad_input_is_a_4xx_with_a_message(client: TestClient, tokens: dict[str, str]) -> None:
    headers = bearer(tokens["researcher"])
    cases = [
        ({"content": b"plain words", "headers": {"Content-Type": "text/plain"}}, 415),
        ({}, 415),
        ({"files": {"file": ("empty.txt", b"", "text/plain")}}, 422),
        ({"files": {"file": ("blob.bin", bytes(range(256)) * 64, "application/octet-stream")}}, 415),
        ({"data": {"text": "a form field, not a file"}}, 415),
        ({"content": b'{"text": "unterminated', "headers": {"Content-Type": "application/json"}}, 422),
        ({"json": {"txt": TEXT}}, 422),
        ({"json": {"text": ""}}, 422),
        ({"json": ["not", "an", "object"]}, 422),
    ]
    for kwargs, status in cases:
        extra = kwargs.pop("headers", {})
        response = client.post("/v1/extract", headers=headers | extra, **kwargs)
        assert response.status_code == status, (kwargs, response.text)
        assert response.json()["detail"], kwargs


def test_oversize_is_413(settings: Settings, tokens: dict[str, str]) -> None:
    limited = settings.model_copy(update={"max_upload_bytes": 1000})
    from service.api.main import create_app

    with TestClient(create_app(limited)) as client:
        headers = bearer(tokens["researcher"])
        big = "Заседание совета. ".encode() * 200
        response = client.post("/v1/extract", headers=headers, files={"file": ("big.txt", big, "text/plain")})
        assert response.status_code == 413
        assert "too large" in response.json()["detail"]
        assert client.post("/v1/extract", headers=headers, json={"text": big.decode()}).status_code == 413


FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def test_broken_documents_are_422_with_the_pipeline_message(client: TestClient, tokens: dict[str, str]) -> None:
    pdf = (FORMATS / "pdf" / "mbos-bishkek.pdf").read_bytes()
    cases = [
        ("truncated.pdf", pdf[: len(pdf) // 2], "truncated"),
        ("encrypted.pdf", (FORMATS / "bad" / "encrypted.pdf").read_bytes(), "password"),
    ]
    for name, data, message in cases:
        response = client.post(
            "/v1/extract",
            headers=bearer(tokens["researcher"]),
            files={"file": (name, data, "application/pdf")},
        )
        assert response.status_code == 422, (name, response.text)
        assert message in response.json()["detail"], (name, response.text)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (LimitExceeded("too many pages: 5000, the limit is 2000"), 413),
        (OcrUnavailable("tesseract with Russian is not installed"), 503),
        (CorruptDocument("damaged or truncated PDF"), 422),
        (EncryptedDocument("the PDF is locked with a password"), 422),
        (DecodingError("no supported encoding"), 422),
        (UnsupportedFormat("not a supported document format"), 415),
    ],
)
def test_pipeline_errors_map_to_their_status(
    client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch, error: Exception, status: int
) -> None:
    def fail(*_: object) -> None:
        raise error

    monkeypatch.setattr(client.app.state.extractor, "extract", fail)  # type: ignore[attr-defined]
    response = client.post("/v1/extract", headers=bearer(tokens["researcher"]), json={"text": TEXT})
    assert response.status_code == status, response.text
    assert response.json() == {"detail": str(error)}


def test_a_client_that_leaves_before_its_body_is_no_error(
    client: TestClient, tokens: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """A load generator stopping with requests in flight: no traceback, no error in the log."""
    import asyncio

    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/extract",
        "raw_path": b"/v1/extract",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"application/json"),
            (b"content-length", b"1000"),
            (b"authorization", f"Bearer {tokens['researcher']}".encode()),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
        "state": {},
    }
    with caplog.at_level("INFO"):
        asyncio.run(client.app(scope, receive, send))  # type: ignore[arg-type]
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 400
    assert "client left" in caplog.text
    assert not [record for record in caplog.records if record.levelname in ("ERROR", "CRITICAL")]
