"""Rule inconsistent-total (RL201)."""

from __future__ import annotations

import bisect
import datetime
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from reportlint.document import Document, Span
from reportlint.numbering import Marker
from reportlint.numbers import NumberFormatError, Quantity, find_quantities, parse_number
from reportlint.rule import Finding, Rule, Severity

OPENING = "“《（(「『‘【["
CLOSING = "”》）)」』’】]"
CLAUSE_MARKS = "，,；;：:"
PART_MARKS = CLAUSE_MARKS + "、"
CN_COUNT = "两二三四五六七八九十"
MAX_PARTS = 40  # most parts summed
MAX_SPAN = 200  # longest clause (characters) searched for a total, its parts or a list
NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿"
_DIGIT_RE = regex.compile(r"[\d０-９]")
_HAN_RE = regex.compile(r"\p{Han}*")
_ARABIC_PART_RE = regex.compile(r"[\d０-９]+(?:[,，][\d０-９]{3})*(?:[.．]([\d０-９]+))?")
_ITEM_END_RE = regex.compile(r"[\p{Han}”》」』）)A-Za-z]")
_COUNT_VALUES = {ch: i for i, ch in enumerate("零一二三四五六七八九十")} | {"两": 2}
# A sentence without a digit or one of these numerals holds nothing this rule compares.
_NUMBER_GATE_RE = regex.compile(rf"[\d０-９{CN_COUNT}一十]")
_BRACKET_RE = regex.compile(f"[{regex.escape(OPENING + CLOSING)}]")
_CLOSE_PAREN_RE = regex.compile(r"[）)]")
_TITLES_RE = regex.compile(r"(?:《[^《》]{1,60}》){2,12}")
_CN_COUNT_RE = regex.compile(f"[{CN_COUNT}]")
_ITEM_LINE_RE = regex.compile(rf"[{NUMERAL_CHARS}]+是|[（(]?[{NUMERAL_CHARS}\d]+[、.．)）]")
_COMPARE_COMMA_RE = regex.compile(r"(?:相比)?[，,]")
_STOP_MARK_RE = regex.compile(r"[。；;]")
_DISPLAY_UNIT_RES: dict[str, regex.Pattern[str]] = {}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


def _gate(words: Iterable[str]) -> tuple[str, ...]:
    """A few strings one of which every text holding one of ``words`` contains (a quick test before
    a search); empty when there is none (an empty word matches everywhere)."""
    words = list(words)
    if not words or not all(words):
        return ()
    candidates: list[tuple[str, ...]] = []
    cuts: list[set[str]] = [{w[:2] for w in words}, {w[-2:] for w in words}, {w[0] for w in words}]
    cuts.append({w[-1] for w in words})
    for cut in cuts:
        pieces = sorted(cut, key=lambda piece: (len(piece), piece))
        # A piece holding a shorter one adds nothing: the shorter one is found whenever it is.
        kept: list[str] = []
        for piece in pieces:
            if not any(k in piece for k in kept):
                kept.append(piece)
        candidates.append(tuple(kept))
    # Two-character pieces are rarer in text than single characters: take them unless too many.
    pairs = min(candidates[:2], key=len)
    if len(pairs) <= 12:
        return pairs
    singles = min(candidates[2:], key=len)
    return singles if len(singles) <= 12 else ()


def _holds_any(text: str, pieces: tuple[str, ...]) -> bool:
    """False only when ``text`` holds none of the (non-empty) ``pieces`` of a _gate."""
    if not pieces:
        return True
    for piece in pieces:  # noqa: SIM110 (a loop: faster than any() over a generator here)
        if piece in text:
            return True
    return False


def _depths(text: str) -> list[int]:
    """Bracket/quote depth of each character (the marks themselves count as outside)."""
    depth = 0
    result: list[int] = []
    position = 0
    for mark in _BRACKET_RE.finditer(text):
        index = mark.start()
        if index > position:
            result.extend([depth] * (index - position))
        if text[index] in CLOSING:
            if depth:
                depth -= 1
            result.append(depth)
        else:
            result.append(depth)
            depth = min(depth + 1, 50)
        position = index + 1
    result.extend([depth] * (len(text) - position))
    return result


def _count_value(text: str) -> int | None:
    """2-19 written as 两/三/十二 or 2/12."""
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _COUNT_VALUES.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _COUNT_VALUES.get(text[1], 0)
    return None


def format_number(value: float) -> str:
    """10.0 -> "10", 3.50 -> "3.5", 1234.5678 -> "1234.57"."""
    if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)):
        return str(round(value))
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if len(text.split(".")[0]) < 4 else f"{value:.2f}".rstrip("0").rstrip(".")


def display_unit(q: Quantity) -> str:
    """The unit as the reader sees it, scale included: 3686万元 -> "万元", 1.7万名 -> "万名"."""
    unit = q.written_unit or ""
    pattern = _DISPLAY_UNIT_RES.get(unit)
    if pattern is None:
        pattern = regex.compile(rf"([万亿]{{0,2}})(?:余|多|许)?{regex.escape(unit)}")
        if len(_DISPLAY_UNIT_RES) < 1000:
            _DISPLAY_UNIT_RES[unit] = pattern
    match = pattern.search(q.text)
    return (match.group(1) if match else "") + unit


def format_quantity(value: float, unit: str) -> str:
    """Show a base value in a displayed unit: (36860000, "万元") -> "3686万元"."""
    scale = 1.0
    for ch in unit[:2]:
        if ch in "万亿" and len(unit) > 1:
            scale *= 1e4 if ch == "万" else 1e8
        else:
            break
    if unit in ("万千瓦",):
        scale = 1.0
    return f"{format_number(value / scale)}{unit}"


@dataclass(frozen=True)
class _Part:
    quantity: Quantity
    low: float
    high: float
    resolution: float
    label: str = ""  # the words before the part in its clause: "其中男性" in "其中男性70人"
    clause: str = ""  # its whole clause


def _bounds(q: Quantity) -> tuple[float, float]:
    """Lowest and highest value a written quantity may stand for (余/多/约/近/超)."""
    text = q.text
    value = q.value
    if not q.approximate:
        return value, value
    if q.low is not None:
        return q.low, value
    if text.startswith(("超过", "超", "逾")) or text.endswith("以上"):
        return value, math.inf
    if text.startswith(("约", "大约")) or text.endswith(("左右", "上下")):
        return value * 0.9, value * 1.1
    if text.startswith(("近", "将近", "接近", "达到近", "不到", "不足")):
        return value * 0.8, value
    # 余/多/许: 2000余 is 2000-2999, 10余 is 10-19.
    integer = round(value)
    step = 1
    while integer and integer % (step * 10) == 0:
        step *= 10
    return value, value + step


def _resolution(q: Quantity) -> float:
    """The rounding step of a written number: 1.78亿元 -> 1e6; 10个 and 3686万元 -> 0 (exact)."""
    match = _ARABIC_PART_RE.search(q.text)
    if not match:
        return 0.0
    decimals = len(match.group(1) or "")
    try:
        written = float(match.group(0).replace(",", "").replace("，", "").replace("．", "."))
    except ValueError:
        return 0.0
    scale = q.value / written if written else 1.0
    if decimals == 0:
        return 0.0  # whole numbers, even in 万元, are taken as exact
    return scale * 10.0**-decimals


def _cut_number(text: str, position: int) -> bool:
    """True when a number starting at ``position`` is the tail of a longer one: "1，753亿元" read from 753."""
    before = text[max(0, position - 2) : position]
    return bool(before) and (
        before[-1].isdigit() or (len(before) == 2 and before[-1] in "，,．." and before[0].isdigit())
    )


def _half_step(q: Quantity) -> float:
    """Half the rounding step of a number used in a division: 3.2 -> 0.05, 120万 -> 5000, 150 -> 0."""
    resolution = _resolution(q)
    if resolution:
        return resolution / 2
    match = _ARABIC_PART_RE.search(q.text)
    if not match:
        return 0.0
    try:
        written = float(match.group(0).replace(",", "").replace("，", ""))
    except ValueError:
        return 0.0
    scale = q.value / written if written else 1.0
    return scale / 2 if scale >= 1e4 - 1e-6 else 0.0


def _stated_step(q: Quantity) -> float:
    """Half the rounding step of a stated result: 3.2 -> 0.05, 80 -> 0.5, 3000 -> 50, 7 -> 0.5."""
    resolution = _resolution(q)
    if resolution:
        return resolution / 2
    match = _ARABIC_PART_RE.search(q.text)
    if not match:
        return 0.5
    digits = match.group(0).replace(",", "").replace("，", "")
    # Trailing zeros may be rounding, but two significant digits are meant: 3000 -> 100, 200 -> 10.
    zeros = min(len(digits) - len(digits.rstrip("0")), len(digits) - 2) if digits.strip("0") else 0
    zeros = max(zeros, 0)
    scale = q.value / float(digits) if float(digits) else 1.0
    return 0.5 * scale * 10.0**zeros


def _percent_step(q: Quantity) -> float:
    """Half the last written digit of a percentage: 25% -> 0.5, 94.7% -> 0.05."""
    match = _ARABIC_PART_RE.search(q.text)
    decimals = len(match.group(1) or "") if match else 0
    return 0.5 * 10.0**-decimals


