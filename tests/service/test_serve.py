"""Smoke test: the real `kenesh token create` and `kenesh serve` processes, talked to over HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pipelines.extract import extract_bytes
from tests.service.conftest import SAMPLE

START_TIMEOUT = 180.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _kenesh(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())", *args]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    folder: Path = tmp_path_factory.mktemp("serve")
    env = {**os.environ, "KENESH_DATABASE_URL": f"sqlite:///{folder / 'kenesh.db'}"}
    tokens = {}
    for role in ("archivist", "researcher"):
        made = subprocess.run(_kenesh("token", "create", "--role", role), env=env, capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        assert "not shown again" in made.stderr
        tokens[role] = made.stdout.strip()
    port = _free_port()
    log = (folder / "serve.log").open("w")
    server = subprocess.Popen(_kenesh("serve", "--port", str(port)), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            assert server.poll() is None, (folder / "serve.log").read_text()
            try:
                if httpx.get(f"{base}/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "kenesh serve did not start"
            time.sleep(0.05)
        yield base, tokens["archivist"], tokens["researcher"]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    assert server.returncode == 0, (folder / "serve.log").read_text()
    assert "Traceback" not in (folder / "serve.log").read_text()


def test_extract_and_archive_over_http(served: tuple[str, str, str]) -> None:
    base, archivist, researcher = served
    data = SAMPLE.read_bytes()
    with httpx.Client(base_url=base, timeout=60) as client:
        assert client.get("/docs").status_code == 200
        response = client.post(
            "/v1/extract", headers={"Authorization": f"Bearer {researcher}"}, files={"file": (SAMPLE.name, data)}
        )
        assert response.status_code == 200, response.text
        assert response.json() == extract_bytes(data, SAMPLE.name).model_dump(mode="json")

        uploaded = client.post(
            "/v1/documents", headers={"Authorization": f"Bearer {archivist}"}, files={"files": (SAMPLE.name, data)}
        )
        assert uploaded.status_code == 202
        job_id = uploaded.json()["data"][0]["job_id"]
        deadline = time.monotonic() + 120
        with client.stream(
            "GET", f"/v1/jobs/{job_id}/events", headers={"Authorization": f"Bearer {researcher}"}
        ) as stream:
            last = ""
            for line in stream.iter_lines():
                if line.startswith("data: "):
                    last = line
                assert time.monotonic() < deadline
        assert '"state":"done"' in last

        missing = client.get("/v1/documents", headers={"Authorization": "Bearer nope"})
        assert missing.status_code == 401
        assert missing.json()["detail"] == "unknown or revoked token"


@pytest.mark.parametrize("command", [["token", "create", "--role", "researcher"], ["serve"]])
def test_unreachable_database_is_one_line(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "KENESH_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"}
    result = subprocess.run(_kenesh(*command), env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("kenesh: cannot reach the archive database:")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_token_create_says_which_archive(tmp_path: Path) -> None:
    """Run in another folder, the default ./kenesh.db is a new archive: the command says so and where it is."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "KENESH_DATABASE_URL"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    first = subprocess.run(
        _kenesh("token", "create", "--role", "archivist"), env=env, cwd=elsewhere, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    archive = elsewhere / "kenesh.db"
    assert f"created in the SQLite archive {archive}" in first.stderr
    assert "is a new, empty archive" in first.stderr
    again = subprocess.run(
        _kenesh("token", "create", "--role", "researcher"), env=env, cwd=elsewhere, capture_output=True, text=True
    )
    assert again.returncode == 0 and f"created in the SQLite archive {archive}" in again.stderr
    assert "new, empty archive" not in again.stderr
    url = "postgresql+psycopg://kenesh:secret@127.0.0.1:1/nowhere"
    refused = subprocess.run(
        _kenesh("token", "create", "--role", "researcher"),
        env={**env, "KENESH_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "secret" not in refused.stderr
