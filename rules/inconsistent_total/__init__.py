"""Rule inconsistent-total (RL201)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.document import Document, Span
from reportlint.rule import Finding, Severity

from .averages import Averages
from .conversions import Conversions
from .counts import Counts
from .growth import Growth
from .helpers import _depths, _holds_any
from .parts import Parts
from .rates import Rates
from .triggers import (
    AMONG,
    AVERAGES,
    CARRIED,
    CHANGES,
    CONVERSIONS,
    COUNTS,
    DURATIONS,
    GROUP_HOUSEHOLDS,
    INCREMENTS,
    OF_WHOLE,
    PARTS_AFTER,
    PARTS_BEFORE,
    RATES,
    RATIOS,
    REMAINING,
    RESPECTIVELY,
    SHARE_OF_TOTAL,
    SHARES,
    STRUCTURES,
    plain_digits,
)


class InconsistentTotal(Parts, Counts, Rates, Growth, Averages, Conversions):
    """合计与分项、数量与列举、比率、平均数、增幅不一致。

    作用：检查同一句话里前后矛盾的数字：
    1. 合计与分项：“共/合计/总计……，其中/分别为/分为/包括……”后列出的分项（同一计量单位，
       万元与元、万人与人自动换算，“两个”“十二项”等汉字数字亦可）之和超过合计，报错误；
       用“分别为”“分为”“共计”等明示分项齐全而分项之和小于合计，报警告；“其中”只列一部分而不足合计属正常。
       “各季度分别为”“各乡镇分别为”同样视为列全；“男性/女性”“城镇/农村”“农业人口/非农业人口”等
       成对分项、带“其余/剩余”的分项，必须合成合计；“6个村中，4个村超过20万元，3个村低于10万元”
       这类按区间划分、互不重叠的分组，不能多于总数。带“余、多、约、近、超”的约数只在分项之和远超合计时报告；
       小数分项与合计之差超出四舍五入所能造成的范围（两个分项时须超过末位一个单位，分项越多允许越大），提示核对。
       “线上/线下”“进口/出口”成对分项，名称合成合计名称的分项（“22个乡镇，其中镇15个、乡6个”
       “中小学……其中中学、小学”），以“其他……”收尾的分项，列全一个封闭分类的分项（警告、严重警告、
       撤销党内职务、留党察看、开除党籍；第一、二、三产业），也必须合成合计；只列出部分层级（中央、省级资金）不查。
       冒号后逐项列出的分项（同一行或一行一项，“书记、镇长各1人”按人数相乘）之和不能超过冒号前的合计；
       “38所中小学中，已有41所……”这类部分多于整体的，报错误。
       “分别用于”后列出的用途、以“其中，”开头的下一句所列分项（“……86.5亿元，同比增长6.2%。其中，……”），
       同样与合计核对；“第一产业增加值”中的“增加”不当作增量。
    2. 数量与列举：“两个风险”“五道关口”“存在两方面问题，一是……二是……三是……”等宣称的数量
       与实际列举的项数不符（“从五个方面发力：”后一行一项的“一是……；二是……；三是……。”亦同）；
       “四个一批：关停一批、整合一批、提升一批”“三查：查……、查……”
       “两手抓：一手抓……一手抓……一手抓……”这类口号，数字与其后重复关键字的项数不符。
       列举地名后用阿拉伯数字计数的（“城关镇、河口镇、新庄乡等4个乡镇”“A村、B村、C村5个村”），
       各项均以该类地名结尾时同样核对项数。
    3. 比率：同一句中“计划100亩，完成80亩，完成率90%”这类与分子分母矛盾的百分比（含“完成计划的X%”）；
       “1.2万人，其中老年人3100人，占比35%”这类与部分、整体矛盾的占比；
       参保率、覆盖率、占比、办结率、满意度、合格率等不可能超过100%的比率写成了100%以上；
       “4户3人”“86户、63人”这类人数少于户数的户、人组合；“为68名残疾人……，涉及残疾人家庭75户”
       这类同一群体的家庭户数多于人数；“劳动力5.6万人，转移就业4.1万人，……占劳动力的112%”
       这类以前文已给出数字的整体计算的占比；“三次产业结构比为12.5:38.6:52.4”这类各项之和不等于100的结构比例
       （须含小数，按末位四舍五入留余量）。
    4. 平均数：“86户320人，户均3.2人”“培训6期360人次，期均80人次”“平均每村……”与总数除以单位数不符
       （按末位四舍五入并留5%余量）。
    5. 增减幅度：“120万人次，比上年的100万人次增长25%”“由12.3%降至0，下降了13.3个百分点”
       “18亿元，比上年增加3亿元，增长10%”“由20万元增加到50万元，增长3.5倍”
       “上年同期为130万人次，同比增长30%”“由上年的80万人次增长到96万人次，同比增长16%”这类与数值不符的增幅、降幅、倍数或百分点（含可比价、增加值、生产总值的句子不查）。
    6. 完成与剩余：“共排查隐患52处，已整改48处，剩余5处”中已完成与剩余之和不等于合计；
       “其中第一产业占15.2%、第二产业占45.6%、第三产业占41.3%”这类同一整体的各分项占比之和超过100%。
    7. 其他推算：“全年召开会议24次，平均每月3次”（按12个月计）、“1200人，人均收入1.5万元，……收入总额2400万元”；
       “应征收1200万元，实际征收960万元，征收率90%”这类以前文动词命名的比率，及覆盖率；
       “186个行政村中，已有150个村……，占比90.3%”“完成2.4万亩，为年度任务2万亩的125%”；
       “第一批……、第二批……”按次序列出的分项，“新建改建公路126公里，其中新建48公里、改建68公里”
       这类分项名称合成合计名称的分项；“由1200万元增长到1800万元，实现翻番”；
       “召开会议3次，分别于5月、7月召开”；“历时两个月（3月1日至5月31日）”；
       “按1:2的比例为13名书记储备20人”；“1.2万亩（合80公顷）”这类单位换算。
       括号内说明了超出原因的比率（“覆盖率102.3%（含外来务工人员）”）不报。

    为什么：数字是工作总结的硬内容，合计与分项对不上、说“两个”却列了三条、平均数和增幅算错，
    会让读者怀疑全部数据的真实性，也是审核时最常被退回的问题。

    错误示例：
        新引进项目10个，其中农业项目1个、电子商务1个，亿元以上入园工业项目9个。
        参加体检的退役军人共326人，其中男性298人、女性38人。
        我镇存在两方面问题，一是产业基础薄弱，二是基础设施滞后，三是治理能力不足。
        深入推进“三个一批”：培育一批、引进一批、储备一批、提升一批。
        全年计划改造农田100亩，已完成80亩，完成率90%。
        全县规上工业企业86家，其中高新技术企业24家，占比35.2%。
        群众满意度达到105%。
        新增纳入监测对象4户3人。
        全县共辖22个乡镇，其中镇15个、乡6个。
        全镇共有各类学校12所：中学2所；小学7所；幼儿园4所。
        全年举办专题讲座8场，参训干部960人次，场均150人次。
        全年共受理信访事项86件，较上年的120件下降18%。
        专项整治行动历时两个月（3月1日至5月31日）。
        全县三次产业结构比为12.5:38.6:52.4。

    正确示例：
        新引进项目10个，其中农业项目1个、电子商务1个，亿元以上入园工业项目8个。
        参加体检的退役军人共326人，其中男性298人、女性28人。
        我镇存在三方面问题，一是产业基础薄弱，二是基础设施滞后，三是治理能力不足。
        深入推进“三个一批”：培育一批、引进一批、储备一批。
        全年计划改造农田100亩，已完成80亩，完成率80%。
        全县规上工业企业86家，其中高新技术企业24家，比重为27.9%。
        地区生产总值增长150%，年度任务完成率120%。（增长率、完成率可以超过100%）
        新增纳入监测对象4户13人。
        全年争取上级资金5600万元，其中中央资金2100万元、省级资金1800万元。（只列部分，属正常）
        全年举办专题讲座8场，参训干部960人次，场均120人次。
        全年共受理信访事项86件，较上年的120件下降28.3%。
        专项整治行动历时三个月（3月1日至5月31日）。
        全县三次产业结构比为10.2:35.5:54.3。

    选项：各词表可在配置中用 extend-词表名 追加，例如
    extend-bounded-rates = ["知晓率"]、extend-part-cues = ["内含"]、extend-average-units = ["床"]、
    extend-complementary-prefixes = [["在职", "离退休"]]、extend-closed-sets = [["初信", "重信"]]。
    """

    code = "RL201"
    name = "inconsistent-total"
    severity = Severity.ERROR
    summary = "合计与分项、数量与列举、比率、平均数、增幅不一致"
    data_file = "inconsistent_total.toml"

    def check(self, doc: Document) -> Iterable[Finding]:
        findings: list[Finding] = []
        triggers = self.triggers
        plain = True if plain_digits(doc.text) else None  # else tested paragraph by paragraph
        for paragraph in doc.paragraphs:
            text = paragraph.text
            base = paragraph.start
            # A check fires only in a sentence holding a number and its cue: most hold few cues.
            for before, start, end, checks in triggers.sentence_checks(text, plain):
                sentence = Span(base + start, base + end, text[start:end])
                previous = None
                if checks & CARRIED and before >= 0:
                    previous = Span(base + before, base + start, text[before:start])
                self._sentence_findings(doc, sentence, previous, checks, findings)
        findings.extend(self._announced_lists(doc))
        findings.extend(self._households(doc))
        findings.extend(self._colon_parts(doc))
        slogans = list(self._slogans(doc))
        slogans.extend(self._shared_verb_slogans(doc))
        last_end = -1
        for finding in sorted(findings, key=lambda f: (f.start, f.end)):
            if finding.start >= last_end:
                last_end = finding.end
                yield finding
        for finding in slogans:
            # A slogan another check has already counted ("三个确保") is reported once.
            if not any(f.start < finding.end and finding.start < f.end for f in findings):
                yield finding

    def _sentence_findings(
        self, doc: Document, sentence: Span, previous: Span | None, checks: int, findings: list[Finding]
    ) -> None:
        """Add to ``findings`` those of the sentence checks in ``checks`` (see triggers.py) on one
        sentence, ``previous`` being the sentence before it in its paragraph (or None)."""
        text = sentence.text
        if (
            checks & CARRIED
            and previous is not None
            and previous.end == sentence.start
            and previous.text.endswith("。")
            and text.startswith(self.carried_part_cues)
        ):
            # "……生产总值86.5亿元，同比增长6.2%。其中，第一产业……": the parts in the next sentence.
            joined = Span(previous.start, sentence.end, previous.text[:-1] + "，" + text)
            findings.extend(self._parts_after_total(doc, joined, _depths(joined.text)))
        # Each check below finds nothing unless its cue is in the sentence: the cues are looked for
        # first (a character they need, then the pattern) and the bracket depths are computed only
        # for a check that will read them.
        depths: list[int] | None = None
        if (
            checks & PARTS_AFTER
            and (
                (_holds_any(text, self.part_gate) and self.part_cue_re.search(text))
                or ("第一" in text and self.ordinal_parts_re.search(text))
            )
        ) or (checks & AMONG and ("中，" in text or "中," in text) and self.among_re.search(text)):
            depths = _depths(text)
            findings.extend(self._parts_after_total(doc, sentence, depths))
        if (
            checks & PARTS_BEFORE
            and _holds_any(text, self.total_gate)
            and self.marked_total_cue_re.search(text)
        ):
            if depths is None:
                depths = _depths(text)
            findings.extend(self._parts_before_total(doc, sentence, depths))
        counts = self._counts(text) if checks & COUNTS else None
        if counts:
            if depths is None:
                depths = _depths(text)
            findings.extend(self._list_before_count(sentence, depths, counts))
            findings.extend(self._count_before_list(sentence, depths, counts))
        if (
            checks & RATES
            and _holds_any(text, self.rate_gate)
            and (
                self.bounded_rate_re.search(text)
                or self.computed_rate_re.search(text)
                or ("率" in text and self.stem_rate_re.search(text))
            )
        ):
            findings.extend(self._rates(doc, sentence))
        if checks & AVERAGES and ("均" in text or "每" in text) and self.average_re.search(text):
            findings.extend(self._averages(doc, sentence))
        if checks & CHANGES and (
            (_holds_any(text, self.compare_gate) and self.compare_re.search(text))
            or (_holds_any(text, self.stated_base_gate) and self.stated_base_re.search(text))
            or (("由" in text or "从" in text) and self.from_to_re.search(text))
        ):
            findings.extend(self._changes(doc, sentence))
        shared = (
            checks & SHARES and _holds_any(text, self.share_gate) and self.share_re.search(text) is not None
        )
        if shared:
            findings.extend(self._shares(doc, sentence))
        if (checks & OF_WHOLE and _holds_any(text, self.of_whole_gate) and self.of_whole_re.search(text)) or (
            checks & SHARE_OF_TOTAL and "占" in text and self.share_of_total_re.search(text)
        ):
            findings.extend(self._of_whole(doc, sentence))
        if (
            checks & RESPECTIVELY
            and _holds_any(text, self.respectively_gate)
            and self.respectively_re.search(text)
        ):
            if depths is None:
                depths = _depths(text)
            findings.extend(self._dated_counts(doc, sentence, depths))
        if checks & DURATIONS and _holds_any(text, self.duration_gate) and self.duration_re.search(text):
            findings.extend(self._durations(sentence))
        if (
            checks & STRUCTURES
            and _holds_any(text, self.structure_gate)
            and self.structure_chain_re.search(text)
        ):
            findings.extend(self._structures(sentence))
        if checks & GROUP_HOUSEHOLDS and "户" in text and self.group_household_re.search(text):
            findings.extend(self._group_households(doc, sentence))
        if checks & RATIOS and "按" in text and self.ratio_re.search(text):
            findings.extend(self._ratios(doc, sentence))
        if (
            checks & CONVERSIONS
            and ("（" in text or "(" in text or "合" in text)
            and self.conversion_link_re.search(text)  # each conversion follows a link
        ):
            findings.extend(self._conversions(doc, sentence))
        if checks & INCREMENTS and _holds_any(text, self.increment_gate) and self.increment_re.search(text):
            findings.extend(self._increments(doc, sentence))
        if checks & REMAINING and _holds_any(text, self.remaining_gate) and self.remaining_re.search(text):
            if depths is None:
                depths = _depths(text)
            findings.extend(self._remaining(doc, sentence, depths))
        if shared and "其中" in text:
            findings.extend(self._share_sums(doc, sentence))
