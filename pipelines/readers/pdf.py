"""PDF: the text layer by pdfplumber, page by page; OCR for a page that has no usable text layer."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ClassVar

from pipelines.deadline import check_deadline
from pipelines.errors import CorruptDocument, EncryptedDocument, KeneshError, LimitExceeded
from pipelines.limits import limit
from pipelines.readers.base import SourceText
from pipelines.readers.layout import (
    Page,
    Paragraph,
    Word,
    drop_running_lines,
    group_lines,
    in_margin,
    join_pages,
    paragraphs,
    reading_order,
)
from pipelines.readers.ocr import ocr_page

# pdfplumber is imported where a PDF is read: every process imports the readers, few read a PDF, and importing
# it costs time and memory at every start.
if TYPE_CHECKING:
    from pdfplumber.page import Page as PdfPage

MAX_PAGES = 500
OCR_DPI = 300
# Fewer characters than this on a page is no text layer: a scan, maybe with a stamp or a page number.
MIN_PAGE_CHARS = 25
# A page mostly covered by pictures with little text on it is a scan with a few typed words on top.
SCAN_IMAGE_SHARE = 0.6
SCAN_MAX_CHARS = 200
# Glyphs without a Unicode mapping come out as "(cid:123)": such a layer is unreadable, OCR reads better.
MAX_CID_SHARE = 0.2


@contextmanager
def _parsing() -> Iterator[None]:
    """pdfminer's failures on a damaged file, as the user's error they are."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        yield
    except KeneshError:
        raise
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedDocument("the PDF is locked with a password") from exc
        raise CorruptDocument(f"damaged or truncated PDF ({_reason(cause)})") from exc
    except Exception as exc:  # a broken file can trip pdfminer anywhere; the file is at fault, not the reader
        raise CorruptDocument(f"damaged or truncated PDF ({_reason(exc)})") from exc


def _reason(exc: object) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:160] if text else type(exc).__name__


def _words(page: PdfPage) -> list[Word]:
    return [
        Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"], "bold" in w["fontname"].lower())
        for w in page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, use_text_flow=False)
    ]


def _needs_ocr(page: PdfPage, words: list[Word]) -> str | None:
    """Why this page is read by OCR, or None when its text layer will do."""
    chars = sum(len(w.text) for w in words)
    if chars < MIN_PAGE_CHARS:
        return "has no text layer"
    cid = sum(len(w.text) for w in words if "(cid:" in w.text)
    if cid > MAX_CID_SHARE * chars:
        return "has an unreadable text layer"
    if chars < SCAN_MAX_CHARS:
        area = float(page.width * page.height) or 1.0
        covered = sum(
            max(0.0, float(im["x1"] - im["x0"])) * max(0.0, float(im["bottom"] - im["top"])) for im in page.images
        )
        if covered >= SCAN_IMAGE_SHARE * area:
            return "is a scan with little text on it"
    return None


def _layout(words: list[Word], height: float) -> Page:
    """A text-layer page: its margin lines (header, footer) apart, the body in reading order."""
    lines = group_lines(words)
    margin = in_margin(lines, height)
    body = [w for i, line in enumerate(lines) if i not in margin for w in line.words]
    top = [line.text for i, line in enumerate(lines) if i in margin and line.top < height / 2]
    bottom = [line.text for i, line in enumerate(lines) if i in margin and line.top >= height / 2]
    page = Page()
    if top:
        page.paragraphs.append(Paragraph(top, margin=True))
    for block in reading_order(body):
        page.paragraphs.extend(paragraphs(block))
    if bottom:
        page.paragraphs.append(Paragraph(bottom, margin=True))
    return page


class PdfReader:
    name: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"

    def score(self, data: bytes) -> int:
        # The header may follow a few bytes of junk; readers of PDF accept it within the first kilobyte.
        return 10 if b"%PDF-" in data[:1024] else 0

    def read(self, data: bytes) -> SourceText:
        import pdfplumber

        max_pages = int(limit("MAX_PAGES", MAX_PAGES))
        pages: list[Page] = []
        warnings: list[str] = []
        with _parsing(), pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if count == 0:
                raise CorruptDocument("the PDF has no pages")
            if count > max_pages:
                raise LimitExceeded(f"{count} pages, over the limit of {max_pages} (KENESH_MAX_PAGES)")
            for number, pdf_page in enumerate(pdf.pages, 1):
                check_deadline(f"page {number}")
                words = _words(pdf_page)
                why = _needs_ocr(pdf_page, words)
                if why:
                    image = pdf_page.to_image(resolution=OCR_DPI).original
                    pages.append(ocr_page(image, number))
                    warnings.append(f"page {number} {why}; OCR used")
                else:
                    pages.append(_layout(words, float(pdf_page.height)))
                pdf_page.close()
        drop_running_lines(pages)
        text, starts = join_pages(pages)
        return SourceText(
            text=text,
            media_type=self.media_type,
            page_starts=starts,
            ocr=bool(warnings),
            warnings=tuple(warnings),
        )
