"""A copy of the corpus whose source misnumbers one entity of every kind, encoded as docs/maintainers.md says.

The source is changed as a real notice might print it, and the YAML records each departure with ``misnumbered``:
part 5 printed as a second 四、, section 17 as a second （十六）, measure 21 as a second 20., measure 50 as
51. (a skip, kept), category 5 as a second 四、 and task 23 as 24 (a skip, kept); measure 16 is printed
without its unit list. The copy validates clean.
"""

from __future__ import annotations

from conftest import NOTICE, CorpusCopy

BODY = f"{NOTICE}/body.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"


def misnumber(copy: CorpusCopy) -> CorpusCopy:
    """Misnumber ``copy`` in place, as above, and return it."""
    copy.print_source("\n五、全面强基固本", "\n四、全面强基固本")  # the part's line, before the category's
    copy.replace(
        BODY,
        "  - number: 5\n    title: 全面强基固本",
        "  - number: 5\n    misnumbered: {kind: typo, printed: 4, note: 源文件两处印“四、”。}\n    title: 全面强基固本",
    )
    copy.print_source("\n（十七）涵养安全文化", "\n（十六）涵养安全文化")
    copy.replace(
        BODY,
        "\n      - number: 17\n",
        "\n      - number: 17\n        misnumbered: {kind: typo, printed: 16, note: 源文件两处印“（十六）”。}\n",
    )
    copy.print_source("\n21. 按照分类", "\n20. 按照分类")
    copy.replace(
        BODY,
        "          - number: 21\n",
        "          - number: 21\n            misnumbered: {kind: typo, printed: 20, note: 源文件两处印“20.”。}\n",
    )
    copy.print_source("\n50. 推动学习", "\n51. 推动学习")
    copy.replace(
        BODY,
        "          - number: 50\n",
        "          - number: 51\n            misnumbered: {kind: doubt, note: 源文件在“49.”之后印“51.”，不见“50.”。}\n",
    )
    copy.print_source("\n五、全面强基固本", "\n四、全面强基固本")  # the category's line, the part's changed
    copy.replace(
        ATTACHMENT,
        "  - number: 5\n    title: 全面强基固本",
        "  - number: 5\n    misnumbered: {kind: typo, printed: 4, note: 源文件两处印“四、”。}\n    title: 全面强基固本",
    )
    copy.print_source("\n23\t加强重点领域信用监管", "\n24\t加强重点领域信用监管")
    copy.replace(
        ATTACHMENT,
        "  - number: 23\n",
        "  - number: 24\n    misnumbered: {kind: doubt, note: 源文件在“22”之后印“24”，不见“23”。}\n",
    )
    unit_list = "（区消防救援支队，区建管委，区公安分局，区安委会有关成员单位）"
    copy.print_source("处置能力。" + unit_list + "\n", "处置能力。\n")
    body = copy.file(BODY).read_text(encoding="utf-8")
    start = body.index("units: ", body.index("处置能力。" + unit_list))
    end = body.index("\n", start)
    copy.file(BODY).write_text(
        body[:start].replace("处置能力。" + unit_list, "处置能力。") + "units: []" + body[end:], encoding="utf-8"
    )
    return copy
