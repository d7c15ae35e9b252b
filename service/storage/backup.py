"""`kenesh backup` / `kenesh restore`: the whole archive as one portable file, and back into an empty database.

The file is gzip'd JSON lines: a header (format, schema revision, source dialect, tables and columns), then
every row of every table in primary-key order (one JSON array per row, typed values spelled as text: UUIDs,
ISO times in UTC, base64 bytes), then a trailer with each table's row count. One format for SQLite and
PostgreSQL, so an archive moves from the embedded SQLite to a server by a backup and a restore; a truncated
or damaged file fails its gzip check or its trailer, and the restore's single transaction leaves the target
empty.

Consistency while the service runs: every table is read in one read-only transaction, so the file is
one moment of the archive. On PostgreSQL that is a REPEATABLE READ snapshot; on SQLite an explicit BEGIN
(WAL lets writers go on meanwhile and keeps this reader's snapshot). Derived full-text structures are not
saved: SQLite's FTS5 table is rebuilt from `meetings` on restore; PostgreSQL's GIN index follows by itself.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    Table,
    Uuid,
    column,
    func,
    inspect,
    select,
    table,
    text,
)
from sqlalchemy.types import TypeEngine

from service.storage.db import alembic_config
from service.storage.tables import MEETINGS_FTS, Base, IndexedMeeting

FORMAT = "kenesh-backup"
FORMAT_VERSION = 1
# Rows per read and per INSERT round trip; original files can be megabytes each, so those tables go a few
# rows at a time, and a restore's batch is flushed at BATCH_BYTES too.
BATCH = 200
FILE_BATCH = 4
BATCH_BYTES = 32 * 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done, in one line for the person who asked."""


@dataclass
class Summary:
    """What a backup wrote or a restore loaded."""

    path: Path
    revision: str
    rows: dict[str, int] = field(default_factory=dict)
    bytes: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables() -> list[Table]:
    """The archive's tables, parents before children (the order rows must be inserted in)."""
    return list(Base.metadata.sorted_tables)


# Values: JSON has no UUIDs, times or bytes, so each column's type says how its values are spelled.


