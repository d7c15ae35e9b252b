"""Word lists the rules read, one `.txt` file each (one entry per line, `#` starts a comment)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICONS = Path(__file__).parent


@cache
def load(name: str) -> frozenset[str]:
    """Entries of `NAME.txt`, lower-cased with ё folded to е."""
    path = LEXICONS / f"{name}.txt"
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.add(entry.lower().replace("ё", "е"))
    return frozenset(entries)
