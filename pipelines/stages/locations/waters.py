"""Locations: names of rivers, lakes and seas, which are no places.

A name after a water noun or a river's part («реке Унже», «в бассейне Исети»), one a flood, an ice drift or a water
level is told of («паводок на Ишиме», «уровень воды в Тоболе»), or one joined by «и» to a river's name (not by a
comma: «вдоль реки Тобол, Курган готовится») names a water body: in all its mentions, unless the text also writes it
as a settlement's. A short quote holds a name («ООО «Десна-Агро»») and is not read for rivers; a speech quoted at
length names its rivers as any sentence does.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from models import lexicons
from models.components.extensions import token_texts
from models.grammars.cities import city_of
from models.punctuation import (
    DASHES,
    TYPOGRAPHIC_OPENING_QUOTES,
)
from pipelines.doc_views import token_strings
from pipelines.stages.locations.keys import (
    Key,
    _in_words,
    _is_capitalized,
    _lemmas,
    _word_set_flags,
    gazetteer,
    key_of,
    span_key,
)
from pipelines.stages.locations.words import (
    _CONJUNCTION,
    _IN,
    _PLACE_ADJECTIVE,
    _not_place_noun,
    _previous_word,
    _river_bank,
)


def _after_not_place_noun(span: Span) -> bool:
    """ "улица Ленина", "улиц Гагарина и Тыныстанова", "в бассейне Исети": a street's, a building's or a river's
    name."""
    before = _previous_word(span)
    if before is not None and _not_place_noun(before):
        return True
    root = span.root
    if root.dep_ == "conj" and root.head.i < span.start and root.head.dep_ != "conj":
        first = span.doc[root.head.i : root.head.i + 1]
        before = _previous_word(first)
        return before is not None and _not_place_noun(before) and before.i == first.start - 1
    return False


@cache
def _water_formants() -> tuple[str, ...]:
    return tuple(lexicons.load("loc_water_formants"))


def _river_by_formant(word: str) -> bool:
    """«Сырдарьи», «Амударье»: a name made with a word for a river is a river's in every case."""
    lower = word.lower()
    return any(lower.endswith(formant) and len(lower) > len(formant) + 1 for formant in _water_formants())


_CROSSINGS = frozenset({"мост", "переправа", "паром"})
_LOCATIVE_ENDINGS = ("е", "и")
_WATER_LEVELS = frozenset({"уровень", "подъём", "подъем", "спад", "сброс"})


def _water_name_at(doc: Doc, i: int, lemmas: list[str], lowers: list[str], water_nouns: list[bool]) -> int | None:
    """Where the water body's name stands after a water context at `i`, if `i` is one: a water noun or a river's
    part («реке Унже», «в бассейне Исети», «на левом берегу Сырдарьи»), a river's flow («выше по течению Амура»),
    what a bridge crosses («ремонт моста через Онон») or what water is in («уровень воды в Енисее»)."""
    lemma, lower = lemmas[i].lower(), lowers[i]
    if lower == "через" and i > 0 and lemmas[i - 1].lower() in _CROSSINGS:
        return i + 1
    if lemma == "вода" and i + 2 < len(doc) and lowers[i + 1] in _IN:
        # A river's level: «уровень воды в Енисее», «подъём воды в Зее», in the locative. Not a town's supply:
        # «подача воды в Нукус», «нехватка воды в Оше».
        level = i > 0 and lemmas[i - 1].lower() in _WATER_LEVELS
        return i + 2 if level and doc[i].is_lower and lowers[i + 2].endswith(_LOCATIVE_ENDINGS) else None
    if lemma == "вода" and i + 1 < len(doc) and lowers[i + 1] == "из" and doc[i].is_lower:
        # «каналы берут воду из Храми и Алгети», «забор воды из Оби»: water is drawn from a river or a lake; a town a
        # text names so elsewhere too («в Оше») is kept by the settlement check of `water_names`, a listed one here.
        return i + 2 if i + 2 < len(doc) and city_of(doc[i + 2].text) is None else None
    if (
        lemma in _WATER_LEVELS
        and (doc[i].is_lower or doc[i].is_sent_start)
        and i + 1 < len(doc)
        and not (i > 0 and lowers[i - 1] in _AT_A_LEVEL)
    ):
        # «уровень Оби и Чумыша поднялся»: a level named by a name alone is a river's or a lake's; not «на уровне
        # Бишкека», a body's tier, nor a listed town's (`city_of`).
        return i + 1 if city_of(doc[i + 1].text) is None else None
    if lower == "вдоль" and i + 1 < len(doc) and city_of(doc[i + 1].text) is None:
        # «сёла вдоль Араза», «садоводства вдоль Китоя»: what a place lies along, named by a name alone, is a river
        # (a road or a border has its noun: «вдоль трассы», «вдоль границы»); not a listed town.
        return i + 1
    if lemma == "течение" and i > 0 and lowers[i - 1] == "по":
        return i + 1 if doc[i].is_lower else None  # not «в течение», a span of time
    if lemma == _EMBANKMENT and doc[i].is_lower:
        return i + 1  # «ремонт набережной Волги»: an embankment is a river's, a lake's or a sea's
    if lemma in _ICE_DRIFTS and i + 2 < len(doc) and lowers[i + 1] == "на":
        return i + 2  # «ледоход на Лене»: only a river's ice drifts
    if lemma in _FLOODS and doc[i].is_lower and i + 2 < len(doc) and lowers[i + 1] == "на":
        # «подготовка к паводку на Каме»: a flood «on» a name is a river's (a region's, «паводок на Алтае», is one of
        # the lexicons, which `water_names` asks; a town's is «в»: «паводок в Орске»).
        return i + 2 if city_of(doc[i + 2].text) is None else None
    if lower == "берега" and i > 0 and lowers[i - 1] in _BY_THE_BANK and i + 1 < len(doc):
        # «у берега Самура»: a river's or a lake's bank, where the name is no country or region of the lexicons
        # (`water_names` asks them): «у берега Турции» is a country's coast.
        return i + 1
    if lemma != "берег" and not water_nouns[i]:
        return None
    if not (doc[i].is_lower or _opens_a_sentence(doc[i])) or (lemma == "берег" and not _river_bank(doc[i])):
        return None
    return i + 2 if i + 2 < len(doc) and doc[i + 1].text == "." else i + 1


