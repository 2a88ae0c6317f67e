"""Rule section-numbering (RL301)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import regex

from reportlint import patterns
from reportlint.document import Document, Paragraph
from reportlint.numbering import CIRCLED, CN, HEADING_KINDS, LIST_KINDS, Marker
from reportlint.rule import Applicability, Finding, Fix, Rule, Severity

_LEVEL_NAMES = {
    "chinese": "一级",
    "chinese-paren": "二级",
    "arabic": "三级",
    "arabic-paren": "四级",
    "arabic-half": "“1）”式",
    "circled": "带圈",
}
_COLONS = "：:"
_HEADING_KINDS = frozenset(HEADING_KINDS)
_RANK = {kind: i for i, kind in enumerate(HEADING_KINDS)}  # outermost first
_INLINE_KINDS = frozenset(kind for kind in LIST_KINDS if kind.startswith("inline-"))
_OUTLINED_KINDS = _HEADING_KINDS | _INLINE_KINDS
# A paragraph opening with ① or （1） and going on with ②、（2） inside it is one in-prose list.
_INLINE_OF = {
    "chinese": "inline-chinese",
    "chinese-paren": "inline-chinese-paren",
    "arabic": "inline-arabic",
    "arabic-paren": "inline-paren",
    "arabic-half": "inline-half",
    "circled": "inline-circled",
}
_SENTENCE_MARKS = "。！？!?；;"
_BARE_NUMERALS = "二三四五六七八九十"
# After a bare numeral these make no candidate (二是 is a marker; 三两、二十 are numbers). One character each.
_NOT_AFTER_BARE = frozenset(CN + "是两")
# How far before 二是 a first item written without 是 (一加强……) is looked for.
_FIRST_ITEM_REACH = 400
# List kinds that number parts above the heading outline (第一部分 … 一、… 第二部分): a heading does not end them.
_ABOVE_HEADINGS = frozenset({"part"})
_BELOW_HEADINGS = tuple(kind for kind in LIST_KINDS if kind not in _ABOVE_HEADINGS)
# In-prose list kinds whose items may each open a paragraph (一是……⏎二是……).
_PARAGRAPH_LIST_KINDS = ("shi", "di", "qi")
_SENTENCE_END_RE = patterns.compile(r"[。！？!?]")
# Lead-in clauses before a list ("今年以来，在优化营商环境方面，"): at most this long, in at most this many clauses.
_LEAD_IN_LENGTH = 60
_LEAD_IN_CLAUSES = 3
_LEAD_IN_BREAK_RE = patterns.compile(r"[，,；;：:]")
_CLAUSE_END_RE = patterns.compile(r"[。！？!?；;]")


def _last_sentence(text: str) -> str:
    """``_SENTENCE_END_RE.split(text)[-1]``: the text after the last 。！？!? (five fast searches from the end)."""
    return text[
        max(text.rfind("。"), text.rfind("！"), text.rfind("？"), text.rfind("!"), text.rfind("?")) + 1 :
    ]


def cn_numeral(value: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 23 -> 二十三 (values up to 99)."""
    if value <= 0 or value >= 100:
        return str(value)
    tens, units = divmod(value, 10)
    if tens == 0:
        return CN[units - 1]
    head = "" if tens == 1 else CN[tens - 1]
    return head + "十" + (CN[units - 1] if units else "")


def render(kind: str, value: int, style: str) -> str:
    """The marker text of ``value`` written like a marker of ``kind`` and ``style``."""
    if kind == "shi":
        return f"{cn_numeral(value)}是"
    if kind == "di":
        return f"第{cn_numeral(value)}"
    if kind == "qi":
        return f"其{cn_numeral(value)}"
    if kind == "part":
        return f"第{cn_numeral(value)}{style}"
    if kind in ("chinese", "inline-chinese"):
        return f"{cn_numeral(value)}{style}"
    if kind in ("chinese-paren", "inline-chinese-paren"):
        return f"{style[0]}{cn_numeral(value)}{style[1]}"
    if kind in ("arabic", "inline-arabic"):
        return f"{value}{style}"
    if kind in ("arabic-paren", "inline-paren"):
        return f"{style[0]}{value}{style[1]}"
    if kind in ("arabic-half", "inline-half"):
        return f"{value}{style}"
    return CIRCLED[value - 1] if 0 < value <= len(CIRCLED) else str(value)


def _swap_message(marker: Marker, later: Marker) -> str:
    """The message for ``marker`` written before ``later``, the item it should follow (三是……二是……)."""
    return (
        f"序号顺序颠倒：「{marker.text}」排在「{later.text}」之前，应先「{later.text}」后「{marker.text}」，"
        "请调换两项的位置或改正序号"
    )


class _MarkerIndex:
    """Lookups over one document's markers, each built on first use in one pass (instead of a
    scan of the markers per question)."""

    def __init__(self, doc: Document) -> None:
        self.markers = doc.markers
        self.paragraphs = doc.paragraphs
        self.paragraph_starts = doc.paragraph_starts
        self._list_paragraphs: dict[str, frozenset[int]] = {}

    @cached_property
    def heading_paragraphs(self) -> frozenset[int]:
        """Indices of paragraphs that start with a heading marker."""
        return frozenset(m.paragraph for m in self.markers if m.kind in _HEADING_KINDS)

    def list_paragraphs(self, kind: str) -> frozenset[int]:
        """Indices of paragraphs that start with a list marker of ``kind`` (一是……)."""
        found = self._list_paragraphs.get(kind)
        if found is None:
            found = frozenset(m.paragraph for m in self.markers if m.kind == kind and m.at_paragraph_start)
            self._list_paragraphs[kind] = found
        return found

    @cached_property
    def _by_kind(self) -> dict[str, tuple[list[int], list[Marker]]]:
        """Kind -> the starts and the markers of that kind, in document order."""
        result: dict[str, tuple[list[int], list[Marker]]] = {}
        for marker in self.markers:
            starts, found = result.setdefault(marker.kind, ([], []))
            starts.append(marker.start)
            found.append(marker)
        return result

    def next_of_kind(self, kind: str, offset: int) -> Marker | None:
        """The first marker of ``kind`` starting after ``offset``."""
        starts, found = self._by_kind.get(kind, ((), ()))
        index = bisect.bisect_right(starts, offset)
        return found[index] if index < len(found) else None

    @cached_property
    def _marker_starts(self) -> list[int]:
        return [m.start for m in self.markers]

    def next_same(self, start: int) -> Marker | None:
        """The next marker of the kind of the marker starting at ``start``; None when none starts there
        (to tell a swapped pair from a skip).

        Looked for from that marker on (most often the very next one): asked for a few markers of a
        document, this is cheaper than an index of all of them. Each query walks at most to the next
        marker of that kind, so all of them together walk the markers at most once per kind.
        """
        markers = self.markers
        at = bisect.bisect_left(self._marker_starts, start)
        if at == len(markers) or markers[at].start != start:
            return None
        kind = markers[at].kind
        for later in range(at + 1, len(markers)):
            if markers[later].kind == kind:
                return markers[later]
        return None


_LAST_INDEX: list[tuple[Document, _MarkerIndex]] = []


def _index(doc: Document) -> _MarkerIndex:
    """The marker index of ``doc`` (kept for the last document checked)."""
    if _LAST_INDEX and _LAST_INDEX[0][0] is doc:
        return _LAST_INDEX[0][1]
    index = _MarkerIndex(doc)
    _LAST_INDEX[:] = [(doc, index)]
    return index


def _heading_paragraphs(doc: Document) -> frozenset[int]:
    """Indices of paragraphs that start with a heading marker."""
    return _index(doc).heading_paragraphs


