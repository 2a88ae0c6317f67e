"""Chinese and Arabic numbers with their units, as written in work reports.

One service for every rule: ``parse_chinese_int("十二") == 12``,
``find_quantities("完成投资3.5亿元,新建住房两百余套")`` gives 350000000 元 and
about 200 套. Units with a scale prefix (万元, 万人, 亿元) are normalised to
their base unit so that parts and totals compare in one unit.

Not every number is an amount: each :class:`Quantity` carries a ``kind`` —
``amount`` (3686万元, 两个), ``range`` (3-5个, 1至2名; ``low`` holds the lower
bound, ``value`` the upper), ``year`` (2025年), ``date`` (5月, 12日),
``ordinal`` (第3次) or ``ratio`` (1:3). Rules that add or compare amounts
should look at ``kind == "amount"`` (or ``is_amount``) only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from reportlint import patterns

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

# Words before a number that make it approximate, and after it.
APPROX_BEFORE = ("约", "近", "超过", "超", "逾", "将近", "大约", "接近", "达到近", "不到", "不足", "左右")
APPROX_AFTER = ("余", "多", "左右", "以上", "上下", "许")

# Measure words and units; a scale prefix (万/亿/千) is folded into the value.
UNITS = (
    "平方公里", "平方千米", "平方米", "平方", "立方米", "立方", "千瓦时", "万千瓦", "千瓦", "公里", "千米", "米",
    "公顷", "亩", "吨", "千克", "公斤", "斤", "元", "美元", "人次", "户次", "家次", "车次", "架次", "台次", "件次", "场次", "批次", "人", "名", "位", "户", "家", "个", "项",
    "件", "次", "场", "所", "座", "处", "条", "批", "套", "台", "辆", "头", "只", "株", "棵", "间", "栋", "幢",
    "张", "本", "期", "类", "起", "宗", "份", "篇", "部", "支", "队", "组", "村", "镇", "乡", "社区", "单位",
    "企业", "亿元", "万元", "千元", "万人", "万户", "万亩", "万吨", "kg", "km", "%", "％", "‰", "倍", "岁",
    "天", "年", "月", "日", "小时", "分钟", "节", "轮", "点", "方面", "方", "种", "门", "颗", "口", "眼", "段",
    "个百分点", "百分点", "例", "块", "首", "幅", "册", "盏", "艘", "架", "片", "箱", "床", "课时", "学时",
    "班", "届", "网格", "周",
)  # fmt: skip
# Units that are the same unit in another spelling.
UNIT_ALIASES = {"％": "%", "个百分点": "百分点", "平方": "平方米", "立方": "立方米", "公斤": "千克"}

# Half-width digits group with ","; full-width ones (１９５６年 reports) with "，" or ",".
_ARABIC = r"(?:[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[０-９]+(?:[,，][０-９]{3})*(?:[.．][０-９]+)?)"
# A Chinese numeral: digits with 十百千万亿 and an optional decimal part (二十五点五);
# a lone 百/千/万/亿 (万亩良田, 千家万户, x万元) is not a number.
_CN_DIGIT = "零〇○一壹二贰两三叁四肆五伍六陆七柒八捌九玖"
_CHINESE = rf"[{_CN_DIGIT}十拾][{CHINESE_NUMERAL_CHARS}]{{0,16}}"
_CHINESE_DECIMAL = rf"点[{_CN_DIGIT}]{{1,6}}"
# Longest first (the longest unit matches), ties in a fixed order: the same pattern text in every
# process, which the cross-process pattern cache needs.
_UNIT_ALTERNATION = "|".join(sorted({regex.escape(u) for u in UNITS}, key=lambda u: (-len(u), u)))
_APPROX_BEFORE_ALT = "|".join(sorted(APPROX_BEFORE, key=len, reverse=True))
_APPROX_AFTER_ALT = "|".join(sorted(APPROX_AFTER, key=len, reverse=True))
_RANGE_SEP = "-－~～至到—"
# A number is Arabic digits (optionally followed by 万/亿) or a run of Chinese
# numerals; 百分之 before it makes a percentage. An optional range
# (3-5个, 1至2名) shares the unit of its upper bound. Possessive/atomic groups
# keep matching linear on long lines.
_QUANTITY_LEAD = rf"""
    (?P<before>(?:{_APPROX_BEFORE_ALT}))?
    (?P<percent>百分之)?
