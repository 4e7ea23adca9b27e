"""The corpus's one YAML layout, written with ruamel.yaml's round-trip mode.

Used by ``anwei fmt`` to bring an edited file back to the layout, and by ``anwei new`` to write a scaffold in it:

- keys in the order the file's model declares its fields (unknown keys after them, in their order);
- mappings in block style; a list holding no mapping (IDs, numbers, lists of IDs) in flow style, on one line,
  except the lists in ``ONE_PER_LINE``;
- one line per text however long: nothing is folded;
- a text plain where YAML reads it back as that text, in double quotes where it has a line break or leading or
  trailing space (``"\\n"`` escapes, visible spaces), in single quotes otherwise (``'2022'``, ``'yes'``);
- ``null`` written out, two-space indentation with list dashes indented, and a final newline;
- comments, the ``yaml-language-server`` modeline included, kept where they stand.
"""

from __future__ import annotations

import io
import os
import tempfile
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString, SingleQuotedScalarString

from .models.source import CorpusFile

NO_FOLDING = 1 << 30  # a line width no text reaches

# Lists of IDs written one per line: they grow with the corpus, and a line per entry keeps each change one line.
ONE_PER_LINE = {(CorpusFile, "notices")}


def _represent_null(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def new_yaml() -> YAML:
    """A round-trip reader and writer set to the corpus layout."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = NO_FOLDING
    yaml.allow_unicode = True
    yaml.preserve_quotes = False
    yaml.representer.add_representer(type(None), _represent_null)
    return yaml


def _quoted(text: str) -> str:
    """The text as a scalar of the style the layout wants (plain ones are left to the emitter to keep plain)."""
    if "\n" in text or text != text.strip() or not text.isprintable():
        return typing.cast(str, DoubleQuotedScalarString(text))
    if isinstance(text, (SingleQuotedScalarString, DoubleQuotedScalarString)):
        style = PlainScalarString if _reads_back_plain(text) else SingleQuotedScalarString
        return typing.cast(str, style(text))
    return text


def _reads_back_plain(text: str) -> bool:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    if not text or text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text or text.endswith(":"):
        return False
    tag: str = VersionedResolver().resolve(ScalarNode, text, (True, False))
    return tag == "tag:yaml.org,2002:str"


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation can hold, at any depth (``list[Task]``, ``Passage | None``, …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for argument in typing.get_args(annotation):
            found += _models_in(argument)
    return found


def _field_models(model: type[BaseModel] | None, key: object) -> list[type[BaseModel]]:
    if model is None or not isinstance(key, str) or key not in model.model_fields:
        return []
    return _models_in(model.model_fields[key].annotation)


def _holds_mapping(items: list[Any]) -> bool:
    return any(isinstance(item, dict) or (isinstance(item, list) and _holds_mapping(item)) for item in items)


def apply_layout(node: Any, model: type[BaseModel] | None = None) -> Any:
    """Bring a round-trip tree to the layout in place (and return it): key order, flow or block, quoting."""
    if isinstance(node, CommentedMap):
        if model is not None:
            declared = [name for name in model.model_fields if name in node]
            for name in declared + [key for key in node if key not in declared]:
                node.move_to_end(name)  # moves the key with its comments
        for key in list(node):
            node[key] = apply_layout(node[key], _single(_field_models(model, key)))
            if (model, key) in ONE_PER_LINE and isinstance(node[key], CommentedSeq):
                node[key].fa.set_block_style()
        node.fa.set_block_style()
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = apply_layout(item, model)
        if _holds_mapping(node):
            node.fa.set_block_style()
        else:
            node.fa.set_flow_style()
    elif isinstance(node, str):
        return _quoted(node)
    return node


def _single(models: list[type[BaseModel]]) -> type[BaseModel] | None:
    # A field that holds one of several models (none here today) is left in its written order.
    return models[0] if len(models) == 1 else None


def to_commented(data: Any) -> Any:
    """Plain data (dicts, lists, scalars) as a round-trip tree that ``apply_layout`` and ``dump`` take."""
    if isinstance(data, dict):
        mapping = CommentedMap()
        for key, value in data.items():
            mapping[key] = to_commented(value)
        return mapping
    if isinstance(data, list):
        return CommentedSeq(to_commented(item) for item in data)
    return data


def dump(tree: Any, yaml: YAML | None = None, modeline: str | None = None) -> str:
    """The text of a round-trip tree, with ``modeline`` (a comment line without its ``#``) on top when given."""
    stream = io.StringIO()
    if modeline is not None:
        stream.write(f"# {modeline}\n")
    (yaml or new_yaml()).dump(tree, stream)
    text = stream.getvalue()
    return text if text.endswith("\n") else text + "\n"  # a moved end comment can take the final newline with it


def render(data: Any, model: type[BaseModel] | None, modeline: str | None = None) -> str:
    """Plain data written in the layout, keys in ``model``'s order: how the scaffold writes a new file."""
    return dump(apply_layout(to_commented(data), model), modeline=modeline)


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
