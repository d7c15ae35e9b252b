"""Curating every field: the meeting, topics and decisions as corrections; organizations merged, renamed and split
across the archive; who met whom by participation, not by mention; topics of undated meetings counted apart.

The fixtures (tests/fixtures/curation) are small protocols written for these cases: «Государственная Дума» and
«Евросоюз» in one, «Госдума РФ» and «ЕС» in the other; a council whose minutes mention Обама and бен Ладен.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.service.conftest import bearer, upload, wait_for_job

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "curation"
APRIL, MAY, COUNCIL = (FIXTURES / name for name in ("duma-april.txt", "duma-may.txt", "council-mentions.txt"))


def _archive(client: TestClient, tokens: dict[str, str], *paths: Path) -> dict[str, str]:
    response = upload(client, tokens["archivist"], *((path.name, path.read_bytes()) for path in paths))
    assert response.status_code == 202, response.text
    ids = {}
    for item in response.json()["data"]:
        assert wait_for_job(client, tokens["researcher"], item["job_id"])["state"] == "done"
        ids[item["filename"]] = item["document_id"]
    return ids


def _get(client: TestClient, tokens: dict[str, str], path: str, **params: Any) -> Any:
    response = client.get(path, headers=bearer(tokens["researcher"]), params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _patch(client: TestClient, token: str, document_id: str, base: int, *operations: dict[str, Any]) -> Any:
    body = {"base_version": base, "operations": list(operations)}
    return client.patch(f"/v1/documents/{document_id}/record", headers=bearer(token), json=body)


def _reextract(client: TestClient, tokens: dict[str, str], document_id: str) -> None:
    response = client.post(f"/v1/documents/{document_id}/reextract", headers=bearer(tokens["archivist"]))
    assert response.status_code == 202, response.text
    assert wait_for_job(client, tokens["researcher"], response.json()["id"])["state"] == "done"


def test_meeting_topics_and_decisions_are_corrections_that_survive_reextraction(
    client: TestClient, tokens: dict[str, str]
) -> None:
    document_id = _archive(client, tokens, COUNCIL)[COUNCIL.name]
    machine = _get(client, tokens, f"/v1/documents/{document_id}/record")["record"]
    assert machine["meeting"]["date"] == "2025-03-15"
    assert [topic["id"] for topic in machine["topics"]] == ["migration"]
    assert len(machine["decisions"]) == 1
    archivist = tokens["archivist"]

    meeting = {"title": "Заседание Совета по вопросам трудовой миграции", "number": "7", "date": "--03-14", "place": ""}
    response = _patch(
        client, archivist, document_id, 1,
        {"op": "edit_meeting", "set": meeting},
        {"op": "set_topics", "topics": ["migration", "healthcare"]},
        {"op": "edit_decision", "decision": 0, "text": "Поддержать медицинское страхование мигрантов."},
        {"op": "add_decision", "text": "Провести следующее заседание в июне."},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    version = response.json()
    record = version["record"]
    assert record["meeting"] == {
        "title": "Заседание Совета по вопросам трудовой миграции",
        "body": machine["meeting"]["body"],
        "number": "7",
        "date": "--03-14",
        "place": None,  # an empty field clears it
    }
    assert [(t["id"], t["label"]) for t in record["topics"]] == [
        ("healthcare", "Здравоохранение"),
        ("migration", "Миграция"),
    ]
    assert {t["id"]: t["score"] for t in record["topics"]}["healthcare"] == 1.0  # the archivist's is certain
    assert [d["text"] for d in record["decisions"]] == [
        "Поддержать медицинское страхование мигрантов.",
        "Провести следующее заседание в июне.",
    ]
    assert record["decisions"][0]["mentions"] == machine["decisions"][0]["mentions"]  # the evidence stays
    assert "edit meeting (date, number, place, title)" in version["note"]
    assert "set topics (migration, healthcare)" in version["note"]

    # The index follows: the meeting has no year now, so it is counted apart in the timeline.
    timeline = _get(client, tokens, "/v1/topics/timeline")
    assert timeline["data"] == []
    assert timeline["undated_meetings"] == 1
    assert {(row["topic"], row["count"]) for row in timeline["undated"]} == {("migration", 1), ("healthcare", 1)}
    hit = _get(client, tokens, "/v1/search", q="страхование")["data"][0]
    assert (hit["title"], hit["date"]) == (meeting["title"], "--03-14")

    dropped = _patch(client, archivist, document_id, 2, {"op": "drop", "entity": "decision", "ref": 1})
    assert dropped.status_code == 200, dropped.text
    assert len(dropped.json()["record"]["decisions"]) == 1
    assert "drop decision" in dropped.json()["note"]

    _reextract(client, tokens, document_id)
    current = _get(client, tokens, f"/v1/documents/{document_id}/record")
    assert current["kind"] == "carried"
    assert current["record"]["meeting"] == record["meeting"]
    assert [t["id"] for t in current["record"]["topics"]] == ["healthcare", "migration"]
    assert [d["text"] for d in current["record"]["decisions"]] == ["Поддержать медицинское страхование мигрантов."]
    assert _get(client, tokens, "/v1/topics/timeline")["undated_meetings"] == 1


def test_bad_meeting_and_topic_corrections_are_422(client: TestClient, tokens: dict[str, str]) -> None:
    document_id = _archive(client, tokens, COUNCIL)[COUNCIL.name]
    archivist = tokens["archivist"]
    cases = [
        ({"op": "edit_meeting", "set": {"date": "2025-02-30"}}, "neither YYYY-MM-DD nor --MM-DD"),
        ({"op": "edit_meeting", "set": {"date": "15.03.2025"}}, "neither YYYY-MM-DD nor --MM-DD"),
        ({"op": "edit_meeting", "set": {"chair": "Иванов"}}, "chair"),
        ({"op": "set_topics", "topics": ["migration", "astrology"]}, "no topic 'astrology' in the taxonomy"),
        ({"op": "set_topics", "topics": ["migration", "migration"]}, "a topic is given twice"),
        ({"op": "edit_decision", "decision": 5, "text": "x"}, "no decision at index 5"),
        ({"op": "edit_decision", "decision": 0, "text": ""}, "text"),
        ({"op": "add_decision", "text": "x", "start": 5}, "give both `start` and `end`"),
        ({"op": "add_decision", "text": "x", "start": 5, "end": 10**6}, "is not inside the text"),
        ({"op": "drop", "entity": "decision", "ref": "нет такого решения"}, "no decision"),
    ]
    for operation, message in cases:
        response = _patch(client, archivist, document_id, 1, operation)
        assert response.status_code == 422, (operation, response.text)
        assert message in response.json()["detail"], (operation, response.json())
    versions = _get(client, tokens, f"/v1/documents/{document_id}/record/versions")
    assert versions["count"] == 1  # nothing stored
    response = _patch(client, tokens["researcher"], document_id, 1, {"op": "set_topics", "topics": []})
    assert response.status_code == 403
    cleared = _patch(client, archivist, document_id, 1, {"op": "set_topics", "topics": []})
    assert cleared.json()["record"]["topics"] == []


def _organization(client: TestClient, tokens: dict[str, str], name: str) -> dict[str, Any]:
    found = [org for org in _get(client, tokens, "/v1/organizations", q=name)["data"] if org["name"] == name]
    assert len(found) == 1, (name, found)
    return found[0]


def test_organizations_merge_rename_split_and_keep_it(client: TestClient, tokens: dict[str, str]) -> None:
    ids = _archive(client, tokens, APRIL, MAY)
    duma, gosduma = _organization(client, tokens, "Государственная Дума"), _organization(client, tokens, "Госдума РФ")
    assert duma["id"] != gosduma["id"]  # the machine cannot know these are one body
    archivist = bearer(tokens["archivist"])

    response = client.post(
        f"/v1/organizations/{duma['id']}/merge", headers=archivist, json={"organization_id": gosduma["id"]}
    )
    assert response.status_code == 200, response.text
    merged = response.json()
    assert merged["aliases"] == ["Госдума РФ"]
    assert {m["document_id"] for m in merged["meetings"]} == set(ids.values())
    assert {p["name"] for p in merged["people"]} == {"С.В. Кузнецова", "А.А. Смирнов"}
    assert client.get(f"/v1/organizations/{gosduma['id']}", headers=archivist).status_code == 404
    assert _get(client, tokens, "/v1/organizations", q="Госдума")["data"][0]["id"] == duma["id"]
    # Who merged and when, as a person's identity decision records it.
    (decision,) = merged["decisions"]
    assert (decision["action"], decision["other_name"], decision["other_id"]) == ("merge", "Госдума РФ", gosduma["id"])
    assert decision["author"] == "test archivist" and decision["author_id"]
    assert decision["created_at"].endswith(("Z", "+00:00"))

    renamed = client.post(f"/v1/organizations/{duma['id']}/rename", headers=archivist, json={"name": "Госдума"})
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["aliases"]) == ("Госдума", ["Государственная Дума", "Госдума РФ"])
    eu = _organization(client, tokens, "Евросоюз")
    taken = client.post(f"/v1/organizations/{duma['id']}/rename", headers=archivist, json={"name": "Евросоюз"})
    assert taken.status_code == 409
    assert "merge the two instead" in taken.json()["detail"]

    # Indexed again (a re-extraction of each document): the decisions stand.
    for document_id in ids.values():
        _reextract(client, tokens, document_id)
    again = _get(client, tokens, f"/v1/organizations/{duma['id']}")
    assert (again["name"], again["aliases"]) == ("Госдума", ["Государственная Дума", "Госдума РФ"])
    assert [(d["action"], d["author"]) for d in again["decisions"]] == [
        ("merge", "test archivist"),
        ("rename", "test archivist"),
    ]
    assert again["decisions"][0]["created_at"] == decision["created_at"]  # the same decision, not a new one
    assert {m["document_id"] for m in again["meetings"]} == set(ids.values())
    smirnov = next(p for p in _get(client, tokens, "/v1/persons", q="Смирнов")["data"])
    assert _get(client, tokens, f"/v1/persons/{smirnov['id']}")["positions"][0]["organization_id"] == duma["id"]
    assert _get(client, tokens, "/v1/organizations", q="Госдума РФ")["count"] == 1

    # A wrong merge undone: «ЕС» merged into «Госдума» by mistake goes its own way again, with its document.
    eu_short = _organization(client, tokens, "ЕС")
    client.post(f"/v1/organizations/{duma['id']}/merge", headers=archivist, json={"organization_id": eu_short["id"]})
    split = client.post(f"/v1/organizations/{duma['id']}/split", headers=archivist, json={"names": ["ЕС"]})
    assert split.status_code == 200, split.text
    assert (split.json()["name"], split.json()["aliases"]) == ("ЕС", [])
    assert [m["document_id"] for m in split.json()["meetings"]] == [ids[MAY.name]]
    kept = _get(client, tokens, f"/v1/organizations/{duma['id']}")
    assert "ЕС" not in kept["aliases"] and {m["document_id"] for m in kept["meetings"]} == set(ids.values())
    # …and «ЕС» joins «Евросоюз», where it belongs.
    client.post(f"/v1/organizations/{eu['id']}/merge", headers=archivist, json={"organization_id": split.json()["id"]})
    assert {m["document_id"] for m in _get(client, tokens, f"/v1/organizations/{eu['id']}")["meetings"]} == set(
        ids.values()
    )
    _reextract(client, tokens, ids[MAY.name])  # the split and the second merge stand too
    assert {m["document_id"] for m in _get(client, tokens, f"/v1/organizations/{eu['id']}")["meetings"]} == set(
        ids.values()
    )
    assert _get(client, tokens, f"/v1/organizations/{eu['id']}")["aliases"] == ["ЕС"]
    assert "ЕС" not in _get(client, tokens, f"/v1/organizations/{duma['id']}")["aliases"]
    # The split is on both sides, and the merged-in organization's history came along with it.
    actions = [(d["action"], d["names"]) for d in _get(client, tokens, f"/v1/organizations/{duma['id']}")["decisions"]]
    assert actions[-2:] == [("merge", ["ЕС"]), ("split", ["ЕС"])]
    eu_history = [
        (d["action"], d["other_name"]) for d in _get(client, tokens, f"/v1/organizations/{eu['id']}")["decisions"]
    ]
    assert eu_history == [("split_from", "Госдума"), ("merge", "ЕС")]


def test_organization_decisions_bad_requests(client: TestClient, tokens: dict[str, str]) -> None:
    _archive(client, tokens, APRIL)
    duma = _organization(client, tokens, "Государственная Дума")
    archivist, researcher = bearer(tokens["archivist"]), bearer(tokens["researcher"])
    url = f"/v1/organizations/{duma['id']}"
    unknown = "00000000-0000-0000-0000-000000000000"
    assert client.post(f"{url}/merge", headers=researcher, json={"organization_id": unknown}).status_code == 403
    assert client.post(f"{url}/merge", json={"organization_id": unknown}).status_code == 401
    assert client.post(f"{url}/merge", headers=archivist, json={"organization_id": unknown}).status_code == 404
    assert client.post(f"{url}/merge", headers=archivist, json={"organization_id": duma["id"]}).status_code == 422
    assert client.post(f"{url}/rename", headers=archivist, json={"name": "«»"}).status_code == 422
    assert client.post(f"{url}/rename", headers=archivist, json={"name": ""}).status_code == 422
    split = client.post(f"{url}/split", headers=archivist, json={"names": ["Государственная Дума"]})
    assert split.status_code == 422  # all of its names: nothing would stay
    missing = client.post(f"{url}/split", headers=archivist, json={"names": ["Сенат"]})
    assert missing.status_code == 422 and "has no name 'Сенат'" in missing.json()["detail"]
    assert (
        client.post(f"/v1/organizations/{unknown}/split", headers=archivist, json={"names": ["x"]}).status_code == 404
    )


def test_who_met_whom_links_participants_not_mentions(client: TestClient, tokens: dict[str, str]) -> None:
    _archive(client, tokens, COUNCIL)
    graph = _get(client, tokens, "/v1/graph/co-occurrence")
    assert graph["rule"] == "participants"
    names = {node["id"]: node["name"] for node in graph["nodes"]}
    assert set(names.values()) == {"Н.С. Базарбаев", "А.С. Омурбекова", "К.Т. Жумабеков"}
    pairs = {frozenset((names[e["source"]], names[e["target"]])) for e in graph["edges"]}
    assert frozenset(("Н.С. Базарбаев", "К.Т. Жумабеков")) in pairs and len(pairs) == 3

    named = _get(client, tokens, "/v1/graph/co-occurrence", rule="mentions")
    assert named["rule"] == "mentions"
    assert {"Барак Обама", "Усама бен Ладен"} <= {node["name"] for node in named["nodes"]}

    obama = _get(client, tokens, "/v1/persons", q="Обама")["data"][0]
    alone = _get(client, tokens, "/v1/graph/co-occurrence", person=obama["id"])
    # Mentioned in the minutes, he took part in no meeting: nobody to have met.
    assert (alone["nodes"], alone["edges"], alone["meetings"], alone["rule"]) == ([], [], 0, "participants")
    chair = _get(client, tokens, "/v1/persons", q="Базарбаев")["data"][0]
    around = _get(client, tokens, "/v1/graph/co-occurrence", person=chair["id"])
    assert {node["name"] for node in around["nodes"]} == {"Н.С. Базарбаев", "А.С. Омурбекова", "К.Т. Жумабеков"}
    # The person's own page says whom they met, by the same rule, and names the rule.
    page = _get(client, tokens, f"/v1/persons/{chair['id']}")
    assert page["met_rule"] == "participants"
    assert [(item["name"], item["meetings"]) for item in page["met"]] == [("А.С. Омурбекова", 1), ("К.Т. Жумабеков", 1)]
    assert _get(client, tokens, f"/v1/persons/{obama['id']}")["met"] == []
    bad = client.get("/v1/graph/co-occurrence", headers=bearer(tokens["researcher"]), params={"rule": "names"})
    assert bad.status_code == 422


def test_namesakes_are_told_apart_by_position(client: TestClient, tokens: dict[str, str]) -> None:
    _archive(client, tokens, APRIL, MAY)
    persons = {p["name"]: p for p in _get(client, tokens, "/v1/persons")["data"]}
    assert persons["С.В. Кузнецова"]["position"] == "депутат"
    assert persons["С.В. Кузнецова"]["organization"] == "Государственная Дума"
    assert persons["А.А. Смирнов"]["organization"] == "Госдума РФ"
    detail = _get(client, tokens, f"/v1/persons/{persons['А.А. Смирнов']['id']}")
    assert (detail["position"], detail["organization"]) == ("депутат", "Госдума РФ")


def test_meeting_dates_that_are_accepted(client: TestClient, tokens: dict[str, str]) -> None:
    document_id = _archive(client, tokens, COUNCIL)[COUNCIL.name]
    for base, date in enumerate(["2025-03-15", "--03-15", "2024-02-29", "--02-29"], start=1):
        response = _patch(client, tokens["archivist"], document_id, base, {"op": "edit_meeting", "set": {"date": date}})
        assert response.status_code == 200, response.text
        assert response.json()["record"]["meeting"]["date"] == date


def test_a_mention_span_corrected_is_a_version_and_survives_reextraction(
    client: TestClient, tokens: dict[str, str]
) -> None:
    """`edit_mention`: a mention's span moved to the words the page shows; the version before keeps the old one."""
    document_id = _archive(client, tokens, APRIL)[APRIL.name]
    text = _get(client, tokens, f"/v1/documents/{document_id}")["text"]
    machine = _get(client, tokens, f"/v1/documents/{document_id}/record")["record"]
    index, person = next((i, p) for i, p in enumerate(machine["persons"]) if " " in p["mentions"][0]["text"])
    old = person["mentions"][0]
    # The span took in a word too many: the surname alone is the mention.
    start = old["start"] + old["text"].rindex(" ") + 1
    operation = {"op": "edit_mention", "entity": "person", "ref": person["id"], "mention": 0, "start": start}
    response = _patch(client, tokens["archivist"], document_id, 1, operation | {"end": old["end"]})
    assert response.status_code == 200, response.text
    saved = response.json()
    moved = saved["record"]["persons"][index]["mentions"][0]
    assert (moved["start"], moved["end"], moved["text"]) == (start, old["end"], text[start : old["end"]])
    assert saved["note"] == f"edit mention {old['start']}:{old['end']} of person {person['id']} to {start}:{old['end']}"
    first = _get(client, tokens, f"/v1/documents/{document_id}/record", version=1)["record"]
    assert first["persons"][index]["mentions"][0] == old  # the original is never lost

    bad = [
        ({"mention": 99, "start": start, "end": old["end"]}, 422, "no mention at index 99"),
        ({"mention": 0, "start": start, "end": len(text) + 5}, 422, "is not inside the text"),
        ({"mention": 0, "start": start, "end": start}, 422, "is not inside the text"),
        ({"mention": 0, "start": -1, "end": 3}, 422, "start"),
        ({"mention": 0, "start": 0, "end": 3, "text": "x"}, 422, "text"),  # no other field is taken silently
    ]
    for fields, status, message in bad:
        answer = _patch(
            client,
            tokens["archivist"],
            document_id,
            2,
            {"op": "edit_mention", "entity": "person", "ref": person["id"]} | fields,
        )
        assert answer.status_code == status, (fields, answer.text)
        assert message in answer.text, (fields, answer.text)
    researcher = _patch(client, tokens["researcher"], document_id, 2, operation | {"end": old["end"]})
    assert researcher.status_code == 403

    _reextract(client, tokens, document_id)
    current = _get(client, tokens, f"/v1/documents/{document_id}/record")
    assert current["kind"] == "carried"
    assert current["record"]["persons"][index]["mentions"][0] == moved
