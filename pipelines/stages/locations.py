"""Locations: countries, regions and cities in the nominative, each once.

Three sources feed one list:
1. NER LOC spans, cleaned: brackets cut, streets, buildings and natural features dropped, a body's
   own words dropped from spans that NER stretched over an organization ("Жогорку Кенеше
   Кыргызской Республики" → "Кыргызской Республики").
2. Names from the lexicons wherever they are written outside quotes: country aliases ("РФ",
   "Кыргызская Республика") and region abbreviations ("ЗКО"), which NER often misses or tags ORG.
3. Places inside organization names ("Совет депутатов Челябинской области", "Правительство
   Москвы"): real reports name bodies by their region, and the region counts as a location; a letterhead in
   capitals names its body's region too («АДМИНИСТРАЦИЯ СОКОЛЬСКОГО МУНИЦИПАЛЬНОГО ОКРУГА»).

Every name is then keyed by its lemmas, so case forms and aliases collapse to one entry.

Not places: streets, buildings, electoral districts, a region's kind without its name, a common word capitalized
by its place in a sentence, and water bodies: a name after a water noun or a river's part («реке Унже», «в
бассейне Исети») is a river's in all its mentions unless the text also writes it as a settlement's. A place the text
names only in its hashtags is not listed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise

from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from models import lexicons, loading
from models.alphabet import CYRILLIC_LETTER
from models.components.extensions import doc_text, token_texts
from models.grammars.cities import city_of
from models.loading import PROPER_GRAMMEMES
from models.punctuation import (
    DASHES,
    OPENING_QUOTES,
    TYPOGRAPHIC_CLOSING_QUOTES,
    TYPOGRAPHIC_DASHES,
    TYPOGRAPHIC_OPENING_QUOTES,
)
from pipelines.body_names import bodys_other_names
from pipelines.deadline import check_deadline
from pipelines.doc_views import entities, folded_strings, token_strings, written_words
from pipelines.findings import Findings, LocationFinding, PersonFinding, TextSpan
from pipelines.headings import headings
from pipelines.normalize import nominative, recover_shape
from pipelines.tag_lines import in_tag_line
from pipelines.titles import is_settlement_kind, name_after_kind

_WORD = re.compile(r"\w+(?:-\w+)*")
_OPENING_BRACKETS = {"(", "["}
_CLOSING_BRACKETS = {")", "]"}
# Dependents that hang a place off a body's or a region's name: "Правительство Москвы".
_ATTACHED_DEPS = {"nmod", "appos", "flat", "flat:name", "flat:foreign"}
# Dependents that make a region noun a proper name: "Челябинская область", "Республика Татарстан".
_NAMING_DEPS = {"amod", "appos", "flat", "flat:name", "flat:foreign", "nmod"}

Key = tuple[str, ...]


_ABBREVIATION_LENGTH = 5  # «КНДР», «ХМАО», «ЯНАО»: abbreviations of places are short


@lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    # Abbreviations are matched as written: "РК" is a country, "рк" is not a word at all. A longer word in capitals
    # is a heading's ("КИРОВСКОЙ ОБЛАСТИ"): the same name as the text's lower-case one.
    if _abbreviation(word):
        return word
    return loading.parse(word.lower())[0].normal_form.replace("ё", "е")


def _abbreviation(word: str) -> bool:
    """«РК», «КНДР», «ХМАО»; not «РАЙОН» or «ОБЛАСТИ» of a heading in capitals, which are words."""
    if not word.isupper() or len(word) < 2:
        return False
    if len(word) > _ABBREVIATION_LENGTH:
        return False
    return not any(p.is_known and "Abbr" not in p.tag for p in loading.parse(word.lower()))


# A region's status the text writes or leaves out: "Вольский муниципальный район" is "Вольский район".
_OPTIONAL_WORD = "муниципальный"


def key_of(words: Iterable[str]) -> Key:
    """Lemmas of the words: the same for every case form of a name."""
    return tuple(lemma for lemma in map(_lemma, words) if lemma != _OPTIONAL_WORD)


def text_key(text: str) -> Key:
    return key_of(_WORD.findall(text))


def _nominative_lemmas(word: str) -> set[str]:
    if _abbreviation(word):
        return {word}
    parses = loading.parse(word.lower())
    found = {p.normal_form.replace("ё", "е") for p in parses if p.tag.case in (None, "nomn")}
    return found or {_lemma(word)}


def lexicon_keys(text: str) -> set[Key]:
    """Every key a lexicon name can have: pymorphy's first guess for a word out of context varies
    by form ("большая" → "больший", "большой" → "большой"), so all nominative readings count."""
    keys: set[Key] = {()}
    for word in _WORD.findall(text):
        keys = {(*k, lemma) for k in keys for lemma in _nominative_lemmas(word)}
    # The first guess too, which a text's form gets: "Газа" reads as "газ" in "Сектора Газа".
    return keys | {text_key(text)}


def span_key(span: Span | Iterable[Token]) -> Key:
    return key_of(t.text for t in span if not (t.is_punct or t.is_space))


@dataclass(frozen=True)
class Gazetteer:
    """Lexicon names by key: the canonical name, and whether it replaces the written form."""

    names: dict[Key, str] = field(default_factory=dict)
    forced: frozenset[Key] = frozenset()
    longest: int = 1
    first_words: frozenset[str] = frozenset()
    # First words of names that open with a common noun («область Абай»): found in lower case too.
    lower_first_words: frozenset[str] = frozenset()
    lower_first_stems: frozenset[str] = frozenset()

    def canonical(self, key: Key) -> str | None:
        return self.names.get(key)


@cache
def gazetteer() -> Gazetteer:
    names: dict[Key, str] = {}
    forced: set[Key] = set()
    lower_first: set[str] = set()
    for lexicon, force in (("loc_countries", True), ("loc_regions", False)):
        for forms in lexicons.spellings(lexicon):
            canonical = forms[0]
            for form in forms:
                for key in lexicon_keys(form):
                    names.setdefault(key, canonical)
                    if force:
                        forced.add(key)
                    if form[:1].islower() and len(key) > 1:
                        lower_first.add(key[0])
    return Gazetteer(
        names=names,
        forced=frozenset(forced),
        longest=max(len(k) for k in names),
        first_words=frozenset(k[0] for k in names if k),
        lower_first_words=frozenset(lower_first),
        lower_first_stems=frozenset(word[:_STEM_LETTERS] for word in lower_first),
    )


_STEM_LETTERS = 3  # letters every case form of a region noun shares («обл-асть», «обл-асти»)


def _lemmas(name: str) -> frozenset[str]:
    return lexicons.load(name)


@cache
def _not_places() -> frozenset[Key]:
    return frozenset(key for line in lexicons.lines("loc_not_places") for key in lexicon_keys(line))


def _is_geox(word: str) -> bool:
    """pymorphy's dictionary knows the word as a toponym (`Geox`); guesses for unknown words don't count."""
    return any("Geox" in p.tag and p.tag.POS == "NOUN" and p.is_known for p in loading.parse(word))


def _shouted_common_word(span: Span) -> bool:
    """«ПРОТОКОЛ», «СТЕНОГРАММА»: a heading's word in capitals the tagger took for a place, which the dictionary knows
    only as a common word (a city in capitals is a toponym there: «ТАМБОВ», «МИНСК»)."""
    if len(span) != 1 or not span.text.isupper() or len(span.text) < 5 or not span.text.isalpha():
        return False
    parses = loading.parse(span.text.lower())
    return bool(parses) and all(
        p.is_known and not ({"Geox", "Name", "Surn", "Orgn", "Abbr"} & p.tag.grammemes) for p in parses
    )


def _is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _in(token: Token, lexicon: str) -> bool:
    return _in_words(token.lemma_, token.lower_, lexicon)


@lru_cache(maxsize=100_000)
def _in_words(lemma: str, lower: str, lexicon: str) -> bool:
    """`_in` by the token's lemma and lower-case form (`token_strings`); cached, as scans ask it of every word."""
    return _in_word_set(lemma, lower, _lemmas(lexicon))


def _in_word_set(lemma: str, lower: str, words: frozenset[str]) -> bool:
    """`_in_words` of a lexicon's `words`, uncached: for the scans over every word of a text, most of whose word
    forms are new to the cache (a miss costs several look-ups where the test costs two)."""
    return lemma.lower().replace("ё", "е") in words or lower.rstrip(".") in words


def _word_set_flags(doc: Doc, words: frozenset[str]) -> list[bool]:
    """`_in_word_set` of every word of the Doc, in one pass: the scans over every word ask it of each (~80k words
    per 300 NEREL texts, three scans), and a call and two foldings per word cost more than the test."""
    lemmas, lowers = folded_strings(doc, LEMMA), token_strings(doc, LOWER)
    return [lemma in words or lower.rstrip(".") in words for lemma, lower in zip(lemmas, lowers, strict=True)]


def _quoted(doc: Doc) -> list[bool]:
    """Which tokens stand inside «…»: names of parties, papers and projects, not places."""
    inside, flags = False, []
    for text in token_texts(doc):
        if text in TYPOGRAPHIC_OPENING_QUOTES:
            inside = True
        elif text in TYPOGRAPHIC_CLOSING_QUOTES:
            inside = False
        elif text == '"':
            inside = not inside
        flags.append(inside)
    return flags


# Adjectives that point back to a name already given: the kind after them is another unit's, named by it
# («кишлак Сиёма одноимённого джамоата», «село Бахмал соседнего района»), no word of the place's name.
_POINTING_ADJECTIVES = frozenset({"одноименный", "соседний", "данный", "указанный", "названный", "тот", "этот"})


def _trim(span: Span) -> Span | None:
    """The span without a bracketed tail ("Молдавия (КС)") and edge punctuation."""
    doc, start, end = span.doc, span.start, span.end
    for token in span:
        if token.text in _OPENING_BRACKETS or (token.text in TYPOGRAPHIC_OPENING_QUOTES and token.i > start):
            end = token.i  # «МВД России «Слободской»»: a quoted name after the place is another body's
            break
        if token.text in _CLOSING_BRACKETS:
            start = token.i + 1  # «(д. Вишнево) Воложинского повета»: the bracket closed before the name
        if token.i > start and _layout_gap(token):
            end = token.i  # «г. Димитровград          28.05.2025»: a letterhead's date set to the right margin
            break
        if token.i > start and token.is_lower and token.lemma_.replace("ё", "е") in _POINTING_ADJECTIVES:
            end = token.i  # «в кишлаке Сиёма одноимённого джамоата»: what follows points back, another unit's kind
            break
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if end - start > 1 and doc[start].pos_ == "ADP":
        start += 1  # «Во Владимире прошло заседание»: a sentence's capitalised preposition NER took in
    if end - start > 1 and municipal_kind(doc[start]):
        start += 1  # «МО Оржицкое сельское поселение»: the municipality's kind, then the place's name
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # A place's name ends on its noun: a lower-case adjective or participle after it is the sentence's
    # predicate the tagger took in («в посёлках Кышик и Цингалы подтопленными остаются …»).
    while end - start > 1 and _predicate_adjective(doc[end - 1]):
        end -= 1
    # «в джамоате Зарбдор района Рудаки»: a region noun after a name that is no adjective, a capitalized name after
    # it, is that name's kind, not the first name's.
    if (
        end - start == 2
        and end < len(doc)
        and doc[end - 1].is_lower
        and _in(doc[end - 1], "loc_region_nouns")
        and not _ADJECTIVE_ENDING.search(doc[start].lower_)
        and not _adjective(doc[start].lower_)
        and _is_capitalized(doc[end])
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _layout_gap(token: Token) -> bool:
    """A run of spaces or a tab within a line: columns of a layout, never the space between a name's words (a
    wrapped name's line break is a newline, which stays)."""
    text = token.text
    return token.is_space and "\n" not in text and (len(text) >= 3 or "\t" in text)


_ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ей)$")


def _predicate_adjective(token: Token) -> bool:
    """A lower-case adjective or participle, or a finite verb («Дорогу до Кызыл-Жар отремонтируют»): the predicate."""
    form = token.morph.get("VerbForm")
    finite = token.pos_ in ("VERB", "AUX") and "Fin" in form
    return token.is_lower and (token.pos_ == "ADJ" or "Part" in form or finite)


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
_IN = frozenset({"в", "во"})
# What a place name in the locative follows: «в Чемале», «на Алтае».
_LOCATIVE_PREPOSITIONS = _IN | {"на"}
_LOCATIVE_ENDINGS = ("е", "и")
_WATER_LEVELS = frozenset({"уровень", "подъём", "подъем", "спад", "сброс"})
_CONJUNCTION = "и"  # not a comma: «вдоль реки Тобол, Курган готовится»


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


def _is_place_like(span: Span) -> bool:
    """Evidence beyond NER that the span names a country, region or city."""
    key = span_key(span)
    if not key or key in _not_places() or _unnamed_kind(span):
        return False
    if gazetteer().canonical(key):
        return True
    root = span.root
    if _in(root, "loc_region_nouns") or _in(root, "loc_settlement_nouns"):
        return any(
            c.i in range(span.start, span.end) and _is_capitalized(c) and c.dep_ in _NAMING_DEPS for c in root.children
        )
    words = [t for t in span if not t.is_punct]
    return all(_is_capitalized(t) for t in words) and _is_geox(root.text)


def _place_after_body(span: Span) -> Span | None:
    """The place a body's name ends with: "Жогорку Кенеше Кыргызской Республики" → "Кыргызской Республики"."""
    inside = range(span.start, span.end)
    for token in span:
        if token.i == span.start or token.head.i not in inside or token.head.i >= token.i:
            continue
        if token.dep_ not in _ATTACHED_DEPS or token.left_edge.i <= span.start:
            continue
        start = token.left_edge.i
        # «Олий Мажлиса Республики Узбекистан»: a tagger reading the body's noun as the place's modifier leaves it
        # at the tail's edge; the body's words are no part of the place.
        while start < span.end - 1 and _is_body_noun(span.doc[start]):
            start += 1
        tail = span.doc[start : span.end]
        if _is_place_like(tail):
            return tail
    return None


def _is_quoted_name(span: Span) -> bool:
    """ "в загородном лагере «Сосновый бор»": a name standing alone in quotes names a camp, a hotel or a
    ship, not a place."""
    doc = span.doc
    return (
        span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text in TYPOGRAPHIC_OPENING_QUOTES
        and doc[span.end].text in TYPOGRAPHIC_CLOSING_QUOTES
    )


_TITLE_REACH = 12  # words from a place back to the quote that opens a work's title
_AUTHOR_REACH = 3  # an author's name between the work's kind and its title: «монографию Сослана Цаликова «…»»


def _in_a_work_title(span: Span) -> bool:
    """«рекомендовал к печати монографию «Аланские городища Центрального Кавказа»», «фильм «Битва за Москву»»: a
    place in a quoted work's title is the work's subject, not a place the text reports on."""
    doc = span.doc
    opening = None
    for token in reversed(doc[max(0, span.start - _TITLE_REACH) : span.start]):
        if token.text in TYPOGRAPHIC_CLOSING_QUOTES or token.text in _SENTENCE_ENDS - {"»"}:
            return False
        if token.text in TYPOGRAPHIC_OPENING_QUOTES:
            opening = token.i
            break
    if opening is None:
        return False
    for token in reversed(doc[max(0, opening - _AUTHOR_REACH - 1) : opening]):
        if token.is_lower:
            return _in(token, "org_work_kinds")
        if not (_is_capitalized(token) and token.is_alpha):
            return False
    return False


