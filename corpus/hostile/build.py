#!/usr/bin/env python3
"""Build a corpus of hostile inputs: files made to crash, hang or exhaust a document reader.

    python3 corpus/hostile/build.py OUT [--small]

Every file is made here from bytes (nothing downloaded, nothing large committed); the test
tests/service/test_hostile.py builds the corpus at test time and sends each file to `POST /v1/extract`,
`POST /v1/documents` and `kenesh extract`. Each is listed in `CORPUS` with the answer it must get:
a 4xx (the HTTP codes allowed) with one line, or a 200 for the weird but valid texts, whose spans must
still point into the text.

`--small` leaves out the 100 MB text (the only slow one to write).
"""

from __future__ import annotations

import argparse
import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
SAMPLE = "mbos-bishkek"

# A short meeting text that the pipeline reads to a record with persons, an organization and a place.
MEETING = (
    "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев в Бишкеке 21 сентября 2023 года.\n"
    "С докладом выступила С.Н. Баштовенко, президент ОО «Ресурсный центр для пожилых».\n"
)


@dataclass(frozen=True)
class Hostile:
    """One hostile file: what it is, the name it is sent under, and the answers it may get."""

    name: str  # the file name in the corpus folder
    what: str
    make: Callable[[], bytes]
    statuses: frozenset[int]  # POST /v1/extract: 200 only for valid text, else the 4xx codes allowed
    upload_name: str | None = None  # the name it is uploaded under, when not `name`
    large: bool = False
    slow: bool = False  # runs into the document time limit: sent with a short KENESH_DOCUMENT_SECONDS

    @property
    def refused(self) -> bool:
        return 200 not in self.statuses


# --- PDF ---------------------------------------------------------------------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF with these objects (1 is the catalog) and a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = _stream(b"BT /F1 12 Tf 72 720 Td (Meeting of the council on migration, Bishkek) Tj ET")


def recursive_page_tree() -> bytes:
    """The page tree lists itself among its own kids: a reader that follows it naively never ends."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            _TEXT,
            _FONT,
        ]
    )


def recursive_objects() -> bytes:
    """A page whose contents array holds itself, whose resources are their own font, and whose page
    inherits from a parent that is the page itself."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
            b"[4 0 R 4 0 R]",
            b"<< /Font << /F1 5 0 R >> /XObject << /X 5 0 R >> >>",
        ]
    )


def encrypted_pdf() -> bytes:
    # Made by qpdf with a user password (corpus/fixtures/build.py): a password-locked document.
    return (FIXTURES / "bad" / "encrypted.pdf").read_bytes()


def truncated_pdf() -> bytes:
    data = (FIXTURES / "pdf" / f"{SAMPLE}.pdf").read_bytes()
    return data[: len(data) // 2]


# --- DOCX and images -----------------------------------------------------------------------------------------


def _docx(document_xml: bytes, *, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal DOCX around this word/document.xml."""
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
        b'"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        b'document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", level) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zip_bomb_docx() -> bytes:
    """A DOCX whose document.xml unpacks to 512 MB (a paragraph, then spaces): half a MB on disk."""
    head = b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body><w:p><w:r><w:t>"
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head + MEETING.encode())
            block = b" " * (16 * 2**20)
            for _ in range(32):
                part.write(block)
            part.write(tail)
        archive.writestr("[Content_Types].xml", b"<Types/>")
    return buffer.getvalue()


def entity_bomb_docx() -> bytes:
    """ "Billion laughs": XML entities that expand to gigabytes if a parser resolves them."""
    entities = b'<!ENTITY a0 "ha">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, (b"&a%d;" % (i - 1)) * 10) for i in range(1, 10)
    )
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [' + entities + b"]><w:document " + _W + b">"
        b"<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx(xml)


def _png(width: int, height: int, rows: int) -> bytes:
    """A 1-bit PNG that declares width×height pixels and carries `rows` rows of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * rows, 9))


def decompression_bomb_png() -> bytes:
    """100 000 × 100 000 pixels (10 gigapixels, over a GB unpacked) in a few hundred bytes."""
    return _png(100_000, 100_000, rows=16)


def large_png_under_pillows_limit() -> bytes:
    """9 500 × 9 500 pixels: under Pillow's own bomb error, over Kenesh's page limit (80 megapixels)."""
    return _png(9_500, 9_500, rows=16)


# --- text and HTML -------------------------------------------------------------------------------------------


