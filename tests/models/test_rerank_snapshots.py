"""The reranker's blind-time measurement (`models/linker/rerank_snapshots.py`): its trees and its candidates' files."""

from __future__ import annotations

import json
import subprocess
from dataclasses import asdict

import pytest

from models.linker import rerank_snapshots as snapshots
from models.linker.rerank_train import Person


@pytest.mark.parametrize(("commit", "blind", "opened"), snapshots.SNAPSHOTS)
def test_each_snapshot_tree_holds_the_hook_and_keeps_its_set_blind(commit: str, blind: str, opened: tuple) -> None:
    held = subprocess.run(["git", "-C", str(snapshots.ROOT), "cat-file", "-e", f"{commit}^"], capture_output=True)
    if held.returncode != 0:
        pytest.skip(f"{commit}^ is not in this checkout's history (a shallow clone)")
    source = subprocess.run(
        ["git", "-C", str(snapshots.ROOT), "show", f"{commit}^:pipelines/reranking.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "def collect(" in source and "def use_model(" in source
    assert blind not in opened and set(opened) <= set(snapshots.GENRE_SETS)


def _written(tmp_path, persons: list[Person]):
    path = tmp_path / "candidates.json"
    path.write_text(json.dumps({"invented": [asdict(p) for p in persons]}), encoding="utf-8")
    return path


def test_candidates_round_trip_and_no_final_drops_only_the_rules_mark(tmp_path, monkeypatch) -> None:
    person = Person(
        rows=[{"bias": 1.0, "final": 1.0, "lp": 0.7}, {"bias": 1.0, "holding": 1.0}],
        labels=[0, 1],
        scored=True,
        rule=0,
        names=["Совет депутатов Энского района", "Энская районная дума"],
        position="депутат",
    )
    path = _written(tmp_path, [person])
    assert snapshots._persons(path) == {"invented": [person]}
    monkeypatch.setattr(snapshots, "NO_FINAL", True)
    (stripped,) = snapshots._persons(path)["invented"]
    assert stripped.rows == [{"bias": 1.0, "lp": 0.7}, {"bias": 1.0, "holding": 1.0}]
    assert (stripped.labels, stripped.rule, stripped.names) == (person.labels, person.rule, person.names)


def test_training_sets_add_dev_only_when_asked() -> None:
    opened = ("genre", "heldout")
    assert list(snapshots._training_sets(opened, False)) == ["genre", "heldout"]
    assert list(snapshots._training_sets(opened, True)) == ["dev", "genre", "heldout"]
