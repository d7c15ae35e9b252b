"""Locations stage: input sentence → the location names it lists."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.stages.locations import find_locations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Country aliases collapse to the catalogue name.
        ("Делегация Российской Федерации прибыла в Бишкек. Представители РФ и России выступили.", {"Россия", "Бишкек"}),
        ("Министерство труда КР и Кыргызская Республика подписали меморандум.", {"Кыргызстан"}),
        # Regions written with adjectives, in the nominative.
        ("Депутаты посетили Чуйскую область и Иссык-Кульскую область.", {"Чуйская область", "Иссык-Кульская область"}),
        # A region inside an organization's name still counts.
        ("Заседание Совета депутатов Челябинской области прошло в Челябинске.", {"Челябинская область", "Челябинск"}),
        # A region abbreviation and its full name are one location.
        (
            "Сессия маслихата Западно-Казахстанской области. Депутаты ЗКО обсудили бюджет.",
            {"Западно-Казахстанская область"},
        ),
        # Streets, squares and buildings are not locations.
        ("Приём граждан ведётся по адресу: г. Кемерово, улица Ленина, 5.", {"Кемерово"}),
        ("Глава администрации района доложил о ремонте на площади Ала-Тоо в Бишкеке.", {"Бишкек"}),
        # Bodies that NER takes for places are not listed; the place in their name is.
        ("В Жогорку Кенеше Кыргызской Республики прошло заседание комитета.", {"Кыргызстан"}),
        ("Закон одобрил Совет Федерации, сообщили в Кремле.", set()),
    ],
)
def test_find_locations(nlp: Language, text: str, expected: set[str]) -> None:
    assert {loc.name for loc in find_locations(nlp(text))} == expected


def test_mentions_keep_the_written_form(nlp: Language) -> None:
    text = "Встреча прошла в Бишкеке. Из Бишкека делегация вылетела в Ош."
    found = {loc.name: loc for loc in find_locations(nlp(text))}
    assert [text[m.start : m.end] for m in found["Бишкек"].mentions] == ["Бишкеке", "Бишкека"]
