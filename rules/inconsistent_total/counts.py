"""Counts and what they announce: 两个风险, 一是……二是……, slogans (四个一批), dates listed after a count."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from reportlint.document import Document, Paragraph, Span
from reportlint.numbering import Marker
from reportlint.numbers import NumberFormatError, find_quantities, parse_number
from reportlint.rule import Finding, Severity

from .base import TotalBase
from .helpers import (
    _CN_COUNT_RE,
    _DIGIT_RE,
    _ITEM_END_RE,
    _ITEM_LINE_RE,
    _STOP_MARK_RE,
    _TITLES_RE,
    CLAUSE_MARKS,
    MAX_PARTS,
    MAX_SPAN,
    PART_MARKS,
    _count_value,
    _depths,
    _occurrences,
    _range_length,
    format_number,
)


class Counts(TotalBase):
    """Checks that a stated count matches the items, slogans or dates listed."""

    def _items(self, text: str, depths: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
        """(fewest, most) items in the list ``text[start:end]``; None when it is not a plain list."""
        segment = text[start:end].strip()
        if not segment or _DIGIT_RE.search(segment) or segment.startswith(self.nested_starts):
            return None
        base = depths[start] if start < len(depths) else 0
        cuts = [i for i in range(start, end) if text[i] == "、" and depths[i] == base]
        if not cuts:
            titles = _TITLES_RE.fullmatch(segment)
            if titles:
                count = segment.count("《")
                return count, count
            return None
        firsts = [start, *[c + 1 for c in cuts]]
        items = [text[a:b].strip() for a, b in zip(firsts, [*cuts, end], strict=True)]
        for number, item in enumerate(items):
            if not item or _CN_COUNT_RE.search(item):
                return None  # an empty item or one holding a count: the list's start is unclear
            if number and len(item) > self.max_item:
                return None  # a clause, not a list item
        conjunctions = sum(
            1 for m in self.conjunction_re.finditer(text, start, end) if depths[m.start()] == base
        )
        if conjunctions:
            # The 、 may fall inside one conjunct: 中央和省、市、自治区两级.
            return conjunctions + 1, len(cuts) + 1 + conjunctions
        return len(cuts) + 1, len(cuts) + 1

    def _named_kind(self, text: str, match: regex.Match[str]) -> bool:
        """ "三个方面", "两类": the count names a generic kind of list item."""
        if match.group("cls") in self.generic_classifiers:
            return True
        return text.startswith(self.generic_heads, match.end())

    def _counts(self, text: str) -> list[regex.Match[str]]:
        """The counts (三个, 5项) of ``text``, left to right, none continuing another number."""
        result: list[regex.Match[str]] = []
        position = 0
        while True:
            match = self.count_re.search(text, position)
            if match is None:
                return result
            start = match.start()
            if start and self.count_before_re.match(text, start - 1):
                position = start + 1
                continue
            result.append(match)
            position = match.end()

    def _list_before_count(
        self, sentence: Span, depths: list[int], counts: Sequence[regex.Match[str]]
    ) -> Iterator[Finding]:
        text = sentence.text
        for match in counts:
            # "意见、建议3件": an amount, not a count of the list; but "A镇、B乡等4个乡镇"
            # counts the places named.
            place = self._place_head(text, match)
            figures = match.group("num").isdigit()
            if figures and place is None:
                continue
            count = _count_value(match.group("num"))
            if count is None or count < 2:
                continue
            end = match.start()
            etc = False
            changed = text.endswith(self.fillers, 0, end)  # (most counts follow no filler)
            while changed and end > match.start() - 8:
                changed = False
                for filler in self.fillers:
                    if text.endswith(filler, 0, end):
                        etc = etc or filler == "等"
                        end -= len(filler)
                        changed = True
                        break
            if end <= 0 or not _ITEM_END_RE.match(text, end - 1, end) or text[end - 1] in "的之":
                continue
            if text.startswith(self.skip_heads, match.end()):
                continue
            quoted_count = end < match.start() and text[end] in "“「"
            if end == match.end() or (
                not quoted_count and text[match.end() : match.end() + 1] in PART_MARKS + "。）)"
            ):
                continue  # "印染厂十五个，": an amount, not a count naming the list
            quote_start = self._quote_start(text, end - 1) if text[end - 1] in "”」』" else None
            if quote_start is not None and "、" in text[quote_start:end]:
                bounds = self._items(text, depths, quote_start + 1, end - 1)
                etc = etc or text.endswith(self.etc_words, quote_start + 1, end - 1)
            elif quoted_count or place is not None or self._named_kind(text, match):
                depth = depths[end - 1]
                start = end
                floor = max(0, end - MAX_SPAN)
                while start > floor and depths[start - 1] >= depth:
                    if text[start - 1] in CLAUSE_MARKS + "。！？" and depths[start - 1] == depth:
                        break
                    start -= 1
                places = None if place is None or quoted_count else self._named_places(text[start:end], place)
                if places is not None:
                    bounds = (places, places) if not _DIGIT_RE.search(text, start, end) else None
                elif (
                    place is not None and not quoted_count and (figures or not self._named_kind(text, match))
                ):
                    continue
                else:
                    bounds = self._items(text, depths, start, end)
            else:
                continue
            if bounds is None:
                continue
            yield from self._count_finding(sentence, match, count, bounds, etc, announced_first=False)

    def _place_head(self, text: str, match: regex.Match[str]) -> tuple[str, ...] | None:
        """The name endings of the places a count names: "4个乡镇" -> ("乡", "镇")."""
        if match.group("cls") != "个" or not text.startswith(self.place_head_words, match.end()):
            return None
        for head, endings in self.place_heads:
            if text.startswith(head, match.end()):
                return endings
        return None

    def _named_places(self, segment: str, endings: tuple[str, ...]) -> int | None:
        """How many places ``segment`` names when every item is a place name ending as the count's
        places do ("A镇、B乡和C乡" -> 3; "和平村" is one name); None when it is not such a list."""
        items = [item.strip() for item in segment.split("、")]
        if len(items) < 2:
            return None
        total = 0
        for item in items:
            if not (1 < len(item) <= self.max_item and item.endswith(endings)):
                return None
            pieces = [piece.strip() for piece in self.place_split_re.split(item)]
            joined = all(len(piece) > 1 and piece.endswith(endings) for piece in pieces)
            total += len(pieces) if joined else 1
        return total

    @staticmethod
    def _quote_start(text: str, close: int) -> int | None:
        pairs = {"”": "“", "」": "「", "』": "『"}
        opening = pairs[text[close]]
        index = text.rfind(opening, 0, close)
        return index if index >= 0 else None

    def _count_before_list(
        self, sentence: Span, depths: list[int], counts: Sequence[regex.Match[str]]
    ) -> Iterator[Finding]:
        text = sentence.text
        for match in counts:
            if match.group("cls") not in self.announcing:
                continue
            count = _count_value(match.group("num"))
            if count is None or count < 2:
                continue
            intro = self.intro_after_re.match(text, match.end())
            if not intro:
                continue
            start = intro.end()
            depth = depths[start] if start < len(depths) else 0
            end = start
            ceiling = min(len(text), start + MAX_SPAN)
            while (
                end < ceiling
                and not (text[end] in "，,。；;！？" and depths[end] <= depth)
                and depths[end] >= depth
            ):
                end += 1
            if end == ceiling or (end < len(text) and text[end] in "；;"):
                continue  # the first of several ；-separated items
            segment = text[start:end].rstrip("。")
            etc = segment.endswith(self.etc_words) if self.etc_words else False
            bounds = self._items(text, depths, start, start + len(segment))
            if bounds is None:
                continue
            yield from self._count_finding(sentence, match, count, bounds, etc, announced_first=True)

    def _count_finding(
        self,
        sentence: Span,
        match: regex.Match[str],
        count: int,
        bounds: tuple[int, int],
        etc: bool,
        *,
        announced_first: bool,
    ) -> Iterator[Finding]:
        fewest, most = bounds
        if fewest > count:
            listed = f"{fewest}项" if fewest == most else f"至少{fewest}项"
        elif most < count and not etc:
            listed = f"{most}项" if fewest == most else f"至多{most}项"
        else:
            return
        where = "后文" if announced_first else "前文"
        yield Finding(
            sentence.start + match.start(),
            sentence.start + match.end(),
            f"数量与列举不一致：「{match.group()}」表示{count}项，但{where}列举了{listed}，请核对数量或补全列举",
        )

    def _announced_lists(self, doc: Document) -> Iterator[Finding]:
        """ "存在两方面问题，一是……二是……三是……": the count against the 一是 items that follow."""
        if "一是" not in doc.text or not self._may_announce(doc):
            return
        markers = doc.markers
        paragraphs = doc.paragraphs
        for index, marker in enumerate(markers):
            if marker.kind != "shi" or marker.value != 1:
                continue
            paragraph = paragraphs[marker.paragraph]
            window_start = max(paragraph.start, marker.start - 40)
            if index and markers[index - 1].paragraph == marker.paragraph:
                window_start = max(window_start, markers[index - 1].end)
            before = doc.text[window_start : marker.start]
            announce = self.announce_re.search(before)
            if not announce and marker.at_paragraph_start and marker.paragraph:
                # "从五个方面发力：" ending the paragraph before the 一是 lines.
                previous = paragraphs[marker.paragraph - 1]
                window_start = max(previous.start, previous.end - 40)
                before = doc.text[window_start : previous.end]
                announce = self.announce_re.search(before) if before.endswith(("：", ":")) else None
            if not announce:
                continue
            count = _count_value(announce.group("num"))
            if count is None or count < 2:
                continue
            parent = any(
                m.kind == "shi"
                and m.paragraph == marker.paragraph
                and m.start < window_start + announce.start()
                for m in markers[max(0, index - 12) : index]
            )
            found = 1
            reset = False
            current_paragraph = marker.paragraph
            last = marker
            for later in markers[index + 1 :]:
                if later.kind != "shi":
                    if later.at_paragraph_start:
                        break
                    continue
                if later.value == found + 1 and (
                    later.paragraph == current_paragraph
                    or (later.paragraph == current_paragraph + 1 and later.at_paragraph_start)
                ):
                    found += 1
                    current_paragraph = later.paragraph
                    last = later
                    continue
                reset = later.value == 1 and later.paragraph == current_paragraph
                break
            if found == count or (reset and found < count) or (parent and found > count):
                continue
            if found < count and (found < 2 or not self._list_ends_here(doc, marker, last)):
                continue
            start = window_start + announce.start()
            text = announce.group("num") + announce.group("cls")
            severity = Severity.ERROR if found > count else Severity.WARNING
            yield Finding(
                start,
                start + len(text),
                f"数量与列举不一致：「{text}」表示{count}项，但其后“一是、二是……”列举了{found}项，请核对数量或补全列举",
                severity=severity,
            )

    def _may_announce(self, doc: Document) -> bool:
        """False when no 一是 of ``doc`` has a count announcing it (then the numbering markers that
        _announced_lists reads need not be found): the windows searched are those _announced_lists
        searches or wider, with a pattern matching wherever its own does."""
        text = doc.text
        paragraphs = doc.paragraphs
        for position in _occurrences(text, "一是"):
            paragraph = doc.paragraph_at(position)
            if paragraph is None:
                continue
            if self.loose_announce_re.search(text, max(paragraph.start, position - 40), position):
                return True
            if position == paragraph.start and paragraph.index:
                previous = paragraphs[paragraph.index - 1]
                before = text[max(previous.start, previous.end - 40) : previous.end]
                if before.endswith(("：", ":")) and self.loose_announce_re.search(before):
                    return True
        return False

    def _slogans(self, doc: Document) -> Iterator[Finding]:
        """ "四个一批：关停取缔一批、整合搬迁一批、整改提升一批": the count against the items repeating its key."""
        for paragraph in self._slogan_paragraphs(doc):
            text = paragraph.text
            depths: list[int] | None = None
            for match in self.slogan_re.finditer(text):
                if match.group("close"):
                    # A quoted slogan, maybe of several parts: "四查四看", "两手抓、两手硬".
                    opening = max(
                        text.rfind(mark, max(0, match.start() - 12), match.start() + 1) for mark in "“「『"
                    )
                    if opening < 0 or any(mark in text[opening : match.start()] for mark in "”」』"):
                        continue
                    shown_start, shown_end = opening + 1, match.end("head")
                    pairs = [
                        (_count_value(m.group("num")), [m.group("key")])
                        for m in self.slogan_part_re.finditer(text, shown_start, shown_end)
                    ]
                else:
                    head = match.group("head")
                    shown_start, shown_end = match.start(), match.end("head")
                    pairs = [(_count_value(match.group("num")), [head[:n] for n in range(len(head), 0, -1)])]
                if depths is None:
                    depths = _depths(text)
                items, ended, marks = self._slogan_items(text, depths, match.end())
                if not items or items[0].startswith(self.nested_starts):
                    continue
                quoted = bool(match.group("close"))
                for count, keys in pairs:
                    if count is None or count < 2:
                        continue
                    key = next((k for k in keys if self._slogan_item(items[0], k, quoted)), None)
                    if key is None:
                        continue
                    run = 0
                    for item in items:
                        if not self._slogan_item(item, key, quoted):
                            break
                        run += 1
                    if run < 2 or run == count:
                        continue
                    # A run of 、-joined items closed by ，；。 has ended: "就业安置一批、产业带动一批，全面消除……".
                    closed = (
                        run < len(items)
                        and all(m == "、" for m in marks[: run - 1])
                        and marks[run - 1] in "，,；;。"
                    )
                    if (
                        run < count
                        and not closed
                        and (run < len(items) or not ended or items[-1].endswith(self.etc_words))
                    ):
                        continue
                    if items[run - 1].endswith(self.etc_words):
                        continue
                    shown = text[shown_start:shown_end]
                    yield Finding(
                        paragraph.start + shown_start,
                        paragraph.start + shown_end,
                        f"数量与列举不一致：「{shown}」表示{count}项，但其后列举了{run}项，请核对数量或补全列举",
                    )
                    break

    def _slogan_paragraphs(self, doc: Document) -> list[Paragraph]:
        """The paragraphs that may hold a match of slogan_re, in order: each match ends at a colon or
        at a comma and an intro word, with its numeral at most 11 characters before (numeral, 个,
        head of up to 4, closing quote, noun of up to 4)."""
        text = doc.text
        if self.slogan_intros_overlap:
            ends = [at for at in range(len(text)) if self.slogan_intro_re.match(text, at)]
        else:
            ends = [m.start() for m in self.slogan_intro_re.finditer(text)]
        for colon in "：:":
            ends.extend(_occurrences(text, colon))
        found: list[Paragraph] = []
        for end in sorted(ends):
            if _CN_COUNT_RE.search(text, max(0, end - 11), end):
                paragraph = doc.paragraph_at(end)
                if paragraph is not None and (not found or found[-1] is not paragraph):
                    found.append(paragraph)
        return found

    def _shared_verb_slogans(self, doc: Document) -> Iterator[Finding]:
        """ "“双提升”：满意度、安全感均明显提升": the count against the items that share the slogan's verb."""
        if "”" not in doc.text:
            return
        for match in self.shared_verb_re.finditer(doc.text):
            count = _count_value(match.group("num")) if match.group("num") != "双" else 2
            items = match.group("list").split("、")
            # "服务能力、治理水平和群众满意度": the last item may hold two joined by a conjunction.
            joined = [piece for piece in self.item_split_re.split(items[-1], maxsplit=1) if piece]
            if len(joined) == 2 and all(len(piece) >= 2 for piece in joined):
                items[-1:] = joined
            items = [item for item in items if item]
            if count is None or len(items) < 2 or len(items) == count:
                continue
            if any(len(item) > self.max_item or _DIGIT_RE.search(item) for item in items):
                continue
            if match.group("list").endswith(self.etc_words) and len(items) < count:
                continue
            shown = match.group("slogan")
            yield Finding(
                match.start("slogan"),
                match.end("slogan"),
                f"数量与列举不一致：「{shown}」表示{count}项，但其后列举了{len(items)}项，请核对数量或补全列举",
            )

    def _slogan_items(
        self, text: str, depths: Sequence[int], start: int
    ) -> tuple[list[str], bool, list[str]]:
        """The items of the list starting at ``start``, whether the list plainly ends with its sentence,
        and the mark after each item."""
        items: list[str] = []
        marks: list[str] = []
        begin = start
        base = depths[start] if start < len(depths) else 0
        ceiling = min(len(text), start + 2 * MAX_SPAN)
        for i in range(start, ceiling):
            ch = text[i]
            if depths[i] < base:
                return items, False, marks
            if depths[i] != base:
                continue
            if ch in "。！？!?":
                items.append(text[begin:i].strip())
                marks.append(ch)
                kept = [(item, mark) for item, mark in zip(items, marks, strict=True) if item]
                return [item for item, _ in kept], True, [mark for _, mark in kept]
            if ch in "、，,；;":
                items.append(text[begin:i].strip())
                marks.append(ch)
                begin = i + 1
                if len(items) > MAX_PARTS:
                    return items, False, marks
        if ceiling == len(text):
            items.append(text[begin:ceiling].strip())
            marks.append("")
            kept = [(item, mark) for item, mark in zip(items, marks, strict=True) if item]
            return [item for item, _ in kept], True, [mark for _, mark in kept]
        return items, False, marks

    @staticmethod
    def _slogan_item(item: str, key: str, quoted: bool) -> bool:
        """True when ``item`` repeats the slogan's key: "关停取缔一批" for 一批, "查思想认识" for 查."""
        item = item.rstrip("等")
        if quoted and len(key) > 1:
            return key in item
        if len(key) == 1 and not quoted:
            return item.startswith(key)
        if key.startswith("一") and key in item:
            return True  # "两个一批：培育一批龙头企业"
        return (
            item.startswith(key)
            or item.startswith("一" + key)
            or item.endswith(key)
            or (quoted and key in item)
        )

    def _list_ends_here(self, doc: Document, first: Marker, last: Marker) -> bool:
        """True when a short 一是…二是 list plainly ends in its own paragraph, with nothing that goes on,
        or, one item a line, when every item but the last ends with ；and the last with 。."""
        if first.paragraph != last.paragraph:
            paragraphs = doc.paragraphs
            items = [paragraphs[i].text for i in range(first.paragraph, last.paragraph + 1)]
            if not all(item.endswith(("；", ";")) for item in items[:-1]) or not items[-1].endswith("。"):
                return False
            if last.paragraph + 1 < len(paragraphs):
                following = paragraphs[last.paragraph + 1].text
                if self.continuation_re.match(following) or _ITEM_LINE_RE.match(following):
                    return False
            return True
        paragraph = doc.paragraphs[last.paragraph]
        rest = doc.text[last.end : paragraph.end]
        return not self.continuation_re.search(rest)

    def _dated_counts(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        """ "召开专题会议3次，分别于5月、7月召开": a count of events against the times or places listed."""
        text = sentence.text
        base = sentence.start
        for cue in self.respectively_re.finditer(text):
            if depths[cue.start()]:
                continue
            count = next(
                (
                    q
                    for q in reversed(
                        self._quantities_in(doc, base + max(0, cue.start() - 12), base + cue.start())
                    )
                ),
                None,
            )
            if (
                count is None
                or count.end != base + cue.start()
                or count.written_unit not in self.event_units
                or not count.is_amount
                or count.approximate
                or not 2 <= count.value <= 12
            ):
                continue
            end = cue.end()
            while end < len(text) and end - cue.end() < 60 and text[end] not in "，,。；;：:！？（(":
                end += 1
            segment = text[cue.end() : end]
            pieces = segment.split("、")
            joined = [piece for piece in self.item_split_re.split(pieces[-1], maxsplit=1) if piece]
            if len(joined) == 2 and all(len(piece) >= 2 for piece in joined):
                pieces[-1:] = joined
            if len(pieces) < 2 or any(not piece or len(piece) > self.max_item for piece in pieces[:-1]):
                continue
            if (
                any(word in segment for word in self.etc_words)
                or "各" in segment
                or any(q.written_unit == count.written_unit for q in find_quantities(segment))
            ):
                continue  # "分别于上半年和下半年各召开2次": the events are counted per item
            if len(pieces) == count.value:
                continue
            yield Finding(
                count.start,
                count.end,
                f"数量与列举不一致：「{count.text}」与其后“分别”列举的{len(pieces)}项不符，请核对次数或补全列举",
            )

    def _durations(self, sentence: Span) -> Iterator[Finding]:
        """ "历时两个月（3月1日至5月31日）": a stated duration against the dates beside it."""
        text = sentence.text
        if "至" not in text and "到" not in text and "—" not in text and "-" not in text:
            return
        for match in self.duration_re.finditer(text):
            try:
                stated = parse_number(match.group("n"))
            except NumberFormatError:
                continue
            unit = match.group("unit")
            window_start = max(0, match.start() - 30)
            window_end = min(len(text), match.end() + 30)
            ranges = [
                r
                for r in self.date_range_re.finditer(text, window_start, window_end)
                if r.end() <= match.start() or r.start() >= match.end()
            ]
            if len(ranges) != 1:
                continue
            span = ranges[0]
            between = (
                text[span.end() : match.start()]
                if span.end() <= match.start()
                else text[match.end() : span.start()]
            )
            if len(between) > 4 or _STOP_MARK_RE.search(between):
                continue
            expected = _range_length(span, unit)
            if expected is None:
                continue
            low, high = expected
            if low - 1e-9 <= stated <= high + 1e-9:
                continue
            shown = (
                format_number(round((low + high) / 2, 1)) if unit in ("个月", "周") else format_number(high)
            )
            yield Finding(
                sentence.start + match.start("n"),
                sentence.start + match.end("unit"),
                f"时长与日期不符：{span.group()}约为{shown}{unit}，文中写作{match.group('n')}{unit}，请核对",
            )
