"""The reference scorer of ../shared/score.py, loaded as a module so tests score with its exact logic."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

from pipelines.extract import extract_file
from pipelines.record import MeetingRecord
from tests.conftest import CORPUS_DEV, SHARED


@cache
def reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kenesh_reference_score", SHARED / "score.py")
    assert spec and spec.loader, "../shared/score.py is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def extracted(path: Path) -> MeetingRecord:
    """The pipeline's record of a gold document, once per test session: the corpus scores and the identity
    measure (tests/service/test_identity_corpus.py) read the same extractions."""
    return extract_file(path)


def corpus_documents(gold_dir: Path = CORPUS_DEV) -> list[Path]:
    return sorted(gold_dir.glob("*.txt"))


def score_records(records: dict[str, dict], pred_dir: Path, gold_dir: Path = CORPUS_DEV) -> dict:
    """Write predictions as STEM.json and score them against a gold set's records (corpus-dev by default)."""
    pred_dir.mkdir(parents=True, exist_ok=True)
    for stem, record in records.items():
        (pred_dir / f"{stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return reference_scorer().score(gold_dir, pred_dir, per_doc=True)


def score_subset(records: dict[str, dict], work_dir: Path) -> dict:
    """Like `score_records`, against the gold of these documents only: a subset is scored on its own,
    so two versions of the same documents can be compared field by field."""
    gold_dir, pred_dir = work_dir / "gold", work_dir / "pred"
    gold_dir.mkdir(parents=True, exist_ok=True)
    pred_dir.mkdir(parents=True, exist_ok=True)
    for stem, record in records.items():
        (gold_dir / f"{stem}.json").write_bytes((CORPUS_DEV / f"{stem}.json").read_bytes())
        (pred_dir / f"{stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return reference_scorer().score(gold_dir, pred_dir, per_doc=True)
