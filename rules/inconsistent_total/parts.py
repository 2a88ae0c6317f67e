"""Totals and their parts: 共/合计……其中/分别为, parts before a total, colon lists, done and remaining."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterator, Sequence

import regex

from reportlint.document import Document, Paragraph, Span
from reportlint.numbers import CHINESE_NUMERAL_CHARS, UNITS, Quantity, find_quantities
from reportlint.rule import Finding, Severity

from .base import TotalBase
from .helpers import (
    _DIGIT_RE,
    _HAN_RE,
    CLAUSE_MARKS,
    CLOSING,
    MAX_PARTS,
    MAX_SPAN,
    OPENING,
    PART_MARKS,
    _bounds,
    _depths,
    _Part,
    _quantity_index,
    _resolution,
    display_unit,
    format_quantity,
)

# The noun between a total and its colon is at most this long. The total is not approximate, so
# it ends with its number, a blank at most and its unit: the last character of its number is at most
# _COLON_TOTAL_REACH characters before the colon. (A plain character class: the standard library's scan.)
_COLON_NOUN = 6
_COLON_TOTAL_REACH = _COLON_NOUN + max(map(len, UNITS)) + 2
_NUMBER_CHAR_RE = re.compile(f"[0-9０-９{CHINESE_NUMERAL_CHARS}]")


# The marks that cut clauses, found with the standard library's class scan (by the marks cut at).
_MARK_RES: dict[str, re.Pattern[str]] = {}
# Bracket depths (helpers._depths) fall, left to right, only at a closing mark, and right to left
# only at an opening mark: the scans below visit those marks and the clause marks alone.
_CLOSING_RE = re.compile(f"[{re.escape(CLOSING)}]")
_CLAUSE_STOP_RE = re.compile(f"[{re.escape(OPENING + CLAUSE_MARKS)}。]")


def _clause_start(text: str, depths: Sequence[int], end: int, depth: int, floor: int) -> int:
    """Where the clause ending at ``end`` (``depths[end - 1]`` or the depth at ``end`` is ``depth``)
    starts: after the last clause mark or 。 at ``depth`` before it, or after the last character
    shallower than ``depth``; ``floor`` at the earliest (``end`` itself when it is not after ``floor``)."""
    if end <= floor:
        return end
    stops = [mark.start() for mark in _CLAUSE_STOP_RE.finditer(text, floor, end)]
    for at in reversed(stops):
        if depths[at] < depth or (depths[at] == depth and text[at] in CLAUSE_MARKS + "。"):
            return at + 1
    return floor


def _bracket_end(text: str, depths: Sequence[int], start: int, depth: int, ceiling: int) -> int:
    """The first position from ``start`` (at ``depth``) shallower than ``depth``, or ``ceiling``."""
    if depth:
        for mark in _CLOSING_RE.finditer(text, start, ceiling):
            if depths[mark.start()] < depth:
                return mark.start()
    return ceiling


class Parts(TotalBase):
    """Checks that the parts of a total add up to it."""

    def _clauses(
        self, text: str, depths: Sequence[int], start: int, end: int, marks: str
    ) -> list[tuple[int, int]]:
        """Top-level clauses of ``text[start:end]`` split at ``marks`` (relative offsets)."""
        result: list[tuple[int, int]] = []
        begin = start
        base = depths[start] if start < len(depths) else 0
        marks_re = _MARK_RES.get(marks)
        if marks_re is None:
            marks_re = _MARK_RES[marks] = re.compile(f"[{re.escape(marks)}]")
        for mark in marks_re.finditer(text, start, end):
            i = mark.start()
            if depths[i] == base:
                result.append((begin, i))
                begin = i + 1
        result.append((begin, end))
        return result

    def _parts_after_total(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        text = sentence.text
        for cue in self.part_cue_re.finditer(text):
            cue_start = cue.start()
            cue_word = cue.group().rstrip("，,：:")
            before = text[cue_start - 1] if cue_start else ""
            if before not in CLAUSE_MARKS + "（(":
                # "……2.3亿元，各季度分别为……": a subject naming every part may stand before 分别为.
                subject = (
                    self.subject_re.search(text, max(0, cue_start - 8), cue_start)
                    if cue_word in self.exhaustive_cues
                    else None
                )
                if subject is None or depths[subject.start()]:
                    continue
                cue_start = subject.start()
            total_end = cue_start - 1
            yield from self._parts_from(doc, sentence, depths, total_end, cue.end(), cue_word)
        for ordinal in self.ordinal_parts_re.finditer(text):
            # "共1.8亿元，第一批0.6亿元、第二批0.5亿元、第三批0.9亿元": parts told by their order.
            if depths[ordinal.start()] or text.find("第二", ordinal.end(), ordinal.end() + MAX_SPAN) < 0:
                continue
            yield from self._parts_from(doc, sentence, depths, ordinal.start() - 1, ordinal.start(), "第一")
        for middle in self.among_re.finditer(text):
            # "38所中小学中，已有41所……": one group cannot outnumber the whole.
            yield from self._larger_group(doc, sentence, middle)
            # "全镇6个村中，4个村……，其余2个村……": the groups named after the count.
            yield from self._parts_from(
                doc, sentence, depths, middle.start(), middle.end(), "中", require_disjoint=True
            )

    def _larger_group(self, doc: Document, sentence: Span, middle: regex.Match[str]) -> Iterator[Finding]:
        """ "全县38所中小学中，已有41所完成……": the group named right after 中 outnumbers the whole."""
        text = sentence.text
        base = sentence.start
        before = self._quantities_in(doc, base + max(0, middle.start() - 12), base + middle.start())
        if not before:
            return
        whole = before[-1]
        noun = text[whole.end - base : middle.start()]
        if not whole.is_amount or not self._family(whole) or _DIGIT_RE.search(noun) or len(noun) > 6:
            return
        clause_end = middle.end()
        while (
            clause_end < len(text)
            and clause_end - middle.end() < MAX_SPAN
            and text[clause_end] not in CLAUSE_MARKS + "。；;"
        ):
            clause_end += 1
        inside = self._quantities_in(doc, base + middle.end(), base + clause_end)
        if not inside:
            return
        part = inside[0]
        prefix = text[middle.end() : part.start - base]
        if part.written_unit != whole.written_unit or not self.group_prefix_re.fullmatch(prefix):
            return
        after = text[part.end - base : clause_end]
        if (
            after
            and noun
            and not after.startswith((noun, noun[:2], noun[-1:]))
            and not self.group_verb_re.match(after)
        ):
            return  # "12个村中，有15个合作社……": the number counts something else
        if part.approximate or whole.approximate:
            return
        if part.value > whole.value + 1e-6 * max(1.0, whole.value):
            yield Finding(
                part.start,
                part.end,
                f"部分多于整体：「{part.text}」多于前文的总数「{whole.text}{noun}」，请核对数字",
            )

    def _parts_from(
        self,
        doc: Document,
        sentence: Span,
        depths: list[int],
        total_end: int,
        parts_start: int,
        cue_word: str,
        *,
        require_disjoint: bool = False,
    ) -> Iterator[Finding]:
        """Parts that follow the total ending at ``total_end``, from ``parts_start`` on."""
        text = sentence.text
        if total_end <= 0:
            return
        total_depth = depths[total_end - 1]
        # The clause holding the total: back to the previous clause mark at its depth.
        floor = max(0, total_end - MAX_SPAN)
        total_start = _clause_start(text, depths, total_end, total_depth, floor)
        if (
            cue_word == "其中"
            and total_start > 1
            and text[total_start - 1] in "，,"
            and self.growth_clause_re.fullmatch(text, total_start, total_end)
        ):
            # "生产总值86.5亿元，同比增长6.2%，其中……": the total is in the clause before its growth.
            total_end = total_start - 1
            total_start = _clause_start(text, depths, total_end, total_depth, floor)
        if self.base_clause_re.search(text, total_start, total_end):
            return  # "比一九五七年的1241亿元增长65%。其中，……": a base of comparison, not the total
        # The parts: up to the end of the sentence or of the bracket holding the cue.
        if parts_start >= len(text):
            return
        parts_depth = depths[parts_start]
        ceiling = min(len(text), parts_start + 2 * MAX_SPAN)
        parts_end = _bracket_end(text, depths, parts_start, parts_depth, ceiling)
        remainder: tuple[int, int] | None = None
        stop = self.stop_re.search(text, parts_start, parts_end)
        if stop:
            if stop.group() in self.remainder_words and depths[stop.start()] == parts_depth:
                # "其余2个村": the rest of the total, so the parts before and it make up the whole.
                end = stop.end()
                while end < parts_end and not (
                    text[end] in CLAUSE_MARKS + "。" and depths[end] == parts_depth
                ):
                    end += 1
                remainder = (stop.end(), end)
            parts_end = stop.start()
        if require_disjoint and remainder is None and not self.bound_re.search(text, parts_start, parts_end):
            return  # no remainder and no ranges: the groups may overlap
        yield from self._compare(
            doc,
            sentence,
            depths,
            (total_start, total_end),
            (parts_start, parts_end),
            cue_word,
            after=True,
            remainder=remainder,
            require_disjoint=require_disjoint,
        )

    def _parts_before_total(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        text = sentence.text
        for cue in self.total_cue_re.finditer(text):
            cue_start = cue.start()
            if not cue_start or text[cue_start - 1] not in "，,；;" or depths[cue_start]:
                continue
            total = self._quantity_at(doc, sentence.start + cue.end())
            if total is None:
                continue
            # Parts: the clauses before the cue, back to the sentence start or a colon.
            parts_start = cue_start - 1
            floor = max(0, parts_start - 2 * MAX_SPAN)
            while parts_start > floor and text[parts_start - 1] not in "：:。；;":
                parts_start -= 1
            clause_end = total.end - sentence.start
            cue_word = next((w for w in self.strict_total_cues if text.startswith(w, cue_start)), "共")
            yield from self._compare(
                doc,
                sentence,
                depths,
                (cue_start, clause_end),
                (parts_start, cue_start - 1),
                cue_word,
                after=False,
            )

    def _compare(
        self,
        doc: Document,
        sentence: Span,
        depths: list[int],
        total_span: tuple[int, int],
        parts_span: tuple[int, int],
        cue_word: str,
        *,
        after: bool,
        remainder: tuple[int, int] | None = None,
        require_disjoint: bool = False,
    ) -> Iterator[Finding]:
        text = sentence.text
        base = sentence.start
        total_start, total_end = total_span
        if total_end <= total_start:
            return
        by_family: dict[str, list[Quantity]] = {}
        for q in self._quantities_in(doc, base + total_start, base + total_end):
            family = self._family(q)
            if family and depths[q.start - base] == depths[total_start]:
                by_family.setdefault(family, []).append(q)
        if not by_family:
            return
        parts_start, parts_end = parts_span
        if parts_end <= parts_start:
            return
        region_depth = min(depths[parts_start:parts_end], default=0)
        clauses = self._clauses(text, depths, parts_start, parts_end, PART_MARKS)
        if not after:
            clauses = clauses[::-1]
        parts_text = text[parts_start:parts_end]
        open_words = [(m.start() + parts_start, m.group()) for m in self.open_list_re.finditer(parts_text)]
        open_list = bool(open_words)
        overlapping = after and bool(self.overlap_re.search(parts_text))
        for family, candidates in by_family.items():
            if len(candidates) != 1:
                continue
            total = candidates[0]
            prefix = text[total_start : total.start - base]
            if after and (self._not_a_part(prefix) or prefix.endswith("各")):
                continue  # "组长、副组长各1人，其中……": an amount for each, not a total
            parts: list[_Part] = []
            uncertain = False  # the list may not be all of the total
            for c_start, c_end in clauses[:MAX_PARTS]:
                if not after and self.stop_re.search(text, c_start, c_end):
                    break
                found = [
                    q
                    for q in self._quantities_in(doc, base + c_start, base + c_end)
                    if depths[q.start - base] == region_depth
                    and not (q.chinese and self._family(q) != family)  # "两类补贴320万元"
                ]
                same = [q for q in found if self._family(q) == family]
                if not after and (len(same) != 1 or len(found) != 1):
                    uncertain = uncertain or bool(same)
                    break  # parts before a total are one number per clause, side by side
                for q in same:
                    clause_prefix = text[c_start : q.start - base]
                    if self._not_a_part(clause_prefix):
                        uncertain = True
                        continue
                    low, high = _bounds(q)
                    label = clause_prefix if len(same) == 1 else ""
                    parts.append(_Part(q, low, high, _resolution(q), label, text[c_start:c_end]))
            if not parts or (not after and len(parts) < 2):
                continue
            exhaustive: bool | None = None
            rest_named = after and len(parts) >= 2 and self._rest_part(parts[-1], open_words, base)
            if rest_named:
                # "……、其他补贴3000万元": the last part is the rest, so the parts are all of the total.
                exhaustive = not uncertain
            else:
                uncertain = uncertain or open_list
            if remainder is not None:
                rest = [
                    q
                    for q in self._quantities_in(doc, base + remainder[0], base + remainder[1])
                    if self._family(q) == family
                ]
                prefix = text[remainder[0] : rest[0].start - base] if len(rest) == 1 else ""
                if len(rest) == 1 and len(prefix) <= 4 and not _DIGIT_RE.search(prefix):
                    low, high = _bounds(rest[0])
                    parts.append(_Part(rest[0], low, high, _resolution(rest[0])))
                    exhaustive = not uncertain
            if (
                self._complementary(parts)
                or (after and self._named_in_total(parts, prefix))
                or (after and self._compound_total(parts, text[total_start:total_end]))
                or self._closed_set(parts)
            ):
                exhaustive = not uncertain  # "男性70人、女性50人": the two parts are the whole
            elif overlapping and not rest_named:
                continue  # "其中女性600人、青年500人": categories that overlap
            if require_disjoint and not exhaustive and not self._disjoint(doc, parts):
                continue  # "4个村建成广场，5个村建成书屋": groups that may overlap
            yield from self._judge(total, parts, cue_word, uncertain, after=after, exhaustive=exhaustive)

    def _rest_part(self, part: _Part, open_words: Sequence[tuple[int, str]], base: int) -> bool:
        """True when ``part`` is named the rest ("其他补贴3000万元") and no other word opens the list."""
        if not part.label or any(ch in part.label for ch in PART_MARKS):
            return False
        label_start = part.quantity.start - base - len(part.label)
        rest = [(at, word) for at, word in open_words if word in self.rest_part_words]
        return (
            bool(rest)
            and len(rest) == len(open_words)
            and all(label_start <= at < part.quantity.start - base for at, _ in rest)
        )

    def _label(self, clause_prefix: str) -> str:
        """The words naming a part: "其中男性" -> "男性", "非农业人口为" -> "非农业人口"."""
        label = clause_prefix.strip()
        if label.startswith(self.label_trim):  # (one test first: most labels hold none of the words)
            for word in self.label_trim:
                if label.startswith(word):
                    label = label[len(word) :]
                    break
        if label.endswith(self.label_trim):
            for word in self.label_trim:
                if label.endswith(word):
                    label = label[: -len(word)]
                    break
        return label

    def _complementary(self, parts: Sequence[_Part]) -> bool:
        """Two parts named as a pair that makes up the whole: 男性/女性, 农业人口/非农业人口."""
        if len(parts) != 2:
            return False
        first, second = self._label(parts[0].label), self._label(parts[1].label)
        if not first or not second:
            return False
        if first == "非" + second or second == "非" + first:
            return True
        for one, other in self.complement_prefixes:
            for a, b in ((first, second), (second, first)):
                rest = a[len(one) :]
                if a.startswith(one) and b.startswith(other) and rest == b[len(other) :]:
                    return True
        return False

    def _named_in_total(self, parts: Sequence[_Part], total_prefix: str) -> bool:
        """Parts whose names together name the total: "新建改建农村公路126公里，其中新建48公里、改建78公里"."""
        if len(parts) < 2:
            return False
        labels = [self._label(part.label) for part in parts]
        # "新建和改造供水管网86公里，其中新建管网32公里、改造管网44公里": each name starts with a word of the total.
        heads = [label[:2] for label in labels]
        return (
            len(set(heads)) == len(heads)
            and all(len(label) >= 2 and label[:2] in total_prefix for label in labels)
            and not any(a in b for a, b in itertools.permutations(labels, 2))
        )

    def _closed_set(self, parts: Sequence[_Part]) -> bool:
        """Parts naming every member of a closed classification: 警告、严重警告……开除党籍; 第一、二、三产业."""
        labels = [self._label(part.label) for part in parts]
        for members in self.closed_sets:
            if len(labels) != len(members):
                continue
            named = [next((m for m in members if label.startswith(m)), None) for label in labels]
            if None not in named and len(set(named)) == len(members):
                return True
        return False

    def _compound_total(self, parts: Sequence[_Part], total_clause: str) -> bool:
        """Parts whose names make the total's compound name: 镇/乡 of "22个乡镇", 中学/小学 of "中小学",
        进口/出口 of "进出口总额"."""
        labels = [self._label(part.label) for part in parts]
        if not 2 <= len(labels) <= 4 or len(set(labels)) != len(labels) or not all(labels):
            return False
        suffix = labels[0]
        for label in labels[1:]:
            while suffix and not label.endswith(suffix):
                suffix = suffix[1:]
        heads = [label[: len(label) - len(suffix)] for label in labels]
        if any(len(head) != 1 for head in heads):
            return False
        return any("".join(order) + suffix in total_clause for order in itertools.permutations(heads))

    def _disjoint(self, doc: Document, parts: Sequence[_Part]) -> bool:
        """True when every two parts are told apart by ranges of one measure: "收入超过20万元", "低于10万元"."""
        if len(parts) < 2:
            return False
        ranges: list[tuple[str, float, float, str]] = []
        for part in parts:
            clause = part.clause
            offset = clause.find(part.quantity.text)
            bound = self._bound_in(clause[offset + len(part.quantity.text) :]) if offset >= 0 else None
            if bound is None:
                return False
            ranges.append(bound)
        for (f1, lo1, hi1, m1), (f2, lo2, hi2, m2) in itertools.combinations(ranges, 2):
            if f1 != f2 or not (hi1 <= lo2 or hi2 <= lo1):
                return False
            # "12个乡镇财政收入超过……，8个乡镇税收低于……" ranges two different measures.
            shared = next(
                (i for i, (a, b) in enumerate(zip(m1, m2, strict=False)) if a != b), min(len(m1), len(m2))
            )
            m1, m2 = m1[shared:], m2[shared:]
            if m1 and m2 and not any(m1[i : i + 2] in m2 for i in range(len(m1) - 1)):
                return False
        return True

    def _bound_in(self, rest: str) -> tuple[str, float, float, str] | None:
        """The one-sided range a clause puts its part in, with the words naming the measure:
        ("元", 200000, inf, "村集体经济收入") for "村集体经济收入超过20万元"."""
        bounds = []
        lower, upper = self.lower_bound_words, self.upper_bound_words
        for q in find_quantities(rest):
            family = self._family(q)
            if family is None or not q.is_amount:
                continue
            before, written, after = rest[: q.start], q.text, rest[q.end :]
            measure = before
            for word in (*lower, *upper):
                if measure.endswith(word):
                    measure = measure[: -len(word)]
                    break
            if (
                before.endswith(lower)
                or written.startswith(lower)
                or written.endswith(lower)
                or after.startswith(lower)
            ):
                bounds.append((family, q.value, math.inf, measure))
            elif before.endswith(upper) or written.startswith(upper) or after.startswith(upper):
                bounds.append((family, -math.inf, q.value, measure))
        return bounds[0] if len(bounds) == 1 else None

    def _judge(
        self,
        total: Quantity,
        parts: list[_Part],
        cue: str,
        open_list: bool,
        *,
        after: bool,
        exhaustive: bool | None = None,
    ) -> Iterator[Finding]:
        parts = sorted(parts, key=lambda p: p.quantity.start)
        total_low, total_high = _bounds(total)
        low_sum = sum(p.low for p in parts)
        high_sum = sum(p.high for p in parts)
        tolerance = 0.5 * (_resolution(total) + sum(p.resolution for p in parts)) + 1e-6 * max(
            1.0, total.value
        )
        approximate = total.approximate or any(p.quantity.approximate for p in parts)

        def shown() -> tuple[str, str, str]:
            """The total, the sum of the parts and the parts, as a message shows them."""
            unit = display_unit(total)
            return (
                format_quantity(total.value, unit),
                format_quantity(sum(p.quantity.value for p in parts), unit),
                "+".join(p.quantity.text for p in parts),
            )

        if low_sum > total_high + tolerance and (not approximate or low_sum > total_high * 1.2):
            shown_total, shown_sum, terms = shown()
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计应为{shown_total}，各分项之和为{shown_sum}（{terms}），"
                "分项之和超过合计，请核对合计或分项数字",
            )
            return
        if exhaustive is None:
            exhaustive = cue in self.exhaustive_cues or (not after and cue in self.strict_total_cues)
        if (
            exhaustive
            and not approximate
            and not open_list
            and len(parts) >= 2
            and high_sum < total_low - tolerance
        ):
            shown_total, shown_sum, terms = shown()
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计应为{shown_total}，各分项之和为{shown_sum}（{terms}），"
                "分项之和小于合计，请核对是否漏列分项或数字有误",
                severity=Severity.WARNING,
            )
            return
        # Each rounded figure is off by up to half a step (uniformly), so n parts and their total differ
        # by rounding alone with a spread of sqrt((n + 1) / 12) steps: one step ("2.31万人+2.26万人" of
        # 4.56万人) is ordinary, a difference beyond two spreads (and beyond one step) needs a look.
        step = max([_resolution(total), *(p.resolution for p in parts)])
        difference = sum(p.quantity.value for p in parts) - total.value
        if (
            step
            and not approximate
            and len(parts) >= 2
            and (difference > 0 or (exhaustive and not open_list))
            and abs(difference) > step * max(1.0, 2 * math.sqrt((len(parts) + 1) / 12)) * (1 + 1e-6)
        ):
            shown_total, shown_sum, terms = shown()
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计为{shown_total}，各分项之和为{shown_sum}（{terms}），"
                "相差超出四舍五入可能造成的误差，请核对合计或分项数字",
                severity=Severity.WARNING,
            )

    def _remaining(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        """ "排查隐患52处，已整改48处，剩余5处": the total against what was done and what remains."""
        text = sentence.text
        base = sentence.start
        for cue in self.remaining_re.finditer(text):
            start = cue.start()
            if not start or text[start - 1] not in CLAUSE_MARKS or depths[start]:
                continue
            rest = [
                q
                for q in self._quantities_in(doc, base + cue.end(), base + min(len(text), cue.end() + 6))
                if self._family(q)
            ]
            if not rest or rest[0].start - base > cue.end() + 2 or rest[0].approximate:
                continue
            remainder = rest[0]
            family = self._family(remainder)
            # Back through the clauses before: one number of this unit in each, the first being the total.
            window = max(0, start - 1 - MAX_SPAN)
            clauses = self._clauses(text, depths, window, start - 1, CLAUSE_MARKS)[1 if window else 0 :]
            found: list[Quantity] = []
            for c_start, c_end in reversed(clauses):
                same = [
                    q
                    for q in self._quantities_in(doc, base + c_start, base + c_end)
                    if self._family(q) == family
                ]
                if (
                    len(same) != 1
                    or same[0].approximate
                    or depths[c_start]
                    or self._not_a_part(text[c_start : same[0].start - base])
                ):
                    break
                found.append(same[0])
            if len(found) < 2:
                continue
            total, parts = found[-1], found[-2::-1]
            if not self.total_clause_re.search(text, max(0, total.start - base - 12), total.start - base):
                continue  # the first number must be a total: "共排查", "累计受理", "全年收到"
            done = sum(q.value for q in parts) + remainder.value
            if abs(done - total.value) <= 1e-6 * max(1.0, total.value) or any(
                _resolution(q) for q in (*parts, remainder, total)
            ):
                continue
            unit = display_unit(total)
            terms = "+".join(q.text for q in (*parts, remainder))
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计为{total.text}，已完成与剩余之和为{format_quantity(done, unit)}（{terms}），请核对",
            )

    def _colon_parts(self, doc: Document) -> Iterator[Finding]:
        """ "全镇共有学校12所：中学2所；小学7所；幼儿园4所。" (on one line or one a line),
        "班子成员5人：书记、镇长各1人，副镇长2人": parts after a colon cannot add up to more than the total."""
        text = doc.text
        index = _quantity_index(doc)
        paragraphs: list[Paragraph] = []
        paragraph_starts: list[int] = []
        for colon in self.colon_total_re.finditer(text):
            if not _NUMBER_CHAR_RE.search(text, max(0, colon.start() - _COLON_TOTAL_REACH), colon.start()):
                continue  # no number close enough before the colon: the noun would be too long
            # The total: the last quantity ending before the colon. Only the colon's stretch is read:
            # a quantity in an earlier one leaves a break (not a Han character) in the noun between them.
            total = index.last_before(colon.start())
            if total is None:
                continue
            noun = text[total.end : colon.start()]
            family = self._family(total)
            if (
                family is None
                or total.approximate
                or len(noun) > _COLON_NOUN
                or not _HAN_RE.fullmatch(noun)
                or noun.endswith(self.colon_skip_nouns)
            ):
                continue
            if not paragraphs:
                paragraphs = doc.paragraphs
                paragraph_starts = doc.paragraph_starts
            at = bisect.bisect_right(paragraph_starts, colon.start()) - 1
            if at < 0:
                continue
            paragraph = paragraphs[at]
            floor = max(paragraph.start, total.start - MAX_SPAN)
            clause_start = max(
                (text.rfind(mark, floor, total.start) for mark in CLAUSE_MARKS + "。"), default=-1
            )
            if self._not_a_part(text[max(clause_start + 1, floor) : total.start]):
                continue
            # The parts: the rest of the paragraph, or the short lines after it up to one ending with 。.
            regions: list[tuple[int, int]] = []
            if colon.end() < paragraph.end:
                # Up to the end of the sentence (or a second colon, which starts another list).
                stop = self.colon_list_end_re.search(
                    text, colon.end(), min(paragraph.end, colon.end() + 2 * MAX_SPAN)
                )
                regions.append(
                    (colon.end(), stop.start() if stop else min(paragraph.end, colon.end() + 2 * MAX_SPAN))
                )
            else:
                for line in paragraphs[paragraph.index + 1 : paragraph.index + 1 + MAX_PARTS]:
                    if len(line.text) > self.max_item * 3:
                        break
                    regions.append((line.start, line.end))
                    if not line.text.endswith(("；", ";", "，", ",")):
                        break
            parts = self._colon_items(doc, regions, family)
            if parts is None or len(parts) < 2:
                continue
            part_sum = sum(value for value, _ in parts)
            if part_sum > total.value + 1e-6 * max(1.0, total.value):
                unit = display_unit(total)
                terms = "+".join(shown for _, shown in parts)
                yield Finding(
                    total.start,
                    total.end,
                    f"合计与分项不一致：合计为{format_quantity(total.value, unit)}，其后各分项之和为"
                    f"{format_quantity(part_sum, unit)}（{terms}），分项之和超过合计，请核对合计或分项数字",
                )

    def _colon_items(
        self, doc: Document, regions: Sequence[tuple[int, int]], family: str
    ) -> list[tuple[float, str]] | None:
        """(value, shown) of each part in ``regions``; None when the list cannot be summed."""
        text = doc.text
        parts: list[tuple[float, str]] = []
        for number, (region_start, region_end) in enumerate(regions):
            segment = text[region_start:region_end]
            cue = self.part_cue_re.search(segment)
            if (
                (cue and (number or cue.start()))  # "中学2所，其中高中1所": a part of a part
                or self.open_list_re.search(segment)
                or self.overlap_re.search(segment)
                or any(start in segment for start in self.nested_starts)
            ):
                return None  # an open list, overlapping groups, or items of their own ("一是……")
            depths = _depths(segment)
            for c_start, c_end in self._clauses(segment, depths, 0, len(segment), "，,；;。"):
                found = self._quantities_in(doc, region_start + c_start, region_start + c_end)
                if any(depths[q.start - region_start] for q in found):
                    return None
                same = [q for q in found if self._family(q) == family]
                if not same:
                    continue
                if any(q.approximate or not q.is_amount or (q.chinese and q.value == 1) for q in same):
                    return None  # "培育一批、引进一批": a slogan, not a count
                prefix = text[region_start + c_start : same[0].start]
                if len(same) == 1 and prefix.endswith("各"):
                    # "党委书记、镇长、纪委书记各1人": one part for each name.
                    names = prefix[:-1].strip()
                    if not names or _DIGIT_RE.search(names):
                        return None
                    count = names.count("、") + 1 + len(self.conjunction_re.findall(names))
                    parts.append((same[0].value * count, f"{count}×{same[0].text}"))
                    continue
                previous_end = region_start + c_start
                for q in same:
                    if self._not_a_part(text[previous_end : q.start]) or "各" in text[previous_end : q.start]:
                        return None
                    parts.append((q.value, q.text))
                    previous_end = q.end
        return parts
