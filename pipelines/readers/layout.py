"""Page layout shared by the PDF and OCR readers: words → lines → columns → paragraphs → one text.

Not a format of its own: `pdf.py` feeds it words with coordinates from a text layer, `ocr.py` the
paragraphs tesseract found. What both need is the same: read columns in order, drop what repeats on
every page (running headers and footers, page numbers), and join the pages into one text whose offsets
the record's spans point into, with the offset where each page begins.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

# A line ends a sentence or a heading-like unit: the next block or page starts a new paragraph.
_TERMINAL = re.compile(r"[.!?:;…][»\"”)\]]*$")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
# Soft and non-breaking hyphens some producers put at a hyphenated line end: the cleaning stage knows "-".
_LINE_END_HYPHENS = str.maketrans({"\u00ad": "-", "\u2010": "-", "\u2011": "-"})
_PAGE_NUMBER = re.compile(
    r"(?i)^[\s\-–—]*(?:(?:стр\.?|страница|с\.|page)\s*)?\d{1,4}(?:\s*(?:из|/|of)\s*\d{1,4})?[\s\-–—]*$"
)
# How many lines at the top and at the bottom of a page can be a running header or footer.
_EDGE_LINES = 2
# Share of the page's height at the top and at the bottom where headers and footers live: Word and
# LibreOffice put them 1.25 cm from the edge, body text starts at 2 cm or more.
MARGIN_BAND = 0.07


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0
    bold: bool = False


@dataclass
class Line:
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size or (w.bottom - w.top) for w in self.words)


@dataclass
class Paragraph:
    """Lines of one paragraph as they were laid out; `open_end`: the last line runs to the right edge
    of its column, so the paragraph may go on in the next column or page."""

    lines: list[str]
    open_end: bool = False
    first_in_block: bool = False
    # (size, bold) of the first and the last line: a heading does not run on into body text.
    style: tuple[tuple[float, bool], tuple[float, bool]] | None = None
    # Alone in the page's top or bottom margin: a header or footer even where nothing repeats.
    margin: bool = False
    # Its writer ended it (OCR: a block began below it): the next block starts a paragraph, whatever its case.
    closed: bool = False


@dataclass
class Page:
    paragraphs: list[Paragraph] = field(default_factory=list)


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Words on the same baseline (by vertical overlap), top to bottom, each line left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        if lines:
            last = lines[-1]
            height = min(word.bottom - word.top, last.bottom - last.top) or 1.0
            overlap = min(word.bottom, last.bottom) - max(word.top, last.top)
            if overlap >= 0.5 * height:
                last.words.append(word)
                continue
        lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def in_margin(lines: Sequence[Line], page_height: float) -> set[int]:
    """Indexes of lines alone in the top or bottom margin of a page: running headers and footers,
    caught even on a one-page document, where nothing repeats. A header of up to three lines counts
    when it begins in the outer band and stands apart from the body by more than one and a half line."""
    band = MARGIN_BAND * page_height
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    found: set[int] = set()
    for sequence, outside in (
        (order, lambda line: line.top < band),
        (order[::-1], lambda line: line.bottom > page_height - band),
    ):
        if not sequence or not outside(lines[sequence[0]]):
            continue
        group = [sequence[0]]
        for index in sequence[1:]:
            a, b = lines[group[-1]], lines[index]
            height = max(a.bottom - a.top, 1.0)
            if min(abs(b.top - a.bottom), abs(a.top - b.bottom)) > 1.5 * height:
                if len(group) < len(sequence):
                    found.update(group)
                break
            if len(group) == 3:
                break
            group.append(index)
    return found


def _gutter(lines: Sequence[Line]) -> tuple[float, float] | None:
    """A vertical band free of words in nearly every line, with text filling the column on its left:
    the space between two columns. A two-column list of names and posts is ragged on the left of its
    band, so it is not taken for columns (its rows belong together)."""
    words = [w for line in lines for w in line.words]
    if len(lines) < 6 or len(words) < 30:
        return None
    left, right = min(w.x0 for w in words), max(w.x1 for w in words)
    width = right - left
    if width <= 0:
        return None
    start, stop = int(left), int(right) + 1
    coverage = [0] * (stop - start)
    for line in lines:
        covered = set()
        for w in line.words:
            covered.update(range(int(w.x0) - start, int(w.x1) - start + 1))
        for x in covered:
            coverage[x] += 1
    # Titles, running headers and footers may cross the gutter; a single column's text crosses any
    # band in the middle on nearly every line.
    allowed = max(2, len(lines) // 4)
    lo, hi = int(left + 0.2 * width) - start, int(left + 0.8 * width) - start
    best: tuple[int, int] | None = None
    run_start = None
    for x in range(lo, hi + 1):
        free = x < hi and coverage[x] <= allowed
        if free and run_start is None:
            run_start = x
        elif not free and run_start is not None:
            if best is None or x - run_start > best[1] - best[0]:
                best = (run_start, x)
            run_start = None
    if best is None or best[1] - best[0] < max(6.0, 0.015 * width):
        return None
    g0, g1 = best[0] + start, best[1] + start
    crossing = [line for line in lines if any(w.x0 < g0 and w.x1 > g1 for w in line.words)]
    left_ends = [
        max((w.x1 for w in line.words if w.x1 <= g0 + 1), default=0.0) for line in lines if line not in crossing
    ]
    left_ends = [x for x in left_ends if x > 0]
    right_count = sum(1 for line in lines if line not in crossing and line.x1 >= g1)
    if len(left_ends) < 3 or right_count < 3:
        return None
    # Column text fills its column: most of its lines end close to the gutter.
    edge = max(left_ends)
    if statistics.median(edge - x for x in left_ends) > 0.15 * (edge - left):
        return None
    return g0, g1


def _crosses(line: Line, gutter: tuple[float, float]) -> bool:
    """The line runs across the gutter: a word in it, or words on both sides no further apart than
    words in a line are (a title whose space falls where the gutter is)."""
    g0, g1 = gutter
    if any(w.x0 < g1 - 1 and w.x1 > g0 + 1 for w in line.words):
        return True
    before = [w.x1 for w in line.words if w.x1 <= g0 + 1]
    after = [w.x0 for w in line.words if w.x0 >= g1 - 1]
    return bool(before and after) and min(after) - max(before) < 0.6 * (g1 - g0)


def reading_order(words: Sequence[Word], depth: int = 0) -> list[list[Line]]:
    """Blocks of lines in reading order: a page in columns gives a block per column, in order, with
    lines that cross the gutter (a title over both columns, a footer) as blocks of their own between."""
    lines = group_lines(words)
    gutter = _gutter(lines) if depth < 2 else None
    if gutter is None:
        return [lines] if lines else []
    middle = (gutter[0] + gutter[1]) / 2
    blocks: list[list[Line]] = []
    left: list[Word] = []
    right: list[Word] = []

    def flush() -> None:
        blocks.extend(reading_order(left, depth + 1))
        blocks.extend(reading_order(right, depth + 1))
        left.clear()
        right.clear()

    spanning: list[Line] | None = None
    for line in lines:
        if _crosses(line, gutter):
            if spanning is None or left or right:
                flush()
                spanning = [line]
                blocks.append(spanning)
            else:
                spanning.append(line)  # a title of several lines over both columns is one block
            continue
        for w in line.words:
            (left if w.x1 <= middle else right).append(w)
    flush()
    return [block for block in blocks if block]


def broken_on_purpose(prev: Line, line: Line, right: float) -> bool:
    """A line that stops where the next line's first word would still have fit was ended by its writer, not wrapped
    by the page: a letterhead's lines, «г. Ош … 28 декабря 2022 г.» under a title, a crawler's date under a
    breadcrumb, which tesseract and a PDF's spacing keep in one paragraph. (A hyphenated end is a wrap.)"""
    if prev.text.endswith("-") or not line.words:
        return False
    first = line.words[0]
    space = (prev.x1 - prev.x0) / max(len(prev.text), 1)
    return prev.x1 + 2 * space + (first.x1 - first.x0) < right


def paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """Lines of one column split into paragraphs: by space between them, a change of font size, a
    first-line indent, or a short line that ends a sentence."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = max(right - left, 1.0)
    steps = [b.top - a.top for a, b in pairwise(lines) if b.top > a.top]
    pitch = statistics.median(steps) if steps else 1.2 * lines[0].size
    result = [Paragraph([lines[0].text], first_in_block=True)]
    firsts = [lines[0]]
    for prev, line in pairwise(lines):
        # A sentence's end before a lower-case word is not one: «…/watch?» wrapped before a link's «v=…» that did not
        # fit, «т. е.» at a line's end.
        ends_sentence = bool(_TERMINAL.search(prev.text)) and not (
            prev.text.endswith((".", "?", "!", "…")) and line.text[:1].islower()
        )
        new = (
            line.top - prev.top > 1.3 * pitch
            or abs(line.size - prev.size) > 0.1 * max(prev.size, 1.0)
            or line.bold != prev.bold
            or (ends_sentence and line.x0 - left > 0.03 * width and line.x0 - prev.x0 > 0.03 * width)
            or (ends_sentence and prev.x1 < right - 0.15 * width)
        )
        if new:
            result[-1].open_end = prev.x1 >= right - 0.05 * width
            result[-1].style = (_style(firsts[-1]), _style(prev))
            result.append(Paragraph([line.text]))
            firsts.append(line)
        else:
            if broken_on_purpose(prev, line, right):
                result[-1].lines[-1] += HARD_BREAK
            result[-1].lines.append(line.text)
    # One line alone says nothing about where its column's right edge is.
    result[-1].open_end = len(lines) > 1 and lines[-1].x1 >= right - 0.05 * width
    result[-1].style = (_style(firsts[-1]), _style(lines[-1]))
    return result


def _style(line: Line) -> tuple[float, bool]:
    return round(line.size), line.bold


def _fingerprint(line: str) -> str:
    """A running header or footer with its page number left out: "Стр. 3 из 7" ≈ "Стр. 4 из 7"."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _edges(page: Page) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(paragraph, line) positions of the first and the last lines of a page."""
    positions = [(p, i) for p, para in enumerate(page.paragraphs) for i in range(len(para.lines))]
    return positions[:_EDGE_LINES], positions[-_EDGE_LINES:][::-1]


