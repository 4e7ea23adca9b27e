"""``anwei fmt``: the committed corpus is canonical; formatting is idempotent, lossless and leaves bad files alone."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pytest
from conftest import DATA, NOTICE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from typer.testing import CliRunner

from anwei_corpus.api import load
from anwei_corpus.cli import app
from anwei_corpus.formatting import format_paths, formatted, model_for
from anwei_corpus.release import release_files

CORPUS_FILES = sorted(path.relative_to(DATA).as_posix() for path in DATA.rglob("*.yaml"))


def test_the_committed_corpus_is_canonical():
    report = format_paths([DATA], write=False)
    assert (report.changed, report.diagnostics, len(report.unchanged)) == ([], [], len(CORPUS_FILES))


def _scramble(node: object, rng: random.Random) -> object:
    """The same data in another layout: keys shuffled, styles and quotes chosen at random."""
    if isinstance(node, CommentedMap):
        keys = list(node)
        rng.shuffle(keys)
        for key in keys:
            node.move_to_end(key)
            node[key] = _scramble(node[key], rng)
        if rng.random() < 0.2 and all(not isinstance(v, (dict, list)) for v in node.values()):
            node.fa.set_flow_style()
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = _scramble(item, rng)
        if rng.random() < 0.5:
            node.fa.set_block_style()
        elif all(not isinstance(item, dict) for item in node):
            node.fa.set_flow_style()
    elif isinstance(node, str) and "\n" not in node and node == node.strip():
        style = rng.choice([str, SingleQuotedScalarString, DoubleQuotedScalarString])
        return style(node)
    return node


def _rewritten(text: str, rng: random.Random) -> str:
    yaml = YAML(typ="rt")
    tree = yaml.load(text)
    sequence = rng.choice([2, 4, 6])
    yaml.indent(mapping=rng.choice([2, 4]), sequence=sequence, offset=sequence - 2)
    yaml.width = rng.choice([20, 40, 80, 4096])  # short widths fold texts at their spaces
    # Chinese as \\u escapes, on unfolded lines only (ruamel.yaml folds escaped text into a changed value)
    yaml.allow_unicode = yaml.width < 4096 or rng.random() < 0.5
    stream = io.StringIO()
    yaml.dump(_scramble(tree, rng), stream)
    return stream.getvalue()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_any_relayout_of_a_file_formats_back_to_the_committed_bytes(seed):
    rng = random.Random(seed)
    name = rng.choice(CORPUS_FILES)
    canonical = (DATA / name).read_text(encoding="utf-8")
    variant = _rewritten(canonical, rng)
    assert formatted(variant, model_for(Path(name))) == canonical


def test_a_formatted_copy_releases_byte_for_byte_as_the_original(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    rng = random.Random(2026)
    for name in CORPUS_FILES:
        target = copy / name
        target.write_text(_rewritten(target.read_text(encoding="utf-8"), rng), encoding="utf-8")
    first = format_paths([copy])
    assert (sorted(first.changed), first.diagnostics) == (sorted(str(copy / name) for name in CORPUS_FILES), [])
    assert format_paths([copy]).changed == []  # idempotent
    assert {name: (copy / name).read_bytes() for name in CORPUS_FILES} == {
        name: (DATA / name).read_bytes() for name in CORPUS_FILES
    }
    assert release_files(load(copy)) == release_files(load(DATA))


def test_comments_stay_where_they_stand(tmp_path):
    path = tmp_path / "corpus.yaml"
    path.write_text(
        "# yaml-language-server: $schema=x.json\n"
        "title: t  # the name\n"
        "notices: [a, b]\n"
        "# versions below\n"
        "schema_version: 1.0.0\n"
        "corpus_version: '1.0.0'\n",
        encoding="utf-8",
    )
    format_paths([path])
    assert path.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=x.json\n"
        "corpus_version: 1.0.0\n"
        "# versions below\n"
        "schema_version: 1.0.0\n"
        "title: t  # the name\n"
        "notices:\n"
        "  - a\n"
        "  - b\n"
    )


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def test_check_and_diff_name_the_files_and_change_nothing(run, corpus_copy):
    body = corpus_copy.file(f"{NOTICE}/body.yaml")
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("  - number: 1\n    title:", "  - title:", 1).replace("number: 1\n", "number: 1\n", 1))
    body.write_text(text.replace('- kind: space\n      printed: " 2022 "', "- printed: ' 2022 '\n      kind: space", 1))
    changed = body.read_bytes()

    check = run("fmt", "--check", str(corpus_copy.root))
    assert check.exit_code == 1
    assert check.output.splitlines() == [
        f"would reformat {body}",
        "1 file(s) would be reformatted, 5 already formatted",
    ]
    diff = run("fmt", "--diff", str(corpus_copy.root))
    assert diff.exit_code == 1
    assert f"--- {body}\n+++ {body}\n" in diff.stdout
    assert (
        "-    - printed: ' 2022 '\n-      kind: space\n+    - kind: space\n+      printed: \" 2022 \"\n" in diff.stdout
    )
    assert body.read_bytes() == changed

    fix = run("fmt", str(corpus_copy.root))
    assert (fix.exit_code, fix.output.splitlines()[-1]) == (0, "1 file(s) reformatted, 5 already formatted")
    assert body.read_text(encoding="utf-8") == text


def test_a_file_that_does_not_load_is_reported_as_validate_does_and_left_alone(run, corpus_copy):
    broken = corpus_copy.file("registry/people.yaml")
    broken.write_text("people: [\n", encoding="utf-8")
    before = broken.read_bytes()
    result = run("fmt", str(corpus_copy.root))
    validate = run("validate", str(corpus_copy.root))
    assert result.exit_code == 1
    first_finding = validate.output.split("\n\n")[0]
    assert result.output.startswith(first_finding)
    assert broken.read_bytes() == before


def test_a_missing_path_is_a_finding(run, tmp_path):
    result = run("fmt", str(tmp_path / "absent"))
    assert result.exit_code == 1
    assert result.output.startswith(f"{tmp_path / 'absent'}: AW012 [error] no such file or folder")
