"""The meeting's date: its sentence's own, else its relative day counted from the dateline, else the dateline's.

Not every date is the meeting's: a deadline, a document's date, a birth date (`meeting_date_stopwords.txt`) and a day
an infinitive governs are not, and the dates of a header line the parser ran into the sentence («16 ноября 2023 |
Просмотров: 187\n\nВо вторник …») are the header's. A relative day (вчера, в среду, в минувшую пятницу, на днях) counts
from the dateline, and with no dateline to count from leaves the date unknown rather than guessed. A day without a
year takes the dateline's year (the year before, where it falls far after it), else a month-and-year date in the
header lines. A lead that tells its meeting by no event noun is dated the same way.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from itertools import islice

from spacy.tokens import Doc, Span, Token

from models import lexicons
from models.components.extensions import doc_text
from models.components.natasha import dates
from pipelines.person_names import fold
from pipelines.stages.meeting.dateline import _FIELD_LINES, DateFact, Dateline, _first_lines, _opening, _with_year
from pipelines.stages.meeting.names import _IN
from pipelines.stages.meeting.sentence import _LEAD_SENTENCES, lead_meeting_sentence, meeting_verbs

_NO_YEAR = 2001  # any non-leap year, for day arithmetic when the text gives no year


def _word_before(span: Span) -> Token | None:
    for token in reversed(span.doc[max(0, span.start - 3) : span.start]):
        if not (token.is_punct or token.is_space):
            return token
    return None


def _words_after(span: Span, n: int = 3) -> list[Token]:
    return [t for t in span.doc[span.end : span.end + n + 2] if not t.is_space][:n]


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    sides: dict[str, set[str]] = {"before": set(), "after": set()}
    for entry in lexicons.load("meeting_date_stopwords"):
        side, word = (part.strip() for part in entry.split("|"))
        sides[side].add(word)
    return {side: frozenset(words) for side, words in sides.items()}


def is_other_date(span: Span) -> bool:
    """A deadline ("до 1 января"), a document's date ("от 5 мая … №"), a birth date."""
    before = _word_before(span)
    stop_before = _stopwords()["before"]
    if before is not None and (fold(before.lemma_) in stop_before or before.lower_ in stop_before):
        return True
    after = {fold(t.text).rstrip(".") for t in _words_after(span)}
    return bool(after & _stopwords()["after"])


def _planned(span: Span) -> bool:
    """«предложил провести районный субботник 29 марта 2025 года»: a date an infinitive governs is a thing proposed
    or due, not the day a meeting took place."""
    head = span.root.head
    return head.pos_ in ("VERB", "AUX") and "Inf" in head.morph.get("VerbForm")


def _fact(span: Span) -> DateFact | None:
    fact = span._.date
    if fact is None or not fact.month or not fact.day:
        return None
    return DateFact(fact.year, fact.month, fact.day)


def _dates_in(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in dates(doc, start, end, day_and_month=True) if _fact(s)]


def _shift(ref: DateFact, days: int) -> DateFact:
    day = datetime.date(ref.year or _NO_YEAR, ref.month, ref.day) + datetime.timedelta(days=days)
    return DateFact(day.year if ref.year else None, day.month, day.day)


@cache
def _relative_days() -> dict[str, int]:
    pairs = (entry.split("|") for entry in lexicons.load("meeting_relative_days"))
    return {word.strip(): int(days) for word, days in pairs}


@cache
def _weekdays() -> dict[str, int]:
    return {name.lower(): i for i, name in enumerate(lexicons.lines("meeting_weekdays"))}


def relative_date(sent: Span, ref: DateFact | None) -> tuple[bool, DateFact | None]:
    """Whether the sentence dates the meeting relative to the report, and the day that gives."""
    future = any("Fut" in t.morph.get("Tense") for t in meeting_verbs(sent))
    for token in sent:
        lemma = fold(token.lemma_)
        before_word = token.nbor(-1).lower_ if token.i > sent.start else ""
        # «на днях», «накануне праздника»: a day near the report's that the text does not name.
        if (token.lower_ == "днях" and before_word == "на") or (token.lower_ == "накануне" and token.pos_ == "ADP"):
            return True, None
        if lemma in _relative_days() or token.lower_ in _relative_days():
            shift = _relative_days().get(lemma, _relative_days().get(token.lower_, 0))
            return True, _shift(ref, shift) if ref else None
        before = token.nbor(-1) if token.i > sent.start else None
        # «в минувшую пятницу», «в прошлый вторник»: the last such day before the report's, never the report's own.
        past = before is not None and fold(before.lemma_) in _PAST_MODIFIERS and before.i > sent.start
        if past and before is not None:
            before = before.nbor(-1)
        if lemma in _weekdays() and before is not None and before.lower_ in _IN:
            if ref is None or ref.year is None:
                return True, None
            today = datetime.date(ref.year, ref.month, ref.day)
            weekday = _weekdays()[lemma]
            gap = (weekday - today.weekday()) % 7 if future and not past else -((today.weekday() - weekday) % 7)
            return True, _shift(ref, gap or (-7 if past else 0))
    return False, None


_PAST_MODIFIERS = frozenset({"минувший", "прошлый", "прошедший"})


def _paragraph_start(sent: Span, anchor: Token | None) -> int:
    """Where the anchor's paragraph starts: a sentence the parser ran over a blank line («16 ноября 2023 |
    Просмотров: 187\n\nВо вторник … прошло заседание») keeps the header line's date out of its own."""
    if anchor is None:
        return sent.start_char
    cut = sent.text.rfind("\n\n", 0, anchor.idx - sent.start_char)
    return sent.start_char if cut < 0 else sent.start_char + cut + 2


