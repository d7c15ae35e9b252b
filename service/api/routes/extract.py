"""`POST /v1/extract`: a document in, its meeting record out; nothing is stored."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from starlette.concurrency import run_in_threadpool

from pipelines.record import MeetingRecord
from service.api.deps import ExtractorDep, ReaderDep, SettingsDep
from service.api.schemas import Message
from service.api.uploads import check_file, media_type_of, parse_text, read_body, read_files

router = APIRouter(tags=["extract"])

# JSON escapes can spell one character in up to six bytes; the text itself is checked after parsing.
JSON_EXPANSION = 6

_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
        },
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {"text": {"type": "string"}, "filename": {"type": "string"}},
            }
        },
    },
}


@router.post(
    "/extract",
    response_model=MeetingRecord,
    openapi_extra={"requestBody": _BODY},
    responses={code: {"model": Message} for code in (401, 413, 415, 422)},
)
async def extract(request: Request, extractor: ExtractorDep, settings: SettingsDep, _: ReaderDep) -> MeetingRecord:
    """The meeting record of one file (multipart, field `file`) or of a text (`{"text": …}`)."""
    limit = settings.max_upload_bytes
    if media_type_of(request) == "application/json":
        body = parse_text(await read_body(request, limit * JSON_EXPANSION))
        upload = check_file("text", body.text.encode("utf-8"), limit, filename=body.filename)
    elif media_type_of(request) == "multipart/form-data":
        uploads = await read_files(request, limit, max_files=1)
        upload = uploads[0]
    else:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            'send a file as multipart/form-data or a text as application/json {"text": "…"}',
        )
    # CPU-bound: in a worker thread, so the event loop keeps serving other requests meanwhile.
    return await run_in_threadpool(extractor.extract, upload.content, upload.filename)
