"""The research index of a document, rebuilt from its current record, and cross-document person identity.

Identity rule: a record's person is an existing archive person when
  - the surname lemmas are equal (Базарбаева and Базарбаев are one surname), and
  - the given names are compatible (equal first names; or initials that agree letter by letter with each
    other or with the first letters of the names; a side with neither conflicts with nothing), and
  - the organization (the same archive organization) or the position (same head noun, one phrase's lemmas
    within the other's, a country under any of its names: «президент РФ» is «президент России») agrees in
    at least one earlier appearance, or the first names agree (initials are not enough): Путин as
    «президент России» and as «премьер-министр» is one man, unless an archivist told two persons of that
    name apart, and
and no appearance of that archive person conflicts on the given name, and it does not appear in this
document already (two persons of one record are two people). A surname alone, or with initials, never
merges anyone without a position or organization.
Every appearance keeps the decision and its evidence; an archivist's split or merge is kept across
re-indexing, because a re-indexed document's persons go back to the archive persons they had.

Organizations are found by the lemmas of any of their names (`organization_names`); a name is one
organization's only, so an archivist's merge, rename or split (storage/research.py), which moves or adds
names, decides where every document that uses the name goes when it is indexed again.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import delete, exists, or_, select, text
from sqlalchemy.orm import Session

from models import lexicons
from pipelines.record import MeetingRecord, Person
from service.morphology import head_noun, lemma, lemma_string, name_keys, normalize, phrase_key, surname_key
from service.storage.tables import (
    MEETINGS_FTS,
    ArchiveOrganization,
    ArchivePerson,
    Document,
    IdentitySource,
    IndexedMeeting,
    MeetingTopic,
    OrganizationAppearance,
    OrganizationName,
    PersonAppearance,
    Record,
)

# Any constant: PostgreSQL workers index one document at a time, so two of them never create the same
# archive person or organization side by side. SQLite has one writer anyway.
_INDEX_LOCK = 0x6B656E65


def index_record(session: Session, document_id: uuid.UUID, record: MeetingRecord) -> None:
    """Make the index say what `record` says about the document, replacing what it said before."""
    session.flush()  # the caller's changes (the document's text, the new version) are what gets indexed
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INDEX_LOCK})
    previous = _forget(session, document_id, dialect)

    document = session.get(Document, document_id)
    meeting_date = parse_date(record.meeting.date)
    body_text = document.text if document is not None else None
    latest = session.scalar(
        select(Record.version).where(Record.document_id == document_id).order_by(Record.version.desc()).limit(1)
    )
    lemmas = lemma_string(body_text) if body_text else None
    session.add(
        IndexedMeeting(
            document_id=document_id,
            title=record.meeting.title,
            body=record.meeting.body,
            place=record.meeting.place,
            date_text=record.meeting.date,
            date=meeting_date,
            text=body_text,
            lemmas=lemmas,
            record_version=latest,
        )
    )

    organizations = _OrganizationIndex(session, document_id)
    by_record_id: dict[str, ArchiveOrganization] = {}
    for organization in record.organizations:
        found = organizations.resolve([organization.name, *organization.aliases], len(organization.mentions))
        if found is not None:
            by_record_id[organization.id] = found

    used: set[uuid.UUID] = set()
    for person in record.persons:
        organization = by_record_id.get(person.organization_id or "")
        if organization is None and person.organization:
            organization = organizations.resolve([person.organization], 0)
        appearance = _appearance(document_id, person, organization)
        _assign(session, appearance, previous.of(appearance, used), used)
        used.add(appearance.person_id)
        session.add(appearance)
        session.flush()

    for topic in record.topics:
        session.add(
            MeetingTopic(
                document_id=document_id, topic_id=topic.id, label=topic.label, score=topic.score, date=meeting_date
            )
        )
    organizations.flush()
    if dialect == "sqlite" and lemmas:
        session.execute(
            text(f"INSERT INTO {MEETINGS_FTS} (lemmas, document_id) VALUES (:lemmas, :id)"),
            {"lemmas": lemmas, "id": str(document_id)},
        )
    session.flush()
    _drop_orphans(session, previous.person_ids, previous.organization_ids)


def index_current_record(session: Session, document_id: uuid.UUID) -> None:
    """Index the document's current (highest) record version, or drop it from the index when it has none."""
    row = session.scalar(
        select(Record).where(Record.document_id == document_id).order_by(Record.version.desc()).limit(1)
    )
    if row is None:
        dialect = session.get_bind().dialect.name
        previous = _forget(session, document_id, dialect)
        _drop_orphans(session, previous.person_ids, previous.organization_ids)
        return
    index_record(session, document_id, MeetingRecord.model_validate(row.data))


