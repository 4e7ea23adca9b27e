"""A list of references names each leader, unit or measure once, and no unit is both responsible and cooperating.

A task's ``leaders``, ``responsible_units``, ``cooperating_units`` and ``links.measures`` and each group of a
measure's ``units`` name every entry once, and a unit is either 责任单位 or 配合单位 of a task, not both. A repeat
is a slip in encoding (the same ID or number typed twice where another was meant); a measure linked twice would
give the release two identical links. Examples of findings:
``task 5 names 'emergency-bureau' as responsible and as cooperating unit``;
``task 5's links name measure 4 twice`` (at the repeat, with the hint
``remove this repeat of 4 from links.measures``). Remove the repeat, or put the unit or measure that was meant in its
place (``did you mean`` hints of AW301 help when the other ID is misspelt).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import Task, iter_measures

CODE = "AW311"
NAME = "repeated-reference"
SEVERITY = Severity.ERROR
SUMMARY = (
    "No leader, unit or linked measure is named twice in one list, nor a unit as both responsible and cooperating unit."
)


def _repeats(
    ctx: CheckContext, file: SourceFile[Any], path: YamlPath, ids: list[str], what: str
) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for index, ref in enumerate(ids):
        if ref in first:
            yield ctx.finding(
                file,
                path + (index,),
                f"{what} names {ref!r} twice",
                related=(file.locate(path + (first[ref],)),),
                related_label="first named here",
            )
        else:
            first[ref] = index


def _repeated_links(ctx: CheckContext, file: SourceFile[Any], path: YamlPath, task: Task) -> Iterator[Diagnostic]:
    """Each repeat of a measure in a task's ``links.measures``, at the repeat."""
    first: dict[int, int] = {}
    for index, number in enumerate(task.links.measures):
        if number in first:
            yield ctx.finding(
                file,
                path + ("links", "measures", index),
                f"task {task.number}'s links name measure {number} twice",
                hint=f"remove this repeat of {number} from links.measures",
                related=(file.locate(path + ("links", "measures", first[number])),),
                related_label="first linked here",
            )
        else:
            first[number] = index


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        if notice.body.model is not None:
            for at in iter_measures(notice.body.model):
                for g, group in enumerate(at.measure.units):
                    yield from _repeats(
                        ctx, notice.body, at.path + ("units", g), group, f"the unit list of measure {at.measure.number}"
                    )
        attachment = notice.attachment.model
        if attachment is None:
            continue
        for t, task in enumerate(attachment.tasks):
            path = ("tasks", t)
            for role in ("leaders", "responsible_units", "cooperating_units"):
                yield from _repeats(
                    ctx,
                    notice.attachment,
                    path + (role,),
                    getattr(task, role),
                    f"task {task.number}'s {role.replace('_', ' ')}",
                )
            yield from _repeated_links(ctx, notice.attachment, path, task)
            responsible = set(task.responsible_units)
            for u, uid in enumerate(task.cooperating_units):
                if uid in responsible:
                    yield ctx.finding(
                        notice.attachment,
                        path + ("cooperating_units", u),
                        f"task {task.number} names {uid!r} as responsible and as cooperating unit",
                        related=(
                            notice.attachment.locate(path + ("responsible_units", task.responsible_units.index(uid))),
                        ),
                        related_label="responsible unit here",
                    )
