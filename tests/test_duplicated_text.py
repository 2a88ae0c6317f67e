"""Tests for duplicated-text (RL102): the same text typed twice."""

from __future__ import annotations

import time

import pytest

from reportlint.rule import Applicability
from reportlint.testing import diagnostics, flagged

RULE = "duplicated-text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("积极引导龙头企业在种养殖养殖领域开展深度合作。", ["养殖"]),
        ("全镇上下认真贯彻落实落实县委县政府决策部署。", ["落实"]),
        ("严格落实食品安全安全责任制，开展专项检查12次。", ["安全"]),
        ("扎实推进农村人居环境整治农村人居环境整治三年行动。", ["农村人居环境整治"]),
        ("推动党员干部学党史学党史、悟思想、办实事。", ["学党史"]),
        ("2025年2025年全镇计划实施重点项目12个。", ["2025年"]),
        ("进一步提升人民群众的的获得感。", ["的"]),
        ("全年完成了了既定的各项目标任务。", ["了"]),
        ("各村要按照时间节点将将材料报送镇党政办。", ["将"]),
        ("全年完成x条“四好农村路”路建设，按时序推进。", ["路"]),
        ("巩固“两不愁三保障”保障成果，开展动态监测。", ["保障"]),
        ("在种植植领域开展技术合作，推广新品种12个。", ["植"]),
        ("上半年完成投资10亿元元，同比增长5%。", ["元"]),
        ("累计发放低保、五保、、临时救助资金186万元。", ["、"]),
        ("新增城镇就业320人,，完成全年任务的64%。", ["，"]),
        ("全年完成固定资产投资2.8亿元。。同比增长9.5%。", ["。"]),
        ("工作中存在的的的问题主要有三个方面。", ["的的"]),
    ],
)
def test_flags_the_redundant_second_copy(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


def test_flags_the_second_copy_not_the_first() -> None:
    text = "积极引导龙头企业在种养殖养殖领域开展深度合作。"
    (found,) = diagnostics(text, RULE)
    assert found.offset == text.index("养殖养殖") + 2
    assert found.message == "「养殖」重复录入，请删除多余的一处"


@pytest.mark.parametrize(
    "text",
    [
        # reduplication
        "党史学习教育取得扎扎实实的效果，干部作风明显改善。",
        "示范引领，实现“户户有增收项目，村村有致富产业”。",
        "利用“村村通”大喇叭每天不间断播放防汛知识。",
        "紧盯“事事争一流、样样当先进”的目标，全力以赴抓落实。",
        "以钉钉子精神持续强化作风建设，紧紧围绕中心工作，牢牢守住底线。",
        "坚持一个项目一个项目抓、一件实事一件实事办。",
        "要一项一项地抓落实，一步步推动，看一看、比一比。",
        "班子成员要认真研究研究、讨论讨论，逐条制定整改措施。",
        "层层压实责任，人人肩上有担子，常常深入一线，天天都有新进展。",
        "这些成绩实实在在，这个问题的的确确存在，要明辨是是非非。",
        "坚决防止问题整改不了了之。",
        # word boundaries that only look like repeats
        "坚持把乡村振兴工作作为“三农”工作的重中之重。",
        "上半年累计发放农村低保保障等各类惠农资金56万元。",
        "联合学校对2名厌学学生开展劝返工作，构建污染防治立体体系。",
        "建成多功能烘干中心，发展壮大村村集体经济。",
        "每月核查脱贫户上月月收入情况，目前小额信贷贷款户数128户。",
        "肩负奠定“十五五”发展基石的重大使命。",
        "形成“齐抓共管、失职追责”责任体系。",
        "为了了解群众诉求，关键是是否落实，确保在在建项目按期竣工。",
        "达到预期目的的措施还不够多，实事求是是党的思想路线的核心。",
        "发展全过程人民民主，保障农民工工资按时足额支付。",
        "完成《民法典》典型案例宣讲12场，持续推进“放管服”服务事项下放。",
        # numbers, Latin text, slogans
        "编号为1212的档案共11份，涉及资金11.86万元。",
        "系统采用ABAB双机热备，接口为api::v2,,test。",
        "打造“一村一品、一乡一业”产业格局。",
        "开展清理行动……全年共清理垃圾120吨——成效明显。",
    ],
)
def test_leaves_legitimate_repeats_alone(text: str) -> None:
    assert flagged(text, RULE) == []


def test_repeat_across_a_line_break() -> None:
    text = "围绕县委县政府中心工作，我们坚持稳中求进工作总基调，全面推进乡村\n乡村振兴，各项事业取得新进展。"
    (found,) = diagnostics(text, RULE)
    assert found.text == "乡村"
    assert found.line == 2
    assert "上一段末尾" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "（一）产业发展\n产业发展方面，新建蔬菜大棚30座。",
        "二、下半年工作打算\n下半年，我们将聚焦主责主业。",
        "产业发展\n产业发展方面，新建蔬菜大棚30座。",
    ],
)
def test_heading_repeated_by_its_paragraph_is_fine(text: str) -> None:
    assert flagged(text, RULE) == []


