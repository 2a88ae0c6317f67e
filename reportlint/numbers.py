"""Chinese and Arabic numbers with their units, as written in work reports.

One service for every rule: ``parse_chinese_int("十二") == 12``,
``find_quantities("完成投资3.5亿元,新建住房两百余套")`` gives 350000000 元 and
about 200 套. Units with a scale prefix (万元, 万人, 亿元) are normalised to
their base unit so that parts and totals compare in one unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

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
    "平方公里", "平方米", "立方米", "千瓦时", "万千瓦", "公里", "千米", "米", "公顷", "亩", "吨", "千克",
    "公斤", "斤", "元", "美元", "人次", "人", "名", "户", "家", "个", "项", "件", "次", "场", "所", "座",
    "处", "条", "批", "套", "台", "辆", "头", "只", "株", "棵", "间", "栋", "幢", "张", "本", "期", "类",
    "起", "宗", "份", "篇", "部", "支", "队", "组", "村", "镇", "乡", "社区", "单位", "企业", "亿元",
    "万元", "千元", "万人", "万户", "万亩", "万吨", "公斤", "kg", "km", "%", "‰", "倍", "岁", "天",
    "年", "月", "日", "小时", "分钟", "所", "节", "轮", "点", "方面", "方", "种", "门", "颗", "口", "眼", "段",
)  # fmt: skip

_ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_CHINESE = rf"[{CHINESE_NUMERAL_CHARS}]+"
_UNIT_ALTERNATION = "|".join(sorted({regex.escape(u) for u in UNITS}, key=len, reverse=True))
_APPROX_BEFORE_ALT = "|".join(sorted(APPROX_BEFORE, key=len, reverse=True))
_APPROX_AFTER_ALT = "|".join(sorted(APPROX_AFTER, key=len, reverse=True))

# A number is Arabic digits (optionally followed by 万/亿) or a run of Chinese
# numerals. Possessive/atomic groups keep matching linear on long lines.
QUANTITY_RE = regex.compile(
    rf"""
    (?P<before>(?:{_APPROX_BEFORE_ALT}))?
    (?P<number>(?>{_ARABIC})(?:[万亿]+)?|(?>{_CHINESE}))
    (?P<after1>(?:{_APPROX_AFTER_ALT}))?
    (?P<unit>(?:{_UNIT_ALTERNATION}))?
    (?P<after2>(?:{_APPROX_AFTER_ALT}))?
    """,
    regex.VERBOSE,
)


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
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
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
        else:
            raise NumberFormatError(text)
    return total + section + (digit or 0)


def parse_number(text: str) -> float:
    """Parse Arabic (with 万/亿 suffix and thousands separators) or Chinese numerals."""
    text = text.strip()
    match = regex.fullmatch(rf"({_ARABIC})([万亿]*)", text)
    if match:
        value = float(match.group(1).replace(",", "").replace("，", ""))
        for ch in match.group(2):
            value *= BIG_UNITS[ch]
        return value
    return float(parse_chinese_int(text))


def normalise_unit(unit: str | None) -> tuple[str | None, float]:
    """Split a scale prefix off a unit: 万元 -> (元, 1e4), 亿元 -> (元, 1e8), 个 -> (个, 1)."""
    if not unit:
        return None, 1.0
    if len(unit) > 1 and unit[0] in "万亿千" and unit not in ("千米", "千克", "千瓦时", "万千瓦"):
        scale = {"万": 1e4, "亿": 1e8, "千": 1e3}[unit[0]]
        return unit[1:], scale
    return unit, 1.0


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """All numbers in ``text`` with units and approximation words; offsets are shifted by ``offset``."""
    found: list[Quantity] = []
    for match in QUANTITY_RE.finditer(text):
        number = match.group("number")
        if not number:
            continue
        chinese = not number[0].isdigit()
        if chinese and not match.group("unit"):
            # A bare Chinese numeral is usually part of a word (一体化, 统一).
            continue
        try:
            value = parse_number(number)
        except NumberFormatError:
            continue
        unit, scale = normalise_unit(match.group("unit"))
        found.append(
            Quantity(
                start=offset + match.start(),
                end=offset + match.end(),
                text=match.group(0),
                value=value * scale,
                unit=unit,
                written_unit=match.group("unit"),
                approximate=bool(match.group("before") or match.group("after1") or match.group("after2")),
                chinese=chinese,
            )
        )
    return found
