"""`kenesh ingest DIR`: a whole folder into the archive, through the same storage and queue as an upload.

Resumable by construction: a document is stored once per sha256 and gets one job, so a second run over the same
folder adds nothing; it only hands jobs still queued (say, the first run was stopped) to the queue again.
"""

from __future__ import annotations

import hashlib
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from service.extraction import detect_media_type
from service.jobs.queue import JobQueue, QueueUnavailable
from service.storage import repositories as repo
from service.storage.db import session_scope
from service.storage.tables import Job, JobState

# What the readers take (pipelines/readers); anything else in a folder (gold JSON, notes, thumbnails' sidecars)
# is left alone rather than sniffed, since plain text sniffs as a document whatever it is.
SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".pdf", ".docx", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}
)
FINISHED = (JobState.DONE.value, JobState.FAILED.value)


@dataclass
class IngestReport:
    files: int = 0
    added: int = 0
    already: int = 0
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    jobs: dict[uuid.UUID, Path] = field(default_factory=dict)
    submitted: bool = True  # False once the queue refused a job: the rest wait queued in the archive


def find_files(folder: Path) -> list[Path]:
    """Supported files under `folder`, recursively, in a stable order; hidden files and folders left out."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def ingest(
    factory: sessionmaker[Session],
    queue: JobQueue | None,
    files: Iterable[Path],
    max_bytes: int,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Store each file once and queue its extraction; `queue` None leaves the jobs queued for `kenesh serve`."""
    report = IngestReport()
    for number, path in enumerate(files, 1):
        report.files += 1
        reason = _store_file(factory, queue, path, max_bytes, report)
        if reason is not None:
            report.skipped.append((path, reason))
        if progress is not None:
            progress(number)
    return report


def _store_file(
    factory: sessionmaker[Session], queue: JobQueue | None, path: Path, max_bytes: int, report: IngestReport
) -> str | None:
    """None when the file is in the archive now, else why it was skipped."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return f"too large: {size} bytes, the limit is {max_bytes}"
        content = path.read_bytes()
    except OSError as exc:
        return f"cannot read it: {exc.strerror or exc}"
    if not content:
        return "the file is empty"
    media_type = detect_media_type(content)
    if media_type is None:
        return "not a supported document format"
    sha256 = hashlib.sha256(content).hexdigest()
    try:
        job_id, state, added = _store(factory, content, path.name, media_type, sha256)
    except IntegrityError:  # the same bytes were stored concurrently (an upload, another ingest): found now
        job_id, state, added = _store(factory, content, path.name, media_type, sha256)
    if added:
        report.added += 1
    else:
        report.already += 1
    report.jobs[job_id] = path
    # Only a queued job needs handing over; a second hand-over is harmless (the claim runs a job once).
    if queue is not None and state == JobState.QUEUED.value and report.submitted:
        try:
            queue.submit(job_id)
        except QueueUnavailable:
            report.submitted = False
    return None


def _store(
    factory: sessionmaker[Session], content: bytes, filename: str, media_type: str, sha256: str
) -> tuple[uuid.UUID, str, bool]:
    # One transaction per file: a run stopped half-way keeps what it stored, and the next run goes on from there.
    with session_scope(factory) as session:
        document = repo.find_document_by_sha256(session, sha256)
        job = repo.latest_job(session, document.id) if document else None
        if document is not None and job is not None:
            return job.id, job.state, False
        if document is None:
            document = repo.add_document(session, content, filename, media_type, None)
        job = repo.add_job(session, document.id, None)
        return job.id, job.state, True


def job_states(factory: sessionmaker[Session], job_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Job]:
    ids = list(job_ids)
    found: dict[uuid.UUID, Job] = {}
    with factory() as session:
        for start in range(0, len(ids), 500):  # bounded IN lists
            for job in session.scalars(select(Job).where(Job.id.in_(ids[start : start + 500]))):
                found[job.id] = job
    return found


def wait_for_jobs(
    factory: sessionmaker[Session],
    job_ids: Iterable[uuid.UUID],
    poll_seconds: float = 1.0,
    progress: Callable[[int], None] | None = None,
    timeout: float | None = None,
) -> dict[uuid.UUID, Job]:
    """The jobs once every one is done or failed (or the timeout passed)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    pending = set(job_ids)
    finished: dict[uuid.UUID, Job] = {}
    while True:
        for job_id, job in job_states(factory, pending).items():
            if job.state in FINISHED:
                finished[job_id] = job
                pending.discard(job_id)
        if progress is not None:
            progress(len(finished))
        if not pending or (deadline is not None and time.monotonic() > deadline):
            return finished | job_states(factory, pending)
        time.sleep(poll_seconds)


class ProgressLine:
    """A progress bar on one stderr line (redrawn in place on a terminal; a line per tenth elsewhere)."""

    WIDTH = 30

    def __init__(self, label: str, total: int, stream: TextIO = sys.stderr) -> None:
        self._label, self._total, self._stream = label, total, stream
        self._tty = stream.isatty()
        self._shown = -1

    def __call__(self, count: int) -> None:
        if self._total == 0:
            return
        step = count * 10 // self._total
        if not self._tty and step == self._shown:  # at most eleven lines in a log
            return
        self._shown = step
        filled = self.WIDTH * count // self._total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = f"kenesh: {self._label} [{bar}] {count}/{self._total}"
        self._stream.write(f"\r{line}" if self._tty else f"{line}\n")
        if self._tty and count == self._total:
            self._stream.write("\n")
        self._stream.flush()
