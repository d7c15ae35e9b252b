"""The home of the body holding the meeting: the place of a meeting that the text places nowhere else.

A local body meets at home: «Думы города Костромы», «общины Гюмри», «мэр Бишкека», «Думы г.о. Тольятти», «Мядельского
районного Совета» → Мядель, a city's own body by its adjective where morphology does not know the city
(«Жалал-Абадского городского кенеша» → Жалал-Абад). The home is read in the meeting sentence, the two after it, and the
sentence a back-pointer («на этой же сессии») refers to. A region's or district's body names no town (the golds leave
the place unstated); a district body's adjective names a town only as a guess, which a town a headline states
outright beats. The last resorts: a letterhead's town (`letterhead_town`), and the town of a district whose body's
building a lead holds the meeting in (`venue_district_town`).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from spacy.attrs import IS_ALPHA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.components.extensions import doc_text, sentence_of
from models.grammars.cities import city_of
from pipelines.doc_views import token_strings
from pipelines.findings import LocationFinding
from pipelines.person_names import fold, is_first_name
from pipelines.stages.locations import municipal_kind
from pipelines.stages.meeting.dateline import _FIELD_LINES, _first_lines, _opening
from pipelines.stages.meeting.names import _IN, _SETTLEMENT_ABBREVIATIONS
from pipelines.stages.meeting.sentence import _LEAD_SENTENCES, _is_in
from pipelines.stages.meeting.tier import _VENUE_STEPS
from pipelines.titles import is_position_head

# A body's level adjective after its home's adjective: «Мядельского районного Совета», «Костанайского
# городского маслихата»; a local body meets at home when the text names no other place.
_LOCAL_LEVELS = frozenset({"городской", "районный", "айылный", "айыльный", "сельский", "поселковый", "аульный"})
_LOCAL_BODIES = frozenset({"райисполком", "горисполком", "горсовет", "райсовет", "горкенеш", "гормаслихат"})
_ADJECTIVE_ENDINGS = ("ьский", "ский", "ской", "цкий")


def _home_from_adjective(word: str, words: frozenset[str]) -> str | None:
    """«Кобринский» → Кобрин, «Каракольский» → Каракол, «Мядельский» → Мядель: the stems the adjective can
    come from, the first that morphology knows as a place or the text writes as a word of its own."""
    lemma = fold(word)
    ending = next((e for e in _ADJECTIVE_ENDINGS if lemma.endswith(e)), None)
    if ending is None:
        return None
    stem = lemma[: -len(ending)]
    # «Вольский» → Вольск, «Томский» → Томск (not the river Томь): a city in -ск merges its ending into the
    # adjective's, and such cities are the commonest source of these adjectives.
    merged = [stem + ending[:-2]] if ending in ("ьский", "ский", "цкий") else []
    candidates = merged + ([stem + "ь", stem] if ending == "ьский" else [stem, stem + "ь"])
    # «Костромской» → Кострома, «Кызылординский» → Кызылорда, «Алматинский» → Алматы.
    candidates += [stem + "а", stem + "ы"]
    if stem.endswith("ин"):
        candidates += [stem[:-2] + "а", stem[:-2] + "ы"]
    for candidate in candidates:
        if len(candidate) < 2:
            continue
        place = next((p for p in loading.parse(candidate) if "Geox" in p.tag and p.is_known), None)
        if place is not None:
            # «Бендерский» → «бендер», the genitive of the plural-only Бендеры: the place's own nominative.
            candidate = place.normal_form if "Pltm" in place.tag else candidate
        if place is not None or candidate in words:
            return "-".join(part.capitalize() for part in candidate.split("-"))
    return None


def _genitive_place(token: Token) -> str:
    """«города Костромы» → Кострома, «города Шымкента» → Шымкент (a listed town morphology does not know); another
    name morphology does not know is left as written («города Вахдат»)."""
    if (city := city_of(token.text)) is not None:
        return city
    known = next((p for p in loading.parse(token.lower_) if "Geox" in p.tag and p.is_known), None)
    word = known.inflect({"nomn"}).word if known is not None and known.inflect({"nomn"}) else token.lower_
    return "-".join(part.capitalize() for part in word.split("-")) if known is not None else token.text


# Bodies named after their city in the genitive: «Думы Чебоксар», «Городской думы Краснодара».
# A republic's name in -ия («Государственный Совет Чувашии», «Хурал Бурятии») is a region, not a home city.
_MUNICIPALITIES = frozenset({"округ", "поселение"})
# A city's own bodies and posts, and its district («администрации Ленинского района Уфы») and Armenia's community
# council («Совета старейшин Еревана»), named by the city in the genitive.
_CITY_BODIES = frozenset(
    {"дума", "кенеш", "маслихат", "мэрия", "примэрия", "акимат", "хокимият", "администрация", "мэр", "аким", "хоким"}
    | {"горсовет", "горисполком", "горкенеш", "гормаслихат", "глава"}
    | {"район", "старейшина", "депутат"}  # «Совета депутатов Новосибирска»
)
_REGION_ENDINGS = ("ия", "ея")


# Members of one council, named in the plural by its city: «Совета депутатов Новосибирска», «Совета старейшин Гюмри».
_COUNCIL_MEMBERS = frozenset({"депутат", "старейшина"})


def _heads_of_several(token: Token) -> bool:
    """«акимы Кентау и Туркестана», «мэры Оша и Джалал-Абада»: heads or bodies in the plural name several towns, no
    one home."""
    return token.morph.get("Number") == ["Plur"] and fold(token.lemma_) not in _COUNCIL_MEMBERS


def _before_region_noun(token: Token) -> bool:
    """«в сельских поселениях Рузаевского района»: the capitalised word after the settlement noun is a district's
    adjective, its region noun right after it; no town is named."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    return after.is_lower and fold(after.lemma_) in lexicons.load("loc_region_nouns")


