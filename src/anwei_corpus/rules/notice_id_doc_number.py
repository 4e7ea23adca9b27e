"""A notice's ID ends with the year and serial of its 发文字号 (warning).

Notice IDs follow ``district-organ-year-serial`` (docs/maintainers.md): ``putuo-anwei-2022-6`` is 普安委〔2022〕6号.
An ID whose year or serial differs from the 发文字号 was most often copied from last year's folder and not changed,
or the 发文字号 was mistyped. Example of a finding: ``notice ID 'putuo-anwei-2022-7' does not end with the year and
serial of its 发文字号 普安委〔2022〕6号 (…-2022-6)``. Correct the 发文字号, or the ID with its folder and its line in
``corpus.yaml`` while the notice is unreleased. An ID already released never changes: accept the finding with a
``suppress`` entry on the 发文字号 that says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..layout import notice_id_ending

CODE = "AW313"
NAME = "notice-id-doc-number"
SEVERITY = Severity.WARNING
SUMMARY = "A notice's ID ends with the year and serial of its 发文字号."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, meta in ctx.notices_with("notice"):
        ending = notice_id_ending(meta.doc_number.year, meta.doc_number.serial)
        if not meta.id.endswith(ending):
            yield ctx.finding(
                notice.notice,
                ("doc_number",),
                f"notice ID {meta.id!r} does not end with the year and serial of its 发文字号 "
                f"{meta.doc_number.printed} (…{ending})",
                hint=f"correct the 发文字号, or the ID (…{ending}) with its folder and its line in corpus.yaml while "
                "the notice is unreleased",
            )
