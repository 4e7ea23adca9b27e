"""The committed JSON Schemas are the ones the models generate, and they accept what the validator accepts."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from conftest import DATA, NOTICE, ROOT

from anwei_corpus.corpus import yaml_layout
from anwei_corpus.loader import read_yaml
from anwei_corpus.release_layout import to_json
from anwei_corpus.schema_gen import all_schemas

SCHEMA_DIR = ROOT / "schema"

YAML_FILES = yaml_layout([NOTICE.removeprefix("notices/")])


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_committed_schema_is_current(name):
    assert (SCHEMA_DIR / name).read_bytes() == to_json(all_schemas()[name]), f"run 'anwei schema' ({name} is stale)"


def _as_json_data(value):
    """YAML data as a JSON validator sees it: dates become ISO strings."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v))


@pytest.mark.parametrize("relative", sorted(YAML_FILES))
def test_every_corpus_file_passes_its_editor_schema(relative):
    """Editors and other validators use schema/source/*.json: they must accept the real corpus."""
    schema = json.loads((SCHEMA_DIR / "source" / f"{YAML_FILES[relative]}.schema.json").read_text(encoding="utf-8"))
    data = _as_json_data(read_yaml(DATA / relative, relative).data)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


@pytest.mark.parametrize("relative", sorted(YAML_FILES))
def test_every_corpus_file_names_its_schema_for_editors(relative):
    first_line = (DATA / relative).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    target = (DATA / relative).parent / first_line.split("=", 1)[1]
    assert target.resolve() == (SCHEMA_DIR / "source" / f"{YAML_FILES[relative]}.schema.json").resolve()


def test_editor_schema_rejects_an_unknown_key():
    schema = json.loads((SCHEMA_DIR / "source" / "units.schema.json").read_text(encoding="utf-8"))
    data = {"units": [{"id": "emergency-bureau", "name": "区应急局", "kind": "government-department", "colour": "red"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_files_are_the_only_ones():
    present = {str(p.relative_to(SCHEMA_DIR)) for p in SCHEMA_DIR.rglob("*.json")}
    assert present == set(all_schemas()), "schema/ holds a file the models do not generate"


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
