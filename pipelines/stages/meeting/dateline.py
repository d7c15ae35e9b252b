"""The dateline and the document's frame lines: the report's own date and place.

A dateline opens one of the first lines: «БИШКЕК, 21 сентября 2023», «12.03.2024», «14 марта, Бишкек.», a protocol's
«г. Ош      28 декабря 2022 г.» or «от 11.03.2025». A crawler's stamp, a site's publication label or view counter,
and a date alone on a footer line are weak (`Dateline.stamp`): they count relative days and lend years, but a date in
the text comes first, and the report's own dateline on a later line overrides them. The place is taken from the first
lines that have one (a city opening a line, «Место проведения:», a venue line, a headline's bracketed town); past the
header, a «Место проведения —» field and a protocol's signature line (`field_place`, `signature_place`) place a
meeting that nothing else places. Lines are matched by anchored regexes first; only a line that looks dated is parsed
by the yargy dateline grammar, and only its first `_DATELINE_CHARS` characters.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from models.components.extensions import doc_text
from models.components.natasha import with_century
from models.grammars.meeting import dateline_parser
from pipelines.stages.meeting.names import (
    _adjective_and_place,
    _dateline_place,
    _header_place,
    _marked_place,
    _unknown_word,
    _unshouted_name,
)

_DATELINE_LINES = 5  # «Версия для слабовидящих», breadcrumbs and a headline may come first
_OWN_DATE = re.compile(r"[ \t]*от[ \t]+\d{1,2}\.\d{1,2}\.\d{2,4}[ \t]*(?:г\.?|года)?[ \t]*$", re.IGNORECASE)
_DATELINE_CHARS = 80  # a dateline opens its line: place, date, perhaps a time


@dataclass(frozen=True)
class DateFact:
    year: int | None
    month: int
    day: int

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else f"--{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Dateline:
    date: DateFact | None
    place: str | None
    end: int = 0  # where the dateline ends in the text: dates before it are not the meeting sentence's own
    # A crawler's stamp or a publication label («[crawled 2024-03-02]», «Просмотров: 212 24.11.2023») says
    # when the page was seen: it counts relative days and gives years, but a date in the text comes first.
    stamp: bool = False


def _opening(doc: Doc, tokens: int = 400) -> str:
    """The start of the text, where datelines stand: the first `tokens` tokens' text, cut from the Doc's
    text joined once (joining them from their Tokens cost more than reading the lines)."""
    n = min(tokens, len(doc))
    if not n:
        return ""
    last = doc[n - 1]
    return doc_text(doc)[: last.idx + len(last.text)]


def _first_lines(text: str, count: int) -> list[tuple[int, str]]:
    """The first `count` non-empty lines with their offsets."""
    found, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip(" \t\r\n#"):
            found.append((offset, line))
            if len(found) == count:
                break
        offset += len(line)
    return found


_POSTPOSED_TOWN_MARK = re.compile(r"^(?P<name>[ \t]*[А-ЯЁ][А-ЯЁа-яё-]+)(?P<mark>[ \t]+[қш]\.)(?=[ \t]*,)")
# A crawler's bracketed stamp before the text on its line: «[2024-03-15 10:00] ТАРАЗ, 15 марта. …».
_STAMP_BEFORE_TEXT = re.compile(r"[ \t]*\[[^\]\n]{1,40}\][ \t]*(?=\S)")


def _stamps_apart(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A crawler's stamp run into the report's own dateline, read as two lines: the stamp says when the page was seen,
    the agency's «ТАРАЗ, 15 марта» where and when the meeting was."""
    found = []
    for offset, line in lines:
        stamp = _STAMP_BEFORE_TEXT.match(line)
        if stamp is None:
            found.append((offset, line))
        else:
            found += [(offset, line[: stamp.end()]), (offset + stamp.end(), line[stamp.end() :])]
    return found