def _opens_a_persons_name(token: Token) -> bool:
    """«мэр города Тигран Авинян»: after the settlement word the tagger's person of two words or more begins; the
    post's place is left unnamed, the words are the mayor's name."""
    doc = token.doc
    if token.ent_type_ != "PER" or token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I":
        return False
    return is_first_name(token.text)  # «аким города Талдыкорган Иванов»: the town the tagger ran into the name


def _of_a_place(token: Token) -> bool:
    """A body, a post, a venue or a smaller settlement a settlement's name may follow: «Думы», «главы», «в здании
    администрации», «в Доме культуры», «в махалле «Шодлик»». By the dictionary's readings of the word too: the
    tagger's lemma of a word it does not know is a guess («Примэрия» → «примэрий», «махалле» → «махалл»)."""
    if not token.is_alpha:
        return False
    if is_position_head(token):
        return True
    words = {fold(token.lemma_)} | {fold(p.normal_form) for p in loading.parse(token.lower_) if p.tag.POS == "NOUN"}
    return bool(words & _place_owners())


@cache
def _place_owners() -> frozenset[str]:
    return (
        lexicons.load("meeting_venue_nouns")
        | lexicons.load("loc_settlement_nouns")
        | lexicons.load("org_heads")
        | _PUBLIC_BUILDINGS
        | _CITY_BODIES
        | _HEAD_TITLES
    )


_PUBLIC_BUILDINGS = frozenset({"дом", "клуб", "центр", "школа", "библиотека"})
_OWNER_REACH = 2  # words back from a settlement noun to its owner: «Дома культуры села …», «махалле «Шодлик» города»
_HEAD_TITLES = frozenset({"глава", "мэр", "аким", "хоким", "председатель", "депутат", "житель", "община"})


def home_city(
    doc: Doc, sent: Span, cities: dict[int, str] | None = None, people: frozenset[int] = frozenset()
) -> str | None:
    found = _home(doc, sent, cities, people)
    return found[0] if found is not None else None


_DISTRICT_LEVELS = frozenset({"районный", "райисполком", "райсовет"})


