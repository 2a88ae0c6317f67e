"""Rule section-numbering (RL301)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.document import Document
from reportlint.rule import Finding, Rule, Severity


class SectionNumbering(Rule):
    """标题或列举序号跳号、重号或层级混用。

    作用：（待补充）
    """

    code = "RL301"
    name = "section-numbering"
    severity = Severity.WARNING
    summary = "标题或列举序号跳号、重号或层级混用"
    data_file = "section_numbering.toml"

    def check(self, doc: Document) -> Iterable[Finding]:
        return []
