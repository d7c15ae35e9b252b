"""Locations: a place's name in the nominative, from the case form the text writes.

The name's case is read from what governs it (a preposition, an agreeing kind «в аг.», a list's preposition), not
only from the tagger, which guesses the cases of unknown names; a guessed nominative no place name has is undone
(«в Сиэттле» is no «Сиэттля»). Regions decline their adjective and noun together, a region noun's abbreviation is
expanded («р-на», «обл.»), a land named with «при-/за-» keeps its «-ье», and a name spelled in a Turkic alphabet is
not read by the Russian dictionary's cases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from models import loading
from models.grammars.cities import city_of
from models.punctuation import (
    DASHES,
)
from pipelines.doc_views import written_words
from pipelines.normalize import nominative, recover_shape
from pipelines.stages.locations.keys import _WORD, Key, _in, _is_capitalized
from pipelines.stages.locations.words import (
    _ADJECTIVE_ENDING,
    _COORDINATORS,
    _IN,
    _LIST_REACH,
    _LOCATIVE_PREPOSITIONS,
    _adjective,
    _adjective_nominative,
    _after_settlement_kind,
    _plural_kind,
    _settlement_by_morphology,
)
from pipelines.titles import is_settlement_kind

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
