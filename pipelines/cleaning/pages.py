"""Page furniture between two pages of a PDF's text: the running footer or header a sentence runs across.

A protocol or a bulletin copied out of a PDF carries, where one page ends and the next begins, a page number
(«- 3 -», «Страница 2 из 5»), a running title with the page number after a separator («Тобольская городская Дума ·
Протокол № 11 от 17.11.2026 · стр. 2», «Информационный вестник № 4 (118)          стр. 3») and rules around them,
often in the middle of a sentence: «председателем постоянной комиссии по социальным» · footer · «вопросам избран …».
The cut sentence loses the position, the issue or the person it names. Such a block — lines that are blank, rules or
page-number lines, with a running header (no number of its own) only between two of them — is dropped when the text
before it ends no sentence, and the two halves join as the lines of one paragraph (the later line-wrap and hyphen
rules then read «строи-» + «тельстве» as one word). After a sentence's end the block is a paragraph break (its title
would be read as a paragraph of its own). A document's first lines (its body, its number, its date) and a title in
capitals before the first page's furniture stay: other stages read them.
"""

from __future__ import annotations

import re

_BLANK = r"[ \t]*\n"
# A rule drawn across the page: underscores, hyphens, box-drawing lines, dashes, equals signs.
_RULE = r"[ \t]*[_\-─━—=═~*]{5,}[ \t]*\n"
# What parts a running title's fields («Тобольская городская Дума · Протокол № 11 от 17.11.2026 · стр. 2»); the
# organizations stage ends a body's name before one.
RUNNING_TITLE_SEPARATORS = frozenset("·•|")
_SEPARATOR = "[" + "".join(sorted(RUNNING_TITLE_SEPARATORS)).replace("|", r"\|") + "]"
# A page number on its own («- 3 -», «— 1 —», «стр. 2», «Страница 2 из 5», «лист 2») or closing a running title after
# a separator (a middle dot, a bullet, a bar) or a layout's gap of three spaces («Вестник № 5 · стр. 2», «Бюллетень
# стр. 2»).
# A sentence's «см. приложение на стр. 5» has no separator before the number and stays.
_NUMBER = r"(?:(?:стр\.?|с\.|лист|страница)[ \t]*\d{1,4}(?:[ \t]*(?:из|/)[ \t]*\d{1,4})?|[-–—][ \t]*\d{1,4}[ \t]*[-–—])"
_PAGE = rf"[ \t]*(?:[^\n]{{0,200}}?(?:{_SEPARATOR}|[ \t]{{3}})[ \t]*)?{_NUMBER}[ \t]*\n"
# A running header without a number of its own («Пресс-релиз № 112 · mpa.cis.int», «Бельцкий муниципальный совет
# Информационный бюллетень № 3/2025», «НОТАРИАЛЬНАЯ ПАЛАТА»): a line with a number sign, a separator or a layout's gap,
# or in capitals, right above a rule or a page number and below other furniture, never next to the text, so a
# sentence's line is not taken for one.
# A running title too long for one line wraps onto the page-number line, which then carries its separator: its first
# line has no mark of its own («Общественный совет при министерстве … и семейной» / «политики … · Бюллетень № 2 · стр.
# 2»), and is furniture only right above such a line.
_WRAPPED_TITLE = rf"(?=[^\n]{{1,160}}\n[^\n]{{0,200}}?{_SEPARATOR}[ \t]*{_NUMBER}[ \t]*\n)"
_MARKED = rf"(?=[^\n]*(?:№|{_SEPARATOR}|\S[ \t]{{3}})|(?-i:[^\nа-яёa-z]+)\n)"
_HEADER = rf"(?:{_MARKED}|{_WRAPPED_TITLE})[^\n]{{1,160}}(?<![.!?:;,])\n"
_FURNITURE = rf"(?:{_RULE}|{_PAGE})"
PATTERN = re.compile(
    # From a text line's end only (the look-behind): tried from every newline of a run of blank lines, the run was
    # read again from each, quadratic in a text of 50k empty lines.
    rf"(?<=\S)[ \t]*\n(?:{_BLANK})*(?:{_FURNITURE}(?:{_BLANK})*)+(?:{_HEADER}?{_FURNITURE}(?:{_BLANK})*)*",
    re.IGNORECASE,
)
_PAGE_LINE = re.compile(rf"^{_PAGE}", re.IGNORECASE | re.MULTILINE)
# What ends a sentence, a quote or a bracket after it aside.
_SENTENCE_END = frozenset(".!?…")
_CLOSING = frozenset("»\"')]")


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the text before `end` (the line's trailing spaces and closing quotes aside) ends a sentence."""
    i = end - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    while i >= 0 and text[i] in _CLOSING:
        i -= 1
    return i >= 0 and text[i] in _SENTENCE_END


def join(match: re.Match[str]) -> str:
    """A page break's furniture dropped: from a sentence it cuts, the halves joined as lines of one paragraph; after a
    sentence's end, a paragraph break."""
    text, start, end = match.string, match.start(), match.end()
    if start == 0 or end >= len(text):
        return match.group()  # no text before or after: a document's own title block or its last page's footer
    if _PAGE_LINE.search(match.group(), 1) is None:
        return match.group()  # rules alone part sections, not pages
    if _ends_sentence(text, start):
        return "\n\n"  # the break cuts no sentence: the furniture goes, the paragraphs stay apart
    if text[start - 1].isupper() and not text[end].islower():
        # A title in capitals before a capital: the first page's title block («ПОСОЛЬСТВО … В
        # РЕСПУБЛИКЕ УЗБЕКИСТАН» · «Информационный бюллетень № 9 (сентябрь 2024 г.) стр. 1» · «ЗАСЕДАНИЕ …»).
        return match.group()
    return "\n"
