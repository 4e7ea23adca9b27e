"""The catalogue of codes: every rule and every loader or schema code, to list, look up and document.

``codes()`` is the twin of ``anwei rules``, ``lookup()`` and ``describe()`` of ``anwei rule CODE``, and
``as_markdown()`` writes ``docs/rules.md``.
"""

from __future__ import annotations

import difflib
import json
import re

from .codes import CodeDoc
from .rules import CODES


def codes() -> list[CodeDoc]:
    """Every code a run can report, loader and schema codes included, in code order."""
    return list(CODES.values())


def codes_by_id() -> dict[str, CodeDoc]:
    return dict(CODES)


class UnknownCode(LookupError):
    """No code or rule name matches the query; ``suggestions`` holds the closest codes."""

    def __init__(self, query: str, suggestions: list[str]):
        hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else " (see 'anwei rules')"
        super().__init__(f"unknown rule {query!r}{hint}")
        self.query = query
        self.suggestions = suggestions


def lookup(query: str) -> CodeDoc:
    """The code named by ``query``: a code (``AW301``, any case) or a rule name (``unknown-unit``)."""
    wanted = query.strip().lower()
    by_key = {key.lower(): doc for doc in codes() for key in (doc.code, doc.name)}
    if wanted in by_key:
        return by_key[wanted]
    close = difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=0.75)
    suggestions = list(dict.fromkeys(f"{by_key[key].code} ({by_key[key].name})" for key in close))
    raise UnknownCode(query, suggestions)


_RST_LITERAL = re.compile(r"``(.+?)``", re.DOTALL)
_RST_BLOCK_MARK = re.compile(r"::$", re.MULTILINE)


def for_terminal(text: str) -> str:
    """reStructuredText as a terminal shows it: ``x`` as `x`, and a literal block's ``::`` as ``:``."""
    return _RST_BLOCK_MARK.sub(":", _RST_LITERAL.sub(r"`\1`", text))


def describe(doc: CodeDoc) -> str:
    """The documentation of one code, as ``anwei rule`` prints it."""
    return for_terminal(f"{doc.code} {doc.name} [{doc.severity.value}]\n{doc.summary}\n\n{doc.documentation}\n")


def as_text(docs: list[CodeDoc]) -> str:
    """One aligned line per code: code, name, severity, summary."""
    name_width = max((len(doc.name) for doc in docs), default=0)
    return "".join(f"{doc.code}  {doc.name:<{name_width}}  {doc.severity.value:<7}  {doc.summary}\n" for doc in docs)


def as_json(docs: list[CodeDoc]) -> str:
    """A JSON list of codes with name, severity, state (active, retired), summary and documentation."""
    entries = [
        {
            "code": doc.code,
            "name": doc.name,
            "severity": doc.severity.value,
            "state": doc.state.value,
            "summary": doc.summary,
            "documentation": doc.documentation,
        }
        for doc in docs
    ]
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"


MARKDOWN_INTRO = """\
# Rules

<!-- Generated from the rule registry by `anwei rules --format markdown`; do not edit by hand. -->

Every finding of `anwei validate` carries one of these codes. Codes are stable: a code is never reused or \
renumbered. Select or ignore them with `--select` and `--ignore` (a code, or a prefix such as `AW3`); \
`anwei rule CODE` prints one entry.

AW0xx and AW1xx come from reading the files and checking them against the schema: a file with such an error \
is not checked further. The other codes come from the rules, which run on the files that loaded.
"""


def _anchor(doc: CodeDoc) -> str:
    return f"{doc.code}-{doc.name}".lower()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def as_markdown(docs: list[CodeDoc]) -> str:
    """The rules reference, ``docs/rules.md``."""
    lines = [
        MARKDOWN_INTRO,
        "| code | name | severity | summary |",
        "|------|------|----------|---------|",
        *(
            f"| [{doc.code}](#{_anchor(doc)}) | {doc.name} | {doc.severity.value} | {_cell(doc.summary)} |"
            for doc in docs
        ),
    ]
    for doc in docs:
        lines += [
            "",
            f"## {doc.code} {doc.name}",
            "",
            f"Severity: **{doc.severity.value}**. {doc.summary}",
            "",
            doc.documentation,
        ]
    return "\n".join(lines) + "\n"


RENDERERS = {"text": as_text, "json": as_json, "markdown": as_markdown}
