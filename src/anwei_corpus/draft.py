"""Draft a notice's YAML from its extracted text: ``anwei new NOTICE-ID --source FILE --draft``.

The notices of this family share one shape: 发文机关标志, 发文字号, 标题, 主送机关, a transmittal, 署名 and 成文日期;
the 工作意见 with its title, opening, 一、 parts, （一） sections with intros and 1. measures that close with their
unit list in parentheses, a closing paragraph; 附件说明, 附注, 版记; then the attachment table. The draft reads
every element from its label or its form, never from its line number, and repairs the extraction's artefacts
the way the corpus records them by hand:

- a paragraph continued after a blank line where no new label starts is joined (a ``break`` record);
- spaces around numerals and inside a wrapped title are removed (``space``); ``**`` marks (``bold-mark``);
- a half-width ``)`` closing a unit list is made full-width (``punctuation``);
- what needs judgement is left as printed with a record whose certainty is ``proposed``: a character doubled
  across a page break (``break``), an English word inside a Chinese sentence (``doubt``), a quoted term printed
  one character off an earlier one in the same text (``typo``, read as the earlier form);
- a near-repeat, one phrase printed in two places a character or two apart (建筑安全专业委员会 in measure 4,
  建设安全专业委员会 in measure 35), gets a proposed ``doubt`` on the form whose distinctive bigrams are rarer in
  the notice, its note naming the other places; ``near_repeats`` says which pairs count and why. The clean texts
  stay ``Reading`` objects until the whole notice is read, so that a record can land in any of them.

Unit and leader names are resolved through the registries (names, aliases, and the table spellings of the
notices already in the corpus); a name they lack becomes a provisional registry entry. Task → measure links are
proposed from the scores of ``similarity``, with ``certainty: proposed`` and the scores in the rationale.
Nothing heavy is imported at module level.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .layout import (
    MANIFEST,
    PEOPLE,
    PROVISIONAL_PERSON_ID,
    PROVISIONAL_UNIT_ID,
    UNITS,
    notice_id_ending,
    notice_jurisdiction,
)
from .models.common import MAX_PRINTED_NUMBER
from .numerals import chinese_numeral
from .text_classes import is_cjk
from .unit_lists import is_unit_list, split_assignment

if TYPE_CHECKING:
    from .scaffold import Scaffold

PROPOSED = "proposed"
SPACE_NOTE = "提取时在汉字与数字之间插入的空格。"
TITLE_SPACE_NOTE = "标题回行处，提取插入空格。"
BOLD_NOTE = "提取留下的加粗标记。"
PUNCTUATION_NOTE = "单位清单以半角右括号收尾，改为全角以与左括号配对。"
BREAK_AT_SENTENCE_NOTE = "提取在句末断开，其后未起新的编号：读作一段（草稿提议）；若原为分段，请改正。"
DOUBLED_NOTE = "换页处“{char}”字前后重出（草稿提议）：若为重出，改作 doubled 记录并删去一字；若两字俱印，改定确信度。"
LATIN_NOTE = "中文句中夹有英文 {word}：照印本保留（草稿提议）；若依文意读作中文，改作 stray-latin 记录。"
NEW_ENTRY_NOTE = "新条目：{where} 印有此名而登记册未收（草稿提议）；请核对名称、类别与 ID，再删去 provisional。"
SKIPPED_NUMBER_NOTE = "源文件在{previous}之后印{printed}，不见{expected}：照印本保留编号（草稿提议）；若原文确有遗漏，补录该项并删去本记录。"
REPEATED_NUMBER_NOTE = "源文件在{previous}之后印{printed}：按顺序读作{expected}（草稿提议）；请核对印本编号。"
ELSEWHERE_NOTE = "登记册中同名的 {ident} 属于 {theirs}，不属于本通知的 {own}；本条给出 {own} 的 ID（如 {own}-…）。"
PADDED_NOTE = "附件表格印作“{printed}”：两字姓名中间补空格以与三字姓名对齐，属排版，不属姓名。"
NEW_PERSON_NOTE = "新条目：{where} 印有此名而登记册未收（草稿提议）；请核对姓名与 ID，再删去 provisional。"
BREAK_CONTEXT = 2  # characters kept on each side of a joined page break in its record
LATIN_CONTEXT = 4  # Chinese characters kept on each side of a stray English word, up to punctuation
LINK_CANDIDATES = 3  # scores shown in a proposed link's rationale

_NUMERAL = "一二三四五六七八九十"
PART_LABEL = re.compile(rf"^([{_NUMERAL}]+)、(.+)$")
SECTION_LABEL = re.compile(rf"^（([{_NUMERAL}]+)）(.+)$")
MEASURE_LABEL = re.compile(r"^(\d+)[.．]\s*(.*)$")
DISTRICT = re.compile(r"^上海市(\w{1,4}?区)")  # the district a city body's full name begins with
SPACED_LABEL = re.compile(r"^(\d+) +[.．]")  # 15 . : an extraction's space inside a label
DOC_NUMBER = re.compile(r"^(?P<organ>\S+?)〔(?P<year>\d{4})〕(?P<serial>\d+)号$")
DATE = re.compile(r"^(\d{4}) *年 *(\d{1,2}) *月 *(\d{1,2}) *日(.*)$")
ANNOUNCED = re.compile(r"列出(\d+)项")
PRINT_RUN = re.compile(r"^[（(]?(?:共印|印数[：:]?)(\d+)份[）)]?$")  # 共印60份, （共印60份）, 印数：60份
ANNOTATION = re.compile(r"^（[^（）]*公开[^（）]*）$")
BREAKDOWN = re.compile(r"^(?P<label>[^：]+)：合计 *(?P<categories>\d+) *项（小计 *(?P<tasks>\d+) *项）$")
CATEGORY = re.compile(rf"^(?P<numeral>[{_NUMERAL}]+)、(?P<title>.+)（小计 *(?P<subtotal>\d+) *项）$")
_SPACED_NUMBER = re.compile(r"( *)(\d+(?:[、，.．:：/-]\d+)*)( *)")
_LATIN_WORD = re.compile(r" ?([A-Za-z]{2,}) ?")
_SENTENCE_END = "。；！？"


class DraftError(ValueError):
    """The source does not have the shape of a notice of this family; the message says what is missing."""


def chinese_number(numeral: str) -> int:
    """一 → 1, 十七 → 17, 二十 → 20 (the inverse of ``chinese_numeral``)."""
    for number in range(1, 100):
        if chinese_numeral(number) == numeral:
            return number
    raise DraftError(f"not a Chinese numeral of a label: {numeral!r}")


# --- editorial records ------------------------------------------------------------------------------------------


@dataclass
class Reading:
    """A text being read: its clean reading so far and the records of what was changed on the way."""

    text: str = ""
    edits: list[dict[str, Any]] = field(default_factory=list)

    def passage(self) -> str | dict[str, Any]:
        """A plain string when nothing was recorded, else the ``text`` + ``edits`` mapping."""
        if not self.edits:
            return self.text
        return {"text": self.text, "edits": [_with_occurrence(self.text, edit) for edit in self._in_text_order()]}

    def _in_text_order(self) -> list[dict[str, Any]]:
        return sorted(self.edits, key=lambda edit: edit.pop("_at"))


def _with_occurrence(text: str, edit: dict[str, Any]) -> dict[str, Any]:
    """The record with ``occurrence`` set when its reading stands more than once before its place."""
    at = edit.pop("_start")
    ordered = {"kind": edit["kind"], "printed": edit["printed"], "reading": edit["reading"]}
    rank, index = 0, -1
    while (index := text.find(edit["reading"], index + 1)) != -1 and index <= at:
        rank += 1
    if rank > 1:
        ordered["occurrence"] = rank
    for key in ("certainty", "note"):
        if key in edit:
            ordered[key] = edit[key]
    return ordered


def _record(
    reading: Reading,
    start: int,
    end: int,
    kind: str,
    printed: str,
    note: str | None = None,
    certainty: str | None = None,
) -> None:
    """Record that ``reading.text[start:end]`` stands where the source prints ``printed``."""
    edit: dict[str, Any] = {"kind": kind, "printed": printed, "reading": reading.text[start:end]}
    if certainty is not None:
        edit["certainty"] = certainty
    if note is not None:
        edit["note"] = note
    edit["_start"] = start
    edit["_at"] = start
    reading.edits.append(edit)


def read_line(printed: str, *, title: bool = False) -> Reading:
    """One printed line in its clean reading: spaces, ``**`` marks and stray English recorded, not dropped."""
    reading = Reading()
    # Bold marks first: they wrap whole runs, and a record of a unit list includes its parentheses.
    pieces: list[tuple[str, str | None]] = []  # (printed, its reading when it departs)
    cursor = 0
    for match in re.finditer(r"\*\*(.+?)\*\*", printed):
        start, end = match.span()
        inner = match.group(1)
        if printed[start - 1 : start] == "（" and printed[end : end + 1] == "）":
            start, end, inner = start - 1, end + 1, "（" + inner + "）"
        pieces.append((printed[cursor:start], None))
        pieces.append((printed[start:end], inner))
        cursor = end
    pieces.append((printed[cursor:], None))
    for chunk, bold_reading in pieces:
        if bold_reading is not None:
            start = len(reading.text)
            reading.text += _despace(bold_reading)
            _record(reading, start, len(reading.text), "bold-mark", chunk, BOLD_NOTE)
        else:
            _read_plain(chunk, reading, title)
    return reading


def _despace(text: str) -> str:
    return re.sub(r"(?<=\S) (?=\S)", lambda m: "" if _cjk_around(text, m.start(), m.end()) else " ", text).strip()


def _cjk_around(text: str, start: int, end: int) -> bool:
    return (start > 0 and is_cjk(text[start - 1])) or (end < len(text) and is_cjk(text[end]))


def _read_plain(chunk: str, reading: Reading, title: bool) -> None:
    """Append ``chunk`` to the reading, recording the spaces and English words the extraction left."""
    index = 0
    plain = 0  # where the characters start that are read as printed and not yet appended (one slice, not each)
    while index < len(chunk):
        latin = _LATIN_WORD.match(chunk, index)
        if latin is not None and _cjk_around(chunk, latin.start(), latin.end()):
            reading.text += chunk[plain:index]
            index = plain = _stray_latin(chunk, latin, reading)
            continue
        number = _SPACED_NUMBER.match(chunk, index) if chunk[index] in " 0123456789" else None
        if number and (number.group(1) or number.group(3)) and number.group(2):
            reading.text += chunk[plain:index]
            start = len(reading.text)
            reading.text += number.group(2)
            _record(reading, start, len(reading.text), "space", number.group(0), SPACE_NOTE)
            index = plain = number.end()
            continue
        if chunk[index] == " " and _cjk_around(chunk, index, index + 1):
            # a space between Chinese characters: a wrapped line of a title
            reading.text += chunk[plain:index]
            before = reading.text[-BREAK_CONTEXT:]
            after = _despace(chunk[index + 1 : index + 1 + BREAK_CONTEXT + 1])
            start = len(reading.text) - len(before)
            reading.text += after
            _record(
                reading, start, len(reading.text), "space", before + " " + after, TITLE_SPACE_NOTE if title else None
            )
            if not title:
                reading.edits[-1]["note"] = "提取在汉字之间插入的空格。"
            index = plain = index + 1 + len(after)
            continue
        index += 1
    reading.text += chunk[plain:]


def _stray_latin(chunk: str, match: re.Match[str], reading: Reading) -> int:
    """Keep an English word as printed, with a proposed doubt record around it; return where reading goes on."""
    before = _cjk_run(reading.text[::-1])[::-1]
    after = _cjk_run(chunk[match.end() :])
    start = len(reading.text) - len(before)
    printed = before + match.group(0) + after
    reading.text += match.group(0) + after
    _record(reading, start, len(reading.text), "doubt", printed, LATIN_NOTE.format(word=match.group(1)), PROPOSED)
    return match.end() + len(after)


def _cjk_run(text: str) -> str:
    run = ""
    for char in text[:LATIN_CONTEXT]:
        if not is_cjk(char) or unicodedata.category(char).startswith("P"):
            break
        run += char
    return run


# --- the source in paragraphs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the source
    text: str


def source_lines(source: str) -> list[Line]:
    """The non-blank lines of the source, NFC, with their line numbers."""
    return [
        Line(index, unicodedata.normalize("NFC", text.rstrip("\r")))
        for index, text in enumerate(source.split("\n"), 1)
        if text.strip()
    ]


def _printed_span(text: str, start: int, end: int, edits: list[dict[str, Any]]) -> str:
    """``text[start:end]`` as printed: the readings of ``edits`` that lie inside it put back to their printed form."""
    out, at = [], start
    for edit in sorted(edits, key=lambda edit: edit["_start"]):
        begin = edit["_start"]
        if start <= begin and begin + len(edit["reading"]) <= end:
            out += [text[at:begin], edit["printed"]]
            at = begin + len(edit["reading"])
    return "".join(out) + text[at:end]


def continue_reading(reading: Reading, printed_before: str, line: Line, gap: str) -> None:
    """Join a paragraph continued across a page break: the next line of ``line`` follows ``reading``."""
    tail = printed_before[-BREAK_CONTEXT:]
    following = read_line(line.text)
    head = following.text[:BREAK_CONTEXT]
    offset = len(reading.text)
    doubled = bool(tail) and bool(head) and tail[-1] == head[0]
    reading.text += following.text
    for edit in following.edits:
        edit["_start"] += offset
        edit["_at"] += offset
        reading.edits.append(edit)
    start = offset - len(tail)
    end = offset + len(head)
    if any(edit["_start"] < end and start < edit["_start"] + len(edit["reading"]) for edit in reading.edits):
        tail, head = tail[-1:], head[:1]
        start, end = offset - len(tail), offset + len(head)
    printed = tail + gap + head
    touching = [
        edit for edit in reading.edits if edit["_start"] < end and start < edit["_start"] + len(edit["reading"])
    ]
    if (
        touching
    ):  # a record of the line's own edge (2022 年 at its start): one record holds both, as records may not overlap
        start = min(start, *(edit["_start"] for edit in touching))
        end = max(end, *(edit["_start"] + len(edit["reading"]) for edit in touching))
        printed = (
            _printed_span(reading.text, start, offset, touching)
            + gap
            + _printed_span(reading.text, offset, end, touching)
        )
        reading.edits[:] = [edit for edit in reading.edits if edit not in touching]
        tail, head = reading.text[start:offset], reading.text[offset:end]
    if doubled:  # the record ends with the doubled character: that is what the person decides on
        end = offset + 1
        _record(reading, start, end, "break", tail + gap + head[0], DOUBLED_NOTE.format(char=head[0]), PROPOSED)
    elif tail and tail[-1] in _SENTENCE_END and not head.startswith("（"):
        _record(reading, start, end, "break", printed, BREAK_AT_SENTENCE_NOTE, PROPOSED)
    else:
        _record(reading, start, end, "break", printed)


# --- registries ------------------------------------------------------------------------------------------------


_UNIT_KINDS = (  # name ending or beginning → kind, for a provisional entry
    (("各",), "collective"),
    (("区委",), "party-organ"),
    (("支队", "大队"), "rescue-force"),
    (("工会", "妇联", "团委"), "mass-organisation"),
    (("中心",), "public-institution"),
    (("委员会",), "committee"),
)


def guess_unit_kind(name: str) -> str:
    for marks, kind in _UNIT_KINDS:
        if any(name.startswith(mark) or name.endswith(mark) for mark in marks):
            return kind
    return "government-department"


class Namesake(NamedTuple):
    """A registry entry of another jurisdiction by one of its names: how the name is its, and its kind."""

    ident: str
    jurisdiction: str | None
    form: str  # "name", "alias" or "spelling"
    kind: str | None  # a unit's kind; None for a person


@dataclass
class Registry:
    """Names → IDs for units and people, growing provisional entries for the names it lacks."""

    units: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    new_units: list[dict[str, Any]] = field(default_factory=list)
    new_people: list[dict[str, Any]] = field(default_factory=list)
    spellings: list[dict[str, str]] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # unit ID → its registry name
    taken: set[str] = field(default_factory=set)  # every ID of the registries, so that a new one is new
    jurisdiction: str | None = None  # the drafted notice's: entries of another one do not answer to its names
    elsewhere: dict[str, Namesake] = field(default_factory=dict)  # a name → the entry of another jurisdiction
    mirrors: dict[str, str] = field(default_factory=dict)  # such an entry's ID → the new entry made for its names

    @classmethod
    def from_models(
        cls, units: Any, people: Any, attachments: Iterable[Any] = (), jurisdiction: str | None = None
    ) -> Registry:
        registry = cls(jurisdiction=jurisdiction)
        unit_entries = list(units.units if units is not None else ())
        person_entries = list(people.people if people is not None else ())
        registry.taken.update(entry.id for entry in (*unit_entries, *person_entries))
        ours = {entry.id for entry in (*unit_entries, *person_entries) if registry.answers(entry.jurisdiction)}
        units_by_id = {unit.id: unit for unit in unit_entries}
        for unit in unit_entries:
            registry.canonical[unit.id] = unit.name
            for name in (unit.name, *unit.aliases):
                known = Namesake(unit.id, unit.jurisdiction, "alias" if name != unit.name else "name", unit.kind)
                registry._learn(registry.units, name, known, unit.id in ours)
        for attachment in attachments:
            for spelling in attachment.spellings:
                if (spelt := units_by_id.get(spelling.unit)) is not None:
                    at = Namesake(spelt.id, spelt.jurisdiction, "spelling", spelt.kind)
                    registry._learn(registry.units, spelling.printed, at, spelling.unit in ours)
        for person in person_entries:
            known = Namesake(person.id, person.jurisdiction, "name", None)
            registry._learn(registry.people, person.name, known, person.id in ours)
        return registry

    def districts(self) -> set[str]:
        """The districts the names of the drafted notice's jurisdiction spell out (上海市普陀区… → 普陀区)."""
        return {found.group(1) for name in self.units if (found := DISTRICT.match(name)) is not None}

    def knows_unit(self, name: str) -> bool:
        """Whether a printed name is one the drafted notice may mean a registry unit by."""
        return _key(name) in self.units

    def answers(self, jurisdiction: str | None) -> bool:
        """Whether an entry of ``jurisdiction`` may be named by the drafted notice."""
        return jurisdiction is None or self.jurisdiction is None or jurisdiction == self.jurisdiction

    def _learn(self, names: dict[str, str], name: str, known: Namesake, ours: bool) -> None:
        if ours:
            names.setdefault(_key(name), known.ident)
        else:
            self.elsewhere.setdefault(_key(name), known)

    def _note(self, template: str, name: str, where: str) -> str:
        """A new entry's note: where the draft read the name, and the entry of that name in another jurisdiction."""
        note = template.format(where=where)
        namesake = self.elsewhere.get(_key(name))
        if namesake is not None and self.jurisdiction is not None:
            note += ELSEWHERE_NOTE.format(ident=namesake.ident, theirs=namesake.jurisdiction, own=self.jurisdiction)
        return note

    def _mirrored(self, name: str) -> str | None:
        """The new entry already made for the entry of another jurisdiction that this name is a name of: the name
        joins it, as an alias where it is one there (a table's spelling is recorded by ``table_unit``)."""
        namesake = self.elsewhere.get(_key(name))
        mirror = None if namesake is None else self.mirrors.get(namesake.ident)
        if namesake is None or mirror is None:
            return None
        entry = next(entry for entry in self.new_units if entry["id"] == mirror)
        if namesake.form != "spelling" and _key(name) != entry["name"]:
            entry.setdefault("aliases", []).append(_key(name))
        self.units[_key(name)] = mirror
        return mirror

    def _jurisdiction(self) -> dict[str, str]:
        return {} if self.jurisdiction is None else {"jurisdiction": self.jurisdiction}

    def unit(self, name: str, where: str) -> str:
        """The ID of a unit name; a new provisional entry when the registry lacks it."""
        found = self.units.get(_key(name)) or self._mirrored(name)
        if found is not None:
            return found
        ident = self._new_id(PROVISIONAL_UNIT_ID.format)
        namesake = self.elsewhere.get(_key(name))
        if namesake is not None:
            self.mirrors[namesake.ident] = ident
        self.new_units.append(
            {
                "id": ident,
                "name": _key(name),
                "kind": namesake.kind if namesake is not None and namesake.kind else guess_unit_kind(name),
                **self._jurisdiction(),
                "provisional": True,
                "note": self._note(NEW_ENTRY_NOTE, name, where),
            }
        )
        self.units[_key(name)] = ident
        self.canonical[ident] = _key(name)
        return ident

    def person(self, name: str, where: str) -> str:
        found = self.people.get(_key(name))
        if found is not None:
            return found
        padded = len(_key(name)) == 2 and " " in name  # as the hand entries say, the padding is not the name's
        ident = self._new_id(lambda n: PROVISIONAL_PERSON_ID.format(_in_letters(n)))
        self.new_people.append(
            {
                "id": ident,
                "name": _key(name),
                **self._jurisdiction(),
                "provisional": True,
                "note": self._note(NEW_PERSON_NOTE, name, where) + (PADDED_NOTE.format(printed=name) if padded else ""),
            }
        )
        self.people[_key(name)] = ident
        return ident

    def _new_id(self, numbered: Callable[[int], str]) -> str:
        """The first of ``numbered(1)``, ``numbered(2)``, … that no entry has: an earlier draft's provisional
        entries, not yet resolved, keep theirs."""
        n = 1
        while numbered(n) in self.taken:
            n += 1
        self.taken.add(numbered(n))
        return numbered(n)

    def table_unit(self, printed: str, where: str) -> str:
        """A unit as the table prints it: a spelling other than the registry name is recorded for the table."""
        ident = self.unit(printed, where)
        if self.canonical.get(ident) != printed and all(s["printed"] != printed for s in self.spellings):
            self.spellings.append({"unit": ident, "printed": printed})
        return ident


