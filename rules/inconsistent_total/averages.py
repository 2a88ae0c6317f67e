"""Averages: 户均, 人均, 平均每村, 场均 against a total divided by its units."""

from __future__ import annotations

import math
from collections.abc import Iterator

from reportlint.document import Document, Span
from reportlint.numbers import Quantity
from reportlint.rule import Finding

from .base import TotalBase
from .helpers import (
    _HAN_RE,
    CLAUSE_MARKS,
    MAX_SPAN,
    _bounds,
    _half_step,
    _stated_step,
    display_unit,
    format_number,
    format_quantity,
)


class Averages(TotalBase):
    """Checks averages against the total divided by the number of units."""

    def _averages(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "86户320人，户均3.2人": an average against the total and the count it is taken over."""
        text = sentence.text
        base = sentence.start
        for match in self.average_re.finditer(text):
            period = match.group("p1") or match.group("p2") or match.group("p3")
            per = match.group("u1") or match.group("u2") or match.group("u3") or period or ""
            per_family = self.family.get(per, per)
            stated = next(
                iter(self._quantities_in(doc, base + match.end(), base + min(len(text), match.end() + 30))),
                None,
            )
            if stated is None or not stated.is_amount:
                continue
            gap = text[match.end() : stated.start - base]
            if len(gap) > 8 or not _HAN_RE.fullmatch(gap) or self.average_change_re.search(gap):
                continue
            family = self._family(stated)
            if family is None or family == per_family:
                continue
            window = max(0, match.start() - MAX_SPAN)
            before = [q for q in self._quantities_in(doc, base + window, base + match.start()) if q.is_amount]
            totals = [q for q in before if self._family(q) == family]
            total_after = False
            if not totals and not period:
                # "1200人，人均可支配收入1.5万元，……可支配收入总额2400万元": the total after the average.
                after = self._quantities_in(
                    doc, stated.end, base + min(len(text), stated.end - base + MAX_SPAN)
                )
                totals = [q for q in after if q.is_amount and self._family(q) == family]
                total_after = len(totals) == 1 and bool(
                    self.total_word_re.search(self._clause_before(text, totals[0].start - base))
                )
                if not total_after:
                    continue
            if period:
                # "全年召开会议24次，平均每月2次": a year holds 12 months.
                year = self.year_word_re.search(text, window, match.start())
                if year is None or len(totals) != 1 or totals[0].start - base < year.start():
                    continue
                months = self.periods_per_year[period]
                count = Quantity(
                    year.start() + base, year.end() + base, year.group(), months, per, per, False, True
                )
            else:
                counts = [
                    q
                    for q in before
                    if self._counts_units(
                        text[max(0, q.start - base - 3) : q.end - base + 4], q, per, per_family
                    )
                ]
                if len(counts) != 1 or counts[0].value < 2:
                    continue
                count = counts[0]
            if len(totals) != 1:
                continue
            total = totals[0]
            total_prefix = text[max(0, total.start - base - 3) : total.start - base]
            if "均" in total_prefix or "每" in total_prefix:
                continue
            noun = self.average_filler_pattern.sub("", gap)
            if (
                noun
                and noun not in self.unit_nouns.get(stated.written_unit or "", ())
                and not any(
                    self._share_words(noun, self._clause_before(text, q.start - base, stop_at_list=False))
                    for q in (total, count)
                )
            ):
                continue  # "粮食播种面积10万亩，户均耕地5.6亩": the average is of something else
            t_low, t_high = _bounds(total)
            c_low, c_high = _bounds(count)
            s_low, s_high = _bounds(stated)
            if math.isinf(t_high) or math.isinf(c_high) or math.isinf(s_high):
                continue
            expected = total.value / count.value
            slack = (
                _stated_step(stated)
                + _half_step(total) / count.value
                + total.value * _half_step(count) / count.value**2
                + 0.05 * expected
            )
            low_expected, high_expected = t_low / c_high, t_high / max(c_low, 1e-9)
            if s_low - slack <= high_expected and low_expected <= s_high + slack:
                continue
            if total_after:
                unit = display_unit(total)
                product = stated.value * count.value
                yield Finding(
                    total.start,
                    total.end,
                    f"总数与平均数不符：由{count.text}和{match.group()}{stated.text}算得总数约为"
                    f"{format_quantity(product, unit)}，文中写作{total.text}，请核对",
                )
                continue
            unit = display_unit(stated)
            source = (
                f"{count.text}{total.text}按{format_number(count.value)}个{per}计，"
                if period
                else f"{total.text}和{count.text}"
            )
            yield Finding(
                stated.start,
                stated.end,
                f"平均数与总数不符：由{source}算得{match.group()}约为"
                f"{format_quantity(round(expected, 2) if expected < 1e4 else round(expected), unit)}，"
                f"文中写作{stated.text}，请核对",
            )

    def _counts_units(self, around: str, q: Quantity, per: str, per_family: str) -> bool:
        """True when ``q`` counts what an average is taken over: 86户 for 户均, "15所学校" for 校均.

        ``around`` is ``q`` with the words just before and after it, which name what a general classifier counts."""
        if not q.is_amount or not q.unit:
            return False
        if self.family.get(q.unit, q.unit) == per_family:
            return True
        return q.unit in self.general_classifiers and per in around

    @staticmethod
    def _clause_before(text: str, end: int, *, stop_at_list: bool = True) -> str:
        start = end
        marks = CLAUSE_MARKS + "。、" if stop_at_list else CLAUSE_MARKS + "。"
        while start > 0 and end - start < 40 and text[start - 1] not in marks:
            start -= 1
        return text[start:end]

    @staticmethod
    def _share_words(first: str, second: str) -> bool:
        """True when two names share a two-character word or two characters: "招生" and "招收新生"."""
        if any(first[i : i + 2] in second for i in range(len(first) - 1)):
            return True
        common = set(first) & set(second)
        return len(common) >= 2 or (len(first) == 1 and first in second)
