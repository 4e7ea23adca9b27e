"""``anwei new --draft``: the notice read from its text, on the real source and on variants of it.

The variants are made by editing the text, not by line number: another district and year, a measure removed and
the rest renumbered, names the registries lack, a page broken elsewhere, a task fewer and a task more. The draft
must follow each.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEED_SOURCE

from anwei_corpus import leader_work
from anwei_corpus.api import validate
from anwei_corpus.build import build_corpus
from anwei_corpus.corpus import load_source
from anwei_corpus.draft import DraftError, Registry, draft_into, draft_notice
from anwei_corpus.models.common import DRAFT_MARK
from anwei_corpus.near_repeats import Place, near_repeats
from anwei_corpus.reporters.lookups import render
from anwei_corpus.scaffold import ScaffoldRefused

NOTICE = "putuo-anwei-2022-6"
TEXT = SEED_SOURCE.read_text(encoding="utf-8")
# What the draft leaves to a person (AW901), what the hand corpus accepts by suppression (AW503), information.
# AW506: a weak link among a section's measures, when a task restates the section's intro.
ALLOWED = {"AW901", "AW503", "AW506", "AW704"}


def _empty_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=lambda folder, names: [NOTICE] if folder.endswith("notices") else [])
    manifest = copy / "corpus.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(f"  - {NOTICE}\n", ""), encoding="utf-8")
    return copy


def _draft(tmp_path: Path, text: str, notice_id: str = NOTICE):
    corpus = _empty_copy(tmp_path)
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    draft_into(corpus, notice_id, source)
    loaded = load_source(corpus)
    notice = next(n for n in loaded.notices if n.folder == notice_id)
    return corpus, loaded, notice


def _measures(body):
    return [m for part in body.parts for section in part.sections for m in section.measures]


def _hand():
    notice = next(n for n in load_source(DATA).notices if n.folder == NOTICE)
    return notice


def test_real_notice_drafts_to_the_hand_encoding_but_for_the_decisions(tmp_path):
    corpus, loaded, notice = _draft(tmp_path, TEXT)
    hand = _hand()
    findings = validate(corpus)
    assert {d.code for d in findings} <= ALLOWED
    decided = {(d.location.file.split("/")[-1], tuple(d.location.path[:-1])) for d in findings if d.code == "AW901"}
    proposed = [d.message.split(":")[0] for d in findings if d.code == "AW901" and "record" in d.message]
    assert proposed == [
        "doubt record of '《关于深化我市应急管理综合行政执法改革的实施方案》' proposed by the draft",  # near-repeat
        "break record of '树立\\n\\n立' proposed by the draft",
        "doubt record of '建筑安全专业委员会' proposed by the draft",  # near-repeat of measure 35
        "doubt record of '应急管理 etc 制度' proposed by the draft",
        "break record of '应。\\n\\n优化' proposed by the draft",
        "doubt record of '保平安' proposed by the draft",  # near-repeat of measure 2 and task 2
        "doubt record of '共性问题 and 突出隐患' proposed by the draft",
        "doubt record of '村（居）农民自建房' proposed by the draft",  # near-repeat of task 16
        "typo record of '“在转必停”' proposed by the draft",
        "break record of '能。\\n\\n在市' proposed by the draft",
    ]
    assert len([d for d in findings if d.code == "AW901" and d.message.startswith("task ")]) == 23
    drafted, expected = _measures(notice.body.model), _measures(hand.body.model)
    assert [m.number for m in drafted] == [m.number for m in expected]
    assert [m.units for m in drafted] == [m.units for m in expected]
    as_printed = {6, 27}  # English words kept as printed for a person to read
    assert [m.number for m in drafted if m.text != next(e for e in expected if e.number == m.number).text] == sorted(
        as_printed
    )
    tasks, hand_tasks = notice.attachment.model.tasks, hand.attachment.model.tasks
    # The table wraps 区人力资源 保障局 (task 6); no registry name or alias reads so, and the drafted notice is the
    # only one to spell it: the draft proposes a new entry for a person to merge into human-resources-bureau.
    [provisional] = [u for u in loaded.units.model.units if u.provisional]
    assert provisional.name == "区人力资源保障局"

    def as_drafted(units: list[str]) -> list[str]:
        return [provisional.id if unit == "human-resources-bureau" else unit for unit in units]

    for field in ("number", "category", "leaders"):
        assert [getattr(t, field) for t in tasks] == [getattr(h, field) for h in hand_tasks]
    assert [(t.responsible_units, t.cooperating_units) for t in tasks] == [
        (as_drafted(h.responsible_units), as_drafted(h.cooperating_units)) for h in hand_tasks
    ]
    assert [(t.title.text, t.requirement.text) for t in tasks] == [
        (h.title.text, h.requirement.text) for h in hand_tasks
    ]
    # links: task 1 stands above every category, so it is proposed to come from the general requirements
    assert [(t.links.basis, t.links.certainty) for t in tasks] == [("general-requirements", "proposed")] + [
        ("measures", "proposed")
    ] * 22
    assert notice.attachment.model.categories == hand.attachment.model.categories
    assert notice.attachment.model.breakdown == hand.attachment.model.breakdown
    assert [s.printed for s in notice.attachment.model.spellings] == [
        "各成员单位",
        "各街道、镇",
        "区人力资源 保障局",
        "区发展改革委",
    ]
    assert notice.notice.model.furniture[0].count == 6
    assert decided  # every decision is located


def test_comparison_script_reaches_the_agreement_it_promises():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compare_draft.py"), "--corpus", str(DATA), "--min", "0.98"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    overall = re.search(r"^all\s+(\d+)\s+(\d+)\s+[\d.]+%$", result.stdout, re.MULTILINE)
    decided = re.search(r"^agreement on the cells the draft decides: ([\d.]+)%", result.stdout, re.MULTILINE)
    assert overall is not None and decided is not None, result.stdout
    assert (int(overall.group(1)), int(overall.group(2))) == (777, 792)  # 98.11%
    assert float(decided.group(1)) >= 98.85


# A small notice of the family: two measures and two tasks, the texts filled in by each test.
SYNTHETIC = """上海市测试区安全生产委员会

