"""YAML syntax errors said in a maintainer's words, at the line the maintainer must edit.

The parser reports where it gave up, which is often a line or more past the mistake, in its own terms ("could not
find expected ':'"). Each heuristic below recognises one common mistake from the parser's error and the text around
it, and names the mistake where it stands. When none applies, the parser's words are kept and a hint is added.
"""

from __future__ import annotations

import io
import re
from typing import Any, NamedTuple

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.tokens import ScalarToken

from .slow_path import SlowPathSpent, metered

# A line that starts a mapping entry: indentation, any list dashes, then an ASCII key.
_KEY_LINE = re.compile(r"^( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_]*)")
_QUOTE_NAMES = {'"': "double-quoted", "'": "single-quoted"}


class SyntaxExplanation(NamedTuple):
    """What to report for a syntax error: message, 1-based position and a hint."""

    message: str
    line: int | None
    column: int | None
    hint: str


def explain(exc: MarkedYAMLError, text: str) -> SyntaxExplanation:
    lines = text.split("\n")
    for heuristic in (_unclosed_quote, _full_width_colon, _missing_colon, _misindented_key, _tab):
        found = heuristic(exc, lines, text)
        if found is not None:
            return found
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    hint = "check the quotes, brackets, colons and indentation on this line and the line before it"
    if problem == "mapping values are not allowed here":
        hint = "put a value that holds ': ' in quotes, or check the indentation of this line"
    return SyntaxExplanation(f"YAML syntax error: {problem}", line, column, hint)


def _candidate_lines(exc: MarkedYAMLError) -> list[int]:
    """0-based lines where the mistake may stand: the error's line, the line before it, the context's line."""
    candidates = []
    if exc.problem_mark is not None:
        candidates += [exc.problem_mark.line, exc.problem_mark.line - 1]
    if exc.context_mark is not None:
        candidates.append(exc.context_mark.line)
    return [number for number in dict.fromkeys(candidates) if number >= 0]


def _unclosed_quote(exc: MarkedYAMLError, lines: list[str], text: str) -> SyntaxExplanation | None:
    mark = exc.context_mark
    if exc.context == "while scanning a quoted scalar" and mark is not None:
        quote = lines[mark.line][mark.column]
        return SyntaxExplanation(
            f"{_QUOTE_NAMES.get(quote, 'quoted')} string opened here is never closed",
            mark.line + 1,
            mark.column + 1,
            f"end the value with {quote} on this line",
        )
    # A quote left open is closed by the opening quote of a later value; the parser then trips over what follows.
    token = _token_before(text, exc.problem_mark) if exc.problem_mark is not None else None
    if token is None or token.style not in _QUOTE_NAMES or token.start_mark.line == token.end_mark.line:
        return None
    if token.end_mark.line != exc.problem_mark.line:
        return None
    start = token.start_mark
    return SyntaxExplanation(
        f"{_QUOTE_NAMES[token.style]} string opened here is never closed",
        start.line + 1,
        start.column + 1,
        f"it runs on to line {token.end_mark.line + 1}, where the next {token.style} ends it; "
        f"end the value with {token.style} on line {start.line + 1}",
    )


def _token_before(text: str, mark: Any) -> ScalarToken | None:
    """The last token the pure-Python scanner reads before ``mark``, if it is a scalar."""
    from ruamel.yaml import YAML  # the pure-Python scanner costs its import only when a file needs it

    last = None
    try:
        for token in metered(YAML(typ="safe", pure=True).scan(io.StringIO(text))):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            last = token
    except YAMLError:
        pass
    except SlowPathSpent:
        return None  # the budget is spent: the finding keeps the parser's words
    return last if isinstance(last, ScalarToken) else None


def _full_width_colon(exc: MarkedYAMLError, lines: list[str], text: str) -> SyntaxExplanation | None:
    for number in _candidate_lines(exc):
        match = _KEY_LINE.match(lines[number])
        if match is None or not lines[number][match.end() :].lstrip(" ").startswith("："):
            continue
        key = match.group(3)
        column = lines[number].index("：", match.end()) + 1
        return SyntaxExplanation(
            f"full-width colon '：' after key {key!r} — use ':' followed by a space",
            number + 1,
            column,
            f"write `{key}: …` with the ASCII colon",
        )
    return None


def _missing_colon(exc: MarkedYAMLError, lines: list[str], text: str) -> SyntaxExplanation | None:
    if exc.problem != "could not find expected ':'" or exc.context_mark is None:
        return None
    number = exc.context_mark.line
    line = lines[number]
    match = _KEY_LINE.match(line)
    if match is None or not line[match.end() :].startswith(" ") or ":" in line[match.end() :]:
        return None
    key = match.group(3)
    return SyntaxExplanation(
        f"line {number + 1} has no ':' after {key!r}",
        number + 1,
        match.end() + 1,
        f"write `{key}: …` — a key is followed by ':' and a space",
    )


def _key_column(match: re.Match[str]) -> int:
    """The column (0-based) of a key line's key, after its indentation and any list dashes."""
    return match.start(3)


def _misindented_key(exc: MarkedYAMLError, lines: list[str], text: str) -> SyntaxExplanation | None:
    problem = exc.problem_mark
    if problem is None:
        return None
    match = _KEY_LINE.match(lines[problem.line])
    if match is None or match.group(2) or not lines[problem.line][match.end() :].startswith(":"):
        return None
    key, indentation = match.group(3), _key_column(match)
    if (exc.problem or "").startswith("expected <block end>") and exc.context_mark is not None:
        # The context is the mapping (or the list of mappings) the key fell out of.
        context_line = lines[exc.context_mark.line]
        entry = _KEY_LINE.match(" " * exc.context_mark.column + context_line[exc.context_mark.column :])
        expected = _key_column(entry) if entry is not None else None
    elif exc.problem == "mapping values are not allowed here" and problem.column == match.end():
        # An over-indented key reads as the continuation of the value above it.
        above = _previous_content_line(lines, problem.line)
        entry = _KEY_LINE.match(lines[above]) if above is not None else None
        expected = _key_column(entry) if entry is not None and _key_column(entry) < indentation else None
    else:
        return None
    if expected is None or expected == indentation:
        return None
    return SyntaxExplanation(
        f"`{key}` is indented {indentation} columns but the other keys of this entry are at {expected}",
        problem.line + 1,
        indentation + 1,
        f"indent `{key}` by {expected} spaces, like the keys before it",
    )


def _previous_content_line(lines: list[str], number: int) -> int | None:
    for above in range(number - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _tab(exc: MarkedYAMLError, lines: list[str], text: str) -> SyntaxExplanation | None:
    for number in _candidate_lines(exc):
        if "\t" in lines[number]:
            mark = exc.problem_mark or exc.context_mark
            return SyntaxExplanation(
                f"YAML syntax error: {exc.problem or exc.context}",
                mark.line + 1,
                mark.column + 1,
                f"line {number + 1} holds a tab; use spaces",
            )
    return None
