"""A corpus diff as text (for terminals), JSON (for machines) and Markdown (for a pull-request comment)."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..diff import Bump, Change, CorpusDiff
from ..printable import printable

BUMPS_DOWN = (Bump.MAJOR, Bump.MINOR, Bump.PATCH)


def _value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _describe(change: Change, code: Callable[[str], str]) -> str:
    subject = f"{change.entity} {code(change.id)}"
    if change.action == "id-changed":
        return f"{subject}: ID changed to {code(str(change.new))}"
    if change.field is None:
        label = change.new if change.action == "added" else change.old
        return f"{subject} {change.action}" + (f" ({label})" if label else "")
    if change.inline is not None:
        detail = code(change.inline)
    elif change.action == "added":
        detail = code(_value(change.new))
    elif change.action == "removed":
        detail = code(_value(change.old))
    else:
        detail = f"{code(_value(change.old))} → {code(_value(change.new))}"
    return f"{subject} {change.field}: {change.reason}: {detail}"


def verdict(diff: CorpusDiff) -> str:
    """One sentence: the bump the changes need and whether NEW's corpus version makes it."""
    step = f"{diff.old_version} → {diff.new_version}"
    if diff.actual_bump == "downgrade":
        made = f"{step} goes down"
    elif diff.actual_bump is Bump.NONE:
        made = f"{step} is no bump"
    else:
        made = f"{step} is a {diff.actual_bump.value} bump"
    need = "needs no bump" if diff.required_bump is Bump.NONE else f"needs a {diff.required_bump.value} bump"
    return f"{need}; {made}: {'ok' if diff.bump_ok else 'not enough'}"


def _counts(diff: CorpusDiff) -> str:
    return ", ".join(f"{diff.count(bump)} {bump.value}" for bump in BUMPS_DOWN)


def render_text(diff: CorpusDiff) -> str:
    """Versions, verdict, then one line a change, most serious first."""
    lines = [
        (
            f"corpus {diff.old_version} → {diff.new_version} (schema {diff.old_schema_version} → "
            f"{diff.new_schema_version}): {len(diff.changes)} change(s): {_counts(diff)}"
        ),
        verdict(diff),
    ]
    for bump in BUMPS_DOWN:
        described = [printable(_describe(change, str)) for change in diff.changes if change.bump is bump]
        if described:
            lines += ["", *(f"{bump.value:<5}  {line}" for line in described)]
    return "\n".join(lines) + "\n"


def render_json(diff: CorpusDiff) -> str:
    """The diff as a JSON document: a format version, counts by bump, then every field of CorpusDiff."""
    document = {
        "version": 1,
        "summary": {bump.value: diff.count(bump) for bump in BUMPS_DOWN},
        **diff.model_dump(mode="json"),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}"


def render_markdown(diff: CorpusDiff) -> str:
    """A heading, the verdict, counts in a table and the changes as lists under their bump, for a PR comment."""
    lines = [
        f"### Corpus changes {diff.old_version} → {diff.new_version}",
        "",
        f"{'✅' if diff.bump_ok else '❌'} This change {verdict(diff)}.",
        "",
        "| major | minor | patch |",
        "|------:|------:|------:|",
        "| " + " | ".join(str(diff.count(bump)) for bump in BUMPS_DOWN) + " |",
    ]
    if diff.old_schema_version != diff.new_schema_version:
        lines[2:2] = [f"Schema {diff.old_schema_version} → {diff.new_schema_version}.", ""]
    for bump in BUMPS_DOWN:
        described = [printable(_describe(change, _code)) for change in diff.changes if change.bump is bump]
        if described:
            lines += ["", f"#### {bump.value.capitalize()}", "", *(f"- {line}" for line in described)]
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[CorpusDiff], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
