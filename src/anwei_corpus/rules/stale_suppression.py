"""A suppression that no longer accepts any finding is reported, so accepted findings do not pile up unseen.

An entity's ``suppress`` list accepts findings of one code located at that entity, with the reason::

    - number: 2
      ...
      suppress:
        - code: AW503
          reason: 任务2由区安委会各成员单位负责，第2条列区应急局、区委组织部；通知未列成员单位名单。

When the data changes so that the rule no longer reports anything there (the task now names a unit of its
measures, say), the suppression is stale: ``suppression of AW503 accepts no finding here``. Remove it. A
suppression of a code no rule reports (a typo such as AW530, or a loader code like AW002, which no entry can
accept) is reported the same way. Suppressions of rules left out with ``--select``/``--ignore`` are not judged,
nor are any while a file of the corpus fails to load. Findings of this rule cannot be suppressed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW801"
NAME = "stale-suppression"
SEVERITY = Severity.WARNING
SUMMARY = "Every suppression accepts at least one finding of its code at its entity."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for stale in ctx.stale_suppressions:
        if stale.code in ctx.checked_codes:
            message = f"suppression of {stale.code} accepts no finding here"
            hint = "remove it: the finding it accepted is gone"
        else:
            message = f"{stale.code} is not a code a suppression can accept"
            hint = "use the code of a rule's finding at this entry"
        yield ctx.finding(stale.file, stale.path + ("code",), message, hint=hint)
