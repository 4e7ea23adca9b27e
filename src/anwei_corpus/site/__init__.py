"""The reader's edition: the corpus as a static, self-contained HTML site.

Pages are drawn from the release models and the same look-ups as ``anwei unit``, ``anwei leader`` and
``anwei stats`` (``queries``). Every file is built as bytes first, so two builds of one corpus are byte-identical,
and the folder is written atomically under the same target rules as ``anwei export``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..atomic_folder import GENERATOR_NAME, seal, write_folder
from ..editorial import EditNotApplicable, segments
from ..models.release import Corpus, EditorialRecord, Notice
from ..numerals import chinese_numeral
from ..queries import leader_work, stats, unit_part_matrix, unit_work

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

STYLESHEET = "style.css"
# Printed forms of the edit classes, shown beside each marked reading.
EDIT_CLASSES = {"artefact": "提取痕迹", "source-error": "原文差错", "normalisation": "规范化"}


def notice_page(notice_id: str) -> str:
    return f"notices/{notice_id}/index.html"


def matrix_page(notice_id: str) -> str:
    return f"notices/{notice_id}/matrix.html"


def unit_page(unit_id: str) -> str:
    return f"units/{unit_id}.html"


def person_page(person_id: str) -> str:
    return f"people/{person_id}.html"


def chinese_date(value: object) -> str:
    """A date as the notice prints it: 2022年8月15日."""
    import datetime as dt

    assert isinstance(value, dt.date)
    return f"{value.year}年{value.month}月{value.day}日"


class EditorialMismatch(ValueError):
    """An editorial record names a reading that its text does not hold (a release edited by hand, say)."""


class Marker:
    """Renders a field's clean reading with each departure from the printed source marked in place.

    Each mark carries the reading, the printed form and the note; the page's stylesheet shows the note on hover
    or keyboard focus and swaps every reading for its printed form when the reader flips the switch. A number
    the source prints otherwise (an editorial record of field ``number``) is marked the same way, by
    :meth:`number`. Every mark has the anchor ``edit-N`` of its record, N counting the notice's records from 1;
    :meth:`unplaced` names the records no mark has shown yet.
    """

    def __init__(self, notice: Notice):
        self.records: dict[tuple[str, str], list[tuple[int, EditorialRecord]]] = {}
        for index, record in enumerate(notice.editorial, start=1):
            self.records.setdefault((record.entity, record.field), []).append((index, record))
        self.placed: dict[int, tuple[str, str]] = {}  # record number: the printed form and reading it shows

    def __call__(self, text: str, entity: str, field: str) -> Markup:
        from markupsafe import Markup, escape

        numbered = self.records.get((entity, field), [])
        index_of = {id(record): index for index, record in numbered}
        try:
            pieces = segments(text, [record for _, record in numbered])
        except EditNotApplicable as exc:
            raise EditorialMismatch(f"the editorial record of {entity} {field} does not fit its text: {exc}") from None
        html = []
        for piece in pieces:
            if isinstance(piece, str):
                html.append(escape(piece))
            else:
                html.append(self._mark(index_of[id(piece)], piece, piece.reading, piece.printed))
        return Markup("").join(html)

    def departs(self, entity: str) -> bool:
        """Whether the source numbers ``entity`` otherwise than 1, 2, 3 … (it has a record of field number)."""
        return (entity, "number") in self.records

    def number(self, entity: str, number: int, numeral: bool = False) -> Markup:
        """The entity's number, as a Chinese numeral or in digits, marked where the source's numbering departs."""
        from markupsafe import escape

        form: Callable[[int], str] = chinese_numeral if numeral else str
        records = self.records.get((entity, "number"), [])
        if not records:
            return escape(form(number))
        index, record = records[0]
        if len(records) > 1 or record.reading != str(number) or not record.printed.isdecimal():
            raise EditorialMismatch(
                f"the editorial record of {entity} number does not fit its number {number}: it reads "
                f"{record.reading!r}, printed {record.printed!r}"
            )
        return self._mark(index, record, form(number), form(int(record.printed)))

    def unplaced(self) -> list[EditorialRecord]:
        """The records no mark has shown so far, in the notice's order."""
        return [record for numbered in self.records.values() for index, record in numbered if index not in self.placed]

    def shown(self, index: int, record: EditorialRecord) -> tuple[str, str]:
        """The printed form and the reading that the mark of record ``index`` shows (四 and 五 for a part)."""
        return self.placed.get(index, (record.printed, record.reading))

    def _mark(self, index: int, record: EditorialRecord, reading: str, printed: str) -> Markup:
        from markupsafe import Markup

        self.placed[index] = (printed, reading)
        note = f"印作“{printed}”，读作“{reading}”（{EDIT_CLASSES[record.edit_class]}）。{record.note or ''}"
        return Markup(
            '<span class="edit {cls}" id="edit-{n}" tabindex="0" aria-describedby="edit-{n}-note">'
            '<span class="reading">{reading}</span><span class="printed">{printed}</span>'
            '<span class="note" id="edit-{n}-note" role="note">{note}</span></span>'
        ).format(cls=record.edit_class, n=index, reading=reading, printed=printed, note=note)


