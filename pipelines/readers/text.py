"""Plain text in UTF-8, UTF-16 (with BOM), CP1251 or KOI8-R, told apart from the bytes."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from typing import ClassVar

from pipelines.errors import DecodingError
from pipelines.readers.base import SourceText

# Below this share of letters, digits, punctuation and spaces, decoded bytes are not prose.
MIN_TEXT_SHARE = 0.85
SAMPLE_BYTES = 64_000
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Formats with a reader of their own (or none yet): never plain text, however their first bytes decode.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",  # zip: docx, xlsx, odt
    b"\xd0\xcf\x11\xe0",  # OLE: doc, xls
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"\x1f\x8b",  # gzip
    b"Rar!",
    b"7z\xbc\xaf",
)
# At least this many UTF-8 sequences, holding this share of the high bytes, in a file that is not UTF-8:
# UTF-8 and an 8-bit table mixed.
MIXED_SHARE = 0.2
MIXED_MIN_SEQUENCES = 10
# A well-formed UTF-8 multi-byte sequence; CP1251 and KOI8-R prose almost never forms one by chance.
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _text_share(text: str) -> float:
    if not text:
        return 0.0
    # Per distinct character (a text has a few hundred), not per character: this ran over every file.
    good = bad = 0
    for ch, count in Counter(text).items():
        if ch.isalnum() or ch.isspace() or ch.isprintable():
            good += count
        if (ord(ch) < 32 and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f":
            bad += count
    return (good - bad) / len(text)


def _lowercase_share(text: str) -> float:
    """Share of lowercase among Cyrillic letters: prose is mostly lowercase, a wrong 8-bit table is not."""
    cyr = [ch for ch in text if "а" <= ch.lower() <= "я" or ch in "ёЁ"]
    if not cyr:
        return 0.0
    return sum(ch.islower() for ch in cyr) / len(cyr)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 saved without a BOM: Cyrillic and ASCII all have a high byte of 0x04 or 0x00."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None

    def high_share(half: bytes) -> float:
        return (half.count(0) + half.count(4)) / len(half)

    if high_share(odd) > 0.95 and high_share(even) < 0.5:
        return "utf-16-le"
    if high_share(even) > 0.95 and high_share(odd) < 0.5:
        return "utf-16-be"
    return None


def _mostly_utf8(sample: bytes) -> bool:
    """Most non-ASCII bytes form UTF-8 sequences: UTF-8 with a few broken bytes, not an 8-bit table
    (which would decode it to mojibake without complaint)."""
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(sample))
    return high > 0 and in_sequences >= 0.8 * high


def _partly_utf8(sample: bytes) -> bool:
    """Many UTF-8 sequences, but too few for UTF-8 with a few broken bytes: UTF-8 and an 8-bit table mixed
    in one file (pasted together), which no single decoding reads right. Real CP1251 and KOI8-R prose forms
    a sequence by chance for under 1% of its high bytes."""
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    sequences = _UTF8_SEQUENCE.findall(sample)
    return len(sequences) >= MIXED_MIN_SEQUENCES and sum(map(len, sequences)) >= MIXED_SHARE * high


def decode(data: bytes) -> str:
    """Decode document bytes; the 8-bit Cyrillic tables are chosen by which one yields lowercase prose."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError(f"broken {encoding} text at byte {exc.start}") from exc
    sample = data[:SAMPLE_BYTES]
    utf16 = _utf16_without_bom(sample) if b"\x00" in sample else None
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise DecodingError(f"broken {utf16} text at byte {exc.start}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(sample):
            raise DecodingError(f"invalid UTF-8 at byte {exc.start}") from exc
        if _partly_utf8(sample):
            raise DecodingError(
                f"mixed encodings: UTF-8 and an 8-bit table (the UTF-8 breaks at byte {exc.start})"
            ) from exc
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
        if sample.startswith(_BINARY_MAGIC):
            return 0
        if sample.startswith(tuple(bom for bom, _ in _BOMS)):
            return 1  # a BOM says text; `read` tells what is wrong if it does not decode
        if (
            b"\x00" in sample
            and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            and not _utf16_without_bom(sample)
        ):
            return 0
        try:
            text = decode(sample)
        except DecodingError:
            # A cut multi-byte sequence at the sample's end is not a reason to refuse the file.
            text = sample.decode("utf-8", errors="ignore")
        return 1 if _text_share(text) >= MIN_TEXT_SHARE else 0

    def read(self, data: bytes) -> SourceText:
        text = decode(data)
        if "\x00" in text:
            # Sniffing refuses NUL bytes in the first 64 kB; past it they are binary data all the same, and
            # PostgreSQL cannot store a text that holds one.
            raise DecodingError(f"a NUL character at offset {text.index(chr(0))}: binary data inside the text")
        if _text_share(text[:SAMPLE_BYTES]) < MIN_TEXT_SHARE:
            raise DecodingError("the bytes decode to no readable text")
        return SourceText(text=text, media_type=self.media_type)
