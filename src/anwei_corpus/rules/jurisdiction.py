"""A notice names only units and people of its own jurisdiction, or of none.

Most names a district notice prints mean something only within the district: 区应急局 in a notice of 普陀区 is
普陀区应急局, and in a notice of 静安区 another bureau. A registry entry that belongs to one district carries its
``jurisdiction``, and a notice's jurisdiction is the first segment of its ID (``putuo-anwei-2022-6`` is of
``putuo``; the draft resolves names the same way). A notice may refer only to entries of its own jurisdiction and to
entries of none (a body of the city, or of no one area); its issuer is one of them, so an issuer entered for the
wrong district is reported at the ``issuer`` line. Each entry is reported once per file, at its first reference,
with the lines of the others, and the hint names the entry of the same name in the notice's jurisdiction where
there is one.

Example of a finding: ``unit 'emergency-bureau' is of jurisdiction putuo, but this notice is of jingan (the first
segment of its ID, jingan-anwei-2023-3)``, with the hint ``use 'jingan-emergency-bureau', the unit 区应急局 of
jingan``. Use the entry of the notice's own jurisdiction (add it to the registry, with ``jurisdiction`` and its own
ID, where there is none yet), correct the entry's jurisdiction, or correct the notice's ID while it is unreleased.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext, other_references
from ..diagnostics import Diagnostic, Severity
from ..references import Reference, person_references, unit_references

CODE = "AW315"
NAME = "jurisdiction"
SEVERITY = Severity.ERROR
SUMMARY = "A notice names only units and people of its own jurisdiction (its ID's first segment), or of none."


def _hint(ctx: CheckContext, what: str, ident: str, own: str) -> str:
    """Use the entry of the same name in the notice's jurisdiction, or add one."""
    name = ctx.entry_names.get(ident)
    ids = ctx.unit_ids if what == "unit" else ctx.person_ids
    namesake = next(
        (
            other
            for other, its in ctx.entry_names.items()
            if its == name and other in ids and ctx.jurisdictions.get(other) == own
        ),
        None,
    )
    if namesake is not None:
        return f"use {namesake!r}, the {what} {name} of {own}"
    registry = "registry/units.yaml" if what == "unit" else "registry/people.yaml"
    return (
        f"use the {what} of {own} (add it to {registry} with jurisdiction: {own} and an ID of its own if there is "
        "none yet), correct the jurisdiction of the entry, or correct the notice's ID while it is unreleased"
    )


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, meta in ctx.notices_with("notice"):
        own = ctx.jurisdiction(notice)
        for what, references in (("unit", unit_references(notice)), ("person", person_references(notice))):
            foreign: dict[tuple[str, str], list[Reference]] = {}  # (file, ID) → its references, in order
            for reference in references:
                if ctx.jurisdictions.get(reference.ident) not in (None, own):
                    foreign.setdefault((reference.file.name, reference.ident), []).append(reference)
            for found in foreign.values():
                first = found[0]
                yield ctx.finding(
                    first.file,
                    first.path,
                    f"{what} {first.ident!r} is of jurisdiction {ctx.jurisdictions[first.ident]}, but this notice is "
                    f"of {own} (the first segment of its ID, {meta.id})"
                    + other_references(first.file, [r.path for r in found]),
                    hint=_hint(ctx, what, first.ident, own),
                )
