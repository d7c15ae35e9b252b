"""Readers turn a file's bytes into text: one module per format, chosen from the bytes, not the name."""

from __future__ import annotations

from pipelines.errors import InputError, UnsupportedFormat
from pipelines.readers.base import Reader, SourceText
from pipelines.readers.docx import DocxReader
from pipelines.readers.html import HtmlReader
from pipelines.readers.image import ImageReader
from pipelines.readers.pdf import PdfReader
from pipelines.readers.text import PlainTextReader

__all__ = ["READERS", "Reader", "SourceText", "read_bytes", "register"]

READERS: list[Reader] = [PlainTextReader(), PdfReader(), ImageReader(), DocxReader(), HtmlReader()]


def register(reader: Reader) -> Reader:
    """Make a reader available to `read_bytes` (later formats plug in here)."""
    READERS.append(reader)
    return reader


def read_bytes(data: bytes) -> SourceText:
    """Text of a document, read by the reader that scores these bytes highest."""
    if not data:
        raise InputError("the file is empty")
    scored = [(reader.score(data), index, reader) for index, reader in enumerate(READERS)]
    best_score, _, best = max(scored, key=lambda item: (item[0], -item[1]))
    if best_score <= 0:
        raise UnsupportedFormat("not a supported document format (binary data?)")
    return best.read(data)
