"""yargy grammars for a meeting's name and a report's dateline.

    TITLE     → NUMBER? MODIFIER* NUMBER? EVENT BODY?
                «II заседание Межстранового Большого Общественного Совета по вопросам миграции»,
                «ХХ внеочередная сессия маслихата», «5-я сессия Жогорку Кенеша», «круглый стол»
    NUMBER    → ROMAN | INT - ending | ORDINAL      «II», «ХХ» (Cyrillic look-alikes), «5-я», «пятая»
    EVENT     → a noun of `meeting_events.txt`     «заседание», «сессия», «круглый стол»
    BODY      → GEN_NP (GEN_NP | по NP | ABBR)*    «Думы Ханты-Мансийского автономного округа», «Госдумы РФ»
    GEN_NP    → GEN_ADJ* GEN_NOUN(-GEN_NOUN)? ABBR? «Общественной палаты», «маслихата ЗКО», «стран-экспортеров»

    DATELINE  → PLACE? ,? DATE | ISO_DATE | DASHED  «БИШКЕК, 21 сентября 2023», «2023-09-21», «2023/09/21»,
                                                  «10-03-2022», «ЧОЛПОН-АТА, 26 сен» (an agency's short month)

The grammars run on single sentences the meeting stage picks (running yargy over a long report is
slow); the stage maps matches back onto the spaCy Doc by character offsets.
"""

from __future__ import annotations

from functools import cache

from natasha.extractors import Parser
from natasha.grammars.date import DATE, YEAR_WORD, Date
from natasha.grammars.date import DAY as DATE_DAY
from natasha.grammars.date import YEAR as DATE_YEAR
from yargy import and_, not_, or_, rule
from yargy.interpretation import fact
from yargy.pipelines import morph_pipeline
from yargy.predicates import (
    caseless,
    custom,
    dictionary,
    eq,
    gram,
    gte,
    in_,
    in_caseless,
    is_capitalized,
    is_upper,
    lte,
    type,
)
from yargy.rule import Rule

from models import lexicons, loading
from models.chart_parser import faster
from models.months import LATIN_MONTHS
from models.punctuation import TYPOGRAPHIC_DASHES

Title = fact("Title", ["number", "event", "body"])
IsoDate = fact("IsoDate", ["year", "month", "day"])
Dateline = fact("Dateline", ["place", "date"])

# Latin numerals and the Cyrillic letters typed for them («ХХ сессия», «ІІ заседание»). No C: a
# hundredth session is rare, while a capital «С» is the everyday preposition.
_ROMAN_LETTERS = {"I": "I", "V": "V", "X": "X", "L": "L", "Х": "X", "І": "I", "Ӏ": "I"}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(word: str) -> int | None:
    """The value of a Roman numeral written in Latin or look-alike Cyrillic capitals, else None."""
    if not word or len(word) > 8 or any(ch not in _ROMAN_LETTERS for ch in word):
        return None
    digits = [_ROMAN_VALUES[_ROMAN_LETTERS[ch]] for ch in word]
    total = 0
    for i, value in enumerate(digits):
        total += -value if i + 1 < len(digits) and digits[i + 1] > value else value
    return total if total > 0 else None


def ordinal_values() -> dict[str, str]:
    pairs = (entry.split("|") for entry in lexicons.load("meeting_ordinals"))
    return {lemma.strip(): number.strip() for lemma, number in pairs}


ROMAN = custom(lambda word: roman_value(word) is not None)
ORDINAL_ENDING = in_({"й", "я", "е", "ое", "ая", "ой", "ий", "го", "ый", "ей"})
ARABIC_ORDINAL = rule(type("INT"), eq("-"), ORDINAL_ENDING)
ORDINAL_WORD = custom(lambda word: word.lower().replace("ё", "е") in _ordinal_forms())
# «сорок первая», «двадцать пятой»: a cardinal's tens before an ordinal.
TENS_WORD = custom(lambda word: word.lower() in _tens())
# «VIII-й сессии», «ХХ-ая сессия»: a Roman numeral with an ordinal's ending, as an Arabic one.
ROMAN_ORDINAL = rule(ROMAN, eq("-"), ORDINAL_ENDING)
NUMBER = or_(
    ROMAN_ORDINAL, rule(ROMAN), ARABIC_ORDINAL, rule(TENS_WORD, ORDINAL_WORD), rule(ORDINAL_WORD)
).interpretation(Title.number)


@cache
def _tens() -> frozenset[str]:
    """The lexicon's cardinal tens («сорок»), which open a compound ordinal as they are written."""
    return frozenset(w for w in ordinal_values() if not any(p.tag.POS == "ADJF" for p in loading.parse(w)))


