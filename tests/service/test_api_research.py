"""Research over the archive: cross-document persons, organizations, co-occurrence, topics, full-text search.

Three documents: the seed report (mbos-bishkek), a NEREL news item, and a synthetic protocol that names
Н.С. Базарбаев of the seed report again (in other case forms) next to a К.Т. Базарбаев, someone else.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import CORPUS_DEV
from tests.service.conftest import bearer, upload, wait_for_job

SEED = CORPUS_DEV / "mbos-bishkek.txt"
NEWS = CORPUS_DEV / "nerel-156215_text.txt"  # 2018-04-20: Путин, Диас-Канель, Рауль Кастро
SYNTHETIC = """Заседание Совета по вопросам трудовой миграции

15 марта 2025 года в Бишкеке состоялось заседание Совета по вопросам трудовой миграции при Министерстве \
труда, социального обеспечения и миграции КР.

Заседание открыл первый заместитель министра труда, социального обеспечения и миграции КР Н.С. Базарбаев. \
Участники поддержали предложения Базарбаева о медицинском страховании мигрантов.

Депутат Жогорку Кенеша К.Т. Базарбаев рассказал о законопроекте о внешней трудовой миграции.

Директор Департамента трудовой миграции и социальной защиты ЕЭК А.С. Омурбекова сообщила о подготовке \
мигрантов к выезду.

