"""The look-ups that ``anwei unit|leader|show|stats``, the Python API and the reader's edition share.

Each function takes a corpus model and returns plain, JSON-ready data (dicts, lists, strings, numbers) in a
documented, stable shape: the JSON output of the command is exactly what the function returns, and the text and
Markdown views and the HTML pages are drawn from the same data.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from .models.release import (
    NUMBERED_LISTS,
    Ambiguous,
    Corpus,
    Measure,
    NotFound,
    Notice,
    Person,
    Task,
    Unit,
    _name_key,
    entry_labels,
)

Data = dict[str, Any]
# The kinds `show` answers for, singular, in printed order.
KINDS = tuple(NUMBERED_LISTS.values())
ROLES = ("responsible", "cooperating")


def _suggestions(key: str, entries: Sequence[Unit] | Sequence[Person]) -> list[str]:
    """Names and IDs close to ``key``: those that contain it first, then the closest by spelling."""
    wanted = _name_key(key)
    known = [label for entry in entries for label in (*entry.names, entry.id)]
    containing = [label for label in known if wanted and wanted in _name_key(label)]
    close = difflib.get_close_matches(wanted, known, n=5, cutoff=0.5)
    return list(dict.fromkeys([*containing, *close]))[:5]


def _find(entries: Sequence[Unit] | Sequence[Person], key: str, what: str) -> Any:
    wanted = _name_key(key)
    matches = [entry for entry in entries if wanted in (entry.id, *(_name_key(name) for name in entry.names))]
    if len(matches) > 1:
        raise Ambiguous(what, key, entry_labels(matches))
    if not matches:
        raise NotFound(what, key, _suggestions(key, entries))
    return matches[0]


def find_unit(corpus: Corpus, key: str) -> Unit:
    """The unit whose ID, name or alias is ``key`` (spaces ignored); NotFound with suggestions, or Ambiguous."""
    return _find(corpus.units, key, "unit")  # type: ignore[no-any-return]


def find_person(corpus: Corpus, key: str) -> Person:
    """The person whose ID or name is ``key`` (spaces ignored); NotFound with suggestions, or Ambiguous."""
    return _find(corpus.people, key, "person")  # type: ignore[no-any-return]


def _notice_of(entity_id: str) -> str:
    return entity_id.split("/", 1)[0]


def _ref(entry: Unit | Person) -> Data:
    return {"id": entry.id, "name": entry.name}


def _units(corpus: Corpus, ids: Sequence[str]) -> list[Data]:
    return [_ref(corpus.unit(unit_id)) for unit_id in ids]


def _people(corpus: Corpus, ids: Sequence[str]) -> list[Data]:
    return [_ref(corpus.person(person_id)) for person_id in ids]


def unit_data(unit: Unit) -> Data:
    """A unit's registry entry, with whether it is a collective (a group the notice names without listing)."""
    return {**unit.model_dump(mode="json"), "collective": unit.kind == "collective"}


def _measure_row(measure: Measure) -> Data:
    return {"id": measure.id, "notice": _notice_of(measure.id), "number": measure.number, "text": measure.text}


def _task_row(corpus: Corpus, task: Task) -> Data:
    return {
        "id": task.id,
        "notice": _notice_of(task.id),
        "number": task.number,
        "title": task.title,
        "leaders": _people(corpus, task.leaders),
        "responsible_units": _units(corpus, task.responsible_units),
        "cooperating_units": _units(corpus, task.cooperating_units),
        "measures": task.measures,
    }


def unit_work(corpus: Corpus, key: str) -> Data:
    """What ``anwei unit KEY`` answers: the unit, every measure that names it and every task that names it.

    Measures carry their section, part, assignment and the other units of the same list; tasks carry the unit's
    role (``responsible`` or ``cooperating``), the leaders and the linked measure numbers. Collectives are
    reported as the units they are, not expanded.
    """
    unit = find_unit(corpus, key)
    measures = [
        {
            **_measure_row(measure),
            "section": measure.section,
            "part": measure.part,
            "assignment": measure.assignment,
            "other_units": _units(corpus, [u for u in measure.units if u != unit.id]),
        }
        for notice in corpus.notices
        for measure in notice.measures
        if unit.id in measure.units
    ]
    tasks = [
        {**_task_row(corpus, task), "role": role}
        for notice in corpus.notices
        for task in notice.tasks
        for role in ROLES
        if unit.id in getattr(task, f"{role}_units")
    ]
    return {"unit": unit_data(unit), "measures": measures, "tasks": tasks}


def leader_work(corpus: Corpus, key: str) -> Data:
    """What ``anwei leader KEY`` answers: the person and the tasks they lead, with their units and measures."""
    person = find_person(corpus, key)
    tasks = [_task_row(corpus, task) for notice in corpus.notices for task in notice.tasks if person.id in task.leaders]
    return {"person": person.model_dump(mode="json"), "tasks": tasks}


def pick_notice(corpus: Corpus, notice_id: str | None) -> Notice:
    """The notice named, or the only one; Ambiguous when several exist and none is named."""
    if notice_id is not None:
        return corpus.notice(notice_id)
    if len(corpus.notices) == 1:
        return corpus.notices[0]
    raise Ambiguous(
        "the notice",
        "",
        [(notice.id, notice.doc_number) for notice in corpus.notices],
        "name one with --notice ID (in Python, notice_id=...)",
    )


