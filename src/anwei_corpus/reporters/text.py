"""Text for people: one block per finding, with the offending line, a caret under it, the hint and the other end
of a cross-reference, then a summary line. Coloured through rich when asked; rich is imported only then."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..diagnostics import Diagnostic, Location, Severity
from ..line_breaking import display_width
from ..printable import printable

LineReader = Callable[[str, int], str | None]
Span = tuple[str, str | None]  # a piece of text and the name of its style (None: unstyled)
Line = list[Span]

GUTTER_WIDTH = 5
SHOWN_CHARACTERS = 100  # of a long source line; measure texts run to 700 characters on one line
TAB = "    "

# Style names used by the spans, and how rich shows them.
STYLES = {
    "error": "bold red",
    "warning": "bold yellow",
    "info": "bold blue",
    "location": "bold",
    "code": "bold",
    "gutter": "blue",
    "help": "bold cyan",
    "related": "bold magenta",
}


def render(diagnostics: list[Diagnostic], read_line: LineReader, *, color: bool = False) -> str:
    """The report as text; with ``color``, with ANSI colour codes."""
    lines: list[Line] = []
    for diagnostic in diagnostics:
        lines += _block(diagnostic, read_line)
        lines.append([])
    lines.append(_summary_spans(diagnostics))
    return _coloured(lines) if color else "".join(_plain(line) + "\n" for line in lines)


def _block(diagnostic: Diagnostic, read_line: LineReader) -> list[Line]:
    severity = diagnostic.severity.value
    lines: list[Line] = [
        [
            (printable(diagnostic.location.display()), "location"),
            (": ", None),
            (diagnostic.code, "code"),
            (" [", None),
            (severity, severity),
            ("] ", None),
            (printable(diagnostic.message), None),
        ]
    ]
    lines += _snippet(diagnostic.location, read_line, severity)
    if diagnostic.hint:
        lines.append([("  help: ", "help"), (printable(diagnostic.hint), None)])
    for related in diagnostic.related:
        lines.append(
            [(f"  {diagnostic.related_label or 'see'}: ", "related"), (printable(related.display()), "location")]
        )
        lines += _snippet(related, read_line, "related")
    return lines


def _snippet(location: Location, read_line: LineReader, caret_style: str) -> list[Line]:
    """The source line of ``location`` and a caret under its column, or nothing when the line is unknown."""
    if location.line is None:
        return []
    text = read_line(location.file, location.line)
    if text is None:
        return []
    gutter = f"{location.line:>{GUTTER_WIDTH}} | "
    text, column = _window(text, location.column or 1)
    before = text[: column - 1]
    return [
        [(gutter, "gutter"), (_visible(text), None)],
        [(" " * (len(gutter) + display_width(_visible(before))), None), ("^", caret_style)],
    ]


def _window(text: str, column: int) -> tuple[str, int]:
    """A long line cut to the stretch around ``column`` (marked with …), and the column within that stretch."""
    if len(text) <= SHOWN_CHARACTERS:
        return text, column
    start = max(0, min(column - 1 - SHOWN_CHARACTERS // 4, len(text) - SHOWN_CHARACTERS))
    end = start + SHOWN_CHARACTERS
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + text[start:end] + suffix, column - start + len(prefix)


def _visible(text: str) -> str:
    """The line as it can be shown: tabs as spaces, control characters as their visible pictures."""
    return printable(text.replace("\t", TAB))


def _summary_spans(diagnostics: list[Diagnostic]) -> Line:
    counts = Counter(d.severity for d in diagnostics)
    spans: Line = []
    for severity in Severity:
        count = counts.get(severity, 0)
        if spans:
            spans.append((", ", None))
        noun = severity.value + ("s" if count != 1 and severity is not Severity.INFO else "")
        spans.append((f"{count} {noun}", severity.value if count else None))
    return spans


def summary(diagnostics: list[Diagnostic]) -> str:
    """``2 errors, 0 warnings, 1 info``."""
    return _plain(_summary_spans(diagnostics))


def _plain(line: Line) -> str:
    return "".join(text for text, _ in line)


def _coloured(lines: list[Line]) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        highlight=False,
        emoji=False,
        soft_wrap=True,
        width=1_000,
    )
    for line in lines:
        console.print(Text.assemble(*((text, STYLES[style] if style else "") for text, style in line)))
    return buffer.getvalue()
