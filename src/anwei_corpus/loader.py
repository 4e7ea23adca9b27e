"""Read one corpus file safely: YAML into plain data plus the position of every node, and plain bytes.

A YAML file is read as a stream of parse events and turned into plain Python data by hand, so that only the core
schema's types can ever be built (no tag constructs an object), a duplicate key is an error rather than a silent
overwrite, an alias is refused where it stands (nothing is ever expanded), nesting is refused past ``MAX_DEPTH``
before it can exhaust anything, an integer written other than in decimal digits (``0x0E``, ``0o16``, ``1_4``,
``014``, which YAML readers disagree about) is refused once the file is read, and every key and value keeps its line
and column.

Two parsers can produce the events: libyaml's through ruamel.yaml.clib (the fast path) and ruamel.yaml's
pure-Python one (the reference path). Both feed the same builder. When the fast path finds anything wrong with a
file, the file is read again on the reference path and that reading is reported, so a diagnostic never depends on
which parser ran. A file holding a tab goes to the reference path directly: libyaml accepts tabs in places where
ruamel.yaml does not, and the reference decides.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from . import codes, slow_path
from .diagnostics import Diagnostic, Location, Severity, YamlPath
from .slow_path import SlowPathSpent, metered
from .yaml_errors import explain as explain_syntax_error

try:
    from _ruamel_yaml import CParser  # type: ignore[import-not-found]  # ruamel.yaml.clib: libyaml's parser
except ImportError:  # pragma: no cover - the reference path alone still reads every file
    CParser = None

MAX_FILE_BYTES = 1024 * 1024  # a notice's largest file is about 60 KiB
MAX_DEPTH = 64  # the deepest real path is about 10

# What to do about a file past a limit; {limit} is the limit's constant, read when the finding is made
TOO_DEEP_HINT = (
    "no corpus file needs to nest this deep, and none deeper than {limit} levels is read: remove the extra "
    "brackets, dashes or indentation that lead here"
)
TOO_LARGE_HINT = (
    "no corpus file needs to be this large, and none over {limit} bytes is read: check that this is the file you "
    "meant, and remove what does not belong in it"
)

FAST_PARSER = CParser is not None  # tests switch it off to compare both paths

CORE_TAG = "tag:yaml.org,2002:"
_MAP_TAG, _SEQ_TAG, _STR_TAG = CORE_TAG + "map", CORE_TAG + "seq", CORE_TAG + "str"

# Characters with no business in a corpus file: C0 and C1 controls other than tab and line feed, a carriage
# return that does not end a line, the line and paragraph separators (YAML counts them as line breaks where an
# editor does not, so line numbers would disagree), and the two non-characters.
_FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\r(?!\n)")
# What an escape in a double-quoted scalar can make that the raw text cannot hold: the forbidden characters above,
# lone surrogates, and the non-characters (U+FDD0–U+FDEF and the last two code points of every plane).
_FORBIDDEN_IN_VALUE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)
MAX_INTEGER_DIGITS = 20  # 2**63 has 19 decimal digits; anything longer is no count, year or number a field holds
MAX_INTEGER = 2**63 - 1
# The one spelling of an integer: decimal digits without a leading zero (a sign is fine; ``anwei fmt`` drops a plus).
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
# A space other than the ASCII one at the start of a line, such as U+3000 IDEOGRAPHIC SPACE from a Chinese input
# method: YAML does not count it as indentation but as the start of the content, which misplaces the line.
_ODD_SPACE_INDENT = re.compile(r"^ *([^\S\t\n\r ])", re.MULTILINE)


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
    """The file could not be read as a corpus file; ``diagnostic`` says where and why.

    ``out_of_range`` is the YAML path of an integer too large to read, when that is what went wrong: the reader of
    the file, who knows its model, then says in the hint what the field takes (see ``schema_errors``).
    """

    def __init__(self, diagnostic: Diagnostic, out_of_range: YamlPath | None = None):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
        self.out_of_range = out_of_range


def _error(
    code: str, message: str, file: str, line: int | None = None, column: int | None = None, hint: str | None = None
) -> YamlLoadError:
    return YamlLoadError(Diagnostic(code, Severity.ERROR, message, Location(file, (), line, column), hint))


def _position_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _looks_like_utf16(raw: bytes) -> bool:
    """Mostly-ASCII text in UTF-16 has a NUL in every other byte."""
    head = raw[:200]
    return len(head) >= 4 and (head[1::2].count(0) * 2 >= len(head) // 2 or head[0::2].count(0) * 2 >= len(head) // 2)


def decode(raw: bytes, file: str) -> str:
    """Decode a corpus file, which must be UTF-8 without a byte-order mark."""
    if raw.startswith(codecs.BOM_UTF8):
        raise _error(
            codes.BYTE_ORDER_MARK,
            "file starts with a UTF-8 byte-order mark",
            file,
            1,
            1,
            "save the file as UTF-8 without BOM",
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_like_utf16(raw):
        raise _error(codes.ENCODING, "file is UTF-16, not UTF-8", file, 1, 1, "save the file as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line, column = _position_of(before, len(before))
        guess = ""
        try:
            raw.decode("gb18030")
            line_start = raw.rfind(b"\n", 0, exc.start) + 1
            line_end = raw.find(b"\n", exc.start)
            shown = raw[line_start : None if line_end < 0 else line_end].decode("gb18030").strip()
            guess = f"; the line reads {shown[:60]!r} in GB18030"
        except UnicodeDecodeError:
            pass
        raise _error(
            codes.ENCODING,
            f"byte 0x{raw[exc.start]:02x} at offset {exc.start} is not valid UTF-8{guess}",
            file,
            line,
            column,
            "save the file as UTF-8",
        ) from None


def check_characters(text: str, file: str) -> None:
    """Refuse control characters, and indentation by tabs or by spaces other than ASCII, before YAML sees them."""
    bad = _FORBIDDEN_CHARACTER.search(text)
    if bad is not None:
        char = bad.group()
        line, column = _position_of(text, bad.start())
        name = unicodedata.name(char, "")
        described = f"U+{ord(char):04X}" + (f" ({name})" if name else "")
        raise _error(codes.CONTROL_CHARACTER, f"control character {described}", file, line, column, "delete it")
    tab = _TAB_INDENT.search(text) if "\t" in text else None
    if tab is not None:
        line, column = _position_of(text, tab.end() - 1)
        raise _error(codes.TAB_INDENTATION, "tab in indentation", file, line, column, "indent with spaces only")
    if not text.isascii():
        odd = _ODD_SPACE_INDENT.search(text)
        if odd is not None:
            line, column = _position_of(text, odd.start(1))
            space = odd.group(1)
            described = f"U+{ord(space):04X} {unicodedata.name(space, 'SPACE')}"
            raise _error(
                codes.TAB_INDENTATION,
                f"indented with {described} — indent with ASCII spaces",
                file,
                line,
                column,
                "YAML counts only ASCII spaces as indentation; replace the characters at the start of the line",
            )


def _read_int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    body = digits.lstrip("+-")
    base = next((base for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)) if body.startswith(prefix)), 10)
    if base != 10:
        body = body[2:]
    # Bounded before conversion: a number of thousands of digits must cost nothing and crash nothing downstream.
    if (
        len(body.lstrip("0")) > MAX_INTEGER_DIGITS * (4 if base == 2 else 1)
        or abs(value := int(body, base)) > MAX_INTEGER
    ):
        raise ValueError(f"integer out of range (at most {MAX_INTEGER} either way)")
    return sign * value


def integer_form(text: str) -> str | None:
    """How an integer's text departs from plain decimal digits, and what other YAML readers make of it; None if not."""
    if _DECIMAL.fullmatch(text):
        return None
    body = text.lstrip("+-")
    if body.startswith("0x"):
        return "in hexadecimal"
    if body.startswith("0o"):
        return "in octal, which YAML 1.1 readers take for text"
    if body.startswith("0b"):
        return "in binary, which YAML 1.2 readers take for text"
    if "_" in body:
        return "with an underscore, which YAML 1.2 readers take for text"
    return "with a leading zero, which YAML 1.1 readers take for an octal number or for text"


