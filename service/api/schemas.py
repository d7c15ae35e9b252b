"""Shapes of the API's requests and responses (`XPublic`, and `XsPublic` = `{data, count}` for lists)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
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


class MeetingSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    title: str | None
    body: str | None
    place: str | None
    date: str | None = Field(None, validation_alias="date_text", description="YYYY-MM-DD, or --MM-DD without a year")


class DocumentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    sha256: str
    filename: str | None
    media_type: str
    size: int
    created_at: Timestamp
    record_version: int | None = Field(None, description="the current record version; null until extracted")
    reviewed_version: int | None = Field(None, description="the record version an archivist marked reviewed")
    reviewed_at: OptionalTimestamp = None
    meeting: MeetingSummary | None = Field(None, description="the meeting as the current record gives it")
    job: JobPublic | None = Field(None, description="the document's latest job")


class DocumentsPublic(BaseModel):
    data: list[DocumentPublic]
    count: int


class DocumentDetail(DocumentPublic):
    text: str | None = Field(None, description="the text the record's offsets point into; null until extracted")
    record: MeetingRecord | None = None
    record_kind: str | None = Field(None, description="machine or correction")
    pages: int = Field(0, description="page images stored for a scan or PDF (GET .../pages/{n}), 1-based")


BulkAction = Literal["reextract", "review", "delete"]


class BulkRequest(BaseModel):
    action: BulkAction = Field(description="reextract, review (mark the current version reviewed) or delete")
    document_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)


class BulkResult(BaseModel):
    document_id: uuid.UUID
    ok: bool
    detail: str | None = Field(None, description="why this document was left as it was")
    job_id: uuid.UUID | None = None


class BulkResults(BaseModel):
    data: list[BulkResult]
    count: int
    done: int = Field(description="how many documents the action was applied to")


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
    position: str | None = Field(None, description="the position in the latest meeting that names one")
    organization: str | None = Field(None, description="the organization in the latest meeting that names one")


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


class PersonMet(BaseModel):
    id: uuid.UUID
    name: str
    meetings: int = Field(description="meetings both took part in")


class PersonDetail(PersonPublic):
    meetings: list[MeetingRef] = Field(description="oldest first; undated last")
    positions: list[PositionHeld] = Field(description="positions and organizations over time")
    quotes: list[PersonQuote]
    appearances: list[PersonAppearancePublic]
    met: list[PersonMet] = Field(description="the archive persons met, most shared meetings first, by `met_rule`")
    met_rule: Literal["participants"] = Field(
        "participants",
        description="who counts as met: a person who took part in the same meeting (chair, secretary, speaker, "
        "attendee, or spoke), both of them; being named in the same document is not a meeting",
    )


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


class OrganizationDecisionPublic(BaseModel):
    action: Literal["merge", "rename", "split", "split_from"] = Field(
        description="merge: `other_name` merged in; rename: from `other_name`; split: `names` moved to `other_id`; "
        "split_from: made by a split of `other_id`"
    )
    names: list[str] = Field(description="the names the decision moved or gave")
    other_id: uuid.UUID | None = None
    other_name: str | None = None
    author: str | None = Field(description="the archivist's token name")
    author_id: uuid.UUID | None = Field(description="the archivist's token (null once it is deleted)")
    created_at: Timestamp


class OrganizationDetail(OrganizationPublic):
    people: list[OrganizationPerson]
    meetings: list[MeetingRef]
    decisions: list[OrganizationDecisionPublic] = Field(
        default_factory=list, description="archivists' merges, renames and splits, oldest first: who and when"
    )


class OrganizationMerge(BaseModel):
    organization_id: uuid.UUID = Field(description="the organization to merge into this one (it is removed)")


class OrganizationRename(BaseModel):
    name: str = Field(min_length=1, max_length=1000, description="the name to show; the old one stays an alias")


class OrganizationSplit(BaseModel):
    names: list[str] = Field(
        min_length=1, description="names (or aliases) of the organization that are another body: they move to a new one"
    )


class GraphNode(BaseModel):
    id: uuid.UUID
    name: str
    meetings: int = Field(description="meetings of the selection the person appears in")


class GraphEdge(BaseModel):
    source: uuid.UUID
    target: uuid.UUID
    weight: int = Field(description="meetings both persons appear in")
    document_ids: list[uuid.UUID]


GraphRule = Literal["participants", "mentions"]


class CoOccurrence(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    meetings: int = Field(description="meetings in the selection with at least one person the rule counts")
    rule: GraphRule = Field(
        description="who is linked: `participants` (chair, secretary, speakers, attendees, anyone who spoke at "
        "the meeting; persons merely mentioned are left out) or `mentions` (everyone named in the same document)"
    )


class TopicMonth(BaseModel):
    month: str = Field(description="YYYY-MM")
    topic: str
    label: str
    count: int = Field(description="meetings of that month with the topic")


class TopicCount(BaseModel):
    topic: str
    label: str
    count: int = Field(description="meetings with the topic")


class TopicsTimeline(BaseModel):
    data: list[TopicMonth]
    count: int
    undated: list[TopicCount] = Field(
        description="topics of the meetings whose date has no year (--MM-DD) or that have no date: on no time axis"
    )
    undated_meetings: int = Field(description="meetings with a topic but without a year")


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
    """A false entity (or decision) leaves the record (persons linked to a dropped organization lose the link)."""

    op: Literal["drop"]
    entity: EntityKind | Literal["decision"]
    ref: EntityRef = Field(description="as for the entity; a decision by its text or its 0-based index")


class MeetingFields(_Operation):
    """The meeting's own fields to set; a field left out stays as it is, `null` (or "") clears it."""

    title: str | None = Field(None, max_length=1000)
    body: str | None = Field(None, max_length=1000, description="the body that met")
    number: str | None = Field(None, max_length=50, description="the meeting's number, as written («II», «5»)")
    date: str | None = Field(
        None, description="YYYY-MM-DD, or --MM-DD when the document gives no year", examples=["2019-05-23"]
    )
    place: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def _date_is_a_date(self) -> MeetingFields:
        for name in self.model_fields_set:
            value = getattr(self, name)
            if isinstance(value, str) and not value.strip():
                setattr(self, name, None)
        if self.date is not None and not _is_record_date(self.date):
            raise ValueError(f"date {self.date!r} is neither YYYY-MM-DD nor --MM-DD")
        return self


