"""Hypothesis over the readers, the cleaning stage and the whole pipeline, with random and mutated input.

The contract under test: bad bytes end in a KeneshError (one line for the CLI and the API), never another
exception; and whatever the input, every span of a record points into the read text exactly. Runs are
derandomized (the same examples every run) and bounded, so the suite's time stays predictable.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.cleaning import clean
from pipelines.deadline import document_deadline
from pipelines.errors import KeneshError
from pipelines.extract import extract_document
from pipelines.readers import read_bytes
from tests.conftest import CORPUS_DEV
from tests.spans import record_spans

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
SAMPLE = "mbos-bishkek"

# Fuzzed documents are small, but a mutated PDF page may lose its text layer and go to OCR: a tight
# document budget keeps such an example to seconds (running out is a LimitExceeded, a KeneshError too).
DOCUMENT_SECONDS = "20"


def _fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def _read(data: bytes) -> str | None:
    """The read text, or None when the reader refused the bytes with a user error."""
    try:
        with document_deadline():
            source = read_bytes(data)
    except KeneshError as error:
        message = str(error)
        assert message and "\n" not in message, f"not a one-line error: {message!r}"
        return None
    assert source.page_starts[0] == 0
    assert all(0 <= start <= len(source.text) for start in source.page_starts)
    return source.text


@pytest.fixture(autouse=True)
def _tight_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KENESH_DOCUMENT_SECONDS", DOCUMENT_SECONDS)


# --- random bytes -----------------------------------------------------------------------------------------

# Each reader is chosen by the leading bytes: random bytes behind every magic reach every reader.
MAGICS = [
    b"",
    b"%PDF-1.7\n",
    b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff\xe0",
    b"II*\x00",
    b"MM\x00*",
    b"<!DOCTYPE html><html><body>",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
]


@_fuzz_settings(300)
@given(magic=st.sampled_from(MAGICS), tail=st.binary(max_size=2048))
def test_random_bytes_are_read_or_refused_with_a_user_error(magic: bytes, tail: bytes) -> None:
    _read(magic + tail)


@_fuzz_settings(150)
@given(text=st.text(max_size=400), encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1251", "koi8_r"]))
def test_random_text_in_any_encoding(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    _read(data)


# --- mutated real documents ---------------------------------------------------------------------------------


def _documents() -> dict[str, bytes]:
    text = (CORPUS_DEV / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    return {
        "txt utf-8": text.encode("utf-8"),
        "txt cp1251": text.encode("cp1251", errors="replace"),
        "txt utf-16": text.encode("utf-16"),
        "pdf": (FORMATS / "pdf" / f"{SAMPLE}.pdf").read_bytes(),
        "docx": (FORMATS / "docx" / f"{SAMPLE}.docx").read_bytes(),
        "html": (FORMATS / "html" / f"{SAMPLE}.html").read_bytes(),
    }


DOCUMENTS = _documents()


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """A real document with a few byte-level edits: flipped bytes, cut or repeated ranges, junk inserted,
    the tail cut off (a truncated download)."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not out:
            break
        kind = draw(st.sampled_from(["flip", "delete", "insert", "repeat", "truncate"]))
        at = draw(st.integers(0, len(out) - 1))
        if kind == "flip":
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "delete":
            del out[at : at + draw(st.integers(1, 256))]
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "repeat":
            out[at:at] = out[at : at + draw(st.integers(1, 512))]
        else:
            del out[at:]
    return bytes(out)


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_mutated_documents_are_read_or_refused_with_a_user_error(kind: str) -> None:
    @_fuzz_settings(20 if kind == "pdf" else 80)
    @given(data=mutations(DOCUMENTS[kind]))
    def check(data: bytes) -> None:
        _read(data)

    check()


def _repack(docx: bytes, part: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == part else source.read(info.filename))
    return buffer.getvalue()


DOCX_PARTS = ["word/document.xml", "word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]


@_fuzz_settings(80)
@given(part=st.sampled_from(DOCX_PARTS), data=st.data())
def test_docx_with_mutated_xml_inside_a_sound_zip(part: str, data: st.DataObject) -> None:
    # Byte edits of the zip itself mostly break its checksums; these reach python-docx and lxml instead.
    docx = DOCUMENTS["docx"]
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        original = archive.read(part)
    _read(_repack(docx, part, data.draw(mutations(original))))


# --- cleaning ---------------------------------------------------------------------------------------------

# What the rules look for, so that random text trips them often: look-alike Latin letters and digits,
# hyphenated line ends, invisible characters, widget and heading marks, quotes after legal forms.
NOISE = st.text(
    alphabet=st.sampled_from(
        list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕКМНОРСТХ")
        + list("aceopxykACEHKMOPTXBY0З3O")
        + ["-", "\n", "\r", " ", "\t", "#", "×", "«", "»", '"', ".", ","]
        + ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200f", "\u202e", "\x00"]
    ),
    max_size=300,
)


@_fuzz_settings(300)
@given(source=st.one_of(NOISE, st.text(max_size=300)))
def test_cleaning_maps_every_character_back_into_the_source(source: str) -> None:
    cleaned = clean(source)
    assert cleaned.source == source
    n = len(cleaned.text)
    assert len(cleaned.starts) == len(cleaned.ends) == n
    # Monotonic and inside the source: a span of the clean text is one contiguous span of the source.
    assert all(0 <= s <= e <= len(source) for s, e in zip(cleaned.starts, cleaned.ends, strict=True))
    assert list(cleaned.starts) == sorted(cleaned.starts)
    assert list(cleaned.ends) == sorted(cleaned.ends)
    for start in range(0, n, 7):
        for end in range(start + 1, min(n, start + 40) + 1, 5):
            s, e, text = cleaned.source_text(start, end)
            assert 0 <= s <= e <= len(source)
            assert text == source[s:e]


# --- the whole pipeline on mutated real text ----------------------------------------------------------------

# Edits that keep the bytes valid text, so the document gets all the way through the NLP: invisible and
# bidirectional controls, look-alikes, hyphenated breaks, mixed scripts.
INSERTS = ["\u200b", "\u200f", "\u202e", "\u00ad", "\ufeff", "-\n", "\n", "e", "0", "3", "OO «", "ب", "ש", "\t", "  "]


@st.composite
def edited_text(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(path.stem for path in CORPUS_DEV.glob("*.txt"))))
    text = (CORPUS_DEV / f"{name}.txt").read_text(encoding="utf-8")
    chars = list(text)
    for _ in range(draw(st.integers(5, 40))):
        at = draw(st.integers(0, len(chars)))
        chars.insert(at, draw(st.sampled_from(INSERTS)))
    return name, "".join(chars)


@settings(max_examples=6, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(document=edited_text(), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_spans_of_mutated_documents_point_into_the_text(document: tuple[str, str], encoding: str) -> None:
    name, text = document
    try:
        extraction = extract_document(text.encode(encoding), f"{name}.txt")
    except KeneshError:
        return
    spans = list(record_spans(extraction.record.model_dump()))
    assert spans, name
    for span in spans:
        assert extraction.text[span["start"] : span["end"]] == span["text"], (name, span)
