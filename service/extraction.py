"""The pipeline as the service runs it: models loaded once, documents in forked processes (or here, one at a time)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version

from pipelines.extract import Extraction, Progress, extract_bytes, extract_document
from pipelines.nlp import load_nlp
from pipelines.pool import ExtractionPool, warm_up
from pipelines.readers import READERS
from pipelines.record import MeetingRecord


def pipeline_version() -> str | None:
    try:
        return version("kenesh")
    except PackageNotFoundError:
        return None


def detect_media_type(data: bytes) -> str | None:
    """The media type of the reader that would read these bytes, or None when none would (cheap: no reading)."""
    best_score, best = max(((reader.score(data), reader) for reader in READERS), key=lambda item: item[0])
    return best.media_type if best_score > 0 else None


class ExtractorBusy(Exception):
    """The pipeline cannot take this request now: as many as allowed are waiting already, or the wait ran out."""


class Extractor:
    """Runs documents through the pipeline, whose models are loaded once per process and shared.

    In the service process (no pools: `start` not called, or with no processes) calls are serialised: the
    pipeline's components keep caches that are not made for concurrent use, and the GIL gives CPU-bound
    threads no parallelism anyway. With `start(interactive, jobs)`, requests (`extract`) and jobs (`run`)
    each get processes of their own, forked from this one after its models loaded: both cores work, and a
    long request cannot hold up the archive's jobs, nor a batch of jobs the requests.

    Requests (not jobs, which wait in their own bounded pool) first take one of `max_admitted` places
    (`admit`): beyond them a request is shed at once instead of queueing without end, holding a thread and
    its body in memory while every later request waits longer still.
    """

    def __init__(self, max_admitted: int = 0) -> None:
        self._lock = threading.Lock()
        self.max_admitted = max_admitted
        self._admitted = threading.BoundedSemaphore(max_admitted) if max_admitted > 0 else None
        self._count_lock = threading.Lock()
        self.admitted = 0  # requests holding a place now
        self._interactive: ExtractionPool | None = None
        self._interactive_free: threading.Semaphore | None = None
        self._jobs: ExtractionPool | None = None

    def start(self, interactive: int, jobs: int) -> None:
        """Load and warm the models here, then fork `interactive` processes for requests and `jobs` for jobs.

        Call it before this process starts threads of its own work: a fork copies only the calling thread.
        """
        if interactive < 1 and jobs < 1:
            return
        warm_up()
        if interactive > 0:
            self._interactive = ExtractionPool(interactive)
            self._interactive_free = threading.Semaphore(interactive)
        if jobs > 0:
            self._jobs = ExtractionPool(jobs)

    def close(self) -> None:
        for pool in (self._interactive, self._jobs):
            if pool is not None:
                pool.close()
        self._interactive = self._jobs = None

    @property
    def pools(self) -> dict[str, ExtractionPool]:
        """The process pools by use ('interactive', 'jobs'); empty when extraction runs in this process."""
        return {name: pool for name, pool in (("interactive", self._interactive), ("jobs", self._jobs)) if pool}

    @contextmanager
    def admit(self) -> Iterator[None]:
        """Hold a place among the requests running or waiting for the pipeline; ExtractorBusy when none is free."""
        if self._admitted is not None and not self._admitted.acquire(blocking=False):
            raise ExtractorBusy(f"busy: {self.max_admitted} extractions are running or waiting; retry shortly")
        with self._count_lock:
            self.admitted += 1
        try:
            yield
        finally:
            with self._count_lock:
                self.admitted -= 1
            if self._admitted is not None:
                self._admitted.release()

    def warm_up(self) -> None:
        # Some models load lazily on the first document; one short text loads them all now.
        load_nlp()
        warm_up()

    def extract(self, data: bytes, filename: str | None = None, wait: float | None = None) -> MeetingRecord:
        """The record of one document; with `wait`, ExtractorBusy if the pipeline is not free within `wait` s."""
        pool, free = self._interactive, self._interactive_free
        gate = free if pool is not None and free is not None else self._lock
        if not (gate.acquire() if wait is None else gate.acquire(timeout=wait)):
            raise ExtractorBusy(f"busy: the pipeline was not free within {wait:g} s; retry shortly")
        try:
            return pool.run(data, filename).record if pool is not None else extract_bytes(data, filename)
        finally:
            gate.release()

    def run(self, data: bytes, filename: str | None, progress: Progress) -> Extraction:
        """The record and the read text, reporting each step to `progress` (a job shows them)."""
        if self._jobs is not None:
            return self._jobs.run(data, filename, progress)
        with self._lock:
            return extract_document(data, filename, progress)
