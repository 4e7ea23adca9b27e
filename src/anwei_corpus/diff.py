"""Compare two versions of the corpus in its own terms, and say which version bump the changes need.

Entities are matched by ID. A unit or person whose ID changed while its name stayed is reported once, as a
changed ID, and the links that follow it are not reported again.

What each kind of change needs (see docs/maintainers.md, Versions and the CHANGELOG):

- **major**: an entity removed, an ID changed, a link or listed value removed, a field emptied;
- **minor**: an entity added, a link or listed value added, a field filled where it was empty;
- **patch**: a text corrected, a value corrected, an order or grouping changed, an editorial record changed.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum
from itertools import chain
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from .models.common import NUMBER_LINK, REGISTRY_LINK, REGISTRY_MARK, Link
from .models.release import (
    ENTITY_LISTS,
    NUMBERED_LISTS,
    Category,
    Corpus,
    Measure,
    Notice,
    Part,
    Person,
    Section,
    Task,
    Unit,
)


def _links_in(annotation: Any, metadata: Sequence[Any] = ()) -> tuple[Link, int] | None:
    """The kind of link a field's type holds, and how deep in lists (0 a single value, 1 a list, 2 a list of
    lists); None for a field that links to nothing."""
    for item in metadata:
        if isinstance(item, Link):
            return item, 0
        extra = getattr(item, "json_schema_extra", None)  # a Field(...) of the type
        if isinstance(extra, dict) and REGISTRY_MARK in extra:
            return REGISTRY_LINK, 0
    if get_origin(annotation) is Annotated:
        inner, *extras = get_args(annotation)
        return _links_in(inner, extras)
    if get_origin(annotation) is list:
        inside = _links_in(get_args(annotation)[0])
        return None if inside is None else (inside[0], inside[1] + 1)
    for arm in get_args(annotation) if get_origin(annotation) in (Union, UnionType) else ():
        inside = _links_in(arm)
        if inside is not None:
            return inside
    return None


def link_fields(models: Iterable[type[BaseModel]]) -> dict[str, tuple[Link, int]]:
    """Every field of the models whose type is marked as a link (see ``models.common.Link``), by name."""
    return {
        name: found
        for model in models
        for name, info in model.model_fields.items()
        if (found := _links_in(info.annotation, [*info.metadata, info])) is not None
    }


_LINKS = link_fields([Notice, Part, Section, Measure, Category, Task, Unit, Person])
REGISTRY_LINKS = {name for name, (kind, depth) in _LINKS.items() if kind == REGISTRY_LINK and depth == 1}
REGISTRY_FIELDS = {name for name, (kind, depth) in _LINKS.items() if kind == REGISTRY_LINK}  # renames apply
NUMBER_LINKS = {name for name, (kind, depth) in _LINKS.items() if kind == NUMBER_LINK and depth == 1}
SCALAR_LINKS = {name for name, (_, depth) in _LINKS.items() if depth == 0}
GROUPINGS = {name for name, (_, depth) in _LINKS.items() if depth == 2}  # lists of lists, as unit_groups
VALUE_LISTS = {"aliases", "absent_elements"}
DERIVED = {"id", "number"}  # the number is part of the ID
CONTEXT_CHARS = 8
Action = Literal["added", "removed", "changed", "id-changed"]


class Bump(StrEnum):
    """A semantic version bump, from none to major."""

    NONE = "none"
    PATCH = "patch"
    MINOR = "minor"
    MAJOR = "major"

    @property
    def rank(self) -> int:
        """0 for none up to 3 for major, for comparing bumps."""
        return list(Bump).index(self)


class Change(BaseModel):
    """One difference between two corpora, with the bump it needs and why."""

    model_config = ConfigDict(frozen=True)

    entity: str = Field(
        description="Kind of entity: notice, part, section, measure, category, task, unit, "
        "person or editorial (a record of the entity named by `id`)."
    )
    id: str = Field(description="ID of the entity (the old ID when the ID changed).")
    action: Action
    field: str | None = Field(default=None, description="The field that changed; null when a whole entity did.")
    old: JsonValue = Field(default=None, description="What OLD has: the value, or what was removed.")
    new: JsonValue = Field(default=None, description="What NEW has: the value, or what was added.")
    inline: str | None = Field(default=None, description="For a text: the character diff, [-old-]{+new+}.")
    bump: Bump = Field(description="The version bump this change needs.")
    reason: str = Field(description="What kind of change it is, e.g. 'text corrected', 'link added'.")


class CorpusDiff(BaseModel):
    """What changed from OLD to NEW, the bump that needs, and whether NEW's corpus version makes it."""

    model_config = ConfigDict(frozen=True)

    old_version: str
    new_version: str
    old_schema_version: str
    new_schema_version: str
    changes: list[Change]
    required_bump: Bump
    actual_bump: Bump | Literal["downgrade"]
    bump_ok: bool

    def count(self, bump: Bump) -> int:
        """How many changes need this bump."""
        return sum(1 for change in self.changes if change.bump is bump)


