"""Read one YAML file into plain data plus the position of every node.

The YAML is composed into a node graph with ruamel.yaml's safe composer and then turned into plain Python data
by hand, so that only the core schema's types can ever be built (no tag constructs an object), a duplicate key is
an error rather than a silent overwrite, aliases are refused before they can be expanded, and every key and
value keeps its line and column.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Diagnostic, Location, Severity, YamlPath

MAX_FILE_BYTES = 1024 * 1024  # a notice's largest file is about 60 KiB
MAX_DEPTH = 64  # the deepest real path is about 10

CORE_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {CORE_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}

# Control characters that have no business in a corpus file (tab and newlines are handled by YAML itself).
_FORBIDDEN_CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"} | {"\x7f"}


@dataclass
class YamlDocument:
    """A parsed file: its plain data and where each node stands."""

    file: str
    data: Any
    lines: list[str]
    positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: YamlPath, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                line, column = table[probe]
                return Location(self.file, tuple(path), line, column, key)
            if not key and probe in self.key_positions:
                line, column = self.key_positions[probe]
                return Location(self.file, tuple(path), line, column, True)
            probe = probe[:-1]
        line, column = self.positions.get((), (1, 1))
        return Location(self.file, tuple(path), line, column)


class YamlLoadError(Exception):
    """The file could not be read as corpus YAML; ``diagnostic`` says where and why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _error(code: str, message: str, file: str, line: int | None = None, column: int | None = None, hint: str | None = None):
    return YamlLoadError(Diagnostic(code, Severity.ERROR, message, Location(file, (), line, column), hint))


def _position_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def decode(raw: bytes, file: str) -> str:
    """Decode a corpus file, which must be UTF-8 without a byte-order mark."""
    if raw.startswith(codecs.BOM_UTF8):
        raise _error("AW006", "file starts with a UTF-8 byte-order mark", file, 1, 1, "save the file as UTF-8 without BOM")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _error("AW005", "file is UTF-16, not UTF-8", file, 1, 1, "save the file as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        guess = ""
        try:
            raw.decode("gb18030")
            guess = " (it reads as GB18030)"
        except UnicodeDecodeError:
            pass
        raise _error(
            "AW005",
            f"byte 0x{raw[exc.start]:02x} at offset {exc.start} is not valid UTF-8{guess}",
            file,
            line,
            column,
            "save the file as UTF-8",
        ) from None


def check_characters(text: str, file: str) -> None:
    """Refuse NUL and other control characters, and tab indentation, before YAML sees them."""
    for index, char in enumerate(text):
        if char in _FORBIDDEN_CONTROLS:
            line, column = _position_of(text, index)
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise _error("AW007", f"control character U+{ord(char):04X} ({name})", file, line, column, "delete it")
    for number, line_text in enumerate(text.split("\n"), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            raise _error(
                "AW003", "tab in indentation", file, number, indent.index("\t") + 1, "indent with spaces only"
            )


def _tag(node: Node) -> str:
    tag = node.tag
    return tag if isinstance(tag, str) else str(getattr(tag, "value", tag))


class _Builder:
    """Turns a composed node graph into plain data, recording positions."""

    def __init__(self, file: str, document: YamlDocument):
        self.file = file
        self.document = document
        self.seen: set[int] = set()

    def build(self, node: Node, path: YamlPath) -> Any:
        mark = node.start_mark
        if len(path) > MAX_DEPTH:
            raise _error("AW010", f"nesting deeper than {MAX_DEPTH} levels", self.file, mark.line + 1, mark.column + 1)
        if id(node) in self.seen:
            line, column = self.document.key_positions.get(path, (mark.line + 1, mark.column + 1))
            raise _error(
                "AW009",
                f"alias reuses the node anchored at line {mark.line + 1}",
                self.file,
                line,
                column,
                "write the value out in full; corpus files use no anchors or aliases",
            )
        self.seen.add(id(node))
        self.document.positions[path] = (mark.line + 1, mark.column + 1)
        tag = _tag(node)
        if tag not in ALLOWED_TAGS:
            raise _error(
                "AW004",
                f"tag {tag.replace(CORE_TAG, '!!')!r} is not allowed",
                self.file,
                mark.line + 1,
                mark.column + 1,
                "corpus files use plain YAML values: strings, numbers, booleans, null, dates, lists and mappings",
            )
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, tag)

    def _mapping(self, node: MappingNode, path: YamlPath) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key_mark = key_node.start_mark
            if not isinstance(key_node, ScalarNode):
                raise _error("AW001", "mapping key is not a plain scalar", self.file, key_mark.line + 1, key_mark.column + 1)
            key = self._scalar(key_node, _tag(key_node))
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first_line, _ = self.document.key_positions[path + (key,)]
                raise _error(
                    "AW002",
                    f"duplicate key {key!r} (first defined on line {first_line})",
                    self.file,
                    key_mark.line + 1,
                    key_mark.column + 1,
                    "remove one of the two entries",
                )
            self.document.key_positions[path + (key,)] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: ScalarNode, tag: str) -> Any:
        try:
            return _SCALAR_READERS[tag](node.value)
        except ValueError as exc:
            mark = node.start_mark
            raise _error("AW001", f"cannot read value {node.value!r}: {exc}", self.file, mark.line + 1, mark.column + 1) from None


def _read_int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    body = digits.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if body.startswith(prefix):
            return sign * int(body[2:], base)
    return sign * int(body, 10)


def _read_float(text: str) -> float:
    lowered = text.replace("_", "").lower()
    if lowered.lstrip("+-") in (".inf", "inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(lowered)


def _read_timestamp(text: str) -> dt.date | dt.datetime:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text.replace("t", "T").replace("Z", "+00:00").replace(" ", "T", 1))


_SCALAR_READERS = {
    CORE_TAG + "str": str,
    CORE_TAG + "null": lambda text: None,
    CORE_TAG + "bool": lambda text: text.lower() in ("true", "yes", "on"),
    CORE_TAG + "int": _read_int,
    CORE_TAG + "float": _read_float,
    CORE_TAG + "timestamp": _read_timestamp,
}


def parse(text: str, file: str) -> YamlDocument:
    """Parse YAML text that has already been decoded and screened."""
    document = YamlDocument(file=file, data=None, lines=text.split("\n"))
    yaml = YAML(typ="safe", pure=True)
    try:
        nodes = list(yaml.compose_all(io.StringIO(text)))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise _error("AW001", f"YAML syntax error: {problem}", file, line, column) from None
    except YAMLError as exc:
        raise _error("AW001", f"YAML syntax error: {exc}", file) from None
    except RecursionError:
        raise _error("AW010", "nesting too deep to read", file) from None
    if not nodes:
        raise _error("AW008", "file is empty; expected a mapping", file, 1, 1)
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        raise _error("AW001", "file holds more than one YAML document", file, mark.line + 1, mark.column + 1)
    root = nodes[0]
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        mark = root.start_mark
        raise _error("AW008", f"file holds {kind}; expected a mapping", file, mark.line + 1, mark.column + 1)
    document.data = _Builder(file, document).build(root, ())
    return document


def read_yaml(path: Path, display_name: str) -> YamlDocument:
    """Read, decode, screen and parse one corpus file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _error("AW011", f"file is {size} bytes; the limit is {MAX_FILE_BYTES}", display_name)
        raw = path.read_bytes()
    except OSError as exc:
        raise _error("AW012", f"cannot read file: {exc.strerror or exc}", display_name) from None
    text = decode(raw, display_name)
    check_characters(text, display_name)
    return parse(text, display_name)