def _list_paragraphs(doc: Document, kind: str) -> frozenset[int]:
    """Indices of paragraphs that start with a list marker of ``kind`` (一是……)."""
    return _index(doc).list_paragraphs(kind)


@dataclass
class _Frame:
    """One open run of markers of one kind (a level of the outline, or one list)."""

    kind: str
    lasts: set[int]
    history: list[Marker] = field(default_factory=list)
    first: int = 1

    @property
    def expected(self) -> int:
        return max(self.lasts) + 1

    @property
    def style(self) -> str:
        return self.history[-1].style if self.history else "、"

    def accept(self, marker: Marker) -> None:
        self.lasts = {marker.value}
        self.history.append(marker)


def _innermost(stack: list[_Frame], kind: str, value: int) -> int | None:
    """The index of the innermost frame of ``kind`` holding ``value`` as its last number, or None."""
    for i in range(len(stack) - 1, -1, -1):
        frame = stack[i]
        if frame.kind == kind and value in frame.lasts:
            return i
    return None


def _opening_frame(heading: Marker) -> _Frame:
    """The frame of an in-prose list opened by ``heading`` (①……；②……), holding it as its first item."""
    inline = _INLINE_OF[heading.kind]
    frame = _Frame(inline, set(), first=heading.value)
    frame.accept(
        Marker(
            heading.start,
            heading.end,
            heading.text,
            inline,
            heading.value,
            heading.paragraph,
            True,
            heading.style,
        )
    )
    return frame


# Deeper nesting than this is not an outline any more; the oldest frames are dropped.
_MAX_DEPTH = 12


def _push(stack: list[_Frame], frame: _Frame) -> None:
    stack.append(frame)
    if len(stack) > _MAX_DEPTH:
        del stack[0]


def _renumber(marker: Marker, wanted: str, message: str, safe: bool) -> Finding:
    """A marker written in the wrong form or number, with the fix that rewrites it as ``wanted``.

    Width fixes (safe) keep the rule's default severity; renumbering (unsafe) is an error.
    """
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return Finding(
        marker.start,
        marker.end,
        message,
        suggestion=wanted,
        fix=Fix(marker.start, marker.end, wanted, applicability),
        severity=None if safe else Severity.ERROR,
    )


