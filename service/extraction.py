"""The pipeline as the service runs it: one shared instance, one document at a time, with progress by stage."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from pipelines.assemble import assemble
from pipelines.cleaning import clean
from pipelines.extract import extract_bytes
from pipelines.findings import Findings
from pipelines.nlp import analyse, load_nlp
from pipelines.readers import READERS, read_bytes
from pipelines.record import MeetingRecord
from pipelines.stages import STAGES

Progress = Callable[[str, int], None]

WARM_UP_TEXT = "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев в Бишкеке 21 сентября."


@dataclass(frozen=True)
class Extraction:
    record: MeetingRecord
    text: str


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
        """What `extract_bytes` does, step by step so that a job can report each step, plus the read text."""
        with self._lock:
            progress("read", 5)
            source = read_bytes(data)
            progress("clean", 10)
            cleaned = clean(source.text)
            progress("nlp", 15)
            doc = analyse(cleaned.text)
            findings = Findings()
            for index, (name, stage) in enumerate(STAGES):
                progress(name, 40 + 50 * index // len(STAGES))
                findings = stage(doc, findings)
            progress("assemble", 90)
            record = assemble(findings, source, cleaned, data, filename)
        return Extraction(record=record, text=source.text)