MAX_INLINE_PRODUCT = 2_000_000  # len(old) * len(new) beyond which the character diff is the changed middle only


def _opcodes(old: str, new: str) -> Sequence[tuple[str, int, int, int, int]]:
    """The edit steps from ``old`` to ``new``; for long texts, the common head and tail and one replaced middle.

    The full character diff is quadratic; two 10,000-character texts would take tens of seconds.
    """
    if len(old) * len(new) <= MAX_INLINE_PRODUCT:
        return difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    head = len(os.path.commonprefix([old, new]))
    tail = len(os.path.commonprefix([old[head:][::-1], new[head:][::-1]]))
    steps = [("equal", 0, head, 0, head)] if head else []
    steps.append(("replace", head, len(old) - tail, head, len(new) - tail))
    if tail:
        steps.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return steps


def inline_diff(old: str, new: str, context: int = CONTEXT_CHARS) -> str:
    """A character diff of two texts: ``…安全[-在-]{+右+}转必停…``, keeping ``context`` characters around changes."""
    pieces = []
    opcodes = _opcodes(old, new)
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            same = old[i1:i2]
            first, last = index == 0, index == len(opcodes) - 1
            if first and len(same) > context:
                same = "…" + same[-context:]
            elif last and len(same) > context:
                same = same[:context] + "…"
            elif not first and not last and len(same) > 2 * context:
                same = same[:context] + "…" + same[-context:]
            pieces.append(same)
        else:
            if i2 > i1:
                pieces.append(f"[-{old[i1:i2]}-]")
            if j2 > j1:
                pieces.append(f"{{+{new[j1:j2]}+}}")
    return "".join(pieces)


def _as_list(value: JsonValue) -> list[JsonValue]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


@dataclass
class _FieldChanges:
    """The changes of one entity's fields, as they are found."""

    entity: str
    entity_id: str
    changes: list[Change] = dc_field(default_factory=list)

    def add(
        self,
        action: Action,
        bump: Bump,
        reason: str,
        field: str,
        old: JsonValue = None,
        new: JsonValue = None,
        inline: str | None = None,
    ) -> None:
        self.changes.append(
            Change(
                entity=self.entity,
                id=self.entity_id,
                action=action,
                field=field,
                old=old,
                new=new,
                inline=inline,
                bump=bump,
                reason=reason,
            )
        )


def _with_new_ids(field: str, value: Any, renames: dict[str, str]) -> Any:
    """An old value with renamed registry IDs replaced by their new IDs, so that a rename counts once."""
    if field not in REGISTRY_FIELDS:
        return value
    if field in GROUPINGS:
        return [[renames.get(v, v) for v in group] for group in value or []]
    if isinstance(value, list):
        return [renames.get(v, v) for v in value]
    return renames.get(value, value) if isinstance(value, str) else value


