"""``anwei new``: a notice folder scaffolded from an empty corpus folder and into the real corpus."""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEED_SOURCE
from typer.testing import CliRunner

from anwei_corpus import SCHEMA_VERSION
from anwei_corpus.api import validate
from anwei_corpus.cli import app
from anwei_corpus.formatting import format_paths
from anwei_corpus.scaffold import ScaffoldRefused, has_attachment, new_notice, scaffold_documents

SEED_SHA = hashlib.sha256(SEED_SOURCE.read_bytes()).hexdigest()


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def _findings(path: Path) -> set[tuple[str, int | None, str, str]]:
    return {
        (Path(d.location.file).relative_to(path).as_posix(), d.location.line, d.code, d.message) for d in validate(path)
    }


def test_empty_folder_becomes_a_corpus_whose_findings_list_what_is_left(tmp_path):
    corpus = tmp_path / "data"
    corpus.mkdir()
    result = new_notice(corpus, "next-notice", SEED_SOURCE)

    folder = "notices/next-notice"
    assert result.created == [
        f"{folder}/source.txt",
        f"{folder}/notice.yaml",
        f"{folder}/body.yaml",
        f"{folder}/attachment.yaml",
        "corpus.yaml",
        "registry/units.yaml",
        "registry/people.yaml",
    ]
    files = _tree(corpus)
    assert set(files) == set(result.created)
    assert files[f"{folder}/source.txt"] == SEED_SOURCE.read_bytes()
    # every file names its editor schema, in the schema folder beside the corpus ('anwei schema' writes it there)
    modeline = "# yaml-language-server: $schema={}/schema/editor/{}.schema.json\n".format
    assert files["corpus.yaml"].decode() == modeline("..", "corpus") + (
        f"corpus_version: 0.1.0\nschema_version: {SCHEMA_VERSION}\ntitle: anwei-corpus\nnotices:\n  - next-notice\n"
    )
    assert files["registry/units.yaml"].decode() == modeline("../..", "units") + "units: []\n"
    assert files["registry/people.yaml"].decode() == modeline("../..", "people") + "people: []\n"
    assert files[f"{folder}/notice.yaml"].decode() == modeline("../../..", "notice") + (
        "id: next-notice\nsource:\n  file: source.txt\n"
        f"  sha256: {SEED_SHA}\n  description: null\n"
        "issuer_mark: null\nissuer: null\ndoc_number: null\ntitle: null\naddressee: null\naddressee_units: []\n"
        "transmittal: null\nsignature: null\ndate: null\nattachment_note: null\nannotation: null\nimprint: null\n"
        "print_run: null\ncopies: null\n"
    )
    assert (
        files[f"{folder}/body.yaml"].decode()
        == modeline("../../..", "body") + "title: null\nopening: null\nparts: []\nclosing: null\n"
    )
    not_filled = "not filled in yet (null); expected"
    passage = "a string or a mapping with `text` (and optionally `edits`)"  # PassageField: a text, or one with edits
    assert _findings(corpus) == {
        ("registry/units.yaml", 2, "AW101", "units: must not be empty"),
        ("registry/people.yaml", 2, "AW101", "people: must not be empty"),
        (f"{folder}/notice.yaml", 6, "AW101", f"description: {not_filled} a string"),
        (f"{folder}/notice.yaml", 7, "AW101", f"issuer_mark: {not_filled} {passage}"),
        (f"{folder}/notice.yaml", 8, "AW101", f"issuer: {not_filled} a string"),
        (
            f"{folder}/notice.yaml",
            9,
            "AW101",
            f"doc_number: {not_filled} a mapping with `printed`, `organ_code`, `year`, `serial`",
        ),
        (f"{folder}/notice.yaml", 10, "AW101", f"title: {not_filled} {passage}"),
        (f"{folder}/notice.yaml", 11, "AW101", f"addressee: {not_filled} {passage}"),
        (f"{folder}/notice.yaml", 13, "AW101", f"transmittal: {not_filled} {passage}"),
        (f"{folder}/notice.yaml", 14, "AW101", f"signature: {not_filled} {passage}"),
        (f"{folder}/notice.yaml", 15, "AW101", f"date: {not_filled} a mapping with `value`, `printed`"),
        (f"{folder}/notice.yaml", 18, "AW101", f"imprint: {not_filled} a mapping with `organ`, `date`"),
        (f"{folder}/body.yaml", 2, "AW101", f"title: {not_filled} {passage}"),
        (f"{folder}/body.yaml", 3, "AW101", f"opening: {not_filled} {passage}"),
        (f"{folder}/body.yaml", 4, "AW101", "parts: must not be empty"),
        (
            f"{folder}/body.yaml",
            5,
            "AW101",
            f"closing: {not_filled} a mapping with `text` (and optionally `announced_tasks`)",
        ),
        (f"{folder}/attachment.yaml", 2, "AW101", f"label: {not_filled} {passage}"),
        (f"{folder}/attachment.yaml", 3, "AW101", f"title: {not_filled} {passage}"),
        (f"{folder}/attachment.yaml", 4, "AW101", "columns: must not be empty"),
        (
            f"{folder}/attachment.yaml",
            5,
            "AW101",
            f"breakdown: {not_filled} a mapping with `label`, `categories_printed`, `tasks_printed`",
        ),
        (f"{folder}/attachment.yaml", 6, "AW101", "categories: must not be empty"),
        (f"{folder}/attachment.yaml", 7, "AW101", "tasks: must not be empty"),
    }


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A copy of the repository's corpus with the schemas beside it, as a maintainer has them."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    return tmp_path