def _home(
    doc: Doc, sent: Span, cities: dict[int, str] | None = None, people: frozenset[int] = frozenset()
) -> tuple[str, bool] | None:
    """Where the body holding the meeting sits, from its name: «Думы города Костромы», «общины Гюмри»,
    «Кобринского районного исполнительного комитета», «Мядельского райисполкома», «Думы Чебоксар» (`cities`:
    the cities the text names, by where a mention starts; `people`: the tokens of persons' names, «имам села Касумов
    Рамазан»)."""
    texts, lowers = token_strings(doc, ORTH), token_strings(doc, LOWER)
    alpha = doc.to_array(IS_ALPHA).tolist()
    words = frozenset(lower for text, lower, a in zip(texts, lowers, alpha, strict=True) if a and text[:1].isupper())
    tokens = [t for t in sent if not t.is_space]
    text = doc_text(doc)
    for i, token in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if "\n" in text[token.idx + len(token.text) : after.idx]:
            continue  # «… ОТЧЁТ АКИМА ГОРОДА\n\nВчера в городе …»: a headline's end and the next line are no phrase
        city = cities.get(after.idx) if cities else None
        if (
            city is not None
            and fold(token.lemma_) in _CITY_BODIES
            and not _heads_of_several(token)
            # (the tagger may read a town it does not know as a nominative: «Акимат Шымкента», «Горсовет Бельц»; a
            # form other than the name's own is its case)
            and ("Case=Gen" in str(after.morph) or fold(after.text) != fold(city))
            and not fold(city).endswith(_REGION_ENDINGS)
        ):
            return city, False
        settlement = _is_in(token, "loc_settlement_nouns") or fold(token.lemma_) == "община"
        # A body or a post of the settlement («Думы города Костромы», «глава села Кара-Суу»), not whatever else is
        # of a town («сотрудники организаций … города Ташкента»).
        # (The settlement's genitive first: it is rare, and looking for its owner costs a look-up per word before.)
        named = ((settlement and "Case=Gen" in str(token.morph)) or _misread_settlement_genitive(token)) and any(
            _of_a_place(t)
            for t in [t for t in reversed(tokens[max(0, i - 2 * _OWNER_REACH) : i]) if t.is_alpha][:_OWNER_REACH]
        )
        # A municipality named by its city: «Думы городского округа Тольятти», «образования «Город Киров»».
        named = named or (
            fold(token.lemma_) in _MUNICIPALITIES and i > 0 and fold(tokens[i - 1].lemma_) in _LOCAL_LEVELS
        )
        named = named or (token.text == "Город" and i > 0 and tokens[i - 1].text in ("«", '"'))
        if (
            named
            and _is_name(after)
            and after.i not in people
            and not _opens_a_persons_name(after)
            and not _before_region_noun(after)
        ):
            return _whole_city(after, cities) or _adjective_city(after, cities) or _genitive_place(after), False
        # «Думы г. Тамбова», «акимата г. Павлодара»: the abbreviation has no case, the name after it has; after
        # a noun («в здании мэрии г. Ош») the abbreviation stands for the genitive and the name may be left as is.
        if fold(token.text) in _SETTLEMENT_ABBREVIATIONS and after.text == "." and i + 2 < len(tokens):
            name = tokens[i + 2]
            if token.text.isupper() and name.text.isupper() and len(name.text) == 1:
                continue  # «С.М.Халтурин»: initials, not «с. М…» (but «г.о. Тольятти» goes on below)
            if token.text.isupper() and name.ent_type_ == "PER":
                continue  # «начальники отделов – Г. Малофеева»: a capital initial before a person's name, not «г.»
            after_noun = (
                fold(token.text) in ("г", "гор")
                and tokens[i - 1].pos_ in ("NOUN", "PROPN")
                and tokens[i - 1].is_alpha
                and name.ent_type_ != "PER"  # «Вдобавок С.Антуфьев»: an initial, not «с.»
            )
            if _is_name(name) and ("Case=Gen" in str(name.morph) or (i > 0 and after_noun)):
                return _whole_city(name, cities) or _adjective_city(name, cities) or _genitive_place(name), False
            # «Думы г.о. Тольятти»: a city district («городской округ») named by its city, in the nominative.
            if fold(token.text) == "г" and name.lower_ == "о" and i + 4 < len(tokens) and tokens[i + 3].text == ".":
                name = tokens[i + 4]
                if _is_name(name):
                    return _genitive_place(name), False
        if (
            token.text[:1].isupper()
            and token.pos_ in ("ADJ", "PROPN")
            and (fold(after.lemma_) in _LOCAL_LEVELS or fold(after.lemma_) in _LOCAL_BODIES)
        ):
            home = _place_adjectives().get(fold(token.lemma_)) or _home_from_adjective(token.lemma_, words)
            if home is None and fold(after.lemma_) in _CITY_LEVELS:
                home = _city_from_adjective(token.lemma_)
            if home is not None:
                # A district's body («Жылыойского районного маслихата») names its town only where the two share
                # a name: a guess, where a city's body names its city.
                return home, fold(after.lemma_) in _DISTRICT_LEVELS
    return None


