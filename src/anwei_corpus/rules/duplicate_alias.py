"""A printed name belongs to one unit only: names and aliases are unique within each jurisdiction.

Printed names are how a unit list in the text is resolved to IDs. If 区绿容局 were the alias of two units, the
list of measure 4 could not be resolved. A name that repeats within one entry (as its name and again as an
alias) is reported too. Remove the repeat, or decide which unit the name belongs to. Units of different
jurisdictions may share a name (普陀区's 区应急局 and 静安区's); a unit of no jurisdiction shares its names with
none, since a notice of any jurisdiction may name it.

Example of a finding: ``name '区应急局' is already a name of unit 'emergency-bureau'``, with the first place
it is given.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity, YamlPath

CODE = "AW306"
NAME = "duplicate-alias"
SEVERITY = Severity.ERROR
SUMMARY = "Unit names and aliases are unique within each jurisdiction of the registry."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    units = ctx.corpus.units.model
    if units is None:
        return
    owners: dict[str, list[tuple[str, str | None, YamlPath]]] = {}  # name → (ID, jurisdiction, path) so far
    for index, unit in enumerate(units.units):
        names: list[tuple[YamlPath, str]] = [(("units", index, "name"), unit.name)]
        names += [(("units", index, "aliases", a), alias) for a, alias in enumerate(unit.aliases)]
        for path, name in names:
            clash = next(
                (
                    (other_id, other_path)
                    for other_id, other_jurisdiction, other_path in owners.get(name, [])
                    if None in (unit.jurisdiction, other_jurisdiction) or unit.jurisdiction == other_jurisdiction
                ),
                None,
            )
            if clash is not None:
                other_id, other_path = clash
                whose = "this unit" if other_id == unit.id else f"unit {other_id!r}"
                yield ctx.finding(
                    ctx.corpus.units,
                    path,
                    f"name {name!r} is already a name of {whose}",
                    related=(ctx.corpus.units.locate(other_path),),
                    related_label="first given here",
                )
            else:
                owners.setdefault(name, []).append((unit.id, unit.jurisdiction, path))