# A year in a header's line: only such lines are parsed for the year a day without one takes.
_YEAR_LIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _header_date(doc: Doc) -> DateFact | None:
    """The first date with a month and a year among the header's lines («Информационный бюллетень № 2, февраль
    2025», «… 27 февраля 2025 г.» where no dateline reads it): it lends its year to a day the text gives without
    one. A year alone («итоги за 2024 год») lends none, nor does another date («Решение от 5 мая 2023 года № 12»)."""
    for offset, line in _first_lines(_opening(doc), _FIELD_LINES):
        if not _YEAR_LIKE.search(line):
            continue
        for span in dates(doc, offset, offset + len(line)):
            fact = span._.date
            if fact is not None and fact.year and fact.month and not is_other_date(span):
                return DateFact(fact.year, fact.month, fact.day or 1)
    return None


def _dated(fact: DateFact, ref: DateFact | None, doc: Doc) -> DateFact:
    """A day without a year takes the dateline's year, else the header's (looked for only then)."""
    if fact.year:
        return fact
    if ref is not None and ref.year:
        return _with_year(fact, ref)
    return _with_year(fact, _header_date(doc))


def find_date(doc: Doc, sent: Span | None, dateline: Dateline | None, anchor: Token | None = None) -> str | None:
    ref = dateline.date if dateline else None
    if anchor is not None and dateline is not None and ref is not None and anchor.idx < dateline.end:
        # «Полпред провел совещание …\n\nБАТКЕН, 15 апреля — Кабар. В понедельник полпред провел расширенное
        # совещание …»: the meeting's sentence is the headline, which the parser ran into the dateline; the lead after
        # the dateline tells the meeting again, and its relative day dates it from the dateline's.
        lead = _lead_after_dateline(doc, dateline)
        relative, day = relative_date(lead, _dated(ref, ref, doc)) if lead is not None else (False, None)
        if relative and day is not None:
            return day.iso()
    if sent is not None:
        # A dateline ends before the sentence it heads; a line «8 сентября прошли выборы» read as one below the
        # meeting's sentence cuts nothing from it.
        cut = dateline.end if dateline and dateline.end < sent.end_char else 0
        own_start = max(_paragraph_start(sent, anchor), cut)
        own = [s for s in _dates_in(doc, own_start, sent.end_char) if not is_other_date(s)]
        if not own and cut > sent.start_char and anchor is not None and anchor.idx < cut:
            # «Первая сессия маджлиса состоится 15 марта\n\nДушанбе 5 марта. …»: a headline without a full stop runs
            # into the dateline below it; the headline's own day, before the dateline's line, dates its meeting.
            line_start = doc_text(doc).rfind("\n", 0, cut) + 1
            own = [s for s in _dates_in(doc, _paragraph_start(sent, anchor), line_start) if not is_other_date(s)]
        if own and anchor is not None and own[0].start > anchor.i and own_start < anchor.idx:
            # «Накануне состоялось заседание Совета, где согласовали проведение 12 декабря сессии»: a relative day
            # before the event dates it; the day after it is another event's.
            lead = doc.char_span(own_start, anchor.idx, alignment_mode="expand")
            dated_ref = _dated(ref, ref, doc) if ref is not None else None
            relative, day = relative_date(lead, dated_ref) if lead is not None else (False, None)
            if relative:
                return day.iso() if day else None
        if own:
            fact = _fact(own[0])
            return _dated(fact, ref, doc).iso() if fact else None
        inside = sent.start_char < own_start < sent.end_char
        paragraph = doc.char_span(own_start, sent.end_char, alignment_mode="expand") if inside else None
        dated_ref = _dated(ref, ref, doc) if ref is not None else None
        relative, day = relative_date(paragraph or sent, dated_ref)
        if relative:
            return day.iso() if day else None
        lead = lead_meeting_sentence(doc)
        if lead is not None and lead.start < sent.start and ref is not None:
            # «В среду … хоким провёл открытый диалог …. Открывая встречу, хоким …»: the lead dates what the
            # meeting's sentence names later, from the report's own date.
            after_dateline = max(lead.start_char, dateline.end if dateline else 0)
            lead_dates = [s for s in _dates_in(doc, after_dateline, lead.end_char) if not is_other_date(s)]
            relative, day = relative_date(lead, dated_ref)
            if lead_dates and (fact := _fact(lead_dates[0])) is not None:
                return _dated(fact, ref, doc).iso()
            if relative and day is not None:
                return day.iso()
    if ref is not None and not dateline.stamp:
        return _dated(ref, ref, doc).iso()
    after = dateline.end if dateline else 0
    for span in dates(doc, after, day_and_month=True):
        fact = _fact(span)
        if fact and not is_other_date(span) and not _planned(span):
            return _dated(fact, ref, doc).iso()
    return _dated(ref, ref, doc).iso() if ref is not None else None


def _lead_after_dateline(doc: Doc, dateline: Dateline) -> Span | None:
    """The sentence that opens the report's body after its dateline, where it tells of a meeting taking place."""
    for sent in islice(doc.sents, _LEAD_SENTENCES + 1):
        if sent.start_char >= dateline.end:
            return sent if meeting_verbs(sent) else None
    return None
