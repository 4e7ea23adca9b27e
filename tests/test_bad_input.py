"""Hostile and broken input, through the real command: a clear finding, the right exit code, never a traceback.

Each case damages a copy of the corpus and runs ``python -m anwei_corpus validate`` on it in a child process whose
address space is capped, so a case that tried to expand or nest without bound would fail rather than eat the
machine; the timeout only guards against a hang.
"""

from __future__ import annotations

import codecs
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NOTICE, ROOT, CorpusCopy

SRC = str(ROOT / "src")
MEMORY_CAP = 1024 * 1024 * 1024
BODY = f"{NOTICE}/body.yaml"
NOTICE_FILE = f"{NOTICE}/notice.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
SOURCE = f"{NOTICE}/source.txt"
YAML_FILES = ("corpus.yaml", "registry/units.yaml", "registry/people.yaml", NOTICE_FILE, BODY, ATTACHMENT)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_anwei(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "anwei_corpus", *args],
        cwd=cwd,
        env=dict(os.environ, PYTHONPATH=SRC),
        capture_output=True,
        check=False,
        text=True,
        errors="replace",
        timeout=120,
        preexec_fn=_cap_memory,
    )


def validate(corpus: CorpusCopy | Path) -> subprocess.CompletedProcess:
    root = corpus.root if isinstance(corpus, CorpusCopy) else corpus
    return run_anwei("validate", root.name, cwd=root.parent)


