"""The time one document may take, end to end: readers and the pipeline check it between pages and steps,
and inside every loop that grows with the text (cleaning rules, taggers' batches, stages, grammars).

A per-page OCR timeout alone lets a 500-page scan run for hours; this budget bounds the whole
document (KENESH_DOCUMENT_SECONDS, default 600 s) so a batch or a job moves on with a clear error.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from models.checkpoints import checkpoints
from pipelines.errors import LimitExceeded
from pipelines.limits import limit

DOCUMENT_SECONDS = 600.0

_deadline: ContextVar[float | None] = ContextVar("kenesh_document_deadline", default=None)


@contextmanager
def document_deadline() -> Iterator[None]:
    """Start the clock of one document (nested calls keep the outer, earlier deadline). The models'
    checkpoints (taggers' batches, grammars' candidates) check it too while the document runs."""
    if _deadline.get() is not None:
        yield
        return
    token = _deadline.set(time.monotonic() + limit("DOCUMENT_SECONDS", DOCUMENT_SECONDS))
    try:
        with checkpoints(check_deadline):
            yield
    finally:
        _deadline.reset(token)


def seconds_left() -> float | None:
    """Seconds until the deadline, or None outside a document."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def check_deadline(step: str) -> None:
    """Raise when the document has used its time, naming the step it had reached."""
    deadline = _deadline.get()  # `seconds_left`, inline: the stages check ~110 times per document
    if deadline is not None and deadline - time.monotonic() <= 0:
        budget = limit("DOCUMENT_SECONDS", DOCUMENT_SECONDS)
        raise LimitExceeded(f"took over {budget:g} s, stopped at {step} (KENESH_DOCUMENT_SECONDS)")
