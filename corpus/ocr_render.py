"""OCR'd twins of typed gold documents: each STEM.txt is printed to A4 page images (DejaVu Serif 10 pt
at 300 dpi, turned a little, with toner specks, blurred and thresholded to black and white as a
photocopy or a fax gives) and read back by Kenesh's own image reader
(tesseract `rus`, the `rus+eng` re-reading of unsure lines, the layout joins), so the text is what a
user's scan of that document would give. The gold STEM.json applies unchanged (the scorer compares
names, not spans), so the OCR'd set is scored against the typed set's own gold:

    python corpus/ocr_render.py ../shared/corpus-genre corpus/ocr/genre
    kenesh extract --jobs 1 --out /tmp/P corpus/ocr/genre/*.txt
    python ../shared/score.py ../shared/corpus-genre /tmp/P

Deterministic: the noise is seeded by the document's name, and tesseract is deterministic on one thread.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipelines.readers import read_bytes

DPI = 300
PAGE = (2480, 3508)  # A4 at 300 dpi
MARGIN = 295  # 2.5 cm: below the band where the reader looks for running headers
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
POINTS = 10
LEADING = 1.35
BLUR = 0.7
SKEW_DEGREES = 0.3
THRESHOLD = 110  # of 255: thin strokes break and close counters fill, as in a copy of a copy
SPECKS_PER_PAGE = 1500


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines as a word processor breaks them: each source line is a paragraph, filled word by word."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            if font.getlength(line + " " + word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def render(text: str, seed: str) -> list[Image.Image]:
    font = ImageFont.truetype(FONT, round(POINTS / 72 * DPI))
    step = round(POINTS / 72 * DPI * LEADING)
    per_page = (PAGE[1] - 2 * MARGIN) // step
    lines = _wrap(text, font, PAGE[0] - 2 * MARGIN)
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    pages = []
    for first in range(0, max(len(lines), 1), per_page):
        page = Image.new("L", PAGE, 255)
        draw = ImageDraw.Draw(page)
        for k, line in enumerate(lines[first : first + per_page]):
            draw.text((MARGIN, MARGIN + k * step), line, font=font, fill=20)
        for _ in range(SPECKS_PER_PAGE):  # dust and toner specks of a scanner glass
            x, y = rng.randrange(PAGE[0]), rng.randrange(PAGE[1])
            draw.point((x, y), fill=rng.randrange(60, 200))
        page = page.rotate(SKEW_DEGREES, resample=Image.Resampling.BICUBIC, fillcolor=255)
        page = page.filter(ImageFilter.GaussianBlur(BLUR)).point(lambda v: 0 if v < THRESHOLD else 255)
        pages.append(page)
    return pages


def ocr(text: str, seed: str) -> str:
    pages = render(text, seed)
    buffer = io.BytesIO()
    pages[0].save(
        buffer, format="TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(DPI, DPI)
    )
    return read_bytes(buffer.getvalue()).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="a gold set: STEM.txt + STEM.json")
    parser.add_argument("out", type=Path, help="where the OCR'd STEM.txt go (the gold stays in GOLD)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.gold.glob("*.txt")):
        (args.out / path.name).write_text(ocr(path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
        print(path.stem, file=sys.stderr)


if __name__ == "__main__":
    main()
