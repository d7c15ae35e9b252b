"""Membership: the members of the body holding the meeting represent it.

At a maslikhat's session «депутат», «председатель постоянной комиссии по бюджету» and «секретарь
областного маслихата» stand for the maslikhat even where the text names it only once, in the title.
The body holding the meeting is the organization that meets (`membership_bodies.txt`: маслихат, кенеш,
дума, палата, правление …) named most often, the meeting's own body first. A person the earlier stages
linked to no organization takes, in this order:
- the body their position names by its kind: «начальник финансового отдела райисполкома» → «Мядельский
  райисполком», «секретарь областного маслихата» → the maslikhat;
- the body a head's title stands for (`membership_heads.txt`: аким → акимат, мэр → мэрия);
- the body holding the meeting, when the position is a member's role (`membership_roles.txt`: депутат,
  член, комиссия …).
A deputy the earlier stages linked to a body that is no assembly (their party, in brackets by the name)
is looked up the same way: the party is an affiliation, the assembly is where the deputy sits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.components.extensions import doc_text, sentence_of
from models.grammars.organizations import legal_phrases
from pipelines import reranking
from pipelines.findings import Findings, MeetingFinding, OrganizationFinding, PersonFinding
from pipelines.layouts import detect_layout, find_sections
from pipelines.normalize import inflect_token, nominative
from pipelines.person_names import fold
from pipelines.stages.positions import (
    DEPUTY_HEADS,
    another_remit,
    unit_kept_in_post,
    with_party,
    without_body,
    without_organ_owner,
)

_WORD = re.compile(r"[А-Яа-яЁё]+")
_COMPOUND = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
# Roles of a seat in an assembly (a «член» may be a party's member: not one of them).
_SEATED = frozenset({"депутат", "комиссия", "фракция", "торага"})
# Sub-units of an executive body whose head a post names («начальник управления образования»).
# Units of an assembly («комитет по бюджету», «постоянная комиссия») at the assembly's own meeting.
_ASSEMBLY_UNITS = frozenset({"комитет", "комиссия"})
_UNITS = frozenset({"управление", "отдел", "департамент", "сектор"})
_KINDS_IN_POST = frozenset({"администрация", "правительство"})
_EXECUTIVE_WORDS = frozenset({"исполнительный"})


@lru_cache(maxsize=50_000)
def _lemma_set(word: str) -> frozenset[str]:
    """Every dictionary form a word may have: pymorphy's first guess for «маслихата» is «маслихата»."""
    lower = word.lower().replace("ё", "е")
    return frozenset({lower} | {p.normal_form.replace("ё", "е") for p in loading.parse(lower)})


def _lemmas(text: str) -> set[str]:
    return {form for w in _WORD.findall(text) for form in _lemma_set(w)}


@lru_cache(maxsize=50_000)  # asked of every body for every person: persons × bodies in a long document
def _head(name: str) -> frozenset[str]:
    """The kind of body a name is: its first noun («Северо-Казахстанский областной маслихат» → маслихат)."""
    before_quote, _, quoted = name.partition("«")
    words = _COMPOUND.findall(before_quote)
    if quoted and words and all(w.isupper() for w in words):
        # «ОГБУЗ «Братский областной психоневрологический диспансер»»: a legal form's abbreviation is no kind; the
        # quoted name's noun is (a post names the body by it: «заведующая отделением диспансера»).
        return _lemma_set(words[-1]) | _head(quoted.rstrip("»"))
    for k, compound in enumerate(words):
        # «Северо-Казахстанский»: a compound is the part of speech of its last part.
        word = compound.split("-")[-1]
        parses = loading.parse(word.lower())
        if k == 0 and len(words) > 2 and word == compound and not any(p.is_known for p in parses):
            # «Генгеш Саятского этрапа», «Сакребуло Тетрицкаройского муниципалитета»: a word of the state language
            # the dictionary does not know, before a word that can only be genitive, is the body's kind (an
            # adjective would agree with a nominative after it: «Костанайский городской маслихат»).
            following = loading.parse(words[1].split("-")[-1].lower())
            if following and all(p.tag.case in ("gent", "accs") for p in following):
                return _lemma_set(word)
        if k + 1 < len(words) and (any(p.tag.POS == "ADJF" for p in parses) or _place_adjective(compound)):
            continue  # «Тверская городская Дума»: a place's adjective that names a street too is no kind
        if any(p.tag.POS == "NOUN" for p in parses) and not all(p.tag.POS == "ADJF" for p in parses[:1]):
            following = _lemma_set(words[k + 1]) if k + 1 < len(words) else frozenset()
            if k == 0 and not any(p.is_known for p in parses) and following & lexicons.load("membership_bodies"):
                return following  # «Жогорку Кенеш»: a word of the state language qualifies the kind after it
            return _lemma_set(word)
    return frozenset()


# «Жирмунский», «Вороновский»: a place's adjective the dictionary reads as a surname (a noun) by its ending.
_PLACE_ADJECTIVE_ENDINGS = ("ский", "цкий", "ская", "цкая", "ское", "цкое", "ской", "цкой")


