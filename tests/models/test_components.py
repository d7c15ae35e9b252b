"""The spaCy spine on its own: each registered component on small real sentences, with the real models."""

from __future__ import annotations

import itertools

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from models import loading
from models.components.natasha import _name_fact, dates, dates_of_text
from models.components.tokenizer import NatashaTokenizer
from pipelines.nlp import PIPELINE
from tests.conftest import CORPUS_DEV

SENTENCE = "Председатель Совета Нурбек Базарбаев выступил в Бишкеке 21 сентября 2023 года."
TWO_SENTENCES = SENTENCE + " Министерство труда Кыргызской Республики поддержало проект."


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp(TWO_SENTENCES)


def _token(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


# ---- the pipeline itself ----


def test_components_are_registered_and_in_order(nlp: Language) -> None:
    assert nlp.pipe_names == list(PIPELINE)
    for name in PIPELINE:
        assert name.startswith("kenesh_") and Language.has_factory(name), name
    assert isinstance(nlp.tokenizer, NatashaTokenizer)


def test_pipeline_is_loaded_once(nlp: Language) -> None:
    from pipelines.nlp import load_nlp

    assert load_nlp() is nlp


# ---- tokenizer: the text survives character for character ----

TEXTS = [
    "Заседание открыл председатель.",
    "  Протокол с пробелами в начале",
    "\n\nПротокол после пустых строк",
    "Текст\tс табом\tи\t\tдвумя табами",
    "и  двумя   пробелами    подряд",
    "строка\nвторая строка\r\nтретья\r\n\r\n\r\nпосле абзаца",
    "в конце пробелы и перевод строки  \n",
    "неразрывный\u00a0пробел и\u2003широкий",
    "Н.С.Базарбаев,ООО«Вектор»—и т.д.",
    " ",
    "\t\n",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_is_the_input(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc.text == text
    for token in doc:
        assert token.is_space or not any(ch.isspace() for ch in token.text), repr(token.text)
        assert doc.text[token.idx : token.idx + len(token.text)] == token.text


@pytest.mark.corpus
def test_tokenizer_keeps_every_corpus_text(nlp: Language) -> None:
    for path in sorted(CORPUS_DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert nlp.make_doc(text).text == text, path.name


def test_sentences(nlp: Language) -> None:
    doc = nlp("Заседание открылось в 10:00. Выступил министр! Вопросы есть?\nПовестка дня утверждена.")
    assert [s.text.strip() for s in doc.sents] == [
        "Заседание открылось в 10:00.",
        "Выступил министр!",
        "Вопросы есть?",
        "Повестка дня утверждена.",
    ]


def test_abbreviations_do_not_end_a_sentence(nlp: Language) -> None:
    doc = nlp("Совет провёл заседание в г. Бишкек, т.е. в столице. Далее выступил Н.С. Базарбаев.")
    assert len(list(doc.sents)) == 2


def test_an_academic_degree_does_not_end_a_sentence(nlp: Language) -> None:
    doc = nlp("Рецензию дал доцент университета, д.и.н. Виктор Ляхов. Совет согласился, к. т. н. Иван Петров тоже.")
    assert len(list(doc.sents)) == 2


# ---- morphology ----


@pytest.mark.parametrize(
    ("word", "pos", "lemma", "feats"),
    [
        ("Председатель", "NOUN", "председатель", {"Case": "Nom", "Number": "Sing"}),
        ("Совета", None, "совет", {"Case": "Gen"}),
        ("выступил", "VERB", "выступить", {"Tense": "Past", "Gender": "Masc"}),
        ("в", "ADP", "в", {}),
        ("Бишкеке", "PROPN", "бишкек", {"Case": "Loc"}),
        ("сентября", "NOUN", "сентябрь", {"Case": "Gen"}),
        ("Кыргызской", "ADJ", "кыргызский", {"Case": "Gen", "Gender": "Fem"}),
        ("поддержало", "VERB", "поддержать", {"Gender": "Neut"}),
        (".", "PUNCT", ".", {}),
    ],
)
def test_pos_morph_lemma(doc: Doc, word: str, pos: str | None, lemma: str, feats: dict[str, str]) -> None:
    token = _token(doc, word)
    if pos is not None:
        assert token.pos_ == pos
    assert token.lemma_ == lemma
    for key, value in feats.items():
        assert token.morph.get(key) == [value], (word, key, str(token.morph))


def test_every_word_has_a_pos_and_a_lemma(doc: Doc) -> None:
    for token in doc:
        if not token.is_space:
            assert token.pos_ and token.lemma_, token.text


# ---- syntax ----


def _assert_tree(doc: Doc) -> None:
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1, (sent.text, [t.text for t in roots])
        assert roots[0].dep_ == "ROOT"
        for token in sent:
            assert sent.start <= token.head.i < sent.end, (token.text, token.head.text)
            # following heads reaches the root: no cycles
            node, steps = token, 0
            while node.head.i != node.i:
                node, steps = node.head, steps + 1
                assert steps <= len(sent)


def test_heads_stay_within_their_sentence(doc: Doc) -> None:
    assert len(list(doc.sents)) == 2
    _assert_tree(doc)


def test_known_dependencies(doc: Doc) -> None:
    verb = _token(doc, "выступил")
    assert verb.dep_ == "ROOT"
    assert _token(doc, "Председатель").head == verb
    assert _token(doc, "Председатель").dep_ == "nsubj"
    assert _token(doc, "Бишкеке").head == verb
    assert _token(doc, "в").head == _token(doc, "Бишкеке")


@pytest.mark.parametrize("text", ["  Текст\n\nс пробелами.\n  Второе   предложение.  \n", "\n", "А.  Б.\r\nВ"])
def test_space_tokens_hang_in_the_tree(nlp: Language, text: str) -> None:
    doc = nlp(text)
    _assert_tree(doc)


# ---- named entities ----


def test_entities(doc: Doc) -> None:
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Нурбек Базарбаев", "PER") in ents
    assert ("Бишкеке", "LOC") in ents
    assert any(label == "ORG" and text.startswith("Министерство труда") for text, label in ents)


def test_entities_of_another_sentence(nlp: Language) -> None:
    doc = nlp("Министр иностранных дел России Сергей Лавров встретился с генсеком ООН в Нью-Йорке.")
    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("России", "LOC"),
        ("Сергей Лавров", "PER"),
        ("ООН", "ORG"),
        ("Нью-Йорке", "LOC"),
    }


def test_entities_do_not_run_over_line_breaks_or_stand_without_letters(nlp: Language) -> None:
    doc = nlp("ПРОТОКОЛ\nзаседания Совета\n\n1. Слушали доклад Министерства\nюстиции.\n2. Решили.")
    for ent in doc.ents:
        assert "\n" not in ent.text
        assert any(ch.isalpha() for ch in ent.text), ent.text


def test_names_with_initials_are_persons(nlp: Language) -> None:
    doc = nlp("Слово предоставили Омурбековой А.С., затем выступил Н.С. Базарбаев.")
    persons = {e.text for e in doc.ents if e.label_ == "PER"}
    assert "Н.С. Базарбаев" in persons


# ---- name facts ----


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (SENTENCE, "Нурбек Базарбаев", ("Нурбек", "Базарбаев", None)),
        ("Далее выступил Н.С. Базарбаев.", "Н.С. Базарбаев", ("Н", "Базарбаев", "С")),
        ("Встреча с Сергеем Викторовичем Лавровым прошла в Москве.", None, (None, "Лавров", None)),
    ],
)
def test_name_facts(nlp: Language, text: str, name: str | None, expected: tuple) -> None:
    doc = nlp(text)
    persons = [e for e in doc.ents if e.label_ == "PER" and (name is None or e.text == name)]
    assert persons, [(e.text, e.label_) for e in doc.ents]
    fact = persons[0]._.name
    assert fact is not None
    first, last, middle = expected
    if first is not None:
        assert fact.first == first
    assert fact.last is not None and fact.last.lower().startswith(last.lower()[:-1])
    if middle is not None:
        assert fact.middle == middle


def test_only_persons_get_a_name(doc: Doc) -> None:
    for ent in doc.ents:
        if ent.label_ != "PER":
            assert ent._.name is None


def test_names_are_parsed_when_read(nlp: Language) -> None:
    """The pipeline runs no names grammar; a PER entity's fact is the grammar's when read."""
    _name_fact.cache_clear()
    doc = nlp(SENTENCE + " Далее выступил Н.С. Базарбаев.")
    assert _name_fact.cache_info().currsize == 0
    persons = [ent for ent in doc.ents if ent.label_ == "PER"]
    assert len(persons) == 2
    for ent in persons:
        match = loading.names_extractor().find(ent.text)
        assert match is not None and ent._.name == match.fact
    assert _name_fact.cache_info().currsize == 2


# ---- dates ----


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (SENTENCE, "21 сентября 2023 года", (2023, 9, 21)),
        ("Совещание 12.05.2020 г. прошло онлайн.", "12.05.2020 г.", (2020, 5, 12)),
        ("Решение принято в мае 2021 г. единогласно.", "мае 2021 г.", (2021, 5, None)),
        ("Заседание назначено на 1 января.", "1 января", (None, 1, 1)),
        ("2019 год был трудным.", "2019 год", (2019, None, None)),
        ("Итоги подведут 31 декабря 2024", "31 декабря 2024", (2024, 12, 31)),
        # An Uzbek site's month in Latin letters.
        ("ФЕРГАНА, 4 Aprel 2026. Прошло собрание.", "4 Aprel 2026", (2026, 4, 4)),
    ],
)
def test_dates(nlp: Language, text: str, span: str, expected: tuple) -> None:
    doc = nlp(text)
    found = list(dates(doc))
    assert [d.text for d in found] == [span]
    fact = found[0]._.date
    assert (fact.year, fact.month, fact.day) == expected
    assert found[0].label_ == "DATE"


