"""Damage the real corpus at random and require a clean outcome: findings or a clean pass, never a crash.

Most examples run in-process (any exception escaping ``load_source``, ``check_corpus`` or the release build is a
failure); a few run the real command. The fast (libyaml) and reference (pure-Python) parsers must agree on every
damaged file: the same data and positions, or the same diagnostic.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import DATA, NOTICE, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anwei_corpus import loader
from anwei_corpus.build import build_corpus
from anwei_corpus.checker import check_corpus
from anwei_corpus.corpus import load_source
from anwei_corpus.diagnostics import CorpusUnreadable, Severity
from anwei_corpus.editorial import coverage
from anwei_corpus.models.release import Corpus
from anwei_corpus.release import release_files

FILES = (
    "corpus.yaml",
    "registry/units.yaml",
    "registry/people.yaml",
    f"{NOTICE}/notice.yaml",
    f"{NOTICE}/body.yaml",
    f"{NOTICE}/attachment.yaml",
    f"{NOTICE}/source.txt",
)
YAML_FILES = FILES[:-1]
NUMBERED_FILES = (f"{NOTICE}/notice.yaml", f"{NOTICE}/body.yaml", f"{NOTICE}/attachment.yaml")
ORIGINAL = {name: (DATA / name).read_bytes() for name in FILES}
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="anwei-fuzz-"))
    shutil.copytree(DATA, folder / "data")
    yield folder / "data"
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def damaged(root: Path, name: str, content: bytes) -> Iterator[Path]:
    """The scratch corpus with one file replaced, put back afterwards."""
    (root / name).write_bytes(content)
    try:
        yield root
    finally:
        (root / name).write_bytes(ORIGINAL[name])


# --- kinds of damage -------------------------------------------------------------------------------------------


@st.composite
def byte_flips(draw, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(data) - 1))
        data[index] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def line_edits(draw, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()):
            del lines[index]
        else:
            lines.insert(index, lines[index])
    return b"\n".join(lines)


@st.composite
def swapped_values(draw, raw: bytes) -> bytes:
    """Exchange the values of two ``key: value`` lines: right syntax, wrong meaning."""
    lines = raw.split(b"\n")
    pairs = [i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")]
    if len(pairs) < 2:  # source.txt
        return raw
    first, second = draw(st.lists(st.sampled_from(pairs), min_size=2, max_size=2))
    head_a, _, value_a = lines[first].partition(b": ")
    head_b, _, value_b = lines[second].partition(b": ")
    lines[first], lines[second] = head_a + b": " + value_b, head_b + b": " + value_a
    return b"\n".join(lines)


YAML_PUNCTUATION = [
    b": ",
    b"- ",
    b"? ",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!x ",
    b"|",
    b">",
    b"'",
    b'"',
    b"#",
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    b"\n",
    b"  ",
    b"\\",
]


@st.composite
def punctuation(draw, raw: bytes) -> bytes:
    """YAML's own punctuation dropped in at random: the damage a parser must word well."""
    data = raw
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(data)))
        data = data[:index] + draw(st.sampled_from(YAML_PUNCTUATION)) + data[index:]
    return data


@st.composite
def changed_numbers(draw, raw: bytes) -> bytes:
    """A number replaced by another: the damage the numbering and total rules must word well."""
    numbers = [match.span() for match in re.finditer(rb"(?<=: )-?[0-9]+\b", raw)]
    if not numbers:  # source.txt
        return raw
    start, end = draw(st.sampled_from(numbers))
    replacement = draw(st.sampled_from([-1, 0, 1, 2, 3, 23, 50, 2**31, 10**30]))
    return raw[:start] + str(replacement).encode() + raw[end:]


@st.composite
def truncation(draw, raw: bytes) -> bytes:
    return raw[: draw(st.integers(0, len(raw)))]


