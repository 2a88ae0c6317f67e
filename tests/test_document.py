"""The shared document model."""

from __future__ import annotations

from reportlint.document import Document
from reportlint.numbers import find_quantities, parse_chinese_int, parse_number


def test_positions_are_one_based_code_points() -> None:
    doc = Document("第一行\r\n第二行文字\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(5) == (2, 1)
    assert doc.position(7) == (2, 3)
    assert doc.offset(2, 3) == 7
    assert doc.lines[0].text == "第一行"


def test_paragraphs_trim_blanks_and_markdown_markup() -> None:
    doc = Document("  一、总体情况\n\n\u3000\u3000全镇经济平稳。\n", kind="txt")
    assert [p.text for p in doc.paragraphs] == ["一、总体情况", "全镇经济平稳。"]
    md = Document("## 一、总体情况\n- 全镇经济平稳。\n", kind="md")
    assert [p.text for p in md.paragraphs] == ["一、总体情况", "全镇经济平稳。"]


def test_sentences_keep_closing_quotes() -> None:
    doc = Document("提出“三个确保。”继续推进；完成任务！\n")
    assert [s.text for s in doc.sentences] == ["提出“三个确保。”", "继续推进；", "完成任务！"]


def test_protected_spans_cover_urls_and_mail() -> None:
    doc = Document("详见 http://www.xx.gov.cn/a 或来信 xx@qq.com 。")
    url = doc.text.index("http")
    assert doc.is_protected(url + 11, url + 13)
    assert doc.is_protected(doc.text.index("xx@"), doc.text.index("xx@") + 2)
    assert not doc.is_protected(0, 2)


def test_quoted_spans() -> None:
    doc = Document("深化“放管服”改革，学习《条例》。")
    assert [q.text for q in doc.quoted] == ["放管服", "条例"]


def test_chinese_numbers() -> None:
    assert parse_chinese_int("十二") == 12
    assert parse_chinese_int("两千零五") == 2005
    assert parse_chinese_int("一百一十") == 110
    assert parse_chinese_int("三万五千") == 35000
    assert parse_chinese_int("二〇二五") == 2025
    assert parse_number("3.5万") == 35000
    assert parse_number("1,200") == 1200


def test_quantities_normalise_units() -> None:
    found = find_quantities("投资3686万元，覆盖党员超700余人，建成两个基地")
    assert [(q.value, q.unit, q.approximate) for q in found] == [
        (36_860_000, "元", False),
        (700, "人", True),
        (2, "个", False),
    ]


def test_deeply_nested_quotes_stay_linear() -> None:
    depth = 50_000
    doc = Document("“" * depth + "内容" + "”" * depth)
    spans = doc.quoted
    assert len(spans) <= 8
    assert spans[-1].text.endswith("内容")


def test_paragraph_and_sentence_at_offset() -> None:
    doc = Document("一、总体情况\n\n全镇经济平稳。招商引资取得突破。\n")
    second = doc.text.index("招商")
    paragraph = doc.paragraph_at(second)
    assert paragraph is not None and paragraph.text == "全镇经济平稳。招商引资取得突破。"
    assert doc.paragraph_at(doc.text.index("\n\n") + 1) is None
    sentence = doc.sentence_at(second)
    assert sentence is not None and sentence.text == "招商引资取得突破。"


def test_diagnostic_positions_agree_with_document_position() -> None:
    """The engine places findings with Document.span_position: it must agree with position everywhere."""
    import random

    from reportlint_rules.placeholder import Placeholder

    from reportlint.engine import make_diagnostic
    from reportlint.rule import Finding, Severity

    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice("报告\n\r x") for _ in range(rng.randint(0, 30)))
        doc = Document(text)
        start, end = rng.randint(-2, len(text) + 2), rng.randint(-2, len(text) + 2)
        diagnostic = make_diagnostic(doc, Placeholder, Finding(start, end, "占位符"), Severity.ERROR)
        clamped = max(0, min(start, len(text)))
        assert (diagnostic.line, diagnostic.column) == doc.position(clamped)
        assert (diagnostic.end_line, diagnostic.end_column) == doc.position(max(clamped, min(end, len(text))))
