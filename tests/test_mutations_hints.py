"""Mistakes whose hint must be followable: each damage gives the complete list of findings (code, file, line, hint),
in the order reported, and doing what the first hint says, word for word, makes every finding go away.

The findings are those of ``anwei_corpus.validate`` without AW704 (the coverage figure, which any damage moves).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from conftest import NOTICE

from anwei_corpus import validate
from anwei_corpus.diagnostics import Diagnostic

BODY = f"{NOTICE}/body.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
META = f"{NOTICE}/notice.yaml"
UNITS = "registry/units.yaml"

Finding = tuple[str, str, int | None, str | None]


def reported(root: Path) -> list[Diagnostic]:
    return validate(root, ignore=["AW704"])


def findings(root: Path) -> list[Finding]:
    """(code, file relative to the corpus, line, hint) of every finding, in the order reported."""
    out = []
    for diagnostic in reported(root):
        file = (Path.cwd() / diagnostic.location.file).relative_to(root.resolve()).as_posix()
        out.append((diagnostic.code, file, diagnostic.location.line, diagnostic.hint))
    return out


def related(root: Path, diagnostic: Diagnostic) -> list[tuple[str, int | None]]:
    return [
        ((Path.cwd() / location.file).relative_to(root.resolve()).as_posix(), location.line)
        for location in diagnostic.related
    ]


def yaml_scalar(value: object) -> str:
    """A value as YAML: JSON is YAML, and a double-quoted string keeps line breaks and spaces."""
    return json.dumps(value, ensure_ascii=False)


def settings(hint: str) -> dict[str, object]:
    """The `key: value` pairs that a hint's last clause asks for (``set printed: '…'``, ``kind: typo, …``)."""
    clause = re.split(r"(?:: set |, so make it |: make it )", hint)[-1]
    clause = re.sub(r" \(.*\)$", "", clause)
    pairs = {}
    for key, value in re.findall(r"(\w+): ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[\w-]+)", clause):
        pairs[key] = ast.literal_eval(value) if value[0] in "'\"" else (int(value) if value.isdigit() else value)
    return pairs


def follow(root: Path, relative: str, line: int, hint: str) -> None:
    """Do what the hint says to the field at ``line`` (and its record's other fields): set each named key."""
    path = root / relative
    lines = path.read_text(encoding="utf-8").split("\n")
    wanted = settings(hint)
    assert wanted, hint
    index = line - 1
    indent = len(lines[index]) - len(lines[index].lstrip(" -"))
    # the mapping the field stands in: up to its first key, down to the next item or a shallower line
    top = index
    while not lines[top].lstrip().startswith("- ") and len(lines[top - 1]) - len(lines[top - 1].lstrip(" -")) == indent:
        top -= 1
    bottom = index
    while bottom + 1 < len(lines) and len(lines[bottom + 1]) - len(lines[bottom + 1].lstrip(" ")) == indent:
        if lines[bottom + 1].lstrip().startswith("- "):
            break
        bottom += 1
    for key, value in wanted.items():
        [at] = [i for i in range(top, bottom + 1) if re.match(rf"\s*(- )?{key}:", lines[i])]
        head = lines[at][: lines[at].index(f"{key}:") + len(key) + 1]
        lines[at] = f"{head} {yaml_scalar(value)}"
    path.write_text("\n".join(lines), encoding="utf-8")


def add_record(root: Path, relative: str, after: str, indent: int, hint: str) -> None:
    """Add the `edits` record a hint proposes, below the line holding ``after``, with a note."""
    record = settings(hint.split("record it in `edits` (", 1)[1].split(")", 1)[0])
    lines = [" " * indent + "edits:"]
    for number, (key, value) in enumerate(record.items()):
        lead = "  - " if number == 0 else "    "
        lines.append(" " * indent + f"{lead}{key}: {yaml_scalar(value)}")
    lines.append(" " * indent + "    note: 测试所加。")
    path = root / relative
    text = path.read_text(encoding="utf-8")
    start = text.index(after)
    end = text.index("\n", start) + 1
    path.write_text(text[:end] + "\n".join(lines) + "\n" + text[end:], encoding="utf-8")


# --- a mistake inside an editorial record ------------------------------------------------------------------------


