"""Research queries over the index (storage/index.py): persons, organizations, co-occurrence, topics, search."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import func, literal, literal_column, or_, select, text
from sqlalchemy.orm import Session

from service.morphology import phrase_key, query_terms, snippet
from service.storage.index import index_current_record, lemma_conditions
from service.storage.tables import (
    MEETINGS_FTS,
    ArchiveOrganization,
    ArchivePerson,
    Document,
    IdentitySource,
    IndexedMeeting,
    MeetingTopic,
    OrganizationAppearance,
    OrganizationDecision,
    OrganizationName,
    PersonAppearance,
    Token,
    utcnow,
)


@dataclass(frozen=True)
class MeetingFilter:
    """Which meetings a query looks at; every field left None means no restriction."""

    date_from: date | None = None
    date_to: date | None = None
    organization: uuid.UUID | None = None
    person: uuid.UUID | None = None
    topic: str | None = None

    def conditions(self) -> list[Any]:
        # A period leaves out meetings without a full date: nobody knows whether they are in it.
        found: list[Any] = []
        if self.date_from is not None:
            found.append(IndexedMeeting.date >= self.date_from)
        if self.date_to is not None:
            found.append(IndexedMeeting.date <= self.date_to)
        if self.organization is not None:
            found.append(
                or_(
                    IndexedMeeting.document_id.in_(
                        select(OrganizationAppearance.document_id).where(
                            OrganizationAppearance.organization_id == self.organization
                        )
                    ),
                    IndexedMeeting.document_id.in_(
                        select(PersonAppearance.document_id).where(
                            PersonAppearance.organization_id == self.organization
                        )
                    ),
                )
            )
        if self.person is not None:
            found.append(
                IndexedMeeting.document_id.in_(
                    select(PersonAppearance.document_id).where(PersonAppearance.person_id == self.person)
                )
            )
        if self.topic is not None:
            found.append(
                IndexedMeeting.document_id.in_(
                    select(MeetingTopic.document_id).where(MeetingTopic.topic_id == self.topic)
                )
            )
        return found


def _by_date(meeting: IndexedMeeting | None) -> tuple[bool, date, str]:
    """Oldest first, undated last (then by title, so the order is stable)."""
    day = meeting.date if meeting is not None else None
    return (day is None, day or date.max, (meeting.title or "") if meeting is not None else "")


# Persons


def find_persons(session: Session, query: str, offset: int, limit: int) -> tuple[list[tuple[ArchivePerson, int]], int]:
    """Archive persons whose names contain every query word in some inflection, with their meeting counts."""
    matching = select(PersonAppearance.person_id)
    terms = query_terms(query)
    if terms:
        matching = matching.where(*lemma_conditions(PersonAppearance.name_keys, terms))
    chosen = select(ArchivePerson).where(ArchivePerson.id.in_(matching))
    count = session.scalar(select(func.count()).select_from(chosen.subquery())) or 0
    ordered = chosen.order_by(ArchivePerson.surname, ArchivePerson.name, ArchivePerson.id)
    page = list(session.scalars(ordered.offset(offset).limit(limit)))
    meetings = _meeting_counts(session, PersonAppearance.person_id, [person.id for person in page])
    return [(person, meetings.get(person.id, 0)) for person in page], count


def _meeting_counts(session: Session, column: Any, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    table = column.class_
    rows = session.execute(
        select(column, func.count(table.document_id.distinct())).where(column.in_(ids)).group_by(column)
    ).all()
    return {key: value for key, value in rows}


def latest_posts(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[str | None, str | None]]:
    """Each person's position and organization in their latest meeting that names one (to tell namesakes apart)."""
    if not ids:
        return {}
    rows = session.execute(
        select(PersonAppearance, IndexedMeeting)
        .outerjoin(IndexedMeeting, IndexedMeeting.document_id == PersonAppearance.document_id)
        .where(
            PersonAppearance.person_id.in_(ids),
            or_(PersonAppearance.position.is_not(None), PersonAppearance.organization.is_not(None)),
        )
    ).all()
    found: dict[uuid.UUID, tuple[str | None, str | None]] = {}
    for appearance, _ in sorted(rows, key=lambda row: _by_date(row[1]), reverse=True):
        found.setdefault(appearance.person_id, (appearance.position, appearance.organization))
    return found


