"""The API's English messages said in Russian for the UI (service/ui/static/messages.json, service/ui/messages.py).

The browser's scripts read the same table (app.js); the browser tests check what they show.
"""

from __future__ import annotations

import json
import re

import pytest

from service.ui.messages import TABLE, russian

CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def test_every_rule_is_a_whole_message_pattern() -> None:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    for rule in data["messages"]:
        pattern = re.compile(rule["match"])  # the same syntax in JavaScript: no named groups, no lookbehind
        assert rule["match"].startswith("^") and rule["match"].endswith("$"), rule["match"]
        assert "(?P<" not in rule["match"] and "(?<" not in rule["match"], rule["match"]
        referenced = {
            int(number) for number in re.findall(r"[$](\d+)|\{(\d+)\}", rule["say"]) for number in number if number
        }
        assert referenced <= set(range(1, pattern.groups + 1)), rule
        assert CYRILLIC.search(rule["say"]) or "{" in rule["say"], rule  # Russian, or made of translated parts


@pytest.mark.parametrize(
    ("english", "said"),
    [
        ("unknown or revoked token", "Токен не принят (неизвестен или отозван): войдите снова."),
        ("this needs a token of role archivist; yours is researcher", "Это может сделать только архивист."),
        (
            "the record is at version 3, not 2: reload it and apply the change again",
            "Запись уже в версии 3, а не 2: её изменил кто-то другой. Обновите страницу и внесите изменение снова.",
        ),
        (
            "operation 2 (set_topics): no topic 'astrology' in the taxonomy (models/taxonomy.json)",
            "Изменение 2: Темы «astrology» нет в перечне тем.",
        ),
        ("merge p4 into p2", "объединены: p4 → p2"),
        ("restore of version 1", "восстановлена версия 1"),
        (
            "проверено по протоколу — edit p1 (position, role)",
            "проверено по протоколу — изменена персона p1 (должность, роль)",
        ),
        (
            "edit meeting (date, title); set topics (migration, healthcare); drop decision 'x'",
            "изменено заседание (дата, название); темы: Миграция, Здравоохранение; удалено решение 'x'",
        ),
        (
            "failed 3 times; the last: internal error: OSError: disk full",
            "Не удалось 3 раз(а); последняя ошибка: Внутренняя ошибка программы (OSError: disk full).",
        ),
        ("invalid UTF-8 at byte 17", "Текст повреждён (байт 17): кодировка не распознана."),
        (
            "body.operations.0.edit_meeting.set: Value error, date '2025-02-30' is neither YYYY-MM-DD nor --MM-DD",
            "Дата «2025-02-30» не похожа на дату: нужно ГГГГ-ММ-ДД или --ММ-ДД.",
        ),
        (
            "the name 'ЕС' is organization 5c1f (Евросоюз): merge the two instead",
            "Название «ЕС» уже у организации «Евросоюз»: объедините их.",
        ),
    ],
)
def test_messages_in_russian(english: str, said: str) -> None:
    assert russian(english) == said


def test_what_the_table_does_not_know_stays_as_written() -> None:
    assert russian("заметка архивиста") == "заметка архивиста"
    assert russian("something new; merge p2 into p1") == "something new; объединены: p2 → p1"
    assert russian(None) == ""
