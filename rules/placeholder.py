"""Rule placeholder (RL101)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.document import Document
from reportlint.rule import Finding, Rule, Severity


class Placeholder(Rule):
    """疑似未填写的模板占位符。

    作用：（待补充）
    """

    code = "RL101"
    name = "placeholder"
    severity = Severity.ERROR
    summary = "疑似未填写的模板占位符"
    data_file = "placeholder.toml"

    def check(self, doc: Document) -> Iterable[Finding]:
        return []