def get_person(session: Session, person_id: uuid.UUID) -> ArchivePerson | None:
    return session.get(ArchivePerson, person_id)


def person_appearances(session: Session, person_id: uuid.UUID) -> list[tuple[PersonAppearance, IndexedMeeting | None]]:
    """The person's appearances with their meetings, oldest meeting first."""
    rows = session.execute(
        select(PersonAppearance, IndexedMeeting)
        .outerjoin(IndexedMeeting, IndexedMeeting.document_id == PersonAppearance.document_id)
        .where(PersonAppearance.person_id == person_id)
        .order_by(PersonAppearance.id)
    ).all()
    return sorted(((row[0], row[1]) for row in rows), key=lambda pair: _by_date(pair[1]))


class IdentityError(ValueError):
    """A split or merge that cannot be done as asked (the route turns it into a 4xx)."""


def split_person(session: Session, person_id: uuid.UUID, appearance_ids: Sequence[int], token: Token) -> ArchivePerson:
    """Move some appearances of a person to a new archive person: the archivist says they are someone else."""
    person = session.get(ArchivePerson, person_id)
    if person is None:
        raise LookupError(f"no person {person_id}")
    appearances = session.scalars(select(PersonAppearance).where(PersonAppearance.person_id == person_id)).all()
    moving = [item for item in appearances if item.id in set(appearance_ids)]
    unknown = set(appearance_ids) - {item.id for item in moving}
    if unknown:
        raise IdentityError(f"person {person_id} has no appearances {sorted(unknown)}")
    if not moving or len(moving) == len(appearances):
        raise IdentityError("a split moves some of the person's appearances, not none and not all")
    first = moving[0]
    new = ArchivePerson.named_as(first)
    session.add(new)
    session.flush()
    decision = _decision("split", token, {"from_person_id": str(person_id)})
    for item in moving:
        item.person_id = new.id
        _decide(item, decision)
    # The appearances that stay were confirmed as this person by the same act.
    for item in appearances:
        if item not in moving:
            _decide(item, _decision("split", token, {"kept_in_person_id": str(person_id)}))
    session.flush()
    return new


def merge_persons(session: Session, person_id: uuid.UUID, other_id: uuid.UUID, token: Token) -> ArchivePerson:
    """Make another archive person's appearances this person's: the archivist says they are one person."""
    if person_id == other_id:
        raise IdentityError("a person cannot be merged with itself")
    person, other = session.get(ArchivePerson, person_id), session.get(ArchivePerson, other_id)
    if person is None or other is None:
        raise LookupError(f"no person {person_id if person is None else other_id}")
    decision = _decision("merge", token, {"merged_person_id": str(other_id)})
    for item in session.scalars(
        select(PersonAppearance).where(PersonAppearance.person_id.in_([person_id, other_id]))
    ).all():
        item.person_id = person_id
        _decide(item, decision)
    if other.first_name and not person.first_name:
        person.name, person.first_name, person.patronymic = other.name, other.first_name, other.patronymic
    person.initials = person.initials or other.initials
    session.flush()
    session.delete(other)
    session.flush()
    return person


def _decision(action: str, token: Token, extra: dict[str, str]) -> dict[str, Any]:
    return {"action": action, "by": str(token.id), "by_name": token.name, "at": utcnow().isoformat(), **extra}


def _decide(item: PersonAppearance, decision: dict[str, Any]) -> None:
    # The machine's evidence stays next to the archivist's decision, so both are visible.
    machine = item.evidence.get("machine", item.evidence) if item.evidence else {}
    item.evidence = {"rule": "archivist", "decision": decision, "machine": machine}
    item.decided_by = IdentitySource.ARCHIVIST.value


# Organizations