def _read_float(text: str) -> float:
    lowered = text.replace("_", "").lower()
    if lowered.lstrip("+-") in (".inf", "inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(lowered)


def _read_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered not in ("true", "false", "yes", "no", "on", "off"):
        raise ValueError("not a boolean")
    return lowered in ("true", "yes", "on")


def _read_timestamp(text: str) -> dt.date | dt.datetime:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text.replace("t", "T").replace("Z", "+00:00").replace(" ", "T", 1))


_SCALAR_READERS: dict[str, Callable[[str], Any]] = {
    _STR_TAG: str,
    CORE_TAG + "null": lambda text: None,
    CORE_TAG + "bool": _read_bool,
    CORE_TAG + "int": _read_int,
    CORE_TAG + "float": _read_float,
    CORE_TAG + "timestamp": _read_timestamp,
}
_ALLOWED_TAGS = {ScalarEvent: set(_SCALAR_READERS), MappingStartEvent: {_MAP_TAG}, SequenceStartEvent: {_SEQ_TAG}}
# The YAML 1.2 core schema's implicit types, by the first character of a plain scalar (ruamel.yaml's table, copied
# once; looking it up through the resolver costs more than parsing). Plain scalars it does not type are strings.
_IMPLICIT_TYPES = {
    first: [(str(tag), regexp.match) for tag, regexp in entries if str(tag) in _SCALAR_READERS]
    for first, entries in VersionedResolver().versioned_resolver.items()
}


