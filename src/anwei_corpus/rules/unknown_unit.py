"""Every unit ID a notice uses is in the unit registry.

Unit IDs appear in the unit lists of measures, in the 责任单位 and 配合单位 of tasks, in the table's spellings,
and as the issuer and addressee of a notice. A misspelt ID is reported with the closest registry ID, found by
ID or by printed name: ``unknown unit 'emergency-bureu' — did you mean 'emergency-bureau'?``. Add the unit to
``registry/units.yaml`` if it is new.

An unknown ID is reported once per file, at its first reference, with the number of references and the lines
of the others, so a unit renamed in the registry alone gives one finding per file rather than one per use.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import AttachmentFile, BodyFile, iter_measures
from ..unit_lists import printed_name_at

CODE = "AW301"
NAME = "unknown-unit"
SEVERITY = Severity.ERROR
SUMMARY = "Every unit reference resolves to the unit registry."


Reference = tuple[SourceFile[Any], YamlPath, str]


def _references(ctx: CheckContext) -> Iterator[Reference]:
    for notice in ctx.notices:
        meta = notice.notice.model
        if meta is not None:
            yield notice.notice, ("issuer",), meta.issuer
            for index, uid in enumerate(meta.addressee_units):
                yield notice.notice, ("addressee_units", index), uid
        if notice.body.model is not None:
            yield from _body_references(notice.body, notice.body.model)
        if notice.attachment.model is not None:
            yield from _attachment_references(notice.attachment, notice.attachment.model)


def _body_references(file: SourceFile[BodyFile], body: BodyFile) -> Iterator[Reference]:
    for at in iter_measures(body):
        for g, group in enumerate(at.measure.units):
            for u, uid in enumerate(group):
                yield file, at.path + ("units", g, u), uid


def _attachment_references(file: SourceFile[AttachmentFile], attachment: AttachmentFile) -> Iterator[Reference]:
    for t, task in enumerate(attachment.tasks):
        for role in ("responsible_units", "cooperating_units"):
            for u, uid in enumerate(getattr(task, role)):
                yield file, ("tasks", t, role, u), uid
    for s, spelling in enumerate(attachment.spellings):
        yield file, ("spellings", s, "unit"), spelling.unit


def _printed_names(ctx: CheckContext) -> dict[tuple[str, YamlPath], tuple[str, str]]:
    """Each measure's unit reference → the name its text's unit list prints at that place, and that name's ID."""
    printed = {}
    for notice in ctx.notices:
        if notice.body.model is None:
            continue
        for at in iter_measures(notice.body.model):
            for g, group in enumerate(at.measure.units):
                for u in range(len(group)):
                    name = printed_name_at(at.measure.text, g, u)
                    if name is not None and name in ctx.unit_by_name:
                        printed[(notice.body.name, at.path + ("units", g, u))] = (name, ctx.unit_by_name[name])
    return printed


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    if ctx.corpus.units.model is None:
        return
    yield from ctx.unknown_references(
        _references(ctx),
        ctx.unit_ids,
        ctx.suggest_unit,
        "unit",
        hint="use an ID from registry/units.yaml, or add the unit there",
        printed=_printed_names(ctx),
    )
