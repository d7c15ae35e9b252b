"""slovnet's numpy forward passes, the same arithmetic with less copying around it.

Every replacement below hands BLAS and numpy the very arrays slovnet's own code hands them (same values,
same shapes, same memory order), so the tags come out bit for bit the same; what changes is how those
arrays are built. Measured on the 300 first NEREL texts, slovnet's own code spent most of a forward pass
outside the matrix products: copying the convolution windows with a stride of three floats, padding,
numpy fancy indexing of the quantised embeddings, a Python Viterbi step of ten numpy calls per word, and
the word shape of every word worked out again by each of the three models.

`accelerate(model)` switches the modules of one loaded model to these classes (Kenesh's own copies of the
models, `models.loading`); slovnet's classes stay as they are for anyone else in the process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from slovnet.exec.encoders import SyntaxEncoder, TagEncoder, WordShapeEncoder, WordShapeInput
from slovnet.exec.infer import Infer, SyntaxInfer, TagDecoder
from slovnet.exec.mask import split_masked
from slovnet.exec.model import CRF, CNNEncoder, Conv1d, Module, NavecEmbedding, SyntaxHead
from slovnet.shape import word_shape


class _Conv1d(Conv1d):
    def __call__(self, input: np.ndarray) -> np.ndarray:
        # slovnet pads the (batch, in, seq) input into a new array, then copies every window of `kernel`
        # consecutive positions of every channel into a (batch * windows, in * kernel) matrix: a copy whose
        # innermost run is `kernel` (3) floats. The layers' outputs are laid out channel-last in memory, so
        # the same matrix is built here by `kernel` copies whose innermost run is a whole channel vector.
        batch_size, in_dim, seq_len = input.shape
        filters_count, _, kernel_size = self.weight.shape
        padding = self.padding
        padded = np.zeros((batch_size, seq_len + 2 * padding, in_dim), dtype=input.dtype)
        padded[:, padding : padding + seq_len] = input.swapaxes(2, 1)
        windows_count = seq_len + 2 * padding - kernel_size + 1
        windows = np.empty((batch_size, windows_count, in_dim, kernel_size), dtype=input.dtype)
        for k in range(kernel_size):
            windows[:, :, :, k] = padded[:, k : k + windows_count]
        windows = windows.reshape(batch_size * windows_count, in_dim * kernel_size)
        weight = self.weight.array.reshape(filters_count, in_dim * kernel_size)
        output = np.matmul(windows, weight.T) + self.bias.array
        output = output.reshape(batch_size, windows_count, filters_count)
        return output.swapaxes(2, 1)


class _CNNEncoder(CNNEncoder):
    def __call__(self, input: np.ndarray, mask: np.ndarray) -> np.ndarray:
        input = np.swapaxes(input, 2, 1)
        mask = np.expand_dims(mask, axis=1)
        for layer in self.layers:
            input = layer(input)
            # slovnet's `input[mask.repeat(size, axis=1)] = 0`, without building the repeated mask
            np.copyto(input, 0, where=mask)
        return np.swapaxes(input, 2, 1)


class _NavecEmbedding(NavecEmbedding):
    def __call__(self, input: np.ndarray) -> np.ndarray:
        # A word's vector is the concatenation of one centroid chunk per quantisation dimension (100 gathers of
        # three floats): decoded once per word and kept (`_WordVectors`), shared by the taggers that share these
        # codes (slovnet's news taggers share navec's); the rows are the same floats, copied.
        vectors = _WORD_VECTORS.get(id(self.codes.array))
        if vectors is None:
            vectors = _WORD_VECTORS[id(self.codes.array)] = _WordVectors(self)
        return vectors(input.reshape(-1)).reshape(*input.shape, self.dim)

    def decode(self, ids: np.ndarray) -> np.ndarray:
        """The vectors of these word ids (a flat array): codes[qdims, indexes] by `take` on the flattened codes,
        the same rows as slovnet's fancy indexing."""
        flat = self.__dict__.get("_flat")
        if flat is None:
            qdim, centroids, chunk = self.codes.array.shape
            flat = self.__dict__["_flat"] = self.codes.array.reshape(qdim * centroids, chunk)
            self.__dict__["_offsets"] = (np.arange(qdim) * centroids).astype(np.intp)
        indexes = self.indexes.array[ids].astype(np.intp) + self.__dict__["_offsets"]
        return flat.take(indexes, axis=0).reshape(len(ids), self.dim)