def _in_letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa: a number as person IDs can hold it (letters and hyphens only)."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
    return letters


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", name))


def split_names(inner: str) -> list[list[str]]:
    """A unit list's names, grouped by its full-width commas; parentheses inside a name are kept with it."""
    groups: list[list[str]] = [[]]
    depth, name = 0, ""
    for char in inner:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1
        if depth == 0 and char in "，,":
            groups[-1].append(name)
            groups.append([])
            name = ""
        elif depth == 0 and char == "、":
            groups[-1].append(name)
            name = ""
        else:
            name += char
    groups[-1].append(name)
    return [[n.strip() for n in group if n.strip()] for group in groups if any(n.strip() for n in group)]


def table_names(cell: str, registry: Registry, *, people: bool) -> list[str]:
    """The names of a table cell: space-separated, padded two-character names and wrapped names put together."""
    words = [word for word in cell.split(" ") if word]
    names: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        if people and len(word) == 1 and following is not None and len(following) == 1:
            names.append(word + " " + following)  # 王 珏: padded to the width of three
            index += 2
            continue
        known = registry.people if people else registry.units
        if not people and following is not None and _key(word) not in known:
            joined = word + " " + following
            if _key(joined) in known or not _looks_like_unit_start(following):
                names.append(joined)  # a name wrapped inside its cell
                index += 2
                continue
        names.append(word)
        index += 1
    return names