# A dateline's date has a month name, a dotted day and month or an ISO form; other lines need no parse.
_DATE_LIKE = re.compile(
    r"\d{1,2}\.\d{1,2}|\d{4}([-/])\d{1,2}\1\d{1,2}|\d{1,2}([-/])\d{1,2}\2\d{4}|\d\s*(?:янв|фев|мар|апр|ма[яйе]|июн|июл|авг|сен|окт|ноя|дек)"
    # «13 Mart 2026», «5-iyun»: a month in Latin letters (`models.grammars.meeting.LATIN_MONTH`).
    r"|\d[\s-]*(?:yanvar|fevral|mart|aprel|may|iyun|iyul|avg|avq|sent|okt|noyabr|dekabr)",
    re.IGNORECASE,
)
# A feed's stamp in the e-mail format (RFC 2822): «Fri, 14 Mar 2025 09:12:44 +0300».
_MAIL_STAMP = re.compile(
    r"[ \t]*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),[ \t]+(?P<day>\d{1,2})[ \t]+"
    r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]+(?P<year>\d{4})[ \t]+\d{1,2}:\d{2}"
)
_MAIL_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# The word or abbreviation that marks a settlement's name in a header or a field: «г. Ош», «город Бишкек», and
# the kinds of smaller settlements a district's protocol is written in: «р.п. Шилово», «п. Нариман», «д. Ключи»,
# «ст. Егорлыкская», «аул Жанажол», Belarus's agro-towns «аг. Бабичи», and Central Asia's village units: «айыл
# Кара-Суу», «джамоат Чоркух», «махалля Шодлик»; Moldova's municipalities «мун. Чадыр-Лунга». The one-letter ones
# only in lower case: «Д. Петров» is an initial.
_SETTLEMENT_MARK = (
    r"(?:(?i:г|гор|с|пос|пгт)\.|(?-i:р\.[ \t]?п|рп|п|д|дер|ст|ст-ца|х|аг|мун)\."
    r"|(?i:город|село|пос[её]лок|деревня|станица|аул|кишлак|хутор|агрогородок|айыл|джамоат|махалля)(?=[ \t]))"
)
# What may stand before a dateline's place or date on its line: a crawler's fields («Автор: … | »), its
# bracketed stamp («[2023-11-24 09:14]», «[crawled 2024-03-02]»), a publication label or a view counter glued
# to the date («Просмотров: 212 24.11.2023», «Опубликовано: 5 мая»), the settlement word of a protocol's
# header («г. Ош      28 декабря 2022 г.»), a protocol's number. A site of the genre's countries labels its
# publication date in the national language as often as in Russian: Kyrgyz «Жарыяланды: 18.09.2026», Kazakh
# «Жарияланды», «Жарияланған күні», Uzbek «E'lon qilindi», «Эълон қилинди», Tajik «Нашр шуд», «Санаи нашр», Belarusian
# «Апублікавана», Azerbaijani «Dərc olunub»; or just «date»: Uzbek and Tajik «Сана», Kazakh «Күні», Azerbaijani «Tarix».
# («Жарияланған күні» is two labels in a row: an optional «күні» after the one would read it two ways in the repeat.)
_DATELINE_PREFIX = re.compile(
    r"(?:.*\|)?[ \t#*]*(?P<stamp>\[[ \t]*"
    r"|(?:crawled|fetched|published|posted|date|дата(?:[ \t]+(?:публикации|размещения|создания|обновления))?"
    r"|опубликовано|обновлено|добавлено|размещено|создано|новость[ \t]+от"
    r"|жарыяланды|жарияланды|жарияланған|күні|e['ʼ‘’]lon[ \t]+qilindi|эълон[ \t]+қилинди"
    r"|nashr[ \t]+etildi|нашр[ \t]+шуд(?:ааст|а)?|санаи[ \t]+нашр|сана|sana|тарих|tarix"
    r"|апублікавана|d[əe]rc[ \t]+(?:olunub|edilib))[ \t]*:?[ \t]*"
    r"|просмотр(?:ов|ы)?[ \t]*:?[ \t]*\d+[ \t]+)*"
    # A site's publication time before its date: «13:45, 12 марта 2024», «09:12 | 12.03.2024».
    r"(?:\d{1,2}:\d{2}[ \t]*[,|]?[ \t]+)?"
    # A protocol's number line: «ПРОТОКОЛ № 5 от 31.01.2025 г.», «Протокол заседания совета №3 от 12 марта 2025 года»,
    # or its title line without a number: «Протокол заседания комиссии от 15 марта 2024 года, г. Бишкек».
    r"(?:протокол\w*[^\n№]{0,80}?(?:№[ \t]*[\w/.-]{1,12}[ \t]+)?от[ \t]+)?"
    # The date line under a protocol's title: «от 31.10.2025          г. Кимры».
    r"(?:от[ \t]+(?=\d))?"
    # An agency's city in capitals with a full stop, or with the agency in brackets: «АЛМАТЫ. 5 марта 2024
    # года.», «БИШКЕК (Кабар) — 14 марта».
    r"(?:(?P<city>(?-i:[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?))(?:\.|[ \t]*\([^()\n]{1,20}\)[ \t]*[.,—–-]?)[ \t]+)?"
    r"(?P<marker>" + _SETTLEMENT_MARK + r")?[ \t]*",
    re.IGNORECASE,
)
# A settlement's name after its word: one word, hyphenated or not, or an adjective with its noun («г. Сосновый Бор»,
# «г. Старый Оскол», «г. Набережные Челны»); `_marked_place` keeps the second word only where the two agree.
_MARKED_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \t][А-ЯЁ][а-яё]+)?"
# A protocol's header line may give the place after the date: «12 марта 2024 г. № 6        г. Лида», and the address
# after the place: «14 апреля 2025 г.        г. Евпатория, пр. Ленина, 2, каб. 37».
_PLACE_AFTER_DATE = re.compile(
    r"(?:^|[ \t])" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")[ \t.]*(?:$|,[ \t])"
)
# A report's dateline may give the city after the date: «14 марта 2024 года, Бишкек.», «5 мая. Ош —»,
# «14.03.2024 | Бишкек».
# «14 марта 2024, 10:15 | Бишкек»: the time may come between; a site's fields «04.06.2025 / 17:12 | Бишкек |
# Пресс-служба …» set the date, the time, the city and the source apart alike.
_CITY_AFTER_DATE = re.compile(
    r"(?:[ \t]*[,|/]?[ \t]*\d{1,2}:\d{2})?[ \t]*[,.|/][ \t]*"
    r"(?P<place>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \t]*(?:[.,|—–-]|$)"
)
# A field's label before its place: «Место проведения:», «Место и время проведения:», «Место проведения заседания:»,
# «Адрес:», a form's «Город:» and «Населённый пункт:».
_PLACE_LABEL = (
    r"(?i:место(?:[ \t]+и[ \t]+время)?(?:[ \t]+проведения(?:[ \t]+(?:заседания|сессии|совещания|собрания|слушаний))?)?"
    r"|адрес(?:[ \t]+проведения)?|город|насел[её]нный[ \t]+пункт)[ \t]*:"
)
# A place alone opening a line: «Павлодар. В понедельник …», «Место проведения: г. Каракол, здание мэрии».
_PLACE_LINE = re.compile(
    r"(?:" + _PLACE_LABEL + r"[ \t]*)?"
    # «(г. Тамбов) 14 марта 2024 г.»: a dateline's place in brackets.
    r"(?P<open>\()?[ \t]*"
    r"(?P<marker>" + _SETTLEMENT_MARK + r"[ \t]*)?"
    r"(?P<place>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?(?(marker)(?:[ \t][А-ЯЁ][а-яё]+)?))"
    # «ТАШКЕНТ (УзА).», «Тараз (Казинформ) — Сегодня …»: the agency in brackets after the city; a headline's
    # «Актобе: прошла сессия маслихата».
    r"(?(open)[ \t]*\)|(?:[ \t]*\([^()\n]{1,20}\)[ \t]*[—–-][ \t]|(?:[ \t]*\([^()\n]{1,20}\))?"
    r"(?:[.,][ \t]|:[ \t]+(?=\w)|[ \t]{2,}|[ \t]*$)))",
)
_PLACE_LINES = 8  # a protocol's header (body, title, number) comes before its place line
_FIELD_LINES = 14  # a protocol's «Место проведения:» may follow its date, time and agenda fields
_VENUE_FIELD = re.compile(_PLACE_LABEL)
_QUOTED_DAY = re.compile(r"[«\"](\d{1,2})[»\"]")
# A protocol's place field naming the venue first: «Место проведения: актовый зал администрации, г. Тулун».
_PLACE_FIELD = re.compile(_PLACE_LABEL + r"(?P<value>.*)")
_SETTLEMENT_IN_FIELD = re.compile(r"(?:^|[\s,(])" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")")