def test_real_corpus_gains_the_notice_and_keeps_everything_else(repository):
    corpus = repository / "data"
    before = _tree(corpus)
    result = new_notice(corpus, "putuo-anwei-2023-1", SEED_SOURCE)

    after = _tree(corpus)
    assert result.updated == ["corpus.yaml"]
    assert {name for name in after if name not in before} == set(result.created)
    assert {name for name in before if before[name] != after[name]} == {"corpus.yaml"}
    assert after["corpus.yaml"] == before["corpus.yaml"] + b"  - putuo-anwei-2023-1\n"
    for name in ("notice", "body", "attachment"):
        first_line = after[f"notices/putuo-anwei-2023-1/{name}.yaml"].decode().split("\n")[0]
        assert first_line == f"# yaml-language-server: $schema=../../../schema/editor/{name}.schema.json"
    assert format_paths([corpus], write=False).changed == []  # written in the layout 'anwei fmt' keeps
    findings = _findings(corpus)
    assert {file for file, *_ in findings} == {
        f"notices/putuo-anwei-2023-1/{name}.yaml" for name in ("notice", "body", "attachment")
    }
    assert {code for _, _, code, _ in findings} == {"AW101"}


def test_an_existing_folder_or_a_listed_id_is_never_overwritten(repository):
    corpus = repository / "data"
    (corpus / "notices/taken").mkdir()
    before = _tree(corpus)
    with pytest.raises(ScaffoldRefused, match="already exists"):
        new_notice(corpus, "taken", SEED_SOURCE)
    with pytest.raises(ScaffoldRefused, match="already exists"):
        new_notice(corpus, "putuo-anwei-2022-6", SEED_SOURCE)
    (corpus / "notices/taken").rmdir()
    text = (corpus / "corpus.yaml").read_text(encoding="utf-8")
    (corpus / "corpus.yaml").write_text(text + "  - listed-only\n", encoding="utf-8")
    with pytest.raises(ScaffoldRefused, match="already lists 'listed-only'"):
        new_notice(corpus, "listed-only", SEED_SOURCE)
    (corpus / "corpus.yaml").write_text(text, encoding="utf-8")
    (corpus / "notices/taken").mkdir()
    assert _tree(corpus) == before
    assert [path.name for path in (corpus / "notices").iterdir() if path.name.startswith(".")] == []


@pytest.mark.parametrize("notice_id", ["Putuo-2023", "putuo_2023", "../escape", "", "a--b"])
def test_an_id_that_cannot_be_a_folder_name_is_refused(tmp_path, notice_id):
    with pytest.raises(ScaffoldRefused, match="is not lowercase ASCII words"):
        new_notice(tmp_path / "data", notice_id, SEED_SOURCE)
    assert not (tmp_path / "data").exists()


