"""empty-slogan (RL103): fixed formulas whose content was cut out."""

from __future__ import annotations

import time
from typing import Any

import pytest

from reportlint.config import ConfigError
from reportlint.testing import diagnostics, flagged

RULE = "empty-slogan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全镇广大党员干部坚持以为指导，坚持稳中求进工作总基调。", ["以为指导"]),
        ("全镇广大党员干部坚持以为指导,坚持稳中求进工作总基调。", ["以为指导"]),
        ("坚持以 为指导，扎实推进各项工作。", ["以 为指导"]),
        ("坚持以、为指导，扎实推进各项工作。", ["以、为指导"]),
        ("坚持以“”为指导，扎实推进各项工作。", ["以“”为指导"]),
        ("我们将继续以xx为指导，扎实推进乡村振兴。", ["以xx为指导"]),
        ("我们将继续以的为指导，扎实推进乡村振兴。", ["以的为指导"]),
        ("以为抓手，持续改善农村人居环境。", ["以为抓手"]),
        ("以为契机，全面推进城乡环境综合整治。", ["以为契机"]),
        ("坚持以为中心的发展思想，着力解决急难愁盼问题。", ["以为中心"]),
        ("成立以为组长的工作专班，统筹推进项目建设。", ["以为组长"]),
        ("紧密团结在以同志为核心的党中央周围。", ["以同志为核心"]),
        ("今年以来，在的坚强领导下，我镇各项工作取得新成效。", ["在的坚强领导下"]),
        ("在的领导下，全乡经济保持平稳发展。", ["在的领导下"]),
        ("在某某的关心支持下，项目顺利落地。", ["在某某的关心支持下"]),
        ("深入贯彻精神，严格落实上级工作要求。", ["贯彻精神"]),
        ("认真学习贯彻落实精神，确保各项政策落地见效。", ["学习贯彻落实精神"]),
        ("深入学习贯彻重要讲话精神，切实增强责任感。", ["学习贯彻重要讲话精神"]),
        ("深入学习贯彻习近平总书记关于的重要论述。", ["关于的重要论述"]),
        ("2024年是召开之年，做好今年工作意义重大。", ["是召开之年"]),
        ("2026年是开局之年，做好今年工作意义重大。", ["是开局之年"]),
        ("严格落实决策部署，确保政令畅通。", ["严格落实决策部署"]),
        ("全面贯彻党的大精神，推动高质量发展。", ["党的大"]),
        ("深入贯彻党的二十届中全会精神。", ["届中全会"]),
        ("科学编制第个五年规划。", ["第个五年规划"]),
        ("统筹发展和，守牢安全底线。", ["统筹发展和"]),
        ("牢固树立意识，守住底线。", ["牢固树立意识"]),
        ("在召开之际，全镇开展学习宣传活动。", ["在召开之际"]),
        ("按照的要求，对企业开展安全检查。", ["按照的要求"]),
        ("按照“”要求，做好各项准备工作。", ["按照“”要求"]),
        ("组长由担任，副组长由分管副镇长担任。", ["由担任"]),
        ("主要问题：一是。二是基础设施仍有短板。", ["一是"]),
        ("锲而不舍纠治“”，持续深化作风建设。", ["“”"]),
        ("在的统一部署下，全镇开展安全生产大排查。", ["在的统一部署下"]),
        ("在指引下，全县上下团结一心。", ["在指引下"]),
        ("学习贯彻总书记视察重要讲话精神。", ["视察重要讲话精神"]),
        ("根据《关于印发的通知》要求制定方案。", ["关于印发的通知"]),
        ("全面贯彻党的和二十届三中全会精神。", ["党的和"]),
        ("向致以崇高的敬意！", ["向致以"]),
        ("在市委、的坚强领导下，全区经济稳中有进。", ["、的坚强领导下"]),
        ("自觉增强“”、坚定“四个自信”。", ["“”"]),
        ("年内出台《》等制度文件6项。", ["《》"]),
        ("严格执行《 》规定。", ["《 》"]),
        ('严格执行"" 规定。', ['""']),
        ("按照（）要求完成改革。", ["按照（）要求"]),
        # A later item of a numbered series lost its numeral.
        ("着力构建“一个核心、个片区”发展格局。", ["个片区"]),
        ("建设两个中心、个基地和三个园区。", ["个基地"]),
        ("围绕个中心、两个基本点谋划全年工作。", ["个中心"]),
        # Committee plenums with the term and session numbers cut.
        ("深入贯彻市委届次全会精神，扎实推进各项工作。", ["市委届次全会"]),
        ("认真落实县委届全会部署。", ["县委届全会"]),
        ("全面贯彻省委十二届次全会精神。", ["十二届次全会"]),
        ("县届人大三次会议审议通过了政府工作报告。", ["县届人大三次会议"]),
    ],
)
def test_flags_formula_with_empty_slot(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
        "党的二十大报告是纲领性文献，我们要以此为指导谋划全年工作。",
        "新发展理念管全局、管根本，各项工作都要以之为指导。",
        "在县委县政府的坚强领导下，全镇圆满完成各项目标任务。",
        "在他的领导下，村集体经济收入突破百万元。",
        "现在的情况下，更要保持战略定力。",
        "主要领导不在的情况下，由分管领导主持日常工作。",
        "针对存在的领导干部作风不实问题开展专项整治。",
        "深入贯彻中央精神，把会议精神贯彻到各项工作中去。",
        "深刻领会精神实质，持续加强精神文明建设。",
        "发扬钉钉子精神，弘扬狠抓落实精神。",
        "深入学习贯彻习近平总书记重要讲话精神。",
        "2026年是“十五五”开局之年，2022年是党的二十大召开之年。",
        "今年是决胜之年，也是攻坚之年。",
        "严格按照要求，根据规定，坚持原则，确保实现目标。",
        "这是今年必须实现的目标，也是我们一贯坚持的原则。",
        "他原以为指导工作很简单，可以为指导员提供培训。",
        "这些做法难以为继，他作为指导组组长多次督导。",
        "党章指出，中国共产党以马克思列宁主义、……为自己的行动指南，“以……为指导”是固定表述。",
        "在表格相应栏内打“×”或“√”。",
        '他说"甲" "乙"都可以。',
        "坚持统筹和协调，统筹发展和安全。",
        "他在的时候，大事小情都要找他商量。",
        "健全落实决策部署督办机制，对落实决策部署不力的严肃问责。",
        "深刻领会精神要义，正月初一是春节。",
        "县政府印发的通知要求各乡镇月底前完成自查。",
        "党的和国家的领导人，方向表示感谢。",
        "加强意识形态工作，增强忧患意识。",
        "具体工作由牵头单位负责，由负责同志定期调度。",
        "党的大政方针在基层落地生根，离不开党的大力支持。",
        "深入开展党的十一届三中全会以来历史经验学习，编制第十五个五年规划。",
        "存在的问题：一是产业基础薄弱。二是民生短板较多。",
        "值此新春佳节之际，在此之际，在建党100周年之际。",
        "把项目建设作为生命线，按照“谁主管、谁负责”的原则压实责任。",
        "紧扣主线、突出重点，紧紧围绕中心、服务大局。",
        "走访两个村、个别农户仍有顾虑，已逐户做好解释。",
        "整个园区、三个片区和各个部门均已完成排查，做好个人、两个家庭的帮扶。",
        "建成一个中心、两个基地，聘请个体工商户代表担任监督员。",
        "认真贯彻省委十二届五次全会精神，村委届满选举平稳有序。",
        "各县届时将统一组织验收，县十八届人大三次会议如期召开。",
    ],
)
def test_leaves_complete_formulas_alone(text: str) -> None:
    assert flagged(text, RULE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preposition followed straight by 的: the subject of the noun phrase was cut
        ("按照的决策部署，全力抓好秋冬季森林防火工作。", ["按照的"]),
        ("根据的统一安排，全镇于3月起开展安全检查。", ["根据的"]),
        ("严格依照的有关规定，对违法企业作出行政处罚。", ["依照的"]),
        ("遵照的指示精神，迅速组织力量抢险救灾。", ["遵照的"]),
        ("紧紧围绕的目标任务，全力推进重点项目建设。", ["围绕的"]),
        ("依据的《实施方案》制定工作细则。", ["依据的"]),
        ("按照，的部署要求抓好落实。", ["按照，的部署"]),
        ("经的批准，我县新设立两个街道办事处。", ["经的批准"]),
        ("受的委托，现将预算执行情况报告如下。", ["受的委托"]),
        # a coordinated subject cut before 的
        ("在县委和的坚强领导下，全县上下团结一心。", ["和的坚强领导下"]),
        ("在市委、的统一部署下，各区迅速行动。", ["、的统一部署下"]),
        ("在区委以及的领导下，全区经济稳中有进。", ["以及的领导下"]),
        ("项目建设得到县直部门及的大力支持。", ["及的大力支持"]),
        ("在上级部门与的关心帮助下，村集体经济不断壮大。", ["与的关心帮助下"]),
        # 在…的…下 with any support word, modifiers and coordinated support words
        ("在的正确领导和大力支持下，我办圆满完成年度任务。", ["在的正确领导和大力支持下"]),
        ("在的亲切关怀下，新院区顺利开工。", ["在的亲切关怀下"]),
        ("在的坚强领导和全县人民的共同努力下，经济稳中向好。", ["在的坚强领导"]),
        ("在的统一领导、精心组织和悉心指导下，普查顺利完成。", ["在的统一领导、精心组织和悉心指导下"]),
        ("在、的鼎力支持下，园区基础设施不断完善。", ["在、的鼎力支持下"]),
        # 在 and the subject both cut at the start of a clause
        # a verb of implementing right before 的 and a speech or decision
        ("坚决贯彻落实的决策部署，确保政令畅通。", ["贯彻落实的决策部署"]),
        ("深入学习贯彻的重要讲话精神，切实增强责任感。", ["学习贯彻的重要讲话精神"]),
        # 了的 before a support word
        ("项目建设得到了的大力支持和帮助。", ["得到了的大力支持和帮助"]),
        ("我县做法获得了的充分肯定。", ["获得了的充分肯定"]),
        ("一年来，的坚强领导下，全县经济平稳运行。", ["的坚强领导下"]),
        ("的正确领导和大力支持下，我镇圆满完成各项任务。", ["的正确领导和大力支持下"]),
    ],
)
def test_flags_slot_holding_only_function_words_before_de(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "按照县委县政府的决策部署，全力抓好防汛工作。",
        "这种说法是毫无事实根据的，要及时澄清。",
        "没有法律法规依据的收费项目一律取消。",
        "这是每一位操作人员必须遵照的规程。",
        "今年全县工作所围绕的中心任务就是抓项目。",
        "本次测算根据的是2023年统计年鉴数据。",
        "我们将为企业提供力所能及的帮助和支持。",
        "构建社会广泛参与的支持体系。",
        "在各方共同参与的推动下，项目进展顺利。",
        "在温和的指导下，孩子们进步很快。",
        "在市场趋于饱和的情况下，企业加快转型。",
        "坚持“和”的指导思想，营造祥和的节日氛围。",
        "现在的领导班子团结有力，所在的组织关心关爱干部。",
        "他在的时候，大家都愿意找他谈心。",
        "经县人民政府批准，受县人民政府的委托，现报告如下。",
        "曾经的帮扶对象如今成了致富带头人，这是我们承受的压力。",
        "的确，在县委县政府的坚强领导下，全县经济稳中向好。",
        "他是按照的，也是根据的，不是随意的。",
        "这是必须贯彻的精神，我们所落实的决策部署都有明确要求。",
        "感谢大家给予的支持，我们得到的支持越来越多。",
        "得到了上级部门的大力支持，受到了省政府的通报表扬。",
    ],
)
def test_leaves_de_phrases_of_ordinary_prose_alone(text: str) -> None:
    assert flagged(text, RULE) == []


