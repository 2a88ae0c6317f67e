"""Human-readable output: ``path:line:col: CODE [name] message`` and the line with a caret underline."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlint.rule import Diagnostic, Severity
from reportlint.runner import FileResult

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# Long lines are shown as a window around the span so the caret stays readable.
_CONTEXT = 30


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


class _Widths(dict[str, int]):
    """Terminal columns per character, looked up once per character."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        return width


_WIDTHS = _Widths()


def display_width(text: str) -> int:
    """Terminal columns of ``text``: CJK and full-width characters take two."""
    return len(text) if text.isascii() else sum(map(_WIDTHS.__getitem__, text))


def source_excerpt(line_text: str, diagnostic: Diagnostic, color: bool) -> list[str]:
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line_text)
    end = max(end, start + 1)
    left = max(0, start - _CONTEXT)
    right = min(len(line_text), end + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line_text) else ""
    if "\t" in line_text:
        line_text = line_text.replace("\t", " ")  # one column each, so the caret stays aligned
    pad = display_width(prefix) + display_width(line_text[left:start])
    marks = "^" * max(1, display_width(line_text[start:end]))
    gutter = f"{diagnostic.line:>5} | "
    return [
        f"{gutter}{prefix}{line_text[left:right]}{suffix}",
        " " * (len(gutter) - 2) + "| " + " " * pad + _paint(marks, _COLORS[diagnostic.severity], color),
    ]


def format_diagnostic(path: str, diagnostic: Diagnostic, line_text: str | None, color: bool) -> list[str]:
    code = _paint(diagnostic.code, "1;" + _COLORS[diagnostic.severity], color)
    head = (
        f"{_paint(path, '1', color)}:{diagnostic.line}:{diagnostic.column}: "
        f"{code} [{diagnostic.rule}] {diagnostic.message}"
    )
    lines = [head]
    if line_text is not None:
        lines.extend(source_excerpt(line_text, diagnostic, color))
    if diagnostic.suggestion:
        lines.append(f"      = 建议：{diagnostic.suggestion}")
    return lines


def format_text(results: Sequence[FileResult], color: bool = False) -> str:
    out: list[str] = []
    for result in results:
        if result.error:
            out.append(_paint(f"{result.path}: 错误：", "1;31", color) + result.error.removeprefix(f"{result.path}: "))
            continue
        for diagnostic in result.diagnostics:
            line_text = result.line_text(diagnostic.line)
            out.extend(format_diagnostic(result.path, diagnostic, line_text, color))
            out.append("")
    return "\n".join(out).rstrip("\n")
