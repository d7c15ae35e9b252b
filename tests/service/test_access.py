"""Who may do what: every endpoint of the app × {no token, wrong token, researcher, archivist}.

The endpoints are read from the app's routes, so a new one is in the table without anyone listing it.
The rule they are held to is written here, apart from the code: researchers read (and extract, which
stores nothing), archivists also write; the API answers 401 without a valid token and 403 for the wrong
role; the web UI's pages send a browser without a valid token cookie to the login page. Also: tokens are
stored only as hashes, no token reaches a log, and upload names stay data, never paths.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from service.api.openapi import endpoints
from service.settings import Settings
from service.storage.db import make_engine
from service.storage.tables import Base
from service.ui.rendering import COOKIE
from tests.service.conftest import bearer, upload, wait_for_job

READERS = frozenset({"researcher", "archivist"})
ARCHIVISTS = frozenset({"archivist"})
WHO = ("none", "wrong", "researcher", "archivist")  # the archivist last: some of its calls write
WRONG_TOKEN = "kn_" + "x" * 43  # shaped like a real token, known to no archive
# UI addresses that answer with a redirect to a page, not a page.
REDIRECTS = frozenset({"/review/next"})
# Values for required query parameters, by name; anything else gets a value of its schema's type.
QUERY_VALUES = {"q": "Базарбаев"}
PUBLIC = frozenset({"/v1/health", "/login", "/logout"})
# Required query parameters that name something of the archive: which of its ids they take.
QUERY_IDS = {"ids": "job_id"}


def policy(method: str, path: str) -> frozenset[str] | None:
    """The roles that may call an endpoint (None: anyone)."""
    if path in PUBLIC:
        return None
    if not path.startswith("/v1/"):
        return READERS  # a UI page: any valid token cookie
    if method == "GET" or (method, path) == ("POST", "/v1/extract"):
        return READERS
    return ARCHIVISTS


def _routes(client: TestClient) -> list[tuple[str, str]]:
    found = [(method, e.path) for e in endpoints(client.app) for method in sorted(e.methods) if method != "HEAD"]
    return sorted(found)


# A PDF, so that its page images are there to read too.
DOCUMENT = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "pdf" / "mbos-bishkek.pdf"


@pytest.fixture
def archive(client: TestClient, tokens: dict[str, str]) -> dict[str, str]:
    """One extracted document, so that reads of real ids answer 200, and the path values to use."""
    stored = upload(client, tokens["archivist"], (DOCUMENT.name, DOCUMENT.read_bytes())).json()["data"][0]
    assert wait_for_job(client, tokens["archivist"], stored["job_id"])["state"] == "done"
    reader = bearer(tokens["researcher"])
    return {
        "document_id": stored["document_id"],
        "job_id": stored["job_id"],
        "person_id": client.get("/v1/persons", headers=reader).json()["data"][0]["id"],
        "organization_id": client.get("/v1/organizations", headers=reader).json()["data"][0]["id"],
        "version": "1",
        "page": "1",
        "number": "1",
    }


def _query(client: TestClient, method: str, path: str, ids: dict[str, str]) -> dict[str, Any]:
    operation = client.app.openapi()["paths"].get(path, {}).get(method.lower(), {})
    query = {}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query" and parameter.get("required"):
            schema = parameter.get("schema", {})
            value = (
                QUERY_VALUES.get(parameter["name"])
                or ids.get(QUERY_IDS.get(parameter["name"], ""))
                or (schema.get("enum") or [None])[0]
            )
            query[parameter["name"]] = value if value is not None else {"integer": 1}.get(schema.get("type"), "x")
    return query


def _call(client: TestClient, method: str, path: str, who: str, tokens: dict[str, str], ids: dict[str, str]) -> Any:
    # A parameter this table has no value for gets a fresh id: the answer is then a 404, still not a 401/403.
    # A delete is asked of an unknown id: the table checks who may, and the document stays for the later calls.
    known = {} if method == "DELETE" else ids
    url = re.sub(r"{(\w+)}", lambda match: known.get(match.group(1), str(uuid.uuid4())), path)
    token = {"none": None, "wrong": WRONG_TOKEN}.get(who, tokens.get(who))
    headers = {}
    client.cookies.clear()
    if token is not None:
        if path.startswith("/v1/"):
            headers = bearer(token)
        else:
            client.cookies.set(COOKIE, token)
    kwargs: dict[str, Any] = {"json": {}} if method in ("POST", "PATCH", "PUT") else {}
    return client.request(
        method,
        url,
        headers=headers,
        params=_query(client, method, path, ids),
        follow_redirects=False,
        **kwargs,
    )


def test_every_endpoint_admits_exactly_its_roles(
    client: TestClient, tokens: dict[str, str], archive: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    routes = _routes(client)
    assert ("POST", "/v1/documents") in routes and ("GET", "/") in routes and len(routes) > 30
    table = []
    for who in WHO:
        for method, path in routes:
            response = _call(client, method, path, who, tokens, archive)
            roles = policy(method, path)
            status = response.status_code
            table.append((method, path, who, status))
            assert status < 500, (method, path, who, response.text[:300])
            if roles is None or who in roles:
                assert status not in (401, 403), (method, path, who, response.text[:300])
                if path.startswith("/v1/"):
                    assert status != 303
                elif path in REDIRECTS:  # a page that sends on (the review queue), never to the login
                    assert status == 303 and not response.headers["location"].startswith("/login"), (path, who)
                elif path not in PUBLIC:  # logging in and out answer with a redirect
                    assert status == 200, (method, path, who, status)
                if method == "GET" and path.startswith("/v1/"):
                    assert status == 200, (method, path, who, response.text[:300])  # real ids: a real answer
            elif not path.startswith("/v1/"):
                assert status == 303 and response.headers["location"].startswith("/login"), (path, who, status)
            elif who in ("none", "wrong"):
                assert status == 401, (method, path, who, status)
                assert response.headers.get("www-authenticate") == "Bearer"
            else:
                assert status == 403, (method, path, who, status)
            if status >= 400 and "application/json" in response.headers.get("content-type", ""):
                detail = response.json()["detail"]
                assert isinstance(detail, str) and "\n" not in detail
    assert len(table) == len(WHO) * len(routes)
    # No token, valid or not, in any log line of the whole exchange (the service's, the server's, the client's).
    for token in (*tokens.values(), WRONG_TOKEN):
        assert token not in caplog.text


def test_the_documented_roles_are_the_rules(client: TestClient) -> None:
    """What /openapi.json and /docs say about tokens is what the table above holds the routes to."""
    schema = client.app.openapi()
    for endpoint in endpoints(client.app):
        if not endpoint.path.startswith("/v1/"):
            continue
        for method in endpoint.methods:
            expected = policy(method, endpoint.path)
            assert endpoint.roles == expected, (method, endpoint.path, endpoint.roles)
            responses = schema["paths"][endpoint.path][method.lower()]["responses"]
            assert ("401" in responses) == (expected is not None), (method, endpoint.path)
            if expected == ARCHIVISTS:
                assert "403" in responses, (method, endpoint.path)


def test_tokens_are_stored_only_as_hashes(client: TestClient, tokens: dict[str, str], settings: Settings) -> None:
    for token in tokens.values():  # they work, so they are there in some form
        assert client.get("/v1/auth/me", headers=bearer(token)).status_code == 200
    engine = make_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            hashes = set(connection.execute(select(Base.metadata.tables["tokens"].c.token_hash)).scalars())
            dump = " ".join(
                repr(row) for table in Base.metadata.sorted_tables for row in connection.execute(select(table))
            )
    finally:
        engine.dispose()
    assert hashes == {hashlib.sha256(token.encode()).hexdigest() for token in tokens.values()}
    for token in tokens.values():
        assert token not in dump
        assert token.encode() not in _database_files(settings)


def _database_files(settings: Settings) -> bytes:
    """The raw bytes of a SQLite archive (and its journal), or nothing for a server database."""
    if not settings.database_url.startswith("sqlite:///"):
        return b""
    path = Path(settings.database_url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


NAMES = ["../../etc/passwd", "/etc/shadow", "..\\..\\windows\\win.ini", "C:\\report.txt", "a/b/../../c.txt"]


@pytest.mark.parametrize("name", NAMES)
def test_upload_names_are_data_not_paths(client: TestClient, tokens: dict[str, str], tmp_path: Path, name: str) -> None:
    before = {str(path) for path in tmp_path.parent.rglob("*")}
    text = f"Заседание Совета открыл председатель Н.С. Базарбаев ({name}).".encode()
    stored = upload(client, tokens["archivist"], (name, text))
    assert stored.status_code == 202, stored.text
    document_id = stored.json()["data"][0]["document_id"]
    archivist = bearer(tokens["archivist"])
    kept = client.get(f"/v1/documents/{document_id}", headers=archivist).json()["filename"]
    # As given; the multipart parser itself trims a Windows drive path (C:\\report.txt) to its last part.
    assert kept == name or (name.endswith(kept) and ":" in name), kept
    download = client.get(f"/v1/documents/{document_id}/file", headers=archivist)
    assert download.content == text
    # The download is named by the last part of the name only: a client saving it stays in its folder.
    disposition = download.headers["content-disposition"]
    assert "/" not in disposition.split("filename*=", 1)[0] and "\\" not in disposition
    assert "%2F" not in disposition.split("filename*=", 1)[1]
    # Nothing was written next to the archive's database for it.
    after = {str(path) for path in tmp_path.parent.rglob("*")}
    assert {path for path in after - before if ".db" not in path} == set()


@pytest.mark.parametrize(
    "target", ["//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example", "/\\/evil.example"]
)
def test_the_login_page_sends_nobody_to_another_site(client: TestClient, tokens: dict[str, str], target: str) -> None:
    page = client.get("/login", params={"next": target})
    assert page.status_code == 200
    assert 'name="next" value="/"' in page.text, target
    logged_in = client.post("/login", data={"token": tokens["researcher"], "next": target}, follow_redirects=False)
    assert (logged_in.status_code, logged_in.headers["location"]) == (303, "/"), target
    # A path of this site is kept.
    assert 'name="next" value="/search"' in client.get("/login", params={"next": "/search"}).text
    kept = client.post("/login", data={"token": tokens["researcher"], "next": "/search"}, follow_redirects=False)
    assert kept.headers["location"] == "/search"
