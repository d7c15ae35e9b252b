"""Request bodies within a size and a time: refused from their headers when too large (413), cut off when a body
without a length runs past the limit (413), and given up when not complete in time (408).

Why: a body was read as slowly as its client sent it (1 byte / 5 s held an admission place for as long as the
client liked), and a JSON body of any size was parsed whole before anything looked at it. Uploads and
extraction have their own, larger limits (checked again, per file, by their routes); every other body is a
small JSON document.
"""

from __future__ import annotations

import asyncio

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Room for multipart boundaries and part headers on top of the files themselves.
MULTIPART_OVERHEAD = 64 * 1024
# A JSON string may spell each byte of a text as a six-character escape (\u0430 …).
JSON_EXPANSION = 6
# Bodies that are uploads: (method, path) → how many files of the upload limit they may carry (None: the
# configured files per upload).
UPLOADS: dict[tuple[str, str], int | None] = {("POST", "/v1/documents"): None, ("POST", "/v1/extract"): 1}


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request is larger than {_size(limit)}", {"Connection": "close"})


class BodyTooSlow(HTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            408, f"the request body did not arrive within {seconds:g} s; send it at once", {"Connection": "close"}
        )


class BodyLimitMiddleware:
    """Bounds every HTTP request's body: `max_request_bytes`, or an upload's own limit, within `seconds`."""

    def __init__(
        self, app: ASGIApp, max_request_bytes: int, max_upload_bytes: int, max_files: int, seconds: float
    ) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes
        self.max_upload_bytes = max_upload_bytes
        self.max_files = max_files
        self.seconds = seconds

    def limit(self, method: str, path: str, media_type: str) -> int:
        if (method, path) not in UPLOADS:
            return self.max_request_bytes
        if media_type == "multipart/form-data":
            return (UPLOADS[method, path] or self.max_files) * (self.max_upload_bytes + MULTIPART_OVERHEAD)
        return self.max_upload_bytes * JSON_EXPANSION  # a text in JSON, of up to the upload limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if "content-length" not in headers and "transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body (HTTP/1.1): nothing to wait for
            return
        media_type = headers.get("content-type", "").split(";")[0].strip().lower()
        limit = self.limit(scope["method"], scope.get("path", ""), media_type)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            error = BodyTooLarge(limit)
            await JSONResponse({"detail": error.detail}, error.status_code, error.headers)(scope, receive, send)
            return
        await self.app(scope, _BoundedBody(receive, limit, self.seconds), send)


class _BoundedBody:
    """The app's `receive`: the body's messages until it is complete, then the server's (disconnects) as they come.

    The time runs from the first read of the body, not from the request's arrival: waiting for an admission
    place is not the client's doing.
    """

    def __init__(self, receive: Receive, limit: int, seconds: float) -> None:
        self.receive = receive
        self.limit = limit
        self.seconds = seconds
        self.received = 0
        self.complete = False
        self.deadline: float | None = None

    async def __call__(self) -> Message:
        if self.complete:
            return await self.receive()
        loop = asyncio.get_running_loop()
        if self.deadline is None:
            self.deadline = loop.time() + self.seconds
        try:
            message = await asyncio.wait_for(self.receive(), max(0.0, self.deadline - loop.time()))
        except TimeoutError:
            raise BodyTooSlow(self.seconds) from None
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit:
                raise BodyTooLarge(self.limit)  # a body without a length (chunked) cut off at the limit
            self.complete = not message.get("more_body", False)
        else:
            self.complete = True  # the client left
        return message


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"
