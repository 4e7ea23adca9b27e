"""``anwei site``: the files it writes, byte for byte the same each time, under the rules of ``anwei export``."""

from __future__ import annotations

import posixpath
import re
import shutil
from html import unescape
from html.parser import HTMLParser

import pytest
from conftest import DATA
from typer.testing import CliRunner

from anwei_corpus import load
from anwei_corpus.cli import app
from anwei_corpus.site import EditorialMismatch, site_files

NOTICE_ID = "putuo-anwei-2022-6"


@pytest.fixture(scope="module")
def corpus():
    return load(DATA)


@pytest.fixture(scope="module")
def files(corpus):
    return site_files(corpus)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_the_site_has_one_page_per_notice_unit_and_person(corpus, files):
    expected = {
        "index.html",
        "style.css",
        "manifest.json",
        "SHA256SUMS",
        f"notices/{NOTICE_ID}/index.html",
        f"notices/{NOTICE_ID}/matrix.html",
        *(f"units/{unit.id}.html" for unit in corpus.units),
        *(f"people/{person.id}.html" for person in corpus.people),
    }
    assert set(files) == expected


def test_every_page_is_chinese_and_loads_nothing_from_outside(files):
    for name, content in files.items():
        if not name.endswith(".html"):
            continue
        html = content.decode("utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n'), name
        references = re.findall(r'(?:href|src|action)="([^"]*)"', html)
        assert references and not [r for r in references if re.match(r"[a-z]+:|//", r)], name
        assert "<script" not in html and "@import" not in html
    assert not re.search(r"url\(|@import|@font-face", files["style.css"].decode())


def test_two_builds_are_byte_identical(tmp_path):
    for name in ("one", "two"):
        assert run("site", str(DATA), "--out", str(tmp_path / name)).exit_code == 0
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one == two and len(one) > 40


def test_a_site_replaces_an_earlier_site_but_nothing_else(tmp_path):
    out = tmp_path / "site"
    assert run("site", str(DATA), "--out", str(out)).exit_code == 0
    (out / "index.html").write_text("edited", encoding="utf-8")
    assert run("site", str(DATA), "--out", str(out)).exit_code == 2  # an edited site is no longer only ours
    assert (out / "index.html").read_text(encoding="utf-8") == "edited"
    shutil.rmtree(out)
    assert run("site", str(DATA), "--out", str(out)).exit_code == 0
    assert run("site", str(DATA), "--out", str(out)).exit_code == 0  # a site replaces the site it wrote
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep", encoding="utf-8")
    result = run("site", str(DATA), "--out", str(tmp_path / "notes"))
    assert result.exit_code == 2 and "not a folder anwei-corpus wrote" in result.stderr
    assert (tmp_path / "notes" / "mine.txt").read_text(encoding="utf-8") == "keep"
    result = run("site", str(DATA), "--out", str(DATA / "site"))
    assert result.exit_code == 2 and "lies inside" in result.stderr and not (DATA / "site").exists()


def test_a_site_from_a_release_is_the_same_site(tmp_path):
    assert run("export", str(DATA), "--out", str(tmp_path / "release")).exit_code == 0
    assert run("site", "--release", str(tmp_path / "release"), "--out", str(tmp_path / "a")).exit_code == 0
    assert run("site", str(DATA), "--out", str(tmp_path / "b")).exit_code == 0
    assert (tmp_path / "a" / "units" / "emergency-bureau.html").read_bytes() == (
        tmp_path / "b" / "units" / "emergency-bureau.html"
    ).read_bytes()


def test_text_is_escaped(corpus):
    unit = corpus.units[1].model_copy(update={"name": "<b>区委办</b>", "note": '"&'})
    hostile = corpus.model_copy(update={"units": [corpus.units[0], unit, *corpus.units[2:]]})
    page = site_files(hostile)[f"units/{unit.id}.html"].decode()
    assert "<h1>&lt;b&gt;区委办&lt;/b&gt;</h1>" in page and "&#34;&amp;" in page and "<b>" not in page


def test_an_editorial_record_that_does_not_fit_is_refused(corpus):
    notice = corpus.notices[0]
    record = notice.editorial[0].model_copy(update={"reading": "不在此处"})
    broken = corpus.model_copy(
        update={"notices": [notice.model_copy(update={"editorial": [record, *notice.editorial[1:]]})]}
    )
    with pytest.raises(EditorialMismatch, match=f"editorial record of {NOTICE_ID} title does not fit"):
        site_files(broken)


def test_every_editorial_record_is_marked_in_place(corpus, files):
    html = files[f"notices/{NOTICE_ID}/index.html"].decode()
    marked = re.findall(r'<span class="edit [a-z-]+" id="edit-(\d+)" tabindex="0"', html)
    assert marked and sorted(map(int, marked)) == list(range(1, len(corpus.notices[0].editorial) + 1))


class _Anchors(HTMLParser):
    """The ids of a page and the targets of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag in ("a", "link") and found.get("href") is not None:
            self.hrefs.append(found["href"])


def broken_links(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """(page, href) of every link of the site that names no file of it, or no id of the page it names."""
    parsed = {}
    for name, content in files.items():
        if name.endswith(".html"):
            parsed[name] = _Anchors()
            parsed[name].feed(content.decode("utf-8"))
    broken = []
    for name, page in parsed.items():
        for href in page.hrefs:
            path, _, fragment = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            if target not in files or (fragment and fragment not in parsed[target].ids):
                broken.append((name, href))
    return broken


@pytest.fixture(scope="module")
def misnumbered(misnumbered_data):
    return load(misnumbered_data)


@pytest.fixture(scope="module")
def misnumbered_files(misnumbered):
    return site_files(misnumbered)


def test_every_link_of_the_site_resolves_to_a_file_and_an_anchor(files, misnumbered_files):
    for site in (files, misnumbered_files):
        assert broken_links(site) == []
        assert sum(len(re.findall(rb'href="', content)) for content in site.values()) > 1000
    assert broken_links({"index.html": b'<a href="units/nobody.html">x</a><a href="#nowhere">y</a>'}) == [
        ("index.html", "units/nobody.html"),
        ("index.html", "#nowhere"),
    ]


MARK = re.compile(
    r'<span class="edit ([a-z-]+)" id="edit-(\d+)" tabindex="0" aria-describedby="edit-\2-note">'
    r'<span class="reading">([^<]*)</span><span class="printed">([^<]*)</span>'
    r'<span class="note" id="edit-\2-note" role="note">([^<]*)</span></span>'
)


def test_a_misnumbered_number_is_marked_in_place_like_any_departure(misnumbered, misnumbered_files):
    notice = misnumbered.notice(NOTICE_ID)
    html = misnumbered_files[f"notices/{NOTICE_ID}/index.html"].decode()
    marks = {int(n): (cls, reading, printed, note) for cls, n, reading, printed, note in MARK.findall(html)}
    assert sorted(marks) == list(range(1, len(notice.editorial) + 1))  # every record, once, with its anchor
    numbers = [index for index, record in enumerate(notice.editorial, start=1) if record.field == "number"]
    assert [(index, *marks[index]) for index in numbers] == [
        (11, "source-error", "五", "四", "印作“四”，读作“五”（原文差错）。源文件两处印“四、”。"),
        (12, "source-error", "十七", "十六", "印作“十六”，读作“十七”（原文差错）。源文件两处印“（十六）”。"),
        (29, "source-error", "21", "20", "印作“20”，读作“21”（原文差错）。源文件两处印“20.”。"),
        (49, "source-error", "51", "51", "印作“51”，读作“51”（原文差错）。源文件在“49.”之后印“51.”，不见“50.”。"),
        (51, "source-error", "五", "四", "印作“四”，读作“五”（原文差错）。源文件两处印“四、”。"),
        (54, "source-error", "24", "24", "印作“24”，读作“24”（原文差错）。源文件在“22”之后印“24”，不见“23”。"),
    ]
    listed = re.findall(r'<li><a href="#edit-(\d+)">([^<]*· number)</a>(.*)</li>', html)
    assert listed == [
        (
            "11",
            "part 5 · number",
            '：印作“<span class="printed-form">四</span>”，读作“五”（source-error，certain）：源文件两处印“四、”。',
        ),
        (
            "12",
            "section 17 · number",
            '：印作“<span class="printed-form">十六</span>”，读作“十七”（source-error，certain）：源文件两处印“（十六）”。',
        ),
        (
            "29",
            "measure 21 · number",
            '：印作“<span class="printed-form">20</span>”，读作“21”（source-error，certain）：源文件两处印“20.”。',
        ),
        (
            "49",
            "measure 51 · number",
            '：印作“<span class="printed-form">51</span>”，读作“51”（source-error，certain）：源文件在“49.”之后印“51.”，不见“50.”。',
        ),
        (
            "51",
            "category 5 · number",
            '：印作“<span class="printed-form">四</span>”，读作“五”（source-error，certain）：源文件两处印“四、”。',
        ),
        (
            "54",
            "task 24 · number",
            '：印作“<span class="printed-form">24</span>”，读作“24”（source-error，certain）：源文件在“22”之后印“24”，不见“23”。',
        ),
    ]


def _printed_view(html: str) -> str:
    """What the switch shows: every mark's printed form instead of its reading, without the notes and tags."""
    html = re.sub(r'<span class="reading">[^<]*</span>|<span class="note"[^>]*>[^<]*</span>', "", html)
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_printed_view_shows_the_numbers_the_source_prints(misnumbered_data, misnumbered_files):
    html = misnumbered_files[f"notices/{NOTICE_ID}/index.html"].decode()
    source = (misnumbered_data / "notices" / NOTICE_ID / "source.txt").read_text(encoding="utf-8")
    labelled = re.findall(
        r'<h2>.*?</h2>|<h3>.*?</h3>|<div class="measure" id="measure-\d+">\n<p class="para">.*?</p>'
        r'|<tr class="category">.*?</tr>|<tr id="task-\d+">\n<th scope="row">.*?</th>',
        html,
        re.S,
    )
    printed = [_printed_view(label).strip() for label in labelled]
    assert len([p for p in printed if p[:1].isdigit()]) == 50 + 23  # every measure and task
    assert [p for p in printed if p not in source and not p.isdigit()] == []
    rows = [p for p in printed if p.isdigit()]
    assert rows == [*map(str, range(1, 23)), "24"]
    assert [p for p in printed if p.startswith(("四、", "（十六）"))] == [
        "四、实施精准治理，筑牢安全风险防控屏障",
        "四、全面强基固本，形成社会安全共治合力",
        "（十六）推动多元共治",
        "（十六）涵养安全文化",
        "四、实施精准治理，筑牢安全风险防控屏障（小计 6 项）",
        "四、全面强基固本，形成社会安全共治合力（小计 5 项）",
    ]
    measures = dict(re.findall(r'<div class="measure" id="measure-(\d+)">\n<p class="para">(.*?)</p>', html, re.S))
    assert [_printed_view(measures[n])[:13] for n in ("20", "21", "49", "51")] == [
        "20. 强化安全生产数字化",
        "20. 按照分类分级差异化",
        "49. 推进安全生产、应急",
        "51. 推动学习教育全覆盖",
    ]


def test_a_measure_printed_without_a_unit_list_says_so(misnumbered_files):
    html = misnumbered_files[f"notices/{NOTICE_ID}/index.html"].decode()
    links = re.search(r'<div class="measure" id="measure-16">.*?<p class="links">(.*?)</p>', html, re.S)
    assert links is not None and links.group(1) == "单位：原文未列\n"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"reading": "22"},
            f"the editorial record of {NOTICE_ID}/measure/21 number does not fit its number 21: it reads '22', "
            "printed '20'",
        ),
        (
            {"printed": "二十"},
            f"the editorial record of {NOTICE_ID}/measure/21 number does not fit its number 21: it reads '21', "
            "printed '二十'",
        ),
        (
            {"field": "preamble"},
            f"the editorial record of {NOTICE_ID}/measure/21 preamble names nothing the notice page shows",
        ),
    ],
)
def test_a_number_record_that_does_not_fit_is_refused(misnumbered, change, message):
    notice = misnumbered.notice(NOTICE_ID)
    editorial = [
        record.model_copy(update=change)
        if record.entity.endswith("/measure/21") and record.field == "number"
        else record
        for record in notice.editorial
    ]
    broken = misnumbered.model_copy(update={"notices": [notice.model_copy(update={"editorial": editorial})]})
    with pytest.raises(EditorialMismatch) as refused:
        site_files(broken)
    assert str(refused.value) == message
