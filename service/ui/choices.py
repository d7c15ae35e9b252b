"""What a filter's picker shows as chosen: the name of the person or organization a page is filtered by.

The menu itself is the API's list, a page at a time (static/picker.js); the page only names the choice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from service.storage.tables import ArchiveOrganization, ArchivePerson


@dataclass(frozen=True)
class Chosen:
    id: uuid.UUID
    name: str


def chosen_organization(session: Session, value: str) -> Chosen | None:
    found = session.get(ArchiveOrganization, _id(value)) if _id(value) else None
    return Chosen(found.id, found.name) if found else None


def chosen_person(session: Session, value: str) -> Chosen | None:
    found = session.get(ArchivePerson, _id(value)) if _id(value) else None
    return Chosen(found.id, found.name) if found else None


def _id(value: str) -> uuid.UUID | None:
    # A malformed id is the filter's error (422 from the page's own parsing), not the picker's.
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None