# Escapes a double-quoted scalar can hold: the ones that make what the raw text may not hold, blank letters and
# combining marks, the harmless ones, and any code point at all.
ESCAPES = [
    "\\e[2J",
    "\\0",
    "\\a",
    "\\x85",
    "\\N",
    "\\_",
    "\\L",
    "\\P",
    "\\u2028",
    "\\uffff",
    "\\ufdd0",
    "\\ud800",
    "\\udfff",
    "\\U0010FFFE",
    "\\u3164",
    "\\u2800",
    "\\ufe0f",
    "\\u0301",
    "\\u200b",
    "\\t",
    '\\"',
    "\\\\",
]


@st.composite
def escaped_scalars(draw, raw: bytes) -> bytes:
    """A plain text value rewritten as a double-quoted scalar with escapes inside: what the raw check cannot see."""
    values = [match.span(1) for match in re.finditer(rb": ([^\s\[{'\"&*!|>#-][^\n]*)", raw)]
    if not values:  # source.txt
        return raw
    start, end = draw(st.sampled_from(values))
    text = raw[start:end].decode("utf-8").replace("\\", "\\\\").replace('"', '\\"')
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        escape = draw(st.one_of(st.sampled_from(ESCAPES), st.integers(0, 0x10FFFF).map("\\U{:08X}".format)))
        text = text[:at] + escape + text[at:]
    return raw[:start] + f'"{text}"'.encode() + raw[end:]


@st.composite
def huge_integers(draw, raw: bytes) -> bytes:
    """A number replaced by one no field can hold, in any of the notations YAML reads as an integer."""
    numbers = [match.span() for match in re.finditer(rb"(?<=: )[0-9]+$", raw, re.MULTILINE)]  # whole values only
    if not numbers:  # the registries, source.txt
        return raw
    start, end = draw(st.sampled_from(numbers))
    digits = draw(st.integers(18, 6000))
    notation = draw(st.sampled_from(["{}", "-{}", "+{}", "0x{}", "0o{}", "0b{}", "{}_000"]))
    alphabet = {"0x": "f", "0o": "7", "0b": "1"}.get(notation[:2], "9")
    return raw[:start] + notation.format(alphabet * digits).encode() + raw[end:]


DAMAGE = (
    byte_flips,
    line_edits,
    swapped_values,
    punctuation,
    changed_numbers,
    truncation,
    escaped_scalars,
    huge_integers,
)
# What must never reach a release, escaped or not: it breaks line-based readers of the JSON Lines files and
# drives terminals.
UNRELEASABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


@st.composite
def damage(draw, names: tuple[str, ...] = FILES, kinds: tuple = DAMAGE) -> tuple[str, bytes]:
    name = draw(st.sampled_from(names))
    return name, draw(draw(st.sampled_from(kinds))(ORIGINAL[name]))


# --- properties ------------------------------------------------------------------------------------------------


def validate_in_process(root: Path) -> int:
    """What ``anwei validate`` then ``anwei export`` would do, minus the output: the exit code.

    Any exception escaping is the failure the fuzzing looks for. A corpus that passes must also give a release
    that reads back to the same corpus.
    """
    try:
        source = load_source(root)
    except CorpusUnreadable:
        return 2
    diagnostics = check_corpus(source)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return 1
    corpus = build_corpus(source)
    files = release_files(corpus)
    assert Corpus.model_validate_json(files["anwei-corpus.json"]) == corpus
    for name, content in files.items():
        if not name.endswith(".sqlite"):  # the database holds the same texts as the JSON
            text = content if isinstance(content, str) else content.decode("utf-8")
            assert UNRELEASABLE.search(text) is None, name
    return 0


@settings(FUZZ, max_examples=150)
@given(damage())
def test_damaged_corpus_never_crashes(scratch, change):
    name, content = change
    with damaged(scratch, name, content) as root:
        validate_in_process(root)


@settings(FUZZ, max_examples=80)
@given(damage(YAML_FILES, (escaped_scalars,)))
def test_escaped_scalars_never_crash_nor_reach_the_release(scratch, change):
    name, content = change
    with damaged(scratch, name, content) as root:
        validate_in_process(root)


