"""Shapes of the API's requests and responses (`XPublic`, and `XsPublic` = `{data, count}` for lists)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from pipelines.record import MeetingRecord


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


Timestamp = Annotated[datetime, AfterValidator(_aware)]
OptionalTimestamp = Annotated[datetime | None, AfterValidator(_aware)]


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
