"""Marker detection shared through Document.markers (reportlint/numbering.py)."""

from __future__ import annotations

import pytest

from reportlint.document import Document
from reportlint.numbering import Marker, find_markers


def markers(text: str) -> list[tuple[str, str, int]]:
    return [(m.kind, m.text, m.value) for m in Document(text).markers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、主要工作成效", [("chinese", "一、", 1)]),
        ("十二、其他事项", [("chinese", "十二、", 12)]),
        ("（三）强化安全生产监管", [("chinese-paren", "（三）", 3)]),
        ("(三)强化安全生产监管", [("chinese-paren", "(三)", 3)]),
        ("2.开展隐患排查。", [("arabic", "2.", 2)]),
        ("2、开展隐患排查。", [("arabic", "2、", 2)]),
        ("（4）加强应急演练。", [("arabic-paren", "（4）", 4)]),
        ("③教育事业均衡发展。", [("circled", "③", 3)]),
        (
            "一是抓学习。二是抓落实；三是抓作风。",
            [("shi", "一是", 1), ("shi", "二是", 2), ("shi", "三是", 3)],
        ),
        ("必须把握三点：第一，坚持稳中求进；第二，坚持改革创新。", [("di", "第一", 1), ("di", "第二", 2)]),
        ("一、聚焦党建。一是压实责任。", [("chinese", "一、", 1), ("shi", "一是", 1)]),
        ("一、1—6月经济运行情况", [("chinese", "一、", 1)]),
        (
            "报告分两部分：第一部分，工作回顾；第二部分，工作打算。",
            [("part", "第一部分", 1), ("part", "第二部分", 2)],
        ),
        ("第三部分　保障措施", [("part", "第三部分", 3)]),
        ("第二章\n总体要求", [("part", "第二章", 2)]),
        ("１.抓党建", [("arabic", "１.", 1)]),
    ],
)
def test_markers_found(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert markers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一、二、三产业融合发展成效明显。",
        "一、二季度经济运行平稳。",
        "我们推动一二三产业融合发展。",
        "统一是前提，唯一是要把握好节奏。",
        "1.5万名党员干部下沉社区。",
        "3.1 全县地区生产总值增长情况",
        "1、2月份规上工业增加值增长7.9%。",
        "会议传达了《关于“一是抓学习、二是抓落实”的通知》。",
        "我们始终坚持一是一、二是二，实事求是报告工作。",
        "各村第一书记全部到岗，第一产业增加值增长3.8%，居全市第一。",
        "序号\t项目名称\n1\t城区污水管网改造工程",
        "二〇二四年是关键一年。",
        "具体安排详见第三部分，报告第二部分已作说明。",
        "第一部分内容由办公室起草，第二章节由发改局补充。",
    ],
)
def test_not_markers(text: str) -> None:
    assert markers(text) == []


def test_marker_fields() -> None:
    doc = Document("前言。\n（二）强化保障。一是压实责任，二是加强督查。")
    found = find_markers(doc)
    paren, first, second = found
    assert isinstance(paren, Marker)
    assert (paren.level, paren.is_heading, paren.style, paren.paragraph) == (2, True, "（）", 1)
    assert (first.level, first.is_heading, first.at_paragraph_start) == (None, False, False)
    assert doc.text[first.start : first.end] == "一是"
    assert doc.text[second.start : second.end] == "二是"


def test_shi_at_paragraph_start() -> None:
    doc = Document("一是强化组织领导。\n二是细化工作措施。")
    assert [m.at_paragraph_start for m in doc.markers] == [True, True]
    assert [m.paragraph for m in doc.markers] == [0, 1]


def test_shi_counts_for_other_rules() -> None:
    doc = Document("主要抓了三件事：一是抓项目，二是抓招商，三是抓服务。")
    assert [m.value for m in doc.markers if m.kind == "shi"] == [1, 2, 3]


def test_inline_list_markers() -> None:
    found = markers("采取三项措施：（1）建立台账；（2）落实责任；③强化考核。")
    assert found == [("inline-paren", "（1）", 1), ("inline-paren", "（2）", 2), ("inline-circled", "③", 3)]


