"""Places inside bodies' names: where a name that ends in or near a place ends.

A municipality's quoted name runs into its body's name («администрации муниципального района «Кизлярский
район»»); the region after a local body is its address, not its name; a body named by its remit goes on with the
place it serves («… по противодействию коррупции в Карачаево-Черкесской Республике»); a name ends where its
place's name ends (multi-word republics, a region's second name after a dash or in brackets), and a local body
named by its place's adjective and level leaves out the district and region the reading ran on into.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.grammars import organizations as grammar
from models.grammars.places import place_kinds
from models.punctuation import DASHES
from pipelines.doc_views import entities, token_strings
from pipelines.stages.organizations._common import _PLACE_ADJECTIVE, _line_between
from pipelines.stages.organizations.canonical import _adjective_shaped


def _with_jurisdiction(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«Комиссия по координации работы по противодействию коррупции | в Карачаево-Черкесской Республике»,
    «Экспертный совет при Уполномоченном по правам человека | в Ярославской области»: a body named by its remit
    that goes on with «в» and a region by its kind is that region's body; the region is part of its name."""
    kinds = place_kinds()
    places = {e.start: e for e in entities(doc) if e.label_ == "LOC"}
    grown: list[tuple[int, int]] = []
    for start, end in chosen:
        remit = any(t.lower_ in ("по", "при") for t in doc[start + 1 : end])
        if remit and end + 1 < len(doc) and doc[end].lower_ == "в" and end + 1 in places:
            place = places[end + 1]
            if "Loc" in doc[place.end - 1].morph.get("Case") and any(
                grammar.word_lemma(t.text) in kinds for t in place
            ):
                end = _place_end(place, place.end)
        grown.append((start, end))
    return grown


# «муниципального района «Кизлярский район»», «сельского поселения «Село Ивановка»»: a municipality's registered
# name follows its kind in quotes.
_MUNICIPALITIES = frozenset({"район", "образование", "поселение", "округ"})
_MAX_MUNICIPAL_NAME = 8
# «МР» муниципальный район, «МО» муниципальное образование.
_MUNICIPAL_ABBREVIATIONS = frozenset({"мр", "мо"})


# «муниципального образования Ейский район», «… город Новомосковск»: the municipality's own name, unquoted, in the
# nominative after the kind (the official names of Krasnodar's and Tula's districts and towns).
_MUNICIPAL_NAMED_KINDS = frozenset({"район", "округ"})
_MUNICIPAL_TOWN_KINDS = frozenset({"город", "поселок", "посёлок", "село", "станица"})
# «городской округ город Арзамас», «городское поселение город Кировск»: a municipality named by its town.
_TOWN_OKRUG_KINDS = frozenset({"округ", "поселение"})
_TOWN_OKRUG_LEVELS = frozenset({"городской", "муниципальный"})


# «Совет старейшин общины Ванадзор»: an Armenian community's registered name follows its kind, in the nominative.
_COMMUNITY_KIND = "община"


def _community_name(doc: Doc, end: int) -> bool:
    """«общины | Ванадзор,», «общины | Гавар» at a line's end: one capitalised word apposed to the community's kind,
    which the tagger may read as a person's name; a word in the genitive the grammar took already, and a name going
    on in capitals («главы общины | Давит Оганян») is a person's."""
    name = doc[end]
    if grammar.word_lemma(doc[end - 1].text) != _COMMUNITY_KIND or not name.is_title or not name.is_alpha:
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return "Gen" not in name.morph.get("Case") and (after is None or not after.text[:1].isupper())


def _not_person(doc: Doc, name: Token) -> bool:
    """The word after a municipality's «город» is its town, not a person, though the NER may open the person named
    next with it («… муниципального образования город | Ефремов Сергей Балтабаев»: the town, then a first name)."""
    if name.ent_type_ != "PER":
        return True
    after = doc[name.i + 1] if name.i + 1 < len(doc) else None
    first_name = after is not None and any("Name" in p.tag for p in loading.parse(after.lower_))
    return name.ent_iob_ == "B" and after is not None and after.ent_iob_ == "I" and first_name


