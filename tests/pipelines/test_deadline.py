"""The per-document time budget: a document that runs out of time stops with one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.deadline import check_deadline, document_deadline, seconds_left
from pipelines.errors import LimitExceeded
from pipelines.extract import extract_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def test_no_deadline_outside_a_document() -> None:
    assert seconds_left() is None
    check_deadline("anything")


def test_budget_spent_stops_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KENESH_DOCUMENT_SECONDS", "0")
    with pytest.raises(LimitExceeded, match="KENESH_DOCUMENT_SECONDS"):
        extract_bytes("Заседание открыл председатель Н.С. Базарбаев.".encode())


def test_a_scanned_pdf_stops_at_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    scans = sorted((FIXTURES / "scanned").glob("*.pdf"))
    if not scans:
        pytest.skip("no scanned fixture")
    monkeypatch.setenv("KENESH_DOCUMENT_SECONDS", "0")
    with pytest.raises(LimitExceeded, match="stopped at page 1"):
        extract_bytes(scans[0].read_bytes())


def test_nested_documents_keep_the_outer_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KENESH_DOCUMENT_SECONDS", "100")
    with document_deadline():
        outer = seconds_left()
        with document_deadline():
            inner = seconds_left()
    assert outer is not None and inner is not None and inner <= outer <= 100
