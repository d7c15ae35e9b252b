"""Tesseract OCR of one page picture, into the paragraphs `layout` joins (used by pdf.py and image.py)."""

from __future__ import annotations

import functools
import os
import re
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from models.alphabet import CYRILLIC_LETTER
from pipelines.deadline import seconds_left
from pipelines.errors import LimitExceeded, OcrUnavailable
from pipelines.limits import limit
from pipelines.readers.layout import HARD_BREAK, Line, Page, Paragraph, Word, broken_on_purpose, in_margin

# pytesseract and Pillow are imported where a page is read by OCR: every process imports the readers, few
# OCR a page, and importing them costs time and memory at every start.
if TYPE_CHECKING:
    from PIL import Image

# The first reading is Russian alone; lines with unsure words are read again with both languages.
LANGUAGES = "rus+eng"
# Below this, tesseract's word is noise (a speck, a stamp's edge) more often than text.
MIN_WORD_CONFIDENCE = 10.0
OCR_SECONDS_PER_PAGE = 120.0
# A Russian reading less sure than this may be a Latin word; a Latin re-reading must be this much surer.
SUSPECT_CONFIDENCE = 70.0
LATIN_MARGIN = 15.0
_SENTENCE_END = re.compile(r"[.!?:;…][»\"”)\]]*$")
_LOOKALIKES = frozenset("aceopxykACEHKMOPTXBY")
_LOOKALIKE_PAIRS = re.compile("JI|bI|bl")  # Л, Ы


def _environment() -> None:
    # Tesseract's OpenMP threads fight over two cores and make a page slower, not faster.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@functools.cache
