"""Cardinal numerals written out (`lexicons/number_cardinals.txt`): one table for every rule that reads a count —
an agenda announced with its count («три вопроса: …»), the amount of work a report tells of («ремонт пяти школ»),
the others present counted before a post in the plural («восемь депутатов райсовета, глава района …»)."""

from __future__ import annotations

from functools import cache

from models import lexicons


@cache
def _entries() -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """(nominative, value, other forms) of each numeral, folded (lower case, ё as е)."""
    entries = []
    for entry in lexicons.lines("number_cardinals"):
        nominative, value, *forms = (part.strip() for part in entry.lower().replace("ё", "е").split("|"))
        entries.append((nominative, int(value), tuple(forms[0].split()) if forms else ()))
    return tuple(entries)


@cache
def cardinal_values() -> dict[str, int]:
    """A numeral's nominative (the lemma of any of its forms) → its value: «две» → 2."""
    return {nominative: value for nominative, value, _ in _entries()}


@cache
def cardinal_forms(least: int = 1) -> frozenset[str]:
    """Every form of the numerals from `least` on: «два», «двух», «пяти», «пятью» …"""
    return frozenset(form for nominative, value, forms in _entries() if value >= least for form in (nominative, *forms))
