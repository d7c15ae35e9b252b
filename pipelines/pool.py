"""Extraction in worker processes forked after the models loaded: every core works, and the model memory is
shared copy-on-write instead of loaded again per process.

The pipeline is CPU-bound Python under the GIL, so threads give no parallelism: more throughput means more
processes. Forking a warmed parent (models loaded, caches filled by one extraction, objects frozen out of the
collector so that refcount writes touch few shared pages) makes a new process cost seconds less and hundreds
of MB less than loading the models in each.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.queues import SimpleQueue
from pathlib import Path
from typing import TypeVar

from pipelines.errors import KeneshError
from pipelines.extract import Extraction, Progress, extract_document, extract_file
from pipelines.nlp import load_nlp

log = logging.getLogger(__name__)

# What the first documents of a process load on their way (lexicons, grammars, the name tables), loaded here
# before the fork: otherwise every pool process loads them again for its own first documents. Between them
# the texts hold a meeting's title, a dateline, names with initials and with a patronymic, organizations and
# a place in Latin script.
WARM_UP_TEXTS = (
    "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев в Бишкеке 21 сентября.",
    "Бишкек, 21 сентября 2023 г.\n"
    "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев. "
    "Выступил министр труда Нурбек Сапарович Осмонов (Ministry of Labour, New York).",
)

T = TypeVar("T")

# The cyclic collector's thresholds (allocations for a young collection, then young collections per older
# one) in an extracting process: 700, 10, 10 by default.
GC_THRESHOLDS = (20_000, 20, 20)

# How soon a pool process notices its parent died.
PARENT_CHECK_SECONDS = 1.0
# How long a finished document waits for its last progress reports to be relayed (a database write each).
RELAY_SECONDS = 30.0


def default_processes() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0))


def warm_up() -> None:
    """Load every model and fill the caches the first document fills, then freeze the heap for forking."""
    # No cyclic collection while the models load: the heap grows by ~170k tracked objects (vocabularies,
    # grammars, spaCy's registries), nearly none of them garbage (~3.5k), and the collector's passes walked it
    # again and again, the full ones too (0.1 s of the 0.8 s start-up, serial before any fork).
    enabled = gc.isenabled()
    gc.disable()
    try:
        load_nlp()
        for text in WARM_UP_TEXTS:
            try:
                extract_document(text.encode("utf-8"), "warm-up.txt")
            except KeneshError as exc:  # a tiny KENESH_DOCUMENT_SECONDS: the models are loaded, the caches stay cold
                log.info("warm-up extraction cut short: %s", exc)
    finally:
        if enabled:
            gc.enable()
    # Objects alive now stay out of the cyclic collector: its passes would write to every one of them and
    # so copy the pages a forked process shares with its parent.
    gc.freeze()
    # A document makes hundreds of thousands of container objects (tokens' records, yargy states, parses),
    # nearly all freed by reference counting; at Python's default of a collection every 700 allocations the
    # collector's passes (over the caches too) cost 7-13% of an extraction's CPU (300 NEREL texts).
    gc.set_threshold(*GC_THRESHOLDS)


def settle() -> None:
    """Between two documents of an extracting process: collect the last document's garbage cycles, then move
    what survived it (the per-word caches' new entries) out of the collector's way.

    The caches grow with every new word (tens of thousands of readings per 300 texts); left in the oldest
    generation, each full collection walked all of them again (~1 s per 300 NEREL texts). Frozen, they cost
    nothing, and the collections during a document walk only that document's objects. The collection comes
    first so that no garbage cycle is frozen: what is frozen is alive, and freed by reference counting when
    a bounded cache evicts it.
    """
    gc.collect()
    gc.freeze()


class ProcessDied(Exception):
    """An extraction process stopped mid-document (killed, out of memory): its result is lost."""


# In a pool process: where progress reports go, to the parent's reader thread.
_reports: SimpleQueue | None = None


def _start_child(reports: SimpleQueue, parent: int) -> None:
    global _reports
    _reports = reports
    # Ctrl-C reaches the whole process group: the parent stops the batch, its children must not each print a
    # KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), name="kenesh-parent-watch", daemon=True).start()


def _exit_with(parent: int) -> None:
    """End this process when its parent is gone (killed): it would wait for work forever, holding its memory."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _extract_in_child(call: int, data: bytes, filename: str | None) -> Extraction:
    def progress(step: str, percent: int) -> None:
        if _reports is not None:
            _reports.put((call, step, percent))

    settle()
    try:
        return extract_document(data, filename, progress)
    finally:
        if _reports is not None:
            _reports.put((call, None, 0))  # the last report: the parent returns once it has relayed them all


@dataclass(frozen=True)
class FileOutcome:
    """What a pool process made of one file: the record's JSON, or a one-line error."""

    payload: str | None
    error: str | None


def _extract_file_in_child(path: Path, indent: int | None) -> FileOutcome:
    settle()
    try:
        record = extract_file(path)
    except KeneshError as exc:
        return FileOutcome(None, str(exc))
    return FileOutcome(record.model_dump_json(indent=indent), None)


def _size(path: Path) -> int:
    """The file's size in bytes; 0 for one that cannot be read (its process reports why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"]


class ExtractionPool:
    """`processes` pool processes forked from this warmed process; documents go to whichever is free.

    Build it before this process starts threads of its own work (a fork copies only the calling thread, and a
    lock another thread held at that moment would stay locked in the child). A process that dies takes only
    its document with it: the pool is forked anew from the parent, and the call raises ProcessDied.
    """

    def __init__(self, processes: int) -> None:
        if processes < 1:
            raise ValueError("an extraction pool needs at least one process")
        self.processes = processes
        self._context = multiprocessing.get_context("fork")
        self._progress: dict[int, Progress] = {}
        self._relayed: dict[int, threading.Event] = {}
        self._calls = itertools.count()
        self._lock = threading.Lock()
        self.pending = 0  # documents handed to the processes (`run`) and not finished
        self._executor = self._fork()

    def _fork(self) -> ProcessPoolExecutor:
        # A queue of reports per generation of processes: one killed while writing to it leaves its lock held.
        # (The reader of a broken generation stays blocked on its queue: one idle thread per process death.)
        self._reports: SimpleQueue = self._context.SimpleQueue()
        executor = ProcessPoolExecutor(
            self.processes, mp_context=self._context, initializer=_start_child, initargs=(self._reports, os.getpid())
        )
        # With 'fork', the executor starts all its processes at the first submit: do it now, not later from
        # whatever thread submits first.
        executor.submit(int).result()
        self._reader = threading.Thread(
            target=self._read_reports, args=(self._reports,), name="kenesh-pool-progress", daemon=True
        )
        self._reader.start()
        return executor

    def _read_reports(self, reports: SimpleQueue) -> None:
        while True:
            report = reports.get()
            if report is None:
                return
            call, step, percent = report
            if step is None:
                relayed = self._relayed.pop(call, None)
                if relayed is not None:
                    relayed.set()
                continue
            progress = self._progress.get(call)
            if progress is not None:
                try:
                    progress(step, percent)
                except Exception:  # a progress report is advisory: a failed write must not stop the reader
                    log.exception("progress report %s %d%% failed", step, percent)

    def _submit(self, fn: Callable[..., T], *args: object) -> tuple[ProcessPoolExecutor, Future[T]]:
        """The call's future, and the generation of processes it went to (to replace only that one if broken)."""
        with self._lock:
            try:
                return self._executor, self._executor.submit(fn, *args)
            except BrokenProcessPool:
                self._replace(self._executor)
                return self._executor, self._executor.submit(fn, *args)

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Fork a new pool for the broken one (once, whoever notices first); the caller holds the lock."""
        if self._executor is broken:
            log.warning("an extraction process died; forking the pool anew")
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = self._fork()

    def _result(self, submitted: tuple[ProcessPoolExecutor, Future[T]]) -> T:
        executor, future = submitted
        try:
            return future.result()
        except BrokenProcessPool:
            with self._lock:
                self._replace(executor)
            raise ProcessDied("the extraction process stopped mid-document (out of memory?)") from None

    def run(self, data: bytes, filename: str | None = None, progress: Progress | None = None) -> Extraction:
        """`extract_document` in a pool process; its progress reports are relayed to `progress` here, all of
        them before this returns (a late one must not move a finished job's progress back)."""
        call = next(self._calls)
        relayed = threading.Event()
        if progress is not None:
            self._progress[call] = progress
            self._relayed[call] = relayed
        submitted = self._submit(_extract_in_child, call, data, filename)
        with self._lock:
            self.pending += 1
        try:
            try:
                extraction = self._result(submitted)
            except ProcessDied:
                raise
            except BaseException:  # the pipeline's error: its reports came before it
                if progress is not None:
                    relayed.wait(RELAY_SECONDS)
                raise
            if progress is not None:
                relayed.wait(RELAY_SECONDS)
            return extraction
        finally:
            with self._lock:
                self.pending -= 1
            self._progress.pop(call, None)
            self._relayed.pop(call, None)

    def extract_files(self, paths: Iterable[Path], indent: int | None) -> Iterator[FileOutcome]:
        """Each file's outcome, in the order of `paths`, while the pool works ahead on the next ones.

        The largest files go first: a process takes the next file when it finishes one, so the batch ends on
        the smallest files and no process is left extracting a large one alone while the others wait."""
        paths = list(paths)
        largest_first = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))  # stable: ties keep their order
        pending = {i: self._submit(_extract_file_in_child, paths[i], indent) for i in largest_first}
        for i in range(len(paths)):
            yield self._result(pending.pop(i))

    @property
    def pids(self) -> list[int]:
        """The pool's processes, for monitoring (their memory) and for tests that stop or kill one."""
        return [process.pid for process in self._executor._processes.values() if process.pid is not None]

    def blas_threads(self) -> list[int]:
        """The BLAS thread counts a pool process runs with (what OPENBLAS_NUM_THREADS made of them)."""
        return self._result(self._submit(_blas_threads))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._reports.put(None)
        self._reader.join()
