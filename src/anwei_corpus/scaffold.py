"""``anwei new``: the folder of the next notice, with its source text and the YAML files left to fill in.

``scaffold_documents`` returns the files' contents as plain data, so that a tool that fills some of them in (from
the source text, say) starts from the same documents; ``new_notice`` writes them into a corpus.

Placeholders are ``null`` for a value and ``[]`` for a list: each is a located finding of ``anwei validate`` until
it is filled in, so the validator lists what is left to encode.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from . import SCHEMA_VERSION
from .corpus import SCHEMA_NAMES, SOURCE_FILES
from .layout import ATTACHMENT_YAML, BODY_YAML, EDITOR_SCHEMAS, MANIFEST, NOTICE_YAML, PEOPLE, UNITS, schema_folder
from .models.source import OPTIONAL_ELEMENTS
from .yaml_style import write_atomic

SOURCE_TXT = "source.txt"
NOTICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIRST_CORPUS_VERSION = "0.1.0"
CORPUS_TITLE = "anwei-corpus"  # a new corpus's name until its maintainers give it one
MODELINE = "yaml-language-server: $schema={path}"
# 附件说明 as GB/T 9704 prints it under the body: 附件： then the attachment's name.
_ATTACHMENT_NOTE = re.compile(r"^\s*附件[：:]", re.MULTILINE)


class ScaffoldRefused(Exception):
    """The scaffold would overwrite something, or its arguments cannot make a notice folder."""


@dataclass
class Scaffold:
    """What ``new_notice`` wrote: the notice folder, the files created (corpus-relative) and the steps left."""

    notice_id: str
    folder: Path
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    remaining: list[str] = field(default_factory=list)


def has_attachment(source_text: str) -> bool:
    """Whether the source prints an 附件说明 (附件：…), the mark of a notice that carries an attachment."""
    return _ATTACHMENT_NOTE.search(source_text) is not None


def _placeholder(model: type[BaseModel]) -> dict[str, Any]:
    """Every required field of ``model``, empty: ``[]`` for a list, ``null`` for anything else."""
    return {
        name: [] if getattr(info.annotation, "__origin__", None) is list else None
        for name, info in model.model_fields.items()
        if info.is_required()
    }


def scaffold_documents(
    notice_id: str, source: bytes, *, source_name: str = SOURCE_TXT, attachment: bool = False
) -> dict[str, dict[str, Any]]:
    """The YAML documents of a new notice folder, as plain data: file name → document.

    The ID, the source file and its SHA-256 are filled in; every other required key holds a placeholder.
    """
    from .release_layout import sha256

    notice = _placeholder(SOURCE_FILES[NOTICE_YAML][1])
    notice["id"] = notice_id
    notice["source"] = {"file": source_name, "sha256": sha256(source), "description": None}
    # The elements a notice may lack are written too, as null: each is to be given, or listed under absent.
    for name in OPTIONAL_ELEMENTS:
        notice[name] = None
    notice["copies"] = None
    documents = {NOTICE_YAML: notice, BODY_YAML: _placeholder(SOURCE_FILES[BODY_YAML][1])}
    if attachment:
        documents[ATTACHMENT_YAML] = _placeholder(SOURCE_FILES[ATTACHMENT_YAML][1])
    else:
        del notice["attachment_note"]
        notice["absent"] = [{"element": OPTIONAL_ELEMENTS["attachment_note"]}]
    return documents


def corpus_documents(notice_id: str) -> dict[str, dict[str, Any]]:
    """The files of a new corpus holding one notice (manifest and registries): corpus-relative name → document."""
    manifest = _placeholder(SOURCE_FILES[MANIFEST][1])
    manifest.update(
        corpus_version=FIRST_CORPUS_VERSION, schema_version=SCHEMA_VERSION, title=CORPUS_TITLE, notices=[notice_id]
    )
    return {
        MANIFEST: manifest,
        UNITS: _placeholder(SOURCE_FILES[UNITS][1]),
        PEOPLE: _placeholder(SOURCE_FILES[PEOPLE][1]),
    }


def schema_folder_for(corpus: Path) -> Path:
    """The editor schemas the modelines of ``corpus``'s files name: ``editor`` in the schema folder beside it, where
    ``anwei schema --corpus CORPUS`` writes them (see ``layout.schema_folder``), whether or not they exist yet."""
    return schema_folder(corpus) / EDITOR_SCHEMAS


def modeline(corpus: Path, name: str, schemas: Path) -> str:
    """The ``yaml-language-server`` comment for the corpus file ``name`` (corpus-relative)."""
    base = os.path.relpath(os.path.abspath(schemas), os.path.abspath((corpus / name).parent))
    schema_name = SCHEMA_NAMES[PurePosixPath(name).name if name.startswith("notices/") else name]
    return MODELINE.format(path=PurePosixPath(Path(base).as_posix()) / f"{schema_name}.schema.json")


def schema_step(root: Path, *, new_ids: bool) -> str | None:
    """The step that brings the editor schemas of the corpus at ``root`` up: they are missing, or lack new IDs."""
    schemas = schema_folder_for(root)
    if not schemas.is_dir():
        return f"run 'anwei schema --corpus {root}' to write the editor schemas the files' modelines name ({schemas})"
    if new_ids:
        return f"run 'anwei schema --corpus {root}' so that the editor schemas list the new IDs"
    return None


def render_document(corpus: Path, name: str, document: dict[str, Any], schemas: Path) -> str:
    """A document written in the corpus layout, with the modeline its editors need."""
    from .yaml_style import render

    model_key = PurePosixPath(name).name if name.startswith("notices/") else name
    return render(document, SOURCE_FILES[model_key][1], modeline(corpus, name, schemas))


def new_notice(
    corpus: str | os.PathLike[str],
    notice_id: str,
    source: str | os.PathLike[str],
    *,
    attachment: bool | None = None,
    documents: dict[str, dict[str, Any]] | None = None,
) -> Scaffold:
    """Create ``notices/NOTICE_ID/`` in ``corpus`` with the source copied byte for byte and the YAML to fill in.

    ``attachment`` None writes ``attachment.yaml`` when the source prints an 附件说明. ``documents`` replaces the
    documents of ``scaffold_documents`` (a tool that has filled some in). A corpus folder without ``corpus.yaml``
    is started (manifest and empty registries); ``notices`` in ``corpus.yaml`` gains the ID. Nothing that exists
    is overwritten: an existing notice folder, or a corpus that already lists the ID, is refused.
    """
    root = Path(corpus)
    if not NOTICE_ID.match(notice_id):
        raise ScaffoldRefused(
            f"notice ID {notice_id!r} is not lowercase ASCII words joined by hyphens (e.g. putuo-anwei-2022-6)"
        )
    try:
        raw = Path(source).read_bytes()
    except OSError as exc:
        raise ScaffoldRefused(f"cannot read the source {source}: {exc.strerror or exc}") from None
    folder = root / "notices" / notice_id
    if folder.exists() or folder.is_symlink():
        raise ScaffoldRefused(f"{folder} already exists; choose another ID or remove the folder yourself")
    if root.exists() and not root.is_dir():
        raise ScaffoldRefused(f"corpus {root} is not a folder")
    manifest_text = _manifest_with(root, notice_id)
    if documents is None:
        with_attachment = has_attachment(raw.decode("utf-8", "replace")) if attachment is None else attachment
        documents = scaffold_documents(notice_id, raw, attachment=with_attachment)
    schemas = schema_folder_for(root)
    result = Scaffold(notice_id, folder)
    started = {} if manifest_text is not None else corpus_documents(notice_id)
    (root / "notices").mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root / "notices", prefix=f".{notice_id}."))
    try:
        (staging / SOURCE_TXT).write_bytes(raw)
        for name, document in documents.items():
            text = render_document(root, f"notices/{notice_id}/{name}", document, schemas)
            (staging / name).write_text(text, encoding="utf-8")
        if folder.exists():
            raise ScaffoldRefused(f"{folder} appeared while the scaffold was written; nothing was changed")
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.created = [f"notices/{notice_id}/{name}" for name in (SOURCE_TXT, *documents)]
    for name, document in started.items():
        target = root / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, render_document(root, name, document, schemas).encode())
            result.created.append(name)
    if manifest_text is not None:
        write_atomic(root / MANIFEST, manifest_text.encode())
        result.updated.append(MANIFEST)
    result.remaining = remaining_steps(root, notice_id, documents)
    return result


def _manifest_with(root: Path, notice_id: str) -> str | None:
    """``corpus.yaml`` with the ID added to its notices, in the corpus layout; None when there is no manifest."""
    from ruamel.yaml.error import YAMLError

    from .yaml_style import apply_layout, dump, new_yaml

    path = root / MANIFEST
    if not path.is_file():
        return None
    yaml = new_yaml()
    try:
        tree = yaml.load(path.read_text(encoding="utf-8"))
    except (YAMLError, UnicodeDecodeError, OSError) as exc:  # the manifest must be mended first
        raise ScaffoldRefused(f"cannot read {path} ({exc.__class__.__name__}); run 'anwei validate {root}'") from None
    if not isinstance(tree, dict):
        raise ScaffoldRefused(f"{path} is not a mapping; run 'anwei validate {root}'")
    notices = tree.get("notices")
    if notices is None:
        tree["notices"] = notices = []
    if not isinstance(notices, list):
        raise ScaffoldRefused(f"notices in {path} is not a list; run 'anwei validate {root}'")
    if notice_id in notices:
        raise ScaffoldRefused(f"{path} already lists {notice_id!r}; choose another ID")
    notices.append(notice_id)
    return dump(apply_layout(tree, SOURCE_FILES[MANIFEST][1]), yaml)


def remaining_steps(root: Path, notice_id: str, documents: dict[str, dict[str, Any]]) -> list[str]:
    """What is left after the scaffold, in the order a maintainer does it."""
    folder = f"{root}/notices/{notice_id}"
    missing_schemas = schema_step(root, new_ids=False)  # while they are missing, editors complete nothing
    steps = [] if missing_schemas is None else [missing_schemas]
    steps += [
        (
            f"describe the source in {folder}/{NOTICE_YAML} (source.description), then encode the document elements "
            "(发文机关标志, 发文字号, 标题, 主送机关, 正文, 署名, 成文日期, 附注, 版记) from source.txt; list each "
            "element it does not print under absent (附注, 印数, …) and leave its key out"
        ),
        f"encode the body in {folder}/{BODY_YAML}: title, opening, parts, sections and measures with their units",
    ]
    if ATTACHMENT_YAML in documents:
        steps.append(f"encode the task table in {folder}/{ATTACHMENT_YAML}: columns, categories, tasks, breakdown")
    steps += [
        f"add new units and people to {root}/{UNITS} and {root}/{PEOPLE}",
        f"run 'anwei validate {root}' until it reports nothing",
        "record the new notice in CHANGELOG.md and bump the corpus version (minor: a notice added)",
    ]
    return steps
