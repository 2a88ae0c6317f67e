"""Rates and shares: completion rates, 占比, bounded rates over 100%, shares summing past 100%, ratios, households."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import regex

from reportlint.document import Document, Span
from reportlint.numbers import REGION_BREAKS, Quantity
from reportlint.rule import Finding

from .base import TotalBase
from .helpers import (
    _CLOSE_PAREN_RE,
    CLAUSE_MARKS,
    MAX_SPAN,
    _bounds,
    _cut_number,
    _half_step,
    _percent_step,
    _quantity_index,
    _resolution,
    _wrong_share,
    display_unit,
    format_number,
    format_quantity,
)


class Rates(TotalBase):
    """Checks rates and shares against the numbers they are computed from."""

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

    def _computed_rates(self, text: str) -> list[re.Match[str] | regex.Match[str]]:
        """Rates of a part over a whole: the listed ones, and "征收率" after "实际征收960万元" (its verb is used)."""
        rates: list[re.Match[str] | regex.Match[str]] = list(self.computed_rate_re.finditer(text))
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
        rate: re.Match[str] | regex.Match[str]
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
            expected = _wrong_share(stated, part, whole, _half_step(whole))
            if expected is None:
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
            # The whole is a plan or a base, written as it is: "2万亩" is 20000亩, not 1.5-2.5万亩.
            expected = _wrong_share(stated, part, whole, _resolution(whole) / 2)
            if expected is None:
                continue
            yield Finding(
                stated.start,
                stated.end,
                f"比率与数字不符：由{part.text}和{whole.text}算得应为{format_number(round(expected, 1))}%，"
                f"文中写作{stated.text}，请核对",
            )
        for share in self.share_of_total_re.finditer(text):
            if not any(word in share.group("whole") for word in self.whole_words):
                yield from self._share_of_named(doc, sentence, share)
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

    def _group_households(self, doc: Document, sentence: Span) -> Iterator[Finding]:
        """ "为68名残疾人发放补贴，涉及残疾人家庭75户": the households of a group of persons
        cannot outnumber them."""
        text = sentence.text
        base = sentence.start
        for cue in self.group_household_re.finditer(text):
            group = cue.group("group")
            households = self._quantity_at(doc, base + cue.end())
            if (
                households is None
                or households.written_unit not in self.household_units
                or households.approximate
                or not households.is_amount
            ):
                continue
            persons = [
                q
                for q in self._quantities_in(doc, base, base + cue.start())
                if q.written_unit in self.person_units
                and q.is_amount
                and not q.approximate
                and (text.startswith(group, q.end - base) or text.endswith(group, 0, q.start - base))
            ]
            if len(persons) != 1 or households.value <= persons[0].value + 1e-9:
                continue
            yield Finding(
                households.start,
                households.end,
                f"户数与人数矛盾：{group}只有{persons[0].text}，其家庭不可能有{households.text}，请核对数字",
            )

    def _share_of_named(self, doc: Document, sentence: Span, share: regex.Match[str]) -> Iterator[Finding]:
        """ "农村劳动力5.6万人，转移就业4.1万人，转移就业人数占农村劳动力的80%": the whole named, with its
        number, earlier in the sentence, and one part of its unit between them."""
        text = sentence.text
        base = sentence.start
        name = share.group("whole")
        if len(name) < 2:
            return
        stated = self._quantity_at(doc, base + share.end())
        if stated is None or stated.unit != "%" or not stated.is_amount or stated.approximate:
            return
        # The whole: the last mention of its name followed by its number with one number of its unit
        # (the part) between it and 占 ("脱贫户1260户，发展产业的脱贫户980户，……占脱贫户的").
        floor = max(0, share.start() - MAX_SPAN)
        named = share.start()
        found: tuple[Quantity, Quantity] | None = None
        for _ in range(4):
            named = text.rfind(name, floor, named)
            if named < 0:
                return
            filler = self.whole_filler_re.match(text, named + len(name))
            whole = self._quantity_at(doc, base + (filler.end() if filler else named + len(name)))
            family = self._family(whole) if whole is not None else None
            if whole is None or not family:
                continue
            parts = [
                q
                for q in self._quantities_in(doc, whole.end, base + share.start())
                if q.is_amount and q.unit is not None
            ]
            if not parts:
                continue
            if len(parts) == 1 and self._family(parts[0]) == family:
                found = (whole, parts[0])
            break
        if found is None:
            return
        whole, part = found
        if whole.approximate or whole.value <= 0 or part.approximate:
            return
        if _cut_number(text, part.start - base) or self._explained(text, stated.end - base):
            return
        expected = _wrong_share(stated, part, whole, _half_step(whole))
        if expected is None:
            return
        yield Finding(
            stated.start,
            stated.end,
            f"占比与数字不符：由{part.text}和{name}{whole.text}算得应为{format_number(round(expected, 1))}%，"
            f"文中写作{stated.text}，请核对",
        )

    def _structures(self, sentence: Span) -> Iterator[Finding]:
        """ "三次产业结构比为10.2:35.5:54.3": the percentages of a structure must add up to 100."""
        text = sentence.text
        base = sentence.start
        for chain in self.structure_chain_re.finditer(text):
            if not self.structure_word_re.search(text, max(0, chain.start() - 32), chain.start()):
                continue
            pieces = self.structure_split_re.split(chain.group())
            values = [float(piece) for piece in pieces]
            if not any("." in piece for piece in pieces):
                continue  # "1:2:3" is a proportion, not percentages
            slack = sum(0.5 * 10.0 ** -len(piece.partition(".")[2]) for piece in pieces) + 1e-6
            total = sum(values)
            if abs(total - 100) <= slack:
                continue
            yield Finding(
                base + chain.start(),
                base + chain.end(),
                f"结构比例之和不是100：「{chain.group()}」各项相加为{format_number(round(total, 2))}，请核对各项占比",
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

    def _households(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for quantities in self._household_stretches(doc):
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

    def _household_stretches(self, doc: Document) -> Iterator[list[Quantity]]:
        """The quantities of each stretch (between 。 and line breaks) where a household unit is written.

        A pair "4户3人" starts with a quantity written in one of household-units, so the other stretches
        hold none; nor can a pair span a break (a link would have to hold it), else all are read.
        """
        index = _quantity_index(doc)
        text = doc.text
        if "%" in self.household_units or any(
            mark in link for link in self.household_links for mark in REGION_BREAKS
        ):
            yield index.between(0, len(text))  # 百分之三十 (unit "%") does not end with its unit
            return
        # The first of a pair ends with its unit (it is not approximate: nothing follows the unit),
        # and the second (not approximate either) starts at a number right after it or a link.
        positions = [match.start() for match in self.household_pair_re.finditer(text, overlapped=True)]
        stretch_end = -1
        for position in positions:
            if position > stretch_end:
                stretch_end, quantities = index.stretch(position)
                yield quantities