def test_inline_chinese_arabic_and_qi_markers() -> None:
    found = markers(
        "重点是：（一）项目；（二）资金。做法是：一、排查；二、整改。步骤：1.摸底；2.整治。其一，投入不足。"
    )
    assert found == [
        ("inline-chinese-paren", "（一）", 1),
        ("inline-chinese-paren", "（二）", 2),
        ("inline-chinese", "一、", 1),
        ("inline-chinese", "二、", 2),
        ("inline-arabic", "1.", 1),
        ("inline-arabic", "2.", 2),
        ("qi", "其一", 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "全县一、二级公路286公里；三、四季度保持增长。",
        "目标：1、2月份开工；3.5万亩完成验收。",
        "完成①号楼主体施工，③号楼进入装修。",
        "二者必居其一。",
    ],
)
def test_inline_series_and_names_are_not_markers(text: str) -> None:
    assert markers(text) == []


def test_inline_marker_needs_a_clause_mark_before_it() -> None:
    assert markers("全年发放补助资金（1）亿元，依据《条例》第十条（2）款。") == []


def test_half_bracket_markers() -> None:
    assert markers("1）完善考核办法") == [("arabic-half", "1）", 1)]
    assert markers("2)开展上门随访") == [("arabic-half", "2)", 2)]
    found = markers("重点抓好：1）完善制度；2)强化培训；3）加强督查。")
    assert found == [("inline-half", "1）", 1), ("inline-half", "2)", 2), ("inline-half", "3）", 3)]
    # The paragraph-opening 1） starts the list its inline items carry on.
    assert markers("1）摸清底数；2）分类处置。") == [("arabic-half", "1）", 1), ("inline-half", "2）", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "全年接待来访群众1260人次（其中集体访12批次，个人访1248人次）。",
        "全县共有小学42所（含教学点11个），初中13所。",
        "经测算，2）号方案更优，3）班学生全部达标。",
    ],
)
def test_half_bracket_non_markers(text: str) -> None:
    assert markers(text) == []


def test_quoted_spans_nested_and_adjacent() -> None:
    # Markers inside nested or back-to-back quotations are not markers; the one after them is.
    text = "标语为“《一是》“二是””“三是”。四是抓落实。"
    assert markers(text) == [("shi", "四是", 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Before the first quotation mark nothing is quoted; after it, the spans decide.
        ("一是抓“三是”。二是抓落实。", [("shi", "一是", 1), ("shi", "二是", 2)]),
        ("“提法”之后，一是抓“二是”，三是抓落实。", [("shi", "一是", 1), ("shi", "三是", 3)]),
        ("第一，“其一，”；（2）“①”落实。", [("di", "第一", 1), ("inline-paren", "（2）", 2)]),
        ("没有引号的段落，一是抓，二是抓。", [("shi", "一是", 1), ("shi", "二是", 2)]),
    ],
)
def test_quoted_before_and_after_the_first_mark(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert markers(text) == expected


def test_markers_compare_equal_to_constructed_ones() -> None:
    (found,) = find_markers(Document("（二）强化保障"))
    built = Marker(0, 3, "（二）", "chinese-paren", 2, 0, True, "（）")
    assert found == built
    assert repr(found) == repr(built)
    assert hash(found) == hash(built)
    assert found.level == 2


# find_markers scans the whole text at once: what stands before a paragraph (a line break, blanks,
# a BOM, Markdown markup) must count as the paragraph start, and a BOM or ">" inside a paragraph not.
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("\ufeff一是抓学习。二是抓落实。", "txt", [("shi", "一是", 1, True), ("shi", "二是", 7, False)]),
        ("抓学习\ufeff一是抓落实。", "txt", []),
        ("抓学习>第一，抓落实。", "txt", []),
        ("> 第一，抓学习。\n> 第二，抓落实。", "md", [("di", "第一", 2, True), ("di", "第二", 12, True)]),
        (">第三部分\n- 其一，抓学习。", "md", [("part", "第三部分", 1, True), ("qi", "其一", 8, True)]),
        # A BOM after 第三部分 counts as a blank only at the paragraph end.
        ("第三部分\ufeff", "txt", [("part", "第三部分", 0, True)]),
        ("第三部分\ufeff总体要求", "txt", []),
        # An inline item never stands at a paragraph start, even after blanks.
        ("　（2）加强监管", "txt", [("arabic-paren", "（2）", 1, True)]),
        ("工作安排：\n　2.加强监管", "txt", [("arabic", "2.", 7, True)]),
        # A tab among a line's leading blanks does not make a table row; one inside the text does.
        ("\t一是抓学习。二是抓落实。", "txt", [("shi", "一是", 1, True), ("shi", "二是", 7, False)]),
        ("一是抓学习\t二是抓落实", "txt", []),
    ],
)
def test_paragraph_starts_in_whole_text_scans(
    text: str, kind: str, expected: list[tuple[str, str, int, bool]]
) -> None:
    found = find_markers(Document(text, kind=kind))
    assert [(m.kind, m.text, m.start, m.at_paragraph_start) for m in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("要求：1.加强监管；2．严格执法；3、落实责任", ["1.", "2．", "3、"]),
        (
            "要求：（1）加强监管；(2)严格执法；（三）落实责任；(四)强化保障",
            ["（1）", "(2)", "（三）", "(四)"],
        ),
        ("要求：1）加强监管；2)严格执法；③落实责任；⑳强化保障", ["1）", "2)", "③", "⑳"]),
        ("完成：一、二级公路；二、三产业占比提高；三、加强监管", ["三、"]),
        ("建成③号楼，地铁②号线；（2）班", []),
    ],
)
def test_inline_forms(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_markers(Document(text))] == expected


