"""No text repeats another of its kind: two measures, sections, parts, categories or tasks with the same words.

The notice never says the same thing twice in one place of its structure; two equal texts are a copy-and-paste
slip in encoding. The rule compares measure texts without their closing unit list, section titles and intros,
part titles, category titles, and task titles and requirements, each kind among its own kind. A task
requirement equal to a measure's text is expected (task 12 restates measure 23) and not compared. Example of a
finding: ``measure 26 repeats the text of measure 25``. Restore the text from the source.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import iter_measures
from ..unit_lists import split_assignment

CODE = "AW504"
NAME = "repeated-text"
SEVERITY = Severity.WARNING
SUMMARY = "No two measures, sections, parts, categories or tasks have the same text."

# what the text is, its YAML path, the text
Entry = tuple[str, YamlPath, str]


def _repeats(ctx: CheckContext, file: SourceFile[Any], entries: Sequence[Entry]) -> Iterator[Diagnostic]:
    first: dict[str, tuple[str, YamlPath]] = {}
    for what, path, text in entries:
        if text in first:
            other, other_path = first[text]
            yield ctx.finding(
                file,
                path,
                f"{what} repeats the text of {other}",
                related=(file.locate(other_path),),
                related_label=f"{other}",
            )
        else:
            first[text] = (what, path)


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        body, attachment = notice.body.model, notice.attachment.model
        if body is not None:
            measures: list[Entry] = []
            for at in iter_measures(body):
                split = split_assignment(at.measure.text)
                measures.append(
                    (f"measure {at.measure.number}", at.path + ("text",), split[0] if split else at.measure.text)
                )
            parts, titles, intros = [], [], []
            for p, part in enumerate(body.parts):
                parts.append((f"part {part.number}'s title", ("parts", p, "title", "text"), part.title.text))
                for s, section in enumerate(part.sections):
                    path = ("parts", p, "sections", s)
                    titles.append((f"section {section.number}'s title", path + ("title", "text"), section.title.text))
                    if section.intro is not None:
                        intros.append(
                            (f"section {section.number}'s intro", path + ("intro", "text"), section.intro.text)
                        )
            for entries in (measures, parts, titles, intros):
                yield from _repeats(ctx, notice.body, entries)
        if attachment is not None:
            categories = [
                (f"category {category.number}'s title", ("categories", c, "title", "text"), category.title.text)
                for c, category in enumerate(attachment.categories)
            ]
            task_titles = [
                (f"task {task.number}'s title", ("tasks", t, "title", "text"), task.title.text)
                for t, task in enumerate(attachment.tasks)
            ]
            requirements = [
                (f"task {task.number}'s requirement", ("tasks", t, "requirement", "text"), task.requirement.text)
                for t, task in enumerate(attachment.tasks)
            ]
            for entries in (categories, task_titles, requirements):
                yield from _repeats(ctx, notice.attachment, entries)
