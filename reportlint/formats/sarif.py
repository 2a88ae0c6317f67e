"""SARIF 2.1.0, for code-scanning dashboards and editors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlint import __version__
from reportlint.plugins import load_plugins
from reportlint.rule import RuleSet, Severity
from reportlint.runner import FileResult

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    candidate = Path(path)
    return candidate.as_posix() if not candidate.is_absolute() else candidate.as_uri()


def format_sarif(results: Sequence[FileResult], color: bool = False, known: RuleSet | None = None) -> str:
    """SARIF 2.1.0; ``known`` describes the rules (the CLI passes the ones its run loaded)."""
    rules = known if known is not None else load_plugins().rules
    used = sorted({d.code for r in results for d in r.diagnostics})
    descriptors: list[dict[str, Any]] = []
    for code in used:
        rule = rules.rules.get(code)
        doc = rule.documentation() if rule else None
        descriptors.append(
            {
                "id": code,
                "name": rule.name if rule else code,
                "shortDescription": {"text": doc.summary if doc else code},
                "fullDescription": {"text": doc.body if doc else ""},
                "defaultConfiguration": {"level": _LEVELS[rule.severity] if rule else "warning"},
                "properties": {"authority": rule.authority if rule else ""},
            }
        )
    index = {code: i for i, code in enumerate(used)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        if result.error:
            notifications.append(
                {"level": "error", "message": {"text": result.error}, "locations": [_artifact(result.path)]}
            )
        for d in result.diagnostics:
            message = d.message + (f"（建议：{d.suggestion}）" if d.suggestion else "")
            sarif_results.append(
                {
                    "ruleId": d.code,
                    "ruleIndex": index[d.code],
                    "level": _LEVELS[d.severity],
                    "message": {"text": message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(result.path)},
                                "region": {
                                    "startLine": d.line,
                                    "startColumn": d.column,
                                    "endLine": d.end_line,
                                    "endColumn": d.end_column,
                                    "charOffset": d.offset,
                                    "charLength": d.end_offset - d.offset,
                                    "snippet": {"text": d.text},
                                },
                            }
                        }
                    ],
                }
            )
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "reportlint", "version": __version__, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    payload = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _artifact(path: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}
