"""Nothing a draft proposed is left undecided: proposed readings and links, provisional registry entries.

``anwei new --draft`` fills a notice from its text and marks what needs a person's judgement: an editorial record
with ``certainty: proposed`` (a character doubled across a page break, an English word in a Chinese sentence, a
paragraph joined after a sentence end), a ``misnumbered`` record with ``certainty: proposed`` (a number the
source skips or prints twice), a task's ``links`` with ``certainty: proposed`` (chosen by score, the
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
from ..models.source import NumberedAt, PersonEntry, UnitEntry, attachment_sequences, body_sequences

CODE = "AW901"
NAME = "pending-decision"
SEVERITY = Severity.ERROR
SUMMARY = "No proposed reading or link and no provisional registry entry is left for a person to decide."


def _proposed_records(ctx: CheckContext) -> Iterator[Diagnostic]:
    for item in ctx.clean_texts:
        for index, edit in enumerate(item.edits):
            if edit.certainty == "proposed":
                yield ctx.finding(
                    item.file,
                    item.edit_path(index) + ("certainty",),
                    f"{edit.kind} record of {edit.printed!r} proposed by the draft: {edit.note or 'decide the reading'}",
                    hint="decide the reading, then set certainty to certain, high, medium or low (or change the kind)",
                )


def _proposed_numbering(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        numbered: list[tuple[SourceFile[Any], dict[str, list[NumberedAt]]]] = []
        if notice.body.model is not None:
            numbered.append((notice.body, body_sequences(notice.body.model)))
        if notice.attachment.model is not None:
            numbered.append((notice.attachment, attachment_sequences(notice.attachment.model)))
        for file, sequences in numbered:
            for what, sequence in sequences.items():
                for path, entity in sequence:
                    record = entity.misnumbered
                    if record is not None and record.certainty == "proposed":
                        yield ctx.finding(
                            file,
                            path + ("misnumbered", "certainty"),
                            f"{what} {entity.number}: misnumbered record ({record.kind}) proposed by the draft: "
                            f"{record.note}",
                            hint="check the source's numbering here, then set certainty to certain, high, medium or "
                            "low (or correct the numbers and delete the record)",
                        )


def _proposed_links(ctx: CheckContext) -> Iterator[Diagnostic]:
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


def _provisional_entries(ctx: CheckContext) -> Iterator[Diagnostic]:
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


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _proposed_records(ctx)
    yield from _proposed_numbering(ctx)
    yield from _proposed_links(ctx)
    yield from _provisional_entries(ctx)
