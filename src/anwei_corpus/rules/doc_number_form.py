"""The 发文字号 has the form 机关代字〔年份〕序号号 and agrees with its parsed parts.

GB/T 9704-2012 prints the document number with 六角括号 〔〕 around the full year, the serial number without
leading zeros and without 第, followed by 号: 普安委〔2022〕6号. Square brackets [] or （）, a two-digit year
or 06号 are errors. The parsed fields organ_code, year and serial must say the same as the printed form.

Example of a finding: ``发文字号 '普安委[2022]6号' is not of the form 机关代字〔年份〕序号号``. Write
普安委〔2022〕6号, as the source prints it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW203"
NAME = "doc-number-form"
SEVERITY = Severity.ERROR
SUMMARY = "The 发文字号 reads 机关代字〔年份〕序号号 and matches its parsed parts."

_FORM = re.compile(r"^(?P<organ>[^\s〔〕\[\]（）()]+)〔(?P<year>[0-9]{4})〕(?P<serial>[1-9][0-9]*)号$")


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, meta in ctx.notices_with("notice"):
        number = meta.doc_number
        match = _FORM.match(number.printed)
        if match is None:
            yield ctx.finding(
                notice.notice,
                ("doc_number", "printed"),
                f"发文字号 {number.printed!r} is not of the form 机关代字〔年份〕序号号",
                hint="use 六角括号 〔〕 around a four-digit year and a serial number without leading zero, "
                "e.g. 普安委〔2022〕6号",
            )
            continue
        parsed = {"organ_code": match["organ"], "year": int(match["year"]), "serial": int(match["serial"])}
        for field, printed_value in parsed.items():
            if getattr(number, field) != printed_value:
                yield ctx.finding(
                    notice.notice,
                    ("doc_number", field),
                    f"{field} is {getattr(number, field)!r} but the printed 发文字号 says {printed_value!r}",
                )
