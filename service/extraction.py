"""The pipeline as the service runs it: one shared instance, one document at a time, with progress by stage."""

from __future__ import annotations

import threading
from importlib.metadata import PackageNotFoundError, version

from pipelines.extract import Extraction, Progress, extract_bytes, extract_document
from pipelines.nlp import load_nlp
from pipelines.readers import READERS
from pipelines.record import MeetingRecord

WARM_UP_TEXT = "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев в Бишкеке 21 сентября."


def pipeline_version() -> str | None:
    try:
        return version("kenesh")
    except PackageNotFoundError:
        return None


def detect_media_type(data: bytes) -> str | None:
    """The media type of the reader that would read these bytes, or None when none would (cheap: no reading)."""
    best_score, best = max(((reader.score(data), reader) for reader in READERS), key=lambda item: item[0])
    return best.media_type if best_score > 0 else None


class Extractor:
    """Runs documents through the pipeline, whose models are loaded once per process and shared.

    Calls are serialised: the pipeline's components keep caches that are not made for concurrent use, and
    the GIL gives CPU-bound threads no parallelism anyway. More throughput means more processes.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        # Some models load lazily on the first document; one short text loads them all now.
        load_nlp()
        self.extract(WARM_UP_TEXT.encode("utf-8"), "warm-up.txt")

    def extract(self, data: bytes, filename: str | None = None) -> MeetingRecord:
        with self._lock:
            return extract_bytes(data, filename)

    def run(self, data: bytes, filename: str | None, progress: Progress) -> Extraction:
        """The record and the read text, reporting each step to `progress` (a job shows them)."""
        with self._lock:
            return extract_document(data, filename, progress)
