"""The meeting's place (`find_place`): the candidates, the order of the sources, the place as a location.

The candidates are the locations stage's city mentions (no countries, no regions), their repeats where NER missed
one, names a settlement word marks, indeclinable foreign towns after «в» («в Кишинэу») and venues named by a city's
adjective («в Московском театре»). `place_tier` ranks each, and the order of the sources is the stage's logic: the
dateline's place (tier 1) gives way only to a place attached to the meeting (0); a tier-2 place comes before a place
field or a protocol's signature (`dateline.py`) and the home of the body holding the meeting (`home.py`); a headline's
(3) only before a home guessed from a district body's adjective and the last resorts (a headline in capitals, a
letterhead's town, a district body's building). The place found joins the locations when the locations stage missed
it (`with_place`: a dateline's city NER left untagged).
"""

from __future__ import annotations

import re
from itertools import islice

from spacy.attrs import LEMMA, ORTH, POS
from spacy.symbols import ADJ
from spacy.tokens import Doc, Span

from models import lexicons, loading
from models.components.extensions import doc_text
from pipelines.doc_views import folded_strings, token_strings
from pipelines.findings import LocationFinding, PersonFinding, TextSpan
from pipelines.person_names import fold
from pipelines.stages.locations import gazetteer, soft_stem_cases, text_key
from pipelines.stages.meeting.dateline import Dateline, _opening, field_place, signature_place
from pipelines.stages.meeting.home import (
    _HOME_SENTENCES,
    _home,
    _home_from_adjective,
    _place_adjectives,
    _referred_back,
    _sentences_from,
    letterhead_town,
    venue_district_town,
)
from pipelines.stages.meeting.names import (
    _IN,
    _SETTLEMENT_ABBREVIATIONS,
    _dateline_place,
    _unknown_word,
    _unshouted,
    _unshouted_name,
)
from pipelines.stages.meeting.sentence import _LEAD_SENTENCES, meeting_verbs
from pipelines.stages.meeting.tier import _KIND_OF_TYPE, Headline, heading_place, place_tier


def _city_mentions(doc: Doc, locations: tuple[LocationFinding, ...]) -> list[tuple[Span, str]]:
    """Location mentions that can be a meeting's city: not countries, not regions."""
    region_nouns = lexicons.load("loc_region_nouns")
    found = []
    for location in locations:
        key = text_key(location.name)
        if key in gazetteer().forced or gazetteer().canonical(key) or any(w in region_nouns for w in key):
            continue
        for mention in location.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                found.append((span, location.name))
    return sorted(found, key=lambda pair: pair[0].start)


