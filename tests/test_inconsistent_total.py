"""Rule inconsistent-total (RL201): totals and parts, counts and lists, rates."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import regex

from reportlint.document import Document
from reportlint.testing import diagnostics, flagged
from rules.inconsistent_total import InconsistentTotal
from rules.inconsistent_total.helpers import _gate, _holds_any, format_number
from rules.inconsistent_total.triggers import (
    AVERAGES,
    CARRIED,
    CHANGES,
    CONVERSIONS,
    COUNTS,
    DURATIONS,
    INCREMENTS,
    OF_WHOLE,
    OTHER_DIGIT_RANGES_RE,
    PARTS_AFTER,
    PARTS_BEFORE,
    RATES,
    REMAINING,
    RESPECTIVELY,
    SHARES,
    STRUCTURES,
    hitting_chars,
    plain_digits,
)

RULE = "inconsistent-total"
SEEDS = Path(__file__).parent / "seeds"


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
    ("text", "expected"),
    [
        # exhaustive partitions
        ("全县共有卫生机构126个，分为医院18个、卫生院96个、疾控机构10个。", ["126个"]),
        ("1—4月累计完成投资3.6亿元，各月分别为0.8亿元、0.9亿元、1.3亿元、0.9亿元。", ["3.6亿元"]),
        ("参加体检的退役军人共326人，其中男性298人、女性38人。", ["326人"]),
        ("全县在编教师2860人，其中男教师1120人、女教师1640人。", ["2860人"]),
        ("全镇户籍人口3.4万人，其中农业人口2.1万人、非农业人口1.7万人。", ["3.4万人"]),
        ("全镇劳动力转移就业5600人，其中省内3200人、省外2800人。", ["5600人"]),
        # groups within a count
        ("全县18个乡镇中，12个乡镇财政收入超过5000万元，8个乡镇财政收入不足3000万元。", ["18个"]),
        ("全镇12个村中，9个村已完成改厕，其余4个村正在施工。", ["12个"]),
        ("全年受理案件120件，其中调解结案80件，其余30件正在办理。", ["120件"]),
        # averages
        ("全镇共有脱贫户215户，脱贫人口680人，户均4.5人。", ["4.5人"]),
        ("全年举办专题讲座8场，参训干部960人次，场均150人次。", ["150人次"]),
        ("为全镇1260户农户发放种粮补贴189万元，平均每户补贴1800元。", ["1800元"]),
        ("全县9所敬老院共入住特困老人315人，院均45人。", ["45人"]),
        # growth and percentage points
        ("全年完成固定资产投资18亿元，比上年的15亿元增长12%。", ["12%"]),
        ("全年共发生火灾事故12起，比去年同期的20起下降60%。", ["60%"]),
        ("义务教育巩固率由94.1%提升至97.6%，提升4.5个百分点。", ["4.5个百分点"]),
        ("城镇化率达到58.6%，比上年的56.1%提高3.5个百分点。", ["3.5个百分点"]),
        ("投诉量由上年的320件下降到256件，下降了25%。", ["25%"]),
        # shares and plan completion
        ("全年争取项目资金2.4亿元，其中中央资金1.5亿元，占比52.5%。", ["52.5%"]),
        ("全镇耕地面积3.6万亩，其中高标准农田2.4万亩，所占比重为50%。", ["50%"]),
        ("年度计划造林3000亩，实际完成3600亩，完成年度计划的90%。", ["90%"]),
        # increments, 倍, what remains, shares over 100%
        ("全年发生交通事故42起，同比减少8起，下降20%。", ["20%"]),
        ("村集体经济收入由20万元增加到50万元，增长3.5倍。", ["3.5倍"]),
        ("共排查各类安全隐患52处，已整改48处，剩余5处正在整改。", ["52处"]),
        ("全县三次产业中，其中第一产业占比15.2%、第二产业占比45.6%、第三产业占比41.3%。", ["41.3%"]),
        ("招商引资到位资金86亿元，其中工业、农业、服务业项目分别占52%、28%和26%。", ["26%"]),
        # slogans
        ("深入推进“三个一批”：培育一批、引进一批、储备一批、提升一批。", ["三个一批"]),
        ("全面落实“四个不摘”：摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶。", ["四个"]),
        ("开展“四查四看”活动：查思想看认识、查作风看状态、查纪律看落实。", ["四查四看"]),
        ("坚持“两手抓、两手硬”：一手抓发展，一手抓稳定，一手抓党建。", ["两手抓、两手硬"]),
        ("抓好两个一批：培育一批龙头企业、引进一批重点项目、储备一批优质项目。", ["两个一批"]),
        ("开展三查：查思想认识、查工作作风、查纪律规矩、查履职尽责。", ["三查"]),
    ],
)
def test_round_two_classes(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        # partitions that add up, or lists that need not
        "全县共有卫生机构126个，分为医院18个、卫生院98个、疾控机构10个。",
        "参加体检的退役军人共326人，其中男性298人、党员45人。",
        "参加培训的村干部共180人，其中男性112人、女性68人，35岁以下青年46人。",
        "1—4月累计完成投资3.6亿元，其中4月完成0.7亿元。",
        "全县户籍人口48.6万人，其中男性24.9万人、女性23.7万人。",
        "全年总投资2.38万亿元，其中中央投资1.55万亿元、地方投资8300亿元。",
        # groups that may overlap
        "全镇12个村中，9个村建成文化广场，10个村建成农家书屋。",
        "全县18个乡镇中，12个乡镇财政收入超过5000万元，8个乡镇税收低于3000万元。",
        "全县126个行政村中，有86个村集体经济收入超过10万元，其余40个村均在5万元以上。",
        # averages of something else, or not checkable
        "全县农户3.2万户，粮食播种面积10万亩，户均耕地5.6亩。",
        "全村共有农户312户，人均可支配收入1.8万元，同比增长8.2%。",
        "全年共开展巡河3600余次，河长人均巡河30次以上。",
        "组织开展入户走访1.8万户次，发现问题线索126条，户均0.7条。",
        "带动120户种植户增收36万元，户均增收3000元。",
        "全村共有148户512人，户均约3.5人。",
        # growth that fits, or cannot be checked
        "全年接待游客120万人次，比上年的100万人次增长21%。",
        "农民人均可支配收入由1.2万元增加到1.8万元，增长40%。",
        "人均可支配收入由1.2万元增加到1.5万元，年均增长7.7%。",
        "规模以上工业增加值280亿元，比上年的250亿元增长8.5%，扣除价格因素后实际增长8.5%。",
        "城镇化率由52.6%提高到55.1%，提高了2.5个百分点。",
        "贫困发生率由3.2%降至0，下降了3.2个百分点。",
        "全年发生交通事故42起，同比减少8起，下降16%。",
        "村集体经济收入由20万元增加到50万元，增长1.5倍。",
        "村集体经济收入由20万元增加到50万元，增长2.5倍。",
        "1979年社会商品零售总额1，753亿元，比上年增加225亿元，增长14.7％。",
        "全村耕地2000亩，流转1200亩，剩余800亩由农户自种。",
        "累计受理群众诉求326件，已办结298件，转办16件，其余12件正在办理。",
        # shares with another base
        "全县户籍人口48万人，其中城镇人口占58%，比上年提高2个百分点，农村人口占比下降至42%。",
        "全县常住人口45万人，城镇人口27万人，占比60%。",
        "全县常住人口45万人，其中城镇人口27万人，占全省城镇人口的3.2%。",
        "全年引进项目50个，总投资120亿元，其中工业项目30个、投资80亿元，分别占60%和66.7%。",
        # slogans that fit, or items that do not repeat the key
        "深入推进“三个一批”：培育一批、引进一批、储备一批。",
        "坚持“两手抓”：一手抓发展，一手抓稳定，两手都要硬。",
        "围绕“四个全面”战略布局：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
        "严格落实“三会一课”制度：按时召开支部党员大会、支部委员会、党小组会，按时上好党课。",
        "坚持四项基本原则，即坚持社会主义道路、坚持人民民主专政、坚持共产党的领导、坚持马克思列宁主义毛泽东思想。",
    ],
)
def test_round_two_correct_sentences(text: str) -> None:
    assert flagged(text, RULE) == []


def test_round_two_messages() -> None:
    (d,) = diagnostics("全村86户320人，户均3.2人。", RULE)
    assert "平均数与总数不符" in d.message and "约为3.72人" in d.message
    (d,) = diagnostics("全年共受理信访事项86件，较上年的120件下降18%。", RULE)
    assert "应为下降28.3%" in d.message and "下降18%" in d.message
    (d,) = diagnostics("贫困发生率由12.3%降至0，下降了13.3个百分点。", RULE)
    assert "12.3个百分点" in d.message
    (d,) = diagnostics("全县常住人口45万人，其中城镇人口27万人，占比52%。", RULE)
    assert "占比约为60%" in d.message
    (d,) = diagnostics("参会人员120人，其中男性70人、女性40人。", RULE)
    assert d.severity.value == "warning" and "小于合计" in d.message


def test_difference_beyond_rounding_is_a_warning() -> None:
    # 1.75 + 0.85 = 2.6: two rounded parts may miss their total by one step, that is rounding.
    assert flagged("全镇户籍人口2.6万人，其中农业人口1.8万人、非农业人口0.9万人。", RULE) == []
    assert flagged("全镇常住人口4.56万人，其中男性2.31万人、女性2.26万人。", RULE) == []
    # Four rounded months may miss the total by one step, not by two.
    assert flagged("1—4月累计完成投资3.5亿元，各月分别为0.8亿元、0.9亿元、1.1亿元、0.8亿元。", RULE) == []
    (d,) = diagnostics("1—4月累计完成投资3.6亿元，各月分别为0.8亿元、0.9亿元、1.0亿元、0.7亿元。", RULE)
    assert d.severity.value == "warning" and "四舍五入" in d.message


def test_user_can_extend_round_two_lists() -> None:
    pair = "全县干部1200人，其中在职干部800人、离退休干部300人。"
    assert flagged(pair, RULE) == []
    options = {"extend-complementary-prefixes": [["在职", "离退休"]]}
    assert flagged(pair, RULE, options=options) == ["1200人"]
    average = "全县共有病床600张，收治患者4200人次，床均9人次。"
    assert flagged(average, RULE) == []
    assert flagged(average, RULE, options={"extend-average-units": ["床"]}) == ["9人次"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numeral inside a word does not cut the list of parts
        ("落实一次性稳岗补贴120万元、以工代训补贴60万元，合计200万元。", ["200万元"]),
        # a rate named by a verb used before it; coverage rates
        ("全年应缴纳公积金2400万元，实际缴纳2160万元，缴纳率95%。", ["95%"]),
        ("全镇农户2500户，已改造厕所2100户，覆盖率达到90%。", ["90%"]),
        # shares of a whole counted before 中; shares of a total over 100%; 为X的N%
        ("全县48所学校中，已有36所建成智慧教室，占比80%。", ["80%"]),
        ("文旅产业增加值占全县地区生产总值的比重……占全县服务业总产值的115%。", ["115%"]),
        ("全年完成植树造林3.6万亩，为年度计划3万亩的125%。", ["125%"]),
        # ordinal parts; parts whose names make up the total
        ("共拨付资金2.6亿元，第一批1.2亿元、第二批0.8亿元、第三批0.9亿元。", ["2.6亿元"]),
        ("新建改建村级活动场所24个，其中新建9个、改建12个。", ["24个"]),
        # averages per month; totals after an average; average nouns naming the unit
        ("全年共召开专题会议48次，平均每月召开6次。", ["6次"]),
        ("全村常住人口800人，人均收入2.5万元，全村收入总额3000万元。", ["3000万元"]),
        ("全村农户300户、1200人，户均人口3人。", ["3人"]),
        # slogans
        ("坚持“三个不变”，做到目标不变、标准不变，切实巩固脱贫成果。", ["三个不变"]),
        ("实现“双提升”：服务效率、群众满意度、办事便利度均显著提升。", ["双提升"]),
        # doubling, event counts, durations, ratios, conversions
        ("特色产业产值由3.2亿元增长到5.6亿元，实现翻番。", ["翻番"]),
        ("组织应急演练5次，分别于3月、6月、9月开展。", ["5次"]),
        ("专项行动历时四个月（4月1日至5月31日）。", ["四个月"]),
        ("按1:2的比例为15个村配备网格员20名。", ["20名"]),
        ("新增耕地1500亩（合150公顷）。", ["150公顷"]),
    ],
)
def test_round_three_classes(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "改建一批化肥厂，新增产能两类，合计投资3000万元。",
        "全年应缴纳公积金2400万元，实际缴纳2160万元，缴纳率90%。",
        "全县城镇登记失业率3.2%，新增就业3200人，帮助失业人员再就业800人。",
        "职工医保参保人数12.4万人，参保率103%（按户籍人口计算，含异地参保人员）。",
        "全县48所学校中，已有36所建成智慧教室，占比75%。",
        "全年完成投资占年度计划的118%。",
        "全年完成植树造林3.6万亩，为年度计划3万亩的120%。",
        "新建改建村级活动场所24个，其中新建12个、改建12个。",
        "完成培训3200人次，其中线上培训1800人次。",
        "1至9月共召开专题会议48次，平均每月召开6次。",
        "全年累计办理业务12万件，日均办理480件。",
        "坚持“三个不变”，做到目标不变、标准不变、力度不变，切实巩固脱贫成果。",
        "实现“双提升”：服务效率和群众满意度均显著提升。",
        "特色产业产值由3.2亿元增长到6.8亿元，实现翻番。",
        "组织应急演练3次，分别于3月、6月、9月开展。",
        "组织应急演练4次，分别于上半年和下半年各开展2次。",
        "专项行动历时两个月（4月1日至5月31日）。",
        "为期3天的培训（5月10日至12日）。",
        "按1:2的比例为15个村配备网格员30名。",
        "新增耕地1500亩（合100公顷）。",
        "治理水土流失面积12平方公里（约1.8万亩）。",
    ],
)
def test_round_three_correct_sentences(text: str) -> None:
    assert flagged(text, RULE) == []


def test_round_three_messages() -> None:
    (rate,) = diagnostics("全镇农户2500户，已改造厕所2100户，覆盖率达到90%。", RULE)
    assert "84%" in rate.message
    (average,) = diagnostics("全年共召开专题会议48次，平均每月召开6次。", RULE)
    assert "按12个月计" in average.message and "4次" in average.message
    (doubling,) = diagnostics("特色产业产值由3.2亿元增长到5.6亿元，实现翻番。", RULE)
    assert "1.75倍" in doubling.message
    (duration,) = diagnostics("专项行动历时四个月（4月1日至5月31日）。", RULE)
    assert "约为2个月" in duration.message
    (conversion,) = diagnostics("新增耕地1500亩（合150公顷）。", RULE)
    assert "100公顷" in conversion.message


def test_user_can_extend_round_three_lists() -> None:
    text = "新建厂房用地30亩（合3万平方米）。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, options={"extend-unit-conversions": [["亩", "平方米", 666.7]]}) == [
        "3万平方米"
    ]
    rate = "全年应征缴会费80万元，实际征缴60万元，收缴比90%。"
    assert flagged(rate, RULE) == []
    assert flagged(rate, RULE, options={"extend-computed-rates": ["收缴比"]}) == ["90%"]
    event = "举办展会3届，分别于春季、秋季举办。"
    assert flagged(event, RULE) == ["3届"]
    assert flagged(event, RULE, options={"event-units": ["次"]}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Households and persons joined by 、.
        ("本月新增监测对象7户、5人。", ["7户、5人"]),
        ("本月新增监测对象7户、25人。", []),
        # Pairs that make the whole: 线上/线下, 进口/出口.
        ("全年办理不动产登记2.4万件，其中线上办理1.5万件、线下办理0.7万件。", ["2.4万件"]),
        ("全年办理不动产登记2.4万件，其中线上办理1.5万件。", []),
        ("外贸进出口总额86亿元，其中进口30亿元、出口50亿元。", ["86亿元"]),
        # A last part named 其他 closes the list.
        ("全年受理投诉420件，其中质量问题180件、价格问题130件、其他问题90件。", ["420件"]),
        ("全年受理投诉420件，其中质量问题180件、价格问题130件，以及其他问题。", []),
        # A base told in its own clause.
        ("全年接待游客86万人次，去年同期为80万人次，同比增长17.5%。", ["17.5%"]),
        ("全年接待游客86万人次，去年同期为80万人次，同比增长7.5%。", []),
        # A group after 中 outnumbering the whole.
        ("全镇18个村中，已有21个村实现集体经济收入10万元以上。", ["21个"]),
        ("全镇18个村中，已有12个村实现集体经济收入10万元以上。", []),
        ("全镇18个村中，有26个专业合作社。", []),
        # Parts after a colon, one a line or with 各.
        ("全县共有养老机构9家：\n公办5家；\n民办5家。", ["9家"]),
        ("全县共有养老机构10家：\n公办5家；\n民办5家。", []),
        ("专班共6人：组长、副组长各1人，成员5人。", ["6人"]),
        ("专班共7人：组长、副组长各1人，成员5人。", []),
        # An announced count before 一是 lines.
        ("重点做好三项工作：\n一是抓招商；\n二是抓项目。", ["三项"]),
        ("重点做好三项工作：\n一是抓招商；\n二是抓项目；\n三是抓服务。", []),
        # Counts in 支, Arabic in quotes.
        ("组建“4支队伍”：宣讲队、巡逻队、服务队。", ["4支"]),
        # Names compounding the total's; closed classifications.
        ("全县辖12个乡镇，其中镇7个、乡4个。", ["12个"]),
        ("全县营业收入共86亿元，其中第一产业12亿元、第二产业35亿元、第三产业36亿元。", ["86亿元"]),
        ("争取资金5000万元，其中中央资金2000万元、省级资金1500万元。", []),
    ],
)
def test_round_four_classes(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


def test_round_four_messages() -> None:
    (colon,) = diagnostics("专班共6人：组长、副组长各1人，成员5人。", RULE)
    assert "2×1人" in colon.message and "7人" in colon.message
    (group,) = diagnostics("全镇18个村中，已有21个村实现集体经济收入10万元以上。", RULE)
    assert "部分多于整体" in group.message and "18个村" in group.message


def test_user_can_extend_round_four_lists() -> None:
    text = "全年处理信访件60件，其中初信40件、重信15件。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, options={"extend-closed-sets": [["初信", "重信"]]}) == ["60件"]
    rest = "全年受理投诉420件，其中质量问题180件、价格问题130件、剩下问题90件。"
    assert flagged(
        rest, RULE, options={"extend-open-list-words": ["剩下"], "extend-rest-part-words": ["剩下"]}
    ) == ["420件"]
    pair = "全年办件1.2万件，其中窗口办理0.5万件、掌上办理0.5万件。"
    assert flagged(pair, RULE) == []
    assert flagged(pair, RULE, options={"extend-complementary-prefixes": [["窗口", "掌上"]]}) == ["1.2万件"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Parts after 分别用于.
        ("累计筹措资金960万元，分别用于危房改造420万元、饮水工程330万元、道路硬化260万元。", ["960万元"]),
        # A from-to change whose stated growth follows 同比.
        ("全镇快递业务量由上年的50万件增长到65万件，同比增长20%。", ["20%"]),
        ("全县受理政务服务事项从上年的1260件增加到1575件，比上年增长30%。", ["30%"]),
        # 完成X的P% after the part.
        ("全年新增市场主体1800户，完成年度目标2000户的95%。", ["95%"]),
        # A share of a whole named, with its number, earlier in the sentence.
        ("全镇耕地面积3.2万亩，流转耕地1.1万亩，流转面积占耕地面积的43%。", ["43%"]),
        ("全县脱贫人口1.5万人，实现务工就业0.9万人，务工人数占脱贫人口的106%。", ["106%"]),
        # Structure percentages that do not add up to 100.
        ("全市三次产业结构调整为9.6:41.2:51.8，服务业比重持续提升。", ["9.6:41.2:51.8"]),
        ("三次产业比例由13.4∶39.8∶46.8优化为11.2∶38.1∶49.3。", ["11.2∶38.1∶49.3"]),
        # Counts in figures of named places.
        ("在黄庄村、李营村、马坊村、前进村、新华村4个村开展人居环境整治试点。", ["4个"]),
        ("在城南街道、城北街道、河西街道三个街道开展垃圾分类试点。", []),
        ("在城南街道、城北街道、河西街道四个街道开展垃圾分类试点。", ["四个"]),
        ("选取东关街道、西关街道、南关街道等2个街道推行网格化管理。", ["2个"]),
        # Parts in the 其中 sentence after the total, behind a growth clause.
        ("全年完成规上工业产值48.6亿元，增长7.1%。其中，食品加工产值21.3亿元，建材产值15.4亿元，机械制造产值14.2亿元。", ["48.6亿元"]),
        ("实现地区生产总值126.4亿元，同比增长5.8%，其中第一产业增加值18.2亿元、第二产业增加值52.6亿元、第三产业增加值59.1亿元。", ["126.4亿元"]),
        # Households of a named group outnumbering its persons.
        ("为全镇46名重度残疾人落实护理补贴，涉及重度残疾人家庭52户。", ["52户"]),
        ("今年资助困难学生230名，覆盖困难学生家庭246户。", ["246户"]),
    ],
)
def test_round_six_classes(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "累计筹措资金960万元，分别用于危房改造420万元、饮水工程330万元、道路硬化210万元。",
        "全年新增支出140亿元，用于这方面的支出总额将达到664亿元。",
        "全镇快递业务量由上年的50万件增长到65万件，同比增长30%。",
        "全年新增市场主体1800户，完成年度目标2000户的90%。",
        "全镇耕地面积3.2万亩，流转耕地1.1万亩，流转面积占耕地面积的34.4%。",
        "全市三次产业结构调整为9.6:39.2:51.2，服务业比重持续提升。",
        "三次产业比例由13.4∶39.8∶46.8优化为11.2∶38.1∶50.6。",
        "按1:2:3的比例配置专职、兼职和志愿者力量。",
        "在黄庄村、李营村、马坊村3个村开展人居环境整治试点。",
        "在黄庄村、李营村、马坊村、前进村四个村开展人居环境整治试点。",
        "全县受理政务服务事项从上年的1260件增加到1575件，比上年增长25%。",
        "选取东关街道、西关街道等3个街道推行网格化管理。",
        "收集意见、建议3件。",
        "全年完成规上工业产值48.6亿元，增长7.1%。其中，食品加工产值21.3亿元，建材产值15.4亿元。",
        "全年完成规上工业产值50.6亿元，比上年的48.6亿元增长4.1%。其中，食品加工产值31.3亿元，建材产值25.4亿元。",
        "实现地区生产总值126.4亿元，同比增长5.8%，其中第一产业增加值18.2亿元、第二产业增加值49.1亿元、第三产业增加值59.1亿元。",
        "为全镇46名重度残疾人落实护理补贴，涉及重度残疾人家庭41户。",
        "为46名残疾人落实护理补贴，涉及农户52户。",
    ],
)
def test_round_six_correct_sentences(text: str) -> None:
    assert flagged(text, RULE) == []


def test_round_six_messages() -> None:
    (share,) = diagnostics("全镇耕地面积3.2万亩，流转耕地1.1万亩，流转面积占耕地面积的43%。", RULE)
    assert "34.4%" in share.message and "耕地面积3.2万亩" in share.message
    (structure,) = diagnostics("全市三次产业结构调整为9.6:41.2:51.8。", RULE)
    assert "102.6" in structure.message
    (homes,) = diagnostics("为全镇46名重度残疾人落实护理补贴，涉及重度残疾人家庭52户。", RULE)
    assert "46名" in homes.message and "52户" in homes.message


def test_user_can_extend_round_six_lists() -> None:
    places = "在东片区、西片区、南片区2个片区推进改造。"
    assert flagged(places, RULE) == []
    assert flagged(places, RULE, options={"extend-place-heads": {"片区": ["片区"]}}) == ["2个"]
    structure = "全县就业人员构成为21.5:30.2:50.3。"
    assert flagged(structure, RULE) == []
    assert flagged(structure, RULE, options={"extend-structure-words": ["人员构成"]}) == ["21.5:30.2:50.3"]
    homes = "为52名孤寡老人发放慰问金，走访孤寡老人家庭60户。"
    assert flagged(homes, RULE) == []
    assert flagged(homes, RULE, options={"extend-household-scope-words": ["走访"]}) == ["60户"]


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
        "两手抓：" * 25_000,
        "6个村中，" * 20_000,
        "86户320人，户均3.2人，" * 10_000,
        "由1%降至" * 20_000,
        "比上年的5起下降20%" * 10_000,
        "其中3100人，占比35%" * 10_000,
        "共10个，其中4个，其余" * 10_000,
        "实现“双提升”：" * 20_000,
        "“三提升”：A、" * 20_000,
        "按1:2的比例" * 20_000,
        "历时两个月（3月1日至" * 10_000,
        "1.2万亩（合" * 20_000,
        "3次，分别于5月、" * 10_000,
        "共1.8亿元，第一批" * 10_000,
        "186个村中，" * 20_000,
        "2.4万亩，为年度任务2万亩的" * 10_000,
        "由1200万元增长到" * 10_000 + "1800万元，实现翻番",
        "全年共召开会议24次，平均每月" * 10_000,
        "一次性" * 30_000,
    ]
    for text in texts:
        started = time.perf_counter()
        diagnostics(text, RULE)
        assert time.perf_counter() - started < 5


# The quick cue tests of check() must never skip a sentence the patterns would match.
GATED_LISTS = [
    "part-cues",
    "total-cues",
    "bounded-rates",
    "computed-rates",
    "compare-words",
    "base-periods",
    "share-words",
    "of-whole-verbs",
    "respectively-cues",
    "duration-words",
    "increment-cues",
    "remaining-words",
]


@pytest.mark.parametrize("key", GATED_LISTS)
def test_cue_gate_holds_every_word(key: str) -> None:
    words = InconsistentTotal.load_data()[key]
    gate = _gate(words)
    assert all(_holds_any(word, gate) for word in words)
    assert all(_holds_any(word, _gate([*words, "另计"])) for word in [*words, "另计"])


def test_cue_gate_empty_list_tests_nothing() -> None:
    assert _gate([]) == () and _gate(["占", ""]) == ()
    assert _holds_any("任何文字", ())


def test_cue_gate_follows_user_words() -> None:
    # A user's own cue word passes the quick test too.
    text = "新建项目10个，内有农业项目6个、工业项目5个。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, {"extend-part-cues": ["内有"]}) == ["10个"]


def test_hitting_chars_cover_every_word() -> None:
    words = ["其中", "分别为", "分别是", "分为", "包括", "包含", "含"]
    chars = hitting_chars(words)
    assert chars is not None and all(any(ch in word for ch in chars) for word in words)
    assert hitting_chars([]) is None and hitting_chars(["其中", ""]) is None


# (list, check, a clause where a word of the list is the check's cue)
TRIGGERED_LISTS = [
    ("part-cues", PARTS_AFTER, "{}5"),
    ("carried-part-cues", CARRIED, "{}5"),
    ("total-cues", PARTS_BEFORE, "，{}5"),
    ("bounded-rates", RATES, "{}5"),
    ("computed-rates", RATES, "{}5"),
    ("compare-words", CHANGES, "{}5"),
    ("base-periods", CHANGES, "，{}为5"),
    ("share-words", SHARES, "{}5"),
    ("of-whole-verbs", OF_WHOLE, "，{}5"),
    ("respectively-cues", RESPECTIVELY, "，{}5"),
    ("increment-cues", INCREMENTS, "{}5"),
    ("remaining-words", REMAINING, "{}5"),
]


@pytest.mark.parametrize(("key", "check", "clause"), TRIGGERED_LISTS)
def test_every_cue_word_triggers_its_check(key: str, check: int, clause: str) -> None:
    rule = InconsistentTotal()
    assert all(rule.triggers.checks(clause.format(word)) & check for word in rule.data[key])
    extended = InconsistentTotal({f"extend-{key}": ["另计"]})
    assert extended.triggers.checks(clause.format("另计")) & check


def test_checks_without_their_cue_are_dropped_and_findings_kept() -> None:
    rule = InconsistentTotal()
    # 均 and （ are anchors of averages and conversions, but neither cue is here.
    assert rule.triggers.checks("坚持均衡发展，建成示范点5个（省级）。") == 0
    assert rule.triggers.checks("农户户均增收3200元。") & AVERAGES
    checks = rule.triggers.checks("推进均衡发展，较上年增长5%（新增）。")
    assert checks & CHANGES and not checks & (AVERAGES | CONVERSIONS)
    # The plain cues only drop checks: without them the findings are the same.
    uncued = InconsistentTotal()
    uncued.triggers.plain_needs = {COUNTS: rule.triggers.plain_needs[COUNTS]}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"))
        assert list(rule.check(doc)) == list(uncued.check(doc))


def test_durations_and_structures_trigger_on_their_marks() -> None:
    rule = InconsistentTotal()
    assert rule.triggers.checks("专项整治行动历时两个月（3月1日至5月31日）。") & DURATIONS
    assert not rule.triggers.checks("专项整治行动历时两个月。") & DURATIONS  # no date range
    assert rule.triggers.checks("全县三次产业结构比为12.5:38.6:52.4。") & STRUCTURES


def test_triggers_skip_text_without_cues_and_run_checks_without_anchors() -> None:
    rule = InconsistentTotal()
    assert rule.triggers.checks("全面推进乡村振兴，建成美丽乡村示范点5个。") == 0
    assert rule.triggers.checks("户均3.2人") & AVERAGES
    assert rule.triggers.checks("户均若干人") == 0  # no number: no check can fire
    # An emptied list makes its pattern match anywhere: that check is tried on every sentence.
    emptied = InconsistentTotal({"total-cues": []})
    assert emptied.triggers.always & PARTS_BEFORE
    assert emptied.triggers.checks("全面推进乡村振兴，建成示范点5个。") & PARTS_BEFORE


def test_household_pairs_are_found_with_links_and_units_of_users() -> None:
    assert flagged("新增纳入监测对象4户3人。", RULE) == ["4户3人"]
    assert flagged("新增纳入监测对象86户、63人。", RULE) == ["86户、63人"]
    assert flagged("新增纳入监测对象86户及63人。", RULE) == []
    assert flagged("新增纳入监测对象86户及63人。", RULE, {"extend-household-links": ["及"]}) == ["86户及63人"]


def test_candidate_sentences_are_document_sentences() -> None:
    """The sentences the checks read are cut exactly as Document.sentences cuts them."""
    text = (
        "全年新增就业1200人，其中城镇800人、农村500人！完成率120%……其中，农村占比40%？\n"
        "  “两个确保”：确保安全、确保稳定。”共计3项；分别为A、B、C\n\n第一批5个。"
    )
    doc = Document(text)
    rule = InconsistentTotal()
    sentences = {(s.start, s.end): s.text for s in doc.sentences}
    found = 0
    for paragraph in doc.paragraphs:
        for candidate in rule.triggers.sentence_checks(paragraph.text):
            start, end = paragraph.start + candidate.start, paragraph.start + candidate.end
            assert sentences[(start, end)] == text[start:end]
            if candidate.previous >= 0:
                assert (paragraph.start + candidate.previous, start) in sentences
            found += 1
    assert found >= 4


def test_digits_of_other_scripts_count_as_numbers() -> None:
    rule = InconsistentTotal()
    assert rule.triggers.checks("全镇较上年增长٥%。") & CHANGES  # an Arabic-Indic digit is a digit
    assert not rule.triggers.checks("全镇较上年增长五成。") & CHANGES  # its pattern needs a digit
    assert rule.triggers.checks("全镇共有学校٥所，其中中学２所。") & PARTS_BEFORE


def test_digits_of_other_scripts_lie_in_the_ranges_tested_first() -> None:
    outside = "".join(
        chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and not OTHER_DIGIT_RANGES_RE.match(chr(c))
    )
    assert set(regex.findall(r"\d", outside)) == set("0123456789０１２３４５６７８９")
    assert plain_digits("全镇较上年增长5%，达到１２万人。") and plain_digits("")
    assert not plain_digits("全镇较上年增长٥%。")
    assert plain_digits("阿拉伯文字母ب不是数字。")  # in the ranges, but no digit


def test_counts_need_a_numeral_right_before_a_classifier() -> None:
    rule = InconsistentTotal()
    assert rule.triggers.checks("着力防范资金安全、对外形象“两个风险”。") & COUNTS
    assert not rule.triggers.checks("着力防范资金安全、对外形象等3起事件。") & COUNTS  # 起 is no classifier
    assert rule.triggers.checks("着力防范资金安全、对外形象等٣个风险。") & COUNTS  # another script's digit
    extended = InconsistentTotal({"extend-count-classifiers": ["起"]})
    assert extended.triggers.checks("着力防范资金安全、对外形象等3起事件。") & COUNTS


def test_clause_and_bracket_scans_agree_with_walking_the_depths() -> None:
    import random

    from rules.inconsistent_total.helpers import CLAUSE_MARKS, _depths
    from rules.inconsistent_total.parts import _bracket_end, _clause_start

    def walked_start(text: str, depths: list[int], end: int, depth: int, floor: int) -> int:
        start = end
        while start > floor and depths[start - 1] >= depth:
            if text[start - 1] in CLAUSE_MARKS + "。" and depths[start - 1] == depth:
                break
            start -= 1
        return start

    def walked_end(depths: list[int], start: int, depth: int, ceiling: int) -> int:
        end = start
        while end < ceiling and depths[end] >= depth:
            end += 1
        return end

    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("甲乙，,。；（）()“”《》、5") for _ in range(rng.randrange(1, 30)))
        depths = _depths(text)
        for end in range(1, len(text) + 1):
            floor = rng.randrange(0, end + 2)
            depth = depths[end - 1]
            assert _clause_start(text, depths, end, depth, floor) == walked_start(text, depths, end, depth, floor)
        for start in range(len(text)):
            ceiling = rng.randrange(start, len(text) + 1)
            depth = depths[start]
            assert _bracket_end(text, depths, start, depth, ceiling) == walked_end(depths, start, depth, ceiling)


def _reference_sentence_checks(
    rule: InconsistentTotal, paragraph: str, plain: bool | None
) -> list[tuple[int, ...]]:
    """Triggers.sentence_checks written plainly: every test made in every sentence on its own."""
    from reportlint.document import sentence_ends
    from rules.inconsistent_total.helpers import _NUMBER_GATE_RE
    from rules.inconsistent_total.triggers import _DIGIT_RE, NEEDS_DIGIT

    triggers = rule.triggers
    if plain is None:
        plain = plain_digits(paragraph)
    result: list[tuple[int, ...]] = []
    previous, begin = -1, 0
    for end in sentence_ends(paragraph):
        sentence = paragraph[begin:end]
        if _NUMBER_GATE_RE.search(sentence):
            found = triggers.always
            for ch in sentence:
                found |= triggers.by_char.get(ch, 0)
            if not _DIGIT_RE.search(sentence):
                found &= ~NEEDS_DIGIT
            if plain:
                for check, pattern in triggers.plain_needs.items():
                    if found & check and not pattern.search(paragraph, begin, end):
                        found &= ~check
            if found:
                result.append((previous, begin, end, found))
        previous, begin = begin, end
    return result


def test_sentence_checks_agree_with_testing_each_sentence_on_its_own() -> None:
    """The next number, digit and plain need are searched for once the sentences pass them: the
    candidates are those of testing every sentence alone, on the seeds, the labelled and blind cases
    and random text dense in numbers, anchors and cue words."""
    import random

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    root = Path(__file__).parent
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for path in sorted(root.glob("*/inconsistent_total.toml")):
        texts.extend(case["text"] for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []))
    rng = random.Random(7)
    pieces = [
        "一", "两", "十", "5", "١٢", "12", "。", "；", "！", "”", "，", ",", "：", "、", "中", "为", "率",
        "共计", "其中", "分别为", "同比", "上年", "其余", "户均", "个", "项", "（", "合", "按", "占", "比",
        "至", "月", "村", "历时", "人", "户", "\n",
    ]
    texts.extend("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60))) for _ in range(3000))
    rule = InconsistentTotal()
    compared = 0
    for text in texts:
        for paragraph in Document(text).paragraphs:
            for plain in (None, plain_digits(paragraph.text) or None):
                expected = _reference_sentence_checks(rule, paragraph.text, plain)
                assert [tuple(c) for c in rule.triggers.sentence_checks(paragraph.text, plain)] == expected
                compared += len(expected)
    assert compared > 1000
