"""A task's rationale that cites measures (第N条) cites exactly the measures the task links to (warning).

The rationale says in one line why a task comes from its measures, and most rationales name them: ``第35条：为期1年的
燃气安全排查整治``. When a link is changed and the rationale is not, or the other way round, the two disagree:
``task 17 links to measures [34] but its rationale cites [35]``. A range (第25—27条, with —, – or -) cites every
measure in it. A rationale that cites no measure, as for a task from the opening's 总体要求, is not checked.
Fix a finding by correcting the links or the rationale, whichever is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW505"
NAME = "rationale-cites-links"
SEVERITY = Severity.WARNING
SUMMARY = "A rationale that cites measures (第N条) cites exactly the measures its task links to."

CITATION = re.compile(r"第([0-9]+)(?:[—–-]([0-9]+))?条")


def cited_measures(rationale: str) -> list[int]:
    """The measure numbers a rationale cites, in order, each once; a range cites all of its numbers."""
    cited: list[int] = []
    for match in CITATION.finditer(rationale):
        first = int(match[1])
        last = int(match[2]) if match[2] else first
        cited.extend(number for number in range(first, last + 1) if number not in cited)
    return cited


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, attachment in ctx.notices_with("attachment"):
        for t, task in enumerate(attachment.tasks):
            cited = cited_measures(task.links.rationale)
            linked = task.links.measures
            if not cited or set(cited) == set(linked):
                continue
            uncited = [number for number in linked if number not in cited]
            unlinked = [number for number in cited if number not in linked]
            advice = []
            if unlinked:
                advice.append(f"link {unlinked} or drop {'them' if len(unlinked) > 1 else 'it'} from the rationale")
            if uncited:
                advice.append(f"cite {uncited} in the rationale or unlink {'them' if len(uncited) > 1 else 'it'}")
            yield ctx.finding(
                notice.attachment,
                ("tasks", t, "links", "rationale"),
                f"task {task.number} links to measures {linked} but its rationale cites {cited}",
                hint="; ".join(advice),
                related=(notice.attachment.locate(("tasks", t, "links", "measures")),),
                related_label="the links",
            )
