"""Checkpoints inside the models' long loops, where the caller may stop a document that ran out of time.

Models do not know about documents or deadlines (imports flow pipelines → models); the pipeline installs
its deadline check here for the duration of one document (`pipelines/nlp.py`), and the taggers, the
tokenizer and the grammars call `checkpoint` between batches and candidates, so a limit holds within a
batch's time rather than a whole component's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Check = Callable[[str], None]

_check: ContextVar[Check | None] = ContextVar("kenesh_checkpoint", default=None)


@contextmanager
def checkpoints(check: Check) -> Iterator[None]:
    """Call `check(step)` at every checkpoint inside this block; it stops the work by raising."""
    token = _check.set(check)
    try:
        yield
    finally:
        _check.reset(token)


def checkpoint(step: str) -> None:
    check = _check.get()
    if check is not None:
        check(step)