def _unnamed_kind(span: Span) -> bool:
    """ "МУНИЦИПАЛЬНЫЙ РАЙОН" of a heading, "избирательный округ № 12": a region's kind and status with no name,
    or an electoral district, which is drawn for a vote and names no place."""
    words = [t for t in span if t.text.replace("-", "").isalpha()]  # «Ивано-Франковской» is a word with a name
    if any(_in(t, "loc_not_place_modifiers") for t in words):
        return True
    # By pymorphy's lemma too: the tagger lemmatizes a heading's capitals badly.
    return bool(words) and all(
        t.lower_ in _STATUS_WORDS or _is_region_noun(t.lemma_, t.lower_) or _is_region_noun(_lemma(t.lower_), t.lower_)
        for t in words
    )


# Status words a region's name has besides its own: a span of these and a region noun names no region.
_STATUS_WORDS = frozenset(
    f"{stem}{end}"
    for stem in ("муниципальн", "городск", "сельск", "районн", "областн", "административн", "автономн", "айылн")
    for end in ("ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ые", "ых", "ими", "ыми", "ий", "ее", "ое")
)

_SENTENCE_ENDS = frozenset({".", ":", "!", "?", "…", "|", "»"})


def _common_word_capitalized_by_position(span: Span) -> bool:
    """ "Спасибо." after a speaker's name, "Просмотров: 143", "Запросы направлены": a word the dictionary knows
    only as a common word, capitalized because it begins a sentence or a line, is no place's name."""
    if not span[0].is_alpha or span[0].text.isupper():
        return False
    # «Мэр округа отчитался …» of a headline: a common noun and common words after it in lower case name nothing
    # either («Центральный район», an adjective opening it, is a name).
    if len(span) > 1 and not (
        all(p.tag.POS == "NOUN" for p in loading.parse(span[0].lower_))
        and all(t.is_alpha and t.is_lower and _common_word(t) for t in span[1:])
    ):
        return False
    token = span[0]
    before = token.doc[token.i - 1] if token.i > 0 else None
    starts = (
        before is None
        or token.is_sent_start
        or "\n" in before.text
        or before.text in _SENTENCE_ENDS
        or (before.text.endswith(".") and before.text[:1].isupper())  # «ИБРАГИМОВ Р.С. Спасибо»
    )
    # «заместитель Губернатора области»: a post is capitalized out of respect anywhere in a sentence (a post with its
    # lower-case words after it: a name alone may be a common noun's homonym, «в секторе Древлянки»).
    post = len(span) > 1 and _person_noun(token)
    return (starts or _capitalized_attribute(token) or post) and _common_word(token)


def _common_word(token: Token) -> bool:
    """The dictionary knows the word only as a common word."""
    parses = loading.parse(token.lower_)
    return all(p.is_known for p in parses) and not any(tag in p.tag for p in parses for tag in PROPER_GRAMMEMES)


_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ому|им|ым|ом|ую|ей|их|ими)$")


