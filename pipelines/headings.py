"""Headings typed in capitals near the top of a text, each read again in sentence case once per document.

The taggers misread a line of capitals («В АКИМАТЕ ОБСУДИЛИ ПАВОДКИ И ТАРИФЫ НА ГАЗ») as names and abbreviations;
the same line in sentence case parses as the sentence it is. Organizations look there for bodies named only in a
heading, issues for what a headline says was discussed: both read the same lines, so the lines and their
readings are kept in the Doc's `user_data` (cleared with it after the stages) and parsed at most once. Only the
top of the text is searched and every line is short: bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from models import loading
from models.components.extensions import doc_text
from models.grammars.organizations import lexicon, word_lemma
from pipelines.nlp import analyse

# Where a letterhead or a headline stands: the top of the text.
HEADING_CHARS = 1000
_SHOUTED_LINE = re.compile(r"^[ \t]*[А-ЯЁ][А-ЯЁ0-9 ,.:;«»\"–—-]{10,200}$", re.MULTILINE)
_LINES = "kenesh_headings"
_READINGS = "kenesh_heading_readings"
_PROPER = "kenesh_heading_proper_words"
_FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "PRON", "DET", "ADV", "VERB", "AUX"})
# (A single capital before a dot is an initial, «ИМЕНИ В.И. ЛЕНИНА»: it stays one, not the conjunction «и».)
_CAPITALS = re.compile(r"\b(?![А-ЯЁA-Z]\.)[А-ЯЁA-Z]+\b")
_AFTER_INITIALS = re.compile(r"(\b[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?)([а-яё])")
_QUOTED_START = re.compile(r"([«„]\s?|\")([а-яёa-z])")


_HYPHENATED_PROPER = re.compile(r"\b([А-ЯЁ][а-яё]+-)([а-яё]{3,})\b")


def _capital_after_hyphen(match: re.Match[str]) -> str:
    second = match.group(2)
    return match.group(1) + (second if loading.morph().word_is_known(second) else second.capitalize())


@dataclass(frozen=True)
class Heading:
    text: str  # the line as typed, without the blanks around it
    start: int  # where `text` starts in the document's text
    words: int


def headings(doc: Doc) -> tuple[Heading, ...]:
    """The lines of two or more words typed in capitals within the top of the text, in order."""
    found = doc.user_data.get(_LINES)
    if found is None:
        top = doc_text(doc)[:HEADING_CHARS]
        lines: list[Heading] = []
        for line in _SHOUTED_LINE.finditer(top):
            words = len(line.group().split())
            if words >= 2:
                text = line.group().strip()
                lines.append(Heading(text, line.start() + line.group().index(text), words))
        found = doc.user_data[_LINES] = tuple(lines)
    return found


def proper_words(doc: Doc) -> tuple[dict[str, str], frozenset[str]]:
    """The words the text writes with a capital inside a sentence: by their lower case, and their lemmas (once per
    document)."""
    found = doc.user_data.get(_PROPER)
    if found is None:
        # (A preposition or a conjunction opens a line typed without a full stop before it: «В …», «И …».)
        words = [t for t in doc if t.is_title and not t.is_sent_start and t.pos_ not in _FUNCTION_POS]
        # «Комитет» of a heading the text also writes «комитета»: a common word, lowered.
        common = {word_lemma(t.text) for t in doc if t.is_lower and t.is_alpha}
        # «Общества» of a company's protocol: a kind of body keeps its reading as a common noun.
        lemmas = frozenset(word_lemma(t.text) for t in words) - common - lexicon().heads
        forms = {t.lower_: t.text for t in words if word_lemma(t.text) in lemmas}
        found = doc.user_data[_PROPER] = (forms, lemmas)
    return found


def proper_form(doc: Doc, word: str) -> str:
    """`word` (in lower case) as the text writes it: with a capital where it writes this word, in any form, so."""
    forms, lemmas = proper_words(doc)
    if word in forms:
        return forms[word]
    return word.capitalize() if word_lemma(word) in lemmas else word


def reading(doc: Doc, heading: Heading) -> Doc:
    """The heading in sentence case, parsed (once per document and line). Only the words in capitals are lowered: a
    letterhead joined with its next line in sentence case («ЭКСПЕРТНЫЙ СОВЕТ при Уполномоченном …») keeps that
    line's capitals."""
    readings: dict[tuple[int, str], Doc] = doc.user_data.setdefault(_READINGS, {})
    key = (heading.start, heading.text)
    found = readings.get(key)
    if found is None:
        text = heading.text
        # A full stop ends the heading as a sentence: without it the parser reads it worse.
        stop = "" if text[-1] in ".!?" else "."
        # «РЕСПУБЛИКИ БЕЛАРУСЬ»: a proper word keeps the capital the text writes it with elsewhere.
        lowered = text[:1] + _CAPITALS.sub(lambda w: proper_form(doc, w.group().lower()), text[1:])
        # «АКЦИОНЕРНОЕ ОБЩЕСТВО «БЕЛОМОРСКИЙ ТЕРМИНАЛ»»: a quoted name starts with a capital in sentence case too.
        lowered = _QUOTED_START.sub(lambda m: m.group(1) + m.group(2).upper(), lowered)
        # «ИМЕНИ В.И. ЛЕНИНА»: the surname after initials is a name, capitalised.
        lowered = _AFTER_INITIALS.sub(lambda m: m.group(1) + m.group(2).upper(), lowered)
        # «КЫРГЫЗ-ЧЕКСКИЙ АЙЫЛЬНЫЙ КЕНЕШ»: a hyphenated place name keeps a capital after the hyphen, where the
        # dictionary knows no such word («социально-экономический» stays as it is).
        lowered = _HYPHENATED_PROPER.sub(_capital_after_hyphen, lowered)
        found = readings[key] = analyse(lowered + stop)
    return found