"""
_QUANTITY_TAIL = rf"""
    (?P<space>[ \u3000](?=(?:{_APPROX_AFTER_ALT}|{_UNIT_ALTERNATION})))?
    (?P<after1>(?:{_APPROX_AFTER_ALT}))?
    (?P<scale>(?<=[余多])[万亿]{{1,2}})?
    (?P<unit>(?:{_UNIT_ALTERNATION}))?
    (?P<after2>(?:{_APPROX_AFTER_ALT}))?
"""
QUANTITY_RE = patterns.compile(
    _QUANTITY_LEAD
    + rf"""
    (?:
        (?P<low>(?>{_ARABIC}))(?P<lowscale>[万亿]{{0,2}})[{_RANGE_SEP}](?=\d)
      | (?P<clow>(?>[{_CN_DIGIT}十]{{1,4}}))[至到](?=[{_CN_DIGIT}十])
    )?
    (?P<number>(?>{_ARABIC})(?:[万亿]{{1,2}})?|(?>{_CHINESE})(?:{_CHINESE_DECIMAL})?)
"""
    + _QUANTITY_TAIL,
    regex.VERBOSE,
)
# The numbers of QUANTITY_RE (with its optional range) written so that an Arabic number is read
# once: the same text matches. After an Arabic lower bound and its separator the upper bound can
# only be Arabic ((?=\d) excludes Chinese numerals), and when no range follows, the number is the
# lower bound's text again (the same atomic digits, 万/亿 taken greedily in both). Chinese numbers
# keep QUANTITY_RE's order: a range first, then the number alone.
_NUMBER_SPAN = rf"""
    (?:
        (?>{_ARABIC})[万亿]{{0,2}}(?:[{_RANGE_SEP}](?=\d)(?>{_ARABIC})(?:[万亿]{{1,2}})?)?
      | (?>[{_CN_DIGIT}十]{{1,4}})[至到](?=[{_CN_DIGIT}十])(?>{_CHINESE})(?:{_CHINESE_DECIMAL})?
      | (?>{_CHINESE})(?:{_CHINESE_DECIMAL})?
    )
