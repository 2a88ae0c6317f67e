"""Rule section-numbering (RL301)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from reportlint_rules.section_numbering import _SENTENCE_END_RE, SectionNumbering, _index, _last_sentence

from reportlint.document import Document
from reportlint.rule import Severity
from reportlint.runner import check_text
from reportlint.testing import diagnostics, flagged

RULE = "section-numbering"


@pytest.mark.parametrize(
    ("text", "spans", "message"),
    [
        (
            "我局扎实推进各项工作。一是强化理论武装。二是狠抓项目建设。四是优化营商环境。",
            ["四是"],
            "序号跳号：「四是」前应为「三是」",
        ),
        (
            "一是抓学习促提升。\n二是抓制度促规范。\n二是强化督导问效。",
            ["二是"],
            "序号重复：此处已有「二是」，应为「三是」",
        ),
        (
            "一是持续优化作风效能。\n二是强化干部队伍管理。\n三加强政务信息公开。推行“互联网+政务服务”。",
            ["三"],
            "「三加强…」缺少「是」，应为「三是」",
        ),
        (
            "一、经济运行稳中有进\n全年增长5.6%。\n二、改革开放持续深化\n完成改革任务。\n四、民生福祉不断增进\n收入增长。",
            ["四、"],
            "序号跳号：「四、」前应为「三、」",
        ),
        (
            "做好今年工作要把握三点：第一，坚持稳中求进；第二，坚持改革创新；第二，坚持底线思维。",
            ["第二"],
            "序号重复：此处已有「第二」，应为「第三」",
        ),
        (
            "一、2024年工作回顾\n（一）经济发展稳中有进\n增长6.1%。\n(二)改革开放纵深推进\n新增市场主体。\n（三）社会事业全面发展",
            ["(二)"],
            "同级序号括号不统一：本文多用「（一）」的写法，此处「(二)」应为「（二）」",
        ),
        (
            "（一）推动产业升级\n1.做强主导产业。\n2.培育新兴产业。\n3、发展现代服务业。",
            ["3、"],
            "同级序号标点不统一：本文多用「1.」的写法，此处「3、」应为「3.」",
        ),
        (
            "一、重点任务\n（一）着力扩大有效投资\n（二）着力培育新兴产业\n（三)着力优化营商环境",
            ["（三)"],
            "括号不配对：「（三)」的左右括号宽度不同，应为「（三）」",
        ),
        (
            "一、2024年工作回顾\n（二）狠抓项目建设\n全年实施重点项目46个。\n（三）狠抓民生改善",
            ["（二）"],
            "序号未从头开始：「（二）」之前缺少「（一）」，请补齐或改为「（一）」",
        ),
        (
            "（三）强化社会治理\n二是深化矛盾纠纷排查化解。三是加强社会治安防控。",
            ["二是"],
            "列举未从头开始：「二是」之前缺少「一是」，请补齐或改为「一是」",
        ),
        (
            "一是扎实推进耕地保护。\n二是持续加强水利建设。\n三、大力发展特色产业。",
            ["三、"],
            "列举格式不一致：前文为「二是」，此处「三、」应为「三是」",
        ),
        (
            "一、重点工作完成情况\n1.招商引资成效明显。\n（一）工业经济稳中有进。\n2.项目建设加快推进。",
            ["（一）"],
            "标题层级颠倒：二级标题「（一）」出现在三级标题「1.」之下，请按“一、→（一）→1.→（1）”的顺序使用序号",
        ),
        (
            "一是农业稳中向好。\n二是工业回稳向好。\n三是服务业加快恢复。\n五持续优化营商环境。",
            ["五"],
            "「五持续…」缺少「是」，且前一项为「三是」，应为「四是」",
        ),
    ],
)
def test_flags(text: str, spans: list[str], message: str) -> None:
    found = diagnostics(text, RULE)
    assert [d.text for d in found] == spans
    assert found[0].message == message


def test_missing_parent_heading_is_one_finding() -> None:
    text = (
        "今年以来，全县上下奋力拼搏。\n"
        "一、聚力项目建设，发展后劲持续增强。全年新开工项目42个。\n"
        "二、聚力产业升级，经济结构不断优化。\n"
        "三、聚力民生改善，群众获得感显著提升。\n"
        "二、存在的主要问题\n一是经济总量偏小。\n"
        "三、2025年工作安排\n着重抓好以下几个方面工作：\n一、抓项目促投资。\n二、抓改革促活力。"
    )
    found = diagnostics(text, RULE)
    assert [d.text for d in found] == ["二、存在的主要问题"]
    assert found[0].message == (
        "本文一级标题「一、…三、」之后又出现「二、存在的主要问题」，"
        "疑似缺少上一级标题（如「一、上半年工作情况」），请检查标题层级"
    )


def test_missing_shi_has_fix_and_error_severity() -> None:
    text = "下一步重点抓好：一是加快项目建设。二是深化改革创新。三完善考核机制。"
    (found,) = diagnostics(text, RULE)
    assert found.severity is Severity.ERROR
    assert found.fix is not None
    assert text[: found.fix.start] + found.fix.replacement + text[found.fix.end :] == text.replace(
        "三完善", "三是完善"
    )


@pytest.mark.parametrize(
    "text",
    [
        "一、二、三产业融合发展成效明显，全县农产品加工转化率达到68%。",
        "坚持全市一盘棋，统一是前提，协同是关键，唯一是要把握好节奏。",
        "1.5万名党员干部下沉社区参与基层治理。\n2.3万户家庭完成燃气安全隐患排查。",
        "附图目录\n3.1 全县地区生产总值增长情况\n3.2 一般公共预算收入增长情况\n3.4 城乡居民收入变化情况",
        "会议传达学习了《关于“一是抓学习、二是抓落实、四是抓作风”专项活动的通知》。",
        # restarting inside a new parent section
        "一、2024年工作回顾\n（一）经济运行稳中向好\n（二）改革开放持续深化\n二、2025年工作安排\n（一）着力扩大有效需求\n（二）着力推进产业升级",
        "（一）工业经济\n1.规上工业增加值增长8.1%。\n2.工业投资增长12.4%。\n（二）服务业\n1.社零总额增长6.3%。\n2.接待游客320万人次。\n3.实现旅游收入28亿元。",
        # an inner list inside 一是, the outer list going on with 二是
        "一是防返贫动态监测。做到“三个坚持”。坚持一周一研判。二是坚持一月一核算。三是坚持一月一增减。\n"
        "二是开展排查。经排查发现两方面问题，一是收益分配问题；二是就业岗位问题。\n三是持续开展小额信贷工作。",
        # a list begun in the heading paragraph goes on at the next paragraph
        "二、经济提质蓄势强基。一是坚定不移推进项目建设。总投资3686万元。\n二是全力以赴抓好招商引资。",
        "我们始终坚持一是一、二是二，实事求是报告工作成效。",
        "为保证农业稳定增长，首先要增加投入。二是保护和合理使用耕地。三是加强农田水利建设。",
        "三、下半年工作计划\n着重开展以下几个方面工作：\n一、固本强基。加强组织建设。\n二、项目驱动。推进项目落地。",
        "今年以来，我们一是抓班子带队伍，二是抓产业促增收。三农工作基础进一步夯实。",
        "序号\t项目名称\t总投资\n1\t城区污水管网改造\t3200\n2\t农村公路提升\t1800\n4\t校舍改造\t960",
        "做好今年工作，必须把握好三点：第一，坚持稳中求进；第二，坚持改革创新；第三，坚持底线思维。",
        "一、今年以来工作回顾\n全镇取得新进展。\n二、主要目标和任务\n我们将重点做好以下工作：\n1.聚力拓展镇域经济。\n"
        "2.着力防范各类风险。\n三、聚焦政府作风转变\n1.突出政治建设。\n2.主动担当作为。",
        "二、主要工作成效\n一是基层组织持续加强。\n二是产业发展提质增效。",
    ],
)
def test_correct_text_is_quiet(text: str) -> None:
    assert flagged(text, RULE) == []


@pytest.mark.parametrize(
    ("text", "spans", "message"),
    [
        # a list announced by the sentence before it, begun at its second item
        (
            "围绕“放管服”改革，今年主要抓了以下工作。二是压减审批时限；三是推行“一网通办”。",
            ["二是"],
            "列举未从头开始：「二是」之前缺少「一是」，请补齐或改为「一是」",
        ),
        (
            "全局上下重点做好如下几方面工作。\n第二，抓好森林防火。\n第三，抓好林长制落实。",
            ["第二"],
            "列举未从头开始：「第二」之前缺少「第一」，请补齐或改为「第一」",
        ),
        (
            "会议对防汛工作提出了三点要求。第二，落实值班值守；第三，提前转移群众。",
            ["第二"],
            "列举未从头开始：「第二」之前缺少「第一」，请补齐或改为「第一」",
        ),
        # a paragraph opened by ① / （1） is one list with the items after it
        (
            "①新增城镇就业4200人；②发放创业担保贷款1.1亿元；④开展职业技能培训3600人次。",
            ["④"],
            "序号跳号：「④」前应为「③」",
        ),
        (
            "（1）修订村规民约；（2）成立红白理事会；（2）开展“文明家庭”评选。",
            ["（2）"],
            "序号重复：此处已有「（2）」，应为「（3）」",
        ),
        (
            "（1）新建污水管网9公里；（2）改造雨水管网4公里。\n（4）清淤河道23公里。",
            ["（4）"],
            "序号跳号：「（4）」前应为「（3）」",
        ),
        # a heading of another form carrying on a series
        (
            "一、稳增长\n二、促改革\n3、惠民生\n四、防风险",
            ["3、"],
            "序号形式不一致：「二、」与「四、」之间的「3、」应为「三、」",
        ),
        (
            "（一）抓班子\n（二）带队伍\n3.强作风\n（四）促发展",
            ["3."],
            "序号形式不一致：「（二）」与「（四）」之间的「3.」应为「（三）」",
        ),
        # the text opens at its second item
        (
            "（二）深化医药卫生体制改革。\n（三）提升基层医疗服务能力。",
            ["（二）"],
            "序号未从头开始：「（二）」之前缺少「（一）」，请补齐或改为「（一）」",
        ),
        (
            "二是强化耕地保护。三是推进高标准农田建设。",
            ["二是"],
            "列举未从头开始：「二是」之前缺少「一是」，请补齐或改为「一是」",
        ),
        # in-prose lists written 一、 （一） 1. 其一
        (
            "主要做法是：（一）建立台账；（二）挂牌督办；（二）跟踪问效。",
            ["（二）"],
            "序号重复：此处已有「（二）」，应为「（三）」",
        ),
        (
            "分三步实施：1.摸底排查；2.集中整治；4.巩固提升。",
            ["4."],
            "序号跳号：「4.」前应为「3.」",
        ),
        (
            "督查重点为：一、项目进度；二、资金使用；四、群众满意度。",
            ["四、"],
            "序号跳号：「四、」前应为「三、」",
        ),
        (
            "原因有三：其一，投入不足；其三，人才短缺。",
            ["其三"],
            "序号跳号：「其三」前应为「其二」",
        ),
        (
            "主要措施有：（1）月调度；(2)周通报；（3）季考核。",
            ["(2)"],
            "同级序号括号不统一：本列举多用「（1）」的写法，此处「(2)」应为「（2）」",
        ),
    ],
)
def test_round_two_flags(text: str, spans: list[str], message: str) -> None:
    found = diagnostics(text, RULE)
    assert [d.text for d in found] == spans
    assert found[0].message == message


def test_retyped_heading_has_fix_and_no_skip_after_it() -> None:
    text = "一、稳增长\n二、促改革\n3、惠民生\n四、防风险"
    (found,) = diagnostics(text, RULE)
    assert found.fix is not None
    assert found.fix.replacement == "三、"


@pytest.mark.parametrize(
    "text",
    [
        "全县规模以下工业企业营业收入增长4.6%。二是小微企业融资环境持续改善。",
        "首先要把思想统一到以下要求上来。二是压实各级责任。三是加强督查问效。",
        "①农村公路新改建82公里；②危桥改造9座；③新增通客车自然村16个。",
        "①参保率达到97.2%；②报销比例提高5个百分点。\n③签约服务覆盖8.6万人。\n④建成医共体3个。",
        "（1）下达资金1.6亿元；（2）实施项目54个；（3）户均增收3200元。",
        # an excerpt opening further on than the second item
        "五、持续保障和改善民生\n城镇新增就业6200人。\n六、推进政府自身建设",
        "（三）深化农村改革\n完成改革任务。\n（四）加强乡村治理",
        "附件：1.重点项目计划表\n2.任务分解表\n3.考核评分细则",
        "全县一、二级公路286公里，三、四级公路实现建制村全覆盖。",
        "年度目标是：1年打基础、2年见成效、3年上台阶。5、6月份抓好夏粮收购。",
        "城投公司完成①号地块平整，③号地块已进入招拍挂程序。",
        "群众意见集中在两点：其一，环节偏多；其二，态度欠佳。二者必居其一的思维要不得。",
        "报告分以下几个部分：一、三年来的工作；二、今后的任务；三、政府自身建设。",
        # an announcement earlier in the paragraph before a run of 一、 under （二）
        "（一）当前形势\n（二）今后的方针\n必须贯彻执行下列十条方针。这些方针是经验的总结。\n一、加快农业发展\n二、发展消费品工业",
    ],
)
def test_round_two_correct_text_is_quiet(text: str) -> None:
    assert flagged(text, RULE) == []


_SWAP = "序号顺序颠倒：「{0}」排在「{1}」之前，应先「{1}」后「{0}」，请调换两项的位置或改正序号"


@pytest.mark.parametrize(
    ("text", "spans", "message"),
    [
        # half-bracket markers 1）/1) (no opening bracket)
        (
            "下一步重点抓好三项工作：1）完善考核办法；2）强化结果运用；4）加强日常督导。",
            ["4）"],
            "序号跳号：「4）」前应为「3）」",
        ),
        (
            "1)摸排重点人群\n2)开展上门随访\n2)落实家庭医生签约",
            ["2)"],
            "序号重复：此处已有「2)」，应为「3)」",
        ),
        (
            "实行“三个一”机制：1）月调度；2)周通报；3）季考核。",
            ["2)"],
            "同级序号括号不统一：本列举多用「1）」的写法，此处「2)」应为「2）」",
        ),
        (
            "1）完善制度\n2）强化培训\n3.加强督查\n4）严格考核",
            ["3."],
            "序号形式不一致：「2）」与「4）」之间的「3.」应为「3）」",
        ),
        # two items in swapped order: one finding, at the first out-of-place marker
        ("一是压实责任。三是强化考核。二是严肃问责。四是加强宣传。", ["三是"], _SWAP.format("三是", "二是")),
        (
            "要把握三点：第一，规划引领；第三，产业支撑；第二，要素保障。",
            ["第三"],
            _SWAP.format("第三", "第二"),
        ),
        ("做到：其一，摸清底数；其三，分类施策；其二，跟踪问效。", ["其三"], _SWAP.format("其三", "其二")),
        ("①造林1.2万亩；③新建护林站6座；②治理水土流失18平方公里。", ["③"], _SWAP.format("③", "②")),
        ("一、工作开展情况\n三、存在的问题\n二、下一步打算", ["三、"], _SWAP.format("三、", "二、")),
        (
            "一、稳增长\n二、促改革\n四、防风险\n三、惠民生\n五、强作风",
            ["四、"],
            _SWAP.format("四、", "三、"),
        ),
        (
            "一、总体情况\n（一）强化组织\n（三）强化资金\n（二）强化督导\n二、存在问题\n（一）短板\n（二）弱项",
            ["（三）"],
            _SWAP.format("（三）", "（二）"),
        ),
        ("一是健全制度。\n三是强化队伍。\n二是加强督查。", ["三是"], _SWAP.format("三是", "二是")),
        # a skip whose missing item never comes, or comes in another list, stays a skip
        ("一是压实责任。二是强化考核。四是严肃问责。", ["四是"], "序号跳号：「四是」前应为「三是」"),
        (
            "一是压实责任，三是强化联动。\n一是严肃追责，二是加强宣传。",
            ["三是"],
            "序号跳号：「三是」前应为「二是」",
        ),
        (
            "一、稳增长\n（一）抓项目\n（三）抓投资\n二、促改革\n（一）抓试点\n（二）抓推广",
            ["（三）"],
            "序号跳号：「（三）」前应为「（二）」",
        ),
    ],
)
def test_round_three_flags(text: str, spans: list[str], message: str) -> None:
    found = diagnostics(text, RULE)
    assert [d.text for d in found] == spans
    assert found[0].message == message


@pytest.mark.parametrize(
    "text",
    [
        "垃圾分类分三步推进：1）试点先行；2）以点带面；3）全域推开。",
        "全年接待来访群众1260人次（其中集体访12批次，个人访1248人次），化解积案37件。",
        "（1）加强组织领导\n1）成立领导小组\n2）制定实施方案\n（2）强化要素保障\n1）落实资金\n2）保障用地",
        "1）加强组织领导\n（1）成立领导小组\n（2）制定实施方案\n2）强化要素保障\n（1）落实资金",
        "一是健全制度。\n二是强化队伍。\n三是加强督查。",
    ],
)
def test_round_three_correct_text_is_quiet(text: str) -> None:
    assert flagged(text, RULE) == []


@pytest.mark.parametrize(
    ("text", "spans", "message"),
    [
        (
            "（1）摸清底数；\n（2）分类施策；\n（３）跟踪问效。",
            ["（３）"],
            "同级序号数字宽度不统一：本文多用「（1）」的写法，此处「（３）」应为「（3）」",
        ),
        (
            "１．抓党建\n２．促发展\n3．惠民生",
            ["3．"],
            "同级序号数字宽度不统一：本文多用「１．」的写法，此处「3．」应为「３．」",
        ),
        (
            "全文共三个部分：第一部分，总体情况；第二部分，存在问题；第四部分，下步打算。",
            ["第四部分"],
            "序号跳号：「第四部分」前应为「第三部分」",
        ),
        (
            "第一部分　工作回顾\n一、经济运行\n二、社会民生\n第三部分　工作安排\n一、稳增长",
            ["第三部分"],
            "序号跳号：「第三部分」前应为「第二部分」",
        ),
        (
            "一健全工作机制，二是压实包保责任，三是强化督导考核。",
            ["一"],
            "「一健全…」缺少「是」，应为「一是」（后文为「二是」）",
        ),
        (
            "一聚焦主责主业。\n二是狠抓队伍建设。\n三是严格监督执纪。",
            ["一"],
            "「一聚焦…」缺少「是」，应为「一是」（后文为「二是」）",
        ),
        (
            "一是摸排隐患；二是建立台账；一是限期整改；四是跟踪问效。",
            ["一是"],
            "序号顺序有误：「二是」之后出现「一是」，其后为「四是」，应为「三是」",
        ),
    ],
)
def test_round_four_flags(text: str, spans: list[str], message: str) -> None:
    found = diagnostics(text, RULE)
    assert [d.text for d in found] == spans
    assert found[0].message == message


@pytest.mark.parametrize(
    "text",
    [
        "１．抓党建\n２．促发展\n３．惠民生",
        "第一部分　工作回顾\n一、经济运行\n二、社会民生\n第二部分　工作安排\n一、稳增长\n二、惠民生",
        "具体安排详见第三部分。",
        "一直以来，我们坚持问题导向，二是强化督查，确保整改到位。",
        "一方面加强宣传引导，二是强化执法检查。",
        "一是抓学习；二是抓落实。\n一是建机制；二是强队伍；三是严考核。",
        "一是抓学习，包括：一是读原著，二是学原文；二是抓落实。",
    ],
)
def test_round_four_correct_text_is_quiet(text: str) -> None:
    assert flagged(text, RULE) == []


def test_user_can_extend_cue_exclusions() -> None:
    text = "全县重点以下沉干部为抓手推进治理。二是完善网格化管理。"
    assert flagged(text, RULE) == ["二是"]
    assert flagged(text, RULE, options={"extend-cue-exclusions": ["以下沉"]}) == []


def test_user_can_extend_enumeration_cues() -> None:
    text = "一、重点工作\n1.招商引资成效明显，主要包括\n（一）工业经济稳中有进。\n（二）服务业加快恢复。"
    assert flagged(text, RULE) == ["（一）"]
    assert flagged(text, RULE, options={"extend-enumeration-cues": ["主要包括"]}) == []


def test_user_can_extend_numeral_words() -> None:
    text = "一是抓学习。\n二是抓落实。\n三进活动扎实开展，覆盖企业、校园、社区。"
    assert flagged(text, RULE) == ["三"]
    assert flagged(text, RULE, options={"extend-numeral-words": ["三进"]}) == []


def test_seed_drafts_are_fast() -> None:
    seeds = sorted((Path(__file__).parent / "seeds").glob("*.txt"))
    text = seeds[0].read_text(encoding="utf-8")
    check_text(text, select=[RULE])
    begin = time.perf_counter()
    for _ in range(5):
        check_text(text, select=[RULE])
    assert (time.perf_counter() - begin) / 5 < 0.05


@pytest.mark.parametrize(
    ("text", "spans", "message"),
    [
        # a list opening at 二是 right after its one lead-in clause has lost its first item
        (
            "围绕稳就业，二是落实援企稳岗政策；三是开展职业技能培训。",
            ["二是"],
            "列举未从头开始：「二是」之前缺少「一是」，请补齐或改为「一是」",
        ),
        (
            "今年以来，第二，狠抓项目建设；第三，优化营商环境。",
            ["第二"],
            "列举未从头开始：「第二」之前缺少「第一」，请补齐或改为「第一」",
        ),
        # a repeated 一 after which the outline goes on as if it had been 二
        (
            "一、加强领导\n一、强化保障\n三、严格考核",
            ["一、"],
            "序号重复：前文已有「一、」，其后为「三、」，此处应为「二、」",
        ),
        (
            "（一）抓项目\n（一）抓招商\n（三）抓服务",
            ["（一）"],
            "序号重复：前文已有「（一）」，其后为「（三）」，此处应为「（二）」",
        ),
        # an item in another numbering form carrying on an in-prose list
        (
            "一是加快改造；二是推进建设；3.完善网络。",
            ["3."],
            "列举格式不一致：前文为「一是」「二是」，此处「3.」应为「三是」",
        ),
        (
            "（1）加强巡查；（2）整治排污口；三是推进修复。",
            ["三是"],
            "列举格式不一致：前文为「（1）」「（2）」，此处「三是」应为「（3）」",
        ),
    ],
)
def test_round_five_flags(text: str, spans: list[str], message: str) -> None:
    found = diagnostics(text, RULE)
    assert [d.text for d in found] == spans
    assert found[-1].message == message


def test_round_five_fixes() -> None:
    found = diagnostics("一是加快改造；二是推进建设；3.完善网络；四是加强管护。", RULE)
    assert [(d.text, d.suggestion) for d in found] == [("3.", "三是")]  # 四是 goes on from the retyped item
    found = diagnostics("1.完善制度\n1.强化培训\n3.加强督查\n4.严格考核", RULE)
    assert [(d.text, d.suggestion) for d in found] == [("1.", "2.")]


@pytest.mark.parametrize(
    "text",
    [
        "首先，加强组织领导，二是强化资金保障，三是严格督导考核。",
        "一季度实现开门红，二是上半年主要指标均好于预期，三是全年目标有望超额完成。",
        "为确保防汛安全，二是要加强值班值守。",
        "一、甲工作\n二、乙工作\n一、丙工作\n二、丁工作",
        "一是加强领导，具体为：1.成立专班；2.制定方案；3.建立机制。二是强化保障。",
        "一是抓项目，实施项目26个；二是抓招商，签约项目12个；3个项目已开工。",
    ],
)
def test_round_five_correct_text_is_quiet(text: str) -> None:
    assert flagged(text, RULE) == []


@pytest.mark.parametrize(
    ("text", "spans", "message"),
    [
        (
            "一是健全机制。\n二是强化保障。\n3.严格考核。",
            ["3."],
            "列举格式不一致：前文为「二是」，此处「3.」应为「三是」",
        ),
        (
            "第一，压实责任。\n第二，排查隐患。\n（三）储备物资。",
            ["（三）"],
            "列举格式不一致：前文为「第二」，此处「（三）」应为「第三」",
        ),
        (
            "（一）抓组织。\n（二）抓产业。\n三是抓治理。\n（四）抓作风。",
            ["三是"],
            "序号形式不一致：前文为「（二）」，此处「三是」应为「（三）」",
        ),
        # a heading announcing a list: the list has lost its first items instead
        (
            "一、抓发展\n二、重点抓好以下工作：\n三是抓治理。",
            ["三是"],
            "列举未从头开始：「三是」之前缺少「一是二是」，请补齐或改为「一是」",
        ),
    ],
)
def test_round_five_paragraph_forms(text: str, spans: list[str], message: str) -> None:
    found = diagnostics(text, RULE)
    assert [d.text for d in found] == spans
    assert found[0].message == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一是完善制度；二是加强队伍建设；三是强化考核；是严格问责。", ["是"]),
        ("一是完善制度；二是加强队伍建设；是严格问责；四是强化考核。", ["是"]),
        ("一是完善制度。\n二是加强队伍建设。\n是严格问责。", ["是"]),
        ("一是完善制度；二是加强队伍建设。是否到位，有待检验。", []),
        ("一是完善制度；二是加强队伍建设；是严格问责；三是强化考核。", []),
        ("我们完善了制度。是年，全镇未发生安全事故。", []),
    ],
)
def test_round_six_lost_numeral(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


def test_lost_numeral_message_and_fix() -> None:
    [d] = diagnostics("一是完善制度；二是加强队伍建设；是严格问责。", RULE)
    assert d.message == "「是严格…」缺少序数，前一项为「二是」，应为「三是」"
    assert d.fix is not None and d.fix.replacement == "三"


def test_round_six_text_opening_at_second_part() -> None:
    opening = "二、重点任务\n（一）扩大投资\n实施项目85个。\n（二）壮大产业\n新增企业12家。"
    assert flagged(opening, RULE) == ["二、"]
    later = opening.replace("二、", "四、", 1)
    assert flagged(later, RULE) == []
    lone = "二、重点任务\n实施项目85个，新增企业12家。"
    assert flagged(lone, RULE) == []


def test_config_extends_lost_numeral_exclusions() -> None:
    text = "一是完善制度；二是加强队伍建设；是日召开专题会议。"
    assert flagged(text, RULE) == []
    text = "一是完善制度；二是加强队伍建设；是晚召开专题会议。"
    assert flagged(text, RULE) == ["是"]
    assert flagged(text, RULE, options={"extend-lost-numeral-exclusions": ["是晚"]}) == []


def test_round_six_heading_lost_its_numeral() -> None:
    text = (
        "一、强化领导\n成立专班。\n二、加大投入\n落实资金。\n、严格考核\n纳入考核。\n四、营造氛围\n开展宣传。"
    )
    [d] = diagnostics(text, RULE)
    assert d.text == "、"
    assert d.message == "「、严格考…」缺少序数，前一个标题为「二、」，应为「三、」"
    assert d.fix is not None and d.fix.replacement == "三"
    assert flagged("、严格考核\n纳入考核。", RULE) == []


# Bare numerals (三加强…, 是加强…) are found by whole-text scans after each sentence mark and at
# paragraph starts (after blanks and Markdown markup too).
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("一是抓学习。\n二是抓落实。\n三加强监管。", "txt", ["三"]),
        ("- 一是抓学习。\n- 二是抓落实。\n- 三加强监管。", "md", ["三"]),
        ("> 一是抓学习。\n> 二是抓落实。\n> 是加强监管。", "md", ["是"]),
        ("一是抓学习；二是抓落实；三加强监管。", "txt", ["三"]),
        ("一是抓学习！二是抓落实？三加强监管。", "txt", ["三"]),
        ("一是抓学习;二是抓落实;是加强监管。", "txt", ["是"]),
        # Before the first 一是 no list runs: nothing to carry on.
        ("三加强监管。一是抓学习；二是抓落实。", "txt", []),
    ],
)
def test_bare_numerals_anywhere_in_the_text(text: str, kind: str, expected: list[str]) -> None:
    found = check_text(text, select=[RULE], kind=kind)
    assert [d.text for d in found] == expected


def test_exclusions_without_a_shared_character_still_apply() -> None:
    # The default exclusions all hold 以下 (a text without it skips them); an added phrase
    # without 以下 must still be removed before the cues are looked for.
    text = "我们提出如下意见。二是完善网格化管理。三是加强监管。"
    assert flagged(text, RULE) == ["二是"]
    assert flagged(text, RULE, options={"extend-cue-exclusions": ["如下意见"]}) == []


@pytest.mark.parametrize("text", ["", "一是。二是", "甲！乙？丙!丁?戊。", "没有句号", "末尾。"])
def test_last_sentence_is_the_last_split_part(text: str) -> None:
    assert _last_sentence(text) == _SENTENCE_END_RE.split(text)[-1]


def test_marker_index_answers_like_a_scan() -> None:
    doc = Document("一、总体要求\n一是抓学习；二是抓落实。\n（一）强化保障\n三是加强监管。\n二、主要任务")
    index = _index(doc)
    markers = doc.markers
    for marker in markers:
        for kind in ("shi", "chinese", "chinese-paren", "di"):
            expected = next((m for m in markers if m.start > marker.start and m.kind == kind), None)
            assert index.next_of_kind(kind, marker.start) is expected
        later = next((m for m in markers if m.start > marker.start and m.kind == marker.kind), None)
        assert index.next_same(marker.start) is later
        assert index.next_same(marker.start + 1) is None  # no marker starts there
    assert index.heading_paragraphs == {0, 2, 4}
    assert index.list_paragraphs("shi") == {1, 3}
    assert _index(doc) is index  # kept for the document being checked


@pytest.mark.parametrize("blank", ["\x0c", "\u2003", "\x0b", "\u2028"])
def test_paragraph_of_unusual_blanks_before_a_list_does_not_break_the_rule(blank: str) -> None:
    text = f"二、工作措施\n{blank}\n二是加强队伍建设。三是完善工作机制。\n"
    found = diagnostics(text, "section-numbering")
    assert not any("运行出错" in d.message for d in found)


def test_bare_numeral_candidates_hold_every_match() -> None:
    # _bare_numerals tries the pattern only where the standard-library scan finds a candidate.
    import random

    rule = SectionNumbering()
    rng = random.Random(5)
    alphabet = [*"。；;！？!?二三十一是两加〇a ", "三是", "是否"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
        for _mark, candidates, pattern in rule._after_mark_res:
            found = [m.start() for m in pattern.finditer(text)]
            assert found == [m.start() for m in candidates.finditer(text) if pattern.match(text, m.start())]
