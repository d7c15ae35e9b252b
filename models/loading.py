"""Every heavy model in one place, each loaded on first use and then shared by the whole process.

Natasha's models ship inside its wheel (navec embeddings, slovnet taggers): nothing is downloaded.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import NamedTuple, TypeVar

import pymorphy2_dicts_ru
import pymorphy3
import pymorphy3_dicts_ru
import slovnet.exec.pack
import yargy.morph
from natasha import (
    DatesExtractor,
    MorphVocab,
    NamesExtractor,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.data import NEWS_EMBEDDING
from natasha.extractors import Extractor
from natasha.morph.lemma import FEATS as LEMMA_FEATS
from natasha.morph.lemma import normal_pos, normal_word
from natasha.morph.vocab import MorphForm as NatashaMorphForm
from natasha.morph.vocab import ud_feats, ud_pos
from navec import Navec
from navec.meta import Meta
from navec.navec import META, PQ_
from navec.pq import PQ
from navec.tar import Tar
from pymorphy2.analyzer import MorphAnalyzer as PymorphyAnalyzer
from pymorphy2.analyzer import Parse as PymorphyParse
from slovnet.const import PAD, UNK
from slovnet.vocab import Vocab

from models import natasha_names  # noqa: F401  (Natasha's names grammar, read faster, before NamesExtractor)
from models.chart_parser import faster
from models.slovnet_exec import accelerate_infer


@cache
def segmenter() -> Segmenter:
    return Segmenter()


class _TaggerPQ(PQ):
    """navec's quantized vectors without the norms and centroid products it precomputes for `sim` (0.14 s of
    every start): the taggers read only the indexes and codes."""

    def precompute(self) -> None:
        pass


@cache
def embedding() -> Navec:
    """Natasha's news embedding (`NewsEmbedding`) as the taggers read it: its meta and quantized vectors.
    Its 250k-word vocabulary, which `Navec.load` decodes into a dict, is left out: the taggers look words up
    in their own vocabularies."""
    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        pq = _TaggerPQ.from_file(tar.load(PQ_))
    return Navec(meta, None, pq)


# Vocabularies decoded so far, by their unpacked bytes (the packs' gzip headers differ), and by their packed
# stream (the gzip member without its header, whose only difference is the time it was written).
_VOCABULARIES: dict[bytes, Vocab] = {}
_PACKED_VOCABULARIES: dict[bytes, Vocab] = {}


def _packed_stream(data: bytes) -> bytes | None:
    """The deflate stream and trailer of a gzip member with a plain 10-byte header (no name, comment or extra
    field), or None. The same stream unpacks to the same bytes, so it names the vocabulary without unpacking
    it: the three packs' 250k-word vocabularies were unpacked three times (4.7 MB each, ~0.02 s each)."""
    if data[:3] != b"\x1f\x8b\x08" or data[3] != 0:
        return None
    return data[10:]


def _vocab(items: list[str]) -> Vocab:
    """slovnet's `Vocab(items)`, its dict built by `zip` rather than a comprehension (the same ids: a repeated
    item keeps its last one in both): 250k words at every start."""
    vocab = Vocab.__new__(Vocab)
    vocab.items = items
    vocab.item_ids = dict(zip(items, range(len(items)), strict=True))
    vocab.unk_id = vocab.item_ids.get(UNK)
    vocab.pad_id = vocab.item_ids.get(PAD)
    return vocab


@contextmanager
def _vocabularies_decoded_once() -> Iterator[None]:
    """slovnet's morph, syntax and NER packs each ship the same 250k-word vocabulary: decode it (and build its
    dict) once, and give the three taggers the same one (they only read it)."""
    decode: Callable[[bytes], Vocab] = slovnet.exec.pack.bytes_vocab

    def decoded_once(data: bytes) -> Vocab:
        stream = _packed_stream(data)
        vocab = _PACKED_VOCABULARIES.get(stream) if stream is not None else None
        if vocab is not None:
            return vocab
        content = gzip.decompress(data)
        vocab = _VOCABULARIES.get(content)
        if vocab is None:
            vocab = _VOCABULARIES[content] = _vocab(content.decode("utf-8").splitlines())  # as `decode` does
        if stream is not None:
            _PACKED_VOCABULARIES[stream] = vocab
        return vocab

    slovnet.exec.pack.bytes_vocab = decoded_once
    try:
        yield
    finally:
        slovnet.exec.pack.bytes_vocab = decode


T = TypeVar("T", NewsMorphTagger, NewsSyntaxParser, NewsNERTagger)


def _loaded(tagger: type[T]) -> T:
    """The tagger on the shared embedding and vocabularies, with slovnet's forward pass and word encoding made
    cheaper, bit for bit the same tags (`models.slovnet_exec`)."""
    with _vocabularies_decoded_once():
        loaded = tagger(embedding())
    accelerate_infer(loaded.infer)
    return loaded


@cache
def morph_tagger() -> NewsMorphTagger:
    return _loaded(NewsMorphTagger)


@cache
def syntax_parser() -> NewsSyntaxParser:
    return _loaded(NewsSyntaxParser)


@cache
def ner_tagger() -> NewsNERTagger:
    return _loaded(NewsNERTagger)


