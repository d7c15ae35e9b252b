"""Natasha's models as registered spaCy components, each filling one layer of the shared Doc.

Order (set in `pipelines/nlp.py`): kenesh_morph → kenesh_syntax → kenesh_ner (then `kenesh_initials`). Two
layers of Natasha's grammars are worked out when read rather than for every Doc: a PER entity's `span._.name`
and the dates of a stretch of text (`dates`).
Natasha works on sentences of non-space tokens; space tokens that spaCy needs to keep the text
intact are skipped here and attached to a neighbour in the parse.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import numpy
from natasha.extractors import adapt_match
from natasha.obj import Date
from slovnet.bio import parse_bio
from slovnet.conll import parse_conll_tag
from slovnet.const import B as BIO_B
from slovnet.const import I as BIO_I
from slovnet.const import O as BIO_O
from slovnet.exec.infer import Infer
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, MORPH, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from models import loading, slovnet_packed
from models.checkpoints import checkpoint
from models.components.extensions import doc_text, register_extensions
from models.months import LATIN_MONTHS

register_extensions()


# The parser scores every pair of words of a sentence, so its memory grows with the sentence squared
# (one sentence of 12k words took 3.8 GB). A longer sentence is tagged and parsed in windows of this many
# words, each window its own tree hung off the first one's root. The longest sentence of the gold sets
# (corpus-dev, corpus-genre, nerel-train) has 242 words, so none of them is cut.
SENTENCE_WINDOW = 256

# The NER tagger reads sections of whole sentences up to this many words, not the document as one
# sequence, whose activations (and time, issue 15: 14x for 10x the text) grew with the whole text. The
# longest gold document has 1,991 words: every one of them is still read as one section.
NER_SECTION = 4096


class _Word(NamedTuple):
    """A non-space token of the Doc: its index and text, read from the Doc's arrays (a Token object per word
    cost more than the components' own work on it)."""

    i: int
    text: str


def _sentences(doc: Doc) -> list[list[_Word]]:
    """The words of each sentence (space tokens left out), read from the Doc's arrays: `doc.sents` makes a
    Span per sentence and walks the tokens again. A sentence starts at token 0 and wherever SENT_START is 1,
    as `doc.sents` reads it. The morph component keeps its lists for the syntax component (the same words
    and sentences: morphology changes neither)."""
    found = doc.user_data.pop(_SENTENCES_KEY, None)
    if found is not None and found[0] == len(doc):
        return found[1]
    strings = doc.vocab.strings
    sents: list[list[_Word]] = []
    words: list[_Word] = []
    for i, (orth, space, start) in enumerate(doc.to_array([ORTH, IS_SPACE, SENT_START]).tolist()):
        if start == 1 and i:
            sents.append(words)
            words = []
        if not space:
            words.append(_Word(i, strings[orth]))
    if len(doc):
        sents.append(words)
    return sents


_SENTENCES_KEY = "kenesh_sentence_words"


# The taggers' word and shape ids of a Doc's words, under this key between the morph, syntax and NER components.
_INPUTS_KEY = "kenesh_tagger_inputs"


def _tagger_inputs(doc: Doc, infer: Infer, pieces: list[list[str]]) -> slovnet_packed.Inputs:
    """The word and shape ids of these pieces of the Doc's words (all of them, in order): encoded once per Doc
    for the three taggers, which share their vocabularies. The morph component encodes its sentences; syntax
    reads the same sentences, NER the same words in sections."""
    sizes = [len(piece) for piece in pieces]
    found = doc.user_data.get(_INPUTS_KEY) if loading.taggers_share_ids() else None
    if found is not None and found[0] == len(doc) and sum(found[1].sizes()) == sum(sizes):
        return found[1] if found[1].sizes() == sizes else found[1].regrouped(sizes)
    inputs = slovnet_packed.inputs(infer, pieces)
    doc.user_data[_INPUTS_KEY] = (len(doc), inputs)
    return inputs


