"""Score the pipeline on the gold sets side by side: corpus-dev, corpus-genre, the held-out genre set
(corpus/heldout-genre), the second to ninth held-out genre sets (corpus/heldout-genre-2, …, -9), the blind tenth
and eleventh held-out genre sets (corpus/heldout-genre-10, -11, which no rule may be read from: aggregates only)
and nerel-train.

usage: python corpus/score.py
         [--sets dev,genre,heldout,heldout2,...,heldout11,nerel]
         [--per-doc SET] [--out DIR] [--json]

Every document is extracted in this process (the NLP is loaded once), its record written to
OUT/SET/STEM.json and scored by the reference scorer ../shared/score.py. One table, one column per set;
`--per-doc SET` adds that set's documents, worst first (the sum of their field F1s), to find what to fix.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
# This checkout's pipeline, not whichever one is installed: `python corpus/score.py` puts corpus/ first on the path,
# so without this a second checkout would score the installed one's code (and its sets).
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.gold_sets import BLIND, GOLD_SETS, SCORER  # noqa: E402

FIELDS = (
    "persons",
    "speakers",
    "organizations",
    "locations",
    "position_f1",
    "person_org",
    "issues",
    "topics",
    "meeting_date",
    "meeting_place",
)


def reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kenesh_reference_score", SCORER)
    if not spec or not spec.loader:
        raise SystemExit(f"the reference scorer is missing: {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_set(gold_dir: Path, pred_dir: Path) -> None:
    from pipelines.errors import InputError
    from pipelines.extract import extract_file

    pred_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(gold_dir.glob("*.txt")):
        try:
            record = extract_file(path).model_dump(mode="json")
        except InputError as exc:
            print(f"{path.name}: {exc}", file=sys.stderr)
            continue
        (pred_dir / f"{path.stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def value(result: dict, field: str) -> float | None:
    got = result.get(field)
    return got["f1"] if isinstance(got, dict) else got


def annotated(gold_dir: Path) -> set[str]:
    """The fields a gold set annotates: NEREL has no speakers, issues, topics or meeting details."""
    fields = {"persons", "organizations", "locations", "position_f1", "person_org", "meeting_date", "meeting_place"}
    for path in gold_dir.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if any(p.get("spoke") for p in gold.get("persons") or []):
            fields.add("speakers")
        if gold.get("issues"):
            fields.add("issues")
        if gold.get("topics"):
            fields.add("topics")
    return fields


def table(results: dict[str, dict]) -> str:
    names = list(results)
    lines = [f"{'field':15}" + "".join(f"{name:>10}" for name in names)]
    lines.append(f"{'docs':15}" + "".join(f"{results[name]['docs']:>10}" for name in names))
    for field in FIELDS:
        cells = []
        for name in names:
            got = value(results[name], field) if field in results[name]["annotated"] else None
            cells.append(f"{'—' if got is None else f'{got:.3f}':>10}")
        lines.append(f"{field:15}" + "".join(cells))
    return "\n".join(lines)


def per_doc(result: dict) -> str:
    rows = sorted(result.get("per_doc", []), key=lambda row: sum(row[1].values()))
    return "\n".join(f"{stem:28} " + " ".join(f"{k[:5]}={v:.2f}" for k, v in fields.items()) for stem, fields in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sets",
        default="dev,genre,heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7,heldout8,heldout9,heldout10,heldout11,heldout12,heldout13,heldout14,heldout15,heldout16,heldout17,heldout18,heldout19,heldout20,heldout21,heldout22,heldout23,heldout24,heldout25,heldout26,heldout27,heldout28,heldout29,heldout30,heldout31,heldout32,heldout33,heldout34,heldout35,heldout36,nerel",
        help="comma-separated: dev, genre, heldout, heldout2, ..., heldout11 (the held-out genre sets), nerel",
    )
    parser.add_argument("--per-doc", default="", help="comma-separated sets to list document by document")
    parser.add_argument("--out", type=Path, default=Path("/tmp/kenesh-score"), help="where the records go")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    sets = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = [name for name in sets if name not in GOLD_SETS]
    if unknown:
        print(f"unknown set: {', '.join(unknown)} (known: {', '.join(GOLD_SETS)})", file=sys.stderr)
        return 2
    blind = [name for name in args.per_doc.split(",") if name.strip() in BLIND]
    if blind:
        print(f"{', '.join(blind)} is blind: its documents are not listed (models/gold_sets.py)", file=sys.stderr)
        return 2
    scorer = reference_scorer()
    results: dict[str, dict] = {}
    for name in sets:
        started = time.monotonic()
        extract_set(GOLD_SETS[name], args.out / name)
        results[name] = scorer.score(GOLD_SETS[name], args.out / name, per_doc=True)
        results[name]["annotated"] = annotated(GOLD_SETS[name])
        print(f"{name}: {results[name]['docs']} documents in {time.monotonic() - started:.0f} s", file=sys.stderr)
    if args.json:
        scores = {name: {f: value(r, f) for f in FIELDS if f in r["annotated"]} for name, r in results.items()}
        print(json.dumps(scores, indent=1))
    else:
        print(table(results))
    for name in [n.strip() for n in args.per_doc.split(",") if n.strip() in results]:
        print(f"\n{name}, worst first:\n{per_doc(results[name])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
