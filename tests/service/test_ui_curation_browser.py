"""Curating in a real browser (Debian's chromium via Playwright, as test_ui_browser.py): the meeting's fields and
topics corrected and kept over a re-extraction, an organization merge seen on the organization page and on the
documents' pages, persons merged from search results and split on the person page with the evidence, and the
network of who took part together, without the persons a document merely mentions.

Screenshots go to tests/artifacts/ui/ (gitignored), numbered after those of test_ui_browser.py.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx

from tests.service import test_ui_browser as browser
from tests.service.conftest import JOB_TIMEOUT
from tests.service.test_ui_browser import SHOTS, _confirm_all, _login

# The same fixtures as test_ui_browser.py: the app under uvicorn on a fresh archive and a chromium (one each per
# module), and a tab in a browser context of its own per test.
served = browser.served
chromium = browser.chromium
page = browser.page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "curation"
APRIL, MAY, COUNCIL = (FIXTURES / name for name in ("duma-april.txt", "duma-may.txt", "council-mentions.txt"))


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _wait(base: str, token: str, job_id: str) -> None:
    deadline = time.monotonic() + JOB_TIMEOUT
    while httpx.get(f"{base}/v1/jobs/{job_id}", headers=_headers(token)).json()["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline, f"job {job_id} did not finish in time"
        time.sleep(0.1)


def _archive(base: str, token: str, *paths: Path) -> dict[str, str]:
    """Upload the files through the API and wait for their records: file name → document id."""
    files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in paths]
    uploaded = httpx.post(f"{base}/v1/documents", headers=_headers(token), files=files, timeout=60).json()["data"]
    for item in uploaded:
        _wait(base, token, item["job_id"])
    return {item["filename"]: item["document_id"] for item in uploaded}


def _reextract(base: str, token: str, document_id: str) -> None:
    job = httpx.post(f"{base}/v1/documents/{document_id}/reextract", headers=_headers(token)).json()
    _wait(base, token, job["id"])


def test_meeting_and_topics_corrections_survive_reextraction(page: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    archivist = tokens["archivist"]
    document_id = _archive(base, archivist, COUNCIL)[COUNCIL.name]
    asked = _confirm_all(page)
    _login(page, base, archivist, f"/documents/{document_id}")
    page.wait_for_load_state()
    expect(page.locator("article mark .entity-label").first).to_have_text(re.compile("ПЕРС|ОРГ|МЕСТО|ВОПРОС"))

    # The meeting's own fields: a wrong date first, refused in Russian, then the right one.
    page.get_by_role("button", name="Изменить заседание").click()
    dialog = page.locator("#meeting-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Название").fill("Заседание Совета по вопросам трудовой миграции")
    dialog.get_by_label("Номер").fill("7")
    dialog.get_by_label("Дата").fill("2025-02-30")
    dialog.get_by_role("button", name="Сохранить").click()
    expect(dialog.get_by_role("alert")).to_contain_text("Дата «2025-02-30» не похожа на дату")
    dialog.get_by_label("Дата").fill("--03-14")  # the minutes give no year, after all
    dialog.get_by_label("Примечание к версии").fill("по бланку протокола")
    page.screenshot(path=SHOTS / "20-edit-meeting.png")
    dialog.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"saved=2"))
    expect(page.locator("#review-status")).to_have_text("Сохранено: версия 2.")
    expect(page.locator("#meeting .meeting-title")).to_have_text("Заседание Совета по вопросам трудовой миграции")
    expect(page.locator("#meeting .meeting-date")).to_have_text("14 марта (год не указан)")

    # The topics: one more from the taxonomy.
    page.get_by_role("button", name="Изменить темы").click()
    topics = page.locator("#topics-dialog")
    expect(topics.get_by_label("Миграция")).to_be_checked()
    topics.get_by_label("Здравоохранение").check()
    page.screenshot(path=SHOTS / "21-edit-topics.png")
    topics.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"saved=3"))
    expect(page.locator("#topics li")).to_have_text([re.compile("Здравоохранение"), re.compile("Миграция")])

    # A decision added, one dropped (confirmed first).
    page.get_by_role("button", name="Добавить решение").click()
    page.locator("#decision-dialog").get_by_label("Текст решения").fill("Провести следующее заседание в июне.")
    page.locator("#decision-dialog").get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"saved=4"))
    expect(page.locator("#decisions li.decision")).to_have_count(2)
    page.get_by_role("button", name="Удалить решение 1").click()
    page.wait_for_url(re.compile(r"saved=5"))
    assert asked == ["Удалить «решение 1» из записи? Прежняя версия останется в истории."]
    expect(page.locator("#decisions .decision-text")).to_have_text(["Провести следующее заседание в июне."])

    # Someone else saves meanwhile: this page's next save is refused, and says why in Russian.
    stale = httpx.patch(
        f"{base}/v1/documents/{document_id}/record",
        headers=_headers(archivist),
        json={"base_version": 5, "operations": [{"op": "edit_meeting", "set": {"place": "Бишкек"}}]},
    )
    assert stale.status_code == 200
    page.get_by_role("button", name="Изменить заседание").click()
    page.locator("#meeting-dialog").get_by_label("Номер").fill("8")
    page.locator("#meeting-dialog").get_by_role("button", name="Сохранить").click()
    expect(page.locator("#meeting-dialog").get_by_role("alert")).to_contain_text("Запись уже в версии 6, а не 5")
    page.locator("#meeting-dialog").get_by_role("button", name="Отмена").click()

    # Re-extracted: the machine's new version is the baseline; the corrections stay current.
    _reextract(base, archivist, document_id)
    page.goto(f"{base}/documents/{document_id}")
    expect(page.locator("p.meta")).to_contain_text("Запись версии 8 (исправление, перенесённое на новое извлечение)")
    expect(page.locator("#meeting .meeting-title")).to_have_text("Заседание Совета по вопросам трудовой миграции")
    expect(page.locator("#meeting .meeting-place")).to_have_text("Бишкек")
    expect(page.locator("#topics li")).to_have_text([re.compile("Здравоохранение"), re.compile("Миграция")])
    page.screenshot(path=SHOTS / "22-document-after-reextraction.png", full_page=True)

    page.get_by_role("link", name="История версий").click()
    notes = page.locator("#versions tbody tr .note")
    expect(notes.nth(1)).to_have_text("по бланку протокола — изменено заседание (дата, номер, название)")
    expect(notes.nth(2)).to_have_text("темы: Миграция, Здравоохранение")
    expect(notes.nth(6)).to_contain_text("машинная основа: текущей остаётся версия 6")
    expect(page.locator("#versions tbody tr").nth(7)).to_contain_text("исправление, перенесённое на новое извлечение")
    page.screenshot(path=SHOTS / "23-history-russian.png", full_page=True)

    # The meeting has no year now: the topics page counts it apart instead of leaving it out.
    page.goto(f"{base}/topics")
    undated = page.locator("#topics-undated")
    expect(undated).to_contain_text("Здравоохранение")
    expect(page.locator("#undated-title")).to_contain_text("заседаний: 1")
    page.screenshot(path=SHOTS / "24-topics-undated.png", full_page=True)


def test_organization_merge_shown_on_both_pages(page: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    ids = _archive(base, tokens["archivist"], APRIL, MAY)
    asked = _confirm_all(page)
    _login(page, base, tokens["archivist"], "/organizations")
    page.goto(f"{base}/organizations?q=Государственная+Дума")
    page.locator("#organizations a", has_text="Государственная Дума").click()
    # The organization's page loaded (its search box's handler attached), not the list the click left.
    page.wait_for_url(re.compile(r"/organizations/[^/?]+$"))
    duma_url = page.url

    page.get_by_label("Название или сокращение в любой форме").fill("Госдума")
    candidate = page.locator("#merge-candidates li", has_text="Госдума РФ")
    expect(candidate).to_contain_text("заседаний: 1")
    page.screenshot(path=SHOTS / "25-organization-merge.png", full_page=True)
    candidate.get_by_role("button", name="Объединить с «Госдума РФ»").click()
    page.wait_for_url(re.compile(r"saved=1"))
    assert asked[-1].startswith("Объединить «Госдума РФ» с «Государственная Дума»?")
    expect(page.locator("#curate-status")).to_have_text("Сохранено.")
    expect(page.locator("#organization-aliases")).to_have_text("Также: Госдума РФ")
    expect(page.locator("#organization-meetings li")).to_have_count(2)
    expect(page.locator("#organization-people li", has_text="А.А. Смирнов")).to_have_count(1)
    expect(page.locator("#organization-people li", has_text="С.В. Кузнецова")).to_have_count(1)
    # Who merged and when, as for persons.
    decision = page.locator("#organization-decisions li.decision")
    expect(decision).to_have_count(1)
    expect(decision).to_contain_text("Объединена с «Госдума РФ» — UI archivist, ")
    expect(decision.locator("time")).to_have_text(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$"))
    page.screenshot(path=SHOTS / "26-organization-merged.png", full_page=True)
    organization = duma_url.rsplit("/", 1)[1]

    # Both documents' pages lead to the one organization, whichever name the document uses.
    for filename, written in ((APRIL.name, "Государственная Дума"), (MAY.name, "Госдума РФ")):
        page.goto(f"{base}/documents/{ids[filename]}")
        item = page.locator("#organizations li", has_text=written)
        link = item.locator("a.archive-organization")
        expect(link).to_have_attribute("href", f"/organizations/{organization}")
        expect(link).to_have_text("→ в архиве: Государственная Дума")
    item.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "27-document-merged-organization.png")

    # A rename to another organization's name is refused, in Russian; a new name is taken.
    page.goto(duma_url)
    page.get_by_label("Название (прежнее останется другим названием)").fill("Евросоюз")
    page.get_by_role("button", name="Переименовать").click()
    expect(page.locator("#curate-error")).to_have_text(
        "Не сохранено: Название «Евросоюз» уже у организации «Евросоюз»: объедините их."
    )
    page.get_by_label("Название (прежнее останется другим названием)").fill("Госдума")
    page.get_by_role("button", name="Переименовать").click()
    page.wait_for_url(re.compile(r"saved=1"))
    expect(page.locator("#organization-name")).to_have_text("Госдума")

    # The merge was right; a split would undo it, and is offered: «Госдума РФ» off again, with its document.
    page.locator("#organization-split").get_by_label("Госдума РФ").check()
    page.get_by_role("button", name="Отделить отмеченные названия").click()
    page.wait_for_url(re.compile(r"saved=1"))
    expect(page.locator("#organization-name")).to_have_text("Госдума РФ")
    expect(page.locator("#organization-meetings li")).to_have_count(1)
    expect(page.locator("#organization-decisions li.decision")).to_contain_text(
        ["Выделена из «Госдума»: Госдума РФ — UI archivist"]
    )
    page.goto(f"{base}/documents/{ids[MAY.name]}")
    expect(page.locator("#organizations a.archive-organization")).to_contain_text(["→ в архиве: Госдума РФ"])


def test_persons_merged_from_search_and_split_with_evidence(page: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    _archive(base, tokens["archivist"], APRIL, MAY)
    asked = _confirm_all(page)
    _login(page, base, tokens["archivist"], "/search")
    page.goto(f"{base}/search?q=Петров")
    # One man at two meetings, as «председатель» at one and «руководитель» at the other: the rule keeps them apart,
    # and every list tells the two apart by the position.
    petrovs = page.locator("#person-results li", has_text="И.И. Петров")
    expect(petrovs).to_have_count(2)
    expect(petrovs.filter(has_text="председатель рабочей группы")).to_have_count(1)
    page.get_by_label("Персона", exact=True).fill("Петрову")  # the filter's menu, narrowed by a name in any form
    options = page.locator("#f-person-list li", has_text="И.И. Петров")
    expect(options).to_have_count(2)
    texts = options.evaluate_all("items => items.map(item => item.firstChild.textContent)")
    assert sorted(texts) == [
        "И.И. Петров — председатель рабочей группы",
        "И.И. Петров — руководитель рабочей группы",
    ]
    for index in range(2):
        petrovs.nth(index).get_by_role("checkbox").check()
    page.screenshot(path=SHOTS / "28-search-merge-persons.png", full_page=True)
    page.get_by_role("button", name="Объединить отмеченных").click()
    page.wait_for_url(re.compile(r"/persons/.+saved=1"))
    assert asked[-1] == "Объединить «И.И. Петров», «И.И. Петров» в одну персону?"
    expect(page.locator("#curate-status")).to_have_text("Сохранено.")
    expect(page.locator("#person-meetings li")).to_have_count(2)
    rows = page.locator("#appearances tr.appearance")
    expect(rows).to_have_count(2)
    for index in range(2):
        expect(rows.nth(index).locator(".evidence")).to_contain_text("Решение архивиста (объединение): UI archivist")
        expect(rows.nth(index).locator(".evidence")).to_contain_text("Прежде программа")
    expect(page.locator("#co-participants li", has_text="Кузнецова")).to_have_count(1)
    page.screenshot(path=SHOTS / "29-person-evidence.png", full_page=True)

    rows.nth(1).get_by_role("checkbox").check()
    page.get_by_role("button", name="Отделить отмеченные в новую персону").click()
    page.wait_for_url(re.compile(r"/persons/.+saved=1"))
    assert asked[-1] == "Отделить отмеченные появления (1) в новую персону?"
    expect(page.locator("#person-meetings li")).to_have_count(1)
    expect(page.locator("#appearances .evidence")).to_contain_text("Решение архивиста (разделение)")


def test_network_without_merely_mentioned_persons(page: object, served: tuple[str, dict[str, str]]) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    base, tokens = served
    _archive(base, tokens["archivist"], COUNCIL)
    _login(page, base, tokens["researcher"], "/network")
    graph = page.locator("#network")
    expect(graph).to_have_attribute("data-nodes", re.compile(r"\d+"))
    names = page.evaluate("JSON.parse(document.getElementById('network-data').textContent).nodes.map(n => n.name)")
    assert {"Н.С. Базарбаев", "А.С. Омурбекова", "К.Т. Жумабеков"} <= set(names)
    assert "Барак Обама" not in names and "Усама бен Ладен" not in names  # named in the minutes, met nobody
    expect(page.locator("#network-rule")).to_have_attribute("data-rule", "participants")
    assert int(graph.get_attribute("data-labelled") or 0) <= 12

    finder = page.get_by_label("Найти на графе")
    finder.fill("омурбековой")  # part of the name, another case, lower case
    expect(page.locator("#network-matches li")).to_have_text(["А.С. Омурбекова"])
    finder.press("Enter")
    expect(page.locator("#network-selected a")).to_have_text("А.С. Омурбекова")
    expect(page.locator("#network-selected li", has_text="Н.С. Базарбаев")).to_have_count(1)
    finder.fill("Обама")
    expect(page.locator("#network-matches li")).to_have_text(["На графе нет такой персоны."])
    page.screenshot(path=SHOTS / "30-network-participants.png", full_page=True)

    page.goto(f"{base}/search?q=Обама")
    expect(page.locator("#person-results input")).to_have_count(0)  # a researcher merges nobody
    page.locator("#person-results a", has_text="Барак Обама").click()
    expect(page.locator("#co-participants li")).to_have_text(["ни с кем из архива"])
    expect(page.locator("#appearances .evidence")).to_contain_text("программа")
    expect(page.locator("#person-merge")).to_have_count(0)
    expect(page.get_by_role("button")).to_have_count(1)  # «Выйти» only: no split, no merge for a researcher
    page.goto(f"{base}/search?q=Базарбаев")
    page.locator("#person-results a", has_text="Н.С. Базарбаев").first.click()
    met = page.locator("#co-participants li")
    expect(met.filter(has_text="Омурбекова")).to_have_count(1)
    expect(met.filter(has_text="Обама")).to_have_count(0)
    page.screenshot(path=SHOTS / "31-person-met.png", full_page=True)
