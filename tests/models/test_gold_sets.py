"""The gold-set registry and the corpus scorer's guard on blind sets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from models import gold_sets

ROOT = Path(__file__).resolve().parents[2]


def test_blind_sets_are_registered_and_never_opened_for_training() -> None:
    assert gold_sets.BLIND, "a blind held-out genre set measures whether the rules generalize"
    for name in gold_sets.BLIND:
        assert (gold_sets.GOLD_SETS[name] / "README.md").is_file()
        assert name not in gold_sets.OPENED_GENRE


def test_corpus_score_refuses_to_list_a_blind_sets_documents() -> None:
    blind = gold_sets.BLIND[0]
    done = subprocess.run(
        [sys.executable, str(ROOT / "corpus" / "score.py"), "--sets", blind, "--per-doc", blind],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"{blind} is blind: its documents are not listed (models/gold_sets.py)"
    assert done.stdout == ""
