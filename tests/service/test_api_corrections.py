"""Corrections of a record: every operation, versions, restore, concurrency, bad input, re-extraction."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pipelines.extract import extract_document
from pipelines.record import MeetingRecord
from service.corrections import misplaced_spans, realign
from service.extraction import Extraction, Extractor, Progress
from service.storage import repositories as repo
from service.storage.db import session_scope
from service.storage.tables import Job
from tests.service.conftest import SAMPLE, bearer, upload, wait_for_job
from tests.service.test_load_shedding import pipeline_held

REEXTRACTIONS = 6


def _extracted(client: TestClient, tokens: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """A document of the corpus, extracted: its id and its detail (text and machine record)."""
    item = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes())).json()["data"][0]
    assert wait_for_job(client, tokens["researcher"], item["job_id"])["state"] == "done"
    detail = client.get(f"/v1/documents/{item['document_id']}", headers=bearer(tokens["researcher"])).json()
    return item["document_id"], detail


def _patch(client: TestClient, token: str, document_id: str, base: int, *operations: dict[str, Any]) -> Any:
    body = {"base_version": base, "operations": list(operations)}
    return client.patch(f"/v1/documents/{document_id}/record", headers=bearer(token), json=body)


def _current(client: TestClient, token: str, document_id: str) -> dict[str, Any]:
    response = client.get(f"/v1/documents/{document_id}/record", headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.json()


def _persons(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {person["id"]: person for person in record["persons"]}


def _spans_match(record: dict[str, Any], text: str) -> bool:
    return misplaced_spans(MeetingRecord.model_validate(record), text) == 0


def test_edit_person_is_a_new_version_and_the_original_stays(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, detail = _extracted(client, tokens)
    machine = detail["record"]
    archivist, researcher = tokens["archivist"], tokens["researcher"]
    changes = {"position": "министр", "role": "chair", "spoke": False, "organization_id": "o2", "first_name": "Нурлан"}
    response = _patch(client, archivist, document_id, 1, {"op": "edit_person", "person": "p1", "set": changes})
    assert response.status_code == 200, response.text
    version = response.json()
    assert [version[key] for key in ("version", "kind", "base_version", "current")] == [2, "correction", 1, True]
    assert version["author"]["name"] == "test archivist"
    assert version["author"]["role"] == "archivist"
    assert "edit p1" in version["note"]
    person = _persons(version["record"])["p1"]
    organization = next(org for org in machine["organizations"] if org["id"] == "o2")
    assert {key: person[key] for key in changes} == changes
    assert person["organization"] == organization["name"]  # the id names the organization
    assert person["mentions"] == _persons(machine)["p1"]["mentions"]

    # Clearing a field; naming an organization links it by name or alias, an unknown one unlinks.
    response = _patch(
        client, archivist, document_id, 2, {"op": "edit_person", "person": 0, "set": {"position": None}},
        {"op": "edit_person", "person": "p2", "set": {"organization": "ЕАЭС"}},
        {"op": "edit_person", "person": "p3", "set": {"organization": "Совет старейшин"}},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    persons = _persons(response.json()["record"])
    assert persons["p1"]["position"] is None
    assert (persons["p2"]["organization"], persons["p2"]["organization_id"]) == ("ЕАЭС", "o4")
    assert (persons["p3"]["organization"], persons["p3"]["organization_id"]) == ("Совет старейшин", None)

    assert _current(client, researcher, document_id)["record"] == response.json()["record"]
    original = client.get(f"/v1/documents/{document_id}/record", params={"version": 1}, headers=bearer(researcher))
    assert original.json()["record"] == machine
    assert (original.json()["kind"], original.json()["author"], original.json()["current"]) == ("machine", None, False)
    versions = client.get(f"/v1/documents/{document_id}/record/versions", headers=bearer(researcher)).json()
    assert [(v["version"], v["kind"], v["current"]) for v in versions["data"]] == [
        (1, "machine", False),
        (2, "correction", False),
        (3, "correction", True),
    ]
    assert versions["current_version"] == 3
    assert all(v["created_at"].endswith(("Z", "+00:00")) for v in versions["data"])
    document = client.get(f"/v1/documents/{document_id}", headers=bearer(researcher)).json()
    assert (document["record_version"], document["record_kind"]) == (3, "correction")


def test_merge_and_split(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, detail = _extracted(client, tokens)
    machine = _persons(detail["record"])
    archivist = tokens["archivist"]
    response = _patch(client, archivist, document_id, 1, {"op": "merge_persons", "into": "p1", "persons": ["p2", 2]})
    assert response.status_code == 200, response.text
    persons = _persons(response.json()["record"])
    assert set(persons) == set(machine) - {"p2", "p3"}
    joined = machine["p1"]["mentions"] + machine["p2"]["mentions"] + machine["p3"]["mentions"]
    assert persons["p1"]["mentions"] == sorted(joined, key=lambda mention: mention["start"])
    assert persons["p1"]["name"] == machine["p1"]["name"]

    # The mentions that were Омурбекова's go back to a person of their own.
    moved = [persons["p1"]["mentions"].index(mention) for mention in machine["p2"]["mentions"]]
    new = {"name": "А.С. Омурбекова", "surname": "Омурбекова", "initials": "А.С.", "role": "speaker", "spoke": True}
    split = {"op": "split_person", "person": "p1", "mentions": moved, "set": new}
    response = _patch(client, archivist, document_id, 2, split)
    assert response.status_code == 200, response.text
    persons = _persons(response.json()["record"])
    (new_id,) = set(persons) - {"p1", "p4"}
    assert new_id not in machine  # a fresh id, never one an earlier version gave somebody else
    assert persons[new_id]["mentions"] == machine["p2"]["mentions"]
    assert {key: persons[new_id][key] for key in new} == new
    assert persons["p1"]["mentions"] == sorted(
        machine["p1"]["mentions"] + machine["p3"]["mentions"], key=lambda mention: mention["start"]
    )
    ids = [person["id"] for person in response.json()["record"]["persons"]]
    assert ids.index(new_id) == ids.index("p1") + 1


def test_drop_each_kind_of_entity(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, detail = _extracted(client, tokens)
    machine = detail["record"]
    linked = [person["id"] for person in machine["persons"] if person["organization_id"] == "o1"]
    assert linked
    response = _patch(
        client, tokens["archivist"], document_id, 1,
        {"op": "drop", "entity": "person", "ref": "p4"},
        {"op": "drop", "entity": "organization", "ref": "o1"},
        {"op": "drop", "entity": "location", "ref": "Москва"},
        {"op": "drop", "entity": "issue", "ref": 0},
        {"op": "drop", "entity": "issue", "ref": "дети"},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    record = response.json()["record"]
    assert [p["id"] for p in record["persons"]] == [p["id"] for p in machine["persons"] if p["id"] != "p4"]
    assert "o1" not in {org["id"] for org in record["organizations"]}
    for person in record["persons"]:
        if person["id"] in linked:
            assert (person["organization"], person["organization_id"]) == (None, None)
    assert [loc["name"] for loc in record["locations"]] == [
        loc["name"] for loc in machine["locations"] if loc["name"] != "Москва"
    ]
    assert [issue["text"] for issue in record["issues"]] == [
        issue["text"] for issue in machine["issues"][1:] if issue["text"] != "дети"
    ]
    note = response.json()["note"]
    assert "drop person p4" in note
    assert "drop location 'Москва'" in note


def test_add_by_span(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, detail = _extracted(client, tokens)
    text, machine = detail["text"], detail["record"]
    council = text.index("Межстранового Большого Общественного Совета")
    place = text.index("конференц-зале")
    issue = text.index("межстранового сотрудничества")
    name_at = machine["persons"][0]["mentions"][0]["start"]
    operations = [
        {"op": "add", "entity": "person", "start": place, "end": place + 14, "name": "Иван Конференцов",
         "set": {"surname": "Конференцов"}},
        {"op": "add", "entity": "organization", "start": council, "end": council + 42, "name": "МБОС",
         "aliases": ["x"]},
        {"op": "add", "entity": "location", "start": place, "end": place + 14},
        {"op": "add", "entity": "issue", "start": issue, "end": issue + 28, "name": "межстрановое сотрудничество"},
        {"op": "add", "entity": "person", "start": 3, "end": 12, "to": "p2"},
        {"op": "add", "entity": "person", "start": name_at, "end": name_at + 14},  # «Н.С. Базарбаев»: one surname
        {"op": "add", "entity": "person", "start": name_at, "end": name_at + 4,
         "set": {"surname": "Н.С.", "spoke": True}},
    ]  # fmt: skip
    response = _patch(client, tokens["archivist"], document_id, 1, *operations)
    assert response.status_code == 200, response.text
    record = response.json()["record"]
    assert _spans_match(record, text)
    new_person = record["persons"][-3]
    assert (new_person["name"], new_person["surname"]) == ("Иван Конференцов", "Конференцов")
    assert new_person["mentions"] == [{"start": place, "end": place + 14, "page": 1, "text": "конференц-зале"}]
    assert new_person["id"] not in _persons(machine)
    assert (record["persons"][-2]["name"], record["persons"][-2]["surname"]) == ("Н.С. Базарбаев", "Базарбаев")
    assert (record["persons"][-1]["surname"], record["persons"][-1]["spoke"]) == ("Н.С.", True)
    organization = record["organizations"][-1]
    assert (organization["name"], organization["aliases"], organization["id"]) == ("МБОС", ["x"], "o11")
    assert organization["mentions"][0]["text"] == text[council : council + 42]
    assert record["locations"][-1] == {
        "name": "конференц-зале",
        "mentions": [{"start": place, "end": place + 14, "page": 1, "text": "конференц-зале"}],
    }
    assert record["issues"][-1]["text"] == "межстрановое сотрудничество"
    p2 = _persons(record)["p2"]
    assert p2["mentions"][0] == {"start": 3, "end": 12, "page": 1, "text": text[3:12]}
    assert len(p2["mentions"]) == len(_persons(machine)["p2"]["mentions"]) + 1


BAD_OPERATIONS: list[tuple[dict[str, Any], str]] = [
    ({"op": "add", "entity": "location", "start": 10, "end": 10**7}, "not inside the text"),
    ({"op": "add", "entity": "location", "start": 10, "end": 5}, "not inside the text"),
    ({"op": "add", "entity": "location", "start": -1, "end": 5}, ""),
    ({"op": "add", "entity": "location", "start": 2, "end": "9"}, ""),
    ({"op": "add", "entity": "person", "start": 0, "end": 2}, "surname"),  # «##» has no surname
    ({"op": "add", "entity": "organization", "start": 0, "end": 5, "to": "o1", "name": "X"}, "with `to`"),
    ({"op": "edit_person", "person": "p99", "set": {"role": "chair"}}, "no person 'p99'"),
    ({"op": "edit_person", "person": 40, "set": {"role": "chair"}}, "no person at index 40"),
    ({"op": "edit_person", "person": "p1", "set": {"role": "king"}}, ""),
    ({"op": "edit_person", "person": "p1", "set": {"surname": None}}, "cannot be null"),
    ({"op": "edit_person", "person": "p1", "set": {"organization_id": "o99"}}, "no organization 'o99'"),
    ({"op": "edit_person", "person": "p1", "set": {"postion": "министр"}}, ""),
    ({"op": "merge_persons", "into": "p1", "persons": ["p1"]}, "into itself"),
    ({"op": "merge_persons", "into": "p1", "persons": []}, ""),
    ({"op": "split_person", "person": "p1", "mentions": [0, 1], "set": {"name": "A B", "surname": "B"}}, "every"),
    ({"op": "split_person", "person": "p1", "mentions": [5], "set": {"name": "A B", "surname": "B"}}, "index 5"),
    ({"op": "split_person", "person": "p1", "mentions": [0], "set": {"name": "A B"}}, "set.surname"),
    ({"op": "drop", "entity": "location", "ref": "Атлантида"}, "no location"),
    ({"op": "drop", "entity": "meeting", "ref": 0}, ""),
    ({"op": "rename", "person": "p1"}, ""),
]


def test_bad_operations_are_422_and_store_nothing(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, detail = _extracted(client, tokens)
    fine = {"op": "edit_person", "person": "p1", "set": {"role": "chair"}}
    for operation, message in BAD_OPERATIONS:
        # After a fine operation: a correction is stored whole or not at all.
        response = _patch(client, tokens["archivist"], document_id, 1, fine, operation)
        assert response.status_code == 422, (operation, response.text)
        assert message in str(response.json()["detail"]), (operation, response.text)
    current = _current(client, tokens["researcher"], document_id)
    assert (current["version"], current["record"]) == (1, detail["record"])


def test_bad_requests(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, _ = _extracted(client, tokens)
    archivist, researcher = bearer(tokens["archivist"]), bearer(tokens["researcher"])
    path = f"/v1/documents/{document_id}/record"
    edit = {"op": "edit_person", "person": "p1", "set": {"role": "chair"}}
    broken = client.patch(
        path, headers=archivist | {"Content-Type": "application/json"}, content=b'{"base_version": 1,'
    )
    assert broken.status_code == 422
    assert broken.json()["detail"].startswith("the body is not valid JSON"), broken.text
    for body in ({"base_version": 1, "operations": []}, {"operations": [edit]}, {"base_version": "one"}):
        response = client.patch(path, headers=archivist, json=body)
        assert response.status_code == 422, (body, response.text)
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail and "\n" not in detail, (body, response.text)

    assert _patch(client, tokens["researcher"], document_id, 1, edit).status_code == 403
    assert client.patch(path, json={"base_version": 1, "operations": [edit]}).status_code == 401
    assert client.post(f"{path}/versions/1/restore", headers=researcher).status_code == 403
    assert client.post(f"/v1/documents/{document_id}/reextract", headers=researcher).status_code == 403

    unknown = uuid.uuid4()
    for response in (
        _patch(client, tokens["archivist"], str(unknown), 1, edit),
        client.get(f"/v1/documents/{unknown}/record", headers=researcher),
        client.get(f"/v1/documents/{unknown}/record/versions", headers=researcher),
        client.post(f"/v1/documents/{unknown}/record/versions/1/restore", headers=archivist),
        client.post(f"/v1/documents/{unknown}/reextract", headers=archivist),
    ):
        assert response.status_code == 404, response.text
        assert str(unknown) in response.json()["detail"]
    assert client.get(path, params={"version": 7}, headers=researcher).status_code == 404
    assert client.get(path, params={"version": 0}, headers=researcher).status_code == 422
    assert client.post(f"{path}/versions/7/restore", headers=archivist).status_code == 404
    assert _current(client, tokens["researcher"], document_id)["version"] == 1


def test_stale_base_version_is_409(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, _ = _extracted(client, tokens)
    archivist = tokens["archivist"]
    edit = {"op": "edit_person", "person": "p1", "set": {"role": "chair"}}
    assert _patch(client, archivist, document_id, 1, edit).status_code == 200
    # A second archivist saw version 1 too: their change would silently undo the first one's.
    stale = _patch(client, archivist, document_id, 1, {"op": "drop", "entity": "person", "ref": "p1"})
    assert stale.status_code == 409
    assert "version 2" in stale.json()["detail"]
    assert _patch(client, archivist, document_id, 3, edit).status_code == 409
    restore = client.post(
        f"/v1/documents/{document_id}/record/versions/1/restore", headers=bearer(archivist), json={"base_version": 1}
    )
    assert restore.status_code == 409
    current = _current(client, tokens["researcher"], document_id)
    assert current["version"] == 2
    assert _persons(current["record"])["p1"]["role"] == "chair"


def test_restore_makes_a_new_version_equal_to_an_old_one(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, detail = _extracted(client, tokens)
    archivist = tokens["archivist"]
    first = _patch(client, archivist, document_id, 1, {"op": "drop", "entity": "person", "ref": "p1"}).json()
    _patch(client, archivist, document_id, 2, {"op": "drop", "entity": "location", "ref": 0})

    restored = client.post(
        f"/v1/documents/{document_id}/record/versions/1/restore",
        headers=bearer(archivist),
        json={"note": "the machine had it right", "base_version": 3},
    )
    assert restored.status_code == 201, restored.text
    body = restored.json()
    assert (body["version"], body["kind"], body["base_version"], body["current"]) == (4, "restore", 3, True)
    assert body["record"] == detail["record"]
    assert body["note"] == "the machine had it right — restore of version 1"
    assert body["author"]["role"] == "archivist"

    again = client.post(f"/v1/documents/{document_id}/record/versions/2/restore", headers=bearer(archivist))
    assert again.status_code == 201
    assert again.json()["record"] == first["record"]
    versions = client.get(f"/v1/documents/{document_id}/record/versions", headers=bearer(tokens["researcher"])).json()
    assert [v["kind"] for v in versions["data"]] == ["machine", "correction", "correction", "restore", "restore"]


def test_reextraction_keeps_the_correction(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, detail = _extracted(client, tokens)
    archivist, researcher = tokens["archivist"], tokens["researcher"]
    corrected = _patch(
        client, archivist, document_id, 1,
        {"op": "edit_person", "person": "p1", "set": {"position": "министр"}},
        {"op": "drop", "entity": "location", "ref": "Москва"},
    ).json()  # fmt: skip

    response = client.post(f"/v1/documents/{document_id}/reextract", headers=bearer(archivist))
    assert response.status_code == 202, response.text
    assert response.json()["kind"] == "reextract"
    job = wait_for_job(client, researcher, response.json()["id"])
    assert job["state"] == "done", job

    versions = client.get(f"/v1/documents/{document_id}/record/versions", headers=bearer(researcher)).json()["data"]
    assert [(v["version"], v["kind"], v["base_version"]) for v in versions] == [
        (1, "machine", None),
        (2, "correction", 1),
        (3, "machine", None),
        (4, "carried", 3),
    ]
    assert "machine baseline" in versions[2]["note"]
    assert versions[3]["author"]["role"] == "archivist"
    current = _current(client, researcher, document_id)
    assert current["version"] == 4
    assert current["record"] == corrected["record"]
    baseline = client.get(f"/v1/documents/{document_id}/record", params={"version": 3}, headers=bearer(researcher))
    assert baseline.json()["record"] == detail["record"]  # same pipeline: the same machine output again
    document = client.get(f"/v1/documents/{document_id}", headers=bearer(researcher)).json()
    assert (document["record_version"], document["record_kind"]) == (4, "carried")

    # To take the new machine output after all, restore the baseline.
    restored = client.post(f"/v1/documents/{document_id}/record/versions/3/restore", headers=bearer(archivist))
    assert restored.json()["record"] == detail["record"]


def test_reextraction_without_corrections_replaces_the_machine_record(
    client: TestClient, tokens: dict[str, str]
) -> None:
    document_id, _ = _extracted(client, tokens)
    response = client.post(f"/v1/documents/{document_id}/reextract", headers=bearer(tokens["archivist"]))
    assert wait_for_job(client, tokens["researcher"], response.json()["id"])["state"] == "done"
    versions = client.get(f"/v1/documents/{document_id}/record/versions", headers=bearer(tokens["researcher"])).json()
    assert [(v["kind"], v["current"], v["note"]) for v in versions["data"]] == [
        ("machine", False, None),
        ("machine", True, None),
    ]


def test_reextraction_with_a_changed_text_moves_the_correction(
    client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader change that shifts the text: the kept correction's spans point into the new text."""
    document_id, detail = _extracted(client, tokens)
    archivist, researcher = tokens["archivist"], tokens["researcher"]
    _patch(client, archivist, document_id, 1, {"op": "edit_person", "person": "p2", "set": {"role": "chair"}})
    real_run = Extractor.run

    def shifted(self: Extractor, data: bytes, filename: str | None, progress: Progress) -> Extraction:
        result = real_run(self, data, filename, progress)
        text = "Новая первая строка от нового читателя.\n" + result.text.replace("Москв", "г. Москв")
        return Extraction(extract_document(text.encode(), filename).record, text)

    monkeypatch.setattr(Extractor, "run", shifted)
    job = client.post(f"/v1/documents/{document_id}/reextract", headers=bearer(archivist)).json()
    assert wait_for_job(client, researcher, job["id"])["state"] == "done"
    document = client.get(f"/v1/documents/{document_id}", headers=bearer(researcher)).json()
    assert document["text"].startswith("Новая первая строка")
    current = document["record"]
    assert document["record_kind"] == "carried"
    assert _spans_match(current, document["text"])
    assert _persons(current)["p2"]["role"] == "chair"
    assert [p["id"] for p in current["persons"]] == [p["id"] for p in detail["record"]["persons"]]
    # The version read from the earlier text can be read but not restored onto this one.
    refused = client.post(f"/v1/documents/{document_id}/record/versions/1/restore", headers=bearer(archivist))
    assert refused.status_code == 409
    assert "earlier reading" in refused.json()["detail"]