class InconsistentTotal(Rule):
    """合计与分项、数量与列举、比率、平均数、增幅不一致。

    作用：检查同一句话里前后矛盾的数字：
    1. 合计与分项：“共/合计/总计……，其中/分别为/分为/包括……”后列出的分项（同一计量单位，
       万元与元、万人与人自动换算，“两个”“十二项”等汉字数字亦可）之和超过合计，报错误；
       用“分别为”“分为”“共计”等明示分项齐全而分项之和小于合计，报警告；“其中”只列一部分而不足合计属正常。
       “各季度分别为”“各乡镇分别为”同样视为列全；“男性/女性”“城镇/农村”“农业人口/非农业人口”等
       成对分项、带“其余/剩余”的分项，必须合成合计；“6个村中，4个村超过20万元，3个村低于10万元”
       这类按区间划分、互不重叠的分组，不能多于总数。带“余、多、约、近、超”的约数只在分项之和远超合计时报告；
       小数分项与合计相差一个末位单位以上，提示核对（可能是四舍五入）。
       “线上/线下”“进口/出口”成对分项，名称合成合计名称的分项（“22个乡镇，其中镇15个、乡6个”
       “中小学……其中中学、小学”），以“其他……”收尾的分项，列全一个封闭分类的分项（警告、严重警告、
       撤销党内职务、留党察看、开除党籍；第一、二、三产业），也必须合成合计；只列出部分层级（中央、省级资金）不查。
       冒号后逐项列出的分项（同一行或一行一项，“书记、镇长各1人”按人数相乘）之和不能超过冒号前的合计；
       “38所中小学中，已有41所……”这类部分多于整体的，报错误。
    2. 数量与列举：“两个风险”“五道关口”“存在两方面问题，一是……二是……三是……”等宣称的数量
       与实际列举的项数不符（“从五个方面发力：”后一行一项的“一是……；二是……；三是……。”亦同）；
       “四个一批：关停一批、整合一批、提升一批”“三查：查……、查……”
       “两手抓：一手抓……一手抓……一手抓……”这类口号，数字与其后重复关键字的项数不符。
    3. 比率：同一句中“计划100亩，完成80亩，完成率90%”这类与分子分母矛盾的百分比（含“完成计划的X%”）；
       “1.2万人，其中老年人3100人，占比35%”这类与部分、整体矛盾的占比；
       参保率、覆盖率、占比、办结率、满意度、合格率等不可能超过100%的比率写成了100%以上；
       “4户3人”“86户、63人”这类人数少于户数的户、人组合。
    4. 平均数：“86户320人，户均3.2人”“培训6期360人次，期均80人次”“平均每村……”与总数除以单位数不符
       （按末位四舍五入并留5%余量）。
    5. 增减幅度：“120万人次，比上年的100万人次增长25%”“由12.3%降至0，下降了13.3个百分点”
       “18亿元，比上年增加3亿元，增长10%”“由20万元增加到50万元，增长3.5倍”
       “上年同期为130万人次，同比增长30%”这类与数值不符的增幅、降幅、倍数或百分点（含可比价、增加值、生产总值的句子不查）。
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

    选项：各词表可在配置中用 extend-词表名 追加，例如
    extend-bounded-rates = ["知晓率"]、extend-part-cues = ["内含"]、extend-average-units = ["床"]、
    extend-complementary-prefixes = [["在职", "离退休"]]、extend-closed-sets = [["初信", "重信"]]。
    """

    code = "RL201"
    name = "inconsistent-total"
    severity = Severity.ERROR
    summary = "合计与分项、数量与列举、比率、平均数、增幅不一致"
    data_file = "inconsistent_total.toml"

    def setup(self) -> None:
        d = self.data
        self.non_additive = set(d["non-additive-units"])
        self.family: dict[str, str] = {}
        for group in d["unit-groups"]:
            for unit in group:
                self.family[unit] = group[0]
        self.part_cue_re = regex.compile(rf"(?:{_alternation(d['part-cues'])})[，,：:]?")
        # Quick tests before the searches of check(): the words each pattern needs.
        self.part_gate = _gate(d["part-cues"])
        self.total_gate = _gate(d["total-cues"])
        rate_lists = (_gate(d["bounded-rates"]), _gate(d["computed-rates"]))  # () when a list is empty
        self.rate_gate = _gate([*d["bounded-rates"], *d["computed-rates"], "率"]) if all(rate_lists) else ()
        self.compare_gate = _gate(d["compare-words"])
        self.stated_base_gate = _gate(d["base-periods"])
        self.share_gate = _gate(d["share-words"])
        # of_whole_re: a verb right after a comma.
        self.of_whole_gate = tuple(
            comma + piece for piece in _gate(d["of-whole-verbs"]) for comma in "，,"
        ) or ("，", ",")
        self.respectively_gate = _gate(d["respectively-cues"])
        self.duration_gate = _gate(d["duration-words"])
        self.increment_gate = _gate(d["increment-cues"])
        self.remaining_gate = _gate(d["remaining-words"])
        self.exhaustive_cues = set(d["exhaustive-cues"])
        self.total_cue_re = regex.compile(
            rf"(?:{_alternation(d['total-cues'])})(?:{_alternation(d['total-fillers'])})?[^\d，,。；;：:、！？]{{0,6}}?(?=[\d{CN_COUNT}一])"
        )
        self.strict_total_cues = tuple(sorted(d["strict-total-cues"], key=len, reverse=True))
        self.stop_re = regex.compile(_alternation(d["part-stop-words"]))
        long_not_part = [w for w in d["not-part-words"] if len(w) > 1]
        short_not_part = [w for w in d["not-part-words"] if len(w) == 1]
        self.not_part_long_re = regex.compile(_alternation(long_not_part)) if long_not_part else None
        self.not_part_short = tuple(short_not_part)
        self.open_list_re = regex.compile(_alternation(d["open-list-words"]))
        self.rest_part_words = set(d["rest-part-words"])
        self.subject_re = regex.compile(
            rf"(?<=[，,；;：:])(?:{_alternation(d['exhaustive-subjects'])})\p{{Han}}{{1,5}}$"
        )
        self.whole_among_re = regex.compile(
            r"(?<=[\d０-９][\p{Han}]{1,6})(?<![其集高初空心眼手])(?:之中|当中|中)(?=[，,]?\p{Han})"
        )
        self.group_prefix_re = regex.compile(rf"(?:{_alternation(d['group-prefixes'])}){{0,3}}")
        self.group_verb_re = regex.compile(_alternation(d["group-verbs"]))
        self.colon_total_re = regex.compile(r"(?<=[\d０-９\p{Han}])[：:]")
        self.colon_list_end_re = regex.compile(r"[：:。！？]")
        self.colon_skip_nouns = tuple(d["colon-skip-nouns"])
        self.ordinal_parts_re = regex.compile(r"(?<=[，,；;：:])第一(?=\p{Han})")
        self.among_re = regex.compile(r"(?<=[\d０-９][\p{Han}]{1,5})(?<![其集高初])(?:之中|当中|中)[，,]")
        self.remainder_words = set(d["remainder-words"])
        self.label_trim = tuple(sorted(d["label-trim-words"], key=len, reverse=True))
        self.complement_prefixes = [
            (pair[0], pair[1]) for pair in d["complementary-prefixes"] if len(pair) == 2
        ]
        self.closed_sets = [sorted(members, key=len, reverse=True) for members in d["closed-sets"]]
        self.lower_bound_words = tuple(d["lower-bound-words"])
        self.upper_bound_words = tuple(d["upper-bound-words"])
        self.bound_re = regex.compile(_alternation([*d["lower-bound-words"], *d["upper-bound-words"]]))
        self.overlap_re = regex.compile(_alternation(d["overlap-words"]))
        # Counts and lists.
        classifiers = _alternation(d["count-classifiers"])
        # A count: a numeral not continuing another number (checked in _counts: a lookbehind
        # tried at every position costs more than the whole rest of the pattern), then its classifier.
        self.count_re = regex.compile(
            rf"(?P<num>十[一二三四五六七八九]|[{CN_COUNT}]|1\d|[2-9])(?P<cls>{classifiers})(?![{NUMERAL_CHARS}])"
        )
        self.count_before_re = regex.compile(rf"[\d{NUMERAL_CHARS}第之]")
        announcing = _alternation(d["announcing-classifiers"])
        intro = _alternation(d["list-intro-words"])
        self.announce_re = regex.compile(
            rf"(?<![\d{NUMERAL_CHARS}第之])(?P<num>十[一二三四五六七八九]|[{CN_COUNT}]|1\d|[2-9])(?P<cls>{announcing})"
            rf"[^\d{CN_COUNT}一，,。；;：:、！？]{{0,10}}[”」]?[，,：:。；;]?(?:{intro})?[：:，,]?$"
        )
        intro_after = _alternation(w for w in d["list-intro-words"] if w not in d["nested-list-starts"])
        self.intro_after_re = regex.compile(
            rf"[^\d，,。；;：:、！？“”]{{0,8}}?[”」]?(?:[，,]?(?:{intro_after})[：:]?|[：:])"
        )
        self.generic_classifiers = set(d["generic-classifiers"])
        self.generic_heads = tuple(sorted(d["generic-heads"], key=len, reverse=True))
        self.nested_starts = tuple(d["nested-list-starts"])
        self.continuation_re = regex.compile(_alternation(d["list-continuation-words"]))
        self.max_item = int(d["max-item-length"])
        self.skip_heads = tuple(d["skip-heads"])
        self.announcing = set(d["announcing-classifiers"])
        self.conjunction_re = regex.compile(_alternation(d["conjunctions"]))
        self.etc_words = tuple(sorted(d["list-etc-words"], key=len, reverse=True))
        self.fillers = tuple(sorted(d["list-count-fillers"], key=len, reverse=True))
        # Rates.
        self.computed_rate_re = regex.compile(_alternation(d["computed-rates"]))
        self.bounded_rate_re = regex.compile(_alternation(d["bounded-rates"]))
        self.stem_rate_re = regex.compile(r"(?P<stem>\p{Han}{2})率")
        self.non_computed_stems = set(d["non-computed-rate-stems"])
        self.note_re = regex.compile(_alternation(d["explaining-notes"]))
        self.change_re = regex.compile(_alternation(d["change-words"]))
        self.rate_fillers = tuple(sorted(d["rate-fillers"], key=len, reverse=True))
        self.household_units = set(d["household-units"])
        self.household_links = set(d["household-links"])
        # Derived numbers: averages, changes, shares.
        per = _alternation(d["average-units"])
        periods_alt = _alternation(d["periods-per-year"])
        self.periods_per_year = {k: float(v) for k, v in d["periods-per-year"].items()}
        self.average_re = regex.compile(
            rf"(?:(?P<u1>{per})均|平均每(?P<u2>{per})|每(?P<u3>{per})平均"
            rf"|(?P<p1>{periods_alt})均|平均每(?P<p2>{periods_alt})|每(?P<p3>{periods_alt})平均)"
        )
        self.year_word_re = regex.compile(_alternation(d["year-words"]))
        self.unit_nouns: dict[str, set[str]] = {}
        for unit, noun in d["unit-nouns"]:
            self.unit_nouns.setdefault(unit, set()).add(noun)
        self.total_word_re = regex.compile(_alternation(d["average-total-words"]))
        self.average_change_re = regex.compile(_alternation(d["average-change-words"]))
        self.average_filler_pattern = regex.compile(_alternation(d["average-fillers"]))
        periods = _alternation(d["base-periods"])
        self.compare_re = regex.compile(
            rf"(?:{_alternation(d['compare-words'])})(?:{periods}|\d{{4}}年(?:同期|底|末)?)的?(?=[\d０-９])"
        )
        # "156万人次，上年同期为130万人次，同比增长20%": the base told in a clause of its own.
        self.stated_base_re = regex.compile(
            rf"(?<=[，,；;])(?:{periods})(?:{_alternation(d['stated-base-verbs'])})(?=[\d０-９])"
        )
        self.from_to_re = regex.compile(rf"(?:由|从)(?:{periods}|\d{{4}}年(?:底|末)?)?的?(?=[\d０-９])")
        self.to_re = regex.compile(r"\p{Han}{0,3}?(?:到|至)(?:\d{4}年(?:底|末)?的?)?")
        self.decrease_words = set(d["decrease-words"])
        verbs = _alternation([*d["increase-words"], *d["decrease-words"]])
        self.change_after_re = regex.compile(rf"(?:相比|相较)?[，,]?(?:分别)?(?P<verb>{verbs})了?")
        self.stated_change_re = regex.compile(
            rf"[，,](?:{_alternation(d['increment-cues'])})?(?:分别)?(?P<verb>{verbs})了?(?=[\d０-９])"
        )
        self.share_re = regex.compile(_alternation(d["share-words"]))
        self.doubling_re = regex.compile(
            r"[，,]?(?:实现|完成|比上年|较上年|同比)?(?:了)?(?P<verb>翻(?:了)?(?P<n>[一两二三])?番)"
        )
        self.of_whole_re = regex.compile(
            rf"(?<=[，,])(?:{_alternation(d['of-whole-verbs'])})(?P<name>[^\d０-９，,。；;：:、（）()]{{0,10}}?)(?=[\d０-９])"
        )
        self.share_of_total_re = regex.compile(
            r"占(?P<whole>[^\d０-９，,。；;：:、（）()]{1,12}?)的(?=百分之|[\d０-９])"
        )
        self.whole_words = tuple(d["whole-words"])
        self.increment_re = regex.compile(
            rf"(?:{_alternation(d['increment-cues'])})(?P<verb>{verbs}|多|少)了?(?=[\d０-９])"
        )
        self.remaining_re = regex.compile(_alternation(d["remaining-words"]))
        self.total_clause_re = regex.compile(_alternation(d["total-clause-words"]))
        self.general_classifiers = set(d["general-classifiers"])
        self.real_growth_re = regex.compile(_alternation(d["real-growth-words"]))
        # Slogans and the items that repeat their key word: "四个一批：关停一批、整合一批……".
        slogan_intro = _alternation(d["slogan-intro-words"])
        not_one = NUMERAL_CHARS.replace("一", "")
        self.slogan_part_re = regex.compile(
            rf"(?<![\d{NUMERAL_CHARS}第])(?P<num>十|[两二三四五六七八九])个?(?P<key>(?:(?![{not_one}])\p{{Han}}){{1,4}})"
        )
        self.slogan_re = regex.compile(
            rf"(?<![\d{NUMERAL_CHARS}第])(?P<num>十|[两二三四五六七八九])(?P<ge>个)?"
            rf"(?P<head>(?![{NUMERAL_CHARS.replace('一', '')}])\p{{Han}}{{1,4}})"
            rf"(?P<close>[”」』])?(?P<noun>\p{{Han}}{{0,4}})(?:[：:]|[，,](?:{slogan_intro})[：:，,]?)"
        )
        self.person_units = set(d["person-units"])
        adverbs = _alternation(d["shared-verb-adverbs"])
        self.shared_verb_re = regex.compile(
            r"“(?P<slogan>(?P<num>[双两二三四五六七八九十])个?(?P<key>\p{Han}{1,3}))”"
            r"(?:[：:]|[，,](?:即|就是)[：:]?)"
            rf"(?P<list>[^，,。；;：:！？“”\d]{{2,80}}?)(?:{adverbs}){{0,3}}(?P=key)"
        )
        self.item_split_re = regex.compile(_alternation(d["conjunctions"]))
        self.respectively_re = regex.compile(rf"[，,](?:{_alternation(d['respectively-cues'])})")
        self.event_units = set(d["event-units"])
        self.duration_re = regex.compile(
            rf"(?:{_alternation(d['duration-words'])})(?P<n>[0-9]{{1,3}}|[{CN_COUNT}一十百]{{1,4}})"
            r"(?P<unit>个月|天|日|周|年)(?![多余底初末])"
        )
        self.date_range_re = _DATE_RANGE_RE
        self.ratio_re = regex.compile(
            r"按(?:照)?(?<![\d:：∶])(?P<a>\d{1,3})\s?[:：∶]\s?(?P<b>\d{1,3})的?(?:比例|比)"
        )
        self.ratio_count_units = set(d["ratio-count-units"])
        self.conversions: dict[str, dict[str, float]] = {}
        for big, small, factor in d["unit-conversions"]:
            self.conversions.setdefault(big, {})[small] = float(factor)
            self.conversions.setdefault(small, {})[big] = 1 / float(factor)
        self.conversion_link_re = regex.compile(
            rf"(?:[（(](?:{_alternation(d['conversion-words'])})?|[，,]?(?:折合|约合))(?=[\d０-９]|约|近)"
        )

    # ------------------------------------------------------------------ helpers
    def _family(self, q: Quantity) -> str | None:
        if not q.is_amount or q.unit is None or q.unit in self.non_additive:
            return None
        return self.family.get(q.unit, q.unit)

    @staticmethod
    def _quantities_in(doc: Document, start: int, end: int) -> list[Quantity]:
        quantities = doc.quantities
        starts = _quantity_starts(doc)
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [q for q in quantities[lo:hi] if q.end <= end]

    @staticmethod
    def _quantity_at(doc: Document, position: int) -> Quantity | None:
        """The quantity starting exactly at ``position``, if any."""
        starts = _quantity_starts(doc)
        index = bisect.bisect_left(starts, position)
        if index < len(starts) and starts[index] == position:
            return doc.quantities[index]
        return None

    def _not_a_part(self, clause_prefix: str) -> bool:
        """True when the number after ``clause_prefix`` is a change, a rate or a maximum."""
        if self.not_part_long_re and self.not_part_long_re.search(clause_prefix):
            return True
        tail = clause_prefix[-2:]
        return any(w in tail for w in self.not_part_short)

    def check(self, doc: Document) -> Iterable[Finding]:
        findings: list[Finding] = []
        for sentence in doc.sentences:
            text = sentence.text
            if not _NUMBER_GATE_RE.search(text):
                continue
            # Each check below finds nothing unless its cue is in the sentence: most sentences have
            # none, so the cues are looked for first (a character they need, then the pattern) and
            # the bracket depths are computed only for a check that will read them.
            depths: list[int] | None = None
            if (
                (_holds_any(text, self.part_gate) and self.part_cue_re.search(text))
                or ("第一" in text and self.ordinal_parts_re.search(text))
                or (("中，" in text or "中," in text) and self.among_re.search(text))
            ):
                depths = _depths(text)
                findings.extend(self._parts_after_total(doc, sentence, depths))
            if _holds_any(text, self.total_gate) and self.total_cue_re.search(text):
                if depths is None:
                    depths = _depths(text)
                findings.extend(self._parts_before_total(doc, sentence, depths))
            counts = self._counts(text)
            if counts:
                if depths is None:
                    depths = _depths(text)
                findings.extend(self._list_before_count(sentence, depths, counts))
                findings.extend(self._count_before_list(sentence, depths, counts))
            if _holds_any(text, self.rate_gate) and (
                self.bounded_rate_re.search(text)
                or self.computed_rate_re.search(text)
                or ("率" in text and self.stem_rate_re.search(text))
            ):
                findings.extend(self._rates(doc, sentence))
            if ("均" in text or "每" in text) and self.average_re.search(text):
                findings.extend(self._averages(doc, sentence))
            if (
                (_holds_any(text, self.compare_gate) and self.compare_re.search(text))
                or (_holds_any(text, self.stated_base_gate) and self.stated_base_re.search(text))
                or (("由" in text or "从" in text) and self.from_to_re.search(text))
            ):
                findings.extend(self._changes(doc, sentence))
            shared = _holds_any(text, self.share_gate) and self.share_re.search(text) is not None
            if shared:
                findings.extend(self._shares(doc, sentence))
            if (_holds_any(text, self.of_whole_gate) and self.of_whole_re.search(text)) or (
                "占" in text and self.share_of_total_re.search(text)
            ):
                findings.extend(self._of_whole(doc, sentence))
            if _holds_any(text, self.respectively_gate) and self.respectively_re.search(text):
                if depths is None:
                    depths = _depths(text)
                findings.extend(self._dated_counts(doc, sentence, depths))
            if _holds_any(text, self.duration_gate) and self.duration_re.search(text):
                findings.extend(self._durations(sentence))
            if "按" in text and self.ratio_re.search(text):
                findings.extend(self._ratios(doc, sentence))
            if "（" in text or "(" in text or "合" in text:
                findings.extend(self._conversions(doc, sentence))
            if _holds_any(text, self.increment_gate) and self.increment_re.search(text):
                findings.extend(self._increments(doc, sentence))
            if _holds_any(text, self.remaining_gate) and self.remaining_re.search(text):
                if depths is None:
                    depths = _depths(text)
                findings.extend(self._remaining(doc, sentence, depths))
            if shared and "其中" in text:
                findings.extend(self._share_sums(doc, sentence))
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

    # ---------------------------------------------------------- totals and parts
    def _clauses(
        self, text: str, depths: Sequence[int], start: int, end: int, marks: str
    ) -> list[tuple[int, int]]:
        """Top-level clauses of ``text[start:end]`` split at ``marks`` (relative offsets)."""
        result: list[tuple[int, int]] = []
        begin = start
        base = depths[start] if start < len(depths) else 0
        for i in range(start, end):
            if text[i] in marks and depths[i] == base:
                result.append((begin, i))
                begin = i + 1
        result.append((begin, end))
        return result

    def _parts_after_total(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        text = sentence.text
        for cue in self.part_cue_re.finditer(text):
            cue_start = cue.start()
            cue_word = cue.group().rstrip("，,：:")
            before = text[cue_start - 1] if cue_start else ""
            if before not in CLAUSE_MARKS + "（(":
                # "……2.3亿元，各季度分别为……": a subject naming every part may stand before 分别为.
                subject = (
                    self.subject_re.search(text, max(0, cue_start - 8), cue_start)
                    if cue_word in self.exhaustive_cues
                    else None
                )
                if subject is None or depths[subject.start()]:
                    continue
                cue_start = subject.start()
            total_end = cue_start - 1
            yield from self._parts_from(doc, sentence, depths, total_end, cue.end(), cue_word)
        for ordinal in self.ordinal_parts_re.finditer(text):
            # "共1.8亿元，第一批0.6亿元、第二批0.5亿元、第三批0.9亿元": parts told by their order.
            if depths[ordinal.start()] or text.find("第二", ordinal.end(), ordinal.end() + MAX_SPAN) < 0:
                continue
            yield from self._parts_from(doc, sentence, depths, ordinal.start() - 1, ordinal.start(), "第一")
        for middle in self.among_re.finditer(text):
            # "38所中小学中，已有41所……": one group cannot outnumber the whole.
            yield from self._larger_group(doc, sentence, middle)
            # "全镇6个村中，4个村……，其余2个村……": the groups named after the count.
            yield from self._parts_from(
                doc, sentence, depths, middle.start(), middle.end(), "中", require_disjoint=True
            )

    def _larger_group(self, doc: Document, sentence: Span, middle: regex.Match[str]) -> Iterator[Finding]:
        """ "全县38所中小学中，已有41所完成……": the group named right after 中 outnumbers the whole."""
        text = sentence.text
        base = sentence.start
        before = self._quantities_in(doc, base + max(0, middle.start() - 12), base + middle.start())
        if not before:
            return
        whole = before[-1]
        noun = text[whole.end - base : middle.start()]
        if not whole.is_amount or not self._family(whole) or _DIGIT_RE.search(noun) or len(noun) > 6:
            return
        clause_end = middle.end()
        while (
            clause_end < len(text)
            and clause_end - middle.end() < MAX_SPAN
            and text[clause_end] not in CLAUSE_MARKS + "。；;"
        ):
            clause_end += 1
        inside = self._quantities_in(doc, base + middle.end(), base + clause_end)
        if not inside:
            return
        part = inside[0]
        prefix = text[middle.end() : part.start - base]
        if part.written_unit != whole.written_unit or not self.group_prefix_re.fullmatch(prefix):
            return
        after = text[part.end - base : clause_end]
        if (
            after
            and noun
            and not after.startswith((noun, noun[:2], noun[-1:]))
            and not self.group_verb_re.match(after)
        ):
            return  # "12个村中，有15个合作社……": the number counts something else
        if part.approximate or whole.approximate:
            return
        if part.value > whole.value + 1e-6 * max(1.0, whole.value):
            yield Finding(
                part.start,
                part.end,
                f"部分多于整体：「{part.text}」多于前文的总数「{whole.text}{noun}」，请核对数字",
            )

    def _parts_from(
        self,
        doc: Document,
        sentence: Span,
        depths: list[int],
        total_end: int,
        parts_start: int,
        cue_word: str,
        *,
        require_disjoint: bool = False,
    ) -> Iterator[Finding]:
        """Parts that follow the total ending at ``total_end``, from ``parts_start`` on."""
        text = sentence.text
        if total_end <= 0:
            return
        total_depth = depths[total_end - 1]
        # The clause holding the total: back to the previous clause mark at its depth.
        total_start = total_end
        floor = max(0, total_end - MAX_SPAN)
        while total_start > floor and depths[total_start - 1] >= total_depth:
            if text[total_start - 1] in CLAUSE_MARKS + "。" and depths[total_start - 1] == total_depth:
                break
            total_start -= 1
        # The parts: up to the end of the sentence or of the bracket holding the cue.
        if parts_start >= len(text):
            return
        parts_depth = depths[parts_start]
        parts_end = parts_start
        ceiling = min(len(text), parts_start + 2 * MAX_SPAN)
        while parts_end < ceiling and depths[parts_end] >= parts_depth:
            parts_end += 1
        remainder: tuple[int, int] | None = None
        stop = self.stop_re.search(text, parts_start, parts_end)
        if stop:
            if stop.group() in self.remainder_words and depths[stop.start()] == parts_depth:
                # "其余2个村": the rest of the total, so the parts before and it make up the whole.
                end = stop.end()
                while end < parts_end and not (
                    text[end] in CLAUSE_MARKS + "。" and depths[end] == parts_depth
                ):
                    end += 1
                remainder = (stop.end(), end)
            parts_end = stop.start()
        if require_disjoint and remainder is None and not self.bound_re.search(text, parts_start, parts_end):
            return  # no remainder and no ranges: the groups may overlap
        yield from self._compare(
            doc,
            sentence,
            depths,
            (total_start, total_end),
            (parts_start, parts_end),
            cue_word,
            after=True,
            remainder=remainder,
            require_disjoint=require_disjoint,
        )

    def _parts_before_total(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        text = sentence.text
        for cue in self.total_cue_re.finditer(text):
            cue_start = cue.start()
            if not cue_start or text[cue_start - 1] not in "，,；;" or depths[cue_start]:
                continue
            total = self._quantity_at(doc, sentence.start + cue.end())
            if total is None:
                continue
            # Parts: the clauses before the cue, back to the sentence start or a colon.
            parts_start = cue_start - 1
            floor = max(0, parts_start - 2 * MAX_SPAN)
            while parts_start > floor and text[parts_start - 1] not in "：:。；;":
                parts_start -= 1
            clause_end = total.end - sentence.start
            cue_word = next((w for w in self.strict_total_cues if text.startswith(w, cue_start)), "共")
            yield from self._compare(
                doc,
                sentence,
                depths,
                (cue_start, clause_end),
                (parts_start, cue_start - 1),
                cue_word,
                after=False,
            )

    def _compare(
        self,
        doc: Document,
        sentence: Span,
        depths: list[int],
        total_span: tuple[int, int],
        parts_span: tuple[int, int],
        cue_word: str,
        *,
        after: bool,
        remainder: tuple[int, int] | None = None,
        require_disjoint: bool = False,
    ) -> Iterator[Finding]:
        text = sentence.text
        base = sentence.start
        total_start, total_end = total_span
        if total_end <= total_start:
            return
        by_family: dict[str, list[Quantity]] = {}
        for q in self._quantities_in(doc, base + total_start, base + total_end):
            family = self._family(q)
            if family and depths[q.start - base] == depths[total_start]:
                by_family.setdefault(family, []).append(q)
        if not by_family:
            return
        parts_start, parts_end = parts_span
        if parts_end <= parts_start:
            return
        region_depth = min(depths[parts_start:parts_end], default=0)
        clauses = self._clauses(text, depths, parts_start, parts_end, PART_MARKS)
        if not after:
            clauses = clauses[::-1]
        parts_text = text[parts_start:parts_end]
        open_words = [(m.start() + parts_start, m.group()) for m in self.open_list_re.finditer(parts_text)]
        open_list = bool(open_words)
        overlapping = after and bool(self.overlap_re.search(parts_text))
        for family, candidates in by_family.items():
            if len(candidates) != 1:
                continue
            total = candidates[0]
            prefix = text[total_start : total.start - base]
            if after and (self._not_a_part(prefix) or prefix.endswith("各")):
                continue  # "组长、副组长各1人，其中……": an amount for each, not a total
            parts: list[_Part] = []
            uncertain = False  # the list may not be all of the total
            for c_start, c_end in clauses[:MAX_PARTS]:
                if not after and self.stop_re.search(text, c_start, c_end):
                    break
                found = [
                    q
                    for q in self._quantities_in(doc, base + c_start, base + c_end)
                    if depths[q.start - base] == region_depth
                    and not (q.chinese and self._family(q) != family)  # "两类补贴320万元"
                ]
                same = [q for q in found if self._family(q) == family]
                if not after and (len(same) != 1 or len(found) != 1):
                    uncertain = uncertain or bool(same)
                    break  # parts before a total are one number per clause, side by side
                for q in same:
                    clause_prefix = text[c_start : q.start - base]
                    if self._not_a_part(clause_prefix):
                        uncertain = True
                        continue
                    low, high = _bounds(q)
                    label = clause_prefix if len(same) == 1 else ""
                    parts.append(_Part(q, low, high, _resolution(q), label, text[c_start:c_end]))
            if not parts or (not after and len(parts) < 2):
                continue
            exhaustive: bool | None = None
            rest_named = after and len(parts) >= 2 and self._rest_part(parts[-1], open_words, base)
            if rest_named:
                # "……、其他补贴3000万元": the last part is the rest, so the parts are all of the total.
                exhaustive = not uncertain
            else:
                uncertain = uncertain or open_list
            if remainder is not None:
                rest = [
                    q
                    for q in self._quantities_in(doc, base + remainder[0], base + remainder[1])
                    if self._family(q) == family
                ]
                prefix = text[remainder[0] : rest[0].start - base] if len(rest) == 1 else ""
                if len(rest) == 1 and len(prefix) <= 4 and not _DIGIT_RE.search(prefix):
                    low, high = _bounds(rest[0])
                    parts.append(_Part(rest[0], low, high, _resolution(rest[0])))
                    exhaustive = not uncertain
            if (
                self._complementary(parts)
                or (after and self._named_in_total(parts, prefix))
                or (after and self._compound_total(parts, text[total_start:total_end]))
                or self._closed_set(parts)
            ):
                exhaustive = not uncertain  # "男性70人、女性50人": the two parts are the whole
            elif overlapping and not rest_named:
                continue  # "其中女性600人、青年500人": categories that overlap
            if require_disjoint and not exhaustive and not self._disjoint(doc, parts):
                continue  # "4个村建成广场，5个村建成书屋": groups that may overlap
            yield from self._judge(total, parts, cue_word, uncertain, after=after, exhaustive=exhaustive)

    def _rest_part(self, part: _Part, open_words: Sequence[tuple[int, str]], base: int) -> bool:
        """True when ``part`` is named the rest ("其他补贴3000万元") and no other word opens the list."""
        if not part.label or any(ch in part.label for ch in PART_MARKS):
            return False
        label_start = part.quantity.start - base - len(part.label)
        rest = [(at, word) for at, word in open_words if word in self.rest_part_words]
        return (
            bool(rest)
            and len(rest) == len(open_words)
            and all(label_start <= at < part.quantity.start - base for at, _ in rest)
        )

    def _label(self, clause_prefix: str) -> str:
        """The words naming a part: "其中男性" -> "男性", "非农业人口为" -> "非农业人口"."""
        label = clause_prefix.strip()
        for word in self.label_trim:
            if label.startswith(word):
                label = label[len(word) :]
                break
        for word in self.label_trim:
            if label.endswith(word):
                label = label[: -len(word)]
                break
        return label

    def _complementary(self, parts: Sequence[_Part]) -> bool:
        """Two parts named as a pair that makes up the whole: 男性/女性, 农业人口/非农业人口."""
        if len(parts) != 2:
            return False
        first, second = self._label(parts[0].label), self._label(parts[1].label)
        if not first or not second:
            return False
        if first == "非" + second or second == "非" + first:
            return True
        for one, other in self.complement_prefixes:
            for a, b in ((first, second), (second, first)):
                rest = a[len(one) :]
                if a.startswith(one) and b.startswith(other) and rest == b[len(other) :]:
                    return True
        return False

    def _named_in_total(self, parts: Sequence[_Part], total_prefix: str) -> bool:
        """Parts whose names together name the total: "新建改建农村公路126公里，其中新建48公里、改建78公里"."""
        if len(parts) < 2:
            return False
        labels = [self._label(part.label) for part in parts]
        # "新建和改造供水管网86公里，其中新建管网32公里、改造管网44公里": each name starts with a word of the total.
        heads = [label[:2] for label in labels]
        return (
            len(set(heads)) == len(heads)
            and all(len(label) >= 2 and label[:2] in total_prefix for label in labels)
            and not any(a in b for a, b in itertools.permutations(labels, 2))
        )

    def _closed_set(self, parts: Sequence[_Part]) -> bool:
        """Parts naming every member of a closed classification: 警告、严重警告……开除党籍; 第一、二、三产业."""
        labels = [self._label(part.label) for part in parts]
        for members in self.closed_sets:
            if len(labels) != len(members):
                continue
            named = [next((m for m in members if label.startswith(m)), None) for label in labels]
            if None not in named and len(set(named)) == len(members):
                return True
        return False

    def _compound_total(self, parts: Sequence[_Part], total_clause: str) -> bool:
        """Parts whose names make the total's compound name: 镇/乡 of "22个乡镇", 中学/小学 of "中小学",
        进口/出口 of "进出口总额"."""
        labels = [self._label(part.label) for part in parts]
        if not 2 <= len(labels) <= 4 or len(set(labels)) != len(labels) or not all(labels):
            return False
        suffix = labels[0]
        for label in labels[1:]:
            while suffix and not label.endswith(suffix):
                suffix = suffix[1:]
        heads = [label[: len(label) - len(suffix)] for label in labels]
        if any(len(head) != 1 for head in heads):
            return False
        return any("".join(order) + suffix in total_clause for order in itertools.permutations(heads))

    def _disjoint(self, doc: Document, parts: Sequence[_Part]) -> bool:
        """True when every two parts are told apart by ranges of one measure: "收入超过20万元", "低于10万元"."""
        if len(parts) < 2:
            return False
        ranges: list[tuple[str, float, float, str]] = []
        for part in parts:
            clause = part.clause
            offset = clause.find(part.quantity.text)
            bound = self._bound_in(clause[offset + len(part.quantity.text) :]) if offset >= 0 else None
            if bound is None:
                return False
            ranges.append(bound)
        for (f1, lo1, hi1, m1), (f2, lo2, hi2, m2) in itertools.combinations(ranges, 2):
            if f1 != f2 or not (hi1 <= lo2 or hi2 <= lo1):
                return False
            # "12个乡镇财政收入超过……，8个乡镇税收低于……" ranges two different measures.
            shared = next(
                (i for i, (a, b) in enumerate(zip(m1, m2, strict=False)) if a != b), min(len(m1), len(m2))
            )
            m1, m2 = m1[shared:], m2[shared:]
            if m1 and m2 and not any(m1[i : i + 2] in m2 for i in range(len(m1) - 1)):
                return False
        return True

    def _bound_in(self, rest: str) -> tuple[str, float, float, str] | None:
        """The one-sided range a clause puts its part in, with the words naming the measure:
        ("元", 200000, inf, "村集体经济收入") for "村集体经济收入超过20万元"."""
        bounds = []
        lower, upper = self.lower_bound_words, self.upper_bound_words
        for q in find_quantities(rest):
            family = self._family(q)
            if family is None or not q.is_amount:
                continue
            before, written, after = rest[: q.start], q.text, rest[q.end :]
            measure = before
            for word in (*lower, *upper):
                if measure.endswith(word):
                    measure = measure[: -len(word)]
                    break
            if (
                before.endswith(lower)
                or written.startswith(lower)
                or written.endswith(lower)
                or after.startswith(lower)
            ):
                bounds.append((family, q.value, math.inf, measure))
            elif before.endswith(upper) or written.startswith(upper) or after.startswith(upper):
                bounds.append((family, -math.inf, q.value, measure))
        return bounds[0] if len(bounds) == 1 else None

    def _judge(
        self,
        total: Quantity,
        parts: list[_Part],
        cue: str,
        open_list: bool,
        *,
        after: bool,
        exhaustive: bool | None = None,
    ) -> Iterator[Finding]:
        parts = sorted(parts, key=lambda p: p.quantity.start)
        total_low, total_high = _bounds(total)
        low_sum = sum(p.low for p in parts)
        high_sum = sum(p.high for p in parts)
        tolerance = 0.5 * (_resolution(total) + sum(p.resolution for p in parts)) + 1e-6 * max(
            1.0, total.value
        )
        approximate = total.approximate or any(p.quantity.approximate for p in parts)
        unit = display_unit(total)
        shown_sum = format_quantity(sum(p.quantity.value for p in parts), unit)
        shown_total = format_quantity(total.value, unit)
        terms = "+".join(p.quantity.text for p in parts)
        if low_sum > total_high + tolerance and (not approximate or low_sum > total_high * 1.2):
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计应为{shown_total}，各分项之和为{shown_sum}（{terms}），"
                "分项之和超过合计，请核对合计或分项数字",
            )
            return
        if exhaustive is None:
            exhaustive = cue in self.exhaustive_cues or (not after and cue in self.strict_total_cues)
        if (
            exhaustive
            and not approximate
            and not open_list
            and len(parts) >= 2
            and high_sum < total_low - tolerance
        ):
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计应为{shown_total}，各分项之和为{shown_sum}（{terms}），"
                "分项之和小于合计，请核对是否漏列分项或数字有误",
                severity=Severity.WARNING,
            )
            return
        # Each rounded figure is off by up to half a step (uniformly), so n parts and their total differ
        # by rounding alone with a spread of sqrt((n + 1) / 12) steps: one step ("2.31万人+2.26万人" of
        # 4.56万人) is ordinary, a difference beyond two spreads (and beyond one step) needs a look.
        step = max([_resolution(total), *(p.resolution for p in parts)])
        difference = sum(p.quantity.value for p in parts) - total.value
        if (
            step
            and not approximate
            and len(parts) >= 2
            and (difference > 0 or (exhaustive and not open_list))
            and abs(difference) > step * max(1.0, 2 * math.sqrt((len(parts) + 1) / 12)) * (1 + 1e-6)
        ):
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计为{shown_total}，各分项之和为{shown_sum}（{terms}），"
                "相差超出四舍五入可能造成的误差，请核对合计或分项数字",
                severity=Severity.WARNING,
            )

    # ------------------------------------------------------- counts and lists
    def _items(self, text: str, depths: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
        """(fewest, most) items in the list ``text[start:end]``; None when it is not a plain list."""
        segment = text[start:end].strip()
        if not segment or _DIGIT_RE.search(segment) or segment.startswith(self.nested_starts):
            return None
        base = depths[start] if start < len(depths) else 0
        cuts = [i for i in range(start, end) if text[i] == "、" and depths[i] == base]
        if not cuts:
            titles = _TITLES_RE.fullmatch(segment)
            if titles:
                count = segment.count("《")
                return count, count
            return None
        firsts = [start, *[c + 1 for c in cuts]]
        items = [text[a:b].strip() for a, b in zip(firsts, [*cuts, end], strict=True)]
        for number, item in enumerate(items):
            if not item or _CN_COUNT_RE.search(item):
                return None  # an empty item or one holding a count: the list's start is unclear
            if number and len(item) > self.max_item:
                return None  # a clause, not a list item
        conjunctions = sum(
            1 for m in self.conjunction_re.finditer(text, start, end) if depths[m.start()] == base
        )
        if conjunctions:
            # The 、 may fall inside one conjunct: 中央和省、市、自治区两级.
            return conjunctions + 1, len(cuts) + 1 + conjunctions
        return len(cuts) + 1, len(cuts) + 1

    def _named_kind(self, text: str, match: regex.Match[str]) -> bool:
        """ "三个方面", "两类": the count names a generic kind of list item."""
        if match.group("cls") in self.generic_classifiers:
            return True
        return text.startswith(self.generic_heads, match.end())

    def _counts(self, text: str) -> list[regex.Match[str]]:
        """The counts (三个, 5项) of ``text``, left to right, none continuing another number."""
        result: list[regex.Match[str]] = []
        position = 0
        while True:
            match = self.count_re.search(text, position)
            if match is None:
                return result
            start = match.start()
            if start and self.count_before_re.match(text, start - 1):
                position = start + 1
                continue
            result.append(match)
            position = match.end()

    def _list_before_count(
        self, sentence: Span, depths: list[int], counts: Sequence[regex.Match[str]]
    ) -> Iterator[Finding]:
        text = sentence.text
        for match in counts:
            if match.group("num").isdigit():
                continue  # "意见、建议3件": an amount, not a count of the list
            count = _count_value(match.group("num"))
            if count is None or count < 2:
                continue
            end = match.start()
            etc = False
            changed = True
            while changed and end > match.start() - 8:
                changed = False
                for filler in self.fillers:
                    if text.endswith(filler, 0, end):
                        etc = etc or filler == "等"
                        end -= len(filler)
                        changed = True
                        break
            if end <= 0 or not _ITEM_END_RE.match(text, end - 1, end) or text[end - 1] in "的之":
                continue
            if text.startswith(self.skip_heads, match.end()):
                continue
            quoted_count = end < match.start() and text[end] in "“「"
            if end == match.end() or (
                not quoted_count and text[match.end() : match.end() + 1] in PART_MARKS + "。）)"
            ):
                continue  # "印染厂十五个，": an amount, not a count naming the list
            quote_start = self._quote_start(text, end - 1) if text[end - 1] in "”」』" else None
            if quote_start is not None and "、" in text[quote_start:end]:
                bounds = self._items(text, depths, quote_start + 1, end - 1)
                etc = etc or text.endswith(self.etc_words, quote_start + 1, end - 1)
            elif quoted_count or self._named_kind(text, match):
                depth = depths[end - 1]
                start = end
                floor = max(0, end - MAX_SPAN)
                while start > floor and depths[start - 1] >= depth:
                    if text[start - 1] in CLAUSE_MARKS + "。！？" and depths[start - 1] == depth:
                        break
                    start -= 1
                bounds = self._items(text, depths, start, end)
            else:
                continue
            if bounds is None:
                continue
            yield from self._count_finding(sentence, match, count, bounds, etc, announced_first=False)

    @staticmethod
    def _quote_start(text: str, close: int) -> int | None:
        pairs = {"”": "“", "」": "「", "』": "『"}
        opening = pairs[text[close]]
        index = text.rfind(opening, 0, close)
        return index if index >= 0 else None

    def _count_before_list(
        self, sentence: Span, depths: list[int], counts: Sequence[regex.Match[str]]
    ) -> Iterator[Finding]:
        text = sentence.text
        for match in counts:
            if match.group("cls") not in self.announcing:
                continue
            count = _count_value(match.group("num"))
            if count is None or count < 2:
                continue
            intro = self.intro_after_re.match(text, match.end())
            if not intro:
                continue
            start = intro.end()
            depth = depths[start] if start < len(depths) else 0
            end = start
            ceiling = min(len(text), start + MAX_SPAN)
            while (
                end < ceiling
                and not (text[end] in "，,。；;！？" and depths[end] <= depth)
                and depths[end] >= depth
            ):
                end += 1
            if end == ceiling or (end < len(text) and text[end] in "；;"):
                continue  # the first of several ；-separated items
            segment = text[start:end].rstrip("。")
            etc = segment.endswith(self.etc_words) if self.etc_words else False
            bounds = self._items(text, depths, start, start + len(segment))
            if bounds is None:
                continue
            yield from self._count_finding(sentence, match, count, bounds, etc, announced_first=True)

    def _count_finding(
        self,
        sentence: Span,
        match: regex.Match[str],
        count: int,
        bounds: tuple[int, int],
        etc: bool,
        *,
        announced_first: bool,
    ) -> Iterator[Finding]:
        fewest, most = bounds
        if fewest > count:
            listed = f"{fewest}项" if fewest == most else f"至少{fewest}项"
        elif most < count and not etc:
            listed = f"{most}项" if fewest == most else f"至多{most}项"
        else:
            return
        where = "后文" if announced_first else "前文"
        yield Finding(
            sentence.start + match.start(),
            sentence.start + match.end(),
            f"数量与列举不一致：「{match.group()}」表示{count}项，但{where}列举了{listed}，请核对数量或补全列举",
        )

    def _announced_lists(self, doc: Document) -> Iterator[Finding]:
        """ "存在两方面问题，一是……二是……三是……": the count against the 一是 items that follow."""
        if "一是" not in doc.text:
            return
        markers = doc.markers
        paragraphs = doc.paragraphs
        for index, marker in enumerate(markers):
            if marker.kind != "shi" or marker.value != 1:
                continue
            paragraph = paragraphs[marker.paragraph]
            window_start = max(paragraph.start, marker.start - 40)
            if index and markers[index - 1].paragraph == marker.paragraph:
                window_start = max(window_start, markers[index - 1].end)
            before = doc.text[window_start : marker.start]
            announce = self.announce_re.search(before)
            if not announce and marker.at_paragraph_start and marker.paragraph:
                # "从五个方面发力：" ending the paragraph before the 一是 lines.
                previous = paragraphs[marker.paragraph - 1]
                window_start = max(previous.start, previous.end - 40)
                before = doc.text[window_start : previous.end]
                announce = self.announce_re.search(before) if before.endswith(("：", ":")) else None
            if not announce:
                continue
            count = _count_value(announce.group("num"))
            if count is None or count < 2:
                continue
            parent = any(
                m.kind == "shi"
                and m.paragraph == marker.paragraph
                and m.start < window_start + announce.start()
                for m in markers[max(0, index - 12) : index]
            )
            found = 1
            reset = False
            current_paragraph = marker.paragraph
            last = marker
            for later in markers[index + 1 :]:
                if later.kind != "shi":
                    if later.at_paragraph_start:
                        break
                    continue
                if later.value == found + 1 and (
                    later.paragraph == current_paragraph
                    or (later.paragraph == current_paragraph + 1 and later.at_paragraph_start)
                ):
                    found += 1
                    current_paragraph = later.paragraph
                    last = later
                    continue
                reset = later.value == 1 and later.paragraph == current_paragraph
                break
            if found == count or (reset and found < count) or (parent and found > count):
                continue
            if found < count and (found < 2 or not self._list_ends_here(doc, marker, last)):
                continue
            start = window_start + announce.start()
            text = announce.group("num") + announce.group("cls")
            severity = Severity.ERROR if found > count else Severity.WARNING
            yield Finding(
                start,
                start + len(text),
                f"数量与列举不一致：「{text}」表示{count}项，但其后“一是、二是……”列举了{found}项，请核对数量或补全列举",
                severity=severity,
            )

    def _slogans(self, doc: Document) -> Iterator[Finding]:
        """ "四个一批：关停取缔一批、整合搬迁一批、整改提升一批": the count against the items repeating its key."""
        for paragraph in doc.paragraphs:
            text = paragraph.text
            if not any(ch in text for ch in "两二三四五六七八九十"):
                continue
            depths: list[int] | None = None
            for match in self.slogan_re.finditer(text):
                if match.group("close"):
                    # A quoted slogan, maybe of several parts: "四查四看", "两手抓、两手硬".
                    opening = max(
                        text.rfind(mark, max(0, match.start() - 12), match.start() + 1) for mark in "“「『"
                    )
                    if opening < 0 or any(mark in text[opening : match.start()] for mark in "”」』"):
                        continue
                    shown_start, shown_end = opening + 1, match.end("head")
                    pairs = [
                        (_count_value(m.group("num")), [m.group("key")])
                        for m in self.slogan_part_re.finditer(text, shown_start, shown_end)
                    ]
                else:
                    head = match.group("head")
                    shown_start, shown_end = match.start(), match.end("head")
                    pairs = [(_count_value(match.group("num")), [head[:n] for n in range(len(head), 0, -1)])]
                if depths is None:
                    depths = _depths(text)
                items, ended, marks = self._slogan_items(text, depths, match.end())
                if not items or items[0].startswith(self.nested_starts):
                    continue
                quoted = bool(match.group("close"))
                for count, keys in pairs:
                    if count is None or count < 2:
                        continue
                    key = next((k for k in keys if self._slogan_item(items[0], k, quoted)), None)
                    if key is None:
                        continue
                    run = 0
                    for item in items:
                        if not self._slogan_item(item, key, quoted):
                            break
                        run += 1
                    if run < 2 or run == count:
                        continue
                    # A run of 、-joined items closed by ，；。 has ended: "就业安置一批、产业带动一批，全面消除……".
                    closed = (
                        run < len(items)
                        and all(m == "、" for m in marks[: run - 1])
                        and marks[run - 1] in "，,；;。"
                    )
                    if (
                        run < count
                        and not closed
                        and (run < len(items) or not ended or items[-1].endswith(self.etc_words))
                    ):
                        continue
                    if items[run - 1].endswith(self.etc_words):
                        continue
                    shown = text[shown_start:shown_end]
                    yield Finding(
                        paragraph.start + shown_start,
                        paragraph.start + shown_end,
                        f"数量与列举不一致：「{shown}」表示{count}项，但其后列举了{run}项，请核对数量或补全列举",
                    )
                    break

    def _shared_verb_slogans(self, doc: Document) -> Iterator[Finding]:
        """ "“双提升”：满意度、安全感均明显提升": the count against the items that share the slogan's verb."""
        if "”" not in doc.text:
            return
        for match in self.shared_verb_re.finditer(doc.text):
            count = _count_value(match.group("num")) if match.group("num") != "双" else 2
            items = match.group("list").split("、")
            # "服务能力、治理水平和群众满意度": the last item may hold two joined by a conjunction.
            joined = [piece for piece in self.item_split_re.split(items[-1], maxsplit=1) if piece]
            if len(joined) == 2 and all(len(piece) >= 2 for piece in joined):
                items[-1:] = joined
            items = [item for item in items if item]
            if count is None or len(items) < 2 or len(items) == count:
                continue
            if any(len(item) > self.max_item or _DIGIT_RE.search(item) for item in items):
                continue
            if match.group("list").endswith(self.etc_words) and len(items) < count:
                continue
            shown = match.group("slogan")
            yield Finding(
                match.start("slogan"),
                match.end("slogan"),
                f"数量与列举不一致：「{shown}」表示{count}项，但其后列举了{len(items)}项，请核对数量或补全列举",
            )

    def _slogan_items(
        self, text: str, depths: Sequence[int], start: int
    ) -> tuple[list[str], bool, list[str]]:
        """The items of the list starting at ``start``, whether the list plainly ends with its sentence,
        and the mark after each item."""
        items: list[str] = []
        marks: list[str] = []
        begin = start
        base = depths[start] if start < len(depths) else 0
        ceiling = min(len(text), start + 2 * MAX_SPAN)
        for i in range(start, ceiling):
            ch = text[i]
            if depths[i] < base:
                return items, False, marks
            if depths[i] != base:
                continue
            if ch in "。！？!?":
                items.append(text[begin:i].strip())
                marks.append(ch)
                kept = [(item, mark) for item, mark in zip(items, marks, strict=True) if item]
                return [item for item, _ in kept], True, [mark for _, mark in kept]
            if ch in "、，,；;":
                items.append(text[begin:i].strip())
                marks.append(ch)
                begin = i + 1
                if len(items) > MAX_PARTS:
                    return items, False, marks
        if ceiling == len(text):
            items.append(text[begin:ceiling].strip())
            marks.append("")
            kept = [(item, mark) for item, mark in zip(items, marks, strict=True) if item]
            return [item for item, _ in kept], True, [mark for _, mark in kept]
        return items, False, marks

    @staticmethod
    def _slogan_item(item: str, key: str, quoted: bool) -> bool:
        """True when ``item`` repeats the slogan's key: "关停取缔一批" for 一批, "查思想认识" for 查."""
        item = item.rstrip("等")
        if quoted and len(key) > 1:
            return key in item
        if len(key) == 1 and not quoted:
            return item.startswith(key)
        if key.startswith("一") and key in item:
            return True  # "两个一批：培育一批龙头企业"
        return (
            item.startswith(key)
            or item.startswith("一" + key)
            or item.endswith(key)
            or (quoted and key in item)
        )

    def _list_ends_here(self, doc: Document, first: Marker, last: Marker) -> bool:
        """True when a short 一是…二是 list plainly ends in its own paragraph, with nothing that goes on,
        or, one item a line, when every item but the last ends with ；and the last with 。."""
        if first.paragraph != last.paragraph:
            paragraphs = doc.paragraphs
            items = [paragraphs[i].text for i in range(first.paragraph, last.paragraph + 1)]
            if not all(item.endswith(("；", ";")) for item in items[:-1]) or not items[-1].endswith("。"):
                return False
            if last.paragraph + 1 < len(paragraphs):
                following = paragraphs[last.paragraph + 1].text
                if self.continuation_re.match(following) or _ITEM_LINE_RE.match(following):
                    return False
            return True
        paragraph = doc.paragraphs[last.paragraph]
        rest = doc.text[last.end : paragraph.end]
        return not self.continuation_re.search(rest)

    # ------------------------------------------------------------------ rates
    def _rate_value(self, doc: Document, sentence: Span, rate_end: int) -> Quantity | None:
        """The percentage stated right after a rate word, unless the words between make it a change."""
        text = sentence.text
        position = rate_end
        for _ in range(4):
            for filler in self.rate_fillers:
                if text.startswith(filler, position):
                    position += len(filler)
                    break
            else:
                break
        gap = text[rate_end:position]
        if self.change_re.search(gap):
            return None
        q = self._quantity_at(doc, sentence.start + position)
        if q is None or q.unit != "%" or not q.is_amount:
            return None
        after = text[q.end - sentence.start : q.end - sentence.start + 2]
        if after.startswith(("以上", "左右")) or (after and after[0] in "以-～~至到"):
            return None
        return q

    def _explained(self, text: str, end: int) -> bool:
        """True when a note in brackets right after a number explains it: "覆盖率102.3%（含外来务工人员）"."""
        if text[end : end + 1] not in "（(":
            return False
        close = _CLOSE_PAREN_RE.search(text, end, min(len(text), end + 40))
        return bool(close and self.note_re.search(text, end, close.start()))

    def _computed_rates(self, text: str) -> list[regex.Match[str]]:
        """Rates of a part over a whole: the listed ones, and "征收率" after "实际征收960万元" (its verb is used)."""
        rates = list(self.computed_rate_re.finditer(text))
        taken = {m.end() for m in rates}
        for m in self.stem_rate_re.finditer(text):
            stem = m.group("stem")
            if m.end() in taken or stem in self.non_computed_stems:
                continue
            if text.find(stem, max(0, m.start() - MAX_SPAN), m.start()) >= 0:
                rates.append(m)
        return sorted(rates, key=lambda m: m.start())

    def _rates(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        text = sentence.text
        flagged: set[int] = set()
        for rate in self.bounded_rate_re.finditer(text):
            q = self._rate_value(doc, sentence, rate.end())
            if q is None or q.start in flagged:
                continue
            low, _ = _bounds(q)
            if low > 100 + 1e-9 and not self._explained(text, q.end - sentence.start):
                flagged.add(q.start)
                yield Finding(
                    q.start,
                    q.end,
                    f"比率超过100%：「{rate.group()}」不可能达到{q.text}，请核对数字",
                )
        for rate in self._computed_rates(text):
            window = sentence.start + max(0, rate.start() - MAX_SPAN)
            q = self._rate_value(doc, sentence, rate.end())
            if q is None or q.start in flagged or q.approximate:
                continue
            before = [
                x
                for x in self._quantities_in(doc, window, sentence.start + rate.start())
                if self._family(x) and not x.approximate
            ]
            if any(x.unit == "%" for x in self._quantities_in(doc, window, sentence.start + rate.start())):
                continue
            families: dict[str, list[Quantity]] = {}
            for x in before:
                families.setdefault(self._family(x) or "", []).append(x)
            pairs = [v for v in families.values() if len(v) == 2]
            if len(pairs) != 1 or len(families) > 2:
                continue
            first, second = pairs[0]
            a, b = first.value, second.value
            if a <= 0 or b <= 0:
                continue
            candidates = [b / a * 100, a / b * 100, b / (a + b) * 100, a / (a + b) * 100]
            candidates += [(a - b) / a * 100, (b - a) / b * 100]  # "抽检200批次，不合格3批次，合格率98.5%"
            decimals = len(q.text.split(".")[1].rstrip("%％")) if "." in q.text else 0
            tolerance = 0.5 * 10.0**-decimals + 0.1
            if any(abs(q.value - c) <= tolerance for c in candidates):
                continue
            expected = min(b / a, a / b) * 100 if q.value <= 100 else max(b / a, a / b) * 100
            yield Finding(
                q.start,
                q.end,
                f"比率与数字不符：由{first.text}和{second.text}算得{rate.group()}约为{format_number(round(expected, 1))}%，"
                f"文中写作{q.text}，请核对",
            )

    # -------------------------------------------------------- derived numbers
    def _averages(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "86户320人，户均3.2人": an average against the total and the count it is taken over."""
        text = sentence.text
        base = sentence.start
        for match in self.average_re.finditer(text):
            period = match.group("p1") or match.group("p2") or match.group("p3")
            per = match.group("u1") or match.group("u2") or match.group("u3") or period or ""
            per_family = self.family.get(per, per)
            stated = next(
                iter(self._quantities_in(doc, base + match.end(), base + min(len(text), match.end() + 30))),
                None,
            )
            if stated is None or not stated.is_amount:
                continue
            gap = text[match.end() : stated.start - base]
            if len(gap) > 8 or not _HAN_RE.fullmatch(gap) or self.average_change_re.search(gap):
                continue
            family = self._family(stated)
            if family is None or family == per_family:
                continue
            window = max(0, match.start() - MAX_SPAN)
            before = [q for q in self._quantities_in(doc, base + window, base + match.start()) if q.is_amount]
            totals = [q for q in before if self._family(q) == family]
            total_after = False
            if not totals and not period:
                # "1200人，人均可支配收入1.5万元，……可支配收入总额2400万元": the total after the average.
                after = self._quantities_in(
                    doc, stated.end, base + min(len(text), stated.end - base + MAX_SPAN)
                )
                totals = [q for q in after if q.is_amount and self._family(q) == family]
                total_after = len(totals) == 1 and bool(
                    self.total_word_re.search(self._clause_before(text, totals[0].start - base))
                )
                if not total_after:
                    continue
            if period:
                # "全年召开会议24次，平均每月2次": a year holds 12 months.
                year = self.year_word_re.search(text, window, match.start())
                if year is None or len(totals) != 1 or totals[0].start - base < year.start():
                    continue
                months = self.periods_per_year[period]
                count = Quantity(
                    year.start() + base, year.end() + base, year.group(), months, per, per, False, True
                )
            else:
                counts = [
                    q
                    for q in before
                    if self._counts_units(
                        text[max(0, q.start - base - 3) : q.end - base + 4], q, per, per_family
                    )
                ]
                if len(counts) != 1 or counts[0].value < 2:
                    continue
                count = counts[0]
            if len(totals) != 1:
                continue
            total = totals[0]
            total_prefix = text[max(0, total.start - base - 3) : total.start - base]
            if "均" in total_prefix or "每" in total_prefix:
                continue
            noun = self.average_filler_pattern.sub("", gap)
            if (
                noun
                and noun not in self.unit_nouns.get(stated.written_unit or "", ())
                and not any(
                    self._share_words(noun, self._clause_before(text, q.start - base, stop_at_list=False))
                    for q in (total, count)
                )
            ):
                continue  # "粮食播种面积10万亩，户均耕地5.6亩": the average is of something else
            t_low, t_high = _bounds(total)
            c_low, c_high = _bounds(count)
            s_low, s_high = _bounds(stated)
            if math.isinf(t_high) or math.isinf(c_high) or math.isinf(s_high):
                continue
            expected = total.value / count.value
            slack = (
                _stated_step(stated)
                + _half_step(total) / count.value
                + total.value * _half_step(count) / count.value**2
                + 0.05 * expected
            )
            low_expected, high_expected = t_low / c_high, t_high / max(c_low, 1e-9)
            if s_low - slack <= high_expected and low_expected <= s_high + slack:
                continue
            if total_after:
                unit = display_unit(total)
                product = stated.value * count.value
                yield Finding(
                    total.start,
                    total.end,
                    f"总数与平均数不符：由{count.text}和{match.group()}{stated.text}算得总数约为"
                    f"{format_quantity(product, unit)}，文中写作{total.text}，请核对",
                )
                continue
            unit = display_unit(stated)
            source = (
                f"{count.text}{total.text}按{format_number(count.value)}个{per}计，"
                if period
                else f"{total.text}和{count.text}"
            )
            yield Finding(
                stated.start,
                stated.end,
                f"平均数与总数不符：由{source}算得{match.group()}约为"
                f"{format_quantity(round(expected, 2) if expected < 1e4 else round(expected), unit)}，"
                f"文中写作{stated.text}，请核对",
            )

    def _counts_units(self, around: str, q: Quantity, per: str, per_family: str) -> bool:
        """True when ``q`` counts what an average is taken over: 86户 for 户均, "15所学校" for 校均.

        ``around`` is ``q`` with the words just before and after it, which name what a general classifier counts."""
        if not q.is_amount or not q.unit:
            return False
        if self.family.get(q.unit, q.unit) == per_family:
            return True
        return q.unit in self.general_classifiers and per in around

    @staticmethod
    def _clause_before(text: str, end: int, *, stop_at_list: bool = True) -> str:
        start = end
        marks = CLAUSE_MARKS + "。、" if stop_at_list else CLAUSE_MARKS + "。"
        while start > 0 and end - start < 40 and text[start - 1] not in marks:
            start -= 1
        return text[start:end]

    @staticmethod
    def _share_words(first: str, second: str) -> bool:
        """True when two names share a two-character word or two characters: "招生" and "招收新生"."""
        if any(first[i : i + 2] in second for i in range(len(first) - 1)):
            return True
        common = set(first) & set(second)
        return len(common) >= 2 or (len(first) == 1 and first in second)

    def _changes(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "120万人次，比上年的100万人次增长25%", "由12.3%降至0，下降了13.3个百分点"."""
        text = sentence.text
        base = sentence.start
        if self.real_growth_re.search(text):
            return  # growth at comparable prices need not match the current-price values
        for cue in self.compare_re.finditer(text):
            previous = self._quantity_at(doc, base + cue.end())
            if previous is None or not previous.is_amount or previous.approximate:
                continue
            doubled = self.doubling_re.match(text, previous.end - base)
            if doubled:
                current = self._current_before(doc, sentence, cue.start(), previous)
                if current is not None:
                    yield from self._judge_doubling(current, previous, doubled, base)
                continue
            change = self.change_after_re.match(text, previous.end - base)
            if not change:
                continue
            stated = self._quantity_at(doc, base + change.end())
            if stated is None:
                continue
            family = self._family(previous) or ("%" if previous.unit == "%" else None)
            if family is None:
                continue
            current = next(
                (
                    q
                    for q in reversed(
                        self._quantities_in(doc, base + max(0, cue.start() - 40), base + cue.start())
                    )
                    if q.is_amount and (self._family(q) or q.unit) == family
                ),
                None,
            )
            if current is None or current.approximate or "。" in text[current.end - base : cue.start()]:
                continue
            if _cut_number(text, current.start - base) or _cut_number(text, previous.start - base):
                continue
            yield from self._judge_change(current, previous, stated, change.group("verb"))
        for cue in self.stated_base_re.finditer(text):
            previous = self._quantity_at(doc, base + cue.end())
            if previous is None or not previous.is_amount or previous.approximate:
                continue
            change = self.stated_change_re.match(text, previous.end - base)
            stated = self._quantity_at(doc, base + change.end()) if change else None
            if change is None or stated is None:
                continue
            current = self._current_before(doc, sentence, cue.start() - 1, previous)
            if current is None or _cut_number(text, current.start - base):
                continue
            if sum(1 for ch in text[current.end - base : cue.start()] if ch in CLAUSE_MARKS) > 1:
                continue  # the current value is not in the clause just before the base
            yield from self._judge_change(current, previous, stated, change.group("verb"))
        for cue in self.from_to_re.finditer(text):
            previous = self._quantity_at(doc, base + cue.end())
            if previous is None or not previous.is_amount or previous.approximate:
                continue
            to = self.to_re.match(text, previous.end - base)
            if not to:
                continue
            current = self._quantity_at(doc, base + to.end())
            if current is None or not current.is_amount or current.approximate:
                continue
            doubled = self.doubling_re.match(text, current.end - base)
            if doubled and (self._family(current) or current.unit) == (
                self._family(previous) or previous.unit
            ):
                yield from self._judge_doubling(current, previous, doubled, base)
                continue
            change = self.change_after_re.match(text, current.end - base)
            if not change:
                continue
            stated = self._quantity_at(doc, base + change.end())
            if stated is None:
                continue
            if current.unit is None and current.value == 0 and previous.unit == "%":
                current = Quantity(current.start, current.end, current.text, 0.0, "%", "%", False, False)
            if (self._family(current) or current.unit) != (self._family(previous) or previous.unit):
                continue
            yield from self._judge_change(current, previous, stated, change.group("verb"))

    def _current_before(
        self, doc: Document, sentence: Span, cue_start: int, previous: Quantity
    ) -> Quantity | None:
        """The value compared with ``previous``: the last number of its unit just before the comparison."""
        text = sentence.text
        base = sentence.start
        family = self._family(previous)
        if family is None:
            return None
        current = next(
            (
                q
                for q in reversed(self._quantities_in(doc, base + max(0, cue_start - 40), base + cue_start))
                if q.is_amount and self._family(q) == family
            ),
            None,
        )
        if current is None or current.approximate or "。" in text[current.end - base : cue_start]:
            return None
        return current

    def _judge_doubling(
        self, current: Quantity, previous: Quantity, doubled: regex.Match[str], base: int
    ) -> Iterator[Finding]:
        """ "由1200万元增长到1800万元，实现翻番": doubling (翻一番 ×2, 翻两番 ×4) against the two values."""
        if previous.value <= 0 or previous.approximate or current.approximate or not self._family(current):
            return
        times = _count_value(doubled.group("n")) if doubled.group("n") else 1
        factor = 2.0 ** (times or 1)
        ratio = current.value / previous.value
        slack = (_half_step(current) + current.value * _half_step(previous) / previous.value) / previous.value
        if ratio + slack >= factor * 0.99:
            return
        word = doubled.group("verb")
        yield Finding(
            base + doubled.start("verb"),
            base + doubled.end("verb"),
            f"翻番与数字不符：由{previous.text}变为{current.text}，是原来的{format_number(round(ratio, 2))}倍，"
            f"不到{format_number(factor)}倍，不能称“{word}”，请核对",
        )

    def _increments(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "完成投资18亿元，比上年增加3亿元，增长15%": the rate against the value and its increment."""
        text = sentence.text
        base = sentence.start
        if self.real_growth_re.search(text):
            return
        for cue in self.increment_re.finditer(text):
            delta = self._quantity_at(doc, base + cue.end())
            if delta is None or not delta.is_amount or delta.approximate or not self._family(delta):
                continue
            change = self.change_after_re.match(text, delta.end - base)
            if not change or not _COMPARE_COMMA_RE.match(text[delta.end - base : change.start("verb")]):
                continue
            stated = self._quantity_at(doc, base + change.end())
            if stated is None or stated.unit != "%" or not stated.is_amount or stated.approximate:
                continue
            family = self._family(delta)
            current = next(
                (
                    q
                    for q in reversed(
                        self._quantities_in(doc, base + max(0, cue.start() - 40), base + cue.start())
                    )
                    if q.is_amount and self._family(q) == family
                ),
                None,
            )
            if current is None or current.approximate or _cut_number(text, current.start - base):
                continue
            down = cue.group("verb") in self.decrease_words or cue.group("verb") == "少"
            if down != (change.group("verb") in self.decrease_words):
                continue  # "减少3亿元，增长5%": not one change told twice
            previous_value = current.value + delta.value if down else current.value - delta.value
            if previous_value <= 0:
                continue
            expected = delta.value / previous_value * 100
            slack = (
                _percent_step(stated)
                + 0.1
                + 100 * _half_step(delta) / previous_value
                + 100 * delta.value * (_half_step(current) + _half_step(delta)) / previous_value**2
            )
            if abs(stated.value - expected) <= slack:
                continue
            unit = display_unit(current)
            yield Finding(
                stated.start,
                stated.end,
                f"增减幅度与数字不符：由{current.text}和{cue.group('verb')}{delta.text}推算上年为"
                f"{format_quantity(previous_value, unit)}，应为{change.group('verb')}{format_number(round(expected, 1))}%，"
                f"文中写作{stated.text}，请核对",
            )

    def _remaining(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        """ "排查隐患52处，已整改48处，剩余5处": the total against what was done and what remains."""
        text = sentence.text
        base = sentence.start
        for cue in self.remaining_re.finditer(text):
            start = cue.start()
            if not start or text[start - 1] not in CLAUSE_MARKS or depths[start]:
                continue
            rest = [
                q
                for q in self._quantities_in(doc, base + cue.end(), base + min(len(text), cue.end() + 6))
                if self._family(q)
            ]
            if not rest or rest[0].start - base > cue.end() + 2 or rest[0].approximate:
                continue
            remainder = rest[0]
            family = self._family(remainder)
            # Back through the clauses before: one number of this unit in each, the first being the total.
            window = max(0, start - 1 - MAX_SPAN)
            clauses = self._clauses(text, depths, window, start - 1, CLAUSE_MARKS)[1 if window else 0 :]
            found: list[Quantity] = []
            for c_start, c_end in reversed(clauses):
                same = [
                    q
                    for q in self._quantities_in(doc, base + c_start, base + c_end)
                    if self._family(q) == family
                ]
                if (
                    len(same) != 1
                    or same[0].approximate
                    or depths[c_start]
                    or self._not_a_part(text[c_start : same[0].start - base])
                ):
                    break
                found.append(same[0])
            if len(found) < 2:
                continue
            total, parts = found[-1], found[-2::-1]
            if not self.total_clause_re.search(text, max(0, total.start - base - 12), total.start - base):
                continue  # the first number must be a total: "共排查", "累计受理", "全年收到"
            done = sum(q.value for q in parts) + remainder.value
            if abs(done - total.value) <= 1e-6 * max(1.0, total.value) or any(
                _resolution(q) for q in (*parts, remainder, total)
            ):
                continue
            unit = display_unit(total)
            terms = "+".join(q.text for q in (*parts, remainder))
            yield Finding(
                total.start,
                total.end,
                f"合计与分项不一致：合计为{total.text}，已完成与剩余之和为{format_quantity(done, unit)}（{terms}），请核对",
            )

    def _share_sums(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "其中男性占52%、女性占50%": the shares of the parts of one whole add up to more than 100%."""
        text = sentence.text
        base = sentence.start
        among = text.find("其中")
        if among < 0:
            return
        shares: list[Quantity] = []
        for share in self.share_re.finditer(text, among):
            if text.endswith("均", 0, share.start()):
                continue
            stated = self._rate_value(doc, sentence, share.end())
            if stated is None:
                continue
            shares.append(stated)
            if text.endswith("分别", 0, share.start()):
                named = {
                    self._family(q) for q in self._quantities_in(doc, base + among, base + share.start())
                }
                if len(named - {None}) > 1:
                    return  # "工业项目30个、投资80亿元，分别占60%和66.7%": shares of two wholes
                # "分别占45%、35%和30%": the other shares follow.
                position = stated.end - base
                while position < len(text) and text[position] in "、和及与":
                    following = self._quantity_at(doc, base + position + 1)
                    if following is None or following.unit != "%":
                        break
                    shares.append(following)
                    position = following.end - base
        shares = [q for q in dict.fromkeys(shares) if q.is_amount and not q.approximate]
        if len(shares) < 2:
            return
        total = sum(q.value for q in shares)
        if total <= 100 + sum(_percent_step(q) for q in shares) + 1e-6:
            return
        last = shares[-1]
        terms = "+".join(q.text for q in shares)
        yield Finding(
            last.start,
            last.end,
            f"占比之和超过100%：各分项占比合计{format_number(round(total, 2))}%（{terms}），请核对",
        )

    def _judge_change(
        self, current: Quantity, previous: Quantity, stated: Quantity, verb: str
    ) -> Iterator[Finding]:
        if not stated.is_amount or stated.approximate or previous.value <= 0:
            return
        sign = -1.0 if verb in self.decrease_words else 1.0
        if stated.unit == "百分点" and current.unit == "%" and previous.unit == "%":
            expected = current.value - previous.value
            slack = _percent_step(stated) + _half_step(current) + _half_step(previous) + 1e-6
            shown = f"{format_number(round(abs(expected), 2))}个百分点"
        elif stated.unit == "%" and current.unit != "%" and self._family(current):
            expected = (current.value - previous.value) / previous.value * 100
            slack = (
                _percent_step(stated)
                + 0.1
                + 100 * _half_step(current) / previous.value
                + 100 * current.value * _half_step(previous) / previous.value**2
            )
            shown = f"{format_number(round(abs(expected), 1))}%"
        elif stated.unit == "倍" and current.unit != "%" and self._family(current) and sign > 0:
            # "增长1.5倍" is read as (A-B)/B by the standard and as A/B by many writers: accept either.
            ratio = current.value / previous.value
            slack = _percent_step(stated) + 0.05 * ratio
            if min(abs(stated.value - ratio), abs(stated.value - (ratio - 1))) <= slack:
                return
            yield Finding(
                stated.start,
                stated.end,
                f"增减幅度与数字不符：由{previous.text}变为{current.text}，是原来的{format_number(round(ratio, 2))}倍"
                f"（增长{format_number(round(ratio - 1, 2))}倍），文中写作{verb}{stated.text}，请核对",
            )
            return
        else:
            return
        if abs(sign * stated.value - expected) <= slack:
            return
        direction = "增长" if expected > 0 else "下降"
        yield Finding(
            stated.start,
            stated.end,
            f"增减幅度与数字不符：由{previous.text}变为{current.text}，应为{direction}{shown}，"
            f"文中写作{verb}{stated.text}，请核对",
        )

    def _shares(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "1.2万人，其中老年人3100人，占比35%": a share against its part and whole."""
        text = sentence.text
        base = sentence.start
        for share in self.share_re.finditer(text):
            if text.endswith(("分别", "均"), 0, share.start()):
                continue  # "分别占60%和66.7%": shares of several parts
            stated = self._rate_value(doc, sentence, share.end())
            if stated is None or stated.approximate:
                continue
            among = text.rfind("其中", max(0, share.start() - MAX_SPAN), share.start())
            if among <= 0 or text[among - 1] not in CLAUSE_MARKS:
                # "186个行政村中，已有150个村……，占比80.6%": the whole is counted before 中.
                middles = list(
                    self.whole_among_re.finditer(text, max(0, share.start() - MAX_SPAN), share.start())
                )
                if not middles:
                    continue
                middle = middles[-1]
                among = middle.end()
                clause_start = middle.start()
            else:
                clause_start = among - 1
            while clause_start > 0 and text[clause_start - 1] not in CLAUSE_MARKS + "。":
                clause_start -= 1
            inside = [
                q for q in self._quantities_in(doc, base + among, base + share.start()) if self._family(q)
            ]
            if not inside or any(
                q.unit == "%" for q in self._quantities_in(doc, base + among, base + share.start())
            ):
                continue
            candidates = self._quantities_in(doc, base + clause_start, base + among)
            # The part is the last number of a unit the whole is counted in ("150个村……超过10万元" of 186个村).
            paired = next(
                (
                    (q, wholes)
                    for q in reversed(inside)
                    if len(wholes := [w for w in candidates if self._family(w) == self._family(q)]) == 1
                ),
                None,
            )
            if paired is None:
                continue
            part, (whole,) = paired
            if sum(1 for ch in text[part.end - base : share.start()] if ch in CLAUSE_MARKS + "、") > 1:
                continue  # the share is not right after its part
            if part.approximate or whole.approximate or whole.value <= 0:
                continue
            expected = part.value / whole.value * 100
            slack = (
                _percent_step(stated)
                + 0.1
                + 100 * _half_step(part) / whole.value
                + 100 * part.value * _half_step(whole) / whole.value**2
            )
            if abs(stated.value - expected) <= slack:
                continue
            yield Finding(
                stated.start,
                stated.end,
                f"占比与数字不符：由{part.text}和{whole.text}算得占比约为{format_number(round(expected, 1))}%，"
                f"文中写作{stated.text}，请核对",
            )

    def _of_whole(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "完成造林2.4万亩，为年度任务2万亩的120%": a ratio against the two numbers it is taken from;
        "占全县税收总额的112%": a part of a total over 100%."""
        text = sentence.text
        base = sentence.start
        for cue in self.of_whole_re.finditer(text):
            whole = self._quantity_at(doc, base + cue.end())
            if whole is None or not self._family(whole) or whole.approximate or whole.value <= 0:
                continue
            if not text.startswith("的", whole.end - base):
                continue
            stated = self._quantity_at(doc, whole.end + 1)
            if stated is None or stated.unit != "%" or not stated.is_amount or stated.approximate:
                continue
            clause_start = cue.start() - 1
            while clause_start > 0 and text[clause_start - 1] not in CLAUSE_MARKS + "。":
                clause_start -= 1
            family = self._family(whole)
            parts = [
                q
                for q in self._quantities_in(doc, base + clause_start, base + cue.start())
                if self._family(q) == family
            ]
            if len(parts) != 1 or parts[0].approximate or _cut_number(text, parts[0].start - base):
                continue
            part = parts[0]
            expected = part.value / whole.value * 100
            # The whole is a plan or a base, written as it is: "2万亩" is 20000亩, not 1.5-2.5万亩.
            slack = (
                _percent_step(stated)
                + 0.1
                + 100 * _half_step(part) / whole.value
                + 100 * part.value * _resolution(whole) / 2 / whole.value**2
            )
            if abs(stated.value - expected) <= slack:
                continue
            yield Finding(
                stated.start,
                stated.end,
                f"比率与数字不符：由{part.text}和{whole.text}算得应为{format_number(round(expected, 1))}%，"
                f"文中写作{stated.text}，请核对",
            )
        for share in self.share_of_total_re.finditer(text):
            if not any(word in share.group("whole") for word in self.whole_words):
                continue
            stated = self._quantity_at(doc, base + share.end())
            if stated is None or stated.unit != "%" or not stated.is_amount:
                continue
            if _bounds(stated)[0] > 100 + 1e-9 and not self._explained(text, stated.end - base):
                yield Finding(
                    stated.start,
                    stated.end,
                    f"比率超过100%：部分占「{share.group('whole')}」的比重不可能达到{stated.text}，请核对数字",
                )

    def _dated_counts(self, doc: Document, sentence: Span, depths: list[int]) -> Iterator[Finding]:
        """ "召开专题会议3次，分别于5月、7月召开": a count of events against the times or places listed."""
        text = sentence.text
        base = sentence.start
        for cue in self.respectively_re.finditer(text):
            if depths[cue.start()]:
                continue
            count = next(
                (
                    q
                    for q in reversed(
                        self._quantities_in(doc, base + max(0, cue.start() - 12), base + cue.start())
                    )
                ),
                None,
            )
            if (
                count is None
                or count.end != base + cue.start()
                or count.written_unit not in self.event_units
                or not count.is_amount
                or count.approximate
                or not 2 <= count.value <= 12
            ):
                continue
            end = cue.end()
            while end < len(text) and end - cue.end() < 60 and text[end] not in "，,。；;：:！？（(":
                end += 1
            segment = text[cue.end() : end]
            pieces = segment.split("、")
            joined = [piece for piece in self.item_split_re.split(pieces[-1], maxsplit=1) if piece]
            if len(joined) == 2 and all(len(piece) >= 2 for piece in joined):
                pieces[-1:] = joined
            if len(pieces) < 2 or any(not piece or len(piece) > self.max_item for piece in pieces[:-1]):
                continue
            if (
                any(word in segment for word in self.etc_words)
                or "各" in segment
                or any(q.written_unit == count.written_unit for q in find_quantities(segment))
            ):
                continue  # "分别于上半年和下半年各召开2次": the events are counted per item
            if len(pieces) == count.value:
                continue
            yield Finding(
                count.start,
                count.end,
                f"数量与列举不一致：「{count.text}」与其后“分别”列举的{len(pieces)}项不符，请核对次数或补全列举",
            )

    def _durations(self, sentence: Span) -> Iterator[Finding]:
        """ "历时两个月（3月1日至5月31日）": a stated duration against the dates beside it."""
        text = sentence.text
        if "至" not in text and "到" not in text and "—" not in text and "-" not in text:
            return
        for match in self.duration_re.finditer(text):
            try:
                stated = parse_number(match.group("n"))
            except NumberFormatError:
                continue
            unit = match.group("unit")
            window_start = max(0, match.start() - 30)
            window_end = min(len(text), match.end() + 30)
            ranges = [
                r
                for r in self.date_range_re.finditer(text, window_start, window_end)
                if r.end() <= match.start() or r.start() >= match.end()
            ]
            if len(ranges) != 1:
                continue
            span = ranges[0]
            between = (
                text[span.end() : match.start()]
                if span.end() <= match.start()
                else text[match.end() : span.start()]
            )
            if len(between) > 4 or _STOP_MARK_RE.search(between):
                continue
            expected = _range_length(span, unit)
            if expected is None:
                continue
            low, high = expected
            if low - 1e-9 <= stated <= high + 1e-9:
                continue
            shown = (
                format_number(round((low + high) / 2, 1)) if unit in ("个月", "周") else format_number(high)
            )
            yield Finding(
                sentence.start + match.start("n"),
                sentence.start + match.end("unit"),
                f"时长与日期不符：{span.group()}约为{shown}{unit}，文中写作{match.group('n')}{unit}，请核对",
            )

    def _ratios(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "按1:2的比例为13名书记储备后备人选26人": the two numbers after a ratio against it."""
        text = sentence.text
        base = sentence.start
        for match in self.ratio_re.finditer(text):
            a, b = float(match.group("a")), float(match.group("b"))
            if not a or not b or a == b:
                continue
            end = min(len(text), match.end() + 40)
            following = [
                q for q in self._quantities_in(doc, base + match.end(), base + end) if self._family(q)
            ]
            if len(following) < 2:
                continue
            if self._family(following[0]) != self._family(following[1]) and not all(
                q.unit in self.ratio_count_units for q in following[:2]
            ):
                continue
            first, second = following[:2]
            if (
                "。" in text[first.end - base : second.start - base]
                or first.approximate
                or second.approximate
            ):
                continue
            if any(abs(second.value - first.value * k) < 1 + 1e-9 for k in (b / a, a / b)):
                continue
            expected = first.value * b / a
            yield Finding(
                second.start,
                second.end,
                f"数字与比例不符：按{match.group('a')}:{match.group('b')}的比例，{first.text}对应"
                f"{format_quantity(expected, display_unit(second))}，文中写作{second.text}，请核对",
            )

    def _conversions(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "1.2万亩（合800公顷）": a number told again in another unit must be the same amount."""
        text = sentence.text
        base = sentence.start
        if not any(mark in text for mark in ("（", "(", "合")):
            return
        for first in self._quantities_in(doc, base, sentence.end):
            if first.unit not in self.conversions or first.approximate:
                continue
            link = self.conversion_link_re.match(text, first.end - base)
            if not link:
                continue
            second = self._quantity_at(doc, base + link.end())
            if second is None or second.unit not in self.conversions[first.unit] or not second.is_amount:
                continue
            factor = self.conversions[first.unit][second.unit]
            expected = first.value * factor
            slack = _half_step(second) + _half_step(first) * factor + 0.02 * expected
            if second.approximate or link.group().strip("（(，,") == "约合":
                slack += 0.1 * expected
            if abs(second.value - expected) <= slack:
                continue
            yield Finding(
                second.start,
                second.end,
                f"单位换算不符：{first.text}约合{format_quantity(expected, display_unit(second))}，"
                f"文中写作{second.text}，请核对",
            )

    def _colon_parts(self, doc: Document) -> Iterator[Finding]:
        """ "全镇共有学校12所：中学2所；小学7所；幼儿园4所。" (on one line or one a line),
        "班子成员5人：书记、镇长各1人，副镇长2人": parts after a colon cannot add up to more than the total."""
        text = doc.text
        quantities = doc.quantities
        if not quantities:
            return
        ends = [q.end for q in quantities]
        paragraphs = doc.paragraphs
        paragraph_starts = [p.start for p in paragraphs]
        for colon in self.colon_total_re.finditer(text):
            index = bisect.bisect_right(ends, colon.start()) - 1
            if index < 0:
                continue
            total = quantities[index]
            noun = text[total.end : colon.start()]
            family = self._family(total)
            if (
                family is None
                or total.approximate
                or len(noun) > 6
                or not _HAN_RE.fullmatch(noun)
                or noun.endswith(self.colon_skip_nouns)
            ):
                continue
            at = bisect.bisect_right(paragraph_starts, colon.start()) - 1
            if at < 0:
                continue
            paragraph = paragraphs[at]
            floor = max(paragraph.start, total.start - MAX_SPAN)
            clause_start = max(
                (text.rfind(mark, floor, total.start) for mark in CLAUSE_MARKS + "。"), default=-1
            )
            if self._not_a_part(text[max(clause_start + 1, floor) : total.start]):
                continue
            # The parts: the rest of the paragraph, or the short lines after it up to one ending with 。.
            regions: list[tuple[int, int]] = []
            if colon.end() < paragraph.end:
                # Up to the end of the sentence (or a second colon, which starts another list).
                stop = self.colon_list_end_re.search(
                    text, colon.end(), min(paragraph.end, colon.end() + 2 * MAX_SPAN)
                )
                regions.append(
                    (colon.end(), stop.start() if stop else min(paragraph.end, colon.end() + 2 * MAX_SPAN))
                )
            else:
                for line in paragraphs[paragraph.index + 1 : paragraph.index + 1 + MAX_PARTS]:
                    if len(line.text) > self.max_item * 3:
                        break
                    regions.append((line.start, line.end))
                    if not line.text.endswith(("；", ";", "，", ",")):
                        break
            parts = self._colon_items(doc, regions, family)
            if parts is None or len(parts) < 2:
                continue
            part_sum = sum(value for value, _ in parts)
            if part_sum > total.value + 1e-6 * max(1.0, total.value):
                unit = display_unit(total)
                terms = "+".join(shown for _, shown in parts)
                yield Finding(
                    total.start,
                    total.end,
                    f"合计与分项不一致：合计为{format_quantity(total.value, unit)}，其后各分项之和为"
                    f"{format_quantity(part_sum, unit)}（{terms}），分项之和超过合计，请核对合计或分项数字",
                )

    def _colon_items(
        self, doc: Document, regions: Sequence[tuple[int, int]], family: str
    ) -> list[tuple[float, str]] | None:
        """(value, shown) of each part in ``regions``; None when the list cannot be summed."""
        text = doc.text
        parts: list[tuple[float, str]] = []
        for number, (region_start, region_end) in enumerate(regions):
            segment = text[region_start:region_end]
            cue = self.part_cue_re.search(segment)
            if (
                (cue and (number or cue.start()))  # "中学2所，其中高中1所": a part of a part
                or self.open_list_re.search(segment)
                or self.overlap_re.search(segment)
                or any(start in segment for start in self.nested_starts)
            ):
                return None  # an open list, overlapping groups, or items of their own ("一是……")
            depths = _depths(segment)
            for c_start, c_end in self._clauses(segment, depths, 0, len(segment), "，,；;。"):
                found = self._quantities_in(doc, region_start + c_start, region_start + c_end)
                if any(depths[q.start - region_start] for q in found):
                    return None
                same = [q for q in found if self._family(q) == family]
                if not same:
                    continue
                if any(q.approximate or not q.is_amount or (q.chinese and q.value == 1) for q in same):
                    return None  # "培育一批、引进一批": a slogan, not a count
                prefix = text[region_start + c_start : same[0].start]
                if len(same) == 1 and prefix.endswith("各"):
                    # "党委书记、镇长、纪委书记各1人": one part for each name.
                    names = prefix[:-1].strip()
                    if not names or _DIGIT_RE.search(names):
                        return None
                    count = names.count("、") + 1 + len(self.conjunction_re.findall(names))
                    parts.append((same[0].value * count, f"{count}×{same[0].text}"))
                    continue
                previous_end = region_start + c_start
                for q in same:
                    if self._not_a_part(text[previous_end : q.start]) or "各" in text[previous_end : q.start]:
                        return None
                    parts.append((q.value, q.text))
                    previous_end = q.end
        return parts

    def _households(self, doc: Document) -> Iterator[Finding]:
        quantities = doc.quantities
        text = doc.text
        for first, second in itertools.pairwise(quantities):
            if (
                # "4户3人", "86户、63人": households and their persons side by side.
                (first.end == second.start or text[first.end : second.start] in self.household_links)
                and first.written_unit in self.household_units
                and second.written_unit in self.person_units
                and first.is_amount
                and second.is_amount
                and not first.approximate
                and not second.approximate
                and second.value < first.value
            ):
                yield Finding(
                    first.start,
                    second.end,
                    f"户数与人数矛盾：「{text[first.start : second.end]}」人数少于户数，请核对数字",
                )


_DATE = r"(?:(?P<{p}y>\d{{4}})年{q})?(?:(?P<{p}m>\d{{1,2}})月)?(?:(?P<{p}d>\d{{1,2}})日)?"
_DATE_RANGE_RE = regex.compile(
    _DATE.format(p="a", q="?") + r"(?:至|到|—|－|-|～|~)" + _DATE.format(p="b", q="") + r"(?<=[年月日])"
)


def _range_length(span: regex.Match[str], unit: str) -> tuple[float, float] | None:
    """The length of a date range in ``unit`` (个月, 天/日, 周, 年): (fewest, most), counting both ends or one."""
    ay, am, ad = span.group("ay"), span.group("am"), span.group("ad")
    by, bm, bd = span.group("by"), span.group("bm"), span.group("bd")
    if unit == "年":
        if not (ay and by) or am or ad or bm or bd:
            return None
        years = int(by) - int(ay)
        return float(years), float(years + 1)
    if not (am and ad and bd):
        return None
    first_year = int(ay) if ay else 2023
    last_year = int(by) if by else first_year
    try:
        first = datetime.date(first_year, int(am), int(ad))
        last = datetime.date(last_year, int(bm) if bm else int(am), int(bd))
    except ValueError:
        return None
    days = (last - first).days + 1
    if days < 2:
        return None
    if unit in ("天", "日"):
        return float(days - 1), float(days)
    if unit == "周":
        return days / 7 - 0.6, days / 7 + 0.6
    months = days / 30.44
    return months - 0.6, months + 0.6


_STARTS_CACHE: dict[int, tuple[Document, list[int]]] = {}


def _quantity_starts(doc: Document) -> list[int]:
    cached = _STARTS_CACHE.get(id(doc))
    if cached is None or cached[0] is not doc:
        _STARTS_CACHE.clear()
        cached = (doc, [q.start for q in doc.quantities])
        _STARTS_CACHE[id(doc)] = cached
    return cached[1]