class SectionNumbering(Rule):
    """标题或列举序号跳号、重号或层级混用。

    作用：检查标题序号（一、→（一）→ 1. →（1））和正文中“一是、二是”“第一，第二，”“其一，其二，”
    及“：（一）…；（二）…”“①…②…”“1）…2）…”列举的编号：跳号（一、二、四、）、重号（一是、二是、二是）、
    两项顺序颠倒（一是、三是、二是，在先出现的「三是」处提示调换）、列举不从一开始（“以下几项工作。二是……”、
    “在优化营商环境方面，二是……；三是……”、全文从“（二）”开始）、标题重号而后文照常接续（一、一、三、，应为“二、”）、
    列举中途换用别的序号形式（一是、二是、3.）、“三是”漏写“是”（三加强……；首项“一加强……，二是……”）、
    “三是”漏写数字（一是……；二是……；是加强……）、一级标题漏写数字（二、……⏎、严格督查考核）、全文从带有下级标题的“二、”开始（缺少“一、”）、
    列举中途误写回“一是”（一是、二是、三是、一是、五是，应为“四是”）、“第一部分、第三部分”这类部分序号跳号、
    序列中混入别的序号形式（一、二、3、四、）、括号或标点宽度混用（（一）与(二)、1.与2、）、数字全角半角混用（1. 2. ３.），
    以及一级标题之后序号回到“二、”这类疑似漏写上一级标题的情况。新的上级标题之下重新从“一”编号、
    以冒号或“以下”引出的列举重新编号、从“九、”等靠后序号开始的节选，都是正确的；引号、书名号内的
    文字、“一、二、三产业”“一、二级公路”“统一是”“1.5万”“③号楼”等不是序号。

    为什么：GB/T 9704—2012 7.3.3 规定结构层次序数依次为“一、”“（一）”“1.”“（1）”。序号跳号、
    重号或层级错乱，读者无法判断内容归属，也是公文校对中最常见的硬伤之一。

    错误示例：
        一是抓班子。……
        二是强队伍。……
        三加强政务信息公开。……          （缺少“是”，应为“三是”）

        一是抓班子；二是强队伍；是加强政务信息公开。   （缺少数字，应为“三是”）

        一、党建引领铸魂固本……
        ……
        六、多元调处化解矛盾……
        二、存在的问题                    （疑似缺少上一级标题“一、上半年工作情况”）

    正确示例：
        一是抓班子。……二是强队伍。……三是加强政务信息公开。……

        三、下半年工作计划
        着重开展以下几个方面工作：
        一、固本强基……                   （冒号引出的列举重新编号）
    """

    code = "RL301"
    name = "section-numbering"
    severity = Severity.WARNING
    fixable = True
    authority = "GB/T 9704—2012 7.3.3"
    summary = "标题或列举序号跳号、重号或层级混用"
    data_file = "section_numbering.toml"

    def setup(self) -> None:
        self._enumeration_cues: list[str] = list(self.data.get("enumeration-cues", []))
        self._word_chars: set[str] = set(self.data.get("numeral-word-chars", []))
        # Tuples: str.startswith tests them all at once.
        self._numeral_words: tuple[str, ...] = tuple(
            sorted(self.data.get("numeral-words", []), key=len, reverse=True)
        )
        self._cue_exclusions: list[str] = sorted(self.data.get("cue-exclusions", []), key=len, reverse=True)
        self._first_item_words: list[str] = list(self.data.get("first-item-words", []))
        self._first_item_starts: tuple[str, ...] = tuple(self._first_item_words)
        count_words = "|".join(regex.escape(w) for w in self.data.get("enumeration-count-words", []))
        self._count_cue_re = (
            patterns.compile(rf"[两二三四五六七八九十几多]{{1,2}}个?(?:{count_words})")
            if count_words
            else None
        )
        self._number_below_re = patterns.compile(r"[\d０-９.%％]{1,12}\s{0,2}(?:以下|以上)")
        # For _announces: one search for all the cues, and a character every exclusion phrase holds
        # (a text without it holds none of them).
        cues = "|".join(regex.escape(cue) for cue in self._enumeration_cues)
        self._cue_re = patterns.compile(cues) if cues else None
        shared = set.intersection(*(set(p) for p in self._cue_exclusions)) if self._cue_exclusions else set()
        self._exclusion_char = min(shared) if shared else None
        self._one_word_chars: set[str] = self._word_chars | set(self.data.get("one-word-chars", []))
        self._bare_one_re = patterns.compile(rf"(?:^|(?<=[{_SENTENCE_MARKS}，,：:]))一(?P<next>\p{{Han}})")
        self._bare_re = patterns.compile(
            rf"(?:^|(?<=[{_SENTENCE_MARKS}]))(?P<num>[{_BARE_NUMERALS}])(?P<next>\p{{Han}})"
        )
        # "二、……⏎、严格督导考核": a first-level heading that lost its numeral.
        self._lost_heading_re = patterns.compile(r"、(?=\p{Han})")
        # "一是……；二是……；是加强……": an item of a 是-list that lost its numeral.
        self._lost_numeral_re = patterns.compile(rf"(?:^|(?<=[{_SENTENCE_MARKS}]))是(?=\p{{Han}})")
        # Both after a sentence mark, over the whole text: one scan per mark, each led by the mark as
        # a literal (what the regex engine searches fastest); the match is the mark alone. A numeral
        # before 是, 两 or another numeral is no candidate (_NOT_AFTER_BARE).
        # Each with its candidates: the standard library's engine finds the mark before a numeral or
        # 是 (a literal, then classes: no backtracking) about twice as fast; the pattern, which
        # wants a Chinese character after them too, then tells each candidate.
        self._after_mark_res = [
            (
                mark,
                re.compile(rf"{re.escape(mark)}(?=[{_BARE_NUMERALS}](?![{CN}是两])|是)"),
                patterns.compile(
                    rf"{regex.escape(mark)}(?=[{_BARE_NUMERALS}](?![{CN}是两])\p{{Han}}|是\p{{Han}})"
                ),
            )
            for mark in _SENTENCE_MARKS
        ]
        self._lost_numeral_exclusions: tuple[str, ...] = tuple(
            sorted(self.data.get("lost-numeral-exclusions", []), key=len, reverse=True)
        )

    # -- entry point -------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        markers = doc.markers
        if not markers:
            return []
        findings: list[Finding] = []
        consumed: set[int] = set()
        retyped_items: list[Marker] = []  # 三是 carrying on （一）（二）, as the heading it stands for
        findings.extend(self._check_lists(doc, markers, consumed, retyped_items))
        # Headings and in-prose items (①……；②……), the markers the outline and the style checks read.
        outlined = [m for m in markers if m.kind in _OUTLINED_KINDS]
        headings = [m for m in outlined if m.kind in _HEADING_KINDS and m.start not in consumed]
        lost = self._lost_heading_numerals(doc, headings)
        for finding, synthetic in lost:
            findings.append(finding)
            retyped_items.append(synthetic)
        # The outline: headings, list items standing for headings and lost headings (retyped_items),
        # and the in-prose items that carry on a heading's list (_with_inline_items reads no other).
        outline_markers = outlined
        if retyped_items:
            headings = sorted([*headings, *retyped_items], key=lambda m: m.start)
            outline_markers = sorted([*outlined, *retyped_items], key=lambda m: m.start)
        retyped: set[int] = set()
        findings.extend(self._check_outline(doc, self._with_inline_items(outline_markers, headings), retyped))
        findings.extend(self._check_styles(doc, outlined, retyped))
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def _lost_heading_numerals(
        self, doc: Document, headings: Sequence[Marker]
    ) -> list[tuple[Finding, Marker]]:
        """A paragraph opening with a bare 、 inside a run of 一、二、 headings: "二、……⏎、严格督导考核"."""
        result: list[tuple[Finding, Marker]] = []
        text = doc.text
        # (The paragraphs' first characters, as one string: most texts have no paragraph opening with 、.)
        if "、" not in "".join(map(text.__getitem__, _index(doc).paragraph_starts)):
            return result
        kind = HEADING_KINDS[0]
        for paragraph in doc.paragraphs:
            if paragraph.text[0] != "、" or self._lost_heading_re.match(paragraph.text) is None:
                continue
            before = [h for h in headings if h.kind == kind and h.start < paragraph.start]
            before += [m for _, m in result]
            if not before:
                continue
            last = max(before, key=lambda m: m.start)
            following = next((h for h in headings if h.kind == kind and h.start > paragraph.start), None)
            if following is not None and following.value == last.value + 1:
                continue  # the outline goes on at the expected number: no heading lost here
            wanted = render(kind, last.value + 1, last.style)
            synthetic = Marker(paragraph.start, paragraph.start + 1, wanted, kind, last.value + 1,
                               paragraph.index, True, last.style)  # fmt: skip
            preview = paragraph.text[:4]
            finding = Finding(
                paragraph.start, paragraph.start + 1,
                f"「{preview}…」缺少序数，前一个标题为「{last.text}」，应为「{wanted}」",
                suggestion=wanted,
                fix=Fix(paragraph.start, paragraph.start, wanted[:-1], Applicability.UNSAFE),
                severity=Severity.ERROR,
            )  # fmt: skip
            result.append((finding, synthetic))
        return result

    # -- helpers -------------------------------------------------------------------
    def _announces_enumeration(self, paragraph: Paragraph | None) -> bool:
        """True when ``paragraph`` introduces a list (ends with a colon, or says 以下/如下)."""
        if paragraph is None:
            return False
        return self._announces(paragraph.text)

    def _announces(self, text: str) -> bool:
        """True when ``text`` ends with a colon or its last sentence announces a list (以下/如下……)."""
        text = text.rstrip('”’" \u3000')
        if text and text[-1] in _COLONS:
            return True
        last = _last_sentence(text.rstrip("。！？!?；;"))
        if "以下" in last or "以上" in last:
            last = self._number_below_re.sub("", last)
        if self._exclusion_char is None or self._exclusion_char in last:
            for phrase in self._cue_exclusions:
                last = last.replace(phrase, "")
        if self._cue_re is not None and self._cue_re.search(last):
            return True
        return self._count_cue_re is not None and self._count_cue_re.search(last) is not None

    def _mentions_enumeration(self, paragraph: Paragraph | None) -> bool:
        """True when any sentence of ``paragraph`` announces a list ("执行下列十条方针。这些方针……")."""
        if paragraph is None:
            return False
        return any(self._announces(sentence) for sentence in _SENTENCE_END_RE.split(paragraph.text))

    def _names_first_item(self, text: str) -> bool:
        """True when ``text`` holds a word standing for a first item (首先、一方面……)."""
        return any(word in text for word in self._first_item_words)

    @staticmethod
    def _previous(doc: Document, marker: Marker) -> Paragraph | None:
        return doc.paragraphs[marker.paragraph - 1] if marker.paragraph > 0 else None

    @staticmethod
    def _heading_span(doc: Document, marker: Marker) -> tuple[int, int]:
        """The marker plus its heading title up to the first punctuation mark (at most 20 characters)."""
        paragraph = doc.paragraphs[marker.paragraph]
        end = marker.end
        limit = min(paragraph.end, marker.end + 20)
        while end < limit and doc.text[end] not in "。，,；;：:！？!?、（(“":
            end += 1
        return marker.start, end

    @staticmethod
    def _with_inline_items(markers: Sequence[Marker], headings: Sequence[Marker]) -> list[Marker]:
        """``headings`` plus the items ②③ that carry on a paragraph opened by ①, as headings of its kind.

        "①……；②……\n③……" numbers one list: the paragraph starting with ③ follows ②.
        """
        if not any(m.kind in _INLINE_KINDS for m in markers):
            return list(headings)  # (the loop below would keep the headings, in their order)
        keep = {m.start: m for m in headings}
        result: list[Marker] = []
        chain: tuple[int, str, str, int] | None = None  # paragraph, inline kind, heading kind, last value
        for marker in markers:
            # The marker, or a list item retyped as the heading it stands for.
            heading = keep.get(marker.start)
            if heading is not None:
                result.append(heading)
                inline = _INLINE_OF.get(heading.kind)
                chain = (heading.paragraph, inline, heading.kind, heading.value) if inline else None
            elif (
                chain is not None
                and marker.kind == chain[1]
                and marker.paragraph == chain[0]
                and marker.value == chain[3] + 1
            ):
                result.append(
                    Marker(marker.start, marker.end, marker.text, chain[2], marker.value,
                           marker.paragraph, False, marker.style)
                )  # fmt: skip
                chain = (chain[0], chain[1], chain[2], marker.value)
        return result

    # -- headings (一、（一）1.（1）①) -------------------------------------------
    @staticmethod
    def _item_before(doc: Document, marker: Marker) -> bool:
        """True when the paragraph before holds the item before ``marker`` inline ("附件：1.清单\n2.……")."""
        if marker.paragraph == 0 or not marker.at_paragraph_start:
            return False
        previous = doc.paragraphs[marker.paragraph - 1].text
        wanted = render(marker.kind, marker.value - 1, marker.style)
        at = previous.find(wanted)
        return at > 0 and previous[at - 1] in "：:，,；;。 \u3000"

    @staticmethod
    def _next_of(headings: Sequence[Marker], index: int, kinds: tuple[str, ...]) -> Marker | None:
        """The first heading after ``headings[index]`` whose kind is one of ``kinds``."""
        return next((headings[i] for i in range(index + 1, len(headings)) if headings[i].kind in kinds), None)

    @staticmethod
    def _sibling(headings: Sequence[Marker], index: int) -> Marker | None:
        """The next heading of the kind of ``headings[index]`` before any heading of a higher level."""
        kind = headings[index].kind
        for i in range(index + 1, len(headings)):
            later = headings[i]
            if later.kind == kind:
                return later
            if _RANK[later.kind] < _RANK[kind]:
                return None
        return None

    @staticmethod
    def _plainly_follows(stack: list[_Frame], kind: str, value: int, marker: Marker) -> bool:
        """Put heading ``marker`` on ``stack`` when it plainly goes on from the headings before it:
        the next number of the innermost level, or the first heading of a new level below it (as
        _check_outline would, where no check can find anything then). False: not done."""
        if stack:
            top = stack[-1]
            if top.kind == kind:
                if value - 1 in top.lasts:
                    top.accept(marker)
                    return True
                return False
            if value != 1 or _RANK[top.kind] > _RANK[kind] or any(f.kind == kind for f in stack):
                return False
        elif value != 1:
            return False
        frame = _Frame(kind, set())
        frame.accept(marker)
        _push(stack, frame)
        return True

    def _check_outline(
        self, doc: Document, headings: Sequence[Marker], retyped: set[int]
    ) -> Iterable[Finding]:
        rank = _RANK
        stack: list[_Frame] = []
        seen_parent_message = False
        swapped: set[int] = set()  # the second marker of a swapped pair (一、三、二、): already reported
        for index, marker in enumerate(headings):
            kind, value = marker.kind, marker.value
            if marker.start not in swapped and self._plainly_follows(stack, kind, value, marker):
                continue
            if marker.start in swapped:
                holder = _innermost(stack, kind, value)
                if holder is not None:
                    del stack[holder + 1 :]
                    stack[holder].history.append(marker)
                    continue
            matched = _innermost(stack, kind, value - 1)
            if matched is not None:
                del stack[matched + 1 :]
                stack[matched].accept(marker)
                continue
            # 一、二、3、四、: a marker of another kind carrying on the numbers of a series.
            host = next((i for i in range(len(stack) - 1, -1, -1)
                         if stack[i].kind not in (kind, "circled") and value - 1 in stack[i].lasts), None)  # fmt: skip
            if host is not None and kind != "circled" and value >= 2:
                frame = stack[host]
                following = self._next_of(headings, index, (frame.kind, kind))
                if following is not None and following.kind == frame.kind and following.value == value + 1:
                    previous = frame.history[-1]
                    wanted = render(frame.kind, value, frame.style)
                    yield _renumber(
                        marker,
                        wanted,
                        f"序号形式不一致：「{previous.text}」与「{following.text}」之间的「{marker.text}」应为「{wanted}」",
                        safe=False,
                    )
                    retyped.add(marker.start)
                    del stack[host + 1 :]
                    frame.accept(
                        Marker(marker.start, marker.end, wanted, frame.kind, value,
                               marker.paragraph, marker.at_paragraph_start, frame.style)
                    )  # fmt: skip
                    continue
            same = [i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == kind]
            # (Whether the paragraph before announces a list is asked last: it costs most.)
            if value == 1 and same:
                # 一、…一、…三、: a repeated 一、 after which the outline goes on as if it had been 二、.
                inner = stack[same[0]]
                sibling = self._sibling(headings, index)
                if (
                    sibling is not None
                    and sibling.value == inner.expected + 1
                    and 1 in {m.value for m in inner.history}
                    and not self._announces_enumeration(self._previous(doc, marker))
                ):
                    expected = inner.expected
                    del stack[same[0] + 1 :]
                    yield Finding(
                        marker.start, marker.end,
                        f"序号重复：前文已有「{marker.text}」，其后为「{sibling.text}」，"
                        f"此处应为「{render(kind, expected, marker.style)}」",
                        suggestion=render(kind, expected, marker.style),
                        fix=Fix(marker.start, marker.end, render(kind, expected, marker.style), Applicability.UNSAFE),
                        severity=Severity.ERROR,
                    )  # fmt: skip
                    inner.accept(marker)
                    inner.lasts.add(expected)
                    continue
            if value == 1:
                if (
                    not same
                    and stack
                    and rank[stack[-1].kind] > rank[kind]
                    and kind != "circled"
                    and "arabic-half" not in (kind, stack[-1].kind)
                    and not self._announces_enumeration(self._previous(doc, marker))
                    and not self._mentions_enumeration(self._previous(doc, marker))
                ):
                    parent = stack[-1]
                    yield Finding(
                        marker.start, marker.end,
                        f"标题层级颠倒：{_LEVEL_NAMES[kind]}标题「{marker.text}」出现在"
                        f"{_LEVEL_NAMES[parent.kind]}标题「{parent.history[-1].text}」之下，请按"
                        f"“一、→（一）→1.→（1）”的顺序使用序号",
                    )  # fmt: skip
                frame = _Frame(kind, set())
                frame.accept(marker)
                _push(stack, frame)
                continue
            if not same:
                # Under a parent heading, after a paragraph announcing a list, or as the first
                # heading of the text with its next sibling following (（二）……（三）……).
                has_parent = any(rank[f.kind] < rank[kind] for f in stack)
                # A text whose first heading is （二） followed by （三） has lost its first item;
                # one opening at 九、 or （五） is an excerpt of a longer outline.
                following = self._next_of(headings, index, (kind,))
                opens_text = index == 0 and value == 2 and following is not None and following.value == 3
                # "二、……⏎（一）……⏎（二）……" as the whole text: a full first-level part opening the text at
                # 二、 has lost 一、 (an excerpt of a single part opens further on, or is a lone item).
                opens_text = opens_text or (
                    index == 0
                    and value == 2
                    and kind == HEADING_KINDS[0]
                    and marker.paragraph == 0
                    and index + 2 < len(headings)
                    and all(rank[h.kind] > rank[kind] for h in headings[index + 1 : index + 3])
                )
                lost_first = (
                    has_parent
                    or opens_text
                    or (kind != "circled" and self._announces_enumeration(self._previous(doc, marker)))
                )
                if lost_first and not self._item_before(doc, marker):
                    prefix = "".join(render(kind, v, marker.style) for v in range(1, value))
                    yield Finding(
                        marker.start, marker.end,
                        f"序号未从头开始：「{marker.text}」之前缺少「{prefix}」，请补齐或改为「{render(kind, 1, marker.style)}」",
                    )  # fmt: skip
                frame = _Frame(kind, set(), first=value)
                frame.accept(marker)
                _push(stack, frame)
                continue
            inner = stack[same[0]]
            skip_from = next((i for i in same if max(stack[i].lasts) < value), None)
            if skip_from is not None:
                frame = stack[skip_from]
                expected = frame.expected
                del stack[skip_from + 1 :]
                sibling = self._sibling(headings, index)
                if sibling is not None and sibling.value == expected:
                    swapped.add(sibling.start)
                    message = _swap_message(marker, sibling)
                else:
                    message = f"序号跳号：「{marker.text}」前应为「{render(kind, expected, marker.style)}」"
                yield Finding(marker.start, marker.end, message, severity=Severity.ERROR)
                frame.accept(marker)
                frame.lasts.add(expected)
                continue
            if value in inner.lasts:
                expected = inner.expected
                del stack[same[0] + 1 :]
                yield Finding(
                    marker.start, marker.end,
                    f"序号重复：此处已有「{marker.text}」，应为「{render(kind, expected, marker.style)}」",
                    severity=Severity.ERROR,
                )  # fmt: skip
                inner.accept(marker)
                inner.lasts.add(expected)
                continue
            if (value == 2 and len(same) == 1 and same[0] == 0 and inner.first == 1
                    and len(inner.history) >= 2 and not seen_parent_message):  # fmt: skip
                first, last = inner.history[0], inner.history[-1]
                start, end = self._heading_span(doc, marker)
                level = _LEVEL_NAMES[kind]
                yield Finding(
                    start, end,
                    f"本文{level}标题「{first.text}…{last.text}」之后又出现「{doc.text[start:end]}」，"
                    f"疑似缺少上一级标题（如「{render(kind, 1, marker.style)}上半年工作情况」），请检查标题层级",
                )  # fmt: skip
                seen_parent_message = True
                stack[:] = [_Frame(kind, set())]
                stack[0].accept(marker)
                continue
            expected = inner.expected
            yield Finding(
                marker.start, marker.end,
                f"序号顺序有误：「{inner.history[-1].text}」之后出现「{marker.text}」，"
                f"应为「{render(kind, expected, marker.style)}」",
            )  # fmt: skip
            del stack[same[0] + 1 :]
            inner.accept(marker)
            inner.lasts.add(expected)

    # -- in-prose lists (一是、二是；第一，第二，) --------------------------------------
    def _bare_numerals(self, doc: Document) -> list[tuple[int, int, int, bool]]:
        """Sentence-initial 三加强… candidates: (offset, value, paragraph index, at paragraph start).

        Value 0: a clause opening with 是 alone, the numeral lost ("；是加强……").
        """
        result: list[tuple[int, int, int, bool]] = []
        text = doc.text
        starts = _index(doc).paragraph_starts
        # Only a running 是-list takes a candidate (_missing_shi, _lost_numeral): none comes before the
        # first 一是-style marker, and candidates before it are passed over without any effect.
        first_shi = next((m for m in doc.markers if m.kind == "shi"), None)
        if first_shi is None:
            return result
        for index in range(bisect.bisect_left(starts, first_shi.start), len(starts)):
            start = starts[index]
            first = text[start]
            if first == "是":
                pattern = self._lost_numeral_re
            elif first in _BARE_NUMERALS and text[start + 1 : start + 2] not in _NOT_AFTER_BARE:
                pattern = self._bare_re
            else:
                continue
            paragraph = doc.paragraphs[index]
            if pattern.match(paragraph.text):
                self._bare_candidate(doc, paragraph, start, result)
        for mark, candidates, pattern in self._after_mark_res:
            if mark not in text:
                continue
            for candidate in candidates.finditer(text, max(0, first_shi.start - 1)):
                # (Matches are one mark each: they are the candidates the pattern matches at.)
                if pattern.match(text, candidate.start()) is None:
                    continue
                # The mark is inside a paragraph (it is no blank), and so is the character after it.
                offset = candidate.end()
                paragraph = doc.paragraphs[bisect.bisect_right(starts, offset) - 1]
                self._bare_candidate(doc, paragraph, offset, result)
        result.sort()
        return result

    def _bare_candidate(
        self, doc: Document, paragraph: Paragraph, offset: int, result: list[tuple[int, int, int, bool]]
    ) -> None:
        """Add the candidate at ``offset`` (三 or 是 before a Chinese character) unless it opens a word."""
        rest = doc.text[offset : min(offset + 8, paragraph.end)]
        numeral = rest[0]
        if numeral == "是":
            if not rest.startswith(self._lost_numeral_exclusions):
                result.append((offset, 0, paragraph.index, offset == paragraph.start))
            return
        following = rest[1]
        if following in self._word_chars or following in CN or following in "是两":
            return
        if rest.startswith(self._numeral_words):
            return
        result.append((offset, CN.index(numeral) + 1, paragraph.index, offset == paragraph.start))

    def _check_lists(
        self, doc: Document, markers: Sequence[Marker], consumed: set[int], retyped_items: list[Marker]
    ) -> Iterable[Finding]:
        stacks: dict[str, list[_Frame]] = {kind: [] for kind in LIST_KINDS}
        shi_stack = stacks["shi"]
        below_headings = [stacks[kind] for kind in _BELOW_HEADINGS]
        # Bare numerals (三加强…) go between the markers, after a marker at the same offset.
        bare = iter(self._bare_numerals(doc))
        upcoming = next(bare, None)
        swapped: set[int] = set()
        # Heading numbers seen per kind, by rank (lower kinds forgotten under each new higher heading).
        seen: list[set[int]] = [set() for _ in HEADING_KINDS]
        last_shi = 0  # the end of the last 一是-style marker
        previous_item: Marker | None = None  # the last in-prose list marker since the last heading
        last_heading: Marker | None = None
        opening: Marker | None = None  # the last heading, while its list frame is not made
        opening_kind: str | None = None  # the kind of that list (_INLINE_OF)
        for marker in markers:
            while upcoming is not None and upcoming[0] < marker.start:
                finding = self._bare_numeral(doc, shi_stack, upcoming)
                upcoming = next(bare, None)
                if finding:
                    yield finding
            kind = marker.kind
            if kind in _HEADING_KINDS:
                rank = _RANK[kind]
                continues_outline = marker.value - 1 in seen[rank]
                seen[rank].add(marker.value)
                for lower in filter(None, seen[rank + 1 :]):  # (the non-empty ones)
                    lower.clear()
                # (_heading_in_list finds nothing before 二、: asked only from there.)
                finding = (
                    None
                    if continues_outline or marker.value < 2
                    else self._heading_in_list(doc, stacks, marker)
                )
                if finding:
                    consumed.add(marker.start)
                    yield finding
                    continue
                previous_item = None
                last_heading = marker
                for stack in filter(None, below_headings):
                    stack.clear()
                # "①……；②……": the paragraph's opening marker is the list's first item. Its frame is
                # made when the first item of that kind comes (nothing reads that stack before).
                opening, opening_kind = marker, _INLINE_OF[kind]
                continue
            if kind == opening_kind and opening is not None:
                stacks[kind].append(_opening_frame(opening))
                opening = opening_kind = None
            stack = stacks[kind]
            if stack:
                top = stack[-1]
                if (
                    marker.value - 1 in top.lasts
                    and (not marker.at_paragraph_start or top.history[0].at_paragraph_start)
                    and marker.start not in swapped
                ):
                    # The next item of the innermost list (most items): none of the checks below can
                    # find anything (each needs the item before to be missing from every frame of
                    # its kind, or a list begun inside another one), and _list_marker would
                    # accept it into that frame.
                    top.accept(marker)
                    if kind not in _ABOVE_HEADINGS:
                        previous_item = marker
                    if kind == "shi":
                        last_shi = marker.end
                    continue
            elif marker.value == 1:
                # The first item of a list, no list of its kind running: the checks below need an
                # item before it (二是 after 一X, 三是 after （二）, 3. after 二是) and _list_marker
                # would open a frame for it.
                frame = _Frame(kind, set())
                frame.accept(marker)
                stack.append(frame)
                if kind not in _ABOVE_HEADINGS:
                    previous_item = marker
                if kind == "shi":
                    last_shi = marker.end
                continue
            if kind == "shi" and marker.value == 2 and not any(1 in f.lasts for f in shi_stack):
                lost = self._lost_first_shi(doc, marker, last_shi)
                if lost is not None:
                    finding, first = lost
                    yield finding
                    self._list_marker(doc, shi_stack, first, swapped)
            if (
                last_heading is not None
                and marker.at_paragraph_start
                and kind in _PARAGRAPH_LIST_KINDS
                and last_heading.paragraph == marker.paragraph - 1
                and marker.value == last_heading.value + 1
                and last_heading.value - 1 in seen[_RANK[last_heading.kind]]
                and (not retyped_items or retyped_items[-1] is not last_heading)
                and not self._announces(doc.paragraphs[last_heading.paragraph].text)
                and not any(marker.value - 1 in f.lasts for f in stacks[kind])
            ):
                # "（一）……⏎（二）……⏎三是……": a paragraph carrying on the headings in another form.
                wanted = render(last_heading.kind, marker.value, last_heading.style)
                yield _renumber(
                    marker,
                    wanted,
                    f"序号形式不一致：前文为「{last_heading.text}」，此处「{marker.text}」应为「{wanted}」",
                    safe=False,
                )
                last_heading = Marker(marker.start, marker.end, wanted, last_heading.kind, marker.value,
                                      marker.paragraph, True, last_heading.style)  # fmt: skip
                retyped_items.append(last_heading)
                seen[_RANK[last_heading.kind]].add(marker.value)
                continue
            # (Only an item after an item of another kind can be a mixed one.)
            mixed = None
            if previous_item is not None and previous_item.kind != kind:
                mixed = self._mixed_item(stacks, marker, previous_item)
            if mixed is not None:
                yield mixed
                self._list_marker(doc, stacks[kind], marker, swapped)
            else:
                finding = self._list_marker(doc, stacks[kind], marker, swapped)
                if finding is not None:
                    yield finding
            if kind not in _ABOVE_HEADINGS:
                previous_item = marker
            if kind == "shi":
                last_shi = marker.end
        while upcoming is not None:
            finding = self._bare_numeral(doc, shi_stack, upcoming)
            upcoming = next(bare, None)
            if finding:
                yield finding

    def _bare_numeral(
        self, doc: Document, stack: list[_Frame], candidate: tuple[int, int, int, bool]
    ) -> Finding | None:
        """三加强… (value 3) or 是加强… (value 0) inside a running 是-list."""
        if not stack:  # no list running: neither check can find anything
            return None
        if candidate[1] == 0:
            return self._lost_numeral(doc, stack, candidate)
        return self._missing_shi(doc, stack, candidate)

    @staticmethod
    def _mixed_item(
        stacks: dict[str, list[_Frame]], marker: Marker, previous: Marker | None
    ) -> Finding | None:
        """An item numbered in another form carrying on the list just before it ("一是……；二是……；3.完善……")."""
        if (
            previous is None
            or previous.kind == marker.kind
            or marker.kind in _ABOVE_HEADINGS
            or previous.paragraph != marker.paragraph
            or marker.value != previous.value + 1
            or any(marker.value - 1 in f.lasts for f in stacks[marker.kind])
        ):
            return None
        host = next((f for f in stacks[previous.kind] if f.history and f.history[-1] is previous), None)
        if host is None or len(host.history) < 2:
            return None
        wanted = render(previous.kind, marker.value, previous.style)
        host.accept(
            Marker(marker.start, marker.end, wanted, previous.kind, marker.value,
                   marker.paragraph, marker.at_paragraph_start, previous.style)
        )  # fmt: skip
        return _renumber(
            marker,
            wanted,
            f"列举格式不一致：前文为「{host.history[0].text}」「{previous.text}」，此处「{marker.text}」应为「{wanted}」",
            safe=False,
        )

    def _lost_first_shi(self, doc: Document, marker: Marker, since: int) -> tuple[Finding, Marker] | None:
        """The first item before ``marker`` (二是) written without its 是: "一加强……，二是……"."""
        if marker.at_paragraph_start:
            # A paragraph-level list: the paragraph before opens with 一X (no heading in between).
            if marker.paragraph == 0 or self._is_heading_paragraph(doc, marker.paragraph - 1):
                return None
            paragraph = doc.paragraphs[marker.paragraph - 1]
            match = self._bare_one_re.match(paragraph.text)
        else:
            paragraph = doc.paragraphs[marker.paragraph]
            # After the list marker before (a 一 before it belongs to another list), at most 400 characters back.
            lo = max(paragraph.start, since, marker.start - _FIRST_ITEM_REACH) - paragraph.start
            before = paragraph.text[max(0, lo - 1) : marker.start - paragraph.start]
            found = list(self._bare_one_re.finditer(before, 1 if lo > 0 else 0))
            if not found:
                return None
            last = found[-1]  # the last clause-initial 一 before 二是, in paragraph offsets below
            match = self._bare_one_re.match(paragraph.text, last.start() + max(0, lo - 1))
        if match is None or match.group("next") in self._one_word_chars or match.group("next") in "是两":
            return None
        rest = paragraph.text[match.start() : match.start() + 8]
        if rest.startswith(self._numeral_words) or rest.startswith(self._first_item_starts):
            return None
        # "首先……，二是……": the first item is named in other words.
        if self._names_first_item(
            doc.text[max(paragraph.start, marker.start - _FIRST_ITEM_REACH) : marker.start]
        ):
            return None
        offset = paragraph.start + match.start()
        preview = paragraph.text[match.start() : match.start() + 3]
        first = Marker(offset, offset + 1, "一", "shi", 1, paragraph.index, match.start() == 0, "是")
        finding = Finding(
            offset, offset + 1,
            f"「{preview}…」缺少「是」，应为「一是」（后文为「{marker.text}」）",
            suggestion="一是",
            fix=Fix(offset + 1, offset + 1, "是", Applicability.UNSAFE),
            severity=Severity.ERROR,
        )  # fmt: skip
        return finding, first

    @staticmethod
    def _para_level(frame: _Frame) -> Marker | None:
        """The last marker of ``frame`` that stands at a paragraph start, or its first marker."""
        for marker in reversed(frame.history):
            if marker.at_paragraph_start:
                return marker
        return frame.history[0] if frame.history else None

    @staticmethod
    def _is_inner(doc: Document, frame: _Frame) -> bool:
        """A list begun inside an item of another list (一是……：一是…二是…) ends with that item."""
        first = frame.history[0]
        return not first.at_paragraph_start and first.paragraph in _list_paragraphs(doc, first.kind)

    def _same_list(self, doc: Document, marker: Marker, later: Marker) -> bool:
        """True when ``later`` is plainly an item of the list holding ``marker`` (same paragraph, or
        paragraph-level items a few paragraphs apart with no heading between)."""
        if later.paragraph == marker.paragraph:
            return True
        if (
            not (marker.at_paragraph_start and later.at_paragraph_start)
            or later.paragraph - marker.paragraph > 10
        ):
            return False
        headings = _heading_paragraphs(doc)
        return not any(p in headings for p in range(marker.paragraph + 1, later.paragraph + 1))

    def _list_marker(
        self,
        doc: Document,
        stack: list[_Frame],
        marker: Marker,
        swapped: set[int],
    ) -> Finding | None:
        """Put list item ``marker`` on ``stack``: the finding when it does not follow the items before it."""
        value = marker.value
        if marker.start in swapped:
            for i in range(len(stack) - 1, -1, -1):
                if value in stack[i].lasts:
                    del stack[i + 1 :]
                    stack[i].history.append(marker)
                    return None
        for i in range(len(stack) - 1, -1, -1):
            frame = stack[i]
            if marker.at_paragraph_start:
                if self._is_inner(doc, frame):
                    continue
                if value - 1 not in frame.lasts:
                    # An inner list (坚持…。二是…三是…) inside the previous item: the outer list goes on.
                    level = self._para_level(frame)
                    if level is None or level.value != value - 1 or level.paragraph >= marker.paragraph:
                        continue
            elif value - 1 not in frame.lasts:
                continue
            del stack[i + 1 :]
            frame.accept(marker)
            return None
        if value == 1 and stack:
            # "一是…二是…三是…一是…五是…": a 一是 between 三是 and 五是 is the lost 四是.
            frame = stack[-1]
            last = frame.history[-1]
            # (The marker after it is looked up last: the index of next markers costs most.)
            later = (
                _index(doc).next_same(marker.start)
                if last.paragraph == marker.paragraph or last.at_paragraph_start == marker.at_paragraph_start
                else None
            )
            expected = frame.expected
            if (
                later is not None
                and later.value == expected + 1
                and marker.at_paragraph_start == later.at_paragraph_start
                and self._same_list(doc, last, marker)
                and self._same_list(doc, marker, later)
            ):
                wanted = render(marker.kind, expected, marker.style)
                del stack[stack.index(frame) + 1 :]
                frame.accept(marker)
                frame.lasts.add(expected)
                return _renumber(
                    marker,
                    wanted,
                    f"序号顺序有误：「{last.text}」之后出现「{marker.text}」，其后为「{later.text}」，应为「{wanted}」",
                    safe=False,
                )
        if value == 1:
            if marker.at_paragraph_start:
                stack.clear()
            else:
                # Inner lists of earlier paragraphs are over.
                stack[:] = [
                    f
                    for f in stack
                    if not self._is_inner(doc, f) or f.history[0].paragraph == marker.paragraph
                ]
            frame = _Frame(marker.kind, set())
            frame.accept(marker)
            _push(stack, frame)
            return None
        if not marker.at_paragraph_start:
            stack[:] = [
                f for f in stack if not self._is_inner(doc, f) or f.history[0].paragraph == marker.paragraph
            ]
        candidates = [f for f in stack if not (marker.at_paragraph_start and self._is_inner(doc, f))]
        if not candidates:
            finding = None
            if self._starts_list(doc, marker):
                prefix = "".join(render(marker.kind, v, marker.style) for v in range(1, value))
                finding = Finding(marker.start, marker.end,
                                  f"列举未从头开始：「{marker.text}」之前缺少「{prefix}」，请补齐或改为「{render(marker.kind, 1, marker.style)}」")  # fmt: skip
            frame = _Frame(marker.kind, set(), first=value)
            frame.accept(marker)
            _push(stack, frame)
            return finding
        frame = candidates[-1]
        expected = frame.expected
        last = frame.history[-1]
        if value in frame.lasts:
            message = (
                f"序号重复：此处已有「{marker.text}」，应为「{render(marker.kind, expected, marker.style)}」"
            )
        elif value > expected:
            later = _index(doc).next_same(marker.start)
            if later is not None and later.value == expected and self._same_list(doc, marker, later):
                swapped.add(later.start)
                message = _swap_message(marker, later)
            else:
                message = (
                    f"序号跳号：「{marker.text}」前应为「{render(marker.kind, expected, marker.style)}」"
                )
        else:
            message = f"序号顺序有误：「{last.text}」之后出现「{marker.text}」，应为「{render(marker.kind, expected, marker.style)}」"
        del stack[stack.index(frame) + 1 :]
        frame.accept(marker)
        frame.lasts.add(expected)
        return Finding(marker.start, marker.end, message, severity=Severity.ERROR)

    @staticmethod
    def _is_heading_paragraph(doc: Document, index: int) -> bool:
        return index in _heading_paragraphs(doc)

    def _starts_list(self, doc: Document, marker: Marker) -> bool:
        """True when a list beginning at ``marker`` (not 一) has plainly lost its first items."""
        paragraph = doc.paragraphs[marker.paragraph]
        if not marker.at_paragraph_start:
            before = doc.text[paragraph.start : marker.start].rstrip()
            if before and before[-1] in _COLONS:
                return True
            # "我们重点抓了以下工作。二是……": the sentence before announces the list.
            if self._announces(before) and not self._names_first_item(before):
                return True
            # Only a heading sentence before it: "一、党建引领。二是……"
            if self._is_heading_paragraph(doc, paragraph.index):
                sentences = [s for s in _CLAUSE_END_RE.split(before) if s.strip()]
                return len(sentences) <= 1
            return self._after_lead_in(doc, marker, before)
        previous = self._previous(doc, marker)
        if previous is None:
            # The text opens at 二是 and goes on with 三是: its first item is lost (an excerpt
            # opening further on, at 四是, is let be).
            following = _index(doc).next_of_kind(marker.kind, marker.start)
            return marker.value == 2 and following is not None and following.value == 3
        text = previous.text.rstrip()
        if not text:  # a paragraph of blanks the document keeps (form feed, em space)
            return False
        if text[-1] in _COLONS or (self._is_heading_paragraph(doc, previous.index) and len(text) <= 40):
            return True
        return self._announces(text) and not self._names_first_item(text)

    def _after_lead_in(self, doc: Document, marker: Marker, before: str) -> bool:
        """A list opening at its second item right after the lead-in clauses of its sentence, topic or
        purpose phrases rather than an item ("在优化营商环境方面，二是……；三是……")."""
        if marker.value != 2 or self._names_first_item(before):
            return False
        sentence = _SENTENCE_END_RE.split(before)[-1].lstrip()
        # "一季度实现开门红，二是……": a clause opening with 一 stands for the first item.
        if (
            not sentence
            or sentence[-1] not in "，,"
            or len(sentence) > _LEAD_IN_LENGTH
            or sentence[0] == "一"
        ):
            return False
        clauses = _LEAD_IN_BREAK_RE.split(sentence[:-1])
        if len(clauses) > _LEAD_IN_CLAUSES or any(c.lstrip().startswith("一") for c in clauses):
            return False
        # The next item of its kind, in its paragraph (paragraphs follow the order of the markers).
        following = _index(doc).next_of_kind(marker.kind, marker.start)
        return following is not None and following.paragraph == marker.paragraph and following.value == 3

    @staticmethod
    def _lost_numeral(
        doc: Document, stack: list[_Frame], candidate: tuple[int, int, int, bool]
    ) -> Finding | None:
        """A clause opening with a bare 是 inside a running 是-list: "一是……；二是……；是加强……"."""
        offset, _, paragraph, at_start = candidate
        if not stack or len(stack[-1].history) < 2:
            return None
        frame = stack[-1]
        last = frame.history[-1]
        if last.kind != "shi" or frame.history[-2].value != last.value - 1:
            return None
        if at_start:
            if not last.at_paragraph_start or not 0 < paragraph - last.paragraph <= 3:
                return None
        elif last.paragraph != paragraph:
            return None
        expected = frame.expected
        following = _index(doc).next_of_kind("shi", offset)
        if following is not None and following.value == expected and following.paragraph - paragraph <= 1:
            return None  # the list goes on at the expected number: the bare 是 is no lost item
        wanted = render("shi", expected, "是")
        synthetic = Marker(offset, offset + 1, "是", "shi", expected, paragraph, at_start, "是")
        frame.accept(synthetic)
        preview = doc.text[offset : min(offset + 3, doc.paragraphs[paragraph].end)]
        return Finding(
            offset, offset + 1,
            f"「{preview}…」缺少序数，前一项为「{last.text}」，应为「{wanted}」",
            suggestion=wanted,
            fix=Fix(offset, offset, wanted[:-1], Applicability.UNSAFE),
            severity=Severity.ERROR,
        )  # fmt: skip

    def _missing_shi(
        self, doc: Document, stack: list[_Frame], candidate: tuple[int, int, int, bool]
    ) -> Finding | None:
        offset, value, paragraph, at_start = candidate
        for frame in reversed(stack):
            last = frame.history[-1]
            skipped = False
            if value - 1 not in frame.lasts:
                # 一是…二是…三是…\n五持续…: a lost 是 and a skipped number at once.
                skipped = at_start and value - 2 in frame.lasts and last.paragraph == paragraph - 1
                if not skipped:
                    continue
            # A paragraph-level list marker continues only a list of paragraph-level items.
            if (
                at_start
                and not any(m.at_paragraph_start for m in frame.history)
                and not self._is_heading_paragraph(doc, frame.history[0].paragraph)
            ):
                continue
            if (not at_start and last.paragraph != paragraph) or paragraph - last.paragraph > 3:
                continue
            preview = doc.text[offset : min(offset + 3, doc.paragraphs[paragraph].end)]
            numeral = doc.text[offset]
            synthetic = Marker(offset, offset + 1, numeral, "shi", value, paragraph, at_start, "是")
            expected = render("shi", frame.expected, "是")
            del stack[stack.index(frame) + 1 :]
            frame.accept(synthetic)
            if skipped:
                return Finding(
                    offset, offset + 1,
                    f"「{preview}…」缺少「是」，且前一项为「{last.text}」，应为「{expected}」",
                    suggestion=expected,
                    severity=Severity.ERROR,
                )  # fmt: skip
            return Finding(
                offset, offset + 1,
                f"「{preview}…」缺少「是」，应为「{numeral}是」",
                suggestion=f"{numeral}是",
                fix=Fix(offset + 1, offset + 1, "是", Applicability.UNSAFE),
                severity=Severity.ERROR,
            )  # fmt: skip
        return None

    def _heading_in_list(
        self, doc: Document, stacks: dict[str, list[_Frame]], marker: Marker
    ) -> Finding | None:
        """三、加强… (or 3.加强…) at a paragraph start after paragraph-level 一是、二是 (第一，第二，):
        the list switched style."""
        previous = self._previous(doc, marker)
        if marker.value < 2 or previous is None:
            return None
        for kind in _PARAGRAPH_LIST_KINDS:
            stack = stacks[kind]
            if not stack or stack[-1].history[-1].paragraph != previous.index:
                continue
            frame = stack[-1]
            level = self._para_level(frame)
            if level is not None and level.value == marker.value - 1 and level.at_paragraph_start:
                break
        else:
            return None
        wanted = render(level.kind, marker.value, level.style)
        frame.accept(
            Marker(
                marker.start,
                marker.end,
                wanted,
                level.kind,
                marker.value,
                marker.paragraph,
                True,
                level.style,
            )
        )
        return _renumber(
            marker,
            wanted,
            f"列举格式不一致：前文为「{level.text}」，此处「{marker.text}」应为「{wanted}」",
            safe=False,
        )

    # -- bracket and dot widths ------------------------------------------------------
    def _check_styles(self, doc: Document, markers: Sequence[Marker], retyped: set[int]) -> Iterable[Finding]:
        """Bracket and dot widths: headings of one kind across the text, items of one in-prose list."""
        groups: dict[tuple[str, int], list[Marker]] = {}
        heading_at: dict[int, Marker] = {}  # paragraph -> the heading opening it
        for marker in markers:
            kind = marker.kind
            if marker.start in retyped or (kind not in _HEADING_KINDS and kind not in _INLINE_KINDS):
                continue
            if kind in _HEADING_KINDS:
                groups.setdefault((kind, -1), []).append(marker)
                heading_at[marker.paragraph] = marker
            else:
                key = (kind, marker.paragraph)
                if key not in groups:
                    # The paragraph's heading opens the list when it is of the same form (①……；②……).
                    opening = heading_at.get(marker.paragraph)
                    if opening is not None and _INLINE_OF[opening.kind] == kind:
                        groups[key] = [opening]
                groups.setdefault(key, []).append(marker)
        reported: set[int] = set()
        for (kind, paragraph), group in groups.items():
            if _uniform(kind, group):
                continue
            for finding in (
                *self._group_styles(kind, group, paragraph < 0),
                *_digit_widths(group, paragraph < 0),
            ):
                if finding.start not in reported:
                    reported.add(finding.start)
                    yield finding

    @staticmethod
    def _group_styles(kind: str, group: list[Marker], headings: bool) -> Iterable[Finding]:
        if "paren" in kind:
            matched: list[Marker] = []
            for marker in group:
                opening, closing = marker.style[0], marker.style[1]
                if (opening == "（") != (closing == "）"):
                    full = "（" + marker.text[1:-1] + "）"
                    yield Finding(marker.start, marker.end,
                                  f"括号不配对：「{marker.text}」的左右括号宽度不同，应为「{full}」",
                                  suggestion=full, fix=Fix(marker.start, marker.end, full, Applicability.SAFE))  # fmt: skip
                else:
                    matched.append(marker)
            group = matched
        if len({m.style for m in group}) < 2:
            return
        styles = Counter(m.style for m in group)
        order = {m.style: i for i, m in reversed(list(enumerate(group)))}
        major = max(styles, key=lambda s: (styles[s], -order[s]))
        sample = next(m for m in group if m.style == major)
        where = "本文" if headings else "本列举"
        for marker in group:
            if marker.style == major:
                continue
            wanted = render(marker.kind, marker.value, major)
            what = "括号" if "paren" in kind or "half" in kind else "标点"
            yield _renumber(
                marker,
                wanted,
                f"同级序号{what}不统一：{where}多用「{sample.text}」的写法，此处「{marker.text}」应为「{wanted}」",
                safe=True,
            )