def test_a_mistyped_printed_form_of_a_record_is_reported_at_the_record(corpus_copy):
    line = corpus_copy.replace(BODY, "printed: 应急管理 etc 制度", "printed: 应急管理 ec 制度")
    text_line = corpus_copy.line_of(BODY, "text: 强化企业法治意识")
    hint = (
        "the source prints '应急管理 etc 制度' where this record stands; it says printed: '应急管理 ec 制度': "
        "set printed: '应急管理 etc 制度'"
    )
    assert findings(corpus_copy.root) == [("AW701", BODY, line, hint)]
    [finding] = reported(corpus_copy.root)
    assert related(corpus_copy.root, finding) == [(BODY, text_line)]
    assert finding.related_label == "the text it is printed into"
    follow(corpus_copy.root, BODY, line, hint)
    assert findings(corpus_copy.root) == []


def test_a_typo_record_whose_printed_form_was_changed_names_what_the_source_prints(corpus_copy):
    line = corpus_copy.replace(BODY, "printed: “在转必停”", "printed: “左转必停”")
    hint = (
        "the source prints '“在转必停”' where this record stands; it says printed: '“左转必停”': "
        "set printed: '“在转必停”'"
    )
    assert findings(corpus_copy.root) == [("AW701", BODY, line, hint)]
    follow(corpus_copy.root, BODY, line, hint)
    assert findings(corpus_copy.root) == []


def test_a_record_turned_into_a_doubt_is_told_to_be_a_typo(corpus_copy):
    corpus_copy.replace(
        BODY,
        "- kind: typo\n                printed: “在转必停”",
        "- kind: doubt\n                printed: “右转必停”",
    )
    line = corpus_copy.line_of(BODY, "printed: “右转必停”")
    hint = (
        "the source prints '“在转必停”' where this record stands; it says printed: '“右转必停”': a doubt keeps the "
        "printed form; the text corrects it here, so make it kind: typo, printed: '“在转必停”'"
    )
    assert findings(corpus_copy.root) == [("AW701", BODY, line, hint)]
    follow(corpus_copy.root, BODY, line, hint)
    assert findings(corpus_copy.root) == []


def test_a_record_that_loses_a_line_break_is_compared_over_every_line(corpus_copy):
    line = corpus_copy.replace(BODY, 'printed: "”要\\n\\n求。"', 'printed: "”要\\n求。"')
    hint = "the source prints '”要\\n\\n求。' where this record stands; it says printed: '”要\\n求。': set printed: '”要\\n\\n求。'"
    assert findings(corpus_copy.root) == [("AW701", BODY, line, hint)]
    follow(corpus_copy.root, BODY, line, hint)
    assert findings(corpus_copy.root) == []


def test_a_change_to_a_repeated_character_gets_a_record_with_its_occurrence(corpus_copy):
    line = corpus_copy.replace(BODY, "推进规划落地见效", "推进规划落地规效")
    text = "立足本区应急管理“十四五”规划，全面落实区委、区政府有关安全发展和城区治理的工作措施，组织安全生产规划调研，推进规划落地"
    hint = (
        f"first difference at character {len(text) + 1} of the text: corpus has '规效。坚持立足当前与着眼', source has "
        "'见效。坚持立足当前与着眼'; if this corrects the source, record it in `edits` (kind: typo, printed: '见', "
        "reading: '规', occurrence: 4, note: …); otherwise restore the printed text"
    )
    assert findings(corpus_copy.root) == [("AW701", BODY, line, hint)]
    [finding] = reported(corpus_copy.root)
    written = corpus_copy.file(BODY).read_text(encoding="utf-8").split("\n")[line - 1]
    assert written[finding.location.column - 1] == "规" and written[finding.location.column :].startswith("效")
    add_record(corpus_copy.root, BODY, "units: [[committee-members]]", 12, hint)
    assert findings(corpus_copy.root) == []


# --- numbers: the field itself ------------------------------------------------------------------------------------


def test_a_changed_subtotal_is_one_mistake_reported_cause_first(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "subtotal_printed: 3", "subtotal_printed: 4")
    breakdown = corpus_copy.line_of(ATTACHMENT, "tasks_printed: 22")
    assert findings(corpus_copy.root) == [
        ("AW701", ATTACHMENT, line, "the source prints '3' here: set subtotal_printed: 3 (a printed number, which "
         "`edits` cannot correct)"),
        ("AW401", ATTACHMENT, line, "set subtotal_printed to the figure the source prints, or correct the category "
         "of the task that stands in the wrong one (category 2 holds tasks 6, 7, 8)"),
        ("AW402", ATTACHMENT, breakdown, "the line agrees with the 22 tasks in categories: correct the subtotals "
         "that miscount their tasks"),
    ]  # fmt: skip
    total = reported(corpus_copy.root)[2]
    assert related(corpus_copy.root, total) == [(ATTACHMENT, line)]
    follow(corpus_copy.root, ATTACHMENT, line, findings(corpus_copy.root)[0][3])
    assert findings(corpus_copy.root) == []


