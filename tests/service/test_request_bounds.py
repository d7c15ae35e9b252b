"""Requests past what the service stores: integers past 64 bits, oversized bodies and correction payloads."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from tests.service.conftest import SAMPLE, bearer, upload, wait_for_job

PAST_64_BITS = 2**64
LARGEST = 2**63 - 1  # offsets and counts: the largest integer both databases compare
LARGEST_ID = 2**31 - 1  # versions and ids: the columns' integers


@pytest.fixture
def extracted(client: TestClient, tokens: dict[str, str]) -> str:
    item = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes())).json()["data"][0]
    assert wait_for_job(client, tokens["researcher"], item["job_id"])["state"] == "done"
    return item["document_id"]


def test_integers_past_64_bits_are_422_and_the_largest_is_served(
    client: TestClient, tokens: dict[str, str], extracted: str
) -> None:
    """SQLite's driver raised OverflowError past 2^63 (a 500); both databases now answer the same."""
    headers = bearer(tokens["archivist"])
    client.cookies.set("kenesh_token", tokens["archivist"])
    for big in (PAST_64_BITS, LARGEST + 1):
        for path in (
            f"/v1/documents?offset={big}",
            f"/v1/persons?offset={big}",
            f"/v1/organizations?offset={big}",
            f"/v1/search?q=заседание&offset={big}",
            f"/v1/graph/co-occurrence?min_weight={big}",
        ):
            response = client.get(path, headers=headers)
            assert response.status_code == 422, (path, response.status_code, response.text[:200])
            assert "less than or equal to 9223372036854775807" in response.json()["detail"]
    for big in (PAST_64_BITS, LARGEST_ID + 1):
        for path in (f"/v1/documents/{extracted}/record?version={big}", f"/documents/{extracted}?version={big}"):
            response = client.get(path, headers=headers)
            assert response.status_code == 422, (path, response.status_code, response.text[:200])
        writes = (
            ("post", f"/v1/documents/{extracted}/record/versions/{big}/restore", None),
            ("patch", f"/v1/documents/{extracted}/record", {"base_version": big, "operations": [_DROP]}),
            ("post", f"/v1/documents/{extracted}/record/versions/1/restore", {"base_version": big}),
            ("post", f"/v1/persons/{uuid.uuid4()}/split", {"appearance_ids": [big]}),
        )
        for method, path, body in writes:
            response = client.request(method, path, headers=headers, json=body)
            assert response.status_code == 422, (path, response.status_code, response.text[:200])
            assert "less than or equal to 2147483647" in response.json()["detail"]
    # The largest integers go through to the database: nothing there, and no error.
    assert client.get(f"/v1/documents?offset={LARGEST}", headers=headers).json()["data"] == []
    assert client.get(f"/v1/persons?offset={LARGEST}", headers=headers).json()["data"] == []
    assert client.get(f"/v1/documents/{extracted}/record?version={LARGEST_ID}", headers=headers).status_code == 404
    restore = client.post(f"/v1/documents/{extracted}/record/versions/{LARGEST_ID}/restore", headers=headers)
    assert restore.status_code == 404
    stale = client.patch(
        f"/v1/documents/{extracted}/record", headers=headers, json={"base_version": LARGEST_ID, "operations": [_DROP]}
    )
    assert stale.status_code == 409


_DROP = {"op": "drop", "entity": "location", "ref": 0}


def test_correction_payloads_have_maximum_lengths(client: TestClient, tokens: dict[str, str]) -> None:
    """Each part of a correction is bounded, so a payload within the body limit is still refused when absurd."""
    headers = bearer(tokens["archivist"])
    path = f"/v1/documents/{uuid.uuid4()}/record"
    edit = {"op": "edit_person", "person": "p1", "set": {"position": "министр"}}
    too_long = {
        "name": {"op": "edit_person", "person": "p1", "set": {"name": "Я" * 501}},
        "ref": {"op": "drop", "entity": "issue", "ref": "в" * 5001},
        "aliases": {"op": "add", "entity": "organization", "start": 0, "end": 5, "aliases": ["a"] * 10_001},
        "alias": {"op": "add", "entity": "organization", "start": 0, "end": 5, "aliases": ["а" * 501]},
        "mentions": {
            "op": "split_person",
            "person": "p1",
            "mentions": [0] * 10_001,
            "set": {"name": "А", "surname": "Б"},
        },
    }
    for what, operation in too_long.items():
        response = client.patch(path, headers=headers, json={"base_version": 1, "operations": [operation]})
        assert response.status_code == 422, (what, response.text[:200])
        assert "at most" in response.json()["detail"], what
    many = client.patch(path, headers=headers, json={"base_version": 1, "operations": [edit] * 1001})
    assert many.status_code == 422
    assert "at most 1000 items" in many.json()["detail"]
    # Within the bounds, the request goes through validation to the route: the document does not exist.
    fine = client.patch(path, headers=headers, json={"base_version": 1, "operations": [edit] * 1000})
    assert fine.status_code == 404