def index_missing(session: Session) -> int:
    """Index every document that has a record but no index yet (an archive from before the index)."""
    waiting = session.scalars(
        select(Record.document_id)
        .where(~exists().where(IndexedMeeting.document_id == Record.document_id))
        .distinct()
        .order_by(Record.document_id)
    ).all()
    for document_id in waiting:
        index_current_record(session, document_id)
    return len(waiting)


def parse_date(value: str | None) -> date | None:
    """A record date with a year (YYYY-MM-DD); `--MM-DD` has none, so it is in no period."""
    if not value or value.startswith("--"):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# Forgetting a document's index


@dataclass
class _Previous:
    # given-name key → the (record person id, archive person, decided by, evidence) the document had
    people: dict[str, list[tuple[str, uuid.UUID, str, dict[str, Any]]]]
    person_ids: set[uuid.UUID]
    organization_ids: set[uuid.UUID]

    def of(self, appearance: PersonAppearance, used: set[uuid.UUID]) -> tuple[uuid.UUID, str, dict[str, Any]] | None:
        """What this person was before: the same record id if it is there, else a namesake not yet taken."""
        free = [item for item in self.people.get(_given_key(appearance), []) if item[1] not in used]
        same = [item for item in free if item[0] == appearance.record_person_id]
        chosen = (same or free or [None])[0]
        return None if chosen is None else chosen[1:]


def _forget(session: Session, document_id: uuid.UUID, dialect: str) -> _Previous:
    old = session.scalars(select(PersonAppearance).where(PersonAppearance.document_id == document_id)).all()
    people: dict[str, list[tuple[str, uuid.UUID, str, dict[str, Any]]]] = {}
    for item in old:
        entry = (item.record_person_id, item.person_id, item.decided_by, item.evidence)
        people.setdefault(_given_key(item), []).append(entry)
    person_ids = {item.person_id for item in old}
    organization_ids = set(
        session.scalars(
            select(OrganizationAppearance.organization_id).where(OrganizationAppearance.document_id == document_id)
        )
    )
    for table in (PersonAppearance, OrganizationAppearance, MeetingTopic, IndexedMeeting):
        session.execute(
            delete(table).where(table.document_id == document_id).execution_options(synchronize_session=False)
        )
    if dialect == "sqlite":
        session.execute(text(f"DELETE FROM {MEETINGS_FTS} WHERE document_id = :id"), {"id": str(document_id)})
    session.expire_all()
    return _Previous(people, person_ids, organization_ids)


def _drop_orphans(session: Session, person_ids: set[uuid.UUID], organization_ids: set[uuid.UUID]) -> None:
    if person_ids:
        session.execute(
            delete(ArchivePerson)
            .where(
                ArchivePerson.id.in_(person_ids),
                ~exists().where(PersonAppearance.person_id == ArchivePerson.id),
            )
            .execution_options(synchronize_session=False)
        )
    if organization_ids:
        session.execute(
            delete(ArchiveOrganization)
            .where(
                ArchiveOrganization.id.in_(organization_ids),
                ~exists().where(OrganizationAppearance.organization_id == ArchiveOrganization.id),
                ~exists().where(PersonAppearance.organization_id == ArchiveOrganization.id),
            )
            .execution_options(synchronize_session=False)
        )


# Organizations


class _OrganizationIndex:
    """Finds (by the lemmas of any name or alias) or creates a document's archive organizations."""

    def __init__(self, session: Session, document_id: uuid.UUID) -> None:
        self.session = session
        self.document_id = document_id
        self.appearances: dict[uuid.UUID, OrganizationAppearance] = {}

    def resolve(self, names: Sequence[str], mentions: int) -> ArchiveOrganization | None:
        keyed = [(name, key) for name in names if (key := phrase_key(name))]
        if not keyed:
            return None
        found_id = self.session.scalar(
            select(OrganizationName.organization_id)
            .where(OrganizationName.key.in_([key for _, key in keyed]))
            .order_by(OrganizationName.id)
            .limit(1)
        )
        organization = self.session.get(ArchiveOrganization, found_id) if found_id else None
        if organization is None:
            organization = ArchiveOrganization(name=names[0], aliases=[])
            self.session.add(organization)
            self.session.flush()
        # A name another organization has stays that one's: an archivist's split or merge put it there.
        known = set(
            self.session.scalars(select(OrganizationName.key).where(OrganizationName.key.in_([k for _, k in keyed])))
        )
        for name, key in keyed:
            if key in known:
                continue
            known.add(key)
            self.session.add(OrganizationName(organization_id=organization.id, name=name, key=key))
            if name != organization.name and name not in organization.aliases:
                organization.aliases = [*organization.aliases, name]
        appearance = self.appearances.get(organization.id)
        if appearance is None:
            self.appearances[organization.id] = OrganizationAppearance(
                document_id=self.document_id, organization_id=organization.id, name=names[0], mentions=mentions
            )
        else:
            appearance.mentions += mentions
        return organization

    def flush(self) -> None:
        self.session.add_all(self.appearances.values())