def _encode(value: Any, type_: TypeEngine[Any]) -> Any:
    if value is None:
        return None
    if isinstance(type_, Uuid):
        return str(value)
    if isinstance(type_, DateTime):
        # SQLite gives back naive UTC times (the service writes UTC), PostgreSQL aware ones: both as UTC.
        return (value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(type_, Date):
        return value.isoformat()
    if isinstance(type_, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    return value


def _decode(value: Any, type_: TypeEngine[Any]) -> Any:
    if value is None:
        return None
    if isinstance(type_, Uuid):
        return uuid.UUID(value)
    if isinstance(type_, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(type_, Date):
        return date.fromisoformat(value)
    if isinstance(type_, LargeBinary):
        return base64.b64decode(value, validate=True)
    return value


# Backup


def backup(engine: Engine, path: Path) -> Summary:
    """Write the whole archive to `path` (a new file), as one consistent snapshot, even while the service runs."""
    _check_new_file(path)
    started = time.monotonic()
    # Written beside the target and renamed at the end: a backup cut short never looks like a whole one.
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    try:
        with engine.connect() as connection:
            _begin_snapshot(connection)
            try:
                with open(partial, "wb") as raw:
                    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as zipped:
                        summary = _write(connection, zipped, path)
                    raw.flush()
                    os.fsync(raw.fileno())
            finally:
                connection.rollback()  # read only: nothing to keep, and the snapshot is let go
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    summary.bytes = path.stat().st_size
    summary.seconds = time.monotonic() - started
    return summary


def _check_new_file(path: Path) -> None:
    if path.is_dir():
        raise BackupError(f"{path}: is a folder; give a file name")
    if path.exists():
        raise BackupError(f"{path}: already exists; a backup never overwrites a file")
    if not path.parent.is_dir():
        raise BackupError(f"{path}: the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise BackupError(f"{path}: the folder {path.parent} is not writable")


def _begin_snapshot(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ")
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")
    else:
        # pysqlite starts no transaction for SELECTs, so each would see its own moment: ask for one.
        connection.exec_driver_sql("BEGIN")


def _write(connection: Connection, out: IO[bytes], path: Path) -> Summary:
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None:
        raise BackupError("the database holds no Kenesh archive (no schema revision): nothing to back up")
    existing = {name: {c["name"] for c in inspect(connection).get_columns(name)} for name in _present(connection)}
    # Only what this revision has: an archive not yet upgraded lacks the newest tables and columns.
    layout = {
        t.name: [c.name for c in t.columns if c.name in existing[t.name]] for t in _tables() if t.name in existing
    }
    _line(
        out,
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "revision": revision,
            "dialect": connection.dialect.name,
            "kenesh": _kenesh_version(),
            "created_at": datetime.now(UTC).isoformat(),
            "tables": layout,
        },
    )
    summary = Summary(path, revision)
    for name, names in layout.items():
        source = Base.metadata.tables[name]
        columns = [source.c[n] for n in names]
        _line(out, {"table": name})
        query = select(*columns).order_by(*source.primary_key.columns)
        rows = FILE_BATCH if any(isinstance(c.type, LargeBinary) for c in columns) else BATCH
        count = 0
        for row in connection.execute(query.execution_options(yield_per=rows)):
            _line(out, [_encode(value, c.type) for value, c in zip(row, columns, strict=True)])
            count += 1
        summary.rows[name] = count
    _line(out, {"end": True, "rows": summary.rows})
    return summary


def _kenesh_version() -> str | None:
    # Not service.extraction's: that module loads the pipeline, which a backup has no use for.
    try:
        return version("kenesh")
    except PackageNotFoundError:
        return None


def _present(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _line(out: IO[bytes], value: Any) -> None:
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")


# Restore


def restore(engine: Engine, path: Path) -> Summary:
    """Load a backup into an empty database (created and migrated as needed), then upgrade it to this version."""
    started = time.monotonic()
    header = _read_header(path)
    config = alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    revision = header["revision"]
    try:
        script.get_revision(revision)
    except Exception:  # alembic raises several kinds for an unknown id
        raise BackupError(
            f"{path}: made by a newer Kenesh (schema revision {revision}); upgrade Kenesh to restore it"
        ) from None
    _check_empty(engine)
    # The tables as they were when the backup was made; the archive is upgraded after the rows are in.
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current is not None and current != revision and _is_ancestor(script, revision, current):
        command.downgrade(config, revision)
    else:
        command.upgrade(config, revision)
    summary = Summary(path, revision)
    with engine.begin() as connection:
        _load(connection, path, header, summary)
    command.upgrade(config, "head")
    summary.bytes = path.stat().st_size
    summary.seconds = time.monotonic() - started
    return summary


def _is_ancestor(script: ScriptDirectory, older: str, newer: str) -> bool:
    return any(r.revision == older for r in script.iterate_revisions(newer, "base"))


def _check_empty(engine: Engine) -> None:
    with engine.connect() as connection:
        present = _present(connection)
        for t in _tables():
            if t.name in present:
                rows = connection.scalar(select(func.count()).select_from(t))
                if rows:
                    raise BackupError(
                        f"the target database is not empty ({rows} rows in {t.name}): restore into an empty one"
                    )


def _open(path: Path) -> IO[bytes]:
    if path.is_dir():
        raise BackupError(f"{path}: is a folder, not a backup file")
    if not path.exists():
        raise BackupError(f"{path}: no such file")
    try:
        return gzip.open(path, "rb")
    except OSError as exc:
        raise BackupError(f"{path}: cannot open: {exc.strerror or exc}") from None


def _lines(path: Path) -> Iterator[tuple[Any, int]]:
    """The backup's JSON values, one per line, with the line's size; BackupError when the file is damaged, cut
    short or not a backup."""
    try:
        with _open(path) as stream:
            for number, line in enumerate(stream, start=1):
                try:
                    yield json.loads(line), len(line)
                except ValueError:
                    raise BackupError(f"{path}: damaged: line {number} is not JSON") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise BackupError(f"{path}: not a Kenesh backup, or damaged ({exc})") from None
    except OSError as exc:
        raise BackupError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _read_header(path: Path) -> dict[str, Any]:
    lines = _lines(path)
    try:
        header = next(lines, (None, 0))[0]
    finally:
        lines.close()
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path}: not a Kenesh backup")
    if header.get("version") != FORMAT_VERSION:
        raise BackupError(f"{path}: backup format {header.get('version')} is not known to this Kenesh")
    tables = header.get("tables")
    if not isinstance(header.get("revision"), str) or not isinstance(tables, dict):
        raise BackupError(f"{path}: damaged: the header lacks its revision or tables")
    for name, names in tables.items():
        known = Base.metadata.tables.get(name)
        if known is None or not isinstance(names, list) or any(n not in known.c for n in names):
            raise BackupError(f"{path}: table {name} does not fit this Kenesh's archive")
    return header


def _load(connection: Connection, path: Path, header: dict[str, Any], summary: Summary) -> None:
    layout: dict[str, list[str]] = header["tables"]
    lines = _lines(path)
    next(lines)  # the header, read already
    current: str | None = None
    types: list[TypeEngine[Any]] = []
    target = None
    batch: list[dict[str, Any]] = []
    batch_bytes = 0
    ended = False

    def flush() -> None:
        nonlocal batch_bytes
        if batch:
            connection.execute(target.insert(), batch)  # type: ignore[union-attr]
            batch.clear()
        batch_bytes = 0

    for value, size in lines:
        if ended:
            raise BackupError(f"{path}: damaged: data after the end")
        if isinstance(value, dict) and "table" in value:
            flush()
            current = value["table"]
            if current not in layout:
                raise BackupError(f"{path}: damaged: table {current} is not in the header")
            source = Base.metadata.tables[current]
            names = layout[current]
            types = [source.c[n].type for n in names]
            # Only the saved columns, and no Python-side defaults: the table as of the backup's revision.
            target = table(current, *(column(n, t) for n, t in zip(names, types, strict=True)))
            summary.rows[current] = 0
        elif isinstance(value, dict) and value.get("end") is True:
            flush()
            if value.get("rows") != summary.rows:
                raise BackupError(f"{path}: damaged: the row counts do not match its trailer")
            ended = True
        elif isinstance(value, list) and current is not None and len(value) == len(types):
            try:
                row = {c.name: _decode(v, t) for c, v, t in zip(target.columns, value, types, strict=True)}  # type: ignore[union-attr]
            except (ValueError, TypeError, AttributeError):
                raise BackupError(f"{path}: damaged: a row of {current} has a malformed value") from None
            batch.append(row)
            batch_bytes += size
            summary.rows[current] += 1
            if len(batch) >= BATCH or batch_bytes >= BATCH_BYTES:
                flush()
        else:
            raise BackupError(f"{path}: damaged: a line fits no table")
    if not ended:
        raise BackupError(f"{path}: cut short: the backup has no end")
    _rebuild_derived(connection)


def _rebuild_derived(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        # The FTS5 table is keyed by the document id as text, as storage/index.py writes it.
        meetings = connection.execute(
            select(IndexedMeeting.document_id, IndexedMeeting.lemmas).where(IndexedMeeting.lemmas != "")
        ).all()
        for document_id, lemmas in meetings:
            connection.execute(
                text(f"INSERT INTO {MEETINGS_FTS} (lemmas, document_id) VALUES (:lemmas, :id)"),
                {"lemmas": lemmas, "id": str(document_id)},
            )
    elif connection.dialect.name == "postgresql":
        # Rows came with their ids: each serial's sequence must go on after the highest, not from 1.
        for t in _tables():
            for c in t.primary_key.columns:
                if isinstance(c.type, Integer) and c.autoincrement in (True, "auto"):
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{t.name}', '{c.name}'), "
                            f"COALESCE(MAX({c.name}), 1), MAX({c.name}) IS NOT NULL) FROM {t.name}"
                        )
                    )
