"""How much of the source text the corpus accounts for (information).

Every non-whitespace character of the source should be accounted for by some encoded text or by the page
furniture that ``notice.yaml`` lists. The rule reports the share and, when it is below 100 %, the first stretch
of the source that nothing accounts for, so it can be encoded or listed as furniture.

Example of a finding: ``corpus accounts for 14791 of 14791 non-whitespace source characters (100.00%)``;
below 100 % the hint names the line of the first stretch nothing accounts for. Nothing is reported while a
file of the corpus fails to load: the texts it holds would count as unaccounted for.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..editorial import coverage

CODE = "AW704"
NAME = "source-coverage"
SEVERITY = Severity.INFO
SUMMARY = "Reports the share of the source text the corpus accounts for."
# With a file unread, the figure would only send maintainers hunting through the source text.
SKIP_WHILE_UNREAD = True


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        source = notice.source_text
        if source is None or notice.notice.model is None:
            continue
        result = coverage(source, ctx.provenance(notice).spans)
        message = (
            f"corpus accounts for {result.covered} of {result.total} non-whitespace source characters "
            f"({result.share:.2%})"
        )
        hint = None
        if result.uncovered_runs:
            line, text = result.uncovered_runs[0]
            message += f"; {len(result.uncovered_runs)} stretch(es) unaccounted for"
            hint = f"first at {notice.source_name} line {line}: {text[:40]!r}"
        yield ctx.finding(notice.notice, ("source",), message, hint=hint)
