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
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from reportlint import patterns
from reportlint.document import QUOTE_MARK_RE, QUOTE_PAIRS, quote_spans
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
_HEADING_RE = patterns.compile(
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
_SERIES_AFTER_RE = patterns.compile(_SERIES)
_ARABIC_SERIES_AFTER_RE = patterns.compile(r"[\d０-９]")

# Where an in-prose list marker may begin: paragraph start or after a clause mark.
_CLAUSE_BEFORE = "。；;，,：:！？!?\\s\u3000"
# The patterns below run over the whole document text (one scan per pattern, not several per
# paragraph), so "paragraph start" cannot be ``^``: it is allowed after any character that may
# precede a paragraph start (a line break and the blanks are whitespace; BOM and Markdown's ">"
# are not), and find_markers then rejects those matches that do not stand at a paragraph start.
_PARAGRAPH_LEAD = "\ufeff>"
_CLAUSE_START = rf"(?:^|(?<=[{_CLAUSE_BEFORE}{_PARAGRAPH_LEAD}]))"

# 一是 / 二是 inside prose, at a sentence or clause start.
_SHI_RE = patterns.compile(rf"{_CLAUSE_START}(?P<num>[{CN}]{{1,3}})是(?!(?P=num)[、，,；;])")

# 第一，第二： inside prose (not 第一书记, 第一产业, 排名第一).
_DI_RE = patterns.compile(rf"{_CLAUSE_START}第(?P<num>[{CN}]{{1,3}})(?P<punct>[，,、：:])(?![{CN}][、，,])")

# 其一，其二： inside prose (not 其一生, 其二者).
_QI_RE = patterns.compile(rf"{_CLAUSE_START}其(?P<num>[{CN}]{{1,3}})(?P<punct>[，,、：:；;。])")

# 第一部分 / 第二篇 / 第三章 at a clause start, before a mark, a blank or the paragraph end (not 详见第三部分).
# (After a paragraph's end come its trailing blanks, a line break or the text's end: a BOM is the
# one blank that is not whitespace, so a BOM inside the paragraph is rejected by find_markers.)
_PART_AFTER = "，,、：:；;。\\s\u3000"
_PART_RE = patterns.compile(
    rf"{_CLAUSE_START}第(?P<num>[{CN}]{{1,3}})(?P<punct>部分|篇|章)(?=[{_PART_AFTER}\ufeff]|$)"
)

# （1）…；（2）…, ①…②… and （一）…；（二）… inside a paragraph (never at its start), after a clause mark;
# 一、…；二、… and 1.…；2.… only after a colon, semicolon or full stop, and never as a
# series (一、二级公路；1、2月份；3.5万).
# One pattern per form, each holding one literal character the regex engine searches for fast
# (a character class there costs a test at every position). No two forms match at one offset,
# and no match holds a clause mark, so the forms' matches never overlap. The look-behind that
# checks the character before the marker stands after the marker's first character, or in front
# of the literal 、 (capturing the numeral).
_AFTER_CLAUSE = f"[{_CLAUSE_BEFORE}]"
_AFTER_LIST_MARK = "[：:；;。]"
_INLINE_PAREN = (
    rf"(?<={_AFTER_CLAUSE}.)"
    rf"(?:(?P<num>\d{{1,2}})(?P<close>[）)])(?!{_NAMED_BY_NUMBER})|(?P<cnum>[{CN}]{{1,3}})(?P<cclose>[）)]))"
)
# Each with a character all its matches hold: a text without it is not scanned.
_INLINE_FORMS: tuple[tuple[str, str, regex.Pattern[str]], ...] = (
    # （1） and （一）; (1) and (一).
    ("paren", "（", patterns.compile(rf"(?P<open>（){_INLINE_PAREN}")),
    ("paren", "(", patterns.compile(rf"(?P<open>\(){_INLINE_PAREN}")),
    # ② (CIRCLED is one block of code points: a range is tested much faster than a list).
    (
        "inline-circled",
        "",
        patterns.compile(rf"[{CIRCLED[0]}-{CIRCLED[-1]}](?<={_AFTER_CLAUSE}.)(?!{_NAMED_BY_NUMBER})"),
    ),
    # 2）加强 and 2)加强.
    (
        "inline-half",
        "）",
        patterns.compile(
            rf"(?P<num>\d(?<={_AFTER_CLAUSE}.)\d?)(?P<close>）)(?=\p{{Han}})(?!{_NAMED_BY_NUMBER})"
        ),
    ),
    (
        "inline-half",
        ")",
        patterns.compile(
            rf"(?P<num>\d(?<={_AFTER_CLAUSE}.)\d?)(?P<close>\))(?=\p{{Han}})(?!{_NAMED_BY_NUMBER})"
        ),
    ),
    # ；2.加强 and ；2．加强.
    (
        "inline-arabic",
        ".",
        patterns.compile(rf"(?P<num>\d(?<={_AFTER_LIST_MARK}.)\d?)(?P<close>\.)(?=\p{{Han}})"),
    ),
    (
        "inline-arabic",
        "．",
        patterns.compile(rf"(?P<num>\d(?<={_AFTER_LIST_MARK}.)\d?)(?P<close>．)(?=\p{{Han}})"),
    ),
    # ；2、加强 and ；二、加强 (not 一、二级: see _SERIES_AFTER_RE in _inline_markers).
    (
        "enumeration-comma",
        "、",
        patterns.compile(
            rf"(?<={_AFTER_LIST_MARK}(?:(?P<num>\d{{1,2}})|(?P<cnum>[{CN}]{{1,3}})))(?P<close>、)(?=\p{{Han}})"
        ),
    ),
)


def _after_list_mark(close: str, numerals: tuple[str, ...]) -> re.Pattern[str]:
    """``close`` right after a list mark and one of ``numerals`` (each a class sequence of fixed width)."""
    mark = re.escape(close)
    return re.compile(mark + "(?:" + "|".join(f"(?<={_AFTER_LIST_MARK}{n}{mark})" for n in numerals) + ")")


# Forms whose matches are rare but whose literal is common (、 and . are in most texts): a text
# is scanned with the form's pattern only where this finds a candidate. Each finds the literal
# after a list mark and the numerals the pattern allows (a superset of its matches: no Han test
# after). Standard library ``re``: a literal then look-behinds of plain classes (no backtracking),
# about twice as fast as the ``regex`` pattern here.
_INLINE_CANDIDATES: dict[str, re.Pattern[str]] = {
    ".": _after_list_mark(".", (r"\d", r"\d\d")),
    "．": _after_list_mark("．", (r"\d", r"\d\d")),
    "、": _after_list_mark("、", (rf"[\d{CN}]", r"\d\d", f"[{CN}]{{2}}", f"[{CN}]{{3}}")),
}


# A table row: cells separated by tabs or bars.
_TABLE_MARKS = "\t|│┃"  # (the substring tests in _Scan._table_rows spell them out)
_TABLE_ROW_RE = patterns.compile(f"[{_TABLE_MARKS}]")


_set_attribute = object.__setattr__


# init=False: the __init__ below fills the fields at once; the frozen dataclass's own one sets
# them one by one through object.__setattr__, twice as slow, and markers are made by the thousand.
@dataclass(frozen=True, init=False)
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

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        value: int,
        paragraph: int,
        at_paragraph_start: bool,
        style: str,
    ) -> None:
        fields = {
            "start": start,
            "end": end,
            "text": text,
            "kind": kind,
            "value": value,
            "paragraph": paragraph,
            "at_paragraph_start": at_paragraph_start,
            "style": style,
        }
        _set_attribute(self, "__dict__", fields)

    @property
    def level(self) -> int | None:
        """Heading level per GB/T 9704 (1-4); None for in-prose lists and circled numbers."""
        return {"chinese": 1, "chinese-paren": 2, "arabic": 3, "arabic-paren": 4}.get(self.kind)

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_KINDS