@lru_cache(maxsize=4096)  # keys and small numbers recur in every notice
def _resolve_plain(value: str) -> str:
    for tag, match in _IMPLICIT_TYPES.get(value[:1], ()):
        if match(value):
            return tag
    return _STR_TAG


def _fast_events(text: str) -> Iterator[Any]:
    return iter(CParser(text).get_event, None)  # get_event returns None once the stream has ended


def _reference_events(text: str) -> Iterator[Any]:
    from ruamel.yaml import YAML  # the pure-Python parser costs its import only when a file needs it

    events: Iterator[Any] = YAML(typ="safe", pure=True).parse(io.StringIO(text))
    return metered(events)


class _Open:
    """A mapping or list being filled: its value, its YAML path, and (in a mapping) the key whose value comes next."""

    __slots__ = ("value", "path", "key")

    def __init__(self, value: Any, path: YamlPath) -> None:
        self.value = value
        self.path = path
        self.key: str | None = None  # None while a mapping expects a key


class _Builder:
    """Turns parse events into plain data, recording positions; refuses what a corpus file must not hold.

    Mappings and lists being filled sit on a stack of ``_Open`` entries. The loop of ``build`` runs once per event
    of every file, which is why it is written out flat rather than split into a call per event.
    """

    def __init__(self, document: YamlDocument):
        self.document = document
        self.file = document.file
        self.anchors: dict[str, int] = {}
        # integers written other than in decimal digits: (path, mark, text, value), reported once the file is read
        self.odd_integers: list[tuple[YamlPath, Any, str, int]] = []

    def _refuse(self, code: str, message: str, mark: Any, hint: str | None = None) -> YamlLoadError:
        line: int = mark.line + 1
        column: int = mark.column + 1
        return _error(code, message, self.file, line, column, hint)

    def _odd_integers(self) -> YamlLoadError:
        """The finding on the integers of the file written other than in decimal digits, at the first of them."""
        (path, mark, text, value), *others = self.odd_integers
        lines = sorted({other_mark.line + 1 for _, other_mark, _, _ in others})
        shown = ", ".join(map(str, lines[:8])) + (", …" if len(lines) > 8 else "")
        more = f" ({len(others) + 1} integers of this file are so written; also line{'s' if len(lines) > 1 else ''} {shown})"
        key = path[-1] if path else None
        fix = f"make it {key}: {value}" if isinstance(key, str) else f"write {value} in its place"
        return self._refuse(
            codes.INTEGER_FORM,
            f"integer {text} is written {integer_form(text)}; the corpus writes integers in decimal digits"
            + (more if others else ""),
            mark,
            f"write the number in decimal digits, as the source prints it: {fix}",
        )

    def _tag(self, event: Any) -> str:
        tag = event.tag
        kind = type(event)
        if tag is None or tag == "!":  # untagged, or the non-specific tag (which makes a scalar a string)
            if kind is ScalarEvent:
                return _resolve_plain(event.value) if tag is None and event.implicit[0] else _STR_TAG
            return _MAP_TAG if kind is MappingStartEvent else _SEQ_TAG
        if not isinstance(tag, str):
            tag = str(getattr(tag, "value", tag))
        if tag not in _ALLOWED_TAGS[kind]:
            raise self._refuse(
                codes.DISALLOWED_TAG,
                f"tag {tag.replace(CORE_TAG, '!!')!r} is not allowed",
                event.start_mark,
                "corpus files use plain YAML values: strings, numbers, booleans, null, dates, lists and mappings",
            )
        return tag

    def _scalar(self, event: Any, path: YamlPath | None = None) -> Any:
        """The value of a scalar; ``path`` is where it stands, None for a key."""
        tag = self._tag(event)
        if tag == _STR_TAG:
            return event.value
        try:
            value = _SCALAR_READERS[tag](event.value)
        except ValueError as exc:
            if tag == CORE_TAG + "timestamp":
                return event.value  # shaped like a date but no real one (2022-08-51): the schema says what is wrong
            refusal = self._refuse(
                codes.YAML_SYNTAX,
                f"cannot read value {event.value[:60]!r}: {exc}",
                event.start_mark,
                "put the value in quotes if it is meant as text",
            )
            refusal.out_of_range = path if tag == CORE_TAG + "int" else None
            raise refusal from None
        if path is not None and tag == CORE_TAG + "int" and not _DECIMAL.fullmatch(event.value):
            self.odd_integers.append((path, event.start_mark, event.value, value))
        return value

    def _check_escapes(self, event: Any) -> None:
        """Refuse what an escape (``"\\e"``, ``"\\x85"``, ``"\\ud800"``) makes that the raw-text check refuses."""
        bad = _FORBIDDEN_IN_VALUE.search(event.value)
        if bad is None:
            return
        char = bad.group()
        name = unicodedata.name(char, "")
        kind = (
            "non-character"
            if 0xFDD0 <= ord(char) <= 0xFDEF or ord(char) & 0xFFFE == 0xFFFE
            else ("lone surrogate" if 0xD800 <= ord(char) <= 0xDFFF else "control character")
        )
        described = f"U+{ord(char):04X}" + (f" ({name})" if name else "")
        raise self._refuse(
            codes.CONTROL_CHARACTER,
            f"{kind} {described} written as an escape in a quoted value",
            event.start_mark,
            "delete the escape; corpus text holds printable characters only",
        )

    def _key(self, event: Any, mapping: _Open) -> None:
        mark = event.start_mark
        if type(event) is not ScalarEvent:
            self._tag(event)  # a refused tag is the thing to report, wherever it stands
            raise self._refuse(
                codes.YAML_SYNTAX,
                "mapping key is not a plain scalar",
                mark,
                "keys are plain words such as `title` or `units`",
            )
        if event.style == '"':
            self._check_escapes(event)
        key = self._scalar(event)
        if not isinstance(key, str):
            key = str(key)
        path = mapping.path + (key,)
        if key in mapping.value:
            first_line, _ = self.document.key_positions[path]
            raise self._refuse(
                codes.DUPLICATE_KEY,
                f"duplicate key {key!r} (first defined on line {first_line})",
                mark,
                "remove one of the two entries",
            )
        self.document.key_positions[path] = (mark.line + 1, mark.column + 1)
        mapping.key = key

    def _root(self, event: Any, documents: int) -> None:
        if documents > 1:
            raise self._refuse(
                codes.YAML_SYNTAX,
                "file holds more than one YAML document",
                event.start_mark,
                "remove the `---` line; each corpus file is one document",
            )
        if type(event) is not MappingStartEvent:
            what = "a list" if type(event) is SequenceStartEvent else "a single value"
            raise self._refuse(codes.NOT_A_MAPPING, f"file holds {what}; expected a mapping", event.start_mark)

    def _alias(self, event: Any) -> YamlLoadError:
        anchored = self.anchors.get(event.anchor)
        where = f" anchored at line {anchored}" if anchored else ""
        return self._refuse(
            codes.ALIAS,
            f"alias *{event.anchor} reuses the node{where}",
            event.start_mark,
            "write the value out in full; corpus files use no anchors or aliases",
        )

    def build(self, events: Iterator[Any]) -> Any:  # noqa: C901 - one flat loop per event, see the class
        stack: list[_Open] = []
        root: Any = None
        documents = 0
        positions = self.document.positions
        for event in events:
            kind = type(event)
            if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                mark = event.start_mark
                if event.anchor is not None:
                    self.anchors[event.anchor] = mark.line + 1
                if stack:
                    parent = stack[-1]
                    container = parent.value
                    if type(container) is list:
                        path = parent.path + (len(container),)
                    elif parent.key is None:
                        self._key(event, parent)
                        continue
                    else:
                        path = parent.path + (parent.key,)
                else:
                    parent = None
                    self._root(event, documents)
                    path = ()
                if kind is ScalarEvent and not event.value and parent is not None and type(container) is dict:
                    # An empty value has no text to point at, and the two parsers place it differently: use its key.
                    positions[path] = self.document.key_positions[path]
                else:
                    positions[path] = (mark.line + 1, mark.column + 1)
                if kind is ScalarEvent:
                    value: Any = event.value
                    if event.style == '"':
                        self._check_escapes(event)
                    if event.tag is not None or (event.implicit[0] and value[:1] in _IMPLICIT_TYPES):
                        value = self._scalar(event, path)
                else:
                    if len(path) >= MAX_DEPTH:
                        message = f"nesting deeper than {MAX_DEPTH} levels"
                        raise self._refuse(codes.TOO_DEEP, message, mark, TOO_DEEP_HINT.format(limit=MAX_DEPTH))
                    if event.tag is not None:
                        self._tag(event)
                    value = {} if kind is MappingStartEvent else []
                    stack.append(_Open(value, path))
                if parent is None:
                    root = value
                elif type(container) is list:
                    container.append(value)
                else:
                    container[parent.key] = value
                    parent.key = None
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
            elif kind is AliasEvent:
                raise self._alias(event)
            elif kind is DocumentStartEvent:
                documents += 1
        if not positions:
            raise _error(codes.NOT_A_MAPPING, "file is empty; expected a mapping", self.file, 1, 1)
        if self.odd_integers:
            raise self._odd_integers()
        return root


