"""Every heavy model in one place, each loaded on first use and then shared by the whole process.

Natasha's models ship inside its wheel (navec embeddings, slovnet taggers): nothing is downloaded.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3
from natasha import (
    DatesExtractor,
    MorphVocab,
    NamesExtractor,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)


@cache
def segmenter() -> Segmenter:
    return Segmenter()


@cache
def embedding() -> NewsEmbedding:
    return NewsEmbedding()


@cache
def morph_tagger() -> NewsMorphTagger:
    return NewsMorphTagger(embedding())


@cache
def syntax_parser() -> NewsSyntaxParser:
    return NewsSyntaxParser(embedding())


@cache
def ner_tagger() -> NewsNERTagger:
    return NewsNERTagger(embedding())


@cache
def morph_vocab() -> MorphVocab:
    """Natasha's pymorphy wrapper: UD tags, lemmas for the morph component and the names grammar."""
    return MorphVocab()


@cache
def names_extractor() -> NamesExtractor:
    return NamesExtractor(morph_vocab())


@cache
def dates_extractor() -> DatesExtractor:
    return DatesExtractor(morph_vocab())


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    """pymorphy3, for inflecting names and phrases to the nominative."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parse(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """pymorphy3's readings of `word`, cached: stages ask about the same words again and again."""
    return tuple(morph().parse(word))
