"""Locations: the spans beside the NER's that may name a place, gathered by `candidate_spans`.

The NER's LOC spans cleaned (`clean.py`); the lexicons' names wherever the text writes them outside quotes (country
aliases, region abbreviations the NER misses or tags ORG); the genre's towns (`city_of`) in any case; names after a
settlement's kind («аг. Стайки», «х. Светлый») and regions named by their noun («Республика Татарстан»); the ends of
a route («трассы Алматы – Ташкент»); a list's one-word names beside a place found. Some sources read the name with
its nominative at once (`(span, name)` pairs): Latin names of the lexicon («in the US»), a kind named after a place
(«сельского округа Иркол»), a region after its kind, and the village a Kyrgyz aiyl office is named by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from models import lexicons, loading
from models.components.extensions import doc_text, token_texts
from models.grammars.cities import city_of
from models.punctuation import (
    DASHES,
)
from pipelines.doc_views import entities, token_strings
from pipelines.stages.locations.clean import _capitalized_attribute, _common_word, clean_location, places_in_body
from pipelines.stages.locations.keys import (
    _STEM_LETTERS,
    _in,
    _in_words,
    _is_capitalized,
    _lemma,
    _lemmas,
    _quoted,
    _word_set_flags,
    gazetteer,
    span_key,
)
from pipelines.stages.locations.words import (
    _COORDINATORS,
    _LIST_REACH,
    _given_name,
    _not_place_noun,
    _plural_kind,
    _plural_only,
    _previous_word,
    _settlement_by_morphology,
    _settlement_stems,
    _singular_nominative,
)
from pipelines.titles import name_after_kind


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