def test_message_for_preposition_before_de() -> None:
    [d] = diagnostics("按照的决策部署，全力抓好防汛工作。", RULE)
    assert d.message.startswith("「按照的」中缺少“的”前面的主体")


def test_user_can_extend_the_support_words() -> None:
    text = "在的悉心呵护下，幼苗茁壮成长。"
    assert flagged(text, RULE) == []
    options = {"extend-support-words": ["呵护"]}
    assert flagged(text, RULE, options) == ["在的悉心呵护下"]


def test_template_naming_an_unknown_word_list_is_a_config_error() -> None:
    template = {"prefix": "在", "suffix-regex": "的(?:<<no-such-list>>)下"}
    with pytest.raises(ConfigError, match="no-such-list"):
        diagnostics("在的领导下。", RULE, options={"extend-templates": [template]})


def test_message_names_formula_and_what_is_missing() -> None:
    [d] = diagnostics("坚持以为指导，推动工作。", RULE)
    assert d.message == "「以为指导」中缺少指导思想（如“以习近平新时代中国特色社会主义思想为指导”），请补全"
    assert d.code == "RL103"
    assert d.severity.value == "error"


def test_message_for_empty_quotes() -> None:
    [d] = diagnostics("持续纠治“”。", RULE)
    assert d.message == "空的引号“”，引号内缺少内容，请补全或删除"


