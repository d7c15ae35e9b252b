"""Page pictures — PNG, JPEG, TIFF (every page of a multi-page one) — read by tesseract OCR."""

from __future__ import annotations

import io
import warnings
from typing import ClassVar

from pipelines.deadline import check_deadline
from pipelines.errors import CorruptDocument, LimitExceeded
from pipelines.limits import limit
from pipelines.readers.base import SourceText
from pipelines.readers.layout import drop_running_lines, join_pages
from pipelines.readers.ocr import ocr_page
from pipelines.readers.pdf import MAX_PAGES

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
}
# A page scanned at 600 dpi is 35 million pixels; far more is a decompression bomb, not a page.
MAX_PIXELS = 80_000_000


def _media_type(data: bytes) -> str | None:
    return next((media for magic, media in _MAGIC.items() if data.startswith(magic)), None)


class ImageReader:
    name: ClassVar[str] = "image"
    media_type: ClassVar[str] = "image/*"

    def score(self, data: bytes) -> int:
        return 10 if _media_type(data) else 0

    def read(self, data: bytes) -> SourceText:
        # Pillow is imported where a picture is read: few processes read one (see `pdf`).
        from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

        media_type = _media_type(data) or self.media_type
        max_pixels = int(limit("MAX_PIXELS", MAX_PIXELS))
        max_pages = int(limit("MAX_PAGES", MAX_PAGES))
        try:
            with warnings.catch_warnings():
                # Pillow only warns between its limit and twice it; here the limit is ours, checked below.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:
            raise LimitExceeded(
                f"the image is over the limit of {max_pixels:,} pixels (KENESH_MAX_PIXELS): a decompression bomb"
            ) from exc
        except UnidentifiedImageError as exc:
            raise CorruptDocument("damaged or truncated image (its header is unreadable)") from exc
        except (OSError, ValueError, SyntaxError) as exc:
            raise CorruptDocument(f"damaged or truncated image ({' '.join(str(exc).split())[:120]})") from exc
        frames = getattr(image, "n_frames", 1)
        if frames > max_pages:
            raise LimitExceeded(f"{frames} pages, over the limit of {max_pages} (KENESH_MAX_PAGES)")
        pages = []
        notes = []
        for number, frame in enumerate(ImageSequence.Iterator(image), 1):
            check_deadline(f"page {number}")
            width, height = frame.size
            if width * height > max_pixels:
                raise LimitExceeded(
                    f"page {number} is {width}×{height} pixels, over the limit of {max_pixels:,} (KENESH_MAX_PIXELS)"
                )
            try:
                frame.load()
                # A phone photo is stored sideways with a note on how to turn it.
                picture = ImageOps.exif_transpose(frame.copy())
                if picture.mode not in ("1", "L", "RGB"):
                    picture = picture.convert("RGB")
            except (OSError, ValueError, SyntaxError) as exc:
                raise CorruptDocument(
                    f"damaged or truncated image, page {number} ({' '.join(str(exc).split())[:120]})"
                ) from exc
            pages.append(ocr_page(picture, number))
            notes.append(f"page {number} is an image; OCR used")
        drop_running_lines(pages)
        text, starts = join_pages(pages)
        return SourceText(text=text, media_type=media_type, page_starts=starts, ocr=True, warnings=tuple(notes))
