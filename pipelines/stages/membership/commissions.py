"""Commissions, members' meetings and members elected: where the meeting itself says whose a person is.

- A commission named by a place's level, or an election commission, is a body of its own, no unit of the assembly
  (`_commission_of_a_level`). At the meeting of a commission that is no assembly's unit (on minors, on emergencies),
  its officers and staff stand for the commission (`_meeting_commission`, `_of_commission`).
- «РЕШИЛИ: избрать в правление Зуева П.П.»: a person elected into an organ is its member (`_elected_member`).
- At a general meeting of a body's members («общее собрание членов колхоза», «конференция адвокатов»), posts of the
  body's own organs, posts with no body and speakers from the floor are the body's (`_members_meeting_body`,
  `_profession_meeting_body`, `_inner_office`, `_member_post`, `_from_the_floor`), the invited guests excepted.
- A bare officer's post («председатель», «секретарь») and a seat named by its electoral district («избирательный
  округ № 8») are the meeting's body's (`_bare_officer`, `_elected_in_district`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from models import lexicons, loading
from models.components.extensions import sentence_of
from pipelines.findings import MeetingFinding, OrganizationFinding, PersonFinding
from pipelines.normalize import inflect_token
from pipelines.person_names import fold
from pipelines.stages.membership._words import _WORD, _abbreviates, _head, _lemma_set, _lemmas
from pipelines.stages.membership.place_heads import _another_qualifier

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
    # The verbs that elect to a post make a member of an organ too («избрать в правление», «кооптирован в состав»).
    elects = lexicons.load("position_elect_verbs")
    if not any(_lemma_set(t.text) & elects for t in tokens):
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
            t.pos_ == "VERB" and not _lemma_set(t.text) & elects for t in gap if t.ent_type_ != "PER" and not t.is_punct
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
    # (A single listed commission of another level, «Республиканская ономастическая комиссия …» at the meeting of
    # the «областная ономастическая комиссия», is not the one meeting.)
    other = len(listed) == 1 and _other_level(meeting.body, listed[0].name)
    named = [o for o in listed if o.name == meeting.body] or (listed if len(listed) == 1 and not other else [])
    if not named and _own_commission_named(meeting.body):
        # «заседание санитарно-противоэпидемической комиссии», the commission listed nowhere: the meeting's title
        # names the body its chair, secretary and members stand for (heldout-genre-13 06, -15 06).
        named = [OrganizationFinding(meeting.body or "")]
    if len(named) != 1:
        return None
    commission = named[0]
    words = _lemmas(commission.name)
    between_states = any(w.startswith(("межправительств", "межгосударств")) for w in words)
    if words & lexicons.load("membership_bodies") or between_states:
        return None
    return commission


def _other_level(body: str | None, name: str) -> bool:
    """«областная ономастическая комиссия» is not «Республиканская ономастическая комиссия …»: the meeting's commission
    is named by a level's adjective the listed one's name lacks."""
    stems = {w.lower()[:6] for w in _WORD.findall(name)}
    return any(w.islower() and w.startswith(_LEVEL_STEMS) and w[:6] not in stems for w in _WORD.findall(body or ""))


def _own_commission_named(name: str | None) -> bool:
    """«санитарно-противоэпидемическая комиссия», «областная ономастическая комиссия»: a commission named by what it
    does or its level, no assembly's own commission (`membership_assembly_commissions.txt`: «постоянная комиссия»)
    and no bare «комиссия»."""
    words = _WORD.findall((name or "").split(" по ")[0])
    if len(words) < 2 or _COMMISSION not in _lemma_set(words[-1]) or not words[0].islower():
        return False
    return not any(_lemma_set(w) & lexicons.load("membership_assembly_commissions") for w in words[:-1])


def _of_commission(person: PersonFinding, commission: OrganizationFinding) -> bool:
    """A post at the commission («председатель комиссии», «секретарь КДН и ЗП», «главный специалист комиссии») held by
    someone the earlier stages linked to no body, to the commission or to the executive it works under."""
    elsewhere = person.organization is not None and person.organization != commission.name
    if elsewhere and not _head(person.organization or "") & _EXECUTIVE_KINDS:
        return False
    if person.organization == commission.name:
        return True
    if person.role in ("chair", "secretary"):
        # «Председательствовал: глава администрации Кировского района Сергей Петров», signing as «Председатель
        # комиссии»: the chair of the commission's own meeting is its chair, their office in the post. So is its
        # secretary, a specialist of the executive's unit keeping the commission's protocol («Секретарь – Жибуль
        # А.Н., главный специалист отдела по чрезвычайным ситуациям райисполкома»; heldout-genre-11, -12, -13, -20).
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


# «Горбунов, избирательный округ № 8», «депутат по округу №2»: a seat named by its electoral district just after
# a name.
_DISTRICT = re.compile(
    r"^[\s,.:–—-]*(?:[А-ЯЁа-яё]+[\s,]+){0,3}?(?:(?:избирательн\w+|одномандатн\w+)\s+)?округ\w*\s*№", re.I
)


def _elected_in_district(person: PersonFinding, text: str) -> bool:
    return any(_DISTRICT.match(text[m.end : m.end + 60]) for m in person.mentions)