class _WordVectors:
    """The decoded vectors of the words seen so far, in rows of one table, found by word id: the three taggers
    look up every word of a text, and a text's words are mostly words seen before (17k distinct of 234k lookups
    per 300 NEREL texts). Bounded: the table starts again when full."""

    # Rows kept at most (1.2 KB each for navec's 300 floats: 5 MB, and 1 MB for the slots of the 250k words). 300 NEREL
    # texts bring 17k distinct words; the table, started again six times, decodes 28k words of the 234k looked up.
    LIMIT = 4_096

    def __init__(self, embedding: _NavecEmbedding) -> None:
        self.embedding = embedding
        self.codes = embedding.codes.array  # kept, so that the key `id(codes)` is not reused by another array
        self.slots = np.full(embedding.indexes.array.shape[0], -1, dtype=np.int32)
        self.rows = np.empty((self.LIMIT, embedding.dim), dtype=self.codes.dtype)
        self.count = 0

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        slots = self.slots[ids]
        missing = slots < 0
        if missing.any():
            new = np.unique(ids[missing])
            if self.count + len(new) > self.LIMIT:
                self.slots.fill(-1)
                self.count = 0
                new = np.unique(ids)
                if len(new) > self.LIMIT:
                    return self.embedding.decode(ids)
            self.rows[self.count : self.count + len(new)] = self.embedding.decode(new)
            self.slots[new] = np.arange(self.count, self.count + len(new))
            self.count += len(new)
            slots = self.slots[ids]
        return self.rows.take(slots, axis=0)


_WORD_VECTORS: dict[int, _WordVectors] = {}


class _CRF(CRF):
    def decode(self, emissions: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
        """slovnet's Viterbi decoding: the best score of each step is the maximum slovnet gathers at the
        argmax (the same float), taken with `max`; each step's sums, argmax and max are written into arrays
        made once (NER reads a whole document as one sequence: a step per word, and allocating the step's
        arrays cost as much as the arithmetic); a step where every sequence runs keeps the best without
        `where`; the best path is read back from lists of ints rather than numpy scalars."""
        batch_size, seq_len, tags_num = emissions.shape
        if batch_size == 1 and mask.all():
            return [self._path(emissions[0])]
        emissions = emissions.swapaxes(1, 0)[:, :, None, :]  # seq x batch x 1 x tags
        mask = mask.swapaxes(1, 0)
        transitions = self.transitions.array
        running = mask.all(axis=1).tolist()
        history = np.empty((max(seq_len - 1, 0), batch_size, tags_num), dtype=np.intp)
        score = emissions[0, :, 0].copy()  # batch x tags
        column = score[:, :, None]  # the same memory, batch x tags x 1
        scores = np.empty((batch_size, tags_num, tags_num), dtype=np.result_type(score, transitions))
        best = np.empty((batch_size, tags_num), dtype=scores.dtype)
        # `ndarray.max` is a Python function around this reduction (numpy's `_methods._amax`), a call per word
        maximum = np.maximum.reduce
        for index in range(1, seq_len):
            np.add(column, transitions, out=scores)  # (score + transitions) + emissions, as slovnet adds
            np.add(scores, emissions[index], out=scores)
            scores.argmax(-2, out=history[index - 1])
            if running[index]:
                maximum(scores, -2, out=score)
            else:
                maximum(scores, -2, out=best)
                np.copyto(score, best, where=mask[index][:, None])
        sizes = (mask.sum(0) - 1).tolist()
        steps = history.swapaxes(1, 0).tolist()
        batch = []
        for index in range(batch_size):
            best_tag = int(score[index].argmax())
            tags = [best_tag]
            for indexes in reversed(steps[index][: sizes[index]]):
                best_tag = indexes[best_tag]
                tags.append(best_tag)
            tags.reverse()
            batch.append(np.array(tags))
        return batch

    def _path(self, emissions: np.ndarray) -> np.ndarray:
        """`decode` of one sequence without padding (seq x tags), as Kenesh's NER reads each section: the same
        sums, argmax and max per step on the one row, the steps read by iterating the arrays rather than by
        index (a step per word, where a numpy call on 8 x 8 floats costs less than the Python around it)."""
        transitions = self.transitions.array
        score = emissions[0].copy()  # tags
        column = score[:, None]  # the same memory, tags x 1
        scores = np.empty((len(score), len(score)), dtype=np.result_type(score, transitions))
        history = np.empty((max(len(emissions) - 1, 0), len(score)), dtype=np.intp)
        add, argmax, maximum = np.add, np.ndarray.argmax, np.maximum.reduce
        for step, back in zip(emissions[1:], history, strict=True):
            add(column, transitions, out=scores)  # (score + transitions) + emissions, as slovnet adds
            add(scores, step, out=scores)
            argmax(scores, 0, out=back)
            maximum(scores, 0, out=score)
        best_tag = int(score.argmax())
        tags = [best_tag]
        for indexes in reversed(history.tolist()):
            best_tag = indexes[best_tag]
            tags.append(best_tag)
        tags.reverse()
        return np.array(tags)


_FASTER: dict[type, type] = {
    Conv1d: _Conv1d,
    CNNEncoder: _CNNEncoder,
    NavecEmbedding: _NavecEmbedding,
    CRF: _CRF,
}


def accelerate(module: Module) -> None:
    """Switch `module` and every module inside it to the classes above (in place)."""
    faster = _FASTER.get(type(module))
    if faster is not None:
        module.__class__ = faster
    for key in module.__attributes__:
        value = getattr(module, key, None)
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, Module):
                accelerate(child)