def _looks_like_unit_start(word: str) -> bool:
    return word.startswith(("区", "各", "市")) or word.endswith(("部门", "单位"))


# --- the draft ----------------------------------------------------------------------------------------------------


@dataclass
class Draft:
    """The filled documents (file name → plain data), the registry entries to add and what a person must decide."""

    documents: dict[str, dict[str, Any]]
    new_units: list[dict[str, Any]]
    new_people: list[dict[str, Any]]
    decisions: list[str]


class _Cursor:
    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.index = 0

    def peek(self) -> Line | None:
        return self.lines[self.index] if self.index < len(self.lines) else None

    def take(self, what: str) -> Line:
        line = self.peek()
        if line is None:
            raise DraftError(f"the source ends before {what}")
        self.index += 1
        return line

    def gap(self, line: Line) -> str:
        """The line breaks between ``line`` and the next line, as the source prints them."""
        following = self.peek()
        return "\n" * ((following.number if following else line.number + 1) - line.number)


SOURCE_DESCRIPTION = "本通知 PDF 文本的提取结果，逐字节保存；语料中每段文字还原为印本形式后都须在其中找到。"


def _source_text(source: bytes) -> str:
    """The source as text, refused when the corpus could not check readings against it line by line.

    The corpus checks every reading against source.txt byte for byte, so a byte-order mark or Windows line ends
    would give a finding on every line: better to say so once, before anything is written.
    """
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftError(f"the source is not UTF-8 text: {exc}") from None
    if text.startswith("\ufeff"):
        raise DraftError("the source starts with a byte-order mark (U+FEFF): save it as UTF-8 without one")
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise DraftError(
            f"the source has a carriage return (Windows line ends) on line {line}: save it with \\n line ends only"
        )
    return text


