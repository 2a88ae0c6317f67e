"""Inline suppression comments, valid in .txt, .md and .docx alike.

    <!-- reportlint: disable-line=RL101 -->        this line
    <!-- reportlint: disable-next-line=placeholder -->   the next non-blank line
    <!-- reportlint: disable=RL1 -->  …  <!-- reportlint: enable=RL1 -->   a block
    <!-- reportlint: disable -->  (no list: every rule)

Codes, names and code prefixes are accepted. A suppression that suppresses
nothing is itself reported (RL001), as is one naming an unknown rule (RL002).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from reportlint import patterns
from reportlint.document import Document
from reportlint.rule import Finding, Rule, RuleSet, Severity

_MARKER_RE = patterns.compile(
    r"<!--\s*reportlint\s*[:：]\s*(?P<kind>disable-next-line|disable-line|disable|enable)"
    r"(?:\s*[=＝]\s*(?P<codes>[A-Za-z0-9_\-,，\s]*?))?\s*-->"
)


class UnusedSuppression(Rule):
    """抑制注释没有抑制任何问题。

    作用：报告 `<!-- reportlint: disable=… -->` 等抑制注释中没有起作用的规则。

    为什么：过时的抑制注释会在今后掩盖真正的问题。

    错误示例：
        <!-- reportlint: disable-line=RL101 --> 全镇完成投资3.2亿元。（这一行并无占位符）

    正确示例：
        删除该注释，或只在确有需要的行上使用。
    """

    code = "RL001"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "抑制注释没有抑制任何问题"

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()  # reported by the engine, which knows what was suppressed


class InvalidSuppression(Rule):
    """抑制注释中写了不存在的规则。

    作用：报告抑制注释中无法识别的规则代码或名称。

    为什么：写错的规则名不会抑制任何问题，往往是笔误。

    错误示例：
        <!-- reportlint: disable-line=placeholdr -->

    正确示例：
        <!-- reportlint: disable-line=placeholder -->
    """

    code = "RL002"
    name = "invalid-suppression"
    severity = Severity.WARNING
    summary = "抑制注释中的规则代码或名称无法识别"

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()


ENGINE_RULES: tuple[type[Rule], ...] = (UnusedSuppression, InvalidSuppression)


@dataclass
class Suppression:
    marker_start: int
    marker_end: int
    selectors: list[str] | None  # None: every rule
    start: int  # covered range [start, end)
    end: int
    used: set[str] = field(default_factory=set)  # selectors that matched something

    def matches(self, code: str, name: str) -> str | None:
        if self.selectors is None:
            return "*"
        for selector in self.selectors:
            if selector == name or code.startswith(selector):
                return selector
        return None


def _selectors(raw: str | None) -> list[str] | None:
    if raw is None or not raw.strip():
        return None
    return [s.strip() for s in regex.split(r"[,，\s]+", raw) if s.strip()]


def parse_suppressions(doc: Document) -> list[Suppression]:
    result: list[Suppression] = []
    open_blocks: list[Suppression] = []
    for match in _MARKER_RE.finditer(doc.text):
        kind = match.group("kind")
        selectors = _selectors(match.group("codes"))
        line, _ = doc.position(match.start())
        if kind == "disable-line":
            current = doc.lines[line - 1]
            result.append(Suppression(match.start(), match.end(), selectors, current.start, current.end + 1))
        elif kind == "disable-next-line":
            following = next((ln for ln in doc.lines[line:] if ln.text.strip()), None)
            if following is not None:
                result.append(
                    Suppression(match.start(), match.end(), selectors, following.start, following.end + 1)
                )
        elif kind == "disable":
            block = Suppression(match.start(), match.end(), selectors, match.end(), len(doc.text) + 1)
            open_blocks.append(block)
            result.append(block)
        else:  # enable closes the matching open blocks (all of them without a list)
            for block in list(open_blocks):
                if selectors is None or block.selectors is None or set(block.selectors) & set(selectors):
                    block.end = match.start()
                    open_blocks.remove(block)
    return result


def unknown_selectors(suppression: Suppression, rules: RuleSet) -> list[str]:
    if suppression.selectors is None:
        return []
    known_names = {r.name for r in rules}
    known_codes = [r.code for r in rules]
    return [
        s
        for s in suppression.selectors
        if s not in known_names and not any(code.startswith(s) for code in known_codes)
    ]