def find_dateline(doc: Doc) -> Dateline | None:
    """A date (and a place before it) opening one of the first lines: "БИШКЕК, 21 сентября 2023", "12.03.2024",
    "Автор: … | 20.04.2023, 11:08". A crawler's bare date often comes first and the agency's
    "САМАРКАНД, 15 февраля" or a protocol's "г. Ош" later: the place is taken from the first lines that have one."""
    lines = _stamps_apart(_first_lines(_opening(doc), _FIELD_LINES))
    found: Dateline | None = None
    place: str | None = None
    for index, (offset, line) in enumerate(lines):
        if index >= _PLACE_LINES:
            # A protocol's header block may run long before its «Место проведения:» field.
            place = place or (_line_place(line) if _VENUE_FIELD.match(line.strip(" \t#*")) else None)
            if place is not None:
                break
            continue
        # «"14" марта 2024 г.»: a protocol's day in quotes, read without them (the offsets stay).
        cut = _head_end(line)
        head = _QUOTED_DAY.sub(lambda day: f" {day.group(1)} ", line[:cut])
        # «Шымкент қ., 12.03.2025», «Бишкек ш., 5 апреля»: the Kazakh «қаласы» or Kyrgyz «шаары» after the name,
        # blanked (the offsets stay).
        head = _POSTPOSED_TOWN_MARK.sub(lambda mark: mark.group("name") + " " * len(mark.group("mark")), head)
        line = head + line[cut:]
        if (found is None or found.stamp or found.place is None) and (
            _DATE_LIKE.search(head) or _MAIL_STAMP.match(head)
        ):
            dated = _dated_line(head, offset, line)
            # A bare date stands among the first lines; a place with its date («Нукус, 10 июня 2025 г.») is a
            # dateline below bilingual menus and breadcrumbs too.
            # (A protocol's own date line, «от 11.03.2025» under its title, place and number, may come later.)
            if dated is not None and index >= _DATELINE_LINES and dated.place is None and not _OWN_DATE.match(head):
                dated = None
            if found is None:
                found = dated
            elif dated is not None and not dated.stamp and dated.date is not None and _overrides(dated, found):
                found = replace(dated, date=_with_year(dated.date, found.date))
        place = place or (found.place if found else None) or _line_place(line)
        if found is not None and not found.stamp and place is not None:
            break
    if found is None:
        found = _footer_date(doc)
        if found is None:
            return Dateline(None, place) if place else None
    return replace(found, place=place)