def compound_ordinal_value(text: str) -> str | None:
    """«сорок первая» → «41»: the tens and the ordinal's value added."""
    words = text.lower().replace("ё", "е").split()
    if len(words) != 2 or words[0] not in _tens():
        return None
    unit = next((p.normal_form for p in loading.parse(words[1]) if p.tag.POS == "ADJF"), None)
    value = ordinal_values().get(unit.replace("ё", "е")) if unit else None
    return str(int(ordinal_values()[words[0]]) + int(value)) if value and int(value) < 10 else None


@cache
def _ordinal_forms() -> frozenset[str]:
    """Every case and gender form of the ordinals in the lexicon: «пятая», «пятого», «пятой»."""
    forms = set()
    for lemma in ordinal_values():
        for parse in loading.parse(lemma):
            if parse.tag.POS == "ADJF":
                forms.update(f.word.replace("ё", "е") for f in parse.lexeme)
    return frozenset(forms)


# «отчетно-выборная конференция»: a hyphenated adjective's first half is an adverb-like stem.
# Not a pronoun's adjective: «на своём первом заседании» is the body's first meeting, «своё» names none of it.
MODIFIER = or_(rule(and_(gram("ADJF"), not_(gram("Apro")))), rule(type("RU"), eq("-"), gram("ADJF")))
EVENT = morph_pipeline(sorted(lexicons.load("meeting_events"))).interpretation(Title.event)

ABBR = rule(and_(is_upper(), type("RU")))
HYPHENATED_ADJ = rule(type("RU"), eq("-"), and_(gram("ADJF"), gram("gent")))
GEN_ADJ = or_(rule(and_(gram("ADJF"), gram("gent"))), HYPHENATED_ADJ)
FUNCTION_WORD = or_(gram("PREP"), gram("CONJ"), gram("PRCL"), gram("INTJ"))
EVENT_WORD = dictionary({w for w in lexicons.load("meeting_events") if " " not in w})
# A body's name doesn't start with another event: «открытие сессии ассамблеи» is two titles.
# Nor is a pronoun that also reads as a noun: «им» (имени) after «сессии БГК» is the pronoun «им».
GEN_NOUN = and_(gram("NOUN"), gram("gent"), not_(FUNCTION_WORD), not_(EVENT_WORD), not_(gram("NPRO")))
# Names pymorphy can't decline («Жогорку Кенеша», «Ак Жол»): capitalized words taken as they stand.
PROPER = rule(and_(is_capitalized(), type("RU"), not_(FUNCTION_WORD))).repeatable(max=3)
HYPHENATED_NOUN = rule(GEN_NOUN, eq("-"), GEN_NOUN)  # «стран-экспортеров»
GEN_NP = rule(GEN_ADJ.repeatable(max=5).optional(), or_(HYPHENATED_NOUN, rule(GEN_NOUN)), ABBR.optional())
DAT_ADJ = and_(gram("ADJF"), gram("datv"))
DAT_NP = rule(DAT_ADJ.repeatable(max=3).optional(), and_(gram("NOUN"), gram("datv")))
# «комиссии по градостроительству и землепользованию городской Думы»: the remit's nouns joined by «и».
# «комиссии по делам несовершеннолетних», «по делам пожилых»: a remit's genitive may be a plural adjective used as a
# noun (the people it serves), with no noun after it.
SUBSTANTIVE_NP = rule(GEN_ADJ.repeatable(max=3).optional(), and_(gram("ADJF"), gram("gent"), gram("plur")))
PO_NP = rule(
    caseless("по"),
    DAT_NP,
    rule(caseless("и"), DAT_NP).optional(),
    or_(GEN_NP, SUBSTANTIVE_NP).optional(),
)
BODY = rule(or_(GEN_NP, PROPER), or_(GEN_NP, PO_NP, ABBR).repeatable(max=5).optional()).interpretation(Title.body)

TITLE: Rule = rule(
    NUMBER.optional(),
    MODIFIER.repeatable(max=3).optional(),
    NUMBER.optional(),
    EVENT,
    BODY.optional(),
).interpretation(Title)

