"""Every encoded text, turned back into its printed form, stands in the source text as whole lines.

The printed form is the clean reading with every editorial record undone, framed the way the source frames it:
a measure as ``12. <text>``, a section title as ``（五）<title>``, a task as its table row (cells separated by
tabs, two-character names padded to 王 珏). If it is not found, the reading departs from the source somewhere
without a record: compare the text with the source line shown in the hint and record (or undo) the change.

Example of a finding: ``printed form not found in source.txt: '31. 继续深化道路交通违法行为大整治…'…``, with
the first difference from the closest source line as the hint.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW701"
NAME = "printed-in-source"
SEVERITY = Severity.ERROR
SUMMARY = "The printed form rebuilt from each reading and its record is found in the source."


def _closest_line(source: str, printed: str) -> str | None:
    first_line = printed.split("\n", 1)[0]
    lines = [line for line in source.split("\n") if line.strip()]
    close = difflib.get_close_matches(first_line, lines, n=1, cutoff=0.5)
    return close[0] if close else None


def _first_difference(printed: str, line: str) -> str:
    for index, (a, b) in enumerate(zip(printed, line)):
        if a != b:
            return f"first difference at character {index + 1}: corpus has {printed[index:index + 12]!r}, " \
                   f"source has {line[index:index + 12]!r}"
    return "one is a prefix of the other"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        source = notice.source_text
        if source is None:
            continue
        for item in ctx.provenance(notice).missing:
            closest = _closest_line(source, item.printed)
            detail = _first_difference(item.printed.split("\n", 1)[0], closest) if closest else None
            times = f" {item.repeat} times" if item.repeat > 1 else ""
            yield ctx.finding(
                item.file,
                item.path,
                f"printed form not found{times} in {notice.source_name}: {item.printed[:40]!r}…",
                hint=detail or "no similar line in the source",
            )
