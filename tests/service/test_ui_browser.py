"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright against the real app.

Never `playwright install`: the browser is the system's /usr/bin/chromium (`.ci/run` installs it). Without it
the test is skipped here and fails in CI. Screenshots go to tests/artifacts/ui/ (gitignored): look at them.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from service.api.main import create_app
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import Role
from tests.conftest import CORPUS_DEV
from tests.service.conftest import JOB_TIMEOUT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "ui"


def _need_browser() -> None:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install -e '.[dev]')")
    if missing:
        message = "the browser tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The real app under uvicorn in a thread on a free port, once its health answers: its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/v1/health").status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.1)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """The real app under uvicorn in a thread, on a fresh SQLite archive, and a token per role."""
    _need_browser()
    folder = tmp_path_factory.mktemp("ui")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'kenesh.db'}",
        warm_up=False,
        sse_poll_seconds=0.1,
        rate_limit_per_minute=0,
        extract_processes=0,
    )
    engine = make_engine(settings.database_url)
    migrate(engine)
    with session_scope(make_session_factory(engine)) as session:
        tokens = {role.value: repo.create_token(session, role, f"UI {role.value}")[1] for role in Role}
    engine.dispose()
    with serving(settings) as base:
        yield base, tokens


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """One headless chromium per module; each test gets its own context of it (`page`): its own cookies,
    storage and cache, as a browser of its own would have."""
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: object, served: tuple[str, dict[str, str]]) -> Iterator[object]:
    from playwright.sync_api import Browser

    assert isinstance(chromium, Browser)
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
    # A script or style the pages' Content-Security-Policy refused is reported twice: as the browser's
    # console message, and by this listener (scripts Playwright adds are not held to the policy).
    context.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) =>
            console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI));"""
    )
    try:
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        violations: list[str] = []
        tab.on("console", lambda message: _watch_policy(message, violations))
        setattr(tab, "csp_violations", violations)  # noqa: B010 - a test that provokes one clears it
        yield tab
        assert not errors, f"the pages' scripts failed: {errors}"
        assert not violations, f"the pages broke their Content-Security-Policy: {violations}"
    finally:
        context.close()


def _watch_policy(message: object, violations: list[str]) -> None:
    from playwright.sync_api import ConsoleMessage

    assert isinstance(message, ConsoleMessage)
    if "Content Security Policy" in message.text or message.text.startswith("CSP violation"):
        violations.append(message.text)


def _login(page: object, base: str, token: str, then: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(f"{base}{then}")
    expect(page).to_have_url(f"{base}/login?next={then}")
    page.get_by_label("Токен доступа").fill(token)
    page.keyboard.press("Enter")  # keyboard only: the form submits from the field
    expect(page).to_have_url(f"{base}{then}")
    # The URL can match before the page's scripts have attached their handlers (keys, buttons).
    page.wait_for_load_state("load")


TWO_MEETINGS = (CORPUS_DEV / "nerel-13896_text.txt", CORPUS_DEV / "nerel-22657_text.txt")  # Обама in both


def _person_entry(page: Any, name: str) -> Any:
    """The record's entry of the person named so (another person's quote may name them too)."""
    name_field = page.locator(".field.ent-PER", has_text=re.compile(f"^{re.escape(name)}$"))
    return page.locator("#persons li.person").filter(has=name_field)


def test_upload_two_correct_search_person(page: object, served: tuple[str, dict[str, str]]) -> None:
    """The issue's end-to-end flow: upload two documents, correct a position, history, search, person page."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto(f"{base}/login")
    page.screenshot(path=SHOTS / "01-login.png")
    _login(page, base, tokens["archivist"], "/upload")

    page.get_by_label("Перетащите сюда файлы", exact=False).set_input_files([str(path) for path in TWO_MEETINGS])
    page.get_by_role("button", name="Загрузить").click()
    jobs = page.locator("li.job")
    expect(jobs).to_have_count(2)
    for index in range(2):
        expect(jobs.nth(index)).to_have_attribute("data-state", "done", timeout=JOB_TIMEOUT * 1000)
        expect(jobs.nth(index).locator("progress")).to_have_attribute("value", "100")
        expect(jobs.nth(index)).to_have_attribute("data-via", "sse")  # progress came over the event stream
    expect(page.locator("#batch-status")).to_contain_text("готово 2 из 2")
    expect(page.locator("#batch-progress")).to_have_attribute("value", "100")
    page.screenshot(path=SHOTS / "02-upload-done.png", full_page=True)

    jobs.filter(has_text="nerel-13896").get_by_role("link", name="Открыть документ").click()
    page.wait_for_load_state()  # the scripts that make fields clickable have run
    persons = page.locator("article.doc-text mark.ent-PER")
    expect(persons.filter(has_text="Обама").first).to_be_visible()
    assert persons.count() >= 5
    field = page.locator("#persons a.field", has_text="Обама").first
    field.click()
    anchor = field.get_attribute("data-anchor")
    expect(page.locator(f"mark#{anchor}")).to_have_class("entity ent-PER current")
    page.screenshot(path=SHOTS / "03-document.png")

    # Correct a position: the gold record has Фалмут Карни as a shoemaker, the machine found no position.
    # (Коллинз's quote names him too: the entry is the one whose name field is his.)
    karni = _person_entry(page, "Фалмут Карни")
    karni.get_by_role("button", name="Изменить").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Должность").fill("сапожник")
    dialog.get_by_label("Примечание к версии").fill("должность по тексту")
    page.screenshot(path=SHOTS / "04-edit-person.png")
    dialog.get_by_role("button", name="Сохранить").click()
    expect(page).to_have_url(re.compile(r"saved=2"))
    page.reload()
    expect(_person_entry(page, "Фалмут Карни").locator(".position")).to_have_text("сапожник")
    expect(page.locator("p.meta")).to_contain_text("Запись версии 2 (исправление)")

    page.get_by_role("link", name="История версий").click()
    versions = page.locator("#versions tbody tr")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_have_attribute("data-kind", "machine")
    expect(versions.nth(1)).to_have_attribute("data-kind", "correction")
    expect(versions.nth(1).locator(".author")).to_contain_text("UI archivist")
    expect(versions.nth(1).locator(".note")).to_contain_text("должность по тексту")
    page.screenshot(path=SHOTS / "05-history.png", full_page=True)
    versions.nth(0).get_by_role("link", name="Открыть").click()  # the original is kept, read-only
    expect(page.locator("#old-version")).to_contain_text("версию 1")
    expect(_person_entry(page, "Фалмут Карни").locator(".position")).to_have_count(0)
    expect(page.get_by_role("button", name="Изменить")).to_have_count(0)

    page.goto(f"{base}/search?q=Обамы")  # an inflected surname
    expect(page.locator("#search-results li a")).to_have_count(2)
    expect(page.locator("#search-results .snippet mark").first).to_be_visible()
    page.screenshot(path=SHOTS / "06-search.png", full_page=True)
    page.locator("#person-results a", has_text="Обама").first.click()
    meetings = page.locator("#person-meetings li")
    expect(meetings).to_have_count(2)
    expect(meetings.filter(has_text="встреча")).to_have_count(1)
    # (the gold's «церемония в Белом доме»: the party congress is named only as past, «на … съезде …, прошедшем …»)
    expect(meetings.filter(has_text="церемония")).to_have_count(1)
    expect(page.locator("#person-timeline li").first).to_contain_text("президент США")
    expect(page.locator("#co-participants li", has_text="Джон Керри")).to_have_count(1)
    page.screenshot(path=SHOTS / "07-person.png", full_page=True)


