"""The reference scorer of ../shared/score.py, loaded as a module so tests score with its exact logic."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

from pipelines.extract import extract_document, extract_file
from pipelines.pool import WARM_UP_TEXTS, ExtractionPool, default_processes
from pipelines.record import MeetingRecord
from tests.conftest import CORPUS_DEV, SHARED


@cache
def reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kenesh_reference_score", SHARED / "score.py")
    assert spec and spec.loader, "../shared/score.py is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Every gold document's record, extracted once per test session (`extracted`, `extract_all`).
_records: dict[Path, MeetingRecord] = {}


def extracted(path: Path) -> MeetingRecord:
    """The pipeline's record of a gold document, once per test session: the corpus scores, the identity
    measure (tests/service/test_identity_corpus.py) and the CLI's offsets read the same extractions."""
    if path not in _records:
        _records[path] = extract_file(path)
    return _records[path]


def extract_all(paths: Iterable[Path]) -> list[MeetingRecord]:
    """`extracted` of each path; those not yet extracted are extracted on every core, in processes forked
    from this one once its models are loaded (`pipelines.pool`, as `kenesh extract` does with many files)."""
    paths = list(paths)
    missing = list(dict.fromkeys(path for path in paths if path not in _records))
    processes = min(default_processes(), len(missing))
    if processes < 2:
        return [extracted(path) for path in paths]
    for text in WARM_UP_TEXTS:  # the models and the first documents' caches, loaded once before the fork
        extract_document(text.encode("utf-8"), "warm-up.txt")
    pool = ExtractionPool(processes)
    try:
        for path, outcome in zip(missing, pool.extract_files(missing, None), strict=True):
            assert outcome.payload is not None, f"{path}: {outcome.error}"
            _records[path] = MeetingRecord.model_validate_json(outcome.payload)
    finally:
        pool.close()
    return [_records[path] for path in paths]


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
