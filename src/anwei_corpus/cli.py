"""The ``anwei`` command: options in, library calls, output out, exit code set. Nothing else lives here."""

from __future__ import annotations

import gc
import sys
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Optional

import typer

from .diagnostics import CorpusUnreadable, Diagnostic, Severity

app = typer.Typer(
    help="Validate the anwei corpus and build its JSON release.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

CorpusPath = Annotated[Path, typer.Argument(help="The corpus folder.", show_default=True)]


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


@lru_cache(maxsize=64)
def _file_lines(file: str) -> list[str] | None:
    try:
        return Path(file).read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return None


def _read_line(file: str, line: int) -> str | None:
    lines = _file_lines(file)
    if lines is None or not 1 <= line <= len(lines):
        return None
    return lines[line - 1]


def _report(diagnostics: list[Diagnostic], output_format: OutputFormat) -> None:
    if output_format is OutputFormat.json:
        from .reporters import json as reporter

        sys.stdout.write(reporter.render(diagnostics))
    else:
        from .reporters import text as reporter

        sys.stdout.write(reporter.render(diagnostics, _read_line))


def _split_codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values or [] for code in value.split(",") if code.strip())


def _fail_usage(message: str) -> None:
    typer.echo(f"anwei: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def validate(
    path: CorpusPath = Path("data"),
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    select: Annotated[Optional[list[str]], typer.Option(help="Report only these codes or code prefixes.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Do not report these codes or code prefixes.")] = None,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
) -> None:
    """Check the corpus: schema, references, numbering, totals and provenance.

    Exit status: 0 clean, 1 findings at a failing severity, 2 usage error or unreadable corpus.
    """
    from .checker import Selection, check_corpus
    from .corpus import load_source

    selection = Selection(_split_codes(select), _split_codes(ignore))
    unknown = selection.unknown_patterns()
    if unknown:
        _fail_usage(f"unknown rule code(s): {', '.join(unknown)} (see 'anwei rules')")
    try:
        source = load_source(path)
    except CorpusUnreadable as exc:
        _report([exc.diagnostic], output_format)
        raise typer.Exit(EXIT_USAGE) from None
    diagnostics = check_corpus(source, selection)
    _report(diagnostics, output_format)
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    raise typer.Exit(EXIT_FINDINGS if any(d.severity in failing for d in diagnostics) else EXIT_OK)


@app.command()
def export(
    path: CorpusPath = Path("data"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Release folder to write.")] = Path("release"),
) -> None:
    """Validate the corpus and write its JSON release into OUT (atomically; an invalid corpus writes nothing)."""
    from .build import build_corpus
    from .checker import check_corpus
    from .corpus import load_source
    from .release import release_files, write_release

    try:
        source = load_source(path)
    except CorpusUnreadable as exc:
        _report([exc.diagnostic], OutputFormat.text)
        raise typer.Exit(EXIT_USAGE) from None
    diagnostics = check_corpus(source)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        _report(errors, OutputFormat.text)
        typer.echo("anwei: release not written: the corpus has errors", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    corpus = build_corpus(source)
    hashes = {notice.id: notice.source.sha256 for notice in corpus.notices}
    try:
        target = write_release(release_files(corpus, hashes), out)
    except OSError as exc:
        _fail_usage(f"cannot write release to {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {target} (corpus {corpus.corpus_version}, schema {corpus.schema_version})")


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the generated schemas.")] = Path("schema"),
    check: Annotated[bool, typer.Option("--check", help="Fail if the files differ from the models.")] = False,
) -> None:
    """Write the JSON Schemas generated from the models, or check that the committed ones are current."""
    from .release import to_json
    from .schema_gen import all_schemas

    stale = []
    for name, content in all_schemas().items():
        target = out / name
        wanted = to_json(content)
        current = target.read_bytes() if target.is_file() else None
        if current == wanted:
            continue
        stale.append(name)
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(wanted)
    if check and stale:
        typer.echo(f"stale schema(s) in {out}: {', '.join(stale)}; run 'anwei schema'", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    typer.echo(f"{'checked' if check else 'wrote'} schemas in {out}" + (f" ({len(stale)} updated)" if stale and not check else ""))


def main() -> None:
    gc.disable()  # a run is short and makes almost no cyclic garbage; collecting would only rescan the corpus
    app()
