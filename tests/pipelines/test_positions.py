"""Positions stage: the title by a name, split into the post and the body represented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.stages.organizations import find_organizations
from pipelines.stages.persons import find_persons
from pipelines.stages.positions import position_of


def _positions(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    organizations = find_organizations(doc)
    found = {}
    for person in find_persons(doc):
        person = position_of(doc, person, organizations)
        found[person.surname] = (person.position, person.organization)
    return found


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        (
            "С приветственным словом выступил Первый заместитель министра труда, социального обеспечения "
            "и миграции КР Н.С. Базарбаев.",
            "Базарбаев",
            "первый заместитель министра",
            "Министерство труда, социального обеспечения и миграции КР",
        ),
        (
            "Глава исполкома «Единой России» Андрей Воробьев заявил об этом.",
            "Воробьев",
            "глава исполкома",
            "Единая Россия",
        ),
        (
            "Об этом сообщил Иван Петров, депутат Бишкекского городского кенеша.",
            "Петров",
            "депутат",
            "Бишкекский городской кенеш",
        ),
        ("Заседание открыл аким области Ерлан Карин.", "Карин", "аким области", None),
        ("Выступил президент России Владимир Путин.", "Путин", "президент России", None),
    ],
)
def test_title_split_into_position_and_body(
    nlp: Language, text: str, surname: str, position: str, organization: str | None
) -> None:
    got_position, got_organization = _positions(nlp, text)[surname]
    assert got_position == position
    if organization is None:
        assert got_organization is None
    else:
        assert got_organization is not None and got_organization.lower() == organization.lower()


def test_sub_unit_stays_in_the_position(nlp: Language) -> None:
    text = "Об этом рассказала директор Департамента трудовой миграции и социальной защиты ЕЭК А.С. Омурбекова."
    position, organization = _positions(nlp, text)["Омурбекова"]
    assert position is not None and position.lower().startswith("директор департамента трудовой миграции")
    assert organization == "ЕЭК"


def test_a_neighbours_title_is_not_taken(nlp: Language) -> None:
    text = "В заседании участвовали министр финансов Алексей Орлов и Мария Белова."
    assert _positions(nlp, text)["Белова"] == (None, None)
