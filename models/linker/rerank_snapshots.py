"""The person_org reranker on blind-time snapshots: the tree as it was while a set was still blind.

usage: python -m models.linker.rerank_snapshots [--nerel] [--dev] [--cache DIR] [--blind GOLD_DIR]

Leave-one-set-out (`models.linker.rerank_train`) scores the reranker against rules written from the very sets they
are scored on. The honest comparison is the one a blind set gives: for each commit that opened a set, the tree of its
parent (`git archive COMMIT^`, unpacked to a temporary folder) collects the reranker's candidates on the sets opened
at that time and writes the rules' records of the then-blind set; the reranker is trained on those candidates
(`rerank_train.train`: margin and threshold by nested leave-one-set-out, the precision floor on new links) and that
tree runs the then-blind set again with it. The reference scorer scores both records: rules against reranker.
Only trees that hold the reranker's hook (`pipelines.reranking.collect`, from 9dd5e97, after heldout-genre-6 was
opened) can be snapshots: heldout-genre-7's and -8's.

`--blind GOLD_DIR` measures this tree the same way on a set no one may read: trained on every opened set, it prints
the aggregate person_org and position_f1 of the rules and of the reranker, nothing per document.
`--dev` adds corpus-dev to the training sets (the trainer's own table leaves it out); `--nerel` adds nerel-train;
`--no-final` drops the feature that marks the rules' own body; `--margin M` fixes the margin (no new links) in place
of the nested selection; `--sweep` counts, in memory, what every margin would do on the snapshot sets (opened since).
The measured table and the verdict (not shipped: it ties as trained, and the variant that won both snapshot sets lost
the blind heldout-genre-9) are in `models/linker/rerank_train.py`'s docstring.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GENRE_SETS = {
    "genre": SHARED / "corpus-genre",
    "heldout": ROOT / "corpus" / "heldout-genre",
    **{f"heldout{n}": ROOT / "corpus" / f"heldout-genre-{n}" for n in range(2, 9)},
}
DEV = SHARED / "corpus-dev"
NEREL = SHARED / "nerel-train"
# (the commit whose parent is the last tree with the set blind, the set, the genre sets opened then)
SNAPSHOTS = (
    ("f67e322", "heldout7", ("genre", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")),
    ("bcdac16", "heldout8", ("genre", "heldout", *(f"heldout{n}" for n in range(2, 8)))),
)


NO_FINAL = False  # `--no-final`


def _score():
    """../shared/score.py, loaded by path: an unpacked tree has no ../shared beside it."""
    spec = importlib.util.spec_from_file_location("kenesh_reference_score", SHARED / "score.py")
    assert spec and spec.loader, SHARED
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect_into(sets: dict[str, Path], out: Path) -> None:
    """Run inside a tree: its candidates of every set's persons, as JSON, and its rules' records (OUT/rules/SET)."""
    from models.linker.rerank_train import collect

    collected = collect(sets, out, _score())
    data = {name: [asdict(p) for p in persons] for name, persons in collected.items()}
    (out / "candidates.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def extract_into(gold_dir: Path, pred_dir: Path, model_path: Path | None) -> None:
    """Run inside a tree: its records of a set, with the model given (the rules alone without one)."""
    from models.linker import rerank
    from models.linker.rerank_train import _extract
    from pipelines import reranking

    model = rerank.from_json(json.loads(model_path.read_text(encoding="utf-8"))) if model_path else None
    reranking.use_model(model)
    try:
        _extract(sorted(gold_dir.glob("*.txt")), pred_dir)
    finally:
        reranking.use_model(None, shipped=True)


def _in_tree(tree: Path, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], env=env, check=True, cwd=tree)


def _training_sets(opened: tuple[str, ...], dev: bool) -> dict[str, Path]:
    return {**({"dev": DEV} if dev else {}), **{name: GENRE_SETS[name] for name in opened}}


def _persons(path: Path):
    from models.linker.rerank_train import Person

    data = json.loads(path.read_text("utf-8"))
    if NO_FINAL:
        # The candidate's being the rules' body is no feature: the model weighs it by what it is, not who chose it
        # (with the feature it learns that the rules' body is right 93% of the time and never overrules it).
        for persons in data.values():
            for p in persons:
                for row in p["rows"]:
                    row.pop("final", None)
    return {name: [Person(**p) for p in persons] for name, persons in data.items()}


def _model_json(model, path: Path) -> None:
    from models.linker import rerank

    data = {
        "version": rerank.FORMAT_VERSION,
        "anchors": list(model.anchors),
        "margin": model.margin,
        "threshold": model.threshold,
        "weights": model.weights,
    }
    path.write_text(json.dumps(data), encoding="utf-8")


def measure(
    tree: Path,
    work: Path,
    sets: dict[str, Path],
    blind: Path,
    nerel: bool,
    l2: float,
    floor: float,
    margin: float | None,
) -> dict:
    """Candidates of `sets` (and NEREL) by `tree`, a reranker trained on them, the blind set by `tree` with and
    without it; the reference scorer's aggregate figures of both, and the reranker's margin and threshold."""
    from models.linker import Scorer
    from models.linker.rerank_train import _anchors, figures, fit, train

    work.mkdir(parents=True, exist_ok=True)
    for name, folder in {**sets, **({"nerel": NEREL} if nerel else {})}.items():
        cache = work / name
        if not (cache / "candidates.json").exists():
            _in_tree(tree, "--collect-set", name, str(folder), str(cache))
    by_set = {name: _persons(work / name / "candidates.json")[name] for name in sets}
    extra = _persons(work / "nerel" / "candidates.json")["nerel"] if nerel else None
    if margin is None:
        model = train(by_set, extra, l2, floor)
    else:
        anchors = _anchors(extra is not None)
        groups = [(persons, False) for persons in by_set.values()] + ([(extra, True)] if extra else [])
        model = Scorer(fit(groups, anchors, l2), 2.0, anchors, margin)
    tag = "-".join(
        [
            "genre",
            *(["dev"] if "dev" in sets else []),
            *(["nerel"] if nerel else []),
            *(["nofinal"] if NO_FINAL else []),
        ]
    )
    model_path = work / f"model-{tag}.json"
    _model_json(model, model_path)
    rules_dir, ranked_dir = work / "blind-rules", work / f"blind-{tag}"
    if not rules_dir.exists():
        _in_tree(tree, "--extract", str(blind), str(rules_dir))
    _in_tree(tree, "--extract", str(blind), str(ranked_dir), "--model", str(model_path))
    score = _score()
    rules, ranked = score.score(str(blind), str(rules_dir)), score.score(str(blind), str(ranked_dir))
    return figures(rules, ranked, model)


def sweep(tree: Path, work: Path, sets: dict[str, Path], blind: str, nerel: bool, l2: float) -> list[str]:
    """What the nested selection did not pick: the weights fitted on `sets`, every margin (no new links) on the
    blind set's persons, counted in memory (right / overrules won / lost), beside the rules' count. Only for a set
    opened since (it reads the set's candidates and gold)."""
    from models.linker.rerank_train import MARGINS, _anchors, fit, outcome, probabilities

    cache = work / blind
    if not (cache / "candidates.json").exists():
        _in_tree(tree, "--collect-set", blind, str(GENRE_SETS[blind]), str(cache))
    persons = _persons(cache / "candidates.json")[blind]
    groups = [(_persons(work / name / "candidates.json")[name], False) for name in sets]
    if nerel:
        groups.append((_persons(work / "nerel" / "candidates.json")["nerel"], True))
    anchors = _anchors(nerel)
    probs = probabilities(fit(groups, anchors, l2), anchors, persons)
    rules = outcome(persons, probs, 2.0, 2.0)
    lines = [f"{blind}: {rules.right} of {sum(p.scored for p in persons)} right by the rules"]
    for margin in MARGINS[:-1]:
        o = outcome(persons, probs, margin, 2.0)
        lines.append(
            f"  margin {margin}: right {o.right}, overrules {o.overrules} won {o.overrules_won} lost {o.overrules_lost}"
        )
    return lines


def _line(label: str, row: dict) -> str:
    return (
        f"{label}: person_org {row['rules_person_org']:.3f} → {row['rerank_person_org']:.3f}   position_f1 "
        f"{row['rules_position_f1']:.3f} → {row['rerank_position_f1']:.3f}   margin {row['margin']} "
        f"threshold {row['threshold']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nerel", action="store_true", help="add nerel-train's persons to the training")
    parser.add_argument("--dev", action="store_true", help="add corpus-dev's persons to the training")
    parser.add_argument("--l2", type=float, default=5.0)
    parser.add_argument("--min-precision", type=float, default=0.4)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kenesh-rerank-snapshots")
    parser.add_argument("--blind", type=Path, help="a blind gold folder: aggregate figures only")
    parser.add_argument("--no-final", action="store_true", help="train without the rules' own body's feature")
    parser.add_argument("--margin", type=float, help="this margin (no new links) instead of the nested selection")
    parser.add_argument("--sweep", action="store_true", help="every margin on the (since opened) snapshot sets")
    parser.add_argument("--collect-set", nargs=3, help=argparse.SUPPRESS)  # NAME GOLD OUT, inside a tree
    parser.add_argument("--extract", nargs=2, type=Path, help=argparse.SUPPRESS)  # GOLD OUT, inside a tree
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global NO_FINAL
    NO_FINAL = args.no_final
    if args.collect_set:
        name, folder, out = args.collect_set
        collect_into({name: Path(folder)}, Path(out))
        return 0
    if args.extract:
        extract_into(args.extract[0], args.extract[1], args.model)
        return 0
    if args.blind:
        sets = _training_sets(tuple(GENRE_SETS), args.dev)
        row = measure(
            ROOT, args.cache / "current", sets, args.blind, args.nerel, args.l2, args.min_precision, args.margin
        )
        print(_line(str(args.blind), row))
        return 0
    for commit, blind, opened in SNAPSHOTS:
        work = args.cache / commit
        tree = work / "tree"
        if not tree.exists():
            tree.mkdir(parents=True)
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", f"{commit}^"], check=True, capture_output=True)
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        sets = _training_sets(opened, args.dev)
        if args.sweep:
            print("\n".join(sweep(tree, work, sets, blind, args.nerel, args.l2)), flush=True)
            continue
        row = measure(tree, work, sets, GENRE_SETS[blind], args.nerel, args.l2, args.min_precision, args.margin)
        print(_line(f"{blind} (tree {commit}^)", row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
