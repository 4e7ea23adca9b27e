"""JSON Schemas generated from the models: one per kind of YAML source file, and one for the release."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import SCHEMA_VERSION
from .corpus import SOURCE_FILES
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
        f"{name}.schema.json": _schema(model, f"source/{name}", f"anwei-corpus {name} file")
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


def all_schemas() -> dict[str, dict[str, Any]]:
    """Path under schema/ → schema, for every generated schema."""
    schemas = {f"source/{name}": schema for name, schema in source_schemas().items()}
    schemas["release.schema.json"] = release_schema()
    return schemas


def write_schemas(folder: Path, *, check: bool = False) -> list[str]:
    """Bring ``folder`` up to date with the models (or, with ``check``, only compare); return the stale names."""
    stale = []
    for name, content in all_schemas().items():
        target = folder / name
        wanted = to_json(content)
        if target.is_file() and target.read_bytes() == wanted:
            continue
        stale.append(name)
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(wanted)
    return stale
