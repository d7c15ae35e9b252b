"""Train the person_org reranker (`models/linker/rerank.json`) and measure it leave-one-set-out.

usage: python -m models.linker.rerank_train [--write] [--out DIR] [--l2 L2]

Every document of the seven genre gold sets (../shared/corpus-genre and corpus/heldout-genre, -2 … -6) goes through
the pipeline with the rules alone; the candidates the reranker would weigh (`pipelines.reranking.candidates`) are
collected for each person the scorer matches to a gold person, labelled by `score.py`'s own organization match
with the gold `organization` (a person the gold links to nothing has only negative candidates).

Leave one set out: for each set X, the model is fitted on the other six, its margin and threshold chosen by a
nested leave-one-set-out on those six (the pair that gets most of their held-out persons right), and the pipeline
is run again on X with that model; X's records are scored by the reference scorer beside the rules' records. The
model written with `--write` is fitted on all seven sets, its margin and threshold chosen by their seven held-out
folds, and carries the leave-one-set-out table (`held_out`). Records go to OUT/rules/SET and OUT/loso/SET.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from models.linker import Scorer, crossed
from models.linker import rerank as rerank_model
from models.linker.features import Features
from models.linker.fit import fit

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SETS = {
    "genre": SHARED / "corpus-genre",
    "heldout": ROOT / "corpus" / "heldout-genre",
    "heldout2": ROOT / "corpus" / "heldout-genre-2",
    "heldout3": ROOT / "corpus" / "heldout-genre-3",
    "heldout4": ROOT / "corpus" / "heldout-genre-4",
    "heldout5": ROOT / "corpus" / "heldout-genre-5",
    "heldout6": ROOT / "corpus" / "heldout-genre-6",
}
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 2.0)  # 2.0: the rules' body always stands
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 2.0)  # 2.0: no body where the rules give none


@dataclass
class Person:
    rows: list[Features]
    labels: list[int]
    scored: bool  # the gold gives the person an organization: person_org counts them
    rule: int | None  # index of the rules' body among the candidates
    names: list[str] = field(default_factory=list)  # the candidates' organizations (for reading the errors)
    position: str | None = None


@dataclass
class Collected:
    persons: dict[str, list[Person]] = field(default_factory=dict)  # set → its matched persons


def _scorer_module():
    sys.path.insert(0, str(ROOT / "corpus"))
    from score import reference_scorer  # corpus/score.py

    return reference_scorer()


def collect(out: Path, score) -> Collected:
    """The rules' records of every set (written to OUT/rules/SET) and the labelled candidates of their persons."""
    from pipelines import reranking
    from pipelines.extract import extract_file

    collected = Collected()
    reranking.use_model(None)
    for name, gold_dir in SETS.items():
        pred_dir = out / "rules" / name
        pred_dir.mkdir(parents=True, exist_ok=True)
        persons: list[Person] = []
        for path in sorted(gold_dir.glob("*.txt")):
            got: list = []
            reranking.collect(got.append)
            record = extract_file(path).model_dump(mode="json")
            reranking.collect(None)
            (pred_dir / f"{path.stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            persons += _labelled(gold, record, got[0] if got else [], score)
        collected.persons[name] = persons
        print(f"{name}: {len(persons)} persons, {sum(p.scored for p in persons)} with a gold organization", flush=True)
    reranking.use_model(None, shipped=True)
    return collected


def _labelled(gold: dict, record: dict, found: list, score) -> list[Person]:
    aliases = gold.get("aliases") or {}
    gold_persons = gold.get("persons") or []
    predicted = record["persons"]
    pairs = score.greedy_match(gold_persons, predicted, lambda g, p: score.fold(g["surname"]) == score.surname_of(p))
    out = []
    for gi, pi in pairs:
        if pi >= len(found):
            continue
        person, cands = found[pi]
        gold_org = gold_persons[gi].get("organization")
        labels = [int(bool(gold_org) and score.org_match(gold_org, name, aliases)) for name, _ in cands]
        rule = 0 if person.organization is not None and cands else None
        out.append(Person([f for _, f in cands], labels, bool(gold_org), rule, [n for n, _ in cands], person.position))
    return out


def _fit(persons: list[Person], l2: float) -> dict[str, float]:
    rows = [crossed(f, _anchors()) for p in persons for f in p.rows]
    labels = [y for p in persons for y in p.labels]
    return fit(rows, labels, l2=l2)


def _anchors() -> tuple[str, ...]:
    from pipelines.reranking import ANCHORS

    return ANCHORS


def _correct(persons: list[Person], probs: list[list[float]], margin: float, threshold: float) -> int:
    scorer = Scorer({}, threshold, (), margin)
    right = 0
    for person, p in zip(persons, probs, strict=True):
        if person.scored:
            chosen = rerank_model.choose(scorer, p, person.rule)
            right += chosen is not None and person.labels[chosen] == 1
    return right


def _probs(weights: dict[str, float], persons: list[Person]) -> list[list[float]]:
    scorer = Scorer(weights, 0.5, _anchors(), 0.0)
    return [[scorer.probability(f) for f in p.rows] for p in persons]


def train(by_set: dict[str, list[Person]], l2: float) -> Scorer:
    """Weights fitted on all the sets given; margin and threshold by their leave-one-set-out folds."""
    held: list[tuple[list[Person], list[list[float]]]] = []
    for name, persons in by_set.items():
        rest = [p for other, ps in by_set.items() if other != name for p in ps]
        held.append((persons, _probs(_fit(rest, l2), persons)))
    grid = [(m, t) for m in MARGINS for t in THRESHOLDS]
    # Ties go to the more conservative pair (a larger margin, a higher threshold): the rules stand where the
    # model is no better.
    margin, threshold = max(
        grid, key=lambda mt: (sum(_correct(ps, pr, *mt) for ps, pr in held), mt[0], mt[1])
    )
    everything = [p for ps in by_set.values() for p in ps]
    return Scorer(_fit(everything, l2), threshold, _anchors(), margin)


def _extract(names: list[Path], pred_dir: Path) -> None:
    from pipelines.extract import extract_file

    pred_dir.mkdir(parents=True, exist_ok=True)
    for path in names:
        record = extract_file(path).model_dump(mode="json")
        (pred_dir / f"{path.stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def leave_one_set_out(collected: Collected, out: Path, score, l2: float) -> dict[str, dict[str, float]]:
    from pipelines import reranking

    table = {}
    for name, gold_dir in SETS.items():
        model = train({k: v for k, v in collected.persons.items() if k != name}, l2)
        reranking.use_model(model)
        _extract(sorted(gold_dir.glob("*.txt")), out / "loso" / name)
        reranking.use_model(None, shipped=True)
        rules = score.score(str(gold_dir), str(out / "rules" / name))
        ranked = score.score(str(gold_dir), str(out / "loso" / name))
        table[name] = {
            "rules_person_org": rules["person_org"],
            "rerank_person_org": ranked["person_org"],
            "rules_position_f1": rules["position_f1"],
            "rerank_position_f1": ranked["position_f1"],
            "margin": model.margin,
            "threshold": model.threshold,
        }
        row = table[name]
        print(
            f"{name:9} person_org {row['rules_person_org']:.3f} → {row['rerank_person_org']:.3f}   "
            f"position_f1 {row['rules_position_f1']:.3f} → {row['rerank_position_f1']:.3f}   "
            f"(margin {model.margin}, threshold {model.threshold})",
            flush=True,
        )
    keys = ("rules_person_org", "rerank_person_org", "rules_position_f1", "rerank_position_f1")
    table["mean"] = {k: round(sum(table[s][k] for s in SETS) / len(SETS), 3) for k in keys}
    mean = table["mean"]
    print(f"mean      person_org {mean['rules_person_org']:.3f} → {mean['rerank_person_org']:.3f}   "
          f"position_f1 {mean['rules_position_f1']:.3f} → {mean['rerank_position_f1']:.3f}")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write models/linker/rerank.json")
    parser.add_argument("--out", type=Path, default=Path("/tmp/kenesh-rerank"))
    parser.add_argument("--l2", type=float, default=5.0)
    args = parser.parse_args(argv)
    score = _scorer_module()
    collected = collect(args.out, score)
    table = leave_one_set_out(collected, args.out, score, args.l2)
    if args.write:
        model = train(collected.persons, args.l2)
        data = {
            "version": rerank_model.FORMAT_VERSION,
            "anchors": list(model.anchors),
            "margin": model.margin,
            "threshold": model.threshold,
            "l2": args.l2,
            "trained_on": list(SETS),
            "held_out": table,
            "weights": dict(sorted(model.weights.items())),
        }
        text = json.dumps(data, ensure_ascii=False, indent=1)
        rerank_model.MODEL_PATH.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {rerank_model.MODEL_PATH} (margin {model.margin}, threshold {model.threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