def _adjective_city(token: Token, cities: dict[int, str] | None) -> str | None:
    """«при акиме города Рудного»: a town named by an adjective (Рудный, Мирный, Заречный) that morphology does not
    know as a place is in its genitive as an adjective is; the locations stage gave its nominative."""
    city = cities.get(token.idx) if cities else None
    if city is None or " " in city or fold(city) == token.lower_:
        return None
    adjective = any(p.tag.POS == "ADJF" and p.tag.case == "gent" for p in loading.parse(token.lower_))
    return city if adjective and not any("Geox" in p.tag and p.is_known for p in loading.parse(token.lower_)) else None


def _whole_city(token: Token, cities: dict[int, str] | None) -> str | None:
    """«главы города Новый Уренгой», «мэрии г. Набережные Челны»: a city of more than one word that the locations stage
    found starting at the name's first word is named whole, not by that word."""
    city = cities.get(token.idx) if cities else None
    return city if city is not None and (" " in city or "-" in city) else None


def _misread_settlement_genitive(token: Token) -> bool:
    """«Примэрии муниципия Бельцы», «мэрии муниципия Кишинэу»: a settlement noun the tagger does not know, given
    another lemma, case or none; morphology reads it as the genitive of a settlement noun."""
    if not token.is_lower or not token.is_alpha or fold(token.text) in _SETTLEMENT_ABBREVIATIONS:
        return False  # «с Министерством»: a preposition, which morphology also reads as an abbreviation
    nouns = lexicons.load("loc_settlement_nouns")
    return any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and "Abbr" not in p.tag and fold(p.normal_form) in nouns
        for p in loading.parse(token.lower_)
    )


def _is_name(token: Token) -> bool:
    """A capitalized word, hyphenated ones too («Кок-Ой», «Жалал-Абад»). A headline's capitals tell nothing: a word in
    capitals is a name where the dictionary knows it as one or does not know it at all («АКИМ СЕЛЬСКОГО ОКРУГА
    ОТЧИТАЛСЯ»: a verb; «ДУМЫ ГОРОДА КОСТРОМЫ»: a place)."""
    if not (token.text.replace("-", "").isalpha() and token.text[:1].isupper()):
        return False
    if municipal_kind(token):
        return False  # «Глава МО Оржицкое сельское поселение»: the municipality's kind, not the Moscow region
    return not (len(token.text) > 1 and token.text.isupper() and _common_word(token.lower_))


_PROPER_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr"})


@cache
def _common_word(word: str) -> bool:
    """The dictionary knows the word, and only as a common word."""
    parses = loading.parse(word)
    return bool(parses) and all(p.is_known and not (_PROPER_GRAMMEMES & p.tag.grammemes) for p in parses)


# A city's own body: «Жалал-Абадского городского кенеша», «Шымкентского горсовета». The adjective before it is
# made from a city, so its stem is the city even where morphology does not know the name.
_CITY_LEVELS = frozenset({"городской", "горкенеш", "горсовет", "гормаслихат", "горисполком"})


def _city_from_adjective(word: str) -> str | None:
    """«Таразский» → Тараз, «Жалал-Абадский» → Жалал-Абад, «Актауский» → Актау: a city morphology does not know
    read off the adjective of its own body; a stem in -ин («Балыкчинский») is left alone (-а, -ы or -ин: the
    lexicon names such cities)."""
    lemma = fold(word)
    ending = next((e for e in _ADJECTIVE_ENDINGS if lemma.endswith(e)), None)
    if ending is None:
        return None
    # «Новополоцкий» → Новополоцк: a city in -цк merges its ending into the adjective's.
    stem = lemma[: -len(ending)] + {"ьский": "ь", "цкий": "цк"}.get(ending, "")
    if stem.endswith("гор"):
        stem += "ск"  # «Степногорский» → Степногорск: the cities in -горск
    if len(stem) < 2 or stem.endswith("ин") or not stem[-1].isalpha():
        return None
    return "-".join(part.capitalize() for part in stem.split("-"))


@cache
def _place_adjectives() -> dict[str, str]:
    pairs = (line.split("|", 1) for line in lexicons.lines("meeting_place_adjectives"))
    return {fold(adjective.strip()): seat.strip() for adjective, seat in pairs}


