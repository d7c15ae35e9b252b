"""Locations: how a place's name is keyed, and the gazetteer the keys are looked up in.

A name is keyed by its words' lemmas («Бишкеке», «Бишкек» → ("бишкек",)), so its case forms and the lexicons' aliases
(«РФ», «Кыргызская Республика») collapse to one entry; a region's optional status word («муниципальный») is left out
of the key, since the text writes it or not. The lexicon membership tests every other part asks («is this word a
region noun, a water noun, a place adjective?») live here too, cached per word and flagged once per Doc, because the
stage asks them of every token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.components.extensions import token_texts
from models.punctuation import (
    TYPOGRAPHIC_CLOSING_QUOTES,
    TYPOGRAPHIC_OPENING_QUOTES,
)
from pipelines.doc_views import folded_strings, token_strings

_WORD = re.compile(r"\w+(?:-\w+)*")
_OPENING_BRACKETS = {"(", "["}
_CLOSING_BRACKETS = {")", "]"}
# Dependents that hang a place off a body's or a region's name: "Правительство Москвы".
_ATTACHED_DEPS = {"nmod", "appos", "flat", "flat:name", "flat:foreign"}
# Dependents that make a region noun a proper name: "Челябинская область", "Республика Татарстан".
_NAMING_DEPS = {"amod", "appos", "flat", "flat:name", "flat:foreign", "nmod"}

Key = tuple[str, ...]


_ABBREVIATION_LENGTH = 5  # «КНДР», «ХМАО», «ЯНАО»: abbreviations of places are short


@lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    # Abbreviations are matched as written: "РК" is a country, "рк" is not a word at all. A longer word in capitals
    # is a heading's ("КИРОВСКОЙ ОБЛАСТИ"): the same name as the text's lower-case one.
    if _abbreviation(word):
        return word
    return loading.parse(word.lower())[0].normal_form.replace("ё", "е")


def _abbreviation(word: str) -> bool:
    """«РК», «КНДР», «ХМАО»; not «РАЙОН» or «ОБЛАСТИ» of a heading in capitals, which are words."""
    if not word.isupper() or len(word) < 2:
        return False
    if len(word) > _ABBREVIATION_LENGTH:
        return False
    return not any(p.is_known and "Abbr" not in p.tag for p in loading.parse(word.lower()))


# A region's status the text writes or leaves out: "Вольский муниципальный район" is "Вольский район".
_OPTIONAL_WORD = "муниципальный"


def key_of(words: Iterable[str]) -> Key:
    """Lemmas of the words: the same for every case form of a name."""
    return tuple(lemma for lemma in map(_lemma, words) if lemma != _OPTIONAL_WORD)


def text_key(text: str) -> Key:
    return key_of(_WORD.findall(text))


def _nominative_lemmas(word: str) -> set[str]:
    if _abbreviation(word):
        return {word}
    parses = loading.parse(word.lower())
    found = {p.normal_form.replace("ё", "е") for p in parses if p.tag.case in (None, "nomn")}
    return found or {_lemma(word)}


def lexicon_keys(text: str) -> set[Key]:
    """Every key a lexicon name can have: pymorphy's first guess for a word out of context varies
    by form ("большая" → "больший", "большой" → "большой"), so all nominative readings count."""
    keys: set[Key] = {()}
    for word in _WORD.findall(text):
        keys = {(*k, lemma) for k in keys for lemma in _nominative_lemmas(word)}
    # The first guess too, which a text's form gets: "Газа" reads as "газ" in "Сектора Газа".
    return keys | {text_key(text)}


def span_key(span: Span | Iterable[Token]) -> Key:
    return key_of(t.text for t in span if not (t.is_punct or t.is_space))


@dataclass(frozen=True)
class Gazetteer:
    """Lexicon names by key: the canonical name, and whether it replaces the written form."""

    names: dict[Key, str] = field(default_factory=dict)
    forced: frozenset[Key] = frozenset()
    longest: int = 1
    first_words: frozenset[str] = frozenset()
    # First words of names that open with a common noun («область Абай»): found in lower case too.
    lower_first_words: frozenset[str] = frozenset()
    lower_first_stems: frozenset[str] = frozenset()

    def canonical(self, key: Key) -> str | None:
        return self.names.get(key)


@cache
def gazetteer() -> Gazetteer:
    names: dict[Key, str] = {}
    forced: set[Key] = set()
    lower_first: set[str] = set()
    for lexicon, force in (("loc_countries", True), ("loc_regions", False)):
        for forms in lexicons.spellings(lexicon):
            canonical = forms[0]
            for form in forms:
                for key in lexicon_keys(form):
                    names.setdefault(key, canonical)
                    if force:
                        forced.add(key)
                    if form[:1].islower() and len(key) > 1:
                        lower_first.add(key[0])
    return Gazetteer(
        names=names,
        forced=frozenset(forced),
        longest=max(len(k) for k in names),
        first_words=frozenset(k[0] for k in names if k),
        lower_first_words=frozenset(lower_first),
        lower_first_stems=frozenset(word[:_STEM_LETTERS] for word in lower_first),
    )


_STEM_LETTERS = 3  # letters every case form of a region noun shares («обл-асть», «обл-асти»)


def _lemmas(name: str) -> frozenset[str]:
    return lexicons.load(name)


@cache
def _not_places() -> frozenset[Key]:
    return frozenset(key for line in lexicons.lines("loc_not_places") for key in lexicon_keys(line))


def _is_geox(word: str) -> bool:
    """pymorphy's dictionary knows the word as a toponym (`Geox`); guesses for unknown words don't count."""
    return any("Geox" in p.tag and p.tag.POS == "NOUN" and p.is_known for p in loading.parse(word))


def _shouted_common_word(span: Span) -> bool:
    """«ПРОТОКОЛ», «СТЕНОГРАММА»: a heading's word in capitals the tagger took for a place, which the dictionary knows
    only as a common word (a city in capitals is a toponym there: «ТАМБОВ», «МИНСК»)."""
    if len(span) != 1 or not span.text.isupper() or len(span.text) < 5 or not span.text.isalpha():
        return False
    parses = loading.parse(span.text.lower())
    return bool(parses) and all(
        p.is_known and not ({"Geox", "Name", "Surn", "Orgn", "Abbr"} & p.tag.grammemes) for p in parses
    )


def _is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _in(token: Token, lexicon: str) -> bool:
    return _in_words(token.lemma_, token.lower_, lexicon)


@lru_cache(maxsize=100_000)
def _in_words(lemma: str, lower: str, lexicon: str) -> bool:
    """`_in` by the token's lemma and lower-case form (`token_strings`); cached, as scans ask it of every word."""
    return _in_word_set(lemma, lower, _lemmas(lexicon))