def _build(events: Iterator[Any], text: str, file: str) -> YamlDocument:
    document = YamlDocument(file=file, data=None, lines=text.split("\n"))
    document.data = _Builder(document).build(events)
    return document


def _parse_reference(text: str, file: str) -> YamlDocument:
    try:
        return _build(_reference_events(text), text, file)
    except MarkedYAMLError as exc:
        said = explain_syntax_error(exc, text)
        raise _error(codes.YAML_SYNTAX, said.message, file, said.line, said.column, said.hint) from None
    except ReaderError as exc:
        line, column = _position_of(text, exc.position)
        message = f"YAML cannot read character {exc.character!r}: {exc.reason}"
        raise _error(
            codes.YAML_SYNTAX, message, file, line, column, "delete the character, or put the value in quotes"
        ) from None
    except YAMLError as exc:
        raise _error(
            codes.YAML_SYNTAX, f"YAML syntax error: {exc}", file, hint="check the file in a YAML editor"
        ) from None


def parse(text: str, file: str) -> YamlDocument:
    """Parse YAML text that has already been decoded and screened."""
    fast_failure: YamlLoadError | YAMLError | None = None
    if FAST_PARSER and "\t" not in text:  # libyaml takes tabs in places ruamel.yaml refuses them
        try:
            return _build(_fast_events(text), text, file)
        except (YamlLoadError, YAMLError) as exc:
            # the reference path says what is wrong, in the words it always uses; the frames of the failed build
            # are let go now, not kept alive (the load runs with the garbage collector off) by a traceback
            fast_failure = exc.with_traceback(None)
    try:
        return _parse_reference(text, file)
    except SlowPathSpent:
        pass  # raised outside this handler, so that the finding does not keep the abandoned parse alive
    raise _in_fast_words(fast_failure, text, file)


