"""Number and unit parsing (reportlint/numbers.py)."""

from __future__ import annotations

import time

import pytest

from reportlint.numbers import (
    NumberFormatError,
    Quantity,
    QuantityIndex,
    find_quantities,
    parse_chinese_int,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10), ("十二", 12), ("二十", 20), ("两千零五", 2005), ("一万二", 12000), ("一万二千", 12000),
        ("两百五", 250), ("三千二百", 3200), ("一百零五", 105), ("一亿三千万", 130_000_000), ("十万", 100_000),
        ("二〇二五", 2025), ("一千零一十", 1010), ("三百六十五", 365), ("一百一十", 110),
    ],
)  # fmt: skip
def test_parse_chinese_int(text: str, value: int) -> None:
    assert parse_chinese_int(text) == value


@pytest.mark.parametrize("text", ["", "十二三", "万x"])
def test_parse_chinese_int_rejects(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_chinese_int(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("3.5万", 35000), ("1,200", 1200), ("0.8亿", 80_000_000), ("二十五点五", 25.5), ("两", 2)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def one(text: str) -> tuple[str, float, str | None, bool, str]:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return q.text, q.value, q.unit, q.approximate, q.kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两个", ("两个", 2, "个", False, "amount")),
        ("十二项", ("十二项", 12, "项", False, "amount")),
        ("惠及1.7万名群众", ("1.7万名", 17000, "名", False, "amount")),
        ("总投资3686万元", ("3686万元", 36_860_000, "元", False, "amount")),
        ("覆盖超700余人", ("超700余人", 700, "人", True, "amount")),
        ("占比百分之九十", ("百分之九十", 90, "%", False, "amount")),
        ("百分之二十五点五", ("百分之二十五点五", 25.5, "%", False, "amount")),
        ("达到90%", ("90%", 90, "%", False, "amount")),
        ("达到90％", ("90％", 90, "%", False, "amount")),
        ("提高12个百分点", ("12个百分点", 12, "百分点", False, "amount")),
        ("投入300多万元", ("300多万元", 3_000_000, "元", True, "amount")),
        ("发放宣传资料2000 余份", ("2000 余份", 2000, "份", True, "amount")),
        ("新建住房两百余套", ("两百余套", 200, "套", True, "amount")),
        ("储备1-2名后备力量", ("1-2名", 2, "名", True, "range")),
        ("每村三至五个", ("三至五个", 5, "个", True, "range")),
        ("2025年", ("2025年", 2025, "年", False, "year")),
        ("二〇二五年", ("二〇二五年", 2025, "年", False, "year")),
        ("1至7月", ("1至7月", 7, "月", True, "date")),
        ("第3次", ("3次", 3, "次", False, "ordinal")),
        ("连续3年", ("3年", 3, "年", False, "amount")),
        ("走访1.8万户次", ("1.8万户次", 18000, "户次", False, "amount")),
        ("检查企业320家次", ("320家次", 320, "家次", False, "amount")),
    ],
)
def test_find_quantities(text: str, expected: tuple[str, float, str | None, bool, str]) -> None:
    assert one(text) == expected


def test_range_keeps_lower_bound() -> None:
    (q,) = find_quantities("确保13个行政村平均储备1-2名后备力量")[1:]
    assert (q.low, q.value, q.is_amount) == (1, 2, False)


def test_ratio_is_not_an_amount() -> None:
    assert [q.kind for q in find_quantities("按照1:3的后备比例")] == ["ratio", "ratio"]


def test_households_and_persons() -> None:
    assert [(q.value, q.unit) for q in find_quantities("新增低保4户10人")] == [(4, "户"), (10, "人")]