def test_quote_message() -> None:
    (found,) = diagnostics("全年完成x条“四好农村路”路建设。", RULE)
    assert found.message == "「路」在引号内外重复录入，请删除多余的一处"


@pytest.mark.parametrize(
    ("text", "applicability"),
    [
        ("进一步提升人民群众的的获得感。", Applicability.SAFE),
        ("新增城镇就业320人，，完成全年任务。", Applicability.SAFE),
        ("全镇上下认真贯彻落实落实决策部署。", Applicability.UNSAFE),
        ("全年完成x条“四好农村路”路建设。", Applicability.UNSAFE),
    ],
)
def test_fix_deletes_the_second_copy(text: str, applicability: Applicability) -> None:
    (found,) = diagnostics(text, RULE)
    assert found.fix is not None
    assert found.fix.applicability == applicability
    fixed = text[: found.fix.start] + found.fix.replacement + text[found.fix.end :]
    assert fixed.count(found.text * 2) == 0
    assert len(fixed) == len(text) - len(found.text)


def test_user_can_extend_the_data() -> None:
    assert flagged("对企业遇到的问题认真梳理梳理，逐项解决。", RULE) == []  # listed by default
    custom = "镇村干部要下沉一线，调研调研情况，摸清底数。"
    assert flagged(custom, RULE) == ["调研"]
    assert flagged(custom, RULE, options={"extend-legitimate-repeats": ["调研调研"]}) == []
    word = "全镇共有党员党员干部526名。"
    assert flagged(word, RULE) == ["党员"]
    assert flagged(word, RULE, options={"extend-repeat-prefixes": ["党员"]}) == []
    doubled = "各村要按照时间节点将将材料报送。"
    assert flagged(doubled, RULE) == ["将"]
    assert flagged(doubled, RULE, options={"extend-reduplications": ["将将"]}) == []


@pytest.mark.parametrize(
    "text",
    [
        "测试文本内容，" * 150_000,
        "啊" * 100_000,
        "的" * 100_000,
        "养殖" * 50_000,
        "（" * 50_000 + "）" * 50_000,
        "，" * 100_000,
        "1" * 100_000,
    ],
)
def test_pathological_input_is_fast(text: str) -> None:
    started = time.perf_counter()
    found = diagnostics(text, RULE)
    assert time.perf_counter() - started < 5
    assert len(found) <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause typed twice, flagged with its mark
        ("优化营商环境，优化营商环境，全年新登记市场主体1260户。", ["优化营商环境，"]),
        ("此外，此外，加大对重点企业的帮扶力度。", ["此外，"]),
        ("落实“四下基层”制度；落实“四下基层”制度；压实包联责任。", ["落实“四下基层”制度；"]),
        # a sentence typed twice, also across a line break
        ("全年植树造林1.2万亩。全年植树造林1.2万亩。森林覆盖率达42%。", ["全年植树造林1.2万亩。"]),
        ("全年植树造林1.2万亩。\n全年植树造林1.2万亩。\n森林覆盖率达42%。", ["全年植树造林1.2万亩。"]),
        # two clauses typed twice
        (
            "改造老旧小区23个，惠及居民3600户，改造老旧小区23个，惠及居民3600户。",
            ["，改造老旧小区23个，惠及居民3600户"],
        ),
        # the last copy closes the sentence: the mark before it goes with it
        ("坚持稳中求进，坚持稳中求进。", ["，坚持稳中求进"]),
        # a phrase longer than eight characters, with quotation marks inside
        ("深入实施城市更新行动深入实施城市更新行动，改造小区23个。", ["深入实施城市更新行动"]),
        ("全面推行“河湖长制”工作机制全面推行“河湖长制”工作机制。", ["全面推行“河湖长制”工作机制"]),
        # symbols
        ("城镇调查失业率控制在5.5％％以内。", ["％"]),
        ("一般公共预算收入增长8%%，税收占比提高。", ["%"]),
        ("组织干部学习《《条例》，开展警示教育4场。", ["《"]),
        # the last character of a word typed again
        ("加强基层层治理，推行网格化管理。", ["层"]),
        ("各级级党组织要履行主体责任。", ["级"]),
        ("全镇共召开党员大会会6次，研究重大事项21项。", ["会"]),
        ("全年累计总共共3次，整改问题12个。", ["共"]),
        # a numbered line broken in the middle of its last clause and typed again
        ("一是强化安全监管，成立以分管副镇长为组长的安全\n安全生产检查组，开展检查16次。", ["安全"]),
    ],
)
def test_round_two_classes(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "两个村的户籍人口分别为1.2万人、1.2万人，基本持平。",
        "截至年底，全镇工业总产值达12.6亿元，截至年底，累计完成投资8.1亿元。",
        "群众纷纷点赞：“好！好！”干部职工喊出了“加油！加油！”的口号。",
        "累计发放贷款1,200万元，惠及农户1,200户。",
        "四、加快发展社会事业\n\n加快发展社会事业，是增进民生福祉的根本要求。",
        "（二）坚持项目为王，狠抓招商引资\n狠抓招商引资方面，全年签约项目12个。",
        "层层压实属地责任，各村村干部包片到户，要紧紧围绕中心工作。",
        "深入基层层层调研，强化基层层级管理，全县农户户均增收2600元。",
        "发展壮大乡村村集体经济，村卫生室室内设施全部更新。",
        "工业品质量低、成本高等等现象依然存在，这件事我们实在受不了了。",
        "对信访积案不能只是开会讨论讨论就算了，这个方案大家再商量商量。",
        "对群众反映的问题，班子成员要研究研究怎么解决。",
        "请于5月10日前报送材料，详见附件（1））。",
    ],
)
def test_round_two_legitimate(text: str) -> None:
    assert flagged(text, RULE) == []


