"""The ``anwei`` command: options in, library calls, output out, exit code set. Nothing else lives here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .diagnostics import CorpusUnreadable, Diagnostic
from .layout import CORPUS_VARIABLE, DEFAULT_CORPUS, default_corpus_path
from .printable import printable
from .reporters import CatalogFormat, DiffFormat, LookupFormat, ReportFormat
from .validate_command import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, run_validate

if TYPE_CHECKING:
    from .models.release import Corpus

app = typer.Typer(
    help="Validate the anwei corpus and build its JSON release.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_version(wanted: bool) -> None:
    if not wanted:
        return
    from .api import versions

    typer.echo("\n".join(f"{name} {value}" for name, value in versions().items()))
    raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="Print the versions of anwei, of the schema it reads and of the corpus here, and exit.",
        ),
    ] = False,
) -> None:
    """Validate, format and scaffold the anwei corpus, and build its release."""


CorpusPath = Annotated[
    Path | None,
    typer.Argument(
        help=f"The corpus folder (default: ${CORPUS_VARIABLE}, else ./{DEFAULT_CORPUS})", show_default=False
    ),
]


def _report(diagnostics: list[Diagnostic], output_format: str, output: Path | None = None) -> None:
    """Write the report to ``output``, or to stdout (coloured when that is a terminal and colour is wanted)."""
    from .reporters import render, wants_color

    if output is None:
        sys.stdout.write(render(output_format, diagnostics, color=wants_color(sys.stdout)))
        return
    try:
        output.write_text(render(output_format, diagnostics), encoding="utf-8")
    except OSError as exc:
        _fail_usage(f"cannot write {output}: {exc.strerror or exc}")


def _warn(message: str) -> None:
    typer.echo(f"anwei: warning: {printable(message)}", err=True)


def _fail_usage(message: str) -> None:
    typer.echo(f"anwei: {printable(message)}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def validate(
    path: CorpusPath = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format; github by default inside GitHub Actions (GITHUB_ACTIONS=true), text elsewhere.",
        ),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Report only these codes or code prefixes (comma-separated or repeated).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Do not report these codes or code prefixes (comma-separated or repeated).")
    ] = None,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.")
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(help="Answer an unchanged corpus from the result cache (see 'anwei_corpus.result_cache')."),
    ] = True,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes to check the notices with; one per CPU by default, 1 for none beside this one.",
        ),
    ] = None,
) -> None:
    """Check the corpus: schema, references, numbering, totals and provenance.

    Exit status: 0 clean, 1 findings at a failing severity, 2 usage error or unreadable corpus.
    """
    chosen = output_format.value if output_format else None
    raise typer.Exit(run_validate(path, chosen, select or (), ignore or (), strict, output, cache, jobs))


@app.command("rules")
def list_rules(
    output_format: Annotated[CatalogFormat, typer.Option("--format", "-f", help="Output format.")] = CatalogFormat.text,
) -> None:
    """List every code a run can report, loader and schema codes included, with name, severity and summary.

    '--format markdown' prints the rules reference kept in docs/rules.md.
    """
    from .catalog import RENDERERS, codes

    sys.stdout.write(RENDERERS[output_format.value](codes()))


@app.command("rule")
def show_rule(
    query: Annotated[str, typer.Argument(metavar="CODE", help="A code (AW301) or a rule name (unknown-unit).")],
) -> None:
    """Print the documentation of one code: what it checks, an example and how to fix it."""
    from .catalog import UnknownCode, describe, lookup

    try:
        doc = lookup(query)
    except UnknownCode as exc:
        _fail_usage(str(exc))
    sys.stdout.write(describe(doc))


@app.command()
def export(
    path: CorpusPath = None,
    out: Annotated[
        Path, typer.Option("--out", help="Release folder to write: new, empty, or an earlier release.")
    ] = Path("release"),
) -> None:
    """Validate the corpus and write its release into OUT (atomically; an invalid corpus writes nothing).

    The manifest carries a build time only when SOURCE_DATE_EPOCH is set.
    """
    from .api import CorpusInvalid, load
    from .release import ReleaseTargetRefused, built_from_environment, check_target
    from .release import export as export_release

    path = default_corpus_path() if path is None else path
    try:
        built = built_from_environment()
        check_target(out, path)
    except (ValueError, ReleaseTargetRefused) as exc:
        _fail_usage(str(exc))
    try:
        corpus = load(path)
    except CorpusUnreadable as exc:
        _report([exc.diagnostic], "text")
        raise typer.Exit(EXIT_USAGE) from None
    except CorpusInvalid as exc:
        _report(exc.diagnostics, "text")
        typer.echo("anwei: release not written: the corpus has errors", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    try:
        target = export_release(corpus, out, built, corpus_root=path, warn=_warn)
    except ReleaseTargetRefused as exc:
        _fail_usage(str(exc))
    except OSError as exc:
        _fail_usage(f"cannot write release to {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {target} (corpus {corpus.corpus_version}, schema {corpus.schema_version})")


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older corpus: a YAML folder, a release folder or its JSON file.")],
    new: Annotated[Path, typer.Argument(help="The newer corpus, in any of the same forms.")],
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    check_bump: Annotated[
        bool, typer.Option("--check-bump", help="Fail when NEW's corpus version is not bumped enough for the changes.")
    ] = False,
) -> None:
    """Compare two corpora: added, removed and changed entities and links, and the version bump they need.

    Exit status: 0 (also with --check-bump when NEW's version is bumped enough), 1 when --check-bump fails,
    2 when a corpus cannot be read or has errors.
    """
    from .api import CorpusInvalid, ReleaseUnreadable
    from .diff import compare, load_any
    from .reporters.diff import RENDERERS

    corpora = []
    for role, path in (("OLD", old), ("NEW", new)):
        try:
            corpora.append(load_any(path))
        except CorpusUnreadable as exc:
            _report([exc.diagnostic], "text")
            _fail_usage(f"{role} is not a corpus or a release: {path}")
        except CorpusInvalid as exc:
            _fail_usage(f"{role} corpus {path} has errors ({exc}); run 'anwei validate {path}'")
        except ReleaseUnreadable as exc:
            _fail_usage(f"{role}: {exc}")
    result = compare(*corpora)
    sys.stdout.write(RENDERERS[output_format.value](result))
    raise typer.Exit(EXIT_FINDINGS if check_bump and not result.bump_ok else EXIT_OK)


@app.command("fmt")
def format_yaml(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            help=f"Corpus folders or YAML files (default: ${CORPUS_VARIABLE}, else ./{DEFAULT_CORPUS}).",
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 and name the files that would change.")
    ] = False,
    show_diff: Annotated[
        bool, typer.Option("--diff", help="Change nothing; print a unified diff of the changes.")
    ] = False,
) -> None:
    """Bring the corpus's YAML files to their one layout: key order from the models, flow style for ID lists.

    Comments are kept; nothing is folded; a file that does not load is reported as 'anwei validate' reports it and
    left untouched. Exit status: 0 formatted (or, with --check or --diff, nothing to change), 1 files would change
    or could not be read.
    """
    from .formatting import format_paths

    report = format_paths(list(paths or [default_corpus_path()]), write=not (check or show_diff))
    if report.diagnostics:
        _report(report.diagnostics, "text")
    if show_diff:
        sys.stdout.write("".join(report.diffs.values()))
    for name in report.changed:
        typer.echo(f"{'would reformat' if check or show_diff else 'reformatted'} {name}", err=show_diff)
    done = "would be reformatted" if check or show_diff else "reformatted"
    typer.echo(f"{len(report.changed)} file(s) {done}, {len(report.unchanged)} already formatted", err=show_diff)
    failed = report.diagnostics or ((check or show_diff) and report.changed)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command("new")
def new_notice(
    notice_id: Annotated[str, typer.Argument(metavar="NOTICE-ID", help="The new notice's ID and folder name.")],
    source: Annotated[Path, typer.Option("--source", help="The notice's text, copied byte for byte.")],
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help=f"The corpus folder, started when it has none (default: ${CORPUS_VARIABLE}, else ./{DEFAULT_CORPUS}).",
            show_default=False,
        ),
    ] = None,
    attachment: Annotated[
        bool | None,
        typer.Option(
            "--attachment/--no-attachment", help="Scaffold attachment.yaml (default: when the source prints 附件：)."
        ),
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Fill the YAML from the source text; list what a person must decide.")
    ] = False,
) -> None:
    """Scaffold the next notice: its folder, source.txt with its SHA-256, the YAML to fill in, and corpus.yaml.

    With --draft the YAML is filled from the source text (elements, body, table, proposed task links, provisional
    registry entries) and the decisions left to a person are listed. Prints the steps that remain; 'anwei
    validate' then lists what is left to encode. An existing folder is never overwritten.
    """
    from .scaffold import ScaffoldRefused
    from .scaffold import new_notice as scaffold

    corpus = default_corpus_path() if corpus is None else corpus
    try:
        if draft:
            from .draft import DraftError, draft_into

            try:
                result, _ = draft_into(corpus, notice_id, source)
            except DraftError as exc:
                _fail_usage(f"cannot draft {source}: {exc}")
        else:
            result = scaffold(corpus, notice_id, source, attachment=attachment)
    except ScaffoldRefused as exc:
        _fail_usage(str(exc))
    except OSError as exc:
        _fail_usage(f"cannot write the scaffold in {corpus}: {exc.strerror or exc}")
    for name in result.created:
        typer.echo(f"created {corpus / name}")
    for name in result.updated:
        typer.echo(f"updated {corpus / name}")
    typer.echo("\nnext:")
    for number, step in enumerate(result.remaining, 1):
        typer.echo(f"  {number}. {step}")


@app.command()
def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder of the generated schemas (default: schema beside the corpus folder, which the modelines "
            "of its files name).",
            show_default=False,
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="The corpus whose registries the editor schemas list (default: $ANWEI_CORPUS, else data).",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Fail if the files differ from the models and the registries.")
    ] = False,
) -> None:
    """Write the JSON Schemas generated from the models (and the editor schemas, with the registries' IDs), or
    check that the committed ones are current."""
    from .layout import schema_folder
    from .schema_gen import RegistryUnreadable, write_schemas

    corpus_path = default_corpus_path() if corpus is None else corpus
    folder = schema_folder(corpus_path) if out is None else out
    if check and not folder.is_dir():
        _fail_usage(f"no schema folder {folder} to check")
    try:
        stale = write_schemas(folder, corpus=corpus_path, check=check)
    except CorpusUnreadable as exc:
        _report([exc.diagnostic], "text")
        raise typer.Exit(EXIT_USAGE) from None
    except RegistryUnreadable as exc:
        _report(exc.diagnostics, "text")
        _fail_usage("the editor schemas need registries that load; mend them first")
    except OSError as exc:
        _fail_usage(f"cannot write schemas to {folder}: {exc.strerror or exc}")
    if check and stale:
        command = "anwei schema" + (f" --corpus {corpus}" if corpus is not None else "")
        command += f" --out {out}" if out is not None else ""
        typer.echo(f"stale schema(s) in {folder}: {', '.join(stale)}; run '{command}'", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    updated = f" ({len(stale)} updated)" if stale and not check else ""
    typer.echo(f"{'checked' if check else 'wrote'} schemas in {folder}{updated}")


@app.command()
def site(
    path: CorpusPath = Path("data"),
    out: Annotated[Path, typer.Option("--out", help="Site folder to write: new, empty, or an earlier site.")] = Path(
        "site"
    ),
    release: ReleaseOption = None,
) -> None:
    """Build the reader's edition: static HTML pages of the notices, units and people, into OUT (atomically).

    The pages need no server, no script and nothing from the network. Same target rules as 'anwei export'.
    """
    from .release import ReleaseTargetRefused, check_target
    from .site import EditorialMismatch, build_site

    corpus_root = None if release is not None else path
    try:
        check_target(out, corpus_root)  # before the corpus is read: a refused target costs nothing
    except ReleaseTargetRefused as exc:
        _fail_usage(str(exc))
    corpus = _open(corpus_root, release)
    try:
        target = build_site(corpus, out, corpus_root, warn=_warn)
    except (ReleaseTargetRefused, EditorialMismatch) as exc:
        _fail_usage(str(exc))
    except OSError as exc:
        _fail_usage(f"cannot write site to {out}: {exc.strerror or exc}")
    typer.echo(
        f"wrote {target} ({len(corpus.notices)} notice(s), {len(corpus.units)} units, {len(corpus.people)} people)"
    )


CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", help="The YAML corpus folder (default: $ANWEI_CORPUS, else data).", show_default=False),
]
ReleaseOption = Annotated[
    Path | None, typer.Option("--release", help="Answer from this release folder instead of the YAML corpus.")
]
LookupFormatOption = Annotated[LookupFormat, typer.Option("--format", "-f", help="Output format.")]
NoticeOption = Annotated[
    str | None, typer.Option("--notice", help="The notice ID, when the corpus holds several notices.")
]


def _open(corpus: Path | None, release: Path | None) -> Corpus:
    from .api import CorpusInvalid, ReleaseUnreadable, open_corpus

    if corpus is not None and release is not None:
        _fail_usage("give --corpus or --release, not both")
    try:
        return open_corpus(corpus, release)
    except CorpusUnreadable as exc:
        _report([exc.diagnostic], "text")
        raise typer.Exit(EXIT_USAGE) from None
    except CorpusInvalid as exc:
        from .layout import default_corpus_path

        shown = corpus if corpus is not None else default_corpus_path()
        _fail_usage(f"the corpus has errors ({exc}); run 'anwei validate {shown}'")
    except ReleaseUnreadable as exc:
        _fail_usage(str(exc))
    raise AssertionError("unreachable")


def _answer(
    command: str,
    ask: Callable[[Corpus], dict[str, Any]],
    corpus: Path | None,
    release: Path | None,
    output_format: LookupFormat,
) -> None:
    """Open the corpus, ask it, print the answer; a key that matches nothing or several things exits 1."""
    from .models.release import Ambiguous, NotFound
    from .reporters.lookups import render

    source = _open(corpus, release)
    try:
        data = ask(source)
    except NotFound as exc:
        typer.echo(f"anwei: {exc}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    except Ambiguous as exc:
        typer.echo(f"anwei: {exc}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    except ValueError as exc:
        _fail_usage(str(exc))
    sys.stdout.write(render(command, output_format.value, data))


@app.command()
def unit(
    query: Annotated[
        list[str], typer.Argument(metavar="UNIT", help="A unit ID, name or alias (spaces, quoted or not, are ignored).")
    ],
    corpus: CorpusOption = None,
    release: ReleaseOption = None,
    output_format: LookupFormatOption = LookupFormat.text,
) -> None:
    """A unit's work: every measure and every task that names it, with its role.

    Exit status: 0 found, 1 no such unit (the closest names are suggested) or several, 2 unreadable corpus.
    """
    from .queries import unit_work

    _answer("unit", lambda source: unit_work(source, " ".join(query)), corpus, release, output_format)


@app.command()
def leader(
    query: Annotated[
        list[str], typer.Argument(metavar="PERSON", help="A person's ID or name (spaces, quoted or not, are ignored).")
    ],
    corpus: CorpusOption = None,
    release: ReleaseOption = None,
    output_format: LookupFormatOption = LookupFormat.text,
) -> None:
    """A district leader and the tasks they lead, with the responsible and cooperating units.

    Exit status: 0 found, 1 no such person (the closest names are suggested) or several, 2 unreadable corpus.
    """
    from .queries import leader_work

    _answer("leader", lambda source: leader_work(source, " ".join(query)), corpus, release, output_format)


@app.command("show")
def show_entity(
    what: Annotated[
        str, typer.Argument(metavar="KIND|ID", help="part, section, measure, category or task; or an entity ID.")
    ],
    number: Annotated[
        int | None,
        typer.Argument(
            help="The number, after a KIND: the one in its ID, as printed unless the source misnumbers.", min=0
        ),
    ] = None,
    notice: NoticeOption = None,
    corpus: CorpusOption = None,
    release: ReleaseOption = None,
    output_format: LookupFormatOption = LookupFormat.text,
) -> None:
    """One part, section, measure, category or task, with its links both ways.

    'anwei show measure 24' or 'anwei show putuo-anwei-2022-6/measure/24'. Exit status: 0 found, 1 no such
    entity, 2 usage error or unreadable corpus.
    """
    from .queries import KINDS, show, show_id

    if number is None and what not in KINDS:
        _answer("show", lambda source: show_id(source, what), corpus, release, output_format)
    elif number is None:
        _fail_usage(f"give the number of the {what}: anwei show {what} N")
    else:
        _answer("show", lambda source: show(source, what, number, notice), corpus, release, output_format)


@app.command("stats")
def corpus_stats(
    corpus: CorpusOption = None,
    release: ReleaseOption = None,
    output_format: LookupFormatOption = LookupFormat.text,
) -> None:
    """Counts per notice, and per unit: measures, tasks as responsible, tasks as cooperating."""
    from .queries import stats

    _answer("stats", stats, corpus, release, output_format)


def main() -> None:
    """The typer application alone; the ``anwei`` script starts at ``anwei_corpus.entry.main``."""
    app(prog_name="anwei")
