"""DOCX: the body's paragraphs and tables in the order they stand, by python-docx."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from pipelines.errors import CorruptDocument, InputError, LimitExceeded
from pipelines.limits import limit
from pipelines.readers.base import SourceText

# python-docx is imported where a DOCX is read: every process imports the readers, few read a DOCX, and
# importing it costs time and memory at every start.
if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# A meeting document unpacks to a few megabytes; far more from a small file is a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PACKING_RATIO = 200


def _check_archive(data: bytes) -> None:
    """Refuse a broken or bombing archive before python-docx unpacks anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise CorruptDocument(f"damaged or truncated DOCX (not a readable zip archive: {exc})") from exc
    if "word/document.xml" not in names:
        raise CorruptDocument("damaged DOCX: the archive has no word/document.xml")
    unpacked = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries) or 1
    max_unpacked = limit("MAX_UNPACKED_BYTES", MAX_UNPACKED_BYTES)
    if unpacked > max_unpacked or unpacked / packed > MAX_PACKING_RATIO:
        raise LimitExceeded(
            f"the DOCX unpacks to {unpacked / 2**20:.0f} MB from {packed / 2**20:.1f} MB: a zip bomb, refused"
        )


def _blocks(parent: Document | Table) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of the body in document order (python-docx lists them apart)."""
    from docx.document import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = parent.element.body if isinstance(parent, Document) else parent
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)


def _page_break(paragraph: Paragraph) -> str | None:
    """Where a hard page break puts this paragraph: "before" (it opens a page) or "after" (the next one
    does), None without one. Hard breaks are the only pages a DOCX itself knows about."""
    from docx.oxml.ns import qn

    ppr = paragraph._p.pPr
    if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
        return "before"
    seen_text = False
    for element in paragraph._p.iter(qn("w:t"), qn("w:br")):
        if element.tag == qn("w:t"):
            seen_text = seen_text or bool((element.text or "").strip())
        elif element.get(qn("w:type")) == "page":
            return "after" if seen_text else "before"
    return None


def _table_rows(table: Table) -> Iterator[str]:
    """A row per line, cells apart by a tab; a merged cell once; a nested table row by row."""
    from docx.text.paragraph import Paragraph

    for row in table.rows:
        cells: list[str] = []
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            parts = []
            for block in cell.iter_inner_content():
                if isinstance(block, Paragraph):
                    if block.text.strip():
                        parts.append(block.text.strip())
                else:
                    parts.extend(_table_rows(block))
            cells.append(" ".join(parts))
        if any(cells):
            yield "\t".join(cells)


class DocxReader:
    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def score(self, data: bytes) -> int:
        if not data.startswith(b"PK\x03\x04"):
            return 0
        # The archive's member names stand in its local headers in plain bytes: a damaged DOCX that the
        # zip module cannot open is still recognised, and refused with a precise reason.
        return 10 if b"word/document.xml" in data else 0

    def read(self, data: bytes) -> SourceText:
        import docx
        from docx.text.paragraph import Paragraph

        _check_archive(data)
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx and lxml fail many ways on a damaged part; the file is at fault
            raise CorruptDocument(f"damaged DOCX ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from exc
        pieces: list[str] = []
        starts = [0]
        length = 0  # of "\n\n".join(pieces)
        new_page = False
        for block in _blocks(document):
            if isinstance(block, Paragraph):
                text = block.text.strip()
                where = _page_break(block)
            else:
                text, where = "\n".join(_table_rows(block)), None
            new_page = new_page or where == "before"
            if text:
                start = length + 2 if pieces else 0
                if new_page and pieces:
                    starts.append(start)
                new_page = False
                pieces.append(text)
                length = start + len(text)
            new_page = new_page or where == "after"
        text = "\n\n".join(pieces)
        if not text:
            raise InputError("the DOCX has no text")
        return SourceText(
            text=text,
            media_type=self.media_type,
            page_starts=tuple(starts),
        )
