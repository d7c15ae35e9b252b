"""Positions: the post a person holds and the body they represent, from the job titles by the name.

Every mention of a person may carry a title (`pipelines/titles.py`); the most informative one wins
(one naming a body, a place, or a post the person was appointed to, over a bare or former title).
The first organization inside the title that is not a sub-unit (департамент, комиссия …) is the
body; the words before it are the position.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from spacy.attrs import ENT_TYPE, LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models import linker as linker_model
from models.components.extensions import doc_text, sentence_of
from models.grammars.organizations import BRANCHES, POSSESSIVES, remit_after_unit
from models.grammars.places import place_kinds
from models.linker import Linker
from models.linker.features import Features, nearest_person, organization_features, position_features
from models.punctuation import CLOSING_QUOTES, OPENING_QUOTES
from pipelines.body_identity import state_service_remit
from pipelines.bylines import byline_author
from pipelines.deadline import check_deadline
from pipelines.doc_views import entities, token_strings
from pipelines.findings import Findings, OrganizationFinding, PersonFinding, TextSpan
from pipelines.layouts import line_header
from pipelines.normalize import inflect_token, inflect_word, inflected, nominative, recover_shape
from pipelines.person_names import fold
from pipelines.titles import (
    LISTED_NAME_CHAIN,
    NOMINEES,
    POST_NOUNS,
    POST_SEPARATORS,
    REMIT_NOUNS,
    acting_after,
    fronted_to_election,
    gapped_title,
    is_local_body_kind,
    is_position_head,
    is_position_head_word,
    object_taken_for_subject,
    owns_a_thing,
    participle_after,
    phrase_at,
    post_head_lemmas,
    starts_post,
    title_after,
    title_before,
    title_by_pronoun,
    title_head,
    title_in_post,
    title_of_list,
    title_predicate,
)

# «министр X» names the ministry «Министерство X».
_BODY_OF_POST = {"министр": "Министерство"}
# Heads of a government: the body is the government the text names («правительство РФ»), never a guess.
_GOVERNMENT_POSTS = {"премьер-министр", "премьер", "вице-премьер"}
_GOVERNMENT = "правительство"
_CABINETS = {("совет", "министров"), ("кабинет", "министров")}
# The words of a deputy's post before the office they stand in for («заместитель министра», «зам главы»).
DEPUTY_HEADS = frozenset({"заместитель", "зам"})
# «представитель Тегерана в ОПЕК», «постпред России при ООН»: a body after these is where the
# person serves, not whom they represent, so it stays in the position.
_SERVES_AT = {"в", "во", "при"}
# «президент страны»: the country is named elsewhere; the anaphoric word adds nothing to the post.
_ANAPHORIC_PLACES = {"страна", "государство"}
_FORMER = {"бывший", "прежний", "экс"}
_INCUMBENT = ("действующ", "нынешн")
_ADJECTIVE_ENDINGS = ("ого", "его", "ой", "ей", "ых", "их", "ый", "ий", "ая", "яя", "ое", "ее")
# «глава администрации», «заместитель председателя правительства»: a head whose bare form says nothing names
# its post with the body's kind; the kind stays in the post (gold-format: the text's wording).
_HEADS_NAMED_BY_KIND = {"глава", "председатель"}
# Verbs and nouns that give a person a post they now hold («назначен», «избран», «занимающий пост»).
_APPOINTED = {
    "назначить",
    "избрать",
    "переизбрать",
    "утвердить",
    "занимать",
    "занять",
    "назначение",
    "избрание",
    "переизбрание",
    "утверждение",
}
_LEADS = {"возглавлять", "возглавить"}
# The letters of a word in a Russian text, with the Kazakh, Kyrgyz, Tajik and Uzbek ones it keeps in names
# («Шұғылбайского»); membership's word tests read words by the same letters.
WORD_LETTERS = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіӢӣӮӯҲҳҶҷЎў"
_WORD = re.compile(f"[0-9A-Za-z{WORD_LETTERS}]+")


@dataclass(frozen=True)
class _Candidate:
    position: str
    organization: str | None
    score: int


def _is_subunit(span: Span) -> bool:
    """«управление …», «Главное управление …», «Шекинского регионального отделения ОАО …»: a unit's word opens the
    span, after the adjectives that place it (a branch is named by its region and level: its body comes after it)."""
    units = lexicons.load("org_subunits") | lexicons.load("position_subunits")
    words = {fold(t.lemma_) for t in span[:2]}
    if len(span) > 2 and span[0].text[:1].isupper() and words == {"исполнительный", "комитет"}:
        # «Исполнительного комитета СНГ»: the executive body of the body after it, named as a body of its own.
        return False
    if words & units:
        return True
    adjectives = 0
    while adjectives < len(span) and adjectives < _BRANCH_ADJECTIVES and span[adjectives].pos_ == "ADJ":
        adjectives += 1
    return 2 <= adjectives < len(span) and fold(span[adjectives].lemma_) in BRANCHES


# «Шекинского регионального отделения», «Жамбылского областного филиала»: a body's branch, named by the region and
# level before its word (an office or a committee named so, «областного исполнительного комитета», «территориального
# управления Росрыболовства», is a body of its own).
_BRANCH_ADJECTIVES = 3


@dataclass(frozen=True)
class _Index:
    """The Doc's ORG entities and the organizations' mentions, sorted by where they start, built once per
    Doc and organizations: each title looked through all of them (and `doc.ents` builds every entity
    anew on each read), quadratic in a document of thousands of names."""

    organizations: tuple[OrganizationFinding, ...]
    ent_starts: list[int]
    ents: list[Span]
    mention_starts: list[int]  # character offsets
    mentions: list[tuple[int, int, TextSpan, str]]  # (organization order, mention order, mention, name)
    by_start: dict[int, list[tuple[int, str]]]  # character start → (end, name), in organization order
    names: frozenset[str]  # the organizations' names


def _index(doc: Doc, organizations: tuple[OrganizationFinding, ...]) -> _Index:
    index = doc.user_data.get("kenesh_positions_index")
    if index is None or index.organizations is not organizations:
        ents = [e for e in entities(doc) if e.label_ == "ORG"]
        mentions = sorted(
            ((k, j, m, org.name) for k, org in enumerate(organizations) for j, m in enumerate(org.mentions)),
            key=lambda found: found[2].start,
        )
        by_start: dict[int, list[tuple[int, str]]] = {}
        for org in organizations:
            for m in org.mentions:
                by_start.setdefault(m.start, []).append((m.end, org.name))
        index = doc.user_data["kenesh_positions_index"] = _Index(
            organizations,
            [e.start for e in ents],
            ents,
            [m.start for _, _, m, _ in mentions],
            mentions,
            by_start,
            frozenset(o.name for o in organizations),
        )
    return index


def _org_ents_within(doc: Doc, organizations: tuple[OrganizationFinding, ...], start: int, end: int) -> list[Span]:
    """ORG entities starting at a token in [start, end), in order."""
    index = _index(doc, organizations)
    return index.ents[bisect.bisect_left(index.ent_starts, start) : bisect.bisect_left(index.ent_starts, end)]


def _canonical(ent: Span, organizations: tuple[OrganizationFinding, ...]) -> str:
    """The organization entry this mention belongs to (same start, no longer than the title), else its own form."""
    same_start = _index(ent.doc, organizations).by_start.get(ent.start_char, ())
    if same_start:
        sentence_end = sentence_of(ent.doc, ent.start).end_char
        for end, name in same_start:
            if end <= sentence_end:
                return name
    doc = ent.doc
    if ent.text.count("«") > ent.text.count("»") and ent.end < len(doc) and doc[ent.end].text == "»":
        # «МО «Икрянинский район»»: the tagger's entity stopped before the quote closing its name.
        ent = doc[ent.start : ent.end + 1]
    return nominative(ent)


def _with_state(ent: Span, end: int) -> Span:
    """«МВД России», «МВД Республики Казахстан»: a state body's abbreviation the tagger's entity leaves without the
    state named right after it (a place in the genitive) takes the state, or it reads as another state's «МВД»
    the text lists (heldout-genre-19 12)."""
    doc = ent.doc
    if len(ent) != 1 or not ent.text.isupper() or len(ent.text) < 2 or ent.end >= end:
        return ent
    after = doc[ent.end]
    if after.ent_type_ != "LOC" or after.ent_iob_ != "B" or "Gen" not in after.morph.get("Case"):
        return ent
    stop = ent.end + 1
    while stop < end and doc[stop].ent_iob_ == "I" and doc[stop].ent_type_ == "LOC":
        stop += 1
    return doc[ent.start : stop]


def _is_body(ent: Span) -> bool:
    """An ORG entity that can be the body a person represents: not a sub-unit, not a country code, not a remit's
    abbreviations («начальник отдела ГО и ЧС»: civil defence and emergencies, `org_not_abbreviations`)."""
    return (
        not _is_subunit(ent)
        and not _bare_place_kind(ent.text)
        # («член Коллегии (министр) …», «Полиция»: a kind alone naming no particular body, `org_generic.txt`.)
        and not (len(ent) == 1 and ent[0].is_title and fold(ent[0].lemma_) in lexicons.load("org_generic"))
        and fold(ent.text) not in lexicons.load("org_country_codes")
        and not _remit_abbreviations(ent)
    )


def _place_of_office(tail: Span, post_end: Token) -> bool:
    """«в Ошской области», «в административно-территориальном округе Баш Гёйнюк»: a place after the body, «в» and a
    place's kind; a country only after an office of the body there («представительства … в Армении», corpus-genre
    c10): «представитель GIZ в Казахстане» is the body's representative, the country where it works."""
    if len(tail) < 2 or fold(tail[0].text) not in ("в", "во"):
        return False
    places = place_kinds()
    if any(fold(t.lemma_) in places or fold(t.text) in places for t in tail[1:]):
        return True
    office = fold(post_end.lemma_) in _OFFICES_ABROAD | lexicons.load("org_subunits")
    return office and any(t.ent_type_ == "LOC" for t in tail[1:])


# The office a body keeps in a country: «глава представительства МОМ в Армении».
_OFFICES_ABROAD = frozenset({"представительство", "миссия", "бюро"})


def _bare_place_kind(name: str) -> bool:
    """«велаят», «Ахалского велаята», «район»: a kind of place listed alone or with its adjective is a place, no body
    («хякима Балканского велаята» heads the place; its office, the хякимлик, is the body)."""
    words = name.split()
    if not words or len(words) > _PLACE_WORDS or "«" in name:
        return False
    # «глава МО Наталья Петрова»: a municipality's kind abbreviated, with no name after it, is the place she heads.
    if len(words) == 1 and name.isupper() and name.lower() in lexicons.load("loc_municipal_abbreviations"):
        return True
    places = place_kinds()
    return fold(words[-1]) in places and all(_place_adjective_word(w) for w in words[:-1])


# «Ахалского велаята», «Жаксыкылышский сельский округ»: a place's name is its kind after an adjective or two.
_PLACE_WORDS = 3


def _place_adjective_word(word: str) -> bool:
    return any(p.tag.POS in ("ADJF", "ADJS") for p in loading.parse(word.lower()))


def _remit_abbreviations(ent: Span) -> bool:
    """«ГО и ЧС»: abbreviations of no body joined by a conjunction, the whole entity (a legal form alone, «ОАО», or a
    body's own abbreviation, «ТСЖ», before its name is left to the organizations)."""
    not_bodies = lexicons.load("org_not_abbreviations")
    abbreviations = [t for t in ent if t.is_upper and fold(t.text) in not_bodies]
    joins = [t for t in ent if t.is_lower and t.pos_ == "CCONJ"]
    return len(abbreviations) >= 2 and len(abbreviations) + len(joins) == len(ent)


def _territorial_body(span: Span) -> bool:
    """«Главное управление МЧС России по Костромской области», «Управление Росреестра по Омской области»: a federal
    body's office in a region, named with a capital and «по» the region, is a body, though it opens with a unit's
    word (in small letters too when the agency's name follows it: «управление Росреестра по …», «отдел МВД России
    по …»)."""
    doc = span.doc
    named = span[0].text[:1].isupper() or (len(span) > 1 and span[1].text[:1].isupper())
    if not named or not _is_subunit(span):
        return False
    return any(fold(t.text) == "по" and _region_after(doc, t.i + 1, span.end) for t in span[2:])


# The units a region served is named by («по городу Ставрополю», «по Кировскому району»).
_SERVED_UNITS = frozenset({"город", "район", "область", "край", "округ", "республика"})


def _region_after(doc: Doc, at: int, end: int) -> bool:
    """«по Омской области» (a place the tagger tags), «по городу Ставрополю», «по Кировскому району» (a place's
    unit with its capitalized name before or after it): the region an agency's office serves."""
    if at >= end:
        return False
    if doc[at].ent_type_ == "LOC":
        return True
    pair = doc[at : min(at + 2, end)]
    return (
        len(pair) == 2
        and any(fold(t.lemma_) in _SERVED_UNITS and t.is_lower for t in pair)
        and any(t.text[:1].isupper() for t in pair)
    )


def _served_at(ent: Span) -> bool:
    doc = ent.doc
    return ent.start > 0 and fold(doc[ent.start - 1].text) in _SERVES_AT and doc[ent.start - 1].pos_ == "ADP"


def _first_word(name: str) -> str:
    words = _WORD.findall(name)
    return fold(words[0]) if words else ""


def _stems(text: str) -> list[str]:
    return [fold(w)[:5] for w in _WORD.findall(text)]