# «СХОД ГРАЖДАН МАХАЛЛИ «ЯНГИ ХАЁТ» ГОРОДА МАРГИЛАНА», «АКИМАТ ГОРОДА РИДДЕРА»: a letterhead in capitals names its body
# by the town or village it sits in, after the settlement's word in the genitive.
_LETTERHEAD_TOWN = re.compile(
    r"(?<![А-ЯЁ])(?:ГОРОДА|СЕЛА|ПОСЕЛКА|ПОСЁЛКА|АУЛА|КИШЛАКА)[ \t]+(?P<name>[А-ЯЁ][А-ЯЁ-]{2,})"
)


def letterhead_town(doc: Doc, locations: tuple[LocationFinding, ...]) -> str | None:
    """The town a letterhead's body sits in, where nothing in the text places the meeting (a protocol's «Место
    проведения: здание махаллинского гузара, ул. …» names a building alone): the body meets at home. Only a town the
    text names as a location too, in the letterhead's form."""
    lines = [line for _, line in _first_lines(_opening(doc), _FIELD_LINES) if _LETTERHEAD_TOWN.search(line)]
    if not lines:
        return None
    text = doc_text(doc)
    written = {fold(text[m.start : m.end]): loc.name for loc in locations for m in loc.mentions}
    for line in lines:
        for found in _LETTERHEAD_TOWN.finditer(line):
            name = written.get(fold(found.group("name")))
            if name is not None:
                return name
    return None


def venue_district_town(doc: Doc, locations: tuple[LocationFinding, ...]) -> str | None:
    """«В среду в здании хокимията Асакинского района хоким провёл …»: where nothing else places the meeting, the
    building of a district's body a lead sentence holds it in stands in the district's town, the one its adjective
    is made from (Асакинский → Асака), where the text names that town too. (A district's body alone gives no
    place: the building says where the meeting was.)"""
    towns = {fold(loc.name): loc.name for loc in locations}
    if not towns:
        return None
    for sent in islice(doc.sents, _LEAD_SENTENCES + 1):
        for token in sent:
            if not _is_in(token, "loc_region_nouns") or "Case=Gen" not in str(token.morph):
                continue
            adjective = next((c for c in token.children if c.dep_ == "amod" and c.text[:1].isupper()), None)
            if adjective is None or not _in_building(token):
                continue
            home = _place_adjectives().get(fold(adjective.lemma_)) or _home_from_adjective(
                adjective.lemma_, frozenset(towns)
            )
            if home is not None and fold(home) in towns:
                return towns[fold(home)]
    return None


def _in_building(token: Token) -> bool:
    """Up a genitive chain («района» ← «хокимията» ← «здании») to a room or building the «в» stands on."""
    for _ in range(_VENUE_STEPS):
        if token.dep_ != "nmod":
            return False
        token = token.head
        if _is_in(token, "meeting_venue_nouns"):
            return any(c.dep_ == "case" and c.lower_ in _IN for c in token.children)
    return False


_HOME_SENTENCES = 3  # the meeting sentence and the two after it
# «На этой же сессии», «на том же заседании»: a demonstrative before the event noun points back at the sentence before.
_BACK_POINTERS = frozenset({"этой", "этом", "этого", "том", "той", "того", "данной", "данном", "данного"})


def _referred_back(doc: Doc, sent: Span, events: set[int]) -> list[Span]:
    """The sentence before a meeting sentence that names its meeting as «этой (же) сессии»: «Председателем Ошского
    городского кенеша избран … На этой же сессии избран вице-спикер» — the body, so its city, is named there."""
    event = next((i for i in sorted(events) if sent.start <= i < sent.end), None)
    if event is None or sent.start == 0:
        return []
    before = [t for t in doc[max(sent.start, event - 3) : event] if not t.is_space and t.lower_ != "же"]
    if not any(t.lower_ in _BACK_POINTERS for t in before):
        return []
    return [sentence_of(doc, sent.start - 1)]


def _sentences_from(doc: Doc, sent: Span, count: int) -> list[Span]:
    """The sentence and the ones after it, `count` in all."""
    found = [sent]
    while len(found) < count and found[-1].end < len(doc):
        found.append(sentence_of(doc, found[-1].end))
    return found
