"""A suppression that accepts no finding is reported, so accepted findings do not pile up unseen.

An entity's ``suppress`` list accepts findings of one code located at that entity, with the reason::

    - number: 2
      ...
      suppress:
        - code: AW503
          reason: 任务2由区安委会各成员单位负责，第2条列区应急局、区委组织部；通知未列成员单位名单。

When nothing at the entity reports that code (the data changed so that the task now names a unit of its
measures, say), the suppression is stale: ``nothing at this entry reports AW503``. Remove it. When the entity
reports a finding of a neighbouring code (one keystroke away, or of the same family), the suppression most
likely names the wrong one, and the finding says so: ``suppression names AW504, but this entry reports AW503
(line 47) — did you mean AW503?``.

A suppression of a code no suppression can accept (a typo such as AW530, or a loader code) is AW802's finding.
Suppressions of rules left out with ``--select``/``--ignore`` are not judged, nor are any while a file of the
corpus fails to load. While the corpus has other errors (an unknown ID, say), which can hide the very finding a
suppression accepts, a suppression is questioned only when its entity reports a code it may have been meant for.
Findings of this rule cannot be suppressed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..suppression import SuppressionAt, SuppressionReview, code_distance

CODE = "AW801"
NAME = "stale-suppression"
SEVERITY = Severity.WARNING
SUMMARY = "Every suppression accepts at least one finding of its code at its entity."


def reported_at(review: SuppressionReview, suppression: SuppressionAt) -> dict[str, Diagnostic]:
    """The first finding of each code at the suppression's entity that no suppression accepted."""
    first: dict[str, Diagnostic] = {}
    for diagnostic in sorted(review.unsuppressed, key=Diagnostic.sort_key):
        if suppression.at_entity(diagnostic):
            first.setdefault(diagnostic.code, diagnostic)
    return first


def _meant(code: str, reported: str) -> bool:
    """Whether a suppression of ``code`` was plausibly meant for ``reported``: a slip of a key, or the same family."""
    return code_distance(code, reported) <= 1 or code[:3] == reported[:3]


def check(ctx: CheckContext, review: SuppressionReview) -> Iterator[Diagnostic]:
    # An error can hide the very finding a suppression accepts (a rule skips what it cannot compare): while the
    # corpus has errors, a suppression is only questioned when its entity reports a code it may have been meant for.
    has_errors = any(d.severity is Severity.ERROR for d in review.unsuppressed)
    for stale in review.stale:
        others = {code: finding for code, finding in reported_at(review, stale).items() if _meant(stale.code, code)}
        if others:
            listed = " and ".join(f"{code} (line {finding.location.line})" for code, finding in others.items())
            closest = min(others, key=lambda code: (code_distance(stale.code, code), code))
            message = f"suppression names {stale.code}, but this entry reports {listed} — did you mean {closest}?"
            hint = f"change the code to {closest} if that is the finding to accept; otherwise remove the suppression"
        elif has_errors:
            continue
        else:
            message = f"nothing at this entry reports {stale.code}"
            hint = "remove the suppression: it accepts no finding"
        yield ctx.finding_at(stale.code_location, message, hint=hint)
