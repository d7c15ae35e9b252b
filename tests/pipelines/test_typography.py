"""The same document as a web page, a Windows editor or a typographer gives it yields the same record: non-breaking
and thin spaces, CRLF line ends, decomposed letters (macOS), English and German quotes, hyphens for dashes
(`pipelines/cleaning/noise.py`). None of these is in the gold sets, and each cost corpus-genre up to .04 F1 on a field
(decomposed letters: organizations .969 → .53) before the cleaning read it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.extract import extract_bytes
from pipelines.record import MeetingRecord
from tests.conftest import CORPUS_GENRE
from tests.scoring import extracted

# A protocol with header fields, a report with a dateline and agenda items, a transcript.
DOCUMENTS = ("genre-b06", "genre-a04", "genre-a10")


def _nbsp(text: str) -> str:
    text = text.replace(" – ", "\u00a0– ").replace(" — ", "\u00a0— ")
    text = re.sub(r"\b([вкисоуВКИСОУ]|г\.|с\.|ул\.|№) ", "\\1\u00a0", text)
    text = re.sub(r"\b([А-ЯЁ]\.) ?([А-ЯЁ]\.) ([А-ЯЁ])", "\\1\u00a0\\2\u00a0\\3", text)
    return re.sub(r"(\d) (года|год|г\.|тенге|сом)", "\\1\u202f\\2", text)


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _curly_quotes(text: str) -> str:
    return text.replace("«", "“").replace("»", "”")


def _hyphens(text: str) -> str:
    return text.replace(" – ", " - ").replace("\n– ", "\n- ")


def _facts(record: MeetingRecord) -> dict:
    """What the scorer reads: names, posts, bodies, places, issues, the meeting — not the offsets."""
    return {
        "persons": sorted((p.name, p.surname, p.position, p.organization, p.spoke) for p in record.persons),
        "organizations": sorted(o.name for o in record.organizations),
        "locations": sorted(loc.name for loc in record.locations),
        "issues": sorted(i.text for i in record.issues),
        "meeting": (record.meeting.title, record.meeting.date, record.meeting.place),
    }


VARIANTS = [_nbsp, _crlf, _decomposed, _curly_quotes, _hyphens]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("stem", DOCUMENTS)
def test_a_typographic_variant_gives_the_same_record(stem: str, variant: Callable[[str], str]) -> None:
    path: Path = CORPUS_GENRE / f"{stem}.txt"
    text = path.read_text(encoding="utf-8")
    changed = variant(text)
    assert changed != text, "the variant changes nothing in this document"
    assert _facts(extract_bytes(changed.encode("utf-8"), path.name)) == _facts(extracted(path))
