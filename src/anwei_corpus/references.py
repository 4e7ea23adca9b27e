"""Where a notice refers to the registries: every unit and person ID it uses, with the file and path of the use."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from .corpus import NoticeSource, SourceFile
from .diagnostics import YamlPath
from .models.source import iter_measures


class Reference(NamedTuple):
    """One use of a registry ID."""

    file: SourceFile[Any]
    path: YamlPath
    ident: str


def unit_references(notice: NoticeSource) -> Iterator[Reference]:
    """The issuer and addressees, the measures' unit lists, the tasks' units and the table's spellings."""
    meta, body, attachment = notice.notice.model, notice.body.model, notice.attachment.model
    if meta is not None:
        yield Reference(notice.notice, ("issuer",), meta.issuer)
        for index, uid in enumerate(meta.addressee_units):
            yield Reference(notice.notice, ("addressee_units", index), uid)
    if body is not None:
        for at in iter_measures(body):
            for g, group in enumerate(at.measure.units):
                for u, uid in enumerate(group):
                    yield Reference(notice.body, at.path + ("units", g, u), uid)
    if attachment is not None:
        for t, task in enumerate(attachment.tasks):
            for role in ("responsible_units", "cooperating_units"):
                for u, uid in enumerate(getattr(task, role)):
                    yield Reference(notice.attachment, ("tasks", t, role, u), uid)
        for s, spelling in enumerate(attachment.spellings):
            yield Reference(notice.attachment, ("spellings", s, "unit"), spelling.unit)


def person_references(notice: NoticeSource) -> Iterator[Reference]:
    """The leaders of the tasks."""
    attachment = notice.attachment.model
    if attachment is not None:
        for t, task in enumerate(attachment.tasks):
            for index, pid in enumerate(task.leaders):
                yield Reference(notice.attachment, ("tasks", t, "leaders", index), pid)