def test_clause_repeat_message_and_fix() -> None:
    text = "截至目前，全镇已完成危房改造86户。截至目前，全镇已完成危房改造86户。剩余14户正在施工。"
    (found,) = diagnostics(text, RULE)
    assert found.message == "句子「截至目前，全镇已完成危房改造86户」重复录入，请删除多余的一处"
    assert found.fix is not None
    fixed = text[: found.fix.start] + found.fix.replacement + text[found.fix.end :]
    assert fixed == "截至目前，全镇已完成危房改造86户。剩余14户正在施工。"


def test_clause_run_is_one_finding() -> None:
    (found,) = diagnostics("持续深化改革，持续深化改革，持续深化改革，激发市场活力。", RULE)
    assert found.text == "持续深化改革，持续深化改革，"
    assert "共多出2处" in found.message


def test_user_can_extend_round_two_data() -> None:
    stray = "全面落实各项项惠民政策。"
    assert flagged(stray, RULE) == ["项"]
    assert flagged(stray, RULE, options={"extend-words": ["项惠"]}) == []
    assert flagged("这些材料大家翻阅翻阅就清楚了。", RULE) == ["翻阅"]
    assert (
        flagged("这些材料大家翻阅翻阅就清楚了。", RULE, options={"extend-legitimate-repeats": ["翻阅翻阅"]})
        == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted term or a title typed twice with its marks
        ("深化“放管服”“放管服”改革，压缩审批时限30%。", ["“放管服”"]),
        ("组织学习《信访工作条例》《信访工作条例》，开展宣讲8场。", ["《信访工作条例》"]),
        # an amount typed twice, also across a blank
        ("全年实现税收收入1.86亿元1.86亿元，同比增长8.3%。", ["1.86亿元"]),
        ("全镇森林覆盖率达到65.2% 65.2%，位居全县前列。", ["65.2%"]),
        # a word typed twice across a blank
        ("持续推进 持续推进城乡环境综合整治，清理垃圾1200吨。", ["持续推进"]),
        ("各村要按照时间节点 将 将材料报送镇党政办。", ["将"]),
        # a function word at a line break typed again
        ("深入学习贯彻习近平总书记关于安全生产工作的\n的重要论述，全力抓好安全。", ["的"]),
        # a clause typed again after a line break: both copies end with the same mark
        ("全力推进项目建设，\n全力推进项目建设，确保年底竣工。", ["全力推进项目建设，"]),
        # a list item or clause repeating the end of the clause before it
        ("做到应收尽收、应收尽收，全年征收医保费1260万元。", ["应收尽收"]),
        ("推进美丽乡村建设、乡村建设，完善基础设施。", ["乡村建设"]),
        # a noun-verb repeat whose second copy begins a compound is still a slip
        ("充分发挥人大代表代表作用，办理建议46件。", ["代表"]),
    ],
)
def test_round_three_classes(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "打造“一站式”“一窗式”服务，落实“两个确立”“两个维护”。",
        "两个村的税收分别为1.86亿元、1.86亿元，基本持平。",
        "各级人大代表代表人民行使权力，职工代表代表职工签订集体合同。",
        "上级领导领导我们开展工作，效果明显。",
        "牢固树立以人民为中心的发展思想，坚持一切为了\n了解民情。",
        "一、发展教育事业\n发展教育事业，是我们的重要任务。",
        "实现应保尽保、应退尽退，全年发放低保金2860万元。",
        "我们要坚持，坚持，再坚持。",
        "促进了经济战线上的胜利；经济战线上的胜利，又巩固了思想战线。",
        "必须坚持解放思想。解放思想、实事求是是党的思想路线。",
        "在 在建项目12个，目前共有 有 3家企业。",
    ],
)
def test_round_three_legitimate(text: str) -> None:
    assert flagged(text, RULE) == []


