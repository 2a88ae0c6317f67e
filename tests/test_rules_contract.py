"""Every registered rule keeps the contract editors and users rely on."""

from __future__ import annotations

import pytest

from reportlint.rule import Rule, Severity
from reportlint.runner import Runner

RULES = list(Runner().rules)
BUILTIN = {"placeholder": "RL101", "duplicated-text": "RL102", "empty-slogan": "RL103",
           "inconsistent-total": "RL201", "section-numbering": "RL301"}  # fmt: skip


def test_core_rules_keep_their_codes_and_names() -> None:
    by_name = {rule.name: rule.code for rule in RULES}
    for name, code in BUILTIN.items():
        assert by_name[name] == code


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: type[Rule]) -> None:
    doc = rule.documentation()
    assert doc.summary
    assert isinstance(rule.severity, Severity)
    assert rule.authority
    if rule.name in BUILTIN:
        for section in ("作用", "为什么", "错误示例", "正确示例"):
            assert section in doc.body, f"{rule.name} docstring lacks {section}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.data_file], ids=lambda r: r.code)
def test_rule_data_loads_and_instantiates(rule: type[Rule]) -> None:
    instance = rule()
    assert isinstance(instance.data, dict)
    assert instance.data, f"{rule.name} has an empty data file"
