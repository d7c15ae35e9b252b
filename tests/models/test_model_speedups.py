"""The cheaper forward passes and chart parsing give what slovnet's, yargy's and spaCy's own code gives, bit for
bit, on the real models and real documents of corpus-dev."""

from __future__ import annotations

import gc
import subprocess
import sys
from functools import cache

import numpy as np
import pytest
from natasha import (
    DatesExtractor,
    MorphVocab,
    NamesExtractor,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
)
from spacy.lang.ru.lex_attrs import _num_words
from spacy.lang.ru.lex_attrs import like_num as spacy_like_num
from spacy.language import Language

from models import loading, slovnet_packed
from models.chart_parser import faster
from models.components.extensions import doc_text
from models.components.natasha import _date_windows
from models.components.tokenizer import like_num
from models.slovnet_exec import _CachedWordShapeEncoder, accelerate_infer
from tests.conftest import CORPUS_DEV, CORPUS_GENRE, ROOT


@cache
def _dev_texts() -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8") for path in sorted(CORPUS_DEV.glob("*.txt"))[:8])


def _sentences(nlp: Language) -> list[list[str]]:
    words = []
    for text in _dev_texts():
        doc = nlp.make_doc(text)
        words += [[t.text for t in sent if not t.is_space] for sent in doc.sents]
    return sorted((w for w in words if w), key=len)


@cache
def _natasha_embedding() -> NewsEmbedding:
    return NewsEmbedding()


PLAIN = {"morph_tagger": NewsMorphTagger, "syntax_parser": NewsSyntaxParser, "ner_tagger": NewsNERTagger}


@pytest.mark.parametrize("tagger", list(PLAIN))
def test_accelerated_taggers_give_slovnets_outputs_bit_for_bit(nlp: Language, tagger: str) -> None:
    infer = getattr(loading, tagger)().infer
    assert isinstance(infer.encoder, _CachedWordShapeEncoder)  # Kenesh's copy is the accelerated one
    # slovnet's own classes on Natasha's own embedding and vocabularies (Kenesh loads them leaner)
    plain = PLAIN[tagger](_natasha_embedding()).infer
    assert not isinstance(plain.encoder, _CachedWordShapeEncoder)
    sentences = _sentences(nlp)
    assert len(sentences) > 100
    for fast_input, plain_input in zip(infer.encoder(sentences), plain.encoder(sentences), strict=True):
        for name in ("word_id", "shape_id", "pad_mask"):
            assert np.array_equal(getattr(fast_input, name), getattr(plain_input, name))
        fast = infer.model(fast_input.word_id, fast_input.shape_id, fast_input.pad_mask)
        slow = plain.model(plain_input.word_id, plain_input.shape_id, plain_input.pad_mask)
        if tagger == "syntax_parser":
            assert np.array_equal(fast.head_id, slow.head_id) and np.array_equal(fast.rel_id, slow.rel_id)
        else:
            assert np.array_equal(fast, slow)  # the floats themselves, not only the tags
        if tagger == "ner_tagger":
            mask = ~fast_input.pad_mask
            fast_tags = infer.model.head.crf.decode(fast, mask)
            slow_tags = plain.model.head.crf.decode(slow, mask)
            assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(fast_tags, slow_tags, strict=True))


@pytest.mark.parametrize("tagger", list(PLAIN))
def test_accelerated_decoding_gives_slovnets_tags_and_heads(nlp: Language, tagger: str) -> None:
    """The whole of `process` (forward pass and decoding: the NER's Viterbi, the parser's heads decoded once),
    sentence by sentence, against slovnet's own classes."""
    infer = getattr(loading, tagger)().infer
    plain = PLAIN[tagger](_natasha_embedding()).infer
    sentences = _sentences(nlp)
    fast = list(infer.process(infer.encoder(sentences)))
    slow = list(plain.process(plain.encoder(sentences)))
    assert len(fast) == len(slow) == len(sentences)
    for words, a, b in zip(sentences, fast, slow, strict=True):
        a, b = (a, b) if tagger == "syntax_parser" else ((a,), (b,))
        for x, y in zip(a, b, strict=True):
            assert len(x) == len(words) and x.dtype == y.dtype and np.array_equal(x, y), words
    if tagger != "syntax_parser":  # the tag names, read by the faster decoder
        assert type(infer.decoder) is not type(plain.decoder)
        assert list(infer.decoder(fast)) == list(plain.decoder(slow))


