"""The whole path of one document: bytes → reader → cleaning → NLP → stages → meeting record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipelines.assemble import assemble
from pipelines.cleaning import clean
from pipelines.deadline import check_deadline, document_deadline
from pipelines.errors import InputError
from pipelines.findings import Findings
from pipelines.limits import MAX_INPUT_BYTES
from pipelines.nlp import analyse, load_models
from pipelines.readers import read_bytes
from pipelines.record import MeetingRecord
from pipelines.stages import STAGES

# Progress reports: (step name, percent done). The archive's jobs show them to the user.
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Extraction:
    """A document's record and the text its spans point into (for a PDF or a scan, the extracted text)."""

    record: MeetingRecord
    text: str


def _no_progress(_step: str, _percent: int) -> None:
    return None


def extract_document(data: bytes, filename: str | None = None, progress: Progress = _no_progress) -> Extraction:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"too large: {len(data) / 2**20:.1f} MB, the limit is {MAX_INPUT_BYTES // 2**20} MB")
    load_models()  # before the clock starts: loading is the process's, not the document's
    with document_deadline():
        progress("read", 5)
        source = read_bytes(data)
        check_deadline("cleaning")
        progress("clean", 10)
        cleaned = clean(source.text)
        progress("nlp", 15)
        doc = analyse(cleaned.text)
        findings = Findings()
        try:
            for index, (name, stage) in enumerate(STAGES):
                check_deadline(name)
                progress(name, 40 + 50 * index // len(STAGES))
                findings = stage(doc, findings)
        finally:
            # The stages keep views of the Doc in `user_data` (`pipelines.doc_views`, the positions index),
            # and the Spans among them hold the Doc: a cycle that only the garbage collector's full passes
            # free, which every Doc then waited for, its arrays and views making those passes longer.
            doc.user_data.clear()
        progress("assemble", 90)
        return Extraction(assemble(findings, source, cleaned, data, filename), source.text)


def extract_bytes(data: bytes, filename: str | None = None) -> MeetingRecord:
    return extract_document(data, filename).record


def extract_file(path: Path) -> MeetingRecord:
    """Like `extract_bytes`, with the file problems a user can make reported as `InputError`."""
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a directory, not a file")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputError(f"too large: {size / 2**20:.1f} MB, the limit is {MAX_INPUT_BYTES // 2**20} MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    return extract_bytes(data, filename=path.name)
