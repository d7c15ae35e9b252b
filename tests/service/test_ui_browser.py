"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright against the real app.

Never `playwright install`: the browser is the system's /usr/bin/chromium (`.ci/run` installs it). Without it
the test is skipped here and fails in CI. Screenshots go to tests/artifacts/ui/ (gitignored): look at them.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """The real app under uvicorn in a thread, on a fresh SQLite archive, and a token per role."""
    _need_browser()
    folder = tmp_path_factory.mktemp("ui")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'kenesh.db'}", warm_up=False, sse_poll_seconds=0.1, rate_limit_per_minute=0
    )
    engine = make_engine(settings.database_url)
    migrate(engine)
    with session_scope(make_session_factory(engine)) as session:
        tokens = {role.value: repo.create_token(session, role, f"UI {role.value}")[1] for role in Role}
    engine.dispose()
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
        yield base, tokens
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def page(served: tuple[str, dict[str, str]]) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
        try:
            tab = context.new_page()
            errors: list[str] = []
            tab.on("pageerror", lambda error: errors.append(str(error)))
            yield tab
            assert not errors, f"the pages' scripts failed: {errors}"
        finally:
            context.close()
            browser.close()


def _login(page: object, base: str, token: str, then: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(f"{base}{then}")
    expect(page).to_have_url(f"{base}/login?next={then}")
    page.get_by_label("Токен доступа").fill(token)
    page.keyboard.press("Enter")  # keyboard only: the form submits from the field
    expect(page).to_have_url(f"{base}{then}")


TWO_MEETINGS = (CORPUS_DEV / "nerel-13896_text.txt", CORPUS_DEV / "nerel-22657_text.txt")  # Обама in both


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
    karni = page.locator("#persons li.person", has_text="Фалмут Карни")
    karni.get_by_role("button", name="Изменить").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Должность").fill("сапожник")
    dialog.get_by_label("Примечание к версии").fill("должность по тексту")
    page.screenshot(path=SHOTS / "04-edit-person.png")
    dialog.get_by_role("button", name="Сохранить").click()
    expect(page).to_have_url(re.compile(r"saved=2"))
    page.reload()
    expect(page.locator("#persons li.person", has_text="Фалмут Карни").locator(".position")).to_have_text("сапожник")
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
    expect(page.locator("#persons li.person", has_text="Фалмут Карни").locator(".position")).to_have_count(0)
    expect(page.get_by_role("button", name="Изменить")).to_have_count(0)

    page.goto(f"{base}/search?q=Обамы")  # an inflected surname
    expect(page.locator("#search-results li a")).to_have_count(2)
    expect(page.locator("#search-results .snippet mark").first).to_be_visible()
    page.screenshot(path=SHOTS / "06-search.png", full_page=True)
    page.locator("#person-results a", has_text="Обама").first.click()
    meetings = page.locator("#person-meetings li")
    expect(meetings).to_have_count(2)
    expect(meetings.filter(has_text="встреча")).to_have_count(1)
    expect(meetings.filter(has_text="съезд")).to_have_count(1)
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
    expect(job.locator(".job-status")).to_contain_text("cannot decode the text")
    page.screenshot(path=SHOTS / "06-upload-failed.png", full_page=True)
    job.get_by_role("button", name="Повторить").click()
    expect(job).to_have_attribute("data-state", "done", timeout=JOB_TIMEOUT * 1000)
    expect(job.get_by_role("link", name="Открыть документ")).to_be_visible()
