"""The web UI's pages over the test client: login, roles, the document page's highlighted spans, search, person."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.service.conftest import SAMPLE, bearer, upload, wait_for_job


def _as(client: TestClient, token: str) -> TestClient:
    client.cookies.set("kenesh_token", token)
    return client


def test_pages_need_a_token(client: TestClient) -> None:
    response = client.get("/upload", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/upload"
    login = client.get("/login")
    assert login.status_code == 200
    assert 'lang="ru"' in login.text and '<label for="token-input">' in login.text
    client.cookies.set("kenesh_token", "not-a-token")
    assert client.get("/", follow_redirects=False).status_code == 303
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/login?next=//evil.example").text.count('name="next" value="/"') == 1


def test_readers_see_no_editing_controls(client: TestClient, tokens: dict[str, str]) -> None:
    reader = _as(client, tokens["researcher"])
    home = reader.get("/")
    assert home.status_code == 200
    assert 'href="/upload"' not in home.text
    assert 'id="upload-form"' not in reader.get("/upload").text
    archivist = _as(client, tokens["archivist"])
    assert 'href="/upload"' in archivist.get("/").text
    assert 'id="upload-form"' in archivist.get("/upload").text


def test_document_search_and_person_pages(client: TestClient, tokens: dict[str, str]) -> None:
    sent = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes())).json()["data"][0]
    assert wait_for_job(client, tokens["archivist"], sent["job_id"])["state"] == "done"
    reader = _as(client, tokens["researcher"])
    page = reader.get(f"/documents/{sent['document_id']}")
    assert page.status_code == 200
    assert 'class="entity ent-PER" id="per-' in page.text
    assert "Базарбаев" in page.text
    # Every field link points at a span drawn in the text.
    anchors = [part.split('"')[0] for part in page.text.split('data-anchor="')[1:]]
    assert anchors and all(f'id="{anchor}"' in page.text for anchor in anchors)
    found = reader.get("/search", params={"q": "Базарбаева"})
    assert found.status_code == 200
    assert f'href="/documents/{sent["document_id"]}"' in found.text
    persons = client.get("/v1/persons", params={"q": "Базарбаев"}, headers=bearer(tokens["researcher"])).json()
    person_id = persons["data"][0]["id"]
    assert f'<small id="persons-count">({persons["count"]})</small>' in found.text  # how many, as every list says
    assert f'href="/persons/{person_id}"' in found.text
    person = reader.get(f"/persons/{person_id}")
    assert person.status_code == 200 and f'href="/documents/{sent["document_id"]}"' in person.text
    history = reader.get(f"/documents/{sent['document_id']}/history")
    assert history.status_code == 200 and 'data-kind="machine"' in history.text
    assert "data-restore" not in history.text  # a researcher restores nothing
    for research_page in ("/organizations", "/topics", "/network", f"/network?person={person_id}"):
        assert reader.get(research_page).status_code == 200, research_page
    # The network's table of links pages like every list, and says how many there are.
    graph = client.get("/v1/graph/co-occurrence", headers=bearer(tokens["researcher"])).json()
    links = len(graph["edges"])
    assert links >= 2
    shown = reader.get("/network").text
    assert f"Связи таблицей ({links})" in shown
    assert shown.split('id="network-table"')[1].count("<tr>") - 1 == min(links, 50)  # a header row and the links
    last = reader.get("/network", params={"edges_offset": links - 1}).text
    assert last.split('id="network-table"')[1].count("<tr>") - 1 == 1
    assert 'id="network-links" open' in last


def test_page_errors_are_pages(client: TestClient, tokens: dict[str, str]) -> None:
    """An unknown document or a malformed address answers with a Russian page and its status, not JSON."""
    reader = _as(client, tokens["researcher"])
    missing = reader.get("/documents/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "Не найдено" in missing.text and "Документ не найден" in missing.text  # the API's reason, in Russian
    malformed = reader.get("/persons/not-an-id")
    assert malformed.status_code == 422 and "Неверный адрес" in malformed.text
    # A filter that is not a date is said on the page itself, which stays usable.
    topics = reader.get("/topics", params={"from": "вчера"})
    assert topics.status_code == 200 and 'role="alert"' in topics.text and "Фильтр задан неверно" in topics.text
    assert reader.get("/network", params={"min_weight": "0"}).status_code == 422
