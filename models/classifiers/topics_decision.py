"""The learned topic decision: which of a document's best lexicon-scored topics a meeting report is about.

The seed lexicons (`models/classifiers/topics.py`) score every topic; the rules then keep the best one and any other
near it (0.6 of the best) or named by an agenda item. Those rules were tuned on the opened gold sets and lose on each
new blind set; this decision, learnt from the same sets' gold over the same scores, lost less on every blind
measurement (README, "Learned topic decisions"). Each of the document's `candidates` best-scored topics is described
by its score, its score relative to the best, its rank (0–3, 4+), whether an agenda item is about it and the share
of the items that are, whether it is governance (`OWN_FEATURE`), and what a second model, one over the document's
words, says of it (`LemmaModel`: per topic a logistic regression over the content lemmas, the probability that the
gold has that topic; it reads words the seed lexicons lack); a logistic regression gives the probability that the
gold has it; the document keeps every candidate (at most `max_topics`) whose probability reaches `threshold` and
`relative` of the likeliest one's, and the most probable one when none does.

The weights and threshold are `topics_decision.json`, written by `python -m models.classifiers.train_topics`
(`make topics`); read once per process, on first use.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from models import lexicons

MODEL_PATH = Path(__file__).parent / "topics_decision.json"
# Ranks past this one share a feature: the fifth to eighth topics are rarely in the gold and alike.
LAST_RANK = 4
# Governance has a feature of its own: every meeting report speaks the words of a body at work (a session, its
# officers, its decisions), so the lexicons score governance on most reports whatever they were about, and the
# annotators give it to a body's own business only (corpus-genre to 15 of 24 reports, heldout-genre-7 to 1 of 12).
# The decision weighs its score less than another topic's of the same score (session 15: leave-one-set-out over the
# seventeen opened genre sets, see README, "Learned topic decisions").
OWN_FEATURE = "governance"
# What kind of sitting the report is of, as governance's candidate reads it (session 21): the annotators give
# governance to an executive's own sittings (a hokimiyat's, akimat's, executive committee's, head of administration's
# meeting, where the executive runs its territory) more than to a commission's or a council's on one matter, and a
# protocol (its «слушали / решили», the vote, the quorum) more than a news write-up of the same sitting. Each is
# log(1 + the count of its words in the document); leave-one-set-out over the opened sets up in all nine L2 ×
# threshold settings (+0.0009 to +0.0048; README, "Learned topic decisions").
EXECUTIVE_WORDS = lexicons.load("sitting_executive_words")
PROTOCOL_WORDS = lexicons.load("sitting_protocol_words")

Features = dict[str, float]


def lemma_vector(lemmas: Iterable[str], vocabulary: Mapping[str, object] | frozenset[str]) -> dict[str, float]:
    """The document's words as the lemma model reads them: each lemma of `vocabulary` weighted 1 + log(its count)
    (sublinear, as the seed lexicons count), the vector of the known lemmas scaled to unit length (a long report is
    not more about everything)."""
    counts = Counter(word for word in lemmas if word in vocabulary)
    vector = {word: 1.0 + math.log(count) for word, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
    return {word: value / norm for word, value in vector.items()}


@dataclass(frozen=True)
class LemmaModel:
    """Per topic, a logistic regression over the document's content lemmas (`lemma_vector`): its bias and, for the
    lemmas that weigh most for it, their weights. Learnt from the opened sets' gold by `train_topics`."""

    bias: Mapping[str, float]
    weights: Mapping[str, Mapping[str, float]]  # topic → lemma → weight
    # lemma → (topic, weight) pairs: a document's dot products in one pass over its known lemmas.
    by_lemma: Mapping[str, tuple[tuple[str, float], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_lemma: dict[str, list[tuple[str, float]]] = {}
        for topic, weights in self.weights.items():
            for lemma, weight in weights.items():
                by_lemma.setdefault(lemma, []).append((topic, weight))
        object.__setattr__(self, "by_lemma", {lemma: tuple(pairs) for lemma, pairs in by_lemma.items()})

    def probabilities(self, lemmas: Iterable[str]) -> dict[str, float]:
        """Every topic's probability that the document (its content lemmas) is about it."""
        z = dict(self.bias)
        for lemma, value in lemma_vector(lemmas, self.by_lemma).items():
            for topic, weight in self.by_lemma[lemma]:
                z[topic] = z.get(topic, 0.0) + weight * value
        return {topic: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, v)))) for topic, v in z.items()}

    @classmethod
    def from_json(cls, data: Mapping) -> LemmaModel:
        return cls(bias=dict(data["bias"]), weights={t: dict(w) for t, w in data["weights"].items()})


