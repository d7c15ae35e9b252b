"""`kenesh` command line: extract meeting records from documents, serve the API, manage tokens."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipelines.errors import KeneshError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from pipelines.pool import FileOutcome

EXIT_OK = 0
EXIT_FAILED = 2
T = TypeVar("T")
_MISSING = "missing"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kenesh", description="Meeting documents → structured meeting records.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print or write the meeting record of each file (JSON)")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--out", type=Path, metavar="DIR", help="write DIR/STEM.json for every file")
    extract.add_argument("--compact", action="store_true", help="one line of JSON per record")
    extract.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="processes extracting at once, forked after the models load (default: the cores; output order "
        "and contents do not depend on it)",
    )

    serve = commands.add_parser("serve", help="run the HTTP API and the archive (KENESH_* variables configure it)")
    serve.add_argument("--host", help="address to listen on (default: KENESH_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default: KENESH_PORT or 8000)")

    worker = commands.add_parser("worker", help="run jobs from the Celery broker (KENESH_BROKER_URL)")
    worker.add_argument("--concurrency", type=int, default=1, metavar="N", help="worker processes (default: 1)")

    ingest = commands.add_parser(
        "ingest", help="add every supported file of a folder (recursively) to the archive and queue its extraction"
    )
    ingest.add_argument("folder", type=Path, metavar="DIR")
    ingest.add_argument("--wait", action="store_true", help="wait until every job is done or failed; print a summary")

    backup = commands.add_parser(
        "backup", help="write the whole archive to FILE (gzip'd JSON lines; consistent while the service runs)"
    )
    backup.add_argument("file", type=Path, metavar="FILE")
    restore = commands.add_parser("restore", help="load a backup FILE into an empty archive (KENESH_DATABASE_URL)")
    restore.add_argument("file", type=Path, metavar="FILE")

    token = commands.add_parser("token", help="API tokens")
    token_commands = token.add_subparsers(dest="token_command", required=True)
    create = token_commands.add_parser("create", help="create a token and print it (it is shown only this once)")
    create.add_argument("--role", required=True, choices=["archivist", "researcher"])
    create.add_argument("--name", help="who or what the token is for")
    token_commands.add_parser("list", help="every token: id, role, name, created, revoked (never the token itself)")
    revoke = token_commands.add_parser("revoke", help="revoke a token: the API and the pages refuse it from now on")
    revoke.add_argument("token_id", metavar="ID", help="the token's id, from `kenesh token list`")
    return parser


def _fail(path: Path, message: str) -> None:
    print(f"kenesh: {path}: {message}", file=sys.stderr)


def extract_command(files: Sequence[Path], out: Path | None, compact: bool, jobs: int | None = None) -> int:
    if jobs is not None and jobs < 1:
        print("kenesh: --jobs must be at least 1", file=sys.stderr)
        return EXIT_FAILED
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail(out, f"cannot create the output folder: {exc.strerror or exc}")
            return EXIT_FAILED
    # The NLP stack loads only when there is work for it. No cyclic collection while it is imported and its
    # models load: the collector's passes walked the growing heap (~170k objects) again and again and found
    # nearly no garbage, 0.1 s of the serial start-up before the fork.
    gc.disable()
    try:
        from pipelines.pool import ExtractionPool, default_processes, warm_up

        if files:
            warm_up()  # models loaded and caches filled once, here: the forked processes share them
    finally:
        gc.enable()
    indent = None if compact or (out is None and len(files) > 1) else 1
    processes = min(jobs or default_processes(), len(files))
    pool: ExtractionPool | None = None
    if processes > 1:
        pool = ExtractionPool(processes)
    failed = 0
    try:
        outcomes = pool.extract_files(files, indent) if pool else (_extract_here(path, indent) for path in files)
        for path, outcome in zip(files, outcomes, strict=True):
            if not _write(path, outcome, out):
                failed += 1
    finally:
        if pool is not None:
            pool.close()
    if failed and len(files) > 1:
        print(f"kenesh: {failed} of {len(files)} files failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _extract_here(path: Path, indent: int | None) -> FileOutcome:
    from pipelines.extract import extract_file
    from pipelines.pool import FileOutcome, settle

    settle()
    try:
        return FileOutcome(extract_file(path).model_dump_json(indent=indent), None)
    except KeneshError as exc:
        return FileOutcome(None, str(exc))


def _write(path: Path, outcome: FileOutcome, out: Path | None) -> bool:
    """Print or write one file's record, or report its error; False when the file failed."""
    if outcome.payload is None:
        _fail(path, outcome.error or "failed")
        return False
    if out is None:
        print(outcome.payload)
        return True
    target = out / f"{path.stem}.json"
    try:
        target.write_text(outcome.payload + "\n", encoding="utf-8")
    except OSError as exc:  # a full disk or a folder in the way: this file failed, the batch goes on
        _fail(path, f"cannot write {target}: {exc.strerror or exc}")
        return False
    return True