def _in_fast_words(failure: YamlLoadError | YAMLError | None, text: str, file: str) -> YamlLoadError:
    """The finding on a faulty file once the pure-Python parser's budget is spent: the fast parser's own."""
    spent = f"the budget of {slow_path.size()} tokens for re-reading faulty files is spent"
    if isinstance(failure, YamlLoadError):
        found = failure.diagnostic
        note = f"{found.hint}; " if found.hint else ""
        return YamlLoadError(replace(found, hint=f"{note}position as libyaml reads it ({spent})"))
    if isinstance(failure, MarkedYAMLError):
        said = explain_syntax_error(failure, text)
        return _error(
            codes.YAML_SYNTAX, said.message, file, said.line, said.column, f"{said.hint} (worded by libyaml: {spent})"
        )
    if isinstance(failure, YAMLError):
        return _error(codes.YAML_SYNTAX, f"YAML syntax error: {failure}", file, hint=f"fix the file ({spent})")
    return _error(
        codes.FILE_TOO_LARGE,
        f"file not read: it holds a tab, which only the pure-Python parser judges, and {spent}",
        file,
        hint="replace the tabs by spaces, or validate the files with faults one by one",
    )


def read_bytes(
    path: Path,
    display_name: str,
    missing_hint: str | None = None,
    verify: Callable[[int], None] | None = None,
) -> bytes:
    """A regular file's bytes, refusing anything over ``MAX_FILE_BYTES`` without reading more than that.

    The file is opened without blocking and checked through its descriptor, so a FIFO or device put where a file
    should be is refused rather than waited on.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise _error(codes.UNREADABLE, "file is missing", display_name, hint=missing_hint) from None
    except OSError as exc:
        raise _error(codes.UNREADABLE, f"cannot read file: {exc.strerror or exc}", display_name) from None
    try:
        if verify is not None:
            verify(descriptor)  # what was opened, not what the path named a moment before
        kind = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(kind):
            what = "a folder" if stat.S_ISDIR(kind) else "something that is not a regular file"
            raise _error(codes.UNREADABLE, f"expected a file, found {what}", display_name)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _error(codes.UNREADABLE, f"cannot read file: {exc.strerror or exc}", display_name) from None
    finally:
        os.close(descriptor)
    if len(raw) > MAX_FILE_BYTES:
        message = f"file is larger than the limit of {MAX_FILE_BYTES} bytes"
        raise _error(codes.FILE_TOO_LARGE, message, display_name, hint=TOO_LARGE_HINT.format(limit=MAX_FILE_BYTES))
    return raw


def load_yaml(raw: bytes, display_name: str) -> YamlDocument:
    """Decode, screen and parse the bytes of one corpus file."""
    text = decode(raw, display_name)
    check_characters(text, display_name)
    return parse(text, display_name)


def read_yaml(path: Path, display_name: str) -> YamlDocument:
    """Read, decode, screen and parse one corpus file."""
    return load_yaml(read_bytes(path, display_name), display_name)