def _capitalized_attribute(token: Token) -> bool:
    """«города Почётной грамотой», «Благодарственным письмом»: a common adjective capitalized as an award's or a
    document's first word, the lower-case noun it qualifies right after it. A place's adjective («Российской
    академии») is made in -ск/-цк and is left to the other rules."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        after is not None
        and token.head.i == after.i
        and token.dep_ == "amod"
        and after.pos_ == "NOUN"
        and after.is_lower
        and not _PLACE_ADJECTIVE.search(token.lower_)
    )


# Parts of speech no place's name holds: a headline's verb, preposition or adverb run into a place by the tagger.
_CLAUSE_POS = frozenset({"VERB", "INFN", "GRND", "PREP", "CONJ", "PRCL", "ADVB", "INTJ"})


def _before_heading_clause(span: Span) -> Span | None:
    """«АКИМ СЕЛЬСКОГО ОКРУГА ОТЧИТАЛСЯ ПЕРЕД ЖИТЕЛЯМИ»: in a headline's capitals the tagger runs a place on into the
    rest of the line; the place ends before the first word the dictionary knows only as a verb, a preposition or
    another word of a clause (read in lower case: the capitals tell nothing)."""
    if len(span) < 2 or not span.text.isupper():
        return span
    for token in span:
        parses = loading.parse(token.lower_) if token.is_alpha else []
        if parses and all(p.is_known and p.tag.POS in _CLAUSE_POS for p in parses):
            return _trim(span.doc[span.start : token.i]) if token.i > span.start else None
    return span


def _glued_hashtag(span: Span) -> bool:
    """«#СоветСтарейшин», «#ГородскойСовет»: a hashtag glues a phrase's words into one, capitals inside; it tags
    the post with a phrase, not with a place («#Нарын», one word, may still be the city)."""
    if len(span) != 1 or span.start == 0 or not span.doc[span.start - 1].text.endswith("#"):
        return False
    word = span[0].text
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _legal_form_before_name(span: Span) -> bool:
    """«НАО «Национальный центр»», «АО «Береке»»: an abbreviation that is a company's legal form (or a municipality's
    kind), right before the quoted name, is the form («некоммерческое акционерное общество»), not the region it also
    spells."""
    doc = span.doc
    if len(span) != 1 or not span[0].text.isupper() or span.end >= len(doc):
        return False
    after = doc[span.end]
    if municipal_kind(span[0]) and after.is_title and after.is_alpha:
        return True  # «МО Оржицкое сельское поселение», «МО Ломоносовский муниципальный район»: the kind, unquoted
    quoted = after.text in OPENING_QUOTES
    if quoted and span[0].text.lower() in _legal_forms() | lexicons.load("loc_municipal_abbreviations"):
        return True
    # «ООО «Кольская сёмга», РК «Беломорский рыбак»», «(РК им. В.И. Ленина)»: an abbreviation opening a list's item
    # before a quoted name or an eponym is the body's form (a fishing collective), not the region it also spells; a
    # region's abbreviation in a body's name follows the form («ГАУ РК «Республиканский молодёжный центр»»).
    opens = span.start == 0 or doc[span.start - 1].text in {",", ";", "(", "\n"} or "\n" in doc[span.start - 1].text
    return opens and (quoted or after.lower_ in lexicons.load("eponym_words"))


def municipal_kind(token: Token) -> bool:
    """«МО», «ГО», «МР» in capitals: a municipality's kind before its name."""
    return token.text.isupper() and token.text.lower() in lexicons.load("loc_municipal_abbreviations")


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(lexicons.load("org_legal_forms"))


def _is_body_noun(token: Token) -> bool:
    # By pymorphy's lemma too: the tagger leaves a rare body's noun as written («Маджлиса», «Хурултая»).
    return _in(token, "loc_org_nouns") or _in_words(_lemma(token.text), token.lower_, "loc_org_nouns")


_BREADCRUMB_STEPS = frozenset({"/", "|", "›", "»", ">", "→"})


def clean_location(span: Span) -> Span | None:
    """A NER LOC span as a country, region or city, or None when it names something else."""
    trimmed = _trim(span)
    if trimmed is None:
        return None
    trimmed = _from_shouted_region(trimmed)
    if trimmed[-1].text.endswith("-"):
        return None  # «митрополит Средне- и Западноевропейский»: the first half of a compound word, its end shared
    if any(t.text in _BREADCRUMB_STEPS for t in trimmed):
        return None  # «Совет района / Новости Совета»: a site's breadcrumb, its steps run together
    if _after_not_place_noun(trimmed) or _is_quoted_name(trimmed) or _in_a_work_title(trimmed):
        return None
    if _glued_hashtag(trimmed) or _legal_form_before_name(trimmed) or _adjective_of_a_body(trimmed):
        return None
    root = trimmed.root
    is_body = any(_is_body_noun(t) for t in trimmed)
    if is_body or not (_in(root, "loc_region_nouns") or _in(root, "loc_settlement_nouns")):
        # A place hanging off a non-place head is the location, the head is a body or a title.
        tail = _place_after_body(trimmed)
        if tail is not None or is_body:
            return tail
        # «Контрольно-счетного органа округа»: a lower-case common noun heading the span, no place after it, is a
        # body's or a thing's name that a region noun at its end made NER read as a place.
        if (
            root.is_lower
            and root.pos_ == "NOUN"
            and len(trimmed) > 1
            and _is_region_noun(trimmed[-1].lemma_, trimmed[-1].lower_)
        ):
            return None
    if _not_place_noun(root) or span_key(trimmed) in _not_places() or _unnamed_kind(trimmed):
        return None
    if _common_word_capitalized_by_position(trimmed):
        return None
    trimmed = _before_heading_clause(trimmed)
    if trimmed is None or _unnamed_kind(trimmed):
        return None
    has_noun = any(t.pos_ in ("NOUN", "PROPN") for t in trimmed)
    if not has_noun and loading.parse(root.text)[0].tag.POS != "NOUN" and not _adjectival_town_in_a_list(trimmed):
        return None  # an adjective or adverb NER took for a name: "Штокмановское", "Наиболее"
    return trimmed


_BODY_REACH = 2  # words from a place's adjective to its body's noun: «Ак-Суйскому айыл окмоту», «… районному кенешу»


def _adjective_of_a_body(span: Span) -> bool:
    """«к Чон-Сары-Ойскому айыл окмоту», «Кара-Суйскому районному кенешу»: a lone place adjective the tagger read as a
    place, with a body's noun right after it (a word between at most), is the body's name in an oblique case, which
    names no place of its own; its nominative guess («Ак-Суйском») is no place's name either."""
    if len(span) != 1 or not _SK_ADJECTIVE.match(span[0].text):
        return False
    doc, words = span.doc, []
    for token in doc[span.end : min(len(doc), span.end + 2 * _BODY_REACH)]:
        if token.is_punct or "\n" in token.text:
            break
        if not token.is_space:
            words.append(token)
    return any(t.is_lower and _is_body_noun(t) for t in words[:_BODY_REACH])


def _from_shouted_region(span: Span) -> Span:
    """«РЕГИОНАЛЬНАЯ ПАЛАТА ЧАСТНЫХ СУДЕБНЫХ ИСПОЛНИТЕЛЕЙ ОБЛАСТИ АБАЙ»: in a heading in capitals the tagger runs a
    body's words into the region its name ends with; the region starts at its noun, or at the adjectives right
    before it («ВОСТОЧНО-КАЗАХСТАНСКОЙ ОБЛАСТИ»)."""
    if len(span) < 3 or not span.text.isupper():
        return span
    at = next((t.i for t in span[1:] if _in_words(_lemma(t.text), t.lower_, "loc_region_nouns")), None)
    if at is None:
        return span
    doc = span.doc
    while at > span.start and _adjective(doc[at - 1].lower_):
        at -= 1  # «СОКОЛЬСКОГО МУНИЦИПАЛЬНОГО ОКРУГА»: the region's adjectives, back to the body's noun
    return doc[at : span.end]


def _adjectival_town_in_a_list(span: Span) -> bool:
    """«посетила Благовещенск и Свободный», «в Мирном и Ленске»: a capitalized adjective with no noun of its own,
    joined to a town's proper name, is a town named by an adjective (Свободный, Мирный, Полярный)."""
    if len(span) != 1:
        return False
    token = span[0]
    if token.is_sent_start or not _is_capitalized(token) or token.text.isupper():
        return False
    if _SK_ADJECTIVE.match(token.text):
        return False  # «Самарской (88), Свердловской (80) и Новосибирской областях»: regions whose noun comes last
    # (A noun after it is the adjective's own; one before it is a misparse's: «в том числе в Ясный, Гай и …».)
    if any(c.pos_ in ("NOUN", "PROPN") and c.dep_ != "conj" and c.i > token.i for c in token.children):
        return False
    joined = [token.head] if token.dep_ == "conj" else []
    joined += [c for c in token.children if c.dep_ == "conj"]
    return any(t.i != token.i and t.pos_ == "PROPN" and t.ent_type_ == "LOC" for t in joined)


def _adjectival_town_after_in(span: Span) -> str | None:
    """«рассмотрены во вторник в Глубоком на заседании»: a capitalized adjective in the locative after «в», with no
    noun of its own, is a town named by an adjective (Глубокое, Мирный, Заречный); its nominative in the gender the
    tagger reads (the locative's «-ом» is masculine or neuter alike). Not a «-ский» adjective, whose noun is left
    out as often as not («в Ленинском» for its district)."""
    if len(span) != 1:
        return None
    token = span[0]
    if token.is_sent_start or token.pos_ not in ("ADJ", "PROPN") or not _is_capitalized(token) or token.text.isupper():
        return None
    if token.morph.get("Case") != ["Loc"] or token.morph.get("Number") == ["Plur"] or _SK_ADJECTIVE.match(token.text):
        return None
    parses = [p for p in loading.parse(token.lower_) if p.is_known]
    adjective = [p for p in parses if p.tag.POS == "ADJF" and p.tag.case == "loct"]
    if not adjective or not all(p in adjective or "Geox" in p.tag for p in parses):
        return None  # «в Покрове»: a name the tagger read as an adjective that the dictionary knows as a noun
    doc = token.doc
    # By the words beside it, not the parse, which may hang a lone adjective off the next noun it sees.
    if token.i == 0 or doc[token.i - 1].lower_ not in _IN:
        return None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ") and after.morph.get("Case") == ["Loc"]:
        return None  # «в Новом Уренгое», «в Белом доме»: the adjective's noun, however the parse hangs it
    if token.head.i != token.i and token.dep_ == "amod" and token.head.morph.get("Case") == ["Loc"]:
        return None  # «в Большом и Малом залах»: the noun further on, in the same case
    gender = "neut" if token.morph.get("Gender") == ["Neut"] else "masc"
    return _adjective_nominative(token.text, gender, False)


def adjectival_towns(doc: Doc, quoted: list[bool]) -> Iterator[tuple[Span, str]]:
    """Towns named by an adjective alone after «в» (`_adjectival_town_after_in`), whether NER tagged them or not."""
    lowers = token_strings(doc, LOWER)
    for i in range(1, len(doc)):
        if lowers[i - 1] in _IN and not quoted[i] and (town := _adjectival_town_after_in(doc[i : i + 1])) is not None:
            yield doc[i : i + 1], town


def places_in_body(span: Span, quoted: list[bool]) -> Iterator[Span]:
    """Places a body's name is made specific by: "Совет депутатов Челябинской области"."""
    inside = range(span.start, span.end)
    for token in span:
        if quoted[token.i] or token.head.i not in inside or token.head.i >= token.i:
            continue
        if token.dep_ not in _ATTACHED_DEPS or token.left_edge.i < span.start:
            continue
        place = span.doc[token.left_edge.i : min(token.right_edge.i + 1, span.end)]
        trimmed = _trim(place)
        trimmed = _from_shouted_region(trimmed) if trimmed is not None else None
        if trimmed is not None and _is_place_like(trimmed) and not any(t.text in _BREADCRUMB_STEPS for t in trimmed):
            yield trimmed


def lexicon_names(doc: Doc, quoted: list[bool]) -> Iterator[Span]:
    """Lexicon names written anywhere outside quotes, longest first at each position."""
    # Token indices and strings, not Tokens: a Token for every word cost more than the lookups.
    texts = token_strings(doc, ORTH)
    flags = doc.to_array([IS_SPACE, IS_PUNCT]).tolist()
    words = [i for i, (space, punct) in enumerate(flags) if not (space or (punct and texts[i] not in "-—–"))]
    gaz = gazetteer()
    for i, first in enumerate(words):
        text = texts[first]
        if quoted[first] or not text[:1].isalpha():
            continue
        if text[:1].isupper():
            if _lemma(text) not in gaz.first_words:
                continue
        # (A lower-case word only where its first letters are those of such a name: no lemma for every word.)
        elif text[:_STEM_LETTERS].lower() not in gaz.lower_first_stems or _lemma(text) not in gaz.lower_first_words:
            continue
        for n in range(min(gaz.longest, len(words) - i), 0, -1):
            window = words[i : i + n]
            span = doc[window[0] : window[-1] + 1]
            if span_key(span) and gaz.canonical(span_key(span)) and not _part_of_longer_name(span):
                yield span
                break


def listed_towns(doc: Doc, quoted: list[bool]) -> Iterator[Span]:
    """«до Алмалыка», «в Кызылорде»: a town of the genre's countries (`city_of`) in any case, outside quotes, which NER
    often misses in a long text; a person's name made of it is the persons stage's, as for every span."""
    texts = token_texts(doc)
    for i, text in enumerate(texts):
        if not text[:1].isupper() or text.isupper() or quoted[i]:
            continue
        if city_of(text) is None:
            continue
        span = doc[i : i + 1]
        if _part_of_longer_name(span) or _named_by_a_list_head(span):
            continue
        before = _previous_word(span)
        if before is not None and _is_capitalized(before) and _given_name(before):
            continue  # «имени Алишера Навои»: a poet's name, the town's namesake
        yield span


def _named_by_a_list_head(span: Span) -> bool:
    """«улицы Токтогула», «в поймах рек Или, Каскелен и Талгар»: a name (or a list of names) right after a street's,
    a building's or a river's noun names no town, whatever town shares it."""
    doc = span.doc
    for token in reversed(doc[max(0, span.start - _LIST_REACH) : span.start]):
        if token.lower_ in _COORDINATORS or (_is_capitalized(token) and token.is_alpha):
            continue
        return _not_place_noun(token)
    return False


def _part_of_longer_name(span: Span) -> bool:
    """'России' in 'Единой России': a capitalized modifier makes it the name of something else."""
    inside = range(span.start, span.end)
    return any(
        c.i not in inside and c.dep_ == "amod" and _is_capitalized(c) and c.i < span.start
        for t in span
        for c in t.children
    )


def _without_settlement_noun(span: Span) -> Span:
    """ "города Бишкека" → "Бишкека": the list holds the name, not the kind of settlement."""
    start = span.start
    while start < span.end - 1 and (_in(span.doc[start], "loc_settlement_nouns") or span.doc[start].is_punct):
        start += 1
    return span.doc[start : span.end] if start > span.start and _is_capitalized(span.doc[start]) else span


# A region noun's abbreviations: «Гумбетовского р-на», «в Ленинском р-не», «Свердловской обл.».
_ABBREVIATED_REGION_NOUNS = {
    **{f"р-{end}": ("район", "masc") for end in ("н", "на", "не", "ну", "ном", "ны", "нов", "нах")},
    "обл": ("область", "femn"),
}


def _expanded_abbreviation(span: Span) -> str | None:
    """«Гумбетовского р-на» → «Гумбетовский район»: a place's adjectives before an abbreviated region noun."""
    words = [t for t in span if not t.is_punct]
    full = _ABBREVIATED_REGION_NOUNS.get(words[-1].lower_) if words else None
    if full is None or len(words) < 2 or not all(t.text.replace("-", "").isalpha() for t in words[:-1]):
        return None
    noun, gender = full
    return " ".join([*(_adjective_nominative(t.text, gender, False) for t in words[:-1]), noun])


# A land named by a river, a lake or a range with «при-»/«за-» and «-ье» (Приангарье, Забайкалье, Прииртышье) in an
# oblique case: its genitive «-ья», dative «-ью», instrumental «-ьем».
_PRI_AREA = re.compile(r"(?P<stem>(?:При|За)[а-яё]{3,}?)(?:ья|ью|ьем)$")


# Letters of Kazakh, Kyrgyz, Uzbek and Tajik Cyrillic that Russian lacks: a name spelled with one is written in its own
# language, where the Russian dictionary's case readings («Жаңасемей» as a plural of «семья») do not hold.
_NATIVE_LETTER = re.compile(r"[әғқңөұүһіўҳҷӣӯ]")
_CONSONANT_FINAL = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def _hyphenated_consonant_final(text: str) -> bool:
    """«Усть-Киран», «Кызыл-Жар»: a hyphenated name the dictionary does not know, ending in a consonant, has no case
    ending; a guessed paradigm would read it as a plural's genitive («Усти-Кираны»)."""
    head, _, tail = text.rpartition("-")
    return (
        bool(head)
        and tail[:1].isupper()
        and bool(_CONSONANT_FINAL.search(tail.lower()))
        and not loading.morph().word_is_known(text.lower())
        and city_of(text) is None
    )


_OC_CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def _unagreeing_after_kind(token: Token) -> bool:
    """«в агрогородке Жирмуны», «в селе Ала-Бука»: after a settlement's kind in an oblique case, a name no reading of
    which is in that case stands in the nominative, in apposition; «в городе Бресте» agrees and declines."""
    if token.i == 0 or (not token.is_alpha and "-" not in token.text):
        return False
    kind = token.doc[token.i - 1]
    if not is_settlement_kind(kind):
        return False
    case = kind.morph.get("Case")
    wanted = _OC_CASES.get(case[0]) if len(case) == 1 else None
    if wanted is None:
        return False
    parses = loading.parse(token.text)
    # «у махалли Навбахор»: a guessed plural reading of an unknown name («Навбахоры») agrees with no singular kind.
    singular = kind.morph.get("Number") == ["Sing"]
    agreeing = [p for p in parses if p.tag.case == wanted and (p.is_known or not singular or p.tag.number != "plur")]
    # «в кишлаке Сиёма»: an unknown name the guesser reads only in a third case («сиём», genitive) agrees neither.
    return (any(p.tag.case == "nomn" for p in parses) or not any(p.is_known for p in parses)) and not agreeing


# The case a preposition gives the settlement's kind it governs: «в аг.» is «в агрогородке», «из д.» «из деревни».
_PREPOSITION_CASES = {"в": "loct", "во": "loct", "из": "gent", "до": "gent", "у": "gent", "от": "gent", "к": "datv"}


_LISTED_KIND_REACH = 8  # «в аг. Стайки, аг. Рубеж и аг. Боровка»: words back to the list's preposition
_LISTED_KIND_WORDS = frozenset({"и", ",", "."})


def _unagreeing_after_abbreviated_kind(token: Token) -> bool:
    """«в аг. Боровка», «из д. Заспа»: after an abbreviated kind the name stands in the nominative, uninflected, where
    no reading of it is in the case the preposition before the kind gives (the tagger reads the abbreviation's case
    wrongly); «в с. Ивановке» agrees and declines."""
    if token.i < 3 or not token.is_alpha or token.doc[token.i - 1].text != ".":
        return False
    doc, kind = token.doc, token.doc[token.i - 2]
    if len(kind) > 4 or not is_settlement_kind(kind):
        return False
    # «в аг. Стайки и аг. Боровка»: a listed name's kind shares the first one's preposition.
    wanted = None
    for before in reversed(doc[max(0, kind.i - _LISTED_KIND_REACH) : kind.i]):
        wanted = _PREPOSITION_CASES.get(before.lower_)
        listed = before.lower_ in _LISTED_KIND_WORDS or before.is_title or _in(before, "loc_settlement_nouns")
        if wanted is not None or not listed:
            break
    if wanted is None:
        return False
    return not any(p.tag.case == wanted for p in loading.parse(token.text))


def _nominative(span: Span) -> str:
    if (expanded := _expanded_abbreviation(span)) is not None:
        return expanded
    if (city := city_of(span.text)) is not None:
        return city  # a listed town morphology declines wrongly («в Кызылорде» → «Кызылорд»)
    # A place name in the accusative has its nominative form unless it is a feminine -а/-я noun
    # (Польшу, Америку); inflecting an unknown name only risks a wrong guess ("в Монигалл" → "Монигаллы").
    if len(span) == 1:
        token = span[0]
        if (town := _settlement_locative(token)) is not None:
            return town  # (before the tagger's case: it may read an unknown «в Новоельне» as an accusative)
        if token.morph.get("Case") == ["Acc"] and not token.lower_.endswith(("у", "ю")):
            return token.text
        if _listed_after_plural_kind(span):
            return token.text  # «сёла Кызылтал и Ушбулак»: names beside a plural kind stay in the nominative
        if _unagreeing_after_kind(token) or _unagreeing_after_abbreviated_kind(token):
            return token.text  # «в агрогородке Жирмуны»: a name that does not take its kind's case is as written
        if _NATIVE_LETTER.search(token.lower_) and _CONSONANT_FINAL.search(token.lower_.replace("й", "н")):
            return token.text  # «района Жаңасемей»: a Kazakh spelling ending on a consonant is its nominative
        if (joined := _noun_and_adjective_declined(token.text)) is not None:
            return joined
        if _hyphenated_consonant_final(token.text):
            return token.text  # «мост у Усть-Киран»: no case ending to strip, whatever plural the guess would make
        if _unknown_masculine_genitive(token) or _locative_of_a_written_nominative(token):
            return token.text[:-1]
        if (known := _known_place_only_oblique(token.lower_)) is not None:
            return recover_shape(known, token.text)
        if (adjectival := _adjectival_settlement(token)) is not None:
            return adjectival
        if (area := _PRI_AREA.match(token.text)) is not None and not loading.morph().word_is_known(token.lower_):
            return area.group("stem") + "ье"  # «муниципалитетов Приангарья»: the land along the Angara, Приангарье
    if len(span) == 2 and span[0].pos_ != "ADJ" and _after_settlement_kind(span):
        return span.text  # «джамоата Гули Сурх», «сел Слобозия Маре»: a two-word name in apposition keeps its form
    region = _region_nominative(span)
    if region is not None:
        return region
    for token in span[1:-1]:
        if token.text in DASHES:
            # Two names in apposition ("округа – Югры") agree separately; the parser joins them loosely.
            doc = span.doc
            head, tail = doc[span.start : token.i], doc[token.i + 1 : span.end]
            return f"{_nominative(head)} {token.text} {_nominative(tail)}"
    guess = nominative(span)
    return _unlikely_guess_undone(span[0], guess) if len(span) == 1 else guess


def _noun_and_adjective_declined(word: str) -> str | None:
    """«в Новгороде-Северском», «из Каменска-Уральского»: a town's name joined of a noun and an adjective declines both
    parts in one case; its nominative is the noun's, with the adjective in the noun's gender (Новгород-Северский,
    Каменск-Уральский). The noun is read by the dictionary's geographic parse alone."""
    head, dash, tail = word.partition("-")
    if not dash or "-" in tail or not head[:1].isupper() or not tail[:1].isupper():
        return None
    noun = next((p for p in loading.parse(head.lower()) if "Geox" in p.tag and p.tag.POS == "NOUN"), None)
    if noun is None or noun.tag.case in ("nomn", None) or noun.tag.number != "sing":
        return None
    adjectives = [p for p in loading.parse(tail.lower()) if p.tag.POS == "ADJF" and p.tag.case == noun.tag.case]
    gender = noun.tag.gender
    if not adjectives or gender not in ("masc", "femn", "neut"):
        return None
    return f"{recover_shape(noun.normal_form, head)}-{_adjective_nominative(tail, gender, False)}"


def _adjectival_settlement(token: Token) -> str | None:
    """«города Рудного», «посёлка Светлого»: a settlement named by an adjective, in an oblique case after its kind's
    noun, is that adjective's nominative in the noun's gender (город Рудный, село Ленинское, станица Крымская)."""
    if token.i == 0 or not _in(token.doc[token.i - 1], "loc_settlement_nouns"):
        return None
    parses = [p for p in loading.parse(token.lower_) if p.is_known]
    kind = next((p for p in loading.parse(token.doc[token.i - 1].lower_) if p.tag.POS == "NOUN"), None)
    # «в селе Октябрьском»: the adjective in its kind's case, whatever else the word may be in another (a town
    # «Октябрьск» in the instrumental).
    agreeing = [p for p in parses if kind is None or p.tag.case == kind.tag.case]
    if not agreeing or not all(p.tag.POS == "ADJF" and p.tag.case not in ("nomn", None) for p in agreeing):
        return None
    gender = kind.tag.gender if kind is not None else None
    return _adjective_nominative(token.text, gender, False) if gender else None


def _on_river_nominative(name: str) -> str:
    """ "Николаевска-на-Амуре" → "Николаевск-на-Амуре": the head of a city «on» its river takes the case, the
    river keeps its own; the head is read by pymorphy's geographic parse alone."""
    head, on, river = name.partition("-на-")
    if not on or " " in head or not head[:1].isupper():
        return name
    parse = next((p for p in loading.parse(head.lower()) if "Geox" in p.tag), None)
    if parse is None or parse.tag.case == "nomn":
        return name
    return parse.normal_form[:1].upper() + parse.normal_form[1:] + on + river


def _reads_as_key(name: str, key: Key) -> bool:
    return " ".join(_WORD.findall(name.lower().replace("ё", "е"))) == " ".join(key)


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


def _listed_after_plural_kind(span: Span) -> bool:
    """«сёла Кызылтал и Ушбулак», «в аулах Жанаталап, Акжар»: a name in a list right after a plural settlement
    noun, which the tagger often makes plural too."""
    doc = span.doc
    for token in reversed(doc[max(0, span.start - _LIST_REACH) : span.start]):
        if token.lower_ in _COORDINATORS or (_is_capitalized(token) and token.is_alpha):
            continue
        settlement = _in(token, "loc_settlement_nouns") or _settlement_by_morphology(token.lower_)
        return settlement and _plural_kind(token.lower_)
    return False


_CITY_GENITIVE = re.compile(r"[а-яё](?:ск|цк)а$")
_CONSONANT_A = re.compile(r"[а-яё][бвгджзклмнпрстфхцчшщ]а$")


@lru_cache(maxsize=20_000)
def _known_place_only_oblique(word: str) -> str | None:
    """«Нур-Султана»: a word the dictionary knows only as one place's oblique form is that place, whatever case the
    tagger gave it (it guesses a nominative for a hyphenated name)."""
    parses = [p for p in loading.parse(word) if p.is_known]
    # «в Иванове»: a person's surname read beside the town («иванов») is no reading of a place's name.
    places = [p for p in parses if not ({"Surn", "Name", "Patr"} & p.tag.grammemes and "Geox" not in p.tag)]
    if not places or not all("Geox" in p.tag for p in places) or any(p.tag.case == "nomn" for p in parses):
        return None
    forms = {p.normal_form for p in places}
    return forms.pop() if len(forms) == 1 else None


def _unknown_masculine_genitive(token: Token) -> bool:
    """«города Щучинска», «из Аксуска», «из Цхинвала, Нальчика и Москвы»: a town morphology does not know, in the
    genitive (its guess takes the -а for a feminine nominative or a fixed surname's). A town in -ск is read so in any
    case the tagger gives it; another name in a consonant and -а only right after a preposition that takes the
    genitive alone, where the tagger reads the genitive and could not take the ending off (a feminine name's genitive
    ends in -ы or -и: «из Шардары»). A name morphology knows is declined by it («Аляска», «Хомутова»)."""
    genitive = _CITY_GENITIVE.search(token.text) is not None or (
        _CONSONANT_A.search(token.text) is not None
        and token.morph.get("Case") == ["Gen"]
        and token.lemma_.lower() == token.lower_
        and _after_genitive_preposition(token)
    )
    return genitive and not any(p.is_known for p in loading.parse(token.lower_))


_CONSONANT_E = re.compile(r"[а-яё][бвгджзклмнпрстфхцчшщ]е$")


def _locative_of_a_written_nominative(token: Token) -> bool:
    """«прошло в Чемале … посетил Чемал»: a name morphology does not know, in a consonant and -е after «в» or «на»,
    is the prepositional of the consonant-final name the same text writes bare elsewhere (read alone, «Чемале» could be
    an indeclinable word, as the tagger takes it, or a form of «Чемала» or «Чемаль»)."""
    if (
        token.i == 0
        or token.doc[token.i - 1].lower_ not in _LOCATIVE_PREPOSITIONS
        or not _CONSONANT_E.search(token.text)
    ):
        return False
    if any(p.is_known for p in loading.parse(token.lower_)):
        return False
    return token.text[:-1] in written_words(token.doc)


# A guessed nominative no unknown place name has: a soft «-ля»/«-ня» feminine after another consonant («в Сиэттле»
# read as «Сиэттля», as «земле» is «земля»); a feminine in a soft sign, all of which morphology knows (Пермь, Керчь).
_UNLIKELY_SOFT_FEMININE = re.compile(r"[бвгджзклмнпрстфхцчшщ][лн]я$")


def _unlikely_guess_undone(token: Token, guess: str) -> str:
    """A name morphology does not know, whose guessed nominative is a shape no such place name has, read by its ending.

    «в Чемале», «в Сиэттле»: a consonant and -е after «в» or «на» is a locative, of a consonant-final name (the
    commonest shape of a town's name), where the guess copied an indeclinable's ending (Мале, Кобе) or made a soft
    feminine; a guessed feminine in -а is kept («в Жанаарке»). «из Мурочи», «Ньянгези»: an -и whose guess is a feminine
    in a soft sign is the name as written, an indeclinable or a plural in -ичи/-очи (Сочи, Барановичи)."""
    word = token.text
    # («в Сан-Хосе»: a hyphenated name whose last part morphology knows is read by that part.)
    last = word.rpartition("-")[2].lower()
    if not word[:1].isupper() or not word.replace("-", "").isalpha() or loading.morph().word_is_known(last):
        return guess
    folded_guess, folded = guess.lower().replace("ё", "е"), word.lower().replace("ё", "е")
    if (
        token.i > 0
        and token.doc[token.i - 1].lower_ in _LOCATIVE_PREPOSITIONS
        and _CONSONANT_E.search(folded)
        and (folded_guess == folded or _UNLIKELY_SOFT_FEMININE.search(folded_guess))
    ):
        return word[:-1]
    if folded.endswith("и") and folded_guess.endswith("ь") and folded_guess != folded:
        return word
    if folded_guess != folded and _conjoined_to_a_written_nominative(token):
        return word
    return guess


def _conjoined_to_a_written_nominative(token: Token) -> bool:
    """«зон — Маракана, Копакабана, Барра и Деодоро»: conjoined names share their case; where the list's first name
    stands bare in the nominative, with no preposition before it, an -а the tagger read as a masculine's genitive in
    a later one is its nominative's own. (A hyphenated first name is left out: the tagger guesses a nominative for
    any such name, «из Кызыл-Кия, Баткена».)"""
    head = token.head
    if token.dep_ != "conj" or head.i >= token.i or not head.text[:1].isupper() or "-" in head.text:
        return False
    if head.morph.get("Case") != ["Nom"] or head.lemma_.lower() != head.lower_:
        return False
    return not any(child.dep_ == "case" for child in head.children)


_SURNAME_LOCATIVE = re.compile(r"(?:ов|ев|ёв|ин|ын)е$")
_SOFT_LOCATIVE = re.compile(r"ь[нл]е$")


def _after_in(token: Token) -> bool:
    """Right after «в», or conjoined to a name that is: «в Покрове и Костерёве»."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].lower_ in _IN:
        return True
    head = token.head
    return (
        token.i > 0
        and token.dep_ == "conj"
        and doc[token.i - 1].lower_ in ("и", ",")
        and head.i < token.i
        and head.i > 0
        and doc[head.i - 1].lower_ in _IN
    )


def _settlement_locative(token: Token) -> str | None:
    """A town in the prepositional after «в», in a shape whose nominative morphology gets wrong.

    «в Дятлове», «в Хомутове»: where the dictionary reads an -ове/-еве/-ине form only as a surname's (or guesses
    one), the place is the neuter -ово/-ево/-ино town (Дятлово), as nobody is «in» a person; so in a list after «в»
    («в Покрове и Дятлове»); a masculine town the dictionary knows («в Ростове», «в Ефремове») has its place
    reading, and one the text also writes bare («город Гафуров … в Гафурове») is that. «в Новоельне»: a soft sign
    before the ending belongs to a feminine -ня/-ля name (Новоельня); a masculine -нь/-ль drops it («в Гомеле»). A
    name the dictionary knows («в Кёльне») is its own."""
    if not _after_in(token) or not _is_capitalized(token):
        return None
    if _SOFT_LOCATIVE.search(token.lower_) and not any(p.is_known for p in loading.parse(token.lower_)):
        return token.text[:-1] + "я"
    if not _SURNAME_LOCATIVE.search(token.lower_):
        return None
    parses = [p for p in loading.parse(token.lower_) if p.tag.case == "loct"]
    # (A name the dictionary does not know at all is not read so: «в Зембине», «в Конаеве» are of Зембин, Конаев.)
    if not parses or not all("Surn" in p.tag for p in parses) or token.text[:-1] in written_words(token.doc):
        return None
    return token.text[:-1] + "о"


# Prepositions that take only the genitive: a name right after one is in the genitive whatever the tagger guesses
# («в деревнях Заспа и Озерщина» is a list in the nominative the tagger may read as genitives).
_GENITIVE_PREPOSITIONS = frozenset({"из", "изо", "от", "до", "у", "около", "близ", "возле", "вблизи", "из-под"})


def _after_genitive_preposition(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ in _GENITIVE_PREPOSITIONS


_OC_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


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


def _region_nominative(span: Span) -> str | None:
    """'Иссык-Кульскую область' → 'Иссык-Кульская область': the adjectives agree with the region noun.

    The tagger often misreads the case of a hyphenated or rare adjective, so adjectives are put in
    the noun's gender and number directly instead of trusting their own tags.
    """
    # A heading in capitals is parsed badly: its noun is the last word («РЯЗАНСКОЙ ОБЛАСТИ»).
    # An adjective hung outside the span is no root: the span's last word, its noun, is.
    root = span[-1] if span.text.isupper() or span.root.pos_ == "ADJ" else span.root
    if root.i == span.start or not (_in(root, "loc_region_nouns") or _in(root, "loc_settlement_nouns")):
        return None
    modifiers = span.doc[span.start : root.i]
    # A heading's capitals are tagged and parsed badly: pymorphy reads «РЯЗАНСКОЙ» as the adjective it is.
    # An adjective the parser hung on a word outside the span («застройки Барсуковского сельского поселения», taken
    # for a far noun's) still agrees with the region noun it stands before, when it is in that noun's case.
    case = root.morph.get("Case")
    if not all(
        (
            t.pos_ == "ADJ"
            and (
                t.head.i == root.i
                or (t.head.i not in range(span.start, span.end) and case and t.morph.get("Case") == case)
            )
        )
        or (t.text.isupper() and _adjective(t.lower_))
        for t in modifiers
    ):
        return None
    plural = root.morph.get("Number") == ["Plur"]
    gender = _OC_GENDER.get((root.morph.get("Gender") or [""])[0], "femn")
    words = [_adjective_nominative(t.text, gender, plural) + t.whitespace_ for t in modifiers]
    rest = span.doc[root.i : span.end]
    return "".join(words) + nominative(rest)


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


@lru_cache(maxsize=10_000)
def _adjective_cases(word: str) -> frozenset[str]:
    return frozenset(p.tag.case for p in loading.parse(word) if p.tag.POS == "ADJF" and p.tag.case)


@lru_cache(maxsize=10_000)
def _singular_adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" and p.tag.number == "sing" for p in loading.parse(word))


def _case_apart(word: str, other: str) -> bool:
    """Two adjectives the dictionary reads in no common case (one it does not know as an adjective may agree)."""
    cases, others = _adjective_cases(word), _adjective_cases(other)
    return bool(cases) and bool(others) and not cases & others


def _lower_attribute(token: Token) -> bool:
    """A lower-case adjective a region's names share, also a loan the tagger leaves unread by its adjective ending
    («Ала-Арчинского и Октябрского айылных аймаков» before a person's name: «айылных» tagged X)."""
    if _is_capitalized(token):
        return False
    return token.pos_ == "ADJ" or (
        token.pos_ == "X" and token.is_alpha and bool(_ADJECTIVE_ENDING.search(token.lower_))
    )


def _before_line_break(doc: Doc, i: int) -> int:
    """The word at `i`, or before the line break there: a hard-wrapped text breaks a list of names anywhere («в
    Облученском и⏎Октябрьском районах»)."""
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def coordinated_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "в Чуйской и Джалал-Абадской областях": each adjective of a coordination names a region of its
    own, the noun shared by all of them ("Чуйская область", "Джалал-Абадская область")."""
    lowers = token_strings(doc, LOWER)
    region_nouns = _word_set_flags(doc, _region_or_settlement_words())
    for at in (i for i, flag in enumerate(region_nouns) if flag):
        # By strings first: a region noun is rare, and a Token and its morphology for every word cost more.
        lower = lowers[at]
        # Plural or singular («Павловского и Белинского сельского округа»: the singular noun distributes too), whatever
        # number the tagger reads («айылных аймаков» as a singular). A singular's names read as singular adjectives and
        # the noun is a word («дела Навального и Офицерова с делом», «Никита Белых и Пермского края» name no regions).
        noun = doc[at]
        singular = noun.morph.get("Number") != ["Plur"] and not lower.endswith(("ах", "ях", "ов", "ей"))
        if singular and len(lower) < 4:
            continue
        i = _before_line_break(doc, noun.i - 1)
        shared: list[Token] = []  # "муниципальных": lower-case words every region's name shares
        while i >= 0 and _lower_attribute(doc[i]):
            shared.insert(0, doc[i])
            i = _before_line_break(doc, i - 1)
        names: list[Token] = []
        while i >= 0 and _is_capitalized(doc[i]) and doc[i].pos_ in ("ADJ", "PROPN") and _place_adjective(doc[i].text):
            if singular and not _singular_adjective(doc[i].lower_):
                break
            if names and _case_apart(doc[i].lower_, names[0].lower_):
                break  # «в п. Индерборский и Жарсуатском сельском округе»: a settlement's name, not the noun's
            names.insert(0, doc[i])
            # «Бурлинского, Теректинского или Акжаикского района»: an alternative shares the noun as a list does.
            before = _before_line_break(doc, i - 1)
            if before < 0 or doc[before].lower_ not in _COORDINATORS | {"или"}:
                break
            i = _before_line_break(doc, before - 1)
        singular = _singular_nominative(noun)
        if len(names) < 2 or singular is None:
            continue
        gender = next((p.tag.gender for p in loading.parse(singular) if p.tag.POS == "NOUN"), None) or "femn"
        tail = "".join(f"{_adjective_nominative(t.text, gender, False)} " for t in shared) + singular
        for name in names:
            yield doc[name.i : name.i + 1], f"{_adjective_nominative(name.text, gender, False)} {tail}"


_ELLIPSIS_REACH = 8  # words from a region noun back to the list of adjectives it stands for


def _bare_region_adjective(doc: Doc, i: int) -> bool:
    """«Юринского», «Гавриловский»: a capitalized relative adjective that stands without its noun."""
    # By the word's text first: the scan asks it of every word, and a Token for each cost more than the test.
    text = token_texts(doc)[i]
    if not text[:1].isupper() or text.isupper() or not text.replace("-", "").isalpha():
        return False
    token = doc[i]
    if not token.lower_.endswith(_REGION_ADJECTIVE_ENDINGS) or not _adjective(token.lower_):
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.is_punct or after.is_space or after.lower_ in ("и", "или")


def elliptic_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "во всех районах, кроме Юринского и Горномарийского", "семь районов области: Бондарский, Гавриловский и
    Сосновский": a list of place adjectives with the region noun said once before them; each names a region.
    NER must read one of them as a place at least (it often takes the others for surnames)."""
    lowers, texts = token_strings(doc, LOWER), token_texts(doc)
    places = {t.i for ent in entities(doc) if ent.label_ == "LOC" for t in ent}
    i, size = 0, len(doc)
    while i < size:
        # A capital first, as `_bare_region_adjective` asks it: most words fail here, without the call.
        if not texts[i][:1].isupper() or not _bare_region_adjective(doc, i):
            i += 1
            continue
        run = [i]
        while (
            run[-1] + 2 < len(doc)
            and lowers[run[-1] + 1] in _COORDINATORS | {"или"}
            and _bare_region_adjective(doc, run[-1] + 2)
        ):
            run.append(run[-1] + 2)
        i = run[-1] + 1
        if len(run) < 2 or not places.intersection(run):
            continue
        sentence = doc[run[0]].sent
        noun = next(
            (
                t
                for t in reversed(doc[max(sentence.start, run[0] - _ELLIPSIS_REACH) : run[0]])
                # Plural or counted: the list names several («районов области: Бондарский, …» are districts,
                # «три района»).
                if t.is_lower
                and (t.morph.get("Number") == ["Plur"] or (t.i > 0 and doc[t.i - 1].pos_ == "NUM"))
                and _in_words(t.lemma_, t.lower_, "loc_region_nouns")
            ),
            None,
        )
        singular = _singular_nominative(noun) if noun is not None else None
        if singular is None:
            continue
        gender = next((p.tag.gender for p in loading.parse(singular) if p.tag.POS == "NOUN"), None) or "femn"
        if not all(_in_gender(lowers[at], gender) for at in run):
            continue  # «в ряде районов Чуйской, Таласской и Нарынской областей»: no «район» is «Чуйской»
        for at in run:
            yield doc[at : at + 1], f"{_adjective_nominative(doc[at].text, gender, False)} {singular}"


@lru_cache(maxsize=100_000)
def _region_or_council(lemma: str, lower: str) -> tuple[bool, bool]:
    """A region noun, and a council's territory («сельсовет»): one cached lookup for each word `adjective_regions`
    asks."""
    return _in_words(lemma, lower, "loc_region_nouns"), _in_words(lemma, lower, "loc_council_territories")


def _person_noun(token: Token) -> bool:
    """«депутаты», «председатель» (a sentence's first word the tagger may read as a name): a noun of people."""
    return token.pos_ in ("NOUN", "PROPN") and token.morph.get("Animacy") == ["Anim"]


def _in_gender(word: str, gender: str) -> bool:
    """The adjective has a singular form of the gender («Юринского» is a masculine's or a neuter's)."""
    return any(p.tag.POS == "ADJF" and p.tag.gender == gender for p in loading.parse(word))


def adjective_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """«Саятского этрапа», «в Раштской нохии», «Лебапского велаята»: a place's adjective and a region noun after it
    name a region, whatever the tagger made of a noun it does not know (it tags them X, parses them anywhere, and
    takes the adjective for a surname). One region, singular: a plural noun is `coordinated_regions`'."""
    lemmas, lowers, texts = token_strings(doc, LEMMA), token_strings(doc, LOWER), token_texts(doc)
    for at in range(1, len(doc)):
        # By strings first: a region noun is rare, and a Token for every word costs more.
        if not texts[at].islower():
            continue
        region, council = _region_or_council(lemmas[at], lowers[at])
        if not region and not council:
            continue  # a settlement's noun after an adjective is a body's («Кара-Булакского айыл окмоту»)
        # «Кызыл-Адырского айылного аймака»: status words may stand between the place's adjective and the noun (not
        # before a second name after a dash, which NER reads whole: «Ханты-Мансийском автономном округе – Югре»).
        first = at - 1
        second_name = at + 1 < len(doc) and texts[at + 1] in DASHES
        while first > 0 and lowers[first] in _STATUS_WORDS and texts[first].islower() and not second_name:
            first -= 1
        adjective = texts[first]
        if not adjective[:1].isupper() or adjective.isupper() or not adjective.replace("-", "").isalpha():
            continue
        if not lowers[first].endswith(_REGION_ADJECTIVE_ENDINGS) or _plural_only(lowers[at]):
            continue
        if council and first > 0 and _person_noun(doc[first - 1]):
            continue  # «Депутаты Жирмунского сельсовета»: a council its members or its chair belong to is the body
        noun = next((p for p in loading.parse(lowers[at]) if p.tag.POS == "NOUN"), None)
        singular = noun.inflect({"nomn", "sing"}) if noun else None
        if singular is None or singular.tag.gender is None:
            continue
        gender = singular.tag.gender
        status = "".join(f"{_adjective_nominative(word, gender, False)} " for word in lowers[first + 1 : at])
        name = f"{_adjective_nominative(adjective, gender, False)} {status}{singular.word}"
        yield doc[first : at + 1], name


# A region's own body named by the region's adjective: «Брестского областного центра», «Гомельского облисполкома».
_REGIONAL_BODY = re.compile(r"областн\w+|облисполком\w*|облсовет\w*")


def regional_bodies(doc: Doc, quoted: list[bool]) -> Iterator[tuple[Span, str]]:
    """ "директор Псковской областной больницы", "Гомельского облисполкома": a body of a region's level names
    the region by its adjective, as «Совет депутатов Челябинской области» does by its name. Not inside a quoted
    name: «Братский областной психоневрологический диспансер» is named for the city it stands in (a regional body
    away from the region's centre), and a quoted name is the body's, as `lexicon_names` reads it."""
    lowers = token_strings(doc, LOWER)
    for at, lower in enumerate(lowers):
        if at == 0 or not _REGIONAL_BODY.fullmatch(lower) or quoted[at - 1]:
            continue
        adjective = doc[at - 1]
        # «Брестского», «Восточно-Казахстанского»; not «ОБЛАСТНОГО» in a headline's capitals.
        if not _is_capitalized(adjective) or not adjective.text.replace("-", "").isalpha() or adjective.text.isupper():
            continue
        if not adjective.lower_.endswith(_REGION_ADJECTIVE_ENDINGS) or not _adjective(adjective.lower_):
            continue
        yield doc[at - 1 : at], f"{_adjective_nominative(adjective.text, 'femn', False)} область"


# A heading's words in capitals: a region's adjective («СОКОЛЬСКОГО», «ГОМЕЛЬСКОЙ»), its status words, its noun.
_SHOUTED_WORD = re.compile(r"[А-ЯЁ]+(?:-[А-ЯЁ]+)?")
_SHOUTED_REGION_ADJECTIVE = re.compile(r"[А-ЯЁ-]+[СЦ]К(?:ИЙ|ОГО|ОМУ|ИМ|ОМ|АЯ|ОЙ|УЮ|ОЕ)")


def heading_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """«АДМИНИСТРАЦИЯ СОКОЛЬСКОГО МУНИЦИПАЛЬНОГО ОКРУГА», «РЕЧИЦКОГО РАЙОНА ГОМЕЛЬСКОЙ ОБЛАСТИ», «ПРИДНЕСТРОВСКАЯ
    МОЛДАВСКАЯ РЕСПУБЛИКА»: a letterhead in capitals names its body's region, which the tagger, misreading capitals,
    takes into the body or for a name. Read by the dictionary alone: the place's adjectives, the status words
    («МУНИЦИПАЛЬНОГО», «СЕЛЬСКОГО»), then a region noun."""
    for heading in headings(doc):
        words = list(_SHOUTED_WORD.finditer(heading.text))
        proper = [_proper_region_adjective(w.group()) for w in words]
        for i, word in enumerate(words):
            if not proper[i] or (i > 0 and proper[i - 1]):
                continue  # not where a run of the place's adjectives starts
            at = i
            while at < len(words) and proper[at]:
                at += 1
            names = at
            while at < len(words) and words[at].group().lower() in _STATUS_WORDS:
                at += 1
            found = _shouted_region_noun(words[at].group()) if at < len(words) else None
            if found is None:
                continue
            gender, noun = found
            span = doc.char_span(heading.start + word.start(), heading.start + words[at].end(), alignment_mode="expand")
            if span is None:
                continue
            parts = [_adjective_nominative(w.group().lower(), gender, False) for w in words[i:at]]
            parts = [p.capitalize() if n < names - i else p for n, p in enumerate(parts)]
            yield span, " ".join([*parts, noun.capitalize() if noun == "республика" else noun])


def _proper_region_adjective(word: str) -> bool:
    """«СОКОЛЬСКОГО», «ПРИДНЕСТРОВСКАЯ»: a place's adjective in capitals, not a status word («СЕЛЬСКОГО»)."""
    return (
        bool(_SHOUTED_REGION_ADJECTIVE.fullmatch(word))
        and word.lower() not in _STATUS_WORDS
        and _adjective(word.lower())
    )


def _shouted_region_noun(word: str) -> tuple[str, str] | None:
    """A region noun in the singular, with its gender and nominative: «ОКРУГА» → (masc, округ)."""
    noun = next((p for p in loading.parse(word.lower()) if p.tag.POS == "NOUN"), None)
    if noun is None or noun.normal_form not in _lemmas("loc_region_nouns") or noun.tag.number != "sing":
        return None
    singular = noun.inflect({"nomn", "sing"})
    if singular is None or singular.tag.gender is None:
        return None
    return singular.tag.gender, singular.word


_DISTRICT_BODY = re.compile(r"районн\w+|райисполком\w*|райсовет\w*")
# A state service's district branch (a court, a department of a ministry, a prosecutor's office, a police unit) is
# named for its district in the news genre too, where no district is listed as a place; the district's own bodies
# (its executive, council, hospital, trade union) list it.
_COURT = re.compile(r"(?:суд|отдел|отделени|управлени|прокуратур)\w*")
# A utility's district branch («Чирчикского районного электросетевого предприятия», «Шекинского районного газового
# хозяйства») is named for the town or area it serves, a company's unit; the district is listed where the text names
# it otherwise («Денауского района»).
_UTILITY = re.compile(r"(?:электросетев|электрическ|энергосбыт|газов|газоснабжени|водоканал|водопроводн|тепловы?)\w*")


def district_bodies(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "председатель Слуцкого районного исполнительного комитета", "Можгинской районной больницы": a body of a
    district's level names the district by its adjective, as `regional_bodies` does a region's."""
    lowers = token_strings(doc, LOWER)
    for at, lower in enumerate(lowers):
        if at == 0 or not _DISTRICT_BODY.fullmatch(lower):
            continue
        if at + 1 < len(lowers) and (_COURT.fullmatch(lowers[at + 1]) or _UTILITY.fullmatch(lowers[at + 1])):
            continue
        adjective = doc[at - 1]
        if not _is_capitalized(adjective) or not adjective.text.replace("-", "").isalpha() or adjective.text.isupper():
            continue
        # The «-ск-»/«-цк-» shape is enough: pymorphy knows «Слуцкого» only as a surname's form.
        stem = re.match(r"(.+?[сц]к)(?:ий|ого|ому|им|ом|ая|ой|ую)$", adjective.text)
        if stem is None:
            continue
        yield doc[at - 1 : at], f"{stem.group(1)}ий район"


# «Брестского», «Восточно-Казахстанской», «Минском»: a relative adjective made from a place's name.
_REGION_ADJECTIVE_ENDINGS = tuple(
    f"{stem}{end}" for stem in ("ск", "цк") for end in ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую")
)


_LATIN_NAME_BEFORE = re.compile(r"(?<![\w.-])(?!The )[A-Z][A-Za-z&'-]* $")


@cache
def _latin_names() -> re.Pattern[str]:
    names = sorted(lexicons.lines("loc_latin"), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def latin_names(doc: Doc) -> Iterator[tuple[Span, str]]:
    """Places written in Latin script ("in the US", "Los Angeles home", "Bank of America"), as written:
    a name in another script is a name of its own, not a form of the Russian one."""
    text = doc_text(doc)
    if not re.search("[A-Za-z]", text):
        return
    for match in _latin_names().finditer(text):
        if _LATIN_NAME_BEFORE.search(text, 0, match.start()):
            continue  # "Caritas France": the place ends the name of a body, which names no place
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            yield span, match.group()


def _adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in loading.parse(word))


def _place_adjective(word: str) -> bool:
    """«Шатойском», and «Веденском», which the dictionary knows only as the surname Веденский: a place's adjective
    and an adjective-declined surname are one shape (-ский, -цкий), and beside a region noun it is the place's."""
    if _adjective(word):
        return True
    return word.lower().endswith(_REGION_ADJECTIVE_ENDINGS) and any("Surn" in p.tag for p in loading.parse(word))


def _after_number(doc: Doc, i: int) -> bool:
    """«2024 г.», «2024-2025 гг», «в 2024 г.»: the word before «г» holds a digit (or it is a bracket's)."""
    before = doc[i - 1]
    return any(ch.isdigit() for ch in before.text) or before.text in {")", "-", "–"}


_ABBREVIATED_KIND_LENGTH = 3  # «с.», «аг.», «пос.», «пгт.»
_BEFORE_A_KIND = frozenset({"в", "во", "из", "до", "у", "от", "к", "по", "около", "и", ","})


def _split_at_abbreviation(doc: Doc, kind: int, at: int) -> bool:
    """«в аг. Стайки и аг. Боровка»: the segmenter ends a sentence at an abbreviated kind's dot; a lower-case kind
    after a preposition or a list's «и» opens no sentence, the name after it goes on with it."""
    # (An abbreviation is short: «из поселков. Ее поддержал …» ends a sentence with a whole word.)
    abbreviated = len(doc[kind]) <= _ABBREVIATED_KIND_LENGTH and doc[kind].is_lower
    return at == kind + 2 and abbreviated and kind > 0 and doc[kind - 1].lower_ in _BEFORE_A_KIND


# «а. Кошехабль» (аул), «х. Светлый» (хутор): kinds abbreviated to a letter that is also a word («а») or a letter of
# other abbreviations, read as a kind only with the dot, in lower case and after a word.
_DOTTED_KINDS = frozenset({"а", "х"})


def named_settlements(doc: Doc, quoted: list[bool]) -> Iterator[Span]:
    """ "к с. Черкасское", "сёлах Терса и Широкий Буерак": a kind of settlement and its capitalized name,
    which NER misses after an abbreviation. "г." after a number is a year; elsewhere it marks a town NER
    may not know («Совета … Слободзейского района и г. Слободзея»)."""
    settlement_nouns = _word_set_flags(doc, _lemmas("loc_settlement_nouns"))
    for i, lower in enumerate(token_strings(doc, LOWER)):
        if lower == "года" or quoted[i] or (lower == "г" and (i == 0 or _after_number(doc, i))):
            continue
        dotted = (
            lower in _DOTTED_KINDS
            and i > 0
            and i + 1 < len(doc)
            and doc[i + 1].text == "."
            and doc[i].is_lower
            and doc[i - 1].is_alpha  # «в а. Хабез», «жители х. Лесной»; not a sentence's «…, а. Затем»
        )
        if (
            not dotted
            and not settlement_nouns[i]
            and not (
                len(lower) > 3
                and lower.replace("ё", "е")[:3] in _settlement_stems()
                and _plural_only(lower)
                and _settlement_by_morphology(lower)
            )
        ):
            continue
        token = doc[i]
        at = token.i + 1
        if at < len(doc) and doc[at].text == ".":
            if len(token) < 4 and not token.is_lower:
                continue  # «Р.С. Спасибо»: an upper-case «С.» is a person's initial, a settlement's «с.» is lower-case
            at += 1  # "с." is an abbreviation only with the dot ("с" alone is a preposition)
        elif len(token) < 4:
            continue
        # «с. Кара-Талаа», «пос. Ак-Суу»: a hyphenated name is one word.
        if at >= len(doc) or not _is_capitalized(doc[at]) or not doc[at].text.replace("-", "").isalpha() or quoted[at]:
            continue
        if (doc[at].is_sent_start and not _split_at_abbreviation(doc, i, at)) or doc[at].text.isupper():
            continue
        # One word, or an adjective and its noun ("Широкий Буерак"), or two words NER takes as one name («джамоата Гули
        # Сурх»): the persons stage, asked first, has left them to the place when no post heads the kind.
        two = at + 1 < len(doc) and _is_capitalized(doc[at + 1]) and doc[at + 1].is_alpha
        two = two and (doc[at].pos_ == "ADJ" or _two_word_entity(doc, at))
        if not two and _capitalized_attribute(doc[at]) and _common_word(doc[at]):
            continue  # «в развитие города Почётной грамотой»: an award's first word after the town's noun
        end = at + 2 if two else at + 1
        if end < len(doc) and doc[end].lower_ in lexicons.load("loc_name_titles") and doc[end].text.islower():
            end += 1  # «село Толе би»: a settlement named after a person keeps the person's title
        yield doc[at:end]
        # (A plural the dictionary does not know by its locative ending: «в махаллях Гова и Каркидон».)
        if not _plural_kind(token.lower_):
            continue
        # «аулы Жанаталап и Акжар», «в сёлах Кызылтал, Ушбулак и Кокозек»: a plural kind names every settlement
        # listed; a capitalized word after a name makes it a person's («и Иван Петров»).
        while end + 1 < len(doc) and doc[end].lower_ in _COORDINATORS and not quoted[end + 1]:
            name = doc[end + 1]
            after = doc[end + 2] if end + 2 < len(doc) else None
            # («Чок-Тал»: a hyphenated name is a word too.)
            if not (_is_capitalized(name) and name.text.replace("-", "").isalpha() and not name.text.isupper()):
                break
            if after is not None and _is_capitalized(after) and after.is_alpha:
                break
            end += 2
            yield doc[end - 1 : end]


def _two_word_entity(doc: Doc, at: int) -> bool:
    inside = doc[at].ent_iob_ == "B" and doc[at + 1].ent_iob_ == "I"
    return inside and (at + 2 == len(doc) or doc[at + 2].ent_iob_ != "I")


def named_regions(doc: Doc, quoted: list[bool]) -> Iterator[Span]:
    """ "в регионе Имерети", "штата Массачусетс": a singular region noun and one capitalized word after it that the
    dictionary does not know as a common word or a first name (not «региона Почётные грамоты», «главы региона
    Владимир Путин»); a person's word is left to the persons stage."""
    lowers = token_strings(doc, LOWER)
    for i, lower in enumerate(lowers[:-1]):
        if lower[:4] not in _apposed_region_stems():
            continue
        noun = doc[i]
        if fold_lemma(noun) not in lexicons.load("loc_apposed_region_nouns") or noun.morph.get("Number") == ["Plur"]:
            continue
        name = doc[i + 1]
        if (
            quoted[name.i]
            or not _is_capitalized(name)
            or name.text.isupper()
            or not name.text.replace("-", "").isalpha()
        ):
            continue
        if any(p.is_known and "Geox" not in p.tag for p in loading.parse(name.lower_)):
            continue
        yield doc[i + 1 : i + 2]


@cache
def _apposed_region_stems() -> frozenset[str]:
    return frozenset(noun[:4] for noun in lexicons.load("loc_apposed_region_nouns"))


def fold_lemma(token: Token) -> str:
    return token.lemma_.lower().replace("ё", "е")


def candidate_spans(doc: Doc, quoted: list[bool] | None = None) -> list[Span]:
    """Spans that may name places; `quoted`: `_quoted(doc)`, when the caller has it (a pass over every word)."""
    quoted = _quoted(doc) if quoted is None else quoted
    spans: list[Span] = list(lexicon_names(doc, quoted))
    spans.extend(listed_towns(doc, quoted))
    spans.extend(named_settlements(doc, quoted))
    spans.extend(named_regions(doc, quoted))
    for ent in entities(doc):
        if ent.label_ == "LOC":
            cleaned = clean_location(ent)
            if cleaned is not None:
                spans.append(cleaned)
        elif ent.label_ == "ORG":
            spans.extend(places_in_body(ent, quoted))
    spans.extend(route_ends(doc, quoted))
    spans.extend(_listed_beside_a_place(doc, spans, quoted))
    return [span for span in filter_spans(spans) if not _in_a_hero_title(span)]


_HERO = "герой"


def _in_a_hero_title(span: Span) -> bool:
    """«школа имени Героя Советского Союза М.В. Силантьева»: the country of the honorary title in a dedication is part
    of a school's or a street's name, no place the text speaks of. (A person's own title, «командиру расчёта Герою
    Советского Союза», NEREL annotates as the country.)"""
    before = _previous_word(span)
    if before is None or before.text[:1] != "Г" or fold_lemma(before) != _HERO or before.i == 0:
        return False
    return before.doc[before.i - 1].lower_ == "имени"


def route_ends(doc: Doc, quoted: list[bool]) -> Iterator[Span]:
    """«дороги Берд – Чинари», «трассы Алматы – Ташкент»: a route's noun (`loc_route_nouns.txt`) and two
    capitalised one-word names joined by a dash name the settlements at its ends."""
    lemmas, lowers, texts = token_strings(doc, LEMMA), token_strings(doc, LOWER), token_texts(doc)
    for i in range(len(doc) - 3):
        if texts[i + 2] not in DASHES or not _in_words(lemmas[i], lowers[i], "loc_route_nouns"):
            continue
        ends = (doc[i + 1], doc[i + 3])
        if any(
            quoted[t.i] or not _is_capitalized(t) or t.text.isupper() or not t.text.replace("-", "").isalpha()
            for t in ends
        ):
            continue
        after = doc[i + 4] if i + 4 < len(doc) else None
        if after is not None and _is_capitalized(after) and after.is_alpha:
            continue  # «дороги Берд – Сусанна Погосян»: a person's name after the dash
        yield from (doc[t.i : t.i + 1] for t in ends)


def places_named_after_kind(doc: Doc, quoted: list[bool]) -> Iterator[tuple[Span, str]]:
    """«к сельскому округу Тартогай», «акима сельского округа Иркол»: a kind of `loc_kinds_named_after` and the name
    after it name one place, the kind in the nominative kept (the bare name is the village the okrug is named after)."""
    text = doc_text(doc)
    if not any(kind in text for kind in _KINDS_NAMED_AFTER_STEMS):
        return  # most texts name no such kind: no walk over their words
    lemmas = token_strings(doc, LEMMA)
    for i in range(1, len(doc)):
        # By strings first: the kind's last word is rare, and a Token for every word costs more.
        if lemmas[i - 1] not in _KINDS_NAMED_AFTER_LAST or quoted[i]:
            continue
        kind = name_after_kind(doc[i])
        if kind is not None:
            yield doc[i - len(kind) : i + 1], f"{' '.join(kind)} {doc[i].text}"


_MASCULINE_NOMINATIVE_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё-]+[сц]кий")


def regions_named_after_kind(doc: Doc) -> Iterator[tuple[Span, str]]:
    """«Собрания представителей муниципального района Сергиевский»: a masculine region noun (район, округ, улус) and
    its adjective after it, in the nominative whatever the noun's case, as a municipality's charter names it; the
    region is «Сергиевский район», not a place «Сергиевский»."""
    lemmas, texts = token_strings(doc, LEMMA), token_texts(doc)
    for at in range(1, len(doc)):
        # By strings first: the adjective's shape is rare, and a Token for every word costs more.
        # (In quotes too: a decision's title names the district so, «О бюджете муниципального района Сергиевский».)
        if not _MASCULINE_NOMINATIVE_ADJECTIVE.fullmatch(texts[at]):
            continue
        i = at - 2 if at > 1 and doc[at - 1].is_space else at - 1  # «района⏎Сергиевский»: a line break between
        noun = doc[i]
        if not noun.is_lower or not _in_words(lemmas[i], noun.lower_, "loc_region_nouns"):
            continue
        singular = _singular_nominative(noun)
        if singular is None or not any(p.tag.gender == "masc" for p in loading.parse(singular) if p.tag.POS == "NOUN"):
            continue
        yield doc[at : at + 1], f"{texts[at]} {singular}"


# «глава Самаркандекского айыл окмоту»: a Kyrgyz aiyl's office is named by the adjective of the village it sits in
# (Самаркандек, Кызыл-Туу, Ак-Коргон). Where the adjective adds a suffix of its own the stem hides the name's ending
# («Кулундинского»: Кулунду, «Боконбаевского»: Боконбаево, «Ивановского»: Ивановка, «Ак-Суйского»: Ак-Суу): no name
# is guessed then.
_VILLAGE_OFFICE_ADJECTIVE = re.compile(r"(?P<stem>[А-ЯЁ][А-ЯЁа-яё-]+?)ск(?:ого|ому|им|ом|ий)")
_SUFFIXED_STEMS = ("ин", "ын", "ов", "ев", "ёв", "й", "-")
# A village's own name on a suffix its office's adjective drops: «Теплоключенка» (-ка, in any case), «Беловодское».
_VILLAGE_TAILS = ("ка", "ки", "ке", "ку", "кой", "ское")


def village_offices(doc: Doc, quoted: list[bool]) -> Iterator[tuple[Span, str]]:
    """«главы Кызыл-Тууского айыл окмоту» → Кызыл-Туу: the village an aiyl okmotu is named after."""
    if "окмоту" not in doc_text(doc):
        return  # most texts name no aiyl okmotu: no walk over their words
    texts = token_texts(doc)
    offices = [
        (i, adjective.group("stem"))
        for i in range(2, len(texts))
        if texts[i] == "окмоту" and texts[i - 1].lower() == "айыл" and not quoted[i - 2]
        if (adjective := _VILLAGE_OFFICE_ADJECTIVE.fullmatch(texts[i - 2])) is not None
        and not adjective.group("stem").endswith(_SUFFIXED_STEMS)
    ]
    if not offices:
        return
    # «главы Теплоключенского айыл окмоту … сёл Теплоключенка и Чичкан», «Беловодского айыл окмоту … с. Беловодское»:
    # the text writes the village's own name, the stem plus a suffix the adjective hides; no shorter name is guessed.
    written = {
        text[: -len(tail)] for text in texts if text[:1].isupper() for tail in _VILLAGE_TAILS if text.endswith(tail)
    }
    for i, stem in offices:
        if stem not in written:
            yield doc[i - 2 : i - 1], stem


_KINDS_NAMED_AFTER_LAST = frozenset(line.split()[-1] for line in lexicons.lines("loc_kinds_named_after"))
_KINDS_NAMED_AFTER_STEMS = frozenset(word[:_STEM_LETTERS] for word in _KINDS_NAMED_AFTER_LAST)


_PLACE_LIST_REACH = 6  # names of a list on either side of a place found


def _known_place_word(token: Token) -> bool:
    """«Учкудуке»: a capitalized word inside a sentence that the dictionary knows as a place and never as a name."""
    if not _is_capitalized(token) or token.is_sent_start or token.text.isupper() or not token.is_alpha:
        return False
    known = [p for p in loading.parse(token.lower_) if p.is_known]
    # A noun: an adjective is the first word of a two-word name («Телецким озером»).
    if any({"Surn", "Name", "Patr"} & p.tag.grammemes for p in known):
        return False
    return any("Geox" in p.tag and p.tag.POS == "NOUN" for p in known)


def _name_adjective(token: Token) -> bool:
    """«Нижнего», «Великих»: a capitalized adjective inside a sentence, a two-word name's first word."""
    return _is_capitalized(token) and not token.is_sent_start and token.pos_ == "ADJ" and not token.text.isupper()


def _listed_beside_a_place(doc: Doc, spans: list[Span], quoted: list[bool]) -> Iterator[Span]:
    """«в Кармане, Зарафшане и Учкудуке»: a one-word place in a list makes the list's other one-word names places
    where the dictionary knows them as such, which NER misses in a run of names."""
    taken = {t.i for span in spans for t in span}
    for span in spans:
        if len(span) != 1:
            continue
        for step in (-2, 2):
            at = span.start
            for _ in range(_PLACE_LIST_REACH):
                between, name = at + step // 2, at + step
                if not (0 <= name < len(doc)) or doc[between].lower_ not in _COORDINATORS or quoted[name]:
                    break
                after = doc[name + 1] if name + 1 < len(doc) else None
                # «за Катунью и Телецким озером»: a name with a common noun after it is that noun's.
                if name not in taken and (
                    not _known_place_word(doc[name]) or (after is not None and after.is_lower and after.pos_ == "NOUN")
                ):
                    break
                if name not in taken:
                    taken.add(name)
                    # «заводах Нижнего Новгорода и Дзержинска»: a capitalized adjective before the name is its first
                    # word (a list's names are nouns, and a sentence's first word is capitalized anyway).
                    first = name - 1 if name > 0 and _name_adjective(doc[name - 1]) and not quoted[name - 1] else name
                    yield doc[first : name + 1]
                at = name


@dataclass
class _Entry:
    name: str
    full: bool
    mentions: list[TextSpan]
    # How often the text writes each name of a country: it is listed under the one used most.
    written: Counter[str] = field(default_factory=Counter)
    # «Тулунского муниципального района» once, «Тулунском районе» three times: how often the text writes the name
    # with its status word and without it, and the name without it; the form written more often is listed, the short
    # one on a tie (the name a reader uses: «Джейрахского муниципального района» once and «Джейрахского района» once
    # is «Джейрахский район»). A list sharing its noun in the plural (`_shares_its_noun`) is no short writing.
    with_status: int = 0
    without_status: int = 0
    short: str | None = None


def _before_a_person(span: Span, people: list[TextSpan]) -> Span | None:
    """«деревни Заспа Веры Чайки»: a place's name the tagger ran on into the person after it is the words before the
    person's mention (`people`: the persons' mentions, sorted)."""
    at = bisect.bisect_left(people, TextSpan(span.start_char, span.start_char))
    if at == len(people) or not span.start_char < people[at].start < span.end_char:
        return span
    cut = span.doc.char_span(span.start_char, people[at].start, alignment_mode="contract")
    trimmed = _trim(cut) if cut is not None and len(cut) else None
    # «области Абай Нурлан …» with «Абай» taken into the person's name: a region's kind alone names nothing.
    return None if trimmed is None or _unnamed_kind(trimmed) else trimmed


def _before_a_surname(span: Span | None, surnames: frozenset[str]) -> Span | None:
    """«хоким Ташкента Артыкходжаев»: the tagger ran the city into the surname after it, which the text gives with a
    first name elsewhere («Джахонгира Артыкходжаева», `surnames`: stems of the persons' surnames); the place is the
    words before it."""
    if span is None or len(span) < 2 or not span[-1].is_title or _word_stem(span[-1].text) not in surnames:
        return span
    # Only after a name: «село Шевченко» is a village named after the poet the text may also name.
    return _trim(span[:-1]) if span[-2].is_title else span


def _overlaps(span: Span, mentions: list[TextSpan]) -> bool:
    at = bisect.bisect_left(mentions, TextSpan(span.end_char, span.end_char))
    return at > 0 and mentions[at - 1].end > span.start_char


def _closed_brackets(name: str, span: Span) -> str:
    """«Республика Саха (Якутия»: NER stops before the closing bracket of a name's second name; the name takes it
    when the text has it next, else loses the unclosed part."""
    if name.count("(") <= name.count(")"):
        return name
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == ")":
        return name + ")"
    return name[: name.rfind("(")].rstrip()


def _with_second_names(spans: list[Span]) -> Iterator[tuple[Span, Span | None]]:
    """«Кемеровской области – Кузбасса», «Ханты-Мансийского автономного округа – Югры»: a region's official name
    joins its second name by a dash; the two are one place. NER finds them apart: the second name (one
    capitalized word in the region's oblique case, right after the dash) is yielded with the region."""
    skip: set[int] = set()
    for k, span in enumerate(spans):
        if k in skip:
            continue
        following = spans[k + 1] if k + 1 < len(spans) else None
        doc = span.doc
        if (
            following is not None
            and span.end + 1 == following.start
            and doc[span.end].text in TYPOGRAPHIC_DASHES
            and len(following) == 1
            and _is_capitalized(following[0])
            and _is_region_noun(span[-1].lemma_, span[-1].lower_)
            and not _in(span[-1], "loc_settlement_nouns")
            # An oblique case both share is the agreement of one name; in the nominative «Чуйская область – Бишкек»
            # is as often a list's region and its town, unless the two fill their line (`_second_name_closing_a_line`).
            and (
                following[0].morph.get("Case") == span[-1].morph.get("Case") != ["Nom"]
                or _alone_on_its_line(doc[span.start : following.end])
            )
        ):
            skip.add(k + 1)
            yield span, following
        else:
            yield span, None


def _joins_second_name(span: Span) -> bool:
    """«Ханты-Мансийском автономном округе – Югре» as one span: a region, a dash and its second name."""
    if len(span) < 4 or span[-2].text not in TYPOGRAPHIC_DASHES or not _is_capitalized(span[-1]):
        return False
    region = span[-3]
    return _is_region_noun(region.lemma_, region.lower_) and not _in(region, "loc_settlement_nouns")


def _line_break(token: Token) -> bool:
    return "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)


def _second_name_closing_a_line(span: Span) -> Span | None:
    """«Ханты-Мансийский автономный округ – Югра» alone on a letterhead's line: in the nominative a region, a dash
    and a capitalized word may be a list's region and town («Чуйская область – Бишкек»), but a line that holds
    nothing else is the region's official name with its second name."""
    doc, at = span.doc, span.end
    if span[-1].text in TYPOGRAPHIC_DASHES:
        at -= 1  # the dash taken into NER's span, the second name left out
    if at + 1 >= len(doc) or doc[at].text not in TYPOGRAPHIC_DASHES or not doc[at + 1].is_alpha:
        return None
    named = doc[span.start : at + 2]
    if not _is_capitalized(doc[at + 1]) or not _joins_second_name(named) or not _alone_on_its_line(named):
        return None
    return doc[at + 1 : at + 2]


def _alone_on_its_line(span: Span) -> bool:
    doc = span.doc
    opens = span.start == 0 or _line_break(doc[span.start - 1])
    return opens and (span.end == len(doc) or _line_break(doc[span.end - 1]) or _line_break(doc[span.end]))


def _second_name_nominative(token: Token) -> str:
    """The second name's nominative from the dictionary's noun («Югре» → «Югра»), which the tagger's reading
    of a lone capitalized word in apposition often misses."""
    noun = next((p for p in loading.parse(token.lower_) if p.tag.POS == "NOUN"), None)
    form = noun.inflect({"nomn"}) if noun is not None else None
    return recover_shape(form.word, token.text) if form is not None else nominative(token.doc[token.i : token.i + 1])


def find_locations(doc: Doc, persons: tuple[PersonFinding, ...] = ()) -> tuple[LocationFinding, ...]:
    """Locations of the text; a name the persons stage read as a person's is not one
    ("Шаршеева Гульмира Асановна", which NER tags LOC for its place-like surname)."""
    gaz = gazetteer()
    by_key: dict[Key, _Entry] = {}
    people = sorted(m for person in persons for m in person.mentions)
    named = dict(coordinated_regions(doc))
    quoted = _quoted(doc)
    named.update(regional_bodies(doc, quoted))
    by_district_body = dict(district_bodies(doc))
    named.update(by_district_body)
    named.update(heading_regions(doc))
    named.update((span, name) for span, name in adjective_regions(doc) if not _overlaps(span, people))
    named.update(
        (span, name) for span, name in latin_names(doc) if not _overlaps(span, people) and not _latin_gloss(span)
    )
    # Not checked against the persons: NER takes many of a list's adjectives for surnames, the noun says they aren't.
    # Nor over a coordination's: «орошаемых земель … в Ростовской, Волгоградской и Астраханской областях» shares
    # the noun after the list, not a far one before it.
    for span, name in elliptic_regions(doc):
        named.setdefault(span, name)
    named.update((span, name) for span, name in places_named_after_kind(doc, quoted) if not _overlaps(span, people))
    named.update((span, name) for span, name in village_offices(doc, quoted) if not _overlaps(span, people))
    named.update(regions_named_after_kind(doc))
    named.update((span, name) for span, name in adjectival_towns(doc, quoted) if not _overlaps(span, people))
    named = {span: name for span, name in named.items() if not _numbered_district(span)}
    taken = {t.i for span in named for t in span}
    surnames = _surname_stems(persons)
    waters = water_names(doc, quoted)
    bodies = _body_abbreviations(doc)
    others = bodys_other_names(doc)  # «Государственного Собрания (Ил Тумэн)»: «Тумэн» names the body, no place
    candidates = candidate_spans(doc, quoted)
    spans = [
        span
        for span in map(lambda span: _before_a_surname(_before_a_person(span, people), surnames), candidates)
        if span is not None
        and not any(t.i in taken for t in span)
        and not _overlaps(span, people)
        and not _names_a_person(span, surnames)
        and not _names_water(span, waters)
        and not _legal_form_before_name(span)
        and not _shouted_common_word(span)
        and not _latin_gloss(span)
        and not _titles_a_person(span)
        and not _names_no_place(span)
        and not _named_after_or_credited(span)
        and not _field_label(span)
        and not _numbered_district(span)
        and not _body_abbreviation(span, bodies)
        and span.text.lower().replace("ё", "е") not in others
    ]
    for span, second in _with_second_names(sorted([*spans, *named], key=lambda span: span.start)):
        check_deadline("locations")
        if span in named:
            name = named[span]
        else:
            span = _without_settlement_noun(span)
            if second is None and _joins_second_name(span):
                span, second = span[:-2], span[-1:]  # NER took both names as one span: each is put in the nominative
            elif second is None and (second := _second_name_closing_a_line(span)) is not None:
                span = span[:-1] if span[-1].text in TYPOGRAPHIC_DASHES else span
            name = _on_river_nominative(_nominative(span))
        if second is not None:
            span = span.doc[span.start : second.end]
            name = f"{name} – {_second_name_nominative(second[0])}"
        name = _closed_brackets(name, span)
        key = text_key(name)
        canonical = gaz.canonical(key) or gaz.canonical(span_key(span))
        written = ""
        if canonical:
            # Group by the canonical name; show it when the text used it. A country is listed under
            # the name the text gives it most often ("КНДР", "Соединённые Штаты"): readers and the
            # scorer's folding know the common names, a catalogue name the text never uses helps no one.
            group = text_key(canonical)
            full = group in gaz.forced or key == group
            if group in gaz.forced:
                written = name
            name = canonical if full else name
        else:
            group, full = key, True
        mention = TextSpan(span.start_char, span.end_char)
        entry = by_key.get(group)
        if entry is None:
            entry = by_key[group] = _Entry(name=name, full=full, mentions=[mention])
        else:
            entry.mentions.append(mention)
            if full and not entry.full:
                entry.name, entry.full = name, True
            elif full == entry.full and entry.name.isupper() and not name.isupper():
                entry.name = name  # «КИРОВСКОЙ ОБЛАСТИ» of a heading, «Кировской области» of the text
            elif full == entry.full and not canonical and _with_status(name, entry.name):
                entry.name = name  # «в Боровичском районе», «Боровичского муниципального района»: the full name
            elif (
                not canonical
                and len(key) == 1
                and _reads_as_key(name, key)
                and not _reads_as_key(entry.name, key)
                and name not in soft_stem_cases(entry.name)
            ):
                # «в городе Щучинске … города Щучинска»: the form that is the key's own lemma is the nominative. Not
                # over a name on «-ь»/«-й», which no case ending has: «поселка Белколь … в Белколе» is Белколь, whatever
                # feminine «Белколя» the dictionary guesses as the lemma of both.
                entry.name = name
            elif not canonical and len(key) == 1 and entry.name in soft_stem_cases(name):
                entry.name = name  # «в Белколе … поселка Белколь»: the form on «-ь»/«-й» is the nominative
        if written:
            entry.written[written] += 1
        if not canonical and any(_lemma(w) == _OPTIONAL_WORD for w in _WORD.findall(name)):
            entry.with_status += 1
        elif not canonical and not _shares_its_noun(span, name) and not quoted[span.start]:
            # (A quoted body's name, «МУП «Коммунальные сети Цивильского округа»», is no choice of the place's name.)
            entry.without_status += 1
            entry.short = entry.short or name
    for entry in by_key.values():
        if entry.written:
            entry.name = entry.written.most_common(1)[0][0]
        elif entry.short and entry.with_status and entry.without_status >= entry.with_status:
            entry.name = entry.short
    _merge_republics(by_key)
    _merge_short_forms(by_key)
    _merge_soft_stem_cases(by_key)
    _merge_turkic_spellings(by_key)
    _merge_plural_genitives(by_key)
    _merge_cut_endings(by_key)
    _merge_abbreviations(by_key)
    _merge_second_names(by_key)
    _merge_renamed_districts(by_key, {TextSpan(span.start_char, span.end_char) for span in by_district_body})
    for span in spans:
        part = _part_of_place(span)
        if part is not None:
            by_key.setdefault(
                text_key(part), _Entry(name=part, full=True, mentions=[TextSpan(span.start_char, span.end_char)])
            )
    text = doc_text(doc)
    tags = _HASHTAG.findall(text)
    for entry in by_key.values():
        entry.name = _hashtag_form(entry.name, tags) or entry.name
    return tuple(
        LocationFinding(name=e.name, mentions=tuple(e.mentions))
        for e in by_key.values()
        # «С.М.Халтурин»: an initial glued to a name is no place of one letter. «#Аулиеколь» under a post files the
        # post under a place the report does not name (the golds list none such, and list those the text names too:
        # «в Ереване … #Ереван»).
        # A tag line under a post files it as a hashtag does: «Теги: Ил Тумэн, санавиация, Арктика».
        if sum(ch.isalpha() for ch in e.name) > 1
        and not all(mention.hashtag_of(text) or in_tag_line(text, mention.start) for mention in e.mentions)
    )


_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")


def _hashtag_form(name: str, tags: list[str]) -> str | None:
    """«в Кыре … #Кыра»: a post's hashtag writes its place in the nominative, which an oblique case leaves open (the
    dictionary reads «Кыре» and «Кыра» as the common noun «кыр»); a one-word name takes the form of a hashtag on its
    stem, one letter longer or shorter at most («#Кызылкия» glues a two-word name and is left alone)."""
    if not _WORD.fullmatch(name) or "-" in name:
        return None
    folded = name.lower().replace("ё", "е")
    for tag in tags:
        low = tag.lower().replace("ё", "е")
        shorter = min(len(low), len(folded))
        if (
            low != folded
            and tag[:1].isupper()
            and not tag.isupper()
            and shorter >= 3
            and abs(len(low) - len(folded)) <= 1
            and low[: shorter - 1] == folded[: shorter - 1]
        ):
            return tag
    return None


def _body_abbreviations(doc: Doc) -> frozenset[str]:
    """«первый секретарь Мозырского РК», «инструктор РК»: an abbreviation a place's adjective stands before is a
    body's («районный комитет»), not the country or region it also spells (РК, Республика Казахстан, is a noun's
    genitive after a noun: «Закон РК»); the text means that body by it wherever else it writes it."""
    text = doc_text(doc)
    return frozenset(
        found.group("abbreviation")
        for found in _ABBREVIATION_AFTER_WORD.finditer(text)
        if _place_adjective(found.group("adjective"))
    ) | frozenset(_defined_body_abbreviations(text))


# An abbreviation opening a bracket: «Администрации местного самоуправления г. Владикавказ (АМС г. Владикавказ)».
_BRACKETED_ABBREVIATION = re.compile(r"\((?P<abbreviation>[А-ЯЁ]{2,5})(?![\w-])")
_WORDS_BEFORE = 8  # the words before the bracket its letters are looked for in


def _defined_body_abbreviations(text: str) -> Iterator[str]:
    """«Администрации местного самоуправления г. Владикавказ (АМС …)»: an abbreviation the text defines in brackets
    after a body's name, whose letters are the initials of the name's words from its body noun on, is the body's
    wherever the text writes it («Глава АМС Вадим Дзантиев»), not a place (a region's «(ЗКО)» opens no body noun)."""
    for found in _BRACKETED_ABBREVIATION.finditer(text):
        letters = found.group("abbreviation").lower().replace("ё", "е")
        words = _WORD.findall(text[max(0, found.start() - 120) : found.start()])[-_WORDS_BEFORE:]
        for at in range(len(words) - len(letters) + 1):
            run = words[at : at + len(letters)]
            initials = "".join(w[0].lower() for w in run)
            if initials == letters and _in_words(_lemma(run[0]), run[0].lower(), "loc_org_nouns"):
                yield found.group("abbreviation")
                break


# A capitalised word, then an abbreviation of capitals alone: «Мозырского РК».
_ABBREVIATION_AFTER_WORD = re.compile(
    r"(?<![\w-])(?P<adjective>[А-ЯЁ][а-яё]+)[ \t]+(?P<abbreviation>[А-ЯЁ]{2,5})(?![\w-])"
)


def _body_abbreviation(span: Span, bodies: frozenset[str]) -> bool:
    """The span's one word is an abbreviation the text uses for a body (`_body_abbreviations`), punctuation aside."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return len(words) == 1 and words[0].text in bodies


def _numbered_district(span: Span) -> bool:
    """«депутат Ленинского округа № 34»: a district with a number is drawn for a vote and names no place."""
    doc, end = span.doc, span.end
    return (
        end + 1 < len(doc)
        and span[-1].lemma_ == "округ"
        and doc[end].text in ("№", "N")
        and doc[end + 1].text[:1].isdigit()
    )


def _word_stem(word: str) -> str:
    """A name without its case ending: Трамп, Трампа, Трампом → трамп."""
    w = word.lower().replace("ё", "е")
    ending = next(
        (e for e in ("ом", "ем", "ой", "а", "я", "у", "ю", "е", "и", "ы") if w.endswith(e) and len(w) > 4), ""
    )
    return w[: len(w) - len(ending)]


def _surname_stems(persons: tuple[PersonFinding, ...]) -> frozenset[str]:
    return frozenset(_word_stem(p.surname) for p in persons if " " not in p.surname)


# A patronymic in any case: «Курбановича», «Рашидовне», «Ильиничной».
_PATRONYMIC = re.compile(r"[А-ЯЁ][а-яё]+(?:(?:ович|евич|ьич)(?:а|у|ем|е)?|(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой|ою))")


def _beside_a_patronymic(span: Span, reach: int) -> bool:
    """«Бахтиёра Курбановича Матякубова», «Халиловой Наиле Рашидовне»: a word next to a patronymic (`reach` 1)
    or one word from it (`reach` 2) is a first name or a surname however place-like it looks."""
    doc = span.doc
    before = doc[max(0, span.start - reach) : span.start]
    after = doc[span.end : span.end + reach]
    return any(t.is_alpha and _PATRONYMIC.fullmatch(t.text) for t in (*before, *after))


# The particles of a Turkic patronymic written apart: «Тофиг Аскер оглу Бабаев», «Айжан Серик кызы», «Нурлан Асан
# уулу».
_TURKIC_PATRONYMIC_PARTICLES = frozenset({"оглы", "оглу", "кызы", "гызы", "уулу", "улы", "қызы"})


def _before_a_turkic_patronymic(span: Span) -> bool:
    """«Тофиг Аскер оглу Бабаев»: a word before a father's name and its particle is a first name."""
    doc = span.doc
    after = doc[span.end : span.end + 2]
    return (
        len(after) == 2
        and _is_capitalized(after[0])
        and after[0].is_alpha
        and after[1].is_lower
        and after[1].lower_ in _TURKIC_PATRONYMIC_PARTICLES
    )


_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _latin_gloss(span: Span) -> bool:
    """«острова Боедик (Boëdic)», «городе Мосул (Mossul)»: a name in Latin script in brackets right after a Russian
    one is that name's original spelling, the same place, not a second one (`latin_names` keeps a Latin place the
    text writes on its own: «in the US»)."""
    text = span.text
    if CYRILLIC_LETTER.search(text) or not _LATIN_WORD.search(text):
        return False
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(":
        return False
    before = doc[span.start - 2]
    return before.text[:1].isupper() and bool(CYRILLIC_LETTER.search(before.text))


def _given_name(token: Token) -> bool:
    """«Иосиф», «Мария»: a word the dictionary knows only as a first name (not also as a place)."""
    parses = [p for p in loading.parse(token.lower_) if p.is_known and p.tag.POS == "NOUN"]
    return bool(parses) and "Name" in parses[0].tag and not any("Geox" in p.tag for p in parses)


def _title_adjective(token: Token) -> bool:
    """«Вичугский», «Святой»: an adjective, and no town's name («Иваново» reads as «Иванов»'s possessive too).
    A compound's last part decides («Иваново-Вознесенский» is an adjective whatever its first part is)."""
    if not any(p.tag.POS == "ADJF" for p in loading.parse(token.lower_)):
        return False
    return not any("Geox" in p.tag for p in loading.parse(token.lower_.rsplit("-", 1)[-1]))


_TITLED_NAME_REACH = 4  # tokens from a place adjective on to the name it titles: «Вознесенский и Вичугский»


def _titles_a_person(span: Span) -> bool:
    """«епископ Иваново-Вознесенский и Вичугский Иосиф», «митрополит Западноевропейский Симеон», «больнице Святой
    Марии»: place adjectives before a first name are a person's (a hierarch's, a saint's) title, not a place."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or not _is_capitalized(words[-1]):
        return False
    if _given_name(words[-1]):
        return len(words) > 1 and _title_adjective(words[-2])
    if not _title_adjective(words[-1]):
        return False
    # A title's first adjective stands apart only when joined to a second: «Иваново-Вознесенский и Вичугский Иосиф».
    # A lone adjective right before a name is a town's as often («в Октябрьском Иван Петров …»).
    doc = span.doc
    joined = False
    for token in doc[span.end : span.end + _TITLED_NAME_REACH]:
        if token.lower_ == _CONJUNCTION or token.text in DASHES or token.text == ",":
            joined = True
            continue
        if not _is_capitalized(token):
            return False
        if _given_name(token):
            # The name the title stands before comes right after a title's adjective; one right after the list's
            # comma or «и» is the list's next place: «в Ясный, Гай и Новотроицк».
            return joined and _title_adjective(doc[token.i - 1])
        if not (joined and _title_adjective(token)):
            return False
    return False


_SERIES_NUMBER = re.compile(r"\w+-\d+")


_DESIGNATION_LETTERS = 2  # «Ду 500», «ДН 300»: a pipe's or a part's size code is a letter or two


def _designation_before_number(span: Span) -> bool:
    """«трубопровода Ду 500»: a word of one or two letters with a number after it is a size's or a grade's code, not
    a place's name. Not a name the dictionary knows as a place («в городе Ош 12 марта»), nor an abbreviation in
    capitals («в РФ 3 млн»)."""
    end, word = span.end, span[0].text
    if len(span) != 1 or len(word) > _DESIGNATION_LETTERS or end >= len(span.doc):
        return False
    return span.doc[end].like_num and not word.isupper() and not _is_geox(word)


def _names_no_place(span: Span) -> bool:
    """«Старая Пинакотека», «Каталонский референдум», «Казань Арена», «Гайд-парк», «Формулы-1»: a name headed by an
    institution's, a venue's or an event's noun, ending in a building's noun (also as a compound's last part), or
    numbered as a series is a body's, a building's or an event's, not a place's."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return False
    last = words[-1]
    if _in(span.root, "loc_institution_nouns") or _in(last, "loc_institution_nouns"):
        return True
    if len(words) == 1 and last.is_alpha and _body_head(last.lower_) and not _after_settlement_kind(span):
        # «поручил областному Кенгашу»: a council's noun, capitalised as a body's name is, names no place; after a
        # settlement's kind it is a village's name («у села Кенеш»).
        return True
    if len(words) > 1 and _not_place_noun(last):
        return True
    if _SERIES_NUMBER.fullmatch(last.text):
        return True
    if _designation_before_number(span):
        return True
    if "-" in last.text:
        part = last.lower_.rsplit("-", 1)[-1]
        lemmas = {p.normal_form for p in loading.parse(part) if p.tag.POS == "NOUN"} if part.isalpha() else set()
        return any(_in_words(lemma, part, "loc_not_place_nouns") for lemma in lemmas)
    return False


def _after_settlement_kind(span: Span) -> bool:
    before = _previous_word(span)
    return before is not None and is_settlement_kind(before)


_CREDIT_WORDS = frozenset({"источник", "фото", "автор"})
_MONTH_STEMS = ("янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def _named_after_or_credited(span: Span) -> bool:
    """«университета имени Ахмета Байтурсынулы», «школы им. Абая»: what a body is named after is a person or an
    event, not a place. «БИШКЕК, 16 октября — Кабар.», «Источник: Кабар»: the agency a dateline or a credit line
    names after its date or its colon is a body."""
    before = _previous_word(span)
    if before is None:
        return False
    if before.lower_ in lexicons.load("eponym_words"):
        return True
    doc = span.doc
    if len(span) != 1 or span.start < 2:
        return False
    mark, word = doc[span.start - 1], doc[span.start - 2]
    if mark.text == ":":
        return word.lower_ in _CREDIT_WORDS
    after = doc[span.end] if span.end < len(doc) else None
    dated = word.like_num or word.lower_.startswith(_MONTH_STEMS)
    ends = after is None or after.text == "." or "\n" in after.text
    return mark.text in TYPOGRAPHIC_DASHES and dated and ends


def _field_label(span: Span) -> bool:
    """«Бөлүшүү: Facebook», «Көрүүлөр: 273», «Жарыяланды: 14.04.2025»: one word opening its line before a colon is a
    web page's or a protocol's field label (share, views, published), which NER reads as a place when it does not know
    the language; no report names its place so."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc) or doc[span.end].text != ":":
        return False
    text, start = doc_text(doc), span.start_char
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


# Heads of bodies' names that name a polity or a community too: «Федерации», «Союза», «общины» may be a place's.
_POLITY_HEADS = frozenset({"федерация", "конфедерация", "автономия", "союз", "содружество", "сообщество", "община"})


@lru_cache(maxsize=20_000)
def _body_head(word: str) -> bool:
    """A body's head noun (`org_heads`: кенгаш, маслихат, совет) in any case, as the dictionary or its guess reads it;
    not one that may name a polity (`_POLITY_HEADS`)."""
    heads = lexicons.load("org_heads") - _POLITY_HEADS
    return word in heads or any(p.tag.POS == "NOUN" and p.normal_form in heads for p in loading.parse(word))


def _names_a_person(span: Span, surnames: frozenset[str]) -> bool:
    """A lone word the tagger took for a place that is a person's name: a surname of a person of the text
    («Клинтон», «Трампа»), or a word pymorphy's dictionary knows as a surname and never as a place
    («Младич», «Вернадского» of a street left out). Not a first name: «Вирджиния», «Шарлотта» are
    places too. A lexicon place is a place whatever it shares."""
    if len(span) != 1 or not span[0].text.replace("-", "").isalpha() or gazetteer().canonical(span_key(span)):
        return False
    parses = [p for p in loading.parse(span[0].lower_) if p.is_known]
    if any("Geox" in p.tag for p in parses):
        return False
    if _beside_a_patronymic(span, 1) or _before_a_turkic_patronymic(span):
        return True  # «хокима района Бахтиёра Курбановича»: a first name, whatever stands before it
    before = _previous_word(span)
    # Lower-case only: an initial «С.» is no «с.» (село).
    if before is not None and before.is_lower and before.lower_ in lexicons.load("loc_place_prepositions"):
        return False  # «родился в Козлове», «князя Петра Николаевича в Антибе»: what stands there is a place
    if (
        before is not None
        and before.is_lower
        and _is_region_noun(before.lemma_, before.lower_)
        and not _named_before(before)
    ):
        return False  # «в графстве Кент», «города Щучинска Нурлана Бекетовича»: the noun's own name
    # «округа Халиловой Наиле Рашидовне»: after «Сосновоборского городского округа», already named, a name.
    return _beside_a_patronymic(span, 2) or _word_stem(span[0].text) in surnames or any("Surn" in p.tag for p in parses)


def _named_before(noun: Token) -> bool:
    """«Сосновоборского городского округа»: the region's or settlement's noun has its name before it already."""
    for token in reversed(noun.doc[max(0, noun.i - 3) : noun.i]):
        if token.pos_ != "ADJ":
            return False
        if _is_capitalized(token):
            return True
    return False


def _shares_its_noun(span: Span, name: str) -> bool:
    """«в Валдайском и Старорусском районах»: a name in a list that shares its region noun in the plural (the span
    without the noun its name has, or ending on the plural noun) is no choice of the name without the status word: the
    list could not have written it."""
    last = span[-1]
    plural = last.pos_ == "NOUN" and "Plur" in last.morph.get("Number")
    return plural or len(_WORD.findall(name)) > len(_WORD.findall(span.text))


def _with_status(name: str, listed: str) -> bool:
    """`name` is `listed` with the status word the text may leave out: «Вольский муниципальный район»."""
    words, shorter = _WORD.findall(name), _WORD.findall(listed)
    return len(words) > len(shorter) and any(_lemma(w) == _OPTIONAL_WORD for w in words)


# Case endings of a name on a soft stem: «Костанай» → «Костаная», «Мядель» → «Мяделе»; "" is the stem itself, which
# a guessed nominative cuts a case ending to («в Мяделе» → «Мядел»).
_SOFT_STEM_CASES = ("", "я", "ю", "е", "ем", "ём", "ей", "и")


def _merge_soft_stem_cases(by_key: dict[Key, _Entry]) -> None:
    """ "Костаная" (the city's genitive, which morphology does not know) and "#Костанай" in one text are one place,
    listed by the form on «-й» or «-ь», which no case ending has."""
    names = {e.name: key for key, e in by_key.items() if len(key) == 1 and _WORD.fullmatch(e.name)}
    for name, key in names.items():
        for form in soft_stem_cases(name):
            other = names.get(form)
            if other is not None and other != key and other in by_key and key in by_key:
                by_key[key].mentions.extend(by_key.pop(other).mentions)


# Kazakh and Kyrgyz letters and the Russian ones a town's Russian name writes for them: «Жезқазған» is «Жезказган».
_TURKIC_LETTERS = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def _merge_turkic_spellings(by_key: dict[Key, _Entry]) -> None:
    """«Жезқазған қаласының әкімдігі» of a site's Kazakh breadcrumb and «Жезказган» of the text are one town, listed
    by the Russian spelling the report uses."""
    for key in [key for key, entry in by_key.items() if entry.name != entry.name.translate(_TURKIC_LETTERS)]:
        russian = text_key(by_key[key].name.translate(_TURKIC_LETTERS))
        if russian != key and russian in by_key:
            by_key[russian].mentions.extend(by_key.pop(key).mentions)


def _merge_plural_genitives(by_key: dict[Key, _Entry]) -> None:
    """ "Джурджулешты" and "жителей Джурджулешт" in one text: a plural name's genitive has no ending; the entry without
    one joins the plural's, listed by the nominative."""
    names = {e.name: key for key, e in by_key.items() if len(key) == 1 and _WORD.fullmatch(e.name)}
    for name, key in names.items():
        if not name.endswith(("ы", "и")) or len(name) < 5:
            continue
        other = names.get(name[:-1])
        if other is not None and other != key and other in by_key and key in by_key:
            by_key[key].mentions.extend(by_key.pop(other).mentions)


def _merge_cut_endings(by_key: dict[Key, _Entry]) -> None:
    """ "Сараево" and "в Сараеве" → "Сараев", "Санта-Фе" and "Санта-Ф" in one text: a neuter or indeclinable name on
    «-о»/«-е» that morphology does not know is guessed a masculine in its oblique cases, and the guess cuts the ending
    off; the cut entry joins the whole name's."""
    names = {e.name: key for key, e in by_key.items() if len(key) == 1 and _WORD.fullmatch(e.name)}
    for name, key in names.items():
        if not name.endswith(("о", "е")) or len(name) < 5:
            continue
        other = names.get(name[:-1])
        if other is not None and other != key and other in by_key and key in by_key:
            by_key[key].mentions.extend(by_key.pop(other).mentions)


def soft_stem_cases(name: str) -> tuple[str, ...]:
    """The case forms of a one-word name on «-й» or «-ь» («Костанай»: «Костаная», «Костанаю», …), none for others."""
    if not name.endswith(("й", "ь")) or len(name) < 4 or not _WORD.fullmatch(name):
        return ()
    return tuple(name[:-1] + ending for ending in _SOFT_STEM_CASES)


def _merge_republics(by_key: dict[Key, _Entry]) -> None:
    """ "Республика Татарстан" and "Татарстан" in one text are one place, listed by the name."""
    for key in list(by_key):
        if len(key) > 1 and key[0] == "республика" and key[1:] in by_key:
            by_key[key[1:]].mentions.extend(by_key.pop(key).mentions)


# «Усть-Кяхта» is the village at the Kyakhta's mouth, «Ново-Талицы» the new one beside Талицы: another place than
# the one its last part names, not its short form. So are the Turkic «new» and «old» ones: Kazakh «Жана-Семей»
# (Жаңа), Kyrgyz «Жаны-Жер» (Жаңы), Uzbek «Янги-Базар», «Эски-Ноокат».
_OTHER_PLACE_HEADS = (
    "усть-",
    "верхне-",
    "нижне-",
    "ново-",
    "старо-",
    "жана-",
    "жаңа-",
    "жаны-",
    "жаңы-",
    "янги-",
    "эски-",
    "ески-",
)


def _merge_short_forms(by_key: dict[Key, _Entry]) -> None:
    """ "Санкт-Петербург" and "Петербург" in one text are one city: the short form is the last part of
    the hyphenated name, listed by the full one; so is the head of a city «on» its river ("Ростов" of
    "Ростов-на-Дону")."""
    tails = {
        (key[0].rsplit("-", 1)[1],): key
        for key in by_key
        if len(key) == 1
        and "-" in key[0]
        # The key's lemmas may cut the head («жан-уральск»); the name keeps it as written.
        and not key[0].startswith(_OTHER_PLACE_HEADS)
        and not by_key[key].name.lower().startswith(_OTHER_PLACE_HEADS)
    }
    tails.update({(key[0].split("-на-", 1)[0],): key for key in by_key if len(key) == 1 and "-на-" in key[0]})
    for short, full in tails.items():
        if short in by_key and short != full:
            by_key[full].mentions.extend(by_key.pop(short).mentions)


_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,5}")
_NAME_WORD = re.compile(r"[А-Яа-яЁё]+")
_JOINING_WORDS = frozenset({"и", "на", "в"})


def _initials(name: str) -> str:
    # Every word of the name gives its letter, the parts of a hyphenated one too («Северо-Кавказский» → «СК»).
    return "".join(w[0] for w in _NAME_WORD.findall(name) if w not in _JOINING_WORDS).upper().replace("Ё", "Е")


def _merge_abbreviations(by_key: dict[Key, _Entry]) -> None:
    """ "Чувашская Республика" and "ЧР", "Северо-Кавказский федеральный округ" and "СКФО" in one text are one place,
    listed by the full name however often the text writes the abbreviation after it (the golds: «Восточно-Казахстанской
    области (ВКО)», «Горно-Бадахшанской автономной области (ГБАО)», «КЧР» four times, all under the full name)."""
    fulls = {_initials(e.name): key for key, e in by_key.items() if len(_NAME_WORD.findall(e.name)) > 1}
    for key, entry in list(by_key.items()):
        full_key = fulls.get(entry.name) if _ABBREVIATION.fullmatch(entry.name) else None
        if full_key is None or full_key == key or full_key not in by_key:
            continue
        by_key[full_key].mentions.extend(by_key.pop(key).mentions)


def _merge_second_names(by_key: dict[Key, _Entry]) -> None:
    """ "Кемеровская область – Кузбасс" and "сёл Кузбасса", "Ханты-Мансийский автономный округ – Югра" and "Югры" in
    one text are one region: the name after the dash is the region's second name, used alone too."""
    for key, entry in list(by_key.items()):
        if " – " not in entry.name or key not in by_key:
            continue
        second = text_key(entry.name.rsplit(" – ", 1)[1])
        if second != key and second in by_key:
            entry.mentions.extend(by_key.pop(second).mentions)


_DISTRICT = " район"
_RENAMED_KINDS = (" округ", " муниципальный округ")


def _merge_renamed_districts(by_key: dict[Key, _Entry], body_mentions: set[TextSpan]) -> None:
    """«ГБУЗ «Чебулинская районная больница» … в Чебулинском и Тисульском округах»: a district's body keeps the name of
    the district the text names as a municipal округ now (Russia's районы became округа): a район named only by its
    bodies' adjectives is that округ."""
    for key, entry in list(by_key.items()):
        if not entry.name.endswith(_DISTRICT) or not all(m in body_mentions for m in entry.mentions):
            continue
        stem = entry.name[: -len(_DISTRICT)]
        renamed = next((k for kind in _RENAMED_KINDS if (k := text_key(stem + kind)) in by_key and k != key), None)
        if renamed is not None:
            by_key[renamed].mentions.extend(by_key.pop(key).mentions)


# The sides of a country or region: "юг Англии" is a region of its own. A city's centre or suburbs are not.
_SIDES = frozenset({"юг", "север", "запад", "восток", "северо-запад", "северо-восток", "юго-запад", "юго-восток"})


def _part_of_place(span: Span) -> str | None:
    """ "на юге Англии", "на востоке Украины": a side of a named place is a region of its own."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if before.lemma_.lower() not in _SIDES or _is_capitalized(before) or span.root.morph.get("Case") != ["Gen"]:
        return None
    return f"{before.lemma_.lower()} {span.text}"


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, locations=find_locations(doc, findings.persons))
