"""The components' and stages' cheaper paths (arrays instead of Token objects, memos, a scan instead of spaCy's
Matcher) give what the plain spaCy path gives, on real documents of corpus-dev and corpus-genre."""

from __future__ import annotations

import random
from functools import cache

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from models.components import natasha, tokenizer
from models.components.extensions import sentence_of, token_texts
from models.components.initials import INITIALS_FIRST, SURNAME_FIRST, matches
from models.grammars import issues
from models.linker import features
from pipelines.nlp import analyse
from pipelines.stages.topics import _INSTITUTION, _INSTITUTION_PHRASE, _NAME_PART, _SET_PHRASES, _content_words
from tests.conftest import CORPUS_DEV, CORPUS_GENRE

# Initials in every arrangement the patterns know, and near misses (no dot, a lower-case word, an abbreviation).
INITIALS_TEXT = (
    "Н.С. Базарбаев и Омурбекова А.С. выступили. И. Иванов, Петров П. и А.Б.В. Сидоров. "
    "КР Н.С. Ким-Ли; ЕАЭС А. и. петров. А. МИД Б.В. ИВАНОВА Г. Д.Е. Жуков Ж.\nЗ. И.К.Л.М. Нурланов"
)


@cache
def _texts() -> tuple[str, ...]:
    paths = sorted(CORPUS_DEV.glob("*.txt"))[:6] + sorted(CORPUS_GENRE.glob("*.txt"))[:6]
    return (INITIALS_TEXT, *(path.read_text(encoding="utf-8") for path in paths))


@cache
def _docs() -> tuple[Doc, ...]:
    return tuple(analyse(text) for text in _texts())


def test_initials_scan_finds_what_spacys_matcher_finds(nlp: Language) -> None:
    matcher = Matcher(nlp.vocab)
    matcher.add("INITIALS_FIRST", INITIALS_FIRST)
    matcher.add("SURNAME_FIRST", SURNAME_FIRST)
    found = 0
    for text in _texts():
        doc = nlp.make_doc(text)
        expected = sorted((nlp.vocab.strings[m], start, end) for m, start, end in matcher(doc))
        assert sorted(matches([t.text for t in doc])) == expected
        found += len(expected)
    assert found > 20


def test_sentence_words_are_those_of_doc_sents(nlp: Language) -> None:
    for text in _texts():
        for doc in (nlp.make_doc(text), analyse(text)):  # the tokenizer's sentences, and the parse's
            plain = [[(t.i, t.text) for t in sent if not t.is_space] for sent in doc.sents]
            assert [[(w.i, w.text) for w in sent] for sent in natasha._sentences(doc)] == plain


def test_morph_component_writes_what_the_per_word_path_writes(nlp: Language) -> None:
    for text in _texts():
        doc = natasha.morph_component(nlp.make_doc(text))
        expected = doc.to_array([POS, MORPH, LEMMA]).copy()
        sents = natasha._windows([s for s in natasha._sentences(nlp.make_doc(text)) if s])
        for sent, tags in zip(sents, natasha._raw_morph_tags(sents), strict=True):
            for word, raw in zip(sent, tags, strict=True):
                pos, feats, pos_id, morph_hash = natasha._tag_info(nlp.vocab, raw)  # the path before the memo
                lemma = nlp.vocab.strings.add(natasha._lemma(word.text, pos, feats))
                assert tuple(expected[word.i]) == (pos_id, morph_hash, lemma)
        assert np.array_equal(expected, natasha.morph_component(nlp.make_doc(text)).to_array([POS, MORPH, LEMMA]))


def test_sentence_of_is_the_tokens_sent() -> None:
    for doc in _docs():
        for token in doc:
            sent = sentence_of(doc, token.i)
            assert (sent.start, sent.end) == (token.sent.start, token.sent.end)


def test_token_texts_are_the_tokens_texts() -> None:
    for doc in _docs():
        assert token_texts(doc) == [t.text for t in doc]


