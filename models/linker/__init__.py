"""The linker: which job title and which organization of the text are a person's.

Two logistic regressions over the features of `models.linker.features`, trained on the WORKS_AS and
WORKPLACE relations of NEREL by `python -m models.linker.train` (`make linker`) and shipped as
`linker.json` (feature weights, thresholds and the fold figures they were chosen by).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.linker.features import Features

MODEL_PATH = Path(__file__).parent / "linker.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Scorer:
    """P(link) = sigmoid(w · x); a candidate is linked when it is the person's best and reaches `threshold`."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: Features) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Linker:
    position: Scorer
    organization: Scorer

    def choose(
        self, titles: list[tuple[tuple[str, ...], Features]], bodies: list[tuple[str, Features]]
    ) -> tuple[int | None, int | None]:
        """Indexes of the person's title and body (None: nothing likely enough).

        `titles` are (organizations the title names, features); `bodies` (organization, features). A body
        named by a title the model believes is the person's borrows that belief (`body_features`).
        """
        title_probs = [self.position.probability(f) if eligible(f) else 0.0 for _, f in titles]
        body_probs = [self.organization.probability(body_features(titles, title_probs, org, f)) for org, f in bodies]
        return _best(title_probs, self.position.threshold), _best(body_probs, self.organization.threshold)

    @classmethod
    def from_json(cls, data: dict) -> Linker:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"linker model version {data.get('version')!r}, expected {FORMAT_VERSION}")
        return cls(
            position=Scorer(dict(data["position"]["weights"]), float(data["position"]["threshold"])),
            organization=Scorer(dict(data["organization"]["weights"]), float(data["organization"]["threshold"])),
        )


@cache
def load(path: Path = MODEL_PATH) -> Linker:
    """The shipped model, read once per process."""
    return Linker.from_json(json.loads(path.read_text(encoding="utf-8")))


def body_features(
    titles: list[tuple[tuple[str, ...], Features]], title_probs: list[float], organization: str, features: Features
) -> Features:
    """A body's own features and how likely the titles naming it are the person's."""
    linked = [p for (names, _), p in zip(titles, title_probs, strict=True) if organization in names]
    best = max(range(len(titles)), key=title_probs.__getitem__) if titles else None
    return {
        **features,
        "otitle_prob": max(linked, default=0.0),
        "otitle_best": float(best is not None and organization in titles[best][0]),
    }


def _best(probs: list[float], threshold: float) -> int | None:
    if not probs:
        return None
    i = max(range(len(probs)), key=probs.__getitem__)
    return i if probs[i] >= threshold else None


def eligible(features: Features) -> bool:
    """A title in the singular the grammar gives to another name by it («министр финансов Алексей Орлов
    и Мария Белова») is never this person's; a plural one («первым зампредам Жукову и Мельникову») is shared."""
    return not (features.get("claimed") and not features.get("claimed_self") and not features.get("head_plural"))
