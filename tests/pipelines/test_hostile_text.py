"""Hostile texts (corpus/hostile/texts.py, issue 14) at sizes a test can afford: every step bounded.

No wall clock here: each test checks the structure that keeps a step linear (the parser is never given
more than a window, the sentence splitter's rules never see the whole sentence, the time limit is
checked inside the loops) and that the linear form finds what the quadratic one found.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from razdel import sentenize

from corpus.hostile.texts import TEXTS, initials, nested_quotes, no_spaces, one_sentence, present_lines
from models import slovnet_packed
from models.checkpoints import checkpoints
from models.components import natasha
from models.components.tokenizer import _SentenceSegmenter
from models.grammars import organizations as org_grammar
from pipelines import body_identity
from pipelines.cleaning import RULES, clean
from pipelines.deadline import document_deadline
from pipelines.errors import LimitExceeded
from pipelines.extract import extract_bytes
from pipelines.layouts import find_sections
from pipelines.limits import MAX_INPUT_BYTES
from pipelines.nlp import analyse, load_nlp

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = sorted((ROOT / "corpus" / "synthetic").glob("*.txt"))
BY_NAME = {t.name: t for t in TEXTS}

# The look-alike rule as it was: from every letter of a word its look-ahead scanned to the word's end.
_QUADRATIC_LOOKALIKES = re.compile(
    r"(?=[0-9a-zA-Zа-яёА-ЯЁ]*[0-9a-zA-Z])[0-9a-zA-Zа-яёА-ЯЁ]*[а-яёА-ЯЁ][0-9a-zA-Zа-яёА-ЯЁ]*"
)


class _Spy:
    """Wraps the packed encoder (`models.slovnet_packed.encode`) and records, per model, the length of every
    sequence (sentence, window or section) each chunk gives it."""

    def __init__(self, encode: Callable[..., np.ndarray]) -> None:
        self.encode = encode
        self.lengths: dict[str, list[int]] = {}

    def __call__(self, model: object, chunk: slovnet_packed.Chunk, *args: object) -> np.ndarray:
        self.lengths.setdefault(type(model).__name__, []).extend(chunk.sizes)
        return self.encode(model, chunk, *args)


def _noisy(rng: random.Random, words: int) -> str:
    alphabet = "абвгдеклмнопрстуАБВЕКМНОРСТХaceopxyABEHKMOPTX0123456789 ,.-«»\n"
    return "".join(rng.choice(alphabet) for _ in range(words))


# --- cleaning -----------------------------------------------------------------------------------


def test_the_lookalike_rule_finds_what_the_quadratic_one_found() -> None:
    rule = next(r for r in RULES if r.name == "lookalikes")
    rng = random.Random(14)
    texts = [p.read_text(encoding="utf-8") for p in SYNTHETIC] + [_noisy(rng, 3000) for _ in range(30)]
    texts += ["Бишкeк 3аседание к0миссия Су30 300лет " * 20, no_spaces(2000) + "e" + no_spaces(100)]
    for text in texts:
        old = [m.span() for m in _QUADRATIC_LOOKALIKES.finditer(text)]
        assert [m.span() for m in rule.pattern.finditer(text)] == old


def test_the_lookalike_rule_starts_only_where_a_word_starts() -> None:
    rule = next(r for r in RULES if r.name == "lookalikes")
    word = no_spaces(3000) + "e"
    # Anchored: no match can begin inside the word, so the look-ahead runs once per word, not per letter.
    assert all(rule.pattern.match(word, i) is None for i in range(1, len(word), 97))
    assert [m.span() for m in rule.pattern.finditer(word)] == [(0, len(word))]


def test_the_page_furniture_rule_starts_only_after_a_text_line() -> None:
    rule = next(r for r in RULES if r.name == "page_furniture")
    text = "текст" + "\n" * 3000 + "- 2 -\n" + " \n" * 3000 + "продолжение"
    # Anchored after a line's last character: a run of blank lines is read once, not once from each of its newlines.
    assert all(rule.pattern.match(text, i) is None for i in range(6, len(text), 97))
    assert [m.span() for m in rule.pattern.finditer(text)] == [(5, len(text) - len("продолжение"))]


def test_cleaning_checks_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KENESH_DOCUMENT_SECONDS", "0")
    with document_deadline(), pytest.raises(LimitExceeded, match="stopped at cleaning"):
        clean(no_spaces(20_000))


# --- tokenizer and sentences ---------------------------------------------------------------------


def test_the_sentence_splitter_splits_as_razdel() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SYNTHETIC]
    texts += [initials(300), present_lines(3000), nested_quotes(300), "1. Пункт.\n2. Пункт. а) б) в)"]
    for text in texts:
        ours = [(s.start, s.stop) for s in _SentenceSegmenter()(text)]
        assert ours == [(s.start, s.stop) for s in sentenize(text)]


def test_the_sentence_splitters_rules_never_see_the_whole_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    segmenter = _SentenceSegmenter()
    join = segmenter.join

    def spy(split):
        seen.append(len(split.buffer))
        return join(split)

    monkeypatch.setattr(segmenter, "join", spy)
    text = initials(2000)  # one sentence of 26k characters and 4,000 possible breaks
    assert [(s.start, s.stop) for s in segmenter(text)] == [(0, len(text.rstrip()))]
    assert len(seen) > 3000
    # razdel handed its rules the sentence so far, copied at every break: 26k characters at the end.
    assert max(seen) < 100


def test_the_time_limit_is_checked_inside_the_tokenizer() -> None:
    calls: list[str] = []

    def stop_at_second(step: str) -> None:
        calls.append(step)
        if len(calls) == 2:
            raise LimitExceeded(f"stopped at {step}")

    with checkpoints(stop_at_second), pytest.raises(LimitExceeded, match="tokenizer"):
        load_nlp().make_doc(initials(5000))


# --- the taggers: windows and sections ----------------------------------------------------------


def test_the_parser_and_tagger_never_get_more_than_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _Spy(slovnet_packed.encode)
    monkeypatch.setattr(slovnet_packed, "encode", spy)
    text = one_sentence(1500)
    doc = analyse(text)
    for model in ("Syntax", "Morph"):
        assert max(spy.lengths[model]) <= natasha.SENTENCE_WINDOW
        assert sum(spy.lengths[model]) == sum(not t.is_space for t in doc)
    # The windows are one tree again: the sentence stays one sentence, every token in it.
    sentences = list(doc.sents)
    assert len(sentences) == 1 and doc.text == text


def test_ner_reads_sections_of_whole_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _Spy(slovnet_packed.encode)
    monkeypatch.setattr(slovnet_packed, "encode", spy)
    monkeypatch.setattr(natasha, "NER_SECTION", 300)
    text = "\n".join(p.read_text(encoding="utf-8") for p in SYNTHETIC[:2])
    doc = analyse(text)
    words = sum(not t.is_space for t in doc)
    assert words > 600 and max(spy.lengths["NER"]) <= 300 and sum(spy.lengths["NER"]) == words
    assert any(e.label_ == "PER" for e in doc.ents)


def test_ner_sections_cut_only_a_sentence_longer_than_a_section() -> None:
    assert natasha._sections([100, 200, 150, 50], 300) == [300, 200]
    assert natasha._sections([100, 700, 20], 300) == [100, 300, 300, 120]
    assert natasha._sections([], 300) == []


def test_the_time_limit_is_checked_between_a_components_batches() -> None:
    steps: list[str] = []

    def stop_in_syntax(step: str) -> None:
        steps.append(step)
        if step == "nlp kenesh_syntax":
            raise LimitExceeded(step)

    # Long enough for several chunks of the packed encoder (`models.slovnet_packed.CHUNK` positions each).
    with checkpoints(stop_in_syntax), pytest.raises(LimitExceeded, match="kenesh_syntax"):
        analyse(one_sentence(3 * slovnet_packed.CHUNK))
    # Stopped at the first chunk of the parser, after the tagger had checked in at each of its own.
    assert steps.count("nlp kenesh_morph") > 1 and steps.count("nlp kenesh_syntax") == 1


def _quadratic_break_cycles(heads: list[int]) -> list[int]:
    heads = list(heads)
    for start in range(len(heads)):
        seen = set()
        node = start
        while node >= 0 and node not in seen:
            seen.add(node)
            node = heads[node]
        if node >= 0:
            heads[node] = -1
    return heads


def test_cycles_are_cut_as_before_in_one_walk() -> None:
    rng = random.Random(14)
    for size in (1, 2, 5, 30, 200):
        for _ in range(200):
            heads = [rng.randrange(-1, size) for _ in range(size)]
            assert natasha._break_cycles(heads) == _quadratic_break_cycles(heads)


def test_spacy_max_length_covers_the_byte_limit() -> None:
    assert load_nlp().max_length >= MAX_INPUT_BYTES


# --- stages -------------------------------------------------------------------------------------


def test_a_list_of_thousands_of_one_name_is_one_person() -> None:
    record = extract_bytes(initials(2000).encode())
    ivanov = [p for p in record.persons if p.surname == "Иванов"]
    assert len(ivanov) == 1 and len(ivanov[0].mentions) == 2000


def test_ten_thousand_section_headers_each_end_at_the_next() -> None:
    text = present_lines(10 * 16)
    sections = find_sections(text)
    assert len(sections) == 10
    assert all(a.end <= b.line for a, b in itertools.pairwise(sections))
    text = present_lines(10_000 * 16)
    assert len(find_sections(text)) == 10_000


@pytest.mark.parametrize("name", [t.name for t in TEXTS if t.name != "long"])
def test_each_hostile_text_gives_a_record_whose_spans_fit(name: str) -> None:
    text = BY_NAME[name].make(BY_NAME[name].small)
    record = extract_bytes(text.encode())
    for entry in (*record.persons, *record.organizations, *record.locations):
        for mention in entry.mentions:
            assert text[mention.start : mention.end] == mention.text


def _bodies(names: list[str]) -> list[body_identity.Body]:
    lex = org_grammar.lexicon()
    bodies = []
    for name in names:
        words = body_identity.lemmas(name, lex.legal_forms) or body_identity.lemmas(name)
        head = next((w for w in words if w in lex.heads), None)
        bodies.append(body_identity.Body(name, words, head, name.isupper()))
    return bodies


def test_the_merge_index_misses_no_pair_the_pairwise_test_accepts() -> None:
    names = [
        "Министерство труда и социальной защиты",
        "Минтруд",
        "Совет Безопасности",
        "Совбез ООН",
        "Государственный совет",
        "Госсовет",
        "Европейский центральный банк",
        "ЕЦБ",
        "Социал-демократическая партия Кыргызстана",
        "СДПК",
        "ОО «Ресурсный центр для пожилых»",
        "Ресурсный центр для пожилых",
        "Генеральная Ассамблея ООН",
        "Генассамблея",
        "Правительство",
        "Правительство Москвы",
        "Правительство Бишкека",
        "-Тест компания",
        "Т",
        "Жогорку Кенеш",
        "Кенеш",
    ]
    bodies = _bodies(names)
    index = body_identity.Candidates(bodies)
    for short in bodies:
        pairwise = {j for j, long in enumerate(bodies) if body_identity.absorbs(long, short)}
        assert pairwise <= set(index.of(short)), short.name
    assert any(body_identity.absorbs(long, short) for short in bodies for long in bodies)


def test_no_stage_joins_the_whole_text_per_item() -> None:
    """spaCy's `doc.text` joins every token anew on each read: read once per mention or person it made the
    membership and persons stages quadratic in a long document (session 8: 12.8 s of one 484 kchar document).
    The stages read `doc_text(doc)`, joined once per Doc."""
    stages = Path(__file__).resolve().parents[2] / "pipelines" / "stages"
    reads = {
        f"{path.name}:{number}"
        for path in sorted(stages.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bdoc\.text\b", line.split("#", 1)[0])
    }
    assert reads == set()


# The byline's dateline as it was: two `.*` in one pattern, which backtracks on a long line of digits and dashes.
_QUADRATIC_DATELINE = re.compile(r"\d.*\s[-–—]\s.*,\s*$")


def test_the_bylines_dateline_reads_as_the_backtracking_pattern_did() -> None:
    from pipelines.bylines import _dateline

    rng = random.Random(20)
    alphabet = ["1", "4", " ", "-", "–", ",", "Б", "к", ".", ":"]
    lines = ["14:38, 30 сентября 2019, Бишкек - 24.kg , ", "Бишкек - 24.kg , ", "14:38, Бишкек, "]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30))) for _ in range(5000)]
    for line in lines:
        assert _dateline(line) == bool(_QUADRATIC_DATELINE.search(line)), line


# --- meeting and issues: one search per text, not one per place or candidate --------------------


def _places_first_sentence() -> str:
    """One first sentence of 400 places, a blank line halfway: a headline without a full stop run into its lead."""
    first = " ".join(["депутаты собрались в Оше,"] * 199)
    second = " ".join(["совещание прошло в Оше,"] * 200)
    return f"Депутаты собрались в Оше, {first}\n\n{second} и всё."


def test_a_place_in_the_first_sentence_is_told_its_paragraph_without_a_search(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.stages.meeting import tier

    doc = analyse(_places_first_sentence())
    headline = tier.Headline.of(doc)
    assert headline is not None and len(headline.span) == len(doc)
    searches: list[tuple[object, ...]] = []
    breaks = tier._PARAGRAPH_BREAK

    class _Spy:
        def search(self, *args: object) -> object:
            searches.append(args)
            return breaks.search(*args)

    monkeypatch.setattr(tier, "_PARAGRAPH_BREAK", _Spy())
    answers = []
    for token in (t for t in doc if t.text == "Оше"):
        place = doc[token.i : token.i + 1]
        # The search the check ran for each place, from the sentence's start to the place.
        broken = breaks.search(doc.text, headline.span.start_char, place.start_char) is not None
        answers.append(tier._in_headline(place, headline, first_paragraph=True))
        assert answers[-1] is not broken
        assert tier._in_headline(place, headline, first_paragraph=False) is broken
    assert searches == [] and answers.count(True) == answers.count(False) == 200


def test_a_headlines_issue_finds_the_end_of_its_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.stages import issues

    finds: list[int] = []

    def counting_cache(find: Callable[[int], int]) -> Callable[[int], int]:
        def counted(position: int) -> int:
            finds.append(position)
            return find(position)

        return functools.cache(counted)

    monkeypatch.setattr(issues, "cache", counting_cache)
    # A headline's question, then one long line of fuller wordings of it: each once read the line to its end.
    body = " ".join(["Об исполнении районного бюджета за первое полугодие доложила Иванова."] * 300)
    record = extract_bytes(f"Кенгаш обсудил исполнение бюджета\n\n{body}\n".encode())
    assert record.issues and finds and len(finds) == len(set(finds))


def test_a_titles_walk_to_the_taggers_name_stops_at_the_titles_start() -> None:
    from spacy.tokens import Doc, Span

    from pipelines.stages import positions

    words = ["сенатор", "Олий", "Мажлиса", "Республики", "Узбекистан", "и", "Совета", "Федерации", "России"] * 50
    doc = Doc(load_nlp().vocab, words=words)
    doc.ents = [Span(doc, 1, 200, label="ORG"), Span(doc, 205, 300, label="LOC"), Span(doc, 310, 320, label="PER")]

    def unbounded(i: int) -> int | None:  # the walk as it was: back to the name's first token, however far
        if doc[i].ent_iob_ != "I" or doc[i].ent_type_ not in ("ORG", "LOC"):
            return None
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        return i

    for i in range(len(doc)):
        for floor in range(0, i + 1, 7):
            begin, old = positions._entity_begin(doc, i, floor), unbounded(i)
            # The caller reads only whether the name begins after the title's start, and where it does.
            assert (begin is None) == (old is None)
            assert old is None or (begin if begin > floor else None) == (old if old > floor else None)
            assert begin is None or i - begin <= i - floor


def test_a_bodys_town_is_sought_among_the_place_adjectives_read_once_per_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.body_identity import Body
    from pipelines.stages.organizations import filters

    # Many one-word bodies and many place adjectives: the check walked the whole text once per body.
    text = " ".join(f"Совет Бирского района обсудил отчёт {name}." for name in ("Бирск", "Янаул", "Мелеуз") * 150)
    doc = analyse(text)
    walked: list[bool] = []
    stems = filters._place_adjective_stems

    def _spy(doc_: object) -> frozenset[str]:
        walked.append("kenesh_place_adjective_stems" not in doc.user_data)
        return stems(doc_)

    monkeypatch.setattr(filters, "_place_adjective_stems", _spy)
    answers = {
        name: filters._town_of_place_adjective(
            doc, Body(name=name, words=(name.lower(),), head=None, abbreviation=False)
        )
        for name in ("Бирск", "Янаул", "Мелеуз", "Комрат") * 50
    }
    assert answers == {"Бирск": True, "Янаул": False, "Мелеуз": False, "Комрат": False}
    assert walked.count(True) == 1 and len(walked) == 200


def test_a_long_line_of_capitals_is_read_into_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.stages.organizations import shouted

    # One line of shouted abbreviations and no newline: each reading's test read the whole line into words again.
    doc = analyse(" ".join(["МВД ФСБ ГКНБ"] * 150) + "\nПРОТОКОЛ\nСовет обсудил отчёт МВД.")
    finds: list[str] = []
    word = shouted.WORD

    class _Spy:
        def findall(self, text: str) -> list[str]:
            finds.append(text)
            return word.findall(text)

    monkeypatch.setattr(shouted, "WORD", _Spy())
    lines = [shouted._line_words(doc, token) for token in doc if token.is_alpha]
    assert len(finds) == 3 and len(lines) == 450 + 1 + 4
    assert lines[0] == ["МВД", "ФСБ", "ГКНБ"] * 150 and lines[450] == ["ПРОТОКОЛ"]
    assert lines[-1] == ["Совет", "обсудил", "отчёт", "МВД"]


def test_letters_after_an_abbreviation_are_sought_before_the_full_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.body_identity import Body
    from pipelines.findings import TextSpan
    from pipelines.stages.organizations import same_body

    # Hundreds of abbreviations and hundreds of bodies named in full: each abbreviation walked every full name.
    names = [f"{a}{b}{c}" for a in "АБВГД" for b in "ЕЖЗИК" for c in "ЛМНОП"][:120]
    text = " ".join(f"{n} и ГО." for n in names[:2]) + " " + " ".join(f"{n} и {n}." for n in names[2:])
    bodies: list[Body] = []
    for name in names:
        start = text.index(f"{name} и ")
        bodies.append(Body(name, (name.lower(),), None, True, mentions=[TextSpan(start, start + len(name))]))
    fulls = [(Body(f"Совет номер {i}", ("совет",), "совет", False), ["совет"]) for i in range(300)]
    calls: list[str] = []
    abbreviates = same_body.abbreviates

    def _spy(short: str, full: str) -> bool:
        calls.append(short)
        return abbreviates(short, full)

    monkeypatch.setattr(same_body, "abbreviates", _spy)
    known = {b.name.lower() for b in bodies}
    for body in bodies:
        same_body._join_remit_letters(text, body, fulls, known)
    assert [b.name for b in bodies[:3]] == [f"{names[0]} и ГО", f"{names[1]} и ГО", names[2]]
    assert len(calls) == 2 * len(fulls)


def _ministry_as_it_was(name: str, organizations: tuple[object, ...]) -> str | None:
    """`positions._known_ministry` as it was: every form of every organization compared, per ministry's title."""
    from pipelines.person_names import fold
    from pipelines.stages.positions import _WORD

    stems = [fold(w)[:5] for w in _WORD.findall(name)]
    complement = stems[1] if len(stems) > 1 else ""
    same = [
        (len(set(words) & set(stems)) - len(set(words) - set(stems)), org.name)
        for org in organizations
        for form in (org.name, *org.aliases)
        if len(words := [fold(w)[:5] for w in _WORD.findall(form)]) >= 2 and words[:2] == stems[:2]
    ]
    if same:
        return max(same, key=lambda found: found[0])[1]
    for org in organizations:
        for form in (org.name, *org.aliases):
            words = [fold(w)[:5] for w in _WORD.findall(form)]
            short = fold(_WORD.findall(form)[0]) if words else ""
            contraction = len(words) in (1, 2) and short.startswith("мин") and len(short) > 5 and complement
            if contraction and complement.startswith(short[3:][:4]):
                return org.name
    return None


