"""Rule duplicated-text (RL102)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.document import Document
from reportlint.rule import Finding, Rule, Severity


class DuplicatedText(Rule):
    """同一词语或短语重复录入。

    作用：（待补充）
    """

    code = "RL102"
    name = "duplicated-text"
    severity = Severity.ERROR
    summary = "同一词语或短语重复录入"
    data_file = "duplicated_text.toml"

    def check(self, doc: Document) -> Iterable[Finding]:
        return []
