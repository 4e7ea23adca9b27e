"""Every leader and unit name the task table uses stands in the source's task rows.

A task row prints its leaders by their registry names (two-character names padded, 王 珏) and its units by their
registry names, or by the attachment's ``spellings`` where the table spells a unit differently. When such a
name stands in no task row of the source at all, the name itself is wrong, not the rows: the finding points at
the one place the name is written (the registry entry, or the spelling) and names the tasks that use it and the
most similar name in their source rows. AW701 then leaves alone the rows whose only differences are such names,
so one misspelt name gives one finding instead of one per task.

Example of a finding: ``徐树洁 (xu-shujie), leader of tasks 1, 2, 9, …, stands in no task row of source.txt —
the rows print '徐树杰'``. Correct the name to the printed one (or record why it differs). Where the rows print a
two-character name in the other padding than ``pads_short_names`` says (王华 where the table is said to pad, or
王 华 where it is said not to), one finding at that setting names them all and says how to set it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..corpus import NoticeSource
from ..diagnostics import Diagnostic, Severity
from ..provenance import LEADER_CELLS, AbsentName, source_task_rows
from .text_hygiene import spelled_out

CODE = "AW707"
NAME = "registry-name-in-source"
SEVERITY = Severity.ERROR
SUMMARY = "Every leader and unit name the task table uses is printed in some task row of the source."

SHOWN_TASKS = 6


def _padding_is_wrong(notice: NoticeSource, absent: AbsentName) -> bool:
    """Whether a leader's name stands in the source's leader cells in the other padding (王 珏 for 王珏, or back)."""
    name = absent.name.replace(" ", "")
    if absent.cells != LEADER_CELLS or len(name) != 2 or notice.attachment.model is None:
        return False
    other = name if notice.attachment.model.pads_short_names else f"{name[0]} {name[1]}"
    width = len(notice.attachment.model.columns)
    rows = source_task_rows(notice.source_text or "", width).values()
    return any(other in row[cell] for row in rows for cell in LEADER_CELLS)


def _padding_finding(ctx: CheckContext, notice: NoticeSource, names: list[AbsentName]) -> Diagnostic:
    """One finding for every leader the table pads otherwise than ``pads_short_names`` says, at that setting."""
    attachment = notice.attachment.model
    assert attachment is not None
    pads = attachment.pads_short_names
    listed = "、".join(spelled_out(absent.name) for absent in names)
    given = "pads_short_names" in attachment.model_fields_set
    if pads:
        hint = "set pads_short_names: false" if given else f"add pads_short_names: false to {notice.attachment.name}"
    else:
        hint = "delete the pads_short_names line (the table pads them, as is the default)"
    return ctx.finding(
        notice.attachment,
        ("pads_short_names",) if given else (),
        f"the table prints two-character names {'unpadded' if pads else 'padded'} ({listed}), but pads_short_names is "
        f"{'true' if pads else 'false'}",
        hint=hint,
    )


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        absents = ctx.provenance(notice).absent_names
        padding = [absent for absent in absents if _padding_is_wrong(notice, absent)]
        if padding:
            yield _padding_finding(ctx, notice, padding)
        for absent in absents:
            if absent in padding:
                continue
            role = "leader" if absent.cells == LEADER_CELLS else "unit"
            tasks = ", ".join(map(str, absent.tasks[:SHOWN_TASKS])) + (", …" if len(absent.tasks) > SHOWN_TASKS else "")
            noun = "task" if len(absent.tasks) == 1 else "tasks"
            near = f" — the rows print {absent.near!r}" if absent.near else ""
            hint = "correct the name to the one the table prints; AW701 is silent on the rows it makes differ"
            if role == "unit" and absent.near is not None and absent.path[0] == "units":
                # the registry name is the body's: a table that spells the unit otherwise records its spelling
                hint = (
                    f"if the table spells the unit otherwise than the body, add to the spellings of "
                    f"{notice.attachment.name}: {{unit: {absent.ident}, printed: {absent.near}}}; else correct the "
                    "name to the one the table prints"
                )
            yield ctx.finding(
                absent.file,
                absent.path,
                f"{spelled_out(absent.name)} ({absent.ident}), {role} of {noun} {tasks}, stands in no task row of "
                f"{notice.source_name}{near}",
                hint=hint,
            )