def test_lean_embedding_and_shared_vocabularies_hold_natashas_own() -> None:
    lean, natasha = loading.embedding(), _natasha_embedding()
    assert lean.meta.id == natasha.meta.id
    assert np.array_equal(lean.pq.indexes, natasha.pq.indexes) and np.array_equal(lean.pq.codes, natasha.pq.codes)
    encoders = [getattr(loading, tagger)().infer.encoder for tagger in PLAIN]
    assert encoders[0].words_vocab is encoders[1].words_vocab is encoders[2].words_vocab  # decoded once
    for tagger, encoder in zip(PLAIN.values(), encoders, strict=True):
        plain = tagger(natasha).infer.encoder
        assert encoder.words_vocab.items == plain.words_vocab.items
        assert encoder.words_vocab.item_ids == plain.words_vocab.item_ids
        assert encoder.shapes_vocab.items == plain.shapes_vocab.items


def test_remembered_word_vectors_are_navecs_rows_across_restarts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The three taggers' embedding keeps decoded word vectors in one bounded table: the same floats as slovnet's
    own lookup, for flat and batched ids, before and after the table starts again."""
    from slovnet.exec.model import NavecEmbedding

    from models import slovnet_exec

    monkeypatch.setattr(slovnet_exec._WordVectors, "LIMIT", 8)
    monkeypatch.setattr(slovnet_exec, "_WORD_VECTORS", {})
    embeddings = [getattr(loading, tagger)().infer.model.emb.word for tagger in PLAIN]
    assert len({id(embedding.codes.array) for embedding in embeddings}) == 1  # one table for the three
    rng = np.random.default_rng(0)
    for round_ in range(6):
        ids = rng.integers(0, 50, size=3 + round_).astype(np.intp)  # more distinct words than rows, some repeated
        for embedding in embeddings:
            for batch in (ids, ids.reshape(1, -1), np.array([], dtype=np.intp)):
                got, plain = embedding(batch), NavecEmbedding.__call__(embedding, batch)
                assert got.dtype == plain.dtype and got.shape == plain.shape and np.array_equal(got, plain)
    wide = np.arange(20, dtype=np.intp)  # more distinct words than the table holds: decoded as they come
    assert np.array_equal(embeddings[0](wide), NavecEmbedding.__call__(embeddings[0], wide))
    assert len(slovnet_exec._WORD_VECTORS) == 1


def test_accelerate_infer_switches_a_plain_tagger() -> None:
    tagger = NewsNERTagger(loading.embedding())
    accelerate_infer(tagger.infer)
    assert type(tagger.infer.model.encoder.layers[0].conv).__module__ == "models.slovnet_exec"
    assert type(tagger.infer.model.head.crf).__module__ == "models.slovnet_exec"
    parser = NewsSyntaxParser(loading.embedding())
    accelerate_infer(parser.infer)
    assert type(parser.infer).__module__ == "models.slovnet_exec"
    assert isinstance(tagger.infer.encoder, _CachedWordShapeEncoder)


def test_faster_chart_finds_the_same_names_and_dates(nlp: Language) -> None:
    vocab = loading.morph_vocab()
    names, dates = NamesExtractor(vocab), DatesExtractor(vocab)
    fast_names, fast_dates = NamesExtractor(vocab), DatesExtractor(vocab)
    faster(fast_names.parser)
    faster(fast_dates.parser)
    persons, windows = set(), []
    for text in _dev_texts():
        doc = nlp(text)
        persons |= {ent.text for ent in doc.ents if ent.label_ == "PER"}
        windows += [doc_text(doc)[start:end] for start, end in _date_windows(doc)]
    assert len(persons) > 50 and len(windows) > 20
    for text in sorted(persons):
        assert repr(fast_names.find(text)) == repr(names.find(text)), text
    for text in windows:
        assert repr(list(fast_dates(text))) == repr(list(dates(text))), text
    assert fast_dates.parser.__dict__["openers"][id(fast_dates.parser.rule)] is not None  # the filter is on


def test_faster_chart_on_optional_and_recursive_openers() -> None:
    """Rules that can open with nothing (optional words), or through a recursive rule, parse as yargy's own."""
    from yargy import Parser, or_, rule
    from yargy.predicates import dictionary, eq, gram
    from yargy.predicates import type as token_type

    title = or_(rule(eq("г"), eq(".").optional()), rule(dictionary({"господин"})))
    number = token_type("INT")
    grammars = [
        rule(title.optional(), gram("Name"), gram("Surn").optional()),
        rule(number.optional().repeatable(), eq("мая")),
        or_(rule(title, number), rule(number, title.optional(), gram("NOUN").repeatable())),
    ]
    texts = [
        "г. Иван Петров и господин Сидоров 12 мая 2020 г. 3 4 5 мая",
        "мая 1 мая г 2 . господин 7 столов и стульев, г. 8 рук",
        "Иван, Пётр 12 г.",
    ]
    for grammar in grammars:
        fast = faster(Parser(grammar, tokenizer=NamesExtractor(loading.morph_vocab()).parser.tokenizer))
        plain = Parser(grammar, tokenizer=fast.tokenizer)
        found = 0
        for text in texts:
            matches = list(fast.findall(text))
            assert repr(matches) == repr(list(plain.findall(text))), text
            found += len(matches)
        assert found  # each grammar matches somewhere