def _compare_list(out: _FieldChanges, field: str, before: JsonValue, after: JsonValue) -> None:
    kind = "value" if field in VALUE_LISTS else "link"
    removed = [v for v in _as_list(before) if v not in _as_list(after)]
    added = [v for v in _as_list(after) if v not in _as_list(before)]
    if removed:
        out.add("removed", Bump.MAJOR, f"{kind} removed", field, old=removed)
    if added:
        out.add("added", Bump.MINOR, f"{kind} added", field, new=added)
    if not removed and not added:
        out.add("changed", Bump.PATCH, "order changed", field, before, after)


def _compare_value(out: _FieldChanges, field: str, before: JsonValue, after: JsonValue) -> None:
    if field in SCALAR_LINKS:
        if before is None:
            out.add("added", Bump.MINOR, "link added", field, new=after)
        else:
            out.add(
                "changed", Bump.MAJOR, "link changed" if after is not None else "link removed", field, before, after
            )
    elif before is None:
        out.add("added", Bump.MINOR, "value added", field, new=after)
    elif after is None:
        out.add("removed", Bump.MAJOR, "value removed", field, old=before)
    elif isinstance(before, str) and isinstance(after, str):
        out.add("changed", Bump.PATCH, "text corrected", field, before, after, inline_diff(before, after))
    else:
        out.add("changed", Bump.PATCH, "value corrected", field, before, after)


def _compare_fields(
    entity: str, entity_id: str, old: dict[str, Any], new: dict[str, Any], renames: dict[str, str]
) -> list[Change]:
    out = _FieldChanges(entity, entity_id)
    for field in [*new, *(name for name in old if name not in new)]:
        if field in DERIVED:
            continue
        before, after = _with_new_ids(field, old.get(field), renames), new.get(field)
        if before == after:
            continue
        if field in REGISTRY_LINKS | NUMBER_LINKS | VALUE_LISTS:
            _compare_list(out, field, before, after)
        elif field in GROUPINGS:
            if list(chain(*before)) == list(chain(*(after or []))):  # otherwise the change of `units` says it
                out.add("changed", Bump.PATCH, "grouping changed", field, before, after)
        else:
            _compare_value(out, field, before, after)
    return out.changes


def _label(item: dict[str, Any]) -> str:
    return item.get("name") or item.get("title") or ""


def _compare_entities(
    entity: str, old: Iterable[dict[str, Any]], new: Iterable[dict[str, Any]], renames: dict[str, str]
) -> list[Change]:
    old_by_id = {item["id"]: item for item in old}
    new_by_id = {item["id"]: item for item in new}
    changes: list[Change] = []
    matched = set()
    for old_id, before in old_by_id.items():
        new_id = renames.get(old_id, old_id)
        if new_id not in new_by_id:
            changes.append(
                Change(
                    entity=entity,
                    id=old_id,
                    action="removed",
                    old=_label(before),
                    bump=Bump.MAJOR,
                    reason=f"{entity} removed",
                )
            )
            continue
        matched.add(new_id)
        if new_id != old_id:
            changes.append(
                Change(
                    entity=entity,
                    id=old_id,
                    action="id-changed",
                    field="id",
                    old=old_id,
                    new=new_id,
                    bump=Bump.MAJOR,
                    reason="ID changed",
                )
            )
        changes += _compare_fields(entity, new_id, before, new_by_id[new_id], renames)
    for new_id, after in new_by_id.items():
        if new_id not in matched:
            changes.append(
                Change(
                    entity=entity,
                    id=new_id,
                    action="added",
                    new=_label(after),
                    bump=Bump.MINOR,
                    reason=f"{entity} added",
                )
            )
    return changes


