"""The linker: which job title and which organization of the text are a person's.

Two logistic regressions over the features of `models.linker.features`, trained on the WORKS_AS and
WORKPLACE relations of NEREL by `python -m models.linker.train` (`make linker`) and shipped as
`linker.json` (feature weights, thresholds and the fold figures they were chosen by).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from models.linker.features import Features

MODEL_PATH = Path(__file__).parent / "linker.json"
FORMAT_VERSION = 2

# Where a candidate stands (before the name, in the sentence, the grammar's pick …) changes what the
# rest of its features mean: a comma between is a list when the title comes after the name, an
# apposition when before. The model weighs each of these anchors crossed with every other feature
# (head lemmas and body kind words left out: too rare to cross), a linear model with interactions.
TITLE_ANCHORS = (
    "before",
    "kind=before",
    "kind=after",
    "kind=sentence",
    "kind=predicate",
    "kind=in_post",
    "near0",
    "rule_pick",
    "same_sent",
    "gap0",
    "claimed",
    "nearest_person",
)
BODY_ANCHORS = (
    "obefore",
    "okind=sentence",
    "okind=title:before",
    "okind=title:after",
    "okind=title:refers",
    "onear0",
    "orule_pick",
    "osame_sent",
    "otitle_best",
    "oserves_at",
    "onearest_person",
)
_UNCROSSED = ("head=", "okindword=")
_CROSSES_LIMIT = 4096
# How much more the model must believe its title than the grammar's to take it instead: held-out NEREL
# folds gain most at 0.1 (position .675 against .667 at 0.5), but corpus-dev and corpus-genre, whose
# grammar is written for their genre, lose titles below 0.5. A body the grammar names is never overruled
# (corpus-dev loses person_org when it is).
POSITION_MARGIN = 0.5
ORGANIZATION_MARGIN = 2.0


def crossed(features: Features, anchors: tuple[str, ...]) -> Features:
    """The features and their products with each anchor the candidate has."""
    out = dict(features)
    present = [a for a in anchors if features.get(a)]
    for name, value in features.items():
        if name == "bias" or name.startswith(_UNCROSSED):
            continue
        for anchor in present:
            if anchor != name:
                out[f"{anchor}&{name}"] = features[anchor] * value
    return out


@dataclass(frozen=True)
class Scorer:
    """P(link) = sigmoid(w · x); a candidate is linked when it is the person's best and reaches `threshold`.

    x are the candidate's features crossed with `anchors` (`crossed`).
    """

    weights: dict[str, float]
    threshold: float
    anchors: tuple[str, ...] = ()
    # The grammar's pick gives way to the model's best only when the model believes its best by this much
    # more than the grammar's own candidate; above 1 it never does.
    margin: float = 2.0

    @cached_property
    def _crossed_weights(self) -> dict[str, dict[str, float]]:
        """anchor → feature → the weight of `anchor&feature`: the crosses the model weighs, by anchor."""
        by_anchor: dict[str, dict[str, float]] = {anchor: {} for anchor in self.anchors}
        for key, weight in self.weights.items():
            anchor, cross, name = key.partition("&")
            if cross and anchor in by_anchor:
                by_anchor[anchor][name] = weight
        return by_anchor

    @cached_property
    def _crosses_by_present(self) -> dict[tuple[str, ...], dict[str, tuple[tuple[int, float], ...]]]:
        return {}

    def _crosses(self, present: tuple[str, ...]) -> dict[str, tuple[tuple[int, float], ...]]:
        """feature → (k, the weight of `present[k]&feature`) for each present anchor in order that the model
        weighs crossed with it: the terms of crossing every feature with every present anchor that have a
        weight, in the same order, without asking each pair. A few hundred sets of anchors occur; made once each."""
        table = self._crosses_by_present.get(present)
        if table is None:
            crossed_weights = self._crossed_weights
            found: dict[str, list[tuple[int, float]]] = {}
            for k, anchor in enumerate(present):
                for name, weight in crossed_weights[anchor].items():
                    if name != anchor and name != "bias" and not name.startswith(_UNCROSSED):
                        found.setdefault(name, []).append((k, weight))
            if len(self._crosses_by_present) >= _CROSSES_LIMIT:  # bounded: the table starts again when full
                self._crosses_by_present.clear()
            table = self._crosses_by_present[present] = {name: tuple(pairs) for name, pairs in found.items()}
        return table

    def probability(self, features: Features) -> float:
        if not self.anchors:
            z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        else:
            # The sum over `crossed(features, anchors)` in its order, without the crosses the model has no
            # weight for (each would add 0.0): building every cross cost more than the rest of the
            # positions stage.
            weights = self.weights
            terms = [weights[name] * value for name, value in features.items() if name in weights]
            present = tuple(a for a in self.anchors if features.get(a))
            if present:
                values = [features[a] for a in present]
                crosses = self._crosses(present)
                terms += [
                    weight * (values[k] * value)
                    for name, value in features.items()
                    if name in crosses
                    for k, weight in crosses[name]
                ]
            z = sum(terms)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Linker:
    position: Scorer
    organization: Scorer

    def probabilities(
        self, titles: list[tuple[tuple[str, ...], Features]], bodies: list[tuple[str, Features]]
    ) -> tuple[list[float], list[float]]:
        """P(the person's) of each title and body.

        `titles` are (organizations the title names, features); `bodies` (organization, features). A body
        named by a title the model believes is the person's borrows that belief (`body_features`).
        """
        title_probs = [self.position.probability(f) if eligible(f) else 0.0 for _, f in titles]
        body_probs = [self.organization.probability(body_features(titles, title_probs, org, f)) for org, f in bodies]
        return title_probs, body_probs

    def choose(
        self, titles: list[tuple[tuple[str, ...], Features]], bodies: list[tuple[str, Features]]
    ) -> tuple[int | None, int | None]:
        """Indexes of the person's title and body by the model alone (None: nothing likely enough)."""
        title_probs, body_probs = self.probabilities(titles, bodies)
        return _best(title_probs, self.position.threshold), _best(body_probs, self.organization.threshold)

    @classmethod
    def from_json(cls, data: dict) -> Linker:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"linker model version {data.get('version')!r}, expected {FORMAT_VERSION}")
        return cls(
            position=Scorer(
                dict(data["position"]["weights"]),
                float(data["position"]["threshold"]),
                tuple(data["position"].get("anchors", ())),
                float(data["position"].get("margin", 2.0)),
            ),
            organization=Scorer(
                dict(data["organization"]["weights"]),
                float(data["organization"]["threshold"]),
                tuple(data["organization"].get("anchors", ())),
                float(data["organization"].get("margin", 2.0)),
            ),
        )


def overrule(scorer: Scorer, probs: list[float], rule: list[int] | None) -> int | None:
    """The model's candidate to take instead of the grammar's, or None to keep the grammar's.

    `rule` are the indexes of the candidates that are the grammar's pick (empty when the grammar's pick is
    none of them), None when the grammar gives nothing: then the model's best fills in when likely enough.
    """
    best = _best(probs, scorer.threshold)
    if best is None or rule is None:
        return best
    rule_prob = max((probs[i] for i in rule), default=0.0)
    return best if best not in rule and probs[best] - rule_prob >= scorer.margin else None


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