_FOOTER_LINES = 3  # a signature, a photo credit, then the site's date
_FOOTER_CHARS = 400
# What may follow a footer's date on its line: the year's word, a time, a view counter.
_FOOTER_REST = re.compile(
    r"[ \t]*(?:г\.|года?)?[ \t]*(?:[,|][ \t]*)?(?:\d{1,2}:\d{2})?[ \t]*(?:[,|][ \t]*)?"
    r"(?:(?i:просмотр(?:ов|ы)?)[ \t]*:?[ \t]*\d+)?[ \t.]*$"
)


def _footer_date(doc: Doc) -> Dateline | None:
    """A date alone on one of the last lines («Наталья ПАРХОМЧИК / 12.03.2024», «Опубликовано: 12 марта 2024»): a
    district site prints the report's date under it, not above. Like a crawler's stamp it says when the report was
    posted: it counts «вчера» and lends years, and a date in the text comes first. It cuts nothing (end 0)."""
    text = doc_text(doc)
    tail_start = max(0, len(text) - _FOOTER_CHARS)
    lines = _first_lines(text[tail_start:], 10_000)[-_FOOTER_LINES:]
    for offset, line in reversed(lines):
        if not _DATE_LIKE.search(line):
            continue
        dated = _dated_line(line, tail_start + offset, line)
        if dated is None or dated.date is None or dated.date.year is None:
            continue
        date_end = dated.end - tail_start - offset
        if _FOOTER_REST.match(line, date_end) is None:
            continue  # a date inside a sentence or a decision's number, not a site's date line
        return Dateline(dated.date, None, 0, True)
    return None