def text_100mb() -> bytes:
    text = (ROOT.parent / "shared" / "corpus-dev" / f"{SAMPLE}.txt").read_bytes()
    return text * (100 * 2**20 // len(text) + 1)


def long_text() -> bytes:
    """Valid prose, but 2 MB of it (about 1.1M characters): half a minute of NLP on a quiet machine, stopped by a short
    document time limit. (600 kB took 9 s, too close to a limit that small files must stay within on a loaded one.)"""
    text = (ROOT.parent / "shared" / "corpus-dev" / f"{SAMPLE}.txt").read_bytes()
    return text * (2000 * 1024 // len(text))


def deep_html() -> bytes:
    """200 000 nested elements around the article: parsers that recurse per level overflow their stack."""
    depth = 200_000
    return (
        b"<!DOCTYPE html><html><head><title>Deep</title></head><body>"
        + b"<div>" * depth
        + b"<p>"
        + MEETING.encode()
        + b"</p>"
        + b"</div>" * depth
        + b"</body></html>"
    )


def nul_bytes() -> bytes:
    return MEETING.encode() + b"\x00" * 64 + MEETING.encode()


def nul_after_sample() -> bytes:
    """NUL bytes after the first 64 kB that the format is sniffed from: the reader sees them only later."""
    return MEETING.encode() * 500 + b"\x00" * 16 + MEETING.encode()


def mixed_encodings() -> bytes:
    """One paragraph in UTF-8, the next in CP1251: no single decoding is right."""
    return MEETING.encode("utf-8") + MEETING.encode("cp1251") + MEETING.encode("koi8_r", errors="replace")


def rtl_and_zero_width() -> bytes:
    """Valid UTF-8 with bidirectional overrides, marks, zero-width characters and Arabic and Hebrew words."""
    text = (
        "\u202eЗаседание\u202c Совета\u200b по вопросам миграции открыл председатель Н.\u200dС. Базар\u00adбаев "
        "в Бишкеке\u200f 21 сентября 2023 года.\n"
        "\u2067مجلس الهجرة\u2069 и \u05de\u05d5\u05e2\u05e6\u05d4 приветствовали\ufeff участников.\u200e\n"
        "С докладом выступила С.Н.\u2060Баштовенко, президент ОО «Ресурсный центр для пожилых».\n"
    )
    return text.encode("utf-8")


def path_traversal_name() -> bytes:
    return MEETING.encode()


# A page tree or object that refers to itself is cut where it loops (pdfminer keeps track): the page is read.
_READ = frozenset({200})
CORPUS: tuple[Hostile, ...] = (
    Hostile("encrypted.pdf", "PDF locked with a user password", encrypted_pdf, frozenset({422})),
    Hostile("truncated.pdf", "the first half of a real PDF", truncated_pdf, frozenset({422})),
    Hostile("recursive-pages.pdf", "page tree that is its own kid", recursive_page_tree, _READ),
    Hostile("recursive-objects.pdf", "contents, resources, parent refer to themselves", recursive_objects, _READ),
    Hostile("zip-bomb.docx", "DOCX unpacking to 512 MB", zip_bomb_docx, frozenset({413})),
    Hostile("entity-bomb.docx", "DOCX with billion-laughs XML entities", entity_bomb_docx, frozenset({413, 422})),
    Hostile("decompression-bomb.png", "PNG of 100 000 × 100 000 pixels", decompression_bomb_png, frozenset({413})),
    Hostile("large-page.png", "PNG of 9 500 × 9 500 pixels", large_png_under_pillows_limit, frozenset({413})),
    Hostile("100mb.txt", "100 MB of text", text_100mb, frozenset({413}), large=True),
    Hostile("long.txt", "2 MB of real prose, under a short time limit", long_text, frozenset({413}), slow=True),
    Hostile("deep.html", "200 000 nested <div>s", deep_html, frozenset({422})),
    Hostile("nul-bytes.txt", "NUL bytes in a text", nul_bytes, frozenset({415})),
    Hostile("nul-after-sample.txt", "NUL bytes after the first 64 kB", nul_after_sample, frozenset({422})),
    Hostile("mixed-encodings.txt", "UTF-8, CP1251 and KOI8-R paragraphs", mixed_encodings, frozenset({422})),
    Hostile(
        "rtl-zero-width.txt",
        "bidi overrides, zero-width characters, Arabic, Hebrew",
        rtl_and_zero_width,
        _READ,
    ),
    Hostile(
        "etc-passwd.txt",
        "a valid text uploaded as ../../etc/passwd",
        path_traversal_name,
        _READ,
        upload_name="../../etc/passwd",
    ),
)


def build(out: Path, *, small: bool = False) -> dict[str, Path]:
    """Write the corpus into `out`; returns each file's path by its corpus name."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for item in CORPUS:
        if small and item.large:
            continue
        path = out / item.name
        if not path.exists():  # a corpus built before is reused (the 100 MB text takes a moment)
            path.write_bytes(item.make())
        paths[item.name] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus into")
    parser.add_argument("--small", action="store_true", help="leave out the 100 MB text")
    args = parser.parse_args(argv)
    for name, path in build(args.out, small=args.small).items():
        print(f"{path.stat().st_size:>12,}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
