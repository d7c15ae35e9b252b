"""Precision and recall of the archive's cross-document person identity, on corpus documents.

    python benchmarks/identity.py [--sets corpus-dev nerel-train ...] [--limit N] [--json]

Every document of the chosen gold sets is extracted by the pipeline and indexed into a fresh SQLite
archive, in file order, exactly as the service indexes an upload. Each archive appearance is then tied to
the gold person of its document with the same surname (and first name, when both give one), and gold
identity is the gold person's first name and surname in lemmas: «Владимир Путин» in two Wikinews articles
is one man, «Барак Обама» and «Мишель Обама» are two people. Appearances whose gold person has no first
name (the text gives a surname or initials only) have no gold identity and are left out of the pairs.

A pair of appearances in two documents is a merge decision: the archive put them under one person or not.
Precision is the share of merged pairs that are one gold person; recall the share of one-gold-person
pairs that were merged.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable as `python benchmarks/identity.py` from a checkout
    sys.path.insert(0, str(ROOT))

from pipelines.extract import extract_file  # noqa: E402
from pipelines.record import MeetingRecord  # noqa: E402
from service.morphology import first_name_key, normalize, surname_key  # noqa: E402
from service.storage import repositories as repo  # noqa: E402
from service.storage.db import make_engine, make_session_factory, migrate, session_scope  # noqa: E402
from service.storage.tables import PersonAppearance  # noqa: E402

SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Scores:
    documents: int
    labelled: int  # appearances with a gold identity
    gold_pairs: int
    merged_pairs: int
    true_pairs: int
    precision: float
    recall: float
    f1: float
    false_merges: list[tuple[str, str]]  # gold identities the archive wrongly put together (a sample)
    missed: list[str]  # gold identities the archive split (a sample)


def gold_identities(gold: dict) -> list[tuple[str, str | None]]:
    """(surname key, identity or None) for each gold person of a document."""
    out = []
    for person in gold.get("persons", []):
        surname = person.get("surname") or ""
        key = surname_key(surname) or normalize(surname)
        parts = (person.get("name") or "").split()
        given = [part for part in parts if (surname_key(part) or normalize(part)) != key]
        first = given[0] if given and not given[0].endswith(".") and len(given[0]) > 1 else None
        out.append((key, f"{first_name_key(first)} {key}" if first else None))
    return out


def label(appearance: PersonAppearance, gold: list[tuple[str, str | None]]) -> str | None:
    namesakes = [identity for key, identity in gold if key == appearance.surname_key]
    if appearance.first_name:
        wanted = f"{first_name_key(appearance.first_name)} {appearance.surname_key}"
        return wanted if wanted in namesakes else None
    named = [identity for identity in namesakes if identity]
    return named[0] if len(namesakes) == 1 and named else None


def index_documents(
    paths: Sequence[Path], database: Path, extract: Callable[[Path], MeetingRecord] = extract_file
) -> dict[str, list[PersonAppearance]]:
    """Extract and index every document, in order, into a new archive; its appearances by document stem."""
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    factory = make_session_factory(engine)
    stems = {}
    for path in paths:
        record = extract(path)
        data = path.read_bytes()
        with session_scope(factory) as session:
            document = repo.add_document(session, data, path.name, "text/plain", None)
            repo.add_machine_record(session, document.id, record, None)
            repo.index_record(session, document.id, record)
            stems[document.id] = f"{path.parent.name}/{path.stem}"
    by_stem: dict[str, list[PersonAppearance]] = defaultdict(list)
    with session_scope(factory) as session:
        for appearance in session.query(PersonAppearance).all():
            by_stem[stems[appearance.document_id]].append(appearance)
    engine.dispose()
    return by_stem


def evaluate(paths: Sequence[Path], work: Path, extract: Callable[[Path], MeetingRecord] = extract_file) -> Scores:
    appearances = index_documents(paths, work / "identity.db", extract)
    labelled: list[tuple[str, str, str]] = []  # (document, gold identity, archive person)
    for path in paths:
        stem = f"{path.parent.name}/{path.stem}"
        gold = gold_identities(json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
        for appearance in appearances.get(stem, []):
            identity = label(appearance, gold)
            if identity:
                labelled.append((stem, identity, str(appearance.person_id)))
    gold_pairs = merged = true = 0
    false_merges: set[tuple[str, str]] = set()
    missed: set[str] = set()
    for (doc_a, gold_a, person_a), (doc_b, gold_b, person_b) in combinations(labelled, 2):
        if doc_a == doc_b:
            continue
        same_gold, same_person = gold_a == gold_b, person_a == person_b
        gold_pairs += same_gold
        merged += same_person
        true += same_gold and same_person
        if same_person and not same_gold:
            false_merges.add(tuple(sorted((gold_a, gold_b))))  # type: ignore[arg-type]
        if same_gold and not same_person:
            missed.add(gold_a)
    precision = true / merged if merged else 1.0
    recall = true / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        documents=len(paths),
        labelled=len(labelled),
        gold_pairs=gold_pairs,
        merged_pairs=merged,
        true_pairs=true,
        precision=round(precision, 3),
        recall=round(recall, 3),
        f1=round(f1, 3),
        false_merges=sorted(false_merges)[:20],
        missed=sorted(missed)[:20],
    )


def documents(sets: Iterable[str], limit: int | None = None) -> list[Path]:
    paths: list[Path] = []
    for name in sets:
        found = sorted((SHARED / name).glob("*.txt"))
        paths.extend(found[:limit] if limit else found)
    return paths


def shared_identity_documents(limit: int) -> list[Path]:
    """At most `limit` NEREL articles chosen for the identity test: those that share a named person with
    another article (or a surname under another first name: Барак and Мишель Обама), in file order."""
    by_identity: dict[str, set[Path]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for gold_path in sorted((SHARED / "nerel-train").glob("*.json")):
        for key, identity in gold_identities(json.loads(gold_path.read_text(encoding="utf-8"))):
            if identity:
                by_identity[identity].add(gold_path.with_suffix(".txt"))
                by_surname[key].add(identity)
    chosen: set[Path] = set()
    for identity, paths in sorted(by_identity.items(), key=lambda item: (-len(item[1]), item[0])):
        shared = len(paths) > 1 or len(by_surname[identity.split()[-1]]) > 1
        if shared and len(chosen | paths) <= limit:
            chosen |= paths
    return sorted(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["corpus-dev", "corpus-genre", "nerel-train"])
    parser.add_argument("--limit", type=int, default=None, help="at most N documents of each set")
    parser.add_argument("--shared", type=int, default=None, help="instead: N NEREL articles that share persons")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        paths = shared_identity_documents(args.shared) if args.shared else documents(args.sets, args.limit)
        scores = evaluate(paths, Path(work))
    if args.json:
        print(json.dumps(asdict(scores), ensure_ascii=False, indent=2))
        return
    print(f"documents {scores.documents}, appearances with a gold identity {scores.labelled}")
    print(f"pairs: gold same person {scores.gold_pairs}, merged {scores.merged_pairs}, both {scores.true_pairs}")
    print(f"precision {scores.precision}  recall {scores.recall}  F1 {scores.f1}")
    for pair in scores.false_merges:
        print("  false merge:", " = ".join(pair))
    for identity in scores.missed:
        print("  missed:", identity)


if __name__ == "__main__":
    main()