def _overrides(dated: Dateline, found: Dateline) -> bool:
    """A crawler's stamp gives way to the report's own dateline on a later line, and so does a site's bare
    publication time («23.10.2024 12:10») to an agency's «АСТАНА, 22 октября»: the dateline with the place is the
    report's own."""
    return found.stamp or (found.place is None and dated.place is not None)


def _head_end(line: str) -> int:
    """Where a line's dateline part ends: `_DATELINE_CHARS` characters, a run of spaces or tabs counted as one
    (a protocol's header pads its place and its date apart: «г. Ульяновск <50 spaces> «24» апреля 2025 г.»)."""
    count = 0
    for i, char in enumerate(line):
        if not (char in " \t" and i and line[i - 1] in " \t"):
            count += 1
            if count > _DATELINE_CHARS:
                return i
    return len(line)


# A machine's date opening the text («2024-10-09 11:02:37 | ВКО», «2024-07-09T07:31:00+05:00», «2025/11/28 09:03»):
# a crawler's or a site engine's stamp of when the page was seen or posted. People write «9 октября 2024» or
# «09.10.2024».
_ISO_STAMP = re.compile(r"\d{4}([-/])\d{2}\1\d{2}(?![\d/-])")


# A clause opening with a preposition or a conjunction («по словам депутата», «что в ночь на среду») is a sentence's,
# not a venue.
_FUNCTION_WORD = r"(?i:по|в|во|на|с|со|к|о|об|у|за|из|от|до|для|при|как|что|и|а|но|или|если|когда|где|это)(?=[ \t])"
# A dateline may name the venue between its city and its date: «Санкт-Петербург, Таврический дворец, 10 апреля»,
# «Бишкек, Дом дружбы, 5 мая», «г. Ош, здание мэрии, 14 марта». Each part is short and no sentence: the city a
# capitalised name, the venue one or two comma-parted phrases without sentence punctuation.
_VENUE_DATELINE = re.compile(
    r"[ \t#*]*(?P<marker>" + _SETTLEMENT_MARK + r")?[ \t]*"
    r"(?P<city>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)*(?:[ \t][А-ЯЁ][а-яё]+)?)[ \t]*,"
    r"(?:[ \t]*(?!" + _FUNCTION_WORD + r")[^\s,.;:!?«»\"()][^,.;:!?\n]{0,40},){1,2}[ \t]*$"
)


def _venue_dateline_place(before: str) -> str | None:
    """The city of a dateline that names its venue before the date (see `_VENUE_DATELINE`), if `before` (the
    line up to the date) is one."""
    venue = _VENUE_DATELINE.match(before)
    if venue is None:
        return None
    if venue.group("marker"):
        return _marked_place(venue.group("city"))
    return _dateline_place(venue.group("city"))


# A protocol header's two columns: the place, perhaps with its address, on the left, the date across a wide gap on
# the right: «г. Мурманск, пр. Ленина, 75                17.03.2025 № 1».
_COLUMN_PLACE = re.compile(
    r"[ \t#*]*" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")(?:[ \t]*,[^\n]*\S)?[ \t]{5,}$"
)


def _column_place(before: str) -> str | None:
    column = _COLUMN_PLACE.match(before)
    return _marked_place(column.group("place")) if column else None


_ONE_WORD = re.compile(r"[ \t]*(?P<word>[А-ЯЁа-яё]+)[ \t]+")


