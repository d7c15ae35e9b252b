"""Archive organizations: morphology-aware lookup, the people who represented one, its meetings, and an
archivist's merge, rename and split (kept when documents are indexed again: storage/research.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy.orm import Session

from service.api.deps import ArchivistDep, ReaderDep, SessionDep
from service.api.schemas import (
    DB_INT_MAX,
    MeetingRef,
    Message,
    OrganizationDecisionPublic,
    OrganizationDetail,
    OrganizationMerge,
    OrganizationPerson,
    OrganizationPublic,
    OrganizationRename,
    OrganizationSplit,
    OrganizationsPublic,
)
from service.storage import research
from service.storage.tables import ArchiveOrganization, IndexedMeeting

router = APIRouter(prefix="/organizations", tags=["research"])


@router.get("", response_model=OrganizationsPublic, responses={401: {"model": Message}})
def list_organizations(
    session: SessionDep,
    _: ReaderDep,
    q: Annotated[str, Query(description="words of a name or alias, in any case form")] = "",
    offset: Annotated[int, Query(ge=0, le=DB_INT_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> OrganizationsPublic:
    """Organizations with a name or alias that has every word of `q` (compared by lemma)."""
    found, count = research.find_organizations(session, q, offset, limit)
    data = [
        OrganizationPublic(id=item.id, name=item.name, aliases=item.aliases, meeting_count=meetings)
        for item, meetings in found
    ]
    return OrganizationsPublic(data=data, count=count)


@router.get("/{organization_id}", response_model=OrganizationDetail, responses={404: {"model": Message}})
def get_organization(organization_id: uuid.UUID, session: SessionDep, _: ReaderDep) -> OrganizationDetail:
    """The archive persons who represented the organization (and as what), and the meetings it appears in."""
    organization = research.get_organization(session, organization_id)
    if organization is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no organization {organization_id}")
    return _detail(session, organization)


WRITE_ERRORS = {code: {"model": Message} for code in (401, 403, 404, 409, 422)}


@router.post("/{organization_id}/merge", response_model=OrganizationDetail, responses=WRITE_ERRORS)
def merge_organization(
    organization_id: uuid.UUID, body: OrganizationMerge, session: SessionDep, token: ArchivistDep
) -> OrganizationDetail:
    """Merge another organization into this one: its names become aliases, its meetings and people this one's.

    «Госдума РФ» and «Государственная Дума» are one body. Documents indexed again keep going here.
    """
    return _decided(
        session, lambda: research.merge_organizations(session, organization_id, body.organization_id, token)
    )


@router.post("/{organization_id}/rename", response_model=OrganizationDetail, responses=WRITE_ERRORS)
def rename_organization(
    organization_id: uuid.UUID, body: OrganizationRename, session: SessionDep, token: ArchivistDep
) -> OrganizationDetail:
    """Show the organization under another name (the old one stays an alias); a name of another one is a 409."""
    return _decided(session, lambda: research.rename_organization(session, organization_id, body.name, token))


@router.post("/{organization_id}/split", response_model=OrganizationDetail, responses=WRITE_ERRORS)
def split_organization(
    organization_id: uuid.UUID, body: OrganizationSplit, session: SessionDep, token: ArchivistDep
) -> OrganizationDetail:
    """Undo a wrong merge: the named names move to a new organization (returned) with the documents that use them."""
    return _decided(session, lambda: research.split_organization(session, organization_id, body.names, token))


def _decided(session: Session, decide: Callable[[], ArchiveOrganization]) -> OrganizationDetail:
    try:
        organization = decide()
    except LookupError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except research.OrganizationConflict as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    except research.IdentityError as exc:
        raise HTTPException(422, str(exc)) from exc
    session.commit()
    return _detail(session, organization)


def _detail(session: Session, organization: ArchiveOrganization) -> OrganizationDetail:
    organization_id = organization.id
    found = research.organization_meetings(session, organization_id)
    represented = research.organization_people(session, organization_id)
    names = research.document_filenames(
        session,
        [meeting.document_id for meeting in found]
        + [item.document_id for _, appearances in represented for item, _ in appearances],
    )
    meetings = [_ref(meeting, names) for meeting in found]
    people = []
    for person, appearances in represented:
        positions = list(dict.fromkeys(item.position for item, _ in appearances if item.position))
        refs = {item.document_id: _ref(meeting, names, item.document_id) for item, meeting in appearances}
        people.append(
            OrganizationPerson(id=person.id, name=person.name, positions=positions, meetings=list(refs.values()))
        )
    return OrganizationDetail(
        id=organization.id,
        name=organization.name,
        aliases=organization.aliases,
        meeting_count=len(meetings),
        people=people,
        meetings=meetings,
        decisions=[
            OrganizationDecisionPublic(
                action=item.action,
                names=item.names,
                other_id=item.other_id,
                other_name=item.other_name,
                author=item.author_name,
                author_id=item.author_id,
                created_at=item.created_at,
            )
            for item in research.organization_decisions(session, organization_id)
        ],
    )


def _ref(
    meeting: IndexedMeeting | None, filenames: dict[uuid.UUID, str | None], document_id: uuid.UUID | None = None
) -> MeetingRef:
    if meeting is None:
        assert document_id is not None
        return MeetingRef(document_id=document_id, filename=filenames.get(document_id), title=None, date=None)
    return MeetingRef(
        document_id=meeting.document_id,
        filename=filenames.get(meeting.document_id),
        title=meeting.title,
        date=meeting.date_text,
    )
