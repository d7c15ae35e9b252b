"""Train the linker on NEREL's WORKS_AS / WORKPLACE relations: `make linker`.

    python -m models.linker.train [--gold ../shared/nerel-train] [--folds 5] [--limit N] [--out PATH]

The gold set's records (converted from NEREL by `../shared/nerel_to_gold.py`) say which position and
organization each person holds. Every document goes through the pipeline up to the positions stage;
the candidates the stage builds for a person are labelled by the gold (a title matching the gold
position by lemma-token F1 ≥ 0.5, an organization the scorer matches to the gold one) and two logistic
regressions are fitted. Figures come from k folds by document: the model is fitted on k-1 folds and
judged on the documents of the held-out one, next to the hand rules on the same documents. The model
fitted on every document is written with those figures to `models/linker/linker.json`.

This is a build tool: it runs the pipeline, so it imports `pipelines` (the runtime imports go the
other way, the positions stage reads the model).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from models.linker import (
    BODY_ANCHORS,
    FORMAT_VERSION,
    MODEL_PATH,
    ORGANIZATION_MARGIN,
    POSITION_MARGIN,
    TITLE_ANCHORS,
    Linker,
    Scorer,
    body_features,
    crossed,
    eligible,
    overrule,
)
from models.linker.fit import fit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT.parent / "shared" / "nerel-train"
DEFAULT_SCORER = ROOT.parent / "shared" / "score.py"
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]
# A threshold that links wrongly more often than this is not considered (NEREL's gold names only some of a
# person's posts and bodies, so its precision is a floor of the real one).
MIN_PRECISION = 0.4


@dataclass
class Case:
    stem: str
    doc: object  # spacy Doc
    findings: object  # Findings before the positions stage
    gold: dict


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("kenesh_gold_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prepare(gold_dir: Path, limit: int | None, cache: Path | None) -> list[Case]:
    """Each document of the gold set through the pipeline up to (not including) the positions stage."""
    from spacy.tokens import Doc

    from pipelines.cleaning import clean
    from pipelines.findings import Findings
    from pipelines.nlp import analyse, load_nlp
    from pipelines.readers import read_bytes
    from pipelines.stages import STAGES

    before = STAGES[: [name for name, _ in STAGES].index("positions")]
    paths = sorted(gold_dir.glob("*.txt"))[: limit or None]
    cases = []
    for n, path in enumerate(paths):
        gold_path = path.with_suffix(".json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        cached = cache / f"{path.stem}.pkl" if cache else None
        if cached is not None and cached.exists():
            data, findings = pickle.loads(cached.read_bytes())
            doc = Doc(load_nlp().vocab).from_bytes(data)
        else:
            doc = analyse(clean(read_bytes(path.read_bytes()).text).text)
            findings = Findings()
            for _name, stage in before:
                findings = stage(doc, findings)
            if cached is not None:
                doc.user_data.clear()  # natasha facts on spans: not needed by the positions stage
                cached.write_bytes(pickle.dumps((doc.to_bytes(), findings)))
        cases.append(Case(path.stem, doc, findings, gold))
        if (n + 1) % 100 == 0:
            print(f"  {n + 1}/{len(paths)} documents", file=sys.stderr)
    return cases


@dataclass
class PersonCandidates:
    stem: str
    gold: dict  # the gold person
    aliases: dict
    titles: list  # TitleLink
    bodies: list  # BodyLink
    rules: tuple[str | None, str | None]  # what the hand rules give


def candidates(cases: list[Case], scorer: ModuleType) -> list[PersonCandidates]:
    from pipelines.stages.positions import _doc_context, link_candidates

    out = []
    for case in cases:
        organizations = case.findings.organizations
        context = _doc_context(case.doc, organizations)
        persons = list(case.findings.persons)
        golds = case.gold.get("persons") or []
        pairs = scorer.greedy_match(
            golds, persons, lambda g, p: scorer.fold(g["surname"]) == scorer.fold(p.surname).strip()
        )
        for gi, pi in pairs:
            person = persons[pi]
            titles, bodies, rule = link_candidates(case.doc, person, organizations, context)
            out.append(
                PersonCandidates(
                    case.stem,
                    golds[gi],
                    case.gold.get("aliases") or {},
                    titles,
                    bodies,
                    (rule.position, rule.organization),
                )
            )
    return out


def title_right(scorer: ModuleType, gold: str | None, position: str | None) -> bool:
    return bool(gold and position and scorer.token_f1(gold, position) >= 0.5)


def body_right(scorer: ModuleType, gold: str | None, organization: str | None, aliases: dict) -> bool:
    return bool(gold and organization and scorer.org_match(gold, organization, aliases))


def title_rows(people: list[PersonCandidates], scorer: ModuleType) -> tuple[list, list]:
    x, y = [], []
    for p in people:
        for t in p.titles:
            x.append(crossed(t.features, TITLE_ANCHORS))
            y.append(int(title_right(scorer, p.gold.get("position"), t.position)))
    return x, y


def body_rows(people: list[PersonCandidates], position: Scorer, scorer: ModuleType) -> tuple[list, list]:
    """Bodies with the title model's belief in the titles naming them (`models.linker.body_features`)."""
    x, y = [], []
    for p in people:
        titles = [(t.names, t.features) for t in p.titles]
        probs = [position.probability(f) for _, f in titles]
        for b in p.bodies:
            x.append(crossed(body_features(titles, probs, b.organization, b.features), BODY_ANCHORS))
            y.append(int(body_right(scorer, p.gold.get("organization"), b.organization, p.aliases)))
    return x, y