def draft_notice(notice_id: str, source: bytes, registry: Registry) -> Draft:
    """Read a notice's documents from its source text (UTF-8 bytes, as the notice folder keeps them)."""
    from .models.source import OPTIONAL_ELEMENTS
    from .scaffold import scaffold_documents

    text = _source_text(source)
    cursor = _Cursor(source_lines(text))
    notice: dict[str, Any] = {"id": notice_id}
    notice["source"] = {
        **scaffold_documents(notice_id, source)["notice.yaml"]["source"],
        "description": SOURCE_DESCRIPTION,
    }
    issuer_mark = cursor.take("the issuer mark").text
    notice["issuer_mark"] = read_line(issuer_mark).passage()
    districts = registry.districts()  # before the issuer, which may be new, joins the registry
    notice["issuer"] = registry.unit(_key(issuer_mark), "发文机关标志")
    doc_source = cursor.take("the 发文字号")
    doc_line = doc_source.text.strip()
    doc = DOC_NUMBER.match(_key(doc_line))
    if doc is None:
        raise DraftError(f"line 2 of the text is not a 发文字号 (机关代字〔年份〕序号号): {doc_line!r}")
    notice["doc_number"] = {
        "printed": doc_line,
        "organ_code": doc["organ"],
        "year": _printed_number(doc["year"], doc_source, "the 发文字号's year"),
        "serial": _printed_number(doc["serial"], doc_source, "the 发文字号's serial"),
    }
    title_lines = []
    while (line := cursor.peek()) is not None and not line.text.endswith("："):
        title_lines.append(cursor.take("the title").text)
    notice["title"] = read_line(" ".join(title_lines), title=True).passage()
    addressee = cursor.take("the 主送机关").text
    notice["addressee"] = read_line(addressee).passage()
    notice["addressee_units"] = [
        registry.unit(name, "主送机关") for group in split_names(addressee.rstrip("：")) for name in group
    ]
    transmittal = [cursor.take("the transmittal").text]
    while (line := cursor.peek()) is not None and _key(line.text) != _key(issuer_mark):
        transmittal.append(cursor.take("the signature").text)
    notice["transmittal"] = read_line("".join(transmittal)).passage()
    notice["signature"] = read_line(cursor.take("the signature").text).passage()
    notice["date"] = _date(cursor.take("the 成文日期").text)

    body = _read_body(cursor, registry, _plain(notice["signature"]))
    back: dict[str, Any] = {}
    unread: list[str] = []  # lines of the 版记 the draft could not place, for the decisions
    while (line := cursor.peek()) is not None and line.text.strip() != "附件":
        text = cursor.take("the 版记").text
        if text.startswith("附件："):
            back["attachment_note"] = read_line(text).passage()
        elif ANNOTATION.match(text):
            back["annotation"] = read_line(text).passage()
        elif (run := PRINT_RUN.match(_key(text))) is not None:
            back["print_run"] = read_line(text).passage()
            back["copies"] = int(run.group(1))
        elif (date := DATE.match(text)) is not None and date.group(4) == "印发":
            back.setdefault("imprint", {})["date"] = _date(text[: -len("印发")])
        elif "organ" not in back.get("imprint", {}):
            back.setdefault("imprint", {})["organ"] = read_line(text).passage()
        else:
            unread.append(
                f"source line {line.number} {text!r} was not read: it follows the 印发机关 and is none of the 版记's "
                "elements the draft knows (附件说明, 附注, 印发机关, 印发 date, 印数); enter it in notice.yaml by hand"
            )
    notice.update(back)
    notice["absent"] = [
        {"element": "份号"},
        {"element": "密级和保密期限"},
        {"element": "紧急程度"},
        {"element": "签发人", "note": "上行文才标注签发人；本通知为下行文。"},
        {"element": "印章", "note": "提取的文本不含印章；是否加盖无从判断。"},
        {"element": "抄送机关"},
        {"element": "页码", "note": "提取文本未保留页码，无从录入。"},
        *({"element": element} for name, element in OPTIONAL_ELEMENTS.items() if name not in back),
    ]
    documents: dict[str, dict[str, Any]] = {"notice.yaml": notice, "body.yaml": body}
    decisions: list[str] = unread
    decisions[:0] = _id_decisions(notice_id, notice, districts, registry)
    attachment = _attachment_if_any(cursor, registry, notice)
    decisions += [
        f"measure {measure['number']}: the source prints no unit list at its end; units is left empty"
        for part in body["parts"]
        for section in part["sections"]
        for measure in section["measures"]
        if not measure["units"]
    ]
    _propose_near_repeats(body, attachment, decisions)
    if attachment is not None:
        _propose_links(body, attachment, decisions)
        attachment["spellings"] = registry.spellings
        documents["attachment.yaml"] = attachment
    _resolve_passages(documents)
    decisions += _doubts(documents)
    decisions += [f"new unit {u['id']} ({u['name']}): {u['note']}" for u in registry.new_units]
    decisions += [f"new person {p['id']} ({p['name']}): {p['note']}" for p in registry.new_people]
    return Draft(documents, registry.new_units, registry.new_people, decisions)


