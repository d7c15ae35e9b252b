"""The archive's documents: upload → job done → record readable; one document per sha256; bad uploads."""

from __future__ import annotations

import hashlib
import uuid

from fastapi.testclient import TestClient

from pipelines.extract import extract_bytes
from pipelines.readers import read_bytes
from tests.service.conftest import SAMPLE, bearer, upload, wait_for_job

BINARY = bytes(range(256))
RUSSIAN = "Заседание комиссии открыл председатель И.И. Петров в Оше.\n".encode()


def test_upload_extract_read(client: TestClient, tokens: dict[str, str]) -> None:
    """The property of the issue: the archived record equals `kenesh extract` on the same file."""
    data = SAMPLE.read_bytes()
    response = upload(client, tokens["archivist"], (SAMPLE.name, data))
    assert response.status_code == 202, response.text
    (item,) = response.json()["data"]
    assert item["sha256"] == hashlib.sha256(data).hexdigest()
    assert item["duplicate"] is False

    job = wait_for_job(client, tokens["researcher"], item["job_id"])
    assert job["state"] == "done", job
    assert (job["stage"], job["percent"], job["attempts"]) == ("done", 100, 1)

    reader = bearer(tokens["researcher"])
    document = client.get(f"/v1/documents/{item['document_id']}", headers=reader).json()
    assert document["record"] == extract_bytes(data, SAMPLE.name).model_dump(mode="json")
    assert document["text"] == read_bytes(data).text
    assert (document["record_version"], document["record_kind"]) == (1, "machine")
    assert (document["filename"], document["media_type"], document["size"]) == (SAMPLE.name, "text/plain", len(data))
    assert document["job"]["id"] == item["job_id"]
    for person in document["record"]["persons"]:
        for mention in person["mentions"]:
            assert document["text"][mention["start"] : mention["end"]] == mention["text"]

    download = client.get(f"/v1/documents/{item['document_id']}/file", headers=reader)
    assert download.status_code == 200
    assert download.content == data
    assert download.headers["content-type"] == "text/plain"
    assert SAMPLE.name in download.headers["content-disposition"]


def test_same_bytes_are_one_document(client: TestClient, tokens: dict[str, str]) -> None:
    archivist = tokens["archivist"]
    first = upload(client, archivist, ("a.txt", RUSSIAN)).json()["data"][0]
    again = upload(client, archivist, ("renamed.txt", RUSSIAN), ("copy.txt", RUSSIAN)).json()["data"]
    assert [item["document_id"] for item in again] == [first["document_id"]] * 2
    assert [item["job_id"] for item in again] == [first["job_id"]] * 2
    assert all(item["duplicate"] for item in again)
    listing = client.get("/v1/documents", headers=bearer(tokens["researcher"])).json()
    assert listing["count"] == 1
    assert listing["data"][0]["filename"] == "a.txt"


def test_many_files_in_one_request_and_pages(client: TestClient, tokens: dict[str, str]) -> None:
    files = [(f"doc{i}.txt", RUSSIAN + f"Протокол № {i}.".encode()) for i in range(3)]
    response = upload(client, tokens["archivist"], *files)
    assert response.status_code == 202
    items = response.json()["data"]
    assert len({item["document_id"] for item in items}) == 3
    for item in items:
        assert wait_for_job(client, tokens["researcher"], item["job_id"])["state"] == "done"

    reader = bearer(tokens["researcher"])
    page = client.get("/v1/documents", headers=reader, params={"offset": 1, "limit": 2}).json()
    assert page["count"] == 3
    assert len(page["data"]) == 2
    everything = client.get("/v1/documents", headers=reader).json()["data"]
    assert {document["filename"] for document in everything} == {name for name, _ in files}
    assert all(document["record_version"] == 1 for document in everything)


def test_bad_uploads_store_nothing(client: TestClient, tokens: dict[str, str]) -> None:
    headers = bearer(tokens["archivist"])
    cases = [
        ({"files": [("files", ("empty.txt", b"", "text/plain"))]}, 422),
        # One bad file among good ones: the request fails whole, the good one is not stored either.
        ({"files": [("files", ("good.txt", RUSSIAN, "text/plain")), ("files", ("x.bin", BINARY, "a/b"))]}, 415),
        ({"json": {"text": "not a file"}}, 415),
        ({"data": {"files": "a form field"}, "files": [("other", ("", b"", "text/plain"))]}, 422),
        ({"content": b"--broken\r\n", "headers": {"Content-Type": "multipart/form-data; boundary=broken"}}, 422),
    ]
    for kwargs, status in cases:
        extra = kwargs.pop("headers", {})
        response = client.post("/v1/documents", headers=headers | extra, **kwargs)
        assert status <= response.status_code < 500, (kwargs, response.status_code, response.text)
        assert response.status_code == status, (kwargs, response.text)
        assert response.json()["detail"]
    assert client.get("/v1/documents", headers=headers).json()["count"] == 0


def test_unknown_ids(client: TestClient, tokens: dict[str, str]) -> None:
    headers = bearer(tokens["researcher"])
    unknown = uuid.uuid4()
    for path in (f"/v1/documents/{unknown}", f"/v1/documents/{unknown}/file", f"/v1/jobs/{unknown}"):
        response = client.get(path, headers=headers)
        assert response.status_code == 404
        assert str(unknown) in response.json()["detail"]
    assert client.get("/v1/documents/not-an-id", headers=headers).status_code == 422