def test_content_words_are_read_as_from_tokens() -> None:
    for doc in _docs():
        expected = [
            (t.idx, (t.lemma_ or t.lower_).lower().replace("ё", "е"))
            for t in doc
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and any(ch.isalpha() for ch in t.text)
        ]
        offsets, lemmas = _content_words(doc)
        assert offsets == [idx for idx, _ in expected]
        plain = [lemma for _, lemma in expected]
        for i in range(1, len(plain)):  # the set phrases the stage reads as one meaning
            pair = (plain[i - 1], plain[i])
            if pair in _SET_PHRASES:
                plain[i] = _SET_PHRASES[pair]
            elif pair == _INSTITUTION_PHRASE:
                plain[i - 1], plain[i] = _NAME_PART, _INSTITUTION
        assert lemmas == plain
        assert _content_words(doc) == (offsets, lemmas)  # from the memos, the same again


def _split_token_by_token(span: Span) -> list[Span]:
    """The walk over every token of the span that the bisection over line-break tokens replaced."""
    pieces, start = [], span.start
    for token in span:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                pieces.append(Span(span.doc, start, token.i, label=span.label))
            start = token.i + 1
    if start < span.end:
        pieces.append(Span(span.doc, start, span.end, label=span.label))
    return [piece for piece in pieces if any(ch.isalpha() for ch in piece.text)]


def test_entities_split_at_line_breaks_as_by_a_walk_over_tokens() -> None:
    split = 0
    for doc in _docs():
        breaks = [t.i for t in doc if t.is_space and "\n" in t.text]
        for ent in doc.ents:  # each entity, and the entity with a few tokens either side (across line breaks)
            for start, end in ((ent.start, ent.end), (max(ent.start - 4, 0), min(ent.end + 4, len(doc)))):
                span = Span(doc, start, end, label=ent.label)
                expected = [(p.start, p.end, p.label_) for p in _split_token_by_token(span)]
                assert [(p.start, p.end, p.label_) for p in natasha._split_at_line_breaks(span, breaks)] == expected
                split += len(expected) > 1
    assert split > 20


def _heads_and_deps_item_by_item(doc: Doc) -> np.ndarray:
    """The syntax component's HEAD and DEP columns written item by item into numpy arrays (the path before the
    lists), from the same parses."""
    sents = [s for s in natasha._sentences(doc) if s]
    parses = iter(natasha._raw_parses(natasha._windows(sents)))
    heads = np.zeros(len(doc), dtype="int32")
    deps = np.zeros(len(doc), dtype="uint64")
    strings = doc.vocab.strings
    parsed = np.zeros(len(doc), dtype=bool)
    for sent in sents:
        local: list[int] = []
        rels: list[str] = []
        for offset in range(0, len(sent), natasha.SENTENCE_WINDOW):
            head_ids, piece_rels = next(parses)
            local.extend(h - 1 + offset if 0 < h <= len(head_ids) else -1 for h in head_ids)
            rels.extend(piece_rels)
        local = natasha._single_root(natasha._break_cycles(local))
        for position, (word, parsed_rel) in enumerate(zip(sent, rels, strict=True)):
            head = sent[local[position]].i if local[position] >= 0 else word.i
            heads[word.i] = head - word.i
            rel = "ROOT" if head == word.i else "parataxis" if parsed_rel == "root" else parsed_rel
            deps[word.i] = strings.add(rel)
            parsed[word.i] = True
    last = None
    first = np.flatnonzero(parsed)
    first_word = int(first[0]) if len(first) else None
    for i in range(len(doc)):
        if parsed[i]:
            last = i
            continue
        target = last if last is not None else first_word
        heads[i] = (target - i) if target is not None else 0
        deps[i] = strings.add("dep" if target is not None else "ROOT")
    return np.stack([heads.astype("uint64"), deps], axis=1)


def test_syntax_component_writes_what_the_item_by_item_path_writes(nlp: Language) -> None:
    for text in (*_texts(), "", "   \n ", "Слово.\n\n  Второе предложение здесь."):
        tagged = natasha.morph_component(nlp.make_doc(text))
        expected = _heads_and_deps_item_by_item(tagged)
        doc = natasha.syntax_component(natasha.morph_component(nlp.make_doc(text)))
        assert np.array_equal(doc.to_array([HEAD, DEP]), expected), text[:80]