def _id_decisions(notice_id: str, notice: dict[str, Any], districts: set[str], registry: Registry) -> list[str]:
    """Where the ID may be wrong: its district against the issuer's, its ending against the 发文字号."""
    decisions = []
    issuer = _plain(notice["issuer_mark"])
    district = DISTRICT.match(issuer)
    if district is not None and districts and district.group(1) not in districts:
        decisions.append(
            f"the issuer {issuer} is of {district.group(1)}, but the registry's entries of jurisdiction "
            f"{registry.jurisdiction} (the first segment of the ID {notice_id}) name {'、'.join(sorted(districts))}: "
            "if the notice is of another district, draft it under an ID that begins with that district's own segment"
        )
    doc_number = notice["doc_number"]
    ending = notice_id_ending(doc_number["year"], doc_number["serial"])
    if not notice_id.endswith(ending):
        decisions.append(
            f"the notice ID {notice_id} does not end with the year and serial of its 发文字号 {doc_number['printed']} "
            f"(…{ending}): choose the ID before the notice is first released (AW313 warns until then)"
        )
    return decisions


def _attachment_if_any(cursor: _Cursor, registry: Registry, notice: dict[str, Any]) -> dict[str, Any] | None:
    """The attachment table when the source goes on after the 版记; its repeated headers go to the notice."""
    if cursor.peek() is None:
        return None
    attachment, furniture = _read_attachment(cursor, registry)
    if furniture:
        notice["furniture"] = furniture
    return attachment


def _date(printed: str) -> dict[str, Any]:
    match = DATE.match(printed.strip())
    if match is None:
        raise DraftError(f"not a date (YYYY年M月D日): {printed!r}")
    import datetime as dt

    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise DraftError(f"not a real date: {printed!r}") from None
    return {"value": value, "printed": read_line(printed).passage()}


# How the source labels each numbered sequence, for the notes on its numbering.
_LABELS: dict[str, Callable[[int], str]] = {
    "part": lambda n: f"“{chinese_numeral(n)}、”",
    "section": lambda n: f"“（{chinese_numeral(n)}）”",
    "measure": lambda n: f"“{n}.”",
    "category": lambda n: f"类别“{chinese_numeral(n)}、”",
    "task": lambda n: f"序号“{n}”",
}


def _printed_number(digits: str, line: Line, what: str) -> int:
    """A number the source prints, refused past any notice's numbers (the models' bound), where it must be garbled."""
    number = int(digits)
    if number > MAX_PRINTED_NUMBER:
        raise DraftError(
            f"line {line.number}: {what} {digits[:20]}{'…' if len(digits) > 20 else ''} is beyond any notice's numbers "
            f"(at most {MAX_PRINTED_NUMBER}): the extraction garbled it; correct source.txt against the printed notice"
        )
    return number


def _number_sequence(entities: list[dict[str, Any]], what: str) -> None:
    """Give each entity of a sequence its number, from the printed ones (read into ``number``).

    A printed number that follows the one before is kept. One that skips ahead is kept too, with a proposed
    ``misnumbered`` doubt, unless the next printed number follows on as if it had not (12, 140, 14: one misprint)
    or it is beyond any notice's numbers; those, and a number that goes back (a second 20.), are read as the next
    of the sequence with a proposed ``misnumbered`` typo, so that numbers, and the IDs made from them, stay unique.
    """
    label = _LABELS[what]
    previous, previous_printed = 0, None
    for index, entity in enumerate(entities):
        printed = entity["number"]
        expected = previous + 1
        following = entities[index + 1]["number"] if index + 1 < len(entities) else None
        words = {
            "previous": "开头" if previous_printed is None else label(previous_printed),
            "printed": label(printed),
            "expected": label(expected),
        }
        number, record = printed, None
        if printed > expected and printed <= MAX_PRINTED_NUMBER and following != expected + 1:
            record = {"kind": "doubt", "certainty": PROPOSED, "note": SKIPPED_NUMBER_NOTE.format(**words)}
        elif printed != expected:
            number = expected
            record = {
                "kind": "typo",
                "printed": printed,
                "certainty": PROPOSED,
                "note": REPEATED_NUMBER_NOTE.format(**words),
            }
        rest = [(key, value) for key, value in entity.items() if key != "number"]
        entity.clear()  # rebuilt in place, so that the number and its record come first
        entity["number"] = number
        if record is not None:
            entity["misnumbered"] = record
        entity.update(rest)
        previous, previous_printed = number, printed


def _starts_back_matter(text: str, signature: str) -> bool:
    """Whether a line opens what follows the 工作意见: 附件说明, 附注, 印发机关 (named as in the signature), the
    印发 date or the 印数. The body's closing paragraph ends there even where the notice prints no 附件说明."""
    return (
        text.startswith("附件：")
        or ANNOTATION.match(text) is not None
        or PRINT_RUN.match(_key(text)) is not None
        or _key(text) == _key(signature)
        or ((date := DATE.match(text)) is not None and date.group(4) == "印发")
    )


def _has_sections(parts: list[dict[str, Any]], following: Line | None) -> None:
    """Refuse a part that ends, at ``following``, without a section: the models want one, and so does the notice."""
    if parts and not parts[-1]["sections"]:
        where = f"line {following.number}" if following is not None else "the end of the source"
        raise DraftError(
            f"part {chinese_numeral(parts[-1]['number'])}、 holds no section (（一）…) before {where}: a part label "
            "printed twice, or a section label the extraction lost; correct source.txt against the printed notice"
        )


