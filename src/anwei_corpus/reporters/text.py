"""Plain text: one finding per block, with the offending line and a caret under it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..diagnostics import Diagnostic

LineReader = Callable[[str, int], str | None]


def render(diagnostics: list[Diagnostic], read_line: LineReader) -> str:
    blocks = []
    for diagnostic in diagnostics:
        location = diagnostic.location
        lines = [f"{location.display()}: {diagnostic.code} [{diagnostic.severity.value}] {diagnostic.message}"]
        if location.line is not None:
            text = read_line(location.file, location.line)
            if text is not None:
                gutter = f"{location.line:>5} | "
                lines.append(gutter + text)
                lines.append(" " * (len(gutter) + _width(text[: (location.column or 1) - 1])) + "^")
        if diagnostic.hint:
            lines.append(f"  help: {diagnostic.hint}")
        for related in diagnostic.related:
            lines.append(f"  {diagnostic.related_label or 'see'}: {related.display()}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n\n" if blocks else "") + summary(diagnostics) + "\n"


def _width(text: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def summary(diagnostics: list[Diagnostic]) -> str:
    counts = Counter(d.severity.value for d in diagnostics)
    return ", ".join(f"{counts.get(name, 0)} {name}{'s' if counts.get(name, 0) != 1 else ''}"
                     for name in ("error", "warning", "info"))