def test_a_changed_total_is_set_back_to_the_printed_figure(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "tasks_printed: 22", "tasks_printed: 21")
    assert findings(corpus_copy.root) == [
        ("AW701", ATTACHMENT, line, "the source prints '22' here: set tasks_printed: 22 (a printed number, which "
         "`edits` cannot correct)"),
        ("AW402", ATTACHMENT, line, None),
    ]  # fmt: skip
    follow(corpus_copy.root, ATTACHMENT, line, findings(corpus_copy.root)[0][3])
    assert findings(corpus_copy.root) == []


def test_a_renumbered_measure_is_set_back_to_its_printed_number(corpus_copy):
    line = corpus_copy.replace(BODY, "- number: 14\n", "- number: 41\n")
    link = corpus_copy.line_of(ATTACHMENT, "measures: [14]")
    found = findings(corpus_copy.root)
    assert found == [
        ("AW701", BODY, line, "the source prints '14' here: set number: 14 (a printed number, which `edits` cannot "
         "correct)"),
        ("AW201", BODY, line, "measures are numbered 1, 2, 3 … in the order they are printed; if the source itself skips "
         "measure 14, add misnumbered: {kind: doubt, note: …} (docs/maintainers.md, Editorial conventions)"),
        ("AW303", ATTACHMENT, link, None),
    ]  # fmt: skip
    follow(corpus_copy.root, BODY, line, found[0][3])
    assert findings(corpus_copy.root) == []


def test_a_section_numeral_is_set_back_as_a_number(corpus_copy):
    line = corpus_copy.replace(BODY, "\n      - number: 14\n", "\n      - number: 15\n") + 1  # a section
    found = findings(corpus_copy.root)
    assert found == [
        ("AW701", BODY, line, "the source prints '十四' here: set number: 14 (a printed number, which `edits` "
         "cannot correct)"),
        ("AW201", BODY, line, "sections are numbered 1, 2, 3 … in the order they are printed; if the source itself skips "
         "section 14, add misnumbered: {kind: doubt, note: …} (docs/maintainers.md, Editorial conventions)"),
    ]  # fmt: skip
    follow(corpus_copy.root, BODY, line, found[0][3])


def test_a_renumbered_task_is_set_back_to_the_number_its_row_is_printed_with(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "  - number: 17\n", "  - number: 71\n")
    found = findings(corpus_copy.root)
    assert found == [
        ("AW701", ATTACHMENT, line, "the source prints this row as task 17: set number: 17 (a printed number, which "
         "`edits` cannot correct)"),
        ("AW201", ATTACHMENT, line, "tasks are numbered 1, 2, 3 … in the order they are printed; if the source itself skips "
         "task 17, add misnumbered: {kind: doubt, note: …} (docs/maintainers.md, Editorial conventions)"),
    ]  # fmt: skip
    follow(corpus_copy.root, ATTACHMENT, line, found[0][3])
    assert findings(corpus_copy.root) == []


def test_a_changed_document_number_is_set_back_to_the_printed_string(corpus_copy):
    line = corpus_copy.replace(META, "printed: 普安委〔2022〕6号", "printed: 普安委〔2022〕7号")
    serial = corpus_copy.line_of(META, "serial: 6")
    found = findings(corpus_copy.root)
    assert found == [
        ("AW701", META, line, "the source prints '普安委〔2022〕6号' here: set printed: '普安委〔2022〕6号'"),
        ("AW203", META, serial, None),
    ]
    follow(corpus_copy.root, META, line, found[0][3])
    assert findings(corpus_copy.root) == []


