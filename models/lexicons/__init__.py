"""Word lists the rules read, one `.txt` file each (one entry per line, `#` starts a comment)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICONS = Path(__file__).parent


@cache
def lines(name: str) -> tuple[str, ...]:
    """Entries of `NAME.txt` as written (case kept: «РК» is a country, «рк» is not a word)."""
    path = LEXICONS / f"{name}.txt"
    entries = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(entry for entry in entries if entry)


@cache
def load(name: str) -> frozenset[str]:
    """Entries of `NAME.txt`, lower-cased with ё folded to е."""
    return frozenset(entry.lower().replace("ё", "е") for entry in lines(name))


@cache
def spellings(name: str) -> tuple[tuple[str, ...], ...]:
    """Entries of `NAME.txt` whose spellings of one name are parted by «|» (`loc_countries`, `loc_regions`): each
    entry's spellings as written, the catalogue name first."""
    return tuple(
        spelled for line in lines(name) if (spelled := tuple(form.strip() for form in line.split("|") if form.strip()))
    )
