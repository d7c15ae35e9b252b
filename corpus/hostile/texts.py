"""Hostile *texts*: valid UTF-8 that once stalled the pipeline or blew up its memory (issue 14).

Each is made here, at any size, from a seed: `benchmarks/hostile_text.py` runs them at full size through
`kenesh extract`, and tests/pipelines/test_hostile_text.py at sizes that keep a test fast.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROSE = ROOT / "corpus" / "synthetic"

_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _prose() -> str:
    """Real meeting prose (the synthetic corpus is committed, the gold sets are not)."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(PROSE.glob("*.txt")))


def no_spaces(letters: int) -> str:
    """Cyrillic letters without a space: one «word» that the look-alike rule once scanned quadratically."""
    rng = random.Random(14)
    return "".join(rng.choice(_LOWER) for _ in range(letters))


def one_sentence(words: int) -> str:
    """Words of real prose with no sentence break: the syntax parser's memory grows with a sentence squared."""
    vocabulary = [w.strip('.,;:!?«»()"') for w in _prose().split()]
    vocabulary = [w for w in vocabulary if w.isalpha()]
    rng = random.Random(14)
    return " ".join(rng.choice(vocabulary) for _ in range(words)) + "."


def nested_quotes(depth: int) -> str:
    """«««…»»» nested `depth` deep, around a name and after a legal form."""
    return "Заседание правления ООО " + "«" * depth + "Ромашка" + "»" * depth + " открыл Н.С. Базарбаев.\n"


def present_lines(size: int) -> str:
    """`ПРИСУТСТВОВАЛИ:` lines up to `size` characters: a protocol's list heading, over and over."""
    line = "ПРИСУТСТВОВАЛИ:\n"
    return "ПРОТОКОЛ № 1\nзаседания комиссии\n" + line * (size // len(line))


def initials(names: int) -> str:
    """`И.И. Иванов, ` over and over: one name per four tokens, all in one sentence."""
    return "Присутствовали: " + "И.И. Иванов, " * names + "и другие.\n"


def long_text(chars: int) -> str:
    """Real prose repeated to `chars` characters: over spaCy's default `max_length` of 1,000,000."""
    prose = _prose()
    return (prose * (chars // len(prose) + 1))[:chars]


@dataclass(frozen=True)
class HostileText:
    name: str
    what: str
    make: Callable[[int], str]
    size: int  # the full size, as the issue reports it
    small: int  # a size a test can afford


TEXTS: tuple[HostileText, ...] = (
    HostileText("no-spaces", "60k Cyrillic letters without a space", no_spaces, 60_000, 5_000),
    HostileText("one-sentence", "one sentence of 12k words", one_sentence, 12_000, 1_500),
    HostileText("nested-quotes", "20k «««…»»» nested quotes", nested_quotes, 20_000, 2_000),
    HostileText("present-lines", "300 kB of ПРИСУТСТВОВАЛИ: lines", present_lines, 150_000, 10_000),
    HostileText("initials", "30k «И.И. Иванов, »", initials, 30_000, 2_000),
    HostileText("long", "1.2M characters of prose (2.4 MB)", long_text, 1_200_000, 1_050_000),
)