def _two_word_dateline_place(before: str, place: str | None) -> str | None:
    """«НИЖНИЙ НОВГОРОД, 5 мая», «Набережные Челны, 5 мая»: the grammar's place is one word, the adjective of a
    two-word town's name is left before it."""
    word = _ONE_WORD.fullmatch(before)
    return _adjective_and_place(word.group("word"), place) if word and place else None


_FAR_YEAR_MARK = re.compile(r"[ \t]{2,}г\.?$")
_STREET_BEFORE = re.compile(
    r"(?:ул|улица|пр|просп|проспект|пер|переулок|пл|площадь|бульвар|мкр)\.?[ \t]*$", re.IGNORECASE
)


def _dated_line(head: str, offset: int, line: str) -> Dateline | None:
    mail = _MAIL_STAMP.match(head)
    if mail is not None:
        month = _MAIL_MONTHS.index(mail.group("month")) + 1
        return Dateline(
            DateFact(int(mail.group("year")), month, int(mail.group("day"))), None, offset + mail.end(), True
        )
    prefix = _DATELINE_PREFIX.match(head)
    for match in dateline_parser().findall(head):
        venue_place = None
        if match.span.start > prefix.end():
            venue_place = (
                _venue_dateline_place(head[: match.span.start])
                or _two_word_dateline_place(head[prefix.end() : match.span.start], match.fact.place)
                or _column_place(head[: match.span.start])
            )
            if venue_place is None:
                continue  # a date inside a running sentence, not a dateline
        if _STREET_BEFORE.search(head, 0, match.span.start):
            continue  # «ул. 8 Марта»: a street named for a date
        date = match.fact.date
        if date is None or not date.month or not date.day:
            continue
        if venue_place is not None:
            place = venue_place
        elif match.fact.place and prefix.group("marker"):
            place = _header_place(match.fact.place)  # «г. Вахдат 14 марта»: the word says it is a settlement
        else:
            # «Кызылорда, 14 марта 2024 (Kazinform)»: a name morphology does not know at all, opening a dateline,
            # is the city as written.
            name = match.fact.place or prefix.group("city")
            place = _dateline_place(name) or (_unshouted_name(name) if name and _unknown_word(name) else None)
        rest = line[match.span.stop :].rstrip()
        year_mark = _FAR_YEAR_MARK.search(head, match.span.start, match.span.stop)
        if year_mark is not None:
            # «24.11.2025          г. Арзамас»: across a protocol header's gap «г.» marks the town, not the year.
            rest = line[year_mark.start() :].rstrip()
        if place is None and (after := _PLACE_AFTER_DATE.search(rest)) is not None:
            place = _header_place(after.group("place"))
        if place is None and (after := _CITY_AFTER_DATE.match(rest)) is not None:
            place = _dateline_place(after.group("place"))
        stamp = prefix.group("stamp") is not None or _ISO_STAMP.match(head, match.span.start) is not None
        year = with_century(head[match.span.start : match.span.stop], date.year)
        return Dateline(DateFact(year, date.month, date.day), place, offset + match.span.stop, stamp)
    return None


# A header's venue line: «Зал заседаний Жогорку Кенеша, г. Бишкек», «Актовый зал акимата, г. Тараз».
_VENUE_LINE = re.compile(r"(?i:(?:[а-яё-]+[ \t]+)?(?:зал|здание|конференц-зал|помещение)(?![а-яё]))")
# A headline's town in brackets after what it reports: «Сессия городского маслихата (г. Актобе)».
_BRACKETED_TOWN = re.compile(r"\([ \t]*" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")[ \t]*\)[ \t]*$")


def _line_place(line: str) -> str | None:
    """A city that opens a line alone: a report's «Павлодар.», a protocol's «г. Вольск» or «Место проведения:»;
    a place field or a venue line that names the venue first gives the settlement marked in it («…, г. Тулун»); a
    bracketed town closes a headline."""
    line = line.strip(" \t#*")
    place = _opening_place(line)
    if place is not None:
        return place
    field = _PLACE_FIELD.match(line)
    if field is not None:
        return _settlement_in(field.group("value"))
    town = _SETTLEMENT_IN_FIELD.search(line) if _VENUE_LINE.match(line) else None
    if town is not None and line[: town.start() + 1].rstrip(" \t").endswith(","):
        return _header_place(town.group("place"))  # the town after a comma: «Здание школы в г. Ош …» is a headline
    bracketed = _BRACKETED_TOWN.search(line.rstrip())
    return _header_place(bracketed.group("place")) if bracketed else None