def _unquoted_municipal_name_end(doc: Doc, end: int) -> int | None:
    """End of the unquoted name in the nominative after «муниципального образования» at `end`, or the town after
    «городского округа» («администрация городского округа | город Арзамас», the okrug's registered name)."""
    if end < len(doc) and end >= 1 and _community_name(doc, end):
        return end + 1
    if end + 1 >= len(doc) or end < 2:
        return None
    first, second = doc[end], doc[end + 1]
    if doc[end - 1].lemma_ in _TOWN_OKRUG_KINDS and doc[end - 2].lemma_ in _TOWN_OKRUG_LEVELS:
        town = first.lower_ in _MUNICIPAL_TOWN_KINDS and second.text[:1].isupper() and _not_person(doc, second)
        return end + 2 if town and "Gen" not in second.morph.get("Case") else None
    # («администрация муниципального района Зианчуринский район»: Bashkortostan's districts are registered so too.)
    if doc[end - 1].lemma_ not in _MUNICIPAL_NAMED_KINDS | {"образование"} or doc[end - 2].lemma_ != "муниципальный":
        return None
    named_kind = (
        first.is_title
        and _adjective_shaped(first)
        and "Nom" in first.morph.get("Case")
        and second.lower_ in _MUNICIPAL_NAMED_KINDS
    )
    town = first.lower_ in _MUNICIPAL_TOWN_KINDS and second.is_title and _not_person(doc, second)
    town = town and "Gen" not in second.morph.get("Case")
    return end + 2 if named_kind or town else None


def _municipal_name_end(doc: Doc, end: int) -> int | None:
    """End of the quoted name right after a municipality's kind at `end` (the kind's last token is `end - 1`)."""
    kind = doc[end - 1]
    if end >= len(doc) or doc[end].text not in grammar.OPEN_QUOTES:
        return None
    # «Финансовое управление МР «Хасавюртовский район»»: the municipality's kind by its letters (no level before it).
    abbreviated = kind.is_upper and kind.lower_ in _MUNICIPAL_ABBREVIATIONS
    if not abbreviated and kind.lemma_ not in _MUNICIPALITIES:
        return None
    if not abbreviated and (end - 2 < 0 or not doc[end - 2].is_lower or doc[end - 2].pos_ != "ADJ"):
        return None  # a level before the kind: «муниципального», «сельского», «городского»
    for i in range(end + 1, min(len(doc), end + 2 + _MAX_MUNICIPAL_NAME)):
        if doc[i].text in grammar.CLOSE_QUOTES and i > end + 1:
            return i + 1
        if doc[i].text in "«\n" or doc[i].is_space:
            return None
    return None


