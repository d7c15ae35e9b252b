"""Natasha's segmenter (razdel) as the spaCy tokenizer: tokens and sentences aligned to the text."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from models import loading


class NatashaTokenizer:
    """Whitespace between razdel tokens that is not one plain space becomes a space token, so that
    `doc.text` is the input text character for character."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        segmenter = loading.segmenter()
        sent_starts_at = {sent.start for sent in segmenter.sentenize(text)}
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        offset = 0
        for token in segmenter.tokenize(text):
            self._gap(text[offset : token.start], words, spaces, starts)
            words.append(token.text)
            spaces.append(False)
            starts.append(token.start in sent_starts_at or not words[:-1])
            offset = token.stop
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