def test_a_ministrys_title_finds_its_ministry_among_the_forms_indexed_once() -> None:
    from pipelines.findings import OrganizationFinding
    from pipelines.stages import positions

    fields = ["финансов", "энергетики", "здравоохранения", "сельского хозяйства", "труда", "юстиции", "образования"]
    places = ["Российской Федерации", "Ростовской области", "Кыргызской Республики", ""]
    organizations = tuple(
        OrganizationFinding(f"Министерство {f} {p}".strip(), aliases=(f"Мин{f[:5]} {p}".strip(),))
        for f in fields
        for p in places
    ) + tuple(OrganizationFinding(f"Совет депутатов номер {i}") for i in range(300))
    organizations += (OrganizationFinding("Минспорт России"), OrganizationFinding("Минтранс"))
    doc = analyse("Министр финансов выступил.")
    forms = positions._organization_forms(doc, organizations)
    assert positions._organization_forms(doc, organizations) is forms  # once per Doc
    # Only the forms that open with the title's two words are compared with it.
    assert len(forms.by_opening[("минис", "финан")]) == len(places)
    titles = [f"Министерство {f} {p}" for f in [*fields, "культуры"] for p in [*places, "Республики Казахстан"]]
    titles += ["Министерство", "Министерство энерго", "Министерство здоровья", "Министерство спорта"]
    titles += ["Министерство транспорта России", "Министерство туризма"]
    for title in titles:
        assert positions._known_ministry(title, forms) == _ministry_as_it_was(title, organizations), title
    assert positions._known_ministry("Министерство спорта", forms) == "Минспорт России"
