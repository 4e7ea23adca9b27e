"""Pydantic validation errors said in a maintainer's words, at the YAML node they concern."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, PydanticUndefined

from . import codes
from .diagnostics import Diagnostic, Severity
from .loader import YamlDocument, YamlLoadError
from .models.common import PATTERN_WORDS, Suppression

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


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _closest(word: object, choices: typing.Iterable[str]) -> str | None:
    if not isinstance(word, str):
        return None
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _inner_types(annotation: Any) -> list[Any]:
    """The types an annotation stands for, with Annotated, unions and Optional taken apart."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_types(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [inner for argument in typing.get_args(annotation) for inner in _inner_types(argument)]
    return [annotation]


# A type at a YAML path, with the validators pydantic keeps beside a field's type (a field's own Annotated metadata)
Declared = tuple[Any, tuple[Any, ...]]


def _declared_at(root: type[BaseModel], loc: tuple[Any, ...]) -> list[Declared]:
    """The types that can stand at ``loc`` below a ``root`` model, following fields, list items and mapping values."""
    candidates: list[Declared] = [(root, ())]
    for part in loc:
        following: list[Declared] = []
        for candidate, _ in candidates:
            for kind in _inner_types(candidate):
                origin, arguments = typing.get_origin(kind), typing.get_args(kind)
                if isinstance(kind, type) and issubclass(kind, BaseModel) and part in kind.model_fields:
                    field = kind.model_fields[part]
                    following.append((field.annotation, tuple(field.metadata)))
                elif origin in (list, tuple) and isinstance(part, int):
                    following.extend((argument, ()) for argument in arguments if argument is not Ellipsis)
                elif origin is dict and arguments:
                    following.append((arguments[-1], ()))
        candidates = following
    return candidates


def _models_at(root: type[BaseModel], loc: tuple[Any, ...]) -> list[type[BaseModel]]:
    """The models that can stand at ``loc`` below a ``root`` model."""
    return [
        kind
        for candidate, _ in _declared_at(root, loc)
        for kind in _inner_types(candidate)
        if isinstance(kind, type) and issubclass(kind, BaseModel)
    ]


_SCALAR_WORDS: tuple[tuple[type, str], ...] = (
    (bool, _TYPE_WORDS["bool_type"]),  # before int: a bool is an int
    (int, _TYPE_WORDS["int_type"]),
    (str, _TYPE_WORDS["string_type"]),
    (dt.date, _TYPE_WORDS["date_type"]),
)
SHOWN_KEYS = 4  # a mapping's keys are named up to this many required (and as many optional) ones


def _quoted(keys: list[str]) -> str:
    return ", ".join(f"`{key}`" for key in keys)


def _mapping_words(model: type[BaseModel]) -> str:
    """A model as its YAML mapping: ``a mapping with `text` (and optionally `edits`)``.

    ``suppress`` lists are left out of the optional keys: every entry a rule reports on may carry one.
    """
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    optional = [
        name
        for name, field in model.model_fields.items()
        if not field.is_required() and field.annotation != list[Suppression]
    ]
    if not required or len(required) > SHOWN_KEYS:
        return _TYPE_WORDS["model_type"]
    words = f"{_TYPE_WORDS['model_type']} with {_quoted(required)}"
    return words + (f" (and optionally {_quoted(optional)})" if optional and len(optional) <= SHOWN_KEYS else "")


def _forms(annotation: Any, metadata: tuple[Any, ...] = ()) -> list[str] | None:
    """The forms a value of this type may be written in, in words (null left out); None for a type not put in words.

    A validator's declared input type (``json_schema_input_type``) wins over the type it validates into.
    """
    for item in metadata:
        accepted = getattr(item, "json_schema_input_type", PydanticUndefined)
        if accepted is not PydanticUndefined and accepted is not Any:
            return _forms(accepted)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *more = typing.get_args(annotation)
        return _forms(inner, tuple(more))
    if origin is typing.Union or origin is types.UnionType:
        arms = [_forms(argument) for argument in typing.get_args(annotation)]
        return None if None in arms else [form for arm in arms for form in arm or ()]
    if annotation is types.NoneType:
        return []
    if origin in (list, tuple):
        return [_TYPE_WORDS["list_type"]]
    if origin is dict:
        return [_TYPE_WORDS["dict_type"]]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [_mapping_words(annotation)]
    return next(([words] for kind, words in _SCALAR_WORDS if annotation is kind), None)


def _expected(kind: str, model: type[BaseModel] | None, loc: tuple[Any, ...]) -> str:
    """What a value at ``loc`` may be, in words: every form the model accepts there, else the error's own type."""
    forms: list[str] = []
    for annotation, metadata in _declared_at(model, loc) if model else ():
        described = _forms(annotation, metadata)
        if described is None:
            return _TYPE_WORDS[kind]
        forms.extend(form for form in described if form not in forms)
    return " or ".join(forms) if forms else _TYPE_WORDS[kind]


