"""Rule placeholder (RL101): leftover template blanks."""

from __future__ import annotations

import time

import pytest
from reportlint_rules.placeholder import Placeholder

from reportlint.document import Document
from reportlint.testing import diagnostics, flagged

RULE = "placeholder"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Latin x in any count, with the unit, decimals and dates as one span.
        ("完成财税收入x万元，完成固定资产投资x.xx亿元。", ["x万元", "x.xx亿元"]),
        ("截至20xx年xx月，全镇共有脱贫户xxx户。", ["20xx年xx月", "xxx户"]),
        ("群众反映从20xx年xx月份到目前没有领取到工资。", ["20xx年xx月份"]),
        ("完成20xx年20xx年以前出生的老年人年审工作。", ["20xx年", "20xx年"]),
        ("会议于X月X日召开，XX同志出席会议并讲话。", ["X月X日", "XX同志"]),
        ("第X季度一般公共预算收入同比增长xx.x%。", ["第X季度", "xx.x%"]),
        ("补偿金额x余万元，农村合作医疗保险参保率x%。", ["x余万元", "x%"]),
        ("投入x余万元的涝区治理项目即将开工，包装了投资x万的渠道治理项目。", ["x余万元", "x万"]),
        ("x项目和x胶业二期项目已开始办理相关手续，预计x月底开工。", ["x项目", "x", "x月底"]),
        ("创新制定《xx镇党建工作指南》，推出工作简报xx期。", ["xx镇", "xx期"]),
        ("南湾村xxx亩金银花基地、xx、xx村无立柱钢架大棚收益喜人。", ["xxx亩", "xx", "xx村"]),
        ("新铺柏油路xxx米*xx米，共投资xxx万元。", ["xxx米", "xx米", "xxx万元"]),
        ("三是平安xx成效显著。", ["xx"]),
        ("ＸＸ镇召开专题会议，约ｘｘ人参加。", ["ＸＸ镇", "ｘｘ人"]),
        # Other markers.
        ("全镇共有××户，落实补助资金×万元。", ["××户", "×万元"]),
        ("由某某同志牵头，在某某镇召开现场会。", ["某某同志", "某某镇"]),
        ("建设○○村、□□社区、＊＊镇三个示范点。", ["○○村", "□□社区", "＊＊镇"]),
        ("完成投资____万元，新增就业？？人。", ["____万元", "？？人"]),
        ("签约项目（ ）个，签约金额（）亿元。", ["（ ）个", "（）亿元"]),
        ("开展“　　”主题活动，建成【 】个示范点。", ["“　　”", "【 】个"]),
        ("于某年某月某日召开专题会议。", ["某年某月某日"]),
        ("完成投资　　　　万元，新增就业　　人。", ["　　　　万元", "　　人"]),
        ("新增N个省级示范合作社。", ["N个"]),
        # Explicit to-fill notes.
        ("签约金额【待补充】，（此处填写完成情况）。", ["【待补充】", "（此处填写完成情况）"]),
        ("引进企业（具体数字）家。TODO 核对数据。", ["（具体数字）家", "TODO"]),
        ("此处填写下半年工作打算。", ["此处填写下半年工作打算"]),
        # Blanks next to Latin words, ranges and ellipses.
        ("全年完成GDP XX亿元，上线“xxAPP”政务服务平台。", ["XX亿元", "xx"]),
        ("20xx-20xx年累计完成投资……万元。", ["20xx", "20xx年", "……万元"]),
        ("全县近x年来累计投入资金x亿元。", ["x年", "x亿元"]),
        ("20__年__月__日，（  ）年（  ）月。", ["20__年__月__日", "（  ）年（  ）月"]),
        # A lone question mark (or two before "%") where a number belongs.
        ("社会消费品零售总额增长？%，税收收入增长？？%。", ["？%", "？？%"]),
        ("全年争取上级资金？万元，带动就业约？人。", ["？万元", "？人"]),
        ("全县共有？个行政村完成改造，截至？月底完成投资（？）万元。", ["？个", "？月底", "（？）万元"]),
        # A bracket naming missing data and who will supply it.
        ("农业保险赔付1200万元（具体数据待县农业农村局提供）。", ["（具体数据待县农业农村局提供）"]),
        ("城镇新增就业3200人（数字待人社局核实后更新）。", ["（数字待人社局核实后更新）"]),
        ("全年税收收入12亿元（待县税务局核实后补充）。", ["（待县税务局核实后补充）"]),
        ("民营经济增加值占比58%（待统计局反馈）。", ["（待统计局反馈）"]),
    ],
)
def test_flags_blanks_with_their_full_extent(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全市建成5G基站1.2万个，为卫生院配备X光机和X射线设备。",
        "采购3×4米显示屏两块，完成检测2×10⁴批次，车位规格为2.5m×5.3m。",
        "补贴金额按补贴面积×补贴标准计算。",
        "服务器采用x86架构，终端完成Windows系统升级，展示iPhone X和Mate X等产品。",
        "组织干部参加PPT制作和Excel培训，引入VR、AR、XR体验技术。",
        "某些村组基础设施薄弱，在某种程度上，某一方面的短板制约全局。",
        "某企业负责人反映的用工问题已经解决，村民张某某的纠纷已化解，李某表示满意。",
        "二〇二三年是开局之年，一九八○年以来粮食产量稳步增长。",
        "这难道不是群众最关心的问题吗？？",
        "**一、工作回顾**和__重点任务__。",
        "部分项目配套资金尚待补充，原因有待进一步分析。",
        "（单位：万元）",
        "储备N95口罩10万只，H1N1疫苗接种率95%。",
        "- [ ] 未完成事项\n- [x] 已完成事项",
        "联系邮箱xxzx@example.gov.cn，网址http://www.example.gov.cn/xx/index.html。",
        "******",
        "○○○○○○○○",
        "实施Y型路口渠化改造3处。",
        "完成Ｘ射线装置防护检测36台，配备Ｘ光机两台。",
        "问题出在哪里？个别干部担当不够。",
        "服务是不是到位？人民群众说了算。工作做实了没有？年底见分晓。",
        "对此有人提出疑问（？），我们作了说明。",
        "怎样让群众满意？人民群众说了算。",
        "新开工项目12个（其中2个用地手续待完善）。",
        "全年完成投资8亿元（数据来源：县统计局）。",
        "受理问题线索3件（待县纪委核实），新建学校2所（待验收），规划初稿（待市政府审议后报送省厅）。",
        "深化“1+X”证书制度试点，构建“N+X”服务模式，实施X+1工程。",
        "举报电话138××××1234，身份证号4101**********1234。",
        "乘坐G1234次列车，经S205省道驶入X012县道。",
        "引用原文时删去部分内容……人民群众的满意度持续提升。",
    ],
)
def test_real_text_is_not_flagged(text: str) -> None:
    assert flagged(text, RULE) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("完成投资x万元。", "疑似未填写的占位符「x万元」，请填写实际数值"),
        ("截至20xx年xx月。", "疑似未填写的占位符「20xx年xx月」，请填写实际日期"),
        ("完成了20xx年任务。", "疑似未填写的占位符「20xx年」，请填写实际年份"),
        ("设立了xx镇疫情防控办公室。", "疑似未填写的占位符「xx镇」，请填写实际地名"),
        ("由XX公司承建。", "疑似未填写的占位符「XX公司」，请填写实际单位名称"),
        ("x项目已完工。", "疑似未填写的占位符「x项目」，请填写实际项目名称"),
        ("XX同志任组长。", "疑似未填写的占位符「XX同志」，请填写实际人名"),
        ("镇党委书记xx带队检查。", "疑似未填写的占位符「xx」，请填写实际人名"),
        ("平安xx建设成效显著。", "疑似未填写的占位符「xx」，请填写实际地名"),
        ("第X季度任务完成。", "疑似未填写的占位符「第X季度」，请填写实际序号"),
        ("签约金额【待补充】。", "疑似未删除的待填写标记「【待补充】」，请补充实际内容并删除该标记"),
    ],
)
def test_message_names_what_is_missing(text: str, message: str) -> None:
    found = diagnostics(text, RULE)
    assert [d.message for d in found] == [message]


