"""JSON Schemas generated from the models: one per kind of YAML source file, and one for the release; and the
editor schemas, the source schemas with every reference to a registry entry an ``enum`` of the registry's IDs.

The model schemas (``schema/source/``, ``schema/release.schema.json``) hold no data: an ID there is any ID of the
right form. The editor schemas (``schema/editor/``) are generated from a corpus's ``registry/*.yaml`` as well,
so that an editor completes unit and person IDs and flags unknown ones; the YAML files name them in their
``yaml-language-server`` modeline.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import SCHEMA_VERSION
from .corpus import SOURCE_FILES, load_source
from .diagnostics import Diagnostic
from .layout import EDITOR_SCHEMAS, SOURCE_SCHEMAS
from .models.common import REGISTRY_MARK
from .models.release import Corpus
from .release_layout import to_json

SCHEMA_BASE = "https://anwei-corpus.invalid/schema"

SOURCE_MODELS: dict[str, type[BaseModel]] = dict(SOURCE_FILES.values())


def _schema(model: type[BaseModel], name: str, title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}/{SCHEMA_VERSION}/{name}.schema.json",
        "title": title,
        **{key: value for key, value in schema.items() if key != "title"},
        "x-schema-version": SCHEMA_VERSION,
    }


def source_schemas() -> dict[str, dict[str, Any]]:
    """File name under schema/source/ → schema."""
    return {
        f"{name}.schema.json": _schema(model, f"{SOURCE_SCHEMAS}/{name}", f"anwei-corpus {name} file")
        for name, model in SOURCE_MODELS.items()
    }


def _title_every_property(schema: dict[str, Any]) -> dict[str, Any]:
    """Give a title to properties pydantic leaves without one (those that refer to another definition)."""
    for node in (schema, *schema.get("$defs", {}).values()):
        for name, prop in node.get("properties", {}).items():
            prop.setdefault("title", name.replace("_", " ").title())
    return schema


def release_schema() -> dict[str, Any]:
    """The JSON Schema of ``anwei-corpus.json``: every property has a title and a description."""
    return _title_every_property(_schema(Corpus, "release", "anwei-corpus release"))


class RegistryUnreadable(Exception):
    """The registries the editor schemas are generated from cannot be read; ``diagnostics`` say why."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


def registry_ids(corpus: str | os.PathLike[str]) -> dict[str, list[str]]:
    """The IDs of each registry of a corpus, sorted: ``{"units": [...], "people": [...]}``.

    A registry holding an empty list, as ``anwei new`` starts a corpus, has no IDs. Raises RegistryUnreadable (or
    CorpusUnreadable, for no corpus at all) when a registry does not load otherwise.
    """
    source = load_source(corpus)
    units, people = source.units.model, source.people.model
    ids = {
        "units": None if units is None else sorted(unit.id for unit in units.units),
        "people": None if people is None else sorted(person.id for person in people.people),
    }
    for key, file in (("units", source.units), ("people", source.people)):
        data = None if file.document is None else file.document.data
        if ids[key] is None and isinstance(data, dict) and data.get(key) == []:
            ids[key] = []  # a new corpus's registry, as 'anwei new' starts it: no IDs yet, which editors can know
    found = {key: value for key, value in ids.items() if value is not None}
    if len(found) < len(ids):
        names = {file.name for key, file in (("units", source.units), ("people", source.people)) if key not in found}
        raise RegistryUnreadable([d for d in source.diagnostics if d.location.file in names])
    return found


def _with_enums(node: Any, ids: dict[str, list[str]]) -> Any:
    """``node`` with every schema that carries the registry mark given the registry's IDs as its ``enum``."""
    if isinstance(node, list):
        return [_with_enums(item, ids) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _with_enums(value, ids) for key, value in node.items()}
    registry = node.get(REGISTRY_MARK)
    if isinstance(registry, str):
        result["enum"] = list(ids[registry])
    return result


def editor_schemas(ids: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    """File name under schema/editor/ → the source schema whose registry references are enums of ``ids``."""
    schemas = {}
    for name, schema in source_schemas().items():
        stem = name.removesuffix(".schema.json")
        editor = _with_enums(copy.deepcopy(schema), ids)
        editor["$id"] = f"{SCHEMA_BASE}/{SCHEMA_VERSION}/{EDITOR_SCHEMAS}/{name}"
        editor["title"] = f"anwei-corpus {stem} file, with the IDs of the registries"
        schemas[name] = editor
    return schemas


def all_schemas(corpus: str | os.PathLike[str] | None = None) -> dict[str, dict[str, Any]]:
    """Path under schema/ → schema, for every generated schema; with a ``corpus``, its editor schemas too."""
    schemas = {f"{SOURCE_SCHEMAS}/{name}": schema for name, schema in source_schemas().items()}
    schemas["release.schema.json"] = release_schema()
    if corpus is not None:
        schemas.update(
            {f"{EDITOR_SCHEMAS}/{name}": schema for name, schema in editor_schemas(registry_ids(corpus)).items()}
        )
    return schemas


def write_schemas(folder: Path, *, corpus: str | os.PathLike[str] | None = None, check: bool = False) -> list[str]:
    """Bring ``folder`` up to date with the models and the ``corpus``'s registries (or, with ``check``, only
    compare); return the stale names. Each file is written atomically."""
    from .yaml_style import write_atomic

    stale = []
    for name, content in all_schemas(corpus).items():
        target = folder / name
        wanted = to_json(content)
        if target.is_file() and target.read_bytes() == wanted:
            continue
        stale.append(name)
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, wanted)
    return stale
