"""The document model: built once per file and shared by every rule.

Offsets are 0-based code-point indexes into the decoded text (end exclusive);
lines and columns are 1-based. Everything that costs time (sentences,
numbering markers, quantities, words) is computed on first use and cached.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from reportlint import patterns
from reportlint.numbers import Quantity, find_quantities
from reportlint.segment import Token, get_segmenter

if TYPE_CHECKING:
    from reportlint.numbering import Marker

SENTENCE_END = "。！？!?；;…"
BLANK = " \t\u3000\u00a0\r\ufeff"

# Text that is not report prose: leave it alone.
_PROTECTED_RE = patterns.compile(
    r"""
      (?:https?|ftp)://[^\s\u3000，。；、“”《》（）]+      # URLs
    | www\.[A-Za-z0-9.-]+[^\s\u3000，。；、“”《》（）]*
    | [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}      # e-mail addresses
    | <!--.*?-->                                          # comments (suppression markers)
    """,
    regex.VERBOSE,
)
# Every match of _PROTECTED_RE contains one of these.
_PROTECTED_CUES = ("://", "www.", "@", "<!--")


# A sentence ends at a mark of SENTENCE_END and takes the closing quotes and marks that follow it.
# (Character classes only: the standard library's engine scans them faster than ``regex``.)
SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}][{re.escape('”’」』)）' + SENTENCE_END)}]*")

# Markdown block markup before a paragraph's text: headings, list bullets, quotes.
_MD_LINE_MARKUP = patterns.compile(r"(?:#{1,6}[ \t]+|[-*+][ \t]+|>[ \t]?)+")


QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’"}
# Only these characters change the quoting state: scans visit them and skip the rest.
# The standard library's engine finds one of a set of characters about three times faster than
# ``regex``, and a plain character class cannot backtrack.
QUOTE_MARK_RE = re.compile("[" + re.escape("".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values()) + '"') + "]")


def sentence_ends(paragraph: str) -> list[int]:
    """Where the sentences of a paragraph's text end (as ``Document.sentences`` cuts them): after
    each mark of SENTENCE_END with its closing quotes and marks, and at the end of the text."""
    ends = [m.end() for m in SENTENCE_END_RE.finditer(paragraph)]
    if not ends or ends[-1] < len(paragraph):
        ends.append(len(paragraph))
    return ends


def quote_spans(text: str, max_depth: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation or title marks, marks excluded.

    Pairs nest; straight double quotes pair up in turn. Opening marks deeper than
    ``max_depth`` are ignored.
    """
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    spans: list[tuple[int, int]] = []
    for mark in QUOTE_MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch in QUOTE_PAIRS:
            if max_depth is None or len(stack) < max_depth:
                stack.append((QUOTE_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            spans.append((stack.pop()[1] + 1, i))
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight + 1, i))
                straight = None
    return spans


# Documents hold tens of thousands of spans: slots without frozen-dataclass set-up make them
# about three times cheaper to build. Treat them as immutable all the same (they are hashable).
@dataclass(slots=True, unsafe_hash=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True, unsafe_hash=True)
class Line(Span):
    number: int  # 1-based


@dataclass(slots=True, unsafe_hash=True)
class Paragraph(Span):
    """A non-blank line with its leading and trailing blanks trimmed."""

    index: int
    line: int  # 1-based line number