def test_message_for_empty_quotes_after_a_known_verb() -> None:
    [d] = diagnostics("坚决做到“”。", RULE)
    assert "两个维护" in d.message


def test_title_mark_context_is_not_used_for_quotes() -> None:
    [quote] = diagnostics("全面落实“”制度。", RULE)
    assert quote.message == "空的引号“”，引号内缺少内容，请补全或删除"
    [title] = diagnostics("印发《》。", RULE)
    assert "书名号内缺少文件或书刊名称" in title.message
    assert "印发《关于" in title.message


def test_message_names_the_placeholder() -> None:
    [d] = diagnostics("在××的领导下，项目进展顺利。", RULE)
    assert "「××」是未填写的占位符" in d.message
    assert "领导主体" in d.message


def test_formula_over_its_empty_quotes_is_reported_once() -> None:
    assert flagged("紧紧围绕“”目标抓落实。", RULE) == ["紧紧围绕“”目标"]


def test_user_can_add_a_template() -> None:
    text = "全面落实河长责任，推进建设，争创示范县。"
    assert flagged(text, RULE) == []
    template = {
        "formula": "争创…示范县",
        "prefix": "争创",
        "suffix": ["示范县"],
        "slot": "示范县的名称",
        "example": "争创国家生态文明建设示范县",
    }
    found = diagnostics(text, RULE, options={"extend-templates": [template]})
    assert [d.text for d in found] == ["争创示范县"]
    assert found[0].message.startswith("「争创示范县」中缺少示范县的名称")