def find_organizations(
    session: Session, query: str, offset: int, limit: int
) -> tuple[list[tuple[ArchiveOrganization, int]], int]:
    """Organizations with a name or alias that contains every query word in some inflection."""
    chosen = select(ArchiveOrganization)
    terms = query_terms(query)
    if terms:
        padded = literal(" ").concat(OrganizationName.key).concat(" ")
        chosen = chosen.where(
            ArchiveOrganization.id.in_(select(OrganizationName.organization_id).where(*lemma_conditions(padded, terms)))
        )
    count = session.scalar(select(func.count()).select_from(chosen.subquery())) or 0
    page = session.scalars(
        chosen.order_by(ArchiveOrganization.name, ArchiveOrganization.id).offset(offset).limit(limit)
    )
    found = list(page)
    meetings = {item.id: len(_organization_documents(session, item.id)) for item in found}
    return [(item, meetings[item.id]) for item in found], count


def get_organization(session: Session, organization_id: uuid.UUID) -> ArchiveOrganization | None:
    return session.get(ArchiveOrganization, organization_id)


# An archivist's organization decisions live in `organization_names`: the index finds a document's organization
# by the lemmas of its names, so a name moved to another organization (a merge, a split) or added (a rename)
# sends every document that uses it there again when it is re-indexed. Nothing else needs remembering.


def merge_organizations(
    session: Session, organization_id: uuid.UUID, other_id: uuid.UUID, token: Token
) -> ArchiveOrganization:
    """Make another organization's names and appearances this one's (the other id disappears)."""
    if organization_id == other_id:
        raise IdentityError("an organization cannot be merged with itself")
    kept, other = session.get(ArchiveOrganization, organization_id), session.get(ArchiveOrganization, other_id)
    if kept is None or other is None:
        raise LookupError(f"no organization {organization_id if kept is None else other_id}")
    for name in session.scalars(select(OrganizationName).where(OrganizationName.organization_id == other_id)):
        name.organization_id = organization_id
    kept.aliases = _names_except(kept.name, [*kept.aliases, other.name, *other.aliases])
    ours = {
        item.document_id: item
        for item in session.scalars(
            select(OrganizationAppearance).where(OrganizationAppearance.organization_id == organization_id)
        )
    }
    for item in session.scalars(
        select(OrganizationAppearance).where(OrganizationAppearance.organization_id == other_id)
    ).all():
        if item.document_id in ours:  # one document named both: one appearance of the one organization
            ours[item.document_id].mentions += item.mentions
            session.delete(item)
        else:
            item.organization_id = organization_id
    for appearance in session.scalars(select(PersonAppearance).where(PersonAppearance.organization_id == other_id)):
        appearance.organization_id = organization_id
    for earlier in session.scalars(
        select(OrganizationDecision).where(OrganizationDecision.organization_id == other_id)
    ):
        earlier.organization_id = organization_id  # the merged one's history stays readable here
    session.add(
        _organization_decision(
            organization_id, "merge", token, [other.name, *other.aliases], other_id=other_id, other_name=other.name
        )
    )
    session.flush()
    session.delete(other)
    session.flush()
    return kept


def rename_organization(session: Session, organization_id: uuid.UUID, name: str, token: Token) -> ArchiveOrganization:
    """Show the organization under `name`; the old name stays an alias, and documents using the new name find it."""
    organization = session.get(ArchiveOrganization, organization_id)
    if organization is None:
        raise LookupError(f"no organization {organization_id}")
    name = " ".join(name.split())
    key = phrase_key(name)
    if not key:
        raise IdentityError(f"{name!r} has no words to find the organization by")
    owner = session.scalar(select(OrganizationName).where(OrganizationName.key == key).limit(1))
    if owner is not None and owner.organization_id != organization_id:
        other = session.get(ArchiveOrganization, owner.organization_id)
        raise OrganizationConflict(
            f"the name {name!r} is organization {owner.organization_id} ({other.name if other else ''}): "
            "merge the two instead"
        )
    if owner is None:
        session.add(OrganizationName(organization_id=organization_id, name=name, key=key))
    session.add(_organization_decision(organization_id, "rename", token, [name], other_name=organization.name))
    organization.aliases = _names_except(name, [organization.name, *organization.aliases])
    organization.name = name
    session.flush()
    return organization


