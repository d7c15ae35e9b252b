"""Speakers stage: who spoke (and not everyone named did), quotes, the chair."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.stages import run_stages
from pipelines.stages.persons import find_persons
from pipelines.stages.speakers import mark_speakers


def _spoke(nlp: Language, text: str) -> dict[str, tuple[bool, str]]:
    doc = nlp(text)
    return {p.surname: (p.spoke, p.role) for p in mark_speakers(doc, find_persons(doc))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Депутат Иван Петров заявил, что бюджет будет исполнен.", {"Петров": (True, "speaker")}),
        (
            "Отметила в своем выступлении директор департамента А.С. Омурбекова, что работа продолжится.",
            {"Омурбекова": (True, "speaker")},
        ),
        ("По словам Сергея Иванова, решение уже принято.", {"Иванов": (True, "speaker")}),
        (
            "Заседание прошло под председательством Талант Мамытова. Депутаты избрали Бакыта Торобаева секретарем.",
            {"Мамытов": (True, "chair"), "Торобаев": (False, "mentioned")},
        ),
        ("Президент поблагодарил Анну Смирнову за работу.", {"Смирнова": (False, "mentioned")}),
        (
            "Господа Цыганков и Комаров не комментируют ситуацию.",
            {"Цыганков": (False, "mentioned"), "Комаров": (False, "mentioned")},
        ),
    ],
)
def test_who_spoke(nlp: Language, text: str, expected: dict) -> None:
    got = _spoke(nlp, text)
    assert {k: got[k] for k in expected} == expected


def test_pronoun_speech_goes_to_the_last_named_subject(nlp: Language) -> None:
    text = (
        "Глава исполкома Андрей Воробьев прокомментировал отставку. "
        "«Это внутреннее дело руководителя, он имеет полное право увольнять подчиненных», — сказал он."
    )
    doc = nlp(text)
    (person,) = mark_speakers(doc, find_persons(doc))
    assert person.spoke
    assert [doc.text[q.start : q.end] for q in person.quotes] == [
        "Это внутреннее дело руководителя, он имеет полное право увольнять подчиненных"
    ]


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        (
            "Затем выступили руководители. Нурболат Шаймерденов, аким города Экибастуза, – о ремонте сетей.",
            "Шаймерденов",
        ),
        ("Заслушаны информации. Хоким района Бахтиёр Норматов – о создании рабочих мест.", "Норматов"),
        ("По первому вопросу докладчик: руководитель отдела финансов Асель Байжанова.", "Байжанова"),
    ],
)
def test_a_dash_list_item_or_a_reporter_field_is_speech(nlp: Language, text: str, surname: str) -> None:
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons[surname].spoke
