"""Natasha's names grammar, with its dictionaries of first names and surnames (190k lines) read a file at a
time: `natasha.data.load_dict` yields them line by line through a generator, 0.05 s of every process start,
serial before the extraction processes fork. Import the grammar from here, so that the faster reader is in
place when Natasha builds it (the entries are the same, line for line)."""

from __future__ import annotations

import natasha.data


def read_dictionary(path: str) -> list[str]:
    """The entries `natasha.data.load_dict(path)` yields: each line with a `#` comment (one not at the start of
    the line) cut off and trailing whitespace stripped."""
    with open(path, encoding="utf8") as file:
        text = file.read()
    lines = text.split("\n")
    if lines[-1] == "":  # the newline that ends the last line starts no line
        lines.pop()
    if "#" not in text:
        return [line.rstrip() for line in lines]
    return [(line[: line.index("#")] if line.find("#") > 0 else line).rstrip() for line in lines]


# Natasha's own reader, kept to test that the entries are the same.
natasha_load_dict = natasha.data.load_dict
natasha.data.load_dict = read_dictionary

from natasha.grammars.name import FIRST_DICT, LAST_DICT, NAME  # noqa: E402  (after the reader is in place)

__all__ = ["FIRST_DICT", "LAST_DICT", "NAME", "read_dictionary"]
