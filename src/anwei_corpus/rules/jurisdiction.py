"""A notice names only units and people of its own jurisdiction, or of none.

Most names a district notice prints mean something only within the district: 区应急局 in a notice of 普陀区 is
普陀区应急局, and in a notice of 静安区 another bureau. A registry entry that belongs to one district carries its
``jurisdiction`` (the first segment of its notices' IDs, ``putuo``), and a notice's jurisdiction is its issuer's.
A notice whose issuer has one may refer only to entries of the same jurisdiction and to entries of none (a body of
the city, or of no one area). Each entry is reported once per file, at its first reference, with the lines of
the others. Example of a finding: ``unit 'emergency-bureau' is of jurisdiction putuo, but this
notice's issuer 'jingan-safety-committee' is of jingan``. Use the entry of the notice's own jurisdiction (add it to
the registry, with ``jurisdiction`` and its own ID, where there is none yet), or correct the entry's jurisdiction.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext, other_references
from ..diagnostics import Diagnostic, Severity
from ..references import Reference, person_references, unit_references

CODE = "AW315"
NAME = "jurisdiction"
SEVERITY = Severity.ERROR
SUMMARY = "A notice names only units and people of its issuer's jurisdiction, or of none."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, meta in ctx.notices_with("notice"):
        own = ctx.jurisdiction(notice)
        if own is None:
            continue
        for what, registry, references in (
            ("unit", "registry/units.yaml", unit_references(notice)),
            ("person", "registry/people.yaml", person_references(notice)),
        ):
            foreign: dict[tuple[str, str], list[Reference]] = {}  # (file, ID) → its references, in order
            for reference in references:
                if ctx.jurisdictions.get(reference.ident) not in (None, own):
                    foreign.setdefault((reference.file.name, reference.ident), []).append(reference)
            for found in foreign.values():
                first = found[0]
                yield ctx.finding(
                    first.file,
                    first.path,
                    f"{what} {first.ident!r} is of jurisdiction {ctx.jurisdictions[first.ident]}, but this notice's "
                    f"issuer {meta.issuer!r} is of {own}" + other_references(first.file, [r.path for r in found]),
                    hint=f"use the {what} of jurisdiction {own} (add it to {registry} with jurisdiction: {own} and "
                    "an ID of its own if there is none yet), or correct the jurisdiction of one of the two entries",
                )