def test_a_reader_sees_no_upload(page: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    _login(page, base, tokens["researcher"], "/")
    expect(page.get_by_role("link", name="Загрузка")).to_have_count(0)
    page.goto(f"{base}/upload")
    expect(page.locator("#upload-form")).to_have_count(0)
    expect(page.get_by_role("alert")).to_contain_text("только архивист")


def test_a_failed_job_shows_its_reason_and_retries(
    page: object, served: tuple[str, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playwright.sync_api import Page, expect

    from pipelines.errors import DecodingError
    from service.extraction import Extractor

    assert isinstance(page, Page)
    base, tokens = served
    real_run = Extractor.run
    failures = [DecodingError("cannot decode the text")]

    def fails_once(self: Extractor, data: bytes, filename: str | None, progress: object) -> object:
        if filename == "fails-once.txt" and failures:
            raise failures.pop()
        return real_run(self, data, filename, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "run", fails_once)  # the app runs in this process: its jobs see the patch
    sample = tmp_path / "fails-once.txt"
    sample.write_text("Заседание совета в Бишкеке. Выступил Н.С. Базарбаев.", encoding="utf-8")
    _login(page, base, tokens["archivist"], "/upload")
    page.get_by_label("Перетащите сюда файлы", exact=False).set_input_files(str(sample))
    page.get_by_role("button", name="Загрузить").click()
    job = page.locator("li.job").first
    expect(job).to_have_attribute("data-state", "failed", timeout=JOB_TIMEOUT * 1000)
    expect(job.locator(".job-status")).to_contain_text("Не удалось прочитать текст")  # the reason, in Russian
    page.screenshot(path=SHOTS / "06-upload-failed.png", full_page=True)
    job.get_by_role("button", name="Повторить").click()
    expect(job).to_have_attribute("data-state", "done", timeout=JOB_TIMEOUT * 1000)
    expect(job.get_by_role("link", name="Открыть документ")).to_be_visible()


def _archive(base: str, token: str, *names: str) -> dict[str, str]:
    """Upload corpus documents through the API and wait for their records: file name → document id."""
    headers = {"Authorization": f"Bearer {token}"}
    files = [("files", (name, (CORPUS_DEV / name).read_bytes(), "text/plain")) for name in names]
    uploaded = httpx.post(f"{base}/v1/documents", headers=headers, files=files, timeout=60).json()["data"]
    deadline = time.monotonic() + JOB_TIMEOUT
    for item in uploaded:
        while httpx.get(f"{base}/v1/jobs/{item['job_id']}", headers=headers).json()["state"] not in ("done", "failed"):
            assert time.monotonic() < deadline, f"{item['filename']} was not extracted in time"
            time.sleep(0.1)
    return {item["filename"]: item["document_id"] for item in uploaded}


def _select_text(page: object, words: str) -> None:
    """Select `words` where they stand as plain text (not inside a mark) in the document, as a mouse would."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    found = page.evaluate(
        """(words) => {
            const article = document.getElementById("doc-text");
            for (const run of article.querySelectorAll(":scope > [data-o]")) {
                const at = run.textContent.indexOf(words);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(run.firstChild, at);
                range.setEnd(run.firstChild, at + words.length);
                window.getSelection().removeAllRanges();
                window.getSelection().addRange(range);
                article.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
                return Number(run.dataset.o) + at;
            }
            return null;
        }""",
        words,
    )
    assert found is not None, f"«{words}» is not plain text in the document"


def _confirm_all(page: object) -> list[str]:
    """Accept every confirmation the page asks for; the list of their questions, to check that it asked."""
    from playwright.sync_api import Dialog, Page

    assert isinstance(page, Page)
    asked: list[str] = []

    def accept(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    return asked


def test_review_add_drop_merge_split_restore(page: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    document_id = _archive(base, tokens["archivist"], "mbos-bishkek.txt")["mbos-bishkek.txt"]
    asked = _confirm_all(page)
    _login(page, base, tokens["archivist"], f"/documents/{document_id}")
    page.wait_for_load_state()
    text = httpx.get(
        f"{base}/v1/documents/{document_id}", headers={"Authorization": f"Bearer {tokens['archivist']}"}
    ).json()["text"]
    start_version = int(page.locator("#doc-text").get_attribute("data-version") or 0)

    # Add a missed issue from a selection: the stored span is exactly the selected text.
    missed = "экспертов аналитических и научных кругов"
    assert missed in text
    _select_text(page, missed)
    panel = page.locator("#add-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("#add-text")).to_have_text(missed)
    page.screenshot(path=SHOTS / "08-add-from-selection.png")
    panel.get_by_role("button", name="Новый вопрос").click()
    page.wait_for_url(re.compile(r"saved="))
    page.wait_for_load_state()
    expect(page.locator("#issues li", has_text=missed)).to_have_count(1)
    expect(page.locator("article mark.ent-ISSUE", has_text=missed).first).to_be_visible()

    # Remove a false entity.
    locations = page.locator("#locations li")
    before = locations.count()
    page.locator("#locations li", has_text="Москва").get_by_role("button", name="Удалить").click()
    page.wait_for_url(re.compile(rf"saved={start_version + 2}"))
    page.wait_for_load_state()
    expect(page.locator("#locations li")).to_have_count(before - 1)
    expect(page.locator("#locations li", has_text="Москва")).to_have_count(0)
    assert asked[-1].startswith("Удалить «Москва» из записи?")  # confirmed before it was done
    expect(page.locator("#review-status")).to_have_text(f"Сохранено: версия {start_version + 2}.")

    # Merge two persons, then split the second one off again.
    persons = page.locator("#persons li.person")
    count = persons.count()
    page.get_by_label("Отметить Н.С. Базарбаев для объединения").check()
    page.get_by_label("Отметить А.С. Омурбекова для объединения").check()
    page.get_by_role("button", name="Объединить отмеченных").click()
    page.wait_for_url(re.compile(rf"saved={start_version + 3}"))
    page.wait_for_load_state()
    expect(persons).to_have_count(count - 1)
    expect(page.locator("#persons li.person", has_text="Омурбекова")).to_have_count(0)

    page.locator("#persons li.person", has_text="Базарбаев").get_by_role("button", name="Изменить").click()
    dialog = page.get_by_role("dialog")
    mention = dialog.locator("#split-mentions li", has_text="Омурбекова")
    mention.get_by_role("checkbox").check()
    dialog.get_by_label("Имя нового человека").fill("А.С. Омурбекова")
    dialog.get_by_label("Его фамилия").fill("Омурбекова")
    page.screenshot(path=SHOTS / "09-split.png")
    dialog.get_by_role("button", name="Разделить").click()
    page.wait_for_url(re.compile(rf"saved={start_version + 4}"))
    page.wait_for_load_state()
    expect(persons).to_have_count(count)
    expect(page.locator("#persons li.person", has_text="Омурбекова")).to_have_count(1)

    # Every step is a version with its author; restoring the original is one more version.
    page.get_by_role("link", name="История версий").click()
    rows = page.locator("#versions tbody tr")
    expect(rows).to_have_count(start_version + 4)
    expect(rows.last.locator(".note")).to_contain_text("отделено упоминаний: 1")  # the note, in Russian
    expect(rows.nth(start_version + 2).locator(".note")).to_contain_text("объединены: p")
    page.screenshot(path=SHOTS / "10-history.png", full_page=True)
    rows.nth(start_version - 1).get_by_role("button", name=f"Восстановить версию {start_version}").click()
    expect(rows).to_have_count(start_version + 5)
    expect(rows.last).to_have_attribute("data-kind", "restore")
    expect(rows.last).to_contain_text("восстановление")  # the kind, in Russian
    expect(rows.last.locator(".note")).to_have_text(f"восстановлена версия {start_version}")
    expect(page.locator("#history-status")).to_have_text(f"Сохранено: версия {start_version + 5}.")
    assert asked[-1] == f"Сделать версию {start_version} текущей? Новая версия добавится в историю."
    page.get_by_role("link", name="к документу").click()
    page.wait_for_load_state()
    expect(page.locator("#locations li", has_text="Москва")).to_have_count(1)
    expect(page.locator("#issues li", has_text=missed)).to_have_count(0)


def test_research_pages(page: object, served: tuple[str, dict[str, str]]) -> None:
    """Search filters and export, organization page, topics chart, who-met-whom graph, as a researcher."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    ids = _archive(
        base,
        tokens["archivist"],
        "nerel-103597_text.txt",
        "nerel-10744_text.txt",
        "nerel-19107_text.txt",
        "nerel-107294_text.txt",
        "nerel-100084_text.txt",
    )
    _login(page, base, tokens["researcher"], "/search")

    page.get_by_label("Слова в любой форме").fill("Жириновского")
    page.get_by_role("button", name="Искать").click()
    results = page.locator("#search-results li")
    expect(results).to_have_count(3)
    page.get_by_label("С даты").fill("2016-07-01")
    page.get_by_label("По дату").fill("2016-07-31")
    page.get_by_role("button", name="Искать").click()
    expect(results).to_have_count(1)
    expect(results.first.locator("a")).to_have_attribute("href", f"/documents/{ids['nerel-103597_text.txt']}")
    page.screenshot(path=SHOTS / "11-search-filtered.png", full_page=True)
    with page.expect_download() as download:
        page.locator("#export-jsonl").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document_id"] for line in lines] == [ids["nerel-103597_text.txt"]]

    page.goto(f"{base}/organizations?q=ЛДПР")
    page.locator("#organizations a", has_text="ЛДПР").first.click()
    expect(page.locator("#organization-people li", has_text="Жириновский")).to_have_count(1)
    assert page.locator("#organization-meetings li").count() >= 2
    page.screenshot(path=SHOTS / "12-organization.png", full_page=True)

    page.goto(f"{base}/topics")
    expect(page.locator("#topics-chart")).to_have_attribute("data-ready", re.compile(r"[1-9]"))
    months = page.locator("#topics-table thead th")
    assert months.count() >= 3  # the topic column and at least two months
    # A time axis: every month from the first to the last is on it, the empty ones too.
    shown = [text for text in months.all_inner_texts()[1:] if text[:4].isdigit()]
    first, last = (int(shown[0][:4]), int(shown[0][5:])), (int(shown[-1][:4]), int(shown[-1][5:]))
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    expect(page.locator("#topics-chart")).to_have_attribute("data-months", str(span))
    assert span > len(shown)  # the archive has months without meetings between its first and last
    page.screenshot(path=SHOTS / "13-topics.png", full_page=True)
    page.get_by_label("С даты").fill("2016-08-01")
    page.get_by_role("button", name="Показать").click()
    header = [text for text in page.locator("#topics-table thead th").all_inner_texts()[1:] if text[:4].isdigit()]
    assert header and all(month >= "2016-08" for month in header)

    page.goto(f"{base}/network")
    graph = page.locator("#network")
    expect(graph).to_have_attribute("data-nodes", re.compile(r"\d+"))
    everyone = int(graph.get_attribute("data-nodes") or 0)
    assert everyone >= 5  # those who took part in the five meetings; the persons they only mention are left out
    page.get_by_label("Найти на графе").fill("жириновского")  # part of the name, another case
    page.get_by_label("Найти на графе").press("Enter")
    expect(page.locator("#network-selected a")).to_have_text("Владимир Вольфович Жириновский")
    page.screenshot(path=SHOTS / "14-network.png", full_page=True)
    page.get_by_label("Тема").select_option("international")
    page.get_by_role("button", name="Показать").click()
    expect(graph).to_have_attribute("data-nodes", re.compile(r"\d+"))
    assert int(graph.get_attribute("data-nodes") or 0) < everyone


def test_a_reader_sees_no_editing(page: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    document_id = _archive(base, tokens["archivist"], "mbos-bishkek.txt")["mbos-bishkek.txt"]
    _login(page, base, tokens["researcher"], f"/documents/{document_id}")
    expect(page.locator("article.doc-text mark.ent-PER").first).to_be_visible()
    page.wait_for_load_state()
    field = page.locator("#persons a.field").first
    field.focus()  # keyboard only: a focused field and Enter bring its evidence into view
    page.keyboard.press("Enter")
    expect(page.locator(f"mark#{field.get_attribute('data-anchor')}")).to_be_focused()
    expect(page.get_by_role("button", name="Изменить")).to_have_count(0)
    expect(page.get_by_role("button", name="Удалить")).to_have_count(0)
    expect(page.locator("#add-panel")).to_have_count(0)
    page.get_by_role("link", name="История версий").click()
    expect(page.locator("#versions tbody tr").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Восстановить"))).to_have_count(0)
    # The API refuses the reader's write even when it is sent by hand from the page.
    status = page.evaluate(
        """async (id) => (await keneshApi("/v1/documents/" + id + "/record", {method: "PATCH",
            headers: {"Content-Type": "application/json"},
            body: JSON.stringify({base_version: 1, operations: [{op: "drop", entity: "location", ref: 0}]})})
        ).status""",
        document_id,
    )
    assert status == 403


FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def test_upload_every_format_and_pdf_pages(page: object, served: tuple[str, dict[str, str]]) -> None:
    """One batch of a text-layer PDF, a scan, a DOCX and an HTML page; the PDF's fields show their page."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    batch = [
        FORMATS / "pdf" / "nerel-014.pdf",
        FORMATS / "scanned" / "nerel-013.pdf",
        FORMATS / "docx" / "nerel-449.docx",
        FORMATS / "html" / "nerel-11587_text.html",
    ]
    _login(page, base, tokens["archivist"], "/upload")
    page.get_by_label("Перетащите сюда файлы", exact=False).set_input_files([str(path) for path in batch])
    page.get_by_role("button", name="Загрузить").click()
    jobs = page.locator("li.job")
    expect(jobs).to_have_count(len(batch))
    for index in range(len(batch)):
        expect(jobs.nth(index)).to_have_attribute("data-state", "done", timeout=JOB_TIMEOUT * 1000)
    expect(page.locator("#batch-status")).to_contain_text(f"готово {len(batch)} из {len(batch)}")
    page.screenshot(path=SHOTS / "15-upload-formats.png", full_page=True)

    jobs.filter(has_text="nerel-014.pdf").get_by_role("link", name="Открыть документ").click()
    page.wait_for_load_state()
    expect(page.locator("p.meta")).to_contain_text("страниц: 3")
    pages = [
        int(value) for value in page.locator("a.field[data-page]").evaluate_all("(a) => a.map(x => x.dataset.page)")
    ]
    assert max(pages) >= 2, "no field is on a later page of the PDF"
    on_later = page.locator(f"a.field[data-page='{max(pages)}']").first
    expect(on_later.locator("xpath=following-sibling::small[@class='page']")).to_have_text(f"стр. {max(pages)}")
    on_later.click()
    expect(page.locator("#evidence-page")).to_contain_text(f"страница {max(pages)}")
    page.screenshot(path=SHOTS / "16-pdf-pages.png")

    page.goto(f"{base}/")
    for path in batch:
        expect(page.locator("table a", has_text=path.name)).to_have_count(1)


HOSTILE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Протокол</title></head><body><article>
<h1>Протокол заседания комиссии</h1>
<p>Заседание комиссии открыл председатель Н.С. Базарбаев. Выступил министр А.Б. Сидоров.</p>
<p>Комиссия рассмотрела вопрос о бюджете города Ош на следующий год и приняла решение.</p>
</article><script>localStorage.setItem("stolen", document.cookie + "|" + localStorage.getItem("kenesh_token"));
fetch("/v1/auth/me").then(() => { document.title = "pwned"; });</script></body></html>"""


def test_an_uploaded_page_downloads_and_never_runs(page: object, served: tuple[str, dict[str, str]]) -> None:
    """«Исходный файл» of an uploaded HTML page with a script: a download of its bytes, no window, no script."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    headers = {"Authorization": f"Bearer {tokens['archivist']}"}
    data = HOSTILE_HTML.encode()
    files = [("files", ("протокол.html", data, "text/html"))]
    stored = httpx.post(f"{base}/v1/documents", headers=headers, files=files, timeout=60).json()["data"][0]
    document_id = stored["document_id"]
    deadline = time.monotonic() + JOB_TIMEOUT
    while httpx.get(f"{base}/v1/jobs/{stored['job_id']}", headers=headers).json()["state"] != "done":
        assert time.monotonic() < deadline, "the page was not extracted in time"
        time.sleep(0.1)
    _login(page, base, tokens["archivist"], f"/documents/{document_id}")
    # No script of the page can read the token: the cookie is HttpOnly and nothing is in localStorage.
    (cookie,) = [cookie for cookie in page.context.cookies() if cookie["name"] == "kenesh_token"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("localStorage.length") == 0
    popups: list[object] = []
    page.context.on("page", lambda opened: popups.append(opened))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Исходный файл").click()
    download = download_info.value
    assert download.suggested_filename == "протокол.html"
    assert Path(download.path()).read_bytes() == data
    expect(page).to_have_url(f"{base}/documents/{document_id}")
    assert popups == [], "the original opened in a window"
    assert page.evaluate("localStorage.getItem('stolen')") is None
    assert page.title() != "pwned"
    # «Выйти» posts the logout: the cookie is gone and the pages want a login again.
    page.get_by_role("button", name="Выйти").click()
    expect(page).to_have_url(f"{base}/login")
    assert not [cookie for cookie in page.context.cookies() if cookie["name"] == "kenesh_token"]
    page.goto(f"{base}/")
    expect(page).to_have_url(f"{base}/login?next=/")


def test_the_policy_stops_an_injected_script(page: object, served: tuple[str, dict[str, str]]) -> None:
    """Were some text ever to slip a <script> into a page, the browser refuses to run it."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    _login(page, base, tokens["researcher"], "/search")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.appendChild(script);
            const link = document.createElement("a");
            link.id = "injected-link";
            link.setAttribute("onclick", "window.injected = true");
            document.body.appendChild(link);
            link.click();
        }"""
    )
    violations: list[str] = page.csp_violations  # type: ignore[attr-defined]
    expect(page.locator("body")).to_be_visible()
    deadline = time.monotonic() + 10
    while len([v for v in violations if v.startswith("CSP violation")]) < 2:
        assert time.monotonic() < deadline, f"no violation reported: {violations}"
        page.wait_for_timeout(50)
    assert page.evaluate("window.injected") is None
    assert all("script-src" in violation for violation in violations if violation.startswith("CSP violation"))
    violations.clear()  # provoked on purpose


REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def test_the_api_docs_render_offline(page: object, served: tuple[str, dict[str, str]]) -> None:
    """/docs and /redoc render from this origin alone: every other request is cut off and none is made."""
    from playwright.sync_api import Page, Route, expect

    assert isinstance(page, Page)
    base, _ = served
    elsewhere: list[str] = []

    def offline(route: Route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.context.route("**/*", offline)
    page.goto(f"{base}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Kenesh")
    expect(page.locator(".opblock-summary-path", has_text="/v1/documents").first).to_be_visible()
    page.screenshot(path=SHOTS / "20-docs.png")
    page.goto(f"{base}/redoc")
    expect(page.locator("h1", has_text="Kenesh").first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("/v1/documents/{document_id}/file").first).to_be_attached()
    page.screenshot(path=SHOTS / "21-redoc.png")
    assert elsewhere == [], elsewhere
    # ReDoc 2 always draws Redocly's logo from its CDN (the image hides itself when it fails): the page's
    # policy refuses it before any request is made, which is the point. Any other refusal still fails.
    violations: list[str] = page.csp_violations  # type: ignore[attr-defined]
    violations[:] = [violation for violation in violations if REDOCLY_LOGO not in violation]


def _select_span(page: object, start: int, end: int) -> None:
    """Select the document text from offset `start` to `end`, through marks or not, as a mouse would."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.evaluate(
        """([start, end]) => {
            const article = document.getElementById("doc-text");
            const at = (offset) => {
                for (const run of article.querySelectorAll("[data-o]")) {
                    const from = Number(run.dataset.o);
                    const inside = from <= offset && offset <= from + run.textContent.length;
                    if (inside) return [run.firstChild, offset - from];
                }
                throw new Error("no run holds offset " + offset);
            };
            const range = document.createRange();
            range.setStart(...at(start));
            range.setEnd(...at(end));
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            article.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        }""",
        [start, end],
    )


def test_a_mention_span_corrected_beside_the_scan(page: object, served: tuple[str, dict[str, str]]) -> None:
    """A scanned PDF (OCR): its page image beside the text; a person's mention cut to the words the image shows,
    saved as a new version, the original kept in version 1."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    headers = {"Authorization": f"Bearer {tokens['archivist']}"}
    scan = FORMATS / "scanned" / "mbos-bishkek.pdf"
    files = [("files", (scan.name, scan.read_bytes(), "application/pdf"))]
    stored = httpx.post(f"{base}/v1/documents", headers=headers, files=files, timeout=60).json()["data"][0]
    document_id = stored["document_id"]
    deadline = time.monotonic() + JOB_TIMEOUT
    while (state := httpx.get(f"{base}/v1/jobs/{stored['job_id']}", headers=headers).json()["state"]) != "done":
        assert state != "failed" and time.monotonic() < deadline, f"the scan was not extracted: {state}"
        time.sleep(0.2)
    detail = httpx.get(f"{base}/v1/documents/{document_id}", headers=headers).json()
    text, persons = detail["text"], detail["record"]["persons"]
    index, person = next((i, p) for i, p in enumerate(persons) if " " in p["mentions"][0]["text"].strip())
    old = person["mentions"][0]
    start, end = old["start"] + old["text"].rindex(" ") + 1, old["end"]  # the surname alone, as the image has it

    _login(page, base, tokens["archivist"], f"/documents/{document_id}")
    page.wait_for_function("() => document.querySelector('#page-images img').naturalWidth > 500")
    expect(page.locator("#doc-text")).to_be_visible()
    expect(page.locator(f"mark#per-{index}-0")).to_contain_text(old["text"])
    _select_span(page, start, end)
    panel = page.locator("#add-panel")
    expect(panel).to_be_visible()
    expect(page.locator("#add-text")).to_have_text(text[start:end].strip())
    chosen = page.locator("#fix-mention option:checked")  # the mention the selection overlaps is offered first
    expect(chosen).to_have_attribute("data-start", str(old["start"]))
    expect(chosen).to_have_attribute("data-entity", "person")
    page.screenshot(path=SHOTS / "17-mention-fix-beside-scan.png")
    page.get_by_role("button", name="Исправить упоминание").click()
    page.wait_for_url(re.compile(r"saved=2"))
    expect(page.locator("#review-status")).to_have_text("Сохранено: версия 2.")
    expect(page.locator(f"mark#per-{index}-0")).to_contain_text(text[start:end])
    expect(page.locator("#page-images img").first).to_be_visible()
    page.screenshot(path=SHOTS / "17-mention-fixed.png")

    current = httpx.get(f"{base}/v1/documents/{document_id}/record", headers=headers).json()
    mention = current["record"]["persons"][index]["mentions"][0]
    assert (mention["start"], mention["end"], mention["text"]) == (start, end, text[start:end])
    original = httpx.get(f"{base}/v1/documents/{document_id}/record", headers=headers, params={"version": 1}).json()
    assert original["record"]["persons"][index]["mentions"][0] == old
    page.get_by_role("link", name="История версий").click()
    note = page.locator("#versions tr[data-version='2'] .note")
    expect(note).to_contain_text(f"исправлено упоминание {person['id']}: {old['start']}–{old['end']} → {start}–{end}")
    expect(note).to_contain_text("границы упоминания исправлены по выделению")
