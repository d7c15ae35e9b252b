"""Browsing the archive through the API: the documents list (pages, meeting, job, review, sort, filter), the review
queue, delete and bulk actions, one event stream for a batch of jobs, XLSX export and page images."""

from __future__ import annotations

import io
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, select, text

from pipelines.extract import Extraction, Progress
from service.extraction import Extractor
from service.settings import Settings
from service.storage.tables import (
    ArchivePerson,
    Document,
    DocumentFile,
    DocumentPage,
    IndexedMeeting,
    Job,
    MeetingTopic,
    PersonAppearance,
    Record,
)
from tests.conftest import CORPUS_DEV
from tests.service.archive_seed import seed
from tests.service.conftest import JOB_TIMEOUT, bearer, sse_events, upload, wait_for_job

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def _list(client: TestClient, token: str, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/documents", headers=bearer(token), params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_documents_page_sort_and_filter(settings: Settings, tokens: dict[str, str], client: TestClient) -> None:
    seeded = seed(settings.database_url, 105, queued=3)
    reader = tokens["researcher"]
    seen: list[str] = []
    for offset in (0, 50, 100):
        page = _list(client, reader, offset=offset, limit=50)
        assert page["count"] == 108
        seen += [item["id"] for item in page["data"]]
    assert len(seen) == len(set(seen)) == 108  # every document once across the pages

    done = _list(client, reader, state="done", limit=500)
    assert done["count"] == 105
    first = done["data"][0]
    assert first["job"]["state"] == "done"
    assert first["meeting"]["title"].startswith("Заседание Совета по вопросам миграции номер")
    assert first["meeting"]["body"] == "Совет"
    assert first["reviewed_version"] is None
    queued = _list(client, reader, state="queued")
    assert queued["count"] == 3
    assert all(item["meeting"] is None and item["job"]["state"] == "queued" for item in queued["data"])

    by_date = _list(client, reader, sort="date", order="asc", limit=500)["data"]
    dates = [item["meeting"]["date"] for item in by_date if item["meeting"]]
    assert dates == sorted(dates) and len(dates) == 105
    assert all(item["meeting"] is None for item in by_date[105:])  # no meeting date: last, either order
    by_title = [item["meeting"]["title"] for item in _list(client, reader, sort="title", order="desc")["data"]]
    assert by_title == sorted(by_title, reverse=True)

    migration = _list(client, reader, topic="migration", limit=500)
    assert migration["count"] == sum(item.topic == "migration" for item in seeded)
    period = _list(client, reader, **{"from": "2012-01-01", "to": "2013-12-31"}, limit=500)
    assert period["count"] == sum("2012" <= item.date[:4] <= "2013" for item in seeded)
    assert {item["meeting"]["date"][:4] for item in period["data"]} == {"2012", "2013"}
    assert _list(client, reader, reviewed="false")["count"] == 108
    assert client.get("/v1/documents", headers=bearer(reader), params={"sort": "size"}).status_code == 422
    assert client.get("/v1/documents", headers=bearer(reader), params={"state": "lost"}).status_code == 422


def test_review_queue(settings: Settings, tokens: dict[str, str], client: TestClient) -> None:
    seeded = seed(settings.database_url, 3, queued=1)
    archivist, reader = tokens["archivist"], tokens["researcher"]
    oldest = seeded[0].document_id
    assert client.get("/v1/documents/next-unreviewed", headers=bearer(reader)).json()["id"] == str(oldest)
    response = client.post(f"/v1/documents/{oldest}/review", headers=bearer(reader))
    assert response.status_code == 403
    reviewed = client.post(f"/v1/documents/{oldest}/review", headers=bearer(archivist)).json()
    assert reviewed["reviewed_version"] == 1 and reviewed["reviewed_at"]
    nxt = client.get("/v1/documents/next-unreviewed", headers=bearer(reader)).json()
    assert nxt["id"] == str(seeded[1].document_id)
    after = client.get("/v1/documents/next-unreviewed", headers=bearer(reader), params={"after": nxt["id"]}).json()
    assert after["id"] == str(seeded[2].document_id)
    assert _list(client, reader, reviewed="true")["data"][0]["id"] == str(oldest)
    assert _list(client, reader, reviewed="false")["count"] == 3  # two extracted, one still queued
    queued = _list(client, reader, state="queued")["data"][0]["id"]
    response = client.post(f"/v1/documents/{queued}/review", headers=bearer(archivist))
    assert response.status_code == 409 and "no record yet" in response.json()["detail"]
    for item in seeded[1:]:
        client.post(f"/v1/documents/{item.document_id}/review", headers=bearer(archivist))
    assert client.get("/v1/documents/next-unreviewed", headers=bearer(reader)).json() is None


def _rows(database_url: str, document_id: uuid.UUID) -> dict[str, int]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            counts = {
                table.__tablename__: connection.scalar(
                    select(func.count()).select_from(table).where(table.document_id == document_id)
                )
                for table in (Record, Job, DocumentFile, DocumentPage, IndexedMeeting, PersonAppearance, MeetingTopic)
            }
            counts["documents"] = connection.scalar(
                select(func.count()).select_from(Document).where(Document.id == document_id)
            )
            if engine.dialect.name == "sqlite":
                counts["meetings_fts"] = connection.scalar(
                    text("SELECT count(*) FROM meetings_fts WHERE document_id = :id"), {"id": str(document_id)}
                )
            counts["archive_persons"] = connection.scalar(select(func.count()).select_from(ArchivePerson))
    finally:
        engine.dispose()
    return counts


def test_delete_removes_records_jobs_index_and_file(
    settings: Settings, tokens: dict[str, str], client: TestClient
) -> None:
    archivist, reader = tokens["archivist"], tokens["researcher"]
    sample = (CORPUS_DEV / "mbos-bishkek.txt").read_bytes()
    item = upload(client, archivist, ("mbos.txt", sample)).json()["data"][0]
    assert wait_for_job(client, reader, item["job_id"])["state"] == "done"
    document_id = uuid.UUID(item["document_id"])
    before = _rows(settings.database_url, document_id)
    assert before["records"] == 1 and before["person_appearances"] > 0 and before["archive_persons"] > 0
    assert client.get("/v1/search", headers=bearer(reader), params={"q": "Бишкек"}).json()["count"] == 1

    assert client.delete(f"/v1/documents/{document_id}", headers=bearer(reader)).status_code == 403
    assert client.delete(f"/v1/documents/{document_id}", headers=bearer(archivist)).status_code == 204
    after = _rows(settings.database_url, document_id)
    assert set(after.values()) == {0}, after  # the archive persons only it named went too
    assert client.get(f"/v1/documents/{document_id}", headers=bearer(reader)).status_code == 404
    assert client.get(f"/v1/jobs/{item['job_id']}", headers=bearer(reader)).status_code == 404
    assert client.get("/v1/search", headers=bearer(reader), params={"q": "Бишкек"}).json()["count"] == 0
    assert client.delete(f"/v1/documents/{document_id}", headers=bearer(archivist)).status_code == 404
    # The same bytes can come back as a new document.
    again = upload(client, archivist, ("mbos.txt", sample)).json()["data"][0]
    assert again["duplicate"] is False and again["document_id"] != item["document_id"]
    assert wait_for_job(client, reader, again["job_id"])["state"] == "done"


def test_bulk_reextract_review_delete(settings: Settings, tokens: dict[str, str], client: TestClient) -> None:
    archivist, reader = tokens["archivist"], tokens["researcher"]
    items = upload(
        client,
        archivist,
        *((f"b{n}.txt", f"Заседание совета номер {n} в Бишкеке 3 мая 2012 года.".encode()) for n in range(3)),
    ).json()["data"]
    for item in items:
        assert wait_for_job(client, reader, item["job_id"])["state"] == "done"
    ids = [item["document_id"] for item in items]

    def bulk(action: str, document_ids: list[str], token: str = archivist) -> Any:
        return client.post(
            "/v1/documents/bulk", headers=bearer(token), json={"action": action, "document_ids": document_ids}
        )

    assert bulk("review", ids, reader).status_code == 403
    assert bulk("archive", ids).status_code == 422
    assert bulk("review", []).status_code == 422
    reviewed = bulk("review", ids).json()
    assert reviewed["done"] == 3 and all(result["ok"] for result in reviewed["data"])
    assert _list(client, reader, reviewed="true")["count"] == 3

    reextracted = bulk("reextract", ids[:2]).json()
    assert reextracted["done"] == 2
    jobs = [result["job_id"] for result in reextracted["data"]]
    for job_id in jobs:
        assert wait_for_job(client, reader, job_id)["state"] == "done"
    versions = {item["id"]: item["record_version"] for item in _list(client, reader)["data"]}
    assert [versions[document_id] for document_id in ids] == [2, 2, 1]

    missing = str(uuid.uuid4())
    deleted = bulk("delete", [ids[0], missing]).json()
    assert deleted["done"] == 1
    assert deleted["data"][1] == {
        "document_id": missing,
        "ok": False,
        "detail": f"no document {missing}",
        "job_id": None,
    }
    assert _list(client, reader)["count"] == 2


def _batch_events(client: TestClient, token: str, job_ids: list[str]) -> list[tuple[str, dict[str, Any]]]:
    return sse_events(client, token, "/v1/jobs/events?" + "&".join(f"ids={job_id}" for job_id in job_ids))


def test_one_stream_follows_a_batch_of_thirteen(tokens: dict[str, str], client: TestClient) -> None:
    files = [
        (f"batch-{n:02d}.txt", f"Заседание комиссии номер {n} в Оше 5 июня 2013 года.".encode()) for n in range(13)
    ]
    items = upload(client, tokens["archivist"], *files).json()["data"]
    job_ids = [item["job_id"] for item in items]
    events = _batch_events(client, tokens["researcher"], job_ids)
    assert {name for name, _ in events} == {"progress"}
    last: dict[str, dict[str, Any]] = {}
    for _, job in events:
        if job["id"] in last:
            assert job["percent"] >= last[job["id"]]["percent"] or job["state"] == "done"
        last[job["id"]] = job
    assert set(last) == set(job_ids)
    assert {job["state"] for job in last.values()} == {"done"}
    # Finished jobs: one event each, then the end.
    again = _batch_events(client, tokens["researcher"], job_ids)
    assert [job["id"] for _, job in again] == job_ids
    unknown = str(uuid.uuid4())
    response = client.get(f"/v1/jobs/events?ids={job_ids[0]}&ids={unknown}", headers=bearer(tokens["researcher"]))
    assert response.status_code == 404 and unknown in response.json()["detail"]
    assert client.get("/v1/jobs/events", headers=bearer(tokens["researcher"])).status_code == 422
    assert client.get(f"/v1/jobs/events?ids={job_ids[0]}").status_code == 401


def test_xlsx_and_csv_carry_archive_ids(tokens: dict[str, str], client: TestClient) -> None:
    archivist, reader = tokens["archivist"], tokens["researcher"]
    items = upload(
        client,
        archivist,
        *(
            (path.name, path.read_bytes())
            for path in (
                CORPUS_DEV / "nerel-13896_text.txt",
                CORPUS_DEV / "nerel-22657_text.txt",
                CORPUS_DEV / "mbos-bishkek.txt",
            )
        ),
    ).json()["data"]
    for item in items:
        assert wait_for_job(client, reader, item["job_id"])["state"] == "done"
    obama = client.get("/v1/persons", headers=bearer(reader), params={"q": "Обама"}).json()["data"][0]

    response = client.get("/v1/export", headers=bearer(reader), params={"format": "xlsx"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="kenesh-export.xlsx"' in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:3] == ["ID документа", "Файл", "Версия записи"]
    assert "ID персоны в архиве" in header and "ID организации в архиве" in header and "Роль" in header
    table = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    obama_rows = [row for row in table if row["ID персоны в архиве"] == str(obama["id"])]
    assert {row["ID документа"] for row in obama_rows} == {item["document_id"] for item in items[:2]}  # joined
    assert {row["Роль"] for row in table} <= {"председатель", "секретарь", "выступающий", "участник", "упомянут"}
    assert {row["Выступал(а)"] for row in table} <= {"да", "нет"}
    organizations = client.get("/v1/organizations", headers=bearer(reader), params={"limit": 500}).json()["data"]
    named = {row["ID организации в архиве"] for row in table if row["ID организации в архиве"]}
    assert named and named <= {organization["id"] for organization in organizations}

    csv_text = client.get("/v1/export", headers=bearer(reader), params={"format": "csv"}).text
    csv_header = csv_text.splitlines()[0].split(",")
    assert "archive_person_id" in csv_header and "archive_organization_id" in csv_header
    assert csv_text.count(str(obama["id"])) == len(obama_rows)

    one = client.get(
        "/v1/export", headers=bearer(reader), params={"format": "xlsx", "document_id": items[0]["document_id"]}
    )
    only = list(load_workbook(io.BytesIO(one.content), read_only=True).active.iter_rows(values_only=True))[1:]
    assert only and {row[0] for row in only} == {items[0]["document_id"]}
    assert client.get("/v1/export", headers=bearer(reader), params={"format": "xls"}).status_code == 422


def test_pdf_pages_are_rendered_once(tokens: dict[str, str], client: TestClient) -> None:
    archivist, reader = tokens["archivist"], tokens["researcher"]
    path = FORMATS / "pdf" / "mbos-bishkek.pdf"
    item = upload(client, archivist, (path.name, path.read_bytes())).json()["data"][0]
    assert wait_for_job(client, reader, item["job_id"])["state"] == "done"
    detail = client.get(f"/v1/documents/{item['document_id']}", headers=bearer(reader)).json()
    assert detail["pages"] == detail["record"]["document"]["pages"] >= 1
    image = client.get(f"/v1/documents/{item['document_id']}/pages/1", headers=bearer(reader))
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG\r\n\x1a\n")
    missing = client.get(f"/v1/documents/{item['document_id']}/pages/{detail['pages'] + 1}", headers=bearer(reader))
    assert missing.status_code == 404
    job = client.post(f"/v1/documents/{item['document_id']}/reextract", headers=bearer(archivist)).json()
    assert wait_for_job(client, reader, job["id"])["state"] == "done"
    assert client.get(f"/v1/documents/{item['document_id']}/pages/1", headers=bearer(reader)).content == image.content
    text_doc = upload(client, archivist, ("t.txt", "Заседание совета в Бишкеке.".encode())).json()["data"][0]
    assert wait_for_job(client, reader, text_doc["job_id"])["state"] == "done"
    assert client.get(f"/v1/documents/{text_doc['document_id']}", headers=bearer(reader)).json()["pages"] == 0


def test_a_document_being_extracted_is_not_deleted(
    tokens: dict[str, str], client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    archivist, reader = tokens["archivist"], tokens["researcher"]
    started, release = threading.Event(), threading.Event()
    real_run = Extractor.run

    def held(self: Extractor, data: bytes, filename: str | None, progress: Progress) -> Extraction:
        started.set()
        assert release.wait(JOB_TIMEOUT), "the test never released the extraction"
        return real_run(self, data, filename, progress)

    monkeypatch.setattr(Extractor, "run", held)
    item = upload(client, archivist, ("held.txt", "Заседание совета в Бишкеке 3 мая 2012.".encode())).json()["data"][0]
    try:
        assert started.wait(JOB_TIMEOUT)
        response = client.delete(f"/v1/documents/{item['document_id']}", headers=bearer(archivist))
        assert response.status_code == 409 and "being extracted" in response.json()["detail"]
        results = client.post(
            "/v1/documents/bulk",
            headers=bearer(archivist),
            json={"action": "reextract", "document_ids": [item["document_id"]]},
        ).json()
        assert results["done"] == 0 and "already has a running job" in results["data"][0]["detail"]
    finally:
        release.set()
    assert wait_for_job(client, reader, item["job_id"])["state"] == "done"
    assert client.delete(f"/v1/documents/{item['document_id']}", headers=bearer(archivist)).status_code == 204


def test_xlsx_holds_text_with_control_characters(
    settings: Settings, tokens: dict[str, str], client: TestClient
) -> None:
    # A workbook cannot hold control characters; a file name or a PDF's text may have them (a form feed).
    (seeded,) = seed(settings.database_url, 1)
    engine = create_engine(settings.database_url)
    with engine.begin() as connection:
        connection.execute(
            Document.__table__.update().where(Document.id == seeded.document_id).values(filename="протокол\x0c№1.txt")
        )
    engine.dispose()
    response = client.get("/v1/export", headers=bearer(tokens["researcher"]), params={"format": "xlsx"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content), read_only=True).active.iter_rows(values_only=True))
    names = {row[1] for row in rows[1:]}  # a row per person of the seeded record
    assert len(rows) > 1 and names == {"протокол №1.txt"}