@cache
def taggers_share_ids() -> bool:
    """Whether the morph, syntax and NER taggers encode a word to the same word and shape ids (the same
    vocabularies, as slovnet's news packs ship them): a Doc's words are then encoded once for all three."""
    encoders = [tagger().infer.encoder for tagger in (morph_tagger, syntax_parser, ner_tagger)]
    first = encoders[0]
    return all(
        type(encoder).item is type(first).item
        and encoder.words_vocab.items == first.words_vocab.items
        and encoder.shapes_vocab.items == first.shapes_vocab.items
        for encoder in encoders
    )


class MorphForm(NatashaMorphForm):
    """Natasha's reading of a pymorphy2 parse, with its UD part of speech and features worked out once per tag
    (pymorphy2 shares a handful of tags between all its parses) instead of once per parse: building readings was
    a fifth of lemmatising a new word. (Named as Natasha's: pymorphy2 names its parses' class after it.)"""

    def __new__(cls, *args: object) -> MorphForm:
        self = PymorphyParse.__new__(cls, *args)
        ud = _UD_TAGS.get(self.tag)
        if ud is None:
            pos, feats = ud_pos(self.tag), dict(ud_feats(self.tag))
            ud = _UD_TAGS[self.tag] = _UDTag(pos, feats, normal_pos(pos), _compared_feats(feats))
        self.normal = self.normal_form
        self.pos = ud.pos
        self.feats = dict(ud.feats)  # a form's own dict, as Natasha's: a reader may change it (none does)
        self.ud = ud
        return self


class _UDTag(NamedTuple):
    """A pymorphy2 tag read as Natasha reads it: UD part of speech and features, and what Natasha's
    lemmatiser compares of them (the part of speech it counts as the same, the features it weighs)."""

    pos: str
    feats: dict[str, str]
    normal_pos: str
    compared: frozenset[tuple[str, str]]


def _compared_feats(feats: dict[str, str]) -> frozenset[tuple[str, str]]:
    return frozenset((name, value) for name, value in feats.items() if name in LEMMA_FEATS)


# pymorphy2 tag → its UD reading; a tag's string says it, so equal tags share it.
_UD_TAGS: dict[object, _UDTag] = {}


class _MorphVocab(MorphVocab):
    """Natasha's vocabulary with a larger cache of readings: its own keeps 10,000 words and the 300 first
    NEREL texts alone ask about 25,000 (every word is lemmatised), so it kept evicting words still in use."""

    parse = lru_cache(maxsize=100_000)(PymorphyAnalyzer.parse)
    __call__ = parse

    def __init__(self) -> None:
        # The dictionary Natasha's own vocabulary finds, named here: pymorphy2 finds it through setuptools'
        # entry points, and importing pkg_resources for that costs 0.1 s of every start.
        PymorphyAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), lang="ru", result_type=MorphForm)

    def lemmatize(self, word: str, pos: str, feats: dict[str, str]) -> str:
        """Natasha's `lemmatize` (`natasha.morph.lemma`), the same lemma: the first reading with the tagger's part
        of speech and features, else the first most like them (the same part of speech counts one, each weighed
        feature with the same value one), else the word. Each reading's side of the likeness is worked out once
        per tag (`_UDTag`) and the tagger's once per call, as a set: the likeness is the size of the two sets'
        intersection. Natasha's pairwise key comparisons were most of the cost of a new word's lemma (~20k new
        words per 300 NEREL texts in every process)."""
        word = normal_word(word)
        query_pos, query = normal_pos(pos), _compared_feats(feats)
        best, best_likeness = None, 0
        for form in self(word):
            if form.pos == pos and form.feats == feats:
                return normal_word(form.normal)
            ud = form.ud
            likeness = (ud.normal_pos == query_pos) + len(ud.compared & query)
            if likeness > best_likeness:
                best, best_likeness = form, likeness
        return normal_word(best.normal) if best is not None else word


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
    """pymorphy3, for inflecting names and phrases to the nominative. Its dictionary is named by path, as
    pymorphy3 would find it (its environment variable first): finding it through the installed packages' entry
    points cost 0.02-0.05 s of every start."""
    path = os.environ.get(pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE) or pymorphy3_dicts_ru.get_path()
    return pymorphy3.MorphAnalyzer(path=path, lang="ru")


# Grammemes pymorphy gives proper names (places, first names, surnames, patronymics, organizations, trademarks) and
# abbreviations: a word so tagged may be a name; a common word may not.
PROPER_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


@lru_cache(maxsize=200_000)
def parse(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """pymorphy3's readings of `word`, cached: stages ask about the same words again and again.

    A Cyrillic word of two letters or more reads as its lower case does: pymorphy3 looks words up in lower case,
    and of its units only the single-letter initials' and the Latin, number and punctuation shapes' read the case
    (the unknown word's and «по-…» adverb's keep the word as written in their method, which no reading's word,
    tag, normal form, score or lexeme takes from). So «Москва», «МОСКВА» and «москва» share one analysis: a
    fifth of the new words the stages ask about per 300 NEREL texts (names, sentence-initial words) were another
    case of a word already read."""
    if len(word) > 1 and _CYRILLIC_WORD.fullmatch(word) is not None:
        return _parse_lower(word.lower())
    return tuple(morph().parse(word))


_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")


@lru_cache(maxsize=200_000)
def _parse_lower(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    return tuple(morph().parse(word))