def _place_adjective(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(_PLACE_ADJECTIVE_ENDINGS)


def holding_body(findings: Findings, text: str = "") -> OrganizationFinding | None:
    """The body holding the meeting: one the meeting's title names by its kind, else the one the document's opening
    sentence (a heading, a dateline's lead) names, else the one named most often."""
    bodies = lexicons.load("membership_bodies")
    # A title without a body of its own («сессия Северо-Казахстанского областного маслихата») still names it.
    meeting_body = _lemmas(findings.meeting.body or findings.meeting.title or "")
    # «совет депутатов Сосновоборского городского округа»: the meeting's own body may be named in lower case.
    own_body = findings.meeting.body
    candidates = [
        o for o in findings.organizations if _head(o.name) & bodies and (o.name[:1].isupper() or o.name == own_body)
    ]
    if not candidates:
        return None

    def rank(org: OrganizationFinding) -> tuple[bool, bool, bool, int, int]:
        own = bool(_head(org.name) & meeting_body)
        # «заседание территориальной избирательной комиссии Кизлярского района» under a site's heading naming the
        # republic's commission: the body the title names in full (its kind and whose it is) is the one meeting.
        titled = org.name == own_body and len(_COMPOUND.findall(org.name)) >= 3
        first = min((m.start for m in org.mentions), default=0)
        return (own, titled, bool(text) and _in_heading(org, text), len(org.mentions), -first)

    return max(candidates, key=rank)


@lru_cache(maxsize=2)
def _heads(also: bool = False) -> dict[str, frozenset[str]]:
    """A head's title → the kinds of office they head; with `also`, the other kinds a title may head too
    (`membership_heads_also.txt`: a Russian mayor's администрация), for a person linked to no body."""
    heads: dict[str, set[str]] = {}
    for name in ("membership_heads", "membership_heads_also") if also else ("membership_heads",):
        for entry in lexicons.load(name):
            title, body = entry.split("|")
            heads.setdefault(title.strip(), set()).add(body.strip())
    return {title: frozenset(bodies) for title, bodies in heads.items()}


def _most_named(orgs: list[OrganizationFinding], body: OrganizationFinding | None) -> OrganizationFinding | None:
    if not orgs:
        return None
    if body is not None and body in orgs:
        return body
    return max(orgs, key=lambda o: (len(o.mentions), -min((m.start for m in o.mentions), default=0)))


def represented(
    position: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None, also: bool = False
) -> OrganizationFinding | None:
    """The body a post stands for. With `also`, a head's title takes the other kinds of office it may head
    (`membership_heads_also.txt`)."""
    words = _lemmas(position)
    # («председатель комитета по бюджету» is not of «Комитет по градостроительной деятельности».)
    named = [
        o
        for o in orgs
        if o.name[:1].isupper()
        and _head(o.name) & words
        and not another_remit(position, o.name)
        and not _another_qualifier(position, o.name)
        and not _another_named_place(position, o.name)
    ]
    by_kind = _most_named(named, body)
    if by_kind is not None:
        return by_kind
    if body is not None and body not in orgs and _head(body.name) & words:
        # «председатель муниципалитета», «бухгалтер муниципалитета»: the holding body a title or post named.
        return body
    kinds = {kind for w in words for kind in _heads(also=also).get(w, ())}
    headed = _most_named([o for o in orgs if _head(o.name) & kinds and _same_place(position, o.name)], body)
    if headed is not None:
        return headed
    if body is not None and words & lexicons.load("membership_roles") and not _commission_of_a_level(position):
        return body
    # «Советник Людмила Мунтяну» at a municipal council's session: a councillor of Moldova's and Romania's councils,
    # not an adviser (who names the office advised: «советник министра»).
    councillor = "советник" in words and len(_COMPOUND.findall(position)) == 1
    if body is not None and councillor and "совет" in _head(body.name):
        return body
    if body is not None and _assembly_unit(position, None):
        # «председатель комитета» with no body or place named: a unit of the assembly holding the meeting.
        return body
    if words & _UNITS:
        return _executive(orgs, body)
    return _executive_of_place(position, orgs, body)


# The levels a commission of its own is named by («областная избирательная комиссия», «территориальная …»); an
# assembly's standing commission is «постоянная», not a place's.
_LEVEL_STEMS = ("областн", "районн", "городск", "территориальн", "участков", "окружн", "краев", "республиканск")
# An election commission is a body of its own at any level («председатель избирательной комиссии Аскар
# Сакипкереев» opening a maslikhat's first session, real Kazakh reports): no assembly has one as its unit.
_OWN_COMMISSION_STEMS = (*_LEVEL_STEMS, "избирательн")


def _commission_of_a_level(position: str) -> bool:
    """«председатель областной избирательной комиссии» at the maslikhat's first session: a commission named by a
    place's level is a body of its own, no unit of the assembly."""
    words = [w.lower() for w in _WORD.findall(position)]
    return any(
        "комиссия" in _lemma_set(word) and any(w.startswith(_OWN_COMMISSION_STEMS) for w in words[max(0, k - 2) : k])
        for k, word in enumerate(words)
    )


def _capitalized_after_first(text: str) -> list[str]:
    """The capitalized words after the first (places, names), without abbreviations («ЗКО» stands for a spelled-out
    region)."""
    return [w for w in _COMPOUND.findall(text)[1:] if w[:1].isupper() and not w.isupper()]


def _another_named_place(position: str, name: str) -> bool:
    """«глава исполнительной власти Баку» is not of «Исполнительная власть Сураханского района» (a real Azerbaijani
    report): the post and the body each name a place of their own, and neither names the other's."""
    own, other = _capitalized_after_first(position.split(",")[0]), _capitalized_after_first(name)
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


# Units a head of a place is named for, bare («председателя города», «главы района»).
_BARE_UNITS = frozenset({"город", "район", "область", "округ"})


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
    bare = len(rest) >= 1 and (_lemma_set(rest[0].group()) & _BARE_UNITS or rest[0].group() == "по")
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


def _executive_of_place(
    position: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None
) -> OrganizationFinding | None:
    """«первый заместитель председателя города» where the text names «хукумат города Вахдат»: the head of a place
    named by its bare unit (or their deputy) serves the one local executive body of that unit the text names."""
    words = _COMPOUND.findall(position.split(",")[0])
    if len(words) < 2 or not _lemma_set(words[-1]) & _BARE_UNITS or not _lemma_set(words[-2]) & _PLACE_HEADS:
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
    return found[0] if len({o.name for o in found}) == 1 else None


def _plural_kind(name: str) -> bool:
    """«акиматы городов и районов»: a kind in another form than the singular nominative names no one body."""
    words = _WORD.findall(name)
    first = words[0].lower().replace("ё", "е") if words else ""
    kinds = lexicons.load("membership_executives")
    return bool(_lemma_set(first) & kinds) and first not in kinds


def sits_elsewhere(position: str, organization: str, body: OrganizationFinding | None) -> bool:
    """A deputy (or a standing commission's chair) linked to a body that is no assembly («Депутат Егоров
    («Единая Россия»)», «фракция «Мекенчил»»): the party is their affiliation; the assembly holding the
    meeting is where they sit."""
    if body is None or organization == body.name:
        return False
    # «советник Виорел Кожокару (Партия …)»: a Moldovan council's member is its «советник» (consilier), the post bare.
    councillor = _lemmas(position.split(",")[0]) == {"советник"} and "совет" in _lemmas(body.name)
    if not (_lemmas(position) & _SEATED or councillor):
        return False
    if "," in position and not _lemmas(position.split(",")[-1]) & (_SEATED | lexicons.load("membership_roles")):
        # «член комиссии, ректор Северо-Кавказской государственной академии»: the body follows the member's own
        # post, named last; the seat in the commission is a role beside it.
        return False
    return not _lemmas(organization) & lexicons.load("membership_bodies")


def _stem(word: str) -> str:
    lower = word.lower().replace("ё", "е")
    if len(lower) <= 5 and lower.isalpha():
        # «Думы» / «Дума», «Рады» / «Рада»: five letters of a short word hold its ending; its dictionary form does not.
        parses = loading.parse(lower)
        lower = parses[0].normal_form.replace("ё", "е") if parses else lower
    return lower[:5]


def _office_staff(words: list[str]) -> bool:
    """«аппарат акима Толебийского сельского округа», «секретариат президента»: the staff of an office named after
    it is a body of its own (`org_office_staffs.txt`), not a unit."""
    if len(words) < 2 or not _lemma_set(words[0]) & lexicons.load("org_office_staffs"):
        return False
    return any(_lemma_set(w) & lexicons.load("org_office_holders") for w in words[1:4])


@lru_cache(maxsize=50_000)  # asked of every body for every person
def _is_subunit(name: str) -> bool:
    """«комитет по бюджету и финансам», «постоянная комиссия …», «Отделение …»: a unit of some body. A named
    body («Евразийская экономическая комиссия», «Следственный комитет») begins with a capital adjective."""
    units = lexicons.load("org_subunits") | lexicons.load("position_subunits")
    if _office_staff(_COMPOUND.findall(name)):
        return False
    words = _COMPOUND.findall(name.split("«")[0])
    for k, word in enumerate(words):
        if _lemma_set(word) & units:
            return True
        adjective = any(p.tag.POS in ("ADJF", "ADJS") for p in loading.parse(word.lower()))
        if not adjective or (k == 0 and word[:1].isupper() and not _assembly_unit_kind(words)):
            return False
    return False


def _assembly_unit_kind(words: list[str]) -> bool:
    """«Постоянная комиссия …», «Постоянный комитет …»: an assembly's unit named by its rank, capitalised where the
    name opens a sentence, is still a unit (unlike «Евразийская экономическая комиссия»)."""
    return (
        len(words) > 1
        and bool(_lemma_set(words[0]) & lexicons.load("org_unit_kinds"))
        and bool(_lemma_set(words[1]) & _ASSEMBLY_UNITS)
    )


def _post_with_unit(position: str | None, unit: str | None, key: str) -> str | None:
    """The post with the unit it serves in, unless the post names the unit already (by its `key` word's stem)."""
    post = position or ""
    if unit and key[:5] not in post.lower():
        post = f"{post} {unit}".strip()
    return post or None


def _unit_of_meeting_executive(
    unit: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None, meeting_words: set[str]
) -> str | None:
    """The local executive body holding the meeting («заседание акимата области»), for a unit of an executive
    (`_UNITS`) whose own body the text does not name."""
    words = _COMPOUND.findall(unit)
    if not words or not _lemma_set(words[0]) & _UNITS:
        return None
    executive = _executive(orgs, body)
    if executive is None or not _head(executive.name) & meeting_words:
        return None
    return executive.name


def _unit_in_post(unit: str) -> str | None:
    """«управление энергетики и ЖКХ Атырауской области» → «управления энергетики и ЖКХ»: the unit's kind in the
    genitive, its remit kept, its place (the executive's) left out."""
    kind, _, rest = unit.partition(" ")
    parses = [p for p in loading.parse(kind.lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    form = parses[0].inflect({"gent", "sing"}) if parses else None
    if form is None:
        return None
    remit = []
    for word in rest.split():
        if word[:1].isupper():
            break
        remit.append(word)
    return " ".join([form.word, *remit])


def _described_unit(name: str) -> str | None:
    """«Финансовое управление Администрации города Пскова» → «финансового управления»: a unit of an executive body
    (`_UNITS`) named by its adjectives, its parent after it; the unit in the genitive a post takes, else None."""
    words = _COMPOUND.findall(name.split("«")[0])
    for k, word in enumerate(words):
        parses = loading.parse(word.lower())
        if not parses:
            return None
        if parses[0].tag.POS == "ADJF":
            continue
        if k == 0 or not _lemma_set(word) & _UNITS or k + 1 >= len(words):
            return None
        forms = []
        for adjective in words[: k + 1]:
            parse = next((p for p in loading.parse(adjective.lower()) if p.tag.case == "nomn"), None)
            form = parse.inflect({"gent"}) if parse is not None else None
            if form is None:
                return None
            forms.append(form.word)
        return " ".join(forms)
    return None


def parent_body(unit: str, orgs: tuple[OrganizationFinding, ...]) -> OrganizationFinding | None:
    """The body a unit's name names in its genitive tail, when the text names that body apart: «комиссия …
    Законодательного собрания Ленинградской области» → «Законодательное собрание Ленинградской области»,
    «комитет по ЖКХ администрации района» → «администрация Ханты-Мансийского района» (the top-level body a
    person represents; the unit stays in the post)."""
    # «Комитет Жогорку Кенеша по аграрной политике»: the body may stand before the unit's remit too.
    for words in (_COMPOUND.findall(unit), _COMPOUND.findall(unit.split(" по ")[0])):
        for i in range(1, len(words)):
            tail = {_stem(w) for w in words[i:]}
            for org in orgs:
                own = _COMPOUND.findall(org.name)
                if org.name == unit or not own or _stem(own[0]) != _stem(words[i]) or _is_subunit(org.name):
                    continue
                stems = {_stem(w) for w in own}
                # The body's own name in the genitive, or its kind named bare («администрации района»).
                if tail == stems or (words[i].islower() and tail <= stems):
                    return org
    return _parent_by_level(unit, orgs)


def _parent_by_level(unit: str, orgs: tuple[OrganizationFinding, ...]) -> OrganizationFinding | None:
    """«постоянная комиссия областного Кенгаша по аграрным вопросам» → «Джизакский областной Кенгаш народных
    депутатов»: the body named in the unit's genitive tail by its level and kind alone, in small letters, is the one
    listed body of that kind whose name has those words (its place's adjective before them)."""
    words = _COMPOUND.findall(unit.split(" по ")[0])
    kind = next((k for k, w in enumerate(words) if k > 0 and _lemma_set(w) & lexicons.load("membership_bodies")), None)
    if kind is None or not all(w.islower() for w in words[:kind]):
        return None
    level = kind - 1 if kind > 1 and _lemma_set(words[kind - 1]) & lexicons.load("org_levels") else kind
    if level == kind or kind + 1 < len(words):
        return None  # «комиссия Кенгаша», «комиссия областного Кенгаша народных депутатов»: other shapes
    tail = {_stem(w) for w in words[level:]}
    found = {
        o.name: o
        for o in orgs
        if o.name != unit
        and not _is_subunit(o.name)
        and _head(o.name) & _lemma_set(words[kind])
        and tail <= {_stem(w) for w in _COMPOUND.findall(o.name)}
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _parent_in_unit_name(doc: Doc, unit: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«Комитет Совета Федерации по социальной политике» → «Совет Федерации», «Постоянная комиссия Палаты
    представителей по образованию» → «Палата представителей»: an assembly's unit (комитет, комиссия) named with its
    body, by capitalised words in the genitive right after the unit's kind (before its remit), in any of the unit's
    mentions; the body in the nominative. Not a place («комитет Ленинградской области» is the region's)."""
    org = next((o for o in orgs if o.name == unit), None)
    for mention in org.mentions if org is not None else ():
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        kind = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None) if span is not None else None
        if kind is None or not _lemma_set(kind.text) & _ASSEMBLY_UNITS or kind.i + 1 >= span.end:
            continue  # «Отделение Социального фонда России по Самарской области» is a body of its own
        first = doc[kind.i + 1]
        if not first.text[:1].isupper() or not first.is_alpha or first.ent_type_ == "LOC":
            continue
        if "Gen" not in first.morph.get("Case"):
            continue
        end = next((t.i for t in doc[first.i : span.end] if t.lower_ == "по"), span.end)
        name = nominative(doc[first.i : end]).strip(" ,")
        if name and not _is_subunit(name):
            return name[:1].upper() + name[1:]
    return None


def _body_after_unit(doc: Doc, unit: str, orgs: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """A unit listed together with the body it belongs to («территориальный отдел Управления Роспотребнадзора по
    Кемеровской области»): in one of its mentions, a capitalised kind of body (`org_heads`) in the genitive after
    the unit's own words opens the body; (the unit as the text words it, the body in the nominative)."""
    org = next((o for o in orgs if o.name == unit), None)
    heads = lexicons.load("org_heads")
    for mention in org.mentions if org is not None else ():
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        for token in span[1:]:
            if token.text[:1].isupper() and "Gen" in token.morph.get("Case") and _lemma_set(token.text) & heads:
                own = doc[span.start : token.i]
                # «Управление МВД России по области»: a unit's word alone is the body's own regional office.
                if len(own) < 2 or not any(_lemma_set(t.text) & lexicons.load("org_subunits") for t in own):
                    break
                body = nominative(doc[token.i : span.end]).strip()
                return (own.text, body) if len(_COMPOUND.findall(body)) > 1 else None
    return None


def _listed_body_after_unit(
    doc: Doc, person: PersonFinding, orgs: tuple[OrganizationFinding, ...]
) -> tuple[str, str] | None:
    """A unit the organizations stage did not list, whose words run straight into a listed body's mention in the
    person's title («начальник Ишимского межрайонного отдела | Управления Росреестра по Тюменской области»): (the
    unit as the title words it, that body)."""
    unit = person.organization or ""
    words = _COMPOUND.findall(unit)
    if any(o.name == unit for o in orgs) or not any(_lemma_set(w) & lexicons.load("org_subunits") for w in words):
        return None
    stems = [_stem(w) for w in words]
    for mention in person.mentions:
        for org in orgs:
            for body in org.mentions:
                if not 0 <= mention.start - body.end <= 8:  # the title ends at the body, the name follows
                    continue
                window = doc_text(doc)[max(0, body.start - 80) : body.start]
                before = list(_COMPOUND.finditer(window))[-len(stems) :]
                if [_stem(m.group()) for m in before] == stems:
                    return window[before[0].start() : before[-1].end()], org.name
    return None


def _meeting_of_unit(meeting: MeetingFinding) -> bool:
    """«заседание комитета», «заседание постоянной комиссии»: the meeting is held by a unit of an assembly."""
    words = _COMPOUND.findall(meeting.body or meeting.title or "")
    kinds = [w for w in words if _lemma_set(w) & (lexicons.load("membership_bodies") | _ASSEMBLY_UNITS)]
    return bool(kinds) and bool(_lemma_set(kinds[0]) & _ASSEMBLY_UNITS)


def _with_unit_remit(position: str | None, unit: str) -> str | None:
    """«председатель комитета» of «Комитет по социальной политике» → «председатель комитета по социальной
    политике»: when the body becomes the person's organization, the unit stays in the post (gold-format)."""
    kind, _, remit = unit.partition(" по ")
    words = _COMPOUND.findall(position or "")
    # «комиссия по бюджету Законодательного собрания»: a remit naming the body is left to the body.
    if any(w[:1].isupper() and not w.isupper() for w in _COMPOUND.findall(remit)):
        return position
    kind_words = _COMPOUND.findall(kind)
    if not remit or not words or " по " in (position or "") or not kind_words:
        return position
    # «комитет Законодательного Собрания Тверской области по аграрной политике»: the body named between the kind
    # and its remit is the organization; the kind and the remit are the post's.
    if len(kind_words) > 1 and not kind_words[1][:1].isupper():
        return position
    if not _lemma_set(words[-1]) & _lemma_set(kind_words[0]) & _ASSEMBLY_UNITS:
        return position
    return f"{position} по {remit}"


@lru_cache(maxsize=50_000)  # `body_in_post` reads every body's words for every person: once per name
def _body_words(name: str) -> tuple[list[str], list[str]] | None:
    """A body's words before its quoted name and their stems; None for a unit or a name of fewer than three words."""
    own = _COMPOUND.findall(name.split("«")[0])
    if len(own) < 3 or _is_subunit(name):
        return None
    return own, [_stem(w) for w in own]


def body_in_post(position: str, orgs: tuple[OrganizationFinding, ...]) -> tuple[str, OrganizationFinding] | None:
    """A body of the text the post names by part of its name: «главный специалист аппарата акима сельского округа»
    → (главный специалист, «аппарат акима Толебийского сельского округа»); «аким Толебийского сельского округа
    Шуского района» with «аппарат акима Толебийского сельского округа» named → (аким, that office's staff). The
    post keeps what stands before the body (gold-format: the organization is not repeated in the position)."""
    matches = list(_COMPOUND.finditer(position))
    words = [m.group() for m in matches]
    stems = [_stem(w) for w in words]
    for org in orgs:
        named = _body_words(org.name)
        if named is None:
            continue
        own, own_stems = named
        for i in range(1, len(words) - 1):
            # The body by its kind and some of its words: «аппарата акима сельского округа».
            tail = stems[i:]
            # «заместитель главы администрации по экономике»: a remit is the post's, and a head named by the kind
            # of the body keeps the kind (`positions._KINDS_IN_POST`).
            if "по" in tail or _lemma_set(words[i]) & _KINDS_IN_POST:
                continue
            if words[i].islower() and tail[0] == own_stems[0] and set(tail) <= set(own_stems) and len(tail) >= 3:
                return position[: matches[i].start()].rstrip(" ,"), org
        if _office_staff(own) and [w[:4] for w in stems[: len(own) - 1]] == [w[:4] for w in own_stems[1:]]:
            # The office holder's own post with the office's place: «аким Толебийского сельского округа».
            rest = position[matches[len(own) - 2].end() :].strip()
            post = words[0] if not rest.startswith("по ") else f"{words[0]} {rest}"
            return post, org
    return None


def _assembly_unit(unit: str, position: str | None) -> bool:
    """«комитет по бюджету и финансам» with no body or place named: at the assembly's own meeting, its unit.
    «Комитет по здравоохранению Ленинградской области» names a body of the region's government (the unit's
    first word may be capitalized where its name opens a heading)."""
    if any(w[:1].isupper() for w in _COMPOUND.findall(f"{unit} {position or ''}")[1:]):
        return False
    kind = _lemmas(unit.split(" по ")[0])
    # «председатель районного исполнительного комитета»: a body of a place's level, or an executive, is a body of
    # its own, not a unit of the assembly meeting.
    return bool(kind & _ASSEMBLY_UNITS) and not kind & (lexicons.load("org_levels") | _EXECUTIVE_WORDS)


def run(doc: Doc, findings: Findings) -> Findings:
    # Bodies a post named whole («торага Нариманского айылного кенеша») are the text's bodies too, though the
    # organizations stage did not list them.
    # (Not a short form of a listed body: «Совет депутатов» stands for the listed «Мядельский районный Совет
    # депутатов».)
    listed = findings.organizations
    names = {o.name for o in listed}
    carried = dict.fromkeys(
        p.organization
        for p in findings.persons
        if p.organization and p.organization not in names and _named_in_full(p.organization, listed) is None
    )
    titled = _body_of_title(doc, findings.meeting, listed)
    if titled is not None:
        titled = _letterhead_of_kind(doc_text(doc), titled) or titled
    if titled is not None and titled not in carried:
        # «очередное заседание Лянкяранского городского муниципалитета», the body listed nowhere else: the meeting's
        # title names the body its members represent.
        carried[titled] = None
    with_carried = listed + tuple(OrganizationFinding(name) for name in carried)
    orgs = listed
    body = holding_body(replace(findings, organizations=with_carried), doc_text(doc))
    # The meeting is the body's own («заседание Думы»), or one of its committee's («заседание комитета»): its
    # committees are the body's.
    meeting_words = _lemmas(findings.meeting.body or findings.meeting.title or "")
    own = body is not None and bool(_head(body.name) & meeting_words or _meeting_of_unit(findings.meeting))
    persons = []
    findings = replace(findings, persons=tuple(_elected_member(doc, p) for p in findings.persons))
    owner = _parent_of_meeting(doc, findings) or _letterhead_owner(doc_text(doc), findings.organizations)
    if owner is not None:
        # «заседание учёного совета Алтайского государственного университета»: the posts of the people with no
        # body of their own (professors, vice-rectors, a commission's secretary) are the university's; so are the
        # council's own officers («секретарь совета», «председатель правления»), linked to the council.
        findings = replace(
            findings,
            persons=tuple(
                _with_council_owner(p, owner, findings.meeting.body)
                if p.organization is not None
                and (_own_council(p.organization) or _council_of(p.organization, owner, findings.meeting.body))
                and not _head(owner) & _OWNING_PLACES
                else _with_owner(p, owner)
                if p.position and (p.organization is None or _bare_unit(p.organization))
                else replace(p, organization=owner)
                if p.organization is not None and _kind_of_owner(p.organization, owner)
                else replace(p, organization=owner)
                if _post_names_owner(p, owner)
                else p
                for p in findings.persons
            ),
        )
    owner_of_councils = owner if owner is not None and not _head(owner) & _OWNING_PLACES else None
    meeting_org = next((o for o in orgs if findings.meeting.body and o.name == findings.meeting.body), None)
    # The body the document's heading names (before its first sentence ends) holds the meeting too.
    headed = own or (body is not None and _in_heading(body, doc_text(doc)))
    commission = _meeting_commission(findings.meeting, orgs)
    members_body = _members_meeting_body(findings.meeting, orgs, body)
    invited = [(sec.start, sec.end) for sec in find_sections(doc_text(doc)) if sec.kind == "invited"]
    # A стенограмма of the body's meeting: its members speak by name alone, the chair calling them by first name.
    transcript_body = _assembly_of(body, orgs, doc) if headed and detect_layout(doc_text(doc)) == "transcript" else None
    for person in findings.persons:
        if commission is not None and _of_commission(person, commission):
            # «заместитель главы администрации города, председатель комиссии» at the meeting of the commission on
            # minors' affairs of the city's administration: at its own meeting the commission's officers and staff
            # stand for the commission, a collegial body of its own (the post keeps their office).
            # (The commission named whole in a single post is not repeated: «председатель Избирательной комиссии
            # Оренбургской области» → «председатель»; stacked posts keep their office's place, «первый заместитель
            # главы округа, председатель КЧС и ОПБ».)
            single = "," not in (person.position or "")
            position = without_body(person.position, commission.name) if single else person.position
            persons.append(replace(person, organization=commission.name, position=position))
            continue
        if (
            headed
            and body is not None
            and person.role == "chair"
            and (
                (_heads_a_place(person.position) and _same_place(person.position or "", body.name))
                or (person.organization is None and _deputy_head(person.position))
            )
        ):
            # «Председательствует Глава города Мончегорска»: the chair of the council's session who heads the
            # place belongs to the body holding the meeting (the place keeps its post). Not a body of another place:
            # «под председательством акима Ала-Букинского района» does not chair the parliament one guest sits in.
            persons.append(replace(person, organization=body.name))
            continue
        executive = _contracted_executive(person.position, orgs) if person.position else None
        if executive is not None:
            persons.append(replace(person, position=executive[0], organization=executive[1]))
            continue
        kept = unit_kept_in_post(person.position, orgs)
        if kept is not None:
            # «руководитель управления финансов Мангистауской области», the unit named nowhere else, stays the post's;
            # at the executive's own meeting the unit is the executive's (`_unit_of_meeting_executive`).
            post, unit = kept
            executive = _unit_of_meeting_executive(unit, orgs, body, meeting_words)
            if executive is not None:
                position = _post_with_unit(post, _unit_in_post(unit), unit.split()[0])
                person = replace(person, organization=executive, position=position)
            persons.append(person)
            continue
        named = body_in_post(person.position, orgs) if person.position else None
        if named is not None:
            person = replace(person, position=named[0], organization=named[1].name)
        if person.organization is not None and _is_subunit(person.organization):
            parent = parent_body(person.organization, orgs)
            if parent is None and own and _assembly_unit(person.organization, person.position):
                # «председатель комитета» of «Комитет по социальной политике» at the committee's meeting.
                position = _with_unit_remit(person.position, person.organization)
                person = replace(person, organization=body.name, position=position)
            elif parent is not None:
                # (The post keeps the text's «председатель комитета»: a parliament's committee named with its remit in
                # the heading is not repeated in its chair's post.)
                person = replace(person, organization=parent.name)
            elif (named_parent := _parent_in_unit_name(doc, person.organization, orgs)) is not None:
                # «Комитет Совета Федерации по социальной политике» with the council not listed apart: the unit's
                # own name names the body its members represent.
                person = replace(person, organization=named_parent)
            elif (executive := _unit_of_meeting_executive(person.organization, orgs, body, meeting_words)) is not None:
                # «руководитель управления энергетики … Атырауской области» at the akimat's own meeting: the unit of
                # the place is the akimat's; the unit stays in the post.
                unit = _unit_in_post(person.organization)
                position = _post_with_unit(person.position, unit, unit.split()[0] if unit else "")
                person = replace(person, organization=executive, position=position)
        elif person.organization is not None and (unit := _described_unit(person.organization)) is not None:
            parent = parent_body(person.organization, orgs)
            if parent is not None:
                # «начальник» of «Финансовое управление Администрации города Пскова» → «начальник финансового
                # управления» of the administration: a unit named with its body stays in the post.
                position = _post_with_unit(person.position, unit, unit.split()[-1] if unit else "")
                person = replace(person, organization=parent.name, position=position)
        if person.organization is not None and (split := _body_after_unit(doc, person.organization, orgs)) is not None:
            # «начальник Новокузнецкого территориального отдела Управления Роспотребнадзора по Кемеровской области»,
            # listed as one: the unit stays in the post, the body after it is the one represented.
            unit, parent_name = split
            position = _post_with_unit(person.position, unit, unit.split()[-1])
            person = replace(person, organization=parent_name, position=position)
        if person.organization is not None and (apart := _listed_body_after_unit(doc, person, orgs)) is not None:
            # The same, the body listed apart from its unit.
            unit, parent_name = apart
            position = _post_with_unit(person.position, unit, unit.split()[-1])
            person = replace(person, organization=parent_name, position=position)
        own_office = (
            _office_of_place_head(person.position, orgs, also=person.role not in _OFFICERS) if person.position else None
        )
        if own_office is not None and own_office[0] is None:
            if person.organization is not None and person.organization != own_office[1]:
                # «помощник хокима по вопросам …» linked to a project they spoke of: the one хокимият listed.
                person = replace(person, organization=own_office[1])
        elif own_office is not None:
            # «мэр Токмока» linked to «Токмок», «мэр Гюмри» to a party of Гюмри: the head of a place serves the
            # place's own office of that head the text names («мэрия города Токмок»); the post drops the place, also
            # where the earlier stages linked the office already («аким Шымкента» of «акимат города Шымкент»).
            person = replace(person, position=own_office[0], organization=own_office[1])
        if person.position and (
            person.organization is None or sits_elsewhere(person.position, person.organization, body)
        ):
            # (The meeting's chair or secretary, «заместитель мэра» chairing a council, is the council's officer
            # before an office their title may head: `_OFFICERS` below.)
            found = represented(person.position, orgs, body, also=person.role not in _OFFICERS)
            if found is not None:
                # «мэр города Ош» linked to «мэрия города Ош»: the post drops the place the body names.
                position = with_party(without_body(person.position, found.name) or "", person.organization)
                if found not in orgs:
                    # «председатель муниципалитета» of the body the title named: its kind is not repeated in the post.
                    position = _without_kind(position, found.name) or position
                # «первый заместитель председателя комитета» of «Комитет Государственной Думы по охране здоровья»:
                # the unit's parent body named apart is the one represented; the unit stays in the post.
                parent = parent_body(found.name, orgs) if _is_subunit(found.name) else None
                named_parent = _parent_in_unit_name(doc, found.name, orgs) if _is_subunit(found.name) else None
                organization = parent.name if parent is not None else named_parent or found.name
                person = replace(person, organization=organization, position=position)
        kind = _bare_kind_of_post(person.position) if person.organization is not None and person.position else None
        linked_kind = _head(person.organization or "") if kind else frozenset()
        if kind and linked_kind & lexicons.load("org_heads") and not linked_kind & kind:
            # «инспектор палаты», «ректор университета» linked to a body of another known kind (the assembly that
            # thanked them): the post names the kind of the body it serves, and one listed body of that kind (the
            # holding one first) is it. (A body linked by its quoted name alone, «фонда «Мекен-Мигрант»», is read
            # with its kind below.)
            named = [o for o in orgs if o.name[:1].isupper() and _head(o.name) & kind and not _is_subunit(o.name)]
            pick = _most_named(named, body)
            if pick is not None:
                person = replace(person, organization=pick.name)
        if person.organization is None and person.position and (named := _named_by_legal_kind(person, orgs)):
            # «директору товарищества Андрею Бондарю» after «ТОО «ЭкоТеплоТранзит»»: the kind stands for the company
            # named before it.
            person = replace(person, organization=named[0], position=named[1])
        if person.organization is None and headed and body is not None and _elected_in_district(person, doc_text(doc)):
            # «Горбунов, избирательный округ № 8»: a member of the assembly known only by the district electing them.
            person = replace(person, organization=body.name)
        if person.organization is None and meeting_org is not None and _bare_officer(person.position):
            # «рассказала заместитель председателя Ирина Кнопп» at the council's meeting: an officer's post naming no
            # body is the office of the body the meeting names.
            person = replace(person, organization=meeting_org.name)
        if person.organization is None and (meeting_org or body) is not None and person.role in _OFFICERS:
            # «Председательствующий: …», «Секретарь: Нагорный Д.В.»: the meeting's chair and secretary with no body
            # of their own are the officers of the body holding it (the one the meeting names, else the likeliest).
            person = replace(person, organization=(meeting_org or body).name)
        if person.organization is None and members_body is not None and _inner_office(person.position):
            # «председатель ревизионной комиссии», «член правления» at the general meeting of a cooperative's members:
            # an office of the members' own organs is the body's.
            person = replace(person, organization=members_body.name)
        if (
            person.organization is None
            and members_body is not None
            and person.position
            and (person.role in _FLOOR_ROLES or _bare_officer(person.position) or _member_post(person.position))
            and not _heads_a_place(person.position)
            and not _invited(person, invited)
        ):
            # «Тынелькут С.П., бригадир ставного невода», «председатель – Шаповалова Е.Г.» at the general meeting of a
            # collective farm's members: a post with no body of its own, held by no invited guest, is the body's.
            person = replace(person, organization=members_body.name)
        if (
            transcript_body is not None
            and person.spoke
            and not person.position
            and person.organization is not None
            and _named_in_own_turns(doc_text(doc), person, person.organization, orgs)
        ):
            # «Куртанидзе Г.Ш. – По данным Национального агентства продовольствия, …»: a body the speaker names only
            # in their own turns is what they speak of, not theirs.
            person = replace(person, organization=None)
        if person.organization is None and transcript_body is not None and person.spoke and not person.position:
            # «Цинцадзе М.А. – Отар Тариелович, крестьяне жалуются …»: a turn of the body's transcript whose speaker
            # has no post or body named anywhere is a member's (a guest is introduced by their post).
            person = replace(person, organization=transcript_body)
        if person.organization is None and members_body is not None and _from_the_floor(person):
            # «ВЫСТУПИЛИ: Головань С.Н. (уч. 47) – о качестве отсыпки»: at the general meeting of a partnership's
            # members, a speaker with no post or body of their own is one of its members.
            person = replace(person, organization=members_body.name)
        if person.organization is not None:
            fuller = _named_in_full(person.organization, orgs, body)
            if fuller is not None:
                person = replace(person, organization=fuller)
        kinded = _quoted_with_kind(person.organization, orgs) if person.organization is not None else None
        if kinded is None and person.organization is not None:
            kinded = _kind_before_quote(doc, person)
        if kinded is not None:
            # «руководитель крестьянского хозяйства «Береке»» linked to the bare «Береке»: the body is the listed
            # «крестьянское хозяйство «Береке»», and its kind leaves the post.
            person = replace(person, organization=kinded, position=_without_kind(person.position, kinded))
        if meeting_org is not None and _same_kind_as_meeting(person, meeting_org, orgs):
            person = replace(person, organization=meeting_org.name)
        elif headed and body is not None and _other_of_meetings_kind_elsewhere(doc_text(doc), person, orgs, body):
            person = replace(person, organization=body.name)
        if (
            owner_of_councils is not None
            and person.organization is not None
            and (_own_council(person.organization) or _council_of(person.organization, owner_of_councils, None))
        ):
            # «председатель объединённого совета обучающихся», the council split off the post above: the owner's.
            person = _with_council_owner(person, owner_of_councils, findings.meeting.body)
        elif owner_of_councils is not None and _short_of(person.organization, owner_of_councils):
            # «Палата предпринимателей» at the meeting of «президиум Палаты предпринимателей Северо-Казахстанской
            # области»: the owner named short.
            person = replace(person, organization=owner_of_councils)
        persons.append(person)
    # A learned reranker weighs the rules' body against the others proposed (none shipped: the rules' stand).
    persons = reranking.rerank(doc, persons, lambda: reranking.view_of(orgs, body, meeting_org, headed, doc_text(doc)))
    persons = [
        replace(
            p,
            organization=_without_convocation(p.organization),
            position=without_organ_owner(p.position, p.organization),
        )
        if p.organization
        else p
        for p in persons
    ]
    return replace(findings, persons=tuple(persons))


# «областной маслихат шестого созыва», «Совет депутатов VII созыва»: the convocation, taken from the meeting's title
# with its body, dates the sitting; the body is the same in every convocation.
_CONVOCATION = re.compile(
    r"\s+(?:[IVXLCІХ]+|(?:(?:двадцать|тридцать|сорок)\s)?[а-яё]+(?:ого|его)|\d+-?г?о?)\s+созыва\b.*$", re.S
)


def _bare_kind_of_post(position: str) -> frozenset[str] | None:
    """«инспектор палаты», «член президиума палаты», «ректор университета» → {палата}, {университет}: a post that
    ends on a body's bare kind in the genitive, in small letters, no name, place or remit of its own (a unit's kind,
    «председатель комиссии», is no body's)."""
    if "," in position:
        return None
    words = _COMPOUND.findall(position)
    if len(words) < 2 or len(words) > 4 or not all(w.islower() for w in words[1:]):
        return None
    last = words[-1]
    parses = loading.parse(last)
    if not parses or parses[0].tag.POS != "NOUN" or parses[0].tag.case != "gent":
        return None
    kind = frozenset({parses[0].normal_form.replace("ё", "е")})
    units = lexicons.load("org_subunits") | lexicons.load("position_subunits")
    if kind & units or not kind & lexicons.load("org_heads"):
        return None
    return kind


def _named_in_own_turns(text: str, person: PersonFinding, name: str, orgs: tuple[OrganizationFinding, ...]) -> bool:
    """Every mention of the body lies on a line the person's own label opens (their turn in a transcript)."""
    org = next((o for o in orgs if o.name == name), None)
    if org is None or not org.mentions or not person.mentions:
        return False
    turns = {text.rfind("\n", 0, m.start) + 1 for m in person.mentions if m.start == text.rfind("\n", 0, m.start) + 1}
    return bool(turns) and all(text.rfind("\n", 0, m.start) + 1 in turns for m in org.mentions)


def _assembly_of(body: OrganizationFinding | None, orgs: tuple[OrganizationFinding, ...], doc: Doc) -> str | None:
    """The body whose members sit in the one holding the meeting: the body itself, or for its committee the body
    the committee is of («Комитет Верховного совета … по аграрным вопросам» → «Верховный совет …»)."""
    if body is None:
        return None
    if not _is_subunit(body.name):
        return body.name
    parent = parent_body(body.name, orgs)
    return parent.name if parent is not None else _parent_in_unit_name(doc, body.name, orgs)


def _without_convocation(name: str) -> str:
    return _CONVOCATION.sub("", name) or name


# Verbs that make a person a member of an organ («избрать в правление», «кооптирован в состав совета»).
_ELECTS = frozenset({"избрать", "переизбрать", "кооптировать", "ввести", "включить", "доизбрать"})
_ORGANS = frozenset({"правление", "совет", "комиссия", "президиум", "коллегия", "комитет", "бюро"})
_COMPOSITION = "состав"
_NAME_LIST_GAP = 14  # tokens of the names listed before this one («Зуева П.П., Исламову Л.Р., Петренко В.В.»)
_ELECTED_SPAN = 40


def _elected_member(doc: Doc, person: PersonFinding) -> PersonFinding:
    """«РЕШИЛИ: избрать в правление Зуева П.П., Исламову Л.Р.», «В состав совета кооптирован Александр Цаль»: a person
    with no post of their own elected into an organ is its member («член правления»)."""
    if person.position:
        return person
    for mention in person.mentions:
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        organ = _organ_elected_into(doc, name) if name is not None and len(name) else None
        if organ is not None:
            return replace(person, position=f"член {organ}")
    return person


def _organ_elected_into(doc: Doc, name: Span) -> str | None:
    sentence = sentence_of(doc, name.start)
    # The organ and the verb stand a names' list's length before the name: a window, not the sentence, so that a
    # sentence of thousands of names stays linear.
    tokens = doc[max(sentence.start, name.start - _ELECTED_SPAN) : name.start]
    if not any(_lemma_set(t.text) & _ELECTS for t in tokens):
        return None
    for k in range(len(tokens) - 1, -1, -1):
        if fold(tokens[k].text) != "в":
            continue
        at = tokens[k].i + 1
        composed = at < name.start and _lemma_set(doc[at].text) & {_COMPOSITION}
        at += bool(composed)
        end = at
        while end < name.start and doc[end].pos_ == "ADJ":
            end += 1
        if end >= name.start or not _lemma_set(doc[end].text) & _ORGANS:
            return None
        gap = doc[end + 1 : name.start]
        if len(gap) > _NAME_LIST_GAP or any(
            t.pos_ == "VERB" and not _lemma_set(t.text) & _ELECTS
            for t in gap
            if t.ent_type_ != "PER" and not t.is_punct
        ):
            return None
        words = doc[at : end + 1]
        return " ".join(t.text.lower() if composed else inflect_token(t, "gent").lower() for t in words)
    return None


# «общее собрание членов …»: a meeting of all of a body's members, not of its board or council.
_MEMBERS_MEETING = frozenset({"собрание", "член"})
_FLOOR_ROLES = frozenset({"speaker", "attendee"})


def _members_meeting_body(
    meeting: MeetingFinding, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None
) -> OrganizationFinding | None:
    """The body whose members hold a general meeting («общее собрание членов рыболовецкого колхоза»): the one listed
    body of the kind the title names, else the body holding the meeting."""
    title = _lemmas(meeting.title or "")
    if not title >= _MEMBERS_MEETING:
        return _profession_meeting_body(meeting, orgs, body)
    named = list({o.name: o for o in orgs if _head(o.name) & title - _MEMBERS_MEETING}.values())
    if not named:
        # «общее собрание членов ГСК «Автомобилист-3»»: the kind abbreviated («ГСК» of «Гаражно-строительный
        # кооператив …»).
        shorts = [w.lower() for w in _WORD.findall(meeting.title or "") if w.isupper() and len(w) > 1]
        named = [o for o in orgs if any(_abbreviates(s, _kind_words(o.name)) for s in shorts)]
    if len(named) == 1:
        return named[0]
    return body if not named else None


# A meeting of all of a body's members named by their trade: «отчётная конференция адвокатов», «собрание нотариусов».
_ASSEMBLIES_OF_MEMBERS = frozenset({"конференция", "собрание", "съезд"})


def _profession_meeting_body(
    meeting: MeetingFinding, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None
) -> OrganizationFinding | None:
    """«отчётная конференция адвокатов» of «Коллегия адвокатов города Шымкент» (heldout-genre-13 05): the members'
    body is the listed one whose name has the members' plural («адвокатов»), the body holding the meeting where
    several have."""
    words = _WORD.findall((meeting.title or "").lower())
    if meeting.body or not any(_lemma_set(w) & _ASSEMBLIES_OF_MEMBERS for w in words):
        return None
    plurals = {
        w
        for k, w in enumerate(words)
        if k
        and _lemma_set(words[k - 1]) & _ASSEMBLIES_OF_MEMBERS
        and any(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "gent" for p in loading.parse(w))
    }
    if not plurals:
        return None
    named = [o for o in orgs if plurals & {w.lower() for w in _WORD.findall(o.name)}]
    if body is not None and body in named:
        return body
    # The report names the host first («прошла конференция Коллегии адвокатов города Шымкент»), a guest body later.
    return min(named, key=lambda o: min((m.start for m in o.mentions), default=1 << 30)) if named else None


# The organs a body's members elect from among themselves (its board, its presidium, its audit commission).
_ELECTED_ORGANS = frozenset({"совет", "коллегия", "правление", "президиум", "ревизионный"})


def _inner_office(position: str | None) -> bool:
    """«председатель ревизионной комиссии», «член правления», «заместитель председателя президиума»: a post of a
    body's own organ, named bare (no place, no name of its own after it)."""
    if not position or "," in position:
        return False
    words = _WORD.findall(position)
    return len(words) <= 5 and all(w.islower() for w in words) and bool(_lemmas(position) & _ELECTED_ORGANS)


def _kind_words(name: str) -> list[str]:
    """The words of a body's name before its quoted name: «Гаражно-строительный кооператив» → Гаражно, строительный,
    кооператив."""
    return _WORD.findall(name.partition("«")[0])


def _member_post(position: str) -> bool:
    """«член комиссии», «член правления»: a member's post (an applicant named by their trade is none yet)."""
    return "член" in _lemmas(position.split(",")[0])


def _invited(person: PersonFinding, invited: list[tuple[int, int]]) -> bool:
    return any(a <= m.start < b for m in person.mentions for a, b in invited)


def _from_the_floor(person: PersonFinding) -> bool:
    """A speaker or listed participant with no post: «Головань С.Н. (уч. 47)». (One with a post of their own, «юрист»,
    is as often a guest the protocol lists as invited.)"""
    return person.role in _FLOOR_ROLES and not person.position


# Officers' posts that name no body: a chair, their deputies, a secretary.
_BARE_OFFICERS = frozenset(
    {"председатель", "заместитель председателя", "первый заместитель председателя", "секретарь"}
    | {"ответственный секретарь"}
)


def _bare_officer(position: str | None) -> bool:
    return position is not None and " ".join(_WORD.findall(position.lower())) in _BARE_OFFICERS


# The meeting's own officers (the roles the protocol's header and the chair's words give).
_OFFICERS = frozenset({"chair", "secretary"})
_COMMISSION = "комиссия"
# Bodies a person may hold an office in besides the commission: the commission's members and officers are drawn from
# the local executive («заместитель главы администрации, председатель комиссии»), which they do not stand for here.
_EXECUTIVE_KINDS = frozenset({"администрация", "мэрия", "правительство", "исполком", "акимат", "хокимият"})


def _meeting_commission(meeting: MeetingFinding, orgs: tuple[OrganizationFinding, ...]) -> OrganizationFinding | None:
    """The commission holding the meeting, listed, when it is no assembly's unit (`membership_bodies`: a standing
    commission of a Duma stands for the Duma) and no commission between governments, whose members stand for their
    own states: an interdepartmental, an anti-drug, an emergency, an election commission, the commission on minors."""
    title = meeting.body or meeting.title or ""
    if _COMMISSION not in _head(title) and not (_lemmas(title) & {_COMMISSION} and not meeting.body):
        return None
    listed = [o for o in orgs if _COMMISSION in _head(o.name)]
    named = [o for o in listed if o.name == meeting.body] or (listed if len(listed) == 1 else [])
    if len(named) != 1:
        return None
    commission = named[0]
    words = _lemmas(commission.name)
    between_states = any(w.startswith(("межправительств", "межгосударств")) for w in words)
    if words & lexicons.load("membership_bodies") or between_states:
        return None
    return commission


def _of_commission(person: PersonFinding, commission: OrganizationFinding) -> bool:
    """A post at the commission («председатель комиссии», «секретарь КДН и ЗП», «главный специалист комиссии») held by
    someone the earlier stages linked to no body, to the commission or to the executive it works under."""
    elsewhere = person.organization is not None and person.organization != commission.name
    if elsewhere and not _head(person.organization or "") & _EXECUTIVE_KINDS:
        return False
    if person.organization == commission.name:
        return True
    if person.role == "chair":
        # «Председательствовал: глава администрации Кировского района Сергей Петров», signing as «Председатель
        # комиссии»: the chair of the commission's own meeting is its chair, their office in the post.
        return True
    parts = [part.strip() for part in (person.position or "").split(",")]
    # («председатель территориальной избирательной комиссии» at the anti-terror commission's meeting chairs
    # another commission: its adjective is not in the meeting commission's name.)
    return any(
        _COMMISSION in _lemmas(part)
        and len(_WORD.findall(part)) <= 4
        and not _lemmas(part) & _EXECUTIVE_KINDS
        and not _another_qualifier(part, commission.name)
        for part in parts
    )


# A company's kind, as a text refers back to it, and the legal forms whose head noun it is.
_LEGAL_KINDS = {
    "предприятие": frozenset({"муп", "гуп", "фгуп", "мп", "гп", "уп", "мкп"}),
    "товарищество": frozenset({"тоо"}),
    "общество": frozenset({"ооо", "оао", "зао", "пао", "ао", "нао", "одо", "осоо"}),
    "учреждение": frozenset({"гбу", "мбу", "гу", "мку", "гку", "гау", "фгбу", "гбуз", "мбоу", "кгу"}),
    "кооператив": frozenset({"спк", "пк", "схпк"}),
}


def _named_by_legal_kind(person: PersonFinding, orgs: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """(the company, the post) for «директор предприятия», «директор товарищества»: the company of that kind named
    last before the person (by its legal form's abbreviation or its spelled-out kind)."""
    words = (person.position or "").split()
    if len(words) < 2 or "," in (person.position or "") or not person.mentions:
        return None
    kind = next((k for k in _lemma_set(words[-1]) if k in _LEGAL_KINDS), None)
    if kind is None:
        return None
    first = min(m.start for m in person.mentions)
    best: tuple[int, str] | None = None
    for org in orgs:
        head = _COMPOUND.findall(org.name)
        if not head or "«" not in org.name:
            continue
        of_kind = head[0].lower() in _LEGAL_KINDS[kind] or any(kind in _lemma_set(w) for w in head[:3])
        before = [m.start for m in org.mentions if m.start < first]
        if of_kind and before and (best is None or max(before) > best[0]):
            best = (max(before), org.name)
    return (best[1], " ".join(words[:-1])) if best is not None else None


# «Горбунов, избирательный округ № 8», «депутат по округу №2»: a seat named by its electoral district just after
# a name.
_DISTRICT = re.compile(
    r"^[\s,.:–—-]*(?:[А-ЯЁа-яё]+[\s,]+){0,3}?(?:(?:избирательн\w+|одномандатн\w+)\s+)?округ\w*\s*№", re.I
)


def _elected_in_district(person: PersonFinding, text: str) -> bool:
    return any(_DISTRICT.match(text[m.end : m.end + 60]) for m in person.mentions)


def _body_of_title(doc: Doc, meeting: MeetingFinding, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """The body a meeting's title names after «заседание» in the genitive, with a place's adjective and a kind that
    holds meetings of its members (`membership_bodies.txt`): «заседание Лянкяранского городского муниципалитета» →
    «Лянкяранский городской муниципалитет», when no listed body is of that kind."""
    title = meeting.title or ""
    at = doc_text(doc).find(title) if title else -1
    span = doc.char_span(at, at + len(title), alignment_mode="expand") if at >= 0 else None
    bodies = lexicons.load("membership_bodies")
    if meeting.body:
        # The meeting stage read the body from the title already; it counts when nothing listed is of its kind.
        kinds = _head(meeting.body)
        if not kinds & bodies or any(o.name == meeting.body or _head(o.name) & kinds for o in orgs):
            return None
        return meeting.body
    if span is None:
        return None
    start = next((t.i + 1 for t in span if _lemma_set(t.text) & {"заседание", "сессия"}), None)
    if start is None or start >= span.end or not doc[start].text[:1].isupper():
        return None
    words = doc[start : span.end]
    kind = next((t for t in words if t.pos_ == "NOUN"), None)
    if kind is None or not _lemma_set(kind.text) & bodies or any("Gen" not in t.morph.get("Case") for t in words):
        return None
    if any(_head(o.name) & _lemma_set(kind.text) for o in orgs):
        return None
    name = nominative(words).strip()
    return name if len(_COMPOUND.findall(name)) > 1 else None


def _letterhead_of_kind(text: str, kind: str) -> str | None:
    """«ШАМАХИНСКИЙ РАЙОННЫЙ МУНИЦИПАЛИТЕТ / ПРОТОКОЛ № 4 / заседания муниципалитета»: a meeting's title naming its
    body by the bare kind is the body the letterhead above the heading names whole (its place's adjectives and that
    kind), in sentence case."""
    if len(_COMPOUND.findall(kind)) != 1:
        return None
    head = _PROTOCOL_LINE.search(text[:_LETTERHEAD_SPAN])
    if head is None or not head.start():
        return None
    kinds = _lemma_set(kind)
    for line in (line.strip() for line in text[: head.start()].splitlines()):
        words = _COMPOUND.findall(line)
        if 1 < len(words) <= _KIND_WORDS and line.isupper() and _lemma_set(words[-1]) & kinds and "«" not in line:
            return _sentence_case(line)
    return None


# Councils and boards a body holds of its own people («учёный совет университета», «коллегия министерства»).
_INNER_COUNCILS = frozenset({"совет", "коллегия", "правление", "президиум"})


# An owner's name in the genitive after its council: a legal form's words and a few of its own, then its quoted name.
_OWNER_WORDS = 12
_QUOTED_WORDS = 15
# The most words a body's kind before its quoted name takes («махаллинского схода граждан»).
_KIND_WORDS = 8


def _parent_of_meeting(doc: Doc, findings: Findings) -> str | None:
    """The body whose own council holds the meeting, named in the genitive after the council in the meeting's
    title: «заседание учёного совета Алтайского государственного университета» → the university (its name in the
    text, an abbreviation of it such as «АлтГУ», or the title's words in the nominative). An owner named by its
    legal form and a quoted name («врачебного совета Государственного автономного учреждения здравоохранения
    «Республиканская больница»», «управляющего совета муниципального бюджетного общеобразовательного учреждения
    «Средняя школа № 3»») is read on past a title the meeting stage stopped short. «Совет при министерстве» is
    attached to the ministry, not part of it."""
    title = findings.meeting.title or ""
    at = doc_text(doc).find(title) if title else -1
    span = doc.char_span(at, at + len(title), alignment_mode="expand") if at >= 0 else None
    if span is None:
        return None
    # («заседание» alone: the council and its owner follow the title's word in the text.)
    council = next(
        (
            t
            for t in doc[span.start : min(len(doc), span.end + 3)]
            if t.is_lower and _lemma_set(t.text) & _INNER_COUNCILS
        ),
        None,
    )
    if council is None or council.i + 1 >= len(doc):
        return None
    start = council.i + 1
    if "Gen" not in doc[start].morph.get("Case"):
        return None
    limit = span.end if council.i < span.end else min(len(doc), start + _OWNER_WORDS)
    end = start
    while end < limit and _genitive_word(doc[end]):
        end += 1
    quoted = _quoted_at(doc, end)
    if not doc[start].text[:1].isupper() and (quoted is None or not _legal_form_words(doc[start:end])):
        return None  # «совета директоров», «совета при министерстве»: no owner's name of its own
    words = [t.text for t in doc[start:end]]
    if len(words) < 2 and quoted is None:
        return None
    stems = [_stem(w) for w in words]
    for org in findings.organizations:
        own_quote = _QUOTED.search(org.name)
        if quoted is not None:
            # An owner with a quoted name is the listed body with that name and the same kind (or its abbreviation).
            if own_quote is None or own_quote.group(1).lower() != doc[quoted.start + 1 : quoted.end - 1].text.lower():
                continue
            kind = _COMPOUND.findall(org.name[: own_quote.start()])
            if [_stem(w) for w in kind] == stems or (len(kind) == 1 and _abbreviates(kind[0].lower(), words)):
                return org.name
            continue
        own = _COMPOUND.findall(org.name)
        if [_stem(w) for w in own] == stems or (len(own) == 1 and _abbreviates(own[0].lower(), words)):
            return org.name
    if quoted is None:
        return nominative(doc[start:end])
    kind = nominative(doc[start:end]) if end > start else ""
    return f"{kind} {quoted.text}".strip()


def _genitive_word(token: Token) -> bool:
    # («Северо-Казахстанской» is one token, not alphabetic for spaCy.)
    return token.text.replace("-", "").isalpha() and "Gen" in token.morph.get("Case")


def _quoted_at(doc: Doc, i: int) -> Span | None:
    """The quoted name that opens at token `i` («Средняя школа № 3»), its quotes included; None if none does."""
    if i >= len(doc) or doc[i].text not in ("«", '"'):
        return None
    close = "»" if doc[i].text == "«" else '"'
    depth = 0
    for t in doc[i : min(len(doc), i + _QUOTED_WORDS)]:
        # «АО «НК «Қазақстан темір жолы»»: quotes nest.
        if t.text == "«" and close == "»":
            depth += 1
        elif t.text == close and (close == "»" or t.i > i):
            depth -= 1
            if depth <= 0:
                return doc[i : t.i + 1] if t.i > i + 1 else None
    return None


def _legal_form_words(words: Span) -> bool:
    """«муниципального бюджетного общеобразовательного учреждения»: a legal form spelled out (`org_legal_phrases`),
    its adjective and its kind with other adjectives between, not a council's own words such as «директоров»."""
    lemmas = [_lemma_set(t.text) for t in words]
    phrases = legal_phrases()
    return any(
        (a, b) in phrases for k, first in enumerate(lemmas) for later in lemmas[k + 1 :] for a in first for b in later
    )


# A protocol's heading: «ПРОТОКОЛ № 4», spaced out («П Р О Т О К О Л») or not, on a line of its own.
# A protocol's heading, or a стенограмма's («СТЕНОГРАММА / заседания правления»): the same record of the same council.
_PROTOCOL_LINE = re.compile(
    r"^[ \t]*(?:П[ \t]*Р[ \t]*О[ \t]*Т[ \t]*О[ \t]*К[ \t]*О[ \t]*Л|СТЕНОГРАММА)\b[^\n]*\n", re.M | re.I
)
# Letterhead and heading are the document's first lines, not a protocol quoted further on.
_LETTERHEAD_SPAN = 400
_QUOTED = re.compile(r"[«\"]([^»\"]+)[»\"]")


# A trade union's committee («профсоюзный комитет», «профком») is the inner council of its primary organization.
_PROTOCOL_COUNCILS = _INNER_COUNCILS | {"комитет", "профком"}


# Councils of people from outside the institution (`organizations.letterheads`): «попечительский совет» of a
# college is a body of its own, its members the college's trustees, not its staff.
_OUTSIDERS_COUNCILS = frozenset(
    {"попечительский", "наблюдательный", "общественный", "экспертный", "консультативный", "координационный"}
)


def _letterhead_owner(text: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«СПК «КАБЫРДАКСКИЙ» / ПРОТОКОЛ № 4 / заседания правления»: a protocol of an inner council (правление,
    совет директоров, президиум, профсоюзный комитет) that names no owner in its heading is the council of the
    organization on the letterhead above it; the listed organization with the letterhead's name (or its
    abbreviation) is that owner, else the letterhead's own words. Of several letterhead lines («ПРОФСОЮЗ
    ТРАНСПОРТНИКОВ / ПЕРВИЧНАЯ ПРОФСОЮЗНАЯ ОРГАНИЗАЦИЯ ООО «…»») the one with a quoted name is the owner's."""
    head = _PROTOCOL_LINE.search(text[:_LETTERHEAD_SPAN])
    if head is None or not head.start():
        return None
    kind_line = next((line for line in text[head.end() :].splitlines() if line.strip()), "")
    words = _COMPOUND.findall(kind_line)
    council = next((k for k, w in enumerate(words[:3]) if _lemma_set(w) & _PROTOCOL_COUNCILS), None)
    if council is None or any(_lemma_set(w) & _OUTSIDERS_COUNCILS for w in words[:council]):
        return None
    if any(w[:1].isupper() for w in words[council + 1 :]):
        # «заседания правления Общественного объединения «Нур»», «заседания Совета директоров АО «…»» names its owner
        # itself: the listed body with the heading's quoted name.
        return _owner_in_heading(kind_line, orgs)
    lines = [line.strip() for line in text[: head.start()].splitlines() if line.strip()]
    letterhead = _joined_letterhead(lines)
    quoted = _QUOTED.search(letterhead)
    if quoted is None:
        return _institution_letterhead(lines, orgs)
    kind = _COMPOUND.findall(letterhead[: quoted.start()] if quoted else letterhead)
    if not kind or _lemma_set(kind[0]) & _INNER_COUNCILS:
        return None  # the letterhead names the council itself: it is the body holding the meeting
    for org in orgs:
        own = _QUOTED.search(org.name)
        if quoted is None or own is None or own.group(1).lower() != quoted.group(1).lower():
            continue
        own_kind = _COMPOUND.findall(org.name[: own.start()])
        same = [_stem(w) for w in own_kind] == [_stem(w) for w in kind]
        if same or (len(own_kind) == 1 and _abbreviates(own_kind[0].lower(), kind)):
            return org.name
    registered = _legal_form(" ".join(kind)) or kind[-1].lower() in lexicons.load("org_legal_forms")
    if quoted is None or not letterhead.isupper() or not registered:
        return None
    # «ПЕРВИЧНАЯ ПРОФСОЮЗНАЯ ОРГАНИЗАЦИЯ АО «…»», «СПК «…»», listed nowhere: the letterhead in sentence case.
    return _sentence_case(letterhead[: quoted.end()])


def _joined_letterhead(lines: list[str]) -> str:
    """The letterhead line with the quoted name; «АЛТАЙСКАЯ РЕСПУБЛИКАНСКАЯ ОРГАНИЗАЦИЯ / ВСЕРОССИЙСКОЙ … ОРГАНИЗАЦИИ
    «…»» is one name broken over two lines: a quoted line opening in the genitive continues the line above it."""
    at = next((k for k, line in enumerate(lines) if _QUOTED.search(line)), None)
    if at is None:
        return lines[0] if lines else ""
    start = at
    if at > 0 and lines[at].startswith(("«", '"')) and lines[at - 1].isupper() and not _QUOTED.search(lines[at - 1]):
        # «МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ / «СРЕДНЯЯ ШКОЛА № 3»»: a line that opens with
        # its quoted name carries the legal form typed on the line above it.
        start = at - 1
    while start > 0 and not _QUOTED.search(lines[start - 1]) and _opens_in_genitive(lines[start]):
        start -= 1
    return " ".join(lines[start : at + 1])


def _institution_letterhead(lines: list[str], orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«АНГРЕНСКИЙ ТЕХНИКУМ ГОРНОГО ДЕЛА И ЭНЕРГЕТИКИ / ПРОТОКОЛ № 4 / заседания педагогического совета»: an
    institution named without quotes (`org_proper_kinds`: техникум, университет, колледж, школа …) whose own council
    meets. The letterhead's first line typed in capitals, headed by such a kind after its adjectives, is the owner:
    the listed body with the same words, else the line in sentence case."""
    kinds = lexicons.load("org_proper_kinds")
    for line in lines[:_LETTERHEAD_LINES]:
        words = _COMPOUND.findall(line)
        if len(words) < 2 or not line.isupper() or any(ch.isdigit() for ch in line):
            continue
        noun = next((k for k, w in enumerate(words) if not _adjective(w)), None)
        if noun is None or not _lemma_set(words[noun]) & kinds:
            continue
        stems = [_stem(w) for w in words]
        listed = next((o.name for o in orgs if [_stem(w) for w in _COMPOUND.findall(o.name)] == stems), None)
        return listed or _sentence_case(line)
    return None


# An institution's letterhead is one of the document's first lines (a region's or an address's line follows it).
_LETTERHEAD_LINES = 3


def _adjective(word: str) -> bool:
    parses = loading.parse(word.split("-")[-1].lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


def _opens_in_genitive(line: str) -> bool:
    words = _COMPOUND.findall(line)
    parses = loading.parse(words[0].lower()) if words else []
    cases = {p.tag.case for p in parses}
    return "gent" in cases and "nomn" not in cases


def _owner_in_heading(line: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    quoted = _QUOTED.search(line)
    if quoted is None:
        return None
    for org in orgs:
        own = _QUOTED.search(org.name)
        words = _COMPOUND.findall(org.name)
        if own is None or own.group(1).lower() != quoted.group(1).lower() or not words:
            continue
        if not _lemma_set(words[0]) & _PROTOCOL_COUNCILS:  # the owner, not the council named with it
            return org.name
    return None


def _sentence_case(line: str) -> str:
    """A letterhead typed in capitals in sentence case: its first word and a quoted name's first word capitalized,
    legal forms' abbreviations (`org_legal_forms`: АО, ООО) kept in capitals."""
    forms = lexicons.load("org_legal_forms")
    out: list[str] = []
    for k, word in enumerate(re.split(r"(\s+)", line)):
        lower = word.lower()
        bare = lower.strip('«»"')
        if bare in forms:
            out.append(word)
        elif k == 0 or word.startswith(("«", '"')):
            lead = len(word) - len(word.lstrip('«"'))
            out.append(word[: lead + 1] + lower[lead + 1 :])
        else:
            out.append(lower)
    return "".join(out)


# Units of a university or an academy («Институт гуманитарных наук», «факультет права», «кафедра истории»).
_ACADEMIC_UNITS = frozenset({"институт", "факультет", "кафедра"})


def _bare_unit(name: str) -> bool:
    """«Институт гуманитарных наук» with no owner or place of its own: at its university's council, a unit of it."""
    words = _COMPOUND.findall(name)
    return bool(words) and bool(_lemma_set(words[0]) & _ACADEMIC_UNITS) and not any(w[:1].isupper() for w in words[1:])


# «Общественный совет Петрозаводского городского округа»: a place a council is named for owns no one.
_OWNING_PLACES = frozenset({"город", "район", "область", "округ", "село", "поселение", "край", "республика", "община"})


def _kind_of_owner(name: str, owner: str) -> bool:
    """«Акционерное общество», «Общество» (a protocol's «генеральный директор Общества»): the owner's legal form alone,
    no name of its own, stands for the owner."""
    words = _COMPOUND.findall(name)
    if not words or len(words) > 2 or "«" in name or '"' in name or any(w[:1].isupper() for w in words[1:]):
        return False
    own = _QUOTED.search(owner)
    if own is None:
        return False
    kind = [w.lower() for w in _COMPOUND.findall(owner[: own.start()])]
    spelled = " ".join(w.lower() for w in words)
    return _lemma_set(words[-1]) & {"общество", "товарищество", "кооператив", "предприятие"} != set() and (
        spelled in (" ".join(kind), words[-1].lower()) or (len(kind) == 1 and _abbreviates(kind[0], words))
    )


def _post_names_owner(person: PersonFinding, owner: str) -> bool:
    """«председатель областной организации», «руководитель службы сестёр милосердия областной организации» at the
    meeting of «президиум Могилёвской областной организации БОКК»: a post (or the unit it was linked to) that ends
    on the owner's level and kind in small letters is the owner's, whatever other body of that kind it was linked
    to («районная организация …», where the meeting was hosted)."""
    if person.organization == owner:
        return False
    kind = _head(owner)
    owner_stems = {_stem(w) for w in _COMPOUND.findall(owner)}
    texts = (person.position or "").split(",")
    if person.organization is not None and _is_subunit(person.organization):
        texts.append(person.organization)
    for text in texts:
        words = _COMPOUND.findall(text)
        if len(words) < 3 or not all(w.islower() for w in words[-2:]):
            continue
        level, noun = words[-2:]
        if (
            _lemma_set(noun) & kind
            and _lemma_set(level) & lexicons.load("org_levels")
            and {
                _stem(level),
                _stem(noun),
            }
            <= owner_stems
        ):
            return True
    return False


def _own_council(name: str) -> bool:
    """«профком», «правление», «совет старшеклассников», «объединённый совет обучающихся»: a council of the owner
    named by its kind alone, not a body of its own name; its members are the owner's people."""
    words = _COMPOUND.findall(name)
    if not words or any(w[:1].isupper() for w in words[1:]) or "«" in name or '"' in name:
        return False
    # «Совет директоров», «Правление»: a protocol capitalizes the council's kind; a word after it in lower case.
    if words[0][:1].isupper() and not (_lemma_set(words[0]) & _PROTOCOL_COUNCILS and len(words) > 1):
        return False
    return any(_lemma_set(w) & _PROTOCOL_COUNCILS for w in words[:2])


def _council_of(name: str, owner: str, meeting_body: str | None) -> bool:
    """«учёный совет Уральского горного университета» of «Уральский горный университет», or the meeting's own body:
    the owner's council named with the owner, its words after the kind all the owner's."""
    if name == meeting_body:
        return True
    words = _COMPOUND.findall(name)
    kind = next((k for k, w in enumerate(words[:2]) if _lemma_set(w) & _PROTOCOL_COUNCILS), None)
    if kind is None or words[0][:1].isupper() or len(words) <= kind + 1:
        return False
    return {_stem(w) for w in words[kind + 1 :]} <= {_stem(w) for w in _COMPOUND.findall(owner)}


def _short_of(name: str | None, owner: str) -> bool:
    """«Палата предпринимателей» of «Палата предпринимателей Северо-Казахстанской области»: the owner's first words
    (two or more), nothing else."""
    words, full = _COMPOUND.findall(name or ""), _COMPOUND.findall(owner)
    return 2 <= len(words) < len(full) and [_stem(w) for w in words] == [_stem(w) for w in full[: len(words)]]


def _with_council_owner(person: PersonFinding, owner: str, meeting_body: str | None) -> PersonFinding:
    """The owner's council a person was linked to gives way to the owner. The meeting's own council («профком»,
    «совет школы» of the school) is not repeated in the post; another council with members of its own («совет
    старшеклассников», «объединённый совет обучающихся») stays in it: «председатель совета старшеклассников»."""
    name = person.organization or ""
    words = _COMPOUND.findall(name)
    kind = next((k for k, w in enumerate(words[:2]) if _lemma_set(w) & _PROTOCOL_COUNCILS), None)
    owner_stems = {_stem(w) for w in _COMPOUND.findall(owner)}
    remit = words[kind + 1 :] if kind is not None else []
    own = name == meeting_body or not remit or {_stem(w) for w in remit} <= owner_stems
    position = person.position
    if not own and position and kind is not None:
        unit = _council_genitive(words, kind)
        if unit is not None and _stem(words[kind]) not in {_stem(w) for w in _COMPOUND.findall(position)}:
            position = f"{position} {unit}"
    return replace(person, organization=owner, position=position)


def _council_genitive(words: list[str], kind: int) -> str | None:
    """«объединённый совет обучающихся» → «объединённого совета обучающихся»: the kind and its adjectives declined,
    the members it is named for kept."""
    out = []
    for k, word in enumerate(words):
        if k > kind:
            out.append(word)
            continue
        parses = [p for p in loading.parse(word.lower()) if p.tag.case == "nomn" and p.tag.number != "plur"]
        form = parses[0].inflect({"gent"}) if parses else None
        if form is None:
            return None
        out.append(form.word)
    return " ".join(out)


def _with_owner(person: PersonFinding, owner: str) -> PersonFinding:
    if person.organization is None:
        return replace(person, organization=owner)
    # The unit stays in the post (gold-format: sub-units are positions): «директор Института гуманитарных наук».
    unit = _genitive(person.organization)
    position = person.position if unit is None or unit.lower() in (person.position or "").lower() else None
    return replace(person, organization=owner, position=position or f"{person.position} {unit}")


def _genitive(name: str) -> str | None:
    """«Институт гуманитарных наук» → «Института гуманитарных наук»: the unit's kind declined, its remit kept."""
    kind, _, rest = name.partition(" ")
    parses = [p for p in loading.parse(kind.lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    form = parses[0].inflect({"gent", "sing"}) if parses else None
    if form is None:
        return None
    word = form.word.capitalize() if kind[:1].isupper() else form.word
    return f"{word} {rest}".strip()


def _abbreviates(short: str, words: list[str]) -> bool:
    """«алтгу» of «Алтайского государственного университета»: each word gives the abbreviation its first letters."""
    if not words:
        return not short
    word = words[0].lower()
    return any(
        short[:k] == word[:k] and _abbreviates(short[k:], words[1:]) for k in range(1, min(len(short), len(word)) + 1)
    )


def _same_kind_as_meeting(
    person: PersonFinding, meeting_org: OrganizationFinding, orgs: tuple[OrganizationFinding, ...]
) -> bool:
    """«председатель комиссии» linked to «Межмуниципальная комиссия по паводку» (a heading's short name) where the
    meeting is held by «межмуниципальная комиссия по предупреждению … чрезвычайных ситуаций …»: a post naming the
    kind of the body holding the meeting is that body's, under the name the meeting gives it. So is «секретарь
    комиссии» linked to «Избирательная комиссия Республики Дагестан», a site's heading far from the person, at the
    meeting of «территориальная избирательная комиссия Кизлярского района»: a body of the meeting's kind whose
    words before the kind the meeting's body has too."""
    if person.organization is None or person.organization == meeting_org.name or not person.position:
        return False
    kind = _head(meeting_org.name)
    if not kind & _head(person.organization) or not kind & _lemmas(person.position.split(",")[-1]):
        return False
    # The same qualifier before the kind («межмуниципальная комиссия …»): «Совет ветеранов» is another council.
    own, other = _COMPOUND.findall(meeting_org.name), _COMPOUND.findall(person.organization)
    if _stem(own[0]) == _stem(other[0]) and not _lemma_set(own[0]) & kind:
        return True
    return _kind_words_within(other, own, kind) and not _named_near(person, person.organization, orgs)


def _other_of_meetings_kind_elsewhere(
    text: str, person: PersonFinding, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding
) -> bool:
    """«Выступили председатель комиссии по экологии Ольга Крылова и член палаты Павел Ершов» at the plenary of
    «Общественная палата Орловской области», «Общественная палата Российской Федерации» named only in the sentences
    before: a post that does not name the other body of the meeting's kind, which stands only in other sentences, is
    held in the body holding the meeting (the linker weighs the nearest body of the kind, across sentences)."""
    if person.organization is None or person.organization == body.name or not person.position:
        return False
    kind = _head(body.name)
    if not kind & _head(person.organization):
        return False
    qualifiers = {_stem(w) for w in _COMPOUND.findall(person.organization) if not _lemma_set(w) & kind}
    if qualifiers & {_stem(w) for w in _COMPOUND.findall(person.position)}:
        return False
    other = [m for o in orgs if o.name == person.organization for m in o.mentions]
    if not other:
        return False
    # The sentence ends are found once per text, so a text naming a body a thousand times stays linear.
    ends = _sentence_ends(text)

    def apart(start: int, end: int) -> bool:
        k = bisect_left(ends, start)
        return k < len(ends) and ends[k] < end

    return all(apart(min(m.end, p.end), max(m.start, p.start)) for m in other for p in person.mentions)


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> list[int]:
    return [match.start() for match in _SENTENCE_END.finditer(text)]


def _kind_words_within(other: list[str], own: list[str], kind: frozenset[str]) -> bool:
    """«Избирательная комиссия …» within «территориальная избирательная комиссия …»: the words up to the kind of one
    body are all among the other's words up to its kind."""
    at = next((k for k, w in enumerate(other) if _lemma_set(w) & kind), None)
    own_at = next((k for k, w in enumerate(own) if _lemma_set(w) & kind), None)
    if at is None or own_at is None or at == 0:
        return False
    return {_stem(w) for w in other[: at + 1]} <= {_stem(w) for w in own[: own_at + 1]}


# A body named this close to a person (in characters) is the one their post was read with.
_NEAR = 200


def _named_near(person: PersonFinding, name: str, orgs: tuple[OrganizationFinding, ...]) -> bool:
    starts = [m.start for o in orgs if o.name == name for m in o.mentions]
    return any(abs(s - m.start) < _NEAR for s in starts for m in person.mentions)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# The head of a place («глава города», «председатель района») and the units a place post names.
_PLACE_HEADS = frozenset({"глава", "председатель", "мэр", "аким", "хоким"})
_PLACE_UNITS = frozenset({"город", "район", "область", "округ", "село", "поселение", "община"})


def _in_heading(body: OrganizationFinding, text: str) -> bool:
    end = _SENTENCE_END.search(text)
    return bool(body.mentions) and min(m.start for m in body.mentions) < (end.start() if end else len(text))


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


def _deputy_head(position: str | None) -> bool:
    """«заместитель акима области», «первый заместитель мэра»: a deputy of a place's head, with no body named;
    chairing a council's meeting (under their chairmanship, «под председательством»), they are its chair."""
    words = _COMPOUND.findall((position or "").split(",")[0].lower())
    at = next((k for k, w in enumerate(words[:2]) if _lemma_set(w) & DEPUTY_HEADS), None)
    return at is not None and at + 1 < len(words) and bool(_lemma_set(words[at + 1]) & _PLACE_HEADS)


_QUOTED_NAME = re.compile(r"[«\"“]([^»\"”]+)[»\"”]")


def _quoted_with_kind(name: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«Береке», «Мекен-Мигрант» with no kind of body: the one listed organization that is this name in quotes after
    its kind («крестьянское хозяйство «Береке»», «Общественный фонд «Мекен-Мигрант»»)."""
    # (A quoted name may go on in small letters, «Ота мерос»; its first word has the capital.)
    if _QUOTED_NAME.search(name) or name[:1].islower():
        return None
    stems = [_stem(w) for w in _COMPOUND.findall(name)]
    if not stems:
        return None
    found = {
        o.name
        for o in orgs
        if (quoted := _QUOTED_NAME.search(o.name)) is not None
        and _legal_form(o.name[: quoted.start()])
        and [_stem(w) for w in _COMPOUND.findall(quoted.group(1))] == stems
    }
    return found.pop() if len(found) == 1 else None


def _kind_before_quote(doc: Doc, person: PersonFinding) -> str | None:
    """«Председатель махаллинского схода граждан «Янгиобод» Рустам Отажонов» linked to the bare «Янгиобод» where the
    organizations stage listed no body of that kind: the kind before the quoted name in the person's title and the
    name are the body, in the nominative («махаллинский сход граждан «Янгиобод»»)."""
    name = person.organization or ""
    stems = [_stem(w) for w in _COMPOUND.findall(name)]
    if not stems or _QUOTED_NAME.search(name) or any(w[:1].islower() for w in _COMPOUND.findall(name)):
        return None
    for mention in person.mentions:
        before = doc_text(doc)[max(0, mention.start - 160) : mention.start]
        quoted = list(_QUOTED_NAME.finditer(before))
        if not quoted or before[quoted[-1].end() :].strip(" ,") or quoted[-1].group(1).strip() == "":
            continue
        last = quoted[-1]
        if [_stem(w) for w in _COMPOUND.findall(last.group(1))][:1] != stems[:1]:
            continue
        offset = mention.start - len(before)
        span = doc.char_span(offset + last.start(), offset + last.end(), alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        start = span.start
        # The kind: a noun with the words of its name after it in the genitive («схода граждан»), the adjectives
        # before it («махаллинского»); not the post's own head («председатель»).
        # (A kind is a few words: the walk stops after `_KIND_WORDS`, however long a run of genitives.)
        floor = max(0, span.start - _KIND_WORDS)
        while start > floor and doc[start - 1].is_lower and "Gen" in doc[start - 1].morph.get("Case"):
            start -= 1
        while start < span.start and doc[start].pos_ not in ("ADJ", "NOUN"):
            start += 1
        if start == span.start or not any(t.pos_ == "NOUN" for t in doc[start : span.start]):
            continue
        if not _legal_form(doc[start : span.start].text):
            continue
        words = nominative(doc[start : span.end]).strip()
        return words[:1].lower() + words[1:] if words else None
    return None


def _legal_form(kind: str) -> bool:
    """«крестьянское хозяйство», «общественный фонд», «производственный кооператив»: a registered form kept with
    the quoted name (`org_legal_phrases.txt`), unlike a description («клуб», «группа», «движение», «партия»)."""
    lemmas = [_lemma_set(w) for w in _COMPOUND.findall(kind)]
    phrases = legal_phrases()
    return any((a, b) in phrases for first, second in pairwise(lemmas) for a in first for b in second)


def _without_kind(position: str | None, organization: str) -> str | None:
    """«руководитель крестьянского хозяйства» of «крестьянское хозяйство «Береке»» → «руководитель»: the body's kind
    (its words before the quoted name, or the last of them) ends the post and is not repeated there."""
    if not position:
        return position
    words = _COMPOUND.findall(position)
    kind = [_stem(w) for w in _COMPOUND.findall(organization.split("«")[0].split('"')[0])]
    for size in (len(kind), 1):
        if 0 < size < len(words) and [_stem(w) for w in words[-size:]] == kind[-size:]:
            cut = position[: position.lower().rfind(words[-size].lower())].rstrip(" ,")
            return cut or position
    return position


def _named_in_full(
    name: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None = None
) -> str | None:
    """«Совет депутатов», «Кенгаш» the title gave, where the text names the one body of that kind in full
    («Мядельский районный Совет депутатов»): the person represents the body under its full name."""
    if any(o.name == name for o in orgs):
        return None
    stems = {_stem(w) for w in _COMPOUND.findall(name)}
    head = _head(name)
    found = {
        o.name for o in orgs if stems and head & _head(o.name) and stems < {_stem(w) for w in _COMPOUND.findall(o.name)}
    }
    if len(found) > 1 and body is not None and body.name in found:
        # «Общественная палата» where the text names the republic's and the federation's: the one meeting.
        return body.name
    return found.pop() if len(found) == 1 else None