def test_reextraction_waits_for_the_running_job(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, _ = _extracted(client, tokens)
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    with session_scope(factory) as session:  # a job queued by another process, say
        waiting = repo.add_job(session, uuid.UUID(document_id), None, kind="reextract")
    response = client.post(f"/v1/documents/{document_id}/reextract", headers=bearer(tokens["archivist"]))
    assert response.status_code == 409
    assert str(waiting.id) in response.json()["detail"]


def test_simultaneous_reextractions_queue_one_job(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, _ = _extracted(client, tokens)
    extractor: Extractor = client.app.state.extractor  # type: ignore[attr-defined]
    start = threading.Barrier(REEXTRACTIONS)

    def reextract() -> tuple[int, str]:
        start.wait(timeout=60)
        response = client.post(f"/v1/documents/{document_id}/reextract", headers=bearer(tokens["archivist"]))
        return response.status_code, response.json()["detail"] if response.status_code != 202 else ""

    # The pipeline is held, so that the queued job cannot end (and let another in) while the requests run.
    with pipeline_held(extractor), ThreadPoolExecutor(REEXTRACTIONS) as pool:
        answers = list(pool.map(lambda _: reextract(), range(REEXTRACTIONS)))
    assert sorted(code for code, _ in answers) == [202] + [409] * (REEXTRACTIONS - 1), answers
    assert all("already has" in detail for code, detail in answers if code == 409), answers
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        jobs = session.scalars(select(Job).where(Job.document_id == uuid.UUID(document_id))).all()
    assert sorted(job.kind for job in jobs) == ["extract", "reextract"]


def test_retrying_a_failed_job_while_another_is_queued_is_409(client: TestClient, tokens: dict[str, str]) -> None:
    document_id, _ = _extracted(client, tokens)
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    with session_scope(factory) as session:
        finished = repo.latest_job(session, uuid.UUID(document_id))
        assert finished is not None
        finished.state = "failed"  # as if its extraction had failed
        repo.add_job(session, uuid.UUID(document_id), None, kind="reextract")  # queued by another process, say
    response = client.post(f"/v1/jobs/{finished.id}/retry", headers=bearer(tokens["archivist"]))
    assert response.status_code == 409
    assert "another queued or running job" in response.json()["detail"]


def test_the_database_refuses_a_second_active_job(client: TestClient, tokens: dict[str, str]) -> None:
    """Two processes that both saw no active job: the second insert fails, whatever the timing."""
    document_id, _ = _extracted(client, tokens)
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as first, factory() as second:
        assert repo.active_job(first, uuid.UUID(document_id)) is None
        assert repo.active_job(second, uuid.UUID(document_id)) is None
        repo.add_job(first, uuid.UUID(document_id), None, kind="reextract")
        first.commit()
        with pytest.raises(IntegrityError):
            repo.add_job(second, uuid.UUID(document_id), None, kind="reextract")
            second.commit()


def test_realign() -> None:
    old = "Заседание открыл Н.С. Базарбаев.\nВыступил А.И. Петров в Бишкеке.\nКонец."
    record = extract_document(old.encode(), "a.txt").record
    assert record.persons
    new = "Вступление.\n" + old.replace("Выступил", "Затем выступил").replace("Конец.", "")
    moved, lost = realign(record, old, new)
    assert lost == 0
    assert misplaced_spans(moved, new) == 0
    assert [p.name for p in moved.persons] == [p.name for p in record.persons]
    gone, lost = realign(record, old, new.replace("Петров", "Сидоров"))
    assert lost >= 1
    assert misplaced_spans(gone, new.replace("Петров", "Сидоров")) == 0
    assert realign(record, old, old) == (record, 0)


def test_a_merge_keeps_the_other_spellings_of_both_names() -> None:
    from service.api.schemas import MergePersons
    from service.corrections import apply_operations

    text = "Премию получил Эндрю Смит (Andrew Smith). Его поздравил Джон Браун (John Brown)."
    record = extract_document(text.encode()).record
    smith, brown = record.persons
    assert (smith.aliases, brown.aliases) == (["Andrew Smith"], ["John Brown"])
    merged, _ = apply_operations(record, text, [MergePersons(op="merge_persons", into=brown.id, persons=[smith.id])])
    assert [p.aliases for p in merged.persons] == [["John Brown", "Andrew Smith"]]
