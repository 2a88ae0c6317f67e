"""Rule inconsistent-total (RL201): totals and parts, counts and lists, rates."""

from __future__ import annotations

import time

import pytest

from reportlint.testing import diagnostics, flagged
from rules.inconsistent_total import format_number

RULE = "inconsistent-total"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # totals and their parts
        ("新引进项目10个,其中农业项目1个、电子商务1个,亿元以上入园工业项目9个。", ["10个"]),
        ("新引进项目10个，其中农业项目1个、电子商务1个，亿元以上入园工业项目9个。", ["10个"]),
        ("项目总投资3686万元，其中中央资金2100万元、省级资金1800万元。", ["3686万元"]),
        ("全年发放救助资金0.56亿元，其中临时救助3200万元，低保金2600万元。", ["0.56亿元"]),
        ("储备后备干部共十二名，其中返乡大学生七名、致富能手四名、退役军人三名。", ["十二名"]),
        ("今年新建小学3所、初中4所，共计6所。", ["6所"]),
        ("到镇务工人员共计1200余人，其中本村群众1500余人、周边群众900余人。", ["1200余人"]),
        ("建设的两个冷链中心（其中一个由省级支持，两个由社会资本投资）已运营。", ["两个"]),
        # counts and their lists
        ("着力防范资金安全、对外形象、舆情应对“两个风险”。", ["两个"]),
        ("我镇存在两方面问题,一是产业薄弱,二是设施滞后,三是治理不足。", ["两方面"]),
        ("严把征兵工作“体检、年龄、学历、政治考核”五道关口。", ["五道"]),
        ("坚持“三个不变”，即目标不变、力度不变。", ["三个"]),
        ("申报了3个课题，分别为《打造红色管家》《三个三模式》。", ["3个"]),
        # rates
        ("全年计划改造农田100亩，已完成80亩，完成率90%。", ["90%"]),
        ("群众满意度达到105%。", ["105%"]),
        ("高龄津贴覆盖率为百分之一百一十。", ["百分之一百一十"]),
        ("新增纳入监测对象4户3人。", ["4户3人"]),
    ],
)
def test_flags(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "新引进项目10个,其中农业项目1个、电子商务1个,亿元以上入园工业项目8个。",
        "共受理意见、建议3件,主办1件,协办2件。",
        "上半年共落实建设项目10个,其中乡村振兴衔接资金项目10个,总投资3686万元。",
        "带动280名劳动力就业,其中带动脱贫劳动力就业114人。",
        "新引进项目10个，其中农业项目3个，投资额1.2亿元。",
        "地区生产总值增长6.5%，其中第一产业增长3.2%、第二产业增长7.1%。",
        "新开工项目12个，其中续建项目5个，比上年增加9个。",
        "培训1800人次，其中女性1100人次、青年900人次。",
        "总投资3687万元，其中中央资金2000.4万元、省级资金1686.4万元。",
        "项目总投资约5亿元，其中工业项目3.2亿元、农业项目1.9亿元。",
        "新增市场主体420户，其中企业85户（其中规上企业6户）、个体工商户335户。",
        "全县共有学校45所，其中小学30所、初中10所，另有九年一贯制学校8所。",
        "上半年共动员适龄青年报名9人,参加初检9人,入伍人数5人。",
        "着力防范资金安全、对外形象“两个风险”，统筹疫情防控、矛盾纠纷、公共安全“三个稳定”。",
        "严把征兵工作“体检、年龄、学历、走访、政治考核”五道关口。",
        "围绕产业、人才、文化等五个方面推进振兴。",
        "坚持维护世界和平、坚持和平共处五项原则。",
        "出台扩大内需、促进经济增长的十项措施。",
        "在“巩固、增强、提升、畅通”八个字上下功夫。",
        "由中央和省、市、自治区两级政府统一指挥。",
        "推进安全知识“五进”，组织宣讲队进企业、学校、农村等场所。",
        "基本点是两条，一是坚持四项基本原则，一是实行改革开放。",
        "全年计划改造农田100亩，已完成80亩，完成率80%。",
        "地区生产总值增长150%，年度任务完成率120%。",
        "共排查一般隐患52起，整改48起，整改率92.3%。",
        "群众满意度较上年提高105%。",
        "新增特困2户2人，审批发放临时救助95户95人。",
        "按照1:3的后备比例挖掘后备干部，确保13个行政村平均储备1-2名。",
        "2025年上半年共发放资金2025万元，其中1至7月发放1800万元。",
    ],
)
def test_does_not_flag(text: str) -> None:
    assert flagged(text, RULE) == []


def test_message_names_the_numbers() -> None:
    (d,) = diagnostics("新引进项目10个，其中农业项目1个、电子商务1个，工业项目9个。", RULE)
    assert "合计应为10个" in d.message and "各分项之和为11个" in d.message
    (d,) = diagnostics("项目总投资3686万元，其中中央资金2100万元、省级资金1800万元。", RULE)
    assert "合计应为3686万元" in d.message and "各分项之和为3900万元" in d.message


def test_shortfall_of_an_exhaustive_list_is_a_warning() -> None:
    (d,) = diagnostics("今年共申报课题5个，分别为国家级1个、省级2个、市级1个。", RULE)
    assert d.severity.value == "warning" and "小于合计" in d.message
    assert flagged("今年共申报课题5个，其中国家级1个、省级2个。", RULE) == []


def test_fewer_items_than_announced_after_yishi_is_a_warning() -> None:
    (d,) = diagnostics("下半年重点抓好三项工作，一是加快项目建设，二是强化招商引资。", RULE)
    assert (d.text, d.severity.value) == ("三项", "warning")


def test_rate_message() -> None:
    (d,) = diagnostics("全年计划改造农田100亩，已完成80亩，完成率90%。", RULE)
    assert "约为80%" in d.message and "90%" in d.message


@pytest.mark.parametrize(
    ("value", "shown"), [(10.0, "10"), (3.5, "3.5"), (0.375, "0.375"), (1234.5678, "1234.57")]
)
def test_format_number(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_user_can_extend_word_lists() -> None:
    text = "群众认可度达到108%。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, options={"extend-bounded-rates": ["认可度"]}) == ["108%"]
    cue_text = "新建项目10个，内含工业项目6个、农业项目6个。"
    assert flagged(cue_text, RULE) == []
    assert flagged(cue_text, RULE, options={"extend-part-cues": ["内含"]}) == ["10个"]


def test_long_and_pathological_inputs_are_fast() -> None:
    texts = [
        "新引进项目10个，其中农业项目1个、" * 3000,
        "、" * 100_000 + "两个风险",
        "“" * 50_000 + "两个" + "”" * 50_000,
        "1" * 100_000,
        "一是" * 20_000,
    ]
    for text in texts:
        started = time.perf_counter()
        diagnostics(text, RULE)
        assert time.perf_counter() - started < 5