def test_user_template_with_empty_ok_only_flags_placeholders() -> None:
    template = {"prefix": "完成", "suffix": "指标", "slot": "指标名称", "kind": "verb", "empty-ok": True}
    options = {"extend-templates": [template]}
    assert flagged("全面完成指标，完成的指标超过预期。", RULE, options) == []
    assert flagged("全面完成xx指标。", RULE, options) == ["完成xx指标"]


@pytest.mark.parametrize(
    "template",
    [
        {"prefix": "争创", "slot": "名称"},
        {"suffix": "示范县"},
        {"prefix-regex": "争创(", "suffix": "县"},
        {"prefix": "争创", "suffix-regex": "示范[县市]", "cue-regex": "示范("},
    ],
)
def test_broken_user_template_is_a_config_error(template: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="empty-slogan"):
        diagnostics("争创示范县。", RULE, options={"extend-templates": [template]})


def test_empty_marks_can_be_switched_off() -> None:
    assert flagged("持续纠治“”。", RULE, options={"empty-marks": False}) == []


def test_protected_spans_are_ignored() -> None:
    assert flagged("详见附件。<!-- 待补：以为指导《》 -->", RULE) == []


@pytest.mark.parametrize(
    "text",
    [
        "以" * 100_000,
        "在的" * 50_000,
        "在的正确领导和大力支持" * 20_000,
        "县委和的关心支持与帮助" * 20_000,
        '"' * 100_000,
        "（" * 50_000 + "）" * 50_000,
        ("以xx" + "、" * 7) * 20_000,
        "坚持以习近平新时代中国特色社会主义思想为指导。" * 40_000,
    ],
)
def test_pathological_input_is_fast(text: str) -> None:
    start = time.perf_counter()
    diagnostics(text, RULE)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the plan's name cut, leaving the bare word 规划
        ("2026年是规划的开局之年，做好今年工作意义重大。", ["是规划的开局之年"]),
        ("明年是规划收官之年，要确保各项指标全面完成。", ["是规划收官之年"]),
        # the field of an instruction cut, leaving nothing or the bare word 工作
        ("深入贯彻习近平总书记对工作的重要指示精神，守牢安全底线。", ["对工作的重要指示"]),
        ("认真学习习近平总书记关于工作的重要论述。", ["关于工作的重要论述"]),
        # the numeral of a numbered slogan cut, quoted or not
        ("深刻领悟“两个确立”的决定性意义，坚决做到“个维护”。", ["“个维护”"]),
        ("自觉增强个意识、坚定个自信。", ["个意识", "个自信"]),
        ("深刻领悟个确立的决定性意义。", ["个确立"]),
        # the ordinal of a plenum or a session cut
        ("全面贯彻党的二十大和二十届全会精神。", ["届全会"]),
        ("认真学习贯彻党的二十届二中、中全会精神。", ["、中全会"]),
        ("县十八届人大次会议胜利闭幕。", ["人大次会议"]),
        ("县政协十一届次会议胜利闭幕。", ["次会议"]),
        ("胜利召开县第次党代会。", ["第次"]),
        ("依据《条例》第条规定作出处理。", ["第条"]),
    ],
)
def test_round_three_classes(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2025年是“十四五”规划收官之年，是五年规划的关键之年。",
        "深入贯彻习近平总书记对安全生产工作的重要指示精神。",
        "群众对工作的满意度达到96.5%。",
        "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
        "有个明确的目标，这个意识很重要，每个代表都发言，要做个全面的检查。",
        "推进“个转企”“小升规”，保护“个人信息”安全。",
        "全面贯彻党的二十大和二十届历次全会精神。",
        "召开县十八届人大三次会议和政协十一届三次会议。",
        "按次第推进，全县第3批、第四批项目全部开工。",
    ],
)
def test_round_three_legitimate(text: str) -> None:
    assert flagged(text, RULE) == []