def test_faster_chart_predicts_nothing_that_cannot_start_here() -> None:
    """No state waits at the end of a name for a word that never comes, nor for a rule that cannot open at the next
    word; the matches are yargy's own."""
    plain = NamesExtractor(loading.morph_vocab())
    fast = NamesExtractor(loading.morph_vocab())
    faster(fast.parser)
    for text in ("Владимир Путин", "Путин В.В.", "Иван Петрович Сидоров"):
        fast_chart, plain_chart = fast.parser.chart(text), plain.parser.chart(text)
        assert all(state.completed or state.dot_index for state in fast_chart.last_column.states), text
        assert sum(len(c.states) for c in fast_chart.columns) < sum(len(c.states) for c in plain_chart.columns)
        assert repr(fast.find(text)) == repr(plain.find(text)), text


def test_meeting_grammars_on_the_faster_chart_find_yargys_matches() -> None:
    """The meeting title and dateline parsers (switched to the faster chart) match every line of the dev and
    genre texts as yargy's own chart does."""
    from natasha.extractors import Parser

    from models.grammars.meeting import DATELINE, TITLE, dateline_parser, title_parser

    lines = [
        line[:200]
        for folder in (CORPUS_DEV, CORPUS_GENRE)
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()[:20]
        if line.strip()
    ]
    assert len(lines) > 400
    for fast, grammar in ((title_parser(), TITLE), (dateline_parser(), DATELINE)):
        plain = Parser(grammar, loading.morph_vocab())
        plain.tokenizer.morph = fast.tokenizer.morph
        found = 0
        for line in lines:
            matches = repr(list(fast.findall(line)))
            assert matches == repr(list(plain.findall(line))), line
            found += matches != "[]"
        assert found > 20


def test_a_parsed_chart_leaves_no_garbage_cycle() -> None:
    """A chart is taken apart once its matches are read: reference counting frees it, not the cyclic collector."""
    from models.grammars.meeting import dateline_parser

    extractor = loading.names_extractor()
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        names = [extractor.find(text) for text in ("Владимир Путин", "Н.С. Базарбаев", "Иван Петрович Сидоров")]
        dates = list(dateline_parser().findall("Бишкек, 21 сентября 2023 г."))
        assert all(names) and dates
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_like_num_is_spacys() -> None:
    words = [*_num_words, *(w.upper() for w in _num_words), "+1", "-2%", "1/2", "a/b", "1,000.5", "~x", "", "½"]
    assert [like_num(w) for w in words] == [spacy_like_num(w) for w in words]


def test_the_pipeline_vocabulary_uses_the_set_lookup(nlp: Language) -> None:
    from spacy.attrs import LIKE_NUM

    assert nlp.vocab.lex_attr_getters[LIKE_NUM] is like_num
    assert [t.like_num for t in nlp.make_doc("двадцать пять тысяч 12,5 столов")] == [True, True, True, True, False]