def assert_reports(result: subprocess.CompletedProcess, code: str, where: str, exit_code: int = 1) -> None:
    """``where`` is ``file`` or ``file:line`` as the report must print it."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == exit_code, output
    assert code in output, output
    assert where in output, output


def replace_line(corpus: CorpusCopy, relative: str, number: int, new_line: str) -> None:
    path = corpus.file(relative)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = new_line
    path.write_text("\n".join(lines), encoding="utf-8")


# --- YAML syntax -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_malformed_yaml(corpus_copy, where):
    lines = corpus_copy.file(BODY).read_text(encoding="utf-8").rstrip("\n").split("\n")
    number = {"start": 5, "middle": len(lines) // 2, "end": len(lines)}[where]
    while ": " not in lines[number - 1]:
        number += 1 if where != "end" else -1
    replace_line(corpus_copy, BODY, number, lines[number - 1] + ": extra")
    assert_reports(validate(corpus_copy), "AW001", f"data/{BODY}:{number}:")


def test_unclosed_flow_list_at_end_of_file(corpus_copy):
    path = corpus_copy.file("registry/people.yaml")
    path.write_text(path.read_text(encoding="utf-8") + "extra: [a, b\n", encoding="utf-8")
    assert_reports(validate(corpus_copy), "AW001", "data/registry/people.yaml:")


def test_duplicate_key(corpus_copy):
    line = corpus_copy.replace(NOTICE_FILE, "issuer: safety-committee\n", "issuer: safety-committee\nissuer: x\n")
    result = validate(corpus_copy)
    assert_reports(result, "AW002", f"data/{NOTICE_FILE}:{line + 1}:1")
    assert f"first defined on line {line}" in result.stdout


def test_tab_indentation(corpus_copy):
    line = corpus_copy.replace(NOTICE_FILE, "  file: source.txt", "\tfile: source.txt")
    assert_reports(validate(corpus_copy), "AW003", f"data/{NOTICE_FILE}:{line}:1")


# --- tags, aliases, nesting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        'issuer: !!python/object/apply:os.system ["touch {marker}"]',
        'issuer: !!python/object/new:os.system ["touch {marker}"]',
        "issuer: !!python/name:os.system",
        '!!python/object/apply:os.system ["touch {marker}"]: x',
        "!!python/name:os.system key: x",
        'issuer: !<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]',
        "issuer: !custom safety-committee",
        "issuer: !!binary aGVsbG8=",
        "issuer: !!map safety-committee",
    ],
)
def test_tags_never_construct_anything(corpus_copy, tmp_path, tagged):
    marker = tmp_path / "tag-ran"
    line = corpus_copy.replace(NOTICE_FILE, "issuer: safety-committee", tagged.format(marker=marker))
    assert_reports(validate(corpus_copy), "AW004", f"data/{NOTICE_FILE}:{line}:")
    assert not marker.exists()


def test_billion_laughs_is_refused_at_the_first_alias(corpus_copy):
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous, current = chr(ord("a") + level - 1), chr(ord("a") + level)
        bomb.append(f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]")
    corpus_copy.file("registry/units.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    result = validate(corpus_copy)
    assert_reports(result, "AW009", "data/registry/units.yaml:2:")
    assert "anchored at line 1" in result.stdout


@pytest.mark.parametrize(
    "deep",
    ["key: " + "[" * 20_000 + "]" * 20_000, "key:\n" + "- " * 20_000 + "x", "key: " + "{a: " * 20_000 + "}" * 20_000],
    ids=["flow-lists", "block-lists", "flow-mappings"],
)
def test_deep_nesting(corpus_copy, deep):
    corpus_copy.file("registry/people.yaml").write_text(deep + "\n", encoding="utf-8")
    assert_reports(validate(corpus_copy), "AW010", "data/registry/people.yaml:")


def reported(corpus: CorpusCopy) -> list[tuple[str, str, int | None, int | None, str, str | None]]:
    """Every finding ``anwei validate --format json`` prints but the coverage figure, whole, and its exit code 1."""
    result = run_anwei("validate", corpus.root.name, "--format", "json", cwd=corpus.root.parent)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return [
        (item["code"], item["file"], item["line"], item["column"], item["message"], item["hint"])
        for item in json.loads(result.stdout)["diagnostics"]
        if item["code"] != "AW704"
    ]


def test_nesting_past_the_limit_says_what_to_remove(corpus_copy):
    line = corpus_copy.replace(NOTICE_FILE, "copies: 60", "copies: " + "[" * 70 + "]" * 70)
    hint = (
        "no corpus file needs to nest this deep, and none deeper than 64 levels is read: remove the extra brackets, "
        "dashes or indentation that lead here"
    )
    assert reported(corpus_copy) == [
        ("AW010", f"data/{NOTICE_FILE}", line, len("copies: ") + 64, "nesting deeper than 64 levels", hint)
    ]


def test_a_file_past_the_size_limit_says_what_to_check(corpus_copy):
    path = corpus_copy.file(BODY)
    path.write_bytes(path.read_bytes() + b"# padding\n" * 110_000)
    hint = (
        "no corpus file needs to be this large, and none over 1048576 bytes is read: check that this is the file you "
        "meant, and remove what does not belong in it"
    )
    assert reported(corpus_copy) == [
        ("AW011", f"data/{BODY}", None, None, "file is larger than the limit of 1048576 bytes", hint)
    ]


def test_the_limits_are_named_from_their_constants(corpus_copy, monkeypatch):
    from anwei_corpus import loader, validate

    monkeypatch.setattr(loader, "MAX_DEPTH", 100)
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    line = corpus_copy.replace(NOTICE_FILE, "copies: 60", "copies: " + "[" * 120 + "]" * 120)
    path = corpus_copy.file(BODY)
    path.write_bytes(path.read_bytes() + b"# padding\n" * 220_000)
    found = [(d.code, d.location.line, d.message, d.hint) for d in validate(corpus_copy.root, ignore=["AW704"])]
    assert found == [
        ("AW011", None, "file is larger than the limit of 2097152 bytes", "no corpus file needs to be this large, and "
         "none over 2097152 bytes is read: check that this is the file you meant, and remove what does not belong "
         "in it"),
        ("AW010", line, "nesting deeper than 100 levels", "no corpus file needs to nest this deep, and none deeper "
         "than 100 levels is read: remove the extra brackets, dashes or indentation that lead here"),
    ]  # fmt: skip


# --- encodings and characters ----------------------------------------------------------------------------------


def _reencode(corpus: CorpusCopy, relative: str, encoding: str, bom: bytes = b"") -> None:
    path = corpus.file(relative)
    path.write_bytes(bom + path.read_text(encoding="utf-8").encode(encoding))


def test_gb18030_file(corpus_copy):
    _reencode(corpus_copy, BODY, "gb18030")
    result = validate(corpus_copy)
    assert_reports(result, "AW005", f"data/{BODY}:3:9")  # the first Chinese character
    assert "GB18030" in result.stdout


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-16-be", b"")],
    ids=["le-bom", "be-bom", "le", "be"],
)
def test_utf16_file(corpus_copy, encoding, bom):
    _reencode(corpus_copy, ATTACHMENT, encoding, bom)
    result = validate(corpus_copy)
    assert_reports(result, "AW005", f"data/{ATTACHMENT}:1:1")
    assert "UTF-16" in result.stdout


def test_utf8_byte_order_mark_is_refused(corpus_copy):
    _reencode(corpus_copy, "registry/people.yaml", "utf-8", codecs.BOM_UTF8)
    assert_reports(validate(corpus_copy), "AW006", "data/registry/people.yaml:1:1")


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x85", "\u2028", "\r"])
def test_control_characters(corpus_copy, character):
    line = corpus_copy.replace(NOTICE_FILE, "copies: 60", f"copies: 6{character}0")
    assert_reports(validate(corpus_copy), "AW007", f"data/{NOTICE_FILE}:{line}:10")


def test_invalid_utf8_after_chinese_text_is_located_by_character(corpus_copy):
    path = corpus_copy.file(NOTICE_FILE)
    raw = path.read_bytes()
    marker = "print_run: 共印60份".encode()
    line = raw[: raw.index(marker)].count(b"\n") + 1
    path.write_bytes(raw.replace(marker, marker + b"\xff"))
    assert_reports(validate(corpus_copy), "AW005", f"data/{NOTICE_FILE}:{line}:17")


# --- files that are not what they should be --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, code, where",
    [
        (b"", "AW008", ":1:1"),
        (b"# only a comment\n", "AW008", ":1:1"),
        (b"- a\n- b\n", "AW008", ":1:1"),
        (b"just a value\n", "AW008", ":1:1"),
        (b"a: 1\n---\nb: 2\n", "AW001", ":3:1"),
        (bytes(range(256)) * 8, "AW005", ":2:"),
    ],
    ids=["empty", "comment-only", "list", "scalar", "two-documents", "binary"],
)
def test_file_content_that_is_not_a_mapping(corpus_copy, content, code, where):
    corpus_copy.file(BODY).write_bytes(content)
    assert_reports(validate(corpus_copy), code, f"data/{BODY}{where}")


@pytest.mark.parametrize("relative", YAML_FILES[1:])
def test_truncated_file(corpus_copy, relative):
    path = corpus_copy.file(relative)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2 + 1])  # likely mid-character as well as mid-line
    assert_reports(validate(corpus_copy), "AW", "error")  # what is wrong depends on where the cut falls


def test_file_over_the_size_limit(corpus_copy):
    path = corpus_copy.file(BODY)
    path.write_bytes(path.read_bytes() + b"# padding\n" * 110_000)
    assert_reports(validate(corpus_copy), "AW011", f"data/{BODY}")


def test_source_text_over_the_size_limit(corpus_copy):
    corpus_copy.file(SOURCE).write_bytes(b"x" * (1024 * 1024 + 1))
    assert_reports(validate(corpus_copy), "AW011", f"data/{SOURCE}")


@pytest.mark.parametrize("relative", [*YAML_FILES, SOURCE])
def test_symlink_outside_the_corpus(corpus_copy, tmp_path, relative):
    outside = tmp_path / "outside" / Path(relative).name
    outside.parent.mkdir(exist_ok=True)
    target = corpus_copy.file(relative)
    outside.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(outside)
    assert_reports(validate(corpus_copy), "AW013", f"data/{relative}")


def test_notice_folder_linked_from_outside(corpus_copy, tmp_path):
    folder = corpus_copy.file(NOTICE)
    folder.rename(tmp_path / "elsewhere")
    folder.symlink_to(tmp_path / "elsewhere")
    result = validate(corpus_copy)
    assert_reports(result, "AW013", f"data/{BODY}")
    assert f"data/{SOURCE}" not in result.stdout  # its path comes from notice.yaml, which was not read


def test_symlink_loop(corpus_copy):
    body = corpus_copy.file(BODY)
    body.unlink()
    body.symlink_to(body.name)
    assert_reports(validate(corpus_copy), "AW012", f"data/{BODY}")


def test_symlink_inside_the_corpus_is_followed(corpus_copy):
    people = corpus_copy.file("registry/people.yaml")
    moved = corpus_copy.file("registry/people-real.yaml")
    people.rename(moved)
    people.symlink_to(moved.name)
    result = validate(corpus_copy)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("relative", [BODY, SOURCE])
def test_folder_in_place_of_a_file(corpus_copy, relative):
    path = corpus_copy.file(relative)
    path.unlink()
    path.mkdir()
    result = validate(corpus_copy)
    assert_reports(result, "AW012", f"data/{relative}")
    assert "found a folder" in result.stdout


def test_fifo_in_place_of_a_file_does_not_hang(corpus_copy):
    path = corpus_copy.file(ATTACHMENT)
    path.unlink()
    os.mkfifo(path)
    assert_reports(validate(corpus_copy), "AW012", f"data/{ATTACHMENT}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file(corpus_copy):
    corpus_copy.file(BODY).chmod(0)
    assert_reports(validate(corpus_copy), "AW012", f"data/{BODY}")


@pytest.mark.parametrize("relative", [BODY, SOURCE])
def test_missing_file(corpus_copy, relative):
    corpus_copy.file(relative).unlink()
    assert_reports(validate(corpus_copy), "AW012", f"data/{relative}")


# --- no corpus at all ------------------------------------------------------------------------------------------


def test_corpus_folder_that_does_not_exist(tmp_path):
    result = run_anwei("validate", "nowhere", cwd=tmp_path)
    assert_reports(result, "AW012", "nowhere", exit_code=2)
    assert "does not exist" in result.stdout


def test_file_where_the_corpus_folder_should_be(tmp_path):
    (tmp_path / "data").write_text("not a folder\n", encoding="utf-8")
    result = run_anwei("validate", "data", cwd=tmp_path)
    assert_reports(result, "AW012", "data", exit_code=2)
    assert "is not a folder" in result.stdout


def test_missing_manifest(corpus_copy):
    corpus_copy.file("corpus.yaml").unlink()
    assert_reports(validate(corpus_copy), "AW012", "data/corpus.yaml", exit_code=2)


def test_broken_manifest_is_a_finding(corpus_copy):
    corpus_copy.file("corpus.yaml").write_text("notices: [\n", encoding="utf-8")
    assert_reports(validate(corpus_copy), "AW001", "data/corpus.yaml:")


def test_export_of_an_invalid_corpus_writes_nothing(corpus_copy, tmp_path):
    corpus_copy.replace(BODY, "emergency-bureau, organisation-department", "emergency-buraeu, organisation-department")
    result = run_anwei("export", str(corpus_copy.root), "--out", str(tmp_path / "release"), cwd=tmp_path)
    assert_reports(result, "AW301", f"{BODY}:")
    assert not (tmp_path / "release").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data"]


@pytest.mark.parametrize("escape", ["\\e[2J", "\\0", "\\x85", "\\u2028", "\\uffff", "\\ud800", "\\U0010FFFE"])
@pytest.mark.parametrize(
    ("relative", "old", "new"),
    [
        ("registry/people.yaml", "name: 肖文高", 'name: "肖{}文高"'),
        ("registry/people.yaml", "note: 附件表格", 'note: "附件{}表格'),
        (ATTACHMENT, "rationale: 开篇", 'rationale: "开{}篇'),
    ],
    ids=["name", "note", "rationale"],
)
def test_escapes_in_quoted_values_are_refused_where_they_stand(corpus_copy, escape, relative, old, new):
    text = corpus_copy.file(relative).read_text(encoding="utf-8")
    if new.count('"') == 1:  # quote the rest of the line too
        start = text.index(old)
        end = text.index("\n", start)
        text = text[:start] + new.format(escape) + text[start + len(old) : end].replace('"', '\\"') + '"' + text[end:]
    else:
        text = text.replace(old, new.format(escape), 1)
    corpus_copy.file(relative).write_text(text, encoding="utf-8")
    line = corpus_copy.line_of(relative, new.format(escape).split("{")[0][:8])
    result = validate(corpus_copy)
    assert_reports(result, "AW007", f"data/{relative}:{line}:")
    assert "written as an escape in a quoted value" in result.stdout


@pytest.mark.parametrize(
    ("value", "code"),
    [("0x" + "f" * 5000, "AW001"), ("9" * 5000, "AW001"), ("1000000000000000000000", "AW001"), ("100001", "AW101")],
)
def test_integers_a_field_cannot_hold_are_refused(corpus_copy, value, code):
    line = corpus_copy.replace(NOTICE_FILE, "copies: 60", f"copies: {value}")
    assert_reports(validate(corpus_copy), code, f"data/{NOTICE_FILE}:{line}:")
    export = run_anwei("export", corpus_copy.root.name, "--out", "release", cwd=corpus_copy.root.parent)
    assert export.returncode == 1 and "Traceback" not in export.stderr + export.stdout
    assert not (corpus_copy.root.parent / "release").exists()


def test_a_link_swapped_in_after_the_check_is_not_read(corpus_copy, tmp_path, monkeypatch):
    from anwei_corpus import loader
    from anwei_corpus.checker import check_corpus
    from anwei_corpus.corpus import load_source

    outside = tmp_path / "secret.txt"
    outside.write_text("outside the corpus\n", encoding="utf-8")
    real_open = os.open
    source = corpus_copy.file(SOURCE).resolve()

    def swapped_open(path, flags, *args):
        # the race: the checked path names a link to the outside file by the time it is opened
        return real_open(outside if Path(path) == source else path, flags, *args)

    monkeypatch.setattr(loader.os, "open", swapped_open)
    findings = [d for d in check_corpus(load_source(corpus_copy.root)) if d.code == "AW013"]
    assert [(d.location.file.endswith(SOURCE), d.message) for d in findings] == [
        (True, "file changed into a link outside the corpus while it was read")
    ]


def test_the_corpus_has_a_total_budget(corpus_copy, monkeypatch):
    from anwei_corpus import corpus
    from anwei_corpus.checker import check_corpus
    from anwei_corpus.corpus import load_source

    budget = sum(len(corpus_copy.file(name).read_bytes()) for name in YAML_FILES[:3])
    monkeypatch.setattr(corpus, "MAX_CORPUS_BYTES", budget)
    findings = [d for d in check_corpus(load_source(corpus_copy.root)) if d.code == "AW011"]
    assert sorted(Path(d.location.file).name for d in findings) == ["attachment.yaml", "body.yaml", "notice.yaml"]
    assert findings[0].message == f"the corpus is larger than its limit of {budget} bytes in all; this file is not read"


@pytest.mark.parametrize(
    ("escape", "code", "what"),
    [
        ("\\u3164", "AW603", "invisible character U+3164 (HANGUL FILLER) at character 2"),
        ("\\u2800", "AW603", "invisible character U+2800 (BRAILLE PATTERN BLANK) at character 2"),
        ("\\u115F", "AW603", "invisible character U+115F (HANGUL CHOSEONG FILLER) at character 2"),
        ("\\uFFA0", "AW603", "invisible character U+FFA0 (HALFWIDTH HANGUL FILLER) at character 2"),
        ("\\uFE0F", "AW603", "invisible character U+FE0F (VARIATION SELECTOR-16) at character 2"),
        ("\\u0301", "AW607", "combining mark U+0301 (COMBINING ACUTE ACCENT) at character 2"),
        ("\\u20DD", "AW607", "combining mark U+20DD (COMBINING ENCLOSING CIRCLE) at character 2"),
    ],
)
def test_names_hold_no_blank_letters_variation_selectors_or_combining_marks(corpus_copy, escape, code, what):
    line = corpus_copy.replace("registry/people.yaml", "name: 肖文高", f'name: "肖{escape}文高"')
    result = run_anwei("validate", corpus_copy.root.name, "--format", "json", cwd=corpus_copy.root.parent)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    findings = [
        (item["code"], item["line"], item["message"].split(":")[0])
        for item in json.loads(result.stdout)["diagnostics"]
        if item["file"] == "data/registry/people.yaml"
    ]
    # the character itself, and the name that no longer matches the table's leader cells
    # the name as a reader can see it, the character spelled out
    printed = f"肖<U+{escape[2:].upper()}>文高 (xiao-wengao), leader of tasks 1, 2, stands in no task row"
    assert findings == [
        (code, line, what),
        ("AW707", line, f"{printed} of data/{NOTICE}/source.txt — the rows print '肖文高'"),
    ]
