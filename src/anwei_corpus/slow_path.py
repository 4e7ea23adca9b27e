"""The budget of the pure-Python YAML parser, which words the findings on faulty files.

A file the fast parser (libyaml) finds fault with is read again by ruamel.yaml's pure-Python parser, whose errors
and positions the findings are worded from. That parser costs about 30 µs per token, so a corpus of many large
faulty files could keep a run busy for minutes. Every token it reads for one corpus load is counted against one
budget; once the budget is spent, the rest of the faulty files are reported in the fast parser's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

# About 9 s of the pure-Python parser; a real notice file with an error costs some 5,000 tokens of it.
MAX_SLOW_PATH_TOKENS = 300_000

ItemT = TypeVar("ItemT")
# The tokens left of the budget in force, and its size.
_TOKENS_LEFT: ContextVar[list[int] | None] = ContextVar("slow_path_tokens_left", default=None)


class SlowPathSpent(Exception):
    """The budget of the pure-Python parser is spent for this load."""


@contextmanager
def budget(tokens: int | None = None) -> Iterator[None]:
    """Count every token the pure-Python parser reads inside the block against one budget."""
    size = MAX_SLOW_PATH_TOKENS if tokens is None else tokens
    reset = _TOKENS_LEFT.set([size, size])
    try:
        yield
    finally:
        _TOKENS_LEFT.reset(reset)


def size() -> int:
    """The size of the budget in force (0 when none is)."""
    left = _TOKENS_LEFT.get()
    return 0 if left is None else left[1]


def metered(items: Iterator[ItemT]) -> Iterator[ItemT]:
    """``items`` (tokens or parse events of the pure-Python parser), each paid for from the budget, if one is set."""
    left = _TOKENS_LEFT.get()
    if left is None:
        yield from items
        return
    for item in items:
        if left[0] <= 0:
            raise SlowPathSpent
        left[0] -= 1
        yield item
