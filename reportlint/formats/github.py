"""GitHub Actions workflow commands: annotations on the pull request diff."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.rule import Severity
from reportlint.runner import FileResult

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(results: Sequence[FileResult], color: bool = False) -> str:
    lines: list[str] = []
    for result in results:
        if result.error:
            lines.append(f"::error file={_escape(result.path, True)}::{_escape(result.error)}")
        for d in result.diagnostics:
            properties = ",".join(
                [
                    f"file={_escape(result.path, True)}",
                    f"line={d.line}",
                    f"col={d.column}",
                    f"endLine={d.end_line}",
                    f"endColumn={d.end_column}",
                    f"title={_escape(f'{d.code} {d.rule}', True)}",
                ]
            )
            lines.append(f"::{_LEVELS[d.severity]} {properties}::{_escape(d.message)}")
    return "\n".join(lines)
