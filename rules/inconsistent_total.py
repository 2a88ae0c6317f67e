"""Rule inconsistent-total (RL201)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.document import Document
from reportlint.rule import Finding, Rule, Severity


class InconsistentTotal(Rule):
    """合计与分项、数量与列举、比率不一致。

    作用：（待补充）
    """

    code = "RL201"
    name = "inconsistent-total"
    severity = Severity.ERROR
    summary = "合计与分项、数量与列举、比率不一致"
    data_file = "inconsistent_total.toml"

    def check(self, doc: Document) -> Iterable[Finding]:
        return []
