"""The answers of ``anwei unit|leader|show|stats`` as text (rich tables, 80 columns), JSON and Markdown.

Every answer is first laid out as a :class:`View` (a title, some fields, some tables of strings); the text and
Markdown renderers draw any view, so a new look-up needs only its layout.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Data = dict[str, Any]
TEXT_WIDTH = 80
SHORT_CELL = 12  # characters; a column whose cells are all this short is never wrapped


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]


@dataclass(frozen=True)
class View:
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def _names(refs: list[Data]) -> str:
    return "、".join(ref["name"] for ref in refs) or "—"


def _numbers(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers) or "—"


def _tables(
    title: str, columns: tuple[str, ...], rows: list[Data], cells: Callable[[Data], tuple[str, ...]]
) -> list[Table]:
    """One table of the rows, or, where they come from several notices, one per notice, named in its title (the
    numbers of measures and tasks are the notice's own)."""
    notices = list(dict.fromkeys(row["notice"] for row in rows))
    if len(notices) <= 1:
        return [Table(f"{title} ({len(rows)})", columns, [cells(row) for row in rows])]
    grouped = ([row for row in rows if row["notice"] == notice] for notice in notices)
    return [
        Table(f"{title} in {notice} ({len(group)})", columns, [cells(row) for row in group])
        for notice, group in zip(notices, grouped, strict=True)
    ]


def _jurisdiction(entry: Data) -> list[tuple[str, str]]:
    """The row of an entry's jurisdiction, where it has one (an entry of a release before them has none)."""
    return [("jurisdiction", entry["jurisdiction"])] if entry.get("jurisdiction") else []


def unit_view(data: Data) -> View:
    unit = data["unit"]
    fields = [("ID", unit["id"]), ("别称 aliases", "、".join(unit["aliases"]) or "—"), ("kind", unit["kind"])]
    fields += _jurisdiction(unit)
    if unit["collective"]:
        fields.append(("", "a collective: the notice names the group, not its members"))
    if unit["note"]:
        fields.append(("note", unit["note"]))
    measures = _tables(
        "Measures",
        ("No.", "Measure", "Other units"),
        data["measures"],
        lambda m: (f"{m['number']}\n§{m['section']}", m["text"], _names(m["other_units"])),
    )
    tasks = _tables(
        "Tasks",
        ("No.", "Task", "Role", "Leaders", "Measures"),
        data["tasks"],
        lambda t: (str(t["number"]), t["title"], t["role"], _names(t["leaders"]), _numbers(t["measures"])),
    )
    return View(unit["name"], fields, [*measures, *tasks])


def leader_view(data: Data) -> View:
    person = data["person"]
    fields = [("ID", person["id"]), *_jurisdiction(person)] + ([("note", person["note"])] if person["note"] else [])
    tasks = _tables(
        "Tasks led",
        ("No.", "Task", "Responsible", "Cooperating", "Measures"),
        data["tasks"],
        lambda t: (
            str(t["number"]),
            t["title"],
            _names(t["responsible_units"]),
            _names(t["cooperating_units"]),
            _numbers(t["measures"]),
        ),
    )
    return View(person["name"], fields, tasks)


def _listed(rows: list[Data], what: str, text: str) -> Table:
    return Table(f"{what} ({len(rows)})", ("No.", text.capitalize()), [(str(r["number"]), r[text]) for r in rows])


def _numbering(record: Data) -> str:
    """Where the source numbers the entity otherwise, in words."""
    note = f" ({record['note']})" if record["note"] else ""
    if record["kind"] == "typo":
        return f"the source prints it as {record['printed']}, by mistake{note}"
    return f"kept as printed; the source skips the number before it{note}"


def show_view(data: Data) -> View:
    kind, fields = data["kind"], [("ID", data["id"])]
    if data["misnumbered"] is not None:
        fields.append(("number", _numbering(data["misnumbered"])))
    tables = []
    if kind == "part":
        tables.append(_listed(data["sections"], "Sections", "title"))
    elif kind == "section":
        fields += [("part", str(data["part"])), ("intro", data["intro"] or "—")]
        tables.append(_listed(data["measures"], "Measures", "text"))
    elif kind == "measure":
        fields += [
            ("section", f"{data['section']} (part {data['part']})"),
            ("text", data["text"]),
            ("units", data["assignment"] or "none printed"),
        ]
        tables.append(_listed(data["tasks"], "Cited by tasks", "title"))
    elif kind == "category":
        fields.append(("小计 subtotal", str(data["subtotal_printed"])))
        tables.append(_listed(data["tasks"], "Tasks", "title"))
    else:
        fields += [
            ("category", str(data["category"]) if data["category"] is not None else "—"),
            ("leaders", _names(data["leaders"])),
            ("responsible", _names(data["responsible_units"])),
            ("cooperating", _names(data["cooperating_units"])),
            ("requirement", data["requirement"]),
            ("remark", data["remark"] or "—"),
            ("link", data["link_rationale"]),
        ]
        tables.append(_listed(data["measures"], "Measures", "text"))
    title = data.get("title") or data.get("text", "")
    return View(
        f"{kind} {data['number']}: {title}" if kind != "measure" else f"measure {data['number']}", fields, tables
    )


def stats_view(data: Data) -> View:
    notices = Table(
        "Notices",
        ("Notice", "Parts", "Sections", "Measures", "Categories", "Tasks", "Edits"),
        [
            (
                n["doc_number"],
                *(str(n[k]) for k in ("parts", "sections", "measures", "categories", "tasks", "editorial")),
            )
            for n in data["notices"]
        ],
    )
    several = len({entry.get("jurisdiction") for entry in data["units"]}) > 1  # names repeat across districts

    def named(entry: Data) -> str:
        return f"{entry['name']} ({entry['jurisdiction']})" if several and entry.get("jurisdiction") else entry["name"]

    units = Table(
        "Units",
        ("Unit", "Measures", "Responsible", "Cooperating"),
        [(named(u), str(u["measures"]), str(u["responsible"]), str(u["cooperating"])) for u in data["units"]],
    )
    people = Table("People", ("Leader", "Tasks"), [(named(p), str(p["tasks"])) for p in data["people"]])
    fields = [("corpus", data["corpus_version"]), ("schema", data["schema_version"])]
    return View("anwei corpus", fields, [notices, units, people])


class _Broken:
    """Text for rich, set in lines as Chinese typesetting breaks them (see line_breaking.py) at the width given.

    Rich itself folds Chinese anywhere, so that a line can start with 。 or cut 王 珏 in two.
    """

    def __init__(self, text: str, style: str = ""):
        self.text = text
        self.style = style

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.cells import cell_len
        from rich.segment import Segment

        from ..line_breaking import break_lines

        for line in break_lines(self.text, options.max_width, cell_len):
            yield Segment(line, console.get_style(self.style) if self.style else None)
            yield Segment.line()

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.cells import cell_len
        from rich.measure import Measurement

        from ..line_breaking import widest_piece

        widest = max((cell_len(line) for line in self.text.split("\n")), default=0)
        return Measurement(min(widest_piece(self.text, cell_len), options.max_width), min(widest, options.max_width))


def render_text(view: View) -> str:
    """The view as rich renders it for an 80-column terminal: Chinese text broken where Chinese lets it break."""
    from io import StringIO

    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    out = StringIO()
    console = Console(file=out, width=TEXT_WIDTH, color_system=None, emoji=False, highlight=False)
    console.print(_Broken(view.title, style="bold"))
    if view.fields:
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        for name, value in view.fields:
            grid.add_row(name, _Broken(value))
        console.print(grid)
    for table in view.tables:
        rich_table = RichTable(title=table.title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        running = [max((len(row[i]) for row in table.rows), default=0) > SHORT_CELL for i in range(len(table.columns))]
        for column, wraps in zip(table.columns, running, strict=True):
            # Short cells (numbers, roles) keep their width; columns of running text share the rest, broken in lines.
            rich_table.add_column(column, no_wrap=not wraps, ratio=1 if wraps else None)
        for row in table.rows:
            rich_table.add_row(*(_Broken(cell) if wraps else cell for cell, wraps in zip(row, running, strict=True)))
        console.print(rich_table if table.rows else Text(f"{table.title}: none", style="dim"))
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(view: View) -> str:
    lines = [f"## {view.title}", ""]
    lines += [f"- **{name}**: {_cell(value)}" if name else f"- {_cell(value)}" for name, value in view.fields]
    for table in view.tables:
        lines += ["", f"### {table.title}", ""]
        if not table.rows:
            lines.append("None.")
            continue
        lines += ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
        lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def render_json(data: Data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


VIEWS: dict[str, Callable[[Data], View]] = {
    "unit": unit_view,
    "leader": leader_view,
    "show": show_view,
    "stats": stats_view,
}
RENDERERS: dict[str, Callable[[View], str]] = {"text": render_text, "markdown": render_markdown}


def render(command: str, output_format: str, data: Data) -> str:
    """The answer of look-up ``command`` in ``output_format`` (text, json or markdown)."""
    if output_format == "json":
        return render_json(data)
    return RENDERERS[output_format](VIEWS[command](data))
