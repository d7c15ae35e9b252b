"""Archive persons: morphology-aware lookup, a person's meetings, positions and quotes, and identity fixes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy.orm import Session

from service.api.deps import ArchivistDep, ReaderDep, SessionDep
from service.api.schemas import (
    DB_INT_MAX,
    MeetingRef,
    Message,
    PersonAppearancePublic,
    PersonDetail,
    PersonMerge,
    PersonMet,
    PersonPublic,
    PersonQuote,
    PersonSplit,
    PersonsPublic,
    PositionHeld,
)
from service.storage import research
from service.storage.tables import ArchivePerson

router = APIRouter(prefix="/persons", tags=["research"])

NOT_FOUND = {404: {"model": Message}}


@router.get("", response_model=PersonsPublic, responses={401: {"model": Message}})
def list_persons(
    session: SessionDep,
    _: ReaderDep,
    q: Annotated[str, Query(description="name words in any case form: «Базарбаева» finds Базарбаев")] = "",
    offset: Annotated[int, Query(ge=0, le=DB_INT_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> PersonsPublic:
    """Archive persons whose name has every word of `q` (compared by lemma), by surname."""
    found, count = research.find_persons(session, q, offset, limit)
    posts = research.latest_posts(session, [person.id for person, _ in found])
    data = [_public(person, meetings, posts.get(person.id)) for person, meetings in found]
    return PersonsPublic(data=data, count=count)


@router.get("/{person_id}", response_model=PersonDetail, responses=NOT_FOUND)
def get_person(person_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> PersonDetail:
    """Every meeting of the person, positions and organizations over time, quotes, and the identity evidence."""
    return _detail(session, _person_or_404(session, person_id))


@router.post("/{person_id}/split", response_model=PersonDetail, responses={**NOT_FOUND, 422: {"model": Message}})
def split_person(person_id: uuid.UUID, body: PersonSplit, session: SessionDep, token: ArchivistDep) -> PersonDetail:
    """Move the named appearances to a new archive person (returned); re-indexing keeps this decision."""
    _person_or_404(session, person_id)
    try:
        new = research.split_person(session, person_id, body.appearance_ids, token)
    except research.IdentityError as exc:
        raise HTTPException(422, str(exc)) from exc
    session.commit()
    return _detail(session, new)


@router.post("/{person_id}/merge", response_model=PersonDetail, responses={**NOT_FOUND, 422: {"model": Message}})
def merge_person(person_id: uuid.UUID, body: PersonMerge, session: SessionDep, token: ArchivistDep) -> PersonDetail:
    """Merge another archive person into this one (the other id disappears); re-indexing keeps this decision."""
    try:
        person = research.merge_persons(session, person_id, body.person_id, token)
    except LookupError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except research.IdentityError as exc:
        raise HTTPException(422, str(exc)) from exc
    session.commit()
    return _detail(session, person)


def _person_or_404(session: Session, person_id: uuid.UUID) -> ArchivePerson:
    person = research.get_person(session, person_id)
    if person is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no person {person_id}")
    return person


def _public(person: ArchivePerson, meetings: int, post: tuple[str | None, str | None] | None = None) -> PersonPublic:
    position, organization = post or (None, None)
    return PersonPublic(
        position=position,
        organization=organization,
        id=person.id,
        name=person.name,
        surname=person.surname,
        first_name=person.first_name,
        patronymic=person.patronymic,
        initials=person.initials,
        meeting_count=meetings,
    )


def _detail(session: Session, person: ArchivePerson) -> PersonDetail:
    pairs = research.person_appearances(session, person.id)
    filenames = research.document_filenames(session, (appearance.document_id for appearance, _ in pairs))
    meetings: dict[uuid.UUID, MeetingRef] = {}
    positions: list[PositionHeld] = []
    quotes: list[PersonQuote] = []
    appearances: list[PersonAppearancePublic] = []
    for appearance, meeting in pairs:
        title = meeting.title if meeting is not None else None
        when = meeting.date_text if meeting is not None else None
        meetings.setdefault(
            appearance.document_id,
            MeetingRef(
                document_id=appearance.document_id,
                filename=filenames.get(appearance.document_id),
                title=title,
                date=when,
            ),
        )
        if appearance.position or appearance.organization:
            positions.append(
                PositionHeld(
                    date=when,
                    document_id=appearance.document_id,
                    position=appearance.position,
                    organization=appearance.organization,
                    organization_id=appearance.organization_id,
                )
            )
        quotes += [PersonQuote(document_id=appearance.document_id, date=when, text=text) for text in appearance.quotes]
        appearances.append(
            PersonAppearancePublic(
                id=appearance.id,
                document_id=appearance.document_id,
                meeting_title=title,
                meeting_date=when,
                record_person_id=appearance.record_person_id,
                name=appearance.name,
                position=appearance.position,
                organization=appearance.organization,
                organization_id=appearance.organization_id,
                role=appearance.role,
                spoke=appearance.spoke,
                quote_count=appearance.quote_count,
                quotes=appearance.quotes,
                decided_by=appearance.decided_by,
                evidence=appearance.evidence,
            )
        )
    latest = research.latest_posts(session, [person.id]).get(person.id)
    return PersonDetail(
        **_public(person, len(meetings), latest).model_dump(),
        met=_met(session, person.id),
        meetings=list(meetings.values()),
        positions=positions,
        quotes=quotes,
        appearances=appearances,
    )


def _met(session: Session, person_id: uuid.UUID) -> list[PersonMet]:
    """The persons who took part in a meeting the person took part in (the graph's participants rule)."""
    graph = research.co_occurrence(session, research.MeetingFilter(person=person_id), rule=research.PARTICIPANTS_RULE)
    shared = {
        right if left == person_id else left: len(documents)
        for left, right, documents in graph.edges
        if person_id in (left, right)
    }
    met = [
        PersonMet(id=other.id, name=other.name, meetings=shared[other.id])
        for other, _ in graph.nodes
        if other.id in shared
    ]
    return sorted(met, key=lambda item: (-item.meetings, item.name))
