"""The synthetic protocol and transcript documents of `corpus/synthetic/` and their expected records."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pipelines.extract import extract_file
from tests.conftest import ROOT
from tests.scoring import reference_scorer

SYNTHETIC = ROOT / "corpus" / "synthetic"


def documents(genre: str) -> list[Path]:
    return sorted(p for p in SYNTHETIC.glob("*.txt") if expected(p.stem)["genre"] == genre)


@cache
def expected(stem: str) -> dict:
    return json.loads((SYNTHETIC / f"{stem}.json").read_text(encoding="utf-8"))


@cache
def extracted(stem: str) -> dict:
    return extract_file(SYNTHETIC / f"{stem}.txt").model_dump()


def person(record: dict, surname: str) -> dict:
    found = [p for p in record["persons"] if p["surname"] == surname]
    assert len(found) == 1, f"{surname}: {len(found)} entries in {[p['surname'] for p in record['persons']]}"
    return found[0]


def same_issue(a: str, b: str) -> bool:
    """The scorer's test: lemma-token F1 of at least 0.5."""
    return reference_scorer().token_f1(a, b) >= 0.5


def score(stems: list[str], pred_dir: Path) -> dict:
    """The reference scorer over the given synthetic documents."""
    gold_dir = pred_dir / "gold"
    gold_dir.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        (gold_dir / f"{stem}.json").write_text(json.dumps(expected(stem), ensure_ascii=False), encoding="utf-8")
        (pred_dir / f"{stem}.json").write_text(json.dumps(extracted(stem), ensure_ascii=False), encoding="utf-8")
    return reference_scorer().score(gold_dir, pred_dir)
