"""Units and people of one district: names that repeat across jurisdictions, and notices that keep to their own.

The real registry is all of 普陀区 (``jurisdiction: putuo``). A copy gains a unit of 静安区 that shares a name with
one of 普陀区's; the whole set of findings is compared for each change, and the look-ups are asked by that name.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import NOTICE, CorpusCopy
from findings import check

from anwei_corpus import Ambiguous, load

UNITS = "registry/units.yaml"
PEOPLE = "registry/people.yaml"
BODY = f"{NOTICE}/body.yaml"
JINGAN_BUREAU = """  - id: jingan-emergency-bureau
    name: 区应急局
    kind: government-department
    jurisdiction: jingan
"""


def _findings(copy: CorpusCopy) -> list[tuple[str, str, int | None, str]]:
    return [
        (d.code, d.location.file.split("/data/", 1)[1], d.location.line, d.message)
        for d in check(copy.root)
        if d.code != "AW704"  # the coverage figure, always reported
    ]


def _add_unit(copy: CorpusCopy, entry: str) -> int:
    path = copy.file(UNITS)
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")
    return copy.line_of(UNITS, entry.splitlines()[0])


def test_the_real_registry_is_of_one_district():
    corpus = load()
    assert {entry.jurisdiction for entry in (*corpus.units, *corpus.people)} == {"putuo"}


def test_a_name_may_repeat_in_another_jurisdiction(corpus_copy: CorpusCopy):
    line = _add_unit(corpus_copy, JINGAN_BUREAU)
    assert _findings(corpus_copy) == [
        ("AW309", UNITS, line, "unit 'jingan-emergency-bureau' is not used by any notice"),
    ]


def test_a_name_may_not_repeat_within_a_jurisdiction_or_beside_an_entry_of_none(corpus_copy: CorpusCopy):
    line = _add_unit(corpus_copy, JINGAN_BUREAU.replace("jurisdiction: jingan", "jurisdiction: putuo"))
    unused = ("AW309", UNITS, line, "unit 'jingan-emergency-bureau' is not used by any notice")
    duplicate = ("AW306", UNITS, line + 1, "name '区应急局' is already a name of unit 'emergency-bureau'")
    assert _findings(corpus_copy) == [unused, duplicate]
    in_putuo = JINGAN_BUREAU.replace("jurisdiction: jingan", "jurisdiction: putuo")
    corpus_copy.replace(UNITS, in_putuo, JINGAN_BUREAU.replace("    jurisdiction: jingan\n", ""))  # of none
    assert _findings(corpus_copy) == [unused, duplicate]


def test_a_notice_names_only_entries_of_its_own_jurisdiction(corpus_copy: CorpusCopy):
    _add_unit(corpus_copy, JINGAN_BUREAU)
    line = corpus_copy.replace(BODY, "units: [[emergency-bureau]]", "units: [[jingan-emergency-bureau]]")
    corpus_copy.replace(
        PEOPLE,
        "  - id: xu-shujie\n    name: 徐树杰\n    jurisdiction: putuo\n",
        "  - id: xu-shujie\n    name: 徐树杰\n    jurisdiction: jingan\n",
    )
    leader_lines = [
        number
        for number, text in enumerate(corpus_copy.file(f"{NOTICE}/attachment.yaml").read_text().splitlines(), 1)
        if "xu-shujie" in text
    ]
    others = ", ".join(map(str, leader_lines[1:9])) + ", …"  # eight lines shown
    assert _findings(corpus_copy) == [
        (
            "AW315",
            f"{NOTICE}/attachment.yaml",
            leader_lines[0],
            "person 'xu-shujie' is of jurisdiction jingan, but this notice is of putuo (the first segment of its ID, "
            "putuo-anwei-2022-6) "
            f"({len(leader_lines)} references in this file; also lines {others})",
        ),
        (
            "AW315",
            BODY,
            line,
            "unit 'jingan-emergency-bureau' is of jurisdiction jingan, but this notice is of putuo (the first segment of "
            "its ID, putuo-anwei-2022-6)",
        ),
    ]


def test_an_issuer_of_another_jurisdiction_is_reported_once_at_the_issuer(corpus_copy: CorpusCopy):
    # the issuer's own jurisdiction does not decide the notice's: its ID does, so one finding names the one cause
    corpus_copy.replace(
        UNITS, "    kind: committee\n    jurisdiction: putuo\n", "    kind: committee\n    jurisdiction: jingan\n"
    )
    findings = [(d.code, d.location.file.split("/data/", 1)[1], d.message, d.hint) for d in check(corpus_copy.root)]
    assert [f for f in findings if f[0] == "AW315"] == [
        (
            "AW315",
            f"{NOTICE}/notice.yaml",
            "unit 'safety-committee' is of jurisdiction jingan, but this notice is of putuo (the first segment of its "
            "ID, putuo-anwei-2022-6)",
            "use the unit of putuo (add it to registry/units.yaml with jurisdiction: putuo and an ID of its own if "
            "there is none yet), correct the jurisdiction of the entry, or correct the notice's ID while it is "
            "unreleased",
        )
    ]


def test_the_hint_names_the_entry_of_that_name_in_the_notices_jurisdiction(corpus_copy: CorpusCopy):
    corpus_copy.replace(
        UNITS,
        "  - id: emergency-bureau\n    name: 区应急局\n    kind: government-department\n    jurisdiction: putuo\n",
        "  - id: emergency-bureau\n    name: 区应急局\n    kind: government-department\n    jurisdiction: jingan\n",
    )
    _add_unit(
        corpus_copy,
        JINGAN_BUREAU.replace("jingan-emergency-bureau", "putuo-emergency-bureau").replace("jingan", "putuo"),
    )
    hints = {d.hint for d in check(corpus_copy.root) if d.code == "AW315"}
    assert hints == {"use 'putuo-emergency-bureau', the unit 区应急局 of putuo"}


def _release_of(copy: CorpusCopy, tmp_path):
    subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "export", str(copy.root), "--out", str(tmp_path / "release")],
        check=True,
        capture_output=True,
    )
    return tmp_path / "release"


def test_look_ups_by_a_shared_name_are_ambiguous(corpus_copy: CorpusCopy, tmp_path):
    _add_unit(corpus_copy, JINGAN_BUREAU)
    corpus = load(corpus_copy.root)
    with pytest.raises(Ambiguous) as raised:
        corpus.unit("区应急局")
    assert str(raised.value) == (
        "unit '区应急局' is ambiguous: it may be 区应急局 of putuo (emergency-bureau), 区应急局 of jingan "
        "(jingan-emergency-bureau); give the ID"
    )
    assert corpus.unit("jingan-emergency-bureau").jurisdiction == "jingan"
    result = subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "unit", "区应急局", "--corpus", str(corpus_copy.root)],
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == (
        "anwei: unit '区应急局' is ambiguous: it may be 区应急局 of putuo (emergency-bureau), 区应急局 of jingan "
        "(jingan-emergency-bureau)"
    )
    release = _release_of(corpus_copy, tmp_path)
    units = json.loads((release / "anwei-corpus.json").read_text(encoding="utf-8"))["units"]
    assert [(u["id"], u["jurisdiction"]) for u in units if u["name"] == "区应急局"] == [
        ("emergency-bureau", "putuo"),
        ("jingan-emergency-bureau", "jingan"),
    ]
    header, *rows = (release / "units.csv").read_text(encoding="utf-8").splitlines()
    assert header == "id,name,kind,note,jurisdiction"
    assert rows[-1] == "jingan-emergency-bureau,区应急局,government-department,,jingan"


def test_stats_and_pages_tell_the_districts_apart(corpus_copy: CorpusCopy, tmp_path):
    _add_unit(corpus_copy, JINGAN_BUREAU)
    stats = subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "stats", "--corpus", str(corpus_copy.root)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert [line.split()[0:2] for line in stats.splitlines() if "区应急局" in line] == [
        ["区应急局", "(putuo)"],
        ["区应急局", "(jingan)"],
    ]
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "site", str(corpus_copy.root), "--out", str(site)],
        check=True,
        capture_output=True,
    )
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count('<span class="tag">jingan</span>') == 1
    assert index.count('<span class="tag">putuo</span>') == 39 + 7  # every other unit, and every leader
    unit_page = next(p for p in site.rglob("*.html") if "jingan-emergency-bureau" in p.name)
    assert "<dt>辖区</dt><dd><code>jingan</code></dd>" in unit_page.read_text(encoding="utf-8")
