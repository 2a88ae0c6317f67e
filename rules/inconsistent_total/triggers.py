"""Which sentence checks of inconsistent-total can report on a sentence: a quick test of its characters.

Each sentence check runs only when its cue is in the sentence (a word of a list, a literal such as
"均") and the sentence holds a number. Every cue holds one of a few characters (its *anchors*), so
the set of anchors a sentence holds tells which checks can fire there; a check whose cue pattern
needs a digit is dropped from a sentence without one. Most sentences are left with no check or one
or two. In a paragraph with no digit of another script, a check is then dropped from a sentence
lacking its *plain need* (a standard-library pattern found wherever the check's cue pattern
matches). The anchors and needs only make the checks run less often: each check still tests its
own cue, so the findings are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import regex

from reportlint import patterns
from reportlint.document import sentence_ends

from .helpers import _NUMBER_GATE_RE, CN_COUNT

# The sentence checks, in the order check() runs them.
CARRIED = 1 << 0  # "……86.5亿元。其中，……": parts in the sentence after the total
PARTS_AFTER = 1 << 1
PARTS_BEFORE = 1 << 2
COUNTS = 1 << 3
RATES = 1 << 4
AVERAGES = 1 << 5
CHANGES = 1 << 6
SHARES = 1 << 7
OF_WHOLE = 1 << 8
RESPECTIVELY = 1 << 9
DURATIONS = 1 << 10
STRUCTURES = 1 << 11
GROUP_HOUSEHOLDS = 1 << 12
RATIOS = 1 << 13
CONVERSIONS = 1 << 14
INCREMENTS = 1 << 15
REMAINING = 1 << 16
AMONG = 1 << 17  # "38所中小学中，……": a part of PARTS_AFTER
SHARE_OF_TOTAL = 1 << 18  # "占……的X%": a part of OF_WHOLE
# The checks whose cue pattern holds a digit (\d): tried only in a sentence holding one.
NEEDS_DIGIT = AMONG | CHANGES | OF_WHOLE | INCREMENTS | GROUP_HOUSEHOLDS | RATIOS | STRUCTURES
# Numbers and digits, as helpers._NUMBER_GATE_RE and \d read them: the standard library's scan of
# a plain character class is faster, and exact once a paragraph holds no digit of another script.
_DIGIT_RE = patterns.compile(r"\d")
_OTHER_DIGIT_RE = patterns.compile(r"(?![0-9０-９])\d")
_PLAIN_DIGIT_RE = re.compile("[0-9０-９]")
_PLAIN_NUMBER_RE = re.compile(f"[0-9０-９{CN_COUNT}一十]")
# Every digit \d matches besides 0-9 and ０-９ is in one of these ranges (none in CJK text or punctuation):
# a text holding no character of them holds no digit of another script. (Three ranges below U+10000,
# split where no digit lies: the standard library then tests a character with one look-up in a bitmap,
# where with two it compares it with each range, two and a half times slower over a text.)
OTHER_DIGIT_RANGES_RE = re.compile("[\u0660-\u0def\u0e50-\u1c59\ua620-\uabf9\U00010000-\U0010ffff]")


def plain_digits(text: str) -> bool:
    """True when ``text`` holds no digit (\\d) of another script than 0-9 and ０-９."""
    return not OTHER_DIGIT_RANGES_RE.search(text) or not _OTHER_DIGIT_RE.search(text)


def hitting_chars(words: Iterable[str], common: str = "") -> str | None:
    """A few characters one of which each of ``words`` holds (greedily, the one in most words first,
    avoiding the ``common`` characters of report prose where a word holds another); None when there
    is no word or one is empty (a cue that is everywhere)."""
    uncovered = list(words)
    if not uncovered or not all(uncovered):
        return None
    chosen = ""
    while uncovered:
        counts: dict[str, int] = {}
        for word in uncovered:
            for ch in dict.fromkeys(word):
                counts[ch] = counts.get(ch, 0) + 1
        # The first of the most frequent, a rarer character before a common one.
        best = max(counts, key=lambda ch: (ch not in common, counts[ch]))
        chosen += best
        uncovered = [word for word in uncovered if best not in word]
    return chosen


class Triggers:
    """Anchor characters of each sentence check; a check without anchors (None) is always tried."""

    def __init__(
        self, anchors: Mapping[int, str | None], plain_needs: Mapping[int, re.Pattern[str]] | None = None
    ) -> None:
        """``plain_needs``: a pattern that a sentence must also hold for the check to fire there, written
        with plain digits (0-9, ０-９): it is tested only in paragraphs without other digits."""
        self.plain_needs = dict(plain_needs or {})
        self.always = 0
        self.by_char: dict[str, int] = {}
        for check, chars in anchors.items():
            if chars is None:
                self.always |= check
                continue
            for ch in chars:
                self.by_char[ch] = self.by_char.get(ch, 0) | check
        chars = "".join(sorted(self.by_char))
        self._anchor_re = re.compile(f"[{re.escape(chars)}]") if chars else None

    @property
    def plain_needs(self) -> dict[int, re.Pattern[str]]:
        """The plain need of each check having one (assign a new mapping to change them)."""
        return self._plain_needs

    @plain_needs.setter
    def plain_needs(self, needs: dict[int, re.Pattern[str]]) -> None:
        self._plain_needs = needs
        self._needing = 0  # the checks having a plain need
        for check in needs:
            self._needing |= check

    def checks(self, text: str) -> int:
        """The checks that can fire in the one sentence ``text`` (a bit set of the constants above)."""
        found = self.sentence_checks(text)
        return found[-1].checks if found and found[-1].end == len(text) else 0

    def sentence_checks(self, paragraph: str, plain: bool | None = None) -> list[Candidate]:
        """The sentences of ``paragraph`` (split as ``Document.sentences`` splits it) in which
        a check can fire: each holds a number and the anchor of the check. ``plain``: whether the
        paragraph is known to hold no digit of another script (see plain_digits), else None."""
        number_re: re.Pattern[str] | regex.Pattern[str]
        digit_re: re.Pattern[str] | regex.Pattern[str]
        if plain is None:
            plain = plain_digits(paragraph)
        if plain:
            number_re, digit_re = _PLAIN_NUMBER_RE, _PLAIN_DIGIT_RE
        else:
            number_re, digit_re = _NUMBER_GATE_RE, _DIGIT_RE
        # Where the next number and the next digit start at or after the sentence being read
        # (len(paragraph) when none is left): each is searched for again only once the sentences
        # have passed it, so a sentence without one costs no search. Both are single characters:
        # a sentence holds one exactly when the next one after its start lies before its end.
        nowhere = len(paragraph)
        match = number_re.search(paragraph)
        if match is None:
            return []
        next_number = match.start()
        match = digit_re.search(paragraph)
        next_digit = match.start() if match else nowhere
        by_char = self.by_char
        anchor_re = self._anchor_re
        always = self.always
        needing = self._needing
        needs = self.plain_needs
        result: list[Candidate] = []
        previous = -1
        begin = 0
        for end in sentence_ends(paragraph):
            if next_number < begin:
                match = number_re.search(paragraph, begin)
                next_number = match.start() if match else nowhere
            if next_number < end:
                found = always
                if anchor_re is not None:
                    for ch in anchor_re.findall(paragraph, begin, end):
                        found |= by_char[ch]
                if found & NEEDS_DIGIT:
                    if next_digit < begin:
                        match = digit_re.search(paragraph, begin)
                        next_digit = match.start() if match else nowhere
                    if next_digit >= end:
                        found &= ~NEEDS_DIGIT
                if plain:
                    # Each check found so far that has a plain need, by its lowest bit.
                    unsure = found & needing
                    while unsure:
                        check = unsure & -unsure
                        unsure ^= check
                        if not needs[check].search(paragraph, begin, end):
                            found ^= check
                if found:
                    result.append(Candidate(previous, begin, end, found))
            previous, begin = begin, end
        return result


class Candidate(NamedTuple):
    """A sentence of a paragraph where checks can fire (offsets in the paragraph)."""

    previous: int  # where the sentence before it starts; -1 for the first
    start: int
    end: int
    checks: int
