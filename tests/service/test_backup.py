"""`kenesh backup` / `kenesh restore`, as real processes: an archive round-trips exactly, on SQLite and PostgreSQL
and from one to the other; bad paths, a non-empty target and damaged files are one line and exit 2."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from service.api.main import create_app
from service.cli import main
from service.settings import Settings, get_settings
from service.storage import repositories as repo
from service.storage.backup import backup, restore
from service.storage.db import alembic_config, make_engine, make_session_factory, session_scope
from service.storage.tables import MEETINGS_FTS, Base, Role
from tests.conftest import CORPUS_DEV
from tests.service.conftest import POSTGRES_URL, SAMPLE, bearer, upload, wait_for_job

SECOND = CORPUS_DEV / "nerel-013.txt"


def kenesh(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main())", *args]
    env = {**os.environ, "KENESH_DATABASE_URL": database_url}
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def empty_postgres(name: str) -> str:
    """An empty database `name` beside the tests' PostgreSQL database (created on the same server)."""
    assert POSTGRES_URL
    server = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}):
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    server.dispose()
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    return url


def _restore_target(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.db'}"
    if not POSTGRES_URL:
        pytest.skip("KENESH_TEST_POSTGRES_URL is not set")
    return empty_postgres(f"{make_url(POSTGRES_URL).database}_restore")


def _value(value: Any) -> Any:
    # SQLite keeps naive UTC times, PostgreSQL aware ones: the same moment either way.
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return value


def table_rows(database_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every archive table (and SQLite's full-text table), in primary-key order."""
    engine = make_engine(database_url)
    rows = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [tuple(_value(v) for v in row) for row in connection.execute(query)]
        if connection.dialect.name == "sqlite":
            fts = text(f"SELECT document_id, lemmas FROM {MEETINGS_FTS} ORDER BY document_id")
            rows[MEETINGS_FTS] = [tuple(row) for row in connection.execute(fts)]
    engine.dispose()
    return rows


def api_answers(settings: Settings, database_url: str, tokens: dict[str, str]) -> dict[str, Any]:
    """What the API says about every document, record, version history, and a few searches."""
    headers = bearer(tokens["researcher"])
    answers: dict[str, Any] = {}
    with TestClient(create_app(settings.model_copy(update={"database_url": database_url}))) as client:
        documents = client.get("/v1/documents", headers=headers).json()
        answers["documents"] = documents
        for document in documents["data"]:
            for path in ("", "/record", "/record/versions", "/record?version=1", "/file"):
                response = client.get(f"/v1/documents/{document['id']}{path}", headers=headers)
                assert response.status_code == 200, response.text
                answers[path + document["id"]] = response.content
        for query in (("search", "совет"), ("search", "миграции"), ("persons", "Базарбаева")):
            response = client.get(f"/v1/{query[0]}", params={"q": query[1]}, headers=headers)
            assert response.status_code == 200, response.text
            answers["/".join(query)] = response.json()
            assert response.json()["count"] > 0
    return answers


@pytest.fixture
def archive(client: TestClient, tokens: dict[str, str]) -> Iterator[TestClient]:
    """Two documents extracted, one corrected twice and restored once, a re-extraction carried over."""
    archivist = bearer(tokens["archivist"])
    items = upload(client, tokens["archivist"], (SAMPLE.name, SAMPLE.read_bytes()), (SECOND.name, SECOND.read_bytes()))
    assert items.status_code == 202, items.text
    for item in items.json()["data"]:
        assert wait_for_job(client, tokens["researcher"], item["job_id"])["state"] == "done"
    document_id = items.json()["data"][0]["document_id"]
    path = f"/v1/documents/{document_id}/record"
    edit = {"op": "edit_person", "person": "p1", "set": {"position": "министр", "spoke": True}}
    assert client.patch(path, headers=archivist, json={"base_version": 1, "operations": [edit]}).status_code == 200
    drop = {"op": "drop", "entity": "location", "ref": 0}
    assert client.patch(path, headers=archivist, json={"base_version": 2, "operations": [drop]}).status_code == 200
    assert client.post(f"{path}/versions/2/restore", headers=archivist).status_code == 201
    job = client.post(f"/v1/documents/{document_id}/reextract", headers=archivist).json()
    assert wait_for_job(client, tokens["researcher"], job["id"])["state"] == "done"
    yield client


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_backup_and_restore_round_trip_the_archive_exactly(
    archive: TestClient, settings: Settings, tokens: dict[str, str], target: str, tmp_path: Path
) -> None:
    source = settings.database_url
    restored = _restore_target(target, tmp_path)
    file = tmp_path / "archive.kenesh.gz"

    made = kenesh(source, "backup", str(file))  # while the service (the test client) is up
    assert made.returncode == 0, made.stderr
    assert made.stderr.startswith("kenesh: 2 documents (") and "backed up to" in made.stderr
    with gzip.open(file, "rt", encoding="utf-8") as lines:
        assert '"format":"kenesh-backup"' in next(lines)

    loaded = kenesh(restored, "restore", str(file))
    assert loaded.returncode == 0, loaded.stderr
    assert "restored from" in loaded.stderr

    before, after = table_rows(source), table_rows(restored)
    assert before.keys() - {MEETINGS_FTS} == after.keys() - {MEETINGS_FTS}
    for table in before.keys() & after.keys():
        assert before[table] == after[table], table
    assert len(before["records"]) == 7  # 2 machine + 2 corrections + restore + machine baseline + carried
    assert {row[3] for row in before["jobs"]} == {"done"}

    same_dialect = make_url(source).get_backend_name() == make_url(restored).get_backend_name()
    archive_answers = api_answers(settings, source, tokens)
    restored_answers = api_answers(settings, restored, tokens)
    if not same_dialect:  # ranking differs between FTS5 and tsvector; the rest must not
        for key in [key for key in archive_answers if key.startswith("search/")]:
            del archive_answers[key], restored_answers[key]
    assert restored_answers == archive_answers

    # The restored archive goes on: new rows get new ids after the restored ones (PostgreSQL sequences).
    with TestClient(create_app(settings.model_copy(update={"database_url": restored}))) as client:
        item = upload(client, tokens["archivist"], ("third.txt", "Заседание совета. Председатель Иванов И.И.".encode()))
        job_id = item.json()["data"][0]["job_id"]
        assert wait_for_job(client, tokens["researcher"], job_id)["state"] == "done"


def one_line_failure(result: subprocess.CompletedProcess[str], starts: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(starts), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_bad_paths_targets_and_files_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def in_process(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
        # The same command in this process: a real process for each case would cost seconds apiece.
        monkeypatch.setenv("KENESH_DATABASE_URL", database_url)
        get_settings.cache_clear()
        try:
            code = main(list(args))
        finally:
            get_settings.cache_clear()
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, captured.out, captured.err)

    source = f"sqlite:///{tmp_path / 'source.db'}"
    assert kenesh(source, "token", "create", "--role", "archivist").returncode == 0
    good = tmp_path / "good.gz"
    assert kenesh(source, "backup", str(good)).returncode == 0

    one_line_failure(kenesh(source, "backup", str(good)), f"kenesh: {good}: already exists")
    one_line_failure(in_process(source, "backup", str(tmp_path)), f"kenesh: {tmp_path}: is a folder")
    missing = tmp_path / "no" / "such" / "b.gz"
    one_line_failure(in_process(source, "backup", str(missing)), f"kenesh: {missing}: the folder")
    assert not missing.parent.exists()
    nothing = f"sqlite:///{tmp_path / 'none.db'}"
    one_line_failure(in_process(nothing, "backup", str(tmp_path / "n.gz")), "kenesh: the database holds no")

    # Restoring into an archive that has anything in it would mix two archives.
    one_line_failure(
        in_process(source, "restore", str(good)), "kenesh: the target database is not empty (1 rows in tokens)"
    )

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    absent = tmp_path / "absent.gz"
    one_line_failure(in_process(fresh, "restore", str(absent)), f"kenesh: {absent}: no such file")
    data = good.read_bytes()
    damaged = {
        "random.gz": os.urandom(4096),
        "truncated.gz": data[: len(data) // 2],
        "flipped.gz": data[:-12] + bytes([data[-12] ^ 0xFF]) + data[-11:],
        "text.gz": gzip.compress(b"just some text\n"),
        "cut.gz": gzip.compress(b"\n".join(gzip.decompress(data).split(b"\n")[:-2]) + b"\n"),
    }
    for name, content in damaged.items():
        (tmp_path / name).write_bytes(content)
        run = kenesh if name == "random.gz" else in_process
        one_line_failure(run(fresh, "restore", str(tmp_path / name)), f"kenesh: {tmp_path / name}: ")
    # Nothing half-loaded: the target is still empty, and takes the good backup.
    restored = kenesh(fresh, "restore", str(good))
    assert restored.returncode == 0, restored.stderr
    assert table_rows(fresh)["tokens"] == table_rows(source)["tokens"]


def test_a_backup_of_an_older_schema_is_restored_and_upgraded(tmp_path: Path) -> None:
    older = make_engine(f"sqlite:///{tmp_path / 'older.db'}")
    config = alembic_config(older)
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    previous = ScriptDirectory.from_config(config).get_revision(head).down_revision
    assert isinstance(previous, str)
    command.upgrade(config, previous)  # an archive as the Kenesh before this one left it
    with session_scope(make_session_factory(older)) as session:
        _, plain = repo.create_token(session, Role.ARCHIVIST, "from before")
    file = tmp_path / "older.gz"
    assert backup(older, file).revision == previous
    older.dispose()

    newer = make_engine(f"sqlite:///{tmp_path / 'newer.db'}")
    assert restore(newer, file).rows["tokens"] == 1
    with newer.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    with session_scope(make_session_factory(newer)) as session:
        token = repo.find_token(session, plain)
        assert token is not None
        assert token.name == "from before"
    newer.dispose()