def _windows(sents: list[list[_Word]], size: int = SENTENCE_WINDOW) -> list[list[_Word]]:
    """The sentences, each longer than `size` words cut into consecutive pieces of at most `size`."""
    return [sent[i : i + size] for sent in sents for i in range(0, len(sent), size)]


def _texts(sents: list[list[_Word]]) -> list[list[str]]:
    return [[word.text for word in sent] for sent in sents]


@lru_cache(maxsize=200_000)
def _lemma(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    return loading.morph_vocab().lemmatize(word, pos, dict(feats))


@Language.component(
    "kenesh_morph",
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def morph_component(doc: Doc) -> Doc:
    """UD part of speech, features and lemma for every token (slovnet morph tagger + pymorphy)."""
    sentences = _sentences(doc)
    sents = _windows([s for s in sentences if s])
    vocab = doc.vocab
    rows = _morph_rows(vocab)
    positions: list[int] = []
    values: list[tuple[int, int, int]] = []
    inputs = _tagger_inputs(doc, loading.morph_tagger().infer, _texts(sents))
    for sent, tags in zip(sents, _raw_morph_tags(sents, inputs), strict=True):
        for word, raw in zip(sent, tags, strict=True):
            row = rows.get((word.text, raw))
            if row is None:
                row = rows[word.text, raw] = _morph_row(vocab, word.text, raw)
            positions.append(word.i)
            values.append(row)
    if positions:
        columns = doc.to_array([POS, MORPH, LEMMA])  # space tokens keep theirs
        columns[positions] = numpy.array(values, dtype="uint64")
        doc.from_array([POS, MORPH, LEMMA], columns)
    doc.user_data[_SENTENCES_KEY] = (len(doc), sentences)
    return doc


# (word, tag) → the (POS id, morphology hash, lemma hash) the morph component writes, per vocabulary: most
# words of a text come back with the same tag, and parsing the tag, the lemma's cache key and the string
# store cost more than the tagger's share of them. Bounded: the table starts again when full.
# The vocabulary is kept with its table, so that its id is not reused by another one.
_MORPH_ROWS: dict[int, tuple[Vocab, dict[tuple[str, str], tuple[int, int, int]]]] = {}
_MORPH_ROWS_LIMIT = 100_000


def _morph_rows(vocab: Vocab) -> dict[tuple[str, str], tuple[int, int, int]]:
    found = _MORPH_ROWS.get(id(vocab))
    if found is None or len(found[1]) >= _MORPH_ROWS_LIMIT:
        found = _MORPH_ROWS[id(vocab)] = (vocab, {})
    return found[1]


def _morph_row(vocab: Vocab, text: str, raw: str) -> tuple[int, int, int]:
    pos, feats, pos_id, morph_hash = _tag_info(vocab, raw)
    return pos_id, morph_hash, vocab.strings.add(_lemma(text, pos, feats))


def _raw_morph_tags(sents: list[list[_Word]], inputs: slovnet_packed.Inputs | None = None) -> list[list[str]]:
    """The tagger's CoNLL tags ("NOUN|Case=Nom|…") per sentence.

    Natasha's wrapper turns every tag into a token record and a feature dict; a text has a few
    hundred distinct tags, so they are parsed once in `_tag_info` instead."""
    infer = loading.morph_tagger().infer
    inputs = inputs or slovnet_packed.inputs(infer, _texts(sents))
    return slovnet_packed.morph_tags(infer, inputs, "nlp kenesh_morph")


def _raw_parses(
    sents: list[list[_Word]], inputs: slovnet_packed.Inputs | None = None
) -> list[tuple[list[int], list[str]]]:
    """Per sentence, each word's head (1-based, 0 for the root) and relation, straight from slovnet's
    parser, without the record objects Natasha's wrapper builds around them."""
    infer = loading.syntax_parser().infer
    rels = infer.decoder.rels_vocab.items
    found = slovnet_packed.parses(infer, inputs or slovnet_packed.inputs(infer, _texts(sents)), "nlp kenesh_syntax")
    return [(head_ids, [rels[r] for r in rel_ids]) for head_ids, rel_ids in found]


# Tag string → (POS, features, spaCy POS id, morphology hash), worked out once per tag and vocabulary.
_TAG_INFO: dict[tuple[int, str], tuple[str, tuple[tuple[str, str], ...], int, int]] = {}


def _tag_info(vocab: Vocab, raw: str) -> tuple[str, tuple[tuple[str, str], ...], int, int]:
    key = (id(vocab), raw)
    info = _TAG_INFO.get(key)
    if info is None:
        pos, feats = parse_conll_tag(raw)
        info = _TAG_INFO[key] = (
            pos,
            tuple(feats.items()),
            POS_IDS.get(pos, POS_IDS["X"]),
            vocab.morphology.add(dict(feats)),
        )
    return info


@Language.component(
    "kenesh_syntax",
    requires=["token.pos"],
    assigns=["token.dep", "token.head", "token.is_sent_start"],
)
def syntax_component(doc: Doc) -> Doc:
    """Dependency tree per sentence (slovnet syntax parser); sentences then follow the tree."""
    sents = [s for s in _sentences(doc) if s]
    pieces = _windows(sents)
    parses = iter(_raw_parses(pieces, _tagger_inputs(doc, loading.syntax_parser().infer, _texts(pieces))))
    # Python lists, made arrays once at the end: an item assignment into a numpy array per token cost more than
    # the loop's own work; a relation's string id is looked up once per Doc.
    heads = [0] * len(doc)  # relative offsets, as spaCy stores them
    deps = [0] * len(doc)
    parsed = [False] * len(doc)
    strings = doc.vocab.strings
    rel_ids: dict[str, int] = {}
    for sent in sents:
        # A sentence's windows in order: heads shifted to sentence positions, each window's root a root.
        local: list[int] = []
        rels: list[str] = []
        for offset in range(0, len(sent), SENTENCE_WINDOW):
            head_ids, piece_rels = next(parses)
            size = len(head_ids)
            local.extend(h - 1 + offset if 0 < h <= size else -1 for h in head_ids)
            rels.extend(piece_rels)
        local = _single_root(_break_cycles(local))
        for (i, _), parsed_rel, head_position in zip(sent, rels, local, strict=True):
            head = sent[head_position].i if head_position >= 0 else i
            heads[i] = head - i
            rel = "ROOT" if head == i else "parataxis" if parsed_rel == "root" else parsed_rel
            rel_id = rel_ids.get(rel)
            deps[i] = rel_id if rel_id is not None else rel_ids.setdefault(rel, strings.add(rel))
            parsed[i] = True
    # Space tokens (and any word left unparsed) hang off the word before them, or the next word at the start.
    last = None
    first_word = parsed.index(True) if True in parsed else None  # what the tokens before any word hang off
    dep, root = strings.add("dep"), strings.add("ROOT")
    for i in range(len(doc)):
        if parsed[i]:
            last = i
            continue
        target = last if last is not None else first_word
        heads[i] = (target - i) if target is not None else 0
        deps[i] = dep if target is not None else root
    columns = numpy.stack(
        [numpy.array(heads, dtype="int32").astype("uint64"), numpy.array(deps, dtype="uint64")], axis=1
    )
    doc.from_array([HEAD, DEP], columns)
    return doc


def _break_cycles(heads: list[int]) -> list[int]:
    """Heads within one sentence (-1 = root) with every cycle cut: spaCy needs a tree, the parser
    does not always give one. A token whose chain of heads loops becomes a root."""
    heads = list(heads)
    # Each node is walked once (linear, where a walk from every start was quadratic in a long chain):
    # a walk stops at a node of an earlier walk, whose chain is known to end in a root.
    state = [0] * len(heads)  # 0 unseen, 1 on the current walk, 2 leads to a root
    for start in range(len(heads)):
        path = []
        node = start
        while node >= 0 and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = heads[node]
        if node >= 0 and state[node] == 1:  # came back to a node already on the path: a cycle through `node`
            heads[node] = -1
        for visited in path:
            state[visited] = 2
    return heads


def _single_root(heads: list[int]) -> list[int]:
    """One root per sentence: spaCy derives sentences from the tree, and a second root the parser
    leaves would cut razdel's sentence in two. Extra roots hang off the first one."""
    roots = [i for i, h in enumerate(heads) if h < 0]
    if len(roots) <= 1:
        return heads
    heads = list(heads)
    for extra in roots[1:]:
        heads[extra] = roots[0]
    return heads


# The letters of the Cyrillic alphabets of Central Asia, the Caucasus and Belarus that Russian lacks, as the
# Russian letter each is read like («Ҳамроев», «Қодирова», «Ўлмас», «Әлиев», «Өмірбеков»): one letter for one.
_RUSSIAN_LOOKALIKES = str.maketrans(
    "ҲҳҚқҒғЎўӮӯҶҷӘәӨөҮүҰұҢңҺһІіЇїЄєҐґӢӣҖҗ",
    "ХхКкГгУуУуЧчАаОоУуУуНнХхИиИиЕеГгИиЖж",
)
_NON_RUSSIAN_LETTERS = re.compile("[ҲҳҚқҒғЎўӮӯҶҷӘәӨөҮүҰұҢңҺһІіЇїЄєҐґӢӣҖҗ]")


@Language.component("kenesh_ner", assigns=["doc.ents"])
def ner_component(doc: Doc) -> Doc:
    """PER, ORG and LOC entities (slovnet's NER model, read on the Doc's own words).

    Called on a text, slovnet would split it into razdel words again and search each word back in
    the text; the tokenizer already made exactly those words, with their offsets.
    """
    rows = doc.to_array([ORTH, IDX, LENGTH, IS_SPACE]).tolist()
    strings = doc.vocab.strings
    # The words (not space tokens) and their character bounds, as three lists: a record per word cost more
    # than the rest of this function.
    words: list[str] = []
    starts: list[int] = []
    stops: list[int] = []
    for orth, idx, length, space in rows:
        if not space:
            words.append(strings[orth])
            starts.append(idx)
            stops.append(idx + length)
    if not words:
        return doc
    before = list(itertools.accumulate((space for *_, space in rows), initial=0))  # space tokens before i
    lengths = [(s.end - s.start) - (before[s.end] - before[s.start]) for s in doc.sents]
    sections, start = [], 0
    for size in _sections(lengths, NER_SECTION):
        sections.append(words[start : start + size])
        start += size
    if _NON_RUSSIAN_LETTERS.search(doc_text(doc)):
        # «Отабек Ҳамроев», «Дилноза Қодирова»: slovnet knows only Russian letters, and a word with another has the
        # shape of a foreign symbol, never a name's (the NER tagged «Отабек Ҳамроев» a place, «Одилжон Ҳамидов» a
        # body). The NER reads such a word as the Russian letters it is read like; morphology and syntax keep it.
        sections = [[word.translate(_RUSSIAN_LOOKALIKES) for word in section] for section in sections]
        inputs = slovnet_packed.inputs(loading.ner_tagger().infer, sections)
    else:
        inputs = _tagger_inputs(doc, loading.ner_tagger().infer, sections)
    doc.user_data.pop(_INPUTS_KEY, None)  # the last tagger to read them
    tagged = slovnet_packed.ner_tags(loading.ner_tagger().infer, inputs, "nlp kenesh_ner")
    tags = [tag for section in tagged for tag in section]
    # Space tokens holding a line break, in order: an entity is split at those inside it, found by bisection
    # rather than by a Token object for each of its tokens.
    breaks = [i for i, (orth, _, _, space) in enumerate(rows) if space and "\n" in strings[orth]]
    spans = []
    for span_start, span_stop, label in _bio_spans(starts, stops, tags):
        span = doc.char_span(span_start, span_stop, label=label, alignment_mode="expand")
        if span is not None:
            spans.extend(_split_at_line_breaks(span, breaks))
    doc.ents = filter_spans(spans)
    return doc


def _sections(lengths: list[int], size: int) -> list[int]:
    """Word counts of consecutive sections made of whole sentences (of these lengths), each at most
    `size` words; a sentence longer than a section is cut."""
    sections: list[int] = []
    current = 0
    for length in lengths:
        if current and current + length > size:
            sections.append(current)
            current = 0
        while length > size:
            sections.append(size)
            length -= size
        current += length
    if current:
        sections.append(current)
    return sections


def _bio_spans(starts: list[int], stops: list[int], tags: list[str]) -> list[tuple[int, int, str]]:
    """slovnet's `bio_spans` (the same spans: an entity opens at B, runs over I of any type, closes at O or the
    next B), as (start, stop, type) from the words' bounds, without a record per word: the words are read by
    index, and each tag is split into its part and type once."""
    found: list[tuple[int, int, str]] = []
    previous, start, stop = None, 0, 0
    for i, tag in enumerate(tags):
        part, kind = _bio_part(tag)
        if part == BIO_O:
            if previous:
                found.append((start, stop, previous))
                previous = None
        elif part == BIO_B:
            if previous:
                found.append((start, stop, previous))
            previous, start, stop = kind, starts[i], stops[i]
        elif part == BIO_I:
            stop = stops[i]
    if previous:
        found.append((start, stop, previous))
    return found


@lru_cache(maxsize=256)  # the tagger's handful of tags
def _bio_part(tag: str) -> tuple[str, str | None]:
    return parse_bio(tag)


def _split_at_line_breaks(span: Span, breaks: list[int]) -> list[Span]:
    """A name never runs over a line break; the tagger sometimes joins a caption to the next line. `breaks`:
    the indexes of the Doc's space tokens holding a line break, in order."""
    pieces, start = [], span.start
    for i in breaks[bisect.bisect_left(breaks, span.start) : bisect.bisect_left(breaks, span.end)]:
        if i > start:
            pieces.append(Span(span.doc, start, i, label=span.label))
        start = i + 1
    if start < span.end:
        pieces.append(Span(span.doc, start, span.end, label=span.label))
    # A piece without letters is a list number or a bullet the tagger glued on («Совета\n\n1»).
    return [piece for piece in pieces if any(ch.isalpha() for ch in piece.text)]


# A name is a few words («Мухаммед бин Рашид Аль Мактум»); the grammar's chart on a PER entity the tagger
# ran over a whole list of names grew faster than the entity.
_MAX_NAME_TOKENS = 32


@lru_cache(maxsize=50_000)
def _name_fact(text: str) -> object | None:
    """Natasha's name fact of an entity text; an archive names the same people in document after document."""
    match = loading.names_extractor().find(text)
    return match.fact if match else None


def span_name(span: Span) -> object | None:
    """`span._.name`: Natasha's name fact (first, last, middle) of a PER entity, by its yargy names grammar.

    Worked out when read, not for every PER entity of every Doc: the stages read names with their own grammar
    (`pipelines.person_names`), and the names grammar on every distinct PER text was 5% of the pipeline's CPU
    (0.66 s per 300 NEREL texts) spent on facts nobody read."""
    if span.label_ != "PER" or len(span) > _MAX_NAME_TOKENS:
        return None
    return _name_fact(span.text)


Span.set_extension("name", getter=span_name, force=True)


# The date windows of a Doc and the dates found in each window read so far, under this key.
_DATES_KEY = "kenesh_dates"


def dates(doc: Doc, start: int = 0, end: int | None = None, *, day_and_month: bool = False) -> Iterator[Span]:
    """The dates written out in the text (Natasha's yargy dates grammar, `span._.date` their fact, label DATE)
    that start between characters `start` and `end`, in the order of the text; with `day_and_month`, only
    those that name a day of a month (the other windows are not parsed: half of those a meeting reads).

    The grammar runs on the windows around numbers (`_date_windows`) that reach into the range, each window
    once per Doc and only when a caller comes to it: the meeting stage reads the dates of one sentence and the
    first date after the dateline, and parsing every window of every Doc was 4% of the pipeline's CPU. A date
    lies within its window, so the dates found are those of a parse of every window, kept to the range."""
    found = doc.user_data.get(_DATES_KEY)
    if found is None:
        found = doc.user_data[_DATES_KEY] = (_date_windows(doc), {})
    windows, parsed = found
    end = len(doc_text(doc)) if end is None else end
    # The windows are disjoint and in order: the first one that ends after `start`, up to the last that
    # starts before `end`.
    for index in range(bisect.bisect_right(windows, start, key=lambda window: window[1]), len(windows)):
        window_start, window_end = windows[index]
        if window_start >= end:
            break
        spans = parsed.get(index)
        if spans is None:
            if day_and_month and not _DAY_AND_MONTH.search(doc_text(doc)[window_start:window_end]):
                continue
            spans = parsed[index] = _dates_of_window(doc, window_start, window_end)
        for span in spans:
            if start <= span.start_char < end and (not day_and_month or (span._.date.day and span._.date.month)):
                yield span


# Where the grammar can find a day and a month: its rules take the month from «21.09.2023» (a number, a full
# stop, a number; yargy makes each a token, spaces allowed between) or from a month's name, a word whose
# normal form is one of the twelve, and every form of those starts with its month's stem (as `_MONTH_STEMS`).
_DAY_AND_MONTH = re.compile(
    r"\d\s*\.\s*\d|(?<![а-яё])(?:янв|фев|мар|апр|ма|июн|июл|авг|сен|окт|ноя|дек"
    r"|қаң|кан|ақп|акп|нау|сәу|сау|шіл|шил|там|қыр|кыр|қаз|каз|қар|кар|жел)",
    re.IGNORECASE,
)


def _dates_of_window(doc: Doc, start: int, end: int) -> list[Span]:
    checkpoint("nlp dates")
    spans = []
    for date_start, date_stop, fact in dates_of_text(doc_text(doc)[start:end]):
        span = doc.char_span(start + date_start, start + date_stop, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.date = fact
            spans.append(span)
    return spans


def dates_of_text(text: str) -> list[tuple[int, int, Date]]:
    """The dates of a text, in order: Natasha's grammar and the report shapes it misreads or misses."""
    found_dates: list[tuple[int, int, Date]] = []
    for found in loading.dates_extractor().parser.findall(text):
        try:
            match = adapt_match(found)
        except KeyError:  # a month's name the grammar matched and cannot read («к маю», a form of «маять» too)
            continue
        found_dates.append(_with_range_start(text, *_with_century(text, match.start, match.stop, match.fact)))
    extras = [*_REPORT_DATE.finditer(text), *_TURKIC_DATE.finditer(text), *_MONTH_FIRST_DATE.finditer(text)]
    extras += _LATIN_DATE.finditer(text)
    for extra in sorted(extras, key=lambda found: found.start()):
        overlapping = [d for d in found_dates if d[0] < extra.end() and extra.start() < d[1]]
        # The grammar's year alone («2024 г.» of «9 сент. 2024 г.») gives way to the whole date.
        if all(not fact.day for _, _, fact in overlapping):
            found_dates = [d for d in found_dates if d not in overlapping]
            found_dates.append((extra.start(), extra.end(), _report_date_fact(extra)))
    return sorted(found_dates, key=lambda item: item[0])


# The dates grammar reads a two-digit year as the 1900s («22.02.25» → 1925); the records are of this
# century's meetings, so a two-digit year up to 50 is 20xx.
_SHORT_YEAR = re.compile(r"\d[./]\d{1,2}[./](\d\d)\s*(?:г\.?)?$")
_LAST_SHORT_YEAR = 50


def with_century(written: str, year: int | None) -> int | None:
    """The year of a date as written: a two-digit year the grammar put in the 1900s moved to this century."""
    short = _SHORT_YEAR.search(written.rstrip())
    if short and year is not None and year <= 1900 + _LAST_SHORT_YEAR:
        return 2000 + int(short.group(1))
    return year


def _with_century(text: str, begin: int, stop: int, fact: Date) -> tuple[int, int, Date]:
    return begin, stop, Date(with_century(text[begin:stop], fact.year), fact.month, fact.day)


# «12–13 марта»: the grammar reads the range's last day alone; a meeting of several days is dated by the
# day it opens, and the span takes the whole range.
_RANGE_START = re.compile(r"(?<![\d.,])(\d{1,2})[ \t]*[–—-][ \t]*$")


def _with_range_start(text: str, begin: int, stop: int, fact: Date) -> tuple[int, int, Date]:
    opening = _RANGE_START.search(text[max(begin - 8, 0) : begin])
    if opening and fact.day and 1 <= int(opening.group(1)) < fact.day:
        return begin - (len(opening.group(0))), stop, Date(fact.year, fact.month, int(opening.group(1)))
    return begin, stop, fact


# Shapes of real reports that the grammar does not read: an ordinal day «22-го февраля» and an
# abbreviated month «22 февр.», «5 дек. 2024 г.».
_MONTH_NUMBERS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "сент": 9, "окт": 10,
    "ноя": 11, "нояб": 11, "дек": 12,
}  # fmt: skip
_REPORT_DATE = re.compile(
    r"(?<![\d.,])(?P<day>[12]\d|3[01]|0?[1-9])"
    r"(?:-?го[ \t\u00a0]+(?P<month>январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"(?:я|а)(?![а-яё])"
    r"|(?:-?го)?[ \t\u00a0]+(?P<short>янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)\.)"
    r"(?:[ \t\u00a0]+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)


# Kyrgyz and Kazakh reports (and Russian ones from there) date a meeting their way: the day joined to the month by
# a hyphen, the month in the nominative or with a Turkic case ending («12-март 2025-жыл», «27-ноябрындагы»), the year
# first with «жыл» («2024-жылдын 27-ноябрында», «2024 жылғы 15 наурыз»), or a Kazakh month's name («15 наурыз 2024
# жылы»), written with the Kazakh letters or without them. A year that follows is the date's.
_KAZAKH_MONTHS = {
    "қаңтар": 1, "кантар": 1, "ақпан": 2, "акпан": 2, "наурыз": 3, "сәуір": 4, "сауир": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "шилде": 7, "тамыз": 8, "қыркүйек": 9, "кыркуйек": 9, "қазан": 10, "казан": 10, "қараша": 11,
    "караша": 11, "желтоқсан": 12, "желтоксан": 12,
}  # fmt: skip
_TURKIC_DATE = re.compile(
    r"(?:(?<![\d.,])(?P<first>(?:19|20)\d\d)(?:-|[ \t\u00a0]+)?(?:жыл|жил)[а-яёәіңғүұқөһ]*[ \t\u00a0]+)?"
    r"(?<![\d.,])(?P<day>[12]\d|3[01]|0?[1-9])"
    r"(?:-(?P<month>январ|феврал|март|апрел|ма(?=[йяюе])|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яёөүң]*"
    # A Kazakh month in lower case and with a case ending at most: «5 Казанских» is no date.
    r"|(?:-|[ \t\u00a0]+)(?-i:(?P<kazakh>" + "|".join(_KAZAKH_MONTHS) + r"))"
    r"(?:ның|нің|ында|інде|нда|нде|да|де|та|те|дағы|дегі|тағы|тегі|ғы|гі|қы|кі|ы|і|дан|ден|нан|нен|ға|ге|қа|ке)?)"
    r"(?!\w)"
    r"(?:[ \t\u00a0]+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)


# A site engine's English order in Russian words: «Октябрь 11, 2025», «- июнь 17, 2025» (month, day, comma, year).
_MONTH_FIRST_DATE = re.compile(
    r"(?<![а-яё])(?P<month>январ(?=ь)|феврал(?=ь)|март|апрел(?=ь)|ма(?=й)|июн(?=ь)|июл(?=ь)|август|сентябр(?=ь)"
    r"|октябр(?=ь)|ноябр(?=ь)|декабр(?=ь))[ьй]?"
    r"[ \t\u00a0]+(?P<day>[12]\d|3[01]|0?[1-9]),[ \t\u00a0]*(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


# «13 Mart 2026», «5-iyun, 2025-yil»: a day before a month in Latin letters (`models/months.py`).
_LATIN_DATE = re.compile(
    r"(?<![\d.,])(?P<day>[12]\d|3[01]|0?[1-9])(?:-|[ \t\u00a0]+)(?P<latin>" + "|".join(LATIN_MONTHS) + r")(?![a-z])"
    r"(?:,?[ \t\u00a0]+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)


def _report_date_fact(found: re.Match[str]) -> Date:
    groups = found.groupdict()
    if groups.get("kazakh"):
        month = _KAZAKH_MONTHS[groups["kazakh"].lower()]
    elif groups.get("latin"):
        month = LATIN_MONTHS[groups["latin"].lower().replace("i̇", "i")]
    else:
        month = _MONTH_NUMBERS[(groups["month"] or groups.get("short")).lower()]
    year = groups["year"] or groups.get("first")
    return Date(int(year) if year else None, month, int(groups["day"]))


# A date of Natasha's grammar is at most four razdel words («21 сентября 2020 года»; «21.09.2023 г.»
# is one word and an abbreviation), and it holds a number; around such numbers the grammar finds
# the same dates as over the whole text (tests/models/test_components.py checks it on corpus-dev)
# in a fraction of the time, as yargy's chart parser was the slowest step of the spine.
_DATE_REACH = 4
# Characters of one window at most: numbers one after another («1 2 3 …» for pages) merged their windows
# into one, and the grammar's chart grows faster than its text.
_MAX_DATE_WINDOW = 2000
_DIGIT = re.compile(r"\d")


def _date_windows(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges around every number that can belong to a date, `_DATE_REACH` words either
    side, overlaps merged."""
    # From arrays rather than Token objects, which cost more than the rest of this loop.
    strings = doc.vocab.strings
    words: list[tuple[int, int, str]] = []
    for idx, orth, space in doc.to_array([IDX, ORTH, IS_SPACE]).tolist():
        if not space:
            text = strings[orth]
            words.append((idx, idx + len(text), text))
    windows: list[tuple[int, int]] = []
    for k, (_, _, text) in enumerate(words):
        if not _DIGIT.search(text) or not _could_be_date(words, k):
            continue
        start = words[max(k - _DATE_REACH, 0)][0]
        end = words[min(k + _DATE_REACH, len(words) - 1)][1]
        if windows and start <= windows[-1][1] and windows[-1][1] - windows[-1][0] < _MAX_DATE_WINDOW:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        elif windows and start < windows[-1][1]:  # a run of numbers longer than a window: the next one goes on
            windows.append((windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


# Every date rule puts a number next to a month name, a year word (г., год) or a dot of «21.09.2023»;
# other numbers (counts, percents, ages) need no parse.
_MONTH_STEMS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_TURKIC_DATE_WORDS = ("жыл", "жил", *_KAZAKH_MONTHS)
_HYPHENED_MONTH = re.compile(r"\d-(?:янв|фев|мар|апр|ма|июн|июл|авг|сен|окт|ноя|дек)")


def _could_be_date(words: list[tuple[int, int, str]], k: int) -> bool:
    text = words[k][2]
    if "." in text:
        return True
    for j in range(max(k - 2, 0), min(k + 3, len(words))):
        word = words[j][2].lower()
        if j != k and (word.startswith(_MONTH_STEMS) or word in (".", "г", "гг") or word.startswith("год")):
            return True
        if word.startswith(_TURKIC_DATE_WORDS) or (j == k and _HYPHENED_MONTH.search(word)) or word in LATIN_MONTHS:
            return True  # «15 наурыз», «2024 жылғы», «12-март»: a Kazakh or Kyrgyz date (`_TURKIC_DATE`)
    return False
