"""The compiled data every check of inconsistent-total reads, and the quantity lookups they share."""

from __future__ import annotations

import re

from reportlint import patterns
from reportlint.document import Document
from reportlint.numbers import QUANTITY_START_RE, REGION_BREAKS, Quantity
from reportlint.rule import Rule

from .helpers import (
    _DATE_RANGE_RE,
    CN_COUNT,
    NUMERAL_CHARS,
    _alternation,
    _gate,
    _literals,
    _longest_first,
    _quantity_index,
)
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
    Triggers,
    hitting_chars,
)


class TotalBase(Rule):
    """The rule's data compiled once (setup) and the lookups every check uses."""

    def setup(self) -> None:
        d = self.data
        # Patterns of plain words (and character classes) are compiled with the standard library's
        # engine: it scans them two to three times faster than ``regex`` and cannot backtrack on them.
        self.non_additive = set(d["non-additive-units"])
        self.family: dict[str, str] = {}
        for group in d["unit-groups"]:
            for unit in group:
                self.family[unit] = group[0]
        self.part_cue_re = re.compile(rf"(?:{_literals(d['part-cues'])})[，,：:]?")
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
        total_cue = rf"(?:{_alternation(d['total-cues'])})(?:{_alternation(d['total-fillers'])})?[^\d，,。；;：:、！？]{{0,6}}?(?=[\d{CN_COUNT}一])"
        self.total_cue_re = patterns.compile(total_cue)
        # _parts_before_total reads only a cue right after a clause mark.
        self.marked_total_cue_re = patterns.compile(rf"(?<=[，,；;]){total_cue}")
        self.strict_total_cues = tuple(sorted(d["strict-total-cues"], key=len, reverse=True))
        self.stop_re = re.compile(_literals(d["part-stop-words"]))
        long_not_part = [w for w in d["not-part-words"] if len(w) > 1]
        short_not_part = [w for w in d["not-part-words"] if len(w) == 1]
        self.not_part_long_re = re.compile(_literals(long_not_part)) if long_not_part else None
        self.not_part_short = tuple(short_not_part)
        self.open_list_re = re.compile(_literals(d["open-list-words"]))
        self.rest_part_words = set(d["rest-part-words"])
        self.subject_re = patterns.compile(
            rf"(?<=[，,；;：:])(?:{_alternation(d['exhaustive-subjects'])})\p{{Han}}{{1,5}}$"
        )
        self.whole_among_re = patterns.compile(
            r"(?<=[\d０-９][\p{Han}]{1,6})(?<![其集高初空心眼手])(?:之中|当中|中)(?=[，,]?\p{Han})"
        )
        self.group_prefix_re = re.compile(rf"(?:{_literals(d['group-prefixes'])}){{0,3}}")
        self.group_verb_re = re.compile(_literals(d["group-verbs"]))
        self.colon_total_re = patterns.compile(r"(?<=[\d０-９\p{Han}])[：:]")
        self.colon_list_end_re = patterns.compile(r"[：:。！？]")
        self.colon_skip_nouns = tuple(d["colon-skip-nouns"])
        self.ordinal_parts_re = patterns.compile(r"(?<=[，,；;：:])第一(?=\p{Han})")
        self.among_re = patterns.compile(r"(?<=[\d０-９][\p{Han}]{1,5})(?<![其集高初])(?:之中|当中|中)[，,]")
        self.remainder_words = set(d["remainder-words"])
        self.label_trim = tuple(sorted(d["label-trim-words"], key=len, reverse=True))
        self.complement_prefixes = [
            (pair[0], pair[1]) for pair in d["complementary-prefixes"] if len(pair) == 2
        ]
        self.closed_sets = [sorted(members, key=len, reverse=True) for members in d["closed-sets"]]
        self.lower_bound_words = tuple(d["lower-bound-words"])
        self.upper_bound_words = tuple(d["upper-bound-words"])
        self.bound_re = re.compile(_literals([*d["lower-bound-words"], *d["upper-bound-words"]]))
        self.overlap_re = re.compile(_literals(d["overlap-words"]))
        # Counts and lists.
        classifiers = _alternation(d["count-classifiers"])
        # A count: a numeral not continuing another number (checked in _counts: a lookbehind
        # tried at every position costs more than the whole rest of the pattern), then its classifier.
        # The look-ahead for the numeral's first character only lets the engine skip other positions fast.
        self.count_re = patterns.compile(
            rf"(?=[{CN_COUNT}1-9])"
            rf"(?P<num>十[一二三四五六七八九]|[{CN_COUNT}]|1\d|[2-9])(?P<cls>{classifiers})(?![{NUMERAL_CHARS}])"
        )
        self.count_before_re = patterns.compile(rf"[\d{NUMERAL_CHARS}第之]")
        announcing = _alternation(d["announcing-classifiers"])
        intro = _alternation(d["list-intro-words"])
        announce = (
            rf"(?P<num>十[一二三四五六七八九]|[{CN_COUNT}]|1\d|[2-9])(?P<cls>{announcing})"
            rf"[^\d{CN_COUNT}一，,。；;：:、！？]{{0,10}}[”」]?[，,：:。；;]?(?:{intro})?[：:，,]?$"
        )
        self.announce_re = patterns.compile(rf"(?<![\d{NUMERAL_CHARS}第之]){announce}")
        # Without the look-behind: it matches wherever announce_re does, in any window ending there.
        self.loose_announce_re = patterns.compile(announce)
        intro_after = _alternation(w for w in d["list-intro-words"] if w not in d["nested-list-starts"])
        self.intro_after_re = patterns.compile(
            rf"[^\d，,。；;：:、！？“”]{{0,8}}?[”」]?(?:[，,]?(?:{intro_after})[：:]?|[：:])"
        )
        self.generic_classifiers = set(d["generic-classifiers"])
        self.place_heads = sorted(
            ((head, tuple(endings)) for head, endings in d["place-heads"].items() if endings),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
        self.place_head_words = tuple(head for head, _ in self.place_heads)
        self.place_split_re = re.compile(_literals(d["conjunctions"]))
        self.generic_heads = tuple(sorted(d["generic-heads"], key=len, reverse=True))
        self.nested_starts = tuple(d["nested-list-starts"])
        self.continuation_re = re.compile(_literals(d["list-continuation-words"]))
        self.max_item = int(d["max-item-length"])
        self.skip_heads = tuple(d["skip-heads"])
        self.announcing = set(d["announcing-classifiers"])
        self.conjunction_re = re.compile(_literals(d["conjunctions"]))
        self.etc_words = tuple(sorted(d["list-etc-words"], key=len, reverse=True))
        self.fillers = tuple(sorted(d["list-count-fillers"], key=len, reverse=True))
        # Rates.
        self.computed_rate_re = re.compile(_literals(d["computed-rates"]))
        self.bounded_rate_re = re.compile(_literals(d["bounded-rates"]))
        self.stem_rate_re = patterns.compile(r"(?P<stem>\p{Han}{2})率")
        self.non_computed_stems = set(d["non-computed-rate-stems"])
        self.note_re = re.compile(_literals(d["explaining-notes"]))
        self.change_re = re.compile(_literals(d["change-words"]))
        self.rate_fillers = tuple(sorted(d["rate-fillers"], key=len, reverse=True))
        self.household_units = set(d["household-units"])
        self.household_links = set(d["household-links"])
        units = _alternation(u for u in d["household-units"] if not any(m in u for m in REGION_BREAKS))
        self.household_pair_re = patterns.compile(
            rf"(?:{units})(?=(?:{_alternation(d['household-links'])})?{QUANTITY_START_RE.pattern})"
        )
        # Derived numbers: averages, changes, shares.
        per = _alternation(d["average-units"])
        periods_alt = _alternation(d["periods-per-year"])
        self.periods_per_year = {k: float(v) for k, v in d["periods-per-year"].items()}
        self.average_re = patterns.compile(
            rf"(?:(?P<u1>{per})均|平均每(?P<u2>{per})|每(?P<u3>{per})平均"
            rf"|(?P<p1>{periods_alt})均|平均每(?P<p2>{periods_alt})|每(?P<p3>{periods_alt})平均)"
        )
        self.year_word_re = re.compile(_literals(d["year-words"]))
        self.unit_nouns: dict[str, set[str]] = {}
        for unit, noun in d["unit-nouns"]:
            self.unit_nouns.setdefault(unit, set()).add(noun)
        self.total_word_re = re.compile(_literals(d["average-total-words"]))
        self.average_change_re = re.compile(_literals(d["average-change-words"]))
        self.average_filler_pattern = re.compile(_literals(d["average-fillers"]))
        periods = _alternation(d["base-periods"])
        self.compare_re = patterns.compile(
            rf"(?:{_alternation(d['compare-words'])})(?:{periods}|\d{{4}}年(?:同期|底|末)?)的?(?=[\d０-９])"
        )
        # "156万人次，上年同期为130万人次，同比增长20%": the base told in a clause of its own.
        self.stated_base_re = patterns.compile(
            rf"(?<=[，,；;])(?:{periods})(?:{_alternation(d['stated-base-verbs'])})(?=[\d０-９])"
        )
        self.from_to_re = patterns.compile(rf"(?:由|从)(?:{periods}|\d{{4}}年(?:底|末)?)?的?(?=[\d０-９])")
        self.to_re = patterns.compile(r"\p{Han}{0,3}?(?:到|至)(?:\d{4}年(?:底|末)?的?)?")
        self.decrease_words = set(d["decrease-words"])
        verbs = _alternation([*d["increase-words"], *d["decrease-words"]])
        self.change_after_re = patterns.compile(
            rf"(?:相比|相较)?[，,]?(?:{_alternation(d['increment-cues'])})?(?:分别)?(?P<verb>{verbs})了?"
        )
        self.stated_change_re = patterns.compile(
            rf"[，,](?:{_alternation(d['increment-cues'])})?(?:分别)?(?P<verb>{verbs})了?(?=[\d０-９])"
        )
        self.share_re = re.compile(_literals(d["share-words"]))
        self.doubling_re = patterns.compile(
            r"[，,]?(?:实现|完成|比上年|较上年|同比)?(?:了)?(?P<verb>翻(?:了)?(?P<n>[一两二三])?番)"
        )
        self.of_whole_re = patterns.compile(
            rf"(?<=[，,])(?:{_alternation(d['of-whole-verbs'])})(?P<name>[^\d０-９，,。；;：:、（）()]{{0,10}}?)(?=[\d０-９])"
        )
        self.share_of_total_re = patterns.compile(
            r"占(?P<whole>[^\d０-９，,。；;：:、（）()]{1,12}?)的(?=百分之|[\d０-９])"
        )
        self.whole_words = tuple(d["whole-words"])
        self.carried_part_cues = tuple(d["carried-part-cues"])
        self.group_household_re = patterns.compile(
            rf"(?<=[，,])(?:{_alternation(d['household-scope-words'])})(?P<group>\p{{Han}}{{2,5}}?)"
            r"(?:家庭|户)(?:共|数)?(?=[\d０-９])"
        )
        self.base_clause_re = patterns.compile(
            rf"(?:{_alternation(d['compare-words'])})(?:{periods}|(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?:同期|底|末)?)的"
        )
        self.growth_clause_re = patterns.compile(
            rf"(?:{_alternation(d['increment-cues'])})?(?:{verbs})了?"
            r"[\d０-９]{1,4}(?:[.．][\d０-９]{1,3})?(?:%|％|个百分点|倍)"
        )
        self.part_name_re = re.compile(_literals(d["part-name-words"]))
        number = r"\d{1,2}(?:\.\d{1,2})?"
        self.structure_chain_re = patterns.compile(
            rf"(?<![\d.．:：∶]){number}(?:\s?[:：∶]\s?{number}){{2,4}}(?![\d.．:：∶])"
        )
        self.structure_split_re = patterns.compile(r"\s?[:：∶]\s?")
        self.structure_word_re = re.compile(_literals(d["structure-words"]))
        self.structure_gate = _gate(d["structure-words"])
        self.whole_filler_re = patterns.compile(rf"(?:{_alternation(d['whole-fillers'])})(?=[\d０-９])")
        self.increment_re = patterns.compile(
            rf"(?:{_alternation(d['increment-cues'])})(?P<verb>{verbs}|多|少)了?(?=[\d０-９])"
        )
        self.remaining_re = re.compile(_literals(d["remaining-words"]))
        self.total_clause_re = re.compile(_literals(d["total-clause-words"]))
        self.general_classifiers = set(d["general-classifiers"])
        self.real_growth_re = re.compile(_literals(d["real-growth-words"]))
        # Slogans and the items that repeat their key word: "四个一批：关停一批、整合一批……".
        slogan_intro = _alternation(d["slogan-intro-words"])
        # Every slogan ends at a colon or at a comma and one of these. (Plain words: the standard
        # library's scan is faster; matches cannot overlap unless a word holds a comma.)
        intro_words = sorted({w for w in d["slogan-intro-words"] if w}, key=_longest_first)
        self.slogan_intro_re = re.compile("[，,](?:" + "|".join(re.escape(w) for w in intro_words) + ")")
        self.slogan_intros_overlap = any("，" in w or "," in w for w in intro_words)
        not_one = NUMERAL_CHARS.replace("一", "")
        self.slogan_part_re = patterns.compile(
            rf"(?<![\d{NUMERAL_CHARS}第])(?P<num>十|[两二三四五六七八九])个?(?P<key>(?:(?![{not_one}])\p{{Han}}){{1,4}})"
        )
        self.slogan_re = patterns.compile(
            rf"(?<![\d{NUMERAL_CHARS}第])(?P<num>十|[两二三四五六七八九])(?P<ge>个)?"
            rf"(?P<head>(?![{NUMERAL_CHARS.replace('一', '')}])\p{{Han}}{{1,4}})"
            rf"(?P<close>[”」』])?(?P<noun>\p{{Han}}{{0,4}})(?:[：:]|[，,](?:{slogan_intro})[：:，,]?)"
        )
        self.person_units = set(d["person-units"])
        adverbs = _alternation(d["shared-verb-adverbs"])
        self.shared_verb_re = patterns.compile(
            r"“(?P<slogan>(?P<num>[双两二三四五六七八九十])个?(?P<key>\p{Han}{1,3}))”"
            r"(?:[：:]|[，,](?:即|就是)[：:]?)"
            rf"(?P<list>[^，,。；;：:！？“”\d]{{2,80}}?)(?:{adverbs}){{0,3}}(?P=key)"
        )
        self.item_split_re = re.compile(_literals(d["conjunctions"]))
        self.respectively_re = re.compile(rf"[，,](?:{_literals(d['respectively-cues'])})")
        self.event_units = set(d["event-units"])
        self.duration_re = patterns.compile(
            rf"(?:{_alternation(d['duration-words'])})(?P<n>[0-9]{{1,3}}|[{CN_COUNT}一十百]{{1,4}})"
            r"(?P<unit>个月|天|日|周|年)(?![多余底初末])"
        )
        self.date_range_re = _DATE_RANGE_RE
        self.ratio_re = patterns.compile(
            r"按(?:照)?(?<![\d:：∶])(?P<a>\d{1,3})\s?[:：∶]\s?(?P<b>\d{1,3})的?(?:比例|比)"
        )
        self.ratio_count_units = set(d["ratio-count-units"])
        self.conversions: dict[str, dict[str, float]] = {}
        for big, small, factor in d["unit-conversions"]:
            self.conversions.setdefault(big, {})[small] = float(factor)
            self.conversions.setdefault(small, {})[big] = 1 / float(factor)
        self.conversion_link_re = patterns.compile(
            rf"(?:[（(](?:{_alternation(d['conversion-words'])})?|[，,]?(?:折合|约合))(?=[\d０-９]|约|近)"
        )
        self.triggers = self._triggers()

    def _triggers(self) -> Triggers:
        """The anchor characters of each sentence check: those of the cue its condition in check() needs."""
        d = self.data
        common = "".join(d["common-characters"])

        def anchors(key: str) -> str | None:
            # The cue patterns are alternations of the non-empty words (an empty list matches anywhere).
            return hitting_chars((w for w in d[key] if w), common)

        def joined(*parts: str | None) -> str | None:
            return None if any(part is None for part in parts) else "".join(part or "" for part in parts)

        rates = (
            hitting_chars(
                [*(w for w in d["bounded-rates"] if w), *(w for w in d["computed-rates"] if w), "率"], common
            )
            if anchors("bounded-rates") and anchors("computed-rates")
            else None
        )
        # A count (count_re) has a classifier right after its numeral, whose last character is one of
        # these (a digit of another script aside): a sentence holding no such pair has no count.
        classifiers = sorted({w for w in d["count-classifiers"] if w}, key=_longest_first)
        count_pairs = (
            re.compile(f"[{CN_COUNT}一0-9０-９](?:{'|'.join(re.escape(w) for w in classifiers)})")
            if classifiers
            else None
        )
        return Triggers(
            {
                CARRIED: hitting_chars(d["carried-part-cues"], common),
                PARTS_AFTER: joined(anchors("part-cues"), "第"),  # + 第一
                AMONG: "中",  # 中，
                PARTS_BEFORE: anchors("total-cues"),
                # A count is checked against a list: its items are cut by 、 or are titles in 《》.
                COUNTS: "、《",
                RATES: rates,
                AVERAGES: "均每",
                CHANGES: joined(anchors("compare-words"), anchors("base-periods"), "由从"),
                SHARES: anchors("share-words"),
                OF_WHOLE: anchors("of-whole-verbs"),
                SHARE_OF_TOTAL: "占",
                RESPECTIVELY: anchors("respectively-cues"),
                DURATIONS: "至到—-",  # _durations reads only a sentence with a date range
                STRUCTURES: ":：∶",  # a chain of numbers joined by colons
                GROUP_HOUSEHOLDS: "户",
                RATIOS: "按",
                CONVERSIONS: "（(合",
                INCREMENTS: anchors("increment-cues"),
                REMAINING: anchors("remaining-words"),
            },
            {**self._plain_cues(), COUNTS: count_pairs} if count_pairs else self._plain_cues(),
        )

    def _plain_cues(self) -> dict[int, re.Pattern[str]]:
        """For checks whose cue is rarer than its anchors: a standard-library pattern found in every
        sentence where the check's condition in check() holds, tried in paragraphs without digits of
        other scripts (there \\d is [0-9０-９]). Each is the cue pattern with its look-arounds read as
        plain characters (or a part of it), so it matches wherever the cue pattern does. A check whose
        word list is empty (its pattern then matches anywhere) gets none. Every alternative starts with
        a literal character or the pattern with a class: the engine then skips to where one can start."""
        d = self.data
        digit = "[0-9０-９]"

        def words(*keys: str) -> list[str] | None:
            found = [w for key in keys for w in d[key]]
            if not found or not all(found):
                return None
            return sorted(set(found), key=_longest_first)

        def alternation(words: list[str]) -> str:
            return "|".join(re.escape(w) for w in words)

        def each(heads: list[str], tail: str) -> str:
            # (?:heads)tail written as one alternative per head.
            return "|".join(re.escape(head) + tail for head in heads)

        cues: dict[int, str] = {}
        part_cues = words("part-cues")
        if part_cues:
            # part_cue_re, or ordinal_parts_re: 第一 after a clause mark.
            cues[PARTS_AFTER] = f"{alternation(part_cues)}|第一(?<=[，,；;：:]第一)"
        cues[AMONG] = "中[，,]"
        total_cues = words("total-cues")
        if total_cues:
            # marked_total_cue_re: a cue right after a clause mark.
            cues[PARTS_BEFORE] = f"[，,；;](?:{alternation(total_cues)})"
        bounded, computed = words("bounded-rates"), words("computed-rates")
        if bounded and computed:
            # A word holding 率 is found by 率 itself.
            cues[RATES] = "|".join(["率", *(re.escape(w) for w in (*bounded, *computed) if "率" not in w)])
        units, periods = words("average-units"), words("periods-per-year")
        if units and periods:
            per = sorted({*units, *periods}, key=_longest_first)
            cues[AVERAGES] = f"{each(per, '均')}|平均每|每(?:{alternation(per)})平均"
        compare, bases, verbs = words("compare-words"), words("base-periods"), words("stated-base-verbs")
        if compare and bases and verbs:
            # compare_re, stated_base_re, from_to_re (a period, a year's digits, 的 or a digit after 由/从).
            cues[CHANGES] = "|".join(
                (
                    each(compare, f"(?:{alternation(bases)}|{digit})"),
                    each(bases, f"(?:{alternation(verbs)}){digit}"),
                    each(["由", "从"], f"(?:{alternation(bases)}|的|{digit})"),
                )
            )
        of_whole = words("of-whole-verbs")
        if of_whole:
            cues[OF_WHOLE] = f"[，,](?:{alternation(of_whole)})[^0-9０-９，,。；;：:、（）()]{{0,10}}{digit}"
        respectively = words("respectively-cues")
        if respectively:
            cues[RESPECTIVELY] = f"[，,](?:{alternation(respectively)})"
        durations = words("duration-words")
        if durations:
            cues[DURATIONS] = f"(?:{alternation(durations)})[0-9{CN_COUNT}一十百]"
        scopes = words("household-scope-words")
        if scopes:
            cues[GROUP_HOUSEHOLDS] = f"[，,](?:{alternation(scopes)})"
        conversion = words("conversion-words")
        inside = f"(?:{alternation(conversion)})?" if conversion else ""
        cues[CONVERSIONS] = each(["（", "(", "折合", "约合"], f"{inside}(?:{digit}|约|近)")
        remaining = words("remaining-words")
        if remaining:
            cues[REMAINING] = alternation(remaining)
        return {check: re.compile(pattern) for check, pattern in cues.items()}

    def _family(self, q: Quantity) -> str | None:
        if not q.is_amount or q.unit is None or q.unit in self.non_additive:
            return None
        return self.family.get(q.unit, q.unit)

    @staticmethod
    def _quantities_in(doc: Document, start: int, end: int) -> list[Quantity]:
        """The quantities of ``doc`` starting at or after ``start`` and ending by ``end``."""
        return _quantity_index(doc).between(start, end)

    @staticmethod
    def _quantity_at(doc: Document, position: int) -> Quantity | None:
        """The quantity starting exactly at ``position``, if any."""
        return _quantity_index(doc).at(position)

    def _not_a_part(self, clause_prefix: str) -> bool:
        """True when the number after ``clause_prefix`` is a change, a rate or a maximum."""
        # "第一产业增加值12.1亿元" names a part, not an increase.
        clause_prefix = self.part_name_re.sub("", clause_prefix)
        if self.not_part_long_re and self.not_part_long_re.search(clause_prefix):
            return True
        tail = clause_prefix[-2:]
        return any(w in tail for w in self.not_part_short)