def test_numbered_slogan_message_names_the_slogan() -> None:
    [d] = diagnostics("坚决做到“个维护”。", RULE)
    assert d.message == "「“个维护”」中缺少“个”前面的数字（如“两个维护”），请补全"
    assert d.suggestion == "补全为“两个维护”"


def test_user_can_extend_numbered_slogans() -> None:
    text = "认真落实个必须要求。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, options={"extend-numbered-slogans": ["五个必须"]}) == ["个必须"]
    assert flagged("推行“个体工商户”帮扶。", RULE) == []
    quoted = "推行“个码通”服务。"
    assert flagged(quoted, RULE) == ["“个码通”"]
    assert flagged(quoted, RULE, options={"extend-ge-words": ["个码通"]}) == []


# -- round 5 --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "个别干部盲目地以为中心工作就是全部工作。",
        "不能想当然地以为抓手越多越好。",
        "有的同志以为重点工作抓好了就行。",
        "过去一些乡镇以为目标定得越高越好。",
        "很多人以为核心技术可以花钱买来。",
        "不要以为主线任务完成了就万事大吉。",
        "各单位以奋发有为的精神状态投入工作，以人为的方式干预市场不可取。",
        "我们这样做，为的是让群众少跑腿。",
        "坚持稳中求进的工作总基调，坚持这一工作总基调不动摇。",
        "坚持和发展新时代中国特色社会主义。",
    ],
)
def test_round_five_legitimate(text: str) -> None:
    assert flagged(text, RULE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚定不移地以为指导，奋力推进高质量发展。", ["以为指导"]),
        ("各部门要以为引领推动基层治理提质增效。", ["以为引领"]),
        ("干部群众以为统领，凝心聚力抓发展。", ["以为统领"]),
        ("构建以企业为的技术创新体系。", ["以企业为的"]),
        ("践行以人民为的发展思想。", ["以人民为的"]),
        ("坚持以招商引资为，推动园区扩能。", ["以招商引资为"]),
        ("深化教育，铸牢共同体意识。", ["铸牢共同体意识"]),
        ("始终坚持工作总基调不动摇。", ["工作总基调"]),
        ("全县以新时代中国特色社会主义思想为指导。", ["新时代中国特色社会主义思想"]),
        ("坚决维护以习近平为核心的党中央权威。", ["以习近平为核心的党中央"]),
    ],
)
def test_round_five_defects(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


def test_cut_slogan_message_names_the_full_slogan() -> None:
    [d] = diagnostics("坚持工作总基调。", RULE)
    assert d.message == "「工作总基调」疑似固定提法“稳中求进工作总基调”缺少部分内容，请补全"
    assert d.suggestion == "补全为“稳中求进工作总基调”"


def test_user_can_extend_cut_slogans() -> None:
    text = "坚持工作总要求，全面推进乡村振兴。"
    assert flagged(text, RULE) == []
    entry = {"full": "产业兴旺、生态宜居、乡风文明、治理有效、生活富裕工作总要求", "cut": ["工作总要求"]}
    assert flagged(text, RULE, options={"extend-cut-slogans": [entry]}) == ["工作总要求"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在县委县政府的坚强下，全镇各项工作稳步推进。", ["的坚强下"]),
        ("在省农业农村厅的悉心下，项目顺利通过验收。", ["的悉心下"]),
        ("在县委的坚强和市直部门的大力支持下，园区建设提速。", ["的坚强"]),
        ("深入贯彻党的二十大和二十届、三中全会精神。", ["二十届、三中全会"]),
        ("牢牢守住不发生底线，持续巩固脱贫成果。", ["守住不发生底线"]),
        ("推动全面从严治党向发展，全年立案审查42件。", ["全面从严治党向发展"]),
        ("做好巩固拓展脱贫攻坚成果同有效衔接工作。", ["巩固拓展脱贫攻坚成果同有效衔接"]),
    ],
)
def test_round_six_defects(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "在县委县政府的坚强领导下，全镇各项工作稳步推进。",
        "在党中央的坚强和正确领导下，全国人民团结奋斗。",
        "在县委的坚强领导和市直部门的大力支持下，园区建设提速。",
        "深入贯彻党的二十大和二十届二中、三中全会精神。",
        "牢牢守住不发生规模性返贫底线，持续巩固脱贫成果。",
        "推动全面从严治党向纵深发展，全年立案审查42件。",
        "在30米的高度下作业必须系好安全带。",
    ],
)
def test_round_six_real_text(text: str) -> None:
    assert flagged(text, RULE) == []


