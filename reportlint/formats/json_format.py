"""The stable JSON format, described by ``reportlint/schema/report.schema.json``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from reportlint.runner import FileResult

JSON_VERSION = 1


def summary(results: Sequence[FileResult]) -> dict[str, Any]:
    severities = Counter(d.severity.value for r in results for d in r.diagnostics)
    return {
        "files": len(results),
        "files_with_errors": sum(1 for r in results if r.error),
        "diagnostics": sum(len(r.diagnostics) for r in results),
        "by_severity": {level: severities.get(level, 0) for level in ("error", "warning", "info")},
        "by_rule": dict(sorted(Counter(d.code for r in results for d in r.diagnostics).items())),
    }


def format_json(results: Sequence[FileResult], color: bool = False) -> str:
    payload = {
        "version": JSON_VERSION,
        "files": [
            {
                "path": result.path,
                "error": result.error,
                "diagnostics": [d.to_json() for d in result.diagnostics],
            }
            for result in results
        ],
        "summary": summary(results),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