_FULL_DIGITS = "０１２３４５６７８９"
_FULL_DIGIT_RE = patterns.compile("[０-９]")
_TO_HALF = str.maketrans(_FULL_DIGITS, "0123456789")
_TO_FULL = str.maketrans("0123456789", _FULL_DIGITS)


def _uniform(kind: str, group: Sequence[Marker]) -> bool:
    """True when the markers of ``group`` share one style, with brackets of one width, and hold no
    full-width digit: then neither _group_styles nor _digit_widths finds anything (most groups)."""
    style = group[0].style
    for marker in group:
        if marker.style != style:
            return False
    if "paren" in kind and (style[0] == "（") != (style[1] == "）"):
        return False
    return _FULL_DIGIT_RE.search("".join([m.text for m in group])) is None


def _digit_widths(group: Sequence[Marker], headings: bool) -> Iterable[Finding]:
    """Arabic markers of one level or list mixing full-width and half-width digits (1. 2. ３.)."""
    if not _FULL_DIGIT_RE.search("".join([m.text for m in group])):
        return  # no full-width digit: nothing is mixed
    widths = [any(c in _FULL_DIGITS for c in m.text) for m in group if any(c.isdigit() for c in m.text)]
    if len(widths) < 2 or all(widths) or not any(widths):
        return
    full = sum(widths) * 2 > len(widths)  # the majority; a tie keeps half-width
    sample = next(
        m
        for m in group
        if any(c.isdigit() for c in m.text) and any(c in _FULL_DIGITS for c in m.text) == full
    )
    where = "本文" if headings else "本列举"
    for marker in group:
        if not any(c.isdigit() for c in marker.text) or any(c in _FULL_DIGITS for c in marker.text) == full:
            continue
        wanted = marker.text.translate(_TO_FULL if full else _TO_HALF)
        yield _renumber(
            marker,
            wanted,
            f"同级序号数字宽度不统一：{where}多用「{sample.text}」的写法，此处「{marker.text}」应为「{wanted}」",
            safe=True,
        )