def test_cut_slogan_keys_derive_the_cut_form() -> None:
    text = "全面落实守住不发生底线要求。"
    entry = {"full": "守住不发生区域性风险底线", "keys": ["区域性风险"]}
    [d] = diagnostics(text, RULE, options={"extend-cut-slogans": [entry]})
    assert d.text == "守住不发生底线"
    assert "守住不发生" in d.message


def test_user_can_extend_support_modifiers() -> None:
    text = "在县委的全面下，各项工作稳步推进。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, options={"extend-support-modifiers": ["全面"]}) == ["的全面下"]


def test_round_six_keyed_slogans() -> None:
    text = "发展全过程民主，弘扬社会主义价值观，守住不发生的底线。"
    assert flagged(text, RULE) == ["全过程民主", "社会主义价值观", "守住不发生的底线"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在县委县政府的下，全镇各项工作稳步推进。", ["的下"]),
        ("在各方的共同努力下，全镇各项工作稳步推进。", []),
        ("学习贯彻党的二十届三全会精神。", ["三全会"]),
        ("学习贯彻党的二十届三中全会精神。", []),
    ],
)
def test_round_six_whole_support_phrase_and_plenum_zhong(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


# -- the searches that skip text find what a plain scan finds -------------------------------------
def _sample_texts() -> list[str]:
    import sys
    from pathlib import Path

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    root = Path(__file__).parent
    texts = [path.read_text(encoding="utf-8") for path in sorted((root / "seeds").glob("*.txt"))]
    cases = tomllib.loads((root / "labelled" / "empty_slogan.toml").read_text(encoding="utf-8"))["case"]
    texts += [str(case["text"]) for case in cases]
    texts += [
        "以以为指导为指导，以为指导以为指导。",
        "坚持以、、为指导，以 为指导；以“”“”为引领，以xx为为抓手。",
        "在在的领导下的领导下，在的的坚强领导下，，的坚强领导下。",
        "为指导思想开篇。的坚强领导下开篇。",
        "贯彻贯彻精神精神，学习贯彻落实精神，落实，精神。",
        "一是。二是；三是;十是，四是……。",
        "二十届二中、、中全会，十九届全会，二十届三全会，省委届次全会，县届人大次会议。",
        "守住不发生底线守住不发生底线，稳中求进工作总基调，工作总基调。",
        "“个维护”“个维护”个意识，一个中心、个支撑，围绕个中心、两个基本点。",
        "按照的的决策部署，得到了的大力支持，经的批准，受的委托，对工作的重要指示。",
        "是规划的开局之年，党的和二十届，第次党代会，统筹发展和，以人民为的发展思想。",
        "“”《》（）()【】\"\" ‘’「」",
    ]
    return texts


@pytest.fixture(scope="module")
def rule() -> object:
    from reportlint_rules.empty_slogan import EmptySlogan

    return EmptySlogan()


@pytest.mark.parametrize("text", _sample_texts())
def test_indexed_searches_find_what_finditer_finds(rule: Any, text: str) -> None:
    starts = rule._literal_starts(text)
    for index, template in enumerate(rule._templates):
        expected = [m.span() for m in template.pattern.finditer(text)]
        if template.indexed:
            found = [m.span() for m in rule._matches(text, template, starts.get(index, set()))]
            assert found == expected, template.formula
        elif template.cues and not any(cue in text for cue in template.cues):
            assert expected == [], template.formula
        if template.cue_pattern is not None and template.cue_pattern.search(text) is None:
            assert expected == [], template.formula
    assert [m.span() for m in rule._cut_matches(text)] == [m.span() for m in rule._cut_re.finditer(text)]
    numbered = [m.span() for m in rule._numbered.finditer(text)]
    assert [m.span() for m in rule._numbered_matches(text)] == numbered


def test_most_templates_are_indexed(rule: Any) -> None:
    assert sum(template.indexed for template in rule._templates) >= 50


def _literal_starts_by_find(rule: Any, text: str) -> dict[int, set[int]]:
    """_literal_starts as it was before the junction scan: every occurrence of a suffix's first character."""
    starts: dict[int, set[int]] = {}
    for first, group in rule._suffix_groups.items():
        at = text.find(first, 1)
        while at >= 0:
            if text[at - 1] in group.before and (indexes := group.templates_at(text, at)):
                rule._add_prefix_starts(text, at, group, indexes, starts)
            at = text.find(first, at + 1)
    return starts


def test_junction_scan_finds_every_literal_start(rule: Any) -> None:
    import random

    chars = sorted({c for template in rule._templates for t in template.prefixes + template.suffixes for c in t})
    chars += sorted(rule._filler) + list("县委工作会议\n")
    rng = random.Random(7)
    texts = _sample_texts() + ["".join(rng.choice(chars) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert rule._literal_starts(text) == _literal_starts_by_find(rule, text), text


def test_user_template_with_a_cue_regex() -> None:
    template = {"prefix": "争创", "suffix-regex": "示范[县市]", "cue-regex": "示范[县市]", "slot": "称号"}
    options = {"extend-templates": [template]}
    assert flagged("今年争创示范县。", RULE, options) == ["争创示范县"]
    assert flagged("今年争创示范区。", RULE, options) == []


def test_numbered_cue_keeps_every_match(rule: Any) -> None:
    import random

    chars = sorted({c for tail in rule._slogans for c in tail}) + list("一二两三十个个个“‘「”’」、，,和与及了下的人\n")
    rng = random.Random(3)
    for _ in range(4000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 30)))
        expected = [m.span() for m in rule._numbered.finditer(text)]
        assert [m.span() for m in rule._numbered_matches(text)] == expected, text


def test_cue_regexes_find_something_wherever_their_template_matches(rule: Any) -> None:
    import random

    chars = list("以为的指导在坚强领导下支持县委和与、，,。；：\n “”xX某_ 了人民中心有所一二三届中全会议及") + sorted(rule._filler)
    rng = random.Random(5)
    texts = _sample_texts() + ["".join(rng.choice(chars) for _ in range(rng.randint(1, 30))) for _ in range(4000)]
    cued = [template for template in rule._templates if template.cue_source]
    assert cued
    for text in texts:
        for template in cued:
            if template.cue_pattern.search(text) is None:
                assert template.pattern.search(text) is None, (template.formula, text)


def test_slot_in_a_cue_follows_max_slot() -> None:
    text = "全年工作，xxxxxxxxx的坚强领导下取得成效。"  # nine filler characters before 的
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, {"max-slot": 9}) == ["xxxxxxxxx的坚强领导下"]
