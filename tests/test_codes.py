"""The table of codes: every code a run can report is documented, and every documented code is reported by some
damage to the corpus; retired codes are never given out again."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import DATA, NOTICE, ROOT
from findings import check
from test_mutations import MUTATIONS

from anwei_corpus import codes
from anwei_corpus.codes import LOAD_CODES, RETIRED_CODES, CodeState
from anwei_corpus.rules import CODES, RULES

BODY = f"{NOTICE}/body.yaml"
PEOPLE = "registry/people.yaml"


def _copy(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name / "data"
    shutil.copytree(DATA, root)
    return root


def _damage_codes(tmp_path: Path) -> dict[str, set[str]]:
    """Damage no text replacement can do (bytes, sizes, links, missing files): expected code → codes reported."""
    text = (DATA / PEOPLE).read_bytes()
    damage: dict[str, Callable[[Path], object]] = {
        "AW005": lambda root: (root / PEOPLE).write_bytes(text.replace("姜爱锋".encode(), "姜爱锋".encode("gb18030"))),
        "AW009": lambda root: (root / PEOPLE).write_bytes(
            text.replace(b"- id: xiao-wengao", b"- &first id: xiao-wengao") + b"other: *first\n"
        ),
        "AW011": lambda root: (root / PEOPLE).write_bytes(text + b"# " + b"x" * (2 << 20) + b"\n"),
        "AW012": lambda root: (root / BODY).unlink(),
        "AW013": _link_outside,
        "AW313": _listed_twice,  # its ID ends -2022-7, its 发文字号 is 〔2022〕6号
        "AW314": _listed_twice,  # two notices with one 发文字号
    }
    found = {}
    for code, damage_of in damage.items():
        root = _copy(tmp_path, code)
        damage_of(root)
        found[code] = {d.code for d in check(root)}
    return found


def _listed_twice(root: Path) -> None:
    """The notice copied to a second folder (as for next year's notice) with only its ID changed."""
    copy = root / "notices" / "putuo-anwei-2022-7"
    shutil.copytree(root / NOTICE, copy)
    meta = copy / "notice.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("id: putuo-anwei-2022-6", "id: putuo-anwei-2022-7", 1), "utf-8"
    )
    manifest = root / "corpus.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "  - putuo-anwei-2022-7\n", encoding="utf-8")


def _link_outside(root: Path) -> None:
    outside = root.parent / "outside.yaml"
    outside.write_bytes((root / PEOPLE).read_bytes())
    (root / PEOPLE).unlink()
    os.symlink(outside, root / PEOPLE)


def test_every_documented_code_is_reported_by_some_damage(tmp_path):
    by_mutation = {mutation.code for mutation in MUTATIONS.values()}
    by_mutation |= {finding[0] for mutation in MUTATIONS.values() for finding in mutation.also}
    unchanged = {d.code for d in check(DATA)}  # the information the real corpus reports (AW704)
    damaged = _damage_codes(tmp_path)
    assert {code for code, found in damaged.items() if code not in found} == set()
    assert by_mutation | unchanged | set(damaged) == set(CODES)


def test_every_code_reported_is_in_the_table():
    """The package reports through the table's constants and the rules' CODE; no other code literal exists."""
    source = {path: path.read_text(encoding="utf-8") for path in (ROOT / "src" / "anwei_corpus").rglob("*.py")}
    literals = {
        f"{path.name}: {match}"
        for path, text in source.items()
        if path.name != "codes.py" and "rules" not in path.parts
        for match in re.findall(r"Diagnostic\(\s*\"AW\d{3}\"", text)
    }
    assert literals == set()
    constants = {name for name, value in vars(codes).items() if isinstance(value, str) and value in LOAD_CODES}
    used = {name for name in constants if any(f"codes.{name}" in text for text in source.values())}
    assert used == constants  # every loader code is reported somewhere
    assert set(CODES) == set(LOAD_CODES) | set(RULES)


def test_retired_codes_are_never_reused():
    assert set(RETIRED_CODES).isdisjoint(CODES)
    assert all(doc.state is CodeState.RETIRED for doc in RETIRED_CODES.values())
    assert all(doc.state is CodeState.ACTIVE for doc in CODES.values())
