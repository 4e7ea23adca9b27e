"""Every leader and unit name the task table uses stands in the source's task rows.

A task row prints its leaders by their registry names (two-character names padded, 王 珏) and its units by their
registry names, or by the attachment's ``spellings`` where the table spells a unit differently. When such a
name stands in no task row of the source at all, the name itself is wrong, not the rows: the finding points at
the one place the name is written (the registry entry, or the spelling) and names the tasks that use it and the
most similar name in their source rows. AW701 then leaves alone the rows whose only differences are such names,
so one misspelt name gives one finding instead of one per task.

Example of a finding: ``徐树洁 (xu-shujie), leader of tasks 1, 2, 9, …, stands in no task row of source.txt —
the rows print '徐树杰'``. Correct the name to the printed one (or record why it differs). Where the rows print a
two-character name unpadded (王华, not 王 华), the table does not pad: the hint says to set ``pads_short_names:
false`` in attachment.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..provenance import LEADER_CELLS
from .text_hygiene import spelled_out

CODE = "AW707"
NAME = "registry-name-in-source"
SEVERITY = Severity.ERROR
SUMMARY = "Every leader and unit name the task table uses is printed in some task row of the source."

SHOWN_TASKS = 6


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        for absent in ctx.provenance(notice).absent_names:
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
            if role == "leader" and absent.near is not None and absent.near == absent.name.replace(" ", ""):
                hint = f"the table prints two-character names unpadded: set pads_short_names: false in {notice.attachment.name}"
            yield ctx.finding(
                absent.file,
                absent.path,
                f"{spelled_out(absent.name)} ({absent.ident}), {role} of {noun} {tasks}, stands in no task row of "
                f"{notice.source_name}{near}",
                hint=hint,
            )