def test_no_dates_without_numbers(nlp: Language) -> None:
    doc = nlp("В сентябре совет соберётся снова.")
    assert list(dates(doc)) == []


def _dates_everywhere(text: str, doc: Doc) -> list[tuple[int, int, object]]:
    """What the dates reading finds over the whole text: the reference for the windowed component."""
    found = []
    for start, stop, fact in dates_of_text(text):
        span = doc.char_span(start, stop, alignment_mode="expand")
        if span is not None:
            found.append((span.start_char, span.end_char, fact))
    return found


DENSE = (
    "1. Протокол № 12 от 21.09.2023 г. (2 стр.)\n"
    "2. Заседание 5   октября\n2022 года, тел. 555-12-34, 1 000 сомов, 15 мая, 3 июня 2020 г., "
    "1999 год, 12.12.99, с 1 по 5 марта 2021 года, 2020-2021 гг., в 2019 г. и в мае 2018 г. "
    + "слово " * 30
    + "в 2017 году"
)


def test_dates_around_numbers_match_the_whole_text_extractor(nlp: Language) -> None:
    texts = [DENSE] + [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DEV.glob("*.txt"))]
    for text in texts:
        doc = nlp.make_doc(text)
        found = [(s.start_char, s.end_char, s._.date) for s in dates(doc)]
        assert found == _dates_everywhere(text, doc)