def _settlement_mentions(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """Names a settlement word marks («в г. Тамбове», «в городе Тулуне», «в селе Кара-Суу») that the
    locations stage did not read as places: the word says what they are. An abbreviation needs its full stop
    («с Ивановым» is a preposition); the name is one morphology knows as a place (`taken`: tokens of the
    locations' mentions)."""
    lemmas, texts = token_strings(doc, LEMMA), token_strings(doc, ORTH)
    nouns = lexicons.load("loc_settlement_nouns")
    found = []
    folded_lemmas, folded_texts = folded_strings(doc, LEMMA), folded_strings(doc, ORTH)
    for i in range(len(lemmas) - 1):
        if folded_lemmas[i] not in nouns:
            continue
        name = i + 1
        if name + 2 < len(doc) and folded_texts[name] == "городского" and folded_texts[name + 1] == _KIND_OF_TYPE:
            name += 2  # «в посёлке городского типа Шахан»
        if folded_texts[i] in _SETTLEMENT_ABBREVIATIONS:
            if texts[name] != ".":
                continue
            name += 1
        if name >= len(doc) or name in taken or not texts[name][:1].isupper():
            continue
        if len(texts[name]) < 2 or (texts[i][:1].isupper() and name + 1 < len(doc) and texts[name + 1] == "."):
            continue  # «С.М.Халтурин»: initials, not «с. М…»
        place = _dateline_place(texts[name])
        if place is not None:
            found.append((doc[name : name + 1], place))
    return found


# Endings of a foreign town's spelling Russian does not decline («в Кишинэу», «в Сухуми», «в Осло»): a vowel other than
# the «е» a declined noun's prepositional ends in, so an unknown word in «в …е» (a body's or a firm's name) is left out.
_INDECLINABLE_ENDINGS = ("эу", "у", "и", "о", "ю")
_INDECLINABLE_MIN = 4  # letters: shorter capitalised words after «в» are abbreviations and initials


def _indeclinable_mentions(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """«В Кишинэу прошло заседание»: a one-word name after «в» that morphology does not know and that ends as an
    indeclinable foreign town does, where the locations stage did not read it. `place_tier` then asks whether the
    phrase places the meeting; a capitalised word after it («в Жогорку Кенеше») makes it part of a longer name."""
    texts = token_strings(doc, ORTH)
    found = []
    for i in range(1, len(texts)):
        word = texts[i]
        # (The capital first: it turns away most words before the preposition is folded.)
        if not word[:1].isupper() or word.isupper() or i in taken or fold(texts[i - 1]) not in _IN:
            continue
        if len(word) < _INDECLINABLE_MIN or not word.isalpha() or not word.lower().endswith(_INDECLINABLE_ENDINGS):
            continue
        if i + 1 < len(texts) and texts[i + 1][:1].isupper():
            continue
        if _unknown_word(word):
            found.append((doc[i : i + 1], word))
    return found


def _repeated_mentions(doc: Doc, mentions: list[tuple[Span, str]], taken: set[int]) -> list[tuple[Span, str]]:
    """The same one-word form of a city the locations stage found elsewhere in the text («пропуска оформляются в
    Кыре»), where it missed it («Во вторник в Кыре состоялось заседание»): the same word is the same place."""
    forms = {span.text: name for span, name in mentions if len(span) == 1}
    if not forms:
        return []
    texts = token_strings(doc, ORTH)
    return [(doc[i : i + 1], forms[text]) for i, text in enumerate(texts) if text in forms and i not in taken]


def _venue_mentions(doc: Doc, cities: dict[str, str]) -> list[tuple[Span, str]]:
    """Venues named by their city's adjective («в Московском драматическом театре», «в Казанском университете»):
    the adjective's city places the venue where the text names that city too (`cities`: folded name → name).
    The span runs from the adjective to the venue noun, which carries the «в»."""
    found = []
    if not cities:
        return found
    words = frozenset(cities)
    # By the arrays first: a capitalised adjective is rare, and a Token for every word cost more than the test.
    texts = token_strings(doc, ORTH)
    for at, pos in enumerate(doc.to_array(POS).tolist()):
        if pos != ADJ or not texts[at][:1].isupper():
            continue
        token = doc[at]
        if token.i >= token.head.i:
            continue
        venue = token.head
        if venue.pos_ != "NOUN" or not any(c.dep_ == "case" and c.lower_ in _IN for c in venue.children):
            continue
        home = _place_adjectives().get(fold(token.lemma_)) or _home_from_adjective(token.lemma_, words)
        if home is not None and fold(home) in cities:
            found.append((doc[token.i : venue.i + 1], cities[fold(home)]))
    return found


def _reading(span: Span, name: str) -> str:
    """The name of a one-word mention in the nominative morphology reads first, where the name given is another
    of its readings: «в Оше» is Ош (the locations stage may read Оша, a reading too)."""
    if len(span) != 1 or " " in name or "-" in name:
        return name
    readings = [p.normal_form for p in loading.parse(span.text.lower()) if "Geox" in p.tag and p.is_known]
    if readings and fold(name) in {fold(r) for r in readings} and fold(readings[0]) != fold(name):
        return _dateline_place(readings[0]) or name
    return name


_STEM = 4  # letters of a surname that its case forms share


def _person_tokens(doc: Doc, people: tuple[PersonFinding, ...]) -> set[int]:
    """Where the persons' surnames stand («Касумов Рамазан»); not their other words, which may be a town the tagger
    ran into a name («аким города Талдыкорган Иванов»)."""
    found: set[int] = set()
    for person in people:
        stem = fold(person.surname)[:_STEM]
        for mention in person.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                found.update(t.i for t in span if fold(t.text).startswith(stem))
    return found


def find_place(
    doc: Doc,
    locations: tuple[LocationFinding, ...],
    events: set[int],
    meeting: Span | None,
    dateline: Dateline | None,
    people: tuple[PersonFinding, ...] = (),
) -> str | None:
    headline = Headline.of(doc)
    best: tuple[int, str] | None = None
    mentions = _city_mentions(doc, locations)
    taken = {i for span, _ in mentions for i in range(span.start, span.end)}
    cities = {fold(name): name for _, name in mentions}
    mentions += _repeated_mentions(doc, mentions, taken)
    # «имам села Касумов Рамазан»: a name the persons stage read as a person's is no settlement after the word.
    people_at = frozenset(_person_tokens(doc, people))
    dateline_key = fold(dateline.place) if dateline is not None and dateline.place else None
    foreign = _indeclinable_mentions(doc, taken | people_at)
    for span, name in mentions + _settlement_mentions(doc, taken | people_at) + _venue_mentions(doc, cities) + foreign:
        tier = place_tier(span, events, meeting, headline)
        if tier is None or (best is not None and tier > best[0]):
            continue
        # Of two places as sure, the one the dateline names too: «В Узгене прошёл круглый стол, организованный … при
        # поддержке офиса ОБСЕ в Бишкеке» under «УЗГЕН, 17 апреля».
        if best is None or tier < best[0] or (fold(best[1]) != dateline_key and fold(name) == dateline_key):
            best = (tier, _reading(span, name))
    if dateline is not None and dateline.place and (best is None or best[0] > 1):
        return dateline.place
    if best is not None and best[0] <= 2:
        return _unshouted(best[1])
    signed = field_place(doc) or signature_place(doc)
    if signed is not None:
        return signed
    cities = {span.start_char: name for span, name in _city_mentions(doc, locations)}
    home, by_district = None, False
    if meeting is not None:
        # «Состоялась сессия городского кенеша. Депутаты Ошского городского кенеша …», «Прошло совещание. Его
        # провёл аким города Талдыкорган»: the body or its head is often named in full a sentence or two later.
        # Only where the meeting sentence reports a meeting taking place: a news story's passing «заседание»
        # says nothing of the cities its later sentences name.
        reach = _HOME_SENTENCES if meeting_verbs(meeting) else 1
        for sent in _sentences_from(doc, meeting, reach) + _referred_back(doc, meeting, events):
            found = _home(doc, sent, cities, people_at)
            if found is not None:
                home, by_district = found
                break
    elif _PROTOCOL_TITLE.search(_opening(doc)):
        # «Ошский городской кенеш \n\n ПРОТОКОЛ № 3»: a protocol with no meeting sentence is its letterhead body's,
        # which meets at home; a town's own body names its town (a district's adjective may name a district alone).
        for sent in islice(doc.sents, _LEAD_SENTENCES):
            found = _home(doc, sent, cities, people_at)
            if found is not None and not found[1]:
                home = found[0]
                break
    # «В Кульсарах подвели итоги … \n\n в акимате Жылыойского района прошло совещание»: a town the headline states
    # outright is surer than one guessed from a district body's adjective (the district's town may be named otherwise).
    if by_district and best is not None:
        return _unshouted(best[1])
    if home or best:
        return _unshouted_name(_unshouted(home)) if home else _unshouted(best[1])  # «СЕЛА ТАМЧЫ» → Тамчы
    return heading_place(doc) or letterhead_town(doc, locations) or venue_district_town(doc, locations)


_PROTOCOL_TITLE = re.compile(r"(?m)^[ \t]*(?:ПРОТОКОЛ|Протокол)(?![А-ЯЁа-яё])")


def with_place(doc: Doc, locations: tuple[LocationFinding, ...], place: str | None) -> tuple[LocationFinding, ...]:
    """The meeting's place is a location of the text: a dateline's «Хива, 7 марта» or a protocol's «г. Лида»,
    which NER leaves untagged, joins the list at its first mention written as named, in any letter case."""
    if not place:
        return locations
    key = text_key(place)
    canonical = gazetteer().canonical(key)
    if any(
        text_key(loc.name) == key or (canonical and gazetteer().canonical(text_key(loc.name)) == canonical)
        for loc in locations
    ):
        return locations
    # Written as named, not as a first name before a surname («Джон Беркау»): a place read off an adjective
    # («Останкинском» → Останкино) or a word the text never writes alone is left to the locations stage.
    found = re.search(rf"(?<!\w){re.escape(place)}(?!\w)(?![ \t]+[А-ЯЁA-Z][а-яёa-z])", doc_text(doc), re.IGNORECASE)
    if found is None:
        return locations
    mention = TextSpan(found.start(), found.end())
    # «в Мяделе», read «Мядел» (morphology does not know the town), is a case of the place «Мядель»: one location.
    forms = soft_stem_cases(place)
    if any(loc.name in forms for loc in locations):
        return tuple(
            LocationFinding(name=place, mentions=tuple(sorted((*loc.mentions, mention)))) if loc.name in forms else loc
            for loc in locations
        )
    return (*locations, LocationFinding(name=place, mentions=(mention,)))