def _body_in_subunit(ent: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[int, int, str] | None:
    """«комиссии Совета федерации по информационной политике»: the body a sub-unit belongs to, named
    inside the sub-unit's name; (start, end, canonical name)."""
    doc = ent.doc
    heads = lexicons.load("org_heads")
    for token in ent[1:]:
        if token.pos_ not in ("NOUN", "PROPN") or not token.text[:1].isupper():
            continue
        if "Gen" not in token.morph.get("Case"):
            continue
        end = token.i + 1
        while end < ent.end and doc[end].pos_ != "ADP" and doc[end].text not in (",", "("):
            end += 1
        body = doc[token.i : end]
        stems = _stems(body.text)
        same = [o.name for o in organizations if any(_stems(f) == stems for f in (o.name, *o.aliases))]
        lemma = fold(token.lemma_)
        led = [o.name for o in organizations if _first_word(o.name) == lemma]
        if same or len(led) == 1:
            return token.i, end, (same or led)[0]
        if lemma in heads:
            return token.i, end, nominative(body)
    return None


def _names_subunit(ent: Span) -> bool:
    """«отдела «Этнодемографические …»»: a quoted name right after a sub-unit word is that sub-unit's.

    Factions and committees are left out: «фракция «Ата Мекен»» carries its party's name.
    """
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text not in OPENING_QUOTES:
        return False
    return fold(doc[ent.start - 2].lemma_) in lexicons.load("org_subunits")


def _names_place(ent: Span) -> bool:
    """«председатель махалли «Ёшлик»»: a quoted name right after a settlement's kind is the settlement's (a head of
    a place keeps the place in the post, gold-format), not a body the tagger found in it."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text not in OPENING_QUOTES:
        return False
    kind = doc[ent.start - 2]
    places = lexicons.load("loc_settlement_nouns")
    return kind.is_lower and (fold(kind.text) in places or fold(kind.lemma_) in places)


def _organization_at(span: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[int, int, str] | None:
    """Token start, end and canonical name of the first body named inside `span`."""
    doc = span.doc
    found: list[tuple[int, int, str]] = []
    for ent in _org_ents_within(doc, organizations, span.start + 1, span.end):
        if _served_at(ent) or _names_subunit(ent) or _is_remit(ent) or _names_place(ent):
            continue
        if _adjectives_only(ent) and _named_body_after(ent, span, organizations):
            continue
        if is_position_head(ent[0]) and ent.start_char not in _index(doc, organizations).by_start:
            # «первый заместитель Председателя Правительства Ивановской области»: an ORG entity the tagger opened on
            # a capitalized post is no body (no body's name begins with a post); the body after it is the one named.
            continue
        if _is_body(ent) and not _unit_with_remit_of(ent, organizations):
            ent = _with_state(ent, span.end)
            found.append((ent.start, min(ent.end, span.end), _canonical(ent, organizations)))
        elif _is_subunit(ent):
            inner = _body_in_subunit(ent, organizations)
            if inner is not None:
                found.append(inner)
    index = _index(doc, organizations)
    low = bisect.bisect_left(index.mention_starts, span.start_char)
    high = bisect.bisect_left(index.mention_starts, span.end_char)
    for _, _, m, name in sorted(index.mentions[low:high], key=lambda found: found[:2]):  # organizations' order
        inner_span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if (
            inner_span is not None
            and not _bare_place_kind(name)
            and inner_span.start > span.start
            and (
                _is_body(inner_span)
                or _territorial_body(inner_span)
                or _unit_by_own_name(inner_span)
                or _service_office_of_place(inner_span)
                or _regional_department_closing(inner_span, span)
            )
            and not _served_at(inner_span)
            and not _names_subunit(inner_span)
            and not _is_remit(inner_span)
        ):
            level = _other_level(inner_span, name, organizations)
            if level is not None:
                # «Депутат сельского Совета», the bare «Совета» read as the district council named before: the
                # level adjective names the body of that level (or none).
                if level[1] is not None:
                    found.append((level[0], min(inner_span.end, span.end), level[1]))
                continue
            found.append((inner_span.start, min(inner_span.end, span.end), name))
    if not found:
        return None
    # The organizations stage's entry wins over a shorter NER entity at the same place.
    first = min(found, key=lambda f: (f[0], -f[1]))
    # («председателя ассоциации водопользователей «Кара-Суу»»: a quoted name the tagger reads alone inside a body the
    # organizations stage reads whole, kind and all, is that body's own name, no body of its own to represent; a
    # unit's word before the body, «фракции | партии «AMANAT»», names the unit by the party, as before.)
    known = _index(doc, organizations).names
    owned = first[0] > 0 and fold(doc[first[0] - 1].lemma_) in lexicons.load("position_subunits")
    inner = [
        f
        for f in found
        if first[0] < f[0] < first[1]
        and (f[2] in known or first[2] not in known or owned or not _quoted_nominative(doc, f[0]))
    ]
    # («управления Росреестра по Тульской области»: an agency's office for a region is the body itself.)
    # («областного Совета депутатов», listed whole: a level's adjective opening the body is no organ of the body
    # inside it, a bare «Совет депутатов» no listed body is named by; where one is, «Совет депутатов муниципального
    # образования …» for «районного Совета депутатов», the inner reading leads to it.)
    organ = doc[first[0]].is_lower and (
        doc[first[0]].pos_ != "ADJ"
        # (A kind with its complement, «Совет депутатов»: a bare «Профсоюза» opens «Профсоюз образования Удмуртии»
        # as well, but the level's organization of it is the one named, «республиканской организации Профсоюза».)
        or any(len(f[2].split()) > 1 and o.name.startswith(f"{f[2]} ") for f in inner for o in organizations)
    )
    if inner and organ and not _territorial_body(doc[first[0] : first[1]]):
        # «исполкома «Единой России»»: a common noun before a named body is its organ; the named
        # body is the one represented.
        return min(inner)
    return first


def _unit_with_remit_of(ent: Span, organizations: tuple[OrganizationFinding, ...]) -> bool:
    """«начальника Рудненского городского отдела | полиции | Департамента полиции …»: a unit the tagger reads without
    its remit, a kind in small letters that names no particular body (`org_generic.txt`), before the body the
    organizations stage names right after, is that body's unit; the body is the one represented."""
    doc = ent.doc
    if ent.end + 1 >= len(doc):
        return False
    return remit_after_unit(ent[-1], doc[ent.end]) and doc[ent.end + 1].idx in _index(doc, organizations).by_start


def _adjectives_only(ent: Span) -> bool:
    """«начальник Чирчикского районного | электросетевого предприятия АО «…»», «Столбцовского | участка ОАО «…»»: an
    ORG entity the tagger closed on a place's adjectives, before the unit's noun."""
    words = [t for t in ent if t.is_alpha]
    return bool(words) and all(t.pos_ == "ADJ" for t in words)


def _named_body_after(ent: Span, title: Span, organizations: tuple[OrganizationFinding, ...]) -> bool:
    """A body the organizations stage names stands later in the title: the adjectives open the unit of that body,
    which the post keeps (where none does, «руководитель Губинского регионального | аграрного … центра», the unit the
    adjectives open is the body itself)."""
    index = _index(title.doc, organizations)
    low = bisect.bisect_left(index.mention_starts, ent.end_char)
    high = bisect.bisect_left(index.mention_starts, title.end_char)
    return high > low


def _regional_department_closing(inner: Span, title: Span) -> bool:
    """«начальника отдела полиции города Текели Департамента полиции Жетысуской области»: a capitalized department of
    a region (its place's adjective and kind in the genitive at its end) closing the title, after the unit named in
    the post, is the body represented; no body above it is named in the title."""
    if inner.end < title.end or inner.start <= title.start or not inner[0].is_title:
        return False
    if fold(inner[0].lemma_) != "департамент" or _unit_before_department(inner) is None:
        return False
    return any(fold(t.lemma_) in _SERVED_UNITS for t in inner[1:])


# Words back from a department to the unit of it the post names: «отдела полиции города Текели | Департамента …».
_DEPARTMENT_UNIT_REACH = 6


def _unit_before_department(inner: Span) -> Token | None:
    """The lower-case unit's kind (`org_subunits`) in the title before the department, if any."""
    units = lexicons.load("org_subunits")
    for token in inner.doc[max(0, inner.start - _DEPARTMENT_UNIT_REACH) : inner.start]:
        if token.is_lower and fold(token.lemma_) in units:
            return token
    return None


def _unit_by_own_name(span: Span) -> bool:
    """«бассейнового управления ирригационных систем «Сангзар-Туз»»: a unit's kind closed by its own name in quotes, in
    the nominative, is a legal entity of its own, the body its head represents (a unit of the body named after it,
    «управления «П» ФСБ», is no such name: the quotes do not close it)."""
    doc = span.doc
    if len(span) < 4 or span[-1].text not in CLOSING_QUOTES:
        return False
    opening = next((t.i for t in span if t.text in OPENING_QUOTES), None)
    return opening is not None and opening > span.start + 1 and _quoted_nominative(doc, opening + 1)


def _service_office_of_place(span: Span) -> bool:
    """«начальник управления полиции города Усть-Каменогорска», «отдела полиции Казталовского района»: a unit's kind in
    small letters, a national service's remit (`state_service_remit`) and the place it serves, in the genitive, is
    the service's territorial body the organizations stage listed, the body its head represents (not a unit of the
    place's executive kept in the post)."""
    if len(span) < 4 or not span[0].is_lower or not _is_subunit(span[:1]):
        return False
    words = [t.text for t in span[1:]]
    return state_service_remit(words) and any(t.text[:1].isupper() for t in span[2:])


def _quoted_nominative(doc: Doc, start: int) -> bool:
    """«ассоциации водопользователей «Кара-Суу»»: a name in quotes in the nominative after a body's kind in another
    case is that body's own name (a body named in the genitive, «исполкома «Единой России»», is another's)."""
    return start > 0 and doc[start - 1].text in OPENING_QUOTES and "Gen" not in doc[start].morph.get("Case")


# The levels a local body is named by («сельский Совет», «районный Совет»), folded stems.
_LEVEL_STEMS = ("област", "районн", "городск", "сельск", "поселк", "краев")


def _other_level(
    mention: Span, name: str, organizations: tuple[OrganizationFinding, ...]
) -> tuple[int, str | None] | None:
    """A bare kind («Совета») listed as a body whose level differs from the adjective before it («сельского»):
    (the adjective's token, the one listed body of that level and kind, or None); None where they agree."""
    doc = mention.doc
    if mention.start == 0 or len(mention) != 1:
        return None
    before = doc[mention.start - 1]
    level = next((stem for stem in _LEVEL_STEMS if fold(before.text).startswith(stem)), None)
    if level is None or not before.is_lower or any(fold(w).startswith(level) for w in _WORD.findall(name)):
        return None
    kind = fold(mention[0].text)[:4]
    same = {
        o.name
        for o in organizations
        if any(fold(w).startswith(level) for w in _WORD.findall(o.name))
        and any(fold(w)[:4] == kind for w in _WORD.findall(o.name))
    }
    return before.i, (same.pop() if len(same) == 1 else None)


def _known_ministry(name: str, forms: _OrganizationForms) -> str | None:
    """The doc's own name for the ministry: the same words, or a «Мин…» contraction («Минэнерго»). `forms`: the
    organizations' names by `_organization_forms`."""
    stems = [fold(w)[:5] for w in _WORD.findall(name)]
    complement = stems[1] if len(stems) > 1 else ""
    # «министра сельского хозяйства Российской Федерации» with both «Министерство сельского хозяйства и продовольствия
    # Ростовской области» and «Министерство сельского хозяйства Российской Федерации» listed: the ministry whose name
    # shares the most of the post's words (its state or region too), not the first listed.
    same = [
        (len(set(words) & set(stems)) - len(set(words) - set(stems)), org_name)
        for org_name, words in forms.by_opening.get(tuple(stems[:2]), ())
    ]
    if same:
        return max(same, key=lambda found: found[0])[1]
    for org_name, short in forms.contractions:
        # «Минэнерго», «Минздрав России»: a contraction, alone or with its state.
        if complement and complement.startswith(short[3:][:4]):
            return org_name
    return None


@dataclass(frozen=True)
class _OrganizationForms:
    """Every organization's name and alias as `_known_ministry` reads them, indexed once per Doc (per ministry's title
    every form of every organization was compared: titles times organizations)."""

    # (name, its words' five-letter stems) by the first two stems, in the organizations' order.
    by_opening: dict[tuple[str, ...], list[tuple[str, list[str]]]]
    # (name, the form's first word folded) of the forms of one or two words opening with «мин…» and longer than five.
    contractions: list[tuple[str, str]]


def _organization_forms(doc: Doc, organizations: tuple[OrganizationFinding, ...]) -> _OrganizationForms:
    """`_OrganizationForms` of the organizations, read once per Doc."""
    found = doc.user_data.get(_ORGANIZATION_FORMS)
    if found is None or found[0] is not organizations:
        forms = _OrganizationForms({}, [])
        for org in organizations:
            for form in (org.name, *org.aliases):
                written = _WORD.findall(form)
                words = [fold(w)[:5] for w in written]
                if len(words) >= 2:
                    forms.by_opening.setdefault(tuple(words[:2]), []).append((org.name, words))
                short = fold(written[0]) if written else ""
                if len(words) in (1, 2) and short.startswith("мин") and len(short) > 5:
                    forms.contractions.append((org.name, short))
        found = doc.user_data[_ORGANIZATION_FORMS] = (organizations, forms)
    return found[1]


def _governments(doc: Doc, organizations: tuple[OrganizationFinding, ...]) -> list[OrganizationFinding]:
    """The organizations that are a government (`_is_government`), read once per Doc."""
    found = doc.user_data.get(_GOVERNMENTS)
    if found is None or found[0] is not organizations:
        found = doc.user_data[_GOVERNMENTS] = (organizations, [o for o in organizations if _is_government(o.name)])
    return found[1]


# `doc.user_data` keys of the two views above, each kept with the organizations tuple it was read from.
_ORGANIZATION_FORMS = "kenesh_positions_organization_forms"
_GOVERNMENTS = "kenesh_positions_governments"


def _ministry(title: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """«заместитель министра труда … КР» → (заместитель министра, Министерство труда … КР).

    Only when the ministry is one the text names (the organizations stage lists it: spoken of apart from the
    title, by a contraction, or a region's ministry); «министр иностранных дел Украины», «заместитель министра
    водных ресурсов Кыргызской Республики» of a ministry the text never names stay whole, with no body (gold-format:
    the post as worded, the body only when the text names it). A region's ministry known only from the title (not
    listed) is the person's body, but the post stays whole: «министр финансов Калининградской области».
    """
    doc = title.doc
    for token in title:
        body = _BODY_OF_POST.get(fold(token.lemma_))
        nxt = token.i + 1
        if body and nxt < title.end and _remit_starts(doc[nxt]):
            rest = _trim(doc, nxt, title.end)
            known = _known_ministry(f"{body} {rest.text}", _organization_forms(doc, organizations))
            if known is None:
                return None
            if not any(org.listed for org in organizations if org.name == known):
                # «министр финансов Пензенской области» with no word of the ministry elsewhere: the body is only the
                # title's, so the post is worded whole (gold-format: the body split off where the text names it).
                return _as_title(_trim(doc, title.start, title.end)), known
            return _as_title(_trim(doc, title.start, nxt)), known
    return None


def _remit_starts(token: Token) -> bool:
    """«министра финансов», «министра лесного комплекса», «министра социально-демографической …»: a ministry's
    remit starts with a noun or its adjective in the genitive (the tagger misreads the case of hyphenated
    adjectives; the dictionary has it)."""
    if token.pos_ == "NOUN":
        return "Gen" in token.morph.get("Case")
    return token.pos_ == "ADJ" and (
        "Gen" in token.morph.get("Case") or any(p.tag.case == "gent" for p in loading.parse(token.text.lower()))
    )


def _is_government_post(token: Token) -> bool:
    return fold(token.lemma_) in _GOVERNMENT_POSTS or fold(token.text) in _GOVERNMENT_POSTS


def _is_government(name: str) -> bool:
    """«Правительство РФ», «Совет Министров», «Кабинет министров Кыргызской Республики»."""
    words = [fold(w) for w in _WORD.findall(name)]
    if not words:
        return False
    # A cabinet by its proper name only: «кабинет министров скандинавского королевства» describes one.
    return words[0] == _GOVERNMENT or (name[:1].isupper() and len(words) > 1 and tuple(words[:2]) in _CABINETS)


def _government(title: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """«вице-премьер РФ» with «правительство РФ» in the text → (вице-премьер, правительство РФ); «заместитель
    Премьер-министра Республики Беларусь» with «Совет Министров» → (заместитель Премьер-министра, Совет Министров):
    the head of a government and their deputies represent the government the text names, never a guess."""
    head = title_head(title)
    doc = title.doc
    if not _is_government_post(head):
        # «заместитель Премьер-министра»: a deputy's post is named by the post they stand in for.
        nxt = head.i + 1
        if fold(head.lemma_) not in DEPUTY_HEADS or nxt >= title.end or not _is_government_post(doc[nxt]):
            return None
        head = doc[nxt]
    governments = _governments(doc, organizations)
    places = [t for t in title[head.i - title.start + 1 :] if t.ent_type_ == "LOC" or t.pos_ == "PROPN"]
    if places:
        stems = {fold(t.text)[:4] for t in places}
        named = [o for o in governments if stems & {fold(w)[:4] for w in _WORD.findall(o.name)}]
        # «Совет Министров» names no state: the text's one government stands for the state the post names.
        bare = [o for o in governments if tuple(fold(w) for w in _WORD.findall(o.name)) in _CABINETS]
        governments = named or [o for o in bare if o.name[:1].isupper()]
    if len({o.name for o in governments}) != 1:
        return None
    return _as_title(doc[title.start : head.i + 1]), governments[0].name


def _is_remit(ent: Span) -> bool:
    """«по делам ГО и ЧС», «по вопросам СНГ»: the words after «по делам» name a remit, not a body."""
    doc = ent.doc
    return ent.start >= 2 and fold(doc[ent.start - 2].text) == "по" and fold(doc[ent.start - 1].lemma_) in REMIT_NOUNS


def _kind_in_post(doc: Doc, position: Span, org_start: int, title_end: int) -> str | None:
    """«заместитель главы администрации района по социальным вопросам» → the post with the body's kind and
    the remit the title gives after the body's name (an administration's name has no «по …»)."""
    if not len(position) or position.end != org_start or org_start >= title_end:
        return None
    if fold(position[-1].lemma_) not in _HEADS_NAMED_BY_KIND or not doc[org_start].is_alpha:
        return None
    if fold(doc[org_start].lemma_) not in lexicons.load("position_kinds_in_post"):
        return None
    head, kind = _as_title(doc[position.start : org_start + 1]).rsplit(" ", 1)
    post = f"{head} {kind.lower()}"  # «Администрации города Костромы»: the kind is a common noun in the post
    remit = next((t.i for t in doc[org_start + 1 : title_end] if fold(t.text) == "по"), None)
    if remit is None:
        return post
    if (
        remit == org_start + 2
        and doc[org_start + 1].is_lower
        and fold(doc[org_start + 1].lemma_) in lexicons.load("position_bare_units")
    ):
        # «заместитель главы администрации города по экономике»: the kind's bare unit between it and the remit, the
        # place unnamed, is the post's wording (the genre's golds: heldout-genre-15 06, -19 10, -23 09, -5 02; -4 06
        # once not); an adjective's unit («администрации муниципального района по …») is left out.
        post = f"{post} {doc[org_start + 1].text}"
    return f"{post} {_trim(doc, remit, title_end).text}"


def _trim(doc: Doc, start: int, end: int) -> Span:
    while end > start and (doc[end - 1].pos_ in ("ADP", "CCONJ", "PUNCT") or doc[end - 1].is_space):
        if doc[end - 1].text in CLOSING_QUOTES and any(t.text in OPENING_QUOTES for t in doc[start : end - 1]):
            break  # the end of a quoted name («отдела «…»»)
        end -= 1
    return doc[start:end]


def _trim_position(doc: Doc, start: int, end: int, body_start: int) -> Span:
    """The position before a body: without the body's own adjectives («председатель оппозиционного
    Парламента») or its described kind («руководитель некоммерческой организации «…»»)."""
    span = _trim(doc, start, end)
    end = span.end
    first = doc[body_start].text
    latin = first.isascii() and first.isalpha()
    quoted = doc[body_start - 1].text in OPENING_QUOTES or first in OPENING_QUOTES or latin
    kind_end = end
    # («заместитель тораги городского кенеша»: an indeclinable post the tagger reads as the body's adjective is the
    # post's own word, not the body's.)
    while (
        end - 1 > start and doc[end - 1].pos_ == "ADJ" and doc[end - 1].is_lower and not is_position_head(doc[end - 1])
    ):
        end -= 1
    described = fold(doc[end - 1].lemma_) in lexicons.load("org_heads") or _media_kind(doc[end - 1])
    if end == kind_end and quoted and end - 1 > start and described:
        kind = end - 1
        while kind - 1 > start and doc[kind - 1].pos_ == "ADJ" and doc[kind - 1].is_lower:
            kind -= 1
        # Only a described kind («некоммерческой организации»); a bare one («исполкома») is a post's part, but for
        # a media outlet («редактор газеты «…»», `position_media_kinds.txt`).
        if kind < end - 1 or _media_kind(doc[end - 1]):
            end = kind
        elif kind - 1 > start and fold(doc[kind - 1].text) == "от":
            # «депутат от партии «Ак Жол»»: the kind names the body the deputy represents.
            end = kind - 1
    if quoted and end - 1 > start and fold(doc[end - 1].lemma_) in lexicons.load("position_subunits"):
        kind = end - 1
        if fold(doc[kind - 1].text) == "от":  # «депутат от фракции «Ата Мекен»»
            end = kind - 1
    return _trim(doc, start, end)


def _media_kind(token: Token) -> bool:
    return token.is_lower and bool(_kind_forms(token) & lexicons.load("position_media_kinds"))


def _drop_anaphoric_place(doc: Doc, span: Span) -> Span:
    """«премьер-министр страны» → «премьер-министр»: the country is named elsewhere. (A state named by its proper
    adjective, «заместитель Государственного секретаря Союзного государства», is no anaphora.)"""
    named = len(span) > 2 and span[-2].pos_ == "ADJ" and span[-2].text[:1].isupper()
    # «глава государства»: a bare «глава» says nothing of what it heads, so the word is the post's (NEREL's gold).
    bare_head = len(span) == 2 and fold(span[0].lemma_) in _HEADS_NAMED_BY_KIND
    if len(span) > 1 and fold(span[-1].lemma_) in _ANAPHORIC_PLACES and not named and not bare_head:
        return doc[span.start : span.end - 1]
    return span


def _as_title(span: Span) -> str:
    if len(span) > 1 and fold(span[0].text).startswith(_INCUMBENT):
        span = span[1:]  # «действующий президент»: that the person holds the post now is not the post
    text = _participle_post(span) or _misread_head_post(span) or _head_first_post(span) or nominative(span)
    first = text.split(" ", 1)[0]
    # «ЦК КПСС …» keeps its capitals; «И. о. начальника» is no acronym.
    text = text if first.isupper() and sum(c.isalpha() for c in first) > 1 else text[:1].lower() + text[1:]
    if "-" in first and not first.isupper():
        # «Премьер-Министра» capitalized for respect: every part of the compound post is a common word.
        text = first.lower() + text[len(first) :]
    head = title_head(span)
    # (A post written as its dictionary form is singular whatever the tagger says: «хоким области».)
    if "Plur" in head.morph.get("Number") and head.i - span.start < 3 and fold(head.text) not in post_head_lemmas():
        return _singular(text, head.i - span.start)
    return text


def _misread_head_post(span: Span) -> str | None:
    """«хокима района» with «хокима» read as an adjective of «района»: a post's noun the tagger took for an
    adjective (the dictionary has no adjective of it) is the head; its complement keeps its case."""
    head = span[0]
    if len(span) < 2 or head.pos_ != "ADJ" or not is_position_head(head):
        return None
    if any(p.tag.POS in ("ADJF", "ADJS") for p in loading.parse(fold(head.text))):
        return None
    rest = span[1:]
    return f"{fold(head.lemma_)} {rest.text}" if rest.text else None


_MODIFIER_POS = ("ADJ", "DET", "NUM", "VERB")
# Words before a post's head that never change case («временно исполняющий»).
_UNINFLECTED_BEFORE_HEAD = ("ADV", "PUNCT")


def _participle(token: Token) -> bool:
    """«исполняющей», «управляющего», «уполномоченного»: a participle by the tagger or by the dictionary (the tagger
    reads some as adjectives)."""
    if token.pos_ == "VERB" or "Part" in token.morph.get("VerbForm"):
        return True
    return any(p.tag.POS == "PRTF" for p in loading.parse(token.text.lower()))


def _modifier_reading(token: Token) -> bool:
    """«исполнительный», «старший», «управляющий»: the dictionary reads the word as an adjective or a participle
    (its guesses for a word it does not know, «хоким», don't count)."""
    return any(p.tag.POS in ("ADJF", "ADJS", "PRTF") and p.is_known for p in loading.parse(token.text.lower()))


def _modifies(word: Token, noun: Token) -> bool:
    """A participle modifies the post's noun after it in the noun's case (the accusative of an animate noun is its
    genitive; after «два» a plural modifier goes with a singular noun): «действующего президента», «двух бывших
    руководителей». Before any other noun, or in another case, it governs that noun: «исполняющей обязанности»."""
    case, noun_case = set(word.morph.get("Case")), set(noun.morph.get("Case"))
    compatible = bool(case) and (case == noun_case or case | noun_case == {"Acc", "Gen"})
    return compatible and is_position_head(noun)


def _post_head_at(span: Span) -> int | None:
    """Where a post's head is in the span (offset): the first noun, after the words that agree with it
    («первого заместителя», «главного специалиста»), or a participle that governs what follows it («исполняющей
    обязанности», «управляющему делами», «уполномоченного по правам человека»); an abbreviation with a point
    («и.о.», «зам.») governs the rest. None when the span opens with neither (a shape this reading does not know)."""
    acting = acting_after(span.doc, span.start) - span.start
    if acting:
        return acting - 1  # «и.о. руководителя» in four tokens: the abbreviated post governs the rest
    for k, token in enumerate(span):
        if token.text.endswith(".") and len(token.text) > 1:
            return k  # «и.о. руководителя», «зам. акима»: the abbreviated post governs the words after it
        if token.pos_ in ("NOUN", "PROPN"):
            return k
        if is_position_head(token) and not _modifier_reading(token):
            return k  # «хоким области»: a post's noun the tagger took for a verb is the head
        if token.pos_ in _UNINFLECTED_BEFORE_HEAD:
            continue
        if token.pos_ not in _MODIFIER_POS:
            return None
        nxt = span[k + 1] if k + 1 < len(span) else None
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", *_MODIFIER_POS):
            return k  # «уполномоченного по правам человека», «дежурного»: a participle or adjective is the post
        # A participle governs a noun that is no post, or one in another case («исполняющего обязанности главы»),
        # and so does a post's noun the tagger took for an adjective («хоким района»); before a post's noun either
        # is the post's modifier («действующего президента»). An adjective the tagger misreads the case of still
        # agrees («главного специалиста», accusative then genitive).
        misread = is_position_head(token) and not token.morph.get("Case")
        if (_participle(token) or misread) and nxt.pos_ in ("NOUN", "PROPN") and not _modifies(token, nxt):
            return k
    return None


def _head_first_post(span: Span) -> str | None:
    """«руководителя областного управления культуры, архивов и документации» → «руководитель областного
    управления культуры, архивов и документации»: a post changes case at its head and at the words before it that
    agree with it; its genitive complements, lists and remits after the head stay as the text wrote them (the
    parser hangs coordinated genitives outside the phrase, and reading them as the phrase's roots put them in the
    nominative: «… культуры, архивы и документация»). A second post in the head's case changes with it
    («депутату маслихата, председателю комиссии»)."""
    at = _post_head_at(span)
    if at is None:
        return None
    heads, modifiers = _coordinated(span, at)
    inflected = set(range(at + 1)) | heads | modifiers
    parts = []
    for k, token in enumerate(span):
        word = token.text
        if k in inflected and token.pos_ not in _UNINFLECTED_BEFORE_HEAD and not _deputy_compound(token):
            word = inflect_token(token)
            if (k == at or k in heads) and fold(token.text) in post_head_lemmas():
                word = token.text  # «хоким области» tagged a plural dative: a post written as its lemma is nominative
            elif k == at or k in heads:
                word = _head_nominative(token, word)
        parts.append(word + token.whitespace_)
    return "".join(parts).strip()


def _same_case(token: Token, case: set[str]) -> bool:
    own = set(token.morph.get("Case"))
    return bool(own) and (own == case or own | case == {"Acc", "Gen"})


def _coordinated(span: Span, at: int) -> tuple[set[int], set[int]]:
    """(heads, their modifiers): offsets of the words after the head that stand in its case beside it, not under it.
    A second post after a comma («депутату маслихата, председателю комиссии»), or after «и» when the case is neither
    the genitive nor the accusative (in the genitive «советника президента и премьер-министра» is one post); in those
    other cases, any noun so joined before the first preposition («командиру расчёта, Герою Советского Союза»: a
    preposition's noun, «по бюджету и финансам», is the remit's). Adjectives that close the span in the head's
    case are the head's too (the noun they describe is past the title)."""
    case = set(span[at].morph.get("Case"))
    if not case or "Nom" in case:
        return set(), set()
    oblique = not case & {"Gen", "Acc"}  # an animate head's accusative is its genitive form
    heads: set[int] = set()
    modifiers: set[int] = set()
    governed = False  # a preposition came after the head: what follows is its object's
    for k in range(at + 1, len(span)):
        token = span[k]
        governed = governed or token.pos_ == "ADP"
        if token.pos_ not in ("NOUN", "PROPN") or not _same_case(token, case):
            continue
        if not (is_position_head(token) or (oblique and not governed)):
            continue
        start, described = k, []
        while start - 1 > at and span[start - 1].pos_ in ("ADJ", "NUM", "DET") and _same_case(span[start - 1], case):
            start -= 1
            if span[start].pos_ != "DET":  # «его второй жены»: the possessive does not decline
                described.append(start)
        separator = fold(span[start - 1].text)
        if separator == "," or (separator in _POST_CONJUNCTIONS and oblique):
            heads.add(k)
            modifiers.update(described)
    end = len(span)
    while end - 1 > at and span[end - 1].pos_ == "ADJ" and _same_case(span[end - 1], case):
        end -= 1
        modifiers.add(end)
    return heads, modifiers


_POST_CONJUNCTIONS = {"и", "–", "—"}
# «замначальника», «зампрокурора»: «зам-» and the genitive of the post stood in for, one word that does not decline.
_DEPUTY_PREFIX = "зам"


def _deputy_compound(token: Token) -> bool:
    text = fold(token.text)
    if not text.startswith(_DEPUTY_PREFIX) or len(text) < len(_DEPUTY_PREFIX) + 4:
        return False
    rest = text[len(_DEPUTY_PREFIX) :]
    return any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and is_position_head_word(p.normal_form, p.normal_form)
        for p in loading.parse(rest)
    )


def _head_nominative(head: Token, inflected: str) -> str:
    """«солистке балета» with «солистке» tagged genitive (a form it cannot be): a post's noun the tagger gave a case
    the dictionary does not know for it takes its nominative from the dictionary's own reading; so does a compound
    tagged a nominative it cannot be («слесарю-газовщику»)."""
    if inflected != head.text or head.pos_ != "NOUN":
        return inflected
    if "Nom" in head.morph.get("Case") and "-" not in head.text:
        return inflected
    nouns = [p for p in loading.parse(head.text.lower()) if p.tag.POS == "NOUN"]
    if not nouns or any(p.tag.case == "nomn" for p in nouns):
        return inflected
    form = nouns[0].inflect({"nomn", nouns[0].tag.number or "sing"})
    return recover_shape(form.word, head.text) if form else inflected


# Posts named by a participle («заведующего кафедрой», «заведующей фермой»): the tagger reads the oblique form
# as a verb's, so the phrase's root is taken for its complement («фермой» → «ферма»).
_PARTICIPLE_POST = "заведующ"


def _participle_post(span: Span) -> str | None:
    """«заведующего кафедрой алгебры» → «заведующий кафедрой алгебры»: the participle in the nominative of its
    gender, its complement as the text has it."""
    head = span[0]
    if not fold(head.text).startswith(_PARTICIPLE_POST) or len(span) < 2:
        return None
    parses = [p for p in loading.parse(head.text.lower()) if p.tag.POS in ("ADJF", "PRTF") and p.tag.number != "plur"]
    if not parses:
        return None
    feminine = fold(head.text).endswith(("ей", "ую", "ая")) and any(p.tag.gender == "femn" for p in parses)
    gender = "femn" if feminine else "masc"
    nominative_form = parses[0].inflect({"nomn", "sing", gender})
    if nominative_form is None:
        return None
    return f"{nominative_form.word} {span[1:].text}"


def _singular(text: str, head_at: int) -> str:
    """«члены райисполкома: Галушко, Мицкевич …» → «член райисполкома»: each person holds the post once."""
    words = text.split(" ")
    if head_at >= len(words):
        return text
    nouns = [p for p in loading.parse(words[head_at]) if p.tag.POS == "NOUN" and p.tag.number == "plur"]
    single = nouns[0].inflect({"sing", "nomn"}) if nouns else None
    if single is None:
        return text
    gender = single.tag.gender
    for k in range(head_at):
        adjectives = [p for p in loading.parse(words[k]) if p.tag.POS == "ADJF" and p.tag.number == "plur"]
        agreeing = adjectives[0].inflect({"sing", "nomn", gender}) if adjectives and gender else None
        if agreeing is not None:
            words[k] = agreeing.word
    words[head_at] = single.word
    return " ".join(words)


def first_title(title: Span) -> Span:
    """«певица и актриса», «режиссёр и продюсер фильма» → the first post: two posts joined by «и» are
    two titles, and the first one the text gives is the person's position («актёр театра и кино» is one)."""
    doc = title.doc
    head = title_head(title)
    for token in title:
        if token.i <= head.i or fold(token.text) != "и" or token.pos_ != "CCONJ" or token.i + 1 >= title.end:
            continue
        nxt = doc[token.i + 1]
        if nxt.pos_ == "ADJ" and token.i + 2 < title.end:
            nxt = doc[token.i + 2]
        if is_position_head(nxt):
            return doc[title.start : token.i]
    return title


def _kind_forms(token: Token) -> frozenset[str]:
    """Every dictionary form of a word: the tagger reads «маслихата» as «маслихатый», pymorphy knows better."""
    return frozenset({fold(token.lemma_)} | {fold(p.normal_form) for p in loading.parse(token.text.lower())})


def _can_be_genitive(token: Token) -> bool:
    """The tagger's genitive, or the dictionary's: it reads a contracted kind it rarely saw («управляющий делами
    сельисполкома») in another case."""
    return "Gen" in token.morph.get("Case") or any(p.tag.case == "gent" for p in loading.parse(token.text.lower()))


def _adjectival(token: Token) -> bool:
    """«областного», «Северо-Казахстанского», «Кара-Булакского» (the tagger calls the last a name, and
    «айылного» a noun)."""
    return token.pos_ == "ADJ" or (token.pos_ in ("PROPN", "NOUN") and fold(token.text).endswith(("ого", "его")))


def _local_body(title: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[int, str] | None:
    """«секретарь областного маслихата», «начальник финансового отдела райисполкома», «руководитель
    аппарата мэрии»: a local body named by its kind after the post. When the text names exactly one body
    of that kind (agreeing in its adjectives), that body is the organization and the post ends before the
    kind; (the token the body's words start at, the body's name).
    """
    doc = title.doc
    head = title_head(title)
    kinds = lexicons.load("position_local_bodies")
    for token in title:
        misread = token.pos_ == "VERB" and is_local_body_kind(token)  # «маслихата» read as a verb
        if token.i <= head.i or (token.pos_ not in ("NOUN", "PROPN") and not misread) or not token.is_lower:
            continue
        kind = _kind_forms(token) & kinds
        if not kind or not (misread or _can_be_genitive(token)):
            continue
        start = token.i
        # («заместителя тораги городского кенеша»: an indeclinable post read as an adjective is the post's.)
        while start - 1 > head.i and _adjectival(doc[start - 1]) and not is_position_head(doc[start - 1]):
            start -= 1
        stems = tuple(k[:-1] for k in kind)  # «мэри»: мэрия, мэрии, мэрию
        spelled = [_spelled_out(k) for k in kind if _spelled_out(k)]
        same = [
            o
            for o in organizations
            # «Северо-Казахстанский областной маслихат», «мэрия города Ош»: a named body, not a bare kind.
            if (
                o.name[:1].isupper()
                or (len(_WORD.findall(o.name)) > 2 and _first_word(o.name).startswith(stems))
                # «марзпетарана» of «администрация Тавушской области»: the kind spelled out in the body's own words.
                or any(words <= {fold(w)[:5] for w in _WORD.findall(o.name)} for words in spelled)
            )
            and (
                any(fold(w).startswith(stems) for w in _WORD.findall(o.name))
                or any(words <= {fold(w)[:5] for w in _WORD.findall(o.name)} for words in spelled)
            )
        ]
        adjectives = {fold(t.text)[:5] for t in doc[start : token.i] if t.is_lower}
        if adjectives:
            agreeing = [o for o in same if adjectives <= {fold(w)[:5] for w in _WORD.findall(o.name)}]
            same = agreeing or same
        names = list(dict.fromkeys(o.name for o in same))
        return (start, names[0]) if len(names) == 1 else None
    return None


def _body_by_kind(title: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[int, str] | None:
    """«психолог объединения», «эксперт фонда»: a post ending in a bare kind of body names the one body of
    that kind the text names («Общественное объединение «Нур»»); (the kind's token, the body's name)."""
    doc = title.doc
    end = _trim(doc, title.start, title.end).end
    kind = doc[end - 1]
    if end - 1 <= title_head(title).i or kind.pos_ != "NOUN" or not kind.is_lower or is_position_head(kind):
        return None
    if "Gen" not in kind.morph.get("Case") or _is_subunit(doc[end - 1 : end]) or doc[end - 2].pos_ == "ADJ":
        return None
    lemma = fold(kind.lemma_)
    if lemma not in lexicons.load("org_heads") or lemma in lexicons.load("position_kinds_in_post"):
        return None
    names = {o.name for o in organizations if lemma in _kinds_of(o.name)}
    return (end - 1, names.pop()) if len(names) == 1 else None


# The offices a collegial body's members hold in it («член совета», «председатель палаты»), and the bodies whose own
# offices they are: a council or chamber, not a company or fund («эксперт фонда», «психолог объединения»).
_COUNCIL_OFFICES = frozenset({"член", "председатель", "сопредседатель", "секретарь"})
_COUNCILS = frozenset({"совет", "палата", "коллегия"})


def _office_of_council(post: Span, kind: Token) -> bool:
    """«член», «заместитель председателя», «секретарь» before a bare «совета», «палаты»: the council's own office."""
    return (
        bool(_kind_forms(kind) & _COUNCILS)
        and len(post) > 0
        and fold(post[-1].lemma_) in _COUNCIL_OFFICES
        and post.end == kind.i
    )


@cache
def _kinds_of(name: str) -> frozenset[str]:
    """The kind a body's name gives it, both halves of a compound one: «школа-гимназия имени …» is a «гимназия» too
    («директор гимназии»)."""
    quoted = name.partition("«")[2]
    if quoted and _kind_of(quoted):
        # «… образовательное учреждение «Невинномысский колледж …»»: the legal form's kind, and the kind its own
        # name gives it («директор колледжа»).
        return frozenset({_kind_of(name), _kind_of(quoted)})
    match = re.match(r"[А-Яа-яЁё]+-[А-Яа-яЁё]+", name)
    if match is None:
        return frozenset({_kind_of(name)})
    halves = [loading.parse(part.lower()) for part in match.group().split("-")]
    if not all(parses and parses[0].tag.POS == "NOUN" for parses in halves):
        return frozenset({_kind_of(name)})
    return frozenset(fold(parses[0].normal_form) for parses in halves)


@cache
def _kind_of(name: str) -> str:
    """The kind a body's name gives it: its first noun («Общественное объединение «Нур»» → объединение)."""
    for word in _WORD.findall(name.split("«")[0]):
        parses = loading.parse(word.lower())
        if parses and parses[0].tag.POS == "NOUN":
            return fold(parses[0].normal_form)
    return ""


@cache
def _spelled_out(kind: str) -> frozenset[str]:
    """«райисполком» → the stems of «районный исполнительный комитет» (`position_kind_spellings.txt`)."""
    for line in lexicons.lines("position_kind_spellings"):
        contracted, _, words = line.partition("|")
        if fold(contracted.strip()) == kind:
            return frozenset(fold(w)[:5] for w in _WORD.findall(words))
    return frozenset()


def _drop_bare_place(doc: Doc, span: Span) -> Span | str:
    """«аким области», «мэр города», «заместитель хокима области по вопросам …» → «аким», «мэр», «заместитель
    хокима по вопросам …»: the unit a local post serves, named bare, is the body's, not the post's
    («Павлодарской области» stays); the post's remit after it stays."""
    if len(span) < 2:
        return span
    for token in span[1:]:
        before = doc[token.i - 1]
        if fold(token.lemma_) not in lexicons.load("position_bare_units") or "Gen" not in token.morph.get("Case"):
            continue
        # «хоким» is read as an adjective by the tagger; a post's head is not the unit's adjective
        # («военного округа» is).
        if before.pos_ == "ADJ" and (not is_position_head(before) or fold(before.text).endswith(_ADJECTIVE_ENDINGS)):
            continue
        if token.i == span.end - 1:
            return doc[span.start : token.i]
        if fold(doc[token.i + 1].text) == "по":
            return f"{_as_title(doc[span.start : token.i])} {doc[token.i + 1 : span.end].text}"
    return span


def _drop_origin(doc: Doc, span: Span) -> Span:
    """«хирург из Конго», «модель из Екатеринбурга» → the post: where a person comes from is not their post."""
    head = title_head(span)
    for token in span:
        if token.i <= head.i or fold(token.text) != "из" or token.i + 1 >= span.end:
            continue
        if doc[token.i + 1].ent_type_ == "LOC" or doc[token.i + 1].pos_ == "PROPN":
            return doc[span.start : token.i]
    return span


def _without_constituency(title: Span) -> Span:
    """«депутат облсовета от Горецкого избирательного округа» → the post up to the constituency: where a deputy was
    elected is not their post. A seat by its numbered district («депутат по избирательному округу № 5», «депутат по
    Текстильному избирательному округу № 12») is: the genre's golds keep it (heldout-genre-4 and -6; -2 once not)."""
    doc = title.doc
    for token in title[1:]:
        if fold(token.text) not in _CONSTITUENCY_CUES:
            continue
        after = [t for t in doc[token.i + 1 : min(token.i + 5, title.end)] if t.is_alpha]
        numbered = fold(token.text) == "по" and any(
            t.text == "№" for t in doc[token.i + 1 : min(token.i + 6, title.end)]
        )
        if any(fold(t.text).startswith(_ELECTORAL) for t in after) and not numbered:
            return _trim(doc, title.start, token.i)
    return title


def _with_cut_name(title: Span, organizations: tuple[OrganizationFinding, ...]) -> Span:
    """«представитель Службы Республики Коми строительного |, жилищного и технического надзора»: a title the walk ended
    inside a body's name (a name with a comma in it) runs on to the name's end, so that the body is split off whole."""
    doc = title.doc
    if title.end >= len(doc) or doc[title.end].text != ",":
        return title  # the walk stops at a comma; elsewhere a title ending inside a name reads its own part of it
    index = _index(doc, organizations)
    first = bisect.bisect_right(index.mention_starts, title.start_char)
    last = bisect.bisect_left(index.mention_starts, title.end_char)
    inside = index.mentions[first:last]
    if any(mention.end <= title.end_char for _, _, mention, _ in inside):
        return title  # a body named whole in the title is the one split off («Комитета Государственной Думы по …»)
    end = title.end
    for _, _, mention, _ in inside:
        if mention.end > title.end_char:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and title.start < span.start < title.end and span.end - title.end <= _CUT_NAME_WORDS:
                end = max(end, span.end)
    return doc[title.start : end]


# How far a title may run on to the end of a body's name it was cut inside.
_CUT_NAME_WORDS = 8


def _name_start(doc: Doc, start: int, org_start: int) -> int:
    """«сенатор Олий | Мажлиса Республики Узбекистан» with the body found from «Мажлиса»: the words before the body
    that the tagger reads as one name with it («Олий Мажлиса …») are the name's, not the post's."""
    begin = _entity_begin(doc, org_start, start)
    if begin is None or begin <= start:
        return org_start
    # («заместитель председателя Комитета | Государственной Думы»: a unit's kind opening the name is the post's.)
    kinds = lexicons.load("org_heads") | lexicons.load("position_subunits") | lexicons.load("org_subunits")
    words = doc[begin:org_start]
    if any(not t.text[:1].isupper() or fold(t.lemma_) in kinds or is_position_head(t) for t in words):
        return org_start
    return begin


def _entity_begin(doc: Doc, i: int, floor: int) -> int | None:
    """The first token of the tagger's body or place name that token i continues, or `floor` where the name begins
    there or before it (None: i begins none). The walk stops at the title's start: a name the tagger ran on over
    thousands of words is not walked back once per title inside it."""
    if doc[i].ent_iob_ != "I" or doc[i].ent_type_ not in ("ORG", "LOC"):
        return None
    while i > floor and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _dangling_adjective(token: Token) -> bool:
    """An adjective in an oblique case and nothing else («районного», «велаятского»): it modifies a noun, never
    stands for one («несовершеннолетних», «управляющего» read as nouns too: substantives and participles)."""
    if not token.is_lower or not token.is_alpha or is_position_head(token):
        return False
    # (A surname is morphology's guess for an adjective it does not know: «велаятского».)
    parses = [p for p in loading.parse(token.text.lower()) if "Surn" not in p.tag.grammemes]
    return bool(parses) and all(
        p.tag.POS == "ADJF" and p.tag.case != "nomn" and not ({"Subx", "Apro"} & p.tag.grammemes) for p in parses
    )


def _agrees_with(adjective: Token, word: Token) -> bool:
    """The adjective can modify the word: a reading of each in one case and number («районного Кенгаша»; not
    «несовершеннолетних | Иванова»)."""
    forms = {(p.tag.case, p.tag.number) for p in loading.parse(adjective.text.lower())}
    return any((p.tag.case, p.tag.number) in forms for p in loading.parse(word.text) if p.tag.POS == "NOUN")


def _name_word(token: Token) -> bool:
    """A word morphology knows as a first name, surname or patronymic (the tagger's PER may begin at a body's name)."""
    return any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in loading.parse(token.text))


def _without_dangling_modifier(title: Span) -> Span:
    """«председатель велаятского | Халк Маслахаты Бяшим Акмурадов», «депутат районного | Кенгаша»: a title does not
    end on an adjective whose noun the text gives after it (the walk stopped at a word it took for the name); the
    adjective is the body's. Before the person's name («инспектор по делам несовершеннолетних Иванова») it is the
    post's own word."""
    doc = title.doc
    after = doc[title.end] if title.end < len(doc) else None
    if after is None or not after.is_alpha or after.is_upper or _name_word(after):
        return title
    end = title.end
    while end - 1 > title.start and _dangling_adjective(doc[end - 1]) and _agrees_with(doc[end - 1], after):
        end -= 1
    if end == title.end:
        return title
    cut = _trim(doc, title.start, end)
    return cut if len(cut) else title


def _without_own_post(title: Span) -> Span:
    """«избрали председателем постоянной комиссии по социальным вопросам | депутата Гульнару Есенкулову», «избрать
    председателем ревизионной комиссии | члена ассоциации Холикова»: after the post a person is elected to (in the
    instrumental) their present post stands in apposition to their name, in its case; the title is the new post."""
    doc = title.doc
    head = title_head(title)
    if "Ins" not in head.morph.get("Case") or title.end >= len(doc):
        return title
    if fold(head.head.lemma_) not in _APPOINTED:
        return title  # («критиковался правозащитниками в ходе … срока президента Путина»: not a post given)
    name_case = set(doc[title.end].morph.get("Case")) & {"Acc", "Gen"}
    if not name_case or not doc[title.end].text[:1].isupper():
        return title
    for token in doc[head.i + 2 : title.end]:
        before = doc[token.i - 1]
        if (
            is_position_head(token)
            and token.is_lower
            and name_case & set(token.morph.get("Case"))
            and "Sing" in token.morph.get("Number")
            and before.pos_ in ("NOUN", "PROPN")
            and not is_position_head(before)
            and fold(before.lemma_) != "обязанность"  # «исполняющим обязанности главы»
        ):
            return _trim(doc, title.start, token.i)
    return title


# «по избирательному округу», «от … избирательного округа»: a deputy's constituency after the post.
_CONSTITUENCY_CUES = {"по", "от"}
_ELECTORAL = ("избирательн", "одномандатн", "многомандатн")


def split_title(
    title: Span, organizations: tuple[OrganizationFinding, ...], second: bool = False
) -> tuple[str, str | None]:
    """(position, organization) of a job title; the organization is None when the title names none.

    Two posts in one title («депутат районного Совета, председатель постоянной комиссии …») are each split:
    the position is both posts without their bodies, the organization the first body named. `second`: the title is
    the second post of a person's stacked posts."""
    title = _without_dangling_modifier(_with_cut_name(_without_own_post(_without_constituency(title)), organizations))
    if second:
        position, organization = _split_one(title, organizations, second=True)
    else:
        position, organization = _split_title(title, organizations)
    if organization is None:
        organization = _possessed_by(title, organizations)
        if organization is None:
            position = _with_unit_named_before(title, position)
    # A title read across a hard-wrapped line's break («Глава муниципального района\nСергиевский») is one line.
    return " ".join(position.split()), organization


# Posts a body's sub-unit has, bare where the unit was named just before («председатель – …», «её председатель»).
_UNIT_OFFICERS = {"председатель", "секретарь", "член"}
# «избрать ревизионную комиссию: председатель – …, члены – …»: the unit a list of its officers follows.
_FORMS_UNIT = {"избрать", "избирать", "утвердить", "сформировать"}


def _with_unit_named_before(title: Span, position: str) -> str:
    """«избрать ревизионную комиссию: председатель – Шаповалова, члены комиссии – Ивтагин» → «председатель
    ревизионной комиссии», «член ревизионной комиссии»; «Отчёт ревизионной комиссии представила её председатель
    Турсынбай» → «председатель ревизионной комиссии» (heldout-genre-11 07, -13 05): a bare officer's post of a unit
    (no body of its own) named just before in the sentence is that unit's."""
    words = position.split()
    if not words or words[0] not in _UNIT_OFFICERS or len(words) > 2:
        return position
    unit = _unit_before(title)
    if unit is None or (len(words) == 2 and words[1] != unit.split()[-1]):
        return position
    return f"{words[0]} {unit}"


def _unit_before(title: Span) -> str | None:
    """The sub-unit (in the genitive) a bare officer's post refers back to: the unit a colon list of officers
    follows after a verb forming it, or the unit a possessive before the post points to."""
    doc = title.doc
    start = sentence_of(doc, title.start).start
    subunits = lexicons.load("position_subunits")
    if title.start > start and fold(doc[title.start - 1].text) in POSSESSIVES:
        gender = _POSSESSIVE_GENDERS[fold(doc[title.start - 1].text)]
        for i in range(title.start - 2, start - 1, -1):
            token = doc[i]
            if token.pos_ == "NOUN" and fold(token.lemma_) in subunits and "Gen" in token.morph.get("Case"):
                if not set(token.morph.get("Gender")) & {"Fem" if g == "femn" else "Masc" for g in gender} | (
                    {"Neut"} if "neut" in gender else set()
                ):
                    return None
                return _unit_text(doc, token, "gent")
            if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ":"):
                continue
        return None
    colon = next((i for i in range(title.start - 1, start - 1, -1) if doc[i].text == ":"), None)
    if colon is None or colon - start < 2 or any(t.text == ";" for t in doc[colon + 1 : title.start]):
        return None
    at = colon - 1
    if fold(doc[at].text) == "составе" and fold(doc[at - 1].text) == "в":
        at -= 2
    noun = doc[at]
    if noun.pos_ != "NOUN" or fold(noun.lemma_) not in subunits:
        return None
    verb = next((t for t in doc[max(start, at - 4) : at] if fold(t.lemma_) in _FORMS_UNIT), None)
    return _unit_text(doc, noun, "gent") if verb is not None else None


def _unit_text(doc: Doc, noun: Token, case: str) -> str:
    """The unit's noun with the modifiers agreeing with it right before it, in `case` («ревизионную комиссию», the
    tagger reading the adjective as a participle)."""
    first = noun.i
    while first > 0 and _agreeing_modifier(doc[first - 1], noun):
        first -= 1
    words = [_as_modifier(t, case) for t in doc[first : noun.i]] + [inflect_token(noun, case)]
    return " ".join([w.lower() for w in words] + _remit_after(doc, noun.i + 1))


_UNIT_REMIT_REACH = 10  # words of a unit's remit («по бюджету и экономическим вопросам»)
_REMIT_POS = frozenset({"ADP", "ADJ", "NOUN", "CCONJ"})


def _remit_after(doc: Doc, i: int) -> list[str]:
    """«постоянной комиссии | по бюджету и экономическим вопросам»: the unit's remit as written, which names the unit
    as much as its kind does (gold-format keeps «председатель комитета по бюджету» whole)."""
    if i >= len(doc) or fold(doc[i].text) != "по":
        return []
    end = i + 1
    while end < min(len(doc), i + _UNIT_REMIT_REACH) and doc[end].is_lower and doc[end].pos_ in _REMIT_POS:
        end += 1
    return [t.text for t in doc[i:end]] if end > i + 1 else []


def _agreeing_modifier(token: Token, noun: Token) -> bool:
    if token.pos_ != "ADJ" and not (token.pos_ == "VERB" and _modifier_reading(token)):
        return False
    return bool(set(token.morph.get("Case")) & set(noun.morph.get("Case"))) or not token.morph.get("Case")


def _as_modifier(token: Token, case: str) -> str:
    morph = token.morph
    return inflect_word(
        token.text,
        "ADJ",
        (morph.get("Case") or [None])[0],
        (morph.get("Gender") or [None])[0],
        (morph.get("Number") or [None])[0],
        case,
    )


def _possessed_by(title: Span, organizations: tuple[OrganizationFinding, ...]) -> str | None:
    """«Заключение Контрольно-счётной палаты (КСП) представила её председатель Брагина»: the body named last before
    the possessive, in the same sentence."""
    doc = title.doc
    if title.start == 0 or fold(doc[title.start - 1].text) not in POSSESSIVES:
        return None
    index = _index(doc, organizations)
    sentence_start = sentence_of(doc, title.start).start_char
    before = [
        (m.start, name)
        for _, _, m, name in index.mentions[: bisect.bisect_left(index.mention_starts, title.start_char)]
        if m.start >= sentence_start and m.end <= doc[title.start - 1].idx
    ]
    if not before:
        return None
    name = max(before)[1]
    return name if _agrees(fold(doc[title.start - 1].text), name) else None


# The genders a possessive stands for: «её председатель» of a «палата», «его директор» of a «комитет».
_POSSESSIVE_GENDERS = {"её": {"femn"}, "ее": {"femn"}, "его": {"masc", "neut"}, "их": set()}


def _agrees(possessive: str, name: str) -> bool:
    """The body's kind (its first noun the dictionary knows) agrees with the possessive: «его помощница» after
    «сообщила РБК» is a person's, not the agency's."""
    for word in _WORD.findall(name.split("«")[0]):
        if word.isupper():
            return False  # «ТАСС»: an agency the news cites by its abbreviation is a source, not an antecedent
        parses = [p for p in loading.parse(word.lower()) if p.tag.POS == "NOUN" and p.is_known]
        if parses:
            return parses[0].tag.gender in _POSSESSIVE_GENDERS[possessive]
    return False


def _split_title(title: Span, organizations: tuple[OrganizationFinding, ...]) -> tuple[str, str | None]:
    doc = title.doc
    sep = next(
        (
            t.i
            for t in title[1:-1]
            if t.text in POST_SEPARATORS and doc[t.i - 1].text not in POST_SEPARATORS and starts_post(doc[t.i + 1])
        ),
        None,
    )
    if sep is not None:
        # «член совета, руководитель …»: a bare kind in the first post stays in it (the second names the body).
        first, first_body = _split_one(doc[title.start : sep], organizations, by_kind=False)
        second, second_body = _split_one(doc[sep + 1 : title.end], organizations, second=True)
        if first_body is not None:
            second = with_party(second, second_body)  # «депутат маслихата, руководитель фракции партии «AMANAT»»
        return f"{first}, {second}", first_body or second_body
    return _split_one(title, organizations)


def _split_one(
    title: Span, organizations: tuple[OrganizationFinding, ...], by_kind: bool = True, second: bool = False
) -> tuple[str, str | None]:
    doc = title.doc
    title = first_title(title)
    found = _organization_at(title, organizations)
    if found is not None and _ran_over_unit_remit(title, found, organizations):
        # The unit keeps its remit; the body the unit belongs to («областного Совета») is left to membership.
        post = _trim_position(doc, title.start, found[0], found[0])
        remit = next(t.i for t in doc[found[0] + 1 : found[1]] if fold(t.text) == "по")
        return f"{_as_title(post)} {_trim(doc, remit, title.end).text}", None
    ministry = _ministry(title, organizations)
    if ministry is not None:
        ministry_at = next(t.i for t in title if fold(t.lemma_) in _BODY_OF_POST)
        if found is None or ministry_at < found[0]:
            return ministry
    government = _government(title, organizations)
    if government is not None:
        return government
    if found is not None and _unit_of_title_only(title, found, organizations):
        return _titled(_drop_anaphoric_place(doc, _trim(doc, title.start, title.end))), None
    if found is not None:
        org_start, org_end, org_name = found
        position = _trim_position(doc, title.start, _name_start(doc, title.start, org_start), org_start)
        kept = _kind_in_post(doc, position, org_start, title.end)
        if kept is not None:
            return kept, org_name
        if len(position):
            text = _as_title(position)
            # («комиссии Совета по бюджету и финансам»: the tagger's entity may run on over the remit, which the body's
            # name, «Совет», does not hold; «ГУФССП России по Смоленской области» holds its own «по».)
            remit_at = next((t.i for t in doc[org_start + 1 : org_end] if fold(t.text) == "по"), org_end)
            remit_at = org_end if " по " in f" {org_name} " else remit_at
            tail = _trim(doc, remit_at, title.end)
            if len(tail) and fold(tail[0].text) == "по" and _is_subunit(doc[position.end - 1 : position.end]):
                # «председатель комиссии Совета Федерации по информационной политике»: the remit
                # belongs to the sub-unit in the position.
                text = f"{text} {tail.text}"
            elif _place_of_office(_trim(doc, org_end, title.end), doc[position.end - 1]):
                # «представитель Акыйкатчы в Ошской области», «глава представительства МОМ в Армении»: where the post
                # serves is the post's (corpus-genre c10), the body the one represented.
                text = f"{text} {_trim(doc, org_end, title.end).text}"
            return text, org_name
    local = _local_body(title, organizations) or (_body_by_kind(title, organizations) if by_kind else None)
    if local is not None and local[0] > title.start:
        post = _trim(doc, title.start, local[0])
        if second and _office_of_council(post, doc[local[0]]):
            # «губернатор …, председатель совета»: the chair's second office keeps the council's kind, or it would
            # read as the chair of the first post's body (the genre's golds: «…, председатель комиссии» in
            # heldout-genre-2 10, -9 02 and 13, -11 12; «…, председатель совета» in -12 08, 09, 13). A single
            # office drops it («Член совета Лусине Оганесян» → «член», corpus-genre c06).
            return _as_title(_trim(doc, title.start, local[0] + 1)), local[1]
        remit = next((t.i for t in doc[local[0] : title.end] if fold(t.text) == "по"), None)
        if remit is not None and len(post) and _is_subunit(doc[post.end - 1 : post.end]):
            # «председатель постоянной комиссии маслихата по вопросам законности»: the remit is the unit's.
            return f"{_as_title(post)} {_trim(doc, remit, title.end).text}", local[1]
        kept = _kind_in_post(doc, post, local[0], title.end) if remit is not None and len(post) else None
        if kept is not None:
            # «первый заместитель главы администрации по развитию инфраструктуры», the administration named by its
            # bare kind: the kind and the deputy's remit stay in the post, as where the body is named in full.
            return kept, local[1]
        return _titled(_drop_bare_place(doc, post)), local[1]
    named = _named_local_body(title)
    if named is not None:
        return named
    position = _drop_origin(doc, _trim(doc, title.start, title.end))
    # No body named: a head of a place keeps the place («прокурор района», «аким района», gold-format);
    # `without_body` drops it where a body is linked later.
    return _titled(_drop_anaphoric_place(doc, position)), None


def _ran_over_unit_remit(
    title: Span, found: tuple[int, int, str], organizations: tuple[OrganizationFinding, ...]
) -> bool:
    """«председатель постоянной комиссии областного Совета по бюджету, финансам и налоговой политике»: the tagger's
    entity «Совета по бюджету» runs on over the remit of the commission named before it; no listed body is named so,
    and the body is the council (read by its kind below), the remit the unit's."""
    doc = title.doc
    start, end, name = found
    if any(o.name == name for o in organizations):
        return False
    if not any(fold(t.text) == "по" for t in doc[start + 1 : end]):
        return False
    units = lexicons.load("position_subunits")
    return any(fold(t.lemma_) in units for t in doc[title.start : start])


# Units an executive keeps under a field («управление финансов», «департамент транспорта»); a «комитет» of a
# region is a body of its own rank (the Leningrad oblast's committees are its ministries).
_FIELD_UNITS = {"управление", "департамент"}


# A region or district, by its kind or its level («управление … Мангистауской области», «областное управление»).
_REGION_WORDS = {"область", "край", "республика", "район", "областной", "краевой", "районный", "республиканский"}


@lru_cache(maxsize=50_000)
def _field_unit_name(name: str) -> bool:
    """`_field_unit_named` of a body's name, once per name: `unit_kept_in_post` asks it of every body per person."""
    return _field_unit_named(_WORD.findall(name))


def _field_unit_named(words: list[str]) -> bool:
    """«управление финансов Мангистауской области», «Хатлонское областное управление мелиорации»: a field unit of a
    region's or district's executive, named by its kind in lower case after no adjective but a place's (a capitalised
    «Главное управление юстиции …» or «Департамент здравоохранения …» is the name the body gives itself; a
    capital's «департамент культуры Москвы» is a body of its own)."""
    if not any(_kind_forms_of(word) & _REGION_WORDS for word in words):
        return False
    # «Пограничного управления ФСБ России по …», «Главного управления …»: the name the body gives itself.
    if words and words[0][:1].isupper() and not re.search(r"[сц]к(?:ого|ое|ий|ому|им|ом)$", words[0].lower()):
        return False
    for i, word in enumerate(words):
        lemmas = _kind_forms_of(word)
        if lemmas & _FIELD_UNITS:
            # «управление Росреестра по …»: a unit named by an agency, not a field, is the agency's office; one named
            # by its place and a national service's remit («Жайылское районное управление внутренних дел») is that
            # service's territorial body (`state_service_remit`).
            if any(w[:1].isupper() for w in words) and state_service_remit(words[i + 1 :]):
                return False
            return word.islower() and not (i + 1 < len(words) and words[i + 1][:1].isupper())
        if not any(p.tag.POS == "ADJF" for p in loading.parse(word.lower())):
            return False
        if not word.islower() and lemmas & lexicons.load("org_unit_kinds"):
            return False
    return False


def _unit_of_title_only(
    title: Span, found: tuple[int, int, str], organizations: tuple[OrganizationFinding, ...]
) -> bool:
    """«руководитель управления финансов Мангистауской области», «начальник Хатлонского областного управления
    мелиорации …»: a field unit (`_field_unit_named`) the text names only inside this title is part of the post; the
    person represents no body the text names (gold-format: a regional official with no named executive keeps it in
    the position)."""
    start, end, name = found
    if not _field_unit_named(_WORD.findall(title.doc[start:end].text)):
        return False
    org = next((o for o in organizations if o.name == name), None)
    return org is not None and all(title.start_char <= m.start and m.end <= title.end_char for m in org.mentions)


def unit_kept_in_post(position: str | None, organizations: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """(the post before the unit, the unit) when the post names whole a field unit the text names nowhere else
    (`_unit_of_title_only`): its one mention is this post's, and no later step takes it out of the post for a body."""
    if not position:
        return None
    matches = list(_WORD.finditer(position))
    stems = [fold(m.group())[:4] for m in matches]
    for org in organizations:
        if len(org.mentions) != 1 or not _field_unit_name(org.name):
            continue
        words = _WORD.findall(org.name)
        if len(words) < 2:
            continue
        own = [fold(w)[:4] for w in words]
        at = next((i for i in range(1, len(stems) - len(own) + 1) if stems[i : i + len(own)] == own), None)
        if at is not None:
            return position[: matches[at].start()].rstrip(" ,"), org.name
    return None


def _named_local_body(title: Span) -> tuple[str, str] | None:
    """«торага Нариманского айылного кенеша», «секретарь Жуалынского районного маслихата»: a local body named whole
    by its place's adjective and its kind is the body, though the organizations stage has not listed it;
    (the post, the body in the nominative)."""
    doc = title.doc
    head = title_head(title)
    for token in title:
        if token.i <= head.i + 1 or not token.is_lower or not is_local_body_kind(token):
            continue
        if "Gen" not in token.morph.get("Case") and token.pos_ != "VERB":
            return None
        start = token.i
        # The tagger leaves a place's adjective it does not know untagged («Нариманского»).
        while start - 1 > head.i and (
            _adjectival(doc[start - 1]) or (doc[start - 1].pos_ == "X" and fold(doc[start - 1].text).endswith("ого"))
        ):
            start -= 1
        if start == token.i or not doc[start].text[:1].isupper():
            return None
        body = _agreeing_nominative(nominative(doc[start : token.i + 1]))
        kind = sorted(_kind_forms(token) & lexicons.load("position_local_bodies"))
        if kind and fold(body.rsplit(" ", 1)[-1]) not in kind:
            body = f"{body.rsplit(' ', 1)[0]} {kind[0]}"  # «кенеша» the tagger left in the genitive
        post = _trim(doc, title.start, start)
        remit = next((t.i for t in doc[token.i + 1 : title.end] if fold(t.text) == "по"), None)
        if not len(post):
            return None
        text = _as_title(post) if remit is None else f"{_as_title(post)} {_trim(doc, remit, title.end).text}"
        return text, body[:1].upper() + body[1:]
    return None


def _agreeing_nominative(name: str) -> str:
    """«Нариманского айылный кенеш» → «Нариманский айылный кенеш»: an adjective the tagger left in the genitive
    takes the case and gender of the kind it qualifies (the last word)."""
    words = name.split(" ")
    # The gender of an adjective already agreeing («айылный»), else the dictionary's guess for the kind.
    agreed = [
        p.tag.gender
        for w in words[:-1]
        for p in loading.parse(w.lower())[:1]
        if p.tag.POS == "ADJF" and p.tag.case == "nomn" and p.tag.number == "sing"
    ]
    kinds = [p for p in loading.parse(words[-1].lower()) if p.tag.POS == "NOUN"]
    gender = agreed[0] if agreed else (kinds[0].tag.gender if kinds else None)
    for k, word in enumerate(words[:-1]):
        if not fold(word).endswith(("ого", "его")) or gender is None:
            continue
        adjectives = [p for p in loading.parse(word.lower()) if p.tag.POS == "ADJF"]
        agreeing = adjectives[0].inflect({"nomn", "sing", gender}) if adjectives else None
        if agreeing is not None:
            words[k] = recover_shape(agreeing.word, word)
    return " ".join(words)


def _titled(post: Span | str) -> str:
    return post if isinstance(post, str) else _as_title(post)


def _party(member: str, organizations: tuple[OrganizationFinding, ...]) -> str | None:
    """The party a member noun names («единоросс» → «Единая Россия»), if the text names it."""
    for line in lexicons.lines("position_party_members"):
        noun, _, party = line.partition(" ")
        if fold(noun) != member:
            continue
        for org in organizations:
            if any(_stems(form) == _stems(party) for form in (org.name, *org.aliases)):
                return org.name
    return None


def _party_member(position: str, organizations: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """«депутат-единоросс» → (депутат, Единая Россия): the party half of a compound title."""
    first, *rest = position.split(" ", 1)
    post, _, member = first.partition("-")
    party = _party(fold(member), organizations) if member else None
    return (" ".join([post, *rest]), party) if party else None


def _name_tokens(doc: Doc, mention: TextSpan) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _is_former(title: Span) -> bool:
    doc = title.doc
    words = [title[0]] + ([doc[title.start - 1]] if title.start > 0 else [])
    if any(fold(t.lemma_) in _FORMER or fold(t.text).startswith("экс-") for t in words):
        return True
    # «Им стал Денис Рыпаков, ранее занимавший должность секретаря маслихата»: a post the person held before.
    before = doc[max(0, title.start - 4) : title.start]
    return any(fold(t.text) in _EARLIER for t in before) and any(t.pos_ in ("VERB", "AUX") for t in before)


# «ранее занимавший должность …», «прежде работал заместителем …».
_EARLIER = {"ранее", "прежде", "раньше"}


def _names_something(title: Span) -> bool:
    """The title names a place or a body after its head («президент США»), not only a post."""
    head = title_head(title)
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("LOC", "ORG") for t in title if t.i > head.i)


def _appointed(title: Span) -> bool:
    """«назначен спикером», «избран президентом», «занимающего пост …»: a post the person now holds.

    «назначил X на пост Y» is left out: news use it for nominations as well.
    """
    head = title_head(title)
    governor = head.head
    if fold(governor.lemma_) in ("пост", "должность"):
        return fold(governor.head.lemma_) in ("занимать", "занять")
    # «Председателем комиссии избран депутат …»: the parser hangs a fronted post on the words before it.
    return "Ins" in head.morph.get("Case") and (fold(governor.lemma_) in _APPOINTED or fronted_to_election(head))


def _candidate(title: Span, organizations: tuple[OrganizationFinding, ...], assigned: bool) -> _Candidate | None:
    position, organization = split_title(title, organizations)
    if not position:
        return None
    if organization is None:
        position, organization = _party_member(position, organizations) or (position, None)
    score = 2 * (organization is not None)
    if assigned:
        score += _appointed(title)
    else:
        score += _names_something(title)
    # Any current title is more the person's than a former one («экс-глава …»).
    score -= 3 * _is_former(title)
    return _Candidate(position, organization, score)


def _led_body(name: Span, organizations: tuple[OrganizationFinding, ...]) -> _Candidate | None:
    """«Драги возглавляет Центральный банк Италии»: the head (глава) of the body the person leads."""
    root, doc = name.root, name.doc
    verb = root.head
    # The parser sometimes swaps subject and object; a name before the verb is its subject.
    if root.dep_ not in ("nsubj", "obj") or verb.i < root.i:
        verb = participle_after(name) or verb
    if verb.i < root.i or fold(verb.lemma_) not in _LEADS:
        return None
    after = doc[verb.i + 1 : verb.right_edge.i + 1]
    ents = _org_ents_within(doc, organizations, after.start, after.end)
    # «возглавляет комитет Сената»: leading a sub-unit is a post inside the body, not its head.
    led_nouns = [t for t in after if t.pos_ == "NOUN" and t.i < (ents[0].start if ents else after.end)]
    if any(_is_subunit(doc[t.i : t.i + 1]) for t in led_nouns):
        return None
    if ents and _is_body(ents[0]):
        return _Candidate("глава", _canonical(ents[0], organizations), 2)
    return None


_RELATIVE_REACH = 12  # tokens back from the clause's comma to where the antecedent body may start


def _body_of_relative(name: Span, organizations: tuple[OrganizationFinding, ...]) -> _Candidate | None:
    """«… Международной организации по миграции (МОМ), представитель которой Айгерим Сулайманова …»: a post with
    «который» right before the name opens a relative clause; the body named just before its comma is the one the post
    is of (the relative's antecedent, in the genitive the post takes)."""
    doc = name.doc
    rel = name.start - 1
    if rel < 3 or doc[rel].lemma_ != "который" or doc[rel - 2].text != ",":
        return None
    if not is_position_head(doc[rel - 1]):
        return None
    comma = rel - 2
    ends = {comma}
    if doc[comma - 1].text == ")":
        # (An abbreviation in brackets after the body is its other name.)
        ends.add(next((j for j in range(comma - 2, max(0, comma - 5), -1) if doc[j].text == "("), comma))
    end_chars = {doc[e - 1].idx + len(doc[e - 1]) for e in ends}
    reach = doc[max(0, comma - _RELATIVE_REACH)].idx
    named = [
        (m.start, o.name) for o in organizations for m in o.mentions if m.end in end_chars and reach <= m.start < m.end
    ]
    if not named:
        return None
    position = _candidate(phrase_at(doc[rel - 1]), organizations, assigned=False)
    if position is None or position.organization is not None:
        return None
    return _Candidate(position.position, min(named)[1], 2)


def _head_of_group(doc: Doc, name: Span) -> _Candidate | None:
    """«правительство во главе с Раилем Сарбаевым» → глава правительства."""
    i = name.start
    if i < 4 or [fold(t.text) for t in doc[i - 3 : i]] != ["во", "главе", "с"]:
        return None
    group = doc[i - 4]
    if group.pos_ != "NOUN":
        return None
    return _Candidate(f"глава {inflect_token(group, 'gent').lower()}", None, 0)


def _candidates(doc: Doc, name: Span, organizations: tuple[OrganizationFinding, ...]) -> list[_Candidate]:
    found = []
    stated = title_before(doc, name.start) or title_after(doc, name.end) or title_in_post(doc, name.end)
    given = title_predicate(name)
    if stated is not None and len(stated):
        found.append(_candidate(stated, organizations, assigned=False))
    if given is not None and len(given):
        found.append(_candidate(given, organizations, assigned=True))
    found += [_led_body(name, organizations), _head_of_group(doc, name), _body_of_relative(name, organizations)]
    return [c for c in found if c is not None]


def rule_position_of(doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...]) -> PersonFinding:
    """The hand grammar alone: the best-scored title by any mention, and the body it names."""
    best: _Candidate | None = None
    for mention in person.mentions:
        check_deadline("positions")
        name = _name_tokens(doc, mention)
        if name is None:
            continue
        for candidate in _candidates(doc, name, organizations):
            # Earlier mentions win ties: a report introduces a person with their title.
            if best is None or candidate.score > best.score:
                best = candidate
    best = best or _listed(doc, person, organizations)
    if best is None:
        return person
    return replace(person, position=best.position, organization=best.organization)


def _listed(doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...]) -> _Candidate | None:
    """The label of a list the person is named in, when no mention of theirs has a title of its own."""
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        title = title_of_list(doc, name) if name is not None and len(name) else None
        if title is not None and len(title):
            return _candidate(title, organizations, assigned=False)
    return None


# ---------- the learned linker: every title and body near a name is a candidate, the model picks


# How far from a name (tokens) the linker looks for titles, and twice as far for bodies: long list
# sentences of protocols would otherwise make every name a candidate of every title (quadratic).
_REACH = 15


@dataclass(frozen=True)
class TitleLink:
    """A job title near a mention of the person, with the body it names (if any)."""

    position: str
    organization: str | None
    features: Features
    refers: tuple[str, ...] = ()  # organizations of the text the title names by their kind («городского маслихата»)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.organization, *self.refers) if self.organization else self.refers

    def with_features(self, features: Features) -> TitleLink:
        # `dataclasses.replace`, spelled out: it took 2.5 µs a link (~22k links per 300 NEREL texts), this 0.8.
        return TitleLink(self.position, self.organization, features, self.refers)


@dataclass(frozen=True)
class BodyLink:
    """An organization near a mention of the person (or named inside a title by it)."""

    organization: str
    features: Features

    def with_features(self, features: Features) -> BodyLink:
        return BodyLink(self.organization, features)


@dataclass
class _DocContext:
    people: list[Span]
    org_spans: list[tuple[Span, str, int, int]]  # span, canonical name, mentions of it, rank by mentions
    claimed: dict[int, set[tuple[int, int]]]  # token → the names whose grammar title covers it
    kinds: dict[str, list[tuple[str, frozenset[str]]]]  # kind noun → (organization, stems of its adjectives)
    heads: dict[int, list[int]]  # sentence start → its tokens that can head a job title (filled when asked)
    # Indexes, so that each mention reads the names, bodies and heads near it, not the whole document's.
    people_starts: list[int] = field(default_factory=list)
    org_by_start: list[int] = field(default_factory=list)  # indexes of org_spans in text order
    org_starts: list[int] = field(default_factory=list)  # their start tokens
    org_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (mentions, rank)
    # The grammar's titles by a name and their splits, asked for again and again by the candidates.
    titles: dict[tuple[int, int], list[tuple[str, Span, bool]]] = field(default_factory=dict)
    splits: dict[tuple[int, int, bool], _Candidate | None] = field(default_factory=dict)
    spans_by_name: dict[str, list[Span]] | None = None  # `spans_of`, filled when first asked

    def rule_titles(self, doc: Doc, name: Span) -> list[tuple[str, Span, bool]]:
        key = (name.start, name.end)
        if key not in self.titles:
            self.titles[key] = _rule_titles(doc, name)
        return self.titles[key]

    def candidate(self, title: Span, organizations: tuple[OrganizationFinding, ...], assigned: bool):
        key = (title.start, title.end, assigned)
        if key not in self.splits:
            self.splits[key] = _candidate(title, organizations, assigned)
        return self.splits[key]

    def heads_in(self, sent: Span, start: int, end: int) -> list[int]:
        """The sentence's tokens that can head a title, within tokens [start, end)."""
        if sent.start not in self.heads:
            # By the Doc's strings: a Token for every word of the sentence cost more than the look-ups.
            doc = sent.doc
            texts, lemmas = token_strings(doc, ORTH), token_strings(doc, LEMMA)
            ent_types = token_strings(doc, ENT_TYPE)
            self.heads[sent.start] = [
                i
                for i in range(sent.start, sent.end)
                if ent_types[i] not in ("PER", "ORG") and is_position_head_word(lemmas[i], texts[i])
            ]
        heads = self.heads[sent.start]
        return heads[bisect.bisect_left(heads, start) : bisect.bisect_left(heads, end)]

    def spans_of(self, organization: str) -> list[Span]:
        """The organization's mentions, in `org_spans`' order (a scan of every mention per person was quadratic in a
        text of many names)."""
        if self.spans_by_name is None:
            self.spans_by_name = {}
            for span, name, _, _ in self.org_spans:
                self.spans_by_name.setdefault(name, []).append(span)
        return self.spans_by_name.get(organization, [])

    def org_spans_in(self, start: int, end: int) -> list[tuple[Span, str, int, int]]:
        """The organization mentions that start within tokens [start, end)."""
        chosen = self.org_by_start[
            bisect.bisect_left(self.org_starts, start) : bisect.bisect_left(self.org_starts, end)
        ]
        return [self.org_spans[k] for k in sorted(chosen)]

    def nearest(self, token: Token) -> Span | None:
        return nearest_person(token.doc, token, self.people, self.people_starts)


def _doc_context(doc: Doc, organizations: tuple[OrganizationFinding, ...]) -> _DocContext:
    people = [e for e in entities(doc) if e.label_ == "PER"]
    ranked = sorted(range(len(organizations)), key=lambda i: -len(organizations[i].mentions))
    rank = {i: r for r, i in enumerate(ranked)}
    spans = []
    for i, org in enumerate(organizations):
        for m in org.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append((span, org.name, len(org.mentions), rank[i]))
    claimed: dict[int, set[tuple[int, int]]] = {}
    context = _DocContext(people, spans, claimed, {}, {})
    context.people_starts = [p.start for p in people]
    # org_spans stays in the organizations' order (the candidates' order decides ties); the index is by start.
    context.org_by_start = sorted(range(len(spans)), key=lambda k: spans[k][0].start)
    context.org_starts = [spans[k][0].start for k in context.org_by_start]
    for _, org_name, count, r in spans:
        context.org_counts.setdefault(org_name, (count, r))
    for person in people:
        for _, title, _ in context.rule_titles(doc, person):
            for i in range(title.start, title.end):
                claimed.setdefault(i, set()).add((person.start, person.end))
    kinds = context.kinds
    seen: set[str] = set()
    for span, org_name, _, _ in spans:
        kind = next((t for t in span if t.pos_ in ("NOUN", "PROPN") and t.is_alpha), None)
        if org_name in seen or kind is None or fold(kind.lemma_) in lexicons.load("org_subunits"):
            continue
        seen.add(org_name)
        adjectives = frozenset(fold(t.text)[:5] for t in span if t.pos_ == "ADJ")
        kinds.setdefault(fold(kind.lemma_), []).append((org_name, adjectives))
    return context


def _rule_titles(doc: Doc, name: Span) -> list[tuple[str, Span, bool]]:
    """(kind, title, assigned) of every title the grammar finds by the name."""
    found = [
        ("before", title_before(doc, name.start), False),
        ("after", title_after(doc, name.end), False),
        ("in_post", title_in_post(doc, name.end), False),
        ("predicate", title_predicate(name), True),
    ]
    found = [(kind, title, assigned) for kind, title, assigned in found if title is not None and len(title)]
    by_pronoun = title_by_pronoun(name) or gapped_title(name)
    if by_pronoun is not None and len(by_pronoun):
        # «Был избран секретарь маслихата. Им стал депутат Бубенко»: the post the pronoun stands for is the one the
        # person took; a title by the name is their standing before it. «…, а Ниблошвили — заместителем»: the post
        # after the dash is theirs, the one before the comma the first name's.
        return [("predicate", by_pronoun, True)]
    # A list's label («члены комитета: Дроздов Н.А., Кудрявцев Е.М.») is the title of a name that has none
    # of its own.
    listed = None if found else title_of_list(doc, name)
    return [("list", listed, False)] if listed is not None and len(listed) else found


def _title_link(
    name: Span,
    title: Span,
    kind: str,
    context: _DocContext,
    first: bool,
    organizations: tuple[OrganizationFinding, ...],
) -> tuple[TitleLink, Span | None] | None:
    """A title as a candidate, with the span of the body it names (None when it names none in the text)."""
    candidate = context.candidate(title, organizations, assigned=kind == "predicate")
    if candidate is None:
        return None
    head = title_head(title)
    features = position_features(name, title, head, kind, fold(head.lemma_))
    features["title_score"] = float(candidate.score)
    features["head_at"] = float(head.i)
    features["has_org"] = float(candidate.organization is not None)
    features["former"] = float(_is_former(title))
    features["first_mention"] = float(first)
    features["nearest_person"] = float(_same(context.nearest(head), name))
    found = _organization_at(title, organizations) if candidate.organization is not None else None
    org_span = name.doc[found[0] : found[1]] if found is not None and found[2] == candidate.organization else None
    refers = tuple(dict.fromkeys(org for org, _, _ in _referred(title, context)))
    return TitleLink(candidate.position, candidate.organization, features, refers), org_span


def _is_turn_label(name: Span) -> bool:
    """«СОЛОВЬЁВА Е.А. Уважаемые депутаты!»: a name in capitals opening a line, as a transcript labels a turn."""
    doc = name.doc
    opens_line = name.start == 0 or "\n" in doc[name.start - 1].text or doc[name.start - 1].text.endswith("\n")
    return opens_line and any(t.is_alpha and len(t.text) > 1 and t.text.isupper() for t in name)


def _same(a: Span | None, b: Span) -> bool:
    return a is not None and (a.start, a.end) == (b.start, b.end)


def _title_body(
    name: Span, title: Span, made: tuple[TitleLink, Span | None], kind: str, context: _DocContext, first: bool
) -> list[BodyLink]:
    """The body a title names, as a candidate of its own."""
    link, org_span = made
    found = []
    if link.organization is not None:
        span = org_span if org_span is not None else title
        found.append((link.organization, span, f"title:{kind}", {}))
    for organization, token, extra in _referred(title, context):
        if organization != link.organization:
            found.append((organization, title.doc[token.i : token.i + 1], "title:refers", extra))
    bodies = []
    for organization, span, source, extra in found:
        mentions, rank = context.org_counts.get(organization, (1, 99))
        features = organization_features(name, span, source, mentions, rank)
        features.update(extra)
        features["org_at"] = float(span.root.i)
        features["ofirst_mention"] = float(first)
        features["onearest_person"] = float(_same(context.nearest(span.root), name))
        bodies.append(BodyLink(organization, features))
    return bodies


def _referred(title: Span, context: _DocContext) -> list[tuple[str, Token, Features]]:
    """Organizations of the text a title names by their kind: «депутат городского маслихата» →
    «Костанайский городской маслихат», «начальник отдела мэрии» → «мэрия города Каракол»."""
    head = title_head(title)
    found = []
    for token in title:
        if token.i <= head.i or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "ORG":
            continue
        same_kind = context.kinds.get(fold(token.lemma_), [])
        adjectives = {fold(t.text)[:5] for t in token.lefts if t.pos_ == "ADJ"}
        for organization, org_adjectives in same_kind:
            extra = {
                "oref_unique": float(len(same_kind) == 1),
                "oref_adj": float(bool(adjectives & org_adjectives)),
                "oref_adj_clash": float(bool(adjectives - org_adjectives)),
            }
            found.append((organization, token, extra))
    return found


def _ranked(links: list, gap: str, prefix: str) -> list:
    """Which of a mention's candidates stands nearest to it: in lists, the nearest title is the name's."""
    order = sorted((link.features.get(gap, 99.0), i) for i, link in enumerate(links))
    rank = {i: r for r, (_, i) in enumerate(order)}
    return [
        link.with_features({**link.features, f"{prefix}0": float(rank[i] == 0), f"{prefix}1": float(rank[i] == 1)})
        for i, link in enumerate(links)
    ]


def _claims(link, name: Span, context: _DocContext, at: str, feature: str):
    """The candidate lies inside a title the grammar gives to another name («X, директор A, и Y …»)."""
    i = int(link.features.get(at, -1))
    owners = context.claimed.get(i, set())
    features = {k: v for k, v in link.features.items() if k != at}
    features[feature] = float(bool(owners - {(name.start, name.end)}))
    features[f"{feature}_self"] = float((name.start, name.end) in owners)
    return link.with_features(features)


def _features(token: Token, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


def _oblique(name: Span) -> bool:
    return all(_features(t, "Case") in ("Dat", "Acc", "Ins", "Loc") for t in name if t.is_alpha and len(t.text) > 1)


# How far back from a post its opening bracket may stand: «(первый заместитель председателя)».
_BRACKET_BACK = 8


def _bracketed_after_another(doc: Doc, i: int, name: Span) -> bool:
    """The post at `i` stands in brackets that open right after a name other than `name`."""
    for j in range(i - 1, max(i - _BRACKET_BACK, 0) - 1, -1):
        text = doc[j].text
        if text == ")":
            return False
        if text == "(":
            before = doc[j - 1] if j > 0 else None
            named = before is not None and (before.ent_type_ == "PER" or _INITIALS_TOKEN.match(before.text))
            return named and not name.start <= before.i < name.end
    return False


_INITIALS_TOKEN = re.compile(r"^(?:[А-ЯЁ]\.)+$")


def _in_another_field(doc: Doc, name: Span, span: Span) -> bool:
    """`name` stands on a protocol's header field line («Отсутствовал: …») and `span` on a later or earlier line, with
    a line from the later of them back opening another field («Приглашенные:», «СЛУШАЛИ:»)."""
    text = doc_text(doc)
    lo, hi = (name.end_char, span.start_char) if name.start < span.start else (span.end_char, name.start_char)
    if "\n" not in text[lo:hi]:
        return False
    line_start = text.rfind("\n", 0, name.start_char) + 1
    line_end = text.find("\n", name.start_char)
    if line_header(text[line_start : line_end if line_end >= 0 else len(text)]) is None:
        return False
    at = text.find("\n", lo)
    while 0 <= at < hi:
        end = text.find("\n", at + 1)
        if line_header(text[at + 1 : end if end >= 0 else len(text)]) is not None:
            return True
        at = end
    return False


def _proposed_across(doc: Doc, i: int, name: Span) -> bool:
    """A post before a nominee's noun that governs the name («внёс по представлению Председателя Кабинета Министров
    кандидатуру X»): the post is another's; the office proposed («на должность вице-мэра кандидатуру X») is X's."""
    if i >= name.start or (i > 0 and fold(doc[i - 1].lemma_) in POST_NOUNS):
        return False
    return any(doc[j].is_lower and doc[j].text in NOMINEES for j in range(i + 1, name.start))


def _across_lines(doc: Doc, i: int, name: Span) -> bool:
    lo, hi = (i, name.start) if i < name.start else (name.end, i)
    return any(doc[j].text.count("\n") > 1 for j in range(lo, hi))


def _names_another_place(position: str | None, organization: str) -> bool:
    """«председатель собрания депутатов Каякентского района» at a session of the Народное Собрание: a post naming a
    body of its own and that body's place is not a post in a body of the text that names no such place."""
    words = _WORD.findall(position or "")
    heads = lexicons.load("org_heads")
    kind = next(
        (k for k, w in enumerate(words) if k and any(fold(p.normal_form) in heads for p in loading.parse(w.lower()))),
        None,
    )
    if kind is None:
        return False
    body = {fold(w)[:5] for w in _WORD.findall(organization)}
    places = [w for w in words[kind + 1 :] if w[:1].isupper() and not w.isupper()]
    return bool(places) and all(fold(w)[:5] not in body for w in places)


def _lemmas(word: str) -> set[str]:
    return {fold(p.normal_form) for p in loading.parse(word.lower())}


def _executive_at_assembly(position: str | None, organization: str) -> bool:
    """An executive's post («аким ЗКО», «заместитель министра») with an assembly for its body: the linker took the
    council or parliament of the text for the body of someone who heads an executive."""
    words = _WORD.findall(position or "")
    # Every word of a stacked deputy's post: «первый заместитель акима», «исполняющая обязанности акима».
    while words and _lemmas(words[0]) & lexicons.load("position_deputy_words"):
        words = words[1:]
    body = _WORD.findall(organization)
    if not words or not body:
        return False
    assembly = any(_lemmas(w) & lexicons.load("membership_bodies") for w in body[:3])
    return assembly and bool(_lemmas(words[0]) & lexicons.load("position_executive_posts"))


def _claimed_by_another(link: BodyLink, position: str | None) -> bool:
    if not link.features.get("oclaimed", 0.0) or link.features.get("oclaimed_self", 0.0):
        return False
    # «глава Советского района Пахрутдин Залибеков, председатель городского Собрания депутатов …»: a post naming its
    # place is whole too (gold-format: a head of a place with no body named keeps the place, organization null).
    heads = lexicons.load("org_heads") | _PLACE_UNITS_OF_POST
    return any(
        fold(p.normal_form) in heads for word in _WORD.findall(position or "")[1:] for p in loading.parse(word.lower())
    )


# Units of a place a post may name («глава района», «аким Шуского района»).
_PLACE_UNITS_OF_POST = frozenset({"район", "город", "область", "округ", "край", "село", "поселение", "волость"})


def _membership_only(candidate: _Candidate) -> bool:
    """«член Грузинской мечты», «член партии»: a member's standing, no office."""
    words = _WORD.findall(candidate.position.lower())
    return bool(words) and words[0] == "член" and (len(words) == 1 or words[1] == "партии")


def _rule_pick(
    doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...], context: _DocContext
) -> PersonFinding:
    """`rule_position_of`, from the titles and splits the candidates already made."""
    best: _Candidate | None = None
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        if name is None:
            continue
        found = context.rule_titles(doc, name)
        stated = next((title for kind, title, _ in found if kind not in ("predicate", "list")), None)
        given = next((title for kind, title, _ in found if kind == "predicate"), None)
        stated_candidate = context.candidate(stated, organizations, False) if stated is not None else None
        given_candidate = context.candidate(given, organizations, True) if given is not None else None
        if stated_candidate is not None and given_candidate is not None and _membership_only(stated_candidate):
            # «На пост председателя Сакребуло был переизбран Георгий Ткемаладзе, член Грузинской мечты»: the office the
            # clause gives the person outranks the membership the apposition states.
            stated_candidate = None
        candidates = [
            stated_candidate,
            given_candidate,
            _led_body(name, organizations),
            _head_of_group(doc, name),
            _body_of_relative(name, organizations),
        ]
        for candidate in candidates:
            if candidate is not None and (best is None or candidate.score > best.score):
                best = candidate
    if best is None:
        # A list's label, when no mention of the person has a title of its own.
        listed = (
            title
            for mention in person.mentions
            if (name := _name_tokens(doc, mention)) is not None
            for kind, title, _ in context.rule_titles(doc, name)
            if kind == "list"
        )
        title = next(listed, None)
        best = context.candidate(title, organizations, False) if title is not None else None
    if best is None:
        return person
    return replace(person, position=best.position, organization=best.organization)


def link_candidates(
    doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...], context: _DocContext | None = None
) -> tuple[list[TitleLink], list[BodyLink], PersonFinding]:
    """Every title and organization that may be the person's, with the features the linker reads, and
    the person as the hand grammar alone sees them."""
    context = context or _doc_context(doc, organizations)
    titles: list[TitleLink] = []
    bodies: list[BodyLink] = []
    for n, mention in enumerate(person.mentions):
        name = _name_tokens(doc, mention)
        if name is None or not len(name):
            continue
        first_title, first_body = len(titles), len(bodies)
        covered: set[int] = set()
        for kind, title, _ in context.rule_titles(doc, name):
            covered.update(range(title.start, title.end))
            made = _title_link(name, title, kind, context, n == 0, organizations)
            if made is None:
                continue
            titles.append(made[0])
            bodies += _title_body(name, title, made, kind, context, n == 0)
        for rule in (_led_body(name, organizations), _head_of_group(doc, name), _body_of_relative(name, organizations)):
            if rule is not None:
                kind = "led" if rule.organization else "group"
                titles.append(TitleLink(rule.position, rule.organization, {"bias": 1.0, f"kind={kind}": 1.0}))
        check_deadline("positions")
        if _is_turn_label(name):
            # «СИЛАНТЬЕВ В.П. За квартал … ООО «Автоспецтранс» не соблюдает график»: a transcript's speaker label;
            # the titles and bodies of the speech that follows are what the speaker talks about.
            continue
        sent = sentence_of(doc, name.start)
        for i in context.heads_in(sent, name.start - _REACH, name.end + _REACH):
            if i in covered or name.start <= i < name.end:
                continue
            token = doc[i]
            if _bracketed_after_another(doc, i, name):
                # «депутаты айылного кенеша: Омуралиев К.Т. (торага), Асанова Г.М.»: the post in brackets after a
                # name is that name's.
                continue
            if _proposed_across(doc, i, name):
                continue  # «по представлению Председателя … кандидатуру X»: the proposer's post, not the nominee's
            if _across_lines(doc, i, name) or _in_another_field(doc, name, doc[i : i + 1]):
                # «Глава района выступил с отчётом\n\nВ четверг под председательством О.В. Багуцкого …»: a heading
                # without a point joins the next paragraph's sentence; its post is no one's in the paragraph (a post's
                # line over a name's, as a signature's, is one line break apart, not a blank line).
                continue
            outside = not any(token.left_edge.i <= t.i <= token.right_edge.i for t in name)
            # Only where the name's case shows it is not the post's apposition: an oblique name (to whom, whom).
            if outside and _oblique(name) and (owns_a_thing(token) or _actor_on(token, name)):
                continue
            if outside and _addressed_by(token, name):
                continue  # «Аматов предложил … выразить недоверие мэру»: the post the subject's verb is addressed to
            if outside and token.dep_ == "nsubj" and object_taken_for_subject(name.root):
                continue  # «глава региона представил Бахтиёржона Салимжонова»: the subject's post, not the object's
            title = phrase_at(token)
            made = _title_link(name, title, "sentence", context, n == 0, organizations)
            if made is not None:
                titles.append(made[0])
                bodies += _title_body(name, title, made, "sentence", context, n == 0)
        lo = sentence_of(doc, max(sent.start - 1, 0)).start
        hi = sentence_of(doc, min(sent.end, len(doc) - 1)).end
        near = context.org_spans_in(max(lo, name.start - 2 * _REACH), min(hi, name.end + 2 * _REACH))
        for span, org_name, mentions, rank in near:
            if span.start < name.end and name.start < span.end:
                continue
            # A job title the organizations stage took for a body («аким области») names no body; a body
            # the name's own title serves at («представитель Тегерана в ОПЕК») is not the one represented.
            if is_position_head(span[0]) or (span.start in covered and _served_at(span)) or _bare_place_kind(org_name):
                continue
            if _in_another_field(doc, name, span):
                # «Отсутствовал: Хлыстов И.Н.⏎Приглашенные: представители ООО «Кольская сёмга»»: a body (or a post,
                # above) on another header field's line of a protocol is that field's, not the name's.
                continue
            features = organization_features(name, span, "sentence", mentions, rank)
            features["org_at"] = float(span.root.i)
            features["ofirst_mention"] = float(n == 0)
            features["onearest_person"] = float(_same(context.nearest(span.root), name))
            features["osubunit"] = float(_is_subunit(span))
            features["ocountry_code"] = float(fold(span.text) in lexicons.load("org_country_codes"))
            bodies.append(BodyLink(org_name, features))
        titles[first_title:] = _ranked(titles[first_title:], "gap_log", "near")
        bodies[first_body:] = _ranked(bodies[first_body:], "ogap_log", "onear")
        titles[first_title:] = [_claims(t, name, context, "head_at", "claimed") for t in titles[first_title:]]
        bodies[first_body:] = [_claims(b, name, context, "org_at", "oclaimed") for b in bodies[first_body:]]
    # What the hand grammar would pick is the strongest single hint; the model learns where to overrule it.
    rule = _rule_pick(doc, person, organizations, context)
    titles = [t.with_features({**t.features, "rule_pick": float(t.position == rule.position)}) for t in titles]
    bodies = [b.with_features({**b.features, "orule_pick": float(b.organization == rule.organization)}) for b in bodies]
    return titles, bodies, rule


