"""A report's author: the journalist who signs it is no one at the meeting and represents none of its bodies."""

from __future__ import annotations

import re

from pipelines.findings import PersonFinding

# «14:38, 30 сентября 2019, Бишкек - 24.kg , »: a news dateline (a time or date, a place, the agency) before the name:
# a digit, later a spaced dash, and a comma closing the line's text. (Read by searches from the first digit, not one
# pattern of two `.*`, which backtracks on a long line.)
_DIGIT = re.compile(r"\d")
_SPACED_DASH = re.compile(r"\s[-–—]\s")


def _dateline(before: str) -> bool:
    head = before.rstrip()
    if not head.endswith(","):
        return False
    digit = _DIGIT.search(head)
    return digit is not None and _SPACED_DASH.search(head, digit.end(), len(head) - 1) is not None


def _signed_at(text: str, start: int, end: int) -> str | None:
    """How a name with its surname in capitals ends its line: after a dateline («… Бишкек - 24.kg , Мария ОРЛОВА»),
    alone («Ирина ЛАПКО» under the text), or None (not so)."""
    words = text[start:end].split()
    if len(words) < 2 or not any(len(w) > 2 and w.isupper() and w.isalpha() for w in words[1:]):
        return None  # (the first name first, written as usual: «ПЕТРОВ Иван» opens a protocol's list line)
    line_end = text.find("\n", end)
    if text[end : len(text) if line_end < 0 else line_end].strip(" \t.") != "":
        return None
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if not before.strip():
        return "alone"
    return "dateline" if _dateline(before) else None


def byline_author(person: PersonFinding, text: str) -> bool:
    """A person named once, in a byline: the report's author (gold: no position, no organization). A name alone on
    its line is a byline only without a post (an official signs a protocol under theirs)."""
    if len(person.mentions) != 1:
        return False
    signed = _signed_at(text, person.mentions[0].start, person.mentions[0].end)
    return signed == "dateline" or (signed == "alone" and not person.position)
