"""`POST /v1/extract`: a document in, its meeting record out; nothing is stored."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from starlette.concurrency import run_in_threadpool

from pipelines.pool import ProcessDied
from pipelines.record import MeetingRecord
from service.api.deps import ExtractorDep, ReaderDep, SettingsDep
from service.api.schemas import Message
from service.api.uploads import Upload, check_file, media_type_of, parse_text, read_body, read_files
from service.extraction import ExtractorBusy

router = APIRouter(tags=["extract"])

# A place frees when one extraction ends, which for a typical report is about a second.
RETRY_AFTER_SECONDS = 1

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
    responses={code: {"model": Message} for code in (401, 413, 415, 422, 503)},
)
async def extract(request: Request, extractor: ExtractorDep, settings: SettingsDep, _: ReaderDep) -> MeetingRecord:
    """The meeting record of one file (multipart, field `file`) or of a text (`{"text": …}`)."""
    try:
        # Admitted before the body is read: a shed request costs neither memory nor a thread.
        with extractor.admit():
            upload = await _read_upload(request, settings.max_upload_bytes)
            # CPU-bound: in a worker thread, so the event loop keeps serving other requests meanwhile.
            return await run_in_threadpool(
                extractor.extract, upload.content, upload.filename, settings.extract_wait_seconds
            )
    except (ExtractorBusy, ProcessDied) as exc:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, str(exc), headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
        ) from None


async def _read_upload(request: Request, limit: int) -> Upload:
    if media_type_of(request) == "application/json":
        body = parse_text(await read_body(request, limit * JSON_EXPANSION))
        return check_file("text", body.text.encode("utf-8"), limit, filename=body.filename)
    if media_type_of(request) == "multipart/form-data":
        return (await read_files(request, limit, max_files=1))[0]
    raise HTTPException(
        status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
        'send a file as multipart/form-data or a text as application/json {"text": "…"}',
    )
