"""Rate limits: per token, per client address without one, 429 with `Retry-After`; 0 turns them off."""

from __future__ import annotations

from fastapi.testclient import TestClient

from service.api.main import create_app
from service.api.ratelimit import SlidingWindow
from service.settings import Settings
from tests.service.conftest import bearer

LIMIT = 3


def test_over_the_limit_is_429_with_retry_after(settings: Settings, tokens: dict[str, str]) -> None:
    limited = settings.model_copy(update={"rate_limit_per_minute": LIMIT})
    with TestClient(create_app(limited)) as client:
        researcher = bearer(tokens["researcher"])
        for _ in range(LIMIT):
            assert client.get("/v1/documents", headers=researcher).status_code == 200
        refused = client.get("/v1/documents", headers=researcher)
        assert refused.status_code == 429
        assert "too many requests" in refused.json()["detail"]
        assert 1 <= int(refused.headers["Retry-After"]) <= 60

        # Another token has its own budget; so do requests without one, counted by address.
        assert client.get("/v1/documents", headers=bearer(tokens["archivist"])).status_code == 200
        for _ in range(LIMIT):
            assert client.get("/v1/documents").status_code == 401
        assert client.get("/v1/documents").status_code == 429
        assert client.get("/v1/health").status_code == 200


def test_zero_is_no_limit(settings: Settings, tokens: dict[str, str]) -> None:
    with TestClient(create_app(settings.model_copy(update={"rate_limit_per_minute": 0}))) as client:
        for _ in range(20):
            assert client.get("/v1/documents", headers=bearer(tokens["researcher"])).status_code == 200


def test_the_window_slides() -> None:
    now = [0.0]
    window = SlidingWindow(2, window=60.0, clock=lambda: now[0])
    assert window.hit("a") is None
    now[0] = 30.0
    assert window.hit("a") is None
    assert window.hit("a") == 30.0  # the first hit leaves the window at 60 s
    now[0] = 60.0
    assert window.hit("a") is None
    assert window.hit("a") == 30.0  # now the one at 30 s must leave first
    assert window.hit("b") is None
