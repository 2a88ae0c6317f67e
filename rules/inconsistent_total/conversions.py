"""Unit conversions: 1.2万亩（合80公顷）."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.document import Document, Span
from reportlint.rule import Finding

from .base import TotalBase
from .helpers import _half_step, display_unit, format_quantity


class Conversions(TotalBase):
    """Checks a quantity against its converted value in another unit."""

    def _conversions(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "1.2万亩（合800公顷）": a number told again in another unit must be the same amount."""
        text = sentence.text
        base = sentence.start
        if not any(mark in text for mark in ("（", "(", "合")):
            return
        for first in self._quantities_in(doc, base, sentence.end):
            if first.unit not in self.conversions or first.approximate:
                continue
            link = self.conversion_link_re.match(text, first.end - base)
            if not link:
                continue
            second = self._quantity_at(doc, base + link.end())
            if second is None or second.unit not in self.conversions[first.unit] or not second.is_amount:
                continue
            factor = self.conversions[first.unit][second.unit]
            expected = first.value * factor
            slack = _half_step(second) + _half_step(first) * factor + 0.02 * expected
            if second.approximate or link.group().strip("（(，,") == "约合":
                slack += 0.1 * expected
            if abs(second.value - expected) <= slack:
                continue
            yield Finding(
                second.start,
                second.end,
                f"单位换算不符：{first.text}约合{format_quantity(expected, display_unit(second))}，"
                f"文中写作{second.text}，请核对",
            )