def test_the_dates_of_a_stretch_are_those_of_the_whole_text_in_it(nlp: Language) -> None:
    """`dates(doc, start, end)` parses only the windows that reach into the stretch, on a Doc nobody asked
    before, and finds exactly the dates of the whole text's list that start in it, in the same order."""
    texts = [DENSE] + [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DEV.glob("*.txt"))[:8]]
    checked = 0
    for text in texts:
        everywhere = [(s.start_char, s.end_char, s._.date) for s in dates(nlp.make_doc(text))]
        cuts = sorted({0, len(text)} | {s for s, _, _ in everywhere} | {e - 1 for _, e, _ in everywhere})
        for start, end in itertools.pairwise([*cuts[:: max(len(cuts) // 12, 1)], len(text)]):
            doc = nlp.make_doc(text)  # windows parsed for nothing else
            found = [(s.start_char, s.end_char, s._.date) for s in dates(doc, start, end)]
            assert found == [d for d in everywhere if start <= d[0] < end], (start, end)
            after = [(s.start_char, s.end_char, s._.date) for s in dates(doc, start)]
            assert after == [d for d in everywhere if d[0] >= start]
            checked += bool(found)
    assert checked > 20


def test_a_month_name_the_grammar_cannot_read_is_no_date(nlp: Language) -> None:
    """Natasha's extractor raised KeyError on «к маю 2020 г.» (the month's name normalised as a form of
    «маять»), and the extraction of the whole document with it; that match is left out, the others stay."""
    found = [
        (s.text, s._.date.year, s._.date.month, s._.date.day) for s in dates(nlp("К маю 2020 г. и 1 июня 2021 г."))
    ]
    assert found == [("1 июня 2021 г.", 2021, 6, 1)]


def test_dates_with_a_day_and_a_month_are_those_of_the_whole_list(nlp: Language) -> None:
    """Windows without a month's name or a «21.09» are not parsed for them, and no such date is lost."""
    texts = [DENSE, "В 2019 году выросло на 2,5 процента, к маю 2020 г. и в марте.", "С 1 мая. И 12.5 тонн."]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DEV.glob("*.txt"))]
    skipped = 0
    for text in texts:
        expected = [
            (s.start_char, s.end_char, s._.date) for s in dates(nlp.make_doc(text)) if s._.date.day and s._.date.month
        ]
        doc = nlp.make_doc(text)
        assert [(s.start_char, s.end_char, s._.date) for s in dates(doc, day_and_month=True)] == expected
        windows, parsed = doc.user_data["kenesh_dates"]
        skipped += len(windows) - len(parsed)
    assert skipped > 5


def test_dates_are_parsed_only_where_asked(nlp: Language) -> None:
    """The grammar runs on no window before the first read, and a read of the first date leaves the later
    windows unparsed."""
    doc = nlp(DENSE)
    assert "kenesh_dates" not in doc.user_data
    first = next(dates(doc))
    windows, parsed = doc.user_data["kenesh_dates"]
    assert first.text == "21.09.2023 г." and list(parsed) == [0] and len(windows) == 2
    assert [span.text for span in dates(doc, windows[1][0])] == ["2017 году"] and list(parsed) == [0, 1]


def test_empty_text(nlp: Language) -> None:
    doc = nlp("")
    assert len(doc) == 0 and not doc.ents and list(dates(doc)) == []


def test_cached_readings_give_natasha_s_own_name_and_date_facts(nlp: Language) -> None:
    """The extractors with the per-word cache of yargy readings find what Natasha's own, built anew, finds:
    the cache changes when a word's readings are made, not what they are (and a reading is never changed)."""
    from natasha import DatesExtractor, MorphVocab, NamesExtractor

    vocab = MorphVocab()
    names, dates = NamesExtractor(vocab), DatesExtractor(vocab)
    texts = [DENSE] + [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DEV.glob("*.txt"))[:6]]
    people = 0
    for text in texts:
        assert list(loading.dates_extractor()(text)) == list(dates(text))
        for ent in nlp(text).ents:
            if ent.label_ == "PER":
                people += 1
                # Twice: the second time every word's readings come from the cache.
                for _ in range(2):
                    assert loading.names_extractor().find(ent.text) == names.find(ent.text)
    assert people > 20
    assert loading.yargy_forms().__call__.cache_info().hits > 0