def test_number_of_years_is_a_number() -> None:
    assert [d.message for d in diagnostics("连续x年位居全市前列。", RULE)] == [
        "疑似未填写的占位符「x年」，请填写实际数值"
    ]


def test_list_of_blanks_takes_what_is_missing_from_its_last_item() -> None:
    found = diagnostics("xx、xx、xx村建成大棚。", RULE)
    assert [d.text for d in found] == ["xx", "xx", "xx村"]
    assert all(d.message.endswith("请填写实际地名") for d in found)


def test_blank_before_deng_takes_the_unit_after_it() -> None:
    found = diagnostics("x等村大力发展柑橘种植。", RULE)
    assert [(d.text, d.message.endswith("地名")) for d in found] == [("x", True)]


def test_severity_is_error() -> None:
    assert [d.severity.value for d in diagnostics("完成投资x万元。", RULE)] == ["error"]


def test_config_extends_allow_list() -> None:
    text = "深入实施X计划，推动人才回流。"
    assert flagged(text, RULE) == ["X计划"]
    assert flagged(text, RULE, options={"extend-allow": ["X计划"]}) == []


def test_config_extends_units() -> None:
    text = "完成xx标段路基施工。"
    assert flagged(text, RULE) == ["xx"]
    found = diagnostics(text, RULE, options={"extend-units": {"标段": "name"}})
    assert [(d.text, d.message) for d in found] == [
        ("xx标段", "疑似未填写的占位符「xx标段」，请填写实际名称")
    ]


