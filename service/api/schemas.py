"""Shapes of the API's requests and responses (`XPublic`, and `XsPublic` = `{data, count}` for lists)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr, model_validator

from pipelines.record import MeetingRecord
from pipelines.record import Role as PersonRole


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


Timestamp = Annotated[datetime, AfterValidator(_aware)]
OptionalTimestamp = Annotated[datetime | None, AfterValidator(_aware)]


# Integers reach the database as bound parameters: past a signed 64-bit integer SQLite's driver raises
# OverflowError and PostgreSQL a DataError. Every integer of a request is bounded by this, so both answer 422.
# Versions and ids are stored as 32-bit integers (PostgreSQL's `integer`): a larger one cannot exist.
DB_INT_MAX = 2**63 - 1
COLUMN_INT_MAX = 2**31 - 1
ColumnInt = Annotated[int, Field(le=COLUMN_INT_MAX)]


class Message(BaseModel):
    detail: str = Field(description="what went wrong, in one line")


class ExtractText(BaseModel):
    text: str = Field(min_length=1, description="the document's text")
    filename: str | None = Field(None, description="a name to put in the record's document.filename")


class JobPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    document_id: uuid.UUID
    kind: str
    state: str = Field(description="queued, running, done or failed")
    stage: str | None = Field(None, description="the step a running job is in")
    percent: int
    error: str | None = Field(None, description="why a failed job failed")
    attempts: int
    created_at: Timestamp
    updated_at: Timestamp
    started_at: OptionalTimestamp = None
    finished_at: OptionalTimestamp = None


class DocumentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    sha256: str
    filename: str | None
    media_type: str
    size: int
    created_at: Timestamp
    record_version: int | None = Field(None, description="the current record version; null until extracted")


class DocumentsPublic(BaseModel):
    data: list[DocumentPublic]
    count: int


class DocumentDetail(DocumentPublic):
    text: str | None = Field(None, description="the text the record's offsets point into; null until extracted")
    record: MeetingRecord | None = None
    record_kind: str | None = Field(None, description="machine or correction")
    job: JobPublic | None = Field(None, description="the document's latest job")


class UploadPublic(BaseModel):
    document_id: uuid.UUID
    job_id: uuid.UUID
    filename: str | None
    sha256: str
    duplicate: bool = Field(description="these bytes were in the archive already; nothing new was stored")


class UploadsPublic(BaseModel):
    data: list[UploadPublic]
    count: int


class WhoAmI(BaseModel):
    token_id: uuid.UUID
    name: str | None
    role: str


class Health(BaseModel):
    status: str
    version: str | None


# Research: the index of archive persons, organizations, topics and text (storage/index.py)


class MeetingRef(BaseModel):
    document_id: uuid.UUID
    filename: str | None = Field(None, description="the uploaded file's name (a title is not always found)")
    title: str | None
    date: str | None = Field(None, description="YYYY-MM-DD, or --MM-DD when the document gives no year")


class PersonPublic(BaseModel):
    id: uuid.UUID
    name: str = Field(description="the fullest form of the name among the person's appearances")
    surname: str
    first_name: str | None = None
    patronymic: str | None = None
    initials: str | None = None
    meeting_count: int


class PersonsPublic(BaseModel):
    data: list[PersonPublic]
    count: int


class PersonAppearancePublic(BaseModel):
    id: int = Field(description="the appearance id a split names")
    document_id: uuid.UUID
    meeting_title: str | None
    meeting_date: str | None
    record_person_id: str = Field(description="the person's id inside the document's record")
    name: str = Field(description="as the document gives it")
    position: str | None
    organization: str | None
    organization_id: uuid.UUID | None = Field(None, description="the archive organization")
    role: str
    spoke: bool
    quote_count: int
    quotes: list[str]
    decided_by: str = Field(description="machine (the identity rule) or archivist (a split or merge)")
    evidence: dict[str, Any] = Field(
        description="why this appearance is this person: the rule (new, matched, archivist), the fields that "
        "matched, the appearance it matched, and the candidates it was kept apart from"
    )


class PositionHeld(BaseModel):
    date: str | None
    document_id: uuid.UUID
    position: str | None
    organization: str | None
    organization_id: uuid.UUID | None


class PersonQuote(BaseModel):
    document_id: uuid.UUID
    date: str | None
    text: str


class PersonDetail(PersonPublic):
    meetings: list[MeetingRef] = Field(description="oldest first; undated last")
    positions: list[PositionHeld] = Field(description="positions and organizations over time")
    quotes: list[PersonQuote]
    appearances: list[PersonAppearancePublic]


class PersonSplit(BaseModel):
    appearance_ids: list[ColumnInt] = Field(
        min_length=1, max_length=10_000, description="the appearances that are someone else"
    )


class PersonMerge(BaseModel):
    person_id: uuid.UUID = Field(description="the person to merge into this one (it is removed)")


class OrganizationPublic(BaseModel):
    id: uuid.UUID
    name: str
    aliases: list[str]
    meeting_count: int


class OrganizationsPublic(BaseModel):
    data: list[OrganizationPublic]
    count: int


class OrganizationPerson(BaseModel):
    id: uuid.UUID
    name: str
    positions: list[str] = Field(description="the positions in which the person represented it, oldest first")
    meetings: list[MeetingRef]


class OrganizationDetail(OrganizationPublic):
    people: list[OrganizationPerson]
    meetings: list[MeetingRef]


class GraphNode(BaseModel):
    id: uuid.UUID
    name: str
    meetings: int = Field(description="meetings of the selection the person appears in")


class GraphEdge(BaseModel):
    source: uuid.UUID
    target: uuid.UUID
    weight: int = Field(description="meetings both persons appear in")
    document_ids: list[uuid.UUID]


class CoOccurrence(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    meetings: int = Field(description="meetings in the selection with at least one person")


class TopicMonth(BaseModel):
    month: str = Field(description="YYYY-MM")
    topic: str
    label: str
    count: int = Field(description="meetings of that month with the topic")


class TopicsTimeline(BaseModel):
    data: list[TopicMonth]
    count: int


class SearchResult(BaseModel):
    document_id: uuid.UUID
    filename: str | None = Field(None, description="the uploaded file's name (a title is not always found)")
    title: str | None
    date: str | None
    snippet: str = Field(description="HTML-escaped original text around the first match; matches in <mark>")
    score: float


class SearchResults(BaseModel):
    data: list[SearchResult]
    count: int


# Corrections of a record (PATCH /v1/documents/{id}/record) and its versions

# Bounds of a correction's parts: a correction is a person's work, far below these; a payload past them is
# refused (422) before it is applied, so that nobody makes the service copy a record once per operation.
NAME_MAX = 500  # a name, a position, an organization's name or alias
TEXT_MAX = 5000  # an issue's text, which an entity reference may name
OPERATIONS_MAX = 1000
REFS_MAX = 10_000  # persons merged, mentions and quotes moved, aliases

# A JSON string is an id (or a location's name, an issue's text); a JSON number is a 0-based index in the list.
# Strict types, so that "2" stays an id and `true` is not taken for the index 1.
EntityRef = Annotated[
    Annotated[StrictStr, Field(max_length=TEXT_MAX)] | StrictInt,
    Field(description="an id (`p2`, `o1`; a location's name, an issue's text) or a 0-based index in the list"),
]
EntityKind = Literal["person", "organization", "location", "issue"]


class _Operation(BaseModel):
    # A misspelt field is an error, not an operation that silently does less than its author meant.
    model_config = ConfigDict(extra="forbid")


class PersonFields(_Operation):
    """Fields of a person to set; a field left out stays as it is, `null` clears it."""

    name: str | None = Field(None, min_length=1, max_length=NAME_MAX, description="the full name (not null)")
    surname: str | None = Field(None, min_length=1, max_length=NAME_MAX, description="nominative (not null)")
    first_name: str | None = Field(None, max_length=NAME_MAX)
    patronymic: str | None = Field(None, max_length=NAME_MAX)
    initials: str | None = Field(None, max_length=NAME_MAX)
    position: str | None = Field(None, max_length=NAME_MAX)
    organization: str | None = Field(
        None,
        max_length=NAME_MAX,
        description="a name; linked to the record's organization of that name or alias, if there is one",
    )
    organization_id: str | None = Field(
        None, max_length=NAME_MAX, description="an organization of the record; sets `organization` too"
    )
    role: PersonRole | None = Field(None, description="not null")
    spoke: bool | None = Field(None, description="not null")

    @model_validator(mode="after")
    def _required_stay_set(self) -> PersonFields:
        cleared = [name for name in ("name", "surname", "role", "spoke") if name in self.model_fields_set]
        if bad := [name for name in cleared if getattr(self, name) is None]:
            raise ValueError(f"{', '.join(bad)} cannot be null")
        return self


class EditPerson(_Operation):
    op: Literal["edit_person"]
    person: EntityRef
    set: PersonFields


class MergePersons(_Operation):
    """The persons become one (`into`): mentions and quotes joined, its empty fields filled from theirs."""

    op: Literal["merge_persons"]
    into: EntityRef
    persons: list[EntityRef] = Field(
        min_length=1, max_length=REFS_MAX, description="the persons merged into `into`, then removed"
    )


class SplitPerson(_Operation):
    """Some mentions (and quotes) of a person are somebody else: they move to a new person."""

    op: Literal["split_person"]
    person: EntityRef
    mentions: list[StrictInt] = Field(
        min_length=1, max_length=REFS_MAX, description="0-based indexes into the person's mentions"
    )
    quotes: list[StrictInt] = Field(
        default_factory=list, max_length=REFS_MAX, description="0-based indexes into the person's quotes"
    )
    set: PersonFields = Field(description="the new person's fields; `name` and `surname` are required")


class DropEntity(_Operation):
    """A false entity leaves the record (persons linked to a dropped organization lose the link)."""

    op: Literal["drop"]
    entity: EntityKind
    ref: EntityRef


class AddEntity(_Operation):
    """A missed entity, or a missed mention of a known one (`to`), by its span in the document's text."""

    op: Literal["add"]
    entity: EntityKind
    start: StrictInt = Field(ge=0, description="offset into the document's text (GET /v1/documents/{id} `text`)")
    end: StrictInt = Field(gt=0, description="exclusive; the mention's text is text[start:end]")
    to: EntityRef | None = Field(None, description="an existing entity that gets the mention; else a new one")
    name: str | None = Field(
        None, min_length=1, max_length=TEXT_MAX, description="a new entity's name; default: the span's text"
    )
    set: PersonFields | None = Field(None, description="a new person's other fields (surname when ambiguous)")
    aliases: list[Annotated[str, Field(max_length=NAME_MAX)]] = Field(
        default_factory=list, max_length=REFS_MAX, description="a new organization's other names"
    )


