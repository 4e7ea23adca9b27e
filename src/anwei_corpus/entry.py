"""The ``anwei`` entry point: the runs that hooks and CI make most often start here without importing typer.

The typer application in ``cli.py`` defines every command and option. ``quick_output.py``, generated from it
(``python -m anwei_corpus.entry --write``; a test checks it is current), holds what this module needs to answer
``anwei --help`` (when not on a terminal, where typer would colour it), ``anwei rules`` and ``anwei validate``
alone: the help text, the rules list and validate's options. An argument list this module does not fully
understand goes to typer, which owns every usage error.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from .validate_command import EXIT_FINDINGS, EXIT_OK, run_validate

# Nothing here imports pathlib, typing or re: a quick path pays only for what it uses.


def _quick_validate(args: Sequence[str]) -> int | None:
    """Run ``anwei validate ARGS`` when every argument is one this module understands; None otherwise."""
    from .quick_output import VALIDATE_OPTIONS
    from .reporters import FORMATS

    values: dict[str, list[str]] = {}
    flags: dict[str, bool] = {}
    positional: list[str] = []
    tokens = list(args)
    while tokens:
        token = tokens.pop(0)
        if token == "--" or (token.startswith("-") and token != "-"):
            name, equals, inline = token.partition("=")
            if name not in VALIDATE_OPTIONS:
                return None
            parameter, kind = VALIDATE_OPTIONS[name]
            if kind in ("on", "off"):
                if equals:
                    return None
                flags[parameter] = kind == "on"
                continue
            if not equals and not tokens:
                return None
            value = inline if equals else tokens.pop(0)
            values.setdefault(parameter, []).append(value)
            if kind == "value" and len(values[parameter]) > 1:
                return None
        else:
            positional.append(token)
    formats = values.get("output_format", [])
    if len(positional) > 1 or any(value not in FORMATS for value in formats):
        return None
    jobs = values.get("jobs")
    if jobs and not (jobs[0].isascii() and jobs[0].isdigit() and int(jobs[0]) >= 1):
        return None  # typer reports the usage error
    output = values.get("output")
    return run_validate(
        positional[0] if positional else None,
        formats[0] if formats else None,
        values.get("select", []),
        values.get("ignore", []),
        flags.get("strict", False),
        output[0] if output else None,
        flags.get("cache", True),
        int(jobs[0]) if jobs else None,
    )


def _quick(args: Sequence[str]) -> int | None:
    """The exit status of a run answered here, or None for typer to answer."""
    if list(args) == ["--help"] and not sys.stdout.isatty():
        from .quick_output import HELP

        sys.stdout.write(HELP)
        return EXIT_OK
    if list(args) == ["rules"]:
        from .quick_output import RULES

        sys.stdout.write(RULES)
        return EXIT_OK
    if args and args[0] == "validate":
        return _quick_validate(args[1:])
    return None


def _without_pydantic_plugins() -> None:
    """Run the command's models without pydantic plugins, which observe validation in applications.

    Finding them reads the metadata of every installed package at the first model build, a tenth of a cold
    ``anwei validate``; pydantic's own switch, PYDANTIC_DISABLE_PLUGINS, still imports importlib.metadata. The
    stand-in answers pydantic's one question (which plugins?) with none. The Python API is left alone.
    """
    loader = type(sys)("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugins
    sys.modules.setdefault(loader.__name__, loader)


def main() -> None:
    gc.disable()  # a run is short and makes almost no cyclic garbage; collecting would only rescan the corpus
    _without_pydantic_plugins()
    try:
        status = _quick(sys.argv[1:])
        if status is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # the reader of the report has gone (`anwei validate | head`): exit 1, as typer does
        status = EXIT_FINDINGS
    if status is not None:
        _end(status)
    from .cli import app

    app(prog_name="anwei")


def _end(status: int) -> None:  # never returns (typing.NoReturn would import typing)
    """End a quick run without tearing the interpreter down, as mypy does: the teardown would free every module
    and object one by one and run a last garbage collection, about 20 ms of a 150 ms cold ``anwei validate``.
    Nothing is left to finish: the report is flushed and every file the run wrote was closed by the run."""
    try:
        sys.stderr.flush()
    except BrokenPipeError:  # nobody reads the messages any more: as for the report, the run ends with 1
        status = status or EXIT_FINDINGS
    os._exit(status)


def render_quick_output() -> str:
    """The text of ``quick_output.py``, from the typer application and the rules catalogue."""
    import json

    import typer.main
    from typer.testing import CliRunner

    from .catalog import as_text, codes
    from .cli import app

    help_text = CliRunner().invoke(app, ["--help"], prog_name="anwei", env={"COLUMNS": "80"}).output
    command = typer.main.get_command(app)
    options: dict[str, tuple[str, str]] = {}
    for parameter in command.commands["validate"].params:  # type: ignore[attr-defined]
        if parameter.param_type_name != "option" or parameter.name is None:
            continue
        kind = "on" if parameter.is_flag else "list" if parameter.multiple else "value"
        options.update({name: (parameter.name, kind) for name in parameter.opts})
        options.update({name: (parameter.name, "off") for name in parameter.secondary_opts})

    def text(lines: str) -> str:
        quoted = (json.dumps(line, ensure_ascii=False) for line in lines.splitlines(keepends=True))
        return "(\n" + "".join(f"    {line}\n" for line in quoted) + ")"

    listed = "".join(f'    "{name}": ("{parameter}", "{kind}"),\n' for name, (parameter, kind) in options.items())
    return (
        f'"""Generated from the typer application by ``python -m anwei_corpus.entry --write``: do not edit."""\n\n'
        f"HELP = {text(help_text)}\n\nRULES = {text(as_text(codes()))}\n\n"
        f"VALIDATE_OPTIONS: dict[str, tuple[str, str]] = {{\n{listed}}}\n"
    )


QUICK_OUTPUT = os.path.join(os.path.dirname(__file__), "quick_output.py")

if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        with open(QUICK_OUTPUT, "w", encoding="utf-8") as stream:
            stream.write(render_quick_output())
    else:
        main()
