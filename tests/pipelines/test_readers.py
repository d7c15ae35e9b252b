"""Readers on their own: encodings told apart from the bytes, and bad bytes refused with a user error."""

from __future__ import annotations

import codecs
import random
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from pipelines import readers
from pipelines.errors import CorruptDocument, DecodingError, InputError, KeneshError, UnsupportedFormat
from pipelines.readers import SourceText, read_bytes
from pipelines.readers.layout import Word, group_lines, paragraphs
from tests.conftest import CORPUS_DEV, ROOT

# Only characters KOI8-R has (no «», — or №), so that every encoding below can carry it.
TEXT = (
    "ПРОТОКОЛ 3\n"
    "заседания Совета по вопросам миграции\n\n"
    "г. Бишкек, 21 сентября 2023 года.\n"
    "Председательствовал: Базарбаев Н.С., первый заместитель министра.\n"
    'Слушали: о ходе работ ОсОО "Ёлочка" и ещё 12,5% расходов.\n'
)

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16 with BOM": lambda t: t.encode("utf-16"),
    "utf-16-le without BOM": lambda t: t.encode("utf-16-le"),
    "utf-16-be without BOM": lambda t: t.encode("utf-16-be"),
    "cp1251": lambda t: t.encode("cp1251"),
    "koi8-r": lambda t: t.encode("koi8_r"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_every_encoding_decodes_to_the_same_text(encoding: str) -> None:
    source = read_bytes(ENCODINGS[encoding](TEXT))
    assert source.text == TEXT
    assert source.media_type == "text/plain"
    assert source.pages == 1
    assert not source.ocr


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_corpus_documents_in_8_bit_tables(encoding: str) -> None:
    tried = 0
    for path in sorted(CORPUS_DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue  # a character the table lacks («», —): the document cannot be in it
        tried += 1
        assert read_bytes(data).text == text, path.name
    assert tried, f"no corpus document fits in {encoding}"


def _random_bytes(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


GARBAGE = {
    "random bytes": _random_bytes(4096),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(512),
    "zip (docx)": b"PK\x03\x04\x14\x00\x06\x00" + _random_bytes(512),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "gzip": b"\x1f\x8b\x08\x00" + _random_bytes(256),
    "nul bytes in text": TEXT.encode("utf-8") + b"\x00" * 16 + TEXT.encode("utf-8"),
    "control characters": bytes(range(1, 32)) * 40,
}


@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_binary_data_is_refused(name: str) -> None:
    # A PDF or PNG header in front of garbage goes to its reader, which calls the file damaged.
    with pytest.raises((UnsupportedFormat, DecodingError, CorruptDocument)) as error:
        read_bytes(GARBAGE[name])
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8") + b"\xff\xfe\x98" + TEXT.encode("utf-8"),  # a stray byte in UTF-8
        TEXT.encode("utf-8")[:-1] + "я".encode()[:1],  # cut inside the last character
    ],
    ids=["stray byte", "truncated"],
)
def test_broken_utf8_is_refused_not_read_as_mojibake(data: bytes) -> None:
    with pytest.raises(DecodingError, match="UTF-8 at byte"):
        read_bytes(data)


def test_broken_utf16_is_refused() -> None:
    with pytest.raises(DecodingError):
        read_bytes(TEXT.encode("utf-16") + b"\x00")  # an odd number of bytes
    with pytest.raises(DecodingError):
        read_bytes(codecs.BOM_UTF8 + b"\xff\xfe garbage")


def test_empty_input() -> None:
    with pytest.raises(InputError, match="empty"):
        read_bytes(b"")


def test_errors_are_user_errors() -> None:
    assert issubclass(UnsupportedFormat, KeneshError)
    assert issubclass(DecodingError, KeneshError)
    assert issubclass(InputError, KeneshError)


def test_a_long_file_with_a_character_cut_at_the_sample_edge() -> None:
    # The sniffing sample can end inside a two-byte letter; that must not make the file look broken.
    from pipelines.readers.text import SAMPLE_BYTES

    text = "а" * (SAMPLE_BYTES // 2) + "x" + "б" * 100
    assert len(text.encode()) > SAMPLE_BYTES
    assert read_bytes(text.encode()).text == text


class _Fake:
    name: ClassVar[str] = "fake"
    media_type: ClassVar[str] = "application/x-fake"

    def score(self, data: bytes) -> int:
        return 5 if data.startswith(b"FAKE") else 0

    def read(self, data: bytes) -> SourceText:
        return SourceText(text=data[4:].decode(), media_type=self.media_type, page_starts=(0, 3))


def test_registry_picks_the_reader_that_scores_highest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "READERS", list(readers.READERS))
    readers.register(_Fake())
    assert read_bytes(b"FAKEabcdef").media_type == "application/x-fake"
    assert read_bytes("просто текст".encode()).media_type == "text/plain"


def test_page_of_offsets() -> None:
    source = SourceText(text="abcdef", media_type="x", page_starts=(0, 3))
    assert source.pages == 2
    assert [source.page_of(i) for i in (0, 2, 3, 5)] == [1, 1, 2, 2]


def test_reader_reads_files_as_bytes(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(TEXT.encode("cp1251"))
    assert read_bytes(path.read_bytes()).text == TEXT


@pytest.mark.parametrize(
    "text", ["", "Обычный текст.\n", "a\x00b\x07c\x85d\te\u00a0f\u200bg", "\x1b[0m" * 5 + "ok", "ё" * 3 + "\r\n"]
)
def test_text_share_counts_every_character(text: str) -> None:
    """`_text_share` counts per distinct character: the same share as a count over every character."""
    from pipelines.readers.text import _text_share

    if not text:
        assert _text_share(text) == 0.0
        return
    good = sum(1 for ch in text if ch.isalnum() or ch.isspace() or ch.isprintable())
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")
    assert _text_share(text) == (good - bad) / len(text)


def test_the_readers_libraries_are_imported_only_to_read_their_format() -> None:
    """Every extracting process imports the readers; python-docx, pdfplumber, Pillow, pytesseract and trafilatura
    cost 0.19 s and 23 MB of each start, and a process reading plain text needs none of them."""
    libraries = ["docx", "pdfplumber", "pdfminer", "PIL", "pytesseract", "trafilatura"]
    code = (
        "import sys; from pipelines.extract import extract_bytes; "
        "extract_bytes('Заседание открыл председатель Н.С. Базарбаев.'.encode()); "
        f"print([name for name in {libraries!r} if name in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_sentence_end_before_a_lower_case_word_ends_no_paragraph() -> None:
    # «…/watch?» wrapped before a link's «v=…» too long for the rest of the line: the short line ends in «?», yet the
    # sentence goes on. The second line sets the column's right edge.
    def line(top: float, texts: list[str]) -> list[Word]:
        words, x = [], 0.0
        for text in texts:
            words.append(Word(text, x, x + 6 * len(text), top, top + 10, size=10))
            x += 6 * len(text) + 6
        return words

    first = line(0, ["лидер", "ЛДПР", "Жириновский[https://www.youtube.com/watch?"])
    second = line(12, ["v=vCEGZd6ASFE_long_link_part", "Жириновский", "В.", "В.", "—", "24/06/2016],", "Экс-президент"])
    assert len(paragraphs(group_lines(first + second))) == 1
    # A capital after it is a new sentence, and a short line ending one begins a paragraph.
    second[0] = Word("Второй", 0, 36, 12, 22, size=10)
    assert len(paragraphs(group_lines(first + second))) == 2