def _opening_place(text: str) -> str | None:
    """The place `_PLACE_LINE` reads at the start of `text`: a name a settlement word marks, or a known city."""
    found = _PLACE_LINE.match(text)
    if found is None:
        return None
    return (_header_place if found.group("marker") else _dateline_place)(found.group("place"))


def _settlement_in(value: str) -> str | None:
    """The settlement a place field marks after its venue: «актовый зал администрации, г. Тулун»."""
    settlement = _SETTLEMENT_IN_FIELD.search(value)
    return _header_place(settlement.group("place")) if settlement else None


_SIGNATURE_LINES = 6  # a protocol's or a decision's signatures and its «г. Тулун, 14 марта 2024 г.» close the text
# The signature block's place line: a settlement word and the name, alone or with the date.
_SIGNATURE_PLACE = re.compile(
    r"[ \t]*(?:(?P<before>[\d.]+|\d{1,2}[ \t]+[а-яё]+[ \t]+\d{4})[ \t]*(?:г\.|года)?[ \t]*[,]?[ \t]*)?"
    r"(?i:г|гор)\.[ \t]*(?P<place>" + _MARKED_NAME + r")"
    r"(?:[ \t]*,?[ \t]*(?:[\d.]+|\d{1,2}[ \t]+[а-яё]+[ \t]+\d{4})[ \t]*(?:г\.|года)?)?[ \t.]*$"
)


# «Место проведения — г. Самара.» anywhere in the text, a field written into a running paragraph; «Место и время
# проведения: г. Балыкчы, 10:00»; a meeting's own address, «Заседание прошло по адресу: г. Оренбург, ул. …».
_PLACE_FIELD_ANYWHERE = re.compile(
    r"(?i:место(?:[ \t]+и[ \t]+время)?[ \t]+проведения(?:[ \t]+(?:заседания|сессии|совещания|собрания|слушаний))?"
    r"|(?:прош[её]л|прошл[аои]|состоял(?:ся|ась|ось|ись))[ \t]+"
    r"по[ \t]+адресу)[ \t]*[:—–-][ \t]*(?P<value>[^\n]{1,120})"
)


def field_place(doc: Doc) -> str | None:
    """The settlement of a «Место проведения:» field past the header lines: «…, г. Тулун», «— г. Самара»."""
    for field in _PLACE_FIELD_ANYWHERE.finditer(doc_text(doc)):
        value = field.group("value").strip()
        place = _opening_place(value) or _settlement_in(value)
        if place is not None:
            return place
    return None


def signature_place(doc: Doc) -> str | None:
    """The place a protocol or a decision gives by its signatures at the end: «г. Тулун, 14 марта 2024 г.»,
    «14.03.2024   г. Ош» on a line of their own, among the last lines (an address has a street after the city)."""
    text = doc_text(doc)
    tail = text[max(0, len(text) - 2000) :].splitlines()
    lines = [line.strip(" \t#*") for line in tail if line.strip(" \t#*")][-_SIGNATURE_LINES:]
    for line in reversed(lines):
        found = _SIGNATURE_PLACE.fullmatch(line)
        if found is not None:
            return _header_place(found.group("place"))
    return None


_FUTURE_DAYS = 60  # a day without a year this far after the dateline was last year's


def _with_year(fact: DateFact, ref: DateFact | None) -> DateFact:
    """«13 октября» under a crawler's «14.10.2022»: the day takes the dateline's year."""
    if fact.year or ref is None or ref.year is None:
        return fact
    try:
        day = datetime.date(ref.year, fact.month, fact.day)
    except ValueError:
        return fact
    late = (day - datetime.date(ref.year, ref.month, ref.day)).days > _FUTURE_DAYS
    return DateFact(ref.year - 1 if late else ref.year, fact.month, fact.day)