def split_organization(
    session: Session, organization_id: uuid.UUID, names: Sequence[str], token: Token
) -> ArchiveOrganization:
    """Some names of an organization are another body: they move to a new organization (returned), and the
    documents of the old one are indexed again, so that each goes where its names now lead."""
    organization = session.get(ArchiveOrganization, organization_id)
    if organization is None:
        raise LookupError(f"no organization {organization_id}")
    rows = session.scalars(
        select(OrganizationName)
        .where(OrganizationName.organization_id == organization_id)
        .order_by(OrganizationName.id)
    ).all()
    wanted = {phrase_key(name) for name in names} - {""}
    moving = [row for row in rows if row.key in wanted]
    if missing := wanted - {row.key for row in moving}:
        known = ", ".join(sorted({row.name for row in rows}))
        raise IdentityError(f"the organization has no name {_name_for(names, missing)!r} (its names: {known})")
    if not moving or len(moving) == len(rows):
        raise IdentityError("a split moves some of the organization's names, not none and not all")
    new = ArchiveOrganization(name=moving[0].name, aliases=[])
    session.add(new)
    session.flush()
    for row in moving:
        row.organization_id = new.id
    new.aliases = _names_except(new.name, [row.name for row in moving])
    staying = [row.name for row in rows if row not in moving]
    if organization.name not in staying:
        organization.name = staying[0]
    organization.aliases = _names_except(organization.name, staying)
    moved = [row.name for row in moving]
    session.add(_organization_decision(organization_id, "split", token, moved, other_id=new.id, other_name=new.name))
    session.add(
        _organization_decision(
            new.id, "split_from", token, moved, other_id=organization_id, other_name=organization.name
        )
    )
    session.flush()
    documents = sorted(_organization_documents(session, organization_id), key=str)
    for document_id in documents:
        index_current_record(session, document_id)
    session.flush()
    return new


def organization_decisions(session: Session, organization_id: uuid.UUID) -> list[OrganizationDecision]:
    """The archivists' decisions about the organization, oldest first (a merged one's came along)."""
    return list(
        session.scalars(
            select(OrganizationDecision)
            .where(OrganizationDecision.organization_id == organization_id)
            .order_by(OrganizationDecision.created_at, OrganizationDecision.id)
        )
    )


def _organization_decision(
    organization_id: uuid.UUID,
    action: str,
    token: Token,
    names: list[str],
    *,
    other_id: uuid.UUID | None = None,
    other_name: str | None = None,
) -> OrganizationDecision:
    return OrganizationDecision(
        organization_id=organization_id,
        action=action,
        names=names,
        other_id=other_id,
        other_name=other_name,
        author_id=token.id,
        author_name=token.name,
        created_at=utcnow(),
    )


class OrganizationConflict(IdentityError):
    """A decision that would give one name to two organizations (the route turns it into a 409)."""


def _names_except(name: str, names: Iterable[str]) -> list[str]:
    return [other for other in dict.fromkeys(names) if other != name]


def _name_for(names: Sequence[str], keys: set[str]) -> str:
    return next((name for name in names if phrase_key(name) in keys), "")


def _organization_documents(session: Session, organization_id: uuid.UUID) -> set[uuid.UUID]:
    named = session.scalars(
        select(OrganizationAppearance.document_id).where(OrganizationAppearance.organization_id == organization_id)
    )
    represented = session.scalars(
        select(PersonAppearance.document_id).where(PersonAppearance.organization_id == organization_id)
    )
    return set(named) | set(represented)


def organization_meetings(session: Session, organization_id: uuid.UUID) -> list[IndexedMeeting]:
    documents = _organization_documents(session, organization_id)
    meetings = session.scalars(select(IndexedMeeting).where(IndexedMeeting.document_id.in_(documents))).all()
    return sorted(meetings, key=_by_date)


def organization_people(
    session: Session, organization_id: uuid.UUID
) -> list[tuple[ArchivePerson, list[tuple[PersonAppearance, IndexedMeeting | None]]]]:
    """The archive persons who represented the organization, each with the appearances in which they did."""
    rows = session.execute(
        select(PersonAppearance, IndexedMeeting, ArchivePerson)
        .join(ArchivePerson, ArchivePerson.id == PersonAppearance.person_id)
        .outerjoin(IndexedMeeting, IndexedMeeting.document_id == PersonAppearance.document_id)
        .where(PersonAppearance.organization_id == organization_id)
        .order_by(ArchivePerson.surname, ArchivePerson.id, PersonAppearance.id)
    ).all()
    people: dict[uuid.UUID, tuple[ArchivePerson, list[tuple[PersonAppearance, IndexedMeeting | None]]]] = {}
    for appearance, meeting, person in rows:
        people.setdefault(person.id, (person, []))[1].append((appearance, meeting))
    for _, items in people.values():
        items.sort(key=lambda pair: _by_date(pair[1]))
    return list(people.values())