def parse_entity_id(entity_id: str) -> tuple[str, str, int]:
    """``putuo-anwei-2022-6/measure/24`` as (notice, kind, number); ValueError for anything else."""
    pieces = entity_id.strip().split("/")
    if len(pieces) != 3 or pieces[1] not in KINDS or not pieces[2].isdigit():
        raise ValueError(f"{entity_id!r} is not an entity ID; expected <notice>/<{'|'.join(KINDS)}>/<number>")
    return pieces[0], pieces[1], int(pieces[2])


def _misnumbered(notice: Notice, entity_id: str) -> Data | None:
    """Where the source's numbering departs at the entity, as its source records it; None where it does not.

    ``typo``: the source prints ``printed`` where the sequence has the entity's number; ``doubt``: the number is
    kept as printed, and the source skips the one before it.
    """
    record = notice.number_record(entity_id)
    if record is None:
        return None
    printed = int(record.printed) if record.printed.isdecimal() else record.printed
    return {
        "kind": record.kind,
        "printed": printed if record.kind == "typo" else None,
        "certainty": record.certainty,
        "note": record.note,
    }


def show(corpus: Corpus, kind: str, number: int, notice_id: str | None = None) -> Data:
    """What ``anwei show KIND NUMBER`` answers: the entity's fields and its links both ways.

    A part lists its sections; a section its measures; a measure the tasks that cite it; a category its tasks;
    a task its measures with their texts, its leaders and its units by name. ``misnumbered`` says where the
    source numbers the entity otherwise (None where it does not). ValueError for an unknown kind; NotFound for a
    number the notice lacks, saying so where the source skips it.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    notice = pick_notice(corpus, notice_id)
    entity = getattr(notice, kind)(number)
    data: Data = {
        "kind": kind,
        "notice": notice.id,
        **entity.model_dump(mode="json"),
        "misnumbered": _misnumbered(notice, entity.id),
    }
    if kind == "part":
        data["sections"] = [
            {"id": s.id, "number": s.number, "title": s.title} for s in notice.sections if s.part == number
        ]
    elif kind == "section":
        data["measures"] = [_measure_row(m) for m in notice.measures if m.section == number]
    elif kind == "measure":
        data["units"] = _units(corpus, entity.units)
        data["tasks"] = [{"id": t.id, "number": t.number, "title": t.title} for t in notice.tasks_of_measure(entity)]
    elif kind == "category":
        data["tasks"] = [
            {"id": t.id, "number": t.number, "title": t.title} for t in notice.tasks if t.category == number
        ]
    else:
        data.update(
            leaders=_people(corpus, entity.leaders),
            responsible_units=_units(corpus, entity.responsible_units),
            cooperating_units=_units(corpus, entity.cooperating_units),
            measures=[_measure_row(m) for m in notice.measures_of_task(entity)],
        )
    return data


def show_id(corpus: Corpus, entity_id: str) -> Data:
    """What ``anwei show ID`` answers, for an ID such as ``putuo-anwei-2022-6/task/17``."""
    notice_id, kind, number = parse_entity_id(entity_id)
    return show(corpus, kind, number, notice_id)


def unit_counts(corpus: Corpus, unit: Unit) -> Data:
    """How much work names a unit: measures, tasks as responsible, tasks as cooperating (over all notices)."""
    tasks = [task for notice in corpus.notices for task in notice.tasks]
    return {
        "measures": sum(unit.id in m.units for notice in corpus.notices for m in notice.measures),
        "responsible": sum(unit.id in t.responsible_units for t in tasks),
        "cooperating": sum(unit.id in t.cooperating_units for t in tasks),
    }


def stats(corpus: Corpus) -> Data:
    """What ``anwei stats`` answers: counts per notice, per unit and per person."""
    notices = [
        {
            "id": notice.id,
            "doc_number": notice.doc_number,
            **{name: len(getattr(notice, name)) for name in NUMBERED_LISTS},
            "editorial": len(notice.editorial),
        }
        for notice in corpus.notices
    ]
    units = [
        {**_ref(unit), "kind": unit.kind, "jurisdiction": unit.jurisdiction, **unit_counts(corpus, unit)}
        for unit in corpus.units
    ]
    people = [
        {
            **_ref(person),
            "jurisdiction": person.jurisdiction,
            "tasks": sum(person.id in t.leaders for n in corpus.notices for t in n.tasks),
        }
        for person in corpus.people
    ]
    return {
        "corpus_version": corpus.corpus_version,
        "schema_version": corpus.schema_version,
        "notices": notices,
        "units": units,
        "people": people,
    }


def unit_part_matrix(corpus: Corpus, notice: Notice) -> list[Data]:
    """Per unit, the number of measures it carries in each part of ``notice`` and its tasks by role.

    Units the notice names nowhere are left out; rows follow the registry order.
    """
    rows = []
    for unit in corpus.units:
        per_part = [sum(unit.id in m.units for m in notice.measures if m.part == p.number) for p in notice.parts]
        responsible = sum(unit.id in t.responsible_units for t in notice.tasks)
        cooperating = sum(unit.id in t.cooperating_units for t in notice.tasks)
        if any(per_part) or responsible or cooperating:
            rows.append({**_ref(unit), "parts": per_part, "responsible": responsible, "cooperating": cooperating})
    return rows
