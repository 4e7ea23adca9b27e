"""``anwei site``: the files it writes, byte for byte the same each time, under the rules of ``anwei export``."""

from __future__ import annotations

import re
import shutil

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
