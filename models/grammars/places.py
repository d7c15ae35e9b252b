"""The kinds a text names a place by: a settlement's («города Вахдат», «в селе Ленинском») and a region's («Кировского
района», «области Улытау»). Every stage that tells a place from a person or a body reads them from here."""

from __future__ import annotations

from functools import cache

from models import lexicons


@cache
def place_kinds() -> frozenset[str]:
    """The nouns of a place's kind, lemmas folded (`loc_settlement_nouns.txt`, `loc_region_nouns.txt`)."""
    return lexicons.load("loc_settlement_nouns") | lexicons.load("loc_region_nouns")
