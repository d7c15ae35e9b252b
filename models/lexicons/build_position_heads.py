"""Build `position_heads.txt` from the NEREL train split: the head nouns of PROFESSION spans.

    python models/lexicons/build_position_heads.py ../shared/nerel-train

A head is the first noun of a PROFESSION span ("первый заместитель министра" → заместитель), in its
dictionary form; heads seen at least `--min-count` times are kept, so one-off annotation noise stays out,
and words listed in `position_heads_exclude.txt` are dropped. The rules read this file together with
the hand-written `position_heads_extra.txt`.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pymorphy3

HEADER = (
    "# Head nouns of job titles and roles, mined from NEREL PROFESSION spans\n"
    "# by build_position_heads.py (do not edit by hand: add to position_heads_extra.txt).\n"
)
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def profession_spans(folder: Path) -> list[str]:
    spans = []
    for ann in sorted(folder.glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1].startswith("PROFESSION "):
                spans.append(parts[2])
    return spans


def head_noun(span: str, morph: pymorphy3.MorphAnalyzer) -> str | None:
    for word in _WORD.findall(span):
        parse = morph.parse(word.lower())[0]
        if parse.tag.POS == "NOUN":
            return parse.normal_form.replace("ё", "е")
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nerel_train", type=Path)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("position_heads.txt"))
    args = parser.parse_args()
    morph = pymorphy3.MorphAnalyzer()
    counts = Counter(h for h in (head_noun(s, morph) for s in profession_spans(args.nerel_train)) if h)
    exclude = {
        line.strip()
        for line in args.out.with_name("position_heads_exclude.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    heads = sorted(h for h, n in counts.items() if n >= args.min_count and h not in exclude)
    args.out.write_text(HEADER + "\n".join(heads) + "\n", encoding="utf-8")
    print(f"{len(heads)} heads from {sum(counts.values())} PROFESSION spans → {args.out}")


if __name__ == "__main__":
    main()
