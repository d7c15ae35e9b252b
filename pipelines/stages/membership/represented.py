"""The body a post stands for, and a deputy's seat over their party.

`represented` reads, in order: a listed body the post names by its kind («секретарь областного маслихата»); the
holding body a title named; the office a head's title stands for in the post's own place (`membership_heads.txt`:
аким → акимат); the body holding the meeting for a member's role (`membership_roles.txt`: депутат, член …), a
councillor or a unit of the assembly; the local executive for a unit of one. `sits_elsewhere` says when a deputy
linked to a body that is no assembly (their party, an affiliation) is looked up the same way: the assembly holding
the meeting is where they sit.
"""

from __future__ import annotations

from itertools import pairwise

from models import lexicons, loading
from pipelines.findings import OrganizationFinding
from pipelines.stages.membership._words import _COMPOUND, _head, _heads, _lemmas, _stem
from pipelines.stages.membership.commissions import _commission_of_a_level
from pipelines.stages.membership.place_heads import (
    _PLACE_UNITS,
    _another_named_place,
    _another_qualifier,
    _contracted_kind_in_post,
    _executive,
    _executive_of_level,
    _executive_of_place,
    _same_place,
)
from pipelines.stages.membership.units import _UNITS, _assembly_unit
from pipelines.stages.positions import another_remit
from pipelines.titles import is_position_head_word

# Roles of a seat in an assembly (a «член» may be a party's member: not one of them).
_SEATED = frozenset({"депутат", "комиссия", "фракция", "торага"})


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
    headed = _most_named(
        [
            o
            for o in orgs
            if _head(o.name) & kinds
            and _same_place(position, o.name)
            and not _another_named_place(position, o.name)
            and not _office_of_another_post(position, o.name)
            and not _another_remit_of_head(position, o.name, kinds)
        ],
        body,
    )
    if headed is not None:
        return headed
    if body is not None and words & lexicons.load("membership_roles") and not _commission_of_a_level(position):
        return body
    if body is not None and _named_by_members(position, body.name):
        return body
    # «Советник Людмила Мунтяну» at a municipal council's session: a councillor of Moldova's and Romania's councils,
    # not an adviser (who names the office advised: «советник министра»).
    councillor = "советник" in words and len(_COMPOUND.findall(position)) == 1
    if body is not None and councillor and "совет" in _head(body.name):
        return body
    if body is not None and _assembly_unit(position, None):
        # «председатель комитета» with no body or place named: a unit of the assembly holding the meeting.
        return body
    if (contracted := _contracted_kind_in_post(position)) is not None:
        # «начальник управления … райисполкома»: the executive committee of the level the post names, or none.
        return _executive_of_level(contracted, orgs)
    if words & _UNITS:
        return _executive(orgs, body)
    return _executive_of_place(position, orgs, body)


def _named_by_members(position: str, name: str) -> bool:
    """«старейшина» at a session of the «Совет старейшин общины …», «аксакал» of the «Совет аксакалов»: a council named
    by its members in the genitive plural has as members those its text calls so, the bare noun (a party's seat
    after it: «старейшина от фракции …»)."""
    post = _COMPOUND.findall(position.split(",")[0].split(" от ")[0])
    if len(post) != 1:
        return False
    words = _COMPOUND.findall(name.split("«")[0])
    member = _lemmas(post[0])
    return any(
        _lemmas(word) & member and any(p.tag.number == "plur" and p.tag.case == "gent" for p in loading.parse(word))
        for word in words[1:]
    )


def _office_of_another_post(position: str, name: str) -> bool:
    """«Администрация Президента РК» is no office «аким области» heads: an office named by the post it serves (the
    word after its kind a post's head, «Президента», «Главы») is that post's, not the place's."""
    words = _COMPOUND.findall(name.split("«")[0])
    if len(words) < 2 or words[1][:1].islower():
        return False
    served = _lemmas(words[1])
    return any(is_position_head_word(w, w) for w in served) and not served & _lemmas(position)


def _another_remit_of_head(position: str, name: str, kinds: set[str]) -> bool:
    """«первый заместитель министра здравоохранения региона» is not of «Министерство дорожного хозяйства и транспорта
    Челябинской области»: the word after the head's title names the office's remit, and the body's name lacks it (a
    place, «министра области», or a level, «главы района», names no remit)."""
    words = _COMPOUND.findall(position.split(",")[0])
    body_stems = {_stem(w) for w in _COMPOUND.findall(name)}
    for title, after in pairwise(words):
        if not {k for w in _lemmas(title) for k in _heads(also=True).get(w, ())} & kinds & _head(name):
            continue
        parses = loading.parse(after)
        remit = bool(parses) and parses[0].tag.POS == "NOUN" and parses[0].tag.case == "gent"
        # («главы госадминистрации»: the kind itself, short; «представитель мэра в …»: no remit.)
        if not after.islower() or not remit or _lemmas(after) & _PLACE_UNITS or any(k[:-2] in after for k in kinds):
            return False
        return _stem(after) not in body_stems
    return False


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
