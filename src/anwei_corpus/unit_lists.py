"""The parenthesised unit list that closes a measure: （区应急局、区公安分局，各街镇）.

Names are separated by 、 and groups by the full-width comma ，. A name may carry its own parentheses
(区建管委（交通委）), so the list is found by matching brackets from the end of the text.
"""

from __future__ import annotations

from collections.abc import Callable

# How the name of a body starts or ends (区应急局, 各街镇, 区安委会各成员单位, 专项整治牵头部门, 各区属国企), against
# the parentheses a measure may end with that are no unit list: （2021-2023）, （一期）, （试行）.
UNIT_NAME_STARTS = ("区", "各", "市")
UNIT_NAME_ENDINGS = (
    "局",
    "委",
    "办",
    "部",
    "队",
    "会",
    "企",
    "中心",
    "单位",
    "部门",
    "院",
    "所",
    "站",
    "处",
    "司",
    "镇",
    "厅",
)


def split_assignment(text: str) -> tuple[str, str] | None:
    """Split a measure's text into its body and its closing unit list; None when it does not end in one."""
    if not text.endswith("）"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == "）":
            depth += 1
        elif char == "（":
            depth -= 1
            if depth == 0:
                return text[:index], text[index:]
    return None


def assignment_names(assignment: str) -> list[list[str]]:
    """The printed names of a unit list, grouped as its full-width commas group them."""
    inner = assignment[1:-1]
    return [group.split("、") for group in inner.split("，")]


def printed_name_at(text: str, group: int, place: int) -> str | None:
    """The name a measure's printed unit list holds at (group, place), or None when the list has no such place."""
    split = split_assignment(text)
    if split is None:
        return None
    groups = assignment_names(split[1])
    if group >= len(groups) or place >= len(groups[group]):
        return None
    return groups[group][place]


def looks_like_unit(name: str) -> bool:
    """Whether a printed name has the shape of a body's name."""
    return name.startswith(UNIT_NAME_STARTS) or name.endswith(UNIT_NAME_ENDINGS)


def is_unit_list(assignment: str, known: Callable[[str], bool]) -> bool:
    """Whether closing parentheses are a unit list: some name in them is a ``known`` unit's or has a body's shape."""
    return any(known(name) or looks_like_unit(name) for group in assignment_names(assignment) for name in group)