def _measure_label(line: Line) -> re.Match[str] | None:
    """A measure's label (12. ), refused where the extraction put a space before its dot, which no record holds."""
    if (spaced := SPACED_LABEL.match(line.text)) is not None:
        raise DraftError(
            f"line {line.number}: the measure label {spaced.group(0)!r} has a space before its dot, which a label "
            f"cannot record (the corpus prints labels as '{spaced.group(1)}. '): the extraction inserted it; "
            "correct source.txt against the printed notice"
        )
    return MEASURE_LABEL.match(line.text)


def _read_body(cursor: _Cursor, registry: Registry, signature: str) -> dict[str, Any]:
    """The 工作意见: its title, opening, parts, sections, measures and closing."""
    body: dict[str, Any] = {"title": read_line(cursor.take("the body title").text, title=True).passage()}
    opening = _paragraph(cursor, stop=lambda line: bool(PART_LABEL.match(line.text)))
    body["opening"] = opening  # a Reading until the near-repeats are read: resolved by _resolve_passages
    parts: list[dict[str, Any]] = []
    measure: dict[str, Any] | None = None
    measure_reading: Reading | None = None
    closing: Reading | None = None
    last_printed = ""

    def finish_measure() -> None:
        nonlocal measure, measure_reading
        if measure is not None and measure_reading is not None:
            _close_measure(measure, measure_reading, registry)
        measure, measure_reading = None, None

    while (line := cursor.peek()) is not None and not _starts_back_matter(line.text, signature):
        text = line.text
        # a new label starts a new element; a line without one continues the element before it
        if (part := PART_LABEL.match(text)) is not None:
            finish_measure()
            _has_sections(parts, line)
            cursor.take("a part")
            parts.append(
                {
                    "number": chinese_number(part.group(1)),
                    "title": read_line(part.group(2)),
                    "sections": [],
                }
            )
            continue
        section = SECTION_LABEL.match(text)
        if section is not None:
            if not parts:
                raise DraftError(f"line {line.number}: section {text!r} stands before any part (一、…)")
            finish_measure()
            cursor.take("a section")
            parts[-1]["sections"].append(_read_section(cursor, section))
            continue
        label = _measure_label(line)
        if label is not None:
            if not parts or not parts[-1]["sections"]:
                raise DraftError(f"line {line.number}: measure {label.group(1)} stands before any section (（一）…)")
            finish_measure()
            cursor.take("a measure")
            measure = {"number": _printed_number(label.group(1), line, "the measure label")}
            parts[-1]["sections"][-1]["measures"].append(measure)
            measure_reading = read_line(label.group(2))
            last_printed = label.group(2)
            gap = cursor.gap(line)
            continue
        if measure_reading is not None and not _measure_complete(measure_reading, registry):
            cursor.take("a measure")
            continue_reading(measure_reading, last_printed, line, gap)
            last_printed = text
            gap = cursor.gap(line)
            continue
        finish_measure()
        closing = _paragraph(cursor, stop=lambda line: _starts_back_matter(line.text, signature))
    finish_measure()
    if not parts:
        raise DraftError("the body has no part (一、…)")
    _has_sections(parts, cursor.peek())
    body["parts"] = parts
    sections = [section for part in parts for section in part["sections"]]
    _number_sequence(parts, "part")
    _number_sequence(sections, "section")
    _number_sequence([measure for section in sections for measure in section["measures"]], "measure")
    if closing is None:
        raise DraftError("the body has no closing paragraph after its last measure")
    announced = ANNOUNCED.search(closing.text)
    body["closing"] = {"text": closing, "announced_tasks": int(announced.group(1)) if announced else None}
    return body


def _read_section(cursor: _Cursor, label: re.Match[str]) -> dict[str, Any]:
    """A section's number and title, and its intro where a paragraph without a label follows the title."""
    section: dict[str, Any] = {"number": chinese_number(label.group(1)), "title": read_line(label.group(2))}
    following = cursor.peek()
    if following is not None and not MEASURE_LABEL.match(following.text):
        intro = _paragraph(
            cursor, stop=lambda line: bool(MEASURE_LABEL.match(line.text) or SECTION_LABEL.match(line.text))
        )
        section["intro"] = intro
    section["measures"] = []
    return section


def _paragraph(cursor: _Cursor, stop: Any) -> Reading:
    """A paragraph and its continuations up to a line ``stop`` accepts."""
    first = cursor.take("a paragraph")
    reading = read_line(first.text)
    previous = first
    while (line := cursor.peek()) is not None and not stop(line):
        gap = "\n" * (line.number - previous.number)
        cursor.take("a paragraph")
        continue_reading(reading, previous.text, line, gap)
        previous = line
    return reading


_QUOTED = re.compile(r"“([^“”]{2,12})”")
TYPO_NOTE = "同段前文作“{earlier}”，此处“{printed}”只差一字，疑为其误（草稿提议）；请核对后改定确信度，或删去本记录。"


def _propose_typos(reading: Reading) -> None:
    """A quoted term printed again one character off within the same text: read as the earlier form, proposed."""
    seen: list[str] = []
    for match in _QUOTED.finditer(reading.text):
        term = match.group(1)
        earlier = next(
            (
                known
                for known in seen
                if len(known) == len(term) and sum(a != b for a, b in zip(known, term, strict=True)) == 1
            ),
            None,
        )
        seen.append(term)
        start, end = match.span()
        if earlier is None or any(
            edit["_start"] < end and start < edit["_start"] + len(edit["reading"]) for edit in reading.edits
        ):
            continue
        reading.text = reading.text[:start] + "“" + earlier + "”" + reading.text[end:]
        _record(reading, start, end, "typo", match.group(0), TYPO_NOTE.format(earlier=earlier, printed=term), PROPOSED)


NEAR_REPEAT_NOTE = (
    "{others}作“{form}”，此处作“{printed}”：两处或指同一而一处有误，按用字疑此处（草稿提议）；"
    "请核对后改定确信度，或删去本记录。"
)
_READING = "_reading"  # a measure's Reading, kept until every record of the notice is made


def _clean_places(body: dict[str, Any], attachment: dict[str, Any] | None) -> list[tuple[str, bool, Reading, int]]:
    """The clean texts the near-repeats are read in: (label, in the body, reading, end of the part read)."""
    places: list[tuple[str, bool, Reading, int]] = [("开篇", True, body["opening"], len(body["opening"].text))]
    for part in body["parts"]:
        places.append((f"第{chinese_numeral(part['number'])}部分标题", True, part["title"], len(part["title"].text)))
        for section in part["sections"]:
            label = f"（{chinese_numeral(section['number'])}）"
            places.append((label + "标题", True, section["title"], len(section["title"].text)))
            if "intro" in section:
                places.append((label + "导语", True, section["intro"], len(section["intro"].text)))
            for measure in section["measures"]:
                reading = measure[_READING]
                split = split_assignment(reading.text)  # the closing unit list is names, not a phrase
                places.append(
                    (f"第{measure['number']}条", True, reading, len(split[0]) if split else len(reading.text))
                )
    closing = body["closing"]["text"]
    places.append(("结尾", True, closing, len(closing.text)))
    for task in attachment["tasks"] if attachment is not None else ():
        for key in ("title", "requirement"):
            places.append((f"任务{task['number']}", False, task[key], len(task[key].text)))
    return places


