"""Nothing a draft proposed is left undecided: proposed readings and links, provisional registry entries.

``anwei new --draft`` fills a notice from its text and marks what needs a person's judgement: an editorial record
with ``certainty: proposed`` (a character doubled across a page break, an English word in a Chinese sentence, a
paragraph joined after a sentence end), a ``misnumbered`` record with ``certainty: proposed`` (a number the
source skips or prints twice), a task's ``links`` with ``certainty: proposed`` (chosen by score, the
scores in the rationale), and a unit or person with ``provisional: true`` (a name the registry lacked). Each is
reported until decided, and as an error, so that nothing proposed reaches a release. Example of a finding:
``task 5: link to measure(s) 4 proposed by the draft; confirm it or choose the measures``. Decide, then set the
record's certainty (certain, high, medium, low) or change its kind, delete the link's ``certainty`` line, or check
the entry's name, kind and ID and delete ``provisional``. The draft's notes and rationales say what to do and name
the draft (草稿); one that still does once its record, link or entry is decided is reported too, so that the
release says what was decided, not what the draft proposed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..context import CheckContext
from ..corpus import NoticeSource, SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.common import DRAFT_MARK
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


def _numbered_files(notice: NoticeSource) -> list[tuple[SourceFile[Any], dict[str, list[NumberedAt]]]]:
    """The notice's files that number entities, with their sequences."""
    numbered: list[tuple[SourceFile[Any], dict[str, list[NumberedAt]]]] = []
    if notice.body.model is not None:
        numbered.append((notice.body, body_sequences(notice.body.model)))
    if notice.attachment.model is not None:
        numbered.append((notice.attachment, attachment_sequences(notice.attachment.model)))
    return numbered


def _registries(ctx: CheckContext) -> list[tuple[SourceFile[Any], str, Sequence[UnitEntry | PersonEntry]]]:
    """The registry files that loaded, each with its key and entries."""
    registries: list[tuple[SourceFile[Any], str, Sequence[UnitEntry | PersonEntry]]] = []
    if ctx.corpus.units.model is not None:
        registries.append((ctx.corpus.units, "units", ctx.corpus.units.model.units))
    if ctx.corpus.people.model is not None:
        registries.append((ctx.corpus.people, "people", ctx.corpus.people.model.people))
    return registries


def _proposed_numbering(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        for file, sequences in _numbered_files(notice):
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
                    hint="confirm the measures or choose others, write the rationale, then delete the certainty line"
                    if task.links.basis == "measures"
                    else "confirm that the task comes from the opening's general requirements (or set basis: measures "
                    "and list them), write the rationale, then delete the certainty line",
                )


def _provisional_entries(ctx: CheckContext) -> Iterator[Diagnostic]:
    for file, key, entries in _registries(ctx):
        checked = "the kind and the ID" if key == "units" else "the ID"
        for index, entry in enumerate(entries):
            if entry.provisional:
                yield ctx.finding(
                    file,
                    (key, index, "provisional"),
                    f"{entry.name} is a provisional entry ({entry.id}) added by a draft for a name the registry lacked",
                    hint=f"check the name (an alias of an existing entry?), {checked}, then delete provisional",
                )


DecidedText = tuple[SourceFile[Any], YamlPath, str]


def _decided_notes(ctx: CheckContext) -> Iterator[DecidedText]:
    """The notes of editorial and numbering records that are no longer proposed."""
    for item in ctx.clean_texts:
        for index, edit in enumerate(item.edits):
            if edit.certainty != "proposed" and edit.note:
                yield item.file, item.edit_path(index) + ("note",), edit.note
    for notice in ctx.notices:
        for file, sequences in _numbered_files(notice):
            for sequence in sequences.values():
                for path, entity in sequence:
                    if entity.misnumbered is not None and entity.misnumbered.certainty != "proposed":
                        yield file, path + ("misnumbered", "note"), entity.misnumbered.note


def _decided_rationales_and_entries(ctx: CheckContext) -> Iterator[DecidedText]:
    """The rationales of confirmed links, and the notes of checked registry entries."""
    for notice, attachment in ctx.notices_with("attachment"):
        for index, task in enumerate(attachment.tasks):
            if task.links.certainty != "proposed":
                yield notice.attachment, ("tasks", index, "links", "rationale"), task.links.rationale
    for file, key, entries in _registries(ctx):
        for index, entry in enumerate(entries):
            if not entry.provisional and entry.note:
                yield file, (key, index, "note"), entry.note


def _draft_words_left(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Notes and rationales that still hold the draft's proposal after the decision."""
    for file, path, text in (*_decided_notes(ctx), *_decided_rationales_and_entries(ctx)):
        if DRAFT_MARK in text:
            yield ctx.finding(
                file,
                path,
                f"{path[-1]} still holds the draft's proposal, though it is decided: {text}",
                hint=f"rewrite the {path[-1]} to say what the source shows and what was decided, without the "
                "draft's instructions",
            )


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _proposed_records(ctx)
    yield from _proposed_numbering(ctx)
    yield from _proposed_links(ctx)
    yield from _provisional_entries(ctx)
    yield from _draft_words_left(ctx)
