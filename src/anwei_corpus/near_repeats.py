"""Near-repeats: one phrase printed in two places of a notice, a character or two apart.

A notice restates itself: a task of the attachment repeats its measure, a section intro names a campaign that a
measure names again. Where the two printings agree on a long context and differ by a short piece, one of them is
likely a misprint (建筑安全专业委员会 beside 建设安全专业委员会). This module finds such pairs in a list of texts
and says which side to doubt; ``draft`` turns each finding into a proposed ``doubt`` record.

- **The pair.** The texts are read without their spaces; two places are compared, never a text with itself (a
  list of like names in one measure is no misprint). They agree on a run before and a run after a difference,
  ``MIN_CONTEXT`` characters in all, and differ by a piece of at most ``MAX_PIECE`` characters on each side, not
  both empty, their lengths at most one apart (a misprint changes, drops or adds a character; a restatement that
  drops a word is a rewording), with a letter in them, no delimiter, and not numerals only (years and numbers
  vary legitimately). Candidates come from an index of ``K``-grams: no two texts are compared whole.
- **A phrase, not a clause.** On each side of the difference the shared run holds a letter before any delimiter,
  unless it opens on a quote or title mark (the edge of a quoted term or of a title): a different word at the
  head of a clause (加快 beside 推进) is a rewording. Each end of the phrase is bounded by a delimiter, a title
  mark or a text's edge in at least one of the two places.
- **The suspect.** A side is as well attested as the best attested of its distinctive bigrams (the bigrams around
  its piece that the other side lacks), counted over all the texts: a misprint makes rare bigrams (建筑 9 times
  against 建设 45, 平安 2 against 安全 288 in the 2022 notice). The suspect is attested ``RATIO`` times less than
  the other side. When a character stands on one side only and every distinctive bigram of both sides is printed
  nowhere else (村（居）农民 beside 村（居）民), the side with the character is the suspect. Otherwise nothing is
  flagged: a variant is then the likelier reading, and a doubt on a sound form costs the maintainer more.
- **The span.** From the difference outward through the shared context up to the nearest delimiter
  (、，。；：！？“”‘’ and spaces); a 《 》 reached is kept inside the span and ends it; （ ） are not delimiters
  (names carry them).
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

K = 4  # characters of a seed shared by two places
MIN_CONTEXT = 8  # characters the two places share around the difference, both sides together
MAX_PIECE = 3  # characters the difference has on each side at most
DELIMITERS = frozenset("、，。；：！？“”‘’ \u3000\n\t")
TITLE_MARKS = "《》"
QUOTE_MARKS = frozenset("“”‘’《》")
RATIO = 4  # how many times better attested the other side's form must be
MAX_PAIRS = 2_000_000  # pairs of seeds looked at, at most (about a second; the 2022 notice makes 11,498)
NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万零〇两")


@dataclass(frozen=True)
class Place:
    """A text read for near-repeats: ``text[:end]`` is read (a measure's closing unit list is not)."""

    where: str
    text: str
    end: int


@dataclass(frozen=True)
class Form:
    """Where one side of a near-repeat stands and what it prints there."""

    place: int  # index into the places
    start: int  # character offsets into the place's text
    end: int

    def printed(self, places: Sequence[Place]) -> str:
        return places[self.place].text[self.start : self.end]


@dataclass(frozen=True)
class NearRepeat:
    """A suspect form and the places printing the other form (one or more)."""

    suspect: Form
    others: tuple[Form, ...]


def _is_letter(char: str) -> bool:
    return not unicodedata.category(char).startswith(("P", "Z", "C"))


@dataclass
class _Text:
    chars: str  # the text without spaces
    offsets: list[int]  # chars[i] stands at text[offsets[i]]


def _read(place: Place) -> _Text:
    offsets = [i for i, char in enumerate(place.text[: place.end]) if not char.isspace()]
    return _Text("".join(place.text[i] for i in offsets), offsets)


def _run(a: str, i: int, b: str, j: int, step: int) -> int:
    """How many characters ``a`` from ``i`` and ``b`` from ``j`` agree on, going forward (1) or back (-1)."""
    n = 0
    if step > 0:
        while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
            n += 1
    else:
        while i - n - 1 >= 0 and j - n - 1 >= 0 and a[i - n - 1] == b[j - n - 1]:
            n += 1
    return n


def _piece_ok(one: str, two: str) -> bool:
    pieces = one + two
    return (
        any(_is_letter(c) for c in pieces)
        and not any(c in DELIMITERS for c in pieces)
        and not all(c in NUMERALS or not _is_letter(c) for c in pieces)
    )


# A difference between two places: (place, start, end) on each side, in offsets of their space-free chars, with the
# context run lengths before and after it.
_Key = tuple[int, int, int, int, int, int]


def _seeds(texts: list[_Text]) -> dict[str, list[tuple[int, int]]]:
    """Every ``K``-gram of the texts with the places it stands at: (text, offset)."""
    grams: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for p, text in enumerate(texts):
        chars = text.chars
        for i in range(len(chars) - K + 1):
            grams[chars[i : i + K]].append((p, i))
    return grams


def _pairs(grams: dict[str, list[tuple[int, int]]]) -> int:
    """How many pairs of places the seeds make: a seed printed at n places makes n (n - 1) / 2."""
    return sum(len(places) * (len(places) - 1) // 2 for places in grams.values())


def _candidates(texts: list[_Text], grams: dict[str, list[tuple[int, int]]]) -> dict[_Key, tuple[int, int]]:
    found: dict[_Key, tuple[int, int]] = {}
    for occurrences in grams.values():
        if len(occurrences) < 2:
            continue
        for x, (p, i) in enumerate(occurrences):
            a = texts[p].chars
            for q, j in occurrences[x + 1 :]:
                if p == q:
                    continue  # within one text, a list of like names is no misprint (see draft._propose_typos)
                b = texts[q].chars
                if i > 0 and j > 0 and a[i - 1] == b[j - 1]:
                    continue  # not the start of the shared run: found from its first seed
                length = K + _run(a, i + K, b, j + K, 1)
                # A context of MIN_CONTEXT has a run of K on one side: the run before the piece when it is that
                # long (continued forward), else the run after it, then longer than MIN_CONTEXT - K (continued back).
                for side in (1, -1) if length > MIN_CONTEXT - K else (1,):
                    best = _continuation(a, i, b, j, length, side)
                    if best is None:
                        continue
                    pa, pb, run = best
                    if side > 0:
                        key = (p, i + length, i + length + pa, q, j + length, j + length + pb)
                        context = (length, run)
                    else:
                        key = (p, i - pa, i, q, j - pb, j)
                        context = (run, length)
                    found[key] = max(found.get(key, (0, 0)), context, key=sum)
    return found


def _continuation(a: str, i: int, b: str, j: int, length: int, side: int) -> tuple[int, int, int] | None:
    """The pieces (lengths) and the run beyond them that best continue a shared run on one side, if any.

    The run must bring the context to ``MIN_CONTEXT``. The longest run wins; on a tie, pieces of equal length (a
    substitution) before unequal ones, then the shorter.
    """
    need = max(1, MIN_CONTEXT - length)
    if side > 0:
        ahead_a, ahead_b = a[i + length : i + length + MAX_PIECE + 1], b[j + length : j + length + MAX_PIECE + 1]
    else:
        ahead_a, ahead_b = a[max(i - MAX_PIECE - 1, 0) : i][::-1], b[max(j - MAX_PIECE - 1, 0) : j][::-1]
    best: tuple[int, int, int] | None = None
    best_rank: tuple[int, bool, int] = (0, False, 0)
    for pa, char in enumerate(ahead_a):
        pb = -1
        while (pb := ahead_b.find(char, pb + 1)) != -1:
            if pa == pb == 0:
                continue
            if side > 0:
                sa, sb = i + length + pa, j + length + pb
                if a[sa : sa + need] != b[sb : sb + need] or sa + need > len(a) or sb + need > len(b):
                    continue
                one, two = a[sa - pa : sa], b[sb - pb : sb]
                run = _run(a, sa, b, sb, 1)
            else:
                sa, sb = i - pa, j - pb
                if sa < need or sb < need or a[sa - need : sa] != b[sb - need : sb]:
                    continue
                one, two = a[sa : sa + pa], b[sb : sb + pb]
                run = _run(a, sa, b, sb, -1)
            rank = (run, pa == pb, -(pa + pb))
            if rank > best_rank and _piece_ok(one, two):
                best, best_rank = (pa, pb, run), rank
    return best


def _text_bigrams(chars: str) -> list[str]:
    """The bigrams of a text's letters within each stretch between delimiters (（）《》 are passed over)."""
    found: list[str] = []
    previous = ""
    for char in chars:
        if char in DELIMITERS:
            previous = ""
        elif _is_letter(char):
            if previous:
                found.append(previous + char)
            previous = char
    return found


def _bigrams(letters: str) -> set[str]:
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


def _span(text: str, offsets: list[int], start: int, end: int, before: int, after: int) -> tuple[int, int, bool, bool]:
    """The recorded span (character offsets): the piece grown through its context runs up to a delimiter.

    A 《 reached going back, or a 》 going on, is taken into the span and ends it: a title is recorded whole. The
    flags say whether each end is bounded (a delimiter, a title mark or the text's edge) rather than cut where the
    shared context ends.
    """
    low, bounded_low = start, False
    while low > start - before:
        char = text[offsets[low - 1]]
        if char in DELIMITERS or char == TITLE_MARKS[1]:
            bounded_low = True
            break
        low -= 1
        if char == TITLE_MARKS[0]:
            bounded_low = True
            break
    bounded_low = bounded_low or low == 0 or text[offsets[low - 1]] in DELIMITERS
    high, bounded_high = end, False
    while high < end + after:
        char = text[offsets[high]]
        if char in DELIMITERS or char == TITLE_MARKS[0]:
            bounded_high = True
            break
        high += 1
        if char == TITLE_MARKS[1]:
            bounded_high = True
            break
    bounded_high = bounded_high or high == len(offsets) or text[offsets[high]] in DELIMITERS
    return offsets[low], offsets[high - 1] + 1, bounded_low, bounded_high


def _window(chars: str, start: int, end: int) -> str:
    """The letters of a piece with the nearest letter on each side (punctuation skipped)."""
    low = start - 1
    while low >= 0 and not _is_letter(chars[low]) and chars[low] not in DELIMITERS:
        low -= 1
    high = end
    while high < len(chars) and not _is_letter(chars[high]) and chars[high] not in DELIMITERS:
        high += 1
    return "".join(c for c in chars[max(low, 0) : high + 1] if _is_letter(c))


def _inside(chars: str, index: int, step: int, run: int) -> bool:
    """Whether the shared run from ``index`` holds a letter before any delimiter, or opens on a quote or title
    mark: a difference inside a phrase, or at the edge of a quoted term or a title. A different word at the edge
    of a clause (加快 beside 推进) is a rewording."""
    for _ in range(run):
        char = chars[index]
        if _is_letter(char):
            return True
        if char in QUOTE_MARKS:
            return True
        if char in DELIMITERS:
            return False
        index += step
    return False


def _suspect(one: list[int], two: list[int], pieces: tuple[str, str]) -> int | None:
    """Which side (0 or 1) to doubt from its distinctive bigrams' counts in the notice, or None when unsure.

    A side is as well attested as its best-attested distinctive bigram; the suspect is attested ``RATIO`` times
    less. When a character stands on one side only and every distinctive bigram of both sides is printed nowhere
    else, the side with the character is the suspect: it adds pairs of letters the notice has nowhere else.
    """
    if not one or not two:
        return None
    best_one, best_two = max(one), max(two)
    if best_two >= RATIO * best_one:
        return 0
    if best_one >= RATIO * best_two:
        return 1
    if best_one == best_two == 1 and not all(pieces):
        return 0 if pieces[0] else 1
    return None


class NearRepeats(NamedTuple):
    """What ``near_repeats`` found, and whether it looked at every pair (see ``MAX_PAIRS``)."""

    found: list[NearRepeat]
    complete: bool


def near_repeats(places: Sequence[Place]) -> NearRepeats:
    """The near-repeats of ``places`` with the suspect side chosen, in the order of the suspects' places; none,
    and ``complete`` false, when the texts repeat themselves so much that the pairs are more than ``MAX_PAIRS``."""
    texts = [_read(place) for place in places]
    grams = _seeds(texts)
    complete = _pairs(grams) <= MAX_PAIRS
    candidates = _candidates(texts, grams) if complete else {}
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_text_bigrams(text.chars))
    by_suspect: dict[Form, list[Form]] = {}
    for key, context in candidates.items():
        judged = _judge(places, texts, counts, key, context)
        if judged is not None:
            suspect, other = judged
            others = by_suspect.setdefault(suspect, [])
            if other not in others:
                others.append(other)
    found = [
        NearRepeat(suspect, tuple(sorted(others, key=lambda f: (f.place, f.start))))
        for suspect, others in sorted(by_suspect.items(), key=lambda item: (item[0].place, item[0].start))
    ]
    return NearRepeats(found, complete)


def _judge(
    places: Sequence[Place], texts: list[_Text], counts: Counter[str], key: _Key, context: tuple[int, int]
) -> tuple[Form, Form] | None:
    """The suspect form and the other of a candidate pair, or None when it is no phrase or the doubt is unsure."""
    p, ps, pe, q, qs, qe = key
    before, after = context
    a, b = texts[p], texts[q]
    one, two = a.chars[ps:pe], b.chars[qs:qe]
    if abs(len(one) - len(two)) > 1:
        return None
    if not (_inside(a.chars, ps - 1, -1, before) and _inside(a.chars, pe, 1, after)):
        return None  # the runs are the same characters in both places: one of them is enough to look at
    span_a = _span(places[p].text, a.offsets, ps, pe, before, after)
    span_b = _span(places[q].text, b.offsets, qs, qe, before, after)
    if not ((span_a[2] or span_b[2]) and (span_a[3] or span_b[3])):
        return None
    window_a, window_b = _window(a.chars, ps, pe), _window(b.chars, qs, qe)
    own_a, own_b = _bigrams(window_a) - _bigrams(window_b), _bigrams(window_b) - _bigrams(window_a)
    side = _suspect([counts[g] for g in own_a], [counts[g] for g in own_b], (one, two))
    if side is None:
        return None
    form_a, form_b = Form(p, span_a[0], span_a[1]), Form(q, span_b[0], span_b[1])
    return (form_a, form_b) if side == 0 else (form_b, form_a)
