"""The meeting record, schema version 1: the public contract (fields are only ever added)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = 1


class Mention(BaseModel):
    """Where a fact stands in the document text: `text == document_text[start:end]`."""

    start: int
    end: int
    page: int | None = 1
    text: str


class Quote(BaseModel):
    text: str
    start: int
    end: int


class DocumentInfo(BaseModel):
    id: str = Field(description="sha256 of the source bytes (hex)")
    filename: str | None = None
    media_type: str = "text/plain"
    pages: int = 1
    chars: int = 0
    language: str = "ru"
    ocr: bool = False
    warnings: list[str] = Field(default_factory=list)


class Meeting(BaseModel):
    title: str | None = None
    body: str | None = None
    number: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD, or --MM-DD when the text gives no year")
    place: str | None = None


Role = Literal["chair", "secretary", "speaker", "attendee", "mentioned"]


class Person(BaseModel):
    id: str
    name: str
    surname: str
    first_name: str | None = None
    patronymic: str | None = None
    initials: str | None = None
    position: str | None = None
    organization: str | None = None
    organization_id: str | None = None
    role: Role = "mentioned"
    spoke: bool = False
    quotes: list[Quote] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    aliases: list[str] = Field(
        default_factory=list,
        description="other spellings of the name the text gives, such as the original Latin spelling in "
        'brackets after a transliterated name: «Дэвид Саутер (David Souter)» → ["David Souter"]',
    )


class Organization(BaseModel):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Location(BaseModel):
    name: str
    mentions: list[Mention] = Field(default_factory=list)


class Issue(BaseModel):
    text: str
    mentions: list[Mention] = Field(default_factory=list)


class Decision(BaseModel):
    """A decision the meeting took, as the protocol words it (РЕШИЛИ / ПОСТАНОВИЛИ items)."""

    text: str
    mentions: list[Mention] = Field(default_factory=list)


class Topic(BaseModel):
    id: str
    label: str
    score: float = Field(ge=0.0, le=1.0)


class MeetingRecord(BaseModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    document: DocumentInfo
    meeting: Meeting = Field(default_factory=Meeting)
    persons: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