# Co-occurrence


# Who took part in a meeting: the record's roles other than `mentioned`, or anyone who spoke at it. A person
# only mentioned (a news item's «Обама», a speaker's reference to bin Laden) did not meet anyone there.
PARTICIPANT_ROLES = ("chair", "secretary", "speaker", "attendee")
PARTICIPANTS_RULE = "participants"
MENTIONS_RULE = "mentions"


def participated() -> Any:
    """SQL: the appearance is a participant's (see PARTICIPANT_ROLES)."""
    return or_(PersonAppearance.role.in_(PARTICIPANT_ROLES), PersonAppearance.spoke.is_(True))


@dataclass
class Graph:
    nodes: list[tuple[ArchivePerson, int]] = field(default_factory=list)
    edges: list[tuple[uuid.UUID, uuid.UUID, list[uuid.UUID]]] = field(default_factory=list)
    meetings: int = 0
    rule: str = PARTICIPANTS_RULE


def co_occurrence(
    session: Session, meetings: MeetingFilter, min_weight: int = 1, rule: str = PARTICIPANTS_RULE
) -> Graph:
    """Persons as nodes; an edge for every pair that took part in the same meetings, weighted by how many.

    With the `mentions` rule, everyone named in the same document is linked (who is named together).
    """
    query = (
        select(PersonAppearance.document_id, PersonAppearance.person_id)
        .join(IndexedMeeting, IndexedMeeting.document_id == PersonAppearance.document_id)
        .where(*meetings.conditions())
        .distinct()
    )
    if rule == PARTICIPANTS_RULE:
        query = query.where(participated())
        if meetings.person is not None:  # the person's meetings are the ones they took part in
            taken_part = select(PersonAppearance.document_id).where(
                PersonAppearance.person_id == meetings.person, participated()
            )
            query = query.where(IndexedMeeting.document_id.in_(taken_part))
    rows = session.execute(query).all()
    present: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for document_id, person_id in rows:
        present[document_id].add(person_id)
    shared: dict[tuple[uuid.UUID, uuid.UUID], list[uuid.UUID]] = defaultdict(list)
    for document_id, persons in present.items():
        for pair in combinations(sorted(persons, key=str), 2):
            shared[pair].append(document_id)
    edges = [
        (left, right, sorted(documents, key=str))
        for (left, right), documents in shared.items()
        if len(documents) >= min_weight
    ]
    edges.sort(key=lambda edge: (-len(edge[2]), str(edge[0]), str(edge[1])))
    counts = Counter(person for persons in present.values() for person in persons)
    persons = session.scalars(select(ArchivePerson).where(ArchivePerson.id.in_(counts))).all()
    nodes = sorted(((person, counts[person.id]) for person in persons), key=lambda node: (-node[1], node[0].name))
    return Graph(nodes=nodes, edges=edges, meetings=len(present), rule=rule)


# Topics


@dataclass
class Timeline:
    # (month YYYY-MM, topic id, label, meetings), by month then count
    months: list[tuple[str, str, str, int]]
    # (topic id, label, meetings) of meetings whose date has no year (or no date at all), by count
    undated: list[tuple[str, str, int]]
    undated_meetings: int


