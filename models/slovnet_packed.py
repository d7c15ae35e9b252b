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


def packable(model: Module) -> bool:
    """Whether every convolution of `model`'s encoder keeps the sequence's length with a window of three
    (slovnet's news taggers): one zero position between two sentences then stands for the padding."""
    return all(layer.conv.weight.shape[2] == 3 and layer.conv.padding == 1 for layer in model.encoder.layers)


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
    first = model.encoder.layers[0]
    padded = np.empty(0, dtype=np.float32)  # each layer's input, with a zero row before and after the sequence
    for layer in model.encoder.layers:
        conv, norm = layer.conv, layer.norm
        filters, in_dim, kernel = conv.weight.shape
        if (kernel, conv.padding) != (3, 1):
            raise ValueError(f"a packed sequence needs windows of three, padded by one (not {kernel}, {conv.padding})")
        output = np.zeros((length + 2, filters), dtype=np.float32)
        x = output[1:-1]
        if layer is first:
            first_convolution(model)(words, shapes, gap, out=x)
        else:
            windows = np.empty((length, in_dim, kernel), dtype=padded.dtype)
            for k in range(kernel):
                windows[:, :, k] = padded[k : k + length]
            weight = conv.weight.array.reshape(filters, in_dim * kernel)
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


class FirstConvolution:
    """The first layer's convolution of a tagger's embeddings, from each word's and each shape's own products.

    The first layer's input at a position is the word's navec vector and its shape's vector, so its product with
    the weight of each of the three window offsets is a property of the word (and of the shape), the same wherever
    the word stands: each is worked out once, kept, and a position's output is the sum of the products of the words
    before, at and after it. The largest product of the encoder (the windows of 330 floats, half its time) becomes
    one product per new word and three gathers; the sums are the same terms added in another order, so the output
    is slovnet's within float32's rounding (as the AVX-512 kernels' own order already is, `MIN_ROWS`).

    A word's products are the same floats whichever words it is computed with (its row of a product of at least
    `MIN_ROWS` rows), so the outputs do not depend on the documents read before."""

    # Words kept at most (3 KB each for slovnet's news taggers: 12 MB a tagger); then the table starts again.
    # 300 NEREL texts look up 78k words per tagger, 17k of them distinct.
    LIMIT = 4_096

    def __init__(self, model: Module) -> None:
        conv = model.encoder.layers[0].conv
        filters, in_dim, kernel = conv.weight.shape
        self.embedding = model.emb.word
        word_dim = self.embedding.dim
        weight = conv.weight.array.transpose(1, 2, 0)  # in x kernel x filters
        self.word_weight = np.ascontiguousarray(weight[:word_dim].reshape(word_dim, kernel * filters))
        shape_weight = np.ascontiguousarray(weight[word_dim:].reshape(in_dim - word_dim, kernel * filters))
        shapes = model.emb.shape.weight.array
        # every shape's products, and a last row of zeros for the positions between sentences
        self.shapes = np.zeros((len(shapes) + 1, kernel, filters), dtype=np.float32)
        self.shapes[:-1] = self._products(shapes, shape_weight).reshape(len(shapes), kernel, filters)
        self.slots = np.full(self.embedding.indexes.array.shape[0], -1, dtype=np.int32)
        self.rows = np.empty((self.LIMIT + 1, kernel, filters), dtype=np.float32)
        self.rows[0] = 0  # the slot of the positions between sentences
        self.count = 1

    @staticmethod
    def _products(vectors: np.ndarray, weight: np.ndarray) -> np.ndarray:
        # padded to BLAS's large path, where a row's products do not depend on the other rows (`MIN_ROWS`)
        rows = max(len(vectors), MIN_ROWS)
        padded = np.zeros((rows, vectors.shape[1]), dtype=np.float32)
        padded[: len(vectors)] = vectors
        return np.matmul(padded, weight)[: len(vectors)]

    def _word_products(self, words: np.ndarray) -> np.ndarray:
        """The products of these distinct word ids (words x kernel x filters), each word's the same floats whatever
        the other words: OpenBLAS's AVX-512 kernels sum a row of a product in an order that depends on the row's
        place and the product's rows (not on the other rows' values), so each word takes row `id % MIN_ROWS` of a
        product of `MIN_ROWS` rows."""
        place = words % MIN_ROWS
        order = np.argsort(place, kind="stable")
        firsts = np.searchsorted(place[order], place[order])  # the first of each place's words, in `order`
        block = np.empty(len(words), dtype=np.intp)
        block[order] = np.arange(len(words)) - firsts
        stacked = np.zeros((int(block.max()) + 1, MIN_ROWS, self.word_weight.shape[0]), dtype=np.float32)
        stacked[block, place] = self.embedding.decode(words)
        products = np.matmul(stacked, self.word_weight)[block, place]  # one product of MIN_ROWS rows per block
        return products.reshape(len(words), *self.rows.shape[1:])

    def _word_rows(self, words: np.ndarray, gap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The table holding the products of these words, and each position's row in it (0 between sentences)."""
        slots = self.slots[words]
        missing = (slots < 0) & ~gap
        if missing.any():
            new = np.unique(words[missing])
            if self.count + len(new) > len(self.rows):
                self.slots.fill(-1)
                self.count = 1
                new = np.unique(words[~gap])
            if self.count + len(new) > len(self.rows):  # more distinct words than the table holds: these alone
                table = np.zeros((len(new) + 1, *self.rows.shape[1:]), dtype=np.float32)
                table[1:] = self._word_products(new)
                slots = np.searchsorted(new, words).astype(np.int32) + 1
                slots[gap] = 0
                return table, slots
            self.rows[self.count : self.count + len(new)] = self._word_products(new)
            self.slots[new] = np.arange(self.count, self.count + len(new))
            self.count += len(new)
            slots = self.slots[words]
        slots[gap] = 0
        return self.rows, slots

    def __call__(self, words: np.ndarray, shapes: np.ndarray, gap: np.ndarray, out: np.ndarray) -> None:
        """The convolution (without its bias) of the positions of these word and shape ids, into `out`
        (positions x filters); `gap` marks the zero positions between sentences."""
        table, slots = self._word_rows(words, gap)
        shape_slots = np.where(gap, len(self.shapes) - 1, shapes)
        terms = table.take(slots, axis=0)  # positions x kernel x filters
        terms += self.shapes.take(shape_slots, axis=0)
        # the output at p sums offset 0 of the word before, offset 1 of its own and offset 2 of the word after
        np.copyto(out, terms[:, 1])
        np.add(out[1:], terms[:-1, 0], out=out[1:])
        np.add(out[:-1], terms[1:, 2], out=out[:-1])


def first_convolution(model: Module) -> FirstConvolution:
    found = model.__dict__.get("_first_convolution")
    if found is None:
        found = model.__dict__["_first_convolution"] = FirstConvolution(model)
    return found


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