def test_lexeme_shape_and_url_are_spacys(nlp: Language) -> None:
    """The shortcuts give spaCy's own values for every word of the dev texts and the odd cases around them."""
    from spacy.attrs import LIKE_URL, SHAPE
    from spacy.lang import lex_attrs as spacy_attrs

    from models.components import lexeme_attrs

    words = {token.text for text in _dev_texts() for token in nlp.make_doc(text)}
    words |= {"", "a", "Я", "1", "²³", "Ǆemal", "ǅemal", "Xª", "ªb", "AB", "ООН", "Москва-Сити", "x" * 120, "X" * 99}
    words |= {"http://x", "https://kenesh", "www.gov.kg", "mail@gov.kg", "gov.kg", "1.2", ".", "a.", ".ru", "ab12"}
    assert len(words) > 1500
    for word in sorted(words):
        assert lexeme_attrs.word_shape(word) == spacy_attrs.word_shape(word), word
        if word:  # spaCy's own raises on an empty text; the vocabulary never asks about one
            assert lexeme_attrs.like_url(word) == spacy_attrs.like_url(word), word
    assert nlp.vocab.lex_attr_getters[SHAPE] is lexeme_attrs.word_shape
    assert nlp.vocab.lex_attr_getters[LIKE_URL] is lexeme_attrs.like_url
    doc = nlp.make_doc("Сайт Жогорку Кенеша http://kenesh.kg, 2023 г.")
    assert [t.shape_ for t in doc] == [spacy_attrs.word_shape(t.text) for t in doc]
    assert [t.shape_ for t in doc][:3] == ["Xxxx", "Xxxxx", "Xxxxx"]
    assert [t.like_url for t in doc] == [spacy_attrs.like_url(t.text) for t in doc]


def test_the_morph_vocabulary_reads_words_as_natashas_own(nlp: Language) -> None:
    """Kenesh's vocabulary names pymorphy2's dictionary by path instead of finding it by entry points."""
    ours, natashas = loading.morph_vocab(), MorphVocab()
    assert ours.dictionary.path == natashas.dictionary.path
    words = sorted({token.text for text in _dev_texts() for token in nlp.make_doc(text) if not token.is_space})
    assert len(words) > 1500
    for word in words:
        assert repr(ours.parse(word)) == repr(natashas.parse(word)), word
    # Readings of one tag share their features, worked out once, but each has its own dict.
    first = ours.parse("стол")[0]
    second = next(form for form in ours.parse("стул") if form.tag == first.tag)
    assert first.feats == second.feats and first.feats is not second.feats


def test_the_morph_vocabulary_lemmatises_as_natasha(nlp: Language) -> None:
    """The lemma of every word of the dev and genre texts with the tagger's own tag, and with tags it did not
    give (a likeness decides), is Natasha's."""
    from natasha.morph.lemma import lemmatize as natasha_lemmatize

    from models.components import natasha as component

    vocab = loading.morph_vocab()
    texts = [*_dev_texts(), *(path.read_text(encoding="utf-8") for path in sorted(CORPUS_GENRE.glob("*.txt"))[:6])]
    asked = set()
    for text in texts:
        doc = nlp.make_doc(text)
        sentences = component._windows([s for s in component._sentences(doc) if s])
        for sentence, tags in zip(sentences, component._raw_morph_tags(sentences), strict=True):
            for word, raw in zip(sentence, tags, strict=True):
                pos, feats, _, _ = component._tag_info(doc.vocab, raw)
                asked.add((word.text, pos, feats))
                asked.add((word.text, "NOUN", (("Case", "Gen"), ("Number", "Plur"))))  # a tag it may not have
                asked.add((word.text, "PROPN", ()))
    assert len(asked) > 5000
    for word, pos, feats in sorted(asked):
        assert vocab.lemmatize(word, pos, dict(feats)) == natasha_lemmatize(vocab, word, pos, dict(feats)), word