class _CachedWordShapeEncoder(WordShapeEncoder):
    """A tagger's word and shape ids of a word, worked out once: slovnet's encoder finds the shape (regular
    expressions) and both ids of every word of every sentence anew, and most words come back."""

    # Distinct words kept at most; then the table starts again (memory stays bounded).
    LIMIT = 300_000

    def item(self, words: list[str]) -> tuple[list[int], list[int]]:
        table: dict[str, tuple[int, int]] | None = self.__dict__.get("_ids")
        if table is None or len(table) >= self.LIMIT:
            table = self.__dict__["_ids"] = {}
        word_ids, shape_ids = [], []
        for word in words:
            ids = table.get(word)
            if ids is None:
                ids = table[word] = (self.words_vocab.encode(word.lower()), self.shapes_vocab.encode(word_shape(word)))
            word_ids.append(ids[0])
            shape_ids.append(ids[1])
        return word_ids, shape_ids


class _CachedTagEncoder(_CachedWordShapeEncoder, TagEncoder):
    pass


class _CachedSyntaxEncoder(_CachedWordShapeEncoder, SyntaxEncoder):
    pass


_CACHED_ENCODERS: dict[type, type] = {
    WordShapeEncoder: _CachedWordShapeEncoder,
    TagEncoder: _CachedTagEncoder,
    SyntaxEncoder: _CachedSyntaxEncoder,
}


def head_ids(pred: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """slovnet's `SyntaxHead.decode`: each word's best head among the root and its sentence's words.
    slovnet fills the other cells with the array's minimum by arithmetic on the masks, `fill * out + pred *
    in`, which for finite scores and a negative minimum is each cell itself or the minimum: `where`, with
    the mask of pairs made by broadcasting instead of a matrix product of booleans."""
    rooted = np.pad(mask, [(0, 0), (1, 0)], constant_values=True)  # the root is a head in every sentence
    pairs = rooted[:, 1:, None] & rooted[:, None, :]
    fill = pred.min()
    if not (fill < 0 and np.isfinite(fill) and np.isfinite(pred).all()):  # slovnet's own arithmetic then
        return SyntaxHead.decode(None, pred, mask)  # type: ignore[arg-type]
    return np.where(pairs, pred, fill).argmax(-1)


class _SyntaxInfer(SyntaxInfer):
    def process(self, inputs: Iterable[WordShapeInput]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """slovnet's parse: its model decodes the heads to score the relations, then its `process` decoded
        them again from the same scores; here they are decoded once."""
        model = self.model
        for input in inputs:
            x = model.encoder(model.emb(input.word_id, input.shape_id), input.pad_mask)
            mask = ~input.pad_mask
            head_id = head_ids(model.head(x), mask)
            rel_id = model.rel.decode(model.rel(x, head_id), mask)
            yield from zip(split_masked(head_id, mask), split_masked(rel_id, mask), strict=True)


class _TagDecoder(TagDecoder):
    def __call__(self, preds: Iterable[np.ndarray]) -> Iterator[list[str]]:
        """slovnet's tag names, read from the vocabulary's list by plain ints rather than a `decode` call per
        numpy scalar (the morph tagger names every word of the text)."""
        items = self.tags_vocab.items
        for pred in preds:
            yield [items[id] for id in pred.tolist()]


def accelerate_infer(infer: Infer) -> None:
    """A loaded tagger's model and encoder switched to the classes above (in place)."""
    accelerate(infer.model)
    if type(infer) is SyntaxInfer:
        infer.__class__ = _SyntaxInfer
    if type(infer.decoder) is TagDecoder:
        infer.decoder.__class__ = _TagDecoder
    cached = _CACHED_ENCODERS.get(type(infer.encoder))
    if cached is not None:
        infer.encoder.__class__ = cached