def _propose_near_repeats(body: dict[str, Any], attachment: dict[str, Any] | None, decisions: list[str]) -> None:
    """A phrase printed twice in the notice a character or two apart: a proposed doubt on the rarer form.

    The pairs and the side to doubt come from ``near_repeats``; the form is left as printed, for a person to say
    which printing is right. A span that overlaps a record already made (a page break inside it) is left alone.
    """
    from .near_repeats import MAX_PAIRS, Place, near_repeats

    places = _clean_places(body, attachment)
    found, complete = near_repeats([Place(label, reading.text, end) for label, _, reading, end in places])
    if not complete:
        decisions.append(
            f"near-repeats not looked for: the texts repeat their wording in more than {MAX_PAIRS:,} pairs of "
            "places; compare the phrases printed twice by hand"
        )
    for repeat in found:
        label, in_body, reading, _ = places[repeat.suspect.place]
        start, end = repeat.suspect.start, repeat.suspect.end
        if any(edit["_start"] < end and start < edit["_start"] + len(edit["reading"]) for edit in reading.edits):
            continue
        forms: dict[str, list[str]] = {}
        for other in repeat.others:
            other_label, other_in_body, other_reading, _ = places[other.place]
            where = "正文" + other_label if other_in_body and not in_body else other_label
            named = forms.setdefault(other_reading.text[other.start : other.end], [])
            if where not in named:
                named.append(where)
        others = "；".join("、".join(named) for named in forms.values())
        form = "”“".join(forms)
        printed = reading.text[start:end]
        note = NEAR_REPEAT_NOTE.format(others=others, form=form, printed=printed)
        _record(reading, start, end, "doubt", printed, note, PROPOSED)


def _resolve_passages(node: Any) -> None:
    """Write every Reading left in the documents as its passage, and each measure's edits beside its text."""
    if isinstance(node, dict):
        reading = node.pop(_READING, None)
        if isinstance(reading, Reading):
            node["text"] = reading.text
            passage = reading.passage()
            if isinstance(passage, dict):
                node["edits"] = passage["edits"]
        for key, value in node.items():
            if isinstance(value, Reading):
                node[key] = value.passage()
            else:
                _resolve_passages(value)
    elif isinstance(node, list):
        for item in node:
            _resolve_passages(item)


def _measure_complete(reading: Reading | None, registry: Registry) -> bool:
    """Whether a measure's reading so far ends with its unit list (a half-width ``)`` counts)."""
    if reading is None:
        return True
    text = reading.text.rstrip("。")
    if not text.endswith(("）", ")")):
        return False
    split = split_assignment(text[:-1] + "）")
    return split is not None and is_unit_list(split[1], registry.knows_unit)


def _close_measure(measure: dict[str, Any], reading: Reading, registry: Registry) -> None:
    if reading.text.endswith(")"):
        reading.text = reading.text[:-1] + "）"
        start = max(reading.text.rfind("、"), reading.text.rfind("（")) + 1
        printed = reading.text[start:-1] + ")"
        _record(reading, start, len(reading.text), "punctuation", printed, PUNCTUATION_NOTE)
    _propose_typos(reading)
    split = split_assignment(reading.text)
    groups = split_names(split[1][1:-1]) if split and is_unit_list(split[1], registry.knows_unit) else []
    measure["text"] = reading.text
    measure["units"] = [[registry.unit(name, f"第{measure['number']}条") for name in group] for group in groups]
    measure[_READING] = reading  # its edits are written by _resolve_passages, once every record is made


def _read_attachment(cursor: _Cursor, registry: Registry) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    attachment: dict[str, Any] = {"label": read_line(cursor.take("the attachment label").text).passage()}
    attachment["title"] = read_line(cursor.take("the attachment title").text, title=True).passage()
    header = cursor.take("the table header").text
    columns = header.split("\t")
    attachment["columns"] = columns
    categories: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    in_category: list[int] = []  # each task's category, as an index into categories (-1: none)
    leader_cells: list[str] = []
    repeats = 0
    while (line := cursor.peek()) is not None:
        cursor.take("a table row")
        cells = line.text.split("\t")
        first = cells[0].strip()
        if line.text == header:
            repeats += 1
        elif (total := BREAKDOWN.match(first)) is not None:
            attachment["breakdown"] = {
                "label": total["label"],
                "categories_printed": _printed_number(total["categories"], line, "the 合计"),
                "tasks_printed": _printed_number(total["tasks"], line, "the 小计"),
            }
        elif (category := CATEGORY.match(first)) is not None:
            categories.append(
                {
                    "number": chinese_number(category["numeral"]),
                    "title": read_line(category["title"]).passage(),
                    "subtotal_printed": _printed_number(category["subtotal"], line, "the 小计"),
                }
            )
        elif first.isdigit():
            padded = (cells + [""] * len(_TASK_CELLS))[: len(_TASK_CELLS)]  # an empty last cell may be cut off
            row = dict(zip(_TASK_CELLS, padded, strict=True))
            tasks.append(_task(row, _printed_number(first, line, "the task number"), registry))
            leader_cells.append(row["leaders"])
            in_category.append(len(categories) - 1)
        elif tasks:
            raise DraftError(
                f"line {line.number}: a table row that is not a task, a category or a header: {line.text!r}"
            )
    leader_words = [len(word) for row in leader_cells for word in row.split(" ") if word]
    if 2 in leader_words and 1 not in leader_words:  # 王华, never 王 华: the table does not pad short names
        attachment["pads_short_names"] = False
    if "breakdown" not in attachment:
        raise DraftError(
            "the table has no total row (任务分解：合计 N 项（小计 M 项）), which the attachment records: correct "
            "source.txt against the printed notice"
        )
    if not categories or not tasks:
        raise DraftError(f"the table has no {'category' if not categories else 'task'} row")
    _number_sequence(categories, "category")
    _number_sequence(tasks, "task")
    for task, index in zip(tasks, in_category, strict=True):
        task["category"] = categories[index]["number"] if index >= 0 else None
    attachment["categories"] = categories
    attachment["tasks"] = tasks
    furniture = []
    if repeats:
        furniture.append(
            {
                "printed": header,
                "count": repeats,
                "note": "附件表格在续页重复的表头行；第一次出现的表头属于表格本身（attachment.yaml 的 columns）。",
            }
        )
    return attachment, furniture


_TASK_CELLS = ("number", "title", "leaders", "responsible_units", "cooperating_units", "requirement", "remark")


def _task(cells: dict[str, str], number: int, registry: Registry) -> dict[str, Any]:
    where = f"任务{number}"
    task: dict[str, Any] = {
        "number": number,
        "category": None,  # set once the categories are numbered
        "title": read_line(cells["title"]),
        "leaders": [registry.person(name, where) for name in table_names(cells["leaders"], registry, people=True)],
        "responsible_units": [
            registry.table_unit(name, where) for name in table_names(cells["responsible_units"], registry, people=False)
        ],
        "cooperating_units": [
            registry.table_unit(name, where) for name in table_names(cells["cooperating_units"], registry, people=False)
        ],
        "requirement": read_line(cells["requirement"]),
    }
    if cells["remark"].strip():
        task["remark"] = read_line(cells["remark"]).passage()
    return task


