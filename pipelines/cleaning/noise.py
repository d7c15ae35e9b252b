"""Scrape and OCR noise, as an ordered list of rewrites; each keeps the offset map intact."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.cleaning.offsets import CleanText, Replacement

# Latin and digit look-alikes of Cyrillic capitals, as OCR and careless typing produce them.
_LOOKALIKE_CAPS = str.maketrans(
    {
        "0": "О",
        "3": "З",
        "A": "А",
        "B": "В",
        "E": "Е",
        "K": "К",
        "M": "М",
        "H": "Н",
        "O": "О",
        "P": "Р",
        "C": "С",
        "T": "Т",
        "X": "Х",
    }
)


# Legal forms spelt only with letters that have look-alikes; a repair must land on one of them, or
# «в 300 "Спартанцев"» would become «в ЗОО …».
_LEGAL_FORMS = frozenset({"АО", "ОО", "ООО", "ОАО", "ЗАО", "НАО", "РОО", "МОО", "ТОО", "НКО", "АНО"})


def _fix_legal_form(match: re.Match[str]) -> str:
    fixed = match.group(0).translate(_LOOKALIKE_CAPS)
    return fixed if fixed in _LEGAL_FORMS else match.group(0)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    replacement: Replacement


RULES: tuple[Rule, ...] = (
    # Invisible characters break words in two for the tokenizer.
    Rule("invisible", re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]"), ""),
    # Image widgets and gallery markers of scraped pages: "## ×", lone "×".
    Rule("widget", re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]*)?[×✕✖][ \t]*$"), ""),
    # Markdown heading marks in front of a title.
    Rule("heading_mark", re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+"), ""),
    # A legal form typed with digits or Latin letters in front of a quoted name: 00 «…», 0АО "…", OOO «…».
    Rule(
        "legal_form",
        re.compile(r"(?<![\w])(?=[0-9A-ZА-ЯЁ]*[0-9A-Z])[0О3ЗOAEKMHPCTXАВЕКМНРСТХ]{2,4}(?=\s*[«\"“„])"),
        _fix_legal_form,
    ),
    # A word hyphenated across a line break: "миг-\nрации" → "миграции".
    Rule("hyphen_wrap", re.compile(r"(?<=[а-яё])-[ \t]*\r?\n[ \t]*(?=[а-яё])"), ""),
    # A line broken in the middle of a sentence: the break is a space.
    Rule("line_wrap", re.compile(r"(?<=[а-яёa-z,])[ \t]*\r?\n(?=[ \t]*[а-яё])"), " "),
)


def clean(source: str, rules: tuple[Rule, ...] = RULES) -> CleanText:
    """The text the NLP stages read, with an offset map back to `source`."""
    text = CleanText.identity(source)
    for rule in rules:
        text = text.substitute(rule.pattern, rule.replacement)
    return text
