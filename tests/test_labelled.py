"""Every labelled case in tests/labelled/ is a regression test: all defects found, nothing else flagged.

(tests/holdout/ and tests/blind/ are measurements, scored by scripts/accuracy.py, not tests.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from reportlint.runner import check_text
from reportlint.testing import unmatched

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LABELLED = Path(__file__).parent / "labelled"


def cases() -> list[Any]:
    params = []
    for path in sorted(LABELLED.glob("*.toml")):
        rule = path.stem.replace("_", "-")
        for number, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8"))["case"], 1):
            params.append(pytest.param(rule, case["text"], case.get("expect", []), id=f"{path.stem}-{number}"))
    return params


@pytest.mark.parametrize(("rule", "text", "expected"), cases())
def test_labelled_case(rule: str, text: str, expected: list[str]) -> None:
    missed, extra = unmatched(check_text(text, select=[rule]), text, expected)
    assert missed == [], f"missed: {missed}"
    assert [d.text for d in extra] == [], "flagged correct text"
