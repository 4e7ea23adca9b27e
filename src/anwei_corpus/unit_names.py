"""Which registry unit a printed name the registry does not hold names, and how sure that is.

A printed name the registry does not know is a new unit, another spelling of a known one, or a mistake; only
the second is an alias. Names that look alike are often different bodies: 区委办 (the district party committee's
office) and 区委编办 (its establishment office) differ by one character, and so do 区委办 and 区府办. So a printed
name is taken for another spelling of a registry name only when the two differ in one of the ways the notices
spell one unit twice:

- by the district's prefix: 消防救援支队 / 区消防救援支队 (the prefixes are 区 and the 上海市…区 and …区 that
  the registry's own names begin with, such as 上海市普陀区 and 普陀区);
- by a parenthesised note at the end: 区建管委（交通委） / 区建管委;
- as an abbreviation: the shorter keeps the first and the last character of the longer and some of its others, in
  order, and at most two thirds of them (about one character of each two-character word): 区绿容局 / 区绿化市容局,
  区发改委 / 区发展改革委, 区安委会 / 上海市普陀区安全生产委员会, 各街镇 / 各街道、镇. A name that leaves out
  a single character or a single word of another (区委办 / 区委编办, 区安委会有关成员单位 /
  区安委会其他有关成员单位) is not its abbreviation but, as often as not, another body.

And only when exactly one unit's names qualify. Otherwise the closest name is offered as a possibility, never as
the answer.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from enum import Enum
from typing import NamedTuple

_NOTE = re.compile(r"（[^（）]*）$")
_REGISTRY_PREFIX = re.compile(r"^上海市([^区]{1,3}区)")
CLOSEST_CUTOFF = 0.5  # similarity of the prefix-less names below which no registry name is offered at all


class Kinship(Enum):
    """How a printed name relates to the registry name it is taken for."""

    PREFIX = "it differs from {name} only by the district's prefix"
    NOTE = "it differs from {name} only by a parenthesised note"
    ABBREVIATES = "it abbreviates {name}"
    EXPANDS = "{name} abbreviates it"


class NameMatch(NamedTuple):
    """The unit a printed name names (``kinship`` says why) or, with ``kinship`` None, merely resembles most."""

    unit: str
    name: str  # the registry's name or alias the printed one was compared with
    kinship: Kinship | None


def district_prefixes(names: Mapping[str, str]) -> tuple[str, ...]:
    """区, and the 上海市…区 and …区 that the registry's names begin with, longest first."""
    found = {"区"}
    for name in names:
        match = _REGISTRY_PREFIX.match(name)
        if match:
            found.update({match.group(0), match.group(1)})
    return tuple(sorted(found, key=len, reverse=True))


def _without_prefix(name: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def _abbreviates(short: str, long: str) -> bool:
    if len(short) < 2 or len(long) - len(short) < 2 or 3 * len(short) > 2 * len(long):
        return False
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(char in rest for char in short)


def kinship(printed: str, name: str, prefixes: tuple[str, ...]) -> Kinship | None:
    """How ``printed`` spells the same body as the registry's ``name``, or None when nothing says it does."""
    if printed == name:
        return None
    bare_printed, bare_name = _without_prefix(printed, prefixes), _without_prefix(name, prefixes)
    if bare_printed == bare_name:
        return Kinship.PREFIX
    if (
        bare_printed != _NOTE.sub("", bare_printed) == bare_name
        or bare_name != _NOTE.sub("", bare_name) == bare_printed
    ):
        return Kinship.NOTE
    if _abbreviates(bare_printed, bare_name):
        return Kinship.ABBREVIATES
    if _abbreviates(bare_name, bare_printed):
        return Kinship.EXPANDS
    return None


def match_unit_name(printed: str, names: Mapping[str, str], prefixes: tuple[str, ...]) -> NameMatch | None:
    """The unit ``printed`` very likely names, else the unit with the most similar name, else None.

    ``names`` maps every registry name and alias to its unit's ID; ``prefixes`` are ``district_prefixes(names)``.
    """
    kin: dict[str, tuple[str, Kinship]] = {}
    for name, unit in names.items():
        how = kinship(printed, name, prefixes)
        if how is not None:
            kin.setdefault(unit, (name, how))
    if len(kin) == 1:
        [(unit, (name, how))] = kin.items()
        return NameMatch(unit, name, how)
    bare = _without_prefix(printed, prefixes)
    best: tuple[float, str] | None = None
    for name in sorted(names):
        score = difflib.SequenceMatcher(None, bare, _without_prefix(name, prefixes)).ratio()
        if score >= CLOSEST_CUTOFF and (best is None or score > best[0]):
            best = (score, name)
    return NameMatch(names[best[1]], best[1], None) if best else None
