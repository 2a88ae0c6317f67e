"""Numbering markers of headings and in-prose lists.

GB/T 9704—2012 7.3.3 orders headings 一、 → （一） → 1. → （1）; report prose
adds 一是、二是 and 第一，第二 lists, and parts 第一部分、第二部分. Markers are found once per document and
shared (``Document.markers``).

What is *not* a marker: numerals inside quotation or title marks (“一是…”
《…》), series such as 一、二、三产业 or 1、2月份, decimals and section ids
(1.5万, 3.1), 统一是 / 唯一是 (the numeral is part of a word), the idiom
一是一、二是二, and numbers in table rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from reportlint.document import QUOTE_MARK_RE, quote_spans
from reportlint.numbers import NumberFormatError, parse_chinese_int

if TYPE_CHECKING:
    from reportlint.document import Document

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Kinds, outermost first (GB/T 9704 levels 1-4, then circled numbers).
# "arabic-half" is 1）/ 1) with no opening bracket, a drafting habit below or instead of （1）.
HEADING_KINDS = ("chinese", "chinese-paren", "arabic", "arabic-paren", "arabic-half", "circled")
LIST_KINDS = (
    "shi",
    "di",
    "qi",
    "part",
    "inline-chinese",
    "inline-chinese-paren",
    "inline-arabic",
    "inline-paren",
    "inline-half",
    "inline-circled",
)

# After ③ or （2）: a name, not an item (③号楼、地铁②号线、（2）班).
_NAMED_BY_NUMBER = "[号#＃栋楼线班]|标段"

# Heading markers at the start of a paragraph.
_HEADING_RE = regex.compile(
    rf"""
      (?P<chinese>[{CN}]{{1,3}})(?P<cpunct>[、，,．.])
    | (?P<cpopen>[（(])(?P<cparen>[{CN}]{{1,3}})(?P<cpclose>[）)])
    | (?P<arabic>\d{{1,2}})(?P<apunct>[.．、](?![\d０-９]))
    | (?P<apopen>[（(])(?P<aparen>\d{{1,2}})(?P<apclose>[）)])
    | (?P<half>\d{{1,2}})(?P<hclose>[）)])(?!{_NAMED_BY_NUMBER})
    | (?P<circled>[{CIRCLED}])(?!{_NAMED_BY_NUMBER})
    """,
    regex.VERBOSE,
)

# After a marker: text that shows the numeral is part of a series, not a heading
# (一、二、三产业；一、二季度；一、二级公路；1、2月份；1.5万 is excluded by the pattern itself).
_SERIES = rf"[{CN}]{{1,2}}(?:[、，,和至到]|季度|产业|级|年级|等|类|档|月)"
_SERIES_AFTER_RE = regex.compile(_SERIES)
_ARABIC_SERIES_AFTER_RE = regex.compile(r"[\d０-９]")

# Where an in-prose list marker may begin: paragraph start or after a clause mark.
_CLAUSE_BEFORE = "。；;，,：:！？!?\\s\u3000"

# 一是 / 二是 inside prose, at a sentence or clause start.
_SHI_RE = regex.compile(rf"(?:^|(?<=[{_CLAUSE_BEFORE}]))(?P<num>[{CN}]{{1,3}})是(?!(?P=num)[、，,；;])")

# 第一，第二： inside prose (not 第一书记, 第一产业, 排名第一).
_DI_RE = regex.compile(
    rf"(?:^|(?<=[{_CLAUSE_BEFORE}]))第(?P<num>[{CN}]{{1,3}})(?P<punct>[，,、：:])(?![{CN}][、，,])"
)

# 其一，其二： inside prose (not 其一生, 其二者).
_QI_RE = regex.compile(rf"(?:^|(?<=[{_CLAUSE_BEFORE}]))其(?P<num>[{CN}]{{1,3}})(?P<punct>[，,、：:；;。])")

# 第一部分 / 第二篇 / 第三章 at a clause start, before a mark, a blank or the line end (not 详见第三部分).
_PART_RE = regex.compile(
    rf"(?:^|(?<=[{_CLAUSE_BEFORE}]))第(?P<num>[{CN}]{{1,3}})(?P<punct>部分|篇|章)(?=[，,、：:；;。\s\u3000]|$)"
)

# （1）…；（2）…, ①…②… and （一）…；（二）… inside a paragraph, after a clause mark;
# 一、…；二、… and 1.…；2.… only after a colon, semicolon or full stop, and never as a
# series (一、二级公路；1、2月份；3.5万).
_INLINE_RE = regex.compile(
    rf"""
    (?<=[{_CLAUSE_BEFORE}])
    (?:
        (?P<open>[（(])(?P<num>\d{{1,2}})(?P<close>[）)])(?!{_NAMED_BY_NUMBER})
      | (?P<circled>[{CIRCLED}])(?!{_NAMED_BY_NUMBER})
      | (?P<copen>[（(])(?P<cnum>[{CN}]{{1,3}})(?P<cclose>[）)])
      | (?P<hnum>\d{{1,2}})(?P<hclose>[）)])(?=\p{{Han}})(?!{_NAMED_BY_NUMBER})
    )
    | (?<=[：:；;。])
    (?:
        (?P<anum>\d{{1,2}})(?P<apunct>[.．、])(?=\p{{Han}})
      | (?P<chinese>[{CN}]{{1,3}})、(?=\p{{Han}})(?!{_SERIES})
    )
    """,
    regex.VERBOSE,
)

# A table row: cells separated by tabs or bars.
_TABLE_ROW_RE = regex.compile(r"\t|[|│┃]")


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    text: str
    # Headings at a paragraph start: chinese, chinese-paren, arabic, arabic-paren, arabic-half (1）), circled.
    # In-prose lists: shi (一是), di (第一，), qi (其一，), part (第一部分), inline-chinese (；二、), inline-chinese-paren (；（二）),
    # inline-arabic (；2.), inline-paren (；（2）), inline-half (；2）), inline-circled (；②).
    kind: str
    value: int
    paragraph: int  # index into Document.paragraphs
    at_paragraph_start: bool
    style: str  # the exact punctuation form, e.g. "、", "（）", "()", ".", "．", "是", "，"

    @property
    def level(self) -> int | None:
        """Heading level per GB/T 9704 (1-4); None for in-prose lists and circled numbers."""
        return {"chinese": 1, "chinese-paren": 2, "arabic": 3, "arabic-paren": 4}.get(self.kind)

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_KINDS


_new = object.__new__
_set = object.__setattr__


def _marker(
    start: int,
    end: int,
    text: str,
    kind: str,
    value: int,
    paragraph: int,
    at_paragraph_start: bool,
    style: str,
) -> Marker:
    """Marker(...) without the frozen dataclass's per-field __setattr__ (the same object)."""
    marker = _new(Marker)
    _set(
        marker,
        "__dict__",
        {
            "start": start,
            "end": end,
            "text": text,
            "kind": kind,
            "value": value,
            "paragraph": paragraph,
            "at_paragraph_start": at_paragraph_start,
            "style": style,
        },
    )
    return marker


