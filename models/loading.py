"""Every heavy model in one place, each loaded on first use and then shared by the whole process.

Natasha's models ship inside its wheel (navec embeddings, slovnet taggers): nothing is downloaded.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TypeVar

import pymorphy2_dicts_ru
import pymorphy3
import yargy.morph
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
from natasha.extractors import Extractor
from natasha.morph.vocab import MorphForm
from pymorphy2.analyzer import MorphAnalyzer as PymorphyAnalyzer

from models.chart_parser import faster
from models.slovnet_exec import accelerate_infer


@cache
def segmenter() -> Segmenter:
    return Segmenter()


@cache
def embedding() -> NewsEmbedding:
    return NewsEmbedding()


T = TypeVar("T", NewsMorphTagger, NewsSyntaxParser, NewsNERTagger)


def _accelerated(tagger: T) -> T:
    """The tagger with slovnet's forward pass and word encoding made cheaper, bit for bit the same tags
    (`models.slovnet_exec`)."""
    accelerate_infer(tagger.infer)
    return tagger


@cache
def morph_tagger() -> NewsMorphTagger:
    return _accelerated(NewsMorphTagger(embedding()))


@cache
def syntax_parser() -> NewsSyntaxParser:
    return _accelerated(NewsSyntaxParser(embedding()))


@cache
def ner_tagger() -> NewsNERTagger:
    return _accelerated(NewsNERTagger(embedding()))


class _MorphVocab(MorphVocab):
    """Natasha's vocabulary with a larger cache of readings: its own keeps 10,000 words and the 300 first
    NEREL texts alone ask about 25,000 (every word is lemmatised), so it kept evicting words still in use."""

    parse = lru_cache(maxsize=100_000)(PymorphyAnalyzer.parse)
    __call__ = parse

    def __init__(self) -> None:
        # The dictionary Natasha's own vocabulary finds, named here: pymorphy2 finds it through setuptools'
        # entry points, and importing pkg_resources for that costs 0.1 s of every start.
        PymorphyAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), lang="ru", result_type=MorphForm)


@cache
def morph_vocab() -> MorphVocab:
    """Natasha's pymorphy wrapper: UD tags, lemmas for the morph component and the names grammar."""
    return _MorphVocab()


class _CachedForms(yargy.morph.MorphAnalyzer):
    """yargy's readings of a word, kept: Natasha's extractors rebuild every reading (a `Form` and its grammeme
    set per pymorphy parse) of every word on each call, and the same words come back in name after name."""

    __call__ = lru_cache(maxsize=200_000)(yargy.morph.MorphAnalyzer.__call__)


@cache
def yargy_forms() -> _CachedForms:
    """The word readings every yargy grammar of Kenesh tokenizes with: one cache for all of them."""
    return _CachedForms(morph_vocab())


E = TypeVar("E", bound=Extractor)


def with_cached_forms(extractor: E) -> E:
    extractor.parser.tokenizer.morph = yargy_forms()
    return extractor


@cache
def names_extractor() -> NamesExtractor:
    extractor = with_cached_forms(NamesExtractor(morph_vocab()))
    faster(extractor.parser)
    return extractor


@cache
def dates_extractor() -> DatesExtractor:
    extractor = with_cached_forms(DatesExtractor(morph_vocab()))
    faster(extractor.parser)
    return extractor


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    """pymorphy3, for inflecting names and phrases to the nominative."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parse(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """pymorphy3's readings of `word`, cached: stages ask about the same words again and again."""
    return tuple(morph().parse(word))