Министерство труда, социального обеспечения и миграции КР внесёт проект программы в правительство.
""".encode()


@pytest.fixture
def archive(client: TestClient, tokens: dict[str, str]) -> dict[str, str]:
    """The three documents, extracted: file name → document id."""
    files = [(SEED.name, SEED.read_bytes()), (NEWS.name, NEWS.read_bytes()), ("protocol.txt", SYNTHETIC)]
    response = upload(client, tokens["archivist"], *files)
    assert response.status_code == 202, response.text
    ids = {}
    for item in response.json()["data"]:
        job = wait_for_job(client, tokens["researcher"], item["job_id"])
        assert job["state"] == "done", job
        ids[item["filename"]] = item["document_id"]
    return ids


def get(client: TestClient, tokens: dict[str, str], path: str, **params: Any) -> Any:
    response = client.get(path, headers=bearer(tokens["researcher"]), params=params)
    assert response.status_code == 200, response.text
    return response.json()


def persons_named(client: TestClient, tokens: dict[str, str], query: str) -> list[dict[str, Any]]:
    found = get(client, tokens, "/v1/persons", q=query)
    assert found["count"] == len(found["data"])
    return found["data"]


def test_person_across_documents(client: TestClient, tokens: dict[str, str], archive: dict[str, str]) -> None:
    # An inflected surname finds the person; the namesake with other initials stays someone else.
    found = persons_named(client, tokens, "Базарбаева")
    assert sorted(person["initials"] for person in found) == ["К.Т.", "Н.С."]
    assert persons_named(client, tokens, "базарбаеву") == found
    chief = next(person for person in found if person["initials"] == "Н.С.")
    assert chief["meeting_count"] == 2
    assert next(person for person in found if person["initials"] == "К.Т.")["meeting_count"] == 1

    page = get(client, tokens, f"/v1/persons/{chief['id']}")
    assert {meeting["document_id"] for meeting in page["meetings"]} == {
        archive[SEED.name],
        archive["protocol.txt"],
    }
    # Dated meetings first, the seed report (no year) last; positions follow the same order.
    assert [meeting["date"] for meeting in page["meetings"]] == ["2025-03-15", "--09-21"]
    assert [held["date"] for held in page["positions"]] == ["2025-03-15", "--09-21"]
    assert all(held["position"] == "первый заместитель министра" for held in page["positions"])
    first, second = page["appearances"]
    assert first["evidence"]["rule"] in ("new", "matched")
    matched = first if first["evidence"]["rule"] == "matched" else second
    assert matched["decided_by"] == "machine"
    assert {"surname", "initials", "organization", "position"} <= set(matched["evidence"]["fields"])
    # The namesake was considered and kept apart, and the evidence says why.
    other = get(client, tokens, f"/v1/persons/{next(p['id'] for p in found if p['initials'] == 'К.Т.')}")
    (appearance,) = other["appearances"]
    assert appearance["evidence"]["rule"] == "new"
    (rejected,) = appearance["evidence"]["rejected"]
    assert (rejected["person_id"], rejected["name"]) == (chief["id"], "Н.С. Базарбаев")
    assert rejected["why"] in ("given name differs", "another person of this meeting")

    # A person of the news item: a first name, one meeting, the record's position.
    (castro,) = persons_named(client, tokens, "Рауля Кастро")
    assert castro["first_name"] == "Рауль"
    assert persons_named(client, tokens, "Путину")[0]["meeting_count"] == 1


def test_split_and_merge(client: TestClient, tokens: dict[str, str], archive: dict[str, str]) -> None:
    archivist = bearer(tokens["archivist"])
    chief = next(p for p in persons_named(client, tokens, "Базарбаев") if p["initials"] == "Н.С.")
    page = get(client, tokens, f"/v1/persons/{chief['id']}")
    seed_appearance = next(a for a in page["appearances"] if a["document_id"] == archive[SEED.name])

    assert client.post(f"/v1/persons/{chief['id']}/split", json={"appearance_ids": [1]}).status_code == 401
    researcher = bearer(tokens["researcher"])
    response = client.post(f"/v1/persons/{chief['id']}/split", headers=researcher, json={"appearance_ids": [1]})
    assert response.status_code == 403
    response = client.post(
        f"/v1/persons/{chief['id']}/split", headers=archivist, json={"appearance_ids": [seed_appearance["id"]]}
    )
    assert response.status_code == 200, response.text
    split = response.json()
    assert [m["document_id"] for m in split["meetings"]] == [archive[SEED.name]]
    (moved,) = split["appearances"]
    assert moved["decided_by"] == "archivist"
    assert moved["evidence"]["decision"]["action"] == "split"
    assert moved["evidence"]["machine"]["rule"] in ("new", "matched")
    assert len(persons_named(client, tokens, "Базарбаев")) == 3

    # Splitting nothing or everything, or merging a person into itself, is refused with a reason.
    for body in ({"appearance_ids": [moved["id"]]}, {"appearance_ids": [999999]}):
        response = client.post(f"/v1/persons/{split['id']}/split", headers=archivist, json=body)
        assert response.status_code == 422 and response.json()["detail"]
    response = client.post(f"/v1/persons/{split['id']}/merge", headers=archivist, json={"person_id": split["id"]})
    assert response.status_code == 422
    unknown = uuid.uuid4()
    response = client.post(f"/v1/persons/{split['id']}/merge", headers=archivist, json={"person_id": str(unknown)})
    assert response.status_code == 404 and str(unknown) in response.json()["detail"]

    response = client.post(f"/v1/persons/{chief['id']}/merge", headers=archivist, json={"person_id": split["id"]})
    assert response.status_code == 200, response.text
    merged = response.json()
    assert merged["meeting_count"] == 2
    assert all(a["decided_by"] == "archivist" for a in merged["appearances"])
    assert client.get(f"/v1/persons/{split['id']}", headers=researcher).status_code == 404
    assert len(persons_named(client, tokens, "Базарбаев")) == 2


def test_organizations(client: TestClient, tokens: dict[str, str], archive: dict[str, str]) -> None:
    # «министерства труда» in the genitive finds the ministry, named in two documents.
    found = {o["name"]: o for o in get(client, tokens, "/v1/organizations", q="министерства труда")["data"]}
    # The council «при Министерстве труда …» of the protocol holds the words too.
    assert set(found) == {
        "Министерство труда, социального обеспечения и миграции КР",
        "Совет по вопросам трудовой миграции при Министерстве труда, социального обеспечения и миграции КР",
    }
    ministry = found["Министерство труда, социального обеспечения и миграции КР"]
    assert ministry["meeting_count"] == 2
    page = get(client, tokens, f"/v1/organizations/{ministry['id']}")
    assert {m["document_id"] for m in page["meetings"]} == {archive[SEED.name], archive["protocol.txt"]}
    (person,) = page["people"]
    assert person["name"] == "Н.С. Базарбаев"
    assert person["positions"] == ["первый заместитель министра"]
    assert len(person["meetings"]) == 2
    # An alias is a name too.
    assert get(client, tokens, "/v1/organizations", q="МБОС")["count"] == 1
    assert get(client, tokens, "/v1/organizations", q="несуществующий орган")["count"] == 0


def test_co_occurrence(client: TestClient, tokens: dict[str, str], archive: dict[str, str]) -> None:
    graph = get(client, tokens, "/v1/graph/co-occurrence")
    names = {node["id"]: node["name"] for node in graph["nodes"]}
    assert graph["meetings"] == 3
    heaviest = graph["edges"][0]
    assert heaviest["weight"] == 2
    assert {names[heaviest["source"]], names[heaviest["target"]]} == {"Н.С. Базарбаев", "А.С. Омурбекова"}
    assert set(heaviest["document_ids"]) == {archive[SEED.name], archive["protocol.txt"]}
    assert get(client, tokens, "/v1/graph/co-occurrence", min_weight=2)["edges"] == [heaviest]

    # A period holds only dated meetings: the news item (2018) alone.
    period = get(client, tokens, "/v1/graph/co-occurrence", **{"from": "2018-01-01", "to": "2018-12-31"})
    assert period["meetings"] == 1
    # Путин met Диас-Канель; Рауль Кастро is only mentioned in the news item: no link to anyone by default.
    assert {node["name"] for node in period["nodes"]} >= {"Владимир Путин", "Мигель Диас-Канель"}
    assert "Рауль Кастро" not in {node["name"] for node in period["nodes"]}
    year = {"from": "2018-01-01", "to": "2018-12-31"}
    named = get(client, tokens, "/v1/graph/co-occurrence", rule="mentions", **year)
    assert "Рауль Кастро" in {node["name"] for node in named["nodes"]}
    ministry = get(client, tokens, "/v1/organizations", q="министерство труда")["data"][0]["id"]
    by_body = get(client, tokens, "/v1/graph/co-occurrence", organization=ministry)
    assert by_body["meetings"] == 2
    by_topic = get(client, tokens, "/v1/graph/co-occurrence", topic="migration")
    assert {node["name"] for node in by_topic["nodes"]} >= {"Н.С. Базарбаев", "К.Т. Базарбаев"}
    assert "Владимир Путин" not in {node["name"] for node in by_topic["nodes"]}
    response = client.get(
        "/v1/graph/co-occurrence", headers=bearer(tokens["researcher"]), params={"from": "2020-01-01", "to": "2019"}
    )
    assert response.status_code == 422


def test_topics_timeline(client: TestClient, tokens: dict[str, str], archive: dict[str, str]) -> None:
    timeline = get(client, tokens, "/v1/topics/timeline")
    months = {(row["month"], row["topic"]): row["count"] for row in timeline["data"]}
    assert months[("2025-03", "migration")] == 1
    assert months[("2018-04", "international")] == 1
    assert sorted({row["month"] for row in timeline["data"]}) == ["2018-04", "2025-03"]
    # The seed report has no year: it is on no month, and counted apart rather than left out.
    assert timeline["undated_meetings"] == 1
    assert "migration" in {row["topic"] for row in timeline["undated"]}
    assert all(row["label"] for row in timeline["data"])
    later = get(client, tokens, "/v1/topics/timeline", **{"from": "2020-01-01"})
    assert {row["month"] for row in later["data"]} == {"2025-03"}


def test_search(client: TestClient, tokens: dict[str, str], archive: dict[str, str]) -> None:
    # «страхование» is «страхования» in the seed report and «страховании» in the protocol.
    found = get(client, tokens, "/v1/search", q="медицинское страхование")
    assert found["count"] == 2
    assert {hit["document_id"] for hit in found["data"]} == {archive[SEED.name], archive["protocol.txt"]}
    by_id = {hit["document_id"]: hit for hit in found["data"]}
    assert "<mark>медицинского</mark> <mark>страхования</mark>" in by_id[archive[SEED.name]]["snippet"]
    assert "<mark>медицинском</mark> <mark>страховании</mark>" in by_id[archive["protocol.txt"]]["snippet"]
    assert by_id[archive["protocol.txt"]]["date"] == "2025-03-15"
    assert all(hit["score"] > 0 and hit["title"] for hit in found["data"])

    # A surname in one case form finds the others, in the text of the protocol.
    hits = get(client, tokens, "/v1/search", q="Базарбаеву")["data"]
    assert {hit["document_id"] for hit in hits} == {archive[SEED.name], archive["protocol.txt"]}
    assert "<mark>Базарбаев</mark>" in hits[0]["snippet"]

    # Filters: period, topic, person, organization.
    dated = get(client, tokens, "/v1/search", q="страхование", **{"from": "2025-01-01", "to": "2025-12-31"})
    assert [hit["document_id"] for hit in dated["data"]] == [archive["protocol.txt"]]
    assert get(client, tokens, "/v1/search", q="страхование", topic="energy")["count"] == 0
    namesake = next(p for p in persons_named(client, tokens, "Базарбаев") if p["initials"] == "К.Т.")
    by_person = get(client, tokens, "/v1/search", q="страхование", person=namesake["id"])
    assert [hit["document_id"] for hit in by_person["data"]] == [archive["protocol.txt"]]
    cuba = get(client, tokens, "/v1/organizations", q="Государственный совет")["data"][0]["id"]
    assert get(client, tokens, "/v1/search", q="страхование", organization=cuba)["count"] == 0
    assert get(client, tokens, "/v1/search", q="Кубы", organization=cuba)["count"] == 1

    assert get(client, tokens, "/v1/search", q="фотосинтез")["count"] == 0
    headers = bearer(tokens["researcher"])
    assert client.get("/v1/search", headers=headers, params={"q": "«…»"}).status_code == 422
    assert client.get("/v1/search", headers=headers).status_code == 422
    assert client.get("/v1/search", params={"q": "миграция"}).status_code == 401


def test_reindexing_keeps_ids_and_decisions(
    client: TestClient, tokens: dict[str, str], archive: dict[str, str], settings: Any
) -> None:
    """The index follows the current record; rebuilding it keeps person ids and an archivist's decisions."""
    from service.storage import repositories as repo
    from service.storage.db import make_engine, make_session_factory, session_scope

    before = {p["id"] for p in persons_named(client, tokens, "")}
    chief = next(p for p in persons_named(client, tokens, "Базарбаев") if p["initials"] == "Н.С.")
    page = get(client, tokens, f"/v1/persons/{chief['id']}")
    protocol = next(a for a in page["appearances"] if a["document_id"] == archive["protocol.txt"])
    response = client.post(
        f"/v1/persons/{chief['id']}/split",
        headers=bearer(tokens["archivist"]),
        json={"appearance_ids": [protocol["id"]]},
    )
    assert response.status_code == 200
    split_id = response.json()["id"]

    engine = make_engine(settings.database_url)
    with session_scope(make_session_factory(engine)) as session:
        for document_id in archive.values():
            repo.index_current_record(session, uuid.UUID(document_id))
    engine.dispose()

    after = {p["id"] for p in persons_named(client, tokens, "")}
    assert after == before | {split_id}
    again = get(client, tokens, f"/v1/persons/{split_id}")
    assert [m["document_id"] for m in again["meetings"]] == [archive["protocol.txt"]]
    assert again["appearances"][0]["decided_by"] == "archivist"
    assert get(client, tokens, "/v1/search", q="страхование")["count"] == 2


def test_unknown_ids(client: TestClient, tokens: dict[str, str]) -> None:
    headers = bearer(tokens["researcher"])
    unknown = uuid.uuid4()
    for path in (f"/v1/persons/{unknown}", f"/v1/organizations/{unknown}"):
        response = client.get(path, headers=headers)
        assert response.status_code == 404
        assert str(unknown) in response.json()["detail"]
    assert client.get("/v1/persons/not-an-id", headers=headers).status_code == 422
    assert get(client, tokens, "/v1/persons", q="Базарбаев") == {"data": [], "count": 0}
    assert get(client, tokens, "/v1/topics/timeline") == {"data": [], "count": 0, "undated": [], "undated_meetings": 0}
    empty = {"nodes": [], "edges": [], "meetings": 0, "rule": "participants"}
    assert get(client, tokens, "/v1/graph/co-occurrence") == empty
