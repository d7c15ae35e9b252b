"""The identity rule's position test, as a table: when do two positions say the same person."""

from __future__ import annotations

import pytest

from service.storage.index import positions_agree

CASES = [
    ("президент РФ", "президент России", True),  # a country under two of its names
    ("президент США", "президент Соединённых Штатов Америки", True),
    ("министр труда Кыргызской Республики", "министр труда КР", True),
    ("министр иностранных дел РФ", "министр", True),  # one phrase inside the other
    ("мэр Москвы", "мэра Москвы", True),  # case forms
    ("президент России", "президент США", False),
    ("первый заместитель министра", "министр", False),  # another head noun
    ("президент России", None, False),
]


@pytest.mark.parametrize(("left", "right", "agree"), CASES)
def test_positions_agree(left: str, right: str | None, agree: bool) -> None:
    assert positions_agree(left, right) is agree
    assert positions_agree(right, left) is agree
