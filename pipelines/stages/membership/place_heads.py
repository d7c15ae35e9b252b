"""Heads of places and their offices: which place a post names, and which office of that place the head serves.

A head's post names a place («аким Мартукского района», «мэр Токмока»): an office of the head's kind takes the
person only where it names the same place (`_same_place`, `_another_named_place`), and a post that qualifies a kind
by an adjective the body's name lacks names another body of that kind (`_another_qualifier`). «мэр Токмока» serves
«мэрия города Токмок» (`_office_of_place_head`); a Belarusian «облисполком» named contracted is the executive
committee of the one place the text's bodies of that level name (`_contracted_executive`); the head of a bare
«город» serves the one local executive the text lists (`_executive_of_place`, `_executive`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from models import lexicons, loading
from pipelines.findings import OrganizationFinding
from pipelines.stages.membership._words import (
    _COMPOUND,
    _WORD,
    _head,
    _heads,
    _lemma_set,
    _lemmas,
    _place_adjective,
    _stem,
)
from pipelines.stages.positions import DEPUTY_HEADS


def _capitalized_after_first(text: str) -> list[str]:
    """The capitalized words after the first (places, names), without abbreviations («ЗКО» stands for a spelled-out
    region)."""
    return [w for w in _COMPOUND.findall(text)[1:] if w[:1].isupper() and not w.isupper()]


def _another_named_place(position: str, name: str) -> bool:
    """«глава исполнительной власти Баку» is not of «Исполнительная власть Сураханского района» (a real Azerbaijani
    report): the post and the body each name a place of their own, and neither names the other's."""
    own, other = _capitalized_after_first(position.split(",")[0]), _capitalized_after_first(name)
    if not own and "," in position:
        # «глава государственной администрации – аким Ала-Букинского района» (the dash written as a comma): the
        # first post names no place; a head of a place joined to it names the office's (not a seat's region:
        # «…, сенатор от Республики Тыва»).
        heads = [part for part in position.split(",")[1:] if _heads_a_place(part.strip())]
        own = _capitalized_after_first(heads[0].strip()) if heads else []
    if not own or not other:
        return False
    name_stems = {_stem(w) for w in _COMPOUND.findall(name)}
    position_stems = {_stem(w) for w in _COMPOUND.findall(position)}
    own_only = [w for w in own if _stem(w) not in name_stems]
    other_only = [w for w in other if _stem(w) not in position_stems]
    return bool(own_only) and bool(other_only) and len(own_only) == len(own)


def _same_place(position: str, name: str) -> bool:
    """«аким Мартукского района» is not of «акимат Актюбинской области», «глава общины Дилижан» not of «администрация
    Тавушской области»: a head's post naming its place takes the body of that kind only where the body names the same
    place (a bare «аким района» takes the one named)."""
    if not _heads_a_place(position):
        return True
    words = _COMPOUND.findall(position.split(",")[0])[1:]
    places = [w for w in words if not _lemma_set(w) & (_PLACE_UNITS | _LEVEL_WORDS)]
    own = {_stem(w) for w in _COMPOUND.findall(name)}
    return all(_stem(w) in own for w in places)


_LEVEL_WORDS = frozenset({"городской", "районный", "областной", "сельский", "муниципальный"})


def _another_qualifier(position: str, name: str) -> bool:
    """«председатель ревизионной комиссии» is not of «Счётная комиссия»: the post qualifies the kind by an adjective
    the body's name does not have, so it names another body of that kind."""
    kind = _head(name)
    body_stems = {_stem(w) for w in _COMPOUND.findall(name)}
    words = _COMPOUND.findall(position)
    for before, word in pairwise(words):
        if not _lemma_set(word) & kind or not before.islower():
            continue
        adjective = any(p.tag.POS == "ADJF" for p in loading.parse(before)[:1])
        if adjective and _stem(before) not in body_stems:
            return True
    return False