def test_pymorphy3_named_by_path_reads_words_as_found_by_entry_points(nlp: Language) -> None:
    """Kenesh's pymorphy3 names its dictionary by path; pymorphy3's own default finds the same one and reads
    every word of the dev texts alike, inflections too."""
    import pymorphy3

    ours, default = loading.morph(), pymorphy3.MorphAnalyzer()
    assert ours.dictionary.path == default.dictionary.path
    assert ours.lang == default.lang == "ru"
    words = sorted({token.text for text in _dev_texts() for token in nlp.make_doc(text) if not token.is_space})
    assert len(words) > 1500
    for word in words:
        mine, theirs = ours.parse(word), default.parse(word)
        assert [(p.word, str(p.tag), p.normal_form, p.score) for p in mine] == [
            (p.word, str(p.tag), p.normal_form, p.score) for p in theirs
        ], word
        inflected = [p.inflect({"nomn"}) for p in mine], [p.inflect({"nomn"}) for p in theirs]
        assert [(f.word, str(f.tag)) if f else None for f in inflected[0]] == [
            (f.word, str(f.tag)) if f else None for f in inflected[1]
        ], word


def test_starting_imports_no_pkg_resources() -> None:
    """Importing setuptools' pkg_resources (pymorphy2's way to find its dictionary) cost 0.1 s of every start."""
    code = "import sys; from models import loading; loading.morph_vocab(); print('pkg_resources' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


def test_name_dictionaries_are_natashas_files() -> None:
    """The persons stage's first names and surnames, taken from Natasha's loaded names grammar, are its files'."""
    from natasha.data import FIRST, LAST, MAYBE_FIRST, load_dict

    from pipelines import person_names

    assert person_names._first_names() == frozenset(load_dict(FIRST)) | frozenset(load_dict(MAYBE_FIRST))
    assert person_names._surnames() == frozenset(load_dict(LAST))
    assert len(person_names._surnames()) > 100_000


