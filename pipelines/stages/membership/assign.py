"""The stage: each person's body, decided in order by the rule families of the package's other modules.

`run` first gathers what the whole document says: the bodies posts named whole, the body holding the meeting
(`holding`), the owner of the council meeting (`letterheads`, `owners`), the meeting's commission and members' body
(`commissions`), a transcript's assembly. Then, person by person (`_person_body`): the meeting's commission, the
chair heading the place, a contracted executive and a unit kept in the post decide alone; after them each rule
revises what the earlier ones gave: a body named in the post, a unit's parent (`units`); a head's own office
(`place_heads`); the body the post stands for (`represented`); a body named by its kind (`kinds`); officers,
members and speakers of the meeting's body (`commissions`, `holding`); the owner's councils (`owners`). A learned
reranker (`pipelines.reranking`) weighs the result last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from models import lexicons
from models.components.extensions import doc_text
from pipelines import reranking
from pipelines.bylines import byline_author
from pipelines.findings import Findings, MeetingFinding, OrganizationFinding, PersonFinding
from pipelines.layouts import detect_layout, find_sections
from pipelines.stages.membership._words import _COMPOUND, _head, _lemmas
from pipelines.stages.membership.commissions import (
    _FLOOR_ROLES,
    _bare_officer,
    _elected_in_district,
    _elected_member,
    _from_the_floor,
    _inner_office,
    _invited,
    _meeting_commission,
    _member_post,
    _members_meeting_body,
    _of_commission,
)
from pipelines.stages.membership.holding import (
    _assembly_of,
    _body_of_title,
    _in_heading,
    _named_in_own_turns,
    _other_of_meetings_kind_elsewhere,
    _same_kind_as_meeting,
    _seat_in_holding_body,
    _without_convocation,
    holding_body,
)
from pipelines.stages.membership.kinds import (
    _bare_kind_of_post,
    _kind_before_quote,
    _named_by_legal_kind,
    _named_in_full,
    _quoted_with_kind,
    _without_kind,
)
from pipelines.stages.membership.letterheads import (
    _letterhead_of_kind,
    _letterhead_owner,
    _names_a_listed_parent,
    _parent_of_meeting,
)
from pipelines.stages.membership.owners import (
    _OWNING_PLACES,
    _bare_unit,
    _council_of,
    _kind_of_owner,
    _own_council,
    _post_names_owner,
    _short_of,
    _with_council_owner,
    _with_owner,
)
from pipelines.stages.membership.place_heads import (
    _contracted_executive,
    _deputy_head,
    _deputy_of_named_place,
    _heads_a_place,
    _office_of_place_head,
    _place_head_by_unit,
    _same_place,
    _without_contracted_kind,
)
from pipelines.stages.membership.represented import _most_named, represented, sits_elsewhere
from pipelines.stages.membership.units import (
    _assembly_unit,
    _body_after_unit,
    _body_named_after_unit_elsewhere,
    _described_unit,
    _is_subunit,
    _listed_body_after_unit,
    _meeting_of_unit,
    _parent_in_unit_name,
    _post_with_unit,
    _unit_in_post,
    _unit_of_meeting_executive,
    _with_unit_remit,
    body_in_post,
    parent_body,
    unit_of_one_executive,
)
from pipelines.stages.positions import unit_kept_in_post, with_party, without_body, without_organ_owner


@dataclass(frozen=True)
class _Document:
    """What the whole document says of the meeting, read once before the persons (`run`)."""

    doc: Doc
    orgs: tuple[OrganizationFinding, ...]  # the bodies the organizations stage listed
    body: OrganizationFinding | None  # the body holding the meeting (`holding_body`)
    meeting_body: str | None  # the body the meeting stage read from the title
    meeting_words: set[str]  # the lemmas of the meeting's body or title
    own: bool  # the meeting is the body's own, or one of its units'
    headed: bool  # … or the document's heading names the body
    meeting_org: OrganizationFinding | None  # the listed body the meeting names
    commission: OrganizationFinding | None  # the commission holding the meeting (`_meeting_commission`)
    members_body: OrganizationFinding | None  # the body whose members meet (`_members_meeting_body`)
    invited: list[tuple[int, int]]  # the sections listing the invited
    transcript_body: str | None  # the assembly whose transcript this is (`_assembly_of`)
    owner_of_councils: str | None  # the owner of the council meeting (`letterheads`), no place


# The meeting's own officers (the roles the protocol's header and the chair's words give).
_OFFICERS = frozenset({"chair", "secretary"})


def run(doc: Doc, findings: Findings) -> Findings:
    """Each person's body: what the document says as a whole first (`_Document`), then each person (`_person_body`)."""
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
    unit_parent = _parent_of_meeting_unit(doc, findings.meeting, listed)
    if unit_parent is not None and unit_parent not in names and titled is None:
        # «заседание постоянного комитета Государственного Собрания (Ил Тумэн) Республики Саха (Якутия)», the
        # assembly listed only inside its committee's name: the assembly holds its unit's sitting.
        carried[unit_parent] = None
    with_carried = listed + tuple(OrganizationFinding(name) for name in carried)
    # «финансовая служба мэрии Марнеульского муниципалитета» listed whole: the local executive its unit names is a
    # body the text names, whose head («Мэр Заза Беридзе») and staff represent it.
    orgs = listed + tuple(OrganizationFinding(name) for name in _executives_named_in_units(doc, listed))
    body = holding_body(replace(findings, organizations=with_carried), doc_text(doc))
    # The meeting is the body's own («заседание Думы»), or one of its committee's («заседание комитета»): its
    # committees are the body's.
    meeting_words = _lemmas(findings.meeting.body or findings.meeting.title or "")
    own = body is not None and bool(_head(body.name) & meeting_words or _meeting_of_unit(findings.meeting))
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
    document = _Document(
        doc=doc,
        orgs=orgs,
        body=body,
        meeting_body=findings.meeting.body,
        meeting_words=meeting_words,
        own=own,
        headed=headed,
        meeting_org=meeting_org,
        commission=commission,
        members_body=members_body,
        invited=invited,
        transcript_body=transcript_body,
        owner_of_councils=owner_of_councils,
    )
    text = doc_text(doc)
    # (A report's author signs it: no one at the meeting, whatever body holds it.)
    persons = [person if byline_author(person, text) else _person_body(person, document) for person in findings.persons]
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