def topics_timeline(session: Session, meetings: MeetingFilter) -> Timeline:
    """Meetings per topic and month; the meetings without a year are counted apart, not left out."""
    rows = session.execute(
        select(MeetingTopic.document_id, MeetingTopic.date, MeetingTopic.topic_id, MeetingTopic.label)
        .join(IndexedMeeting, IndexedMeeting.document_id == MeetingTopic.document_id)
        .where(*meetings.conditions())
    ).all()
    counts: Counter[tuple[str, str]] = Counter()
    undated: Counter[str] = Counter()
    undated_documents: set[uuid.UUID] = set()
    labels: dict[str, str] = {}
    for document_id, day, topic_id, label in rows:
        labels[topic_id] = label
        if day is None:
            undated[topic_id] += 1
            undated_documents.add(document_id)
        else:
            counts[(day.strftime("%Y-%m"), topic_id)] += 1
    ordered = sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
    return Timeline(
        months=[(month, topic_id, labels[topic_id], count) for (month, topic_id), count in ordered],
        undated=[(topic_id, labels[topic_id], count) for topic_id, count in sorted(undated.items(), key=_most)],
        undated_meetings=len(undated_documents),
    )


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


# Full-text search


@dataclass(frozen=True)
class SearchHit:
    meeting: IndexedMeeting
    snippet: str
    score: float


def search(
    session: Session, query: str, meetings: MeetingFilter, offset: int, limit: int
) -> tuple[list[SearchHit], int]:
    """Meetings whose text has every query word in some inflection, best first, with highlighted snippets."""
    terms = query_terms(query)
    ranked = _ranked(session, terms, meetings)
    page = ranked[offset : offset + limit]
    chosen = select(IndexedMeeting).where(IndexedMeeting.document_id.in_([document_id for document_id, _ in page]))
    found = {meeting.document_id: meeting for meeting in session.scalars(chosen)}
    hits = [
        SearchHit(found[document_id], snippet(found[document_id].text or "", terms), score)
        for document_id, score in page
    ]
    return hits, len(ranked)


def search_document_ids(session: Session, query: str, meetings: MeetingFilter) -> list[uuid.UUID]:
    """Every document the search finds, best first: what an export of a search's results takes (ids only)."""
    return [document_id for document_id, _ in _ranked(session, query_terms(query), meetings)]


def _ranked(session: Session, terms: list[set[str]], meetings: MeetingFilter) -> list[tuple[uuid.UUID, float]]:
    # Ids and scores only: the texts are read for the page shown, not for every match.
    if not terms:
        return []
    if session.get_bind().dialect.name == "sqlite":
        scored = _search_sqlite(session, terms)
    else:
        scored = _search_postgresql(session, terms)
    if not scored:
        return []
    allowed = select(IndexedMeeting.document_id).where(IndexedMeeting.document_id.in_(scored), *meetings.conditions())
    kept = session.scalars(allowed).all()
    return sorted(((document_id, scored[document_id]) for document_id in kept), key=lambda hit: (-hit[1], str(hit[0])))


def _search_sqlite(session: Session, terms: list[set[str]]) -> dict[uuid.UUID, float]:
    # Each word as an OR of its readings' lemmas, quoted so that no lemma is read as FTS5 syntax.
    match = " AND ".join(
        "(" + " OR ".join('"' + item.replace('"', '""') + '"' for item in sorted(word)) + ")" for word in terms
    )
    rows = session.execute(
        text(f"SELECT document_id, -bm25({MEETINGS_FTS}) FROM {MEETINGS_FTS} WHERE {MEETINGS_FTS} MATCH :match"),
        {"match": match},
    ).all()
    return {uuid.UUID(document_id): float(score) for document_id, score in rows}


def _search_postgresql(session: Session, terms: list[set[str]]) -> dict[uuid.UUID, float]:
    # The expression of migration 0002's GIN index, written the same way so that the planner can use it.
    config = literal_column("'simple'::regconfig")
    vector = func.to_tsvector(config, IndexedMeeting.lemmas)
    # Lemmas are letters and digits only (morphology.WORD), so they need no tsquery quoting.
    query = func.to_tsquery(config, " & ".join("(" + " | ".join(sorted(word)) + ")" for word in terms))
    rows = session.execute(
        select(IndexedMeeting.document_id, func.ts_rank(vector, query)).where(vector.op("@@")(query))
    ).all()
    return {document_id: float(score) for document_id, score in rows}


def document_filenames(session: Session, document_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str | None]:
    """The uploaded names of documents, for meetings whose text gave no title."""
    wanted = set(document_ids)
    if not wanted:
        return {}
    rows = session.execute(select(Document.id, Document.filename).where(Document.id.in_(wanted)))
    return {document_id: filename for document_id, filename in rows}