def _opens_a_sentence(token: Token) -> bool:
    """«Реки Урал, Илек и Тобол …»: a water noun capitalized as a sentence's (or a quote's) first word."""
    return token.is_title and (
        token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text in TYPOGRAPHIC_OPENING_QUOTES)
    )


def _plural_water_noun(token: Token) -> bool:
    """«реки Урал, Илек и Тобол», «на реках Зея и Селемджа»: a plural water noun names every river of its list, commas
    too (a singular's comma may end the river's phrase: «вдоль реки Тобол, Курган готовится»)."""
    return token.pos_ == "NOUN" and token.morph.get("Number") == ["Plur"]


_BY_THE_BANK = frozenset({"у", "вдоль"})
_AT_A_LEVEL = frozenset({"на", "до", "с", "со", "по"})
_EMBANKMENT = "набережная"
_ICE_DRIFTS = frozenset({"ледоход", "ледостав"})
_FLOODS = frozenset({"паводок", "половодье"})


def _one_word_name(doc: Doc, at: int, quoted: list[bool]) -> bool:
    if at >= len(doc) or quoted[at] or not _is_capitalized(doc[at]) or not doc[at].is_alpha:
        return False
    # «река Москва-река», an abbreviation: not a one-word name
    return not (doc[at].text.isupper() or (at + 1 < len(doc) and doc[at + 1].text in DASHES))


def _water_name_length(doc: Doc, at: int, quoted: list[bool]) -> int:
    """Words of the water body's name at `at`: one, or an adjective and a name («на реках Черная Калитва и Сухая
    Россошь», «реки Северная Двина»); 0 where no name stands."""
    if not _one_word_name(doc, at, quoted):
        return 0
    two = doc[at].pos_ == "ADJ" and not _PLACE_ADJECTIVE.search(doc[at].lower_) and _one_word_name(doc, at + 1, quoted)
    return 2 if two else 1


def water_names(doc: Doc, quoted: list[bool]) -> frozenset[Key]:
    """Keys of the one-word names the text gives a water body: the capitalized word right after a water context
    (`_water_name_at`), and a name joined to it («подъём воды в Зее и Селемдже»). The same name elsewhere in the
    text is that water body too («вдоль Исети», «на Амударье»), unless the text also writes it as a settlement's
    («реку Уфу … в Уфе», «города Тобол»)."""
    lemmas, lowers = token_strings(doc, LEMMA), token_strings(doc, LOWER)
    found: set[Key] = set()
    named_at: set[int] = set()  # the names' own positions: «воды в Зее» is no settlement's «в Зее»
    water_nouns = _word_set_flags(doc, _lemmas("loc_water_nouns"))
    names_quoted = _short_quotes(quoted)
    for i in range(len(doc)):
        at = _water_name_at(doc, i, lemmas, lowers, water_nouns)
        listing = at is not None and water_nouns[i] and _plural_water_noun(doc[i])
        while at is not None and (length := _water_name_length(doc, at, names_quoted)):
            key = key_of(token_texts(doc)[at : at + length])
            if gazetteer().canonical(key):
                break
            found.add(key)
            named_at.add(at)
            end = at + length
            joined = end + 1 < len(doc) and (lowers[end] == _CONJUNCTION or (listing and lowers[end] == ","))
            at = end + 1 if joined else None
    if not found:
        return frozenset()
    place_prepositions = lexicons.load("loc_place_prepositions")
    for i in range(1, len(doc)):
        if i in named_at:
            continue
        before = lowers[i - 1]
        settlement = before in place_prepositions or _in_words(lemmas[i - 1], before, "loc_settlement_nouns")
        if settlement and _is_capitalized(doc[i]) and doc[i].is_alpha:
            found.discard(key_of([doc[i].text]))
    return frozenset(found)


_QUOTED_NAME_WORDS = 6  # «ООО «Десна-Агро»», «Агрокомбинат «Весейский»»: a quoted name is short, a quoted speech long


def _short_quotes(quoted: list[bool]) -> list[bool]:
    """`quoted` (`_quoted`) kept for the short quotes that hold a name; a speech quoted at length («Каналы, которые
    берут воду из Храми и Алгети, …») names its rivers as any sentence does."""
    flags = list(quoted)
    start = None
    for i, inside in enumerate([*quoted, False]):
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            if i - start > _QUOTED_NAME_WORDS:
                flags[start:i] = [False] * (i - start)
            start = None
    return flags


def _names_water(span: Span, waters: frozenset[Key]) -> bool:
    return (
        any(_river_by_formant(t.text) for t in span if t.is_alpha)
        or (len(span) <= 2 and span_key(span) in waters)
        or _joined_to_a_river(span)
    )


def _joined_to_a_river(span: Span) -> bool:
    """«подача воды из Арыси и Сырдарьи»: a one-word name joined by «и» to a river named with a river's word is a river
    too."""
    if len(span) != 1:
        return False
    doc = span.doc
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].lower_ == _CONJUNCTION else None
    before = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].lower_ == _CONJUNCTION else None
    return any(t is not None and t.is_alpha and _river_by_formant(t.text) for t in (after, before))
