"""Security headers on every answer: a Content-Security-Policy, no MIME sniffing, no framing.

The browser holds the token for this origin, so nothing but the app's own files may run here: no inline
script, no script from elsewhere, no page of this site inside another site's frame. A response that needs
another policy (the API docs, an original file) sets its own `Content-Security-Policy`; this keeps it.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The pages: scripts, styles, images and fetches from this origin only; no plugins, no <base>, forms post
# here, and no site may frame them.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# An uploaded original, opened however it is opened: a sandbox (an opaque origin, no scripts) with nothing
# to load.
FILE_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'"
# Swagger UI and ReDoc (vendored, same origin) set inline styles from their scripts and ReDoc searches in a
# worker made from a blob; still no inline or foreign script.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

HEADERS = {
    "content-security-policy": PAGE_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


class SecurityHeadersMiddleware:
    """Adds `HEADERS` to every HTTP response (streams included) that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