def serve_command(host: str | None, port: int | None) -> int:
    import uvicorn

    from service.api.main import create_app
    from service.settings import get_settings

    settings = get_settings()
    # The app migrates on start too; doing it first turns an unreachable database into one line, not a traceback.
    if not _migrate(settings.database_url):
        return EXIT_FAILED
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port)
    return EXIT_OK


def worker_command(concurrency: int) -> int:
    from service.settings import get_settings

    settings = get_settings()
    if not settings.broker_url:
        print(
            "kenesh: KENESH_BROKER_URL is not set: a worker needs a broker (e.g. redis://127.0.0.1:6379/0)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if concurrency < 1:
        print("kenesh: --concurrency must be at least 1", file=sys.stderr)
        return EXIT_FAILED
    if not _migrate(settings.database_url):
        return EXIT_FAILED

    from service.jobs.celery_app import make_celery
    from service.jobs.sweep import sweep_in_worker

    if settings.warm_up:
        # Loaded here, before Celery forks its pool processes (and before the sweep's thread starts): they
        # share the model memory instead of each loading its own.
        from pipelines.pool import warm_up

        warm_up()
    app = make_celery(settings.broker_url, settings.job_lease_seconds)
    if settings.job_sweep_seconds > 0:
        sweep_in_worker(
            settings.broker_url, settings.database_url, settings.job_sweep_seconds, settings.job_lease_seconds
        )
    # One pool process per job at a time: the models are loaded once in each, and jobs never share one.
    app.worker_main(["worker", f"--concurrency={concurrency}", "--pool=prefork", "--loglevel=INFO"])
    return EXIT_OK


def _migrate(database_url: str) -> bool:
    from sqlalchemy.exc import SQLAlchemyError

    from service.storage.db import make_engine, migrate

    try:
        engine = make_engine(database_url)
    except (SQLAlchemyError, ValueError) as exc:
        print(f"kenesh: bad KENESH_DATABASE_URL: {str(exc).splitlines()[0]}", file=sys.stderr)
        return False
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        print(f"kenesh: cannot reach the archive database: {str(exc).splitlines()[0]}", file=sys.stderr)
        return False
    finally:
        engine.dispose()
    return True


def ingest_command(folder: Path, wait: bool) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from service.ingest import ProgressLine, find_files, ingest, wait_for_jobs
    from service.jobs.queue import EmbeddedQueue, JobQueue
    from service.settings import get_settings
    from service.storage.db import make_engine, make_session_factory

    if not folder.is_dir():
        _fail(folder, "not a folder")
        return EXIT_FAILED
    settings = get_settings()
    if not _migrate(settings.database_url):
        return EXIT_FAILED
    files = find_files(folder)
    engine = make_engine(settings.database_url)
    factory = make_session_factory(engine)
    queue: JobQueue | None = None
    if settings.broker_url:
        from service.jobs.celery_app import CeleryQueue, make_celery

        queue = CeleryQueue(make_celery(settings.broker_url), factory)
    elif wait:
        # No broker and no service asked to run them: this process extracts, as `kenesh serve` would.
        from functools import partial

        from service.extraction import Extractor
        from service.jobs.tasks import JobLimits, run_extract_job

        run = partial(run_extract_job, factory, Extractor(), limits=JobLimits.of(settings))
        queue = EmbeddedQueue(run, workers=settings.job_workers)
    try:
        report = ingest(factory, queue, files, settings.max_upload_bytes, ProgressLine("storing", len(files)))
        for path, reason in report.skipped:
            _fail(path, f"skipped: {reason}")
        print(
            f"kenesh: {report.files} files: {report.added} added, {report.already} already in the archive, "
            f"{len(report.skipped)} skipped",
            file=sys.stderr,
        )
        if not report.submitted:
            print(
                "kenesh: the job broker is unreachable: the jobs stay queued in the archive, and the workers "
                "hand them over once it is back (KENESH_JOB_SWEEP_SECONDS)",
                file=sys.stderr,
            )
        elif queue is None:
            print("kenesh: the jobs are queued; `kenesh serve` runs them (or use --wait)", file=sys.stderr)
        if not wait:
            return EXIT_OK
        jobs = wait_for_jobs(factory, report.jobs, progress=ProgressLine("extracting", len(report.jobs)))
    except SQLAlchemyError as exc:
        print(f"kenesh: cannot reach the archive database: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        # Nothing is lost: what was stored stays, its jobs stay queued, and the next run goes on from there.
        print("\nkenesh: interrupted; run it again to go on", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if queue is not None:
            queue.close()
        engine.dispose()
    failed = [(report.jobs[job_id], job.error) for job_id, job in jobs.items() if job.state == "failed"]
    done = sum(job.state == "done" for job in jobs.values())
    for path, error in failed:
        _fail(path, f"failed: {error}")
    print(f"{done} done, {len(failed)} failed, {len(report.skipped)} skipped of {report.files} files")
    return EXIT_FAILED if failed else EXIT_OK


def backup_command(path: Path, restoring: bool) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from service.settings import get_settings
    from service.storage.backup import BackupError, backup, restore
    from service.storage.db import make_engine

    settings = get_settings()
    try:
        engine = make_engine(settings.database_url)
    except (SQLAlchemyError, ValueError) as exc:
        print(f"kenesh: bad KENESH_DATABASE_URL: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED
    try:
        summary = restore(engine, path) if restoring else backup(engine, path)
    except BackupError as exc:
        print(f"kenesh: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a full disk, a file vanished mid-way
        print(f"kenesh: {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except SQLAlchemyError as exc:
        print(f"kenesh: cannot reach the archive database: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        engine.dispose()
    documents = summary.rows.get("documents", 0)
    done = "restored from" if restoring else "backed up to"
    print(
        f"kenesh: {documents} documents ({summary.total} rows in {len(summary.rows)} tables, schema "
        f"{summary.revision}) {done} {path}, {summary.bytes / 1e6:.1f} MB, in {summary.seconds:.1f} s",
        file=sys.stderr,
    )
    return EXIT_OK


def token_create_command(role: str, name: str | None) -> int:
    from sqlalchemy import func, select

    from service.settings import get_settings
    from service.storage import repositories as repo
    from service.storage.tables import Document, Role

    archive, new = _archive_of(get_settings().database_url)

    def create(session: Session) -> tuple[str, str, int]:
        token, plain = repo.create_token(session, Role(role), name)
        documents = session.scalar(select(func.count()).select_from(Document)) or 0
        return str(token.id), plain, documents

    made = _in_archive(create)
    if made is None:
        return EXIT_FAILED
    token_id, plain, documents = made
    print(plain)
    print(f"kenesh: {role} token {token_id} created in {archive}; it is not shown again", file=sys.stderr)
    if new:
        # Run in another folder, the default ./kenesh.db is another archive: the token would not open the real one.
        print(
            f"kenesh: note: {archive} did not exist and is a new, empty archive ({documents} documents); a token "
            "works only for the archive it was created in: run this where `kenesh serve` runs, or set "
            "KENESH_DATABASE_URL",
            file=sys.stderr,
        )
    return EXIT_OK


def _archive_of(database_url: str) -> tuple[str, bool]:
    """The archive a database URL names, as a person recognises it, and whether it does not exist yet (SQLite)."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database).expanduser().resolve()
        return f"the SQLite archive {path}", not path.exists()
    return f"the archive {url.render_as_string(hide_password=True)}", False


def token_list_command() -> int:
    from service.storage import repositories as repo

    # No "last used" column: the archive does not record uses (a write per request for it is not worth it).
    rows = _in_archive(
        lambda session: [
            (str(t.id), t.role, t.name or "-", _when(t.created_at), _when(t.revoked_at))
            for t in repo.list_tokens(session)
        ]
    )
    if rows is None:
        return EXIT_FAILED
    if not rows:
        print("kenesh: no tokens yet (create one with `kenesh token create`)", file=sys.stderr)
        return EXIT_OK
    table = [("ID", "ROLE", "NAME", "CREATED", "REVOKED"), *rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    for row in table:
        print("  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK


def token_revoke_command(token_id: str) -> int:
    import uuid

    from service.storage import repositories as repo

    try:
        wanted = uuid.UUID(token_id)
    except ValueError:
        print(f"kenesh: {token_id!r} is not a token id (see `kenesh token list`)", file=sys.stderr)
        return EXIT_FAILED

    def revoke(session: Session) -> tuple[str, bool, datetime | None] | str:
        token = repo.get_token(session, wanted)
        if token is None:
            return _MISSING
        already = token.revoked_at is not None
        repo.revoke_token(session, token)
        return token.role, already, token.revoked_at

    done = _in_archive(revoke)
    if done is None:
        return EXIT_FAILED
    if isinstance(done, str):
        print(f"kenesh: no token {wanted} (see `kenesh token list`)", file=sys.stderr)
        return EXIT_FAILED
    role, already, revoked_at = done
    said = "was already revoked" if already else "revoked"
    print(f"kenesh: {role} token {wanted} {said} at {_when(revoked_at)}", file=sys.stderr)
    return EXIT_OK


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    # SQLite gives the stored UTC time back without its zone.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _in_archive(work: Callable[[Session], T]) -> T | None:
    """`work` in one transaction on the migrated archive; None after one line on stderr if it cannot be reached."""
    from sqlalchemy.exc import SQLAlchemyError

    from service.settings import get_settings
    from service.storage.db import make_engine, make_session_factory, session_scope

    settings = get_settings()
    if not _migrate(settings.database_url):
        return None
    engine = make_engine(settings.database_url)
    try:
        with session_scope(make_session_factory(engine)) as session:
            return work(session)
    except SQLAlchemyError as exc:
        print(f"kenesh: cannot reach the archive database: {str(exc).splitlines()[0]}", file=sys.stderr)
        return None
    finally:
        engine.dispose()


def _exit_now(code: int) -> None:
    """End the process with `code` without tearing the interpreter down.

    After `kenesh extract` every record is written and the pool processes are joined; what is left is freeing
    the models, caches and grammars object by object (0.1 s of a loaded machine's wall time, serial, at every
    run) only for the operating system to drop the whole address space a moment later."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `kenesh extract … | head` closed the pipe: as when a record's print meets it
        code = EXIT_FAILED
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            code = extract_command(args.files, args.out, args.compact, args.jobs)
            if argv is None:  # the `kenesh` program itself; a caller in this process (a test) keeps its interpreter
                _exit_now(code)
            return code
        if args.command == "serve":
            return serve_command(args.host, args.port)
        if args.command == "worker":
            return worker_command(args.concurrency)
        if args.command == "ingest":
            return ingest_command(args.folder, args.wait)
        if args.command in ("backup", "restore"):
            return backup_command(args.file, restoring=args.command == "restore")
        if args.command == "token" and args.token_command == "create":
            return token_create_command(args.role, args.name)
        if args.command == "token" and args.token_command == "list":
            return token_list_command()
        if args.command == "token" and args.token_command == "revoke":
            return token_revoke_command(args.token_id)
    except BrokenPipeError:
        # `kenesh extract … | head` closed the pipe: stop quietly, and keep Python's exit-time flush
        # of stdout from raising it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
