"""Plain text in UTF-8, UTF-16 (with BOM), CP1251 or KOI8-R, told apart from the bytes."""

from __future__ import annotations

import codecs
from typing import ClassVar

from pipelines.errors import DecodingError
from pipelines.readers.base import SourceText

# Below this share of letters, digits, punctuation and spaces, decoded bytes are not prose.
MIN_TEXT_SHARE = 0.85
SAMPLE_BYTES = 64_000
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _text_share(text: str) -> float:
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch.isalnum() or ch.isspace() or (ch.isprintable() and not ch.isalnum()))
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")
    return (good - bad) / len(text)


def _lowercase_share(text: str) -> float:
    """Share of lowercase among Cyrillic letters: prose is mostly lowercase, a wrong 8-bit table is not."""
    cyr = [ch for ch in text if "а" <= ch.lower() <= "я" or ch in "ёЁ"]
    if not cyr:
        return 0.0
    return sum(ch.islower() for ch in cyr) / len(cyr)


def decode(data: bytes) -> str:
    """Decode document bytes; the 8-bit Cyrillic tables are chosen by which one yields lowercase prose."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError(f"broken {encoding} text at byte {exc.start}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:SAMPLE_BYTES]
    candidates = []
    for encoding in ("cp1251", "koi8_r"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_lowercase_share(text), encoding))
    if not candidates:
        raise DecodingError("undecodable bytes: not UTF-8, CP1251 or KOI8-R")
    _, encoding = max(candidates)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodingError(f"undecodable bytes at {exc.start}: not UTF-8, CP1251 or KOI8-R") from exc


class PlainTextReader:
    name: ClassVar[str] = "text"
    media_type: ClassVar[str] = "text/plain"

    def score(self, data: bytes) -> int:
        sample = data[:SAMPLE_BYTES]
        if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return 0
        try:
            text = decode(sample)
        except DecodingError:
            # A cut multi-byte sequence at the sample's end is not a reason to refuse the file.
            text = sample.decode("utf-8", errors="ignore")
        return 1 if _text_share(text) >= MIN_TEXT_SHARE else 0

    def read(self, data: bytes) -> SourceText:
        text = decode(data)
        if _text_share(text[:SAMPLE_BYTES]) < MIN_TEXT_SHARE:
            raise DecodingError("the bytes decode to no readable text")
        return SourceText(text=text, media_type=self.media_type)