def _heading_marker(match: regex.Match[str], text: str, base: int, paragraph: int) -> Marker | None:
    """The heading marker ``match`` (of _HEADING_RE at the start of paragraph ``text``) holds, if any."""
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
    end = match.end()
    # Followed by more of a series (一、二、三产业; 1、2月份) it is no heading.
    series = _ARABIC_SERIES_AFTER_RE if arabic or half else _SERIES_AFTER_RE
    if series.match(text, end):
        return None
    value: int | None
    if chinese:
        kind, value, style = "chinese", chinese_value(chinese), cpunct
    elif cparen:
        kind, value, style = "chinese-paren", chinese_value(cparen), cpopen + cpclose
    elif arabic:
        kind, value, style = "arabic", int(arabic), apunct
    elif aparen:
        kind, value, style = "arabic-paren", int(aparen), apopen + apclose
    elif half:
        kind, value, style = "arabic-half", int(half), hclose
    else:
        kind, value, style = "circled", CIRCLED.index(circled) + 1, "circled"
    if value is None or value < 1:
        return None
    return Marker(base, base + end, text[:end], kind, value, paragraph, True, style)


_CHINESE_VALUES: dict[str, int | None] = {}


def chinese_value(numeral: str) -> int | None:
    """parse_chinese_int(numeral), or None when it is no number; remembered (markers repeat a few numerals)."""
    try:
        return _CHINESE_VALUES[numeral]
    except KeyError:
        pass
    try:
        value: int | None = parse_chinese_int(numeral)
    except NumberFormatError:
        value = None
    if len(_CHINESE_VALUES) < 4096:
        _CHINESE_VALUES[numeral] = value
    return value


