"""Changes: 比上年增长X%, 由A增加到B, 增加N个百分点, 翻番."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.document import Document, Span
from reportlint.numbers import Quantity
from reportlint.rule import Finding

from .base import TotalBase
from .helpers import (
    _COMPARE_COMMA_RE,
    CLAUSE_MARKS,
    _count_value,
    _cut_number,
    _half_step,
    _percent_step,
    display_unit,
    format_number,
    format_quantity,
)


class Growth(TotalBase):
    """Checks growth, decline, doubling and increments against the values compared."""

    def _changes(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "120万人次，比上年的100万人次增长25%", "由12.3%降至0，下降了13.3个百分点"."""
        text = sentence.text
        base = sentence.start
        if self.real_growth_re.search(text):
            return  # growth at comparable prices need not match the current-price values
        for cue in self.compare_re.finditer(text):
            previous = self._quantity_at(doc, base + cue.end())
            if previous is None or not previous.is_amount or previous.approximate:
                continue
            doubled = self.doubling_re.match(text, previous.end - base)
            if doubled:
                current = self._current_before(doc, sentence, cue.start(), previous)
                if current is not None:
                    yield from self._judge_doubling(current, previous, doubled, base)
                continue
            change = self.change_after_re.match(text, previous.end - base)
            if not change:
                continue
            stated = self._quantity_at(doc, base + change.end())
            if stated is None:
                continue
            family = self._family(previous) or ("%" if previous.unit == "%" else None)
            if family is None:
                continue
            current = next(
                (
                    q
                    for q in reversed(
                        self._quantities_in(doc, base + max(0, cue.start() - 40), base + cue.start())
                    )
                    if q.is_amount and (self._family(q) or q.unit) == family
                ),
                None,
            )
            if current is None or current.approximate or "。" in text[current.end - base : cue.start()]:
                continue
            if _cut_number(text, current.start - base) or _cut_number(text, previous.start - base):
                continue
            yield from self._judge_change(current, previous, stated, change.group("verb"))
        for cue in self.stated_base_re.finditer(text):
            previous = self._quantity_at(doc, base + cue.end())
            if previous is None or not previous.is_amount or previous.approximate:
                continue
            change = self.stated_change_re.match(text, previous.end - base)
            stated = self._quantity_at(doc, base + change.end()) if change else None
            if change is None or stated is None:
                continue
            current = self._current_before(doc, sentence, cue.start() - 1, previous)
            if current is None or _cut_number(text, current.start - base):
                continue
            if sum(1 for ch in text[current.end - base : cue.start()] if ch in CLAUSE_MARKS) > 1:
                continue  # the current value is not in the clause just before the base
            yield from self._judge_change(current, previous, stated, change.group("verb"))
        for cue in self.from_to_re.finditer(text):
            previous = self._quantity_at(doc, base + cue.end())
            if previous is None or not previous.is_amount or previous.approximate:
                continue
            to = self.to_re.match(text, previous.end - base)
            if not to:
                continue
            current = self._quantity_at(doc, base + to.end())
            if current is None or not current.is_amount or current.approximate:
                continue
            doubled = self.doubling_re.match(text, current.end - base)
            if doubled and (self._family(current) or current.unit) == (
                self._family(previous) or previous.unit
            ):
                yield from self._judge_doubling(current, previous, doubled, base)
                continue
            change = self.change_after_re.match(text, current.end - base)
            if not change:
                continue
            stated = self._quantity_at(doc, base + change.end())
            if stated is None:
                continue
            if current.unit is None and current.value == 0 and previous.unit == "%":
                current = Quantity(current.start, current.end, current.text, 0.0, "%", "%", False, False)
            if (self._family(current) or current.unit) != (self._family(previous) or previous.unit):
                continue
            yield from self._judge_change(current, previous, stated, change.group("verb"))

    def _current_before(
        self, doc: Document, sentence: Span, cue_start: int, previous: Quantity
    ) -> Quantity | None:
        """The value compared with ``previous``: the last number of its unit just before the comparison."""
        text = sentence.text
        base = sentence.start
        family = self._family(previous)
        if family is None:
            return None
        current = next(
            (
                q
                for q in reversed(self._quantities_in(doc, base + max(0, cue_start - 40), base + cue_start))
                if q.is_amount and self._family(q) == family
            ),
            None,
        )
        if current is None or current.approximate or "。" in text[current.end - base : cue_start]:
            return None
        return current

    def _judge_doubling(
        self, current: Quantity, previous: Quantity, doubled: regex.Match[str], base: int
    ) -> Iterator[Finding]:
        """ "由1200万元增长到1800万元，实现翻番": doubling (翻一番 ×2, 翻两番 ×4) against the two values."""
        if previous.value <= 0 or previous.approximate or current.approximate or not self._family(current):
            return
        times = _count_value(doubled.group("n")) if doubled.group("n") else 1
        factor = 2.0 ** (times or 1)
        ratio = current.value / previous.value
        slack = (_half_step(current) + current.value * _half_step(previous) / previous.value) / previous.value
        if ratio + slack >= factor * 0.99:
            return
        word = doubled.group("verb")
        yield Finding(
            base + doubled.start("verb"),
            base + doubled.end("verb"),
            f"翻番与数字不符：由{previous.text}变为{current.text}，是原来的{format_number(round(ratio, 2))}倍，"
            f"不到{format_number(factor)}倍，不能称“{word}”，请核对",
        )

    def _increments(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "完成投资18亿元，比上年增加3亿元，增长15%": the rate against the value and its increment."""
        text = sentence.text
        base = sentence.start
        if self.real_growth_re.search(text):
            return
        for cue in self.increment_re.finditer(text):
            delta = self._quantity_at(doc, base + cue.end())
            if delta is None or not delta.is_amount or delta.approximate or not self._family(delta):
                continue
            change = self.change_after_re.match(text, delta.end - base)
            if not change or not _COMPARE_COMMA_RE.match(text[delta.end - base : change.start("verb")]):
                continue
            stated = self._quantity_at(doc, base + change.end())
            if stated is None or stated.unit != "%" or not stated.is_amount or stated.approximate:
                continue
            family = self._family(delta)
            current = next(
                (
                    q
                    for q in reversed(
                        self._quantities_in(doc, base + max(0, cue.start() - 40), base + cue.start())
                    )
                    if q.is_amount and self._family(q) == family
                ),
                None,
            )
            if current is None or current.approximate or _cut_number(text, current.start - base):
                continue
            down = cue.group("verb") in self.decrease_words or cue.group("verb") == "少"
            if down != (change.group("verb") in self.decrease_words):
                continue  # "减少3亿元，增长5%": not one change told twice
            previous_value = current.value + delta.value if down else current.value - delta.value
            if previous_value <= 0:
                continue
            expected = delta.value / previous_value * 100
            slack = (
                _percent_step(stated)
                + 0.1
                + 100 * _half_step(delta) / previous_value
                + 100 * delta.value * (_half_step(current) + _half_step(delta)) / previous_value**2
            )
            if abs(stated.value - expected) <= slack:
                continue
            unit = display_unit(current)
            yield Finding(
                stated.start,
                stated.end,
                f"增减幅度与数字不符：由{current.text}和{cue.group('verb')}{delta.text}推算上年为"
                f"{format_quantity(previous_value, unit)}，应为{change.group('verb')}{format_number(round(expected, 1))}%，"
                f"文中写作{stated.text}，请核对",
            )

    def _judge_change(
        self, current: Quantity, previous: Quantity, stated: Quantity, verb: str
    ) -> Iterator[Finding]:
        if not stated.is_amount or stated.approximate or previous.value <= 0:
            return
        sign = -1.0 if verb in self.decrease_words else 1.0
        if stated.unit == "百分点" and current.unit == "%" and previous.unit == "%":
            expected = current.value - previous.value
            slack = _percent_step(stated) + _half_step(current) + _half_step(previous) + 1e-6
            shown = f"{format_number(round(abs(expected), 2))}个百分点"
        elif stated.unit == "%" and current.unit != "%" and self._family(current):
            expected = (current.value - previous.value) / previous.value * 100
            slack = (
                _percent_step(stated)
                + 0.1
                + 100 * _half_step(current) / previous.value
                + 100 * current.value * _half_step(previous) / previous.value**2
            )
            shown = f"{format_number(round(abs(expected), 1))}%"
        elif stated.unit == "倍" and current.unit != "%" and self._family(current) and sign > 0:
            # "增长1.5倍" is read as (A-B)/B by the standard and as A/B by many writers: accept either.
            ratio = current.value / previous.value
            slack = _percent_step(stated) + 0.05 * ratio
            if min(abs(stated.value - ratio), abs(stated.value - (ratio - 1))) <= slack:
                return
            yield Finding(
                stated.start,
                stated.end,
                f"增减幅度与数字不符：由{previous.text}变为{current.text}，是原来的{format_number(round(ratio, 2))}倍"
                f"（增长{format_number(round(ratio - 1, 2))}倍），文中写作{verb}{stated.text}，请核对",
            )
            return
        else:
            return
        if abs(sign * stated.value - expected) <= slack:
            return
        direction = "增长" if expected > 0 else "下降"
        yield Finding(
            stated.start,
            stated.end,
            f"增减幅度与数字不符：由{previous.text}变为{current.text}，应为{direction}{shown}，"
            f"文中写作{verb}{stated.text}，请核对",
        )
