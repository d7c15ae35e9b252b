"""What keeps a token from being stolen through the browser: security headers, originals that cannot run,
the docs from this origin only, a login that posts, and a cookie no script can read.

The browser half (the policy enforced, an uploaded page downloaded, the docs offline) is in
test_ui_browser.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from service.api.deps import PAGE_HEADER
from service.api.headers import DOCS_POLICY, FILE_POLICY, PAGE_POLICY
from tests.service.conftest import bearer, upload

TEMPLATES = Path(__file__).resolve().parents[2] / "service" / "ui" / "templates"
PAGE = "<!doctype html><html><body><p>Протокол</p><script>alert(localStorage.kenesh_token)</script></body></html>"


def _directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


def test_every_answer_carries_the_security_headers(client: TestClient, tokens: dict[str, str]) -> None:
    client.cookies.set("kenesh_token", tokens["researcher"])
    answers = {
        "page": client.get("/"),
        "login page": client.get("/login"),
        "API": client.get("/v1/documents", headers=bearer(tokens["researcher"])),
        "API 401": client.get("/v1/documents"),
        "API 404": client.get("/v1/nothing-here"),
        "static": client.get("/static/app.js"),
        "schema": client.get("/openapi.json"),
    }
    for what, response in answers.items():
        assert response.status_code < 500, what
        assert response.headers["x-content-type-options"] == "nosniff", what
        assert response.headers["x-frame-options"] == "DENY", what
        assert response.headers["content-security-policy"] == PAGE_POLICY, what
    policy = _directives(PAGE_POLICY)
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval, nothing from elsewhere
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]


class _Assets(HTMLParser):
    """Every URL a page loads, and every inline script and event handler it has."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.urls += [value for name, value in attrs if name in ("src", "href") and value and tag != "a"]
        self.inline += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]
        self.inline += [
            f"{tag} href" for name, value in attrs if name == "href" and (value or "").startswith("javascript:")
        ]
        self._in_script = tag == "script" and "src" not in found and found.get("type") != "application/json"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(f"script: {data.strip()[:60]}")


