"""The API's docs pages, /docs (Swagger UI) and /redoc (ReDoc), from vendored files on this origin.

FastAPI's defaults load both from a CDN, unpinned, with Google fonts, into the origin that holds the
token, and show a blank page offline. Here they come from `service/ui/static/vendor/` (pinned, with their
licences), and Swagger UI starts from a static script, so the pages run under a policy without inline script.
"""

from __future__ import annotations

from html import escape

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html
from starlette.requests import Request
from starlette.responses import HTMLResponse

from service.api.headers import DOCS_POLICY

VENDOR = "/static/vendor"
NO_ICON = "data:,"  # no favicon request, to this origin or any other


def mount(app: FastAPI) -> None:
    """Serve /docs and /redoc (the app is created with `docs_url=None, redoc_url=None`)."""
    title = app.title
    openapi_url = app.openapi_url or "/openapi.json"

    async def swagger_ui(_: Request) -> HTMLResponse:
        page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)} — Swagger UI</title>
<link rel="icon" href="{NO_ICON}">
<link rel="stylesheet" href="{VENDOR}/swagger-ui/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{escape(openapi_url)}"></div>
<script src="{VENDOR}/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/docs/swagger-init.js"></script>
</body>
</html>"""
        return HTMLResponse(page, headers={"Content-Security-Policy": DOCS_POLICY})

    async def redoc(_: Request) -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=openapi_url,
            title=f"{title} — ReDoc",
            redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
            redoc_favicon_url=NO_ICON,
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = DOCS_POLICY
        return page

    app.add_route("/docs", swagger_ui, include_in_schema=False)
    app.add_route("/redoc", redoc, include_in_schema=False)
