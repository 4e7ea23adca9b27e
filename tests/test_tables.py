"""The release's tables, read by the clients data users run: frictionless, sqlite3, csv and datasette."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA

from anwei_corpus import load
from anwei_corpus.models.release import Measure
from anwei_corpus.release import export
from anwei_corpus.release_layout import DATABASE_FILE
from anwei_corpus.tables import TABLES, VIEWS, database, table_rows

NOTICE = "putuo-anwei-2022-6"


@pytest.fixture(scope="module")
def corpus():
    return load(DATA)


@pytest.fixture(scope="module")
def release(corpus, tmp_path_factory) -> Path:
    return export(corpus, tmp_path_factory.mktemp("tables") / "out")


@pytest.fixture
def db(release):
    connection = sqlite3.connect(f"file:{release / DATABASE_FILE}?mode=ro", uri=True)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def _frictionless(descriptor: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", descriptor.name],
        cwd=descriptor.parent,
        capture_output=True,
        text=True,
        check=False,
    )


def _errors(report: str) -> list[tuple[str, str]]:
    return [(task["name"], error["type"]) for task in json.loads(report)["tasks"] for error in task["errors"]]


def test_frictionless_accepts_the_data_package(release):
    result = _frictionless(release / "datapackage.json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert [task["name"] for task in report["tasks"]] == [table.name for table in TABLES]


def test_frictionless_catches_a_dangling_foreign_key(release, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(release, damaged)
    links = damaged / "measure_units.csv"
    text = links.read_text(encoding="utf-8")
    links.write_text(text.replace(",emergency-bureau,", ",no-such-bureau,", 1), encoding="utf-8")
    result = _frictionless(damaged / "datapackage.json")
    assert result.returncode != 0
    assert _errors(result.stdout) == [("measure_units", "foreign-key")]


def test_every_reference_is_a_declared_foreign_key(release):
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    declared = {
        (resource["name"], tuple(key["fields"]))
        for resource in package["resources"]
        for key in resource["schema"].get("foreignKeys", [])
    }
    references = {
        (resource["name"], (field["name"],))
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
        if field["name"].endswith("_id") or field["name"] == "issuer"
    }
    assert references == declared
    assert all(resource["schema"]["primaryKey"] for resource in package["resources"])
    assert package["version"] == load(DATA).corpus_version


def test_kinds_and_roles_are_enums_taken_from_the_models(release):
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        (resource["name"], field["name"]): field
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
    }
    assert fields["task_units", "role"]["constraints"]["enum"] == ["responsible", "cooperating"]
    assert "committee" in fields["units", "kind"]["constraints"]["enum"]
    assert "typo" in fields["edits", "kind"]["constraints"]["enum"]
    assert fields["tasks", "remark"]["constraints"] == {"required": False}
    assert fields["notices", "date"]["type"] == "date"
    assert fields["tasks", "number"]["constraints"] == {"required": True, "minimum": 1, "maximum": 9999}
    assert fields["measures", "number"]["description"] == Measure.model_fields["number"].description


def test_csv_files_have_a_header_and_unix_line_ends(release):
    for table in TABLES:
        content = (release / f"{table.name}.csv").read_bytes()
        assert b"\r\n" not in content.replace(b'"\r\n', b"")
        header = content.split(b"\n", 1)[0].decode("utf-8")
        assert header == ",".join(column.name for column in table.columns)


def test_row_counts_agree_across_json_csv_and_sqlite(corpus, release, db):
    data = json.loads((release / "anwei-corpus.json").read_text(encoding="utf-8"))
    notice = data["notices"][0]
    from_json = {
        "notices": len(data["notices"]),
        "notice_addressees": len(notice["addressee_units"]),
        "absent_elements": len(notice["absent_elements"]),
        "parts": len(notice["parts"]),
        "sections": len(notice["sections"]),
        "measures": len(notice["measures"]),
        "categories": len(notice["categories"]),
        "tasks": len(notice["tasks"]),
        "units": len(data["units"]),
        "unit_aliases": sum(len(unit["aliases"]) for unit in data["units"]),
        "people": len(data["people"]),
        "measure_units": sum(len(measure["units"]) for measure in notice["measures"]),
        "task_leaders": sum(len(task["leaders"]) for task in notice["tasks"]),
        "task_units": sum(len(t["responsible_units"]) + len(t["cooperating_units"]) for t in notice["tasks"]),
        "task_measures": sum(len(task["measures"]) for task in notice["tasks"]),
        "edits": len(notice["editorial"]),
    }
    assert len(data["notices"]) == 1
    with_csv = {}
    for table in TABLES:
        with open(release / f"{table.name}.csv", encoding="utf-8", newline="") as handle:
            with_csv[table.name] = len(list(csv.DictReader(handle)))
    in_sqlite = {table.name: db.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0] for table in TABLES}
    assert from_json == with_csv == in_sqlite
    assert (from_json["measures"], from_json["tasks"], from_json["sections"]) == (50, 23, 17)


def test_the_database_passes_sqlites_own_checks(db):
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_every_link_column_is_indexed(db):
    indexed = {
        (table, info[2])
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for index in db.execute(f"PRAGMA index_list('{table}')")
        for info in db.execute(f"PRAGMA index_info('{index[1]}')")
    }
    links = {
        (table, row[3])
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%FOREIGN%'")
        for row in db.execute(f"PRAGMA foreign_key_list('{table}')")
    }
    assert links and links <= indexed


def test_a_chinese_phrase_finds_its_measure(db):
    found = db.execute("SELECT source_table, entity_id, field FROM texts WHERE texts MATCH ?", ["右转必停"]).fetchall()
    assert found == [("measures", f"{NOTICE}/measure/31", "text")]


def test_the_views_answer_the_common_questions(corpus, db):
    measures = [n for (n,) in db.execute("SELECT measure_number FROM unit_measures WHERE unit_id = 'emergency-bureau'")]
    assert measures == [m.number for m in corpus.measures_of_unit("emergency-bureau")]
    leader = corpus.people[0]
    tasks = [n for (n,) in db.execute("SELECT task_number FROM leader_tasks WHERE person_id = ?", [leader.id])]
    assert tasks == [t.number for t in corpus.tasks_of_leader(leader.id)]
    counts = {
        row[0]: row[1:]
        for row in db.execute("SELECT unit_id, measures, responsible_tasks, cooperating_tasks FROM unit_counts")
    }
    assert counts == {
        unit.id: (
            len(corpus.measures_of_unit(unit.id)),
            len(corpus.tasks_of_unit(unit.id, "responsible")),
            len(corpus.tasks_of_unit(unit.id, "cooperating")),
        )
        for unit in corpus.units
    }
    assert {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")} == set(VIEWS)


def test_the_database_is_byte_identical_across_builds(corpus, release):
    assert database(table_rows(corpus)) == (release / DATABASE_FILE).read_bytes()


def test_a_damaged_database_reference_is_refused_by_sqlite(corpus):
    rows = table_rows(corpus)
    rows["task_leaders"] = [(*rows["task_leaders"][0][:2], "no-such-person"), *rows["task_leaders"][1:]]
    with pytest.raises(sqlite3.IntegrityError):
        database(rows)


def test_datasette_answers_a_units_measures(corpus, release):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette",
            str(release / DATABASE_FILE),
            "--metadata",
            str(release / "metadata.json"),
            "--get",
            "/anwei-corpus/unit_measures.json?unit_id=emergency-bureau&_shape=array&_col=measure_number",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = [m.number for m in corpus.measures_of_unit("emergency-bureau")]
    assert [row["measure_number"] for row in json.loads(result.stdout)] == expected


def test_datasette_reads_the_metadata(release):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette",
            str(release / DATABASE_FILE),
            "-m",
            str(release / "metadata.json"),
            "--get",
            "/-/metadata.json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    metadata = json.loads(result.stdout)
    assert metadata["databases"]["anwei-corpus"]["tables"]["measures"]["columns"]["number"]
    assert "普安委〔2022〕6号" in metadata["title"]
