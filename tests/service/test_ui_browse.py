"""Browsing an archive of 105 documents in a real browser: pages, sort and filter, the review queue by keyboard,
bulk actions, a batch upload of 13 files on one event stream, an XLSX export and the page images of a PDF.

The 105 documents are stored through the repositories with a record of the real pipeline (tests/service/
archive_seed.py): a hundred extractions would only make the test slow. Screenshots: tests/artifacts/ui/.
"""

from __future__ import annotations

import csv
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, session_scope
from service.storage.tables import Role
from tests.conftest import CORPUS_DEV
from tests.service import test_ui_browser as ui_browser
from tests.service.archive_seed import seed, seed_organizations
from tests.service.conftest import JOB_TIMEOUT
from tests.service.test_ui_browser import SHOTS, _login, _need_browser, serving

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "pdf" / "mbos-bishkek.pdf"
SEEDED = 105
COMMITTEES = 45  # organizations in no document: the filter menus page through them


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """The real app under uvicorn on a SQLite archive holding 105 extracted documents, and a token per role."""
    _need_browser()
    folder = tmp_path_factory.mktemp("ui-browse")
    url = f"sqlite:///{folder / 'kenesh.db'}"
    seed(url, SEEDED)
    seed_organizations(url, COMMITTEES)
    engine = make_engine(url)
    with session_scope(make_session_factory(engine)) as session:
        tokens = {role.value: repo.create_token(session, role, f"UI {role.value}")[1] for role in Role}
    engine.dispose()
    settings = Settings(
        database_url=url, warm_up=False, sse_poll_seconds=0.1, rate_limit_per_minute=0, extract_processes=0
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    with serving(settings) as base:
        yield base, tokens


# One chromium for the module, as in test_ui_browser.py; a browser context of its own per test.
chromium = ui_browser.chromium


@pytest.fixture
def tab(chromium: object, served: tuple[str, dict[str, str]]) -> Iterator[object]:
    """A fresh browser tab (as test_ui_browser's `page`), failing the test on any script error of the pages."""
    from playwright.sync_api import Browser

    assert isinstance(chromium, Browser)
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU", accept_downloads=True)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        assert not errors, f"the pages' scripts failed: {errors}"
    finally:
        context.close()


def _workbook_rows(page: object, control: object, saved: Path) -> list[tuple]:
    """Click a control that downloads a workbook, keep it at `saved`, and read its rows with openpyxl."""
    with page.expect_download() as download:
        control.click()
    download.value.save_as(saved)
    return list(load_workbook(saved, read_only=True).active.iter_rows(values_only=True))


def test_page_through_105_documents(tab: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(tab, Page)
    page = tab
    base, tokens = served
    _login(page, base, tokens["researcher"], "/")
    expect(page.locator("h1")).to_contain_text(f"Документы ({SEEDED})")
    rows = page.locator("#documents tbody tr")
    expect(rows).to_have_count(50)
    expect(page.locator("#pager-top .pager-where")).to_have_text("1–50 из 105 (страница 1 из 3)")
    first = rows.first
    expect(first.locator(".meeting-title")).to_contain_text("Заседание Совета по вопросам миграции номер")
    expect(first.locator(".meeting-body")).to_have_text("Совет")
    expect(first.locator(".job-state")).to_have_text("готово")
    expect(first.locator(".review")).to_have_text("не проверено")
    expect(page.locator("input.pick")).to_have_count(0)  # a reader has no bulk actions
    page.screenshot(path=SHOTS / "10-documents-page1.png", full_page=True)
    seen = set(rows.evaluate_all("rows => rows.map(row => row.dataset.document)"))

    page.locator("#pager-bottom").get_by_role("link", name="Следующие →").click()
    expect(page.locator("#pager-top .pager-where")).to_have_text("51–100 из 105 (страница 2 из 3)")
    seen |= set(rows.evaluate_all("rows => rows.map(row => row.dataset.document)"))
    page.locator("#pager-top").get_by_role("link", name="Следующие →").click()
    expect(page.locator("#pager-top .pager-where")).to_have_text("101–105 из 105 (страница 3 из 3)")
    expect(rows).to_have_count(5)
    expect(page.locator("#pager-top").get_by_role("link", name="Следующие →")).to_have_count(0)
    seen |= set(rows.evaluate_all("rows => rows.map(row => row.dataset.document)"))
    assert len(seen) == SEEDED  # every document once, none twice
    page.screenshot(path=SHOTS / "11-documents-page3.png", full_page=True)

    # Sorted by the meeting's date, oldest first, and filtered by topic and period.
    page.goto(f"{base}/")
    page.get_by_label("Порядок", exact=True).select_option("date")
    page.get_by_label("Направление").select_option("asc")
    page.get_by_label("Тема", exact=True).select_option("migration")
    page.get_by_label("Заседания с").fill("2012-01-01")
    page.get_by_label("по", exact=True).fill("2013-12-31")
    page.get_by_role("button", name="Показать").click()
    expect(page).to_have_url(re.compile(r"sort=date.*order=asc|order=asc.*sort=date"))
    # The seed gives topic "migration" to even numbers and the year 2010 + n % 10: here n = 2, 12, …, 102.
    chosen = [n for n in range(1, SEEDED + 1) if n % 2 == 0 and n % 10 in (2, 3)]
    expect(page.locator("#documents-count")).to_have_text(f"({len(chosen)})")
    dates = page.locator("#documents .meeting-date").all_inner_texts()
    days = sorted(1 + n % 28 for n in chosen)
    assert dates == [f"{day} марта 2012" for day in days]
    page.screenshot(path=SHOTS / "12-documents-filtered.png", full_page=True)


def test_filter_menus_page_through_every_organization(tab: object, served: tuple[str, dict[str, str]]) -> None:
    """The organization filter is the API's list a page at a time, saying how many there are; a name in any
    case form narrows it; the keyboard chooses; the page is filtered by the choice and names it."""
    from playwright.sync_api import Page, expect

    assert isinstance(tab, Page)
    page = tab
    base, tokens = served
    everyone = httpx.get(
        f"{base}/v1/organizations", headers={"Authorization": f"Bearer {tokens['researcher']}"}, params={"limit": 1}
    ).json()["count"]
    assert everyone > COMMITTEES
    _login(page, base, tokens["researcher"], "/")
    picker = page.locator(".picker", has=page.get_by_label("Организация", exact=True))
    page.get_by_label("Организация", exact=True).click()
    where, options = picker.locator(".picker-where"), picker.locator(".picker-list li")
    expect(where).to_have_text(f"Организаций: {everyone}, показаны 1–20")
    expect(options).to_have_count(21)  # «любая» and a page of twenty
    expect(options.first).to_have_text("любая")
    page.screenshot(path=SHOTS / "20-filter-menu-page1.png")
    seen: set[str] = set()
    shown = 0
    while True:
        expect(where).to_have_text(f"Организаций: {everyone}, показаны {shown + 1}–{min(shown + 20, everyone)}")
        seen |= set(options.evaluate_all("items => items.slice(1).map(item => item.dataset.id)"))
        shown += 20
        following = picker.get_by_role("button", name="Следующие →")
        if shown >= everyone:
            expect(following).to_be_disabled()
            break
        following.click()
    assert len(seen) == everyone  # every organization once, none twice
    picker.get_by_role("button", name="← Предыдущие").click()
    expect(where).to_contain_text(f"показаны {shown - 39}–{shown - 20}")

    # Part of a name in another case form narrows the list; the choice is made from the keyboard.
    query = page.get_by_label("Организация", exact=True)
    query.fill("комитетом по делам 37")
    expect(where).to_have_text("Организаций: 1, показаны 1–1")
    expect(options.nth(1)).to_contain_text("Комитет по делам 37")
    query.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(picker.locator(".picker-panel")).to_be_hidden()
    expect(query).to_have_value("Комитет по делам 37")
    page.get_by_role("button", name="Показать").click()
    expect(page).to_have_url(re.compile(r"organization=[0-9a-f-]{36}"))
    expect(page.locator("#documents-count")).to_have_text("(0)")  # a committee in no document
    expect(page.get_by_label("Организация", exact=True)).to_have_value(
        "Комитет по делам 37"
    )  # the page names its filter

    page.get_by_label("Организация", exact=True).fill("совета по вопросам миграции")
    expect(options.nth(1)).to_contain_text("Совет")
    options.nth(1).click()
    page.get_by_role("button", name="Показать").click()
    expect(page.locator("#documents-count")).to_have_text(f"({SEEDED})")
    page.screenshot(path=SHOTS / "21-documents-by-organization.png")
    page.get_by_label("Организация", exact=True).fill("")  # emptied: any organization again
    page.get_by_role("button", name="Показать").click()
    expect(page).not_to_have_url(re.compile(r"organization=[0-9a-f]"))

    # The search page's person filter pages the same way.
    page.goto(f"{base}/search?q=Петров")
    page.get_by_label("Персона", exact=True).click()
    persons = page.locator(".picker", has=page.get_by_label("Персона", exact=True))
    expect(persons.locator(".picker-where")).to_have_text(re.compile(r"^Персон: \d+, показаны 1–\d+$"))
    expect(persons.locator(".picker-list li", has_text="А.А. Петров")).to_have_count(1)


def test_search_pages_beyond_fifty(tab: object, served: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(tab, Page)
    page = tab
    base, tokens = served
    _login(page, base, tokens["researcher"], "/search")
    page.get_by_label("Слова в любой форме").fill("совет миграции")
    page.keyboard.press("Enter")
    expect(page.locator("#results-count")).to_have_text(f"({SEEDED})")
    results = page.locator("#search-results > li")
    expect(results).to_have_count(50)
    expect(results.first.locator(".filename")).to_contain_text("файл: seed-")
    page.screenshot(path=SHOTS / "13-search-page1.png", full_page=True)
    # The export is every result of the search, not the page shown: 105 meetings, as a workbook and as CSV.
    expect(page.locator("p.exports")).to_contain_text(f"Выгрузить все найденные документы ({SEEDED})")
    rows = _workbook_rows(page, page.locator("#export-xlsx"), tmp_path / "search.xlsx")
    header = rows[0]
    assert len({row[header.index("ID документа")] for row in rows[1:]}) == SEEDED
    assert {row[header.index("Файл")] for row in rows[1:]} == {f"seed-{n:03d}.txt" for n in range(1, SEEDED + 1)}
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    table = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert len({row["document_id"] for row in table}) == SEEDED
    page.locator("#search-pager").get_by_role("link", name="Следующие →").click()
    expect(page.locator("#search-pager .pager-where")).to_contain_text("51–100 из 105")
    page.locator("#search-pager").get_by_role("link", name="Следующие →").click()
    expect(results).to_have_count(5)
    expect(page.locator("#search-results")).to_have_attribute("start", "101")

    # А.А. Петров speaks at all 105 meetings: his page lists them 50 at a time.
    page.goto(f"{base}/search?q=Петров")
    page.locator("#person-results a", has_text="Петров").first.click()
    expect(page.locator("#person-meetings li")).to_have_count(50)
    expect(page.locator("#meetings-pager .pager-where")).to_have_text("1–50 из 105 (страница 1 из 3)")
    expect(page.locator("#person-timeline li small").first).to_contain_text("и ещё 100")
    expect(page.locator("#person-timeline li small a").first).to_have_text(re.compile(r"^\d+ марта 20\d\d$"))
    # Every appearance with its evidence, 50 a page too.
    expect(page.locator("#appearances tr.appearance")).to_have_count(50)
    expect(page.locator("#appearances-pager .pager-where")).to_have_text("1–50 из 105 (страница 1 из 3)")
    page.screenshot(path=SHOTS / "18-person-meetings-paged.png", full_page=True)
    page.locator("#meetings-pager").get_by_role("link", name="Следующие →").click()
    expect(page.locator("#meetings-pager .pager-where")).to_have_text("51–100 из 105 (страница 2 из 3)")
    expect(page.locator("#person-meetings li")).to_have_count(50)
    page.locator("#appearances-pager").get_by_role("link", name="Следующие →").click()
    # Wait for page 2 before the second click: clicking while the first navigation is under way hits page 1's link.
    expect(page.locator("#appearances-pager .pager-where")).to_have_text("51–100 из 105 (страница 2 из 3)")
    page.locator("#appearances-pager").get_by_role("link", name="Следующие →").click()
    expect(page.locator("#appearances tr.appearance")).to_have_count(5)
    expect(page.locator("#meetings-pager .pager-where")).to_have_text("51–100 из 105 (страница 2 из 3)")  # kept

    # So is the council's page: its meetings 50 a page.
    page.goto(f"{base}/organizations?q=Совет по вопросам миграции")
    page.locator("#organizations a", has_text="Совет по вопросам миграции").first.click()
    expect(page.locator("#organization-meetings li")).to_have_count(50)
    expect(page.locator("#meetings-pager .pager-where")).to_have_text("1–50 из 105 (страница 1 из 3)")
    page.locator("#meetings-pager").get_by_role("link", name="Следующие →").click()
    expect(page.locator("#meetings-pager .pager-where")).to_have_text("51–100 из 105 (страница 2 из 3)")
    page.locator("#meetings-pager").get_by_role("link", name="Следующие →").click()
    expect(page.locator("#organization-meetings li")).to_have_count(5)
    page.screenshot(path=SHOTS / "19-organization-meetings-paged.png", full_page=True)


def test_review_queue_by_keyboard(tab: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(tab, Page)
    page = tab
    base, tokens = served
    _login(page, base, tokens["archivist"], "/")
    page.keyboard.press("n")  # the next unreviewed: the oldest extracted document
    expect(page).to_have_url(re.compile(r"/documents/[0-9a-f-]{36}$"))
    expect(page.locator("h1")).to_have_text("seed-001.txt")
    expect(page.locator("#reviewed-status")).to_have_text("Не проверено.")
    page.screenshot(path=SHOTS / "14-review-queue.png")
    page.get_by_role("button", name="Отметить проверенным").click()
    expect(page.locator("#reviewed-status")).to_have_text("Проверено (версия 1).")
    page.wait_for_load_state("load")
    page.keyboard.press("n")
    expect(page.locator("h1")).to_have_text("seed-002.txt")
    page.reload()
    expect(page.locator("#reviewed-status")).to_have_attribute("data-reviewed", "no")
    page.goto(f"{base}/?reviewed=yes")
    expect(page.locator("#documents tbody tr")).to_have_count(1)
    expect(page.locator("#documents tbody tr .review")).to_have_text("проверено")


def test_bulk_review_reextract_export_delete(tab: object, served: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(tab, Page)
    page = tab
    base, tokens = served
    _login(page, base, tokens["archivist"], "/")
    page.goto(f"{base}/?sort=filename&order=asc")
    rows = page.locator("#documents tbody tr")
    picked = [rows.nth(index) for index in (1, 2, 3)]  # seed-002 … seed-004
    ids = [row.get_attribute("data-document") for row in picked]
    expect(page.get_by_role("button", name="Отметить проверенными")).to_be_disabled()
    for row in picked:
        row.locator("input.pick").check()
    expect(page.locator("#bulk-count")).to_have_text("Выбрано: 3")
    page.get_by_role("button", name="Отметить проверенными").click()
    expect(page.locator("#bulk-status")).to_have_text("Готово: отмечено проверенными 3 из 3.")
    for row in picked:
        expect(row).to_have_attribute("data-reviewed", "yes")

    for row in picked[:2]:
        row.locator("input.pick").check()
    page.get_by_role("button", name="Извлечь заново").click()
    expect(page.locator("#bulk-status")).to_have_text("Готово: поставлено на извлечение 2 из 2.")
    # The list shows each job's state: reload until both re-extractions are done.
    deadline = time.monotonic() + JOB_TIMEOUT
    while True:
        page.reload()
        states = [page.locator(f'tr[data-document="{id_}"]').get_attribute("data-state") for id_ in ids[:2]]
        if states == ["done", "done"]:
            break
        assert time.monotonic() < deadline, states
        page.wait_for_timeout(300)
    expect(page.locator(f'tr[data-document="{ids[0]}"] .review')).to_contain_text("с тех пор изменено")

    for id_ in ids:
        page.locator(f'tr[data-document="{id_}"] input.pick').check()
    rows = _workbook_rows(page, page.get_by_role("button", name="Выгрузить в Excel"), tmp_path / "selection.xlsx")
    assert rows[0][:2] == ("ID документа", "Файл")

    dialogs: list[str] = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.screenshot(path=SHOTS / "15-bulk-selection.png", full_page=True)
    page.get_by_role("button", name="Удалить").click()
    expect(page.locator("#bulk-status")).to_have_text("Готово: удалено 3 из 3.")
    assert dialogs and "Удалить выбранные документы (3)" in dialogs[0]
    expect(page.locator("#documents-count")).to_have_text(f"({SEEDED - 3})")
    page.reload()
    expect(page.locator("#documents-count")).to_have_text(f"({SEEDED - 3})")
    for id_ in ids:
        expect(page.locator(f'tr[data-document="{id_}"]')).to_have_count(0)
    response = page.goto(f"{base}/documents/{ids[0]}")
    assert response is not None and response.status == 404

    # A reader's bulk request is refused by the API whatever the page draws.
    refused = httpx.post(
        f"{base}/v1/documents/bulk",
        headers={"Authorization": f"Bearer {tokens['researcher']}"},
        json={"action": "delete", "document_ids": [ids[0]]},
    )
    assert refused.status_code == 403


def test_batch_of_13_and_xlsx_and_page_images(tab: object, served: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(tab, Page)
    page = tab
    base, tokens = served
    files = [CORPUS_DEV / "mbos-bishkek.txt", PDF]
    for n in range(11):
        path = tmp_path / f"batch-{n:02d}.txt"
        path.write_text(f"Заседание комиссии номер {n} в Оше 5 июня 2013 года.", encoding="utf-8")
        files.append(path)
    _login(page, base, tokens["archivist"], "/upload")
    streams: list[str] = []
    page.on("request", lambda request: streams.append(request.url) if "/events" in request.url else None)
    page.get_by_label("Перетащите сюда файлы", exact=False).set_input_files([str(path) for path in files])
    page.get_by_role("button", name="Загрузить").click()
    jobs = page.locator("li.job")
    expect(jobs).to_have_count(13)
    for index in range(13):  # every row is drawn at once, not only the first six
        expect(jobs.nth(index).locator(".job-status")).not_to_be_empty()
    for index in range(13):
        expect(jobs.nth(index)).to_have_attribute("data-state", "done", timeout=JOB_TIMEOUT * 1000)
        expect(jobs.nth(index)).to_have_attribute("data-via", "sse")
    expect(page.locator("#batch-status")).to_have_text("готово 13 из 13")
    assert len(streams) == 1 and streams[0].count("ids=") == 13  # one stream for the batch
    page.screenshot(path=SHOTS / "16-upload-batch-13.png", full_page=True)

    page.goto(f"{base}/")
    expect(page.locator("#documents-count")).to_have_text(f"({SEEDED - 3 + 13})")
    rows = _workbook_rows(page, page.locator("#archive-xlsx"), tmp_path / "archive.xlsx")
    header = rows[0]
    person = header.index("ID персоны в архиве")
    names = {row[header.index("Фамилия")] for row in rows[1:]}
    assert "Базарбаев" in names
    # The txt and the PDF of the same meeting name the same people: their rows join on the archive id.
    bazarbaev = {row[person] for row in rows[1:] if row[header.index("Фамилия")] == "Базарбаев"}
    files_of = {row[header.index("Файл")] for row in rows[1:] if row[person] in bazarbaev}
    assert len(bazarbaev) == 1 and files_of == {"mbos-bishkek.txt", "mbos-bishkek.pdf"}

    jobs_link = page.locator("#documents a", has_text="mbos-bishkek.pdf")
    jobs_link.click()
    images = page.locator("#page-images img")
    expect(images.first).to_be_visible()
    assert images.count() >= 1
    page.wait_for_function("() => document.querySelector('#page-images img').naturalWidth > 500")
    expect(page.locator("#doc-text")).to_contain_text("Бишкек")
    page.screenshot(path=SHOTS / "17-document-page-images.png")
