"""Turn a checked source corpus into the public, flattened corpus model."""

from __future__ import annotations

from .corpus import CorpusSource, NoticeSource
from .models import release as out
from .models.common import EDIT_KIND_CLASSES, Passage
from .models.source import NOTICE_PASSAGES, AttachmentFile, Numbered, iter_measures
from .unit_lists import split_assignment


def _records(entity: str, field: str, passage: Passage) -> list[out.EditorialRecord]:
    return [
        out.EditorialRecord(
            entity=entity,
            field=field,
            kind=edit.kind,
            edit_class=EDIT_KIND_CLASSES[edit.kind],
            printed=edit.printed,
            reading=edit.reading,
            occurrence=edit.occurrence,
            certainty=edit.certainty,
            note=edit.note,
        )
        for edit in passage.edits
    ]


def _number_records(entity: str, numbered: Numbered) -> list[out.EditorialRecord]:
    """The record of where the source's numbering departs at this entity, as an editorial record of its number."""
    record = numbered.misnumbered
    if record is None:
        return []
    return [
        out.EditorialRecord(
            entity=entity,
            field="number",
            kind=record.kind,
            edit_class=EDIT_KIND_CLASSES[record.kind],
            printed=str(numbered.printed_number),
            reading=str(numbered.number),
            occurrence=1,
            certainty=record.certainty,
            note=record.note,
        )
    ]


def build_notice(source: NoticeSource) -> out.Notice:
    meta, body, attachment = source.notice.model, source.body.model, source.attachment.model
    assert meta is not None and body is not None and (attachment is not None or not source.has_attachment)
    nid = meta.id
    editorial: list[out.EditorialRecord] = []
    for name in NOTICE_PASSAGES:
        passage = getattr(meta, name)
        if passage is not None:
            editorial += _records(nid, name, passage)
    editorial += _records(nid, "date", meta.date.printed)
    editorial += _records(nid, "imprint_organ", meta.imprint.organ)
    editorial += _records(nid, "imprint_date", meta.imprint.date.printed)
    editorial += _records(nid, "body_title", body.title)
    editorial += _records(nid, "opening", body.opening)

    parts, sections, measures = [], [], []
    for part in body.parts:
        pid = f"{nid}/part/{part.number}"
        parts.append(out.Part(id=pid, number=part.number, title=part.title.text))
        editorial += _number_records(pid, part)
        editorial += _records(pid, "title", part.title)
        for section in part.sections:
            sid = f"{nid}/section/{section.number}"
            sections.append(
                out.Section(
                    id=sid,
                    number=section.number,
                    part=part.number,
                    title=section.title.text,
                    intro=section.intro.text if section.intro else None,
                )
            )
            editorial += _number_records(sid, section)
            editorial += _records(sid, "title", section.title)
            if section.intro:
                editorial += _records(sid, "intro", section.intro)
    for at in iter_measures(body):
        measure = at.measure
        mid = f"{nid}/measure/{measure.number}"
        split = split_assignment(measure.text) if measure.units else (measure.text, "")
        if split is None:
            raise ValueError(f"measure {measure.number} has no closing unit list; build only a checked corpus")
        measures.append(
            out.Measure(
                id=mid,
                number=measure.number,
                section=at.section.number,
                part=at.part.number,
                text=split[0],
                assignment=split[1],
                units=[uid for group in measure.units for uid in group],
                unit_groups=[list(group) for group in measure.units],
            )
        )
        editorial += _number_records(mid, measure)
        editorial += _records(mid, "text", Passage(text=measure.text, edits=measure.edits))
    editorial += _records(nid, "closing", body.closing.text)

    categories: list[out.Category] = []
    tasks: list[out.Task] = []
    if attachment is not None:
        editorial += _attachment(
            nid, attachment, {measure.number: measure.id for measure in measures}, categories, tasks
        )
    return out.Notice(
        id=nid,
        doc_number=meta.doc_number.printed,
        doc_number_parts=out.DocNumber(
            organ_code=meta.doc_number.organ_code, year=meta.doc_number.year, serial=meta.doc_number.serial
        ),
        date=meta.date.value,
        title=meta.title.text,
        issuer=meta.issuer,
        issuer_mark=meta.issuer_mark.text,
        addressee=meta.addressee.text,
        addressee_units=list(meta.addressee_units),
        transmittal=meta.transmittal.text,
        signature=meta.signature.text,
        attachment_note=meta.attachment_note.text if meta.attachment_note else None,
        annotation=meta.annotation.text if meta.annotation else None,
        imprint_organ=meta.imprint.organ.text,
        imprint_date=meta.imprint.date.value,
        copies=meta.copies,
        absent_elements=[out.AbsentElement(element=a.element, note=a.note) for a in meta.absent],
        body_title=body.title.text,
        opening=body.opening.text,
        closing=body.closing.text.text,
        announced_tasks=body.closing.announced_tasks,
        parts=parts,
        sections=sections,
        measures=measures,
        attachment_title=attachment.title.text if attachment else None,
        categories=categories,
        categories_printed=attachment.breakdown.categories_printed if attachment else None,
        tasks_printed=attachment.breakdown.tasks_printed if attachment else None,
        tasks=tasks,
        editorial=editorial,
        source=out.Source(file=meta.source.file, sha256=meta.source.sha256),
    )


def _attachment(
    nid: str,
    attachment: AttachmentFile,
    measure_ids: dict[int, str],
    categories: list[out.Category],
    tasks: list[out.Task],
) -> list[out.EditorialRecord]:
    """Fill ``categories`` and ``tasks`` from the task table; return the table's editorial records."""
    editorial = _records(nid, "attachment_title", attachment.title)
    for category in attachment.categories:
        cid = f"{nid}/category/{category.number}"
        categories.append(
            out.Category(
                id=cid, number=category.number, title=category.title.text, subtotal_printed=category.subtotal_printed
            )
        )
        editorial += _number_records(cid, category)
        editorial += _records(cid, "title", category.title)
    for task in attachment.tasks:
        tid = f"{nid}/task/{task.number}"
        tasks.append(
            out.Task(
                id=tid,
                number=task.number,
                category=task.category,
                title=task.title.text,
                leaders=list(task.leaders),
                responsible_units=list(task.responsible_units),
                cooperating_units=list(task.cooperating_units),
                requirement=task.requirement.text,
                remark=task.remark.text if task.remark else None,
                measures=list(task.links.measures),
                measure_ids=[measure_ids[number] for number in task.links.measures],
                link_basis=task.links.basis,
                link_rationale=task.links.rationale,
            )
        )
        editorial += _number_records(tid, task)
        editorial += _records(tid, "title", task.title)
        editorial += _records(tid, "requirement", task.requirement)
        if task.remark:
            editorial += _records(tid, "remark", task.remark)
    return editorial


def build_corpus(source: CorpusSource) -> out.Corpus:
    """The public model of a corpus that passed its checks."""
    manifest, units, people = source.manifest.model, source.units.model, source.people.model
    assert manifest is not None and units is not None and people is not None
    return out.Corpus(
        corpus_version=manifest.corpus_version,
        schema_version=manifest.schema_version,
        notices=[build_notice(notice) for notice in source.notices],
        units=[
            out.Unit(
                id=u.id, name=u.name, aliases=list(u.aliases), kind=u.kind, jurisdiction=u.jurisdiction, note=u.note
            )
            for u in units.units
        ],
        people=[out.Person(id=p.id, name=p.name, jurisdiction=p.jurisdiction, note=p.note) for p in people.people],
    )