def _config() -> str:
    """Tesseract's own choice of dot product on an AVX-512 machine sums in another order than its AVX2, FMA and SSE
    ones, which agree: the same scan read a word or two differently there, and its record changed with the machine
    (a corpus-dev scan lost an issue). Where AVX2 exists it is asked for by name, so every x86 machine reads alike at
    the same speed; without AVX2, tesseract's own choice is one of those that agree."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    return "-c dotproduct=avx2" if re.search(r"^flags\s*:.*\bavx2\b", flags, re.M) else ""


def _latin_word(text: str) -> bool:
    """A Latin reading that could be a real Latin word: with a letter that no Cyrillic one looks like.
    «CTH» or «JIAKOB» (Л as JI) is a Russian word misread, «Caritas» or «II» is not."""
    letters = _LOOKALIKE_PAIRS.sub("", text)
    return any(ch.isascii() and ch.isalpha() and ch not in _LOOKALIKES for ch in letters)


def _reread_for_latin(
    image: Image.Image, data: dict[str, list], kept: list[int], texts: dict[int, str], timeout: float
) -> None:
    """Russian alone reads Russian best («rus+eng» makes «Путин» «Пу-THH», «от» «OT»), but turns a
    Latin name into garbage of low confidence («Caritas» → «СагЦаз$»). Lines with such words are read
    again with both languages, and a Latin word replaces the Russian reading when it is surer."""
    import pytesseract

    by_line: dict[tuple[int, int, int], list[int]] = {}
    for k, i in enumerate(kept):
        # The rest of a word hyphenated at the line's end is Russian whatever its confidence.
        if k and texts[kept[k - 1]].endswith("-") and CYRILLIC_LETTER.search(texts[kept[k - 1]]):
            continue
        if float(data["conf"][i]) < SUSPECT_CONFIDENCE and any(ch.isalpha() for ch in texts[i]):
            by_line.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    for key, suspects in by_line.items():
        members = [i for i in kept if (data["block_num"][i], data["par_num"][i], data["line_num"][i]) == key]
        x0 = min(data["left"][i] for i in members)
        y0 = min(data["top"][i] for i in members)
        x1 = max(data["left"][i] + data["width"][i] for i in members)
        y1 = max(data["top"][i] + data["height"][i] for i in members)
        pad = max(4, (y1 - y0) // 3)
        box = (max(0, x0 - pad), max(0, y0 - pad), min(image.width, x1 + pad), min(image.height, y1 + pad))
        try:
            again = pytesseract.image_to_data(
                image.crop(box),
                lang=LANGUAGES,
                config=f"--psm 7 {_config()}".strip(),
                output_type=pytesseract.Output.DICT,
                timeout=timeout,
            )
        except (pytesseract.TesseractError, RuntimeError):
            continue  # the first reading stands
        words = [
            (again["left"][j] + box[0], again["left"][j] + again["width"][j] + box[0], again["text"][j].strip(), j)
            for j in range(len(again["text"]))
            if again["text"][j].strip()
        ]
        for i in suspects:
            left, right = data["left"][i], data["left"][i] + data["width"][i]
            best = max(((min(right, b) - max(left, a), text, j) for a, b, text, j in words), default=None)
            if best is None or best[0] <= 0.5 * (right - left):
                continue
            _, text, j = best
            if _latin_word(text) and float(again["conf"][j]) >= float(data["conf"][i]) + LATIN_MARGIN:
                texts[i] = text


def ocr_page(image: Image.Image, number: int) -> Page:
    """Paragraphs of one page as tesseract segmented it: blocks (columns, captions) in its reading
    order, paragraphs inside them, lines inside those."""
    import pytesseract

    _environment()
    timeout = limit("OCR_SECONDS_PER_PAGE", OCR_SECONDS_PER_PAGE)
    left = seconds_left()
    if left is not None:  # the document's own budget may end sooner than the page's
        timeout = max(1.0, min(timeout, left))
    try:
        data = pytesseract.image_to_data(
            image, lang="rus", config=_config(), output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"page {number} needs OCR and tesseract is not installed") from exc
    except pytesseract.TesseractError as exc:
        message = " ".join(str(exc.message).split())[:200]
        raise OcrUnavailable(f"OCR of page {number} failed: {message}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise LimitExceeded(f"OCR of page {number} took over {timeout:g} s (KENESH_OCR_SECONDS_PER_PAGE)") from exc
    # Keep unsure words too: a name glued to a link («Сноуден[http://…») reads with low confidence,
    # and dropping it loses the name; specks are words without a letter or digit.
    kept = [
        i
        for i, raw in enumerate(data["text"])
        if any(ch.isalnum() for ch in raw) or (raw.strip() and float(data["conf"][i]) >= MIN_WORD_CONFIDENCE)
    ]
    texts = {i: data["text"][i].strip() for i in kept}
    _reread_for_latin(image, data, kept, texts, timeout)
    rows: dict[tuple[int, int, int], list[int]] = {}
    for i in kept:
        rows.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    keys = list(rows)
    lines = [
        Line(
            [
                Word(
                    texts[i],
                    data["left"][i],
                    data["left"][i] + data["width"][i],
                    data["top"][i],
                    data["top"][i] + data["height"][i],
                )
                for i in rows[key]
            ]
        )
        for key in keys
    ]
    margin = in_margin(lines, float(image.height))
    page = Page()
    last: Paragraph | None = None  # the last paragraph of the block before, that block's bottom, last line, edge
    last_bottom, last_line, last_right = 0.0, None, 0.0
    blocks = [list(block) for _, block in groupby(range(len(keys)), key=lambda k: keys[k][0])]
    bodies = [[lines[k] for k in block if k not in margin] for block in blocks]
    text_right = _text_right([line for body in bodies for line in body], float(image.width))
    for index, members in enumerate(blocks):
        body = [k for k in members if k not in margin]
        page.paragraphs.extend(Paragraph([lines[k].text], margin=True) for k in members if k in margin)
        if not body:
            continue
        top = min(lines[k].top for k in body)
        # A block below the one before (not the top of the next column) begins after an empty line: the
        # block before ended its paragraph however far its last line reached («28.11.2024» over a
        # breadcrumb line wider than it is not a paragraph running on into the heading).
        # Its last line ended where the next block's first word would still have fit: its writer ended it there,
        # whatever the case of what follows («(фрагмент)» over «г. Ош 28 декабря 2022 г.»).
        if last is not None and top > last_bottom:
            last.open_end = False
            last.closed = last_line is not None and broken_on_purpose(last_line, lines[body[0]], last_right)
        others = [other for i, other in enumerate(bodies) if i != index]
        right = _column_right(bodies[index], others, text_right)
        page.paragraphs.extend(_block_paragraphs([keys[k][1] for k in body], [lines[k] for k in body], right))
        last, last_bottom = page.paragraphs[-1], max(lines[k].bottom for k in body)
        last_line, last_right = lines[body[-1]], right
    return page


# Body lines enough for their right edges to show where the page's text ends.
_MIN_LINES_FOR_EDGE = 8


def _text_right(lines: list[Line], page_width: float) -> float:
    """Where the page's full lines end: the right edge most body lines reach (a wide table or a stray speck
    beyond it does not move it); on a page of a few short lines, the left margin mirrored."""
    if not lines:
        return 0.0
    edges = sorted(line.x1 for line in lines)
    if len(edges) >= _MIN_LINES_FOR_EDGE:
        return edges[int(0.9 * (len(edges) - 1))]
    return max(edges[-1], page_width - min(line.x0 for line in lines))


def _column_right(body: list[Line], others: list[list[Line]], text_right: float) -> float:
    """The right edge a block's lines could have run to: the page's text edge, unless another block stands beside
    this one (a column): then its own widest line."""
    own = max(line.x1 for line in body)
    top, bottom = min(line.top for line in body), max(line.bottom for line in body)
    left = min(line.x0 for line in body)
    for other in others:
        if not other:
            continue
        beside = min(o.top for o in other) < bottom and max(o.bottom for o in other) > top
        if beside and (min(o.x0 for o in other) >= own or max(o.x1 for o in other) <= left):
            return own
    return max(own, text_right)


def _block_paragraphs(pars: list[int], lines: list[Line], right: float) -> list[Paragraph]:
    """Tesseract's paragraphs of one block, with its false breaks mended: it starts a paragraph after
    any short line. A break stands where the line before ends a sentence, or is short and the next
    begins with a capital (a heading, a list item)."""
    width = max(right - min(line.x0 for line in lines), 1.0)
    result = [Paragraph([lines[0].text], first_in_block=True)]
    for k in range(1, len(lines)):
        prev, line = lines[k - 1], lines[k]
        on_purpose = broken_on_purpose(prev, line, right)
        if pars[k] == pars[k - 1]:
            if on_purpose:
                result[-1].lines[-1] += HARD_BREAK
            result[-1].lines.append(line.text)
            continue
        ends = bool(_SENTENCE_END.search(prev.text))
        full = prev.x1 >= right - 0.1 * width
        if not ends and (prev.text.endswith("-") or (line.text[:1].islower() and not on_purpose) or full):
            result[-1].lines.append(line.text)
        else:
            result.append(Paragraph([line.text]))
    # (As full as a wrapped line can be: the next word, on the next page or column, did not fit.)
    result[-1].open_end = len(lines) > 1 and lines[-1].x1 >= right - 0.1 * width
    return result