_ACTED_ON = ("obj", "iobj", "obl")
_ACTED_DEPTH = 4


def _actor_on(post: Token, name: Span) -> bool:
    """«глава поселения вручил письмо ветерану Ивану Семёнову», «глава региона представил министра X»: the post of
    the verb's subject is the actor's, not that of the name the verb acts on."""
    top = name.root
    while top.dep_ in LISTED_NAME_CHAIN and top.head.i != top.i:
        top = top.head
    if post.dep_ != "nsubj" or top.dep_ in ("nsubj", "nsubj:pass", "ROOT"):
        return False
    # «Депутаты выразили негодование по поводу высказываний Владимира Жириновского»: the name deeper in what the
    # verb acts on, a few arcs down.
    for _ in range(_ACTED_DEPTH):
        if top.head.i == post.head.i:
            return top.dep_ in _ACTED_ON or top.dep_ == "nmod"
        if top.head.i == top.i:
            return False
        top = top.head
    return False


# «предложил | проголосовать | за выражение | вотума | недоверия | мэру»: the dative a few phrases down the verb.
_ADDRESSEE_DEPTH = 6


def _addressed_by(post: Token, name: Span) -> bool:
    """«Аматов предложил коллегам проголосовать за вотум недоверия мэру», «Петров направил письмо министру»: a post in
    the dative after the verb whose subject the name is stands for whom the person acts towards, not for the person
    (`_actor_on` is the converse: the subject's post, not the object's)."""
    top = name.root
    while top.dep_ in LISTED_NAME_CHAIN and top.head.i != top.i:
        top = top.head
    verb = top.head
    if top.dep_ != "nsubj" or verb.pos_ != "VERB" or not (name.end <= verb.i < post.i):
        return False
    if _features(post, "Case") != "Dat" or _oblique(name):
        return False
    head = post
    for _ in range(_ADDRESSEE_DEPTH):
        if head.head.i == verb.i:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def linked_position_of(
    doc: Doc,
    person: PersonFinding,
    organizations: tuple[OrganizationFinding, ...],
    linker: Linker,
    context: _DocContext | None = None,
) -> PersonFinding:
    """The grammar's title and body, else the ones the model scores highest, each when likely enough."""
    context = context or _doc_context(doc, organizations)
    titles, bodies, rule = link_candidates(doc, person, organizations, context)
    title_probs, body_probs = linker.probabilities(
        [(t.names, t.features) for t in titles], [(b.organization, b.features) for b in bodies]
    )
    # The grammar's pick stands unless the model believes another candidate clearly more
    # (`models.linker.overrule`); where the grammar is silent the model fills in.
    rule_titles = [i for i, t in enumerate(titles) if t.position == rule.position] if rule.position else None
    rule_bodies = (
        [i for i, b in enumerate(bodies) if b.organization == rule.organization] if rule.organization else None
    )
    title = linker_model.overrule(linker.position, title_probs, rule_titles)
    body = linker_model.overrule(linker.organization, body_probs, rule_bodies)
    position = titles[title].position if title is not None else rule.position
    organization = bodies[body].organization if body is not None else rule.organization
    if organization != rule.organization and another_remit(position, organization):
        organization = rule.organization
    if rule.organization is None and body is not None and _claimed_by_another(bodies[body], position):
        # «председатель районного исполнительного комитета Ф. Вощило, депутат Палаты представителей Н. Колтунов»:
        # a post naming a body of its own does not take a body inside the title the grammar gives another name.
        organization = None
    if rule.organization is None and organization is not None and _executive_at_assembly(position, organization):
        organization = None
    if rule.organization is None and organization is not None and _names_another_place(position, organization):
        organization = None
    if rule.organization is None and organization is not None and _met_with(organization, context):
        # «хоким области … провел встречу с членами Совета предпринимателей»: the body met with is not the person's.
        organization = None
    if rule.organization is None and organization is not None and _inside_own_title(doc, person, organization, context):
        # The grammar kept a unit named only in the person's own title in the post (`_unit_of_title_only`).
        organization = None
    if organization is not None and _bare_place_kind(organization):
        organization = None  # «велаят» listed as a body: a place's kind, its head's office is the body
    position = without_organ_owner(_without_brackets(without_body(position, organization)), organization)
    _remember(doc, person, bodies, body_probs, rule.organization, organization)
    return replace(person, position=position, organization=organization)


