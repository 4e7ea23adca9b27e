"""A printed name belongs to one unit only: names and aliases are unique across the unit registry.

Printed names are how a unit list in the text is resolved to IDs. If 区绿容局 were the alias of two units, the
list of measure 4 could not be resolved. A name that repeats within one entry (as its name and again as an
alias) is reported too. Remove the repeat, or decide which unit the name belongs to.

Example of a finding: ``name '区应急局' is already a name of unit 'emergency-bureau'``, with the first place
it is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity, YamlPath

CODE = "AW306"
NAME = "duplicate-alias"
SEVERITY = Severity.ERROR
SUMMARY = "Unit names and aliases are unique across the registry."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    units = ctx.corpus.units.model
    if units is None:
        return
    owner: dict[str, tuple[str, tuple[Any, ...]]] = {}
    for index, unit in enumerate(units.units):
        names: list[tuple[YamlPath, str]] = [(("units", index, "name"), unit.name)]
        names += [(("units", index, "aliases", a), alias) for a, alias in enumerate(unit.aliases)]
        for path, name in names:
            if name in owner:
                other_id, other_path = owner[name]
                whose = "this unit" if other_id == unit.id else f"unit {other_id!r}"
                yield ctx.finding(
                    ctx.corpus.units,
                    path,
                    f"name {name!r} is already a name of {whose}",
                    related=(ctx.corpus.units.locate(other_path),),
                    related_label="first given here",
                )
            else:
                owner[name] = (unit.id, path)
