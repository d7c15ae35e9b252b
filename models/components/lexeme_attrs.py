"""spaCy's `shape` and `like_url` lexeme attributes, the same values in less time for the common words.

spaCy works out every attribute of a word the first time its vocabulary sees it: ~20,000 new words per 300
NEREL texts in every process. These two walked the word character by character in Python and were three
quarters of a new word's cost (10 of 13 µs); a plain word takes a shortcut here, anything else spaCy's own.
"""

from __future__ import annotations

from spacy.attrs import LIKE_URL, SHAPE
from spacy.lang import lex_attrs
from spacy.vocab import Vocab


def word_shape(text: str) -> str:
    """spaCy's `word_shape`: «Москва» → «Xxxxx», «слово» → «xxxx», «2023» → «dddd» (a run is cut at four)."""
    size = len(text)
    if 1 < size < 100:
        if text.isdigit():  # spaCy reads a character as a digit only when it is not a letter; a digit never is
            return "dddd"[:size]
        if text.isalpha():
            # No character is upper case (`islower`: the cased ones are lower, title-case letters are not):
            # every letter is «x».
            if text.islower():
                return "xxxx"[:size]
            if text[0].isupper() and text[1:].islower():
                return "X" + "xxxx"[: size - 1]
    return lex_attrs.word_shape(text)


def like_url(text: str) -> bool:
    """spaCy's `like_url`: without a dot, only a text starting with a scheme looks like a URL."""
    if text and "." not in text:
        return text.startswith("http://") or text.startswith("https://")
    return lex_attrs.like_url(text)


def install(vocab: Vocab) -> None:
    """Use these for `vocab`'s new words, where it uses spaCy's own (a language may bring its own)."""
    getters = vocab.lex_attr_getters
    if getters.get(SHAPE) is lex_attrs.word_shape:
        getters[SHAPE] = word_shape
    if getters.get(LIKE_URL) is lex_attrs.like_url:
        getters[LIKE_URL] = like_url
