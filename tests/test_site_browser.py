"""The reader's edition in a real browser: Debian's headless Chromium, driven by Playwright, JavaScript on and off."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import DATA, ROOT

from anwei_corpus import load, unit_work
from anwei_corpus.site import build_site

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is part of the test extra")
screenshots = pytest.importorskip("screenshots")  # scripts/screenshots.py: the browser and its settings, once

CHROMIUM = Path(screenshots.CHROMIUM)
CHROMIUM_ARGS = screenshots.CHROMIUM_ARGS
NOTICE_ID = "putuo-anwei-2022-6"
NOTICE_PAGE = f"notices/{NOTICE_ID}/index.html"
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)")


@pytest.fixture(scope="module")
def corpus():
    return load(DATA)


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory) -> Path:
    return build_site(corpus, tmp_path_factory.mktemp("edition") / "site")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """Pages opened in one browser context, with every request and every console error recorded."""

    def __init__(self, browser, site: Path, javascript: bool, **options):
        self.site = site.resolve()
        self.context = browser.new_context(java_script_enabled=javascript, **options)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if self.path_of(url) is None:
            route.abort()
        else:
            route.continue_()

    def path_of(self, url: str) -> Path | None:
        """The site file a URL names, or None when it leaves the site."""
        parts = urlsplit(url)
        if parts.scheme != "file":
            return None
        path = Path(unquote(parts.path))
        return path if path == self.site or self.site in path.parents else None

    def open(self, page_path: str):
        page = self.context.new_page()
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.goto((self.site / page_path).as_uri())
        return page


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def visit(request, browser, site):
    visiting = Visit(browser, site, javascript=request.param)
    yield visiting
    visiting.context.close()


def ids_on(page) -> set[str]:
    return set(page.eval_on_selector_all("[id]", "elements => elements.map(e => e.id)"))


def test_every_link_resolves_to_a_file_and_an_anchor_and_nothing_leaves_the_site(visit, site):
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    anchors: dict[Path, set[str]] = {}
    links: list[tuple[str, str]] = []
    for page_path in pages:
        page = visit.open(page_path)
        anchors[(site / page_path).resolve()] = ids_on(page)
        links += [(page_path, href) for href in page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")]
        page.close()
    broken = []
    for page_path, href in links:
        target = visit.path_of(href)
        fragment = unquote(urlsplit(href).fragment)
        if target is None or not target.is_file() or (fragment and fragment not in anchors.get(target, set())):
            broken.append((page_path, href))
    assert not broken
    assert len(links) > 1000
    assert [url for url in visit.requests if visit.path_of(url) is None] == []
    assert visit.errors == []


def test_the_notice_has_a_stable_anchor_for_every_numbered_entity(visit, corpus):
    notice = corpus.notice(NOTICE_ID)
    page = visit.open(NOTICE_PAGE)
    numbered = {i for i in ids_on(page) if i.split("-")[0] in {"part", "section", "measure", "category", "task"}}
    assert numbered == {
        f"{kind}-{entity.number}"
        for kind, entities in [
            ("part", notice.parts),
            ("section", notice.sections),
            ("measure", notice.measures),
            ("category", notice.categories),
            ("task", notice.tasks),
        ]
        for entity in entities
    }
    order = page.eval_on_selector_all(
        "[id^=part-], [id^=section-], [id^=measure-]", "elements => elements.map(e => e.id)"
    )
    assert order[:4] == ["part-1", "section-1", "measure-1", "measure-2"]
    assert page.eval_on_selector("html", "html => html.lang") == "zh-CN"


def test_tasks_and_measures_link_both_ways(visit, corpus):
    notice = corpus.notice(NOTICE_ID)
    page = visit.open(NOTICE_PAGE)
    task_links = page.eval_on_selector_all(
        "tr[id^=task-]",
        "rows => rows.map(r => [r.id, [...r.querySelectorAll('a.measure-link')].map(a => a.hash)])",
    )
    assert {row: hashes for row, hashes in task_links} == {
        f"task-{t.number}": [f"#measure-{n}" for n in t.measures] for t in notice.tasks
    }
    measure_links = page.eval_on_selector_all(
        ".measure", "ms => ms.map(m => [m.id, [...m.querySelectorAll('a.task-link')].map(a => a.hash)])"
    )
    assert {measure: hashes for measure, hashes in measure_links} == {
        f"measure-{m.number}": [f"#task-{t.number}" for t in notice.tasks_of_measure(m)] for m in notice.measures
    }


@pytest.mark.parametrize("unit_id", ["emergency-bureau", "subdistricts-and-towns", "greening-city-appearance-bureau"])
def test_a_unit_page_is_the_api_answer(visit, corpus, unit_id):
    work = unit_work(corpus, unit_id)
    page = visit.open(f"units/{unit_id}.html")
    assert page.inner_text("h1") == work["unit"]["name"]

    def listed(selector: str) -> list[str]:
        return page.eval_on_selector_all(selector, "links => links.map(a => a.getAttribute('href'))")

    notice_page = f"../{NOTICE_PAGE}"
    assert listed(".measure-item > a.anchor-link") == [f"{notice_page}#measure-{m['number']}" for m in work["measures"]]
    for role in ("responsible", "cooperating"):
        assert listed(f"#tasks-{role} + ul .task-item > a.anchor-link") == [
            f"{notice_page}#task-{t['number']}" for t in work["tasks"] if t["role"] == role
        ]
    texts = page.eval_on_selector_all(".measure-item", "items => items.map(i => i.childNodes[1].textContent.trim())")
    assert texts == [m["text"] for m in work["measures"]]


def test_an_editorial_note_shows_on_keyboard_focus_and_the_switch_shows_the_printed_form(visit):
    page = visit.open(NOTICE_PAGE)
    note = page.locator("#edit-1-note")
    assert not note.is_visible()  # out of sight until asked for
    page.keyboard.press("Tab")  # the switch
    page.keyboard.press("Tab")  # the first link of the navigation
    for _ in range(10):
        if page.evaluate("document.activeElement.id") == "edit-1":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "edit-1"
    assert note.is_visible() and "印作“印发 普陀区”" in note.inner_text()
    assert page.get_by_role("note").count() == 1  # the focused mark's note, and no other
    page.evaluate("document.activeElement.blur()")
    read_title = "h => h.innerText"
    assert (
        page.locator("h1").evaluate(read_title)
        == "上海市普陀区安全生产委员会关于印发普陀区2022年安全生产工作意见的通知"
    )
    page.click("label.switch")
    printed_title = (DATA / "notices" / NOTICE_ID / "source.txt").read_text(encoding="utf-8").splitlines()[6]
    assert page.locator("h1").evaluate(read_title) == printed_title


def test_a_phone_screen_needs_no_sideways_scrolling_and_print_hides_the_controls(browser, site):
    phone = Visit(browser, site, javascript=False, viewport={"width": 360, "height": 740}, is_mobile=True)
    for page_path in (NOTICE_PAGE, "units/emergency-bureau.html", "index.html"):
        page = phone.open(page_path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, page_path
    page.emulate_media(media="print")
    assert not page.is_visible("nav.site")
    phone.context.close()


def test_the_readme_screenshots_are_committed():
    for name in ("site-notice.png", "site-unit.png"):
        assert (ROOT / "docs" / "img" / name).stat().st_size > 10_000, shutil.which("chromium")


def test_a_misnumbered_number_is_marked_and_the_switch_shows_it_as_printed(browser, misnumbered_data, tmp_path):
    site = build_site(load(misnumbered_data), tmp_path / "site")
    visiting = Visit(browser, site, javascript=False)
    page = visiting.open(NOTICE_PAGE)

    def labels() -> list[str]:
        return [
            page.locator("#part-5 > h2").inner_text(),
            page.locator("#section-17 > h3").inner_text(),
            page.locator("#measure-21 .para").inner_text()[:3],
            page.locator("#category-5 th").first.inner_text()[:2],
            page.locator("#task-24 th").inner_text(),
        ]

    assert labels() == ["五、全面强基固本，形成社会安全共治合力", "（十七）涵养安全文化", "21.", "五、", "24"]
    page.click("a[href='#edit-29']")  # measure 21 · number, in the editorial list
    assert page.evaluate("location.hash") == "#edit-29" and page.locator("#edit-29").is_visible()
    page.focus("#edit-29")
    assert page.locator("#edit-29-note").inner_text() == "印作“20”，读作“21”（原文差错）。源文件两处印“20.”。"
    page.evaluate("document.activeElement.blur()")
    page.click("label.switch")
    assert labels() == ["四、全面强基固本，形成社会安全共治合力", "（十六）涵养安全文化", "20.", "四、", "24"]
    assert visiting.errors == []
    visiting.context.close()
