"""Numbering markers of headings and in-prose lists.

GB/T 9704—2012 7.3.3 orders headings 一、 → （一） → 1. → （1）; report prose
adds 一是、二是 lists. Markers are found once per document and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from reportlint.numbers import NumberFormatError, parse_chinese_int

if TYPE_CHECKING:
    from reportlint.document import Document

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Heading markers at the start of a paragraph.
_HEADING_RE = regex.compile(
    rf"""
      (?P<chinese>[{CN}]{{1,3}})(?P<cpunct>[、，,．.])
    | (?P<cpopen>[（(])(?P<cparen>[{CN}]{{1,3}})(?P<cpclose>[）)])
    | (?P<arabic>\d{{1,2}})(?P<apunct>[.．、](?!\d))
    | (?P<apopen>[（(])(?P<aparen>\d{{1,2}})(?P<apclose>[）)])
    | (?P<circled>[{CIRCLED}])
    """,
    regex.VERBOSE,
)

# 一是 / 二是 inside prose, at a sentence or clause start.
_SHI_RE = regex.compile(rf"(?:^|(?<=[。；;，,：:！？\s“]))(?P<num>[{CN}]{{1,3}})是")


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    text: str
    kind: str  # chinese, chinese-paren, arabic, arabic-paren, circled, shi
    value: int
    paragraph: int  # index into Document.paragraphs
    at_paragraph_start: bool
    style: str  # the exact punctuation form, e.g. "、", "（）", "()", ".", "．"

    @property
    def level(self) -> int | None:
        """Heading level per GB/T 9704 (1-4); None for in-prose lists and circled numbers."""
        return {"chinese": 1, "chinese-paren": 2, "arabic": 3, "arabic-paren": 4}.get(self.kind)


def _heading_marker(match: regex.Match[str], base: int, paragraph: int) -> Marker | None:
    groups = match.groupdict()
    try:
        if groups["chinese"]:
            kind, value, style = "chinese", parse_chinese_int(groups["chinese"]), groups["cpunct"]
        elif groups["cparen"]:
            kind, value = "chinese-paren", parse_chinese_int(groups["cparen"])
            style = groups["cpopen"] + groups["cpclose"]
        elif groups["arabic"]:
            kind, value, style = "arabic", int(groups["arabic"]), groups["apunct"]
        elif groups["aparen"]:
            kind, value = "arabic-paren", int(groups["aparen"])
            style = groups["apopen"] + groups["apclose"]
        else:
            kind, value, style = "circled", CIRCLED.index(groups["circled"]) + 1, "circled"
    except NumberFormatError:
        return None
    return Marker(base + match.start(), base + match.end(), match.group(0), kind, value, paragraph, True, style)


def find_markers(doc: Document) -> list[Marker]:
    markers: list[Marker] = []
    for paragraph in doc.paragraphs:
        text = paragraph.text
        heading = _HEADING_RE.match(text)
        if heading:
            marker = _heading_marker(heading, paragraph.start, paragraph.index)
            if marker:
                markers.append(marker)
        for match in _SHI_RE.finditer(text):
            try:
                value = parse_chinese_int(match.group("num"))
            except NumberFormatError:
                continue
            start = paragraph.start + match.start("num")
            markers.append(
                Marker(start, paragraph.start + match.end(), match.group(0).lstrip(), "shi", value,
                       paragraph.index, match.start("num") == 0, "是")
            )  # fmt: skip
    markers.sort(key=lambda m: m.start)
    return markers