def _plain(passage: str | dict[str, Any] | Reading) -> str:
    if isinstance(passage, Reading):
        return passage.text
    return passage if isinstance(passage, str) else passage["text"]


def _propose_links(body: dict[str, Any], attachment: dict[str, Any], decisions: list[str]) -> None:
    """Link each task to its best-scoring measures, marked proposed, with the scores in the rationale.

    Section intros are scored beside the measures: a task that restates an intro (the wording of a whole
    section) is proposed with all the measures of that section.
    """
    from .similarity import MeasureIndex, MeasureText, TaskText

    part_of: dict[int, int] = {}  # candidate number → part
    section_measures: dict[int, list[int]] = {}  # candidate number of an intro → its section's measures
    labels: dict[int, str] = {}
    candidates = []
    sections = [(part, section) for part in body["parts"] for section in part["sections"]]
    last = max((m["number"] for _, section in sections for m in section["measures"]), default=0)
    for part, section in sections:
        for m in section["measures"]:
            part_of[m["number"]] = part["number"]
            labels[m["number"]] = f"措施{m['number']}"  # not 第N条: a rationale cites only the linked measures
            candidates.append(MeasureText(m["number"], m["text"], _units_of([m])))
        if "intro" in section and section["measures"]:
            number = last + section["number"]  # past every measure number: no clash
            part_of[number] = part["number"]
            labels[number] = f"（{chinese_numeral(section['number'])}）导语"
            section_measures[number] = [m["number"] for m in section["measures"]]
            candidates.append(MeasureText(number, _plain(section["intro"]), _units_of(section["measures"])))
    if not candidates:
        return
    index = MeasureIndex(candidates)
    for task in attachment["tasks"]:
        if task["category"] is None and attachment["categories"]:
            # A row above every category of a table that has them (the year's targets) belongs to no part of
            # the body, so it restates no measure: it comes from the opening's general requirements.
            task["links"] = {
                "basis": "general-requirements",
                "measures": [],
                "certainty": PROPOSED,
                "rationale": "任务不属任何类别，其出自开篇总体要求（草稿提议）；若出自某条措施，改为 measures 并列出；"
                "请核对后删去 certainty。",
            }
            decisions.append(f"task {task['number']}: general requirements proposed as its basis (it has no category)")
            continue
        ranked = index.rank(
            TaskText(
                (_plain(task["title"]), _plain(task["requirement"])),
                frozenset((*task["responsible_units"], *task["cooperating_units"])),
            )
        )
        # a task of category N restates measures of part N (the table's categories are the body's parts)
        ranked = [score for score in ranked if task["category"] in (None, part_of[score.measure])] or ranked
        best = ranked[0]
        linked = section_measures.get(best.measure, [best.measure])
        shown = "；".join(f"{labels[score.measure]} {score.total:.2f}" for score in ranked[:LINK_CANDIDATES])
        cited = f"第{linked[0]}条" if len(linked) == 1 else f"第{linked[0]}—{linked[-1]}条"
        via = f"重述{labels[best.measure]}，链接该节各条；" if best.measure in section_measures else ""
        task["links"] = {
            "basis": "measures",
            "measures": linked,
            "certainty": PROPOSED,
            "rationale": f"{cited}：{via}按用词与单位选出（得分：{shown}）（草稿提议）；请核对后删去 certainty。",
        }
        numbers = ", ".join(map(str, linked))
        decisions.append(f"task {task['number']}: link to measure {numbers} proposed (score {best.total:.2f})")


def _units_of(measures: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(unit for m in measures for group in m["units"] for unit in group)


def _doubts(documents: dict[str, dict[str, Any]]) -> list[str]:
    found = []
    for name, document in documents.items():
        for path, record in _records_in(document, ()):
            if record.get("certainty") == PROPOSED:
                what = f"{record['kind']} {record['printed']!r}" if path[-1] != "misnumbered" else record["kind"]
                found.append(f"{name} {'.'.join(map(str, path))}: {what}: {record['note']}")
    return found


def _records_in(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """The editorial and numbering records of a document, with their paths."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "edits" and isinstance(value, list):
                for index, edit in enumerate(value):
                    yield path + (key, index), edit
            elif key == "misnumbered":
                yield path + (key,), value
            else:
                yield from _records_in(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _records_in(item, path + (index,))


def draft_into(
    corpus: str | os.PathLike[str], notice_id: str, source: str | os.PathLike[str]
) -> tuple[Scaffold, Draft]:
    """``anwei new NOTICE-ID --source FILE --draft``: the scaffold, with its documents filled from the source.

    Registry entries for the names the registries lack are appended to them, marked provisional. Raises
    ScaffoldRefused as the scaffold does (an existing notice folder is never overwritten) and DraftError when the
    source does not have the shape of a notice of this family.
    """
    from .corpus import load_source
    from .scaffold import ScaffoldRefused, new_notice, schema_step

    root = Path(corpus)
    try:
        raw = Path(source).read_bytes()
    except OSError as exc:
        raise ScaffoldRefused(f"cannot read the source {source}: {exc.strerror or exc}") from None
    if (root / "notices" / notice_id).exists():
        raise ScaffoldRefused(
            f"{root / 'notices' / notice_id} already exists; choose another ID or remove the folder yourself"
        )
    units = people = None
    attachments: list[Any] = []
    if (root / MANIFEST).is_file():
        loaded = load_source(root)
        units, people = loaded.units.model, loaded.people.model
        attachments = [notice.attachment.model for notice in loaded.notices if notice.attachment.model is not None]
    registry = Registry.from_models(units, people, attachments, jurisdiction=notice_jurisdiction(notice_id))
    drafted = draft_notice(notice_id, raw, registry)
    scaffold = new_notice(root, notice_id, source, documents=drafted.documents)
    for name, key, entries in ((UNITS, "units", drafted.new_units), (PEOPLE, "people", drafted.new_people)):
        if entries:
            _append_entries(root, name, key, entries)
            if name not in scaffold.created:
                scaffold.updated.append(name)
    scaffold.remaining = [
        *drafted.decisions,
        f"run 'anwei validate {root}': each proposed record, link and new entry above is a finding there",
    ]
    step = schema_step(root, new_ids=bool(drafted.new_units or drafted.new_people))
    if step is not None:
        scaffold.remaining.append(step)
    return scaffold, drafted


def _append_entries(root: Path, name: str, key: str, entries: list[dict[str, Any]]) -> None:
    """Add registry entries at the end of a registry file, in the corpus layout, comments kept."""
    from .corpus import SOURCE_FILES
    from .yaml_style import apply_layout, dump, new_yaml, to_commented, write_atomic

    path = root / name
    yaml = new_yaml()
    tree = yaml.load(path.read_text(encoding="utf-8"))
    if not isinstance(tree, dict):
        raise DraftError(f"{path} is not a mapping; run 'anwei validate {root}'")
    if not isinstance(tree.get(key), list):
        tree[key] = to_commented([])
    for entry in entries:
        tree[key].append(to_commented(entry))
    write_atomic(path, dump(apply_layout(tree, SOURCE_FILES[name][1]), yaml).encode())