@pytest.mark.parametrize(
    "text", ["x万元", "万亩良田", "千家万户", "一村一品", "一人一表", "统一", "二十大", "十四五"]
)
def test_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("发放一次性补贴320万元", ["320万元"]),
        ("提供一门式服务3项", ["3项"]),
        ("坚持党的一元化领导", []),
        ("一批批年轻干部走上一线", []),
        ("一个个项目落地见效", []),
        ("打造一条龙服务", []),
        ("三位一体推进", []),
        ("一次性", []),
        ("改建一批化肥厂", ["一批"]),
        ("分清两类性质不同的矛盾", ["两类"]),
        ("扶持一个个体工商户", ["一个"]),
        ("召开会议一次，部署两次", ["一次", "两次"]),
    ],
)
def test_numerals_inside_words(text: str, counts: list[str]) -> None:
    assert [q.text for q in find_quantities(text)] == counts


def test_offsets_are_shifted() -> None:
    (q,) = find_quantities("共3件", offset=10)
    assert (q.start, q.end, q.text) == (11, 13, "3件")


def test_long_inputs_are_fast() -> None:
    started = time.perf_counter()
    for text in ("1" * 100_000, "一" * 100_000, "万" * 100_000, "1," * 50_000, "约" * 100_000):
        find_quantities(text)
    assert time.perf_counter() - started < 5


def test_full_width_digits() -> None:
    found = find_quantities("其中工商税收到８，７２５，４８３，０００元，完成预算数的１１０．５１％")
    assert [(q.value, q.unit) for q in found] == [(8_725_483_000, "元"), (110.51, "%")]


def test_full_width_comma_does_not_group_half_width_digits() -> None:
    assert [q.value for q in find_quantities("分别为120，150人")] == [120, 150]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The same match in different surroundings: what a match's groups say is kept between
        # calls, what its context says is read each time.
        ("第3次会议，共3次", [("3次", "ordinal"), ("3次", "amount")]),
        ("比例为1:3，共3人", [("1", "ratio"), ("3", "ratio"), ("3人", "amount")]),
        ("3月5日召开，5日内办结", [("3月", "date"), ("5日", "date"), ("5日", "amount")]),
        ("开展一次性补贴，开展一次", [("一次", "amount")]),
        ("一村一品，一村", [("一村", "amount")]),
        ("第3-5名，3-5名", [("3-5名", "range"), ("3-5名", "range")]),
        ("2025年，2025年", [("2025年", "year"), ("2025年", "year")]),
    ],
)
def test_same_match_in_other_contexts(text: str, expected: list[tuple[str, str]]) -> None:
    for _ in range(2):
        assert [(q.text, q.kind) for q in find_quantities(text)] == expected


def test_quantities_compare_equal_to_constructed_ones() -> None:
    (found,) = find_quantities("新建住房两百余套")
    built = Quantity(
        start=4,
        end=8,
        text="两百余套",
        value=200.0,
        unit="套",
        written_unit="套",
        approximate=True,
        chinese=True,
    )
    assert found == built
    assert repr(found) == repr(built)
    assert hash(found) == hash(built)


@pytest.mark.parametrize(
    "text",
    [
        "全年新增就业1200人。其中，城镇800人、农村400人。\n１２日召开会议3次，12日至15日培训两期；1:3配比。\n  5 个村完成改造，约3.5万元，一次性补贴一批。",
        "比例为1:2:3。\n\n第3次会议。12日开会，30余人参加\r\n2023年5月12日",
    ],
)
def test_quantity_index_answers_as_find_quantities(text: str) -> None:
    """Stretch by stretch, the index finds exactly the quantities of the whole text."""
    whole = find_quantities(text)
    index = QuantityIndex(text)
    assert index.between(0, len(text)) == whole
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            assert index.between(start, end) == [q for q in whole if start <= q.start and q.end <= end]
    by_start = {q.start: q for q in whole}
    for position in range(-1, len(text) + 2):
        assert index.at(position) == by_start.get(position)
    for position, char in enumerate(text):
        if char not in "\n。":
            stretch_start = max(text.rfind("\n", 0, position), text.rfind("。", 0, position)) + 1
            earlier = [q for q in whole if stretch_start <= q.start and q.end <= position]
            assert index.last_before(position) == (earlier[-1] if earlier else None)


