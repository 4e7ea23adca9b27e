"""A suppression names a code it can accept: the code of a warning or information rule other than AW801 and AW802.

A suppression whose code no rule has can never accept anything, and the finding it was meant to accept stays
reported: the code is usually mistyped. Example of a finding: ``suppression names AW530, which no rule has — did
you mean AW503?``; the suggestions are the codes one keystroke away, those reported at the entity first. The
codes of reading files and of the schema (AW0xx, AW1xx) cannot be accepted either: a file with such an error
is not read at all, so fix the file. Nor can errors of the rules: an error marks data the release cannot be
built from as it stands (a unit list that does not match its IDs, a text not found in the source), so the data
must be corrected, or its departure from the source recorded in ``edits``. Nor can the findings of the rules that
judge suppressions (AW801, AW802).

This rule is an error, not a warning like AW801: a stale suppression once accepted a finding and now accepts
none, whereas a suppression of an impossible code was wrong from the start. It judges every suppression of the
files that loaded, whatever the other rules selected. Findings of this rule cannot be suppressed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..codes import LOAD_CODES
from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..suppression import SuppressionAt, SuppressionReview, closest_codes

CODE = "AW802"
NAME = "invalid-suppression-code"
SEVERITY = Severity.ERROR
SUMMARY = "Every suppression names the code of a rule whose findings a suppression can accept."


def _problem(review: SuppressionReview, suppression: SuppressionAt) -> tuple[str, str] | None:
    """(message, hint) when the suppression's code is one no suppression can accept, else None."""
    code = suppression.code
    if code in review.suppressible:
        return None
    doc = review.codes.get(code)
    if doc is not None and code in LOAD_CODES:
        message = (
            f"suppression names {code} ({doc.name}), a code of reading files and the schema, "
            "which no suppression can accept"
        )
        return message, "fix the file instead, and remove the suppression"
    reported_here = {d.code for d in review.unsuppressed if suppression.at_entity(d)}
    close = closest_codes(code, review.suppressible, reported_here)
    suggestion = f" — did you mean {' or '.join(close)}?" if close else ""
    if doc is not None and doc.severity is Severity.ERROR:
        message = f"suppression names {code} ({doc.name}), an error, which no suppression can accept{suggestion}"
        return message, "correct the data the error is about (or record its departure from the source), and remove it"
    if doc is not None:
        return (
            f"suppression names {code} ({doc.name}), which judges suppressions and cannot be accepted",
            "remove the suppression",
        )
    return (
        f"suppression names {code}, which no rule has{suggestion}",
        "use the code of a finding reported at this entry; 'anwei rules' lists every code",
    )


def check(ctx: CheckContext, review: SuppressionReview) -> Iterator[Diagnostic]:
    for suppression in ctx.suppressions:
        problem = _problem(review, suppression)
        if problem is not None:
            message, hint = problem
            yield ctx.finding_at(suppression.code_location, message, hint=hint)