# Heads of places named for the place alone, whose office is a body of its own (мэр → мэрия); «глава» is left out:
# «глава города» heads the council as often as the administration.
_NOT_OFFICE_HEADS = frozenset({"глава"})
_CITY_WORDS = frozenset({"город", "г"})


def _office_of_place_head(
    position: str, orgs: tuple[OrganizationFinding, ...], also: bool = False
) -> tuple[str | None, str] | None:
    """(the post without the place, the office) for «мэр Токмока», «вице-мэр города Токмок», «заместитель мэра
    Кутаиси» when the text lists that place's office of the head (`membership_heads.txt`: мэрия города Токмок)."""
    first = position.split(",")[0]
    if first != position:
        return None
    words = list(_COMPOUND.finditer(first))
    heads = _heads()
    at = next(
        (k for k, m in enumerate(words) if (_lemma_set(m.group().split("-")[-1]) & heads.keys()) - _NOT_OFFICE_HEADS),
        None,
    )
    if at is None:
        return None
    kinds = {kind for h in _lemma_set(words[at].group().split("-")[-1]) for kind in heads.get(h, ())}
    rest = words[at + 1 :]
    place_heads = {h for h in _lemma_set(words[at].group().split("-")[-1]) if _heads(also=True).get(h) != heads.get(h)}
    if not rest and also and place_heads:
        # «первый заместитель мэра» with no place, linked to the council whose session they attend: the one office
        # of the head's kinds the text lists («администрация Ангарского городского округа») is theirs. (Only a
        # place's head, who heads another office too: «заместитель Премьер-министра» is no ministry's.)
        kinds |= {kind for h in place_heads for kind in _heads(also=True)[h]}
        offices = {o.name for o in orgs if _head(o.name) & kinds and not _plural_kind(o.name)}
        return (None, offices.pop()) if len(offices) == 1 else None
    bare = len(rest) >= 1 and (
        _lemma_set(rest[0].group()) & lexicons.load("position_bare_units") or rest[0].group() == "по"
    )
    if bare and not any(m.group()[:1].isupper() for m in rest):
        # «помощник хокима района по вопросам …», «заместитель хокима по вопросам …»: the place named by its bare unit
        # or not at all is the one office of that kind the text lists; the post keeps its words.
        offices = {o.name for o in orgs if _head(o.name) & kinds and not _plural_kind(o.name)}
        return (None, offices.pop()) if len(offices) == 1 else None
    place = [m.group() for m in rest if not _lemma_set(m.group()) & _CITY_WORDS]
    # «аким Ала-Букинского района» of «Ала-Букинская районная государственная администрация»: the place's unit
    # after its name is part of the place (its stem is the office's level adjective), the name capitalized.
    named = [w for w in place if not (w.islower() and _lemma_set(w) & _PLACE_UNITS)]
    if not named or not all(w[:1].isupper() for w in named):
        return None
    stems = {_stem(w) for w in place}
    # A place named in the post and in the office is sure enough to read a head's other office too, even over an
    # earlier link (the linker's «Жогорку Кенеш» for «аким Ала-Букинского района», the district's state
    # administration named): the bare «заместитель мэра» chairing a council never gets here.
    kinds |= {kind for h in _lemma_set(words[at].group().split("-")[-1]) for kind in _heads(also=True).get(h, ())}
    offices = {o.name for o in orgs if _head(o.name) & kinds and stems <= {_stem(w) for w in _COMPOUND.findall(o.name)}}
    if len(offices) != 1:
        return None
    return first[: words[at].end()], offices.pop()


# A Belarusian executive committee by its contracted kind («облисполкома», «райисполкома») and the level adjective
# of the bodies of its place («Могилёвский областной Совет депутатов» → «Могилёвский облисполком»).
_CONTRACTED_EXECUTIVE = re.compile(r"(обл|рай|гор|сель|поселк)исполком(?:а|у|ом|е)?", re.IGNORECASE)
_EXECUTIVE_LEVELS = {"обл": "областн", "рай": "районн", "гор": "городск", "сель": "сельск", "поселк": "поселков"}