def _assets(html: str) -> _Assets:
    parser = _Assets()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_api_docs_load_only_vendored_files(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assets = _assets(page.text)
    assert assets.urls and assets.inline == [], assets.inline
    for url in assets.urls:  # this origin (or an empty data: icon), never a CDN or Google's fonts
        assert (url.startswith("/") and not url.startswith("//")) or url == "data:,", url
        if url.startswith("/"):
            assert client.get(url).status_code == 200, url
    assert "googleapis" not in page.text and "cdn." not in page.text
    assert page.headers["content-security-policy"] == DOCS_POLICY
    assert _directives(DOCS_POLICY)["script-src"] == ["'self'"]
    assert client.get("/docs/oauth2-redirect").status_code == 404  # FastAPI's own docs routes are gone


def test_templates_have_no_inline_script() -> None:
    for template in sorted(TEMPLATES.glob("*.html")):
        assert _assets(template.read_text(encoding="utf-8")).inline == [], template.name


def test_an_uploaded_page_is_served_as_bytes_in_a_sandbox(client: TestClient, tokens: dict[str, str]) -> None:
    archivist = bearer(tokens["archivist"])
    sent = client.post("/v1/documents", headers=archivist, files=[("files", ("page.html", PAGE.encode(), "text/html"))])
    assert sent.status_code == 202, sent.text
    document_id = sent.json()["data"][0]["document_id"]
    assert client.get(f"/v1/documents/{document_id}", headers=archivist).json()["media_type"] == "text/html"
    download = client.get(f"/v1/documents/{document_id}/file", headers=archivist)
    assert download.status_code == 200 and download.content == PAGE.encode()
    # Never as HTML: as bytes, to be saved, and sandboxed (no script, an opaque origin) if opened anyway.
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.headers["content-security-policy"] == FILE_POLICY
    assert _directives(FILE_POLICY)["sandbox"] == [] and _directives(FILE_POLICY)["default-src"] == ["'none'"]
    # A plain text keeps its type (inert, and nosniff keeps it text).
    text = upload(client, tokens["archivist"], ("plain.txt", "Заседание совета в Оше.".encode())).json()["data"][0]
    plain = client.get(f"/v1/documents/{text['document_id']}/file", headers=archivist)
    assert plain.headers["content-type"] == "text/plain"
    assert plain.headers["content-security-policy"] == FILE_POLICY


def _cookie_flags(response: httpx.Response) -> str:
    return next(value for value in response.headers.get_list("set-cookie") if value.startswith("kenesh_token="))


def test_the_login_form_posts_and_sets_an_httponly_cookie(client: TestClient, tokens: dict[str, str]) -> None:
    form = client.get("/login?next=/search").text
    assert re.search(r'<form id="login-form"[^>]*method="post"[^>]*action="/login"', form)
    token = tokens["researcher"]
    # The token as a query string logs nobody in (it would be in access logs and the browser's history).
    assert "set-cookie" not in client.get("/login", params={"token": token}).headers
    answer = client.post("/login", data={"token": token, "next": "/search"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/search"
    assert token not in answer.headers["location"]
    flags = [flag.strip().lower() for flag in _cookie_flags(answer).split(";")]
    assert flags[0] == f"kenesh_token={token}".lower()
    assert "httponly" in flags and "samesite=strict" in flags and "path=/" in flags
    assert "secure" not in flags  # plain HTTP here: a Secure cookie would never come back
    assert client.get("/search", follow_redirects=False).status_code == 200  # the cookie is the session
    # Logging out removes it (not when another site's page posts the form).
    forged = client.post("/logout", headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert forged.status_code == 303 and "set-cookie" not in forged.headers
    out = client.post("/logout", follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert 'kenesh_token=""' in _cookie_flags(out) or "max-age=0" in _cookie_flags(out).lower()


def test_the_cookie_is_secure_over_https(client: TestClient, tokens: dict[str, str]) -> None:
    answer = client.post(
        "https://testserver/login", data={"token": tokens["researcher"], "next": "/"}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert "secure" in [flag.strip().lower() for flag in _cookie_flags(answer).split(";")]


def test_a_refused_login_is_a_page_with_a_reason(client: TestClient, tokens: dict[str, str]) -> None:
    wrong = client.post("/login", data={"token": "kn_" + "x" * 43, "next": "/"}, follow_redirects=False)
    assert wrong.status_code == 401 and "set-cookie" not in wrong.headers
    assert "Токен не принят" in wrong.text and 'name="next" value="/"' in wrong.text
    assert client.post("/login", data={"token": " ", "next": "/"}).status_code == 400
    # Another site's form cannot log this browser into its token (login CSRF).
    forged = client.post(
        "/login",
        data={"token": tokens["researcher"], "next": "/"},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert forged.status_code == 403 and "set-cookie" not in forged.headers
    same = client.post(
        "/login",
        data={"token": tokens["researcher"], "next": "/"},
        headers={"Origin": "http://testserver"},
        follow_redirects=False,
    )
    assert same.status_code == 303


def test_the_api_takes_the_cookie_only_from_the_ui_scripts(client: TestClient, tokens: dict[str, str]) -> None:
    client.cookies.set("kenesh_token", tokens["archivist"])
    # A request carrying only the cookie (a form or a link from elsewhere) is not authenticated by it.
    assert client.get("/v1/auth/me").status_code == 401
    me = client.get("/v1/auth/me", headers={PAGE_HEADER: "1"})
    assert me.status_code == 200 and me.json()["role"] == "archivist"
    client.cookies.clear()
    assert client.get("/v1/auth/me", headers={PAGE_HEADER: "1"}).status_code == 401
    # A bearer token still wins over the cookie: API clients are unchanged.
    client.cookies.set("kenesh_token", tokens["archivist"])
    who = client.get("/v1/auth/me", headers={PAGE_HEADER: "1", **bearer(tokens["researcher"])}).json()
    assert who["role"] == "researcher"