def test_attachment_follows_the_source_unless_asked(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("关于做好安全工作的通知\n各单位：\n请遵照执行。\n", encoding="utf-8")
    assert not has_attachment(plain.read_text(encoding="utf-8"))
    assert has_attachment(SEED_SOURCE.read_text(encoding="utf-8"))
    assert set(scaffold_documents("x", plain.read_bytes())) == {"notice.yaml", "body.yaml"}
    assert new_notice(tmp_path / "a", "no-attachment", plain).created[:3] == [
        "notices/no-attachment/source.txt",
        "notices/no-attachment/notice.yaml",
        "notices/no-attachment/body.yaml",
    ]
    forced = new_notice(tmp_path / "b", "with-attachment", plain, attachment=True)
    assert "notices/with-attachment/attachment.yaml" in forced.created


def test_cli_prints_what_it_wrote_and_the_steps_left(tmp_path):
    corpus = tmp_path / "data"
    result = CliRunner().invoke(app, ["new", "next-notice", "--source", str(SEED_SOURCE), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:7] == [
        f"created {corpus}/notices/next-notice/{name}"
        for name in ("source.txt", "notice.yaml", "body.yaml", "attachment.yaml")
    ] + [f"created {corpus}/{name}" for name in ("corpus.yaml", "registry/units.yaml", "registry/people.yaml")]
    assert lines[7:9] == ["", "next:"]
    assert lines[9] == (
        f"  1. run 'anwei schema --corpus {corpus}' to write the editor schemas the files' modelines name "
        f"({tmp_path}/schema/editor)"
    )
    assert lines[-1] == "  7. record the new notice in CHANGELOG.md and bump the corpus version (minor: a notice added)"
    assert f"run 'anwei validate {corpus}' until it reports nothing" in result.output


def test_cli_refusals_are_usage_errors_that_write_nothing(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["new", "x", "--source", str(tmp_path / "absent.txt"), "--corpus", str(tmp_path)])
    assert (missing.exit_code, missing.output.startswith("anwei: cannot read the source")) == (2, True)
    again = ["new", "putuo-anwei-2022-6", "--source", str(SEED_SOURCE), "--corpus", str(DATA)]
    refused = runner.invoke(app, again)
    assert refused.exit_code == 2
    assert "already exists; choose another ID or remove the folder yourself" in refused.output
    assert list(tmp_path.iterdir()) == []


def _filled(scaffolded: Path, encoded: Path, drop: tuple[str, ...] = ()) -> None:
    """Fill a scaffolded file in with the keys of an encoded one (except ``drop``), keeping what the scaffold set
    that the encoding lacks (the absent elements are joined)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    document, encoding = yaml.load(scaffolded.read_text(encoding="utf-8")), yaml.load(encoded.read_text("utf-8"))
    absent = list(document.get("absent", [])) + list(encoding.get("absent", []))
    for key in drop:
        encoding.pop(key, None)
    document.update(encoding)
    if absent:
        document["absent"] = absent
    for key in drop:
        document.pop(key, None)
    with scaffolded.open("w", encoding="utf-8") as stream:
        yaml.dump(document, stream)


def test_a_notice_without_attachment_validates_once_filled_in(tmp_path):
    corpus = tmp_path / "data"
    real = DATA / "notices" / "putuo-anwei-2022-6"
    result = new_notice(corpus, "putuo-anwei-2022-6", real / "source.txt", attachment=False)
    assert result.created[:3] == [
        f"notices/putuo-anwei-2022-6/{name}" for name in ("source.txt", "notice.yaml", "body.yaml")
    ]
    folder = corpus / "notices" / "putuo-anwei-2022-6"
    assert not (folder / "attachment.yaml").exists()
    assert "absent:\n  - element: 附件说明\n" in (folder / "notice.yaml").read_text(encoding="utf-8")
    for name in ("units", "people"):
        shutil.copy(DATA / "registry" / f"{name}.yaml", corpus / "registry" / f"{name}.yaml")
    _filled(folder / "notice.yaml", real / "notice.yaml", drop=("attachment_note",))
    _filled(folder / "body.yaml", real / "body.yaml")

    errors = [d for d in validate(corpus) if d.severity == "error"]
    assert errors == []
    release = tmp_path / "release"
    assert CliRunner().invoke(app, ["export", str(corpus), "--out", str(release)]).exit_code == 0
    notice = json.loads((release / "anwei-corpus.json").read_text(encoding="utf-8"))["notices"][0]
    assert (notice["attachment_note"], notice["attachment_title"], notice["tasks"], notice["categories"]) == (
        None,
        None,
        [],
        [],
    )
    assert {"element": "附件说明", "note": None} in notice["absent_elements"]


def test_an_optional_element_is_given_or_listed_absent_never_both_nor_neither(corpus_copy):
    notice = "notices/putuo-anwei-2022-6/notice.yaml"
    corpus_copy.replace(notice, "absent:\n", "absent:\n  - element: 附注\n")
    line = corpus_copy.line_of(notice, "id: ")
    assert _findings(corpus_copy.root) == {
        (notice, line, "AW101", "value: annotation is given, but absent lists 附注: keep one of the two")
    }
    corpus_copy.replace(notice, "  - element: 附注\n", "")
    corpus_copy.replace(notice, "print_run:", "copies_printed:")
    assert {message for *_, message in _findings(corpus_copy.root)} == {"unknown key 'copies_printed'"}
    corpus_copy.replace(notice, "copies_printed:", "print_run:")
    text = corpus_copy.file(notice).read_text(encoding="utf-8")
    start = text.index("\nprint_run:")
    end = text.index("\ncopies:")
    corpus_copy.file(notice).write_text(text[:start] + text[end:], encoding="utf-8")
    assert _findings(corpus_copy.root) == {
        (
            notice,
            line,
            "AW101",
            "value: print_run (印数) is missing: give it as printed, or list {element: 印数} under absent",
        )
    }


def test_the_attachment_file_follows_the_attachment_note(corpus_copy):
    notice = "notices/putuo-anwei-2022-6/notice.yaml"
    text = corpus_copy.file(notice).read_text(encoding="utf-8")
    start, end = text.index("\nattachment_note:"), text.index("\nannotation:")
    without_note = text[:start] + text[end:]
    corpus_copy.file(notice).write_text(without_note.replace("absent:\n", "absent:\n  - element: 附件说明\n"), "utf-8")
    line = corpus_copy.line_of(notice, "  - element: 附件说明")
    assert _findings(corpus_copy.root) == {
        (
            notice,
            line,
            "AW101",
            "absent lists 附件说明, but the notice folder holds "
            f"{corpus_copy.root / 'notices/putuo-anwei-2022-6/attachment.yaml'}",
        )
    }
    corpus_copy.file(notice).write_text(text, encoding="utf-8")
    corpus_copy.file("notices/putuo-anwei-2022-6/attachment.yaml").unlink()
    missing = [d for d in validate(corpus_copy.root) if d.location.file.endswith("attachment.yaml")]
    assert [(d.code, d.message) for d in missing] == [("AW012", "file is missing")]
    assert "gives an 附件说明, so it needs attachment.yaml" in (missing[0].hint or "")


def test_an_element_is_listed_absent_once(corpus_copy):
    notice = "notices/putuo-anwei-2022-6/notice.yaml"
    line = corpus_copy.replace(notice, "  - element: 份号\n", "  - element: 份号\n  - element: 份号\n")
    assert _findings(corpus_copy.root) == {
        (notice, line, "AW101", "absent: element(s) listed absent more than once: 份号")
    }


def test_the_schemas_a_new_corpus_names_are_written_beside_it_by_the_step_it_prints(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ANWEI_CORPUS", raising=False)
    runner = CliRunner()
    result = runner.invoke(app, ["new", "next-notice", "--source", str(SEED_SOURCE), "--corpus", "work/data"])
    assert result.exit_code == 0, result.output
    [step] = [line for line in result.output.splitlines() if "anwei schema" in line]
    assert step == (
        "  1. run 'anwei schema --corpus work/data' to write the editor schemas the files' modelines name "
        "(work/schema/editor)"
    )
    command = shlex.split(re.search(r"run '([^']*)'", step).group(1))
    written = runner.invoke(app, command[1:])
    assert (written.exit_code, written.output) == (0, "wrote schemas in work/schema (13 updated)\n")
    assert [path.name for path in tmp_path.iterdir()] == ["work"]  # nothing in the working folder
    editor = (tmp_path / "work/schema/editor").resolve()
    for file in sorted((tmp_path / "work/data").rglob("*.yaml")):
        first_line = file.read_text(encoding="utf-8").split("\n", 1)[0]
        target = (file.parent / first_line.removeprefix("# yaml-language-server: $schema=")).resolve()
        assert (target.parent, target.is_file()) == (editor, True), file
    again = runner.invoke(app, ["new", "next-notice-2", "--source", str(SEED_SOURCE), "--corpus", "work/data"])
    assert again.exit_code == 0 and "anwei schema" not in again.output  # the schemas are there now
    checked = runner.invoke(app, ["schema", "--check"], env={"ANWEI_CORPUS": "work/data"})
    assert (checked.exit_code, checked.output) == (0, "checked schemas in work/schema\n")


def test_the_schemas_of_the_corpus_in_the_working_folder_go_beside_it(tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path / "data")
    result = CliRunner().invoke(app, ["schema", "--corpus", "."])
    assert (result.exit_code, result.output) == (0, f"wrote schemas in {tmp_path / 'schema'} (13 updated)\n")
    assert _tree(tmp_path / "schema") == _tree(ROOT / "schema")
    out = CliRunner().invoke(app, ["schema", "--corpus", ".", "--out", "../elsewhere"])
    assert (out.exit_code, out.output) == (0, "wrote schemas in ../elsewhere (13 updated)\n")
    assert _tree(tmp_path / "elsewhere") == _tree(ROOT / "schema")