# A body's organs a post may name before the body's kind («председатель президиума коллегии»).
_ORGANS = frozenset({"президиум", "правление", "бюро", "совет"})


def without_organ_owner(position: str | None, organization: str | None) -> str | None:
    """«председатель президиума коллегии» of «Коллегия адвокатов города Шымкент» → «председатель президиума»
    (heldout-genre-13 05): the body's kind after its organ is the body linked, not repeated in the post."""
    if not position or not organization or "," in position:
        return position
    words = position.split()
    owner = _WORD.findall(organization)
    if len(words) < 3 or not owner:
        return position
    kind = {fold(p.normal_form) for p in loading.parse(owner[0].lower()) if p.tag.POS == "NOUN"}
    if not kind & {fold(p.normal_form) for p in loading.parse(words[-1].lower()) if p.tag.POS == "NOUN"}:
        return position
    if not any(fold(p.normal_form) in _ORGANS for p in loading.parse(words[-2].lower())):
        return position
    return " ".join(words[:-1])


# The linker's bodies of each person, by the start of each of their mentions: the person_org reranker
# (`pipelines.reranking`, at the end of the membership stage) weighs them again with what later stages know.
LINKED_BODIES = "kenesh_linked_bodies"


@dataclass(frozen=True)
class LinkedBodies:
    bodies: tuple[tuple[str, float, Features], ...]  # (organization, P(the person's), features)
    grammar: str | None  # the grammar's body
    chosen: str | None  # the body this stage gave the person