def _contracted_executive(position: str, orgs: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """(the post, the executive) for «заместитель председателя облисполкома», «начальник главного управления
    землеустройства облисполкома» where the text lists no executive committee: the post names the body it serves
    (corpus-genre c02, heldout-genre-4, -14: «заместитель председателя» of «Минский облисполком»), not the council
    whose session they attend. Its place is the one place the text's bodies of that level name; none named, the kind
    alone."""
    first = position.split(",")[0]
    words = _COMPOUND.findall(first)
    if first != position or len(words) < 2 or words[0].lower() == "член":
        return None
    match = _CONTRACTED_EXECUTIVE.fullmatch(words[-1])
    # («председателя Борковичского сельисполкома» names its place: the organizations stage lists that body.)
    if match is None or not words[-2].islower():
        return None
    level = _EXECUTIVE_LEVELS[match.group(1).lower()]
    kind = f"{match.group(1).lower()}исполком"
    if any(kind in o.name.lower() or (level in o.name.lower() and "исполнительный" in o.name.lower()) for o in orgs):
        return None  # the text lists it: the earlier stages link it
    places = set()
    for org in orgs:
        named = _COMPOUND.findall(org.name)
        at = next((k for k, w in enumerate(named) if w.lower().startswith(level)), None)
        if at == 1 and _place_adjective(named[0]):
            places.add(named[0])
    if len(places) > 1:
        return None
    post = first[: first.rfind(words[-1])].rstrip()
    return post, f"{places.pop()} {kind}" if places else kind


def _contracted_kind_in_post(position: str) -> re.Match[str] | None:
    """«райисполкома» in «начальник управления по сельскому хозяйству и продовольствию райисполкома»: the post names
    the Belarusian executive committee it serves by its contracted kind, and so its level."""
    return next(
        (m for w in _COMPOUND.findall(position.split(",")[0]) if (m := _CONTRACTED_EXECUTIVE.fullmatch(w))), None
    )


def _executive_of_level(match: re.Match[str], orgs: tuple[OrganizationFinding, ...]) -> OrganizationFinding | None:
    """The one listed executive committee of the level a contracted kind names: «Молодечненский районный
    исполнительный комитет» or «Молодечненский райисполком» for «райисполкома», never the «Хожовский сельисполком»
    of a village (another level) nor the «комиссия по чрезвычайным ситуациям … райисполкома» (a commission)."""
    prefix = match.group(1).lower()
    kind, level = f"{prefix}исполком", _EXECUTIVE_LEVELS[prefix]
    found = {
        o.name: o
        for o in orgs
        if kind in _head(o.name)
        or ("комитет" in _head(o.name) and level in o.name.lower() and "исполнительн" in o.name.lower())
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _without_contracted_kind(position: str, executive: OrganizationFinding) -> str:
    """«начальник управления по сельскому хозяйству и продовольствию» of «Молодечненский районный исполнительный
    комитет»: the contracted kind closing a single post is the body linked, not repeated in the post (gold-format)."""
    words = _COMPOUND.findall(position)
    if "," in position or len(words) < 3:
        return position
    match = _CONTRACTED_EXECUTIVE.fullmatch(words[-1])
    if match is None or _executive_of_level(match, (executive,)) is None:
        return position
    return position[: position.rfind(words[-1])].rstrip()


def _executive_of_place(
    position: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None
) -> OrganizationFinding | None:
    """«первый заместитель председателя города» where the text names «хукумат города Вахдат»: the head of a place
    named by its bare unit (or their deputy) serves the one local executive body of that unit the text names."""
    words = _COMPOUND.findall(position.split(",")[0])
    if (
        len(words) < 2
        or not _lemma_set(words[-1]) & lexicons.load("position_bare_units")
        or not _lemma_set(words[-2]) & _PLACE_HEADS
    ):
        return None
    found = _executive(orgs, body)
    if found is None or not {_stem(w) for w in _COMPOUND.findall(found.name)} & {_stem(words[-1])}:
        return None
    return found


def _executive(orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None) -> OrganizationFinding | None:
    """The local executive body the text names (`membership_executives.txt`): a sub-unit's head with no body
    of their own serves it. One body of that kind, «акимат Павлодарской области», not the plural
    «акиматы городов и районов»; several different ones leave the person unlinked."""
    kinds = lexicons.load("membership_executives")
    found = [o for o in orgs if _head(o.name) & kinds and not _plural_kind(o.name)]
    if body is not None and body in found:
        return body
    if not found:
        # «Осиповичский районный исполнительный комитет» written in full: its kind, «комитет», is an assembly's
        # unit's word too (the lexicon names the contracted «райисполком»); the adjective makes it an executive.
        found = [o for o in orgs if o.listed and "комитет" in _head(o.name) and _lemmas(o.name) & {"исполнительный"}]
    return found[0] if len({o.name for o in found}) == 1 else None


def _plural_kind(name: str) -> bool:
    """«акиматы городов и районов»: a kind in another form than the singular nominative names no one body."""
    words = _WORD.findall(name)
    first = words[0].lower().replace("ё", "е") if words else ""
    kinds = lexicons.load("membership_executives")
    return bool(_lemma_set(first) & kinds) and first not in kinds


# The head of a place («глава города», «председатель района») and the units a place post names.
_PLACE_HEADS = frozenset({"глава", "председатель", "мэр", "аким", "хоким"})
_PLACE_UNITS = frozenset({"город", "район", "область", "округ", "село", "поселение", "община"})


def _heads_a_place(position: str | None) -> bool:
    """«глава города Мончегорска», «председатель города»: the head of a place with no body named."""
    first = (position or "").split(",")[0]
    words = _COMPOUND.findall(first)
    return (
        len(words) >= 2
        and bool(_lemma_set(words[0]) & _PLACE_HEADS)
        # «глава Сосновоборского городского округа»: the unit may follow two adjectives of the place.
        and any(_lemma_set(w) & _PLACE_UNITS for w in words[1:4])
    )


def _place_head_by_unit(position: str | None) -> str | None:
    """«хоким района», «аким области»: the head of a place named by its bare unit, one post alone; the head's word,
    else None. (Not «глава района», who in Russia's districts may be the council's own chair.)"""
    words = _COMPOUND.findall(position or "")
    if len(words) != 2 or "," in (position or "") or not _lemma_set(words[1]) & _PLACE_UNITS:
        return None
    return words[0] if _lemma_set(words[0]) & (_PLACE_HEADS - {"глава", "председатель"}) else None


def _deputy_head(position: str | None) -> bool:
    """«заместитель акима области», «первый заместитель мэра»: a deputy of a place's head, with no body named;
    chairing a council's meeting (under their chairmanship, «под председательством»), they are its chair."""
    words = _COMPOUND.findall((position or "").split(",")[0].lower())
    at = next((k for k, w in enumerate(words[:2]) if _lemma_set(w) & DEPUTY_HEADS), None)
    return at is not None and at + 1 < len(words) and bool(_lemma_set(words[at + 1]) & _PLACE_HEADS)


def _deputy_of_named_place(position: str | None) -> bool:
    """«заместитель Главы Северодвинска по финансово-экономическим вопросам»: a deputy of the head of a place the post
    names serves the place's office (its administration), not the council whose hearing or session they chair
    (heldout-genre-5, -20: «заместитель главы города по ЖКХ» of the city's administration)."""
    first = (position or "").split(",")[0]
    words = _COMPOUND.findall(first)
    at = next((k for k, w in enumerate(words[:2]) if _lemma_set(w.lower()) & DEPUTY_HEADS), None)
    return (
        _deputy_head(position)
        and at is not None
        and any(w[:1].isupper() and not w.isupper() for w in words[at + 2 : at + 4])
    )
