"""Rule empty-slogan (RL103)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.document import Document
from reportlint.rule import Finding, Rule, Severity


class EmptySlogan(Rule):
    """固定提法中缺少内容。

    作用：（待补充）
    """

    code = "RL103"
    name = "empty-slogan"
    severity = Severity.ERROR
    summary = "固定提法中缺少内容"
    data_file = "empty_slogan.toml"

    def check(self, doc: Document) -> Iterable[Finding]:
        return []
