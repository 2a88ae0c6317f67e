"""Inline suppression comments."""

from __future__ import annotations

from reportlint.runner import check_text


def codes(text: str, select: list[str]) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in check_text(text, select=select)]


SELECT = ["placeholder", "RL001", "RL002"]


def test_disable_line() -> None:
    text = "完成投资x万元。<!-- reportlint: disable-line=RL101 -->\n新增就业x人。\n"
    assert codes(text, SELECT) == [("RL101", 2)]


def test_disable_next_line_by_name() -> None:
    text = "<!-- reportlint: disable-next-line=placeholder -->\n\n完成投资x万元。\n新增就业x人。\n"
    assert codes(text, SELECT) == [("RL101", 4)]


def test_block_disable_and_enable() -> None:
    text = (
        "<!-- reportlint: disable=RL1 -->\n完成投资x万元。\n新增就业x人。\n"
        "<!-- reportlint: enable=RL1 -->\n培训xx人次。\n"
    )
    assert codes(text, SELECT) == [("RL101", 5)]


def test_disable_all_without_list() -> None:
    text = "<!-- reportlint: disable -->\n完成投资x万元。\n"
    assert codes(text, SELECT) == []


def test_unused_suppression_is_reported() -> None:
    text = "全镇完成投资2.8亿元。<!-- reportlint: disable-line=placeholder -->\n"
    found = check_text(text, select=SELECT)
    assert [(d.code, d.text) for d in found] == [("RL001", "<!-- reportlint: disable-line=placeholder -->")]
    assert "没有抑制任何问题" in found[0].message


def test_unknown_rule_in_suppression_is_reported() -> None:
    text = "完成投资x万元。<!-- reportlint: disable-line=placeholdr -->\n"
    found = check_text(text, select=SELECT)
    assert [d.code for d in found] == ["RL101", "RL002"]
    assert "placeholdr" in found[1].message


def test_suppression_of_unselected_rule_is_not_called_unused() -> None:
    text = "全镇完成投资2.8亿元。<!-- reportlint: disable-line=RL301 -->\n"
    assert codes(text, SELECT) == []