def _renamed_ids(old: Iterable[dict[str, Any]], new: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Old ID → new ID for entries whose ID went while one with the same name came."""
    old_by_id = {item["id"]: item for item in old}
    new_by_id = {item["id"]: item for item in new}
    arrived = {item["name"]: item_id for item_id, item in new_by_id.items() if item_id not in old_by_id}
    return {
        old_id: arrived[item["name"]]
        for old_id, item in old_by_id.items()
        if old_id not in new_by_id and item["name"] in arrived
    }


def _editorial_key(record: dict[str, Any]) -> str:
    return f"{record['printed']} → {record['reading']}"


def _compare_editorial(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[Change]:
    changes = []
    sides: tuple[tuple[Action, list[dict[str, Any]], list[dict[str, Any]]], ...] = (
        ("removed", old, new),
        ("added", new, old),
    )
    for action, records, others in sides:
        for record in records:
            if record not in others:
                value = _editorial_key(record)
                changes.append(
                    Change(
                        entity="editorial",
                        id=record["entity"],
                        field=record["field"],
                        action=action,
                        old=value if action == "removed" else None,
                        new=value if action == "added" else None,
                        bump=Bump.PATCH,
                        reason=f"editorial record {action}",
                    )
                )
    return changes


def _version(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in text.split("."))
    return major, minor, patch


def version_bump(old: str, new: str) -> Bump | Literal["downgrade"]:
    """The bump that takes version ``old`` to ``new``: none, patch, minor, major, or downgrade if ``new`` is lower."""
    before, after = _version(old), _version(new)
    if after < before:
        return "downgrade"
    if after == before:
        return Bump.NONE
    if after[0] > before[0]:
        return Bump.MAJOR
    return Bump.MINOR if after[1] > before[1] else Bump.PATCH


def compare(old: Corpus, new: Corpus) -> CorpusDiff:
    """Every difference from ``old`` to ``new``, the bump it needs, and whether ``new``'s corpus version makes it."""
    old_units, new_units = ([u.model_dump(mode="json") for u in corpus.units] for corpus in (old, new))
    old_people, new_people = ([p.model_dump(mode="json") for p in corpus.people] for corpus in (old, new))
    renames = {**_renamed_ids(old_units, new_units), **_renamed_ids(old_people, new_people)}
    changes = _compare_entities("unit", old_units, new_units, renames)
    changes += _compare_entities("person", old_people, new_people, renames)

    lists = set(ENTITY_LISTS)
    old_notices, new_notices_dumped = (
        [n.model_dump(mode="json", exclude=lists) for n in corpus.notices] for corpus in (old, new)
    )
    changes += _compare_entities("notice", old_notices, new_notices_dumped, renames)
    new_notices = {notice.id: notice for notice in new.notices}
    for old_notice in old.notices:
        new_notice = new_notices.get(old_notice.id)
        if new_notice is None:
            continue
        for attr, entity in NUMBERED_LISTS.items():
            before, after = ([e.model_dump(mode="json") for e in getattr(n, attr)] for n in (old_notice, new_notice))
            changes += _compare_entities(entity, before, after, renames)
        old_records, new_records = ([r.model_dump(mode="json") for r in n.editorial] for n in (old_notice, new_notice))
        changes += _compare_editorial(old_records, new_records)

    required = max((change.bump for change in changes), key=lambda bump: bump.rank, default=Bump.NONE)
    actual = version_bump(old.corpus_version, new.corpus_version)
    return CorpusDiff(
        old_version=old.corpus_version,
        new_version=new.corpus_version,
        old_schema_version=old.schema_version,
        new_schema_version=new.schema_version,
        changes=changes,
        required_bump=required,
        actual_bump=actual,
        bump_ok=actual != "downgrade" and actual.rank >= required.rank,
    )


def load_any(path: str | os.PathLike[str]) -> Corpus:
    """A corpus from a YAML corpus folder, a release folder or a release's ``anwei-corpus.json``.

    Raises what ``load`` and ``load_release`` raise: CorpusUnreadable, CorpusInvalid or ReleaseUnreadable.
    """
    from .api import load, load_release
    from .release_layout import RELEASE_FILE

    target = Path(path)
    if target.is_file() or (target / RELEASE_FILE).is_file():
        return load_release(target)
    return load(target)