def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("anwei_corpus", "site/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(notice_page=notice_page, matrix_page=matrix_page, unit_page=unit_page, person_page=person_page)
    env.filters.update(numeral=chinese_numeral, chinese_date=chinese_date)
    return env


def _root(page: str) -> str:
    """The relative way from ``page`` back to the site's root folder."""
    return "../" * page.count("/")


def site_files(corpus: Corpus) -> dict[str, bytes]:
    """Every file of the reader's edition, by relative path, as bytes; the same corpus gives the same bytes."""
    env = _environment()
    units = {unit.id: unit for unit in corpus.units}
    people = {person.id: person for person in corpus.people}
    pages: dict[str, str] = {}

    def render(page: str, template: str, **context: object) -> None:
        context.update(root=_root(page), page=page, corpus=corpus, units=units, people=people)
        pages[page] = env.get_template(template).render(context)

    render("index.html", "index.html", counts=stats(corpus))
    for notice in corpus.notices:
        mark = Marker(notice)
        render(notice_page(notice.id), "notice.html", notice=notice, mark=mark)
        unplaced = mark.unplaced()
        if unplaced:
            record = unplaced[0]
            raise EditorialMismatch(
                f"the editorial record of {record.entity} {record.field} names nothing the notice page shows"
            )
        render(matrix_page(notice.id), "matrix.html", notice=notice, rows=unit_part_matrix(corpus, notice))
    for unit in corpus.units:
        render(unit_page(unit.id), "unit.html", work=unit_work(corpus, unit.id), notices=corpus.notices)
    for person in corpus.people:
        render(person_page(person.id), "person.html", work=leader_work(corpus, person.id))
    files = {name: text.encode("utf-8") for name, text in pages.items()}
    files[STYLESHEET] = env.loader.get_source(env, STYLESHEET)[0].encode("utf-8")  # type: ignore[union-attr]
    header = {"corpus_version": corpus.corpus_version, "schema_version": corpus.schema_version}
    return dict(sorted(seal(files, header, f"{GENERATOR_NAME} {__version__}").items()))


def build_site(
    corpus: Corpus,
    out_dir: str | os.PathLike[str],
    corpus_root: str | os.PathLike[str] | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> Path:
    """Write the reader's edition of ``corpus`` into ``out_dir`` atomically and return its path.

    The target rules are those of ``anwei export`` (``atomic_folder.write_folder``): a new or empty folder, or a
    folder this project wrote; with ``corpus_root``, a target inside the corpus (or holding it) is refused with
    FolderRefused. ``warn`` hears of leftovers of an interrupted earlier write that could not be removed.
    """
    protect = () if corpus_root is None else (corpus_root,)
    return write_folder(site_files(corpus), out_dir, protect=protect, warn=warn)
