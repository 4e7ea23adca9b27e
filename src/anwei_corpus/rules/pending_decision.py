"""Nothing a draft proposed is left undecided: proposed readings and links, provisional registry entries.

``anwei new --draft`` fills a notice from its text and marks what needs a person's judgement: an editorial record
with ``certainty: proposed`` (a character doubled across a page break, an English word in a Chinese sentence, a
paragraph joined after a sentence end), a task's ``links`` with ``certainty: proposed`` (chosen by score, the
scores in the rationale), and a unit or person with ``provisional: true`` (a name the registry lacked). Each is
reported until decided, and as an error, so that nothing proposed reaches a release. Example of a finding:
``task 5: link to measure(s) 4 proposed by the draft; confirm it or choose the measures``. Decide, then set the
record's certainty (certain, high, medium, low) or change its kind, delete the link's ``certainty`` line, or check
the entry's name, kind and ID and delete ``provisional``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity
from ..models.source import PersonEntry, UnitEntry

CODE = "AW901"
NAME = "pending-decision"
SEVERITY = Severity.ERROR
SUMMARY = "No proposed reading or link and no provisional registry entry is left for a person to decide."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for item in ctx.clean_texts:
        for index, edit in enumerate(item.edits):
            if edit.certainty == "proposed":
                yield ctx.finding(
                    item.file,
                    item.edit_path(index) + ("certainty",),
                    f"{edit.kind} record of {edit.printed!r} proposed by the draft: {edit.note or 'decide the reading'}",
                    hint="decide the reading, then set certainty to certain, high, medium or low (or change the kind)",
                )
    for notice, attachment in ctx.notices_with("attachment"):
        for index, task in enumerate(attachment.tasks):
            if task.links.certainty == "proposed":
                numbers = ", ".join(map(str, task.links.measures))
                proposed = f"link to measure(s) {numbers}" if numbers else f"basis {task.links.basis}"
                yield ctx.finding(
                    notice.attachment,
                    ("tasks", index, "links", "certainty"),
                    f"task {task.number}: {proposed} proposed by the draft ({task.links.rationale})",
                    hint="confirm the measures or choose others, write the rationale, then delete the certainty line",
                )
    registries: list[tuple[SourceFile[Any], str, Sequence[UnitEntry | PersonEntry]]] = []
    if ctx.corpus.units.model is not None:
        registries.append((ctx.corpus.units, "units", ctx.corpus.units.model.units))
    if ctx.corpus.people.model is not None:
        registries.append((ctx.corpus.people, "people", ctx.corpus.people.model.people))
    for file, key, entries in registries:
        checked = "the kind and the ID" if key == "units" else "the ID"
        for index, entry in enumerate(entries):
            if entry.provisional:
                yield ctx.finding(
                    file,
                    (key, index, "provisional"),
                    f"{entry.name} is a provisional entry ({entry.id}) added by a draft for a name the registry lacked",
                    hint=f"check the name (an alias of an existing entry?), {checked}, then delete provisional",
                )