def test_config_extends_markers() -> None:
    text = "建成▲▲村文化广场。"
    assert flagged(text, RULE) == []
    options = {"extend-markers": [{"name": "black-triangle", "chars": "▲", "min": 2}]}
    assert flagged(text, RULE, options=options) == ["▲▲村"]


@pytest.mark.parametrize(
    "extra",
    [
        # a marker character of its own: one scan for every form's characters
        {"name": "black-triangle", "chars": "▲", "min": 2},
        # a character shared with another form, and one that can be a decimal point: a scan per form
        {"name": "shared", "chars": "x▲", "min": 2},
        {"name": "dots", "chars": "．", "min": 3},
    ],
)
def test_extended_markers_keep_the_other_forms(extra: dict[str, object]) -> None:
    text = "截至20xx年xx月，xx镇完成投资x.xx亿元，某某同志牵头，新建○○村文化广场，签约？？个。"
    expected = ["20xx年xx月", "xx镇", "x.xx亿元", "某某同志", "○○村", "？？个"]
    assert flagged(text, RULE) == expected
    assert flagged(text, RULE, options={"extend-markers": [extra]}) == expected


def test_notes_are_case_insensitive() -> None:
    assert flagged("全年完成投资（todo：补数据）万元，用地（Tbd）亩。", RULE) == [
        "（todo：补数据）",
        "（Tbd）",
    ]


def test_config_extends_notes() -> None:
    text = "年度目标（另行补报）。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, options={"extend-note-prefixes": ["另行补报"]}) == ["（另行补报）"]


def test_config_overrides_surnames() -> None:
    text = "群众欧阳某某反映的问题已解决。"
    assert flagged(text, RULE) == ["某某"]
    assert flagged(text, RULE, options={"surnames": "阳"}) == []


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100_000,
        "*" * 100_000,
        "_" * 100_000,
        "某" * 100_000,
        "（" * 50_000 + "）" * 50_000,
        "镇" + " " * 100_000 + "万元",
        "20" * 50_000 + "xx年",
        "x.x." * 30_000,
        "**a" * 30_000,
        "完成投资x万元，" * 20_000,
    ],
)
def test_pathological_input_is_fast(text: str) -> None:
    rule = Placeholder()
    doc = Document(text)
    began = time.perf_counter()
    list(rule.check(doc))
    assert time.perf_counter() - began < 2.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Circle blanks before a multiplier: ○ is a zero only beside a numeral.
        ("上半年引进项目○○个，完成投资○○亿元。", ["○○个", "○○亿元"]),
        ("新增城镇就业〇〇万人，超额完成目标任务。", ["〇〇万人"]),
        # A bracketed slot word before a unit, with the unit.
        ("一般公共预算收入[数据]亿元，增长[数据]%。", ["[数据]亿元", "[数据]%"]),
        ("累计发放创业担保贷款（金额）万元，扶持创业（人数）人。", ["（金额）万元", "（人数）人"]),
        # Hash marks a spreadsheet shows for a figure too wide for its column.
        ("全年争取专项债券####万元，支持项目12个。", ["####万元"]),
        # A lone underscore before a unit, also twice on a line (not Markdown emphasis).
        ("组织应急演练_次，参演群众3200人。", ["_次"]),
        ("走访企业_家，解决问题_个。", ["_家", "_个"]),
        ("改造老旧小区__个，惠及居民__户。", ["__个", "__户"]),
    ],
)
def test_round_five_blanks(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "二○○○年到二○一○年，全县经济总量翻了两番。",
        "一九九○年全县粮食总产量首次突破10万吨。",
        "据统计（数据截至11月底），全年新增市场主体8600户。",
        "大数据（数据）中心二期项目完成主体工程。",
        "## 三、2025年重点工作",
        "编号#12的监测点位数据异常已核查。",
        "附件_人员名单已按要求报送。",
        "变量名 total_count 表示统计总数。",
        "**一、工作回顾**和__重点任务__。",
    ],
)
def test_round_five_real_text(text: str) -> None:
    assert flagged(text, RULE) == []


