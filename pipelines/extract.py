"""The whole path of one document: bytes → reader → cleaning → NLP → stages → meeting record."""

from __future__ import annotations

from pathlib import Path

from pipelines.assemble import assemble
from pipelines.cleaning import clean
from pipelines.errors import InputError
from pipelines.nlp import analyse
from pipelines.readers import read_bytes
from pipelines.record import MeetingRecord
from pipelines.stages import run_stages

# Larger inputs are refused up front: a meeting document is kilobytes, and NLP time grows with size.
MAX_INPUT_BYTES = 10 * 1024 * 1024


def extract_bytes(data: bytes, filename: str | None = None) -> MeetingRecord:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"too large: {len(data) / 2**20:.1f} MB, the limit is {MAX_INPUT_BYTES // 2**20} MB")
    source = read_bytes(data)
    cleaned = clean(source.text)
    doc = analyse(cleaned.text)
    findings = run_stages(doc)
    return assemble(findings, source, cleaned, data, filename)


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
