"""``anwei validate`` as the quick entry point and the typer command both run it, and the command's exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def run_validate(
    path: str | os.PathLike[str] | None,
    output_format: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    strict: bool,
    output: str | os.PathLike[str] | None,
    cache: bool,
    jobs: int | None = None,
) -> int:
    """``anwei validate``: write the report, return the exit status (a cached report when nothing changed)."""
    from . import result_cache
    from .reporters import default_format, wants_color

    if path is None:
        from .layout import default_corpus_path

        path = default_corpus_path()

    chosen = output_format or default_format()
    color = output is None and wants_color(sys.stdout)
    options = (chosen, f"color={color}", f"strict={strict}", "select", *select, "ignore", *ignore)
    entry = result_cache.key(path, options) if cache else None
    cached = result_cache.load(entry) if entry else None
    if cached is not None:
        status, report = cached
    else:
        status, report = _validate(path, chosen, select, ignore, strict, color, jobs)
        if status == EXIT_USAGE and not report:
            return status
        if entry and status != EXIT_USAGE:
            result_cache.store(entry, status, report)
    if output is None:
        sys.stdout.write(report)
        return status
    try:
        with open(output, "w", encoding="utf-8") as stream:
            stream.write(report)
    except OSError as exc:
        return usage_error(f"cannot write {os.fspath(output)}: {exc.strerror or exc}")
    return status


def _validate(
    path: str | os.PathLike[str],
    chosen: str,
    select: Sequence[str],
    ignore: Sequence[str],
    strict: bool,
    color: bool,
    jobs: int | None,
) -> tuple[int, str]:
    from .api import UnknownCodePattern, fails
    from .api import validate as validate_corpus
    from .diagnostics import CorpusUnreadable
    from .reporters import render

    try:
        diagnostics = validate_corpus(path, select=select, ignore=ignore, jobs=jobs)
    except UnknownCodePattern as exc:
        return usage_error(str(exc)), ""
    except CorpusUnreadable as exc:
        return EXIT_USAGE, render(chosen, [exc.diagnostic], color=color)
    return EXIT_FINDINGS if fails(diagnostics, strict=strict) else EXIT_OK, render(chosen, diagnostics, color=color)


def usage_error(message: str) -> int:
    sys.stderr.write(f"anwei: {message}\n")
    return EXIT_USAGE
