"""Every unit ID a notice uses is in the unit registry.

Unit IDs appear in the unit lists of measures, in the 责任单位 and 配合单位 of tasks, in the table's spellings,
and as the issuer and addressee of a notice. A misspelt ID is reported with the closest registry ID, found by
ID or by printed name: ``unknown unit 'emergency-bureu' — did you mean 'emergency-bureau'?``. Add the unit to
``registry/units.yaml`` if it is new.

An unknown ID is reported once per file, at its first reference, with the number of references and the lines
of the others, so a unit renamed in the registry alone gives one finding per file rather than one per use.

A draft's provisional ID (``provisional-unit-1``) that the registry no longer has was most likely given its
stable ID there, as docs/adding-a-notice.md asks: the hint then says to replace it with the entry's new ID (the
ID of the name a text prints at one of its places) in every file that uses it, naming the files.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import iter_measures
from ..references import unit_references
from ..unit_lists import printed_name_at

CODE = "AW301"
NAME = "unknown-unit"
SEVERITY = Severity.ERROR
SUMMARY = "Every unit reference resolves to the unit registry."


def _printed_names(ctx: CheckContext) -> dict[tuple[str, YamlPath], tuple[str, str]]:
    """Each measure's unit reference → the name its text's unit list prints at that place, and that name's ID."""
    printed = {}
    for notice in ctx.notices:
        if notice.body.model is None:
            continue
        jurisdiction = ctx.jurisdiction(notice)
        for at in iter_measures(notice.body.model):
            for g, group in enumerate(at.measure.units):
                for u in range(len(group)):
                    name = printed_name_at(at.measure.text, g, u)
                    uid = None if name is None else ctx.unit_named(name, jurisdiction)
                    if name is not None and uid is not None:
                        printed[(notice.body.name, at.path + ("units", g, u))] = (name, uid)
    return printed


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    if ctx.corpus.units.model is None:
        return
    yield from ctx.unknown_references(
        (reference for notice in ctx.notices for reference in unit_references(notice)),
        ctx.unit_ids,
        ctx.suggest_unit,
        "unit",
        hint="use an ID from registry/units.yaml, or add the unit there",
        registry=ctx.corpus.units.name,
        printed=_printed_names(ctx),
    )