# Persons


def _appearance(document_id: uuid.UUID, person: Person, organization: ArchiveOrganization | None) -> PersonAppearance:
    # The name's other spellings («David Souter» for Дэвид Саутер) find the person too.
    names = [person.surname, person.first_name, person.patronymic, person.name, *person.aliases]
    return PersonAppearance(
        document_id=document_id,
        record_person_id=person.id,
        name=person.name,
        surname=person.surname,
        surname_key=surname_key(person.surname) or normalize(person.surname),
        name_keys=name_keys(names),
        first_name=person.first_name,
        patronymic=person.patronymic,
        initials=person.initials,
        position=person.position,
        organization=person.organization,
        organization_id=organization.id if organization is not None else None,
        role=person.role,
        spoke=person.spoke,
        quote_count=len(person.quotes),
        quotes=[quote.text for quote in person.quotes],
    )


def _letters(item: PersonAppearance) -> tuple[str, ...]:
    if item.initials:
        return tuple(normalize(letter) for letter in re.findall(r"[^\W\d_]", item.initials))
    return tuple(normalize(part[0]) for part in (item.first_name, item.patronymic) if part)


def _given_key(item: PersonAppearance) -> str:
    return f"{item.surname_key}|{'.'.join(_letters(item))}|{lemma(item.first_name) if item.first_name else ''}"


def given_names_agree(a: PersonAppearance, b: PersonAppearance) -> str | None:
    """How the given names agree ("first_name", "initials", "none_given"), or None when they conflict."""
    if a.first_name and b.first_name:
        if lemma(a.first_name) != lemma(b.first_name):
            return None
        if a.patronymic and b.patronymic and lemma(a.patronymic) != lemma(b.patronymic):
            return None
        return "first_name"
    left, right = _letters(a), _letters(b)
    if not left or not right:
        return "none_given"
    shorter, longer = sorted((left, right), key=len)
    return "initials" if longer[: len(shorter)] == shorter else None


def positions_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if head_noun(a) != head_noun(b):
        return False
    left, right = set(_countries_named_once(phrase_key(a))), set(_countries_named_once(phrase_key(b)))
    return bool(left and right) and (left <= right or right <= left)


@cache
def _country_aliases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each country's names in lemmas → its canonical name in lemmas, longest names first."""
    aliases: dict[tuple[str, ...], str] = {}
    for line in lexicons.lines("loc_countries"):
        canonical, *others = (part.strip() for part in line.split("|"))
        for name in (canonical, *others):
            aliases.setdefault(tuple(phrase_key(name).split()), phrase_key(canonical).replace(" ", "_"))
    return tuple(sorted(aliases.items(), key=lambda item: -len(item[0])))


def _countries_named_once(key: str) -> list[str]:
    """The lemmas of a phrase with every country under one name: «президент РФ» is «президент России»."""
    words = key.split()
    out: list[str] = []
    at = 0
    while at < len(words):
        for alias, canonical in _country_aliases():
            if tuple(words[at : at + len(alias)]) == alias:
                out.append(canonical)
                at += len(alias)
                break
        else:
            out.append(words[at])
            at += 1
    return out


def _agreement(new: PersonAppearance, old: PersonAppearance) -> list[str]:
    fields = []
    if new.organization_id is not None and new.organization_id == old.organization_id:
        fields.append("organization")
    if positions_agree(new.position, old.position):
        fields.append("position")
    return fields


