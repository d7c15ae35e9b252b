"""Natasha's segmenter (razdel) as the spaCy tokenizer: tokens and sentences aligned to the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from razdel.segmenters.sentenize import BULLET_SIZE, SentSegmenter
from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit, TokenSplitter
from razdel.segmenters.tokenize import tokenize as _razdel_tokenize
from razdel.split import Split
from spacy.attrs import LIKE_NUM
from spacy.lang.ru import lex_attrs as ru_lex_attrs
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from models.checkpoints import checkpoint
from models.components import lexeme_attrs

# Tokens between two checks of the document's time limit: razdel makes ~200k tokens a second.
_CHECK_EVERY = 8192


class _SentenceSegmenter(SentSegmenter):
    """razdel's sentence segmenter, with the sentence so far kept in pieces. razdel grows it by string
    concatenation at every possible break it joins over, quadratic in a long sentence (390k characters
    of «И.И. Иванов, » took seconds for a few hundred thousand characters, minutes for more). Its rules
    read only whether the sentence so far is longer than `BULLET_SIZE` and, when it is not, its tokens;
    the head of the sentence up to that size gives them the same answers."""

    def segment(self, parts: Iterator[str | Split]) -> Iterator[str]:
        first = next(parts, None)
        if first is None:
            return
        pieces, head = [first], first
        for split in parts:
            right = next(parts)
            split.buffer = head
            if self.join(split):
                pieces += [split.delimiter, right]
                if len(head) <= BULLET_SIZE:
                    head = head + split.delimiter + right
            else:
                yield "".join(pieces) + split.delimiter
                pieces, head = [right], right
        yield "".join(pieces)


_sentenize = _SentenceSegmenter()
# «д.и.н.», «к. т. н.», «д.соц.н.», «к.филол.н.»: a doctor's or candidate's degree in some science, abbreviated.
_DEGREE_BEFORE = re.compile(r"(?<![А-Яа-яЁё])[дк]\.[ \t]?[а-яё]{1,6}\.[ \t]?н\.[ \t]*$")
_DEGREE_REACH = 16


def _tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """razdel's tokens of `text` (what Natasha's `Segmenter.tokenize` gives) as (start, stop, text): Natasha
    wraps every razdel substring in a token record of its own, a third of the tokenizer's time.

    razdel builds a split record (three atoms either side) at every boundary between two atoms, and asks its
    rules only at those with no whitespace between (`TokenSegmenter.segment`: whitespace always parts two
    tokens). Here a record is made only where the rules are asked, with the same atoms either side, and a
    token's offsets are its atoms' (every character but whitespace is an atom): the same tokens, without a
    record and a search of the text for each of the boundaries most words have."""
    if _razdel_tokenize.post or type(_razdel_tokenize.split) is not TokenSplitter:
        yield from _razdel_tokens(text)
        return
    atoms = [Atom(match.start(), match.end(), match.lastgroup, match.group(0)) for match in ATOM.finditer(text)]
    if not atoms:
        return
    window, join = _razdel_tokenize.split.window, _razdel_tokenize.join
    start, stop, buffer = atoms[0].start, atoms[0].stop, atoms[0].text
    for index in range(1, len(atoms)):
        atom = atoms[index]
        if atom.start == stop:
            split = TokenSplit(atoms[max(0, index - window) : index], "", atoms[index : index + window])
            split.buffer = buffer
            if join(split):
                buffer += atom.text
                stop = atom.stop
                continue
        yield start, stop, buffer
        start, stop, buffer = atom.start, atom.stop, atom.text
    yield start, stop, buffer


def _razdel_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """razdel's own path to the tokens of `_tokens`."""
    chunks = _razdel_tokenize.segment(_razdel_tokenize.split(text))
    if _razdel_tokenize.post:
        chunks = _razdel_tokenize.post(chunks)
    offset = 0
    for chunk in chunks:
        start = text.find(chunk, offset)
        offset = start + len(chunk)
        yield start, offset, chunk


def like_num(text: str) -> bool:
    """spaCy's Russian `like_num` (every new word of the vocabulary is asked), with its number words in a set:
    spaCy keeps them in a list of a thousand and scans it for each word."""
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    if text.endswith("%"):
        text = text[:-1]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text.lower() in _NUM_WORDS


_NUM_WORDS = frozenset(ru_lex_attrs._num_words)


class NatashaTokenizer:
    """Whitespace between razdel tokens that is not one plain space becomes a space token, so that
    `doc.text` is the input text character for character."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        if vocab.lex_attr_getters.get(LIKE_NUM) is ru_lex_attrs.like_num:
            vocab.lex_attr_getters[LIKE_NUM] = like_num
        lexeme_attrs.install(vocab)

    def __call__(self, text: str) -> Doc:
        sent_starts_at = set()
        for sent in _sentenize(text):
            # «доцент …, д.и.н. Виктор Ляхов»: an academic degree's abbreviation ends no sentence.
            if not _DEGREE_BEFORE.search(text, max(0, sent.start - _DEGREE_REACH), sent.start):
                sent_starts_at.add(sent.start)
            if len(sent_starts_at) % _CHECK_EVERY == 0:
                checkpoint("tokenizer")
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        offset = 0
        for count, (start, stop, word) in enumerate(_tokens(text), 1):
            if count % _CHECK_EVERY == 0:
                checkpoint("tokenizer")
            if start != offset:
                # One plain space after a word, the usual gap, inline: `_gap` says the same of it.
                if words and start == offset + 1 and text[offset] == " ":
                    spaces[-1] = True
                else:
                    self._gap(text[offset:start], words, spaces, starts)
            words.append(word)
            spaces.append(False)
            starts.append(start in sent_starts_at or len(words) == 1)
            offset = stop
        self._gap(text[offset:], words, spaces, starts)
        if starts:
            starts[0] = True
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)

    @staticmethod
    def _gap(gap: str, words: list[str], spaces: list[bool], starts: list[bool]) -> None:
        if not gap:
            return
        if gap == " " and words:
            spaces[-1] = True
            return
        if words and gap.endswith(" ") and not gap.endswith("  "):
            gap = gap[:-1]
            words.append(gap)
            spaces.append(True)
        else:
            words.append(gap)
            spaces.append(False)
        starts.append(False)

    # spaCy serialises tokenizers with the pipeline; this one has no state of its own.
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> NatashaTokenizer:
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> NatashaTokenizer:
        return self


@registry.tokenizers("kenesh_natasha_tokenizer")
def create_tokenizer():
    def make(nlp) -> NatashaTokenizer:
        return NatashaTokenizer(nlp.vocab)

    return make
