"""Reading uploaded files from a request: multipart parts or a JSON text, within the configured limits."""

from __future__ import annotations

import json
from dataclasses import dataclass

from fastapi import HTTPException, Request, status
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from service.api.body import MULTIPART_OVERHEAD
from service.api.schemas import ExtractText
from service.extraction import detect_media_type


@dataclass(frozen=True)
class Upload:
    filename: str | None
    content: bytes
    media_type: str


def media_type_of(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def check_content_length(request: Request, limit: int) -> None:
    """Refuse a body that says it is too large before reading it."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise HTTPException(413, f"the request is larger than {_size(limit)}")


async def read_body(request: Request, limit: int) -> bytes:
    check_content_length(request, limit)
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:  # a chunked body has no length to check up front
            raise HTTPException(413, f"the request is larger than {_size(limit)}")
    return bytes(body)


async def read_files(request: Request, max_bytes: int, max_files: int) -> list[Upload]:
    """Every file part of a multipart request, whatever its field name, each checked for size, content and format."""
    if media_type_of(request) != "multipart/form-data":
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            "send the files as multipart/form-data (curl -F files=@report.txt)",
        )
    check_content_length(request, max_files * (max_bytes + MULTIPART_OVERHEAD))
    form = await request.form(max_files=max_files, max_fields=max_files)
    try:
        parts = [value for _, value in form.multi_items() if isinstance(value, UploadFile)]
        if not parts:
            raise HTTPException(422, "no file in the request")
        uploads = []
        for part in parts:
            name = part.filename or "file"
            if part.size is not None and part.size > max_bytes:
                raise _too_large(name, part.size, max_bytes)
            content = await part.read()
            uploads.append(check_file(name, content, max_bytes, filename=part.filename))
        return uploads
    finally:
        await form.close()


def check_file(name: str, content: bytes, max_bytes: int, filename: str | None) -> Upload:
    if len(content) > max_bytes:
        raise _too_large(name, len(content), max_bytes)
    if not content:
        raise HTTPException(422, f"{name}: the file is empty")
    media_type = detect_media_type(content)
    if media_type is None:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, f"{name}: not a supported document format (binary data?)"
        )
    return Upload(filename=filename, content=content, media_type=media_type)


def parse_text(body: bytes) -> ExtractText:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(422, f"the body is not valid JSON: {exc}") from exc
    try:
        return ExtractText.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise HTTPException(422, f'expected {{"text": "…"}}: {where}: {first["msg"]}') from exc


def _too_large(name: str, size: int, limit: int) -> HTTPException:
    return HTTPException(413, f"{name}: too large: {_size(size)}, the limit is {_size(limit)}")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"