class _Scan:
    """One document's text, its paragraphs and the per-paragraph facts the marker scans share.

    Every pattern match lies inside one paragraph (markers hold no blank and no line break), so
    its paragraph is found by a binary search over the paragraph starts.
    """

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.paragraphs = doc.paragraphs
        self.starts = doc.paragraph_starts
        self.table_rows = self._table_rows()
        # Per paragraph, on first use (is_quoted): its first quotation mark; how far its marks were
        # paired by _open_at and what was open there; its quoted spans, merged.
        self._first_marks: dict[int, int] = {}
        self._pairing: dict[int, tuple[int, list[str], bool]] = {}
        self._quoted: dict[int, tuple[list[int], list[int]]] = {}

    def _table_rows(self) -> set[int]:
        """Indices of the paragraphs holding a tab or a bar (a tab among a line's blanks does not count)."""
        rows: set[int] = set()
        text = self.text
        # Substring tests: much faster than a scan (and than any() over a generator).
        if not ("\t" in text or "|" in text or "│" in text or "┃" in text):
            return rows
        for match in _TABLE_ROW_RE.finditer(self.text):
            index = bisect.bisect_right(self.starts, match.start()) - 1
            if index >= 0 and match.start() < self.paragraphs[index].end:
                rows.add(index)
        return rows

    def is_quoted(self, index: int, offset: int) -> bool:
        """True when ``offset`` of paragraph ``index`` is inside quotation or title marks (as ``Document.quoted``).

        A quoted span begins after a mark: up to the first mark nothing is quoted (most markers,
        e.g. every one at a paragraph start, are answered without the spans), nor where every
        quotation before the offset is closed (_open_at). Otherwise the spans are computed once,
        merged, so a lookup is a binary search (deeply nested marks stay linear).
        """
        first = self._first_marks.get(index)
        if first is None:
            text = self.paragraphs[index].text
            found = QUOTE_MARK_RE.search(text)
            first = self._first_marks[index] = len(text) if found is None else found.start()
        if offset <= first or not self._open_at(index, offset):
            return False
        spans = self._quoted.get(index)
        if spans is None:
            spans = self._quoted[index] = _merged_quote_spans(self.paragraphs[index].text)
        starts, ends = spans
        at = bisect.bisect_right(starts, offset) - 1
        return at >= 0 and offset < ends[at]

    def _open_at(self, index: int, offset: int) -> bool:
        """True when a quotation is open at ``offset`` of paragraph ``index`` (pairing the marks
        before it as quote_spans does). Nothing open: nothing quoted there, whatever follows.

        Offsets are asked in increasing order per scan: the pairing goes on from the last one.
        """
        upto, closers, straight = self._pairing.get(index, (0, [], False))
        if offset < upto:
            upto, closers, straight = 0, [], False
        for mark in QUOTE_MARK_RE.finditer(self.paragraphs[index].text, upto, offset):
            char = mark.group()
            if char in QUOTE_PAIRS:
                closers.append(QUOTE_PAIRS[char])
            elif closers and char == closers[-1]:
                closers.pop()
            elif char == '"':
                straight = not straight
        self._pairing[index] = (offset, closers, straight)
        return straight or bool(closers)


