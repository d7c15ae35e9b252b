"""Page images of scans and PDFs: rendered once when a document is extracted, so the text can be checked by eye.

PNG at a screen's width, not the OCR's resolution: the image is for a person to read beside the text. A file
whose pages cannot be drawn (damaged in a way the reader tolerated) simply has none; its text still stands.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, ImageOps, ImageSequence

from pipelines.limits import limit
from pipelines.readers.pdf import MAX_PAGES

log = logging.getLogger(__name__)

# Wide enough for a page of small print to be read on a laptop screen, small enough for a page to stay ~150 KB.
WIDTH = 1100
PDF_DPI = 110
IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff", "image/*")


@dataclass(frozen=True)
class PageImage:
    page: int
    width: int
    height: int
    png: bytes


def has_pages(media_type: str) -> bool:
    return media_type == "application/pdf" or media_type.startswith("image/")


def render(data: bytes, media_type: str) -> list[PageImage]:
    """Every page as a PNG (up to KENESH_MAX_PAGES), or none when the file has no pages or cannot be drawn."""
    if not has_pages(media_type):
        return []
    max_pages = int(limit("MAX_PAGES", MAX_PAGES))
    try:
        images = _pdf(data, max_pages) if media_type == "application/pdf" else _image(data, max_pages)
        return [_png(number, image) for number, image in enumerate(images, 1)]
    except Exception as exc:  # a convenience for the eye: never a reason to fail the extraction
        log.warning("page images could not be drawn (%s: %s); the document keeps its text", type(exc).__name__, exc)
        return []


def _pdf(data: bytes, max_pages: int) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[index].render(scale=PDF_DPI / 72).to_pil() for index in range(min(len(pdf), max_pages))]
    finally:
        pdf.close()


def _image(data: bytes, max_pages: int) -> list[Image.Image]:
    with Image.open(io.BytesIO(data)) as image:
        frames = [frame.copy() for _, frame in zip(range(max_pages), ImageSequence.Iterator(image), strict=False)]
    return [ImageOps.exif_transpose(frame) or frame for frame in frames]


def _png(number: int, image: Image.Image) -> PageImage:
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image.width > WIDTH:
        image = image.resize((WIDTH, max(1, round(image.height * WIDTH / image.width))), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return PageImage(number, image.width, image.height, out.getvalue())
