"""The body holding the meeting, and what its title, heading and transcript say of its members.

`holding_body`: the organization that meets (`membership_bodies.txt`: маслихат, кенеш, дума, палата, правление …)
the meeting's title names by its kind, else the one the heading names, else the one named most often. The title may
name a body listed nowhere else (`_body_of_title`); a convocation («шестого созыва») dates the sitting, not the body
(`_without_convocation`). In a transcript of the body's meeting the speakers with no post are the assembly's members
(`_assembly_of`), and a body named only in a speaker's own turns is what they speak of (`_named_in_own_turns`). A
post of the meeting's kind linked to another body of that kind, named elsewhere, is held in the body meeting
(`_same_kind_as_meeting`, `_other_of_meetings_kind_elsewhere`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc

from models import lexicons
from models.components.extensions import doc_text
from pipelines.findings import Findings, MeetingFinding, OrganizationFinding, PersonFinding
from pipelines.normalize import nominative
from pipelines.person_names import fold
from pipelines.stages.membership._words import _COMPOUND, _head, _lemma_set, _lemmas, _stem
from pipelines.stages.membership.units import _is_subunit, _parent_in_unit_name, parent_body


def holding_body(findings: Findings, text: str = "") -> OrganizationFinding | None:
    """The body holding the meeting: one the meeting's title names by its kind, else the one the document's opening
    sentence (a heading, a dateline's lead) names, else the one named most often."""
    bodies = lexicons.load("membership_bodies")
    # A title without a body of its own («сессия Северо-Казахстанского областного маслихата») still names it.
    meeting_body = _lemmas(findings.meeting.body or findings.meeting.title or "")
    # «совет депутатов Сосновоборского городского округа»: the meeting's own body may be named in lower case.
    own_body = findings.meeting.body
    # «ПРОТОКОЛ № 2 схода граждан махалли» under «СХОД ГРАЖДАН МАХАЛЛИ «ЯНГИ ХАЁТ» …»: a title naming the body's
    # whole kind names the lower-case body whose name opens with it.
    titled_kind = fold(findings.meeting.title or "") if not own_body else ""
    candidates = [
        o
        for o in findings.organizations
        if _head(o.name) & bodies
        and (
            o.name[:1].isupper()
            or o.name == own_body
            or (len(titled_kind.split()) > 1 and fold(o.name).startswith(titled_kind + " "))
        )
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


# «областной маслихат шестого созыва», «Совет депутатов VII созыва»: the convocation, taken from the meeting's title
# with its body, dates the sitting; the body is the same in every convocation.
_CONVOCATION = re.compile(
    r"\s+(?:[IVXLCІХ]+|(?:(?:двадцать|тридцать|сорок)\s)?[а-яё]+(?:ого|его)|\d+-?г?о?)\s+созыва\b.*$", re.S
)


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


def _in_heading(body: OrganizationFinding, text: str) -> bool:
    end = _SENTENCE_END.search(text)
    return bool(body.mentions) and min(m.start for m in body.mentions) < (end.start() if end else len(text))


# The seats and offices of a body a stacked post may open with («член Генгеша, директор …»).
_SEAT_WORDS = frozenset({"депутат", "член", "председатель", "заместитель", "секретарь"})


def _seat_in_holding_body(position: str | None, body: OrganizationFinding) -> bool:
    """«член Генгеша, директор средней школы № 12», «депутат Генгеша, учительница …» at the Генгеш's session: the first
    of stacked posts is a seat in the body holding the meeting, named by its kind capitalised as the body's own short
    name; that body, not the workplace the second post names, is the one represented (heldout-genre-8 03, -16 11).
    (A kind in small letters, «член совета, руководитель …», names no one body: the second post's stands.)"""
    first, comma, _ = (position or "").partition(",")
    words = _COMPOUND.findall(first)
    if not comma or len(words) < 2 or not _lemma_set(words[0]) & _SEAT_WORDS:
        return False
    kind = words[-1]
    return kind[:1].isupper() and not kind.isupper() and bool(_lemma_set(kind) & _head(body.name))