测安委〔2024〕3号

上海市测试区安全生产委员会关于印发测试区2024年安全生产工作意见的通知

各安委会成员单位：

《测试区2024年安全生产工作意见》已经区领导审核同意，现印发给你们，请认真贯彻执行。

上海市测试区安全生产委员会

2024年3月1日

测试区2024年安全生产工作意见

2024年，全区安全生产工作的总体要求：坚持人民至上，统筹发展和安全。

一、压实安全责任

（一）健全专委会机制

1. {m1}（区建管委）

2. {m2}（区应急局）

根据以上要求，区安委会列出2项重点工作任务。

附件：区政府领导2024年安全生产重点工作任务清单

（信息公开形式：主动公开）

上海市测试区安全生产委员会

2024年3月1日印发

共印20份

附件

区政府领导2024年安全生产重点工作任务清单

序号\t重点任务\t牵头区领导\t责任单位\t配合单位\t工作要求\t备注
任务分解：合计 1 项（小计 2 项）\t\t\t\t\t\t
一、压实安全责任（小计 2 项）\t\t\t\t\t\t
1\t{t1}\t姜爱锋\t区建管委\t各街道、镇\t{r1}\t
2\t{t2}\t姜爱锋\t区应急局\t各街道、镇\t{r2}\t
"""


def _near_repeat_doubts(**texts: str) -> list[tuple[str, tuple[object, ...], str, str]]:
    """The doubts the draft of the synthetic notice makes for near-repeats: (file, path, printed, note)."""
    from anwei_corpus.draft import _records_in

    drafted = draft_notice("test-2024-3", SYNTHETIC.format(**texts).encode(), Registry())
    return [
        (name, path[:-2], edit["printed"], edit["note"])
        for name, document in drafted.documents.items()
        for path, edit in _records_in(document, ())
        if path[-2] == "edits" and edit["kind"] == "doubt"
    ]


def test_a_near_repeat_is_doubted_on_its_rarer_side():
    doubts = _near_repeat_doubts(
        # 建设 is printed five times in the notice, 建筑 once: measure 2's 建筑 is the likelier misprint
        m1="依托建设安全专业委员会，推进建设工程、建设项目和建设领域安全管理。",
        m2="设立交通安全专业委员会、建筑安全专业委员会等专委会，组织开展燃气安全排查整治。",
        t1="推进建设领域安全管理",
        r1="提升监管效能。",
        t2="组织开展燃气安全排查整治",
        r2="排查整治燃气安全隐患。",
    )
    assert doubts == [
        (
            "body.yaml",
            ("parts", 0, "sections", 0, "measures", 1),
            "建筑安全专业委员会",  # grown through the shared context to the 、 before it, not past 会
            "第1条作“建设安全专业委员会”，此处作“建筑安全专业委员会”：两处或指同一而一处有误，"
            "按用字疑此处（草稿提议）；请核对后改定确信度，或删去本记录。",
        )
    ]


def test_legitimate_variants_are_not_flagged():
    doubts = _near_repeat_doubts(
        m1="深化应急管理综合行政执法改革，加快安全生产数字化转型，完成2023年度安全生产目标。",
        m2="巩固专项整治成果，完成2024年度安全生产目标。",
        t1="深化应急管理综合执法改革",  # a word left out in the restatement
        r1="推进安全生产数字化转型。",  # another verb at the head of the clause
        t2="巩固专项整治成果",
        r2="完成2024年度安全生产目标。",
    )
    assert doubts == []  # and 2023年度 beside 2024年度: years differ legitimately


def test_near_repeats_name_every_place_of_the_other_form_and_keep_a_title_whole():
    opening = "普陀区坚持安全发展，普陀区统筹发展和安全，守牢普陀区安全底线。"
    places = [
        Place("开篇", opening, len(opening)),
        Place("第9条", "协调推动《关于深化普陀区应急管理综合行政执法改革的实施方案》各项措施落地。", 40),
        Place("第2条", "推动“防疫情、稳经济、保安全”落地见效。", 21),
        Place("（九）导语", "以“防疫情、稳经济、保平安”大走访为契机。", 22),
        Place("任务2", "集中开展“防疫情、稳经济、保安全”大走访。", 23),
        Place("任务6", "推动《关于深化我市应急管理综合行政执法改革的实施方案》各项措施落地。", 36),
    ]
    found = [
        (
            places[r.suspect.place].where,
            r.suspect.printed(places),
            [(places[o.place].where, o.printed(places)) for o in r.others],
        )
        for r in near_repeats(places).found
    ]
    assert near_repeats(places).complete
    assert found == [
        ("（九）导语", "保平安", [("第2条", "保安全"), ("任务2", "保安全")]),
        (
            "任务6",
            "《关于深化我市应急管理综合行政执法改革的实施方案》",
            [("第9条", "《关于深化普陀区应急管理综合行政执法改革的实施方案》")],
        ),
    ]


def test_near_repeats_look_at_a_bounded_number_of_pairs():
    # 2,000 texts sharing their wording make millions of pairs of seeds: none is looked at, and the result says so
    # (the draft then lists a decision) instead of running for minutes.
    texts = [f"各单位要加强安全生产责任制落实，强化隐患排查治理第{i}项。" for i in range(2000)]
    places = [Place(f"第{i}条", text, len(text)) for i, text in enumerate(texts)]
    assert near_repeats(places) == ([], False)
    assert near_repeats(places[:40]).complete


def test_a_second_draft_numbers_its_new_entries_after_the_first_drafts(tmp_path):
    # Two notices drafted before the first one's provisional entries are resolved: each keeps its own entries.
    first = TEXT.replace("（区苏河办）", "（区河道办、区苏河办）").replace("徐树杰", "李四海")
    corpus, _, _ = _draft(tmp_path, first)
    second = TEXT.replace("2022", "2023").replace("徐树杰", "王五常")
    (tmp_path / "second.txt").write_text(second, encoding="utf-8")
    draft_into(corpus, "putuo-anwei-2023-6", tmp_path / "second.txt")
    loaded = load_source(corpus)
    new_units = [(u.id, u.name) for u in loaded.units.model.units if u.provisional]
    new_people = [(p.id, p.name) for p in loaded.people.model.people if p.provisional]
    assert new_people == [("provisional-person-a", "李四海"), ("provisional-person-b", "王五常")]
    assert [ident for ident, _ in new_units] == [f"provisional-unit-{n}" for n in range(1, len(new_units) + 1)]
    assert {d.code for d in validate(corpus)} & {"AW305", "AW707"} == set()


def test_a_notice_without_an_attachment_ends_its_body_at_the_back_matter(tmp_path):
    # No 附件说明 and no table: the closing paragraph still ends where the 附注 starts, and the 版记 is read.
    text = TEXT[: TEXT.index("附件：区政府")] + TEXT[TEXT.index("（信息公开形式") : TEXT.index("\n附件\n")] + "\n"
    corpus, _, notice = _draft(tmp_path, text)
    meta, body = notice.notice.model, notice.body.model
    assert body.closing.text.text.endswith("年度述职的重要内容。")
    assert (meta.annotation.text, meta.imprint.organ.text, meta.copies) == (
        "（信息公开形式：主动公开）",
        "上海市普陀区安全生产委员会",
        60,
    )
    assert "附件说明" in [absent.element for absent in meta.absent]
    assert not (corpus / "notices" / NOTICE / "attachment.yaml").exists()
    # the registries' leaders and the table's units are then unused; nothing else needs a person
    assert {d.code for d in validate(corpus)} == {"AW901", "AW309", "AW704"}


@pytest.mark.parametrize("printed", ["（共印60份）", "印数：60份"])
def test_the_print_run_is_read_in_its_other_spellings(tmp_path, printed):
    corpus, _, notice = _draft(tmp_path, TEXT.replace("\n共印60份\n", f"\n{printed}\n"))
    meta = notice.notice.model
    assert (meta.print_run.text, meta.copies, meta.imprint.organ.text) == (printed, 60, "上海市普陀区安全生产委员会")
    assert {d.code for d in validate(corpus)} <= ALLOWED


def test_a_back_matter_line_the_draft_does_not_know_is_a_decision(tmp_path):
    text = TEXT.replace("\n共印60份\n", "\n共印60份\n\n校对：区应急局\n")
    line = text[: text.index("校对：")].count("\n") + 1
    corpus = _empty_copy(tmp_path)
    (tmp_path / "source.txt").write_text(text, encoding="utf-8")
    _, drafted = draft_into(corpus, NOTICE, tmp_path / "source.txt")
    assert drafted.decisions[0] == (
        f"source line {line} '校对：区应急局' was not read: it follows the 印发机关 and is none of the 版记's elements "
        "the draft knows (附件说明, 附注, 印发机关, 印发 date, 印数); enter it in notice.yaml by hand"
    )
    assert load_source(corpus).notices[0].notice.model.imprint.organ.text == "上海市普陀区安全生产委员会"


def test_an_id_that_does_not_match_the_document_number_is_a_decision(tmp_path):
    corpus = _empty_copy(tmp_path)
    (tmp_path / "source.txt").write_text(TEXT, encoding="utf-8")
    _, drafted = draft_into(corpus, "putuo-anwei-2023-9", tmp_path / "source.txt")
    assert drafted.decisions[0] == (
        "the notice ID putuo-anwei-2023-9 does not end with the year and serial of its 发文字号 普安委〔2022〕6号 "
        "(…-2022-6): choose the ID before the notice is first released (AW313 warns until then)"
    )


def test_an_id_of_another_district_than_the_issuers_is_a_decision(tmp_path):
    corpus = _empty_copy(tmp_path)
    text = TEXT.replace("普陀", "静安").replace("普安委", "静安委").replace("2022", "2023")
    (tmp_path / "source.txt").write_text(text, encoding="utf-8")
    _, drafted = draft_into(corpus, "putuo-anwei-2023-6", tmp_path / "source.txt")
    assert drafted.decisions[0] == (
        "the issuer 上海市静安区安全生产委员会 is of 静安区, but the registry's entries of jurisdiction putuo (the "
        "first segment of the ID putuo-anwei-2023-6) name 普陀区: if the notice is of another district, draft it "
        "under an ID that begins with that district's own segment"
    )


def test_another_district_and_year(tmp_path):
    text = TEXT.replace("普陀", "静安").replace("普安委", "静安委").replace("2022", "2023")
    corpus, loaded, notice = _draft(tmp_path, text, "jingan-anwei-2023-6")
    meta = notice.notice.model
    assert (meta.doc_number.organ_code, meta.doc_number.year, meta.doc_number.serial) == ("静安委", 2023, 6)
    assert meta.title.text == "上海市静安区安全生产委员会关于印发静安区2023年安全生产工作意见的通知"
    assert str(meta.date.value) == "2023-08-15"
    issuer = next(u for u in loaded.units.model.units if u.id == meta.issuer)
    assert (issuer.name, issuer.provisional, issuer.kind, issuer.jurisdiction) == (
        "上海市静安区安全生产委员会",
        True,
        "committee",
        "jingan",
    )
    assert notice.body.model.title.text == "静安区2023年安全生产工作意见"
    # 区应急局 in a notice of 静安区 is 静安区's bureau: no name resolves to an entry of putuo
    units = {unit.id: unit for unit in loaded.units.model.units}
    people = {person.id: person for person in loaded.people.model.people}
    used = {uid for measure in _measures(notice.body.model) for group in measure.units for uid in group}
    assert {units[uid].jurisdiction for uid in used} == {"jingan"}
    assert all(units[uid].provisional for uid in used)
    # a name that is another spelling of one putuo entry joins the one jingan entry made for it, of that entry's kind
    jingan = {unit.name: unit for unit in units.values() if unit.jurisdiction == "jingan"}
    assert [(jingan[name].aliases, jingan[name].kind) for name in ("各街镇", "区消防救援支队", "区绿容局")] == [
        (["各街道、镇"], "collective"),
        (["消防救援支队"], "rescue-force"),
        (["区绿化市容局"], "government-department"),
    ]
    assert jingan["区安委会其他有关成员单位"].kind == "collective"  # as putuo's, where the name alone says nothing
    bureau = jingan["区应急局"]
    assert bureau.note.endswith(
        "登记册中同名的 emergency-bureau 属于 putuo，不属于本通知的 jingan；本条给出 jingan 的 ID（如 jingan-…）。"
    )
    findings = validate(corpus)
    assert {d.code for d in findings} <= ALLOWED | {"AW309"}
    putuo = {f"unit {uid!r}" for uid, unit in units.items() if unit.jurisdiction == "putuo"}
    putuo |= {f"person {pid!r}" for pid, person in people.items() if person.jurisdiction == "putuo"}
    assert {d.message.removesuffix(" is not used by any notice") for d in findings if d.code == "AW309"} == putuo


def _without(text: str, removed: int, *, renumber: bool) -> str:
    """The text with measure ``removed`` (and its continuation lines) deleted, the later measures renumbered or not."""
    lines = text.split("\n")
    out, skipping = [], False
    for line in lines:
        label = re.match(r"^(\d+)\. ", line)
        if label:
            number = int(label.group(1))
            skipping = number == removed
            if number > removed and renumber:
                line = f"{number - 1}. " + line[label.end() :]
        elif re.match(r"^(（[一二三四五六七八九十]+）|[一二三四五]、|根据)", line):
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out)


def test_a_measure_removed_and_the_rest_renumbered(tmp_path):
    corpus, _, notice = _draft(tmp_path, _without(TEXT, 24, renumber=True))
    drafted = _measures(notice.body.model)
    expected = [m for m in _measures(_hand().body.model) if m.number != 24]
    assert [m.number for m in drafted] == list(range(1, 50))
    assert [m.units for m in drafted] == [m.units for m in expected]
    assert [m.text for m in drafted][30] == next(m.text for m in expected if m.number == 32)
    assert {d.code for d in validate(corpus)} <= ALLOWED


def _numbering_records(corpus: Path) -> list[tuple[str, str]]:
    return [
        (d.message, d.hint or "")
        for d in validate(corpus)
        if d.code == "AW201" or (d.code == "AW901" and "misnumbered" in d.message)
    ]


def test_a_measure_number_the_source_skips_is_kept_and_doubted(tmp_path):
    corpus, _, notice = _draft(tmp_path, _without(TEXT, 24, renumber=False))
    drafted = _measures(notice.body.model)
    assert [m.number for m in drafted] == [*range(1, 24), *range(25, 51)]
    assert [(m.number, m.misnumbered.kind, m.misnumbered.printed) for m in drafted if m.misnumbered] == [
        (25, "doubt", None)
    ]
    assert _numbering_records(corpus) == [
        (
            "measure 25: misnumbered record (doubt) proposed by the draft: 源文件在“23.”之后印“25.”，不见“24.”：照印本保留编号"
            "（草稿提议）；若原文确有遗漏，补录该项并删去本记录。",
            "check the source's numbering here, then set certainty to certain, high, medium or low (or correct the "
            "numbers and delete the record)",
        )
    ]
    assert {d.code for d in validate(corpus)} <= ALLOWED


def test_a_number_printed_twice_is_read_in_sequence_with_a_typo(tmp_path):
    corpus, _, notice = _draft(tmp_path, TEXT.replace("\n25. ", "\n24. ", 1).replace("（十）", "（九）", 1))
    body = notice.body.model
    sections = [section for part in body.parts for section in part.sections]
    assert [s.number for s in sections] == list(range(1, 18))
    assert [(s.number, s.misnumbered.printed) for s in sections if s.misnumbered] == [(10, 9)]
    drafted = _measures(body)
    assert [m.number for m in drafted] == list(range(1, 51))
    assert [(m.number, m.misnumbered.kind, m.misnumbered.printed) for m in drafted if m.misnumbered] == [
        (25, "typo", 24)
    ]
    assert [message for message, _ in _numbering_records(corpus)] == [
        "measure 25: misnumbered record (typo) proposed by the draft: 源文件在“24.”之后印“24.”：按顺序读作“25.”（草稿提议）"
        "；请核对印本编号。",
        "section 10: misnumbered record (typo) proposed by the draft: 源文件在“（九）”之后印“（九）”：按顺序读作“（十）”"
        "（草稿提议）；请核对印本编号。",
    ]
    assert {d.code for d in validate(corpus)} <= ALLOWED


def test_one_garbled_label_is_one_typo(tmp_path):
    corpus, _, notice = _draft(tmp_path, TEXT.replace("\n14. ", "\n140. ", 1))
    drafted = _measures(notice.body.model)
    assert [m.number for m in drafted] == list(range(1, 51))
    assert [(m.number, m.misnumbered.kind, m.misnumbered.printed) for m in drafted if m.misnumbered] == [
        (14, "typo", 140)
    ]
    assert {d.code for d in validate(corpus)} <= ALLOWED


@pytest.mark.parametrize(
    ("label", "printed", "reason"),
    [
        (
            "15. ",
            "15 . ",
            "the measure label '15 .' has a space before its dot, which a label cannot record (the corpus prints "
            "labels as '15. '): the extraction inserted it",
        ),
        (
            "14. ",
            "99999999999999999999999. ",
            "the measure label 99999999999999999999… is beyond any notice's numbers (at most 9999): the extraction "
            "garbled it",
        ),
    ],
)
def test_a_label_no_record_can_hold_is_refused_with_its_line(tmp_path, label, printed, reason):
    text = TEXT.replace(f"\n{label}", f"\n{printed}", 1)
    line = text[: text.index(printed)].count("\n") + 1
    with pytest.raises(DraftError) as refused:
        _draft(tmp_path, text)
    assert str(refused.value) == f"line {line}: {reason}; correct source.txt against the printed notice"
    assert not (tmp_path / "data" / "notices" / NOTICE).exists()


def test_after_a_number_printed_twice_the_notes_quote_the_printed_labels(tmp_path):
    text = TEXT
    for number in range(21, 51):  # the source prints 20. twice, then numbers one less to the end
        text = text.replace(f"\n{number}. ", f"\n{number - 1}. ", 1)
    corpus, _, notice = _draft(tmp_path, text)
    records = [(m.number, m.misnumbered) for m in _measures(notice.body.model) if m.misnumbered]
    assert [(number, record.kind, record.printed) for number, record in records] == [
        (n, "typo", n - 1) for n in range(21, 51)
    ]
    assert records[1][1].note == "源文件在“20.”之后印“21.”：按顺序读作“22.”（草稿提议）；请核对印本编号。"


def test_a_measure_printed_without_a_unit_list_gets_none(tmp_path):
    printed_list = "（区消防救援支队，区建管委，区公安分局，区安委会有关成员单位）"
    corpus = _empty_copy(tmp_path)
    (tmp_path / "source.txt").write_text(TEXT.replace(printed_list + "\n", "\n", 1), encoding="utf-8")
    _, draft = draft_into(corpus, NOTICE, tmp_path / "source.txt")
    assert draft.decisions[0] == "measure 16: the source prints no unit list at its end; units is left empty"
    notice = next(n for n in load_source(corpus).notices if n.folder == NOTICE)
    drafted, hand = _measures(notice.body.model), _measures(_hand().body.model)
    assert drafted[15].units == [] and drafted[15].text == hand[15].text.removesuffix(printed_list)
    assert [m.units for m in drafted if m.number != 16] == [m.units for m in hand if m.number != 16]
    assert {d.code for d in validate(corpus)} <= ALLOWED


@pytest.mark.parametrize("parentheses", ["（2021-2023）", "（一期）"])
def test_a_measure_ending_in_parentheses_that_name_no_unit_gets_no_units(tmp_path, parentheses):
    printed_list = "（区消防救援支队，区建管委，区公安分局，区安委会有关成员单位）"
    corpus, loaded, notice = _draft(tmp_path, TEXT.replace(printed_list + "\n", parentheses + "\n", 1))
    measure = _measures(notice.body.model)[15]
    assert (measure.units, measure.text[-len(parentheses) :]) == ([], parentheses)
    assert [unit.name for unit in loaded.units.model.units if unit.provisional] == ["区人力资源保障局"]  # as ever
    assert {d.code for d in validate(corpus)} <= ALLOWED


def test_every_instruction_of_the_draft_names_the_draft(tmp_path):
    corpus, loaded, notice = _draft(tmp_path, TEXT)
    proposed = [d for d in validate(corpus) if d.code == "AW901"]
    assert proposed and all(DRAFT_MARK in d.message or "provisional entry" in d.message for d in proposed)
    assert all(DRAFT_MARK in (unit.note or "") for unit in loaded.units.model.units if unit.provisional)


def test_a_decision_that_leaves_the_drafts_words_is_reported(tmp_path):
    corpus, _, _ = _draft(tmp_path, TEXT)
    attachment = corpus / "notices" / NOTICE / "attachment.yaml"
    text = attachment.read_text(encoding="utf-8")
    attachment.write_text(text.replace("      certainty: proposed\n", "", 1), encoding="utf-8")  # task 1 decided
    units = corpus / "registry" / "units.yaml"
    registry = units.read_text(encoding="utf-8").replace("    provisional: true\n", "")
    # the word 草稿 in a note of one's own (a plan's draft) is no instruction of the draft
    registry = registry.replace(
        "note: 发文机关；正文中简称区安委会。", "note: 发文机关；正文中简称区安委会，见工作方案（草稿）。"
    )
    units.write_text(registry, encoding="utf-8")
    left = [(d.location.file.rsplit("/", 1)[-1], d.message, d.hint) for d in validate(corpus) if "still" in d.message]
    rationale = next(t for t in load_source(corpus).notices[0].attachment.model.tasks if t.number == 1).links.rationale
    entry = next(u for u in load_source(corpus).units.model.units if u.id == "provisional-unit-1")
    assert left == [
        (
            "attachment.yaml",
            f"rationale still holds the draft's proposal, though it is decided: {rationale}",
            "rewrite the rationale to say what the source shows and what was decided, without the draft's instructions",
        ),
        (
            "units.yaml",
            f"note still holds the draft's proposal, though it is decided: {entry.note}",
            "rewrite the note to say what the source shows and what was decided, without the draft's instructions",
        ),
    ]


def test_a_table_that_does_not_pad_short_names_is_drafted_so(tmp_path):
    text = TEXT.replace("王 珏", "王珏").replace("张 骏", "张骏").replace("蒋 龙", "蒋龙")
    corpus, _, notice = _draft(tmp_path, text)
    assert notice.attachment.model.pads_short_names is False
    assert [t.leaders for t in notice.attachment.model.tasks] == [t.leaders for t in _hand().attachment.model.tasks]
    assert {d.code for d in validate(corpus)} <= ALLOWED
    _, _, padded = _draft(tmp_path / "padded", TEXT)
    assert padded.attachment.model.pads_short_names is True


def test_names_the_registries_lack_become_provisional_entries(tmp_path):
    text = TEXT.replace("（区苏河办）", "（区河道办、区苏河办）").replace("徐树杰", "李四海")
    corpus, loaded, notice = _draft(tmp_path, text)
    new_units = [u for u in loaded.units.model.units if u.provisional]
    new_people = [p for p in loaded.people.model.people if p.provisional]
    assert [(u.name, u.kind) for u in new_units] == [
        ("区河道办", "government-department"),
        ("区人力资源保障局", "government-department"),  # the table's wrapped spelling, as in the real notice
    ]
    assert [p.name for p in new_people] == ["李四海"]
    measure = next(m for m in _measures(notice.body.model) if m.number == 32)
    assert measure.units == [[new_units[0].id, "suzhou-creek-office"]]
    task = next(t for t in notice.attachment.model.tasks if t.number == 18)
    assert task.leaders == [new_people[0].id]
    findings = validate(corpus)
    provisional = [d for d in findings if d.code == "AW901" and "provisional" in d.message]
    assert [d.location.path[-1] for d in provisional] == ["provisional", "provisional", "provisional"]
    # the registry that existed is kept as it was: the entries are appended
    assert (
        (corpus / "registry/units.yaml")
        .read_text(encoding="utf-8")
        .startswith((DATA / "registry/units.yaml").read_text(encoding="utf-8"))
    )


def test_a_page_broken_elsewhere_is_joined_and_recorded(tmp_path):
    sentence = "组织专家对重点企业开展精准指导服务。"
    text = TEXT.replace(sentence, "组织专家对重点企业开\n\n展精准指导服务。")
    corpus, _, notice = _draft(tmp_path, text)
    measure = next(m for m in _measures(notice.body.model) if m.number == 44)
    assert sentence in measure.text
    assert [(e.kind, e.printed, e.reading) for e in measure.edits] == [("break", "业开\n\n展精", "业开展精")]
    assert {d.code for d in validate(corpus)} <= ALLOWED


def test_a_task_fewer(tmp_path):
    lines = [line for line in TEXT.split("\n") if not line.startswith("23\t")]
    text = "\n".join(lines).replace("（小计 5 项）\t", "（小计 4 项）\t").replace("（小计 22 项）", "（小计 21 项）")
    text = text.replace("列出23项", "列出22项")
    corpus, _, notice = _draft(tmp_path, text)
    attachment = notice.attachment.model
    assert [t.number for t in attachment.tasks] == list(range(1, 23))
    assert [c.subtotal_printed for c in attachment.categories] == [4, 3, 4, 6, 4]
    assert notice.body.model.closing.announced_tasks == 22
    assert {d.code for d in validate(corpus)} <= ALLOWED


def test_a_task_more(tmp_path):
    row = "24\t开展应急演练评估\t姜爱锋\t区应急局\t各街道、镇\t对本区综合演练开展评估，形成评估报告。\t"  # 7 columns
    lines = TEXT.split("\n")
    last = max(index for index, line in enumerate(lines) if line.startswith("23\t"))
    text = "\n".join([*lines[: last + 1], row, *lines[last + 1 :]])
    text = text.replace("（小计 5 项）\t", "（小计 6 项）\t").replace("（小计 22 项）", "（小计 23 项）")
    text = text.replace("列出23项", "列出24项")
    corpus, _, notice = _draft(tmp_path, text)
    attachment = notice.attachment.model
    assert [t.number for t in attachment.tasks] == list(range(1, 25))
    added = attachment.tasks[-1]
    assert (added.category, added.title.text, added.requirement.text) == (
        5,
        "开展应急演练评估",
        "对本区综合演练开展评估，形成评估报告。",
    )
    assert (added.leaders, added.responsible_units, added.cooperating_units) == (
        ["jiang-aifeng"],
        ["emergency-bureau"],
        ["subdistricts-and-towns"],
    )
    assert added.links.measures == [39]  # 加强应急联动处置演练, the measure on drills, in part 5
    assert [c.subtotal_printed for c in attachment.categories] == [4, 3, 4, 6, 6]
    assert notice.body.model.closing.announced_tasks == 24
    assert {d.code for d in validate(corpus)} <= ALLOWED


def test_an_existing_notice_folder_is_never_overwritten(tmp_path):
    corpus = tmp_path / "data"
    shutil.copytree(DATA, corpus)
    before = (corpus / "notices" / NOTICE / "body.yaml").read_bytes()
    with pytest.raises(ScaffoldRefused, match="already exists"):
        draft_into(corpus, NOTICE, SEED_SOURCE)
    assert (corpus / "notices" / NOTICE / "body.yaml").read_bytes() == before


def test_a_text_of_another_shape_is_refused_with_the_reason(tmp_path):
    source = tmp_path / "other.txt"
    source.write_text("会议纪要\n\n第一项\n", encoding="utf-8")
    with pytest.raises(DraftError, match="发文字号"):
        draft_into(_empty_copy(tmp_path), "other-1", source)
    assert not (tmp_path / "data" / "notices" / "other-1").exists()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (
            lambda text: "\ufeff" + text,
            "the source starts with a byte-order mark (U+FEFF): save it as UTF-8 without one",
        ),
        (
            lambda text: text.replace("\n", "\r\n"),
            "the source has a carriage return (Windows line ends) on line 1: save it with \\n line ends only",
        ),
    ],
)
def test_a_source_the_corpus_could_not_check_line_by_line_is_refused(tmp_path, damage, reason):
    source = tmp_path / "windows.txt"
    source.write_bytes(damage(TEXT).encode("utf-8"))
    corpus = _empty_copy(tmp_path)
    manifest = (corpus / "corpus.yaml").read_bytes()
    with pytest.raises(DraftError) as refused:
        draft_into(corpus, NOTICE, source)
    assert str(refused.value) == reason
    assert not (corpus / "notices" / NOTICE).exists()
    assert (corpus / "corpus.yaml").read_bytes() == manifest


def _new_draft(corpus: Path) -> subprocess.CompletedProcess[str]:
    command = ["new", NOTICE, "--source", str(SEED_SOURCE), "--corpus", str(corpus), "--draft"]
    return subprocess.run([sys.executable, "-m", "anwei_corpus", *command], capture_output=True, text=True, check=False)


def test_cli_draft_lists_the_decisions(tmp_path):
    corpus = _empty_copy(tmp_path)
    result = _new_draft(corpus)
    assert result.returncode == 0, result.stderr
    assert "task 17: link to measure 35 proposed" in result.stdout
    assert "task 1: general requirements proposed as its basis (it has no category)" in result.stdout
    again = _new_draft(corpus)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_drafted_notes_are_one_line_each_and_are_looked_up_broken_where_chinese_breaks(tmp_path):
    # a new leader printed padded to the width of three, as the table prints 王 珏
    corpus, loaded, _ = _draft(tmp_path, TEXT.replace("徐树杰", "李 四"))
    people = (corpus / "registry/people.yaml").read_text(encoding="utf-8").split("\n")
    notes = [person.note for person in loaded.people.model.people if person.note]
    # the YAML writer folds no text: YAML would read a line break in a note back as a space inside Chinese text
    assert [line.strip() for line in people if line.strip().startswith("note:")] == [f"note: {n}" for n in notes]
    assert notes[-1] == (
        "新条目：任务1 印有此名而登记册未收（草稿提议）；请核对姓名与 ID，再删去 provisional。"
        "附件表格印作“李 四”：两字姓名中间补空格以与三字姓名对齐，属排版，不属姓名。"  # as the hand entries say
    )
    built = build_corpus(loaded)
    assert render("leader", "text", leader_work(built, "李四")).split("\n")[:6] == [
        "李四",
        "ID            provisional-person-a",
        "jurisdiction  putuo",
        "note          新条目：任务1 印有此名而登记册未收（草稿提议）；请核对姓名与 ID，",
        "              再删去 provisional。附件表格印作“李 四”：两字姓名中间补空格以与三",
        "              字姓名对齐，属排版，不属姓名。",
    ]
    assert render("leader", "text", leader_work(built, "蒋龙")).split("\n")[:6] == [
        "蒋龙",
        "ID            jiang-long",
        "jurisdiction  putuo",
        "note          附件表格印作“蒋 龙”：两字姓名中间补空格以与三字姓名对齐，属排版，",
        "              不属姓名。",
        "Tasks led (8)",
    ]


def _damaged(rng: random.Random) -> str:
    """The real text with one to three random damages: a line deleted, doubled, swapped with the next or blanked
    before, a space put inside a line, a measure label renumbered."""
    lines = TEXT.split("\n")
    for _ in range(rng.randint(1, 3)):
        damage, at = rng.choice(("delete", "double", "swap", "space", "renumber", "blank")), rng.randrange(len(lines))
        if damage == "delete":
            del lines[at]
        elif damage == "double":
            lines.insert(at, lines[at])
        elif damage == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif damage == "space" and lines[at]:
            cut = rng.randrange(len(lines[at]))
            lines[at] = lines[at][:cut] + " " + lines[at][cut:]
        elif damage == "renumber" and (label := re.match(r"^(\d+)\. ", lines[at])):
            lines[at] = f"{int(label.group(1)) + rng.choice((-2, -1, 1, 2, 10))}. " + lines[at][label.end() :]
        elif damage == "blank":
            lines.insert(at, "")
    return "\n".join(lines)


# seeds 34 … 146 each broke the draft before its fix (found by running 300); 0 … 7 are any seeds
@pytest.mark.parametrize("seed", [*range(8), 34, 36, 42, 58, 76, 117, 144, 146])
def test_a_damaged_source_is_drafted_into_files_that_load_or_refused(tmp_path, seed):
    # found: a break record overlapping a space record at a line's edge, a part left without sections, a table
    # without its total row, each drafted into files the validator could not read
    corpus = _empty_copy(tmp_path)
    (tmp_path / "source.txt").write_text(_damaged(random.Random(seed)), encoding="utf-8")
    try:
        draft_into(corpus, NOTICE, tmp_path / "source.txt")
    except DraftError:
        assert not (corpus / "notices" / NOTICE).exists()
        return
    unreadable = [(d.code, d.message) for d in validate(corpus) if d.code < "AW200" or d.code == "AW702"]
    assert unreadable == []