def candidate_features(
    ranked: Sequence[tuple[str, float]],
    item_topics: Sequence[str | None],
    candidates: int,
    lemma_probabilities: Mapping[str, float] | None = None,
    lemmas: Iterable[str] = (),
) -> list[tuple[str, Features]]:
    """The `candidates` best of `ranked` (topic, score pairs, best first), each with its features. `item_topics` is
    what each agenda item is about (None when no topic clearly); `lemma_probabilities`, the lemma model's
    (`LemmaModel.probabilities`), when there is one; `lemmas`, the document's content lemmas (the kind of sitting,
    `sitting_features`)."""
    if not ranked:
        return []
    sitting = sitting_features(lemmas)
    top = ranked[0][1] or 1e-9
    of_items = Counter(item_topics)
    items = max(1, len(item_topics))
    rows = []
    for rank, (topic, score) in enumerate(ranked[:candidates]):
        rows.append(
            (
                topic,
                {
                    "bias": 1.0,
                    "score": score,
                    "relative": score / top,
                    f"rank{min(rank, LAST_RANK)}": 1.0,
                    "item": 1.0 if of_items[topic] else 0.0,
                    "item_share": of_items[topic] / items,
                    **({OWN_FEATURE: 1.0, **sitting} if topic == OWN_FEATURE else {}),
                },
            )
        )
    if lemma_probabilities is not None:
        for topic, features in rows:
            features["lemmas"] = lemma_probabilities.get(topic, 0.0)
    return rows


def sitting_features(lemmas: Iterable[str]) -> Features:
    """The kind of sitting a report is of (`EXECUTIVE_WORDS`, `PROTOCOL_WORDS`): governance's candidate's features."""
    executive = protocol = 0
    for word in lemmas:
        executive += word in EXECUTIVE_WORDS
        protocol += word in PROTOCOL_WORDS
    return {"executive": math.log1p(executive), "protocol": math.log1p(protocol)}


def probability(weights: Mapping[str, float], features: Features) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(
    probabilities: Sequence[tuple[float, str]], threshold: float, max_topics: int, relative: float = 0.0
) -> list[str]:
    """The topics whose probability reaches `threshold` and `relative` of the likeliest one's (at most `max_topics`,
    the likeliest first), else the likeliest one. `probabilities` are in rank order: a tie goes to the better-scored
    topic."""
    if not probabilities:
        return []
    ordered = sorted(probabilities, key=lambda pair: -pair[0])
    floor = max(threshold, relative * ordered[0][0])
    return [topic for p, topic in ordered[:max_topics] if p >= floor] or [ordered[0][1]]


@dataclass(frozen=True)
class TopicDecision:
    weights: Mapping[str, float]
    threshold: float
    candidates: int = 8
    max_topics: int = 4
    lemma_model: LemmaModel | None = None
    # A candidate also needs this share of the likeliest one's probability: beside a topic the decision is sure of,
    # a weak one at the threshold is more often wrong (see `topics_loso.RELATIVE`).
    relative: float = 0.0

    def choose(
        self, ranked: Sequence[tuple[str, float]], item_topics: Sequence[str | None], lemmas: Iterable[str] = ()
    ) -> list[str]:
        """The topics kept of `ranked` (see `candidate_features`); `lemmas` are the document's content lemmas."""
        lemmas = list(lemmas)  # read twice: by the lemma model and by the sitting's features
        lemma_probabilities = self.lemma_model.probabilities(lemmas) if self.lemma_model else None
        rows = candidate_features(ranked, item_topics, self.candidates, lemma_probabilities, lemmas)
        probabilities = [(probability(self.weights, f), topic) for topic, f in rows]
        return keep(probabilities, self.threshold, self.max_topics, self.relative)

    @classmethod
    def from_json(cls, data: Mapping) -> TopicDecision:
        return cls(
            weights=dict(data["weights"]),
            threshold=float(data["threshold"]),
            candidates=int(data["candidates"]),
            max_topics=int(data["max_topics"]),
            lemma_model=LemmaModel.from_json(data["lemma_model"]) if data.get("lemma_model") else None,
            relative=float(data.get("relative", 0.0)),
        )


@cache
def load(path: Path = MODEL_PATH) -> TopicDecision:
    """The shipped decision, read once per process."""
    return TopicDecision.from_json(json.loads(path.read_text(encoding="utf-8")))