@settings(FUZZ, max_examples=40)
@given(damage(NUMBERED_FILES, (huge_integers,)))
def test_huge_integers_are_refused_not_crashed_on(scratch, change):
    name, content = change
    with damaged(scratch, name, content) as root:
        assert validate_in_process(root) == 1


def read_both_ways(raw: bytes, name: str) -> tuple:
    """The loader's reading of one file on each parser: data and positions, or the diagnostic."""
    results = []
    for fast in (True, False):
        loader.FAST_PARSER = fast
        try:
            document = loader.load_yaml(raw, name)
            results.append((document.data, document.positions, document.key_positions))
        except loader.YamlLoadError as exc:
            results.append(exc.diagnostic)
        finally:
            loader.FAST_PARSER = loader.CParser is not None
    return tuple(results)


@pytest.mark.skipif(loader.CParser is None, reason="ruamel.yaml.clib is not installed")
@pytest.mark.parametrize("name", YAML_FILES)
def test_both_parsers_read_the_real_files_alike(name):
    fast, reference = read_both_ways(ORIGINAL[name], name)
    assert fast == reference


@pytest.mark.skipif(loader.CParser is None, reason="ruamel.yaml.clib is not installed")
@pytest.mark.parametrize(
    "name, old, new",
    [
        (
            f"{NOTICE}/body.yaml",
            "emergency-bureau, organisation-department",
            "emergency-buraeu, organisation-department",
        ),
        ("registry/units.yaml", "kind: committee", "kind: [committee]"),
        (f"{NOTICE}/attachment.yaml", "\ntasks:\n", "\ntasks:\ntasks:\n"),
    ],
)
def test_both_parsers_give_the_same_findings(monkeypatch, scratch, name, old, new):
    with damaged(scratch, name, ORIGINAL[name].replace(old.encode(), new.encode(), 1)) as root:
        findings = []
        for fast in (True, False):
            monkeypatch.setattr(loader, "FAST_PARSER", fast)
            findings.append(check_corpus(load_source(root)))
    assert findings[0] == findings[1]
    assert any(d.severity is Severity.ERROR for d in findings[0])


@pytest.mark.skipif(loader.CParser is None, reason="ruamel.yaml.clib is not installed")
@settings(FUZZ, max_examples=120)
@given(damage(YAML_FILES))
def test_both_parsers_read_damaged_files_alike(change):
    name, content = change
    fast, reference = read_both_ways(content, name)
    assert fast == reference


@settings(FUZZ, max_examples=4)
@given(damage())
def test_damaged_corpus_through_the_command(scratch, change):
    name, content = change
    with damaged(scratch, name, content) as root:
        result = subprocess.run(
            [sys.executable, "-m", "anwei_corpus", "validate", str(root)],
            env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
            capture_output=True,
            check=False,
            text=True,
            errors="replace",
            timeout=120,
        )
    assert result.returncode in (0, 1, 2)
    assert "Traceback" not in result.stdout + result.stderr


# --- the coverage count, which works on stretches of text, against its definition by single characters ---------


def coverage_by_character(source: str, spans: list[tuple[int, int]]) -> tuple:
    marked = [False] * len(source)
    for start, end in spans:
        for index in range(start, min(end, len(source))):
            marked[index] = True
    counted = [index for index, char in enumerate(source) if not char.isspace()]
    runs, run_start = [], None
    for index in counted:
        if marked[index] and run_start is not None:
            runs.append((source.count("\n", 0, run_start) + 1, source[run_start:index].strip()))
            run_start = None
        elif not marked[index] and run_start is None:
            run_start = index
    if run_start is not None:
        runs.append((source.count("\n", 0, run_start) + 1, source[run_start:].strip()))
    return sum(marked[index] for index in counted), len(counted), tuple(runs)


@settings(FUZZ, max_examples=300)
@given(
    st.text(alphabet="ab中 \n\t\u3000\xa0", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=4),
)
def test_coverage_counts_what_its_definition_counts(source, starts):
    spans = [(start, start + length) for start, length in starts]
    result = coverage(source, spans)
    assert (result.covered, result.total, result.uncovered_runs) == coverage_by_character(source, spans)