def test_chinese_value() -> None:
    from reportlint.numbering import chinese_value

    assert chinese_value("十二") == 12
    assert chinese_value("十二三") is None
    assert chinese_value("十二") == 12  # remembered


def test_circled_numbers_are_one_block_of_code_points() -> None:
    from reportlint.numbering import CIRCLED

    assert [ord(c) - ord(CIRCLED[0]) for c in CIRCLED] == list(range(20))


def test_quoted_offsets_agree_with_quote_spans() -> None:
    # _Scan.is_quoted answers most offsets from the pairing up to them, the rest from the spans.
    import random

    from reportlint.document import quote_spans
    from reportlint.numbering import _Scan

    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice('“”《》「」『』‘’"甲乙') for _ in range(rng.randint(1, 30)))
        scan = _Scan(Document(text))
        spans = quote_spans(text)
        offsets = list(range(len(text)))
        if rng.random() < 0.5:  # asked in order (as the scans do), or not
            rng.shuffle(offsets)
        for offset in offsets:
            assert scan.is_quoted(0, offset) == any(begin <= offset < end for begin, end in spans), (
                text,
                offset,
            )


@pytest.mark.parametrize(
    "text",
    [
        *(f"{numeral}{mark}加强监管" for numeral in "一二三四五六七八九十" for mark in "、，,．."),
        *(f"{digit}{mark}加强监管" for digit in "0123456789" for mark in ".．、"),
        *(f"{o}{numeral}{c}加强监管" for numeral in "一五十" for o in "（(" for c in "）)"),
        "一、二级公路",
        "（一）、二级公路",
        "二、三产业",
        "1.5万元",
        "3、4月份",
        "2．０版",
        "1.٣项",
        "十二、其他",
        "（十二）其他",
        "１.加强",
        "12.加强",
        "一、",
        "1.",
        "（三）",
    ],
)
def test_heading_shortcuts_agree_with_the_heading_pattern(text: str) -> None:
    # _headings reads the commonest headings (一、 1. （一）) without _HEADING_RE: same markers.
    from reportlint.numbering import _HEADING_RE, _heading_marker

    match = _HEADING_RE.match(text)
    expected = _heading_marker(match, text, 0, 0) if match else None
    found = [m for m in find_markers(Document(text)) if m.at_paragraph_start]
    assert found == ([expected] if expected else [])


def test_inline_candidates_find_every_match_of_their_form() -> None:
    # A form is scanned only where _INLINE_CANDIDATES finds a candidate: it must find one
    # wherever the form's pattern matches.
    import random

    from reportlint.numbering import _INLINE_CANDIDATES, _INLINE_FORMS

    rng = random.Random(11)
    alphabet = [*"：:；;。，1２٣0一二十、.．加", "12", "三十"]
    for _ in range(12000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        for _form, needs, pattern in _INLINE_FORMS:
            candidates = _INLINE_CANDIDATES.get(needs)
            if candidates is not None and pattern.search(text):
                assert candidates.search(text), (text, needs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # _shi_markers pairs the quotation marks as it goes: closed before, open, reopened, straight.
        ("“口号”，一是抓，“二是”，三是抓", ["一是", "三是"]),
        ("他说：“一是抓，二是抓”，三是抓", ["三是"]),
        ("《规划》，一是抓；”，二是抓；“再，三是抓", ["一是", "二是", "三是"]),
        ('"一是抓"，二是抓，"再，三是抓', ["二是", "三是"]),
        ("“一是\n二是抓，三是抓", ["二是", "三是"]),
    ],
)
def test_shi_markers_pair_quotation_marks_as_they_go(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_markers(Document(text))] == expected
