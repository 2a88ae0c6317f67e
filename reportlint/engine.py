"""Runs the selected rules on a document: the one ``lint`` call behind the CLI and the LSP."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Mapping, Sequence

from reportlint.document import Document
from reportlint.rule import Diagnostic, Finding, Rule, RuleSet, Severity
from reportlint.suppression import (
    InvalidSuppression,
    Suppression,
    UnusedSuppression,
    parse_suppressions,
    unknown_selectors,
)


def make_diagnostic(doc: Document, rule: type[Rule] | Rule, finding: Finding, severity: Severity) -> Diagnostic:
    text = doc.text
    start = max(0, min(finding.start, len(text)))
    end = max(start, min(finding.end, len(text)))
    line, column, end_line, end_column = doc.span_position(start, end)
    return Diagnostic(
        rule.name,
        rule.code,
        severity,
        finding.message,
        finding.suggestion,
        line,
        column,
        end_line,
        end_column,
        start,
        end,
        text[start:end],
        finding.fix,
    )


def _run_rule(doc: Document, rule: Rule) -> Iterable[Finding]:
    try:
        return list(rule.check(doc))
    except Exception:  # one broken rule must not hide the others' findings
        where = traceback.format_exc(limit=-1).strip().splitlines()[-1]
        return [
            Finding(0, 0, f"规则 {rule.code} ({rule.name}) 运行出错，已跳过该规则；请向规则作者报告：{where}",
                    severity=Severity.ERROR)
        ]  # fmt: skip


def lint(
    doc: Document,
    rules: Sequence[Rule],
    known: RuleSet | None = None,
    severity_overrides: Mapping[str, Severity] | None = None,
) -> list[Diagnostic]:
    """Check ``doc`` with ``rules``; apply suppressions; return sorted, de-duplicated diagnostics."""
    overrides = severity_overrides or {}
    diagnostics: list[Diagnostic] = []
    protected = bool(doc.protected)
    for rule in rules:
        severity = overrides.get(rule.code) or overrides.get(rule.name) or rule.severity
        for finding in _run_rule(doc, rule):
            if protected and finding.end > finding.start and doc.is_protected(finding.start, finding.end):
                continue
            diagnostics.append(make_diagnostic(doc, rule, finding, finding.severity or severity))

    selected_codes = {rule.code for rule in rules}
    diagnostics = _apply_suppressions(doc, diagnostics, selected_codes, known, overrides)

    unique: dict[tuple[str, int, int], Diagnostic] = {}
    for diagnostic in sorted(diagnostics, key=Diagnostic.sort_key):
        unique.setdefault((diagnostic.code, diagnostic.offset, diagnostic.end_offset), diagnostic)
    return list(unique.values())


def _apply_suppressions(
    doc: Document,
    diagnostics: list[Diagnostic],
    selected_codes: set[str],
    known: RuleSet | None,
    overrides: Mapping[str, Severity],
) -> list[Diagnostic]:
    if "reportlint" not in doc.text:  # cheap exit: no markers at all
        return diagnostics
    suppressions = parse_suppressions(doc)
    if not suppressions:
        return diagnostics
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        suppressed = False
        for suppression in suppressions:
            if suppression.start <= diagnostic.offset < suppression.end:
                selector = suppression.matches(diagnostic.code, diagnostic.rule)
                if selector is not None:
                    suppression.used.add(selector)
                    suppressed = True
        if not suppressed:
            kept.append(diagnostic)

    for suppression in suppressions:
        unknown = unknown_selectors(suppression, known) if known is not None else []
        if unknown and InvalidSuppression.code in selected_codes:
            message = f"抑制注释中的规则「{'、'.join(unknown)}」不存在，请检查规则代码或名称（reportlint rules 可列出全部规则）"
            kept.append(_engine_diagnostic(doc, InvalidSuppression, suppression, message, overrides))
        if UnusedSuppression.code not in selected_codes:
            continue
        listed = suppression.selectors or ["*"]
        # Only selectors naming selected rules can be judged unused.
        unused = [
            s
            for s in listed
            if s not in suppression.used
            and s not in unknown
            and (s == "*" or any(code.startswith(s) or _name_of(known, code) == s for code in selected_codes))
        ]
        if unused:
            what = "所有规则" if unused == ["*"] else "、".join(unused)
            message = f"该抑制注释（{what}）没有抑制任何问题，可以删除"
            kept.append(_engine_diagnostic(doc, UnusedSuppression, suppression, message, overrides))
    return kept


def _name_of(known: RuleSet | None, code: str) -> str | None:
    if known is None or code not in known.rules:
        return None
    return known.rules[code].name


def _engine_diagnostic(
    doc: Document, rule: type[Rule], suppression: Suppression, message: str, overrides: Mapping[str, Severity]
) -> Diagnostic:
    severity = overrides.get(rule.code) or overrides.get(rule.name) or rule.severity
    return make_diagnostic(doc, rule, Finding(suppression.marker_start, suppression.marker_end, message), severity)