def _heading_marker(match: regex.Match[str], base: int, paragraph: int) -> Marker | None:
    # One tuple instead of a group lookup per name (the order of _HEADING_RE's groups).
    (
        chinese,
        cpunct,
        cpopen,
        cparen,
        cpclose,
        arabic,
        apunct,
        apopen,
        aparen,
        apclose,
        half,
        hclose,
        circled,
    ) = match.groups()
    try:
        if chinese:
            kind, value, style = "chinese", parse_chinese_int(chinese), cpunct
        elif cparen:
            kind, value, style = "chinese-paren", parse_chinese_int(cparen), cpopen + cpclose
        elif arabic:
            kind, value, style = "arabic", int(arabic), apunct
        elif aparen:
            kind, value, style = "arabic-paren", int(aparen), apopen + apclose
        elif half:
            kind, value, style = "arabic-half", int(half), hclose
        else:
            kind, value, style = "circled", CIRCLED.index(circled) + 1, "circled"
    except (NumberFormatError, ValueError):
        return None
    if value < 1:
        return None
    return _marker(
        base + match.start(), base + match.end(), match.group(0), kind, value, paragraph, True, style
    )


class _Quoted:
    """Offsets inside paired quotation or title marks of one paragraph (as ``Document.quoted``).

    Computed per paragraph and only for paragraphs holding a candidate marker: the
    quotation marks are found by one regex scan and the quoted spans merged, so a
    lookup is a binary search (no per-character work; deeply nested marks stay linear).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._first_mark: int | None = None
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def __contains__(self, offset: int) -> bool:
        # A quoted span begins after a mark: up to the first mark nothing is quoted (most
        # candidates, e.g. every one at the paragraph start, are answered without the spans).
        if self._first_mark is None:
            first = QUOTE_MARK_RE.search(self._text)
            self._first_mark = len(self._text) if first is None else first.start()
        if offset <= self._first_mark:
            return False
        if self._starts is None:
            self._compute()
        assert self._starts is not None
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def _compute(self) -> None:
        spans = quote_spans(self._text)
        # The union of the spans, as disjoint sorted intervals.
        starts: list[int] = []
        ends: list[int] = []
        for begin, finish in sorted(spans):
            if begin >= finish:
                continue
            if ends and begin <= ends[-1]:
                ends[-1] = max(ends[-1], finish)
            else:
                starts.append(begin)
                ends.append(finish)
        self._starts, self._ends = starts, ends


def _inline_markers(text: str, base: int, paragraph: int, quoted: _Quoted) -> list[Marker]:
    result: list[Marker] = []
    for match in _INLINE_RE.finditer(text, 1):
        start = base + match.start()
        if match.start() in quoted:
            continue
        try:
            if match.group("circled"):
                kind, value, style = "inline-circled", CIRCLED.index(match.group("circled")) + 1, "circled"
            elif match.group("num"):
                kind, value = "inline-paren", int(match.group("num"))
                style = match.group("open") + match.group("close")
            elif match.group("hnum"):
                kind, value, style = "inline-half", int(match.group("hnum")), match.group("hclose")
            elif match.group("cnum"):
                kind, value = "inline-chinese-paren", parse_chinese_int(match.group("cnum"))
                style = match.group("copen") + match.group("cclose")
            elif match.group("anum"):
                kind, value, style = "inline-arabic", int(match.group("anum")), match.group("apunct")
            else:
                kind, value, style = "inline-chinese", parse_chinese_int(match.group("chinese")), "、"
        except NumberFormatError:
            continue
        if value >= 1:
            result.append(
                _marker(start, base + match.end(), match.group(0), kind, value, paragraph, False, style)
            )
    return result


# In-prose list forms: 一是 (marker text "一是"), 第一， and 其一， (marker text without the punctuation).
# Each with a character its matches contain (a fast substring test) and a cheap pattern every
# match contains (a scan without look-behinds): most paragraphs are skipped by one or the other.
_PROSE_LISTS: tuple[tuple[regex.Pattern[str], str, str, str, regex.Pattern[str]], ...] = (
    (_SHI_RE, "shi", "", "是", regex.compile(f"[{CN}]是")),
    (_DI_RE, "di", "第", "第", regex.compile(f"第[{CN}]")),
    (_QI_RE, "qi", "其", "其", regex.compile(f"其[{CN}]")),
    (_PART_RE, "part", "第", "第", regex.compile(f"第[{CN}]")),
)
# Every match of _INLINE_RE has a clause mark, then the marker's first character.
_INLINE_CANDIDATE_RE = regex.compile(rf"[{_CLAUSE_BEFORE}][（(\d{CIRCLED}{CN}]")


def _prose_markers(
    pattern: regex.Pattern[str], kind: str, prefix: str, text: str, base: int, paragraph: int, quoted: _Quoted
) -> Iterator[Marker]:
    for match in pattern.finditer(text):
        match_start = match.start()
        if match_start and match_start in quoted:  # nothing is quoted at the paragraph start
            continue
        num = match.group("num")
        try:
            value = parse_chinese_int(num)
        except NumberFormatError:
            continue
        if kind == "shi":  # the marker starts at the numeral and includes 是
            start, end, marker_text, style = match.start("num"), match.end(), match.group(0), "是"
        elif kind == "part":  # 第三部分: the unit word is part of the marker and is its style
            start, end, marker_text, style = match_start, match.end(), match.group(0), match.group("punct")
        else:
            start, end = match_start, match.end("num")
            marker_text, style = prefix + num, match.group("punct")
        yield _marker(base + start, base + end, marker_text, kind, value, paragraph, start == 0, style)


def find_markers(doc: Document) -> list[Marker]:
    markers: list[Marker] = []
    for paragraph in doc.paragraphs:
        text = paragraph.text
        quoted = _Quoted(text)
        if _TABLE_ROW_RE.search(text):
            continue
        heading = _HEADING_RE.match(text)
        arabic = heading is not None and (heading.group("arabic") or heading.group("half"))
        series = _ARABIC_SERIES_AFTER_RE if arabic else _SERIES_AFTER_RE
        if heading and not series.match(text, heading.end()):
            marker = _heading_marker(heading, paragraph.start, paragraph.index)
            if marker:
                markers.append(marker)
        for pattern, kind, prefix, needs, candidate in _PROSE_LISTS:
            if needs not in text or not candidate.search(text):
                continue
            markers.extend(
                _prose_markers(pattern, kind, prefix, text, paragraph.start, paragraph.index, quoted)
            )
        if _INLINE_CANDIDATE_RE.search(text):
            markers.extend(_inline_markers(text, paragraph.start, paragraph.index, quoted))
    markers.sort(key=lambda m: m.start)
    return markers