def test_the_cause_and_consequence_pairs_name_known_codes_and_never_loop():
    from anwei_corpus.checker import CONSEQUENCES
    from anwei_corpus.rules import CODES

    assert {code for rule in CONSEQUENCES for code in (rule.cause, rule.effect)} <= set(CODES)
    assert {rule.scope for rule in CONSEQUENCES} <= {"field", "record", "file", "notice"}
    follows = {rule.cause: set() for rule in CONSEQUENCES}
    for rule in CONSEQUENCES:
        follows[rule.cause].add(rule.effect)

    def reaches(code: str, seen: frozenset[str]) -> bool:
        return any(effect in seen or reaches(effect, seen | {effect}) for effect in follows.get(code, ()))

    assert not any(reaches(code, frozenset({code})) for code in follows)


# --- unknown IDs: the name the text prints there ------------------------------------------------------------------


def test_an_unknown_unit_in_a_measure_suggests_the_unit_its_text_prints_there(corpus_copy):
    line = corpus_copy.replace(
        BODY, "units: [[emergency-bureau, fire-rescue-detachment]]", "units: [[fire-bureau, fire-rescue-detachment]]"
    )
    assert findings(corpus_copy.root) == [
        ("AW301", BODY, line, "use an ID from registry/units.yaml, or add the unit there")
    ]
    [finding] = reported(corpus_copy.root)
    # by spelling alone it would be 'finance-bureau'
    assert (
        finding.message
        == "unknown unit 'fire-bureau' — did you mean 'emergency-bureau'? (the text prints 区应急局 here)"
    )
    corpus_copy.replace(BODY, "[[fire-bureau, fire", "[[emergency-bureau, fire")  # follow the suggestion
    assert findings(corpus_copy.root) == []


def test_an_unknown_unit_without_a_printed_list_is_suggested_by_spelling(corpus_copy):
    line = corpus_copy.replace(
        ATTACHMENT,
        "[human-resources-bureau, finance-bureau, subdistricts-and-towns]",
        "[human-resources-bureau, financ-bureau, subdistricts-and-towns]",
    )
    units_line = corpus_copy.line_of("registry/units.yaml", "id: finance-bureau")
    assert findings(corpus_copy.root) == [
        (
            "AW301",
            ATTACHMENT,
            line,
            "nothing references 'finance-bureau': if its registry entry was renamed, restore the ID there; use an ID "
            "from registry/units.yaml, or add the unit there",
        ),
        (
            "AW309",
            "registry/units.yaml",
            units_line,
            "'financ-bureau' is referenced 1 time but defined nowhere — was this entry renamed? IDs never change once "
            "released; restore 'financ-bureau'",
        ),
    ]
    assert reported(corpus_copy.root)[0].message == "unknown unit 'financ-bureau' — did you mean 'finance-bureau'?"


# --- a printed unit name the registry lacks: an alias only of the unit it very likely names --------------------


def test_a_printed_name_like_another_units_is_not_called_its_alias(corpus_copy):
    # 区委办 and 区委编办 are two bodies one character apart: the closest name is offered only as a possibility
    corpus_copy.replace(UNITS, "    name: 区委办\n", "    name: 中共上海市普陀区委办公室\n")
    line = corpus_copy.line_of(BODY, "text: 将安全生产、消防安全纳入领导干部教育")
    assert findings(corpus_copy.root) == [
        (
            "AW308",
            BODY,
            line,
            "add the unit to registry/units.yaml or, if it is 'establishment-office' (区委编办), add '区委办' to its "
            "aliases",
        )
    ]
    corpus_copy.replace(
        UNITS, "    name: 中共上海市普陀区委办公室\n", "    name: 中共上海市普陀区委办公室\n    aliases: [区委办]\n"
    )
    assert findings(corpus_copy.root) == []


def test_a_printed_name_that_leaves_a_word_out_of_another_is_not_called_its_alias(corpus_copy):
    # 区安委会有关成员单位 is all of 区安委会其他有关成员单位 but 其他, and names another group
    corpus_copy.replace(UNITS, "    aliases: [区安委会有关成员单位]\n", "")
    line = corpus_copy.line_of(BODY, "text: 完善风险联防联控机制")
    hint = (
        "add the unit to registry/units.yaml or, if it is 'committee-members-other-concerned' (区安委会其他有关成员单位), "
        "add '区安委会有关成员单位' to its aliases"
    )
    assert findings(corpus_copy.root) == [("AW308", BODY, line, hint)]