def _tree_distance_by_tokens(a: Token, b: Token) -> int:
    """The linker's path length as it was read from Token objects."""

    def ancestors(token: Token) -> list[Token]:
        chain = [token]
        while chain[-1].head.i != chain[-1].i and len(chain) < features._MAX_DEPTH:
            chain.append(chain[-1].head)
        return chain

    up_a = {t.i: n for n, t in enumerate(ancestors(a))}
    for n, t in enumerate(ancestors(b)):
        if t.i in up_a:
            return up_a[t.i] + n
    return 2 * features._MAX_DEPTH


def test_linker_features_from_arrays_are_those_read_from_tokens() -> None:
    """Path lengths and the gap's counts read from the Doc's arrays are those of its Tokens: every pair of an
    entity and a word after it within 12 words, on real documents."""
    pairs = 0
    for doc in _docs():
        for ent in doc.ents:
            for i in range(ent.end, min(ent.end + 12, len(doc))):
                word = doc[i]
                assert features.tree_distance(ent.root, word) == _tree_distance_by_tokens(ent.root, word)
                gap = doc[ent.end : i]
                found = features._gap_features(doc, gap, "")
                begins = [t for t in gap if t.ent_iob_ == "B"]
                assert found["gap_per"] == min(sum(t.ent_type_ == "PER" for t in begins), 3)
                assert found["gap_org"] == min(sum(t.ent_type_ == "ORG" for t in begins), 3)
                assert found["gap_verb"] == float(any(t.pos_ == "VERB" for t in gap))
                assert found["gap_comma"] == min([t.text for t in gap].count(","), 3)
                pairs += 1
    assert pairs > 1000


# Boundaries razdel's rules decide (dashes, floats, fractions, punctuation runs, smiles, «yahoo!»), and none.
_TOKENIZER_EDGES = (
    "",
    " ",
    "\n\n\t",
    "a",
    "1.5 и 1,5, -1.5% и 3/4",
    "т.е. и т. е., Нью-Йорк, 3-х, из-за",
    "yahoo! :-) ... ?! «»(( ))",
    "a_b __ -- — – ‐",
    "Н.С.Базарбаев, ул.Ленина,д.5",
)


def test_tokens_are_razdels() -> None:
    # Split records made only where no whitespace parts two atoms: razdel's tokens and offsets all the same.
    rnd = random.Random(15)
    alphabet = "аб вг.,-–—/\\'\"«»()12 5\n\t\u00a0xyzЯЁё!?…:;_+=%№$*@#<>[]{}"
    noise = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 60))) for _ in range(500)]
    for text in (*_texts(), *_TOKENIZER_EDGES, *noise):
        assert list(tokenizer._tokens(text)) == list(tokenizer._razdel_tokens(text))


class _Everything:
    def __contains__(self, _item: object) -> bool:
        return True


def test_issue_candidates_skip_only_words_no_rule_starts_from(monkeypatch: pytest.MonkeyPatch) -> None:
    # Verbs are passed over by their lemma, nouns by theirs and their head's, before a Token is made for them: the
    # same candidates as when every verb and noun goes through the rules.
    docs = [
        *_docs(),
        analyse(
            "Где не завершена замена насосов, сохраняется нехватка учителей. Речь шла о парке. Вопрос о парке обсудили."
        ),
        # a rule for each kind of verb: asking, complaining, proposing, electing
        analyse(
            "Депутат Ким спросил о сроках ремонта моста. Жители пожаловались на перебои с водой. Аким раскритиковал"
            " подрядчика за срыв сроков. Предложено увеличить число автобусов. Секретарём избрали Ивана Петрова."
        ),
    ]
    skipping = [list(issues.candidates(doc)) for doc in docs]
    monkeypatch.setattr(issues, "_starting_nouns", _Everything)
    monkeypatch.setattr(issues, "_starting_verbs", _Everything)
    assert skipping == [list(issues.candidates(doc)) for doc in docs]
    assert any(skipping)