def test_round_five_message_names_the_missing_figure() -> None:
    (found,) = diagnostics("落实耕地地力保护补贴####万元。", RULE)
    assert "####万元" in found.message
    assert "数值" in found.message


def test_config_extends_unit_slot_words() -> None:
    text = "完成营业收入（营收）万元。"
    assert flagged(text, RULE) == []
    assert flagged(text, RULE, options={"extend-unit-slot-words": ["营收"]}) == ["（营收）万元"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年完成投资{{amount}}万元，占计划的{{rate}}。", ["{{amount}}万元", "{{rate}}"]),
        ("由${责任单位}牵头，新增就业${jobs}人。", ["${责任单位}", "${jobs}人"]),
        ("办结信访件{count}件，满意率{ratio}%。", ["{count}件", "{ratio}%"]),
        ("«乡镇名称»全年接待游客«人数»万人次。", ["«乡镇名称»", "«人数»万人次"]),
        ("全年发放补贴%(amount)s元。", ["%(amount)s元"]),
    ],
)
def test_round_six_template_fields(text: str, expected: list[str]) -> None:
    assert flagged(text, RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全年完成投资12.6亿元，占年度计划的108.3%。",
        "台账编号采用“{设备编号-日期}”格式。",
        "函数f{x}在区间内单调。",
    ],
)
def test_round_six_not_template_fields(text: str) -> None:
    assert [s for s in flagged(text, RULE) if "{" in s] == []


def test_template_field_message() -> None:
    [d] = diagnostics("新增就业{{jobs}}人。", RULE)
    assert d.message == "疑似未填写的占位符「{{jobs}}人」，请填写实际数值"


def test_config_extends_template_fields() -> None:
    text = "全年完成投资[[amount]]万元。"
    assert flagged(text, RULE) == []
    extra = {"extend-template-fields": ["\\[\\[[A-Za-z_]{1,40}\\]\\]"]}
    assert flagged(text, RULE, options=extra) == ["[[amount]]万元"]


def test_round_six_more_template_fields() -> None:
    assert flagged("人均收入达到{金额}元，<%= rate %>。", RULE) == ["{金额}元", "<%= rate %>"]


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
    cases = tomllib.loads((root / "labelled" / "placeholder.toml").read_text(encoding="utf-8"))["case"]
    texts += [str(case["text"]) for case in cases]
    texts += [
        "（ ）（）【】[ ]［ ］〔 〕“ ”《 》「 」（？）（?）【？】(  )“”《》「」（（ ））",
        "X光机、xX射线、iPhone X、ｉＰｈｏｎｅ Ｘ、x86x64、X-rayX光、Ｘ射线Ｘ光。",
        "{{a}}万元，${b}，{c}，«d»，%(e)s，<%= f %>，{金额}元，{{ x }}}。",
        "（待补充）【此处填写】(TODO: x)TODO TBD，FIXME此处填写数据，资料尚待补充。",
        "完成投资    万元，  年  月  日，\u3000\u3000万元。",
        "（数字）%，[数据]亿元，【金额】万元，（姓名）同志。",
    ]
    return texts


