"""Locations: the word classes the place grammar is written in, shared by the candidates, the cleaning and the
nominative.

Prepositions of place («в», «на»), the coordinators of a list, a region's nouns and status words, a place's
-ск-/-цк- adjective and the nominative made from it, the nouns that name no place (a street's, a building's, a water
body's, a river's bank), settlement nouns known by their morphology, and a person's noun or given name (a place
adjective before one titles the person). Each is a test of one word, or of the word before a span; none decides
alone whether a span is a place.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from models import loading
from pipelines.normalize import recover_shape
from pipelines.stages.locations.keys import _OPENING_BRACKETS, _in, _in_word_set, _lemmas
from pipelines.titles import is_settlement_kind

_ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ей)$")


def _previous_word(span: Span) -> Token | None:
    for token in reversed(span.doc[: span.start]):
        if token.text in _OPENING_BRACKETS:
            return None  # "в Таврическом дворце (Санкт-Петербург)": the bracket names where the building is
        if not (token.is_punct or token.is_space):
            return token
    return None


def _not_place_noun(token: Token) -> bool:
    """A street's, a building's or a water body's noun, or a part of a river: what names it is no place."""
    return _in(token, "loc_not_place_nouns") or _in(token, "loc_water_nouns") or _river_bank(token)


# «на левом берегу Сырдарьи»: a bank with its side is a river's, and so is one a thing stands on, «на берегу Ука»
# (a lake's or a sea's: no place either); «у берегов Сирии», «у берега Турции» are a country's coast.
_RIVER_SIDES = frozenset({"левый", "правый"})


def _river_bank(token: Token) -> bool:
    if token.lemma_.lower() != "берег" or token.i == 0:
        return False
    side = token.doc[token.i - 1]
    if token.lower_ == "берегу" and side.lower_ == "на":
        return True
    return side.lemma_.lower() in _RIVER_SIDES or side.lower_.startswith(("лев", "прав"))


_IN = frozenset({"в", "во"})
# What a place name in the locative follows: «в Чемале», «на Алтае».
_LOCATIVE_PREPOSITIONS = _IN | {"на"}
_CONJUNCTION = "и"  # not a comma: «вдоль реки Тобол, Курган готовится»


# Status words a region's name has besides its own: a span of these and a region noun names no region.
_STATUS_WORDS = frozenset(
    f"{stem}{end}"
    for stem in ("муниципальн", "городск", "сельск", "районн", "областн", "административн", "автономн", "айылн")
    for end in ("ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ые", "ых", "ими", "ыми", "ий", "ее", "ое")
)


_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ому|им|ым|ом|ую|ей|их|ими)$")


_LIST_REACH = 8  # tokens back from a listed name to the plural kind before the list


@cache
def _settlement_stems() -> frozenset[str]:
    """The first three letters of every settlement noun, which all its forms share: a word that does not start
    so is no settlement noun, and pymorphy is not asked about it (nearly every word of a text passes here)."""
    return frozenset(word.replace("ё", "е")[:3] for word in _lemmas("loc_settlement_nouns"))


@lru_cache(maxsize=50_000)
def _settlement_by_morphology(word: str) -> bool:
    """«сёла», «сёл»: a settlement noun the tagger lemmatized wrong («сёла» as «сесть»), read by pymorphy."""
    words = _lemmas("loc_settlement_nouns")
    return any(p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in words for p in loading.parse(word))


@lru_cache(maxsize=50_000)
def _plural_only(word: str) -> bool:
    """«аулы», «сёлах», «посёлков»: a noun form that is plural in every reading («села» may be one village's). The
    word is written lower-case: a surname's reading does not count («агрогородков», which pymorphy also guesses as
    the surname Агрогородков)."""
    nouns = [p for p in loading.parse(word) if p.tag.POS == "NOUN" and not {"Surn", "Name", "Patr"} & p.tag.grammemes]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


_PLURAL_ENDINGS = ("ах", "ях", "ами", "ями")  # no settlement noun's singular ends so


