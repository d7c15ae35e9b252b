"""The error answers every operation can give, written into the OpenAPI schema from the routes themselves.

Each route declares its own successes and domain errors (404, 409, 413, …); the errors that come from
the service's machinery are the same everywhere and are added here, so a new endpoint is documented
without anyone remembering to: 401 and 403 from its token dependency, 422 as the one-line `Message`
that `_validation_error` answers (not FastAPI's list of error objects), 429 from the rate limit, 503 when
the service sheds load or its job broker is down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, routing
from fastapi.dependencies.models import Dependant

from service.api.deps import ROLE_CHECKS
from service.api.ratelimit import EXEMPT_PATHS
from service.api.schemas import Message
from service.storage.tables import Role

MESSAGE_REF = {"$ref": "#/components/schemas/Message"}
ALL_ROLES = frozenset(role.value for role in Role)

_DESCRIPTIONS = {
    "401": "no token, or an unknown or revoked one",
    "403": "the token's role may not do this",
    "422": "a malformed request or an unreadable document, in one line",
    "429": "over the rate limit: retry after `Retry-After` seconds",
    "503": "busy, or a service it needs is down: retry after `Retry-After` seconds, or later",
}


@dataclass(frozen=True)
class Endpoint:
    path: str
    methods: frozenset[str]
    roles: frozenset[str] | None  # None: no token needed
    in_schema: bool


def endpoints(app: FastAPI) -> Iterator[Endpoint]:
    """Every route with a FastAPI endpoint (the API and the UI's pages), with the roles it admits."""
    # FastAPI ≥ 0.16x keeps included routers nested and resolves them through route contexts; before, the
    # app's routes were already flat.
    routes = routing.iter_route_contexts(app.routes) if hasattr(routing, "iter_route_contexts") else app.routes
    for route in routes:
        dependant = getattr(route, "dependant", None)
        if dependant is None:  # the docs pages and the static files
            continue
        yield Endpoint(route.path_format, frozenset(route.methods or ()), _roles(dependant), route.include_in_schema)


def _roles(dependant: Dependant) -> frozenset[str] | None:
    for dependency in dependant.dependencies:
        if dependency.call in ROLE_CHECKS:
            return ROLE_CHECKS[dependency.call]
        found = _roles(dependency)
        if found is not None:
            return found
    return None


def _answer(code: str) -> dict[str, Any]:
    return {"description": _DESCRIPTIONS[code], "content": {"application/json": {"schema": MESSAGE_REF}}}


def _takes_input(operation: dict[str, Any]) -> bool:
    return bool(operation.get("parameters") or operation.get("requestBody"))


def add_error_answers(app: FastAPI, schema: dict[str, Any]) -> dict[str, Any]:
    """Document the machinery's errors on every `/v1` operation of `schema` (in place; idempotent)."""
    schema.setdefault("components", {}).setdefault("schemas", {}).setdefault("Message", Message.model_json_schema())
    for endpoint in endpoints(app):
        if not endpoint.in_schema or not endpoint.path.startswith("/v1/"):
            continue
        for method in endpoint.methods:
            operation = schema["paths"].get(endpoint.path, {}).get(method.lower())
            if operation is None:
                continue
            responses = operation.setdefault("responses", {})
            codes = []
            if endpoint.roles is not None:
                codes.append("401")
                if endpoint.roles != ALL_ROLES:
                    codes.append("403")
            if _takes_input(operation) or "422" in responses:
                # Replaces FastAPI's HTTPValidationError: every 422 here is {"detail": "one line"}.
                responses["422"] = _answer("422")
            if endpoint.path not in EXEMPT_PATHS:
                codes += ["429", "503"]
            for code in codes:
                responses.setdefault(code, _answer(code))
    return schema


def document_error_answers(app: FastAPI) -> None:
    """Make `app.openapi()` (and /openapi.json, /docs) include the machinery's error answers."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        return add_error_answers(app, generate())

    app.openapi = openapi  # type: ignore[method-assign]