def _is_record_date(value: str) -> bool:
    # --MM-DD is checked as a day of a leap year, so that --02-29 stays possible.
    full = "2000" + value[1:] if value.startswith("--") else value
    if len(full) != 10:
        return False
    try:
        date.fromisoformat(full)
    except ValueError:
        return False
    return True


class EditMeeting(_Operation):
    op: Literal["edit_meeting"]
    set: MeetingFields


class SetTopics(_Operation):
    """The meeting's topics, replacing the machine's: ids of the taxonomy (GET /v1/topics), most important first."""

    op: Literal["set_topics"]
    topics: list[StrictStr] = Field(max_length=50, description="taxonomy ids; an empty list clears the topics")


class EditDecision(_Operation):
    """A decision's wording corrected (its spans in the text stay)."""

    op: Literal["edit_decision"]
    decision: EntityRef = Field(description="the decision's text or its 0-based index")
    text: str = Field(min_length=1, max_length=5000)


class AddDecision(_Operation):
    """A decision the machine missed: its wording, and optionally where it stands in the text."""

    op: Literal["add_decision"]
    text: str = Field(min_length=1, max_length=5000)
    start: StrictInt | None = Field(None, ge=0, description="offset of its span in the document's text")
    end: StrictInt | None = Field(None, gt=0, description="exclusive")

    @model_validator(mode="after")
    def _both_ends(self) -> AddDecision:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both `start` and `end`, or neither")
        return self


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


class EditMention(_Operation):
    """A mention's span corrected (checked against the page image of a scan or PDF): it covers too little or
    too much, or stands on the wrong words. Its text is filled in from the document's text at the new span."""

    op: Literal["edit_mention"]
    entity: Literal["person", "organization", "location", "issue", "decision"]
    ref: EntityRef
    mention: StrictInt = Field(ge=0, le=REFS_MAX, description="the mention's 0-based index in the entity's list")
    start: StrictInt = Field(ge=0, description="the corrected span's offset into the document's text")
    end: StrictInt = Field(gt=0, description="exclusive; the mention's text becomes text[start:end]")


CorrectionOperation = Annotated[
    EditPerson
    | MergePersons
    | SplitPerson
    | DropEntity
    | AddEntity
    | EditMeeting
    | SetTopics
    | EditDecision
    | AddDecision
    | EditMention,
    Field(discriminator="op"),
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
