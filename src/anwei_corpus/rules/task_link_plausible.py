"""Each measure a task links to shares the task's substance, and no unlinked measure shares it far better (warning).

A task restates or derives from its measures, so its wording and its units are theirs. The rule scores the task
(title and requirement, responsible and cooperating units) against every measure of its notice, as
``anwei_corpus.similarity`` describes: the rare character bigrams they share, and the rare units. A linked
measure that scores below ``RATIO`` (0.6) times the best unlinked measure is reported at the link, with that
measure named and pointed at:
``task 17 shares little with measure 34 (score 0.22); measure 35 reads closest (0.90), sharing “开展为期1年的燃气安全排…”、…``.
The JSON output carries the scores of both (``data``). Tasks from the opening's 总体要求 link to no measure and
are not checked.

A link can be right and weak, as for a task that restates the intro of a section rather than one of its
measures: accept such a finding with a ``suppress`` entry on the task that says so. Otherwise fix the link.

Measured on the real corpus with ``scripts/link_catch_rate.py``, which validates the corpus once for each wrong
link, suppressions included. Replacing each link of every task in turn by a measure numbered one or two away
gives 90 wrong links: the rule reports 84 (93%); the 6 it misses are in task 13, whose suppression (a restated
section intro) accepts its findings. Replacing each link by one of the three unlinked measures that score best
for the task, the hardest wrong links there are, gives 75: the rule reports 56 (75%). With AW505 (the
rationale's 第N条 no longer matching the links), both sets are caught in full (90 of 90, 75 of 75).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..models.source import iter_measures
from ..similarity import MeasureIndex, Score, measure_texts, task_text

CODE = "AW506"
NAME = "task-link-plausible"
SEVERITY = Severity.WARNING
SUMMARY = "A linked measure scores no less than 0.6 times the best unlinked measure for its task."

SHOWN_RUNS = 3  # shared wording shown in the message, heaviest first
SHOWN_LENGTH = 12  # characters shown of each
RATIO = 0.6  # below this share of the best unlinked score a link is implausible; see the measured rates above


def implausible_links(index: MeasureIndex, ranking: list[Score], links: list[int]) -> list[tuple[Score, Score]]:
    """(linked score, best unlinked score) for each link scoring below RATIO times the best unlinked measure."""
    by_number: dict[int, Score] = {}
    for score in ranking:  # best first: where two measures share a number (AW201), the link counts the better
        by_number.setdefault(score.measure, score)
    best = next((score for score in ranking if score.measure not in links), None)
    if best is None:
        return []
    return [
        (by_number[number], best)
        for number in links
        if number in by_number and by_number[number].total < RATIO * best.total
    ]


def _quoted(run: str) -> str:
    return f"“{run[:SHOWN_LENGTH]}…”" if len(run) > SHOWN_LENGTH else f"“{run}”"


def _figures(score: Score) -> dict[str, object]:
    return {
        "measure": score.measure,
        "score": round(score.total, 4),
        "text": round(score.text, 4),
        "units": round(score.units, 4),
        "shared": list(score.shared),
    }


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, body, attachment in ctx.notices_with("body", "attachment"):
        index = MeasureIndex(measure_texts(body))
        paths = {at.measure.number: at.path for at in iter_measures(body)}
        for t, task in enumerate(attachment.tasks):
            links = task.links.measures
            if not links:
                continue
            compared = task_text(task)
            for weak, closest in implausible_links(index, index.rank(compared, shown=0), links):
                linked, best = index.score_of(compared, weak.measure), index.score_of(compared, closest.measure)
                shared = "、".join(_quoted(run) for run in best.shared[:SHOWN_RUNS])
                yield ctx.finding(
                    notice.attachment,
                    ("tasks", t, "links", "measures", links.index(linked.measure)),
                    f"task {task.number} shares little with measure {linked.measure} (score {linked.total:.2f}); "
                    f"measure {best.measure} reads closest ({best.total:.2f})"
                    + (f", sharing {shared}" if shared else ""),
                    hint=f"link measure {best.measure} if the task comes from it; if the link is right, accept the "
                    "finding with a suppression on the task that says why",
                    related=(notice.body.locate(paths[best.measure] + ("text",)),),
                    related_label=f"measure {best.measure}",
                    data={"linked": _figures(linked), "closest": _figures(best), "ratio": RATIO},
                )
