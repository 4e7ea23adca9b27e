"""Damage the real corpus in many ways; each damage must be caught with the right code at the right file and line.

The complete set of findings (code, file, line) is compared for each damage, so a new cascade or a lost finding
fails as surely as a missed one.

Each mutation replaces one string in one file of a fresh copy of the corpus. The expected finding is on the line
of the change, or on the line of ``at`` (a string of the damaged file, plus ``offset`` lines) when the finding
belongs elsewhere, e.g. at the next measure's number when one is dropped. The other findings a damage causes are
placed the same way: by a text of their file, never by a line number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DATA, NOTICE
from findings import check

from anwei_corpus import SCHEMA_VERSION
from anwei_corpus.codes import LOAD_CODES

BODY = f"{NOTICE}/body.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
META = f"{NOTICE}/notice.yaml"
SOURCE = f"{NOTICE}/source.txt"
UNITS = "registry/units.yaml"
PEOPLE = "registry/people.yaml"
MANIFEST = "corpus.yaml"

MEASURE_13 = """          - number: 13
            text: 立足本区应急管理“十四五”规划，全面落实区委、区政府有关安全发展和城区治理的工作措施，组织安全生产规划调研，推进规划落地见效。坚持立足当前与着眼长远相结合，瞄准重大风险和挑战，在补短板、堵漏洞、强弱项上精准发力，坚持系统治理、综合治理、依法治理，统筹协调应对重大公共安全事件，围绕建设更高水平的平安目标，有效从源头消除和管控风险。（区安委会各成员单位）
            units: [[committee-members]]
