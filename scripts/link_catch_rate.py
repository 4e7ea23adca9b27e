"""Measure how many plausible wrong task→measure links the link rules catch on the real corpus.

    python scripts/link_catch_rate.py

For every task of the real corpus and each of its links in turn, the link is replaced by a wrong one and the
damaged corpus is validated the way `anwei validate` does it (suppressions included). Two sets of wrong links:

- *neighbours*: the measures numbered one and two away (34, 33, 36 and 37 for 35), the slip of a finger;
- *closest*: the three unlinked measures that score best for the task (anwei_corpus.similarity), the wrong links
  that read most alike, so the hardest to catch.

A wrong link is caught when AW506 (task-link-plausible) reports the task; the table also gives the rate with AW505
(rationale-cites-links), which catches every replacement in a task whose rationale cites its measures.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from anwei_corpus.checker import Selection, check_corpus
from anwei_corpus.corpus import load_source
from anwei_corpus.models.source import AttachmentFile, BodyFile
from anwei_corpus.similarity import MeasureIndex, measure_texts, task_text

ROOT = Path(__file__).resolve().parents[1]
NOTICE = "notices/putuo-anwei-2022-6"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
NEIGHBOUR_DISTANCES = (-2, -1, 1, 2)
CLOSEST = 3


def _models(data: Path) -> tuple[BodyFile, AttachmentFile]:
    notice = load_source(data).notices[0]
    body, attachment = notice.body.model, notice.attachment.model
    if body is None or attachment is None:
        raise SystemExit("the real corpus does not load: run `anwei validate data` first")
    return body, attachment


def wrong_links(data: Path) -> Iterator[tuple[str, int, list[int], list[int]]]:
    """(kind, task position, real links, damaged links) for every replacement of one link by a wrong one."""
    body, attachment = _models(data)
    index = MeasureIndex(measure_texts(body))
    numbers = {measure.number for measure in index.measures}
    for position, task in enumerate(attachment.tasks):
        links = task.links.measures
        closest = [score.measure for score in index.rank(task_text(task)) if score.measure not in links][:CLOSEST]
        for place, link in enumerate(links):
            candidates = {"neighbours": [link + distance for distance in NEIGHBOUR_DISTANCES], "closest": closest}
            for kind, replacements in candidates.items():
                for wrong in replacements:
                    if wrong in numbers and wrong not in links:
                        yield kind, position, links, [*links[:place], wrong, *links[place + 1 :]]


def caught_by(data: Path, position: int, links: list[int], damaged: list[int]) -> set[str]:
    """The link codes reported on the task at ``position`` once its links are ``damaged``."""
    path = data / ATTACHMENT
    original = path.read_text(encoding="utf-8")
    task_number = _models(data)[1].tasks[position].number
    start = original.index(f"  - number: {task_number}\n    category:")
    line = f"measures: [{', '.join(map(str, links))}]"
    at = original.index(line, start)
    damaged_line = f"measures: [{', '.join(map(str, damaged))}]"
    path.write_text(original[:at] + damaged_line + original[at + len(line) :], encoding="utf-8")
    try:
        findings = check_corpus(load_source(data), Selection(select=("AW505", "AW506")))
    finally:
        path.write_text(original, encoding="utf-8")
    return {d.code for d in findings if d.location.path[:2] == ("tasks", position)}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(ROOT / "data", data)
        totals: dict[str, list[int]] = {}
        missed: dict[str, list[str]] = {}
        tasks = _models(data)[1].tasks
        for kind, position, links, damaged in wrong_links(data):
            codes = caught_by(data, position, links, damaged)
            counts = totals.setdefault(kind, [0, 0, 0])
            counts[0] += 1
            counts[1] += "AW506" in codes
            counts[2] += bool(codes)
            if "AW506" not in codes:
                missed.setdefault(kind, []).append(f"task {tasks[position].number}: {links} → {damaged}")
    print("| wrong links | tried | AW506 catches | AW505 or AW506 catch |")
    print("|-------------|------:|--------------:|---------------------:|")
    for kind, (tried, plausible, either) in totals.items():
        print(f"| {kind} | {tried} | {plausible} ({plausible / tried:.0%}) | {either} ({either / tried:.0%}) |")
    for kind, lines in missed.items():
        print(f"\nmissed by AW506 ({kind}): " + "; ".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