def _executives_named_in_units(doc: Doc, orgs: tuple[OrganizationFinding, ...]) -> list[str]:
    """Local executives (`membership_executives.txt`) a listed unit's name names after its own words, where no body
    of their kind is listed."""
    names = {o.name for o in orgs}
    found: list[str] = []
    for org in orgs:
        if not _is_subunit(org.name):
            continue
        split = _body_after_unit(doc, org.name, orgs)
        if split is None or split[1] in names or split[1] in found:
            continue
        kind = _head(split[1]) & lexicons.load("membership_executives")
        # (One listed of the kind already, «Администрация Сокольского муниципального округа», is the one the unit's
        # short «администрации округа» means.)
        if kind and not any(_head(o.name) & kind for o in orgs):
            found.append(split[1])
    return found


def _parent_of_meeting_unit(doc: Doc, meeting: MeetingFinding, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """The assembly the meeting's own unit names after its kind, where no listed body is of that assembly's kind."""
    if not meeting.body or not _is_subunit(meeting.body):
        return None
    parent = _parent_in_unit_name(doc, meeting.body, orgs)
    if parent is None or not _head(parent) & lexicons.load("membership_bodies"):
        return None
    return None if any(_head(o.name) & _head(parent) and not _is_subunit(o.name) for o in orgs) else parent


# An election commission by its words or its short names («горизбирком», «облизбирком», «ТИК»).
_ELECTION_COMMISSION = re.compile(r"избирательн\w* комисси|из[бд]ирком|изберком|\b[ТЦО]ИК\b", re.IGNORECASE)


def _election_officer(position: str | None) -> bool:
    """«Заседание ведёт председатель горизбиркома Ю.В. Кошкин»: the election commission convenes an assembly's
    first sitting and its chair opens it; they are the commission's officer, not the new assembly's."""
    return bool(position) and _ELECTION_COMMISSION.search(position or "") is not None


def _person_body(person: PersonFinding, document: _Document) -> PersonFinding:
    """A person's body (and post), read by the rules in order: the first four (the meeting's commission, the chair
    heading the place, a contracted executive, a unit kept in the post) decide alone; each later one revises what
    the ones before it gave."""
    decided = _body_decided_alone(person, document)
    return decided if decided is not None else _body_revised(person, document)


def _heads_named_office(position: str | None, orgs: tuple[OrganizationFinding, ...]) -> bool:
    """«хоким района» where the text lists the one «хокимият Термезского района»: an executive head of a place whose
    office the text names heads that office, chairing the council's session or not (gold-format; corpus-genre c04)."""
    if _place_head_by_unit(position) is None:
        return False
    office = _office_of_place_head(position or "", orgs)
    return office is not None and office[0] is None


def _body_decided_alone(person: PersonFinding, document: _Document) -> PersonFinding | None:
    """The rules that decide alone: the letterhead's owner as written, the meeting's commission, the chair heading the
    place, a contracted executive, a unit kept in the post; None where none of them reads the person."""
    if (
        document.owner_of_councils is not None
        and person.organization == document.owner_of_councils
        and _names_a_listed_parent(person.organization, document.orgs)
    ):
        # «ТОМСКОЕ РЕГИОНАЛЬНОЕ ОТДЕЛЕНИЕ / ОБЩЕРОССИЙСКОЙ … «…»» over «заседания правления»: the owner the letterhead
        # names stands for its council's people as written, a branch too (no unit of the parent it names).
        return person
    if document.commission is not None and _of_commission(person, document.commission):
        # «заместитель главы администрации города, председатель комиссии» at the meeting of the commission on
        # minors' affairs of the city's administration: at its own meeting the commission's officers and staff
        # stand for the commission, a collegial body of its own (the post keeps their office).
        # (The commission named whole in a single post is not repeated: «председатель Избирательной комиссии
        # Оренбургской области» → «председатель»; stacked posts keep their office's place, «первый заместитель
        # главы округа, председатель КЧС и ОПБ».)
        single = "," not in (person.position or "")
        position = without_body(person.position, document.commission.name) if single else person.position
        return replace(person, organization=document.commission.name, position=position)
    if (
        document.headed
        and document.body is not None
        and person.role == "chair"
        and (
            (
                _heads_a_place(person.position)
                and _same_place(person.position or "", document.body.name)
                and not _heads_named_office(person.position, document.orgs)
            )
            or (
                person.organization is None
                and _deputy_head(person.position)
                # (Chairing a hearing on the council's draft, not the council's own sitting, a deputy of a named
                # place's head is the administration's: `represented` below.)
                and (document.own or not _deputy_of_named_place(person.position))
            )
        )
    ):
        # «Председательствует Глава города Мончегорска»: the chair of the council's session who heads the
        # place belongs to the body holding the meeting (the place keeps its post). Not a body of another place:
        # «под председательством акима Ала-Букинского района» does not chair the parliament one guest sits in.
        return replace(person, organization=document.body.name)
    executive = _contracted_executive(person.position, document.orgs) if person.position else None
    if executive is not None:
        return replace(person, position=executive[0], organization=executive[1])
    kept = unit_kept_in_post(person.position, document.orgs)
    if kept is not None:
        # «руководитель управления финансов Мангистауской области», the unit named nowhere else, stays the post's;
        # at the executive's own meeting the unit is the executive's (`_unit_of_meeting_executive`).
        post, unit = kept
        executive = _unit_of_meeting_executive(unit, document.orgs, document.body, document.meeting_words)
        if executive is not None:
            position = _post_with_unit(post, _unit_in_post(unit), unit.split()[0])
            person = replace(person, organization=executive, position=position)
        elif (one := unit_of_one_executive(unit, document.orgs, document.body)) is not None:
            # «Начальник управления ЖКХ Светлана Ли», the one administration named: the unit is the administration's.
            person = replace(person, organization=one[1], position=_post_of_unit(post, one[0]))
        return person
    return None


def _body_revised(person: PersonFinding, document: _Document) -> PersonFinding:
    """The rules that revise, each what the ones before it gave: the body the post names, a subunit's parent, the
    person's own office, a bare kind of post, the meeting's body for its officers, members and the floor, a quoted
    name with its kind, the owner named short, the meeting's assembly for its unit."""
    # (Linked by no earlier stage: the body the rules below find is the one the post names.)
    unlinked = person.organization is None
    named = body_in_post(person.position, document.orgs) if person.position else None
    if named is not None:
        person = replace(person, position=named[0], organization=named[1].name)
    if person.organization is not None and _is_subunit(person.organization):
        parent = parent_body(person.organization, document.orgs)
        if parent is None and document.own and _assembly_unit(person.organization, person.position):
            # «председатель комитета» of «Комитет по социальной политике» at the committee's meeting.
            position = _with_unit_remit(person.position, person.organization, doc_text(document.doc))
            person = replace(person, organization=document.body.name, position=position)
        elif parent is not None:
            # (The post keeps the text's «председатель комитета»: a parliament's committee named with its remit in
            # the heading is not repeated in its chair's post. A local executive's unit, «финансовая служба мэрии …»,
            # stays in the post: «руководитель финансовой службы».)
            executive = _head(parent.name) & lexicons.load("membership_executives")
            unit = _described_unit(person.organization) if executive else None
            position = _post_with_unit(person.position, unit, unit.split()[-1]) if unit else person.position
            person = replace(person, organization=parent.name, position=position)
        elif (named_parent := _parent_in_unit_name(document.doc, person.organization, document.orgs)) is not None:
            # «Комитет Совета Федерации по социальной политике» with the council not listed apart: the unit's
            # own name names the body its members represent.
            person = replace(person, organization=named_parent)
        elif (
            executive := _unit_of_meeting_executive(
                person.organization, document.orgs, document.body, document.meeting_words
            )
        ) is not None:
            # «руководитель управления энергетики … Атырауской области» at the akimat's own meeting: the unit of
            # the place is the akimat's; the unit stays in the post.
            unit = _unit_in_post(person.organization)
            position = _post_with_unit(person.position, unit, unit.split()[0] if unit else "")
            person = replace(person, organization=executive, position=position)
        elif (one := unit_of_one_executive(person.organization, document.orgs, document.body)) is not None:
            # «Начальник управления ЖКХ Светлана Ли» with the one «администрация города Салехарда» named, the unit
            # listed nowhere: the unit is the one executive's, and stays in the post.
            person = replace(person, organization=one[1], position=_post_of_unit(person.position, one[0]))
    elif person.organization is not None and (unit := _described_unit(person.organization)) is not None:
        parent = parent_body(person.organization, document.orgs)
        if parent is not None:
            # «начальник» of «Финансовое управление Администрации города Пскова» → «начальник финансового
            # управления» of the administration: a unit named with its body stays in the post.
            position = _post_with_unit(person.position, unit, unit.split()[-1] if unit else "")
            person = replace(person, organization=parent.name, position=position)
    if (
        person.organization is not None
        and (split := _body_after_unit(document.doc, person.organization, document.orgs)) is not None
    ):
        # «начальник Новокузнецкого территориального отдела Управления Роспотребнадзора по Кемеровской области»,
        # listed as one: the unit stays in the post, the body after it is the one represented.
        unit, parent_name = split
        position = _post_with_unit(person.position, unit, unit.split()[-1])
        person = replace(person, organization=parent_name, position=position)
    if (
        person.organization is not None
        and (apart := _listed_body_after_unit(document.doc, person, document.orgs)) is not None
    ):
        # The same, the body listed apart from its unit.
        unit, parent_name = apart
        position = _post_with_unit(person.position, unit, unit.split()[-1])
        person = replace(person, organization=parent_name, position=position)
    own_office = (
        _office_of_place_head(person.position, document.orgs, also=person.role not in _OFFICERS)
        if person.position
        else None
    )
    if own_office is not None and own_office[0] is None:
        if person.organization is not None and person.organization != own_office[1]:
            # «помощник хокима по вопросам …» linked to a project they spoke of: the one хокимият listed.
            person = replace(person, organization=own_office[1])
        elif person.organization is None and (head := _place_head_by_unit(person.position)) is not None:
            # «Сессию вел хоким района …» with the one «хокимият Термезского района» listed: the place's head, chairing
            # the council's session too, heads the office the text names; the post drops the place (gold-format's
            # «аким» of the named body; corpus-genre c04's хоким opening the Kengash's session).
            person = replace(person, position=head, organization=own_office[1])
    elif own_office is not None:
        # «мэр Токмока» linked to «Токмок», «мэр Гюмри» to a party of Гюмри: the head of a place serves the
        # place's own office of that head the text names («мэрия города Токмок»); the post drops the place, also
        # where the earlier stages linked the office already («аким Шымкента» of «акимат города Шымкент»).
        person = replace(person, position=own_office[0], organization=own_office[1])
    if person.position and (
        person.organization is None or sits_elsewhere(person.position, person.organization, document.body)
    ):
        # (The meeting's chair or secretary, «заместитель мэра» chairing a council, is the council's officer
        # before an office their title may head: `_OFFICERS` below.)
        found = represented(person.position, document.orgs, document.body, also=person.role not in _OFFICERS)
        if found is not None:
            # «мэр города Ош» linked to «мэрия города Ош»: the post drops the place the body names.
            position = with_party(without_body(person.position, found.name) or "", person.organization)
            position = _without_contracted_kind(position, found)
            if found not in document.orgs:
                # «председатель муниципалитета» of the body the title named: its kind is not repeated in the post.
                position = _without_kind(position, found.name) or position
            # «первый заместитель председателя комитета» of «Комитет Государственной Думы по охране здоровья»:
            # the unit's parent body named apart is the one represented; the unit stays in the post.
            parent = parent_body(found.name, document.orgs) if _is_subunit(found.name) else None
            named_parent = (
                _parent_in_unit_name(document.doc, found.name, document.orgs) if _is_subunit(found.name) else None
            )
            organization = parent.name if parent is not None else named_parent or found.name
            one = (
                unit_of_one_executive(found.name, document.orgs, document.body) if organization == found.name else None
            )
            if one is not None:
                # «начальник управления образования», the unit listed nowhere: the one administration's.
                organization, position = one[1], _post_of_unit(position, one[0])
            person = replace(person, organization=organization, position=position)
    if (
        (unlinked or _unit_of_bare_post(person, document.orgs))
        and person.organization is not None
        and (unit := _described_unit(person.organization, bare=True)) is not None
        and (written := _body_named_after_unit_elsewhere(document.doc, person.organization, document.orgs))
        # «Могилёвское областное управление МЧС»: a unit before an abbreviated body is a body of its own.
        and (unlinked or len(_COMPOUND.findall(written.name)) > 1)
    ):
        # «ведущий специалист отдела … Финансового управления», the unit its post names written elsewhere with its
        # body («Финансового управления Администрации Северодвинска»): that body's, the unit in the post.
        position = _post_with_unit(person.position, unit, unit.split()[-1])
        person = replace(person, organization=written.name, position=position)
    kind = _bare_kind_of_post(person.position) if person.organization is not None and person.position else None
    linked_kind = _head(person.organization or "") if kind else frozenset()
    if kind and linked_kind & lexicons.load("org_heads") and not linked_kind & kind:
        # «инспектор палаты», «ректор университета» linked to a body of another known kind (the assembly that
        # thanked them): the post names the kind of the body it serves, and one listed body of that kind (the
        # holding one first) is it. (A body linked by its quoted name alone, «фонда «Мекен-Мигрант»», is read
        # with its kind below.)
        named = [o for o in document.orgs if o.name[:1].isupper() and _head(o.name) & kind and not _is_subunit(o.name)]
        pick = _most_named(named, document.body)
        if pick is not None:
            person = replace(person, organization=pick.name)
    if person.organization is None and person.position and (named := _named_by_legal_kind(person, document.orgs)):
        # «директору товарищества Андрею Бондарю» after «ТОО «ЭкоТеплоТранзит»»: the kind stands for the company
        # named before it.
        person = replace(person, organization=named[0], position=named[1])
    if (
        person.organization is None
        and document.headed
        and document.body is not None
        and _elected_in_district(person, doc_text(document.doc))
    ):
        # «Горбунов, избирательный округ № 8»: a member of the assembly known only by the district electing them.
        person = replace(person, organization=document.body.name)
    if person.organization is None and document.meeting_org is not None and _bare_officer(person.position):
        # «рассказала заместитель председателя Ирина Кнопп» at the council's meeting: an officer's post naming no
        # body is the office of the body the meeting names.
        person = replace(person, organization=document.meeting_org.name)
    if (
        person.organization is None
        and (document.meeting_org or document.body) is not None
        and person.role in _OFFICERS
        and not _election_officer(person.position)
    ):
        # «Председательствующий: …», «Секретарь: Нагорный Д.В.»: the meeting's chair and secretary with no body
        # of their own are the officers of the body holding it (the one the meeting names, else the likeliest).
        person = replace(person, organization=(document.meeting_org or document.body).name)
    if person.organization is None and document.members_body is not None and _inner_office(person.position):
        # «председатель ревизионной комиссии», «член правления» at the general meeting of a cooperative's members:
        # an office of the members' own organs is the body's.
        person = replace(person, organization=document.members_body.name)
    if (
        person.organization is None
        and document.members_body is not None
        and person.position
        and (person.role in _FLOOR_ROLES or _bare_officer(person.position) or _member_post(person.position))
        and not _heads_a_place(person.position)
        and not _invited(person, document.invited)
    ):
        # «Тынелькут С.П., бригадир ставного невода», «председатель – Шаповалова Е.Г.» at the general meeting of a
        # collective farm's members: a post with no body of its own, held by no invited guest, is the body's.
        person = replace(person, organization=document.members_body.name)
    if (
        document.transcript_body is not None
        and person.spoke
        and not person.position
        and person.organization is not None
        and _named_in_own_turns(doc_text(document.doc), person, person.organization, document.orgs)
    ):
        # «Куртанидзе Г.Ш. – По данным Национального агентства продовольствия, …»: a body the speaker names only
        # in their own turns is what they speak of, not theirs.
        person = replace(person, organization=None)
    if person.organization is None and document.transcript_body is not None and person.spoke and not person.position:
        # «Цинцадзе М.А. – Отар Тариелович, крестьяне жалуются …»: a turn of the body's transcript whose speaker
        # has no post or body named anywhere is a member's (a guest is introduced by their post).
        person = replace(person, organization=document.transcript_body)
    if person.organization is None and document.members_body is not None and _from_the_floor(person):
        # «ВЫСТУПИЛИ: Головань С.Н. (уч. 47) – о качестве отсыпки»: at the general meeting of a partnership's
        # members, a speaker with no post or body of their own is one of its members.
        person = replace(person, organization=document.members_body.name)
    if person.organization is not None:
        fuller = _named_in_full(person.organization, document.orgs, document.body)
        if fuller is not None:
            person = replace(person, organization=fuller)
    kinded = _quoted_with_kind(person.organization, document.orgs) if person.organization is not None else None
    if kinded is None and person.organization is not None:
        kinded = _kind_before_quote(document.doc, person)
    if kinded is not None:
        # «руководитель крестьянского хозяйства «Береке»» linked to the bare «Береке»: the body is the listed
        # «крестьянское хозяйство «Береке»», and its kind leaves the post.
        person = replace(person, organization=kinded, position=_without_kind(person.position, kinded))
    if (
        document.headed
        and document.body is not None
        and person.organization != document.body.name
        and _seat_in_holding_body(person.position, document.body)
    ):
        person = replace(person, organization=document.body.name)
    if document.meeting_org is not None and _same_kind_as_meeting(person, document.meeting_org, document.orgs):
        person = replace(person, organization=document.meeting_org.name)
    elif (
        document.headed
        and document.body is not None
        and _other_of_meetings_kind_elsewhere(doc_text(document.doc), person, document.orgs, document.body)
    ):
        person = replace(person, organization=document.body.name)
    if (
        document.owner_of_councils is not None
        and person.organization is not None
        and (_own_council(person.organization) or _council_of(person.organization, document.owner_of_councils, None))
    ):
        # «председатель объединённого совета обучающихся», the council split off the post above: the owner's.
        person = _with_council_owner(person, document.owner_of_councils, document.meeting_body)
    elif document.owner_of_councils is not None and _short_of(person.organization, document.owner_of_councils):
        # «Палата предпринимателей» at the meeting of «президиум Палаты предпринимателей Северо-Казахстанской
        # области»: the owner named short.
        person = replace(person, organization=document.owner_of_councils)
    return _assembly_of_unit(person, document)


def _post_of_unit(post: str | None, unit: str) -> str | None:
    """The post worded with the unit it serves in, the unit named by its kind (`unit_of_one_executive`)."""
    return _post_with_unit(post, unit, unit.split()[0])


def _unit_of_bare_post(person: PersonFinding, orgs: tuple[OrganizationFinding, ...]) -> bool:
    """«начальник» linked to «Кеминское районное управление», a unit the organizations stage found but did not list:
    the unit completes the bare post it was read from. A post naming a place of its own («прокурор Лейлекского
    района») was linked to a unit of someone else's title."""
    organization = person.organization
    if organization is None or any(o.name == organization and o.listed for o in orgs):
        return False
    return not any(w[:1].isupper() for w in _COMPOUND.findall(person.position or ""))


def _assembly_of_unit(person: PersonFinding, document: _Document) -> PersonFinding:
    """«член комитета» linked by the rules above to «Комитет по аграрной политике», the meeting's own committee
    named without its assembly («в Милли Меджлисе состоялось заседание Комитета …»): the committee is a unit, its
    members the assembly's (gold-format: the top-level body; the unit stays in the post)."""
    unit = person.organization
    body = document.body
    if unit is None or body is None or not document.own or body.name == unit or not _is_subunit(unit):
        return person
    if parent_body(unit, document.orgs) is not None or not _assembly_unit(unit, person.position):
        return person
    return replace(person, organization=body.name)
