"""Validate a corpus of many notices on several cores, with the findings a serial run reports, in the same order.

The process reads the manifest and the registries, then forks workers (on systems that fork; elsewhere, and for
a corpus of one notice, the run is serial). Each worker reads a run of consecutive notices, checks them and
sends back small results: the load diagnostics and rule findings of its notices, their suppressions, and for
each rule that weighs the notices together (``summarize`` in rules/__init__.py) one summary per notice. The
models stay in the worker, which drops them before it takes the next run of notices.

A rule that looks at each notice apart finds, on a corpus of some of the notices, what it finds in the
registries alone plus what it finds for each of those notices; the process checks the registries alone once,
and each worker reports what it finds beyond that. The process then runs the rules on the summaries, applies
the suppressions and judges them, as a serial run does.

Three limits of a serial run depend on the order of the whole run: the corpus's budget of bytes, the budget of
the pure-Python parser (slow_path.py) and the budget of "did you mean" comparisons. When the workers together
used more than any of them, the corpus is checked again serially, so that the findings are those of a serial run
in every case.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from . import context, slow_path
from . import corpus as corpus_module
from .checker import Selection, check_corpus, judge, refused
from .context import CorpusIndex
from .corpus import CorpusSource, listed_notices, read_head, read_notice, reading, unlisted_notice_folders
from .diagnostics import Diagnostic
from .layout import default_corpus_path
from .rules import CHECKS, Rule
from .suppression import SuppressionAt

NOTICES_PER_RUN = 25  # notices a worker reads, checks and drops at a time: bounds a worker's memory


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process may fork workers: the system forks, and no other thread runs (a thread holding a lock
    at the fork would leave the lock held in every worker)."""
    import multiprocessing  # only a run of several notices pays for it
    import threading

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def validate_path(
    path: str | os.PathLike[str] | None, selection: Selection, jobs: int | None = None
) -> list[Diagnostic]:
    """``check_corpus(load_source(path), selection)``, on ``jobs`` processes (by default one per CPU)."""
    root = default_corpus_path() if path is None else Path(path)
    jobs = default_jobs() if jobs is None else jobs
    with reading() as left:
        corpus, folders = read_head(root)
        count = len(listed_notices(corpus)) if folders is not None else 0
        parallel = jobs > 1 and count > 1 and can_fork() and not _over_budget(corpus, left[0])
        if not parallel and folders is not None:
            for index in range(count):
                corpus.notices.append(read_notice(corpus, index, folders))
            corpus.diagnostics.extend(unlisted_notice_folders(corpus, folders))
        head_bytes = corpus_module.MAX_CORPUS_BYTES - left[0]
        head_tokens = slow_path.spent()
    if not parallel or folders is None or refused(corpus):
        return check_corpus(corpus, selection)
    found = _check_apart(corpus, folders, selection, min(jobs, count), head_bytes, head_tokens)
    if found is None:
        return check_corpus(corpus_module.load_source(root), selection)
    return found


def _over_budget(corpus: CorpusSource, left: int) -> bool:
    """Whether the notices' folders hold more than the bytes left to read: a serial run then says which files it
    refuses, and checking apart first would be wasted (the exact count is made after the workers have read)."""
    total = 0
    for name in listed_notices(corpus):
        try:
            with os.scandir(corpus.root / "notices" / name) as entries:
                total += sum(entry.stat().st_size for entry in entries if entry.is_file())
        except OSError:
            continue
    return total > left


def _rule_key(finding: Diagnostic) -> str:
    return repr(finding)


class _Plan(NamedTuple):
    """What the workers inherit when they are forked."""

    head: CorpusSource  # the manifest and the registries, no notices
    folders: list[str]
    selection: Selection
    registry_findings: Counter[str]  # the per-notice rules' findings on the registries alone, by _rule_key
    budget: int  # bytes a worker may read


class _RunResult(NamedTuple):
    """What a worker sends back for a run of notices."""

    load_diagnostics: list[Diagnostic]
    findings: dict[str, list[Diagnostic]]  # by code: what the per-notice rules found beyond the registries
    summaries: dict[str, list[Any]]  # by code: the summaries of the rules that weigh the notices together
    suppressions: list[SuppressionAt]
    bytes_read: int
    slow_tokens: int  # read by the pure-Python parser
    comparisons: int  # of "did you mean" searches


