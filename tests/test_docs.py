"""The documentation keeps up with the code: every command is documented, every relative link resolves, the quick
start is the two commands CI runs, and the pre-commit example pins a commit that exists."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import click
import pytest
import typer
from conftest import ROOT

from anwei_corpus.cli import app

PAGES = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").glob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)


def _commands(group: click.Group, prefix: str = "anwei") -> list[str]:
    """Every command of the application, subcommands of a group included, as typed: ``anwei show``."""
    found = []
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        found.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix} {name}")
    return found


def _text(page) -> str:
    return page.read_text(encoding="utf-8")


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces made hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


COMMANDS = _commands(typer.main.get_command(app))


def test_the_command_list_comes_from_the_application():
    assert {"anwei validate", "anwei fmt", "anwei new", "anwei schema", "anwei site"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command):
    pattern = re.compile(rf"`{re.escape(command)}(?![\w-])")
    pages = [page.relative_to(ROOT).as_posix() for page in PAGES if pattern.search(_text(page))]
    assert pages, f"no page documents `{command}`: add it to docs/ (see CONTRIBUTING.md, Adding a command)"


def _links():
    for page in PAGES:
        for match in LINK.finditer(_text(page)):
            target = match.group(1)
            if not re.match(r"^[a-z]+:", target):
                yield page, target


@pytest.mark.parametrize(("page", "target"), list(_links()), ids=lambda value: str(getattr(value, "name", value)))
def test_every_relative_link_resolves(page, target):
    path, _, anchor = target.partition("#")
    destination = (page.parent / path).resolve() if path else page
    assert destination.exists(), f"{page.relative_to(ROOT)}: {target} does not exist"
    if anchor and destination.suffix == ".md":
        anchors = {_slug(heading) for heading in HEADING.findall(_text(destination))}
        assert anchor in anchors, f"{page.relative_to(ROOT)}: no heading #{anchor} in {path or page.name}"


def test_the_link_check_can_fail(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n[gone](missing.md), [here](#title), [there](#elsewhere)\n", encoding="utf-8")
    targets = [match.group(1) for match in LINK.finditer(_text(page))]
    assert targets == ["missing.md", "#title", "#elsewhere"]
    assert not (tmp_path / "missing.md").exists()
    assert {_slug(h) for h in HEADING.findall(_text(page))} == {"title"}
    assert _slug("`anwei unit UNIT`") == "anwei-unit-unit"
    assert _slug("Versions and the CHANGELOG") == "versions-and-the-changelog"


def test_the_quick_start_is_two_commands_and_ci_runs_the_second_word_for_word():
    readme = _text(ROOT / "README.md")
    section = readme.split("## Quick start\n", 1)[1].split("\n## ", 1)[0]
    block = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block == [
        "pip install -e . && anwei validate data && anwei export data --out release\n"
        "pip install -e '.[test]' && python -m pytest\n"
    ]
    assert "Python 3.11 or newer" in section and "python3 -m venv .venv" in section
    ci = _text(ROOT / ".ci" / "run").rstrip("\n").split("\n")[-1]
    assert ci == block[0].split("\n")[1]


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs the git history")
def test_the_pre_commit_examples_pin_a_commit_of_this_repository():
    pins = {
        (page.relative_to(ROOT).as_posix(), rev)
        for page in PAGES
        for rev in re.findall(r"^\s*rev: (\S+)", _text(page), re.MULTILINE)
    }
    assert {page for page, _ in pins} == {"README.md", "docs/maintainers.md"}
    for page, rev in pins:
        assert re.fullmatch(r"[0-9a-f]{40}", rev), f"{page}: rev {rev} is not a full commit hash (there are no tags)"
        known = subprocess.run(
            ["git", "-C", str(ROOT), "cat-file", "-e", f"{rev}^{{commit}}"], capture_output=True, check=False
        )
        assert known.returncode == 0, f"{page}: rev {rev} is no commit of this repository"


@pytest.mark.parametrize("page", ["README.md", "docs/maintainers.md"])
def test_the_example_finding_is_what_validate_prints(page, corpus_copy):
    """The page's sample finding, made by the damage it shows (the unknown ID on the line it names)."""
    text = _text(ROOT / page)
    match = re.search(r"^( *)(data/(\S+?):(\d+):\d+: AW301 .*\n(?:\1.*\n){3})", text, re.MULTILINE)
    assert match is not None, page
    indent, shown, relative, line = match.group(1), match.group(2), match.group(3), int(match.group(4))
    first, *rest = shown.rstrip("\n").split("\n")  # the match starts after the first row's indentation
    expected = "\n".join([first, *(row[len(indent) :] for row in rest)])
    path = corpus_copy.root / relative
    lines = path.read_text(encoding="utf-8").split("\n")
    assert "emergency-bureau" in lines[line - 1], (page, line)
    lines[line - 1] = lines[line - 1].replace("emergency-bureau", "emergency-bureu", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "validate", corpus_copy.root.name],
        cwd=corpus_copy.root.parent,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split("\n")[:4] == expected.split("\n")
