"""``load_release`` verifies what it reads: the manifest, the checksums, the keys and every reference."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import DATA, resealed

from anwei_corpus import ReleaseUnreadable, load, load_release
from anwei_corpus.release import export

NOTICE = "putuo-anwei-2022-6"


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return export(load(DATA), tmp_path_factory.mktemp("release") / "out")


@pytest.fixture
def copy(release, tmp_path) -> Path:
    return Path(shutil.copytree(release, tmp_path / "copy"))


def test_the_release_as_written_reads_back(release):
    assert load_release(release) == load(DATA)


def test_a_missing_manifest_is_refused(copy):
    (copy / "manifest.json").unlink()
    with pytest.raises(ReleaseUnreadable, match="has no manifest.json"):
        load_release(copy)


def test_a_folder_in_place_of_the_manifest_is_refused(copy):
    (copy / "manifest.json").unlink()
    (copy / "manifest.json").mkdir()
    with pytest.raises(ReleaseUnreadable, match="manifest.json: it is not a regular file"):
        load_release(copy)


@pytest.mark.parametrize("name", ["manifest.json", "anwei-corpus.json", "SHA256SUMS"])
def test_a_link_to_a_device_is_refused_without_reading_it(copy, name):
    (copy / name).unlink()
    (copy / name).symlink_to("/dev/zero")
    with pytest.raises(ReleaseUnreadable, match=f"cannot read .*{name}: it is a link"):
        load_release(copy)


def test_missing_checksums_are_refused(copy):
    (copy / "SHA256SUMS").unlink()
    with pytest.raises(ReleaseUnreadable, match="SHA256SUMS: No such file"):
        load_release(copy)


def test_checksums_that_disagree_are_refused(copy):
    sums = copy / "SHA256SUMS"
    sums.write_text(sums.read_text(encoding="utf-8").replace("units.jsonl", "unit.jsonl"), encoding="utf-8")
    with pytest.raises(ReleaseUnreadable, match="does not agree with the files and manifest.json: unit.jsonl"):
        load_release(copy)


def test_a_tampered_entity_file_is_refused(copy):
    (copy / "units.jsonl").write_bytes(b"{}\n")
    with pytest.raises(ReleaseUnreadable, match="units.jsonl does not match the size and sha256"):
        load_release(copy)


def first_notice(data):
    return data["notices"][0]


def link_task_to_measure_999(data):
    first_notice(data)["tasks"][0]["measures"] = [999]


def add_unknown_units(data):
    first_notice(data)["tasks"][1]["responsible_units"] = ["no-such-unit", "nor-this", "nor-that", "none-at-all"]


def add_unknown_leader(data):
    first_notice(data)["tasks"][2]["leaders"] = ["no-body"]


def duplicate_a_measure(data):
    first_notice(data)["measures"].append(first_notice(data)["measures"][0])


def negative_copies(data):
    first_notice(data)["copies"] = -5


def source_hash_not_hex(data):
    first_notice(data)["source"]["sha256"] = "nothex"


def duplicate_key(data):
    text = json.dumps(data, ensure_ascii=False)
    return text.replace('"copies": 60', '"copies": 60, "copies": 61', 1).encode("utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (link_task_to_measure_999, f"unknown measure: {NOTICE}/task/1 -> 999"),
        (
            add_unknown_units,
            f"unknown unit: {NOTICE}/task/2 -> no-such-unit, {NOTICE}/task/2 -> nor-this, "
            f"{NOTICE}/task/2 -> nor-that and 1 more",
        ),
        (add_unknown_leader, f"unknown leader: {NOTICE}/task/3 -> no-body"),
        (duplicate_a_measure, f"{NOTICE}: measure listed more than once: 1"),
        (negative_copies, "notices.0.copies: Input should be greater than or equal to 1"),
        (source_hash_not_hex, "notices.0.source.sha256: String should match pattern"),
        (duplicate_key, "key 'copies' appears more than once in one object"),
    ],
)
def test_a_release_that_does_not_hold_together_is_refused(release, tmp_path, change, message):
    tampered = resealed(release, tmp_path, change)
    with pytest.raises(ReleaseUnreadable, match=message.replace("(", r"\(")):
        load_release(tampered)


def test_a_release_of_an_earlier_minor_schema_version_reads(release, tmp_path):
    def as_written_before_jurisdictions(data):
        data["schema_version"] = "1.2.0"
        for entry in (*data["units"], *data["people"]):
            del entry["jurisdiction"]

    corpus = load_release(resealed(release, tmp_path, as_written_before_jurisdictions))
    assert {entry.jurisdiction for entry in (*corpus.units, *corpus.people)} == {None}
    assert corpus.unit("区应急局").id == "emergency-bureau"


def test_a_fifo_in_place_of_the_release_does_not_hang(tmp_path):
    fifo = tmp_path / "anwei-corpus.json"
    os.mkfifo(fifo)
    with pytest.raises(ReleaseUnreadable, match="it is not a regular file"):
        load_release(fifo)


def test_a_device_given_as_the_release_is_not_read(tmp_path):
    with pytest.raises(ReleaseUnreadable, match="/dev/zero: it is not a regular file"):
        load_release("/dev/zero")


def test_a_release_file_over_the_cap_is_refused(tmp_path, monkeypatch):
    from anwei_corpus import release_read

    monkeypatch.setattr(release_read, "MAX_RELEASE_FILE_BYTES", 100)
    big = tmp_path / "anwei-corpus.json"
    big.write_bytes(b" " * 101)
    with pytest.raises(ReleaseUnreadable, match="larger than the limit of 100 bytes"):
        load_release(big)