def test_a_printed_name_nothing_resembles_is_told_to_be_added(corpus_copy):
    corpus_copy.replace(UNITS, "    name: 区苏河办\n", "    name: 上海市普陀区苏州河沿岸综合开发办公室\n")
    line = corpus_copy.line_of(BODY, "text: 完善水上交通安全风险分级管控")
    hint = "add the unit to registry/units.yaml or, if a unit there is the same body, add '区苏河办' to its aliases"
    assert findings(corpus_copy.root) == [("AW308", BODY, line, hint)]


@pytest.mark.parametrize(
    ("alias", "unit", "measures", "why"),
    [
        ("区绿容局", "greening-city-appearance-bureau", (4,), "it abbreviates 区绿化市容局"),
        (
            "消防救援支队",
            "fire-rescue-detachment",
            (50,),
            "it differs from 区消防救援支队 only by the district's prefix",
        ),
        (
            "区建管委（交通委）",
            "construction-commission",
            (24, 31),
            "it differs from 区建管委 only by a parenthesised note",
        ),
    ],
)
def test_a_printed_spelling_of_a_known_unit_is_named_as_its_alias(corpus_copy, alias, unit, measures, why):
    corpus_copy.replace(UNITS, f"    aliases: [{alias}]\n", "")
    lines = [corpus_copy.line_of(BODY, f"          - number: {number}\n") + 1 for number in measures]
    hint = f"add '{alias}' to the aliases of '{unit}' in registry/units.yaml: {why}"
    assert findings(corpus_copy.root) == [("AW308", BODY, line, hint) for line in lines]
    corpus_copy.replace(UNITS, f"  - id: {unit}\n", f"  - id: {unit}\n    aliases: [{alias}]\n")  # follow it
    assert findings(corpus_copy.root) == []


def test_every_format_shows_the_text_a_record_is_printed_into(corpus_copy, monkeypatch):
    from anwei_corpus.reporters import render

    corpus_copy.replace(BODY, "printed: 应急管理 etc 制度", "printed: 应急管理 ec 制度")
    text_line = corpus_copy.line_of(BODY, "text: 强化企业法治意识")
    monkeypatch.chdir(corpus_copy.root.parent)
    [finding] = validate("data", ignore=["AW704"])
    where = f"data/{BODY}:{text_line}:19"
    assert f"  the text it is printed into: {where}\n" in render("text", [finding])
    assert f"%0Athe text it is printed into: {where}" in render("github", [finding])
    [entry] = json.loads(render("json", [finding]))["diagnostics"]
    assert [(r["label"], r["file"], r["line"]) for r in entry["related"]] == [
        ("the text it is printed into", f"data/{BODY}", text_line)
    ]
    [result] = json.loads(render("sarif", [finding]))["runs"][0]["results"]
    [location] = result["relatedLocations"]
    assert location["message"] == {"text": "the text it is printed into"}
    assert location["physicalLocation"]["artifactLocation"]["uri"] == f"data/{BODY}"
    assert location["physicalLocation"]["region"] == {"startLine": text_line, "startColumn": 19}


def test_a_mistyped_bold_record_is_reported_at_its_printed_form_before_its_kind(corpus_copy):
    old = "printed: '**（区安委会各成员单位、各区属国企）**'"
    line = corpus_copy.replace(BODY, old, old.replace("区安委会", "区安委"))
    found = findings(corpus_copy.root)
    assert found == [
        (
            "AW701",
            BODY,
            line,
            "the source prints '**（区安委会各成员单位、各区属国企）**' where this record stands; it says printed: "
            "'**（区安委各成员单位、各区属国企）**': set printed: '**（区安委会各成员单位、各区属国企）**'",
        ),
        (
            "AW706",
            BODY,
            line - 1,
            "give the record the kind that says what happened, or split it into one record per change",
        ),
    ]
    follow(corpus_copy.root, BODY, line, found[0][3])
    assert findings(corpus_copy.root) == []


def test_a_character_dropped_at_the_start_of_a_text_gets_a_record_with_the_character_after_it(corpus_copy):
    line = corpus_copy.replace(BODY, "title: 压实各级领导责任", "title: 实各级领导责任")
    hint = (
        "first difference at character 1 of the text: corpus has '实各级领导责任', source has '压实各级领导责任'; if "
        "this corrects the source, record it in `edits` (kind: typo, printed: '压实', reading: '实', note: …); "
        "otherwise restore the printed text"
    )
    assert findings(corpus_copy.root) == [("AW701", BODY, line, hint)]
    corpus_copy.replace(BODY, "title: 实各级领导责任", "title:\n          text: 实各级领导责任")
    add_record(corpus_copy.root, BODY, "text: 实各级领导责任", 10, hint)
    assert findings(corpus_copy.root) == []