def _reference_scan_pattern() -> str:
    """The quantity scan pattern as it was written before it was made faster: the reference."""
    from reportlint import numbers as n

    return rf"""(?={n._START_CLASS})
    (?P<before>(?:{n._APPROX_BEFORE_ALT}))?
    (?P<percent>百分之)?
    (?:
        (?P<low>(?>{n._ARABIC}))(?P<lowscale>[万亿]{{0,2}})[{n._RANGE_SEP}](?=\d)
      | (?P<clow>(?>[{n._CN_DIGIT}十]{{1,4}}))[至到](?=[{n._CN_DIGIT}十])
    )?
    (?P<number>(?>{n._ARABIC})(?:[万亿]{{1,2}})?|(?>{n._CHINESE})(?:{n._CHINESE_DECIMAL})?)
    (?P<space>[ \u3000](?=(?:{n._APPROX_AFTER_ALT}|{n._UNIT_ALTERNATION})))?
    (?P<after1>(?:{n._APPROX_AFTER_ALT}))?
    (?P<scale>(?<=[余多])[万亿]{{1,2}})?
    (?P<unit>(?:{n._UNIT_ALTERNATION}))?
    (?P<after2>(?:{n._APPROX_AFTER_ALT}))?
    """


def test_scan_pattern_matches_as_the_unguarded_pattern() -> None:
    """Random text made of the pieces quantities are written with: _SCAN_RE (no captures, a range's
    lower bound read once, start words) matches where the reference does, QUANTITY_RE there gives
    the reference's groups, and one matched text has the same groups wherever it is found (_scan
    caches them by the text)."""
    import random

    import regex

    from reportlint import numbers as n

    reference = regex.compile(_reference_scan_pattern(), regex.VERBOSE)
    groups = [
        [*"0123456789０１２３４５６７８９", "12", "3,456", "１２", "2025", "9.5", "1" * 20, "1," * 12, "9.5" * 7],
        [*n.CHINESE_NUMERAL_CHARS, "十二", "三十五", "一万二", "二〇二五", "点五"],
        [*n._RANGE_SEP, *",，.．:：∶ \u3000第", *"，。、的和"],
        [*n.APPROX_BEFORE, *n.APPROX_AFTER, "百分之", "百分", *"不大将左接达超近约逾万亿"],
        [*n.UNITS, *"年月日号性式化化学"],
    ]  # fmt: skip
    # Ranges of every shape, and Arabic lower bounds of about 40 digits.
    fixed_cases = [
        "二〇二五至二〇二六年", "十二至十五个", "一百至两百人", "三至五万元", "1-3个", "2025-2026年", "3万-5万元",
        "5～8%", "约3至5亿元", "百分之十至二十", "１２－１５名", "3-٣个", "十二三至十四五个", "七八至九十",
        *(f"约{'1' * size}{scale}-{'2' * size}万元" for size in (39, 40, 41, 42) for scale in ("", "万")),
    ]  # fmt: skip
    groups_of: dict[str, tuple[str | None, ...]] = {}  # the groups of every matched text, in any context
    rng = random.Random(20261123)
    for index in range(5000):
        if index < len(fixed_cases):
            text = fixed_cases[index]
        else:
            text = "".join(rng.choice(rng.choice(groups)) for _ in range(rng.randint(1, 14)))
        pos = rng.randint(0, len(text) // 3) if index >= len(fixed_cases) else 0
        endpos = (
            rng.randint(pos, len(text)) if index >= len(fixed_cases) and rng.random() < 0.3 else len(text)
        )
        # _scan reads the groups with QUANTITY_RE where _SCAN_RE matched, once per matched text.
        got = []
        for match in n._SCAN_RE.finditer(text, pos, endpos):
            grouped = n.QUANTITY_RE.match(text, match.start(), endpos)
            assert grouped is not None
            got.append((match.span(), grouped.span(), grouped.groups()))
            assert groups_of.setdefault(match.group(), grouped.groups()) == grouped.groups(), text
        want = [(m.span(), m.span(), m.groups()) for m in reference.finditer(text, pos, endpos)]
        assert got == want, text
