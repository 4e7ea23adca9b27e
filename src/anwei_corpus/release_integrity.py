"""What a release must hold together: unique keys and references that resolve, checked on the flattened corpus.

The validator checks these on the YAML before a release is written; a release read back (``load_release``) is
checked again, because whatever is on disk may have been written by something else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .models.release import Corpus

SHOWN = 3  # how many offenders a problem names


def _duplicates(what: str, keys: Iterable[object]) -> list[str]:
    repeated = [key for key, count in Counter(keys).items() if count > 1]
    return [f"{what} listed more than once: {_some(repeated)}"] if repeated else []


def _unknown(what: str, references: Iterable[tuple[str, object]], known: set[object]) -> list[str]:
    dangling = [f"{where} -> {key}" for where, key in references if key not in known]
    return [f"{what}: {_some(dangling)}"] if dangling else []


def _some(items: list[object] | list[str]) -> str:
    shown = ", ".join(str(item) for item in items[:SHOWN])
    return shown + (f" and {len(items) - SHOWN} more" if len(items) > SHOWN else "")


def problems(corpus: Corpus) -> list[str]:
    """Every way ``corpus`` fails to hold together, in words, each naming the first few offenders."""
    found = _duplicates("notice", (n.id for n in corpus.notices))
    found += _duplicates("unit", (u.id for u in corpus.units))
    found += _duplicates("person", (p.id for p in corpus.people))
    units = {unit.id for unit in corpus.units}
    people = {person.id for person in corpus.people}
    for notice in corpus.notices:
        for what, entities in (
            ("part", notice.parts),
            ("section", notice.sections),
            ("measure", notice.measures),
            ("category", notice.categories),
            ("task", notice.tasks),
        ):
            found += _duplicates(f"{notice.id}: {what}", (entity.number for entity in entities))
            found += _duplicates(f"{notice.id}: {what} ID", (entity.id for entity in entities))
        parts = {part.number for part in notice.parts}
        sections = {section.number for section in notice.sections}
        measures = {measure.number for measure in notice.measures}
        categories = {category.number for category in notice.categories}
        found += _unknown(
            f"{notice.id}: unknown part",
            [(s.id, s.part) for s in notice.sections] + [(m.id, m.part) for m in notice.measures],
            set(parts),
        )
        found += _unknown(f"{notice.id}: unknown section", [(m.id, m.section) for m in notice.measures], set(sections))
        found += _unknown(
            f"{notice.id}: unknown category",
            [(t.id, t.category) for t in notice.tasks if t.category is not None],
            set(categories),
        )
        found += _unknown(
            f"{notice.id}: unknown measure", [(t.id, n) for t in notice.tasks for n in t.measures], set(measures)
        )
        unit_references = [(notice.id, notice.issuer)] + [(notice.id, unit) for unit in notice.addressee_units]
        unit_references += [(m.id, unit) for m in notice.measures for unit in m.units]
        unit_references += [(m.id, unit) for m in notice.measures for group in m.unit_groups for unit in group]
        unit_references += [(t.id, unit) for t in notice.tasks for unit in (*t.responsible_units, *t.cooperating_units)]
        found += _unknown(f"{notice.id}: unknown unit", unit_references, set(units))
        found += _unknown(
            f"{notice.id}: unknown leader", [(t.id, p) for t in notice.tasks for p in t.leaders], set(people)
        )
    return found
