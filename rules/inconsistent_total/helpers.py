"""Shared helpers of inconsistent-total: cue gates, bracket depths, number formatting, bounds and rounding steps."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from reportlint import patterns
from reportlint.document import Document
from reportlint.numbers import Quantity, QuantityIndex

OPENING = "“《（(「『‘【["
CLOSING = "”》）)」』’】]"
CLAUSE_MARKS = "，,；;：:"
PART_MARKS = CLAUSE_MARKS + "、"
CN_COUNT = "两二三四五六七八九十"
MAX_PARTS = 40  # most parts summed
MAX_SPAN = 200  # longest clause (characters) searched for a total, its parts or a list
NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿"
_DIGIT_RE = patterns.compile(r"[\d０-９]")
_HAN_RE = patterns.compile(r"\p{Han}*")
_ARABIC_PART_RE = patterns.compile(r"[\d０-９]+(?:[,，][\d０-９]{3})*(?:[.．]([\d０-９]+))?")
_ITEM_END_RE = patterns.compile(r"[\p{Han}”》」』）)A-Za-z]")
_COUNT_VALUES = {ch: i for i, ch in enumerate("零一二三四五六七八九十")} | {"两": 2}
# A sentence without a digit or one of these numerals holds nothing this rule compares.
_NUMBER_GATE_RE = patterns.compile(rf"[\d０-９{CN_COUNT}一十]")
# (A plain character class: the standard library's engine scans it faster.)
_BRACKET_RE = re.compile(f"[{re.escape(OPENING + CLOSING)}]")
# Plain character classes and words: the standard library's engine (faster on them, cannot backtrack).
_CLOSE_PAREN_RE = re.compile(r"[）)]")
_TITLES_RE = re.compile(r"(?:《[^《》]{1,60}》){2,12}")
_CN_COUNT_RE = re.compile(f"[{CN_COUNT}]")
_ITEM_LINE_RE = patterns.compile(rf"[{NUMERAL_CHARS}]+是|[（(]?[{NUMERAL_CHARS}\d]+[、.．)）]")
_COMPARE_COMMA_RE = re.compile(r"(?:相比)?[，,]")
_STOP_MARK_RE = re.compile(r"[。；;]")
_DISPLAY_UNIT_RES: dict[str, regex.Pattern[str]] = {}


def _longest_first(word: str) -> tuple[int, str]:
    """Sort key: longer words first (an alternation then matches the longest), ties in a fixed order
    (the same pattern text in every process, so that the cross-process pattern cache finds it)."""
    return -len(word), word


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=_longest_first) if w)


def _literals(words: Iterable[str]) -> str:
    """_alternation for the standard library's engine (``re``)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=_longest_first) if w)


def _gate(words: Iterable[str]) -> tuple[str, ...]:
    """A few strings one of which every text holding one of ``words`` contains (a quick test before
    a search); empty when there is none (an empty word matches everywhere)."""
    words = list(words)
    if not words or not all(words):
        return ()
    candidates: list[tuple[str, ...]] = []
    cuts: list[set[str]] = [{w[:2] for w in words}, {w[-2:] for w in words}, {w[0] for w in words}]
    cuts.append({w[-1] for w in words})
    for cut in cuts:
        pieces = sorted(cut, key=lambda piece: (len(piece), piece))
        # A piece holding a shorter one adds nothing: the shorter one is found whenever it is.
        kept: list[str] = []
        for piece in pieces:
            if not any(k in piece for k in kept):
                kept.append(piece)
        candidates.append(tuple(kept))
    # Two-character pieces are rarer in text than single characters: take them unless too many.
    pairs = min(candidates[:2], key=len)
    if len(pairs) <= 12:
        return pairs
    singles = min(candidates[2:], key=len)
    return singles if len(singles) <= 12 else ()


def _holds_any(text: str, pieces: tuple[str, ...]) -> bool:
    """False only when ``text`` holds none of the (non-empty) ``pieces`` of a _gate."""
    if not pieces:
        return True
    for piece in pieces:  # noqa: SIM110 (a loop: faster than any() over a generator here)
        if piece in text:
            return True
    return False


