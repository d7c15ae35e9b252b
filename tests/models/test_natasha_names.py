"""Natasha's names dictionaries, read a file at a time (models/natasha_names.py): the same entries, line for
line, as Natasha's own line-by-line reader gives, on its dictionaries and on the shapes a line can take."""

from __future__ import annotations

from pathlib import Path

import natasha.data
import pytest

from models import natasha_names


@pytest.mark.parametrize("path", [natasha.data.FIRST, natasha.data.MAYBE_FIRST, natasha.data.LAST])
def test_natasha_dictionaries_read_the_same(path: str) -> None:
    entries = natasha_names.read_dictionary(path)
    assert entries == list(natasha_names.natasha_load_dict(path))
    assert len(entries) > 100


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "Иван\nПётр  \n",
        "Иван\r\nПётр\r\n",  # Windows line ends: text mode reads them as \n
        "Иван\nПётр",  # no newline after the last line
        "Иван # a comment\n# a line that starts with one stays\nПётр#x\n\n  \nМария\t\n",
        "а\x0cб\u2028в\nг\n",  # only \n ends a line
    ],
)
def test_every_line_shape_reads_the_same(text: str, tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode("utf-8"))
    assert natasha_names.read_dictionary(str(path)) == list(natasha_names.natasha_load_dict(str(path)))


def test_the_grammar_is_built_from_the_faster_reader() -> None:
    from natasha.grammars import name

    assert natasha.data.load_dict is natasha_names.read_dictionary
    assert set(natasha_names.natasha_load_dict(natasha.data.LAST)) == name.LAST_DICT
    assert {
        entry
        for path in (natasha.data.FIRST, natasha.data.MAYBE_FIRST)
        for entry in natasha_names.natasha_load_dict(path)
    } == name.FIRST_DICT