def train(people: list[PersonCandidates], scorer: ModuleType, thresholds: tuple[float, float]) -> Linker:
    position = Scorer(fit(*title_rows(people, scorer)), thresholds[0], TITLE_ANCHORS, POSITION_MARGIN)
    organization = Scorer(fit(*body_rows(people, position, scorer)), thresholds[1], BODY_ANCHORS, ORGANIZATION_MARGIN)
    return Linker(position, organization)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    sum_f1: float = 0.0  # score.py's position_f1 / person_org numerator
    golds: int = 0

    def add(self, gold_value, predicted, right: bool, credit: float) -> None:
        if predicted is not None:
            self.tp += right
            self.fp += not right
        if gold_value:
            self.fn += not right
            self.golds += 1
            self.sum_f1 += credit

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "score": round(self.sum_f1 / self.golds, 3) if self.golds else 0.0,
        }


@dataclass
class Scored:
    """A held-out person with the probabilities its fold's model gives its candidates."""

    person: PersonCandidates
    title_probs: list[float]
    body_probs: list[float]


def scored(person: PersonCandidates, linker: Linker) -> Scored:
    titles = [(t.names, t.features) for t in person.titles]
    probs = [linker.position.probability(f) if eligible(f) else 0.0 for _, f in titles]
    bodies = [
        linker.organization.probability(body_features(titles, probs, b.organization, b.features)) for b in person.bodies
    ]
    return Scored(person, probs, bodies)


def _pick(probs: list[float], threshold: float) -> int | None:
    if not probs:
        return None
    i = max(range(len(probs)), key=probs.__getitem__)
    return i if probs[i] >= threshold else None


def judge(decisions: list[tuple[PersonCandidates, str | None, str | None]], scorer: ModuleType) -> dict[str, Tally]:
    """Link decisions against the gold: `score` is what score.py reports (position_f1, person_org)."""
    position, organization = Tally(), Tally()
    for p, pos, org in decisions:
        gold_pos, gold_org = p.gold.get("position"), p.gold.get("organization")
        credit = scorer.token_f1(gold_pos, pos) if gold_pos and pos else 0.0
        position.add(gold_pos, pos, title_right(scorer, gold_pos, pos), credit)
        right = body_right(scorer, gold_org, org, p.aliases)
        organization.add(gold_org, org, right, float(right))
    return {"position": position, "organization": organization}


def decide(
    held_out: list[Scored], pos_t: float, org_t: float, rules_first: bool = True
) -> list[tuple[PersonCandidates, str | None, str | None]]:
    """What the linker says for each person; with `rules_first`, the grammar's pick stands unless the model
    believes another candidate by the margin more (`overrule`), as the positions stage decides."""
    position_scorer = Scorer({}, pos_t, margin=POSITION_MARGIN)
    organization_scorer = Scorer({}, org_t, margin=ORGANIZATION_MARGIN)
    out = []
    for s in held_out:
        p = s.person
        if rules_first:
            rule_t = [i for i, t in enumerate(p.titles) if t.position == p.rules[0]] if p.rules[0] else None
            rule_b = [i for i, b in enumerate(p.bodies) if b.organization == p.rules[1]] if p.rules[1] else None
            t = overrule(position_scorer, s.title_probs, rule_t)
            b = overrule(organization_scorer, s.body_probs, rule_b)
            position = p.titles[t].position if t is not None else p.rules[0]
            organization = p.bodies[b].organization if b is not None else p.rules[1]
        else:
            t, b = _pick(s.title_probs, pos_t), _pick(s.body_probs, org_t)
            position = p.titles[t].position if t is not None else None
            organization = p.bodies[b].organization if b is not None else None
        out.append((p, position, organization))
    return out