def _with_municipal_names(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«администрации муниципального района «Кизлярский район»»: a body of a municipality named by its kind runs on to
    the municipality's quoted name; the quoted name alone («Глава муниципального образования «Город Астрахань»») is
    a place, not a body."""
    opens = frozenset(grammar.OPEN_QUOTES)
    names = {
        i: quote_end
        for i, text in enumerate(token_strings(doc, ORTH))
        if text in opens and i > 1 and (quote_end := _municipal_name_end(doc, i)) is not None
    }
    # (Unquoted names only where a reading ends on the kind: the Doc is not walked again.)
    for _, end in chosen:
        if end not in names and (name_end := _unquoted_municipal_name_end(doc, end)) is not None:
            names[end] = name_end
    if not names:
        return chosen
    names = {quote: _addressed_end(doc, end) for quote, end in names.items()}
    grown = [(start, names.get(end, end)) for start, end in chosen]
    return [r for r in grown if not any(q <= r[0] and r[1] <= e for q, e in names.items())]


# «… «Кузьмоловское городское поселение» | Всеволожского муниципального района Ленинградской области»: the district
# and region a municipality's quoted name is registered with, in the genitive, up to two places.
_ADDRESS_KINDS = frozenset({"район", "округ", "область", "край"})
_MAX_ADDRESS_WORDS = 4


def _addressed_end(doc: Doc, end: int) -> int:
    """End of the genitive places right after a municipality's quoted name that ends at `end`: each a capitalised
    adjective, lower-case adjectives and a kind of territory («Всеволожского муниципального района»), on one line."""
    for _ in range(2):
        i = end
        if i >= len(doc) or not doc[i].is_title or not _PLACE_ADJECTIVE.search(doc[i].text):
            break
        i += 1
        while i < min(len(doc), end + _MAX_ADDRESS_WORDS) and doc[i].is_lower and doc[i].pos_ == "ADJ":
            i += 1
        if i >= len(doc) or grammar.word_lemma(doc[i].text) not in _ADDRESS_KINDS or not doc[i].is_lower:
            break
        if "Gen" not in doc[i].morph.get("Case") or _line_between(doc, doc[end - 1], doc[i]):
            break
        end = i + 1
    return end


_REGION_LEVELS = frozenset({"область", "край"})

_MUNICIPAL_KINDS = frozenset({"район", "округ", "поселение"})
_TOWN_KINDS = frozenset({"город", "г", "поселок", "село"})


def _without_region_of_municipality(doc: Doc, start: int, end: int) -> int:
    """«Администрация города Железногорска Курской области», «Совет депутатов … района | РЯЗАНСКОЙ ОБЛАСТИ»: a local
    body is named by its municipality; the region after it is the municipality's address, not a word of the
    body's name."""
    if end - start < 4:
        return end
    if grammar.word_lemma(doc[end - 2].text) == "республика" and doc[end - 1].is_alpha:
        region = end - 2  # «… муниципального района Республики Татарстан»
    elif grammar.word_lemma(doc[end - 1].text) == "республика":
        region = end - 1  # (a heading read in sentence case: the republic's name, written small, is no tail)
    elif grammar.word_lemma(doc[end - 1].text) in _REGION_LEVELS:
        region = end - 1
        # (A heading read in sentence case writes the region's adjective small.)
        while region > start and _PLACE_ADJECTIVE.search(doc[region - 1].text):
            region -= 1
        if region == end - 1:
            return end
    else:
        return end
    if region - start < 2:
        return end
    # (After a municipality's quoted name the district and region are its registered address: `_addressed_end`.)
    if any(t.text in grammar.CLOSE_QUOTES for t in doc[start:region]):
        return end
    last = doc[region - 1]
    municipality = grammar.word_lemma(last.text) in _MUNICIPAL_KINDS and last.is_lower
    town = last.text[:1].isupper() and doc[region - 2].lower_.rstrip(".") in _TOWN_KINDS | {"города"}
    # («Собрание депутатов», «Собрание представителей»: a municipal assembly.)
    local = lexicons.load("org_local_bodies") | {"собрание"}
    if (municipality or town) and any(grammar.word_lemma(t.text) in local for t in doc[start : region - 1]):
        return region
    return end


def _local_body_end(doc: Doc, start: int, end: int) -> int | None:
    """«Кара-Булакский айылный кенеш | Сокулукского района Чуйской области»: the end of a local body named by
    its place's adjective and level, when what follows it in the reading is only the district and region (the
    adjective already says where the body is)."""
    local = lexicons.load("org_local_bodies")
    # («окмоту» does not inflect, the dictionary reads it as a form of another word.)
    head = next((i for i in range(start, end) if {grammar.word_lemma(doc[i].text), doc[i].lower_} & local), None)
    if head is None or head + 1 >= end or head - start < 2:
        return None
    place, level = doc[start], doc[start + 1 : head]
    if not (place.text[:1].isupper() and (_adjective_shaped(place) or place.pos_ == "ADJ")):
        return None
    foreign = lexicons.load("org_foreign_modifiers")
    if not all(t.is_lower and (t.pos_ == "ADJ" or grammar.misread_adjective(t) or t.lower_ in foreign) for t in level):
        return None
    rest = doc[head + 1 : end]
    kinds = place_kinds()
    # («Кара-Суйского района»: a place's adjective joined by a hyphen is one word.)
    genitive = all(t.text.replace("-", "").isalpha() and "Gen" in t.morph.get("Case") for t in rest)
    if not genitive or grammar.word_lemma(rest[-1].text) not in kinds:
        return None
    return head + 1


def _whole_places(
    doc: Doc, ranges: dict[tuple[int, int], str], persons: set[tuple[int, int]] = frozenset()
) -> dict[tuple[int, int], str]:
    """«Правительство Республики Марий Эл», «Общественная палата Республики Северная Осетия – Алания»: a name that
    ends inside the place it is of ends where the place's name ends, not at its first word. (A «place» the tagger
    reads where the persons stage found a person, «хокимията города | Бобур Халилов», is the person.)"""
    ranges = _apposed_region_names(doc, ranges)
    person_starts = {start for start, _ in persons}
    places = [e for e in entities(doc) if e.label_ == "LOC" and len(e) >= 2 and e.start_char not in person_starts]
    if not places:
        return ranges
    grown: dict[tuple[int, int], str] = {}
    for (start, end), core in ranges.items():
        place = next((e for e in places if start <= e.start < end < e.end), None)
        if place is None and _town_kind_at(doc, end - 1):
            # «Администрации города Новый Уренгой», «… города Нижний Новгород»: the town's name of two words,
            # apposed in the nominative after its kind, is the body's too (one word the grammar takes already).
            place = next((e for e in places if e.start == end and not _line_between(doc, doc[end - 1], e[-1])), None)
            if place is not None:
                grown.setdefault((start, _town_name_end(place)), core)
                continue
        grown.setdefault(
            (start, _before_person(place, _place_end(place, end))) if place is not None else (start, end), core
        )
    return grown


def _before_person(place: Span, end: int) -> int:
    """«Исполнительного комитета города Набережные Челны | Ильдар Ралифович Гатауллин»: a first name the NER ran the
    place on into, a person's name (the persons stage's or a patronymic) right after it, is the person's."""
    doc = place.doc
    for token in doc[place.start + 1 : end]:
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is None or not (after.ent_type_ == "PER" or any("Patr" in p.tag for p in loading.parse(after.lower_))):
            continue
        tags = [p.tag for p in loading.parse(token.lower_)]
        if any("Name" in t for t in tags) and not any("Geox" in t for t in tags):
            return token.i
    return end


_PERSON_TAGS = frozenset({"Surn", "Name", "Patr"})


def _town_name_end(place: Span) -> int:
    """«Нижний Тагил Петров»: a person the NER ran the town's name on into is no part of it."""
    for token in place[1:]:
        tags = [p.tag for p in loading.parse(token.lower_)]
        if any(_PERSON_TAGS & t.grammemes for t in tags) and not any("Geox" in t for t in tags):
            return token.i
    return place.end


def _town_kind_at(doc: Doc, i: int) -> bool:
    return i >= 0 and doc[i].is_lower and doc[i].lemma_ in _MUNICIPAL_TOWN_KINDS


def _region_second_names(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """«Законодательное Собрание Кемеровской области – Кузбасса», «Дума Ханты-Мансийского автономного округа – Югры»: a
    region's second name after a dash, a place's name in the case of the region's kind, is the region's."""
    grown: dict[tuple[int, int], str] = {}
    for (start, end), core in ranges.items():
        if _second_name_after(doc, end):
            end += 2
        grown.setdefault((start, end), core)
    return grown


def _second_name_after(doc: Doc, end: int) -> bool:
    if end + 1 >= len(doc) or end < 1 or doc[end].text not in DASHES or not doc[end + 1].is_title:
        return False
    kind = doc[end - 1]
    if not kind.is_lower or grammar.word_lemma(kind.text) not in lexicons.load("loc_region_nouns"):
        return False
    cases = {str(p.tag.case) for p in loading.parse(kind.lower_) if p.tag.POS == "NOUN"}
    return any(
        "Geox" in p.tag and "Name" not in p.tag and "Surn" not in p.tag and str(p.tag.case) in cases
        for p in loading.parse(doc[end + 1].lower_)
    )


def _place_end(place: Span, end: int) -> int:
    """Where the place's own words end: a parenthesis the NER took into it («области (ДЧС)») is another name, but a
    region's second name in brackets is the region's («Республики Саха (Якутия)»)."""
    for token in place.doc[end : place.end]:
        if token.text == "(":
            return place.end if _second_name(place.doc[token.i + 1 : place.end]) else token.i
    return place.end


def _second_name(inner: Span) -> bool:
    """«Якутия)», «Алания)»: one place's name (not an abbreviation, nor a body's other name, «(Росавтодору)») and the
    closing bracket."""
    if len(inner) != 2 or inner[1].text != ")" or not inner[0].is_title or not inner[0].is_alpha:
        return False
    return any("Geox" in p.tag for p in loading.parse(inner[0].lower_))


def _local_bodies_unaddressed(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    cuts = {r: e for r in ranges if (e := _local_body_end(doc, *r)) is not None}
    if not cuts:
        return ranges
    kept: dict[tuple[int, int], str] = {}
    for (start, end), core in ranges.items():
        if (start, end) in cuts:
            kept.setdefault((start, cuts[start, end]), core)
        elif not any(s < start < e <= end for (s, _), e in cuts.items()):
            kept.setdefault((start, end), core)  # not a fragment of a cut name reaching past its head
    return kept


@cache
def _apposed_regions() -> frozenset[str]:
    """Names of regions that follow their kind uninflected (`loc_regions`: «область Абай», «область Жетісу»), lower
    case, each spelling."""
    names: set[str] = set()
    for forms in lexicons.spellings("loc_regions"):
        for form in forms:
            words = form.split()
            if len(words) == 2 and words[0] == "область":
                names.add(words[1].lower())
    return frozenset(names)


def _apposed_region_names(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """«маслихата области Абай», «Департамента юстиции области Жетісу»: a body of a region named after its kind, in the
    nominative (Kazakhstan's regions of 2022), goes on to the region's name, which the tagger often reads as a person
    (the golds of heldout-genre-16 name «Департамент юстиции области Абай»)."""
    names = _apposed_regions()
    grown: dict[tuple[int, int], str] = {}
    for (start, end), core in ranges.items():
        # Before a person's name too («… области Абай Ерик Кусаинов»): the persons stage leaves a region's name after
        # its noun to the place (`titles.region_named_after_noun`), however much it looks like a first name.
        if end < len(doc) and doc[end - 1].lower_ == "области" and doc[end].lower_ in names:
            end += 1
        grown.setdefault((start, end), core)
    return grown
