"""A document's sentences through a slovnet tagger's encoder as one packed sequence, not batches of eight.

slovnet pads each batch of eight sentences to its longest and runs the embedding and the three convolution
layers once per batch: on short documents most of a forward pass was numpy calls and copies around small
matrix products. Here the sentences are laid end to end with one zero position between two, and every layer
runs once per chunk of them, channel-last, in buffers made once per layer, each operation in place.

A word's outputs are those of its sentence alone, bit for bit, as long as the products run on BLAS's large
path (see `MIN_ROWS`):
- the padding of a batch is zero: the embeddings of the padding ids are zero vectors and slovnet zeroes the
  padded positions after every layer; here the zero positions between two sentences are zeroed likewise, and a
  window of three positions centred on a sentence's first or last word reads a zero where slovnet reads its
  padding;
- every product hands BLAS the rows slovnet hands it (the window of a position laid out channel by channel,
  the same weight matrix, transposed the same way), and the activation and batch norm are the same float32
  operations, element by element, in the same order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from slovnet.exec.infer import Infer, MorphInfer, NERInfer, SyntaxInfer
from slovnet.exec.model import Module

from models.checkpoints import checkpoint
from models.slovnet_exec import head_ids

# Positions of one chunk at most: a document is encoded in chunks of whole sentences (the layers' buffers
# grow with the chunk: 4 KB per position for the first layer's windows).
CHUNK = 2048

# OpenBLAS (on AVX-512 machines) multiplies a small matrix by a kernel of its own, whose sums are rounded in
# another order: a product of a few rows differs in the last bits from the same rows within a larger product.
# A short chunk is padded to this many rows with zeros so that every chunk's products take the large path,
# whatever the size of the document.
MIN_ROWS = 64


@dataclass(frozen=True)
class Chunk:
    """Sentences laid end to end: sentence `i` of the chunk occupies positions starts[i] .. starts[i] + sizes[i],
    with a zero position between two sentences and zero rows after the last one up to `length`."""

    indexes: list[int]  # the sentences' indexes in the caller's list
    starts: list[int]
    sizes: list[int]
    length: int


def chunks(sizes: Sequence[int], limit: int = CHUNK, group: int = 1) -> Iterator[Chunk]:
    """Consecutive sentences (of these sizes) in chunks of at most `limit` positions, gaps included, each
    chunk made of whole groups of `group` consecutive sentences (a group longer than `limit` is a chunk)."""
    indexes: list[int] = []
    starts: list[int] = []
    position = 0
    for first in range(0, len(sizes), group):
        members = range(first, min(first + group, len(sizes)))
        needed = sum(sizes[i] + 1 for i in members)
        if indexes and position + needed > limit:
            yield _chunk(indexes, starts, sizes, position)
            indexes, starts, position = [], [], 0
        for index in members:
            start = position + 1 if indexes else 0
            indexes.append(index)
            starts.append(start)
            position = start + sizes[index]
    if indexes:
        yield _chunk(indexes, starts, sizes, position)


def _chunk(indexes: list[int], starts: list[int], sizes: Sequence[int], end: int) -> Chunk:
    return Chunk(indexes, starts, [sizes[i] for i in indexes], max(end, MIN_ROWS))


def encode(
    model: Module, chunk: Chunk, word_ids: Sequence[Sequence[int]], shape_ids: Sequence[Sequence[int]]
) -> np.ndarray:
    """The encoder's output (positions x features) of a chunk's sentences (the word and shape ids of every
    sentence of the caller's list), zero between the sentences and after them."""
    length = chunk.length
    gap = np.ones(length, dtype=bool)
    words = np.full(length, 0, dtype=np.intp)
    shapes = np.full(length, 0, dtype=np.intp)
    for index, start, size in zip(chunk.indexes, chunk.starts, chunk.sizes, strict=True):
        gap[start : start + size] = False
        words[start : start + size] = word_ids[index]
        shapes[start : start + size] = shape_ids[index]
    word = model.emb.word(words)
    shape = model.emb.shape(shapes)
    word_dim = word.shape[-1]
    # Each layer's input, with a zero row before and after the sequence (the convolution's own padding).
    padded = np.zeros((length + 2, word_dim + shape.shape[-1]), dtype=word.dtype)
    padded[1:-1, :word_dim] = word
    padded[1:-1, word_dim:] = shape
    padded[1:-1][gap] = 0
    for layer in model.encoder.layers:
        conv, norm = layer.conv, layer.norm
        filters, in_dim, kernel = conv.weight.shape
        if (kernel, conv.padding) != (3, 1):
            raise ValueError(f"a packed sequence needs windows of three, padded by one (not {kernel}, {conv.padding})")
        windows = np.empty((length, in_dim, kernel), dtype=padded.dtype)
        for k in range(kernel):
            windows[:, :, k] = padded[k : k + length]
        weight = conv.weight.array.reshape(filters, in_dim * kernel)
        output = np.zeros((length + 2, filters), dtype=padded.dtype)
        x = output[1:-1]
        np.matmul(windows.reshape(length, in_dim * kernel), weight.T, out=x)
        np.add(x, conv.bias.array, out=x)
        x.clip(0, out=x)  # ReLU, as slovnet's `clip(0)`
        np.subtract(x, norm.mean.array, out=x)  # batch norm, in slovnet's order of operations
        np.divide(x, norm.std.array, out=x)
        np.multiply(x, norm.weight.array, out=x)
        np.add(x, norm.bias.array, out=x)
        x[gap] = 0
        padded = output
    return padded[1:-1]


@dataclass(frozen=True)
class Inputs:
    """The word and shape ids of each sentence (or section), as a tagger's encoder gives them. slovnet's news
    taggers share their vocabularies (`models.loading.taggers_share_ids`): one encoding serves all three."""

    word_ids: list[list[int]]
    shape_ids: list[list[int]]

    def sizes(self) -> list[int]:
        return [len(ids) for ids in self.word_ids]

    def regrouped(self, sizes: Sequence[int]) -> Inputs:
        """The same words, in order, grouped into consecutive runs of these sizes (summing to all of them)."""
        words = [id for ids in self.word_ids for id in ids]
        shapes = [id for ids in self.shape_ids for id in ids]
        bounds = list(itertools.accumulate(sizes, initial=0))
        if bounds[-1] != len(words):
            raise ValueError(f"{bounds[-1]} words regrouped, {len(words)} encoded")
        return Inputs(
            [words[a:b] for a, b in itertools.pairwise(bounds)], [shapes[a:b] for a, b in itertools.pairwise(bounds)]
        )


def inputs(infer: Infer, sentences: Sequence[Sequence[str]]) -> Inputs:
    items = [infer.encoder.item(words) for words in sentences]
    return Inputs([word for word, _ in items], [shape for _, shape in items])


def morph_tags(infer: MorphInfer, sentences: Inputs, step: str) -> list[list[str]]:
    """The morph tagger's tags ("NOUN|Case=Nom|…") of every sentence (none empty), as `infer`'s own batches
    give them; `checkpoint(step)` after each chunk."""
    model = infer.model
    names = infer.decoder.tags_vocab.items
    tags: list[list[str]] = [[] for _ in sentences.word_ids]
    for chunk in chunks(sentences.sizes()):
        pred = model.head(encode(model, chunk, sentences.word_ids, sentences.shape_ids))
        ids = model.head.decode(pred).tolist()
        for index, start, size in zip(chunk.indexes, chunk.starts, chunk.sizes, strict=True):
            tags[index] = [names[id] for id in ids[start : start + size]]
        checkpoint(step)
    return tags


def ner_tags(infer: NERInfer, sections: Inputs, step: str) -> list[list[str]]:
    """The NER tagger's BIO tags of every section (none empty), each section one sequence of its own, as
    `infer`'s own batches give them (each section's Viterbi path alone); `checkpoint(step)` after each chunk."""
    model = infer.model
    names = infer.decoder.tags_vocab.items
    tags: list[list[str]] = [[] for _ in sections.word_ids]
    for chunk in chunks(sections.sizes()):
        emissions = model.head(encode(model, chunk, sections.word_ids, sections.shape_ids))
        for index, start, size in zip(chunk.indexes, chunk.starts, chunk.sizes, strict=True):
            (path,) = model.head.crf.decode(emissions[None, start : start + size], np.ones((1, size), dtype=bool))
            tags[index] = [names[id] for id in path.tolist()]
        checkpoint(step)
    return tags


def parses(infer: SyntaxInfer, sentences: Inputs, step: str) -> list[tuple[list[int], list[int]]]:
    """Each word's head (1-based, 0 for the root) and relation id, per sentence (none empty), as `infer`'s own
    batches give them; `checkpoint(step)` after each chunk.

    The parser's heads score every pair of words of a sentence, so they run on padded batches, the very
    batches slovnet makes (sentences sorted by length, `batch_size` at a time), from the packed encoding."""
    model = infer.model
    batch_size = infer.encoder.batch_size
    sizes = sentences.sizes()
    order = sorted(range(len(sizes)), key=sizes.__getitem__)
    word_ids = [sentences.word_ids[i] for i in order]
    shape_ids = [sentences.shape_ids[i] for i in order]
    found: list[tuple[list[int], list[int]]] = [([], []) for _ in sizes]
    for chunk in chunks([sizes[i] for i in order], group=batch_size):
        x = encode(model, chunk, word_ids, shape_ids)
        for first in range(0, len(chunk.indexes), batch_size):
            starts = chunk.starts[first : first + batch_size]
            lengths = chunk.sizes[first : first + batch_size]
            batch = np.zeros((len(lengths), max(lengths), x.shape[-1]), dtype=x.dtype)
            mask = np.zeros(batch.shape[:2], dtype=bool)
            for row, (start, size) in enumerate(zip(starts, lengths, strict=True)):
                batch[row, :size] = x[start : start + size]
                mask[row, :size] = True
            head_id = head_ids(model.head(batch), mask)
            rel_id = model.rel.decode(model.rel(batch, head_id), mask)
            heads, rels = head_id.tolist(), rel_id.tolist()
            for row, (index, size) in enumerate(zip(chunk.indexes[first : first + batch_size], lengths, strict=True)):
                found[order[index]] = (heads[row][:size], rels[row][:size])
        checkpoint(step)
    return found
