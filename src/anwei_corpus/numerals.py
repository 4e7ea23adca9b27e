"""Chinese numerals as used in the hierarchy labels of official documents (一、 （十七））."""

from __future__ import annotations

_DIGITS = "一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 17 → 十七, 20 → 二十, 99 → 九十九."""
    if not 1 <= number <= 99:
        raise ValueError(f"no label for {number}")
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens - 1] + "十")
    return head + (_DIGITS[ones - 1] if ones else "")


NUMERAL_CHARACTERS = _DIGITS + "十"
_VALUES = {chinese_numeral(number): number for number in range(1, 100)}


def numeral_value(numeral: str) -> int | None:
    """一 → 1, 十七 → 17: the number a label's numeral stands for, or None when it is no numeral of 1–99."""
    return _VALUES.get(numeral)