def _plural_kind(word: str) -> bool:
    """A settlement noun in the plural: «махаллях», which pymorphy reads as a singular it guesses, by its ending."""
    return _plural_only(word) or word.endswith(_PLURAL_ENDINGS)


# A region's -ск-/-цк- adjective that the dictionary knows only as a surname («Каменского района»): its
# nominative is made from its stem by the adjective's regular endings.
_SK_ADJECTIVE = re.compile(r"(?i)^(?P<stem>[а-яё-]+?[сц]к)(?:ого|ому|им|ом|ой|ую|ая|ий|ое|их|ими|ие)$")
_SK_ENDINGS = {"masc": "ий", "femn": "ая", "neut": "ое"}


def _adjective_nominative(word: str, gender: str, plural: bool) -> str:
    parses = [p for p in loading.parse(word) if p.tag.POS == "ADJF"]
    parse = next(iter(parses), None)
    if parse is not None and not parse.is_known:
        # «Затеречного»: a guess reads an unknown adjective's «-ого» as «-ой» or «-ый»; a place's adjective has its
        # ending unstressed («Затеречный», «Ольгинский»), the stressed «-ой» of a known one («Заводской») is no guess.
        parse = next((p for p in parses if not p.normal_form.endswith("ой")), parse)
    head, _, tail = word.rpartition("-")
    if parse is None and head and tail:
        # «Гусь-Хрустального»: the dictionary knows the town's name, not its adjective; the last part declines.
        return f"{head}-{_adjective_nominative(tail, gender, plural)}"
    form = parse.inflect({"nomn", "plur"} if plural else {"nomn", gender}) if parse else None
    if form is None and (sk := _SK_ADJECTIVE.match(word)) is not None:
        return recover_shape(sk.group("stem").lower() + ("ие" if plural else _SK_ENDINGS[gender]), word)
    return recover_shape(form.word, word) if form else word


_COORDINATORS = {",", "и"}


@cache
def _region_or_settlement_words() -> frozenset[str]:
    return _lemmas("loc_region_nouns") | _lemmas("loc_settlement_nouns") | _lemmas("loc_council_territories")


def _is_region_noun(lemma: str, lower: str) -> bool:
    """A region's or a settlement's noun, or a council's territory («сельсовет»), read from the lexicons' union
    without a cache: a scan asks it of every word, and most of a text's word forms would be new to one."""
    return _in_word_set(lemma, lower, _region_or_settlement_words())


def _singular_nominative(noun: Token) -> str | None:
    parse = next((p for p in loading.parse(noun.lower_) if p.tag.POS == "NOUN"), None)
    form = parse.inflect({"nomn", "sing"}) if parse else None
    return form.word if form else None


def _person_noun(token: Token) -> bool:
    """«депутаты», «председатель» (a sentence's first word the tagger may read as a name): a noun of people."""
    return token.pos_ in ("NOUN", "PROPN") and token.morph.get("Animacy") == ["Anim"]


# «Брестского», «Восточно-Казахстанской», «Минском»: a relative adjective made from a place's name.
_REGION_ADJECTIVE_ENDINGS = tuple(
    f"{stem}{end}" for stem in ("ск", "цк") for end in ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую")
)


def _adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in loading.parse(word))


def _place_adjective(word: str) -> bool:
    """«Шатойском», and «Веденском», which the dictionary knows only as the surname Веденский: a place's adjective
    and an adjective-declined surname are one shape (-ский, -цкий), and beside a region noun it is the place's."""
    if _adjective(word):
        return True
    return word.lower().endswith(_REGION_ADJECTIVE_ENDINGS) and any("Surn" in p.tag for p in loading.parse(word))


def _given_name(token: Token) -> bool:
    """«Иосиф», «Мария»: a word the dictionary knows only as a first name (not also as a place)."""
    parses = [p for p in loading.parse(token.lower_) if p.is_known and p.tag.POS == "NOUN"]
    return bool(parses) and "Name" in parses[0].tag and not any("Geox" in p.tag for p in parses)


def _after_settlement_kind(span: Span) -> bool:
    before = _previous_word(span)
    return before is not None and is_settlement_kind(before)
