"""Dates are real and agree: with their printed form, with each other and with the 发文字号.

``notice.yaml`` records the 成文日期 (``date``) and the 印发日期 (``imprint.date``), each as a ``value`` and the
``printed`` text it was read from. GB/T 9704-2012 prints dates with Arabic numerals and no padding:
2022年8月15日. The rule checks that each printed text has that form and names a real day, that ``value`` is
that day, that the imprint date is not before the 成文日期 (a notice cannot be printed before it is signed),
and that the year of the 发文字号 is the year of the 成文日期. These comparisons are left out for a date whose
value disagrees with its printed form, which is reported alone. Example of a finding:
``value 2022-08-16 but the printed date 2022年8月15日 says 2022-08-15``. Correct the value (or the printed text,
after checking the source).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..context import CheckContext
from ..corpus import NoticeSource
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import PrintedDate

CODE = "AW205"
NAME = "dates"
SEVERITY = Severity.ERROR
SUMMARY = "Printed dates are real and equal their values; imprint date ≥ 成文日期; 发文字号 year = 成文日期 year."

_PRINTED_DATE = re.compile(r"^([0-9]{4})年([1-9][0-9]?)月([1-9][0-9]?)日$")


def _printed_day(ctx: CheckContext, notice: NoticeSource, path: YamlPath, date: PrintedDate) -> Iterator[Diagnostic]:
    printed = date.printed.text
    match = _PRINTED_DATE.match(printed)
    if match is None:
        yield ctx.finding(
            notice.notice,
            path + ("printed", "text"),
            f"printed date {printed!r} is not of the form YYYY年M月D日",
            hint="write the year, month and day in Arabic numerals without padding",
        )
        return
    try:
        day = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        yield ctx.finding(notice.notice, path + ("printed", "text"), f"printed date {printed!r} is not a real day")
        return
    if day != date.value:
        yield ctx.finding(
            notice.notice,
            path + ("value",),
            f"value {date.value.isoformat()} but the printed date {printed} says {day.isoformat()}",
        )


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, meta in ctx.notices_with("notice"):
        date_findings = list(_printed_day(ctx, notice, ("date",), meta.date))
        imprint_findings = list(_printed_day(ctx, notice, ("imprint", "date"), meta.imprint.date))
        yield from date_findings + imprint_findings
        # A value that disagrees with its printed form is wrong already: comparing it would point at correct lines.
        if date_findings:
            continue
        if not imprint_findings and meta.imprint.date.value < meta.date.value:
            yield ctx.finding(
                notice.notice,
                ("imprint", "date", "value"),
                f"印发日期 {meta.imprint.date.value.isoformat()} is before the 成文日期 {meta.date.value.isoformat()}",
                related=(notice.notice.locate(("date", "value")),),
                related_label="成文日期",
            )
        if meta.doc_number.year != meta.date.value.year:
            yield ctx.finding(
                notice.notice,
                ("doc_number", "year"),
                f"发文字号 year {meta.doc_number.year} is not the year of the 成文日期 {meta.date.value.isoformat()}",
                related=(notice.notice.locate(("date", "value")),),
                related_label="成文日期",
            )
