"""Draft a notice from its source text into an empty copy of the corpus and compare it with the hand encoding.

    python scripts/compare_draft.py [--corpus data] [--notice putuo-anwei-2022-6] [--min 0.98] [--show-mismatches]

The copy keeps the registries (the draft resolves names through them) and drops the notice itself. The two
encodings are compared cell by cell: every text, every unit of every unit list at its place, the grouping of each
list, every task cell, every leader, the categories, the numbering and every editorial record (one cell per
printed stretch, holding its kind and reading). A table of agreement per kind of cell is printed; the exit status is 1 when the share of
agreeing cells is below ``--min``. The differing cells where the draft holds a proposed record (a reading it
must leave to a person: an English word, a doubled character, a near-repeat) are counted apart as well.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from anwei_corpus.corpus import load_source
from anwei_corpus.draft import draft_into
from anwei_corpus.models.common import Passage
from anwei_corpus.models.source import AttachmentFile, BodyFile, NoticeFile

Cell = tuple[str, str, object]  # (kind of cell, where, value)


def _text(passage: Passage | str | None) -> str | None:
    return passage.text if isinstance(passage, Passage) else passage


# The texts of the last notice read that hold a proposed record, and those records' cells.
PENDING: set[str] = set()


def _edits(where: str, edits: Any) -> Iterator[Cell]:
    for edit in edits:
        if edit.certainty == "proposed":
            PENDING.update((where, f"{where} {edit.printed!r}"))
        # one cell per printed stretch a record stands for: the kind and the reading are its value
        yield "edit record", f"{where} {edit.printed!r}", (edit.kind, edit.reading)


def _passage_cells(kind: str, where: str, passage: Passage | None) -> Iterator[Cell]:
    yield kind, where, _text(passage)
    if passage is not None:
        yield from _edits(where, passage.edits)


def notice_cells(notice: NoticeFile) -> Iterator[Cell]:
    for name in ("issuer_mark", "title", "addressee", "transmittal", "signature", "attachment_note", "annotation"):
        yield from _passage_cells("element", name, getattr(notice, name))
    yield from _passage_cells("element", "print_run", notice.print_run)
    yield "element", "issuer", notice.issuer
    yield "element", "doc_number", notice.doc_number.model_dump(exclude={"suppress"})
    yield "element", "date", notice.date.value
    yield from _passage_cells("element", "date.printed", notice.date.printed)
    yield "element", "imprint", (_text(notice.imprint.organ), notice.imprint.date.value)
    yield "element", "copies", notice.copies
    yield "element", "addressee_units", notice.addressee_units
    yield "element", "furniture", [(f.printed, f.count) for f in notice.furniture]


def body_cells(body: BodyFile) -> Iterator[Cell]:
    yield from _passage_cells("body text", "title", body.title)
    yield from _passage_cells("body text", "opening", body.opening)
    yield from _passage_cells("body text", "closing", body.closing.text)
    yield "numbering", "announced_tasks", body.closing.announced_tasks
    for part in body.parts:
        yield from _passage_cells("part title", f"part {part.number}", part.title)
        for section in part.sections:
            where = f"section {section.number}"
            yield "numbering", f"{where} in part", part.number
            yield from _passage_cells("section title", where, section.title)
            yield from _passage_cells("section intro", where, section.intro)
            for measure in section.measures:
                at = f"measure {measure.number}"
                yield "numbering", f"{at} in section", section.number
                yield "measure text", at, measure.text
                yield from _edits(at, measure.edits)
                yield "unit list groups", at, [len(group) for group in measure.units]
                for index, unit in enumerate(unit for group in measure.units for unit in group):
                    yield "unit", f"{at} unit {index + 1}", unit


def attachment_cells(attachment: AttachmentFile) -> Iterator[Cell]:
    yield from _passage_cells("table", "title", attachment.title)
    yield "table", "columns", attachment.columns
    yield "table", "breakdown", attachment.breakdown.model_dump(exclude={"suppress"})
    for category in attachment.categories:
        yield from _passage_cells("category", f"category {category.number}", category.title)
        yield "category", f"category {category.number} subtotal", category.subtotal_printed
    for task in attachment.tasks:
        at = f"task {task.number}"
        yield "task cell", f"{at} category", task.category
        yield from _passage_cells("task cell", f"{at} title", task.title)
        yield from _passage_cells("task cell", f"{at} requirement", task.requirement)
        yield "task cell", f"{at} remark", _text(task.remark)
        for role in ("leaders", "responsible_units", "cooperating_units"):
            names = getattr(task, role)
            kind = "leader" if role == "leaders" else "task unit"
            for index, name in enumerate(names):
                yield kind, f"{at} {role} {index + 1}", name
            yield kind, f"{at} {role} count", len(names)
        yield "task link", f"{at} measures", task.links.measures
    spellings = attachment.spellings
    yield "table", "spellings", sorted((s.unit, s.printed) for s in spellings)


def cells_of(corpus: Path, notice_id: str) -> dict[tuple[str, str], object]:
    source = load_source(corpus)
    notice = next(n for n in source.notices if n.folder == notice_id)
    found: dict[tuple[str, str], object] = {}
    meta, body, attachment = notice.notice.model, notice.body.model, notice.attachment.model
    if meta is None or body is None or attachment is None:
        raise SystemExit(f"{corpus}/notices/{notice_id}: a file does not load; run anwei validate {corpus}")
    for kind, where, value in [*notice_cells(meta), *body_cells(body), *attachment_cells(attachment)]:
        found[(kind, where)] = value
    return found


def empty_copy(corpus: Path, notice_id: str, into: Path) -> Path:
    """The corpus without the notice: its registries and the other notices."""
    copy = into / "corpus"
    shutil.copytree(corpus, copy, ignore=lambda folder, names: [notice_id] if folder.endswith("notices") else [])
    manifest = copy / "corpus.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if line.strip() != f"- {notice_id}"), encoding="utf-8")
    return copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("data"))
    parser.add_argument("--notice", default="putuo-anwei-2022-6")
    parser.add_argument("--min", type=float, default=0.98, help="least share of agreeing cells (default 0.98)")
    parser.add_argument("--show-mismatches", action="store_true")
    args = parser.parse_args()
    hand = cells_of(args.corpus, args.notice)
    PENDING.clear()
    with tempfile.TemporaryDirectory() as scratch:
        copy = empty_copy(args.corpus, args.notice, Path(scratch))
        started = time.perf_counter()
        draft_into(copy, args.notice, args.corpus / "notices" / args.notice / "source.txt")
        elapsed = time.perf_counter() - started
        drafted = cells_of(copy, args.notice)
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    mismatches = []
    pending = 0  # disagreements where the draft left a proposed record for a person
    for key in sorted(set(hand) | set(drafted), key=str):
        kind = key[0]
        total[kind] += 1
        if hand.get(key, "<none>") == drafted.get(key, "<none>"):
            agree[kind] += 1
        else:
            mismatches.append((key, hand.get(key, "<none>"), drafted.get(key, "<none>")))
            pending += key[1] in PENDING and key[0] != "task link"
    width = max(map(len, total))
    print(f"{'cells':<{width}}  {'agree':>5}  {'total':>5}  share")
    for kind in sorted(total):
        print(f"{kind:<{width}}  {agree[kind]:>5}  {total[kind]:>5}  {agree[kind] / total[kind]:6.1%}")
    share = sum(agree.values()) / sum(total.values())
    print(f"{'all':<{width}}  {sum(agree.values()):>5}  {sum(total.values()):>5}  {share:6.2%}")
    cells, agreeing = sum(total.values()), sum(agree.values())
    print(f"{pending} of the {cells - agreeing} differing cells hold a reading the draft left to a person (proposed)")
    print(
        f"agreement on the cells the draft decides: {agreeing / (cells - pending):.2%} ({agreeing}/{cells - pending})"
    )
    print(f"draft written in {elapsed:.2f} s")
    if args.show_mismatches:
        for (kind, where), expected, got in mismatches:
            print(f"\n{kind} / {where}\n  hand:  {expected!r}\n  draft: {got!r}")
    return 0 if share >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