_PLAN: _Plan | None = None


def _selected(selection: Selection) -> list[Rule]:
    return [rule for code, rule in CHECKS.items() if selection.wants(code)]


def _check_run(indices: range) -> _RunResult:
    """In a worker: read and check the manifest's notices ``indices``."""
    plan = _PLAN
    assert plan is not None, "a worker is forked with its plan"
    head = plan.head
    shard = CorpusSource(head.root, head.manifest, head.units, head.people)
    with reading(plan.budget) as left:
        shard.notices = [read_notice(shard, index, plan.folders) for index in indices]
        slow_tokens = slow_path.spent()
    index = CorpusIndex(shard)
    registry_part = Counter(plan.registry_findings)
    findings: dict[str, list[Diagnostic]] = {}
    summaries: dict[str, list[Any]] = {}
    for rule in _selected(plan.selection):
        if rule.summarize is not None:
            summaries[rule.code] = rule.summaries(index)
            continue
        beyond = findings.setdefault(rule.code, [])
        for finding in rule.run(index):
            key = _rule_key(finding)
            if registry_part[key] > 0:
                registry_part[key] -= 1
            else:
                beyond.append(finding)
    files = {file.name for notice in shard.notices for file in (notice.notice, notice.body, notice.attachment)}
    suppressions = [s for s in index.suppressions if s.file in files]
    return _RunResult(
        shard.diagnostics, findings, summaries, suppressions, plan.budget - left[0], slow_tokens, index.comparisons
    )


def _runs(count: int, workers: int) -> list[range]:
    """Consecutive runs of notice indices: at least two per worker, at most NOTICES_PER_RUN notices each."""
    runs = max(2 * workers, -(-count // NOTICES_PER_RUN))
    size = -(-count // runs)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _check_apart(
    head: CorpusSource, folders: list[str], selection: Selection, workers: int, head_bytes: int, head_tokens: int
) -> list[Diagnostic] | None:
    """The findings of the corpus checked by ``workers`` processes; None when a budget needs a serial run."""
    global _PLAN
    import multiprocessing

    registry_index = CorpusIndex(head)
    registry: dict[str, list[Diagnostic]] = {
        rule.code: list(rule.run(registry_index)) for rule in _selected(selection) if rule.summarize is None
    }
    keys = Counter(_rule_key(finding) for found in registry.values() for finding in found)
    _PLAN = _Plan(head, folders, selection, keys, corpus_module.MAX_CORPUS_BYTES - head_bytes)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_check_run, _runs(len(listed_notices(head)), workers), chunksize=1)
    finally:
        _PLAN = None
    read = head_bytes + sum(result.bytes_read for result in results)
    parsed_slowly = head_tokens + sum(result.slow_tokens for result in results)
    if read > corpus_module.MAX_CORPUS_BYTES or parsed_slowly >= slow_path.MAX_SLOW_PATH_TOKENS:
        return None
    found, compared = _merge(head, folders, selection, registry_index, registry, results)
    if registry_index.comparisons + sum(result.comparisons for result in results) + compared > (
        context.MAX_SUGGESTION_COMPARISONS
    ):
        return None
    return found


def _merge(
    head: CorpusSource,
    folders: list[str],
    selection: Selection,
    registry_index: CorpusIndex,
    registry: dict[str, list[Diagnostic]],
    results: Sequence[_RunResult],
) -> tuple[list[Diagnostic], int]:
    """The findings, and the "did you mean" comparisons made for them here."""
    load = [*head.diagnostics, *(d for result in results for d in result.load_diagnostics)]
    load += unlisted_notice_folders(head, folders)
    suppressions = [*registry_index.suppressions, *(s for result in results for s in result.suppressions)]
    index = CorpusIndex(head, suppressions)
    findings: list[Diagnostic] = []
    for rule in _selected(selection):
        if rule.summarize is not None:
            summaries = [summary for result in results for summary in result.summaries[rule.code]]
            findings.extend(rule.run_on(index, summaries))
        elif not (rule.skip_while_unread and load):
            findings += registry[rule.code]
            findings += (finding for result in results for finding in result.findings[rule.code])
    return judge(load, index, findings, selection), index.comparisons
