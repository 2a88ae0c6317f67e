"""A tiny third-party plugin, as an outside author would write it.

It is registered in the tests through the ``reportlint`` entry-point group,
exactly as ``pip install reportlint-example`` would register it.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.document import Document
from reportlint.hookspecs import hookimpl
from reportlint.rule import Applicability, Finding, Fix, Rule, Severity


class NoExclamation(Rule):
    """工作报告中不宜使用感叹号。

    作用：找出正文中的感叹号（！或 !）。

    为什么：工作报告语气应平实庄重，感叹号显得口语化。

    错误示例：
        上半年招商引资取得历史性突破！

    正确示例：
        上半年招商引资取得历史性突破。
    """

    code = "XM101"
    name = "no-exclamation"
    severity = Severity.INFO
    summary = "工作报告中不宜使用感叹号"
    fixable = True

    def check(self, doc: Document) -> Iterable[Finding]:
        for index, char in enumerate(doc.text):
            if char in "！!":
                yield Finding(
                    index,
                    index + 1,
                    "报告中不宜使用感叹号「！」，请改为句号",
                    suggestion="改为「。」",
                    fix=Fix(index, index + 1, "。", Applicability.SAFE),
                )


@hookimpl
def reportlint_rules() -> list[type[Rule]]:
    return [NoExclamation]
