"""The committed JSON Schemas are the ones the models (and, for the editor schemas, the registries) generate, and
they accept what the validator accepts."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import jsonschema
import pytest
from conftest import DATA, NOTICE, ROOT
from ruamel.yaml import YAML
from typer.testing import CliRunner

from anwei_corpus.cli import app
from anwei_corpus.corpus import yaml_layout
from anwei_corpus.loader import read_yaml
from anwei_corpus.release_layout import to_json
from anwei_corpus.scaffold import modeline, schema_folder_for
from anwei_corpus.schema_gen import all_schemas

SCHEMA_DIR = ROOT / "schema"

YAML_FILES = yaml_layout([NOTICE.removeprefix("notices/")])
GENERATED = all_schemas(DATA)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_committed_schema_is_current(name):
    assert (SCHEMA_DIR / name).read_bytes() == to_json(GENERATED[name]), f"run 'anwei schema' ({name} is stale)"


def test_model_schemas_hold_no_ids_and_editor_schemas_hold_the_registrys():
    units = sorted(unit["id"] for unit in YAML().load((DATA / "registry/units.yaml").read_text("utf-8"))["units"])
    body, editor = GENERATED["source/body.schema.json"], GENERATED["editor/body.schema.json"]
    measure_units = ["$defs", "Measure", "properties", "units", "items", "items"]
    for step in measure_units:
        body, editor = body[step], editor[step]
    assert "enum" not in body and body["x-registry"] == "units"
    assert editor["enum"] == units and len(units) == 39
    marked = {name: _registry_nodes(GENERATED[name]) for name in GENERATED}
    for name in ("notice", "body", "attachment"):
        source, editor_nodes = marked[f"source/{name}.schema.json"], marked[f"editor/{name}.schema.json"]
        assert source and all("enum" not in node for node in source)  # the model schemas stay data-free
        assert len(editor_nodes) == len(source) and all(node["enum"] for node in editor_nodes)
    unit_id = GENERATED["editor/units.schema.json"]["$defs"]["UnitEntry"]["properties"]["id"]
    assert "enum" not in unit_id  # a registry entry defines its ID: any ID of the form


def _registry_nodes(node):
    """Every schema node inside ``node`` that refers to a registry entry."""
    if isinstance(node, list):
        return [found for item in node for found in _registry_nodes(item)]
    if not isinstance(node, dict):
        return []
    own = [node] if "x-registry" in node else []
    return own + [found for value in node.values() for found in _registry_nodes(value)]


def _as_json_data(value):
    """YAML data as a JSON validator sees it: dates become ISO strings."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v))


@pytest.mark.parametrize("relative", sorted(YAML_FILES))
def test_every_corpus_file_passes_its_editor_schema(relative):
    """Editors and other validators use schema/editor/ and schema/source/: both must accept the real corpus."""
    data = _as_json_data(read_yaml(DATA / relative, relative).data)
    for folder in ("editor", "source"):
        schema = json.loads((SCHEMA_DIR / folder / f"{YAML_FILES[relative]}.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


@pytest.mark.parametrize("relative", sorted(YAML_FILES))
def test_every_corpus_file_names_its_schema_for_editors(relative):
    first_line = (DATA / relative).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    target = (DATA / relative).parent / first_line.split("=", 1)[1]
    assert target.resolve() == (SCHEMA_DIR / "editor" / f"{YAML_FILES[relative]}.schema.json").resolve()
    assert first_line == f"# {modeline(DATA, relative, schema_folder_for(DATA))}"  # as 'anwei new' writes it


def _editor_errors(relative, data):
    schema = json.loads((SCHEMA_DIR / "editor" / f"{YAML_FILES[relative]}.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return sorted((list(error.absolute_path), error.validator) for error in validator.iter_errors(data))


def test_editor_schema_rejects_an_unknown_unit_and_person_and_accepts_the_real_ones():
    body_name, attachment_name = f"{NOTICE}/body.yaml", f"{NOTICE}/attachment.yaml"
    body = _as_json_data(read_yaml(DATA / body_name, body_name).data)
    assert _editor_errors(body_name, body) == []
    assert body["parts"][0]["sections"][0]["measures"][0]["units"][0][0] == "party-committee-office"
    body["parts"][0]["sections"][0]["measures"][0]["units"][0][0] = "party-committee-ofice"
    path = ["parts", 0, "sections", 0, "measures", 0, "units", 0, 0]
    assert _editor_errors(body_name, body) == [(path, "enum")]
    attachment = _as_json_data(read_yaml(DATA / attachment_name, attachment_name).data)
    assert _editor_errors(attachment_name, attachment) == []
    attachment["tasks"][0]["leaders"][0] = "wang-jeu"
    assert _editor_errors(attachment_name, attachment) == [(["tasks", 0, "leaders", 0], "enum")]
    # the model schemas take any ID of the right form
    source = json.loads((SCHEMA_DIR / "source" / "body.schema.json").read_text("utf-8"))
    assert list(jsonschema.Draft202012Validator(source).iter_errors(body)) == []


def test_schema_check_names_the_editor_schemas_a_registry_change_leaves_stale(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(SCHEMA_DIR, tmp_path / "schema")
    args = ["schema", "--out", str(tmp_path / "schema"), "--corpus", str(tmp_path / "data")]
    runner = CliRunner()
    assert runner.invoke(app, [*args, "--check"]).output == f"checked schemas in {tmp_path / 'schema'}\n"
    units = tmp_path / "data/registry/units.yaml"
    units.write_text(
        units.read_text("utf-8") + "  - id: harbour-bureau\n    name: 区港务局\n    kind: government-department\n",
        encoding="utf-8",
    )
    stale = runner.invoke(app, [*args, "--check"])
    assert (stale.exit_code, stale.stderr) == (
        1,
        f"stale schema(s) in {tmp_path / 'schema'}: editor/notice.schema.json, editor/body.schema.json, "
        f"editor/attachment.schema.json; run 'anwei schema --corpus {tmp_path / 'data'} --out {tmp_path / 'schema'}'\n",
    )
    assert runner.invoke(app, args).output == f"wrote schemas in {tmp_path / 'schema'} (3 updated)\n"
    assert runner.invoke(app, [*args, "--check"]).exit_code == 0
    enum = json.loads((tmp_path / "schema/editor/body.schema.json").read_text("utf-8"))["$defs"]["Measure"]
    assert "harbour-bureau" in enum["properties"]["units"]["items"]["items"]["enum"]


def test_editor_schema_rejects_an_unknown_key():
    schema = json.loads((SCHEMA_DIR / "source" / "units.schema.json").read_text(encoding="utf-8"))
    data = {"units": [{"id": "emergency-bureau", "name": "区应急局", "kind": "government-department", "colour": "red"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_files_are_the_only_ones():
    present = {str(p.relative_to(SCHEMA_DIR)) for p in SCHEMA_DIR.rglob("*.json")}
    assert present == set(GENERATED), "schema/ holds a file the models do not generate"


def test_every_pattern_of_the_models_has_its_words_for_schema_errors():
    from anwei_corpus.models.common import PATTERN_WORDS

    def patterns(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                yield node["pattern"]
            for value in node.values():
                yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    found = {p for path in (ROOT / "schema").rglob("*.json") for p in patterns(json.loads(path.read_text("utf-8")))}
    assert found == set(PATTERN_WORDS)