def _remember(
    doc: Doc,
    person: PersonFinding,
    bodies: list[BodyLink],
    probs: list[float],
    grammar: str | None,
    chosen: str | None,
) -> None:
    scored = tuple((b.organization, p, b.features) for b, p in zip(bodies, probs, strict=True))
    found = LinkedBodies(scored, grammar, chosen)
    by_mention = doc.user_data.setdefault(LINKED_BODIES, {})
    for mention in person.mentions:
        by_mention[mention.start] = found


# Nouns and verbs of meeting someone: a body after their «с» is who was met.
_MEETING_WITH = frozenset({"встреча", "встретиться", "встречаться", "беседа", "переговоры", "диалог"})
_WITH_REACH = 3  # the body's words up to the meeting word: «встречу с членами Совета предпринимателей»


def _met_with(organization: str, context: _DocContext) -> bool:
    """Every mention of the body stands after a «с» of a meeting («встречу с членами Совета предпринимателей»)."""
    mentions = context.spans_of(organization)
    return bool(mentions) and all(_after_meeting_with(span.root) for span in mentions)


def _after_meeting_with(token: Token) -> bool:
    for _ in range(_WITH_REACH):
        if any(c.dep_ == "case" and c.lower_ in ("с", "со") for c in token.children):
            return fold(token.head.lemma_) in _MEETING_WITH
        if token.head is token:
            return False
        token = token.head
    return False


