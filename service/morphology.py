"""Russian morphology for the archive's indexes and queries: lemmas, name and phrase keys, highlighted snippets.

Stored text is reduced to one lemma per word (pymorphy3's first reading); a query word stands for all
its readings, so that «Базарбаева» (genitive of Базарбаев, or a nominative feminine) finds either.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from models.loading import parse

# Letters and digits only: the same split as SQLite FTS5's unicode61 tokenizer and PostgreSQL's `simple`
# parser make of a lemma string, so the i-th word of a text is the i-th lemma of its index row.
WORD = re.compile(r"[^\W_]+")


def normalize(word: str) -> str:
    return word.lower().replace("ё", "е")


def lemma(word: str) -> str:
    """The lemma an index stores for a word: its first reading's normal form (digits and Latin as they are)."""
    readings = parse(word)
    return normalize(readings[0].normal_form) if readings else normalize(word)


def alternatives(word: str) -> set[str]:
    """Every lemma a query word may stand for: the word itself and each reading's normal form."""
    return {normalize(word)} | {normalize(reading.normal_form) for reading in parse(word)}


def words(text: str) -> Iterator[re.Match[str]]:
    return WORD.finditer(text)


def lemma_string(text: str) -> str:
    return " ".join(lemma(match.group()) for match in words(text))


def query_terms(query: str) -> list[set[str]]:
    """One set of alternative lemmas per query word (the query means: every word, in any of its readings)."""
    return [alternatives(match.group()) for match in words(query)]


def phrase_key(text: str) -> str:
    """A phrase in lemmas, so that inflected forms of a name compare equal («Министерством труда»)."""
    return " ".join(lemma(match.group()) for match in words(text))


def _normal_as(word: str, grammeme: str) -> str:
    """The word's normal form as a `grammeme` (Surn, Name), if pymorphy has such a reading, else its first."""
    readings = parse(word)
    for reading in readings:
        if grammeme in reading.tag:
            return normalize(reading.normal_form)
    return normalize(readings[0].normal_form) if readings else normalize(word)


def _surname_part(part: str) -> str:
    # A surname reading, if pymorphy has one, beats a common noun: «Путина» → путин, not путина.
    return _normal_as(part, "Surn")


def first_name_key(word: str) -> str:
    """A first name in the nominative, in lower case: «Владимира» → владимир."""
    return _normal_as(word, "Name")


def surname_key(surname: str) -> str:
    """The surname's lemma, part by part for double surnames («Диаса-Канель» → диас-канель)."""
    return "-".join(_surname_part(part) for part in WORD.findall(surname))


def name_keys(parts: Iterable[str | None]) -> str:
    """Every lemma of every name part, space-delimited on both ends for `LIKE '% lemma %'` lookups."""
    keys: set[str] = set()
    for part in parts:
        for match in words(part or ""):
            keys |= alternatives(match.group())
    return " " + " ".join(sorted(keys)) + " "


def head_noun(phrase: str) -> str | None:
    """The first noun's lemma: the head of a Russian position phrase («первый заместитель министра»)."""
    for match in words(phrase):
        readings = parse(match.group())
        if readings and readings[0].tag.POS == "NOUN":
            return normalize(readings[0].normal_form)
    return None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int


def matches(text: str, terms: list[set[str]]) -> list[Hit]:
    """Where the text has a word whose stored lemma is one the query asks for (what the index matched)."""
    wanted = set().union(*terms) if terms else set()
    return [Hit(m.start(), m.end()) for m in words(text) if lemma(m.group()) in wanted]


def snippet(text: str, terms: list[set[str]], width: int = 90, mark: tuple[str, str] = ("<mark>", "</mark>")) -> str:
    """A window of the original text around its first match, HTML-escaped, every match in it marked."""
    hits = matches(text, terms)
    if not hits:
        return html.escape(_shorten(text, 2 * width))
    # Widen to whole words, so a snippet neither starts nor ends mid-word.
    start = max(0, hits[0].start - width)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), hits[0].end + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for hit in hits:
        if hit.start < start or hit.end > end:
            continue
        pieces += [html.escape(text[cursor : hit.start]), mark[0], html.escape(text[hit.start : hit.end]), mark[1]]
        cursor = hit.end
    pieces += [html.escape(text[cursor:end]), "…" if end < len(text) else ""]
    return " ".join("".join(pieces).split())


def _shorten(text: str, size: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + "…"