def test_fix_across_a_blank_takes_the_blank() -> None:
    text = "持续推进 持续推进城乡环境综合整治。"
    (found,) = diagnostics(text, RULE)
    assert found.message == "「持续推进」重复录入（中间隔有空格），请删除多余的一处"
    assert found.fix is not None
    fixed = text[: found.fix.start] + found.fix.replacement + text[found.fix.end :]
    assert fixed == "持续推进城乡环境综合整治。"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("深化“放管服”“放管服”改革。", "深化“放管服”改革。"),
        ("做到应收尽收、应收尽收，全年征收医保费。", "做到应收尽收，全年征收医保费。"),
    ],
)
def test_round_three_fixes(text: str, fixed: str) -> None:
    (found,) = diagnostics(text, RULE)
    assert found.fix is not None
    assert text[: found.fix.start] + found.fix.replacement + text[found.fix.end :] == fixed


def test_user_can_extend_noun_verbs() -> None:
    text = "由现场总指挥指挥抢险救援，转移群众120人。"
    assert flagged(text, RULE) == ["指挥"]
    assert flagged(text, RULE, options={"extend-noun-verbs": {"指挥": ["抢险"]}}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持以人民为中心的发展思想，\n思想，着力解决群众急难愁盼问题。", ["思想"]),
        ("持续改善流域生态环境，\n环境，地表水优良比例达到92.3%。", ["环境"]),
        ("统筹推进城乡融合、\n融合、区域协调发展。", ["融合"]),
        ("把群众满意作为出发点和落脚点,\n落脚点,办成一批民生实事。", ["落脚点"]),
        # The same slip without the line break, also between semicolons.
        ("深入实施创新驱动发展战略，战略，研发投入强度达到2.4%。", ["战略"]),
        ("推动形成绿色生活方式；方式；能耗强度下降3.1%。", ["方式"]),
    ],
)
def test_round_five_last_word_typed_again_on_the_next_line(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "坚持把发展作为第一要务，\n发展是解决一切问题的基础和关键。",
        "抓好“菜篮子”工程，\n工程建设进度总体符合预期。",
        "全面推进乡村振兴、振兴，",  # two characters on one line: too weak a sign
        "扎实推进污染防治攻坚，\n攻坚。",  # the marks differ
        "我们要团结，团结，再团结。",  # emphasis that goes on
        "这是改革开放的胜利；是人民的胜利，也是党的胜利。",
    ],
)
def test_round_five_line_break_legitimate(text: str) -> None:
    assert flagged(text, RULE) == []


def test_round_five_fix_joins_the_lines() -> None:
    text = "坚持以人民为中心的发展思想，\n思想，着力解决群众急难愁盼问题。"
    (found,) = diagnostics(text, RULE)
    assert found.fix is not None
    fixed = text[: found.fix.start] + found.fix.replacement + text[found.fix.end :]
    assert fixed == "坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。"


# -- prefilters (speed): they may only skip text where nothing can be found ------------------------


