"""Transcript layout: speaker labels and turns, and the synthetic transcripts' chair, speakers and quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.layouts import find_turns
from tests.synthetic import documents, expected, extracted, person, score

TRANSCRIPTS = [p.stem for p in documents("transcript")]


@pytest.mark.parametrize(
    ("line", "name", "chair", "text"),
    [
        ("Председательствующий. Уважаемые коллеги!", None, True, "Уважаемые коллеги!"),
        ("ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ: Начинаем.", None, True, "Начинаем."),
        ("Председательствующий (Иванов И.И.). Слово имеет …", "Иванов И.И.", True, "Слово имеет …"),
        ("Иванов И.И.: Спасибо, коллеги.", "Иванов И.И.", False, "Спасибо, коллеги."),
        ("ИВАНОВ П.П. — Я против.", "ИВАНОВ П.П.", False, "Я против."),
        ("Депутат Петров: Поддерживаю.", "Петров", False, "Поддерживаю."),
        ("Бакетаев А.С. Уважаемые депутаты!", "Бакетаев А.С.", False, "Уважаемые депутаты!"),
        ("Т.Мамытов: Коллеги, начнем.", "Т.Мамытов", False, "Коллеги, начнем."),
        ("Жээнбеков Сооронбай Шарипович: Добрый день.", "Жээнбеков Сооронбай Шарипович", False, "Добрый день."),
        # A stenogram's speaker with the post after a comma; the speech opens after the post.
        (
            "ПЕТРОВА А.С., депутат по округу № 7, фракция «Справедливая Россия». Когда отремонтируют школу?",
            "ПЕТРОВА А.С.",
            False,
            "Когда отремонтируют школу?",
        ),
        (
            "Сидоренко В.В., начальник управления образования: Ремонт начнется в мае.",
            "Сидоренко В.В.",
            False,
            "Ремонт начнется в мае.",
        ),
        (
            "КАСЫМОВ Т.Б., первый заместитель акима района. Посевная идет по графику.",
            "КАСЫМОВ Т.Б.",
            False,
            "Посевная идет по графику.",
        ),
        (
            "В.А. КЕУЛЬКУТ, депутат по одномандатному избирательному округу № 2. У меня вопрос по котельной.",
            "В.А. КЕУЛЬКУТ",
            False,
            "У меня вопрос по котельной.",
        ),
        (
            "Резник Ю.А., жительница села Квасниковка: А кто будет отвечать за запах?",
            "Резник Ю.А.",
            False,
            "А кто будет отвечать за запах?",
        ),
        # Not turns: a headline, a sentence, a header, a surname with no title or initials.
        ("Путин: Россия готова к переговорам", None, None, None),
        ("Москва. Вчера в Госдуме прошло заседание.", None, None, None),
        ("ГОЛОСОВАЛИ: «за» – 36", None, None, None),
        ("Бюджет принят единогласно.", None, None, None),
        # A list of people with their posts after the dash: the invited of a protocol, not speech.
        ("Орозбекова Айгуль Токтогуловна – вице-мэр города Каракол;", None, None, None),
        ("Исаков Б.К. – первый вице-мэр города Бишкек", None, None, None),
        # After a comma only a post opens a speech; a list line ends with its post, and a bare surname is no label.
        ("Иванов И.И., депутат городского совета;", None, None, None),
        ("Петров, как сообщалось, Решение принято.", None, None, None),
        ("Сидоров С.С., житель села. Просит провести воду.", None, None, None),
    ],
)
def test_speaker_labels(line: str, name: str | None, chair: bool | None, text: str | None) -> None:
    turns = find_turns(line)
    if chair is None:
        assert turns == ()
        return
    (turn,) = turns
    assert turn.chair == chair
    assert (line[turn.name[0] : turn.name[1]] if turn.name else None) == name
    assert line[turn.text_start : turn.end] == text


def test_turns_run_to_the_next_label_or_the_closing_line() -> None:
    text = "Председательствующий. Начинаем.\nВторой абзац.\n\nИванов И.И.: Спасибо.\n\nЗаседание закрыто."
    assert [text[t.text_start : t.end] for t in find_turns(text)] == ["Начинаем.\nВторой абзац.", "Спасибо."]


@pytest.mark.parametrize("stem", TRANSCRIPTS)
def test_chair_is_the_named_person(stem: str) -> None:
    record = extracted(stem)
    (gold,) = [p for p in expected(stem)["persons"] if p["role"] == "chair"]
    chairs = [p for p in record["persons"] if p["role"] == "chair"]
    assert [p["surname"] for p in chairs] == [gold["surname"]]
    assert chairs[0]["spoke"]
    assert not [p for p in record["persons"] if p["surname"].lower().startswith("председатель")]


@pytest.mark.parametrize("stem", TRANSCRIPTS)
def test_speakers_and_their_turns(stem: str) -> None:
    record = extracted(stem)
    for gold in expected(stem)["persons"]:
        got = person(record, gold["surname"])
        assert (got["role"], got["spoke"]) == (gold["role"], gold["spoke"]), gold["surname"]
        quotes = [q["text"] for q in got["quotes"]]
        assert len(quotes) == len(gold["quotes"]), (gold["surname"], quotes)
        for start, quote in zip(gold["quotes"], quotes, strict=True):
            assert quote.startswith(start), (gold["surname"], quote[:80])
    assert record["decisions"] == []


def test_a_turn_is_one_quote_up_to_the_next_label() -> None:
    record = extracted("jk-budget-committee-transcript")
    (quote,) = person(record, "Турсунбаев")["quotes"]
    assert quote["text"].endswith("представить график погашения долга до второго чтения.")


def test_transcripts_score(tmp_path: Path) -> None:
    scores = score(TRANSCRIPTS, tmp_path)
    assert scores["persons"]["f1"] == 1.0
    assert scores["speakers"]["f1"] == 1.0
    assert scores["position_f1"] >= 0.8


def test_a_labels_bracketed_post_is_the_speakers_own() -> None:
    # «Присутствуют члены президиума: …» gives every member the list's label; the bracket in a turn's label names the
    # speaker's own post, which wins.
    from pipelines.extract import extract_bytes

    text = (
        "СТЕНОГРАММА\nзаседания президиума\n\n"
        "Присутствуют члены президиума: Асанов Б.К., Орлова Н.П., Ким Д.С.\n\n"
        "АСАНОВ Б.К. (председатель президиума): Коллеги, начинаем заседание, кворум есть.\n\n"
        "ОРЛОВА Н.П. (ответственный секретарь): Документы всех кандидатов поступили вовремя.\n\n"
        "КИМ Д.С.: Поддерживаю, вопросов нет.\n"
    )
    record = extract_bytes(text.encode(), "x.txt").model_dump()
    assert person(record, "Асанов")["position"] == "председатель президиума"
    assert person(record, "Орлова")["position"] == "ответственный секретарь"
    assert person(record, "Ким")["position"] == "член президиума"


def test_the_record_keeper_s_signature_is_no_turn() -> None:
    # «Стенографировала А.Н. Кузьмина» under the last turn: the verb is no speaker's surname.
    text = (
        "СТЕНОГРАММА\nзаседания совета\n\n"
        "Петров И.И. – Коллеги, начинаем. Слово Ольге Смирновой.\n\n"
        "Смирнова О.А. – Спасибо. Работа идёт по плану.\n\n"
        "Стенографировала А.Н. Кузьмина\n"
    )
    labels = [text[t.name[0] : t.name[1]] for t in find_turns(text) if t.name]
    assert labels == ["Петров И.И.", "Смирнова О.А."]


def test_labels_alone_on_their_line_under_a_stenograms_title() -> None:
    text = (
        "СТЕНОГРАММА\nзаседания комитета\n\n"
        "Присутствуют члены комитета: Яндыбаева Н.В., Ямбаршев С.А.\n\n"
        "Яндыбаева Надежда Васильевна (председательствующий, председатель комитета)\nДоброе утро, коллеги. Начнём.\n\n"
        "Ямбаршев С.А.\nА что будет с сельскими администрациями?\n\n"
        "Председательствующий\nПредлагаю принять законопроект в первом чтении.\n"
    )
    turns = find_turns(text)
    assert [text[t.name[0] : t.name[1]] if t.name else None for t in turns] == [
        "Яндыбаева Надежда Васильевна",
        "Ямбаршев С.А.",
        None,
    ]
    assert [t.chair for t in turns] == [False, False, True]
    assert text[turns[1].text_start : turns[1].end] == "А что будет с сельскими администрациями?"
    # Without the title, a name over a sentence is a letterhead's or signature's, not a turn.
    assert not find_turns(text.replace("СТЕНОГРАММА\n", ""))


def test_labels_alone_on_their_line_may_end_in_a_colon_after_the_post() -> None:
    text = (
        "СТЕНОГРАММА\nзаседания сельского совета\n\n"
        "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (А.Б. Гуцу, председатель заседания):\nКворум есть, начинаем работу.\n\n"
        "В.Г. ЧЕБАН, начальник финансового управления района:\nДоходы бюджета выросли на десять процентов.\n\n"
        "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ:\nЕсть ли вопросы к докладчику?\n\n"
        "Д.Е. РУСУ:\nВопросов у меня нет, спасибо.\n"
    )
    turns = find_turns(text)
    assert [text[t.name[0] : t.name[1]] if t.name else None for t in turns] == [
        "А.Б. Гуцу, председатель заседания",
        "В.Г. ЧЕБАН",
        None,
        "Д.Е. РУСУ",
    ]
    assert [t.chair for t in turns] == [True, False, True, False]
    assert text[turns[1].text_start : turns[1].end] == "Доходы бюджета выросли на десять процентов."


def test_labels_alone_on_their_line_may_end_their_post_with_a_full_stop() -> None:
    text = (
        "СТЕНОГРАММА\nзаседания городской Думы\n\n"
        "ПЕТРОВА Е.В., председатель Думы.\nКоллеги, кворум есть, начинаем работу.\n\n"
        "СОКОЛОВ И.Н., начальник управления образования администрации.\nШкол к новому году открыто две.\n\n"
        "ПЕТРОВА Е.В.\nВопросы есть? Нет. Переходим к голосованию.\n"
    )
    turns = find_turns(text)
    assert [text[t.name[0] : t.name[1]] for t in turns] == ["ПЕТРОВА Е.В.", "СОКОЛОВ И.Н.", "ПЕТРОВА Е.В."]
    assert text[turns[1].text_start : turns[1].end] == "Школ к новому году открыто две."
