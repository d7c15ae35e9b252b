"""Page images: every page of a PDF or scan, at a bounded size whatever the file claims, or none at all."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from service.page_images import MAX_HEIGHT, WIDTH, render

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def _pdf(*sizes: tuple[float, float]) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for width, height in sizes:
        pdf.new_page(width, height)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def test_a_pdf_page_each_grey_and_readable() -> None:
    pages = render((FORMATS / "scanned" / "mbos-bishkek.pdf").read_bytes(), "application/pdf")
    assert [page.page for page in pages] == [1, 2]
    for page in pages:
        image = Image.open(io.BytesIO(page.png))
        assert image.format == "PNG" and image.mode == "L"
        assert (image.width, image.height) == (page.width, page.height)
        assert 800 <= image.width <= WIDTH  # an A4 page at about 110 dpi


def test_a_giant_page_is_drawn_small() -> None:
    # 200 × 200 inches and a 2 × 2 000 inch strip: at 110 dpi these would be 480 and 48 million pixels.
    pages = render(_pdf((14_400, 14_400), (144, 144_000)), "application/pdf")
    assert len(pages) == 2
    for page in pages:
        assert page.width <= WIDTH and page.height <= MAX_HEIGHT


def test_every_frame_of_a_tiff_and_nothing_for_text_or_garbage() -> None:
    frames = [Image.new("RGB", (3000, 1500), "white"), Image.new("RGB", (600, 800), "white")]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:])
    pages = render(out.getvalue(), "image/tiff")
    assert [(page.width, page.height) for page in pages] == [(WIDTH, WIDTH // 2), (600, 800)]
    assert render("Заседание совета.".encode(), "text/plain") == []
    assert render(b"%PDF-1.7 not really", "application/pdf") == []
