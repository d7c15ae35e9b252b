"""The web UI mounted on the app: the archivists' pages, the researchers' pages, and their static assets.

Pages are rendered on the server from the same route functions the API serves, so the UI can never show
what the API would refuse; the browser's scripts write through the API with the token as a bearer.
"""

from __future__ import annotations

from typing import Any

from fastapi.staticfiles import StaticFiles

from service.ui import archive, research
from service.ui.rendering import HERE, LoginRequired, login_redirect


def mount(app: Any) -> None:
    """Serve the pages at / and their assets (vendored chart and graph libraries included) at /static."""
    app.include_router(archive.router)
    app.include_router(research.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(LoginRequired, login_redirect)
