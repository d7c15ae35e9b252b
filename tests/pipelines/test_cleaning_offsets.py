"""The cleaning offset map kept as runs maps every character where the per-character map did.

The oracle below is the map as it was (two tuples of every character's source span, rebuilt by each
rewrite); the runs must give the same span for every clean character, on the OCR'd twins of the genre set,
on every hostile text and on the rule cases of test_cleaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from corpus.hostile.texts import TEXTS, HostileText
from pipelines.cleaning import RULES, CleanText, clean
from pipelines.cleaning.offsets import Replacement
from tests.pipelines.test_cleaning import CASES, RESPELLED

ROOT = Path(__file__).resolve().parents[2]
OCR = sorted((ROOT / "corpus" / "ocr" / "genre").glob("*.txt"))


@dataclass(frozen=True)
class PerCharacterMap:
    """The offset map as it was: every clean character's source start and end, rebuilt by every rewrite."""

    text: str
    source: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def identity(cls, source: str) -> PerCharacterMap:
        return cls(source, source, tuple(range(len(source))), tuple(range(1, len(source) + 1)))

    def substitute(self, pattern: re.Pattern[str], replacement: Replacement) -> PerCharacterMap:
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for match in pattern.finditer(self.text):
            new = replacement(match) if callable(replacement) else match.expand(replacement)
            old_start, old_end = match.span()
            if new == match.group(0):
                continue
            pieces.append(self.text[last:old_start])
            starts.extend(self.starts[last:old_start])
            ends.extend(self.ends[last:old_start])
            if len(new) == old_end - old_start:
                starts.extend(self.starts[old_start:old_end])
                ends.extend(self.ends[old_start:old_end])
            elif new:
                src_start = self.starts[old_start] if old_start < len(self.text) else len(self.source)
                src_end = self.ends[old_end - 1] if old_end > old_start else src_start
                starts.extend([src_start] * len(new))
                ends.extend([src_end] * len(new))
            pieces.append(new)
            last = old_end
        if not pieces:
            return self
        pieces.append(self.text[last:])
        starts.extend(self.starts[last:])
        ends.extend(self.ends[last:])
        return PerCharacterMap("".join(pieces), self.source, tuple(starts), tuple(ends))


def per_character_clean(source: str) -> PerCharacterMap:
    text = PerCharacterMap.identity(source)
    for rule in RULES:
        text = text.substitute(rule.pattern, rule.replacement)
    return text


def assert_same_map(source: str) -> CleanText:
    cleaned, oracle = clean(source), per_character_clean(source)
    assert cleaned.text == oracle.text
    assert cleaned.starts == oracle.starts
    assert cleaned.ends == oracle.ends
    # A span maps from its first character's start to its last one's end.
    n = len(cleaned.text)
    for start in range(0, n, max(1, n // 200)):
        end = min(n, start + 1 + start % 37)
        assert cleaned.to_source(start, end) == (oracle.starts[start], oracle.ends[end - 1])
    return cleaned


@pytest.mark.parametrize("path", OCR, ids=lambda p: p.stem)
def test_ocr_text_maps_as_per_character(path: Path) -> None:
    cleaned = assert_same_map(path.read_text(encoding="utf-8"))
    # The map stays small: a few runs per rewrite, not one per character.
    assert len(cleaned.runs) < len(cleaned.text) / 20


@pytest.mark.parametrize("hostile", TEXTS, ids=lambda t: t.name)
def test_hostile_text_maps_as_per_character(hostile: HostileText) -> None:
    assert_same_map(hostile.make(hostile.small))


@pytest.mark.parametrize(("source", "expected"), CASES + RESPELLED)
def test_rule_case_maps_as_per_character(source: str, expected: str) -> None:
    assert assert_same_map(source).text == expected


def test_every_rewrite_shape_maps_as_per_character() -> None:
    """Deletions, insertions at the start, in the middle and at the end, same-length respellings and
    length-changing ones chained through several rewrites, each rewrite reading the last one's runs."""
    source = "абв\u00adгд ''x'' 0АО «Вектор» миг-\nрации конец"
    rewrites: list[tuple[re.Pattern[str], Replacement]] = [
        (re.compile(r"^"), ">>"),  # an insertion before the first character
        (re.compile(r"\u00ad"), ""),
        (re.compile(r"''"), "«"),
        (re.compile(r"0АО"), "ОАО"),
        (re.compile(r"-\n"), ""),
        (re.compile(r"(?<=[а-я]) (?=[а-я])"), "  "),
        (re.compile(r"в"), "В"),
        (re.compile(r"$"), "."),  # an insertion after the last character
        (re.compile(r"ц"), "ццц"),
    ]
    cleaned, oracle = CleanText.identity(source), PerCharacterMap.identity(source)
    for pattern, replacement in rewrites:
        cleaned, oracle = cleaned.substitute(pattern, replacement), oracle.substitute(pattern, replacement)
        assert (cleaned.text, cleaned.starts, cleaned.ends) == (oracle.text, oracle.starts, oracle.ends)
    assert CleanText.identity("").substitute(re.compile(r"^"), "x").to_source(0, 1) == (0, 0)