@dataclass
class Document:
    text: str
    path: str = "<string>"
    encoding: str = "utf-8"
    newline: str = "\n"
    kind: str = "txt"  # txt, md or docx
    # Spans the reader knows are not prose (Markdown code, front matter).
    extra_protected: Sequence[tuple[int, int]] = field(default_factory=tuple)

    # -- lines and positions -----------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        return starts

    @cached_property
    def lines(self) -> list[Line]:
        result: list[Line] = []
        for number in range(1, len(self.line_starts) + 1):
            start, end = self._line_bounds(number)
            result.append(Line(start, end, self.text[start:end], number))
        return result

    def _line_bounds(self, number: int) -> tuple[int, int]:
        """Start and end offsets of line ``number`` (1-based), its line break (\n or \r\n) excluded."""
        starts = self.line_starts
        start = starts[number - 1]
        end = starts[number] - 1 if number < len(starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def position(self, offset: int) -> tuple[int, int]:
        """Offset -> (line, column), both 1-based, column in code points."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``position(start) + position(end)`` for ``0 <= start <= end <= len(text)``, with one line
        lookup when both are on one line (the engine places every finding with it)."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, start)
        end_line = line if line == len(starts) or end < starts[line] else bisect.bisect_right(starts, end)
        return line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """(line, column), 1-based -> offset."""
        line = max(1, min(line, len(self.line_starts)))
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line_text(self, number: int) -> str:
        start, end = self._line_bounds(number)  # without building every Line
        return self.text[start:end]

    # -- structure ---------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        # Straight from the line starts: building Line objects first would double the cost.
        result: list[Paragraph] = []
        text = self.text
        markdown = self.kind == "md"
        starts = self.line_starts
        ends = [start - 1 for start in starts[1:]] + [len(text)]
        for number, (line_start, line_end) in enumerate(zip(starts, ends, strict=True), 1):
            line = text[line_start:line_end]
            content = line.lstrip(BLANK)
            lead = len(line) - len(content)
            if markdown:
                markup = _MD_LINE_MARKUP.match(line, lead)
                lead = markup.end() if markup else lead
                content = line[lead:]
            stripped = content.rstrip(BLANK)
            if not stripped:
                continue
            start = line_start + lead
            result.append(Paragraph(start, start + len(stripped), stripped, len(result), number))
        return result

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """The start offset of each paragraph, for binary searches (``bisect``) by offset."""
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing ``offset`` (its end included), or None between paragraphs."""
        index = bisect.bisect_right(self.paragraph_starts, offset) - 1
        if index >= 0 and self.paragraphs[index].start <= offset <= self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences split at 。！？； and paragraph ends; closing quotes stay with their sentence."""
        result: list[Span] = []
        for paragraph in self.paragraphs:
            text = paragraph.text
            begin = 0
            for end in sentence_ends(text):
                result.append(Span(paragraph.start + begin, paragraph.start + end, text[begin:end]))
                begin = end
        return result

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing ``offset``, or None."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    @cached_property
    def markers(self) -> list[Marker]:
        """Heading and list numbering candidates (一、 （一） 1. （1） 一是 …) in document order."""
        from reportlint.numbering import find_markers

        return find_markers(self)

    @cached_property
    def quantities(self) -> list[Quantity]:
        return find_quantities(self.text)

    # -- text that is not prose --------------------------------------------------
    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """Disjoint, sorted spans of URLs, e-mail addresses, comments and code."""
        found: list[tuple[int, int]] = []
        if any(cue in self.text for cue in _PROTECTED_CUES):  # most drafts have none of them
            found = [(m.start(), m.end()) for m in _PROTECTED_RE.finditer(self.text)]
        spans = sorted(found + list(self.extra_protected))
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    @cached_property
    def _protected_starts(self) -> list[int]:
        return [start for start, _ in self.protected]

    def is_protected(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a URL, e-mail, comment or code span."""
        end = max(end, start + 1)
        index = bisect.bisect_left(self._protected_starts, end) - 1
        return index >= 0 and self.protected[index][1] > start

    @cached_property
    def quoted(self) -> list[Span]:
        """Spans inside paired quotation or title marks, marks excluded (“…” 《…》 「…」 "…")."""
        result: list[Span] = []
        for paragraph in self.paragraphs:
            # Real text nests quotes two or three deep; a bound keeps the copied texts linear.
            for start, end in quote_spans(paragraph.text, max_depth=8):
                result.append(self._span(paragraph.start + start, paragraph.start + end))
        result.sort(key=lambda s: (s.start, s.end))
        return result

    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    # -- words ---------------------------------------------------------------------
    def words(self, start: int, end: int) -> list[Token]:
        """Segment ``text[start:end]`` into words (loads jieba on first use)."""
        return get_segmenter().tokens(self.text[start:end], start)

    def iter_lines(self) -> Iterator[Line]:
        return iter(self.lines)