"""

# Where a quantity can start before its first numeral: an approximation word or 百分之.
_PREFIX_STARTS = frozenset(word[0] for word in (*APPROX_BEFORE, "百分之"))


_RATIO_BEFORE_RE = patterns.compile(r"\d[:：∶]$")
_RATIO_AFTER_RE = patterns.compile(r"[:：∶]\d")
_IDIOM_UNITS = frozenset("人户村品事档策表网格")
# "一" + a one-character measure word inside a word is not a count: 一次性补贴, 一门式服务, 一元化领导,
# 一批批, 一个个 (reduplication), and the set phrases below. A suffix followed by one of the characters
# after it still starts a word of its own: 一批化肥厂, 两类性质, 一座化粪池.
_WORD_SUFFIXES = "性式化"
_SUFFIX_WORD_STARTS = {"性": "质别格能命情状", "式": "样", "化": "学肥工纤妆石解蛹验粪"}
_REDUPLICATION_EXCEPTIONS = ("个体", "个人")
IDIOM_WORDS = ("一条龙", "一张网", "一张图", "一张蓝图", "一件事", "一盘棋", "三位一体")


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its unit normalised (万元 -> 元 with value x10000)."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None  # base unit, e.g. "元", "人", "个", "%"; None when bare
    written_unit: str | None  # the unit as written, e.g. "万元"
    approximate: bool
    chinese: bool  # written with Chinese numerals
    kind: str = "amount"  # amount, range, year, date, ordinal, ratio
    low: float | None = None  # lower bound of a range (value is the upper bound)

    @property
    def is_amount(self) -> bool:
        """A plain amount that can be added and compared (not a year, date, ordinal, ratio or range)."""
        return self.kind == "amount"


class NumberFormatError(ValueError):
    pass


@lru_cache(maxsize=4096)
def parse_chinese_int(text: str) -> int:
    """Parse a Chinese numeral: 十二 -> 12, 两千零五 -> 2005, 一二三 -> 123 (digit-by-digit)."""
    if not text:
        raise NumberFormatError(text)
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        # Digit-by-digit, as in years: 二〇二五.
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    total = 0  # completed 万/亿 groups
    section = 0  # current group below 万
    digit: int | None = None
    last_unit = 0  # the unit just used, for 两百五 = 250 and 一万二 = 12000
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0 and digit != 0:
                raise NumberFormatError(text)  # 十二三: not one number
            digit = DIGITS[ch]
            if digit == 0:
                last_unit = 0
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if last_unit and unit >= last_unit and section and last_unit < 10_000:
                raise NumberFormatError(text)  # 百十: malformed
            section += (1 if digit is None else digit) * unit
            last_unit = unit
            digit = None
        elif ch in BIG_UNITS:
            scale = BIG_UNITS[ch]
            group = section + (digit or 0)
            if group == 0 and total == 0:
                group = 1
            if scale == 100_000_000:
                total = (total + group) * scale
            else:
                total += group * scale
            section = 0
            digit = None
            last_unit = scale
        else:
            raise NumberFormatError(text)
    if digit and last_unit >= 100 and text[-2] not in "零〇○":
        # 两百五 = 250, 一万二 = 12000: a trailing digit counts in the next unit down.
        return total + section + digit * (last_unit // 10)
    return total + section + (digit or 0)


_ARABIC_NUMBER_RE = patterns.compile(rf"({_ARABIC})([万亿]*)")


def parse_number(text: str) -> float:
    """Parse Arabic (with 万/亿 suffix and thousands separators) or Chinese numerals (二十五点五 = 25.5)."""
    text = text.strip()
    match = _ARABIC_NUMBER_RE.fullmatch(text)
    if match:
        value = float(match.group(1).replace(",", "").replace("，", "").replace("．", "."))
        for ch in match.group(2):
            value *= BIG_UNITS[ch]
        return value
    whole, dot, fraction = text.partition("点")
    if dot:
        if not fraction or any(ch not in DIGITS for ch in fraction):
            raise NumberFormatError(text)
        digits = "".join(str(DIGITS[ch]) for ch in fraction)
        return float(parse_chinese_int(whole)) + float("0." + digits)
    return float(parse_chinese_int(text))


def normalise_unit(unit: str | None) -> tuple[str | None, float]:
    """Split a scale prefix off a unit: 万元 -> (元, 1e4), 亿元 -> (元, 1e8), 个 -> (个, 1)."""
    if not unit:
        return None, 1.0
    unit = UNIT_ALIASES.get(unit, unit)
    if len(unit) > 1 and unit[0] in "万亿千" and unit not in ("千米", "千克", "千瓦时", "万千瓦", "千瓦"):
        scale = {"万": 1e4, "亿": 1e8, "千": 1e3}[unit[0]]
        return UNIT_ALIASES.get(unit[1:], unit[1:]), scale
    return unit, 1.0


# QUANTITY_RE behind a lookahead for what a quantity can start with: the same matches as
# QUANTITY_RE.finditer (a quantity starts at a numeral, an approximation word or 百分之), but the
# regex engine skips every other position without entering the pattern.
_START_CLASS = "[" + regex.escape("".join(sorted(_PREFIX_STARTS))) + f"0-9０-９{_CN_DIGIT}十拾]"
_START_WORDS = "|".join(sorted({*APPROX_BEFORE, "百分之"}, key=lambda word: (-len(word), word)))
# Without its named groups (non-capturing groups match the same text, and the engine saves no
# captures) and with _NUMBER_SPAN: _scan reads the groups once per distinct matched text, with
# QUANTITY_RE at the match.
_SCAN_RE = patterns.compile(
    f"(?=[0-9０-９{_CN_DIGIT}十拾]|{_START_WORDS})"
    + regex.sub(r"\(\?P<\w+>", "(?:", _QUANTITY_LEAD + _NUMBER_SPAN + _QUANTITY_TAIL),
    regex.VERBOSE,
)
# Matches (with .match) where a quantity can start: no quantity starts anywhere else.
QUANTITY_START_RE = patterns.compile(_START_CLASS)
_COLONS = ":：∶"
_IDIOM_WORD_STARTS = frozenset(word[0] for word in IDIOM_WORDS)


@dataclass(frozen=True)
class _Parsed:
    """What a match of QUANTITY_RE says by its groups alone (the context is read per match).

    Offsets are relative to the start of the match; kinds already account for a range.
    """

    chinese: bool
    value: float  # scaled
    low: float | None  # scaled
    unit: str | None
    written_unit: str | None
    approximate: bool
    number_start: int  # where the number begins
    number_end: int
    kind_start: int  # the kind reads the character before this (the number, or a range's start)
    end_trim: int  # 1 when a trailing blank is not part of the quantity
    kind: str  # when not ordinal or ratio
    kind_day_mismatch: str | None  # the kind when a 日 date is not preceded by 月 or the text start
    idiom_one: bool  # 一村一品: skipped when "一" follows
    word_start: bool  # may start one of IDIOM_WORDS
    one_unit: str | None  # "一" + a one-character measure word: checked against the next characters


_SKIP = object()  # a match that is never a quantity, whatever surrounds it
_PARSED: dict[str, _Parsed | object] = {}  # by the matched text


def _parse_groups(groups: tuple[str | None, ...]) -> _Parsed | object:
    """Everything about a match of QUANTITY_RE that depends on its groups only (see find_quantities)."""
    (
        before_text,
        percent_text,
        low_text,
        lowscale_text,
        clow_text,
        number,
        space,
        after1,
        scale_text,
        unit_text,
        after2,
    ) = groups
    if not number:
        return _SKIP
    chinese = not number[0].isdigit()
    percent = bool(percent_text)
    if chinese and not unit_text and not percent:
        # A bare Chinese numeral is usually part of a word (一体化, 统一).
        return _SKIP
    try:
        value = parse_number(number)
        low: float | None = None
        if low_text:
            low = parse_number(low_text + (lowscale_text or ""))
        elif clow_text:
            low = parse_number(clow_text)
    except NumberFormatError:
        return _SKIP
    unit, scale = normalise_unit(unit_text)
    if percent:
        unit, scale = "%", 1.0
    elif scale_text:
        for ch in scale_text:
            scale *= BIG_UNITS[ch]
    number_start = len(before_text or "") + len(percent_text or "")
    if low_text:
        number_start += len(low_text) + len(lowscale_text or "") + 1
    elif clow_text:
        number_start += len(clow_text) + 1
    number_end = number_start + len(number)
    end_trim = 1 if space and not (after1 or unit_text or after2) else 0
    # The kind without its context: year and date by unit and value.
    kind = "amount"
    day = False
    if unit_text == "年" and value == int(value) and 1000 <= value <= 2200 and len(number) == 4:
        kind = "year"
    elif unit_text == "月" and value == int(value) and 1 <= value <= 12:
        kind = "date"
    elif unit_text in ("日", "号") and value == int(value) and 1 <= value <= 31:
        kind = "date"
        day = True
    kind_day_mismatch: str | None = "amount" if day else None
    if low is not None:
        kind = "date" if kind in ("year", "date") else "range"
        if kind_day_mismatch is not None:
            kind_day_mismatch = "range"
        low *= scale
    one_unit = None
    if chinese and number == "一" and unit_text and len(unit_text) == 1 and not after1 and not after2:
        one_unit = unit_text
    return _Parsed(
        chinese=chinese,
        value=value * scale,
        low=low,
        unit=unit,
        written_unit=unit_text if not percent else "%",
        approximate=bool(before_text or after1 or after2) or low is not None,
        number_start=number_start,
        number_end=number_end,
        kind_start=number_start if low is None else 0,
        end_trim=end_trim,
        kind=kind,
        kind_day_mismatch=kind_day_mismatch,
        idiom_one=chinese and unit_text in _IDIOM_UNITS and number == "一",
        word_start=chinese and number[0] in _IDIOM_WORD_STARTS,
        one_unit=one_unit,
    )


_new = object.__new__
_set = object.__setattr__


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """All numbers in ``text`` with units and approximation words; offsets are shifted by ``offset``.

    The work that depends only on a match's groups is done once per distinct match (``_PARSED``);
    per match remain the checks that read the surrounding text (一村一品, 一次性, 第3次, 1:3).
    """
    return _scan(text, offset, 0, len(text))


# No quantity holds these characters, nor does any look-ahead of QUANTITY_RE accept them: the
# quantities between two of them are found by scanning that stretch alone (see QuantityIndex).
REGION_BREAKS = "\n。"
_LINE_BREAK, _STOP_BREAK = REGION_BREAKS[0], REGION_BREAKS[1]  # (QuantityIndex reads these two)


def _scan(text: str, offset: int, pos: int, endpos: int) -> list[Quantity]:
    """find_quantities over ``text[pos:endpos]``, reading the characters around each match in all of ``text``."""
    found: list[Quantity] = []
    parsed_cache = _PARSED
    length = len(text)
    for match in _SCAN_RE.finditer(text, pos, endpos):
        written = match.group()
        parsed = parsed_cache.get(written)
        if parsed is None:
            # The groups are a function of the matched text: all that follows the number is optional
            # and greedy, so a choice that read past the match would have made it longer, and the one
            # look-ahead past a blank is always followed by a group that consumes what it saw (the
            # randomised test in tests/test_numbers.py checks this). QUANTITY_RE at the same start and
            # end takes the same path: nothing in it looks before the match.
            grouped = QUANTITY_RE.match(text, match.start(), endpos)
            assert grouped is not None and grouped.group() == written
            parsed = _parse_groups(grouped.groups())
            if len(parsed_cache) >= 20_000:
                parsed_cache.clear()
            parsed_cache[written] = parsed
        if parsed is _SKIP:
            continue
        assert isinstance(parsed, _Parsed)
        start, match_end = match.span()
        if parsed.chinese:
            if parsed.idiom_one and text.startswith("一", match_end):
                continue  # 一村一品, 一户一档: a slogan, not a count
            if parsed.word_start and text.startswith(IDIOM_WORDS, start + parsed.number_start):
                continue  # 一条龙, 三位一体
            unit_char = parsed.one_unit
            if unit_char is not None:
                # "一" + a one-character measure word inside a word: 一次性, 一批批,
                # 一个个 (but 一个人), 一次性 (but 一批化肥厂).
                following = text[match_end : match_end + 1]
                if following == unit_char:
                    if not text.startswith(_REDUPLICATION_EXCEPTIONS, match_end):
                        continue
                elif following and following in _WORD_SUFFIXES:
                    next_char = text[match_end + 1 : match_end + 2]
                    if not next_char or next_char not in _SUFFIX_WORD_STARTS[following]:
                        continue
        # The kind: the character before the number (or the range) and a ratio's colon.
        kind_start = start + parsed.kind_start
        before = text[kind_start - 1] if kind_start > 0 else ""
        if before == "第":
            kind = "ordinal" if parsed.low is None else "range"
        elif parsed.unit is None and (
            (
                kind_start >= 2
                and before in _COLONS
                and _RATIO_BEFORE_RE.search(text, kind_start - 2, kind_start)
            )
            or (
                (number_end := start + parsed.number_end) < length
                and text[number_end] in _COLONS
                and _RATIO_AFTER_RE.match(text, number_end)
            )
        ):
            kind = "ratio" if parsed.low is None else "range"
        elif parsed.kind_day_mismatch is not None and before not in ("月", ""):
            kind = parsed.kind_day_mismatch
        else:
            kind = parsed.kind
        end = match_end - parsed.end_trim
        # Quantity(...) without the frozen dataclass's per-field __setattr__ (the same object).
        quantity = _new(Quantity)
        _set(
            quantity,
            "__dict__",
            {
                "start": offset + start,
                "end": offset + end,
                "text": written if end == match_end else text[start:end],
                "value": parsed.value,
                "unit": parsed.unit,
                "written_unit": parsed.written_unit,
                "approximate": parsed.approximate,
                "chinese": parsed.chinese,
                "kind": kind,
                "low": parsed.low,
            },
        )
        found.append(quantity)
    return found


class QuantityIndex:
    """The quantities of one text, found stretch by stretch when asked for (a stretch runs between
    two REGION_BREAKS): a rule that reads the numbers of a few sentences need not parse them all.

    ``between`` and ``at`` answer exactly as lookups in ``find_quantities(text)`` would: no quantity
    spans a break, the scan restarts fresh after one, and each match reads its context in the whole text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] = []  # of the stretches parsed so far, sorted
        # start of a stretch -> (its end, its quantities, their starts)
        self._regions: dict[int, tuple[int, list[Quantity], list[int]]] = {}

    def _region(self, position: int) -> tuple[int, list[Quantity], list[int]]:
        """(end, quantities, their starts) of the stretch holding ``position`` (not a break)."""
        index = bisect.bisect_right(self._starts, position) - 1
        if index >= 0:
            known = self._regions[self._starts[index]]
            if position < known[0]:
                return known
        text = self.text
        # The stretch's line, then the stops inside it.
        start = text.rfind(_LINE_BREAK, 0, position) + 1
        end = text.find(_LINE_BREAK, position)
        if end < 0:
            end = len(text)
        start = text.rfind(_STOP_BREAK, start, position) + 1 or start
        stop = text.find(_STOP_BREAK, position, end)
        if stop >= 0:
            end = stop
        quantities = _scan(text, 0, start, end)
        region = (end, quantities, [q.start for q in quantities])
        self._regions[start] = region
        bisect.insort(self._starts, start)
        return region

    def stretch(self, position: int) -> tuple[int, list[Quantity]]:
        """(end, quantities) of the stretch holding ``position``, which must not be a break."""
        end, quantities, _ = self._region(position)
        return end, quantities

    def last_before(self, position: int) -> Quantity | None:
        """The last quantity ending by ``position`` in the stretch holding it (not a break), if any."""
        _, quantities, starts = self._region(position)
        index = bisect.bisect_left(starts, position) - 1
        while index >= 0 and quantities[index].end > position:
            index -= 1
        return quantities[index] if index >= 0 else None

    def between(self, start: int, end: int) -> list[Quantity]:
        """The quantities starting at or after ``start`` and ending by ``end``, in order."""
        result: list[Quantity] = []
        text = self.text
        position = max(start, 0)
        limit = min(end, len(text))
        while position < limit:
            if text[position] in REGION_BREAKS:
                position += 1
                continue
            region_end, quantities, starts = self._region(position)
            for index in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
                if quantities[index].end <= end:
                    result.append(quantities[index])
            position = region_end + 1
        return result

    def at(self, position: int) -> Quantity | None:
        """The quantity starting exactly at ``position``, if any."""
        if not 0 <= position < len(self.text) or self.text[position] in REGION_BREAKS:
            return None
        _, quantities, starts = self._region(position)
        index = bisect.bisect_left(starts, position)
        if index < len(starts) and starts[index] == position:
            return quantities[index]
        return None