def cross_validate(people: list[PersonCandidates], scorer: ModuleType, k: int) -> tuple[dict, tuple[float, float]]:
    """Held-out figures of k folds by document, and the thresholds chosen on them."""
    stems = sorted({p.stem for p in people})
    fold_of = {stem: i % k for i, stem in enumerate(stems)}
    held_out: list[Scored] = []
    for fold in range(k):
        linker = train([p for p in people if fold_of[p.stem] != fold], scorer, (0.5, 0.5))
        held_out += [scored(p, linker) for p in people if fold_of[p.stem] == fold]
    rules = judge([(s.person, *s.person.rules) for s in held_out], scorer)
    by_threshold = {t: judge(decide(held_out, t, t), scorer) for t in THRESHOLDS}
    alone = {t: judge(decide(held_out, t, t, rules_first=False), scorer) for t in THRESHOLDS}

    def threshold(field: str) -> float:
        # The most complete linking whose decisions are no worse (link F1) than the rules' on the same folds
        # and right at least MIN_PRECISION of the time: below it the field rises on wrong links that cost
        # nothing in score.py but mislead a reader.
        fair = [
            t
            for t in THRESHOLDS
            if by_threshold[t][field].figures()["f1"] >= rules[field].figures()["f1"]
            and by_threshold[t][field].figures()["precision"] >= MIN_PRECISION
        ]
        if not fair:
            return max(THRESHOLDS, key=lambda t: by_threshold[t][field].figures()["f1"])
        return max(fair, key=lambda t: (by_threshold[t][field].figures()["score"], t))

    pos_t, org_t = threshold("position"), threshold("organization")
    learned = judge(decide(held_out, pos_t, org_t), scorer)
    figures = {
        "folds": k,
        "documents": len(stems),
        "persons": len(people),
        "thresholds": {"position": pos_t, "organization": org_t},
        "linker": {field: tally.figures() for field, tally in learned.items()},
        "rules": {field: tally.figures() for field, tally in rules.items()},
        "linker_by_threshold": {
            str(t): {f: v.figures() for f, v in by_threshold[t].items()} for t in (0.1, 0.2, 0.3, 0.4, 0.5)
        },
        "linker_alone_by_threshold": {
            str(t): {f: v.figures() for f, v in alone[t].items()} for t in (0.1, 0.2, 0.3, 0.4, 0.5)
        },
    }
    return figures, (pos_t, org_t)


def to_json(linker: Linker, figures: dict, source: str) -> dict:
    return {
        "version": FORMAT_VERSION,
        "trained_on": source,
        "position": {
            "threshold": linker.position.threshold,
            "anchors": list(linker.position.anchors),
            "margin": linker.position.margin,
            "weights": linker.position.weights,
        },
        "organization": {
            "threshold": linker.organization.threshold,
            "anchors": list(linker.organization.anchors),
            "margin": linker.organization.margin,
            "weights": linker.organization.weights,
        },
        "held_out": figures,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.linker.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold set: STEM.txt + STEM.json")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="the reference score.py")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--cache", type=Path, default=None, help="keep parsed documents here between runs")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if not args.gold.is_dir() or not args.scorer.is_file():
        print(f"error: need the gold set {args.gold} and the scorer {args.scorer}", file=sys.stderr)
        return 2
    if args.folds < 2:
        print("error: --folds must be at least 2", file=sys.stderr)
        return 2
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    scorer = load_scorer(args.scorer)
    started = time.monotonic()
    cases = prepare(args.gold, args.limit, args.cache)
    people = candidates(cases, scorer)
    figures, thresholds = cross_validate(people, scorer, args.folds)
    linker = train(people, scorer, thresholds)
    source = f"{args.gold.name}: {len(cases)} documents, {len(people)} persons matched to the gold"
    args.out.write_text(json.dumps(to_json(linker, figures, source), ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    print(f"wrote {args.out} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
