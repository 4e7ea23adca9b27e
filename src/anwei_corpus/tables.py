"""The release as relational tables: CSV files, a Frictionless Data Package, a SQLite database, Datasette metadata.

One list of table definitions (:data:`TABLES`) owns the columns, keys and rows; every format is derived from it.
A column taken from a release model takes its type, description, pattern and enum from that model's JSON Schema,
so the tables say what the JSON Schema says. Each entity is one row; each list of references is a link table with
a position column, so no cell holds a list.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .models import release as out
from .release_layout import DATABASE_FILE, DATAPACKAGE_FILE, DATASETTE_METADATA_FILE, to_json

TEXT_SEARCH_TABLE = "texts"
# The notice is an official document, which the Copyright Law of the PRC (Article 5) leaves outside copyright.
LICENSES = [
    {
        "name": "other-pd",
        "title": "Public domain: an official document, excluded from copyright by Article 5 of the Copyright Law "
        "of the People's Republic of China",
    }
]

Row = tuple[str | int | None, ...]


@dataclass(frozen=True)
class Column:
    """A column: its Table Schema field, its SQLite column and its Datasette description at once."""

    name: str
    type: str
    title: str
    description: str
    required: bool = True
    unique: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: int | None = None
    maximum: int | None = None

    def table_schema_field(self) -> dict[str, object]:
        constraints: dict[str, object] = {"required": self.required}
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        for bound in ("minimum", "maximum"):
            if getattr(self, bound) is not None:
                constraints[bound] = getattr(self, bound)
        if self.pattern:
            constraints["pattern"] = self.pattern.removeprefix("^").removesuffix("$")
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "type": self.type,
            "constraints": constraints,
        }

    def sql(self) -> str:
        sql_type = "INTEGER" if self.type == "integer" else "TEXT"
        parts = [f'"{self.name}" {sql_type}']
        if self.required:
            parts.append("NOT NULL")
        if self.unique:
            parts.append("UNIQUE")
        if self.enum:
            parts.append(f'CHECK ("{self.name}" IN ({", ".join(_sql_string(v) for v in self.enum)}))')
        if self.minimum is not None:
            parts.append(f'CHECK ("{self.name}" >= {self.minimum})')
        if self.maximum is not None:
            parts.append(f'CHECK ("{self.name}" <= {self.maximum})')
        return " ".join(parts)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def model_column(
    name: str, model: type[BaseModel], model_field: str | None = None, title: str | None = None, **overrides: Any
) -> Column:
    """A column whose type, description, pattern and enum come from a field of a release model.

    A list-valued field gives the column of one of its items (a link table's ``unit_id`` from ``Measure.units``).
    """
    prop = model.model_json_schema(mode="serialization")["properties"][model_field or name]
    description = overrides.pop("description", prop["description"])
    required = True
    if "anyOf" in prop:
        choices = [choice for choice in prop["anyOf"] if choice.get("type") != "null"]
        required = len(choices) == len(prop["anyOf"])
        prop = choices[0]
    if prop.get("type") == "array":
        prop = prop["items"]
    kind = "date" if prop.get("format") == "date" else prop["type"]
    settings: dict[str, Any] = {
        "required": required,
        "enum": tuple(prop.get("enum", ())),
        "pattern": prop.get("pattern"),
        "minimum": prop.get("minimum"),
        "maximum": prop.get("maximum"),
    }
    settings.update(overrides)
    return Column(name, kind, title or name.replace("_", " ").capitalize(), description, **settings)


def id_column(what: str, model: type[BaseModel]) -> Column:
    return model_column("id", model, title=f"{what} ID", unique=True)


def ref_column(name: str, target: str, required: bool = True, title: str | None = None) -> Column:
    """A column holding the ID of a row of another table."""
    return Column(name, "string", title or name.replace("_", " ").capitalize(), f"ID of the row in {target}.", required)


def position_column(of: str) -> Column:
    return Column("position", "integer", "Position", f"1-based position in the printed order of {of}.")


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    target_columns: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[out.Corpus], Iterator[Row]]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    def resource(self) -> dict[str, object]:
        schema: dict[str, object] = {
            "fields": [column.table_schema_field() for column in self.columns],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(key.columns),
                    "reference": {"resource": key.table, "fields": list(key.target_columns)},
                }
                for key in self.foreign_keys
            ]
        return {
            "name": self.name,
            "path": f"{self.name}.csv",
            "title": self.title,
            "description": self.description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True},
            "schema": schema,
        }

    def create_sql(self) -> str:
        lines = [column.sql() for column in self.columns]
        lines.append(f"PRIMARY KEY ({_names(self.primary_key)})")
        lines += [
            f'FOREIGN KEY ({_names(key.columns)}) REFERENCES "{key.table}" ({_names(key.target_columns)})'
            for key in self.foreign_keys
        ]
        return f'CREATE TABLE "{self.name}" (\n  ' + ",\n  ".join(lines) + "\n)"


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in columns)


def _notice_key(name: str = "notice_id") -> ForeignKey:
    return ForeignKey((name,), "notices")


def _notice_rows(corpus: out.Corpus) -> Iterator[Row]:
    for n in corpus.notices:
        yield (
            n.id,
            n.doc_number,
            n.doc_number_parts.organ_code,
            n.doc_number_parts.year,
            n.doc_number_parts.serial,
            n.date.isoformat(),
            n.title,
            n.issuer,
            n.issuer_mark,
            n.addressee,
            n.transmittal,
            n.signature,
            n.attachment_note,
            n.annotation,
            n.imprint_organ,
            n.imprint_date.isoformat(),
            n.copies,
            n.body_title,
            n.opening,
            n.closing,
            n.announced_tasks,
            n.attachment_title,
            n.categories_printed,
            n.tasks_printed,
            n.source.file,
            n.source.sha256,
        )


def _each(corpus: out.Corpus, name: str) -> Iterator[tuple[out.Notice, Any]]:
    for notice in corpus.notices:
        for entity in getattr(notice, name):
            yield notice, entity


def _part_rows(corpus: out.Corpus) -> Iterator[Row]:
    for notice, p in _each(corpus, "parts"):
        yield p.id, notice.id, p.number, p.title


def _section_rows(corpus: out.Corpus) -> Iterator[Row]:
    for notice, s in _each(corpus, "sections"):
        yield s.id, notice.id, notice.part(s.part).id, s.number, s.title, s.intro


def _measure_rows(corpus: out.Corpus) -> Iterator[Row]:
    for notice, m in _each(corpus, "measures"):
        part, section = notice.part(m.part).id, notice.section(m.section).id
        yield m.id, notice.id, part, section, m.number, m.text, m.assignment


def _category_rows(corpus: out.Corpus) -> Iterator[Row]:
    for notice, c in _each(corpus, "categories"):
        yield c.id, notice.id, c.number, c.title, c.subtotal_printed


def _task_rows(corpus: out.Corpus) -> Iterator[Row]:
    for notice, t in _each(corpus, "tasks"):
        category = None if t.category is None else notice.category(t.category).id
        yield t.id, notice.id, category, t.number, t.title, t.requirement, t.remark, t.link_basis, t.link_rationale


def _unit_rows(corpus: out.Corpus) -> Iterator[Row]:
    for u in corpus.units:
        yield u.id, u.name, u.kind, u.note, u.jurisdiction


def _alias_rows(corpus: out.Corpus) -> Iterator[Row]:
    for u in corpus.units:
        for position, alias in enumerate(u.aliases, 1):
            yield u.id, position, alias


def _person_rows(corpus: out.Corpus) -> Iterator[Row]:
    for p in corpus.people:
        yield p.id, p.name, p.note, p.jurisdiction


def _addressee_rows(corpus: out.Corpus) -> Iterator[Row]:
    for n in corpus.notices:
        for position, unit in enumerate(n.addressee_units, 1):
            yield n.id, position, unit


def _absent_rows(corpus: out.Corpus) -> Iterator[Row]:
    for n in corpus.notices:
        for a in n.absent_elements:
            yield n.id, a.element, a.note


def _measure_unit_rows(corpus: out.Corpus) -> Iterator[Row]:
    for _, m in _each(corpus, "measures"):
        position = 0
        for group_number, group in enumerate(m.unit_groups, 1):
            for unit in group:
                position += 1
                yield m.id, position, unit, group_number


def _task_leader_rows(corpus: out.Corpus) -> Iterator[Row]:
    for _, t in _each(corpus, "tasks"):
        for position, person in enumerate(t.leaders, 1):
            yield t.id, position, person


def _task_unit_rows(corpus: out.Corpus) -> Iterator[Row]:
    for _, t in _each(corpus, "tasks"):
        for role in TASK_UNIT_ROLES:
            for position, unit in enumerate(getattr(t, f"{role}_units"), 1):
                yield t.id, role, position, unit


def _task_measure_rows(corpus: out.Corpus) -> Iterator[Row]:
    for _, t in _each(corpus, "tasks"):
        for position, measure in enumerate(t.measure_ids, 1):
            yield t.id, position, measure


def _edit_rows(corpus: out.Corpus) -> Iterator[Row]:
    for notice in corpus.notices:
        for position, e in enumerate(notice.editorial, 1):
            yield (
                notice.id,
                position,
                e.entity,
                e.field,
                e.kind,
                e.edit_class,
                e.printed,
                e.reading,
                e.occurrence,
                e.certainty,
                e.note,
            )


TASK_UNIT_ROLES = ("responsible", "cooperating")
_NOTICE_ID = ref_column("notice_id", "notices", title="Notice ID")

TABLES: tuple[Table, ...] = (
    Table(
        "notices",
        "Notices",
        "One row per notice: its document elements, body texts and attachment counts.",
        (
            id_column("Notice", out.Notice),
            model_column("doc_number", out.Notice, title="Document number"),
            model_column("organ_code", out.DocNumber),
            model_column("year", out.DocNumber),
            model_column("serial", out.DocNumber),
            model_column("date", out.Notice),
            model_column("title", out.Notice),
            model_column("issuer", out.Notice, title="Issuer (unit ID)"),
            model_column("issuer_mark", out.Notice),
            model_column("addressee", out.Notice),
            model_column("transmittal", out.Notice),
            model_column("signature", out.Notice),
            model_column("attachment_note", out.Notice),
            model_column("annotation", out.Notice),
            model_column("imprint_organ", out.Notice),
            model_column("imprint_date", out.Notice),
            model_column("copies", out.Notice),
            model_column("body_title", out.Notice),
            model_column("opening", out.Notice),
            model_column("closing", out.Notice),
            model_column("announced_tasks", out.Notice),
            model_column("attachment_title", out.Notice),
            model_column("categories_printed", out.Notice),
            model_column("tasks_printed", out.Notice),
            model_column("source_file", out.Source, "file"),
            model_column("source_sha256", out.Source, "sha256", title="Source SHA-256"),
        ),
        ("id",),
        _notice_rows,
        (ForeignKey(("issuer",), "units"),),
    ),
    Table(
        "notice_addressees",
        "Addressees",
        "The units of a notice's 主送机关, in printed order.",
        (_NOTICE_ID, position_column("the addressees"), model_column("unit_id", out.Notice, "addressee_units")),
        ("notice_id", "position"),
        _addressee_rows,
        (_notice_key(), ForeignKey(("unit_id",), "units")),
    ),
    Table(
        "absent_elements",
        "Absent elements",
        "The GB/T 9704-2012 elements a notice does not carry.",
        (_NOTICE_ID, model_column("element", out.AbsentElement), model_column("note", out.AbsentElement)),
        ("notice_id", "element"),
        _absent_rows,
        (_notice_key(),),
    ),
    Table(
        "parts",
        "Parts",
        "The parts of a notice's body (一、…).",
        (
            id_column("Part", out.Part),
            _NOTICE_ID,
            model_column("number", out.Part),
            model_column("title", out.Part),
        ),
        ("id",),
        _part_rows,
        (_notice_key(),),
    ),
    Table(
        "sections",
        "Sections",
        "The subsections （一）… of the body, numbered continuously across parts.",
        (
            id_column("Section", out.Section),
            _NOTICE_ID,
            ref_column("part_id", "parts", title="Part ID"),
            model_column("number", out.Section),
            model_column("title", out.Section),
            model_column("intro", out.Section),
        ),
        ("id",),
        _section_rows,
        (_notice_key(), ForeignKey(("part_id",), "parts")),
    ),
    Table(
        "measures",
        "Measures",
        "The numbered measures of the body; their units are in measure_units.",
        (
            id_column("Measure", out.Measure),
            _NOTICE_ID,
            ref_column("part_id", "parts", title="Part ID"),
            ref_column("section_id", "sections", title="Section ID"),
            model_column("number", out.Measure),
            model_column("text", out.Measure),
            model_column("assignment", out.Measure),
        ),
        ("id",),
        _measure_rows,
        (_notice_key(), ForeignKey(("part_id",), "parts"), ForeignKey(("section_id",), "sections")),
    ),
    Table(
        "categories",
        "Categories",
        "The categories of the attachment's task table.",
        (
            id_column("Category", out.Category),
            _NOTICE_ID,
            model_column("number", out.Category),
            model_column("title", out.Category),
            model_column("subtotal_printed", out.Category),
        ),
        ("id",),
        _category_rows,
        (_notice_key(),),
    ),
    Table(
        "tasks",
        "Tasks",
        "The rows of the attachment's task table; leaders, units and measures are in the task_* link tables.",
        (
            id_column("Task", out.Task),
            _NOTICE_ID,
            ref_column("category_id", "categories", required=False, title="Category ID"),
            model_column("number", out.Task),
            model_column("title", out.Task),
            model_column("requirement", out.Task),
            model_column("remark", out.Task),
            model_column("link_basis", out.Task),
            model_column("link_rationale", out.Task),
        ),
        ("id",),
        _task_rows,
        (_notice_key(), ForeignKey(("category_id",), "categories")),
    ),
    Table(
        "units",
        "Units",
        "The unit registry: organisations and groups that notices assign work to.",
        (
            id_column("Unit", out.Unit),
            model_column("name", out.Unit),  # unique within a jurisdiction only
            model_column("kind", out.Unit),
            model_column("note", out.Unit),
            model_column("jurisdiction", out.Unit),  # last: added in schema 1.3.0
        ),
        ("id",),
        _unit_rows,
    ),
    Table(
        "unit_aliases",
        "Unit aliases",
        "Other printed spellings of a unit's name.",
        (
            ref_column("unit_id", "units", title="Unit ID"),
            position_column("the unit's aliases"),
            model_column("alias", out.Unit, "aliases"),
        ),
        ("unit_id", "position"),
        _alias_rows,
        (ForeignKey(("unit_id",), "units"),),
    ),
    Table(
        "people",
        "People",
        "The people registry: the district leaders who lead tasks.",
        (
            id_column("Person", out.Person),
            model_column("name", out.Person),
            model_column("note", out.Person),
            model_column("jurisdiction", out.Person),  # last: added in schema 1.3.0
        ),
        ("id",),
        _person_rows,
    ),
    Table(
        "measure_units",
        "Units of measures",
        "The units each measure's closing list names, in printed order, with the comma group they stand in.",
        (
            ref_column("measure_id", "measures", title="Measure ID"),
            position_column("the measure's unit list"),
            model_column("unit_id", out.Measure, "units", title="Unit ID"),
            Column("group", "integer", "Group", "1-based number of the comma-separated group the unit stands in."),
        ),
        ("measure_id", "position"),
        _measure_unit_rows,
        (ForeignKey(("measure_id",), "measures"), ForeignKey(("unit_id",), "units")),
    ),
    Table(
        "task_leaders",
        "Leaders of tasks",
        "The district leaders (牵头区领导) of each task, in printed order.",
        (
            ref_column("task_id", "tasks", title="Task ID"),
            position_column("the task's leaders"),
            model_column("person_id", out.Task, "leaders", title="Person ID"),
        ),
        ("task_id", "position"),
        _task_leader_rows,
        (ForeignKey(("task_id",), "tasks"), ForeignKey(("person_id",), "people")),
    ),
    Table(
        "task_units",
        "Units of tasks",
        "The responsible (责任单位) and cooperating (配合单位) units of each task, in printed order per role.",
        (
            ref_column("task_id", "tasks", title="Task ID"),
            Column("role", "string", "Role", "Whether the unit is responsible or cooperating.", enum=TASK_UNIT_ROLES),
            position_column("the task's units of that role"),
            model_column("unit_id", out.Task, "responsible_units", title="Unit ID", description="A unit ID."),
        ),
        ("task_id", "role", "position"),
        _task_unit_rows,
        (ForeignKey(("task_id",), "tasks"), ForeignKey(("unit_id",), "units")),
    ),
    Table(
        "task_measures",
        "Measures of tasks",
        "The measures each task restates or derives from, in the task's order.",
        (
            ref_column("task_id", "tasks", title="Task ID"),
            position_column("the task's measures"),
            model_column("measure_id", out.Task, "measure_ids", title="Measure ID", description="A measure ID."),
        ),
        ("task_id", "position"),
        _task_measure_rows,
        (ForeignKey(("task_id",), "tasks"), ForeignKey(("measure_id",), "measures")),
    ),
    Table(
        "edits",
        "Editorial record",
        "Every departure of the clean reading from the printed source.",
        (
            _NOTICE_ID,
            position_column("the notice's editorial record"),
            model_column("entity", out.EditorialRecord),
            model_column("field", out.EditorialRecord),
            model_column("kind", out.EditorialRecord),
            model_column("edit_class", out.EditorialRecord),
            model_column("printed", out.EditorialRecord),
            model_column("reading", out.EditorialRecord),
            model_column("occurrence", out.EditorialRecord),
            model_column("certainty", out.EditorialRecord),
            model_column("note", out.EditorialRecord),
        ),
        ("notice_id", "position"),
        _edit_rows,
        (_notice_key(),),
    ),
)

# The texts the search table holds: (table, text columns) — every text a reader may look for.
SEARCHED_TEXTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("notices", ("title", "transmittal", "body_title", "opening", "closing", "attachment_title")),
    ("parts", ("title",)),
    ("sections", ("title", "intro")),
    ("measures", ("text", "assignment")),
    ("categories", ("title",)),
    ("tasks", ("title", "requirement", "remark")),
)

VIEWS: dict[str, tuple[str, str]] = {
    "unit_measures": (
        "A unit's measures: one row per unit and measure that names it, with the unit's name and jurisdiction.",
        """SELECT mu.unit_id, u.name AS unit_name, u.jurisdiction AS unit_jurisdiction, m.notice_id, m.id AS measure_id, m.number AS measure_number,
       mu."group" AS unit_group, mu.position AS unit_position, m.text
FROM measure_units mu JOIN units u ON u.id = mu.unit_id JOIN measures m ON m.id = mu.measure_id
ORDER BY mu.unit_id, m.notice_id, m.number""",
    ),
    "unit_tasks": (
        "A unit's tasks: one row per unit, task and role (responsible or cooperating), with names.",
        """SELECT tu.unit_id, u.name AS unit_name, u.jurisdiction AS unit_jurisdiction, tu.role, t.notice_id, t.id AS task_id, t.number AS task_number,
       t.title, t.requirement
FROM task_units tu JOIN units u ON u.id = tu.unit_id JOIN tasks t ON t.id = tu.task_id
ORDER BY tu.unit_id, tu.role DESC, t.notice_id, t.number""",
    ),
    "leader_tasks": (
        "A leader's tasks: one row per district leader and task they lead.",
        """SELECT tl.person_id, p.name AS person_name, p.jurisdiction AS person_jurisdiction, t.notice_id, t.id AS task_id, t.number AS task_number,
       t.title, t.requirement
FROM task_leaders tl JOIN people p ON p.id = tl.person_id JOIN tasks t ON t.id = tl.task_id
ORDER BY tl.person_id, t.notice_id, t.number""",
    ),
    "unit_counts": (
        "Per unit: how many measures name it, and how many tasks it is responsible for or cooperates on.",
        """SELECT u.id AS unit_id, u.name AS unit_name, u.kind, u.jurisdiction AS unit_jurisdiction,
       (SELECT count(DISTINCT measure_id) FROM measure_units WHERE unit_id = u.id) AS measures,
       (SELECT count(*) FROM task_units WHERE unit_id = u.id AND role = 'responsible') AS responsible_tasks,
       (SELECT count(*) FROM task_units WHERE unit_id = u.id AND role = 'cooperating') AS cooperating_tasks
FROM units u
ORDER BY u.id""",
    ),
}


def table_rows(corpus: out.Corpus) -> dict[str, list[Row]]:
    """Every table's rows, in the release's order."""
    return {table.name: list(table.rows(corpus)) for table in TABLES}


def _csv(table: Table, rows: list[Row]) -> bytes:
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def datapackage(corpus: out.Corpus) -> dict[str, object]:
    """The Frictionless Data Package descriptor of the tables."""
    return {
        "profile": "tabular-data-package",
        "name": "anwei-corpus",
        "title": "anwei-corpus: " + "; ".join(notice.doc_number for notice in corpus.notices),
        "description": "The notices of the corpus as relational tables: one table per entity, one per link.",
        "version": corpus.corpus_version,
        "licenses": LICENSES,
        "sources": [{"title": f"{notice.doc_number} {notice.title}"} for notice in corpus.notices],
        "resources": [table.resource() for table in TABLES],
    }


def _search_rows(rows: dict[str, list[Row]]) -> Iterator[tuple[str, str, str, str]]:
    by_name = {table.name: table for table in TABLES}
    for table_name, text_columns in SEARCHED_TEXTS:
        names = [column.name for column in by_name[table_name].columns]
        for row in rows[table_name]:
            for column in text_columns:
                text = row[names.index(column)]
                if text:
                    yield table_name, str(row[0]), column, str(text)


def database(rows: dict[str, list[Row]]) -> bytes:
    """The SQLite database of the tables, as bytes: the same rows always give the same bytes."""
    import sqlite3

    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for pragma in ("page_size = 4096", "encoding = 'UTF-8'", "foreign_keys = ON", "journal_mode = OFF"):
            connection.execute(f"PRAGMA {pragma}")
        connection.execute("BEGIN")
        connection.execute("PRAGMA defer_foreign_keys = ON")  # the keys are checked at COMMIT
        for table in TABLES:
            connection.execute(table.create_sql())
            for key in table.foreign_keys:
                index = f"{table.name}_{'_'.join(key.columns)}"
                connection.execute(f'CREATE INDEX "{index}" ON "{table.name}" ({_names(key.columns)})')
        for table in TABLES:
            placeholders = ", ".join("?" * len(table.columns))
            connection.executemany(f'INSERT INTO "{table.name}" VALUES ({placeholders})', rows[table.name])
        for name, (_, query) in VIEWS.items():
            connection.execute(f'CREATE VIEW "{name}" AS {query}')
        connection.execute(
            f"CREATE VIRTUAL TABLE {TEXT_SEARCH_TABLE} USING fts5("
            "source_table UNINDEXED, entity_id UNINDEXED, field UNINDEXED, text, tokenize = 'trigram')"
        )
        connection.executemany(f"INSERT INTO {TEXT_SEARCH_TABLE} VALUES (?, ?, ?, ?)", _search_rows(rows))
        connection.execute(f"INSERT INTO {TEXT_SEARCH_TABLE}({TEXT_SEARCH_TABLE}) VALUES ('optimize')")
        connection.execute("COMMIT")
        connection.execute("VACUUM")
        return connection.serialize()
    finally:
        connection.close()


def datasette_metadata(corpus: out.Corpus) -> dict[str, object]:
    """Datasette's ``metadata.json``: titles, descriptions, licence and source for the database and its tables."""
    tables: dict[str, object] = {
        table.name: {
            "title": table.title,
            "description": table.description,
            "columns": {column.name: column.description for column in table.columns},
        }
        for table in TABLES
    }
    for name, (description, _) in VIEWS.items():
        tables[name] = {"description": description}
    tables[TEXT_SEARCH_TABLE] = {
        "description": "Every text of the corpus, searchable by any Chinese phrase of three or more characters "
        "(FTS5, trigram tokenizer): source_table and entity_id say where it stands.",
    }
    package = datapackage(corpus)
    return {
        "title": package["title"],
        "description": package["description"],
        "license": LICENSES[0]["title"],
        "source": "; ".join(source["title"] for source in package["sources"]),  # type: ignore[attr-defined]
        "databases": {DATABASE_FILE.removesuffix(".sqlite"): {"tables": tables}},
    }


def table_files(corpus: out.Corpus) -> dict[str, bytes]:
    """The release's table files by name: one CSV per table, the data package, the database, Datasette metadata."""
    rows = table_rows(corpus)
    files = {f"{table.name}.csv": _csv(table, rows[table.name]) for table in TABLES}
    files[DATAPACKAGE_FILE] = to_json(datapackage(corpus))
    files[DATABASE_FILE] = database(rows)
    files[DATASETTE_METADATA_FILE] = to_json(datasette_metadata(corpus))
    return files
