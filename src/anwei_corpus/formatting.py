"""``anwei fmt``: every YAML file of a corpus brought to the one layout of ``yaml_style``.

A file is read first as ``anwei validate`` reads it: one that does not load is reported with the same finding and
left untouched. A formatted file is read back and must hold the same data as before, or it is not written.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from . import codes
from .corpus import SOURCE_FILES
from .diagnostics import Diagnostic, Location, Severity
from .layout import display_name
from .loader import YamlLoadError, load_yaml, read_bytes
from .schema_errors import describe_load_error

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class FormatReport:
    """What ``format_paths`` found: files whose layout differs (rewritten unless checking), and unreadable files."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def model_for(path: Path) -> type[BaseModel] | None:
    """The source model of a corpus file, known from its name (``registry/units.yaml``, ``body.yaml``, …)."""
    posix = PurePosixPath(path.as_posix())
    for name, (_, model) in SOURCE_FILES.items():
        if posix.name == PurePosixPath(name).name and posix.as_posix().endswith(name):
            return model
    return None


def yaml_files(paths: list[Path]) -> list[Path]:
    """The YAML files named or lying under ``paths`` (hidden folders skipped), each once, in order."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in candidate.relative_to(path).parts)
                if candidate.suffix in YAML_SUFFIXES and candidate.is_file() and not hidden:
                    found[candidate] = None
        else:
            found[path] = None
    return list(found)


def formatted(text: str, model: type[BaseModel] | None) -> str:
    """``text`` in the corpus layout (the text must parse as YAML)."""
    from .yaml_style import apply_layout, dump, new_yaml

    yaml = new_yaml()
    return dump(apply_layout(yaml.load(text), model), yaml)


def _refusal(name: str, message: str) -> Diagnostic:
    return Diagnostic(
        codes.YAML_SYNTAX,
        Severity.ERROR,
        message,
        Location(name),
        hint="run 'anwei validate' on the corpus and mend the file",
    )


def format_file(path: Path, *, write: bool, report: FormatReport) -> None:
    """Format one file into ``report``: rewritten (atomically) when ``write`` and its layout differs."""
    from ruamel.yaml.error import YAMLError

    from .yaml_style import write_atomic

    name = display_name(path)
    try:
        raw = read_bytes(path, name)
        before = load_yaml(raw, name)
    except YamlLoadError as exc:
        report.diagnostics.append(describe_load_error(exc, model_for(path)))
        return
    text = raw.decode("utf-8-sig")
    try:
        result = formatted(text, model_for(path))
    except (YAMLError, RecursionError) as exc:  # what the validator's reader took, the round-trip one refused
        report.diagnostics.append(_refusal(name, f"cannot be formatted: {exc.__class__.__name__}"))
        return
    if result == text:
        report.unchanged.append(name)
        return
    try:
        lossless = load_yaml(result.encode("utf-8"), name).data == before.data
    except YamlLoadError:
        lossless = False
    if not lossless:
        report.diagnostics.append(_refusal(name, "formatting would change what the file holds; it was left as it is"))
        return
    report.changed.append(name)
    report.diffs[name] = "".join(difflib.unified_diff(text.splitlines(True), result.splitlines(True), name, name))
    if write:
        write_atomic(path, result.encode("utf-8"))


def format_paths(paths: list[str | os.PathLike[str]], *, write: bool = True) -> FormatReport:
    """What ``anwei fmt`` does: bring every YAML file named or under ``paths`` to the layout (or, unless
    ``write``, only find those that differ). A missing path is reported as a finding."""
    report = FormatReport()
    targets = [Path(path) for path in paths]
    for target in targets:
        if not target.exists():
            report.diagnostics.append(
                Diagnostic(codes.UNREADABLE, Severity.ERROR, "no such file or folder", Location(display_name(target)))
            )
    for path in yaml_files([target for target in targets if target.exists()]):
        format_file(path, write=write, report=report)
    return report
