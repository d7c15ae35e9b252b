"""FastAPI's request validation errors as the one line every other error here is."""

from __future__ import annotations

from fastapi.exceptions import RequestValidationError


def validation_message(exc: Exception) -> str:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    if not errors:
        return "the request is not valid"
    first = errors[0]
    if first.get("type") == "json_invalid":
        reason = (first.get("ctx") or {}).get("error")
        message = f"the body is not valid JSON: {reason}" if reason else "the body is not valid JSON"
    else:
        where = ".".join(str(part) for part in first.get("loc", ())) or "request"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        message = f"{where}: {first.get('msg', 'invalid')}{more}"
    return " ".join(message.split())
