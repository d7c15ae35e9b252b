"""The `kenesh` command line: records out, every offset true to the input, and bad input as one line of stderr.

Most cases call `service.cli.main` in this process (the models are loaded once per session); a few
run the real command in a subprocess to check what a user sees: the exit code and no traceback.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipelines.extract import MAX_INPUT_BYTES, extract_bytes, extract_file
from pipelines.readers import read_bytes
from service.cli import EXIT_FAILED, EXIT_OK, main
from tests.conftest import CORPUS_DEV, ROOT, SHARED
from tests.scoring import extracted
from tests.spans import record_spans

SAMPLE = CORPUS_DEV / "mbos-bishkek.txt"
RUSSIAN = "Заседание Совета по вопросам миграции открыл председатель Н.С. Базарбаев в Бишкеке.\n" * 3


def _record_example() -> dict[str, Any]:
    """The example record of record-format.md: the fields every record must carry."""
    text = (SHARED / "record-format.md").read_text(encoding="utf-8")
    match = re.search(r"```json\n(.*?)```", text, re.S)
    assert match, "record-format.md has no JSON example"
    return json.loads(match.group(1))


def _assert_has_fields(record: Any, example: Any, where: str = "record") -> None:
    """Every key of the example is in the record, level by level; list items against the first example item."""
    if isinstance(example, dict):
        assert isinstance(record, dict), where
        missing = set(example) - set(record)
        assert not missing, f"{where} lacks {sorted(missing)}"
        for key, value in example.items():
            _assert_has_fields(record[key], value, f"{where}.{key}")
    elif isinstance(example, list) and example:
        assert isinstance(record, list), where
        for i, item in enumerate(record):
            _assert_has_fields(item, example[0], f"{where}[{i}]")


def _assert_spans_match(record: dict[str, Any], text: str, name: str) -> int:
    count = 0
    for span in record_spans(record):
        assert 0 <= span["start"] < span["end"] <= len(text), (name, span)
        assert text[span["start"] : span["end"]] == span["text"], (name, span)
        count += 1
    return count


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


# ---- one file, the whole record ----


@pytest.fixture(scope="module")
def sample_record(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", "--out", str(out), str(SAMPLE)]) == EXIT_OK
    return json.loads((out / "mbos-bishkek.json").read_text(encoding="utf-8"))


def test_record_has_every_field_of_the_format(sample_record: dict[str, Any]) -> None:
    assert sample_record["schema_version"] == 1
    _assert_has_fields(sample_record, _record_example())
    for key in ("persons", "organizations", "locations", "issues", "topics"):
        assert isinstance(sample_record[key], list)


def test_document_info(sample_record: dict[str, Any]) -> None:
    document = sample_record["document"]
    data = SAMPLE.read_bytes()
    assert document["id"] == hashlib.sha256(data).hexdigest()
    assert document["filename"] == SAMPLE.name
    assert document["media_type"] == "text/plain"
    assert document["pages"] == 1
    assert document["chars"] == len(data.decode("utf-8"))
    assert document["language"] == "ru"
    assert document["ocr"] is False
    assert document["warnings"] == []


def test_single_file_prints_its_record(capsys: pytest.CaptureFixture[str], sample_record: dict[str, Any]) -> None:
    assert main(["extract", str(SAMPLE)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out) == sample_record


def test_several_files_print_one_line_each(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    second = tmp_path / "short.txt"
    second.write_text(RUSSIAN, encoding="utf-8")
    assert main(["extract", str(SAMPLE), str(second)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["document"]["filename"] for line in lines] == [SAMPLE.name, "short.txt"]


def test_out_writes_stem_json_per_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "протокол 2.txt"
    first.write_text(RUSSIAN, encoding="utf-8")
    second.write_bytes(RUSSIAN.encode("cp1251"))
    out = tmp_path / "nested" / "out"
    assert main(["extract", "--out", str(out), str(first), str(second)]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "протокол 2.json"]
    records = [json.loads((out / name).read_text(encoding="utf-8")) for name in ("a.json", "протокол 2.json")]
    assert records[0]["persons"] == records[1]["persons"]
    assert records[0]["document"]["id"] != records[1]["document"]["id"]


# ---- offsets: text[start:end] == mention.text, over the whole corpus ----


@pytest.fixture(scope="module")
def corpus_records() -> dict[str, tuple[dict[str, Any], str]]:
    # The session's extractions of corpus-dev (tests/scoring.py): the corpus scores read the same records.
    records = {}
    for path in sorted(CORPUS_DEV.glob("*.txt")):
        records[path.stem] = (extracted(path).model_dump(), read_bytes(path.read_bytes()).text)
    return records


@pytest.mark.corpus
def test_every_mention_and_quote_points_at_its_text(corpus_records: dict[str, tuple[dict[str, Any], str]]) -> None:
    assert len(corpus_records) >= 25
    total = sum(_assert_spans_match(record, text, stem) for stem, (record, text) in corpus_records.items())
    assert total > 100  # the corpus has hundreds of mentions: the walk did find them


@pytest.mark.corpus
def test_records_hold_every_field(corpus_records: dict[str, tuple[dict[str, Any], str]]) -> None:
    example = _record_example()
    for record, _ in corpus_records.values():
        _assert_has_fields(record, example)


CP1251_DOCS = ["mbos-bishkek", "nerel-013", "nerel-449"]


@pytest.mark.corpus
@pytest.mark.parametrize("stem", CP1251_DOCS)
def test_cp1251_copy(stem: str, corpus_records: dict[str, tuple[dict[str, Any], str]]) -> None:
    text = (CORPUS_DEV / f"{stem}.txt").read_text(encoding="utf-8")
    # mbos-bishkek has a «×» CP1251 lacks: it becomes «?», and the record may differ, not its offsets.
    data = text.encode("cp1251", errors="replace")
    record = extract_bytes(data, filename=f"{stem}.txt").model_dump()
    assert _assert_spans_match(record, read_bytes(data).text, stem) > 0
    if data.decode("cp1251") == text:  # the same characters: the same record, but for the bytes' hash
        expected = corpus_records[stem][0]
        assert record["document"]["id"] != expected["document"]["id"]
        assert record["document"]["chars"] == expected["document"]["chars"]
        assert {**record, "document": expected["document"]} == expected


def test_offsets_are_into_the_raw_text_not_the_cleaned_one() -> None:
    # Noise before a name shifts the cleaned text; mentions must still point into the input.
    text = "## ×\nОО «Вектор» и со\u00adвет.\nЗаседание открыл председатель Н.С. Базарбаев в Бишкеке.\n"
    record = extract_bytes(text.encode("utf-8")).model_dump()
    assert _assert_spans_match(record, text, "noisy") > 0


# ---- bad input: one line on stderr, exit code 2, no traceback ----


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Bad files made on the spot: name → (path, what the message must say)."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(random.Random(3).randbytes(4096))
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    undecodable = tmp_path / "broken.txt"
    undecodable.write_bytes(RUSSIAN.encode("utf-8") + b"\xff\xfe\x98" + RUSSIAN.encode("utf-8"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk, never read
        f.truncate(50 * 2**20)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "directory": (folder, "directory"),
        "empty": (empty, "empty"),
        "binary garbage": (garbage, "not a supported document format"),
        "png": (png, "damaged or truncated image"),
        "undecodable": (undecodable, "UTF-8"),
        "50 MB": (huge, "too large"),
    }


BAD = ["missing", "directory", "empty", "binary garbage", "png", "undecodable", "50 MB"]


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_one_line_on_stderr(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, problem = _bad_inputs(tmp_path)[name]
    assert main(["extract", str(path)]) == EXIT_FAILED
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("kenesh: ") and str(path) in lines[0] and problem in lines[0], lines[0]


def test_huge_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = _bad_inputs(tmp_path)["50 MB"]
    assert path.stat().st_size > MAX_INPUT_BYTES

    def no_reading(self: Path) -> bytes:
        raise AssertionError("a file over the limit was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(Exception, match="too large"):
        extract_file(path)


def test_batch_with_a_bad_file_writes_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(RUSSIAN, encoding="utf-8")
    out = tmp_path / "out"
    files = [bad["empty"][0], good, bad["missing"][0]]
    assert main(["extract", "--out", str(out), *map(str, files)]) == EXIT_FAILED
    assert [p.name for p in out.iterdir()] == ["good.json"]
    err = capsys.readouterr().err.splitlines()
    assert any(str(bad["empty"][0]) in line for line in err)
    assert any(str(bad["missing"][0]) in line for line in err)
    assert not any("Traceback" in line for line in err)


def test_output_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(RUSSIAN, encoding="utf-8")
    out = tmp_path / "out"
    (out / "good.json").mkdir(parents=True)  # a folder where the record should go
    assert main(["extract", "--out", str(out), str(good)]) == EXIT_FAILED
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0] and str(good) in lines[0]


def test_out_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "taken"
    taken.write_text("x")
    assert main(["extract", "--out", str(taken), str(SAMPLE)]) == EXIT_FAILED
    assert len(capsys.readouterr().err.splitlines()) == 1


# ---- the real command, as a user runs it ----


def test_command_with_a_bad_file(tmp_path: Path) -> None:
    path, problem = _bad_inputs(tmp_path)["binary garbage"]
    result = _run("extract", path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kenesh: {path}: ") and problem in lines[0], result.stderr


def test_command_batch(tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_bytes(RUSSIAN.encode("koi8_r"))
    out = tmp_path / "out"
    result = _run("extract", "--out", out, good, *(bad[name][0] for name in BAD))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in out.iterdir()] == ["good.json"]
    record = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert record["schema_version"] == 1
    _assert_spans_match(record, RUSSIAN, "koi8")
    err = result.stderr.splitlines()
    assert len(err) == len(BAD) + 1  # one line per bad file and the summary
    assert err[-1] == f"kenesh: {len(BAD)} of {len(BAD) + 1} files failed"


def test_command_usage_error() -> None:
    result = _run("extract")
    assert result.returncode == 2
    assert "usage: kenesh" in result.stderr and "Traceback" not in result.stderr


def test_tokens_are_listed_and_revoked(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    """`kenesh token list` shows every token but never its secret; `kenesh token revoke ID` locks it out."""
    from fastapi.testclient import TestClient

    from service.api.main import create_app
    from service.settings import Settings, get_settings

    monkeypatch.setenv("KENESH_DATABASE_URL", database_url)
    get_settings.cache_clear()  # the commands read the settings once per process
    request.addfinalizer(get_settings.cache_clear)
    assert main(["token", "list"]) == EXIT_OK
    assert "no tokens yet" in capsys.readouterr().err
    made = {}
    for role, name in (("archivist", "Айгуль"), ("researcher", None)):
        assert main(["token", "create", "--role", role] + (["--name", name] if name else [])) == EXIT_OK
        out, err = capsys.readouterr()
        made[role] = (out.strip(), re.search(r"token ([0-9a-f-]{36}) created", err).group(1))  # type: ignore[union-attr]

    assert main(["token", "list"]) == EXIT_OK
    listing = capsys.readouterr().out
    lines = listing.splitlines()
    assert lines[0].split() == ["ID", "ROLE", "NAME", "CREATED", "REVOKED"]
    assert len(lines) == 3
    archivist_line = next(line for line in lines if made["archivist"][1] in line)
    assert "archivist" in archivist_line and "Айгуль" in archivist_line and archivist_line.endswith("-")
    for plain, _ in made.values():
        assert plain not in listing and plain[3:20] not in listing  # never the token, nor a part of it

    settings = Settings(database_url=database_url, warm_up=False, rate_limit_per_minute=0)
    with TestClient(create_app(settings)) as client:
        researcher, researcher_id = made["researcher"]
        assert client.get("/v1/auth/me", headers={"Authorization": f"Bearer {researcher}"}).status_code == 200
        client.cookies.set("kenesh_token", researcher)
        assert client.get("/search", follow_redirects=False).status_code == 200

        assert main(["token", "revoke", researcher_id]) == EXIT_OK
        assert f"researcher token {researcher_id} revoked at " in capsys.readouterr().err
        refused = client.get("/v1/auth/me", headers={"Authorization": f"Bearer {researcher}"})
        assert refused.status_code == 401 and refused.json()["detail"] == "unknown or revoked token"
        assert client.get("/v1/auth/me", headers={"X-Kenesh-Page": "1"}).status_code == 401  # nor as the cookie
        page = client.get("/search", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/login")
        login = client.post("/login", data={"token": researcher, "next": "/"}, follow_redirects=False)
        assert login.status_code == 401
        client.cookies.clear()
        archivist = {"Authorization": f"Bearer {made['archivist'][0]}"}
        assert client.get("/v1/auth/me", headers=archivist).status_code == 200  # the other token still works

    assert main(["token", "list"]) == EXIT_OK
    revoked_line = next(line for line in capsys.readouterr().out.splitlines() if researcher_id in line)
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", revoked_line)
    # Again: nothing changes, and it says so; a wrong or unknown id is one line and exit 2.
    assert main(["token", "revoke", researcher_id]) == EXIT_OK
    assert "was already revoked" in capsys.readouterr().err
    assert main(["token", "revoke", "not-an-id"]) == EXIT_FAILED
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["token", "revoke", "00000000-0000-0000-0000-000000000000"]) == EXIT_FAILED
    assert "no token 00000000-0000-0000-0000-000000000000" in capsys.readouterr().err


def test_command_prints_every_record_then_skips_the_teardown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The program ends with os._exit once the records are out (no interpreter teardown): what it printed to a
    pipe is flushed first, whole, and the same as the in-process command's, with one process or a pool."""
    second = tmp_path / "second.txt"
    second.write_text(RUSSIAN, encoding="utf-8")
    assert main(["extract", "--jobs", "1", str(SAMPLE), str(second)]) == EXIT_OK
    expected = capsys.readouterr().out
    for jobs in ("1", "2"):
        result = _run("extract", "--jobs", jobs, SAMPLE, second)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
    # An exit handler registered before the command never runs: the interpreter is not torn down.
    script = (
        "import atexit, sys; from service import cli; atexit.register(print, 'torn down'); "
        f"sys.argv = ['kenesh', 'extract', '--compact', {str(second)!r}]; cli.main()"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema_version"] == 1
    assert "torn down" not in result.stdout