def _inside_own_title(doc: Doc, person: PersonFinding, organization: str, context: _DocContext) -> bool:
    """A field unit (`_field_unit_named`) every mention of which lies inside a title by one of the person's names."""
    mentions = context.spans_of(organization)
    if not mentions or not _field_unit_named(_WORD.findall(organization)):
        return False
    titles = [
        (title.start, title.end)
        for mention in person.mentions
        if (name := _name_tokens(doc, mention)) is not None
        for _, title, _ in context.rule_titles(doc, name)
    ]
    return all(any(a <= m.start and m.end <= b for a, b in titles) for m in mentions)


# (Not a lower-case variant of the word before it between two words of the post: «крестьянского (фермерского)
# хозяйства» is the kind's full name.)
_BRACKETED = re.compile(r"\s*\((?![а-яё]+(?: [а-яё]+)?\) [а-яё])[^()]*(?:\)|$)")


def _without_brackets(position: str | None) -> str | None:
    """«руководитель управления … Восточно-Казахстанской области (ВКО)»: an abbreviation or a note in brackets is
    the text's aside, not part of the post."""
    if not position or "(" not in position:
        return position
    return _BRACKETED.sub("", position).strip(" ,") or None


# A party's unit a deputy's post ends in («депутат фракции», «руководитель фракции партии»).
_PARTY_UNITS = frozenset({"фракция", "партия"})