"""


@dataclass(frozen=True)
class Mutation:
    code: str
    file: str
    old: str
    new: str
    finding_file: str | None = None  # default: the damaged file
    at: str | None = None  # default: the line of the change
    offset: int = 0
    # every other finding the damage causes, as (code, file, text) or (code, file, text, lines below it): the line
    # is that of the text's first occurrence in the damaged file, so a line added elsewhere does not move it
    also: tuple[tuple[str, str, str] | tuple[str, str, str, int], ...] = ()


MUTATIONS = {
    # numbering and forms
    "drop-measure": Mutation("AW201", BODY, MEASURE_13, "", at="- number: 14"),
    "renumber-measure": Mutation(
        "AW201",
        BODY,
        "- number: 14\n",
        "- number: 41\n",
        also=(("AW303", ATTACHMENT, "measures: [14]"), ("AW701", BODY, "- number: 41")),
    ),
    "renumber-task": Mutation(
        "AW201",
        ATTACHMENT,
        "- number: 7\n    category: 2",
        "- number: 8\n    category: 2",
        also=(("AW701", ATTACHMENT, "title: 指导街镇完善应急、安全、消防管理体制"),),
    ),
    "square-brackets": Mutation(
        "AW203",
        META,
        "printed: 普安委〔2022〕6号",
        "printed: 普安委[2022]6号",
        also=(("AW701", META, "printed: 普安委[2022]6号"),),
    ),
    "title-with-numeral": Mutation(
        "AW204",
        BODY,
        "title: 压实各级领导责任",
        "title: （一）压实各级领导责任",
        also=(("AW701", BODY, "title: （一）压实各级领导责任"),),
    ),
    "part-title-with-numeral": Mutation(
        "AW204",
        BODY,
        "title: 优化监管机制",
        "title: 二、优化监管机制",
        also=(
            ("AW501", ATTACHMENT, "title: 优化监管机制，完善城市安全治理体系"),
            ("AW701", BODY, "title: 二、优化监管机制，完善城市安全治理体系"),
        ),
    ),
    "date-value-off": Mutation("AW205", META, "date:\n  value: 2022-08-15", "date:\n  value: 2022-08-16", offset=1),
    "imprint-before-date": Mutation(
        "AW205",
        META,
        "    value: 2022-08-15\n    printed: 2022年8月15日",
        "    value: 2022-08-14\n    printed: 2022年8月14日",
        also=(("AW701", META, "printed: 2022年8月14日"),),
    ),
    "number-in-hexadecimal": Mutation("AW014", ATTACHMENT, "  - number: 14\n", "  - number: 0x0E\n"),
    # references
    "misspelt-unit": Mutation(
        "AW301", BODY, "[[emergency-bureau, organisation-department]]", "[[emergency-bureu, organisation-department]]"
    ),
    "unknown-leader": Mutation("AW302", ATTACHMENT, "leaders: [wang-jue, xu-shujie]", "leaders: [wang-jue, xu-shujei]"),
    "leader-of-another-district": Mutation(
        "AW315",
        PEOPLE,
        "name: 徐树杰\n    jurisdiction: putuo",
        "name: 徐树杰\n    jurisdiction: jingan",
        finding_file=ATTACHMENT,
        at="xu-shujie",
    ),
    "missing-measure": Mutation(
        "AW303",
        ATTACHMENT,
        "measures: [43]",
        "measures: [99]",
        also=(("AW505", ATTACHMENT, "rationale: 第43条：加强重点领域信用监管。"),),
    ),
    "unknown-category": Mutation(
        "AW304",
        ATTACHMENT,
        "- number: 23\n    category: 5",
        "- number: 23\n    category: 9",
        offset=1,
        also=(("AW401", ATTACHMENT, "subtotal_printed: 5"),),
    ),
    "duplicate-unit-id": Mutation(
        "AW305",
        UNITS,
        "id: housing-bureau",
        "id: emergency-bureau",
        also=(
            ("AW301", ATTACHMENT, "responsible_units: [emergenc"),
            ("AW701", ATTACHMENT, "responsible_units: [emergency-bureau, s"),
            ("AW701", ATTACHMENT, "responsible_units: [emergency-bureau]"),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, zhan", 1),
            ("AW701", ATTACHMENT, "title: 深化应急管理综合行政执法改革", 2),
            ("AW701", ATTACHMENT, "responsible_units: [emergency-bureau, f"),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, zhang-jun]", 1),
            ("AW701", ATTACHMENT, "responsible_units: [emergency-bureau, fire-rescue-detachment, p"),
            ("AW701", ATTACHMENT, "title: 构建危险化学品跨部门数字化监管平台", 2),
            ("AW701", ATTACHMENT, "cooperating_units: [emergenc"),
            ("AW701", ATTACHMENT, "title: 开展危险化学品安全风险集中治理", 2),
            ("AW701", ATTACHMENT, "title: 修订《普陀区突发事件总体应急预案》", 2),
            ("AW701", ATTACHMENT, "cooperating_units: [emergency-bureau, fire-rescue-detachment, c"),
            ("AW701", ATTACHMENT, "responsible_units: [commerce", 1),
            ("AW701", ATTACHMENT, "responsible_units: [emergency-bureau, fire-rescue-detachment, m"),
            ("AW301", BODY, "units: [[public-security-bra"),
        ),
    ),
    "alias-used-twice": Mutation("AW306", UNITS, "aliases: [消防救援支队]", "aliases: [消防救援支队, 区应急局]"),
    "unit-list-mismatch": Mutation(
        "AW308",
        BODY,
        "units: [[establishment-office, emergency-bureau]]",
        "units: [[emergency-bureau, establishment-office]]",
    ),
    "unused-unit": Mutation(
        "AW309",
        ATTACHMENT,
        "[human-resources-bureau, finance-bureau, subdistricts-and-towns]",
        "[human-resources-bureau, subdistricts-and-towns]",
        finding_file=UNITS,
        at="id: finance-bureau",
        also=(("AW701", ATTACHMENT, "cooperating_units: [human-re"),),
    ),
    "task-out-of-category-order": Mutation(
        "AW310",
        ATTACHMENT,
        "- number: 12\n    category: 3",
        "- number: 12\n    category: 2",
        offset=1,
        also=(
            ("AW401", ATTACHMENT, "subtotal_printed: 3"),
            ("AW401", ATTACHMENT, "title: 坚持关口前移，健全安全风险预防机制", 1),
            ("AW502", ATTACHMENT, "- number: 12", 1),
        ),
    ),
    "notice-id-not-folder": Mutation("AW312", META, "id: putuo-anwei-2022-6", "id: putuo-awei-2022-6"),
    "unit-both-roles": Mutation(
        "AW311",
        ATTACHMENT,
        "[development-reform-commission, subdistricts-and-towns]",
        "[emergency-bureau, subdistricts-and-towns]",
        also=(("AW701", ATTACHMENT, "cooperating_units: [emergency-bureau, s"),),
    ),
    "measure-linked-twice": Mutation("AW311", ATTACHMENT, "measures: [4]\n", "measures: [4, 4]\n"),
    # totals
    "changed-subtotal": Mutation(
        "AW401",
        ATTACHMENT,
        "subtotal_printed: 3",
        "subtotal_printed: 4",
        also=(
            ("AW402", ATTACHMENT, "tasks_printed: 22"),
            ("AW701", ATTACHMENT, "title: 优化监管机制，完善城市安全治理体系", 1),
        ),
    ),
    "changed-breakdown": Mutation(
        "AW402",
        ATTACHMENT,
        "tasks_printed: 22",
        "tasks_printed: 21",
        also=(("AW701", ATTACHMENT, "tasks_printed: 21"),),
    ),
    "wrong-announced-count": Mutation("AW403", BODY, "announced_tasks: 23", "announced_tasks: 24"),
    # consistency
    "category-title-differs": Mutation(
        "AW501",
        ATTACHMENT,
        "title: 优化监管机制，完善城市安全治理体系",
        "title: 优化监管机制，完善城市安全体系",
        also=(("AW701", ATTACHMENT, "title: 优化监管机制，完善城市安全体系"),),
    ),
    "link-outside-category": Mutation(
        "AW502",
        ATTACHMENT,
        "measures: [30]",
        "measures: [40]",
        also=(
            ("AW506", ATTACHMENT, "measures: [40]"),
            ("AW505", ATTACHMENT, "rationale: 第30条：深化消防安全专项行动。"),
        ),
    ),
    "task-units-not-in-measures": Mutation(
        "AW503",
        ATTACHMENT,
        "responsible_units: [commerce-commission]",
        "responsible_units: [justice-bureau]",
        also=(("AW707", UNITS, "name: 区司法局"),),
    ),
    "weak-link": Mutation(
        "AW506", ATTACHMENT, "measures: [35]\n      rationale: 第35条", "measures: [34]\n      rationale: 第34条"
    ),
    "repeated-task-title": Mutation(
        "AW504",
        ATTACHMENT,
        "title: 修订《普陀区突发事件总体应急预案》",
        "title: 推动应急力量健康发展",
        at="- number: 20\n",
        offset=2,
        also=(("AW701", ATTACHMENT, "title: 推动应急力量健康发展"),),
    ),
    # text hygiene
    "half-width-comma": Mutation(
        "AW601",
        BODY,
        "社会化应急救援队伍，深化",
        "社会化应急救援队伍,深化",
        also=(("AW701", BODY, "text: 推动应急力量健康发展。结合区域特点培育发展区"),),
    ),
    "stray-latin-word": Mutation(
        "AW602",
        BODY,
        "意义重大，任务艰巨",
        "意义重大and任务艰巨",
        also=(("AW701", BODY, "text: 2022年，是喜迎党的二十大，全面建设社会主"),),
    ),
    "zero-width-space": Mutation(
        "AW603",
        BODY,
        "建立专家服务常态化机制",
        "建立专家服务\u200b常态化机制",
        also=(("AW701", BODY, "- number: 44", 1),),
    ),
    "not-nfc": Mutation(
        "AW604", PEOPLE, "name: 姚汝林", "name: 姚汝\uf9f4", also=(("AW707", PEOPLE, "- id: yao-rulin", 1),)
    ),
    "blank-letter-in-name": Mutation(
        "AW603", PEOPLE, "name: 徐树杰", "name: 徐树杰\u3164", also=(("AW707", PEOPLE, "- id: xu-shujie", 1),)
    ),
    "combining-mark-in-name": Mutation(
        "AW607", PEOPLE, "name: 姚汝林", "name: 姚汝林\u0301", also=(("AW707", PEOPLE, "- id: yao-rulin", 1),)
    ),
    "padded-name": Mutation(
        "AW605",
        PEOPLE,
        "name: 姜爱锋",
        "name: ' 姜爱锋'",
        also=(
            ("AW701", ATTACHMENT, "leaders: [xiao-wengao, jiang"),
            ("AW701", ATTACHMENT, "title: “防疫情、稳经济、保安全”大走访、大排查", 1),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, yao-"),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng]"),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, zhan"),
            ("AW701", ATTACHMENT, "title: 深化应急管理综合行政执法改革", 1),
            ("AW701", ATTACHMENT, "title: 指导街镇完善应急、安全、消防管理体制", 1),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, zhang-jun]"),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, yao-rulin,"),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, xu-s"),
            ("AW701", ATTACHMENT, "title: 强化安全监管执法", 1),
            ("AW701", ATTACHMENT, "title: 构建危险化学品跨部门数字化监管平台", 1),
            ("AW701", ATTACHMENT, "title: 深化安全生产专项整治三年行动", 1),
            ("AW701", ATTACHMENT, "title: 开展危险化学品安全风险集中治理", 1),
            ("AW701", ATTACHMENT, "title: 深化消防安全专项行动", 1),
            ("AW701", ATTACHMENT, "title: 开展地下管线（城镇燃气）安全排查整治", 1),
            ("AW701", ATTACHMENT, "title: 修订《普陀区突发事件总体应急预案》", 1),
            ("AW701", ATTACHMENT, "title: 推动应急力量健康发展", 1),
            ("AW701", ATTACHMENT, "leaders: [jiang-aifeng, xu-shujie]"),
        ),
    ),
    "space-in-alias": Mutation(
        "AW605",
        UNITS,
        "aliases: [区绿容局]",
        "aliases: [区绿 容局]",
        also=(("AW308", BODY, "text: 设立区安委会道路交通安全专业委员会、建筑安全"),),
    ),
    "leftover-bold": Mutation(
        "AW606",
        BODY,
        "建立专家服务常态化机制",
        "建立专家服务**常态化**机制",
        also=(("AW701", BODY, "text: 建立专家服务**常态化**机制。充分利用本区"),),
    ),
    # editorial record
    "changed-source-byte": Mutation(
        "AW703",
        SOURCE,
        "普陀区2022年",
        "普陀区2023年",
        finding_file=META,
        at="sha256:",
        also=(("AW701", BODY, "text: 根据“党政同责、一岗双责”和“三管三必须”以"),),
    ),
    "edit-reading-gone": Mutation("AW702", BODY, "reading: 护装备标", "reading: 护装甲标", at="reading: 护装甲标"),
    "proposed-reading-left-undecided": Mutation(
        "AW901",
        BODY,
        "certainty: low\n                note: “共进一步”",
        "certainty: proposed\n                note: “共进一步”",
    ),
    "provisional-entry-left-unchecked": Mutation(
        "AW901", UNITS, "  - id: finance-bureau\n", "  - id: finance-bureau\n    provisional: true\n", offset=1
    ),
    "rationale-cites-another-measure": Mutation(
        "AW505", ATTACHMENT, "rationale: 第35条：为期1年", "rationale: 第34条：为期1年"
    ),
    "text-departs-from-source": Mutation("AW701", BODY, "扎实推进各项专项整治活动走深走实", "扎实推进各项专项整治活动"),
    "uncertain-edit-without-note": Mutation(
        "AW705",
        BODY,
        "certainty: low\n                note: “共进一步”文意不明，疑有脱误（或为“更进一步”），照印本保留。",
        "certainty: low",
        at="- kind: doubt\n                printed: 扫清盲点",
    ),
    "edit-of-wrong-kind": Mutation(
        "AW706",
        BODY,
        "- kind: punctuation\n                printed: 区民防办)",
        "- kind: space\n                printed: 区民防办)",
    ),
    "doubled-record-without-the-doubling": Mutation(
        "AW706",
        BODY,
        '- kind: doubled\n              printed: "树立\\n\\n立"\n              reading: 树立',
        '- kind: doubled\n              printed: "树立\\n\\n立"\n              reading: 树立立',
        also=(("AW702", BODY, "reading: 树立立"),),
    ),
    # suppression
    # the finding the suppression was meant to accept stays reported
    "suppression-of-no-code": Mutation(
        "AW802",
        ATTACHMENT,
        "      - code: AW503",
        "      - code: AW530",
        also=(("AW503", ATTACHMENT, "responsible_units: [committe"),),
    ),
    # task 2 linked to measure 5, whose units include its responsible unit: the AW503 it accepted is gone
    "stale-suppression": Mutation(
        "AW801",
        ATTACHMENT,
        "measures: [2]\n      rationale: 第2条：结合领导干部大走访",
        "measures: [5]\n      rationale: 第5条：结合领导干部大走访",
        at="- code: AW503",
        also=(("AW506", ATTACHMENT, "measures: [5]"),),  # measure 5 shares little with the task
    ),
    # files the loader refuses
    "key-without-colon": Mutation("AW001", PEOPLE, "    name: 姜爱锋", "    name 姜爱锋"),
    "form-feed": Mutation("AW007", PEOPLE, "name: 姜爱锋", "name: 姜爱\x0c锋"),
    "list-at-top-level": Mutation(
        "AW008", PEOPLE, "people:\n  - id: xiao-wengao", "- id: xiao-wengao", at="- id: xiao"
    ),
    "too-deep": Mutation("AW010", META, "copies: 60", "copies: " + "[" * 70 + "]" * 70),
    "other-major-schema": Mutation(
        "AW102",
        MANIFEST,
        f"schema_version: {SCHEMA_VERSION}",
        f"schema_version: {int(SCHEMA_VERSION.split('.')[0]) + 1}.0.0",
    ),
    "byte-order-mark": Mutation("AW006", PEOPLE, "# yaml-language-server", "\ufeff# yaml-language-server"),
    "duplicate-key": Mutation("AW002", PEOPLE, "name: 肖文高", "name: 肖文高\n    name: 肖文高", offset=1),
    "tab-indentation": Mutation("AW003", PEOPLE, "    name: 姜爱锋", "\tname: 姜爱锋"),
    "python-tag": Mutation("AW004", META, "copies: 60", "copies: !!python/object:os.system 60"),
    "schema-wrong-type": Mutation("AW101", META, "copies: 60", "copies: sixty"),
}


def test_every_family_is_damaged():
    families = {mutation.code[:3] for mutation in MUTATIONS.values()}
    assert {"AW0", "AW1", "AW2", "AW3", "AW4", "AW5", "AW6", "AW7", "AW8"} <= families


def findings_of(root: Path) -> set[tuple[str, str, int | None]]:
    """Every finding of the corpus at ``root`` as (code, file relative to the corpus, line)."""
    found = set()
    for diagnostic in check(root):
        file = Path.cwd() / diagnostic.location.file  # shown relative to the working directory when below it
        found.add((diagnostic.code, file.relative_to(root.resolve()).as_posix(), diagnostic.location.line))
    return found


@pytest.fixture(scope="module")
def unchanged_findings():
    """What the real corpus reports (information only), which every damaged copy reports too."""
    return findings_of(DATA)


def _placed(mutation: Mutation) -> list[tuple[str, str, str, int]]:
    """The other findings as (code, file, text, lines below the text)."""
    return [(finding + (0,))[:4] for finding in mutation.also]


@pytest.mark.parametrize("name", MUTATIONS)
def test_damage_is_caught(corpus_copy, unchanged_findings, name):
    mutation = MUTATIONS[name]
    line = corpus_copy.replace(mutation.file, mutation.old, mutation.new)
    finding_file = mutation.finding_file or mutation.file
    if mutation.at is not None:
        line = corpus_copy.line_of(finding_file, mutation.at)
    also = {(code, file, corpus_copy.line_of(file, text) + offset) for code, file, text, offset in _placed(mutation)}
    expected = {(mutation.code, finding_file, line + mutation.offset), *also}
    if mutation.code not in LOAD_CODES:  # a file that does not load leaves the corpus-wide findings out
        expected |= unchanged_findings
    assert findings_of(corpus_copy.root) == expected