def _with_constraints(annotation: Any, constraints: tuple[Any, ...] = ()) -> list[tuple[Any, tuple[Any, ...]]]:
    """The types an annotation stands for, each with the constraints (``Ge``, ``Le``, …) put on it on the way."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extras = typing.get_args(annotation)
        for extra in extras:
            constraints += tuple(getattr(extra, "metadata", None) or (extra,))
        return _with_constraints(inner, constraints)
    if origin is typing.Union or origin is types.UnionType:
        return [found for argument in typing.get_args(annotation) for found in _with_constraints(argument, constraints)]
    return [(annotation, constraints)]


def integer_hint(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """For an integer too large to read at ``loc``: what the field there takes, or None for a key the model lacks."""
    found = [
        typed for annotation, metadata in _declared_at(model, loc) for typed in _with_constraints(annotation, metadata)
    ]
    field = _field_name(loc)
    numbers = [constraints for kind, constraints in found if kind is int]
    if numbers:
        low = next((c.ge for c in numbers[0] if hasattr(c, "ge")), None)
        high = next((c.le for c in numbers[0] if hasattr(c, "le")), None)
        if low is not None and high is not None:
            takes = f"a whole number from {low} to {high}"
        elif low is not None or high is not None:
            takes = f"a whole number of at least {low}" if low is not None else f"a whole number of at most {high}"
        else:
            takes = "a whole number"
        return f"{field} takes {takes}, in decimal digits: write the number the source prints"
    if any(kind is str for kind, _ in found):
        return f"{field} is text: put the value in quotes"
    return None


def describe_load_error(exc: YamlLoadError, model: type[BaseModel] | None) -> Diagnostic:
    """The loader's finding, with what the field takes when an integer is too large to read and ``model`` says."""
    diagnostic = exc.diagnostic
    if exc.out_of_range is None or model is None:
        return diagnostic
    hint = integer_hint(model, exc.out_of_range)
    return diagnostic if hint is None else dataclasses.replace(diagnostic, hint=hint)


def _not_a_real_date(value: object) -> bool:
    if not isinstance(value, str) or re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return True
    return False


def _field_name(loc: tuple[Any, ...]) -> str:
    """The key a finding is about, with the list position when it is an item: ``notices[1]``, ``units[0][2]``."""
    if not loc:
        return "value"
    index = len(loc)
    while index > 0 and isinstance(loc[index - 1], int):
        index -= 1
    head = str(loc[index - 1]) if index > 0 else "item"
    return head + "".join(f"[{step}]" for step in loc[index:])


def _message(error: ErrorDetails, model: type[BaseModel] | None) -> tuple[str, str | None]:
    kind = error["type"]
    loc = error["loc"]
    ctx = error.get("ctx") or {}
    field = _field_name(loc)
    if kind == "missing":
        return f"missing required key {field!r}", f"add `{field}:`"
    if kind == "extra_forbidden":
        allowed = [name for parent in (_models_at(model, loc[:-1]) if model else ()) for name in parent.model_fields]
        suggestion = _closest(field, allowed)
        if suggestion is not None:
            return f"unknown key {field!r}", f"did you mean {suggestion!r}? Otherwise remove it"
        return f"unknown key {field!r}", "remove it, or check its spelling against the schema"
    if kind in _TYPE_WORDS:
        found = error.get("input")
        expected = _expected(kind, model, loc)
        if found is None:  # a placeholder, as ``anwei new`` writes them, or a key left empty
            return f"{field}: not filled in yet (null); expected {expected}", "encode it from the source text"
        hint = f"{found} is not a real date" if kind == "date_type" and _not_a_real_date(found) else None
        return f"{field}: expected {expected}, found {_shown(found)}", hint
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        wanted = PATTERN_WORDS.get(pattern, f"text matching {pattern}")
        return f"{field}: {_shown(error.get('input'))} is not {wanted}", None
    if kind == "literal_error":
        suggestion = _closest(error.get("input"), re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        hint = f"did you mean {suggestion!r}?" if suggestion is not None else None
        return f"{field}: {_shown(error.get('input'))} is not one of {ctx.get('expected')}", hint
    if kind in ("greater_than_equal", "greater_than"):
        return f"{field}: {_shown(error.get('input'))} is too small (at least {ctx.get('ge', ctx.get('gt'))})", None
    if kind in ("less_than_equal", "less_than"):
        return f"{field}: {_shown(error.get('input'))} is too large (at most {ctx.get('le', ctx.get('lt'))})", None
    if kind in ("too_short", "string_too_short"):
        what = "some text" if kind == "string_too_short" else "at least one item"
        return f"{field}: must not be empty", f"give it {what}, as the source prints it"
    message = error["msg"]
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    return f"{field}: {message}", None


def describe_validation_error(
    exc: ValidationError, document: YamlDocument, model: type[BaseModel] | None = None
) -> list[Diagnostic]:
    """One diagnostic per pydantic error, located at the node (or the missing key's mapping).

    With the ``model`` the file was validated against, an unknown key gets the closest allowed key as a suggestion.
    """
    diagnostics = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        message, hint = _message(error, model)
        if error["type"] == "missing":
            location = document.locate(loc[:-1])
        elif error["type"] == "extra_forbidden":
            location = document.locate(loc, key=True)
        else:
            location = document.locate(loc)
        diagnostics.append(Diagnostic(codes.SCHEMA, Severity.ERROR, message, location, hint))
    return diagnostics