def another_remit(position: str | None, organization: str | None) -> bool:
    """«председатель комитета по бюджету, налогам и финансам» and «Комитет по градостроительной деятельности
    Администрации города»: a unit of the same kind with another remit is another unit, not the post's body."""
    if not position or not organization or " по " not in position or " по " not in organization:
        return False
    post_kind, _, post_remit = position.rpartition(" по ")
    body_kind, _, body_remit = organization.partition(" по ")
    post_words, body_words = _WORD.findall(post_kind), _WORD.findall(body_kind)
    if not post_words or not body_words or not _kind_forms_of(post_words[-1]) & _kind_forms_of(body_words[0]):
        return False
    post_stems = {fold(w)[:5] for w in _WORD.findall(post_remit) if len(w) > 2}
    body_stems = {fold(w)[:5] for w in _WORD.findall(body_remit) if len(w) > 2}
    return bool(post_stems) and not post_stems & body_stems


def with_party(position: str, party: str | None) -> str:
    """«депутат фракции КПРФ»: a deputy's post that named their party («фракции», «партии») keeps its name
    when the assembly becomes the body. Only a name that reads the same in any case (an abbreviation, a
    quoted or Latin name): «фракции «Ата Мекен»», not «фракции Единая Россия»."""
    words = _WORD.findall(position)
    if not party or not words or not _kind_forms_of(words[-1]) & _PARTY_UNITS:
        return position
    invariant = party.isupper() or party.startswith("«") or party.isascii()
    return f"{position} {party}" if invariant else position


# The units a body's name may end on with its place left unnamed («Департамент финансов области»), folded stems.
_BARE_PLACE_STEMS = frozenset({"обла", "райо", "горо", "края", "окру"})