CorrectionOperation = Annotated[
    EditPerson | MergePersons | SplitPerson | DropEntity | AddEntity, Field(discriminator="op")
]


class CorrectionRequest(_Operation):
    base_version: int = Field(
        ge=1, le=COLUMN_INT_MAX, description="the version the author corrected; another current version is 409"
    )
    operations: list[CorrectionOperation] = Field(
        min_length=1,
        max_length=OPERATIONS_MAX,
        description="applied in order; an index means the list as the previous operation left it",
    )
    note: str | None = Field(None, max_length=2000, description="why, for the version history")


class RestoreRequest(_Operation):
    base_version: int | None = Field(
        None, ge=1, le=COLUMN_INT_MAX, description="when given, the current version must be this one"
    )
    note: str | None = Field(None, max_length=2000)


class Author(BaseModel):
    token_id: uuid.UUID
    name: str | None
    role: str


class RecordVersionPublic(BaseModel):
    version: int
    kind: str = Field(description="machine, correction, restore, or carried (a correction kept over a re-extraction)")
    current: bool = Field(description="the version the archive serves (the highest)")
    created_at: Timestamp
    author: Author | None = Field(None, description="the token that made it; null for the machine's")
    base_version: int | None = Field(None, description="the version that was current when this one was made")
    pipeline_version: str | None = None
    schema_version: int
    note: str | None = Field(None, description="the author's note and what changed")


class RecordVersionsPublic(BaseModel):
    data: list[RecordVersionPublic]
    count: int
    current_version: int | None


class RecordVersionDetail(RecordVersionPublic):
    record: MeetingRecord
