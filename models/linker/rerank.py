"""The person_org reranker: which of the bodies the stages proposed for a person is the one they represent.

One logistic regression (`models.linker.Scorer`, its features crossed with a few anchors) over every body the
positions and membership stages proposed for a person (`pipelines.reranking` builds the candidates and their
features), trained on the genre gold sets by `python -m models.linker.rerank_train` (`make rerank`) and shipped
as `rerank.json` with the leave-one-set-out figures it was chosen by. The rules' body stands unless the model
believes another one by `margin` more; where the rules give none, the model's best fills in from `threshold`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from models.linker import Scorer

MODEL_PATH = Path(__file__).parent / "rerank.json"
FORMAT_VERSION = 1


def from_json(data: dict) -> Scorer:
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"reranker model version {data.get('version')!r}, expected {FORMAT_VERSION}")
    return Scorer(
        dict(data["weights"]), float(data["threshold"]), tuple(data.get("anchors", ())), float(data["margin"])
    )


@cache
def load(path: Path = MODEL_PATH) -> Scorer | None:
    """The shipped reranker, read once per process; None when none is shipped (the rules decide alone)."""
    if not path.exists():
        return None
    return from_json(json.loads(path.read_text(encoding="utf-8")))


def choose(scorer: Scorer, probs: list[float], rule: int | None) -> int | None:
    """The index of the body to give the person, or None for none.

    `rule` is the index of the rules' body among the candidates (None when the rules gave none): it stands unless
    another candidate is believed by `scorer.margin` more; with no rules' body, the best fills in from the threshold.
    """
    if not probs:
        return rule
    best = max(range(len(probs)), key=probs.__getitem__)
    if rule is None:
        return best if probs[best] >= scorer.threshold else None
    return best if probs[best] - probs[rule] >= scorer.margin else rule