# --- the spelling of an integer ------------------------------------------------------------------------------------


def test_a_number_written_in_octal_is_set_back_to_decimal_digits(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "  - number: 14\n", "  - number: 0o16\n")
    hint = "write the number in decimal digits, as the source prints it: make it number: 14"
    assert findings(corpus_copy.root) == [("AW014", ATTACHMENT, line, hint)]
    follow(corpus_copy.root, ATTACHMENT, line, hint)
    assert findings(corpus_copy.root) == []


# --- a provisional ID after its entry was given its stable ID ------------------------------------------------------


def _as_a_draft_left_it(corpus_copy, stable: str, provisional: str) -> None:
    """The notice's references as ``anwei new --draft`` wrote them, the registry entry since given its stable ID."""
    for name in ("notice.yaml", "body.yaml", "attachment.yaml"):
        path = corpus_copy.file(f"{NOTICE}/{name}")
        path.write_text(re.sub(rf"\b{stable}\b", provisional, path.read_text(encoding="utf-8")), encoding="utf-8")


def _replace_as_told(hint: str) -> None:
    """Do what a provisional ID's hint says: replace the ID with the new one in each file it names."""
    old, new, files = re.fullmatch(r".*: replace (\S+) with (\S+) in (.+)", hint).groups()
    for name in re.split(r", | and ", files):
        path = Path(name)
        path.write_text(re.sub(rf"\b{old}\b", new, path.read_text(encoding="utf-8")), encoding="utf-8")


def test_a_provisional_unit_id_is_to_be_replaced_by_its_entrys_new_id_in_the_notices_files(corpus_copy):
    _as_a_draft_left_it(corpus_copy, "emergency-bureau", "provisional-unit-1")
    body, attachment = (corpus_copy.file(f"{NOTICE}/{name}") for name in ("body.yaml", "attachment.yaml"))
    hint = (
        f"provisional-unit-1 is the ID a draft gave a provisional entry, which {corpus_copy.file('registry/units.yaml')}"
        f" no longer has: replace provisional-unit-1 with emergency-bureau in {body} and {attachment}"
    )
    assert findings(corpus_copy.root) == [
        ("AW301", ATTACHMENT, corpus_copy.line_of(ATTACHMENT, "provisional-unit-1"), hint),
        ("AW301", BODY, corpus_copy.line_of(BODY, "provisional-unit-1"), hint),
        ("AW309", "registry/units.yaml", corpus_copy.line_of("registry/units.yaml", "id: emergency-bureau"),
         "remove the entry, or correct the reference meant to use it"),
    ]  # fmt: skip
    assert [d.message for d in reported(corpus_copy.root)][:2] == [
        "unknown unit 'provisional-unit-1' — did you mean 'emergency-bureau'? (15 references in this file; also lines "
        "61, 72, 83, 94, 112, 123, 152, 174, …)",
        "unknown unit 'provisional-unit-1' — did you mean 'emergency-bureau'? (the text prints 区应急局 here) (30 "
        "references in this file; also lines 41, 52, 55, 69, 105, 121, 124, 131, …)",
    ]
    _replace_as_told(hint)
    assert findings(corpus_copy.root) == []


def test_a_provisional_person_id_is_to_be_replaced_in_the_files_that_use_it(corpus_copy):
    _as_a_draft_left_it(corpus_copy, "jiang-aifeng", "provisional-person-a")
    hint = (
        f"provisional-person-a is the ID a draft gave a provisional entry, which "
        f"{corpus_copy.file('registry/people.yaml')} no longer has: replace provisional-person-a with the ID its entry "
        f"now has in {corpus_copy.file(ATTACHMENT)}"
    )
    assert findings(corpus_copy.root) == [
        ("AW302", ATTACHMENT, corpus_copy.line_of(ATTACHMENT, "provisional-person-a"), hint),
        ("AW309", "registry/people.yaml", corpus_copy.line_of("registry/people.yaml", "id: jiang-aifeng"),
         "remove the entry, or correct the reference meant to use it"),
    ]  # fmt: skip
    _replace_as_told(hint.replace("the ID its entry now has", "jiang-aifeng"))
    assert findings(corpus_copy.root) == []