def _depths(text: str) -> list[int]:
    """Bracket/quote depth of each character (the marks themselves count as outside)."""
    depth = 0
    result: list[int] = []
    position = 0
    for mark in _BRACKET_RE.finditer(text):
        index = mark.start()
        if index > position:
            result.extend([depth] * (index - position))
        if mark.group() in CLOSING:
            if depth:
                depth -= 1
            result.append(depth)
        else:
            result.append(depth)
            depth = min(depth + 1, 50)
        position = index + 1
    result.extend([depth] * (len(text) - position))
    return result


def _count_value(text: str) -> int | None:
    """2-19 written as 两/三/十二 or 2/12."""
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _COUNT_VALUES.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _COUNT_VALUES.get(text[1], 0)
    return None


def format_number(value: float) -> str:
    """10.0 -> "10", 3.50 -> "3.5", 1234.5678 -> "1234.57"."""
    if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)):
        return str(round(value))
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if len(text.split(".")[0]) < 4 else f"{value:.2f}".rstrip("0").rstrip(".")


def display_unit(q: Quantity) -> str:
    """The unit as the reader sees it, scale included: 3686万元 -> "万元", 1.7万名 -> "万名"."""
    unit = q.written_unit or ""
    pattern = _DISPLAY_UNIT_RES.get(unit)
    if pattern is None:
        pattern = patterns.compile(rf"([万亿]{{0,2}})(?:余|多|许)?{regex.escape(unit)}")
        if len(_DISPLAY_UNIT_RES) < 1000:
            _DISPLAY_UNIT_RES[unit] = pattern
    match = pattern.search(q.text)
    return (match.group(1) if match else "") + unit


def format_quantity(value: float, unit: str) -> str:
    """Show a base value in a displayed unit: (36860000, "万元") -> "3686万元"."""
    scale = 1.0
    for ch in unit[:2]:
        if ch in "万亿" and len(unit) > 1:
            scale *= 1e4 if ch == "万" else 1e8
        else:
            break
    if unit in ("万千瓦",):
        scale = 1.0
    return f"{format_number(value / scale)}{unit}"


@dataclass(frozen=True)
class _Part:
    quantity: Quantity
    low: float
    high: float
    resolution: float
    label: str = ""  # the words before the part in its clause: "其中男性" in "其中男性70人"
    clause: str = ""  # its whole clause


def _bounds(q: Quantity) -> tuple[float, float]:
    """Lowest and highest value a written quantity may stand for (余/多/约/近/超)."""
    text = q.text
    value = q.value
    if not q.approximate:
        return value, value
    if q.low is not None:
        return q.low, value
    if text.startswith(("超过", "超", "逾")) or text.endswith("以上"):
        return value, math.inf
    if text.startswith(("约", "大约")) or text.endswith(("左右", "上下")):
        return value * 0.9, value * 1.1
    if text.startswith(("近", "将近", "接近", "达到近", "不到", "不足")):
        return value * 0.8, value
    # 余/多/许: 2000余 is 2000-2999, 10余 is 10-19.
    integer = round(value)
    step = 1
    while integer and integer % (step * 10) == 0:
        step *= 10
    return value, value + step


def _resolution(q: Quantity) -> float:
    """The rounding step of a written number: 1.78亿元 -> 1e6; 10个 and 3686万元 -> 0 (exact)."""
    match = _ARABIC_PART_RE.search(q.text)
    if not match:
        return 0.0
    decimals = len(match.group(1) or "")
    try:
        written = float(match.group(0).replace(",", "").replace("，", "").replace("．", "."))
    except ValueError:
        return 0.0
    scale = q.value / written if written else 1.0
    if decimals == 0:
        return 0.0  # whole numbers, even in 万元, are taken as exact
    return scale * 10.0**-decimals


def _cut_number(text: str, position: int) -> bool:
    """True when a number starting at ``position`` is the tail of a longer one: "1，753亿元" read from 753."""
    before = text[max(0, position - 2) : position]
    return bool(before) and (
        before[-1].isdigit() or (len(before) == 2 and before[-1] in "，,．." and before[0].isdigit())
    )


def _half_step(q: Quantity) -> float:
    """Half the rounding step of a number used in a division: 3.2 -> 0.05, 120万 -> 5000, 150 -> 0."""
    resolution = _resolution(q)
    if resolution:
        return resolution / 2
    match = _ARABIC_PART_RE.search(q.text)
    if not match:
        return 0.0
    try:
        written = float(match.group(0).replace(",", "").replace("，", ""))
    except ValueError:
        return 0.0
    scale = q.value / written if written else 1.0
    return scale / 2 if scale >= 1e4 - 1e-6 else 0.0


