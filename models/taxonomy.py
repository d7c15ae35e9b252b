"""The topic taxonomy (`taxonomy.json`, a copy of the project's shared taxonomy shipped with the package)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TAXONOMY_PATH = Path(__file__).with_name("taxonomy.json")


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    about: str


@cache
def topics() -> tuple[Topic, ...]:
    """The taxonomy's topics, in the file's order."""
    data = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    return tuple(Topic(id=t["id"], label=t["label"], about=t.get("about", "")) for t in data["topics"])


@cache
def by_id() -> dict[str, Topic]:
    return {t.id: t for t in topics()}