def test_leading_literal_of_a_field_regex() -> None:
    from reportlint_rules.placeholder import _leading_literal

    assert _leading_literal(r"\{\{[a-z]{1,9}\}\}") == "{"
    assert _leading_literal(r"(?<![{$A-Za-z0-9_])\{[A-Za-z_]{1,9}\}") == "{"
    assert _leading_literal("«[a-z]{1,9}»") == "«"
    for pattern in (r"\{?x", "a\\{", r"\{x|y", "(?i)x", r"\d\{", "(?<=(a))\\{", "[{]x"):
        assert _leading_literal(pattern) is None, pattern


@pytest.mark.parametrize("text", _sample_texts())
def test_skipping_searches_find_what_finditer_finds(text: str) -> None:
    import regex
    from reportlint_rules.placeholder import _OPENERS, _alternation, _is_han, _matches_at, _positions

    rule = Placeholder()
    spans = [m.span() for m in rule._bracket_matches(text)]
    assert spans == [m.span() for m in rule._bracket_re.finditer(text)]
    openers = _positions(text, _OPENERS)
    for pattern in (rule._slot_re, rule._note_re):
        assert [m.span() for m in _matches_at(pattern, text, openers)] == [m.span() for m in pattern.finditer(text)]
    allow = [str(w) for w in rule.data["allow"]]
    allow_re = regex.compile(_alternation([*allow, *(w.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}) for w in allow)]))
    assert rule._allowed_spans(text) == [m.span() for m in allow_re.finditer(text)]
    field_starts = _positions(text, "".join(rule._field_cues))
    field = rule._field_re
    assert [m.span() for m in _matches_at(field, text, field_starts)] == [m.span() for m in field.finditer(text)]
    notes = rule._bare_note_re
    note_starts = _positions(text, rule._bare_note_firsts)
    assert [m.span() for m in _matches_at(notes, text, note_starts)] == [m.span() for m in notes.finditer(text)]
    gap_starts = [at for at in _positions(text, "\u3000 \u00a0") if at and _is_han(text[at - 1])]
    gaps = rule._spaces_re
    assert [m.span() for m in _matches_at(gaps, text, gap_starts)] == [m.span() for m in gaps.finditer(text)]


def test_marker_runs_read_directly_are_the_run_patterns_matches() -> None:
    import random

    from reportlint_rules.placeholder import _Scan

    from reportlint.document import Document

    rule = Placeholder()
    plain = Placeholder()
    plain._owner = None  # one finditer of each form's run pattern
    chars = sorted(rule._all_marker_chars) + list("..．．0123年月万元个人，镇村 \n")
    rng = random.Random(9)
    texts = [*_sample_texts(), "x" * 95 + ".xx万元", "××" * 30 + "万元"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    for text in texts:
        doc = Document(text)
        scans = [_Scan(doc, r._all_marker_chars, r._allowed_spans, r._unit_re) for r in (rule, plain)]
        assert rule._marker_blanks(scans[0]) == plain._marker_blanks(scans[1]), text


def test_plain_runs_give_what_the_guarded_path_gives() -> None:
    import random

    from reportlint_rules.placeholder import _Scan

    from reportlint.document import Document

    rule = Placeholder()
    guarded = Placeholder()
    guarded._plain_forms = [False] * len(guarded._forms)  # every run through _marker_blank
    assert rule._plain_forms.count(True) >= 1  # "x": the common form takes the plain path
    chars = sorted(rule._all_marker_chars) + list("..．0123４年月日万亿元余个人%，,、镇村第近连续X光射线86ab 　\n-/+[]:#@_")
    rng = random.Random(11)
    texts = [*_sample_texts(), "x" * 40 + "万元", "x" * 41 + "万元", "近x年，连续xx年，第x个，xx某某某村。"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 60))) for _ in range(4000)]
    for text in texts:
        doc = Document(text)
        scans = [_Scan(doc, r._all_marker_chars, r._allowed_spans, r._unit_re) for r in (rule, guarded)]
        assert rule._marker_blanks(scans[0]) == guarded._marker_blanks(scans[1]), text
