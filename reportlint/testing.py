"""Helpers for testing rules, for reportlint's own tests and for plugin authors."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.rule import Diagnostic
from reportlint.runner import check_text


def diagnostics(text: str, rule: str, options: dict[str, object] | None = None) -> list[Diagnostic]:
    """Diagnostics of one rule (code or name) on ``text``."""
    return check_text(text, select=[rule], rule_options={rule: options} if options else None)


def flagged(text: str, rule: str, options: dict[str, object] | None = None) -> list[str]:
    """The flagged texts of one rule on ``text``, in document order."""
    return [d.text for d in diagnostics(text, rule, options)]


def overlaps(diagnostic: Diagnostic, text: str, expected: str, start_hint: int = 0) -> bool:
    """True when ``diagnostic`` overlaps the first occurrence of ``expected`` at or after ``start_hint``.

    For doubled text a label may name either copy, so the copy that follows the first
    occurrence within two characters (a quote mark or line break between them) counts too.
    """
    index = text.find(expected, start_hint)
    if index < 0:
        raise ValueError(f"expected text {expected!r} is not in the case")
    spans = [index]
    following = text.find(expected, index + len(expected))
    if following >= 0 and following - (index + len(expected)) <= 2:
        spans.append(following)
    end = max(diagnostic.end_offset, diagnostic.offset + 1)
    return any(diagnostic.offset < start + len(expected) and start < end for start in spans)


def unmatched(found: Sequence[Diagnostic], text: str, expected: Sequence[str]) -> tuple[list[str], list[Diagnostic]]:
    """Expected spans no diagnostic overlaps, and diagnostics overlapping no expected span."""
    missed = [e for e in expected if not any(overlaps(d, text, e) for d in found)]
    extra = [d for d in found if not any(overlaps(d, text, e) for e in expected)]
    return missed, extra