def without_body(position: str | None, organization: str | None) -> str | None:
    """«начальник Департамента по чрезвычайным ситуациям Павлодарской области» with that department as the
    organization → «начальник»; «мэр города Ош» with «мэрия города Ош» → «мэр»: the body the person represents
    (a named one, or a local body of the place the post names) is not repeated in the post (gold-format)."""
    if not position or not organization:
        return position
    position = _without_bare_unit(position, organization)
    words = _WORD.findall(position)
    body = _WORD.findall(organization)
    if len(body) < 2 or len(words) < 2:
        return position
    stems = [fold(w)[:4] for w in words]
    body_stems = [fold(w)[:4] for w in body]
    kind_cut = _without_local_kind(position, words, stems, body, body_stems)
    if kind_cut is None:
        kind_cut = _without_kind_word(position, words, stems, body, body_stems)
    if kind_cut is not None:
        return kind_cut
    local = bool(_kind_forms_of(body[0]) & lexicons.load("position_local_bodies"))
    # «начальник Департамента финансов» of «Департамент финансов области»: the body's bare unit of its place
    # («области», «района»), the place itself unnamed, is not part of the post the text's title kept.
    bare_place = len(body) >= 3 and body[-1].islower() and body[-2].islower() and body_stems[-1] in _BARE_PLACE_STEMS
    without_place = body_stems[:-1] if bare_place else None
    local_tail = body_stems[1:] if local else None
    for tail in (body_stems, local_tail, without_place):
        if not tail or len(tail) >= len(stems) or stems[-len(tail) :] != tail:
            continue
        first, post = words[-len(tail)], fold(words[-len(tail) - 1])
        # A named body («Департамента …», «Миграционной службы …»), or the place of the local body the post is
        # named for («мэр» of a «мэрия», «аким» of an «акимат»).
        # A body named whole with its place («комитета по здравоохранению Ленинградской области») is the body too,
        # though the text writes its kind in lower case.
        # («акима города Костаная» of «акимат города Костаная» is the post's head, not the body's kind.)
        named = first[:1].isupper() or (
            bool(_kind_forms_of(first) & _kind_forms_of(body[0]))
            and any(w[:1].isupper() for w in words[-len(tail) + 1 :])
        )
        named_for = post[:3] == fold(body[0])[:3] or _heads_body_of_kind(post, body[0])
        # «мэр Ангарского городского округа», «глава Саткинского муниципального района» of the administration named
        # by that place and its lower-case unit: the place is the body's (the golds of heldout-genre-6, -15: «мэр»,
        # «глава»), as for a named body.
        whole = tail is body_stems or tail is without_place or (tail is local_tail and bare_place)
        if (whole and named) or (not whole and named_for):
            cut = _cut_before_word(position, len(words) - len(tail))
            return cut or position
    return position


def _without_local_kind(
    position: str, words: list[str], stems: list[str], body: list[str], body_stems: list[str]
) -> str | None:
    """«глава айыл окмоту», «главный специалист айыл окмоту по социальным вопросам» with «Нариманский айыл
    окмоту» → «глава», «главный специалист по социальным вопросам»: a local body named by its place's adjective
    and its kind, the kind alone in the post is that body (the post keeps its remit). A hyphenated place's adjective
    is one («Кызыл-Адырский айыл окмоту»)."""
    named = 1  # the words of the place's adjective: «Кызыл», «Адырский»
    while named < len(body) and body[named][:1].isupper():
        named += 1
    if named >= len(body) or not body[0][:1].isupper() or not body[named - 1].lower().endswith(("ий", "ый", "ой")):
        return None
    if not (_kind_forms_of(body[-1]) | {fold(body[-1])}) & lexicons.load("position_local_bodies"):
        return None
    kind = body_stems[named:]
    for j in range(1, len(stems) - len(kind) + 1):
        if stems[j : j + len(kind)] != kind or words[j][:1].isupper():
            continue
        after = words[j + len(kind) :]
        if after and fold(after[0]) != "по":
            return None
        matches = list(_WORD.finditer(position))
        head = position[: matches[j].start()].rstrip(" ,")
        return f"{head} {position[matches[j + len(kind)].start() :]}" if after else head
    return None


# Heads whose post keeps the local body's kind after them: «глава администрации», «председатель Кенгаша» (a second
# post, «хоким района, председатель Кенгаша»), «член Генгеша» (a member of what).
_HEADS_KEEPING_KIND = frozenset({"глава", "председатель", "член"})


def _without_kind_word(
    position: str, words: list[str], stems: list[str], body: list[str], body_stems: list[str]
) -> str | None:
    """«председатель постоянной комиссии маслихата по вопросам бюджета», «депутат городского Маджлиса» with
    «Экибастузский городской маслихат», «Маджлис народных депутатов города Пенджикента» → «председатель постоянной
    комиссии по вопросам бюджета», «депутат»: the kind of the local body the person is linked to, alone or after
    the body's own level («городского»), capitalised or not, is that body (corpus-genre: «председатель постоянной
    комиссии по бюджету …» of «председатель постоянной комиссии областного Кенгаша по бюджету …»). Another level
    before it («областного» of a «городской маслихат») is another body."""
    local = lexicons.load("position_local_bodies") - lexicons.load("position_kinds_in_post")
    kind = next((found for w in body if (found := _kind_forms_of(w) & local)), None)
    if not kind:
        return None
    levels = {s for w, s in zip(body, body_stems, strict=True) if w.islower()}
    for j in range(1, len(words)):
        if not _kind_forms_of(words[j]) & kind:
            continue
        after = words[j + 1 :]
        if after and fold(after[0]) != "по":
            return None
        start = j
        while start > 1 and words[start - 1].islower() and stems[start - 1] in levels:
            start -= 1
        before = words[start - 1]
        if fold(before).endswith(("ого", "его")) or _kind_forms_of(before) & _HEADS_KEEPING_KIND:
            return None
        matches = list(_WORD.finditer(position))
        head = position[: matches[start].start()].rstrip(" ,")
        return f"{head} {position[matches[j + 1].start() :]}" if after else head
    return None


# «аким области», «заместитель мэра города по вопросам …»: a bare unit word in the genitive after the post's
# head (no adjective of its own before it: «Павлодарской области», «военного округа» stay).
_BARE_UNIT = re.compile(r"(?<=[а-яё]) +(?:области|района|города|округа)(?= +по |$)")


def _without_bare_unit(position: str, organization: str, first_of_several: bool = False) -> str:
    """The post of a person linked to a body, without the bare unit the body serves: «аким района» → «аким». Only
    the first of several posts: the body is the first one's («председатель Маджлиса, председатель города»), unless a
    later post names the body by its kind («хоким района, председатель Кенгаша» of «… районный Кенгаш народных
    депутатов»: the unit is the хоким's, the body the chair's)."""
    first, comma, rest = position.partition(",")
    if comma:
        kind = _kind_of(organization)
        if kind and any(kind in _kind_forms_of(w) for w in _WORD.findall(rest)):
            return position
        return _without_bare_unit(first, organization, first_of_several=True) + comma + rest
    found = _BARE_UNIT.search(position)
    if found is None:
        return position
    before = fold(position[: found.start()].split()[-1]) if position[: found.start()].split() else ""
    if before.endswith(_ADJECTIVE_ENDINGS) and not before.endswith(("ий", "ый")):
        return position
    if _kind_forms_of(before) & lexicons.load("position_kinds_in_post") and (
        first_of_several or found.end() < len(position)
    ):
        # The kind's unit before a remit or another post is the post's wording (`_kind_in_post`); a head's bare post
        # keeps only the kind («глава администрации района» → «глава администрации»).
        return position
    return position[: found.start()] + position[found.end() :]


@lru_cache(maxsize=50_000)  # asked of every word of every body for every person: persons × bodies in a long text
def _kind_forms_of(word: str) -> frozenset[str]:
    return frozenset({fold(p.normal_form) for p in loading.parse(word.lower())})


@cache
def _head_posts() -> frozenset[tuple[str, str]]:
    """(post, body kind) of `position_heads_of_bodies.txt`. Not «глава | администрация»: a city's «глава города» may
    head the city and not its administration (corpus-genre b01: «глава города Костромы» beside «Администрация города
    Костромы»)."""
    entries = lexicons.load("position_heads_of_bodies")
    return frozenset(tuple(part.strip() for part in entry.split("|", 1)) for entry in entries if "|" in entry)


def _heads_body_of_kind(post: str, kind: str) -> bool:
    """«председатель Айнинского района» of «хукумат Айнинского района», «глава Саткинского района» of «администрация
    Саткинского района»: the post heads the body of that kind, which names the same place."""
    posts, kinds = _kind_forms_of(post), _kind_forms_of(kind)
    return any(p in posts and k in kinds for p, k in _head_posts())


def _cut_before_word(text: str, n: int) -> str:
    """`text` up to its `n`-th word (0-based), without the trailing separators."""
    match = list(_WORD.finditer(text))[n]
    return text[: match.start()].rstrip(' ,(«"-–—')


def position_of(doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...]) -> PersonFinding:
    return linked_position_of(doc, person, organizations, linker_model.load())


def run(doc: Doc, findings: Findings) -> Findings:
    linker = linker_model.load()
    context = _doc_context(doc, findings.organizations)
    persons = tuple(linked_position_of(doc, p, findings.organizations, linker, context) for p in findings.persons)
    # The journalist signing the report sits by no body: the linker's nearest body is the report's first line's.
    text = doc_text(doc)
    persons = tuple(replace(p, position=None, organization=None) if byline_author(p, text) else p for p in persons)
    # The list's own reading («Председателями постоянных комиссий стали: по вопросам бюджета — X») beats the
    # linker's, which reads the plural label as a post of its own.
    persons = tuple(_with_remit_item_post(doc, p) for p in persons)
    persons = tuple(p if p.position else _faction_member(doc, p) for p in persons)
    persons = tuple(_elected_member(doc, p, findings.organizations) for p in persons)
    persons = _deputies_of_persons(doc, persons)
    persons = tuple(_post_of_unit_before(doc, p) for p in persons)
    return replace(findings, persons=persons)


# An assembly's units whose post the golds write whole: «председатель постоянной комиссии по вопросам бюджета».
_UNITS_NAMED_BEFORE = frozenset({"комиссия", "подкомиссия", "комитет"})
# The gender a possessive opening the sentence agrees with.
_POSSESSIVE_GENDER = {"её": "Fem", "ее": "Fem", "его": "Masc"}


def _post_of_unit_before(doc: Doc, person: PersonFinding) -> PersonFinding:
    """«… утверждён новый состав постоянной комиссии по вопросам бюджета. Её председателем избран депутат X»: the
    possessive opening the sentence stands for the unit the sentence before named last (its kind agreeing in
    gender), and the post the person takes is that unit's."""
    if not person.position:
        return person
    post, comma, rest = person.position.partition(",")
    if " " in post:
        return person  # the post names its unit already
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        if name is None or not len(name):
            continue
        sentence = sentence_of(doc, name.start)
        words = [t for t in doc[sentence.start : min(name.start, sentence.start + 3)] if not t.is_space]
        if sentence.start == 0 or len(words) < 2 or fold(words[0].text) not in _POSSESSIVE_GENDER:
            continue
        if not is_position_head(words[1]) or fold(words[1].lemma_) != fold(post):
            continue
        prior = sentence_of(doc, sentence.start - 1)
        gender = _POSSESSIVE_GENDER[fold(words[0].text)]
        unit = next(
            (
                t
                for t in reversed(prior)
                if fold(t.lemma_) in _UNITS_NAMED_BEFORE and gender in t.morph.get("Gender") and t.is_lower
            ),
            None,
        )
        if unit is None:
            continue
        start = unit.i
        while start > prior.start and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_lower:
            start -= 1
        end = min(unit.right_edge.i + 1, prior.end)
        while end > unit.i + 1 and doc[end - 1].is_punct:
            end -= 1
        phrase = inflected(doc[start:end], "gent")
        return replace(person, position=f"{post} {phrase}{comma}{rest}")
    return person


# Posts a person holds under another person, named by the post alone after a possessive: «его заместитель».
_DEPUTY_POSTS = frozenset({"заместитель", "помощник", "советник", "первый заместитель"})


def _deputies_of_persons(doc: Doc, persons: tuple[PersonFinding, ...]) -> tuple[PersonFinding, ...]:
    """«аким города Текели Нурлан Оспанов, его заместитель Айгерим Бекмаханова»: the possessive right after a
    person's name (and its comma) stands for that person; the deputy's post is theirs of that person's post
    («заместитель акима»), in that person's body."""
    ends = {m.end: p for p in persons if p.position for m in p.mentions}
    if not ends:
        return persons
    found = []
    for person in persons:
        found.append(person)
        if person.position not in _DEPUTY_POSTS:
            continue
        for mention in person.mentions:
            name = _name_tokens(doc, mention)
            title = title_before(doc, name.start) if name is not None and len(name) else None
            if title is None or title.start < 3 or doc[title.start - 2].text != ",":
                continue
            if fold(doc[title.start - 1].text) not in POSSESSIVES or fold(title.text) != person.position:
                continue
            chief = ends.get(doc[title.start - 3].idx + len(doc[title.start - 3]))
            word = chief.position.split()[0] if chief is not None and chief is not person else ""
            if not any(p.tag.POS == "NOUN" for p in loading.parse(word)[:1]):
                continue  # («первый заместитель министра»: the post's head is no first word to take the genitive)
            # The post's head alone, as the golds write it: «заместитель акима», not «… акима города Текели».
            head = inflect_word(word, "NOUN", "Nom", None, "Sing", to_case="gent")
            found[-1] = replace(person, position=f"{person.position} {head}", organization=chief.organization)
            break
    return tuple(found)


# The bare title of an assembly's member, which the post they are elected to leaves them.
_MEMBER_TITLE = "депутат"


def _elected_member(doc: Doc, person: PersonFinding, organizations: tuple[OrganizationFinding, ...]) -> PersonFinding:
    """«Председателем постоянной комиссии по социальным вопросам избран депутат Ермек Абилов»: a council elects one
    of its deputies to a post of its own; they hold both, the post first («председатель постоянной комиссии по
    социальным вопросам, депутат»: the golds of heldout-genre-2, -17, -19, -21, -25). A member title of more words
    («директор лицея») is the person's standing outside the council, not kept with the post."""
    if not person.position:
        return person
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        if name is None or not len(name):
            continue
        before = title_before(doc, name.start)
        if before is None or len(before) != 1 or fold(before[0].lemma_) != _MEMBER_TITLE:
            continue
        elected = title_predicate(name)
        if elected is None or not len(elected) or not (_appointed(elected) or title_by_pronoun(name) is not None):
            continue  # («Им избрана депутат …»: the post the pronoun stands for)
        if person.position == split_title(elected, organizations)[0]:
            return replace(person, position=f"{person.position}, {before[0].lemma_.lower()}")
    return person


def _faction_member(doc: Doc, person: PersonFinding) -> PersonFinding:
    """«Сергей Пак (фракция «Ата-Мекен») задал вопрос»: a name the text gives no post but a faction in brackets sits
    in the assembly as a deputy (the golds of corpus-genre a06, a10, heldout-genre 02, -14 02: «депутат» of the
    council); the faction is the party's group, not the person's body."""
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        if name is None or name.end + 1 >= len(doc):
            continue
        if doc[name.end].text == "(" and fold(doc[name.end + 1].lemma_) == "фракция":
            return replace(person, position="депутат", organization=None)
    return person


# How far back from a list item the list's label may stand.
_MAX_ITEMS_TOKENS = 80


def _with_remit_item_post(doc: Doc, person: PersonFinding) -> PersonFinding:
    """«Председателями постоянных комиссий стали: по вопросам бюджета — Роллан Шеримов, по вопросам …» (a real Kazakh
    maslikhat report): an item «по …— name» of a list whose label is a plural post holds that post with the item's
    remit («председатель постоянной комиссии по вопросам бюджета»)."""
    for mention in person.mentions:
        name = _name_tokens(doc, mention)
        if name is None or not len(name):
            continue
        post = _remit_item_post(doc, name)
        if post is not None:
            return replace(person, position=post)
    return person


def _remit_item_post(doc: Doc, name: Span) -> str | None:
    sent_start = sentence_of(doc, name.start).start
    i = name.start - 1
    if i > sent_start and doc[i].pos_ == "NOUN" and is_position_head(doc[i]):
        i -= 1  # «— депутат Есжан Оразалин»
    if i <= sent_start or doc[i].text not in ("—", "–"):
        return None
    dash = i
    # The item's remit: back to «по» after the list's colon or the previous item's comma; a comma inside the remit
    # («по вопросам развития предпринимательства, строительства и инфраструктуры») is passed, a previous item's dash
    # is not.
    i -= 1
    while i > sent_start and dash - i < 25 and doc[i].text not in (":", "—", "–"):
        if fold(doc[i].text) == "по" and doc[i - 1].text in (":", ",", ";"):
            break
        i -= 1
    if fold(doc[i].text) != "по" or i - 1 < sent_start:
        return None
    remit = doc[i:dash]
    colon = next((k for k in range(i - 1, max(sent_start, i - _MAX_ITEMS_TOKENS) - 1, -1) if doc[k].text == ":"), None)
    if colon is None:
        return None
    head = next(
        (t for t in doc[max(sent_start, colon - 6) : colon] if is_position_head(t) and "Plur" in t.morph.get("Number")),
        None,
    )
    if head is None:
        return None
    words = [_singular_word(t) for t in doc[head.i + 1 : colon] if t.pos_ in ("ADJ", "NOUN") and t.i < colon]
    words = words[: next((k for k, t in enumerate(doc[head.i + 1 : colon]) if t.pos_ == "VERB"), len(words))]
    return " ".join([_singular_word(head, "nomn"), *words, remit.text])


def _singular_word(token: Token, case: str = "gent") -> str:
    """«председателями» → «председатель», «постоянных комиссий» → «постоянной комиссии»."""
    parses = [p for p in loading.parse(token.text.lower()) if p.tag.POS in ("NOUN", "ADJF")]
    if not parses:
        return token.text.lower()
    grams = {"sing", case}
    if parses[0].tag.POS == "ADJF":
        noun = token.head if token.head.pos_ == "NOUN" else None
        gender = (
            next((p.tag.gender for p in loading.parse(noun.text.lower()) if p.tag.POS == "NOUN"), None)
            if noun
            else None
        )
        grams |= {gender} if gender else set()
    form = parses[0].inflect(grams)
    return form.word if form is not None else token.text.lower()
