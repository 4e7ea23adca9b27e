"""``corpus.yaml`` lists each document once and in publication order.

The manifest is the corpus's table of contents: releases, look-ups and the reader's edition follow its order, and
one 发文字号 names one document. Two notices with the same 发文字号 are one document encoded twice (or a copied
``notice.yaml`` whose 发文字号 was not changed); a notice listed before an earlier one puts the corpus out of
order. Both are reported at the later notice's line in ``corpus.yaml``. Example of a finding:
``putuo-anwei-2021-3 (成文日期 2021-05-10) is listed after putuo-anwei-2022-6 (2022-08-15)``. Move the line, or
correct the date or the 发文字号.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..context import CheckContext
from ..corpus import NoticeSource
from ..diagnostics import Diagnostic, Severity

CODE = "AW314"
NAME = "publication-order"
SEVERITY = Severity.ERROR
SUMMARY = "corpus.yaml lists each 发文字号 once, in the order of the notices' 成文日期."


class Listed(NamedTuple):
    """What a notice contributes: its folder, 发文字号 and 成文日期 (None where notice.yaml did not load)."""

    folder: str
    doc_number: str | None
    date: dt.date | None


def summarize(ctx: CheckContext, notice: NoticeSource) -> Listed:
    meta = notice.notice.model
    return Listed(notice.folder, meta.doc_number.printed if meta else None, meta.date.value if meta else None)


def check(ctx: CheckContext, listed: Sequence[Listed]) -> Iterator[Diagnostic]:
    manifest = ctx.corpus.manifest.model
    if manifest is None:
        return
    line_of = {folder: index for index, folder in enumerate(manifest.notices)}
    first_with: dict[str, Listed] = {}
    latest: Listed | None = None
    for notice in listed:
        path = ("notices", line_of[notice.folder])
        if notice.doc_number is not None:
            earlier = first_with.setdefault(notice.doc_number, notice)
            if earlier is not notice:
                yield ctx.finding(
                    ctx.corpus.manifest,
                    path,
                    f"{notice.folder} has the 发文字号 {notice.doc_number} of {earlier.folder}",
                    hint="one document is listed once: remove the copy, or correct the 发文字号 in its notice.yaml",
                )
        if notice.date is None:
            continue
        if latest is not None and latest.date is not None and notice.date < latest.date:
            yield ctx.finding(
                ctx.corpus.manifest,
                path,
                f"{notice.folder} (成文日期 {notice.date}) is listed after {latest.folder} ({latest.date})",
                hint=f"move the line of {notice.folder} before {latest.folder}, or correct its 成文日期",
            )
        else:
            latest = notice
