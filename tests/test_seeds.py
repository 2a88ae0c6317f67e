"""The five real drafts: every expected diagnostic is found, and nothing else.

``tests/seeds/expected/<rule>.toml`` lists, per rule, each expected diagnostic
as (file, line, text) where ``text`` is the flagged span exactly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reportlint.runner import check_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SEEDS = Path(__file__).parent / "seeds"
RULES = ["placeholder", "duplicated-text", "empty-slogan", "inconsistent-total", "section-numbering"]


def expected_for(rule: str) -> set[tuple[str, int, str]]:
    # Every rule has a file, read by hand; an empty one says the seeds hold no such defect.
    path = SEEDS / "expected" / f"{rule.replace('-', '_')}.toml"
    items = tomllib.loads(path.read_text(encoding="utf-8")).get("expect", [])
    return {(item["file"], item["line"], item["text"]) for item in items}


@pytest.mark.parametrize("rule", RULES)
def test_seed_diagnostics_are_exactly_the_expected_ones(rule: str) -> None:
    found: set[tuple[str, int, str]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        for d in check_text(seed.read_text(encoding="utf-8"), select=[rule], path=seed.name):
            found.add((seed.name, d.line, d.text))
    expected = expected_for(rule)
    assert sorted(expected - found) == [], "missed"
    assert sorted(found - expected) == [], "unexpected diagnostics"
