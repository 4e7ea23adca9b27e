"""Pydantic validation errors said in a maintainer's words, at the YAML node they concern."""

from __future__ import annotations

from pydantic import ValidationError

from .diagnostics import Diagnostic, Severity
from .loader import YamlDocument

_TYPE_WORDS = {
    "string_type": "a string",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "date_type": "a date written YYYY-MM-DD",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "none_required": "null",
}

_PATTERN_WORDS = {
    r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$": "a lower-case ASCII ID with hyphens, like emergency-bureau",
    r"^[a-z]+(-[a-z]+)+$": "a person ID in pinyin, like jiang-aifeng",
    r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$": "a version MAJOR.MINOR.PATCH, like 1.0.0",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "a lower-case ASCII name with hyphens",
    r"^[0-9a-f]{64}$": "64 lower-case hexadecimal digits (a SHA-256)",
    r"^AW[0-9]{3}$": "a rule code like AW502",
}


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: dict) -> tuple[str, str | None]:
    kind = error["type"]
    loc = error["loc"]
    ctx = error.get("ctx") or {}
    field = str(loc[-1]) if loc else "value"
    if kind == "missing":
        return f"missing required key {field!r}", f"add `{field}:`"
    if kind == "extra_forbidden":
        return f"unknown key {field!r}", "remove it, or check its spelling against the schema"
    if kind in _TYPE_WORDS:
        return f"{field}: expected {_TYPE_WORDS[kind]}, found {_shown(error.get('input'))}", None
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        wanted = _PATTERN_WORDS.get(pattern, f"text matching {pattern}")
        return f"{field}: {_shown(error.get('input'))} is not {wanted}", None
    if kind == "literal_error":
        return f"{field}: {_shown(error.get('input'))} is not one of {ctx.get('expected')}", None
    if kind in ("greater_than_equal", "greater_than"):
        return f"{field}: {_shown(error.get('input'))} is too small (at least {ctx.get('ge', ctx.get('gt'))})", None
    if kind in ("less_than_equal", "less_than"):
        return f"{field}: {_shown(error.get('input'))} is too large (at most {ctx.get('le', ctx.get('lt'))})", None
    if kind in ("too_short", "string_too_short"):
        return f"{field}: must not be empty", None
    message = error["msg"]
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    return f"{field}: {message}", None


def describe_validation_error(exc: ValidationError, document: YamlDocument) -> list[Diagnostic]:
    """One diagnostic per pydantic error, located at the node (or the missing key's mapping)."""
    diagnostics = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        message, hint = _message(error)
        if error["type"] == "missing":
            location = document.locate(loc[:-1])
        elif error["type"] == "extra_forbidden":
            location = document.locate(loc, key=True)
        else:
            location = document.locate(loc)
        diagnostics.append(Diagnostic("AW101", Severity.ERROR, message, location, hint))
    return diagnostics