YEAR = and_(gte(1900), lte(2100))
MONTH = and_(gte(1), lte(12))
DAY = and_(gte(1), lte(31))
# «2023-09-21»; a site engine's «2025/11/28» or «2025.10.21» is the same order with slashes or dots (never mixed
# within one date; a year first is never a day, so the dotted one is no «21.10.2025» read backwards).
ISO_DATE = or_(
    *(
        rule(
            rule(YEAR).interpretation(IsoDate.year.custom(int)),
            eq(separator),
            rule(MONTH).interpretation(IsoDate.month.custom(int)),
            eq(separator),
            rule(DAY).interpretation(IsoDate.day.custom(int)),
        )
        for separator in ("-", "/", ".")
    )
).interpretation(IsoDate)
# A crawler's «10-03-2022», a site's «21/09/2017»: day, month and year joined by hyphens or slashes.
DASHED_DATE = or_(
    *(
        rule(
            rule(DAY).interpretation(IsoDate.day.custom(int)),
            eq(separator),
            rule(MONTH).interpretation(IsoDate.month.custom(int)),
            eq(separator),
            rule(YEAR).interpretation(IsoDate.year.custom(int)),
        )
        for separator in ("-", "/")
    )
).interpretation(IsoDate)

# An agency's month cut short: «ЧОЛПОН-АТА, 26 сен — Кабар», «Бишкек, 5 окт. 2024». Its stems as the agencies cut
# them; «мая» and «май» are whole words the DATE grammar reads.
_MONTH_ABBREVIATIONS = {
    **dict.fromkeys(("янв",), 1),
    **dict.fromkeys(("фев", "февр"), 2),
    **dict.fromkeys(("мар",), 3),
    **dict.fromkeys(("апр",), 4),
    **dict.fromkeys(("июн",), 6),
    **dict.fromkeys(("июл",), 7),
    **dict.fromkeys(("авг",), 8),
    **dict.fromkeys(("сен", "сент"), 9),
    **dict.fromkeys(("окт",), 10),
    **dict.fromkeys(("ноя", "нояб"), 11),
    **dict.fromkeys(("дек",), 12),
}
MONTH_ABBREVIATION = in_caseless(set(_MONTH_ABBREVIATIONS)).interpretation(
    Date.month.custom(lambda word: _MONTH_ABBREVIATIONS[word.lower()])
)
# Flat alternatives, as natasha writes DATE: a nested optional rule would drop the day's and year's interpretation.
SHORT_MONTH_DATE = or_(
    rule(DATE_DAY, MONTH_ABBREVIATION, eq(".").optional(), DATE_YEAR, YEAR_WORD.optional()),
    rule(DATE_DAY, MONTH_ABBREVIATION, eq(".").optional()),
)
# A dateline's month in Latin letters (`models/months.py`).
LATIN_MONTH = in_caseless(set(LATIN_MONTHS)).interpretation(Date.month.custom(lambda word: LATIN_MONTHS[word.lower()]))
LATIN_MONTH_DATE = or_(
    rule(DATE_DAY, eq("-").optional(), LATIN_MONTH, eq(",").optional(), DATE_YEAR),
    rule(DATE_DAY, eq("-").optional(), LATIN_MONTH),
)
PLACE_WORD = and_(is_capitalized(), type("RU"), not_(FUNCTION_WORD))
# «ЧОЛПОН-АТА, 26 сен», «Жалал-Абад, 5 мая»: a hyphenated town is one place.
PLACE = or_(rule(PLACE_WORD, eq("-"), PLACE_WORD), rule(PLACE_WORD)).interpretation(Dateline.place)
DATED = or_(
    DATE, SHORT_MONTH_DATE.interpretation(Date), LATIN_MONTH_DATE.interpretation(Date), ISO_DATE, DASHED_DATE
).interpretation(Dateline.date)
# «БИШКЕК, 14 марта», «Москва — 14 марта», «Бишкек / 14.03.2026», «Талас • 5 апреля», «Петропавловск | 5 апреля»: a
# comma, a dash or a site's slash, bar or bullet after the place.
PLACE_SEPARATOR = in_({",", "/", "|", "•", "·", *TYPOGRAPHIC_DASHES})
DATELINE: Rule = or_(rule(PLACE, PLACE_SEPARATOR.optional(), DATED), rule(DATED)).interpretation(Dateline)


def _parser(grammar: Rule) -> Parser:
    parser = Parser(grammar, loading.morph_vocab())
    parser.tokenizer.morph = loading.yargy_forms()  # each word's readings made once, not on every parse
    return faster(parser)  # the same matches, with a smaller chart freed at once


@cache
def title_parser() -> Parser:
    return _parser(TITLE)


@cache
def dateline_parser() -> Parser:
    return _parser(DATELINE)


__all__ = [
    "DATELINE",
    "TITLE",
    "Date",
    "Dateline",
    "IsoDate",
    "Title",
    "dateline_parser",
    "roman_value",
    "title_parser",
]
