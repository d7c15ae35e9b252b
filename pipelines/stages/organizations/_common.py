"""What several of the organizations stage's modules read alike: word and quote characters, function words, dashes,
and the words that name a place (a settlement's or region's kind, a place's adjective, a dictionary place name).
Only what at least two modules use lives here; a helper with one user sits beside it.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from models import lexicons, loading
from models.components.extensions import doc_text
from models.grammars import organizations as grammar

# Councils an institution governs itself by, named by what they do: «учёный совет», «наблюдательное правление».
_GOVERNING_COUNCILS = frozenset({"совет", "правление"})

_PLACE_ADJECTIVE = re.compile(r"[сц]к(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


def _line_between(doc: Doc, a: Token, b: Token) -> bool:
    first, last = (a, b) if a.i < b.i else (b, a)
    return "\n" in doc_text(doc)[first.idx : last.idx]


@cache
def _unit_kinds() -> frozenset[str]:
    """A body's units by their kind («управление», «комитет», «аппарат»): a staff's and the grammar's sub-units."""
    return lexicons.load("org_staff_units") | grammar.lexicon().subunits


@cache
def _region_abbreviations() -> frozenset[str]:
    """Regions a report names by an abbreviation (`loc_regions`: «СВАО», «ВКО», «ХМАО»): places, not bodies."""
    return frozenset(form for forms in lexicons.spellings("loc_regions") for form in forms if form.isupper())


def _place_word(token: Token) -> bool:
    if token.text in _region_abbreviations():  # «префектуры СВАО»: the body is the prefecture, the okrug its place
        return True
    word = token.lower_
    if len(word) <= 3 or not loading.morph().word_is_known(word):  # «МАИ», «СНГ» are names first
        return False
    tag = loading.parse(word)[0].tag
    return "Geox" in tag and "Abbr" not in tag
