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

        # Another token has its own budget.
        assert client.get("/v1/documents", headers=bearer(tokens["archivist"])).status_code == 200
        assert client.get("/v1/health").status_code == 200


def test_failed_authentications_count_against_the_address(settings: Settings, tokens: dict[str, str]) -> None:
    """A new random bearer string per request bought a fresh budget each time; now every failure counts against
    the client's address, and past the limit even a real token's first request from there waits."""
    limited = settings.model_copy(update={"rate_limit_per_minute": 100, "failed_auth_per_minute": LIMIT})
    with TestClient(create_app(limited)) as client:
        assert client.get("/v1/documents", headers=bearer(tokens["researcher"])).status_code == 200
        for n in range(LIMIT):
            refused = client.get("/v1/documents", headers=bearer(f"kn_random-{n}"))
            assert refused.status_code == 401
            assert refused.json()["detail"] == "unknown or revoked token"
        for n in range(3):
            flooded = client.get("/v1/documents", headers=bearer(f"kn_random-more-{n}"))
            assert flooded.status_code == 429
            assert "too many failed authentications from this address" in flooded.json()["detail"]
            assert 1 <= int(flooded.headers["Retry-After"]) <= 60
        assert client.get("/v1/documents").status_code == 429  # no token at all is a failure too
        # A token seen live just now goes on; one not seen yet from this address waits like the rest.
        assert client.get("/v1/documents", headers=bearer(tokens["researcher"])).status_code == 200
        assert client.get("/v1/documents", headers=bearer(tokens["archivist"])).status_code == 429
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
