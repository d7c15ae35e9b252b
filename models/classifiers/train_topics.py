"""Train the shipped topic decision (`models/classifiers/topics_decision.json`) on every opened gold set with topics.

usage: python -m models.classifiers.train_topics [--docs FILE] [--out PATH] [--no-folds]

Every document of the opened sets (`topics_loso.SETS`: corpus-dev and every opened genre set of `models.gold_sets`)
goes through the pipeline once with the rules deciding (`topics_loso.collect`). The lemma model (per topic a logistic
regression over the content lemmas, `topics_loso.fit_lemma_model`) is learnt from all of them; the decision's
logistic regression over the eight best-scored topics' features (`topics_decision.candidate_features`, the lemma
model's probability among them, each document's from a lemma model learnt without its set) is fitted on their
reports of a named body (since session 20; on all of them before), at the fixed threshold `topics_loso.THRESHOLD`
(chosen inside the training sets until session 15) and share of the likeliest candidate's probability
`topics_loso.RELATIVE` (since session 19), the decision applied as it is shipped: to the report of a meeting
(`stages.topics.is_meeting_report`), the rules kept for the rest. The output is deterministic (Newton's method from
zero, weights rounded, keys sorted): the same documents give the same file byte for byte.

Printed, and stored in the file beside the weights: per set, the rules' figure, the shipped decision's in-sample
figure and its leave-one-set-out figure (the same recipe retrained without the set). `--docs FILE` keeps the
recorded documents between runs (the pipeline run takes a minute; the folds, a few more).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from models.classifiers import topics_loso as loso
from models.classifiers.topics_decision import MODEL_PATH, LemmaModel

L2 = 5.0
# The model's topics for the report of a meeting, the rules' for the rest (`topics_loso.decide`); learnt from the
# reports of a named body (`topics_loso.fit_decision`).
VARIANT = "body"


def train(docs: Sequence[loso.Doc], sets: Sequence[str], folds: bool = True) -> dict:
    """The decision's file contents, learnt from `docs` of `sets` (with every set's figures when `folds`): the lemma
    model learnt from all of them, the decision from their lemma-model probabilities each learnt without the
    document's set (`topics_loso.with_lemma_probabilities`), as it meets an unseen document's."""
    lemma_model = loso.fit_lemma_model([d for d in docs if d["set"] in sets])
    annotated = loso.with_lemma_probabilities(docs, sets)
    weights = loso.fit_decision(annotated, VARIANT, L2)
    threshold = loso.THRESHOLD
    model = {
        "about": "Learned topic decision (models/classifiers/topics_decision.py), trained by "
        "`python -m models.classifiers.train_topics`; applied to reports of a meeting.",
        "trained_on": dict(sorted(Counter(d["set"] for d in docs).items())),
        "l2": L2,
        "candidates": loso.CANDIDATES,
        "max_topics": loso.MAX_TOPICS,
        "threshold": threshold,
        "relative": loso.RELATIVE,
        "weights": dict(sorted(weights.items())),
        "lemma_model": lemma_model,
    }
    if folds:
        shipped = LemmaModel.from_json(lemma_model)
        figures: dict[str, dict[str, float]] = {"rules": {}, "in_sample": {}, "leave_one_set_out": {}}
        for name in sets:
            tested = [{**d, "lemma_p": shipped.probabilities(d["lemmas"])} for d in docs if d["set"] == name]
            figures["rules"][name] = round(loso.rules_f1(docs, name), 3)
            in_sample = [loso.decide(weights, d, threshold, VARIANT) for d in tested]
            figures["in_sample"][name] = round(loso.micro_f1(tested, in_sample), 3)
            others = [m for m in sets if m != name]
            held = loso.held_out(docs, others, name, VARIANT, L2, lemmas=True, threshold=threshold)
            figures["leave_one_set_out"][name] = round(held, 3)
        model["figures"] = figures
    return model


def dumps(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=Path, help="recorded documents: read if the file exists, else written")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-folds", action="store_true", help="skip the per-set figures (seconds, not a minute)")
    args = parser.parse_args()
    if args.docs and args.docs.exists():
        docs = json.loads(args.docs.read_text(encoding="utf-8"))
    else:
        docs = loso.collect(loso.SETS)
        if args.docs:
            args.docs.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    model = train(docs, list(loso.SETS), folds=not args.no_folds)
    args.out.write_text(dumps(model), encoding="utf-8")
    print(f"{args.out}: threshold {model['threshold']}, {len(model['weights'])} weights")
    for label, figures in model.get("figures", {}).items():
        print(f"{label:18} " + " ".join(f"{name} {figure:.3f}" for name, figure in figures.items()))


if __name__ == "__main__":
    main()