def _assign(
    session: Session,
    appearance: PersonAppearance,
    previous: tuple[uuid.UUID, str, dict[str, Any]] | None,
    used: set[uuid.UUID],
) -> None:
    # An archivist's decision stands; the machine's is taken again, on the record as it is now.
    if previous is not None and previous[1] == IdentitySource.ARCHIVIST.value:
        person_id, decided_by, evidence = previous
        kept = session.get(ArchivePerson, person_id)
        if person_id not in used and kept is not None:
            appearance.person_id, appearance.decided_by, appearance.evidence = person_id, decided_by, evidence
            _improve_name(kept, appearance)
            return

    others = session.scalars(
        select(PersonAppearance)
        .where(
            PersonAppearance.surname_key == appearance.surname_key,
            PersonAppearance.document_id != appearance.document_id,
        )
        .order_by(PersonAppearance.id)
    ).all()
    by_person: dict[uuid.UUID, list[PersonAppearance]] = {}
    rejected: list[dict[str, Any]] = []
    for other in others:
        if other.person_id in used:
            if all(item["person_id"] != str(other.person_id) for item in rejected):
                why = "another person of this meeting"
                rejected.append({"person_id": str(other.person_id), "name": other.name, "why": why})
        else:
            by_person.setdefault(other.person_id, []).append(other)

    best: tuple[tuple[int, int], dict[str, Any]] | None = None
    best_person: uuid.UUID | None = None
    named_only = 0  # archive persons that agree with this one by name and nothing else
    archivist_named = False  # ... one of which an archivist's split or merge made
    for person_id, items in by_person.items():
        given = [given_names_agree(appearance, item) for item in items]
        if None in given:
            conflict = items[given.index(None)]
            rejected.append({"person_id": str(person_id), "name": conflict.name, "why": "given name differs"})
            continue
        how = "first_name" if "first_name" in given else ("initials" if "initials" in given else "none_given")
        agreeing = [(item, fields) for item in items if (fields := _agreement(appearance, item))]
        if not agreeing and _names_suffice(how):
            # The names alone say who it is: a position of another year («премьер-министр», then
            # «президент России») is the same man, not a contradiction.
            agreeing = [(items[0], [])]
            named_only += 1
            archivist_named |= any(item.decided_by == IdentitySource.ARCHIVIST.value for item in items)
        if not agreeing:
            rejected.append(
                {"person_id": str(person_id), "name": items[0].name, "why": "neither organization nor position agrees"}
            )
            continue
        item, fields = max(agreeing, key=lambda pair: len(pair[1]))
        evidence = {
            "rule": "matched",
            "fields": ["surname", how, *fields],
            "matched_document_id": str(item.document_id),
            "matched_name": item.name,
            "matched_position": item.position,
            "matched_organization": item.organization,
        }
        # The person seen most often wins a tie: a stray duplicate of one text does not split the archive.
        score = (len(fields) + (how != "none_given"), len(items))
        if best is None or score > best[0]:
            best, best_person = (score, evidence), person_id

    if best is not None and len(best[1]["fields"]) == 2 and named_only > 1 and archivist_named:
        # Two archive persons under the same name that an archivist told apart, and nothing else to tell
        # which one this is: it cannot be decided, so neither is taken.
        rejected.append({"person_id": str(best_person), "name": best[1]["matched_name"], "why": "name is ambiguous"})
        best = best_person = None
    if best is not None and best_person is not None:
        appearance.person_id, appearance.evidence = best_person, best[1] | {"rejected": rejected}
        _improve_name(session.get(ArchivePerson, best_person), appearance)
    elif previous is not None and _alone(session, previous[0], used):
        # Still nobody else: the person keeps its id across re-indexing.
        appearance.person_id = previous[0]
        appearance.evidence = {"rule": "new", "fields": [], "rejected": rejected}
    else:
        person = ArchivePerson.named_as(appearance)
        session.add(person)
        session.flush()
        appearance.person_id = person.id
        appearance.evidence = {"rule": "new", "fields": [], "rejected": rejected}
    appearance.decided_by = IdentitySource.MACHINE.value


def _names_suffice(how: str) -> bool:
    """Whether the given names identify the person without a position or organization to agree on: a first
    name does (Владимир Путин); initials do not, even two of them (И.И. Петров the chairman and И.И. Петров
    the director may be two people), nor does a surname alone."""
    return how == "first_name"


def _alone(session: Session, person_id: uuid.UUID, used: set[uuid.UUID]) -> bool:
    if person_id in used or session.get(ArchivePerson, person_id) is None:
        return False
    return session.scalar(select(exists().where(PersonAppearance.person_id == person_id))) is False


def _improve_name(person: ArchivePerson | None, appearance: PersonAppearance) -> None:
    """The archive person is shown under its fullest name: a first name beats initials."""
    if person is None:
        return
    if appearance.first_name and not person.first_name:
        person.name, person.first_name = appearance.name, appearance.first_name
        person.patronymic = person.patronymic or appearance.patronymic
    if appearance.initials and not person.initials:
        person.initials = appearance.initials


def lemma_conditions(column: Any, terms: list[set[str]]) -> list[Any]:
    """SQL: every query word, in one of its readings, is among the lemmas stored space-delimited in `column`."""
    return [or_(*(column.like(f"% {alternative} %") for alternative in sorted(word))) for word in terms]


def drop_orphans(session: Session, person_ids: set[uuid.UUID], organization_ids: set[uuid.UUID]) -> None:
    """Archive persons and organizations among these that no document names any more (after a delete)."""
    _drop_orphans(session, person_ids, organization_ids)