def test_spacys_command_line_loads_only_when_used() -> None:
    """Kenesh's pipeline runs without `spacy.cli` (a third of `import spacy`), and `spacy.info` still works."""
    script = (
        "import sys\n"
        "from pipelines.extract import extract_document\n"
        "record = extract_document('Заседание Совета открыл Н.С. Базарбаев 21 сентября 2023 г.'.encode(), 'a.txt')\n"
        "assert record, record\n"
        "assert 'spacy.cli' not in sys.modules, 'spacy.cli imported'\n"
        "import spacy\n"
        "assert spacy.info()['spacy_version'] == spacy.__version__\n"
        "assert 'spacy.cli' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("tagger", list(PLAIN))
def test_packed_encoder_gives_slovnets_encoding(nlp: Language, tagger: str) -> None:
    """A chunk of sentences laid end to end with zero gaps, against slovnet's own embedding and encoder on all
    the sentences as one padded batch (a batch large enough for BLAS's large path, as every chunk is). Bit for bit
    where OpenBLAS runs one kernel for both shapes (AVX2); its AVX-512 kernels sum another order by the matrices'
    shapes, a few units of float32's last place apart."""
    model = getattr(loading, tagger)().infer.model
    plain = PLAIN[tagger](_natasha_embedding()).infer
    sentences = _sentences(nlp)[-150:]  # the longest: one padded batch of slovnet's stays small
    (input,) = plain.encoder.__class__(plain.encoder.words_vocab, plain.encoder.shapes_vocab, len(sentences))(sentences)
    expected = plain.model.encoder(plain.model.emb(input.word_id, input.shape_id), input.pad_mask)
    items = [plain.encoder.item(words) for words in sentences]
    (chunk,) = slovnet_packed.chunks([len(words) for words in sentences], limit=10**6)
    assert chunk.starts[1] == len(sentences[0]) + 1  # one zero position between two sentences
    packed = slovnet_packed.encode(model, chunk, [w for w, _ in items], [s for _, s in items])
    assert packed.shape == (chunk.length, expected.shape[-1]) and packed.dtype == expected.dtype
    gaps = np.ones(chunk.length, dtype=bool)
    for row, (start, size) in enumerate(zip(chunk.starts, chunk.sizes, strict=True)):
        np.testing.assert_allclose(packed[start : start + size], expected[row, :size], rtol=1e-5, atol=1e-5)
        gaps[start : start + size] = False
    assert not packed[gaps].any()


def test_packed_taggers_give_slovnets_tags_heads_and_entities(nlp: Language) -> None:
    """The packed paths over several chunks, against slovnet's own `process` and decoders (its batches of
    eight), sentence by sentence; NER on each document's words as one sequence."""
    sentences = _sentences(nlp)
    assert len(list(slovnet_packed.chunks([len(words) for words in sentences]))) > 1
    morph = PLAIN["morph_tagger"](_natasha_embedding()).infer
    expected_tags = list(morph.decoder(morph.process(morph.encoder(sentences))))
    infer = loading.morph_tagger().infer
    assert slovnet_packed.morph_tags(infer, slovnet_packed.inputs(infer, sentences), "test") == expected_tags
    syntax = PLAIN["syntax_parser"](_natasha_embedding()).infer
    expected_parses = [(h.tolist(), r.tolist()) for h, r in syntax.process(syntax.encoder(sentences))]
    infer = loading.syntax_parser().infer
    parses = slovnet_packed.parses(infer, slovnet_packed.inputs(infer, sentences), "test")
    # The parser decodes a sentence's heads as a tree: where two heads score within float32's last place of each
    # other (AVX-512 BLAS, above), one flip may move several heads of a long sentence; relations never moved.
    assert len(parses) == len(expected_parses)
    alike = sum(parse == expected for parse, expected in zip(parses, expected_parses, strict=True))
    assert alike >= 0.97 * len(parses), (alike, len(parses))
    assert all(parse[1] == expected[1] for parse, expected in zip(parses, expected_parses, strict=True))
    ner = PLAIN["ner_tagger"](_natasha_embedding()).infer
    documents = [[t.text for t in nlp.make_doc(text) if not t.is_space] for text in _dev_texts()]
    expected_entities = list(ner.decoder(ner.process(ner.encoder(documents))))
    infer = loading.ner_tagger().infer
    assert slovnet_packed.ner_tags(infer, slovnet_packed.inputs(infer, documents), "test") == expected_entities
    assert any(tag != "O" for tags in expected_entities for tag in tags)


def test_chunks_hold_whole_sentences_and_groups() -> None:
    chunks = list(slovnet_packed.chunks([3, 4, 2, 10, 1], limit=10))
    assert [(c.indexes, c.starts, c.sizes) for c in chunks] == [
        ([0, 1], [0, 4], [3, 4]),
        ([2], [0], [2]),
        ([3], [0], [10]),  # a sentence as long as a chunk is one
        ([4], [0], [1]),
    ]
    assert all(c.length == slovnet_packed.MIN_ROWS for c in chunks)  # short chunks padded for BLAS's large path
    grouped = list(slovnet_packed.chunks([3, 4, 2, 10, 1], limit=10, group=2))
    assert [c.indexes for c in grouped] == [[0, 1], [2, 3], [4]]  # a group is never split
    assert [c.starts for c in grouped] == [[0, 4], [0, 3], [0]]
    long = list(slovnet_packed.chunks([500] * 9, limit=2048))
    assert [c.indexes for c in long] == [[0, 1, 2, 3], [4, 5, 6, 7], [8]]
    assert long[0].length == 4 * 500 + 3


def test_the_taggers_encode_words_alike_and_regrouped_ids_are_those_of_the_regrouped_words(nlp: Language) -> None:
    """A Doc's words are encoded once for the three taggers: each tagger's own encoder gives the same ids, and
    the morph component's sentences regrouped into NER's sections give the sections' own ids."""
    assert loading.taggers_share_ids()
    sentences = _sentences(nlp)
    infers = [getattr(loading, tagger)().infer for tagger in PLAIN]
    encoded = [slovnet_packed.inputs(infer, sentences) for infer in infers]
    assert encoded[0] == encoded[1] == encoded[2]
    words = [word for sentence in sentences for word in sentence]
    sections = [words[:1000], words[1000:1001], words[1001:]]
    regrouped = encoded[0].regrouped([len(section) for section in sections])
    assert regrouped == slovnet_packed.inputs(infers[2], sections)
    with pytest.raises(ValueError):
        encoded[0].regrouped([len(words) - 1])


def test_doc_slices_are_spacys(nlp: Language) -> None:
    """The slice bounds give spaCy's own for every start and stop in and around a Doc (negative, past the end,
    reversed, missing), and the Docs and Spans of the pipeline cut their slices with them."""
    import spacy.tokens.span
    import spacy.util

    from models.components import doc_slices

    bounds = [None, -30, -11, -10, -9, -5, -1, 0, 1, 4, 5, 9, 10, 11, 30]
    for length in (0, 1, 5, 10):
        for start in bounds:
            for stop in bounds:
                for step in (None, 1):
                    expected = doc_slices._spacy_normalize_slice(length, start, stop, step)
                    assert doc_slices.normalize_slice(length, start, stop, step) == expected, (length, start, stop)
    with pytest.raises(ValueError, match="E057"):
        doc_slices.normalize_slice(10, 0, 5, 2)
    assert spacy.util.normalize_slice is doc_slices.normalize_slice
    assert spacy.tokens.span.normalize_slice is doc_slices.normalize_slice
    doc = nlp.make_doc("Заседание Совета по вопросам миграции открыл председатель Базарбаев")
    assert [doc[1:3].text, doc[-2:].text, doc[5:2].text, doc[6:30].text] == [
        "Совета по",
        "председатель Базарбаев",
        "",
        "председатель Базарбаев",
    ]
    span = doc[1:6]
    assert [span[1:3].text, span[-2:].text, span[3:1].text] == ["по вопросам", "миграции открыл", ""]
    assert (span[1:3].start, span[1:3].end) == (2, 4)
    with pytest.raises(ValueError, match="E057"):
        doc[0:4:2]


def test_the_packs_vocabularies_are_slovnets_own_unpacked_once(nlp: Language) -> None:
    """Each tagger's vocabularies hold what slovnet's own loading gives (items, ids, unknown and padding ids);
    a gzip member is named by its stream only with a plain header, and the same stream is one vocabulary."""
    import gzip
    import tarfile

    from natasha.data import NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
    from slovnet.vocab import Vocab

    for tagger, path in (("morph_tagger", NEWS_MORPH), ("syntax_parser", NEWS_SYNTAX), ("ner_tagger", NEWS_NER)):
        encoder = getattr(loading, tagger)().infer.encoder
        with tarfile.open(path) as tar:
            for member in tar.getmembers():
                if member.name in ("vocabs/word.gz", "vocabs/shape.gz"):
                    file = tar.extractfile(member)
                    assert file is not None
                    own = Vocab(gzip.decompress(file.read()).decode("utf-8").splitlines())
                    loaded = encoder.words_vocab if member.name == "vocabs/word.gz" else encoder.shapes_vocab
                    assert loaded.items == own.items and loaded.item_ids == own.item_ids
                    assert (loaded.unk_id, loaded.pad_id) == (own.unk_id, own.pad_id)
    packed = gzip.compress("<pad>\n<unk>\nслово\nслово".encode(), mtime=0)
    assert loading._packed_stream(packed) == packed[10:]
    assert loading._packed_stream(packed[:3] + b"\x08" + packed[4:]) is None  # a name follows the header
    vocab = loading._vocab(["<pad>", "<unk>", "слово", "слово"])
    assert (vocab.item_ids, vocab.unk_id, vocab.pad_id) == ({"<pad>": 0, "<unk>": 1, "слово": 3}, 1, 0)


def test_ner_spans_from_tags_are_slovnets() -> None:
    """The entities read from the NER tags are slovnet's `bio_spans` of them, for every run of the tagger's tags
    (and odd ones: a B without a type, a tag of no part), the words' bounds read by index."""
    import random
    from collections import namedtuple

    from slovnet.bio import bio_spans

    from models.components.natasha import _bio_spans

    bounds = namedtuple("bounds", "start stop")
    tags_vocab = [*loading.ner_tagger().infer.decoder.tags_vocab.items, "B-", "X"]
    rng = random.Random(15)
    for _ in range(5000):
        size = rng.randint(0, 12)
        tags = [rng.choice(tags_vocab) for _ in range(size)]
        starts = sorted(rng.sample(range(100), size))
        stops = [start + rng.randint(1, 3) for start in starts]
        expected = [(s.start, s.stop, s.type) for s in bio_spans(map(bounds, starts, stops), tags)]
        assert _bio_spans(starts, stops, tags) == expected, tags
    assert _bio_spans([0, 6, 13], [5, 12, 20], ["B-PER", "I-PER", "O"]) == [(0, 12, "PER")]
