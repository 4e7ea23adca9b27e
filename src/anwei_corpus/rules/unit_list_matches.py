"""A measure's ``units`` say the same as the unit list printed at the end of its text.

Each measure's text ends with the parenthesised list of units responsible for it, and ``units`` records that
list as registry IDs, grouped where the list is split by full-width commas. Every printed name must be a name
or alias of the unit at the same place in ``units``, and the groups must match. For example, with the text
ending （区应急局、区消防救援支队） the units must be ``[[emergency-bureau, fire-rescue-detachment]]``. An ID the registry does not hold is left to AW301.
A measure the source prints without a unit list has ``units: []``; its text may still end in parentheses that
name no unit and have no body's shape (（2021-2023）, （一期）).

A printed name that is no unit's name or alias is a new unit or another spelling of a known one. The hint names
a unit to add it to as an alias only when it very likely is that unit: it differs from one of the unit's names by
the district's prefix (消防救援支队 / 区消防救援支队) or a parenthesised note, or abbreviates or expands it
(区绿容局 / 区绿化市容局). Names one character or one word apart are often different bodies (区委办 / 区委编办),
so otherwise the closest unit is offered as a possibility:
``add the unit to registry/units.yaml or, if it is 'establishment-office' (区委编办), add '区委办' to its aliases``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..context import CheckContext
from ..corpus import NoticeSource
from ..diagnostics import Diagnostic, Severity
from ..models.source import MeasureAt, iter_measures
from ..unit_lists import assignment_names, is_unit_list, split_assignment

if TYPE_CHECKING:
    from ..unit_names import NameMatch

CODE = "AW308"
NAME = "unit-list-matches"
SEVERITY = Severity.ERROR
SUMMARY = "A measure's unit IDs match the unit list printed at the end of its text."


def _names(ctx: CheckContext, notice: NoticeSource, at: MeasureAt, printed: list[list[str]]) -> Iterator[Diagnostic]:
    """Each printed name against the ID at its place in ``units``."""
    measure, jurisdiction = at.measure, ctx.jurisdiction(notice)
    for g, (names, ids) in enumerate(zip(printed, measure.units, strict=False)):
        for u, (name, uid) in enumerate(zip(names, ids, strict=False)):
            owners = ctx.units_named(name)
            if uid in owners:
                continue  # the name is this unit's (whether the notice may name the unit is AW315's)
            if not owners:
                yield ctx.finding(
                    notice.body,
                    at.path + ("text",),
                    f"measure {measure.number}: printed unit {name!r} is no unit's name or alias",
                    hint=_unknown_name_hint(name, ctx.unit_of_printed_name(name, jurisdiction)),
                )
            elif uid in ctx.unit_ids:  # an unknown ID is AW301's
                resolved = ctx.unit_named(name, jurisdiction) or owners[0]
                yield ctx.finding(
                    notice.body,
                    at.path + ("units", g, u),
                    f"measure {measure.number}: {uid!r} stands where the text prints {name!r} ({resolved!r})",
                )


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    if ctx.corpus.units.model is None:
        return
    for notice in ctx.notices:
        if notice.body.model is None:
            continue
        for at in iter_measures(notice.body.model):
            measure = at.measure
            split = split_assignment(measure.text)
            if split is None:
                if measure.units:  # no list printed, none encoded: nothing to compare
                    yield ctx.finding(
                        notice.body,
                        at.path + ("text",),
                        f"measure {measure.number} does not end with a parenthesised unit list",
                        hint="restore the unit list the source prints at the end of the text; "
                        "if it prints none, set units: []",
                    )
                continue
            if not measure.units and not is_unit_list(split[1], lambda name: bool(ctx.units_named(name))):
                continue  # parentheses of the text, no unit list: （2021-2023）
            printed = assignment_names(split[1])
            if [len(group) for group in printed] != [len(group) for group in measure.units]:
                yield ctx.finding(
                    notice.body,
                    at.path + ("units",),
                    f"measure {measure.number}: the printed list {split[1]} has groups of "
                    f"{[len(g) for g in printed]} names, units has {[len(g) for g in measure.units]}",
                    hint="one inner list per group separated by ，, one ID per name separated by 、",
                )
                continue
            yield from _names(ctx, notice, at, printed)


def _unknown_name_hint(printed: str, match: NameMatch | None) -> str:
    """Name a unit as the printed name's only when it very likely is that unit; else offer the closest as a maybe."""
    if match is None:
        return (
            f"add the unit to registry/units.yaml or, if a unit there is the same body, add {printed!r} to its aliases"
        )
    if match.kinship is None:
        return (
            f"add the unit to registry/units.yaml or, if it is {match.unit!r} ({match.name}), "
            f"add {printed!r} to its aliases"
        )
    why = match.kinship.value.format(name=match.name)
    return f"add {printed!r} to the aliases of {match.unit!r} in registry/units.yaml: {why}"