def _merged_quote_spans(text: str) -> tuple[list[int], list[int]]:
    """The union of ``quote_spans(text)`` as disjoint sorted intervals: (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for begin, finish in sorted(quote_spans(text)):
        if begin >= finish:
            continue
        if ends and begin <= ends[-1]:
            ends[-1] = max(ends[-1], finish)
        else:
            starts.append(begin)
            ends.append(finish)
    return starts, ends


# The characters a heading may open with (what _HEADING_RE.match needs first), remembered per
# character so that most paragraphs are passed over without a regex call.
_HEADING_FIRST_RE = patterns.compile(rf"[{CN}（(\d{CIRCLED}]")
_HEADING_FIRST: dict[str, bool] = {}
_CHINESE_HEADING_MARKS = frozenset("、，,．.")  # one character each, as in _HEADING_RE
_AFTER_CHINESE_HEADING_NUMERAL = frozenset(CN) | _CHINESE_HEADING_MARKS
_ARABIC_HEADING_MARKS = frozenset(".．、")
_ASCII_DIGITS = frozenset("0123456789")
_CLOSING_BRACKETS = frozenset("）)")
_CN_DIGIT_VALUES = {numeral: value for value, numeral in enumerate(CN, 1)}


def _may_open_heading(char: str) -> bool:
    known = _HEADING_FIRST.get(char)
    if known is None:
        known = _HEADING_FIRST[char] = _HEADING_FIRST_RE.match(char) is not None
    return known


def _headings(scan: _Scan, found: list[Marker]) -> None:
    text, starts, paragraphs, table_rows = scan.text, scan.starts, scan.paragraphs, scan.table_rows
    append = found.append
    for index, start in enumerate(starts):
        first = text[start]
        opens = _HEADING_FIRST.get(first)
        if opens is None:
            opens = _may_open_heading(first)
        if not opens or index in table_rows:
            continue
        second = text[start + 1 : start + 2]
        if first in CN:
            # 一是……, 三年来……: a Chinese numeral opens a heading only before more numerals or its mark.
            if second not in _AFTER_CHINESE_HEADING_NUMERAL:
                continue
            if second in _CHINESE_HEADING_MARKS:
                # 一、: what _HEADING_RE's first branch matches (one numeral, then its mark).
                paragraph = paragraphs[index].text
                if _SERIES_AFTER_RE.match(paragraph, 2) is None:
                    append(Marker(start, start + 2, paragraph[:2], "chinese", _CN_DIGIT_VALUES[first],
                                  index, True, second))  # fmt: skip
                continue
        elif first in _ASCII_DIGITS and second in _ARABIC_HEADING_MARKS:
            # 1. / 1、: the arabic branch (after one digit comes its mark), unless a digit follows
            # the mark (1.5万); then no branch matches. Its series test is that very digit test.
            paragraph = paragraphs[index].text
            if first != "0" and _ARABIC_SERIES_AFTER_RE.match(paragraph, 2) is None:
                append(Marker(start, start + 2, paragraph[:2], "arabic", int(first), index, True, second))
            continue
        elif first in "（(" and second in CN and text[start + 2 : start + 3] in _CLOSING_BRACKETS:
            # （一）: the chinese-paren branch with one numeral.
            paragraph = paragraphs[index].text
            if _SERIES_AFTER_RE.match(paragraph, 3) is None:
                append(Marker(start, start + 3, paragraph[:3], "chinese-paren", _CN_DIGIT_VALUES[second],
                              index, True, first + paragraph[2]))  # fmt: skip
            continue
        paragraph = paragraphs[index].text
        heading = _HEADING_RE.match(paragraph)
        if heading is not None:
            marker = _heading_marker(heading, paragraph, start, index)
            if marker:
                append(marker)


def _inline_item(form: str, match: regex.Match[str], text: str) -> tuple[int, str, int, str] | None:
    """(start, kind, value, style) of the marker an _INLINE_FORMS match holds, None for a series (一、二级)."""
    if form == "inline-circled":
        return match.start(), form, CIRCLED.index(match.group()) + 1, "circled"
    number, close = match.group("num"), match.group("close")
    if form == "paren":
        if number:
            return match.start(), "inline-paren", int(number), match.group("open") + close
        style = match.group("open") + match.group("cclose")
        return match.start(), "inline-chinese-paren", parse_chinese_int(match.group("cnum")), style
    if number:
        return (
            match.start("num"),
            "inline-arabic" if form == "enumeration-comma" else form,
            int(number),
            close,
        )
    if _SERIES_AFTER_RE.match(text, match.end()):
        return None
    return match.start("cnum"), "inline-chinese", parse_chinese_int(match.group("cnum")), close


def _inline_markers(scan: _Scan) -> Iterator[Marker]:
    text, starts = scan.text, scan.starts
    for form, needs, pattern in _INLINE_FORMS:
        if needs not in text:
            continue
        candidates = _INLINE_CANDIDATES.get(needs)
        if candidates is not None and candidates.search(text) is None:
            continue
        for match in pattern.finditer(text):
            # （一） opening a paragraph is a heading, rejected below whatever it holds: told first,
            # from the start its item would have (the most common match of all).
            if form == "paren" and match.start() == starts[bisect.bisect_right(starts, match.start()) - 1]:
                continue
            try:
                item = _inline_item(form, match, text)
            except NumberFormatError:
                continue
            if item is None:
                continue
            start, kind, value, style = item
            index = bisect.bisect_right(starts, start) - 1
            local = start - starts[index]
            # The look-behind saw the blank or line break before the paragraph: no marker there.
            if local == 0 or index in scan.table_rows or scan.is_quoted(index, local) or value < 1:
                continue
            end = match.end()
            yield Marker(start, end, text[start:end], kind, value, index, False, style)


def _prose_markers(scan: _Scan, pattern: regex.Pattern[str], kind: str) -> Iterator[Marker]:
    """In-prose list markers 第一， and 其一， (marker text without the punctuation) and 第一部分
    (一是: _shi_markers). find_markers scans only a text holding 第 (or 其), which all their matches hold."""
    text, starts, table_rows = scan.text, scan.starts, scan.table_rows
    for match in pattern.finditer(text):
        start, end = match.span()
        index = bisect.bisect_right(starts, start) - 1
        local = start - starts[index]
        # Inside a paragraph only a clause mark may come before the marker (see _CLAUSE_START);
        # nothing is quoted at the paragraph start.
        if local and (text[start - 1] in _PARAGRAPH_LEAD or scan.is_quoted(index, local)):
            continue
        value = chinese_value(match.group("num"))
        if value is None or index in table_rows:
            continue
        if kind == "part":  # 第三部分: the unit word is part of the marker and is its style
            # Before a BOM only at the paragraph end (see _PART_RE).
            if text[end : end + 1] == "\ufeff" and end < scan.paragraphs[index].end:
                continue
            marker_text, style = match.group(), match.group("punct")
        else:
            end = match.end("num")
            marker_text, style = text[start:end], match.group("punct")
        yield Marker(start, end, marker_text, kind, value, index, local == 0, style)


def _shi_markers(scan: _Scan, found: list[Marker]) -> None:
    """一是 markers: _prose_markers for the commonest form (thousands per corpus), without its branches."""
    text, starts, table_rows = scan.text, scan.starts, scan.table_rows
    paragraph_of = bisect.bisect_right
    values = _SHI_VALUES
    append = found.append
    for match in _SHI_RE.finditer(text):
        start, end = match.span()
        index = paragraph_of(starts, start) - 1
        local = start - starts[index]
        if local and (text[start - 1] in _PARAGRAPH_LEAD or scan.is_quoted(index, local)):
            continue
        marker_text = text[start:end]
        value = values.get(marker_text, -1)
        if value == -1:
            value = chinese_value(marker_text[:-1])
        if value is None or (table_rows and index in table_rows):
            continue
        append(Marker(start, end, marker_text, "shi", value, index, local == 0, "是"))


# 一是 … 十是: the marker texts of most 是-items, with their values (others: chinese_value).
_SHI_VALUES: dict[str, int | None] = {f"{numeral}是": value for value, numeral in enumerate(CN, 1)}
_BY_START = operator.attrgetter("start")


def find_markers(doc: Document) -> list[Marker]:
    if not doc.paragraphs:
        return []
    scan = _Scan(doc)
    markers: list[Marker] = []
    _headings(scan, markers)
    text = scan.text
    if "是" in text:
        _shi_markers(scan, markers)
    if "第" in text:
        markers.extend(_prose_markers(scan, _DI_RE, "di"))
        markers.extend(_prose_markers(scan, _PART_RE, "part"))
    if "其" in text:
        markers.extend(_prose_markers(scan, _QI_RE, "qi"))
    markers.extend(_inline_markers(scan))
    # Two markers never start at one offset: document order is the order of the starts.
    markers.sort(key=_BY_START)
    return markers