def _stated_step(q: Quantity) -> float:
    """Half the rounding step of a stated result: 3.2 -> 0.05, 80 -> 0.5, 3000 -> 50, 7 -> 0.5."""
    resolution = _resolution(q)
    if resolution:
        return resolution / 2
    match = _ARABIC_PART_RE.search(q.text)
    if not match:
        return 0.5
    digits = match.group(0).replace(",", "").replace("，", "")
    # Trailing zeros may be rounding, but two significant digits are meant: 3000 -> 100, 200 -> 10.
    zeros = min(len(digits) - len(digits.rstrip("0")), len(digits) - 2) if digits.strip("0") else 0
    zeros = max(zeros, 0)
    scale = q.value / float(digits) if float(digits) else 1.0
    return 0.5 * scale * 10.0**zeros


def _percent_step(q: Quantity) -> float:
    """Half the last written digit of a percentage: 25% -> 0.5, 94.7% -> 0.05."""
    match = _ARABIC_PART_RE.search(q.text)
    decimals = len(match.group(1) or "") if match else 0
    return 0.5 * 10.0**-decimals


def _wrong_share(stated: Quantity, part: Quantity, whole: Quantity, whole_step: float) -> float | None:
    """``part`` / ``whole`` in percent when ``stated`` differs from it by more than rounding explains, else None.

    ``whole_step`` is how far the written whole may be from the true one (half its rounding step,
    or less for a plan or base written as it is).
    """
    expected = part.value / whole.value * 100
    slack = (
        _percent_step(stated)
        + 0.1
        + 100 * _half_step(part) / whole.value
        + 100 * part.value * whole_step / whole.value**2
    )
    return None if abs(stated.value - expected) <= slack else expected


_DATE = r"(?:(?P<{p}y>\d{{4}})年{q})?(?:(?P<{p}m>\d{{1,2}})月)?(?:(?P<{p}d>\d{{1,2}})日)?"
_DATE_RANGE_RE = patterns.compile(
    _DATE.format(p="a", q="?") + r"(?:至|到|—|－|-|～|~)" + _DATE.format(p="b", q="") + r"(?<=[年月日])"
)


def _range_length(span: regex.Match[str], unit: str) -> tuple[float, float] | None:
    """The length of a date range in ``unit`` (个月, 天/日, 周, 年): (fewest, most), counting both ends or one."""
    ay, am, ad = span.group("ay"), span.group("am"), span.group("ad")
    by, bm, bd = span.group("by"), span.group("bm"), span.group("bd")
    if unit == "年":
        if not (ay and by) or am or ad or bm or bd:
            return None
        years = int(by) - int(ay)
        return float(years), float(years + 1)
    if not (am and ad and bd):
        return None
    first_year = int(ay) if ay else 2023
    last_year = int(by) if by else first_year
    try:
        first = datetime.date(first_year, int(am), int(ad))
        last = datetime.date(last_year, int(bm) if bm else int(am), int(bd))
    except ValueError:
        return None
    days = (last - first).days + 1
    if days < 2:
        return None
    if unit in ("天", "日"):
        return float(days - 1), float(days)
    if unit == "周":
        return days / 7 - 0.6, days / 7 + 0.6
    months = days / 30.44
    return months - 0.6, months + 0.6


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` (not empty) starts in ``text``, left to right, overlaps included."""
    position = text.find(word)
    while position >= 0:
        yield position
        position = text.find(word, position + 1)


_INDEX_CACHE: dict[int, tuple[Document, QuantityIndex]] = {}


def _quantity_index(doc: Document) -> QuantityIndex:
    """The document's quantities, parsed stretch by stretch as the checks ask for them
    (the same answers as lookups in ``doc.quantities``, without parsing every number)."""
    cached = _INDEX_CACHE.get(id(doc))
    if cached is None or cached[0] is not doc:
        _INDEX_CACHE.clear()
        cached = (doc, QuantityIndex(doc.text))
        _INDEX_CACHE[id(doc)] = cached
    return cached[1]