def test_code_unit_bytes_keep_one_byte_per_character() -> None:
    from rules.duplicated_text import _code_unit_bytes

    low, high = _code_unit_bytes("𠀀，,𠀀")  # characters beyond the BMP keep offsets
    assert (len(low), len(high)) == (4, 4)
    assert (low[1], high[1], low[2], high[2]) == (0x0C, 0xFF, 0x2C, 0x00)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("𠀀全年投资,，3.2亿元%%，增长12%。。", [",，", "%%", "。。"]),
        ("共有“”“”两组引号、、与‰‰。", ["、、", "‰‰"]),  # “” and ”“ are no doubled mark
        ("正常的句子，没有重复的标点。", []),
    ],
)
def test_punctuation_prefilter_keeps_every_doubled_mark(text: str, expected: list[str]) -> None:
    from rules.duplicated_text import DuplicatedText

    rule = DuplicatedText()
    starts = set(rule._punctuation_starts(text))
    pattern = rule._punctuation
    assert pattern is not None
    found = [m.group() for m in pattern.finditer(text)]
    assert found == expected
    assert all(m.start() in starts for m in pattern.finditer(text))


@pytest.mark.parametrize(
    "text",
    [
        "深化“放管服”“放管服”改革，《条例》《条例》已印发。",
        "𠀀“一站式”“一站式”服务",  # a character beyond the BMP keeps offsets
        "“甲”“乙”两项，" + "很" * 40 + "「数字乡村」「数字乡村」",
        "没有成对的引号。",
    ],
)
def test_quoted_repeat_start_is_at_or_before_every_match(text: str) -> None:
    from rules.duplicated_text import _QUOTED_REPEAT, _quoted_repeat_start

    begin = _quoted_repeat_start(text)
    matches = [m.span() for m in _QUOTED_REPEAT.finditer(text)]
    if begin < 0:
        assert matches == []
    else:
        assert [m.span() for m in _QUOTED_REPEAT.finditer(text, begin)] == matches


def test_phrase_spans_hold_every_long_repeat() -> None:
    from rules.duplicated_text import _CodeUnits, _phrase_spans

    phrase = "持续优化营商环境激发市场活力"
    text = "一、" + phrase * 2 + "，全年新增市场主体1260户。" + "加强“河长制”责任落实" * 2
    spans = _phrase_spans(_CodeUnits(text))
    covered = {p for first, last in spans for p in range(first, last)}
    assert text.index(phrase) in covered
    assert text.index("加强") in covered
    assert _phrase_spans(_CodeUnits("没有重复的短句，数字123。")) == []


def test_word_repeats_are_seen_between_unit_characters_only() -> None:
    from rules.duplicated_text import _MAX_UNIT, _UNIT, _CodeUnits, _repeat_spans, _unit_hashes

    text = "，，，，养殖养殖，2020年2020年。。。。"
    codes = _CodeUnits(text)
    spans = _repeat_spans(_unit_hashes(codes, codes.mask(_UNIT)), range(1, _MAX_UNIT + 1))
    covered = {p for first, last in spans for p in range(first, last)}
    assert text.index("养殖") in covered and text.index("2020") in covered
    assert not covered & {0, 1, 2, len(text) - 2}  # runs of marks are no unit repeats


def test_gap_spans_find_units_across_a_mark_or_blanks() -> None:
    from rules.duplicated_text import _UNIT, _CodeUnits, _gap_spans

    text = "全年完成“四好农村路”路建设，深入开展 深入开展调研。"
    codes = _CodeUnits(text)
    starts = {first for first, _ in _gap_spans(text, codes, codes.mask(_UNIT))}
    assert text.index("路”") in starts
    assert text.index("深入") in starts


def test_character_classes_of_the_byte_prefilters() -> None:
    from rules.duplicated_text import _BLANK, _QUOTE, _UNIT, _CodeUnits

    text = "村2“”《》a，\u3000 \u3005𠀀"
    codes = _CodeUnits(text)

    def members(classes: int) -> str:
        flags = codes.mask(classes).to_bytes(len(text), "little")
        return "".join(ch for ch, flag in zip(text, flags, strict=True) if flag)

    assert members(_UNIT) == "村2\u3005𠀀"
    assert members(_QUOTE) == "“”《》"
    assert members(_BLANK) == "\u3000 "
    assert codes.mask_bytes(_UNIT | _QUOTE) == bytes(
        0xFF if ch in "村2“”《》\u3005𠀀" else 0 for ch in text
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A comma with a digit on either side is part of a number; other marks always separate.
        ("投资1,200万元,增长12%，，完成", ["投资1,200万元", ",", "增长12%", "，，", "完成"]),
        ("共3,项目,5个。\n下一句", ["共3,项目,5个", "。\n", "下一句"]),
        (",开头，1，2、3", ["", ",", "开头", "，", "1", "，", "2", "、", "3"]),
    ],
)
def test_clause_separators(text: str, expected: list[str]) -> None:
    from rules.duplicated_text import _SEPARATORS

    assert _SEPARATORS.split(text) == expected