def drop_running_lines(pages: list[Page]) -> int:
    """Remove page numbers, the headers and footers repeated on most pages and the lines alone in a
    page's margin; how many lines went. A header that sits in the margin on one page and runs into the
    body on another is still seen as repeated, so margin lines count before they go."""
    counts: Counter[tuple[str, str]] = Counter()
    for page in pages:
        tops, bottoms = _edges(page)
        seen = set()
        for where, positions in (("top", tops), ("bottom", bottoms)):
            for p, i in positions:
                seen.add((where, _fingerprint(page.paragraphs[p].lines[i])))
        counts.update(seen)
    needed = max(2, (len(pages) + 1) // 2)
    dropped = 0
    for page in pages:
        tops, bottoms = _edges(page)
        doomed = set()
        for where, positions in (("top", tops), ("bottom", bottoms)):
            for p, i in positions:
                line = page.paragraphs[p].lines[i]
                if (
                    page.paragraphs[p].margin
                    or _PAGE_NUMBER.match(line)
                    or counts[(where, _fingerprint(line))] >= needed
                ):
                    doomed.add((p, i))
        doomed.update((p, i) for p, para in enumerate(page.paragraphs) if para.margin for i in range(len(para.lines)))
        if not doomed:
            continue
        dropped += len(doomed)
        kept = []
        for p, para in enumerate(page.paragraphs):
            para.lines = [line for i, line in enumerate(para.lines) if (p, i) not in doomed]
            if para.lines:
                kept.append(para)
            elif para.first_in_block and p + 1 < len(page.paragraphs):
                # A header was its block's only paragraph: the next paragraph now opens a block.
                page.paragraphs[p + 1].first_in_block = True
        page.paragraphs = kept
    return dropped


def _glue(before: str, after: str) -> str:
    """What joins two lines of one paragraph. After a hyphen, a capital letter says compound
    («Нью-» + «Йорк»): joined as it is spelt. Else the hyphen and the break stay, and the cleaning
    stage tells a hyphenated word («миг-\nрации») from a compound («стран-\nучастниц») with the offset
    map kept."""
    if _HYPHEN_END.search(before) and after[:1].isalpha():
        return "" if before[-2].islower() and after[0].isupper() else "\n"
    return " "


def _case_of_rest(before: str, after: str) -> str:
    """OCR reads the short rest of a hyphenated word alone on a line in capitals («Пу-» + «ТИН.»):
    after a lower-case half, a capitalised word of two letters or more is the word's lower-case rest."""
    if not (_HYPHEN_END.search(before) and before[-2].islower()):
        return after
    head, _, tail = after.partition(" ")
    letters = [ch for ch in head if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return " ".join(filter(None, (head.lower(), tail))) if tail else head.lower()
    return after


# Ends a line its writer ended inside a paragraph (a letterhead's lines, a title over its date): kept as a line break.
HARD_BREAK = "\n"


def join_lines(lines: Sequence[str]) -> str:
    """One paragraph's lines as running text, a line ended by its writer (`HARD_BREAK`) as its own line."""
    text = ""
    hard = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line[-1] in "\u00ad\u2010\u2011":
            line = line.translate(_LINE_END_HYPHENS)
        if text and not hard:
            line = _case_of_rest(text, line)
        text = line if not text else text + ("\n" if hard else _glue(text, line)) + line
        hard = raw.endswith(HARD_BREAK)
    return text


def _continues(prev: Paragraph, prev_text: str, nxt: Paragraph, text: str) -> bool:
    """The first paragraph of a column or page goes on with the last one of the column before."""
    if _HYPHEN_END.search(prev_text):
        return True
    if prev.closed or _TERMINAL.search(prev_text):
        return False
    if prev.style and nxt.style and prev.style[1] != nxt.style[0]:
        return False
    return text[:1].islower() or prev.open_end


def join_pages(pages: Sequence[Page]) -> tuple[str, tuple[int, ...]]:
    """The text of all pages, paragraphs apart by a blank line, and the offset where each page begins.
    A paragraph cut by a column or page break is joined back, so a sentence is not split in two."""
    text = ""
    starts: list[int] = []
    prev: Paragraph | None = None
    prev_text = ""
    for page in pages:
        starts.append(len(text))
        opened = False
        for para in page.paragraphs:
            body = join_lines(para.lines)
            if not body:
                continue
            if not text:
                sep = ""
            elif prev is not None and para.first_in_block and _continues(prev, prev_text, para, body):
                sep = _glue(prev_text, body)
            else:
                sep = "\n\n"
            if not opened:
                starts[-1] = len(text) + len(sep)
                opened = True
            text += sep + body
            prev, prev_text = para, body
    starts[0] = 0
    return text, tuple(starts)
