"""Persons stage: name shapes, nominative parts, one entry per person, non-persons left out."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.stages.persons import find_persons


def _persons(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(p.surname, p.first_name, p.patronymic, p.initials) for p in find_persons(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "С приветственным словом выступил первый заместитель министра Н.С. Базарбаев.",
            [("Базарбаев", None, None, "Н.С.")],
        ),
        ("Слово предоставили Омурбековой А.С., директору департамента.", [("Омурбекова", None, None, "А.С.")]),
        ("Вчера он уволил Азамата Сагитова.", [("Сагитов", "Азамат", None, None)]),
        ("Встреча с Джулианом Ассанжем прошла в посольстве.", [("Ассанж", "Джулиан", None, None)]),
        ("Президент встретился с Хамидом Карзаем.", [("Карзай", "Хамид", None, None)]),
        ("Жээнбеков Сооронбай Шарипович открыл заседание.", [("Жээнбеков", "Сооронбай", "Шарипович", None)]),
        ("Выступил Владимир Вольфович Жириновский.", [("Жириновский", "Владимир", "Вольфович", None)]),
        ("Эту позицию поддержал Усама бин Ладен.", [("бин Ладен", "Усама", None, None)]),
        ("Генсек ООН Пан Ги Мун прибыл в Москву.", [("Пан", None, None, None)]),
        ("Депутат Айгерим Жумабекова поддержала проект.", [("Жумабекова", "Айгерим", None, None)]),
        (
            "ПРИСУТСТВОВАЛИ:\nСидорова А.П. – депутат\nИВАНОВ И.И. – председатель\n",
            [("Сидорова", None, None, "А.П."), ("Иванов", None, None, "И.И.")],
        ),
    ],
)
def test_name_parts_in_the_nominative(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


def test_one_entry_per_person_however_named(nlp: Language) -> None:
    text = (
        "С приветственным словом выступил Н.С. Базарбаев. В своем выступлении Н.С. Базарбаев "
        "выразил надежду на сотрудничество. Предложение Базарбаева поддержали все участники."
    )
    persons = find_persons(nlp(text))
    assert [(p.surname, p.initials, len(p.mentions)) for p in persons] == [("Базарбаев", "Н.С.", 3)]


def test_mentions_point_at_the_name(nlp: Language) -> None:
    doc = nlp("Заслушан отчет главы администрации Петрова С.В. Слово предоставили Бакыту Торобаеву.")
    spans = {p.surname: [doc.text[m.start : m.end] for m in p.mentions] for p in find_persons(doc)}
    assert spans == {"Петров": ["Петрова С.В."], "Торобаев": ["Бакыту Торобаеву"]}


def test_people_with_one_surname_and_other_initials_stay_apart(nlp: Language) -> None:
    text = "В работе приняли участие Садыр Жапаров и Акылбек Жапаров. Позже выступил А. Жапаров."
    persons = find_persons(nlp(text))
    assert sorted((p.surname, p.first_name, len(p.mentions)) for p in persons) == [
        ("Жапаров", "Акылбек", 2),
        ("Жапаров", "Садыр", 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Депутаты обсудили закон Димы Яковлева.",
        "Спектакль идет в театре им. М. Н. Ермоловой.",
        "Ему вручили премию имени Андрея Сахарова.",
        "Сказал Нурбек, и все согласились.",
        "Заседание Межстранового Большого Общественного Совета открылось.",
    ],
)
def test_not_persons(nlp: Language, text: str) -> None:
    assert find_persons(nlp(text)) == ()
