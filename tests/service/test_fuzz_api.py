"""Schemathesis over the service's own OpenAPI schema: every operation, as an archivist and without a token.

Each answer must be documented: no 500, a status code the schema lists for the operation, the declared
content type, and a body that validates against the declared response schema. The archive holds one real
extracted document, so reads of real ids (not only random 404s) are checked against their schemas too.
Runs are bounded (MAX_EXAMPLES per operation and mode) and seeded, so a failure reproduces.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis.generation import GenerationMode
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import create_engine

from service.api.main import create_app
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import Role
from tests.service.conftest import POSTGRES_URL, SAMPLE, bearer, wait_for_job

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
MAX_EXAMPLES = int(os.environ.get("KENESH_FUZZ_EXAMPLES", "12"))
SEED = 20261204
# A stream of a finished job ends at once; this only bounds a stream that would not.
REQUEST_SECONDS = 60.0

_SCHEMA = create_app(Settings(database_url="sqlite://", warm_up=False)).openapi()
OPERATIONS = [f"{method.upper()} {path}" for path, item in _SCHEMA["paths"].items() for method in item]


def _not_a_server_error(ctx: Any, response: Any, case: Any) -> bool:
    # Our own check rather than schemathesis' one: that one also fails on a documented 5xx, and a 503 for
    # an unreachable broker or missing tesseract is documented behaviour, not a crash.
    assert response.status_code != 500, f"500 for {case.method} {case.formatted_path}: {response.text[:300]}"
    return True


CHECKS = [
    _not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@dataclass
class Archive:
    database: str
    client: TestClient
    schema: Any
    session: asgi.ASGIClient
    tokens: dict[str, str]
    ids: dict[str, str]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """One app per database for the whole module, holding one extracted corpus document."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if request.param == "sqlite":  # the first of the two: a fresh tally
        (ARTIFACTS / "fuzz-api.jsonl").unlink(missing_ok=True)
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'kenesh.db'}"
    else:
        if not POSTGRES_URL:
            if os.environ.get("CI"):
                pytest.fail("KENESH_TEST_POSTGRES_URL is not set: CI must run the PostgreSQL tests")
            pytest.skip("KENESH_TEST_POSTGRES_URL is not set")
        engine = create_engine(POSTGRES_URL)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        engine.dispose()
        url = POSTGRES_URL
    settings_ = Settings(
        database_url=url, warm_up=False, sse_poll_seconds=0.05, rate_limit_per_minute=0, extract_processes=0
    )
    engine = make_engine(url)
    migrate(engine)
    with session_scope(make_session_factory(engine)) as db:
        tokens = {role.value: repo.create_token(db, role, f"fuzz {role.value}")[1] for role in Role}
    engine.dispose()
    app = create_app(settings_)
    with TestClient(app) as client:
        archivist = bearer(tokens["archivist"])
        uploaded = client.post(
            "/v1/documents", headers=archivist, files=[("files", (SAMPLE.name, SAMPLE.read_bytes(), "text/plain"))]
        ).json()["data"][0]
        assert wait_for_job(client, tokens["archivist"], uploaded["job_id"])["state"] == "done"
        person = client.get("/v1/persons", headers=archivist).json()["data"][0]
        organization = client.get("/v1/organizations", headers=archivist).json()["data"][0]
        ids = {
            "document_id": uploaded["document_id"],
            "job_id": uploaded["job_id"],
            "person_id": person["id"],
            "organization_id": organization["id"],
            "version": "1",
        }
        # Requests go straight into the app whose lifespan the TestClient runs: a session that is not
        # entered as a context manager makes schemathesis start no second lifespan of its own.
        session = asgi.ASGIClient(app)
        yield Archive(request.param, client, schemathesis.openapi.from_dict(app.openapi()), session, tokens, ids)


def _run(archive: Archive, label: str, token: str | None, mode: GenerationMode, **fixed: Any) -> int:
    """Fuzz one operation; returns how many cases were sent."""
    operation = archive.schema[label.split(" ", 1)[1]][label.split(" ", 1)[0]]
    headers = bearer(token) if token else {}
    sent = 0
    checks = [*CHECKS, negative_data_rejection] if mode is GenerationMode.NEGATIVE else CHECKS

    @seed(SEED)
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode, **fixed))
    def fuzz(case: Any) -> None:
        nonlocal sent
        if token is None:
            case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"} or None
        response = case.call(
            base_url="http://testserver", session=archive.session, headers=headers, timeout=REQUEST_SECONDS
        )
        sent += 1
        case.validate_response(response, checks=checks, headers=headers)

    fuzz()
    return sent


@pytest.mark.parametrize("who", ["archivist", "none"])
@pytest.mark.parametrize("label", OPERATIONS)
def test_fuzz_operation(archive: Archive, label: str, who: str) -> None:
    token = archive.tokens["archivist"] if who == "archivist" else None
    sent = _run(archive, label, token, GenerationMode.POSITIVE)
    method, path = label.split(" ", 1)
    operation = archive.schema.raw_schema["paths"][path][method.lower()]
    if operation.get("parameters") or operation.get("requestBody"):  # else there is nothing to make invalid
        sent += _run(archive, label, token, GenerationMode.NEGATIVE)
    path_names = {name for name in archive.ids if "{" + name + "}" in label}
    # The same with the ids of real rows, whose answers are full bodies, not 404s; but not a delete of the one
    # document that every later operation reads.
    if path_names and method != "DELETE":
        sent += _run(
            archive, label, token, GenerationMode.POSITIVE, path_parameters={n: archive.ids[n] for n in path_names}
        )
    assert sent > 0
    # The figures in README's Hardening section are summed from this file (tests/artifacts is not committed).
    with (ARTIFACTS / "fuzz-api.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps({"database": archive.database, "operation": label, "token": who, "cases": sent}) + "\n")


def test_every_operation_is_fuzzed() -> None:
    # OPERATIONS is read from the schema, so a new endpoint is fuzzed without being listed here.
    assert len(OPERATIONS) >= 25
    assert "POST /v1/extract" in OPERATIONS and "POST /v1/documents" in OPERATIONS