def _in_word_set(lemma: str, lower: str, words: frozenset[str]) -> bool:
    """`_in_words` of a lexicon's `words`, uncached: for the scans over every word of a text, most of whose word
    forms are new to the cache (a miss costs several look-ups where the test costs two)."""
    return lemma.lower().replace("ё", "е") in words or lower.rstrip(".") in words


def _word_set_flags(doc: Doc, words: frozenset[str]) -> list[bool]:
    """`_in_word_set` of every word of the Doc, in one pass: the scans over every word ask it of each (~80k words
    per 300 NEREL texts, three scans), and a call and two foldings per word cost more than the test."""
    lemmas, lowers = folded_strings(doc, LEMMA), token_strings(doc, LOWER)
    return [lemma in words or lower.rstrip(".") in words for lemma, lower in zip(lemmas, lowers, strict=True)]


def _quoted(doc: Doc) -> list[bool]:
    """Which tokens stand inside «…»: names of parties, papers and projects, not places."""
    inside, flags = False, []
    for text in token_texts(doc):
        if text in TYPOGRAPHIC_OPENING_QUOTES:
            inside = True
        elif text in TYPOGRAPHIC_CLOSING_QUOTES:
            inside = False
        elif text == '"':
            inside = not inside
        flags.append(inside)
    return flags
