"""Page images of scans and PDFs: rendered once when a document is extracted, so the text can be checked by eye.

Grey PNG at a screen's width, not the OCR's resolution: the image is for a person to read beside the text.
Pixels are bounded per page (drawn at most WIDTH × MAX_HEIGHT whatever the page claims), pages by
KENESH_MAX_PAGES. A file whose pages cannot be drawn (damaged in a way the reader tolerated) simply has none;
its text still stands.
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
# A page is drawn at most this tall: a hostile PDF page of 200 × 20 000 inches is a strip, not a memory bomb.
MAX_HEIGHT = 4 * WIDTH
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
        images = []
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            width, height = page.get_size()  # points
            # Drawn at the width it is shown at, never larger: the pixels stay bounded whatever the page size says.
            scale = min(PDF_DPI / 72, WIDTH / max(width, 1.0), MAX_HEIGHT / max(height, 1.0))
            images.append(page.render(scale=scale).to_pil())
        return images
    finally:
        pdf.close()


def _image(data: bytes, max_pages: int) -> list[Image.Image]:
    with Image.open(io.BytesIO(data)) as image:
        frames = [frame.copy() for _, frame in zip(range(max_pages), ImageSequence.Iterator(image), strict=False)]
    return [ImageOps.exif_transpose(frame) or frame for frame in frames]


def _png(number: int, image: Image.Image) -> PageImage:
    # Grey: a page is read for its words, and a grey PNG is a half to a third of a colour one (~100–250 KB).
    if image.mode != "L":
        image = image.convert("L")
    if image.width > WIDTH or image.height > MAX_HEIGHT:
        image.thumbnail((WIDTH, MAX_HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG")
    return PageImage(number, image.width, image.height, out.getvalue())
