"""Chinese text set in lines: never a closing mark at a line's start nor an opening one at its end, 王 珏 never cut.

Checked on every note and running text of the real corpus at many widths, and on whole examples.
"""

from __future__ import annotations

import pytest
from conftest import DATA

from anwei_corpus import load
from anwei_corpus.line_breaking import CLOSING, OPENING, break_lines, display_width, widest_piece


def _texts() -> list[str]:
    corpus = load(DATA)
    notice = corpus.notices[0]
    texts = [unit.note for unit in corpus.units if unit.note] + [person.note for person in corpus.people if person.note]
    texts += [measure.text for measure in notice.measures] + [task.requirement for task in notice.tasks]
    texts += [edit.note for edit in notice.editorial if edit.note] + [edit.printed for edit in notice.editorial]
    return texts


TEXTS = _texts()


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def test_a_padded_name_stays_whole_and_no_line_starts_with_a_closing_mark():
    text = "附件表格印作“王 珏”：两字姓名中间补空格，见《安全生产法》（2021年修订）。"
    assert break_lines(text, 12) == [
        "附件表格印作",
        "“王 珏”：两",
        "字姓名中间补",
        "空格，见《安",
        "全生产法》",
        "（2021年修",
        "订）。",
    ]


def test_latin_runs_stay_whole_and_the_spaces_beside_them_break():
    text = "中文句中夹有英文 etc：照印本保留 AW301 and 1.5%，见 https://example.org/a/b/c/d/e。"
    assert break_lines(text, 16) == [
        "中文句中夹有英文",
        "etc：照印本保留",
        "AW301 and 1.5%，",
        "见",
        "https://example.",
        "org/a/b/c/d/e。",
    ]


def test_a_line_break_in_the_text_is_kept():
    assert break_lines("34\n§13", 10) == ["34", "§13"]


@pytest.mark.parametrize("width", [max(widest_piece(text) for text in TEXTS), 24, 37, 50, 66])
def test_every_text_of_the_corpus_is_broken_by_the_rules(width):
    assert width >= max(widest_piece(text) for text in TEXTS)  # no piece is cut, so every rule must hold
    for text in TEXTS:
        for paragraph in text.split("\n"):
            lines = break_lines(paragraph, width)
            assert all(display_width(line) <= width for line in lines), lines
            assert not any(line[:1] in CLOSING for line in lines[1:]), lines
            assert not any(line[-1:] in OPENING for line in lines[:-1]), lines
            at = 0  # the lines are the paragraph, but for the separating spaces a break (or an end) takes
            for line in lines:
                skipped = len(paragraph[at:]) - len(paragraph[at:].lstrip(" "))
                if skipped and at > 0 and at + skipped < len(paragraph):
                    assert not (_han(paragraph[at - 1]) and _han(paragraph[at + skipped])), (paragraph, lines)
                at += skipped
                assert paragraph.startswith(line, at), (paragraph, lines)
                at += len(line)
            assert paragraph[at:].strip(" ") == ""
