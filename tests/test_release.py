"""The release folder: its files, their determinism, their schema, and reading them back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, ROOT

from anwei_corpus import SCHEMA_VERSION, ReleaseUnreadable, load, load_release
from anwei_corpus.models.release import ENTITY_LISTS
from anwei_corpus.release import built_from_environment, export, release_files

PROMISED_KEYS = {
    "corpus": {"corpus_version", "schema_version", "notices", "units", "people"},
    "units": {"id", "name", "aliases", "kind"},
    "people": {"id", "name"},
    "notice": {"id", "doc_number", "date", "title", "issuer", "parts", "sections", "measures", "categories", "tasks"},
    "parts": {"number", "title"},
    "sections": {"number", "part", "title", "intro"},
    "measures": {"number", "section", "text", "units", "unit_groups"},
    "categories": {"number", "title", "subtotal_printed"},
    "tasks": {
        "number",
        "category",
        "title",
        "leaders",
        "responsible_units",
        "cooperating_units",
        "requirement",
        "remark",
        "measures",
    },
}


@pytest.fixture(scope="module")
def corpus():
    return load(DATA)


@pytest.fixture(scope="module")
def release(corpus, tmp_path_factory) -> Path:
    return export(corpus, tmp_path_factory.mktemp("release") / "out")


def _export_in_subprocess(out: Path, hash_seed: str, epoch: str | None = None) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": hash_seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "export", str(DATA), "--out", str(out)],
        env=env,
        check=True,
        capture_output=True,
    )
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def test_promised_keys_are_present(release):
    data = json.loads((release / "anwei-corpus.json").read_text(encoding="utf-8"))
    assert PROMISED_KEYS["corpus"] <= data.keys()
    assert PROMISED_KEYS["units"] <= data["units"][0].keys()
    assert PROMISED_KEYS["people"] <= data["people"][0].keys()
    notice = data["notices"][0]
    assert PROMISED_KEYS["notice"] <= notice.keys()
    for name in ("parts", "sections", "measures", "categories", "tasks"):
        assert all(PROMISED_KEYS[name] <= entity.keys() for entity in notice[name]), name


def test_release_validates_against_its_own_schema(release):
    schema = json.loads((release / "anwei-corpus.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads((release / "anwei-corpus.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)


def test_schema_catches_a_damaged_release(release):
    schema = json.loads((release / "anwei-corpus.schema.json").read_text(encoding="utf-8"))
    document = json.loads((release / "anwei-corpus.json").read_text(encoding="utf-8"))
    document["notices"][0]["measures"][0]["units"].append("Not An ID")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_every_schema_property_has_title_and_description(release):
    schema = json.loads((release / "anwei-corpus.schema.json").read_text(encoding="utf-8"))
    missing = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if not prop.get("description") or not prop.get("title"):
                    missing.append(f"{where}/{name}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema, "")
    assert schema["title"] and schema["description"]
    assert missing == []


def test_sums_and_manifest_cover_every_file(release):
    names = {path.name for path in release.iterdir()}
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["name"]: entry for entry in manifest["files"]}
    assert listed.keys() == names - {"manifest.json", "SHA256SUMS"}
    for name, entry in listed.items():
        content = (release / name).read_bytes()
        assert (entry["sha256"], entry["bytes"]) == (hashlib.sha256(content).hexdigest(), len(content))
    sums = dict(reversed(line.split("  ")) for line in (release / "SHA256SUMS").read_text().splitlines())
    assert sums.keys() == names - {"SHA256SUMS"}
    assert all(hashlib.sha256((release / name).read_bytes()).hexdigest() == digest for name, digest in sums.items())
    assert (manifest["corpus_version"], manifest["schema_version"]) == (load(DATA).corpus_version, SCHEMA_VERSION)
    source = (DATA / "notices/putuo-anwei-2022-6/source.txt").read_bytes()
    assert manifest["sources"] == [
        {"notice": "putuo-anwei-2022-6", "file": "source.txt", "sha256": hashlib.sha256(source).hexdigest()}
    ]


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum is not installed")
def test_sha256sum_accepts_the_sums_and_catches_a_change(release, tmp_path):
    checked = subprocess.run(
        ["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=release, capture_output=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    copy = shutil.copytree(release, tmp_path / "copy")
    with open(copy / "tasks.jsonl", "ab") as handle:
        handle.write(b"\n")
    assert (
        subprocess.run(["sha256sum", "--check", "SHA256SUMS"], cwd=copy, capture_output=True, check=False).returncode
        == 1
    )


def test_json_lines_hold_the_same_entities(corpus, release):
    notice = corpus.notices[0]
    for name in ENTITY_LISTS:
        rows = [json.loads(line) for line in (release / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert rows == [{"notice": notice.id, **entity.model_dump(mode="json")} for entity in getattr(notice, name)]
    units = [json.loads(line) for line in (release / "units.jsonl").read_text(encoding="utf-8").splitlines()]
    assert units == [unit.model_dump(mode="json") for unit in corpus.units]
    notices = [json.loads(line) for line in (release / "notices.jsonl").read_text(encoding="utf-8").splitlines()]
    assert notices[0]["doc_number"] == "普安委〔2022〕6号" and "measures" not in notices[0]


def test_output_is_identical_across_runs_and_hash_seeds(tmp_path):
    first = _export_in_subprocess(tmp_path / "a", hash_seed="1")
    second = _export_in_subprocess(tmp_path / "b", hash_seed="4242")
    assert first.keys() == second.keys() and len(first) > 4
    assert first == second
    assert "built" not in json.loads(first["manifest.json"])


def test_source_date_epoch_sets_only_the_build_time(tmp_path):
    plain = _export_in_subprocess(tmp_path / "plain", hash_seed="0")
    dated = _export_in_subprocess(tmp_path / "dated", hash_seed="0", epoch="1660521600")
    assert json.loads(dated["manifest.json"])["built"] == "2022-08-15T00:00:00Z"
    changed = {name for name in plain if plain[name] != dated[name]}
    assert changed == {"manifest.json", "SHA256SUMS"}


@pytest.mark.parametrize("value", ["yesterday", "-5", "1e9", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_a_usage_error(value, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SOURCE_DATE_EPOCH": value}
    result = subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "export", str(DATA), "--out", str(tmp_path / "r")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r").exists()


def test_built_from_environment():
    assert built_from_environment({}) is None
    assert built_from_environment({"SOURCE_DATE_EPOCH": "0"}) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def test_yaml_and_release_load_to_equal_models(corpus, release):
    assert load_release(release) == corpus
    assert load_release(release / "anwei-corpus.json") == corpus


def test_release_files_depend_on_the_corpus(corpus):
    corrected = corpus.model_copy(update={"corpus_version": "1.0.1"})
    assert release_files(corrected)["anwei-corpus.json"] != release_files(corpus)["anwei-corpus.json"]


def test_a_release_that_does_not_match_its_manifest_is_refused(release, tmp_path):
    copy = shutil.copytree(release, tmp_path / "copy")
    path = copy / "anwei-corpus.json"
    path.write_text(path.read_text(encoding="utf-8").replace("区应急局", "区应急管理局"), encoding="utf-8")
    with pytest.raises(ReleaseUnreadable, match="does not match the size and sha256 in manifest.json"):
        load_release(copy)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "is not JSON"),
        (b'{"schema_version": "2.0.0"}', "written for schema 2.0.0"),
        (
            b'{"corpus_version": "1.0.0", "schema_version": "1.0.0", "notices": [], "units": [{}], "people": []}',
            "not an anwei-corpus release: .* units.0.id",
        ),
    ],
)
def test_a_broken_release_file_is_refused_with_a_reason(content, message, tmp_path):
    path = tmp_path / "anwei-corpus.json"
    path.write_bytes(content)
    with pytest.raises(ReleaseUnreadable, match=message):
        load_release(path)


def test_a_missing_release_is_refused(tmp_path):
    with pytest.raises(ReleaseUnreadable, match="has no manifest.json: it is not a release written by anwei export"):
        load_release(tmp_path)
    with pytest.raises(ReleaseUnreadable, match="cannot read .*nowhere: No such file"):
        load_release(tmp_path / "nowhere")


def test_export_of_an_invalid_corpus_writes_nothing(corpus_copy, tmp_path):
    corpus_copy.replace("registry/units.yaml", "id: emergency-bureau", "id: emergency-bureu")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = tmp_path / "release"
    result = subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "export", str(corpus_copy.root), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "AW301" in result.stdout and "release not written" in result.stderr
    assert not out.exists()
