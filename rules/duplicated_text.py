"""Rule duplicated-text (RL102): the same text typed twice."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from reportlint import patterns
from reportlint.document import BLANK, Document
from reportlint.rule import Applicability, Finding, Fix, Rule, Severity
from reportlint.segment import get_segmenter

# Longest repeated unit looked for (characters).
_MAX_UNIT = 8
# Characters of context segmented on each side of a candidate.
_WINDOW = 6
# Longest text ever segmented for one candidate (a run of 100,000 copies is not segmented whole).
_MAX_WINDOW = 64
# A repeated unit is Chinese text, possibly with digits ("2025年"); Latin text is left alone.
_UNIT_CHARS = r"[\p{Han}0-9]"
# Marks that may separate the two copies: “四好农村路”路建设.
_QUOTES = '”’」』》"“‘「『《'
# Blanks that may separate the two copies: "深入开展 深入开展".
_BLANKS = " \t\u3000\u00a0"
_GAP = patterns.compile(f"[{_BLANKS}]{{1,3}}")
# A quoted term or title typed twice with its marks: “一站式”“一站式”, 《条例》《条例》.
_QUOTED_REPEAT = patterns.compile(
    r"(?P<x>“[^“”\n]{1,30}”|《[^《》\n]{1,30}》|「[^「」\n]{1,30}」|‘[^‘’\n]{1,30}’)(?P=x)"
)
# An amount typed twice: 3.2亿元3.2亿元, 75.3% 75.3% (a whole number with a Chinese unit is
# also found by the word pass). The figure is an atomic group: matched shorter, it would be
# followed by a digit, a comma or a point, where no unit character can follow, so giving its
# characters back never finds a match (and the engine no longer tries).
_AMOUNT_REPEAT = patterns.compile(
    rf"(?<![\d.,])(?P<x>(?>\d{{1,12}}(?:,\d{{3}}){{0,4}}(?:\.\d{{1,6}})?)[\p{{Han}}%％‰]{{1,4}})"
    rf"[{_BLANKS}]{{0,3}}(?P=x)"
)
# A whole clause after a list mark or comma that repeats the end of the clause before it:
# "实现应保尽保、应保尽保，" (quotation marks may stand around it).
_TAIL = patterns.compile(r"[\p{Han}“”‘’《》]{2,30}")
_TAIL_SEPARATORS = frozenset("、，,")
# ... and these when the repeat ends with the same mark: "……生活方式；方式；".
_SAME_TAIL_SEPARATORS = frozenset("；;")
# Single-character frequency below which jieba hardly knows a character (義 2, 國 10; 植 560).
_KNOWN_CHARACTER = 50
_HAN = patterns.compile(r"\p{Han}")
_CLAUSE = patterns.compile(r"[，,、；;：:]")
_SENTENCE = patterns.compile(r"[。；;！？!?]")
_LINE_END = patterns.compile(r"\p{Han}\Z")
_SYMBOLS = "%％‰"
# Longest phrase looked for inside a clause (beyond _MAX_UNIT); longer repeats are whole clauses.
_MAX_PHRASE = 30
# Clauses compared as one unit ("A，B，A，B，" is a two-clause repeat).
_MAX_CLAUSES = 3
# One clause separator (a comma with a digit on either side is a thousands separator) with any
# marks and white space after it: "。\n" and "，，" separate two clauses, not three. The pattern
# begins with a character class (the comma's conditions are lookarounds after it) so that the
# engine skips to the next mark with its first-character scan instead of trying every position.
_SEPARATOR = r"[，,；;。！？!?、：:\n](?<!\d,)(?!(?<=,)\d)[，,；;。！？!?、：:\s]*"
# The same as a capture, so that splitting keeps the separators. Split with the standard
# library's engine, about twice as fast here; it has no catastrophic cases for this pattern,
# and its \s is spelt out as regex's (Unicode White_Space: re's \s adds \x1c-\x1f). (Its \d
# differs only for digits of scripts newer than Python's Unicode tables.)
_UNICODE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SEPARATORS = re.compile(f"({_SEPARATOR})".replace(r"\s", _UNICODE_SPACE))
_EXCLAMATION = frozenset("！!")
_SENTENCE_END = frozenset("。；;！？!?")
_PAUSE = patterns.compile(r"[，,、；;。：:！？!?）)”]")
# Characters hashed at a time when looking for repeats (see _repeat_spans).
_CHUNK = 1 << 16
_NONZERO = patterns.compile(rb"[^\x00]")
# Byte table: 0 stays 0, any other byte becomes 1.
_NONZERO_TO_ONE = bytes([0] + [1] * 255)
# Characters beyond the BMP, and the CJK ideograph that stands for them in byte prefilters.
_ASTRAL = patterns.compile(r"[\U00010000-\U0010FFFF]")
_ASTRAL_STANDIN = "\u9fff"
# High bytes of the UTF-16 blocks holding \p{Han} (and little else): CJK radicals, extension A,
# unified ideographs, compatibility ideographs. Han characters of the 0x30 block are listed apart.
_HAN_BLOCKS = (0x2E, 0x2F, *range(0x34, 0xA0), 0xF9, 0xFA)
_HAN_IN_PUNCTUATION_BLOCK = (
    "\u3005\u3007" + "".join(map(chr, range(0x3021, 0x302A))) + "\u3038\u3039\u303a\u303b"
)
# Characters shown of a long repeated text in a message.
_SHOWN = 24


@dataclass(frozen=True)
class _Candidate:
    first: int  # start of the first copy
    second: int  # start of the second (redundant) copy
    end: int  # end of the last redundant copy (a run "的的的" has two)
    unit: str
    kind: str  # "adjacent", "quote", "space" or "line"


class DuplicatedText(Rule):
    """同一词语或短语重复录入。

    作用：
    找出紧挨着重复录入的同一个字、词或短语，包括隔着引号、书名号、空格或换行的重复，
    连同引号重复的提法（“放管服”“放管服”）、重复的数额（3.2亿元3.2亿元），
    连续重复的分句、整句（“深化改革，深化改革，”“A。A。”，也包括跨段的整句），
    重复前一分句末尾的并列项（“应保尽保、应保尽保”），
    以及把上一分句末尾的词连同标点又敲一遍（“……的发展思想，⏎思想，着力……”，常见于换行处），
    以及重复的标点和符号（“，，”“。。”“、、”“%%”“《《”），标出多余的第二处，并给出删除它的修正。
    虚词叠用（“的的”“了了”“在在”）和重复标点的删除是安全修正；词语、短语、分句的删除需人工确认。
    重复的标点（全角、半角或混用，如“，，”“,，”）也归本规则报告；省略号“……”和破折号“——”不算。
    词尾一个字多敲一遍（“基层层治理”“招聘会会8场”）同样报告，但“层层压实”“各村村民”这类
    叠字或词语边界不报。

    为什么：
    输入法按词上屏，改稿时复制粘贴，最容易把同一个词敲两遍（“种养殖养殖”），
    或者在引号内外各留一份（“‘四好农村路’路建设”）。这类错误读者一眼可见，
    校对时却因为“看起来像词”而常被放过。规则用词典判断两份之间是不是词语边界，
    并用词表排除汉语正常的重叠（扎扎实实、户户、村村通、紧紧围绕、一个项目一个项目抓），
    以及只是看起来重复的词语边界（工作作为、低保保障、厌学学生、上月月收入、“十五五”）。

    错误示例：
    积极引导招商引资企业在种养殖养殖领域深度合作。
    持续优化营商环境，持续优化营商环境，全年新登记市场主体1260户。
    加强基层层治理，城镇调查失业率控制在5.5%%以内。
    全年完成x条“四好农村路”路建设，按照时序进度推进。
    进一步提升群众的的获得感和满意度。
    2025年2025年全镇计划实施项目12个。
    深化“放管服”“放管服”改革，全年实现税收1.86亿元1.86亿元。
    实现应保尽保、应保尽保，全年发放低保金2860万元。

    正确示例：
    坚持把乡村振兴工作作为“三农”工作的重中之重。
    扎扎实实推进各项工作，实现“户户有增收项目，村村有致富产业”。
    一个项目一个项目抓、一件实事一件实事办，以钉钉子精神推动工作落实。
    为了了解群众诉求，形成“齐抓共管、失职追责”责任体系。
    各级人大代表代表人民依法履职。（“代表”先作名词、再作动词）

    选项：
    min-word-frequency（默认 10）：词典中出现次数低于此值的词条不当作词（jieba 词典收有少量噪声词条）。
    min-clause-chinese（默认 2）：重复的分句至少含多少个汉字才报告（含数字的分句再多 2 个，
    以免“1.2万人、1.2万人”这类相同数值被误报；感叹句“加油！加油！”再多 1 个）。
    词表可在配置中扩展：extend-reduplications（合法叠字，如“点点”）、extend-legitimate-repeats
    （合法的词语重叠，如“研究研究”）、extend-function-words（叠用即错的单字词）、
    extend-words（词典缺少的报告用词，如“村集体”，用于判断词语边界）、
    extend-noun-verbs（兼作名词和动词的词及其常见宾语，如“代表”后的“人民”）等。
    """

    code = "RL102"
    name = "duplicated-text"
    severity = Severity.ERROR
    summary = "同一词语或短语重复录入"
    data_file = "duplicated_text.toml"
    fixable = True
    # Dictionary entries rarer than this are not trusted as words (jieba keeps junk such as 进在 3).
    options: ClassVar[Mapping[str, Any]] = {"min-word-frequency": 10, "min-clause-chinese": 2}

    def setup(self) -> None:
        data = self.data
        self._min_frequency = int(self.settings["min-word-frequency"])
        self._function_words = frozenset(data.get("function-words", []))
        self._reduplications = frozenset(data.get("reduplications", []))
        self._words = frozenset(data.get("words", []))
        self._final_particles = frozenset(data.get("final-particles", []))
        self._legitimate = frozenset(data.get("legitimate-repeats", []))
        self._prefixes = tuple(data.get("repeat-prefixes", []))
        self._distributive = tuple(data.get("distributive-prefixes", []))
        self._leads = tuple(data.get("reduplication-leads", []))
        self._followers = tuple(data.get("reduplication-followers", []))
        self._magnitudes = frozenset(data.get("magnitudes", ""))
        self._classifiers = frozenset(data.get("classifiers", ""))
        self._numerals = frozenset(data.get("numerals", ""))
        # A Chinese character that is not a numeral.
        numerals = "".join(sorted(ch for ch in self._numerals if len(ch) == 1))
        self._han_not_numeral = patterns.compile(
            rf"(?![{regex.escape(numerals)}])\p{{Han}}" if numerals else r"\p{Han}"
        )
        self._heading = patterns.compile(data.get("heading-pattern", r"(?!)"))
        self._noun_verbs: dict[str, tuple[str, ...]] = {
            str(word): tuple(str(o) for o in objects)
            for word, objects in dict(data.get("noun-verbs", {})).items()
        }
        quotes = regex.escape(_QUOTES)
        # The shortest unit repeated at a position, adjacent or across one quotation mark.
        self._pattern = patterns.compile(
            rf"(?P<x>{_UNIT_CHARS}{{1,{_MAX_UNIT}}}?)(?:[{quotes}]|[{_BLANKS}]{{1,3}})?(?P=x)"
        )
        self._unit = patterns.compile(rf"{_UNIT_CHARS}+")
        # A longer phrase, possibly with quotation marks inside: 落实“河长制”责任落实“河长制”责任.
        self._long_pattern = patterns.compile(
            rf"(?P<x>[\p{{Han}}0-9{quotes}]{{{_MAX_UNIT + 1},{_MAX_PHRASE}}}?)(?P=x)"
        )
        self._min_clause_han = int(self.settings["min-clause-chinese"])
        groups: list[str] = [g for g in data.get("doubled-punctuation", []) if g]
        self._punct_group = {ch: g for g in groups for ch in g}
        # A run of one group's marks; the lookahead (two marks of any group) only lets the
        # alternation be skipped quickly where no two marks meet.
        marks = regex.escape("".join(groups))
        self._punctuation = (
            patterns.compile(
                f"(?=[{marks}]{{2}})(?:" + "|".join(f"[{regex.escape(g)}]{{2,}}" for g in groups) + ")"
            )
            if groups
            else None
        )
        # Byte tables for the prefilter of _punctuation_findings: each group gets one bit, set
        # for the low and for the high byte of its marks (one pair of tables per eight groups).
        self._group_tables: list[tuple[bytes, bytes]] = []
        for first in range(0, len(groups), 8):
            low, high = bytearray(256), bytearray(256)
            for bit, group in enumerate(groups[first : first + 8]):
                for code in map(ord, group):
                    if code <= 0xFFFF:
                        low[code & 0xFF] |= 1 << bit
                        high[code >> 8] |= 1 << bit
            self._group_tables.append((bytes(low), bytes(high)))

    # -- entry point -------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        codes = _CodeUnits(doc.text)
        findings = list(self._punctuation_findings(doc, codes))
        findings.extend(self._clause_findings(doc))
        findings.extend(self._phrase_findings(doc, codes))
        findings.extend(self._marked_findings(doc))
        for candidate in self._candidates(doc, codes):
            finding = self._judge(doc, candidate)
            if finding is not None:
                findings.append(finding)
        findings.sort(key=lambda f: (f.start, -(f.end - f.start)))
        kept: list[Finding] = []
        for finding in findings:
            if kept and finding.start < kept[-1].end:
                continue
            kept.append(finding)
        return kept

    # -- repeated punctuation ----------------------------------------------------
    def _punctuation_findings(self, doc: Document, codes: _CodeUnits | None = None) -> Iterator[Finding]:
        if self._punctuation is None:
            return
        text = doc.text
        end = 0
        for start in self._punctuation_starts(text, codes):
            if start < end or (m := self._punctuation.match(text, start)) is None:
                continue
            end = m.end()
            if (finding := self._punctuation_finding(text, m)) is not None:
                yield finding

    def _punctuation_starts(self, text: str, codes: _CodeUnits | None = None) -> Iterator[int]:
        """Positions where two marks of one group may meet: where a doubled mark can start.

        Each character gets the bits of the groups its low byte and its high byte may belong
        to; a doubled mark has a bit in common with the next character. A superset of the
        starts of the pattern's matches, found with a few operations on whole byte strings.
        """
        low, high = (codes or _CodeUnits(text)).planes
        meets = 0
        for low_table, high_table in self._group_tables:
            groups = int.from_bytes(low.translate(low_table), "little") & int.from_bytes(
                high.translate(high_table), "little"
            )
            meets |= groups & (groups >> 8)
        if not meets:
            return
        flags = meets.to_bytes(len(text), "little").translate(_NONZERO_TO_ONE)
        found = flags.find(1)
        while found >= 0:
            yield found
            found = flags.find(1, found + 1)

    @staticmethod
    def _punctuation_finding(text: str, m: regex.Match[str]) -> Finding | None:
        run = m.group()
        if run.isascii():
            # "a,,b" or "std::x" in Latin text or code is not report prose; "5.6%%" after a
            # number is ("%%d" in a format string is not).
            before = text[m.start() - 1] if m.start() and run[0] != "%" else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum()):
                return None
        kind = "符号" if run[0] in _SYMBOLS else "标点"
        return Finding(
            m.start() + 1,
            m.end(),
            f"{kind}「{run[0]}」重复，请删除多余的{len(run) - 1}个",
            suggestion=f"保留一个「{run[0]}」",
            fix=Fix(m.start() + 1, m.end(), "", Applicability.SAFE),
        )

    # -- whole clauses, sentences and long phrases typed twice ---------------------
    def _clause_findings(self, doc: Document) -> Iterator[Finding]:
        """Adjacent clauses or runs of up to three clauses with the same text.

        "深化改革，深化改革，" "A。A。" "A，B，A，B，": each clause is compared once with the
        clause one, two and three places on, so the pass is linear in the text.
        """
        text = doc.text
        # Clause texts and separators alternate: [clause, separator, clause, …, clause].
        parts = _SEPARATORS.split(text)
        words = list(map(str.strip, parts[0::2]))
        # Only a clause equal to one of the next three, or ending with the next one, can start a
        # finding: these are found with C-level maps, the loop below visits them alone.
        starts = set(itertools.compress(itertools.count(), map(str.endswith, words, words[1:])))
        if starts and self._min_clause_han >= 2:
            # A next clause of less than two characters is no repeat (a repeated clause needs two
            # Chinese characters, a repeated tail too): "……的，" ends with "" at the end of a text.
            starts = {i for i in starts if len(words[i + 1]) >= 2}
        for n in range(2, _MAX_CLAUSES + 1):
            starts.update(itertools.compress(itertools.count(), map(operator.eq, words, words[n:])))
        if not starts:
            return
        ends = list(itertools.accumulate(map(len, parts)))
        # (start, end of text, end of separator) per clause.
        clauses = list(zip([0, *ends[1::2]], ends[0::2], [*ends[1::2], len(text)], strict=True))
        i = 0
        for candidate in sorted(starts):
            if candidate < i:
                continue
            i = candidate
            for n in range(1, _MAX_CLAUSES + 1):
                if i + 2 * n > len(clauses) or words[i : i + n] != words[i + n : i + 2 * n]:
                    continue
                if not self._repeatable(text, clauses, words, i, n):
                    continue
                copies = 1
                while words[i : i + n] == words[i + n * (copies + 1) : i + n * (copies + 2)]:
                    copies += 1
                yield self._clause_finding(text, clauses, i, n, copies)
                i += n * (copies + 1) - 1
                break
            else:
                if (tail := self._tail_finding(doc, clauses, words, i)) is not None:
                    yield tail
                    i += 1
            i += 1

    def _tail_finding(
        self, doc: Document, clauses: list[tuple[int, int, int]], words: list[str], i: int
    ) -> Finding | None:
        """A clause that repeats the end of the clause before it: "实现应保尽保、应保尽保，".

        The repeat must be three or more Chinese characters with no figures, after a comma or a
        list mark, and begin a word of the clause before it (not "……保障、障"). When the repeat
        ends with the same mark as the clause before it, two characters do, and a word ending a
        compound too ("……的发展思想，⏎思想，", "生态环境，环境，"): the clause is nothing but the
        last word typed again, mark and all, often after a line break.
        """
        if i + 1 >= len(clauses):
            return None
        head, tail = words[i], words[i + 1]
        if len(tail) >= len(head) or not head.endswith(tail) or not _TAIL.fullmatch(tail):
            return None
        text = doc.text
        start, stop, after = clauses[i]
        same_mark = self._same_mark_after(text, clauses, i)
        mark = text[stop:after].strip()
        if mark not in _TAIL_SEPARATORS and not (same_mark and mark in _SAME_TAIL_SEPARATORS):
            return None  # "……的胜利；的胜利，又……" across a sentence end is a figure of speech
        if len(_HAN.findall(tail)) < (2 if same_mark else 3) or all(
            ch in self._numerals for ch in tail if _HAN.match(ch)
        ):
            return None
        if i + 2 < len(clauses) and tail in words[i + 2]:
            return None  # "要坚持，坚持，再坚持": emphasis that goes on, not a slip
        seam = start + len(text[start:stop].rstrip()) - len(tail)
        if not _HAN.match(text[seam - 1]) and text[seam - 1] not in _QUOTES:
            return None
        # With the same mark after both a word ending a compound will do too: 生态环境，⏎环境，
        if not (same_mark and self._is_word(tail)) and seam not in {
            t.start for t in doc.words(max(start, seam - _WINDOW), seam + len(tail))
        }:
            return None
        raw = text[clauses[i + 1][0] : clauses[i + 1][1]]
        second_start = clauses[i + 1][0] + len(raw) - len(raw.lstrip())
        second_end = second_start + len(tail)
        shown = tail if len(tail) <= _SHOWN else tail[:_SHOWN] + "……"
        return Finding(
            second_start,
            second_end,
            f"「{shown}」重复录入，请删除多余的一处",
            suggestion=f"删除重复的「{shown}」",
            fix=Fix(stop, second_end, "", Applicability.UNSAFE),
        )

    @staticmethod
    def _same_mark_after(text: str, clauses: list[tuple[int, int, int]], i: int) -> bool:
        """Whether clause ``i + 1`` ends with the same mark as clause ``i`` ("思想，⏎思想，")."""
        first = text[clauses[i][1] : clauses[i][2]].strip()[:1]
        _, stop, after = clauses[i + 1]
        return bool(first) and text[stop:after].strip()[:1] == first

    def _marked_findings(self, doc: Document) -> Iterator[Finding]:
        """A quoted term or an amount typed twice with its marks: “一站式”“一站式”, 3.2亿元3.2亿元."""
        text = doc.text
        quoted = _quoted_repeat_start(text)
        for pattern, begin in ((_QUOTED_REPEAT, quoted), (_AMOUNT_REPEAT, 0)):
            if begin < 0:
                continue
            for m in pattern.finditer(text, begin):
                unit = m.group("x")
                if not _HAN.search(unit) and pattern is _QUOTED_REPEAT:
                    continue
                second = m.end() - len(unit)
                yield Finding(
                    second,
                    m.end(),
                    f"「{unit}」重复录入，请删除多余的一处",
                    suggestion=f"删除重复的「{unit}」",
                    fix=Fix(m.start() + len(unit), m.end(), "", Applicability.UNSAFE),
                )

    def _repeatable(
        self, text: str, clauses: list[tuple[int, int, int]], words: list[str], i: int, n: int
    ) -> bool:
        """Whether clauses i..i+n typed again are a slip: enough Chinese text, not a cheer.

        Across a line break the first copy must end with the same mark as the second
        ("……全覆盖，⏎……全覆盖，"): a heading without a mark ("四、发展教育事业") is often
        taken up by the first clause of its paragraph ("发展教育事业，……").
        """
        han = sum(len(_HAN.findall(w)) for w in words[i : i + n])
        if any(ch.isdigit() for w in words[i : i + n] for ch in w):
            han -= self._min_clause_han  # "1.2万人、1.2万人": equal figures, not a repeated clause
        between = text[clauses[i + n - 1][1] : clauses[i + n - 1][2]]
        mark = between.strip()[:1]
        if "\n" in between:
            last = clauses[i + 2 * n - 1]
            if not mark or text[last[1] : last[2]].strip()[:1] != mark:
                return False
        # "加油！加油！" is rhetoric; "同时，同时，" is a slip.
        cheer = mark in _EXCLAMATION
        return han >= (self._min_clause_han + 1 if cheer else self._min_clause_han)

    def _clause_finding(
        self, text: str, clauses: list[tuple[int, int, int]], i: int, n: int, copies: int
    ) -> Finding:
        first_end = clauses[i + n - 1]
        last = clauses[i + n * (copies + 1) - 1]
        unit = text[clauses[i][0] : first_end[1]].strip()
        shown = unit if len(unit) <= _SHOWN else unit[:_SHOWN] + "……"
        extra = f"（共多出{copies}处）" if copies > 1 else ""
        first_mark = text[first_end[1] : first_end[2]].strip()
        last_mark = text[last[1] : last[2]].strip()
        if first_mark == last_mark:
            # "A。A。": the second copy with its mark; the fix also takes the line break after it.
            start = clauses[i + n][0]
            end = last[1] + len(text[last[1] : last[2]].rstrip())
            fix = Fix(start, last[2], "", Applicability.UNSAFE)
        else:
            # "A，A。": the mark between the copies and the second copy, leaving "A。".
            start, end = first_end[1], last[1]
            fix = Fix(start, end, "", Applicability.UNSAFE)
        what = "句子" if first_mark[:1] in _SENTENCE_END or n > 1 else "语句"
        return Finding(
            start,
            end,
            f"{what}「{shown}」重复录入{extra}，请删除多余的一处",
            suggestion=f"删除重复的「{shown}」",
            fix=fix,
        )

    def _phrase_findings(self, doc: Document, codes: _CodeUnits | None = None) -> Iterator[Finding]:
        """A phrase longer than the word window typed twice inside a clause."""
        text = doc.text
        pattern = self._long_pattern
        pos = 0
        # The pattern is tried only where some phrase repeats (see _phrase_spans): the matches
        # are those of a search from each `pos`, without a backreference at every position.
        for first, last in _phrase_spans(codes or _CodeUnits(text)):
            start = max(first, pos)
            while start < last:
                m = pattern.match(text, start)
                pos = start + 1
                if m is not None:
                    unit = m.group("x")
                    k = len(unit)
                    end = start + 2 * k
                    while text.startswith(unit, end):
                        end += k
                    pos = end - k + 1
                    if (finding := self._phrase_finding(unit, start, end)) is not None:
                        yield finding
                start = pos

    @staticmethod
    def _phrase_finding(unit: str, start: int, end: int) -> Finding | None:
        """``unit`` typed again from ``start`` to ``end`` (one or more redundant copies)."""
        k = len(unit)
        if any(k % p == 0 and unit == unit[:p] * (k // p) for p in range(1, _MAX_UNIT + 1)):
            return None  # a run of a short unit, reported by the word pass
        if len(_HAN.findall(unit)) < _MAX_UNIT // 2:
            return None
        copies = (end - start) // k - 1
        extra = f"（共多出{copies}处）" if copies > 1 else ""
        shown = unit if k <= _SHOWN else unit[:_SHOWN] + "……"
        return Finding(
            start + k,
            end,
            f"「{shown}」重复录入{extra}，请删除多余的一处",
            suggestion=f"删除重复的「{shown}」",
            fix=Fix(start + k, end, "", Applicability.UNSAFE),
        )

    # -- candidates (cheap, no dictionary) ---------------------------------------
    def _candidates(self, doc: Document, codes: _CodeUnits | None = None) -> Iterator[_Candidate]:
        text = doc.text
        pattern = self._pattern
        codes = codes or _CodeUnits(text)
        units = codes.mask(_UNIT)
        # The pattern is tried only where a unit repeats, adjacent (_repeat_spans over unit
        # characters alone) or across a mark or blanks (_gap_spans): the same matches as a
        # search from each `pos`, without a backreference tried at every position.
        spans = _repeat_spans(_unit_hashes(codes, units), range(1, _MAX_UNIT + 1), codes.planes[1])
        spans.extend(_gap_spans(text, codes, units))
        spans.sort()
        pos = 0
        for first, last in spans:
            start = max(first, pos)
            while start < last:
                m = pattern.match(text, start)
                pos = start + 1
                if m is None:
                    start = pos
                    continue
                # The pattern found the shortest repeated unit starting here; try the longer ones
                # too, up to the end of the unit characters.
                run = self._unit.match(text, start, start + _MAX_UNIT)
                longest = 0 if run is None else run.end() - start
                for k in range(len(m.group("x")), longest + 1):
                    unit = text[start : start + k]
                    after = start + k
                    if text.startswith(unit, after):
                        end = after + k
                        # A run of copies ("的的的", 100,000 repeated characters) is one candidate.
                        while text.startswith(unit, end):
                            end += k
                        pos = max(pos, end - 2 * k + 1)
                        if self._plausible(text, unit, start, end, adjacent=True):
                            yield _Candidate(start, after, end, unit, "adjacent")
                    elif k == longest:  # before that a unit character follows: no gap
                        if after < len(text) and text[after] in _QUOTES:
                            gap, kind = 1, "quote"
                        else:
                            blank = _GAP.match(text, after)
                            gap, kind = (blank.end() - after, "space") if blank else (0, "")
                        if gap and text.startswith(unit, after + gap):
                            end = after + gap + k
                            if self._plausible(text, unit, start, end, adjacent=False):
                                yield _Candidate(start, after + gap, end, unit, kind)
                start = pos
        yield from self._line_candidates(doc)

    def _line_candidates(self, doc: Document) -> Iterator[_Candidate]:
        """The end of one paragraph typed again at the start of the next."""
        for before, before_end, after, after_start in _touching_paragraphs(doc):
            if not _LINE_END.search(before):
                continue
            for k in range(_MAX_UNIT, 1, -1):
                unit = before[-k:]
                if len(unit) < k or not after.startswith(unit):
                    continue
                if not self._looks_like_heading(before, unit) and self._plausible(
                    doc.text, unit, -1, -1, adjacent=False
                ):
                    yield _Candidate(before_end - k, after_start, after_start + k, unit, "line")
                break
            else:
                # "关于“三农”工作的⏎的重要论述": a function word at the break typed again.
                unit = before[-1]
                if unit in self._function_words and after.startswith(unit):
                    yield _Candidate(before_end - 1, after_start, after_start + 1, unit, "line")

    def _looks_like_heading(self, line: str, unit: str) -> bool:
        """A title or heading line, whose last words the next paragraph may well take up.

        A numbered line with several clauses ("一是强化组织领导，成立……的工作") is a heading
        only if the repeat is its whole last clause ("（一）坚持党建引领，夯实基层基础");
        a repeat of part of that clause is a sentence broken by a line break and typed again.
        """
        clause = _CLAUSE.search(line) is not None
        if len(line) < 8 or (len(line) < 15 and not clause):
            return True  # 产业发展 / 全力推进乡村振兴
        if not self._heading.match(line) or len(line) > 40 or _SENTENCE.search(line):
            return False
        if not clause:
            return True
        tail = _CLAUSE.split(line)[-1]
        return tail == unit

    def _plausible(self, text: str, unit: str, start: int, end: int, *, adjacent: bool) -> bool:
        """Cheap tests on a repeated unit: numbers, periodic units and data-listed patterns.

        Reduplication only happens in adjacent copies: across a quotation mark or a line
        break ("“十一五”一五", "“先干起来”来") the patterns below do not apply.
        """
        k = len(unit)
        if adjacent and unit.isdecimal() and not (k == 1 and unit in self._magnitudes):
            return False  # figures ("000"): the test below, without a look at each character
        after_number = start > 0 and text[start - 1].isdigit()
        # "11" "1212" "十五五" "一一对应" are fine; "6434万万" is not.
        if (
            adjacent
            and self._han_not_numeral.search(unit) is None
            and not (k == 1 and after_number and unit in self._magnitudes)
        ):
            return False
        if not adjacent:
            return _HAN.search(unit) is not None
        if start >= 0:
            if unit[0].isdigit() and after_number:
                return False
            if unit[-1].isdigit() and end < len(text) and text[end].isdigit():
                return False
        if (unit + unit).find(unit, 1) < k:  # the unit is a shorter one repeated
            return False  # "的的" as a unit is a run of "的", found with k=1
        if unit.startswith(self._prefixes):
            return False  # 很多很多
        if unit * 2 in self._legitimate and self._reduplication_context(text, start, end):
            return False  # 认真研究研究 (but 基础研究研究和应用研究)
        if unit.startswith(self._distributive) and self._distributive_context(text, unit, start, end):
            return False  # 一个项目一个项目抓 (but 过去一年一年，/ 一带一路一路)
        if k == 1:
            if unit * 2 in self._reduplications and not after_number:
                # 层层压实 is fine; 基层层治理 (基层 + a stray 层) is judged with the dictionary.
                return end - start == 2 and start >= 0 and self._ends_word(text, start, start + 1)
            if start > 0 and text[start - 1] in self._distributive:
                return False  # 一步步, 一项项
        return True

    def _reduplication_context(self, text: str, start: int, end: int) -> bool:
        """Whether a listed verb reduplication (研究研究) stands where a verb can."""
        if start <= 0 or not _HAN.match(text[start - 1]):
            return True
        if text[end : end + 2].startswith(self._followers):
            return True  # 研究研究再说, 商量商量吧
        return text[max(0, start - 4) : start].endswith(self._leads)  # 认真研究研究

    def _distributive_context(self, text: str, unit: str, start: int, end: int) -> bool:
        """Whether 一X一X is the distributive pattern (一件一件地办) rather than a slip."""
        if start < 0:
            return True
        if len(unit) < 2 or unit[1] not in self._classifiers:
            return False  # 一定一定, 一切一切, 一系列一系列: words, not 一 + classifier
        if start >= 2 and text[start - 2] == unit[0]:
            return False  # 一带一路一路: the tail of a 一A一B slogan typed again
        return end < len(text) and bool(_HAN.match(text[end]))  # 过去一年一年，

    # -- judgement (dictionary and segmentation) ---------------------------------
    def _judge(self, doc: Document, c: _Candidate) -> Finding | None:
        text = doc.text
        k = len(c.unit)
        safe = False
        if k == 1 and c.kind == "adjacent":
            verdict = self._judge_character(doc, c)
            if verdict is None:
                return None
            safe = verdict
        elif k == 1:
            if self._starts_word(text, c.second, c.second + 1):
                return None  # “失职追责”责任体系
            if c.kind != "quote" and (
                c.unit not in self._function_words or self._ends_word(text, c.first, c.first + 1)
            ):
                return None  # across a blank or a line break only a stray function word counts
        elif (k == 2 or c.kind != "adjacent") and not self._is_word(c.unit) and not self._aligned(doc, c):
            # A word or three or more characters typed twice in a row are a slip whatever the
            # segmenter thinks (学党史学党史, 面对面对: jieba reads 史学, 面对面 across the seam);
            # two characters that are no word may be a boundary (产业创业创新).
            return None
        if k > 1 and c.kind == "adjacent" and self._noun_verb(text, c):
            return None
        return self._finding(c, safe)

    def _noun_verb(self, text: str, c: _Candidate) -> bool:
        """A noun phrase ending in a word that is also its verb: 人大代表|代表|人民."""
        objects = self._noun_verbs.get(c.unit)
        return (
            objects is not None
            and c.end - c.second == len(c.unit)
            and c.first > 0
            and _HAN.match(text[c.first - 1]) is not None
            and text.startswith(objects, c.end)
        )

    def _judge_character(self, doc: Document, c: _Candidate) -> bool | None:
        """A doubled character: None when legitimate, else whether deleting it is safe."""
        text = doc.text
        a, b, x = c.first, c.second, c.unit
        after = text[c.end : c.end + 2]
        before = text[max(0, a - 2) : a]
        if len(after) == 2 and after[0] == after[1] and _HAN.match(after[0]):
            return None  # 是是非非, 的的确确 (AABB)
        if len(before) == 2 and before[0] == before[1] and _HAN.match(before[0]):
            return None  # 实实在在
        if a > 0 and text[a - 1].isdigit():
            # A unit doubled after a number: 692项项, 6400万人人 (but 2020年年底, 5万亩亩产).
            return None if self._starts_word(text, c.end - 1, c.end) else False
        listed = x * 2 in self._reduplications
        if listed and not self._split_pair(doc, c):
            return None
        if x in self._function_words:
            return self._function_word(doc, c)
        if not listed and self._is_word(x * 2):
            return None  # 等等: the segmenter's split (成本高等|等|现象) is no evidence here
        # A word covering both copies: 绿油油, 钉钉子, 不了了之.
        for begin, stop in (
            (a - 1, b + 1),
            (a, c.end + 1),
            (a - 1, c.end + 1),
            (a - 2, b + 1),
            (a, c.end + 2),
        ):
            if begin >= 0 and stop <= len(text) and self._is_word(text[begin:stop]):
                return None
        if self._starts_word(text, c.end - 1, c.end):
            return None  # 工作作为, 低保保障
        if not self._ends_word(text, a, a + 1) and not self._standalone_pair(doc, c):
            return None
        # Beside a character the dictionary barely knows (traditional script, names) its verdict is weak.
        nearby = text[a - 1 : c.end + 1]
        if any(_HAN.match(ch) and get_segmenter().word_frequency(ch) < _KNOWN_CHARACTER for ch in nearby):
            return None  # 朝鮮民主主義
        # The text after the copy must end there (10亿元元，) or read on as a word of its own
        # (种植植|领域), else the second copy probably begins a word the dictionary lacks
        # (车站站线, 翻案风风源).
        if c.end >= len(text) or not _HAN.match(text[c.end]):
            return False
        return False if self._starts_word(text, c.end, c.end + 1) else None

    def _function_word(self, doc: Document, c: _Candidate) -> bool | None:
        """A doubled function word is a slip unless a copy belongs to a longer word.

        目的|的, 为了|了解, 现在|在, 实事求是|是, 不了了之 are words around the doubled
        character; 群众|的|的|获得感 and 节点|将|将|材料 are slips (deleting one is safe).
        """
        text = doc.text
        begin = max(c.first - _WINDOW, _line_start(text, c.first))
        stop = min(c.end + _WINDOW, c.first + _MAX_WINDOW, _line_end(text, c.first))
        # 招聘会|会|8场: the first copy ends a word and the second stands before a number or a
        # mark, where it cannot be a word ("受不了了。" is fine: 了 ends a sentence).
        hanging = c.end - c.second == 1 and (
            (c.end < len(text) and text[c.end].isdigit())
            or (c.unit not in self._final_particles and (c.end >= len(text) or _PAUSE.match(text[c.end])))
        )
        for token in doc.words(begin, stop):
            if token.end - token.start > 1 and (
                token.start <= c.first < token.end or (token.start < c.end and c.end - 1 < token.end)
            ):
                if hanging and token.end == c.second:
                    continue
                return None
        return True

    def _split_pair(self, doc: Document, c: _Candidate) -> bool:
        """A reduplication the segmenter splits: the first copy ends a word, the second is stray.

        基层|层|治理 and 卫生室|室|标准化 are slips; 层层|压实, 要|紧紧围绕, 各村|村民 and
        基层|层层 (three copies, never judged here) are not.
        """
        if c.end - c.second != 1:
            return False
        text = doc.text
        begin = max(c.first - _WINDOW, _line_start(text, c.first))
        stop = min(c.end + _WINDOW, c.first + _MAX_WINDOW, _line_end(text, c.first))
        tokens = doc.words(begin, stop)
        for i, token in enumerate(tokens[:-1]):
            if token.end != c.second:
                continue
            stray, following = tokens[i + 1], tokens[i + 2] if i + 2 < len(tokens) else None
            return (
                token.start < c.first
                and stray.end == c.end
                and (following is None or len(following.word) > 1 or not _HAN.match(following.word))
            )
        return False

    def _standalone_pair(self, doc: Document, c: _Candidate) -> bool:
        """Both copies stand alone after a clause start or a longer word, before a longer word.

        ，靠|靠|民主监督 — jieba may also return the pair as one rare "word" (靠靠, count 3).
        """
        text = doc.text
        begin = max(c.first - _WINDOW, _line_start(text, c.first))
        stop = min(c.end + _WINDOW, c.first + _MAX_WINDOW, _line_end(text, c.first))
        tokens = doc.words(begin, stop)
        for i, token in enumerate(tokens):
            if token.start != c.first:
                continue
            if token.end == c.end and not self._is_word(token.word):
                following = i + 1  # the pair as one junk token
            elif token.end == c.second and i + 1 < len(tokens) and tokens[i + 1].end == c.end:
                following = i + 2
            else:
                return False
            before = tokens[i - 1] if i > 0 else None
            after = tokens[following] if following < len(tokens) else None
            return (
                (before is None or len(before.word) > 1 or not _HAN.match(before.word))
                and after is not None
                and len(after.word) > 1
            )
        return False

    def _is_word(self, word: str) -> bool:
        """A dictionary word seen often enough (jieba lists some junk entries with counts of 2-5)."""
        return word in self._words or get_segmenter().word_frequency(word) >= self._min_frequency

    def _starts_word(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` with the next 1-3 characters is a dictionary word."""
        for extra in (1, 2, 3):
            stop = end + extra
            if stop > len(text) or not _HAN.match(text[stop - 1]):
                return False
            if self._is_word(text[start:stop]):
                return True
        return False

    def _ends_word(self, text: str, start: int, end: int) -> bool:
        """Whether the 1-3 characters before ``text[start:end]`` with it form a dictionary word."""
        for extra in (1, 2, 3):
            begin = start - extra
            if begin < 0 or not _HAN.match(text[begin]):
                return False
            if self._is_word(text[begin:end]):
                return True
        return False

    def _aligned(self, doc: Document, c: _Candidate) -> bool:
        """A repeated phrase is an error only where both copies sit on word boundaries."""
        text = doc.text
        k = len(c.unit)
        if c.kind == "line":
            stop = min(len(text), c.second + k + _WINDOW, _line_end(text, c.second))
            bounds = {t.end for t in doc.words(c.second, stop)}
            return c.second + k in bounds or c.second + k == stop
        begin = max(c.first - _WINDOW, _line_start(text, c.first))
        stop = min(c.second + k + _WINDOW, c.first + _MAX_WINDOW, _line_end(text, c.second))
        tokens = doc.words(begin, stop)
        bounds = {t.start for t in tokens} | {stop}
        second_end = c.second + k in bounds
        if c.kind in ("quote", "space"):
            return second_end
        return c.second in bounds and (c.first in bounds or second_end)

    def _finding(self, c: _Candidate, safe: bool) -> Finding:
        unit = c.unit
        copies = (c.end - c.second) // len(unit)
        extra = f"（共多出{copies}处）" if copies > 1 else ""
        if c.kind == "quote":
            message = f"「{unit}」在引号内外重复录入{extra}，请删除多余的一处"
        elif c.kind == "line":
            message = f"「{unit}」在上一段末尾和本段开头重复录入，请删除多余的一处"
        elif c.kind == "space":
            message = f"「{unit}」重复录入（中间隔有空格），请删除多余的一处"
        else:
            message = f"「{unit}」重复录入{extra}，请删除多余的一处"
        applicability = Applicability.SAFE if safe else Applicability.UNSAFE
        # Across blanks the fix takes them too: "深入开展 深入开展" → "深入开展".
        fix_start = c.first + len(unit) if c.kind == "space" else c.second
        return Finding(
            c.second,
            c.end,
            message,
            suggestion=f"删除重复的「{unit}」",
            fix=Fix(fix_start, c.end, "", applicability),
        )


def _repeat_spans(data: bytes, units: range, high: bytes = b"") -> list[tuple[int, int]]:
    """Sorted spans ``[first, last)`` holding every start of a unit typed twice in a row.

    ``data`` holds one byte per character, equal for equal characters (see _CodeUnits). The
    spans hold every ``p`` where ``data[p : p + k] == data[p + k : p + 2 * k]`` for a ``k`` in
    ``units``, so every repeat of the text, and a few more positions: callers try their own
    pattern there. The bytes, as one integer, are compared with themselves shifted by ``k``
    characters: a run of ``k`` zero bytes in the XOR is a possible repeat. The work is a few
    integer operations and byte searches per unit length, all in C, instead of a backreference
    tried at every position. The data is taken in chunks so that the integers stay small.
    With ``high`` (the high bytes of the characters) both bytes of single characters are
    compared, so that two adjacent characters sharing a low byte are no hit; for longer units
    two or more low bytes must agree, rare enough that the high bytes are not worth comparing.
    """
    spans: list[tuple[int, int]] = []
    overlap = 2 * units[-1]
    for offset in range(0, len(data), _CHUNK):
        owned = min(_CHUNK, len(data) - offset)
        chunk = data[offset : offset + _CHUNK + overlap]
        size = len(chunk)
        value = int.from_bytes(chunk, "little")
        second = int.from_bytes(high[offset : offset + _CHUNK + overlap], "little")
        for k in units:
            shift = 8 * k
            xor = value ^ (value >> shift)
            if k == 1 and second:
                xor |= second ^ (second >> shift)
            diff = xor.to_bytes(size, "little")
            needle = b"\0" * k
            limit = owned + k - 1  # a run must start at an owned position
            found = diff.find(needle, 0, limit)
            while found >= 0:
                end = found + k
                if end < size and not diff[end]:  # a run longer than k (rare): find its end
                    stop = _NONZERO.search(diff, end)
                    end = size if stop is None else stop.start()
                spans.append((offset + found, offset + min(end - k + 1, owned)))
                found = diff.find(needle, end, limit)
    spans.sort()
    return spans


def _phrase_spans(codes: _CodeUnits) -> list[tuple[int, int]]:
    """Spans holding every start of a phrase of 9 to 30 characters typed twice (see _repeat_spans).

    Such a repeat lies inside a run of at least 18 characters of the phrase class, so only those
    runs are hashed, joined into one byte string (13% of a typical report), and only for phrase
    lengths up to half the longest run.
    """
    shortest = 2 * (_MAX_UNIT + 1)
    runs = _runs(codes.mask_bytes(_UNIT | _QUOTE), shortest)
    if not runs:
        return []
    longest = max(end - start for start, end in runs)
    low = codes.planes[0]
    joined = b"\0".join([low[start:end] for start, end in runs])
    # Offset of each run in `joined`.
    bases = list(itertools.accumulate([end - start + 1 for start, end in runs[:-1]], initial=0))
    spans: list[tuple[int, int]] = []
    for first, last in _repeat_spans(joined, range(_MAX_UNIT + 1, min(_MAX_PHRASE, longest // 2) + 1)):
        r = bisect.bisect_right(bases, first) - 1
        while r < len(runs) and bases[r] < last:
            start, end = runs[r]
            low_end = max(first, bases[r]) - bases[r] + start
            high_end = min(last - bases[r] + start, end)
            if low_end < high_end:
                spans.append((low_end, high_end))
            r += 1
    spans.sort()
    return spans


def _quoted_repeat_start(text: str) -> int:
    """Where _QUOTED_REPEAT may first match, or -1 if nowhere.

    A match holds a closing mark followed by an opening one (”“, 》《, 」「, ’‘) at most 31
    characters after its start. One search finds the first of these pairs.
    """
    found = _QUOTE_PAIR.search(text)
    return -1 if found is None else max(0, found.start() - 31)


def _runs(members: bytes, shortest: int) -> list[tuple[int, int]]:
    """Spans of at least ``shortest`` consecutive members (0xFF bytes, see _CodeUnits.mask)."""
    runs: list[tuple[int, int]] = []
    needle = b"\xff" * shortest
    found = members.find(needle)
    while found >= 0:  # a member before `found` would have matched first: a run starts here
        end = members.find(0, found + shortest)
        end = len(members) if end < 0 else end
        runs.append((found, end))
        found = members.find(needle, end)
    return runs


def _unit_hashes(codes: _CodeUnits, units: int) -> bytes:
    """One byte per character for _repeat_spans where only unit characters can repeat.

    Unit characters keep their low byte (moved to 9 or more); any other character gets its
    offset modulo ``_MAX_UNIT + 1`` (0 to 8), which differs from that of the character 1 to
    ``_MAX_UNIT`` places on and from every unit's byte. So a repeat is only seen between two
    stretches of unit characters, as ``_pattern`` needs without a gap.
    """
    size = codes.size
    hashes = int.from_bytes(codes.planes[0].translate(_UNIT_HASH), "little")
    filler = _repeated(_FILLER, size)
    return ((hashes & units) | (filler & ~units)).to_bytes(size, "little")


def _gap_spans(text: str, codes: _CodeUnits, unit: int) -> list[tuple[int, int]]:
    """Starts of units that may repeat across a quotation mark or blanks ("四好农村路”路").

    The gap is one quotation mark or 1-3 blanks between two unit characters (found with masks
    over the whole text); the unit ends before the gap and its first character follows the gap:
    a superset of the positions where ``_pattern`` matches with a gap.
    """
    after_unit = unit << 8  # byte p: character p - 1 is a unit character
    gaps = [(after_unit & codes.mask(_QUOTE) & (unit >> 8), 1)]
    if blank := codes.mask(_BLANK):
        run = after_unit & blank  # a blank after a unit character
        for width in (1, 2, 3):
            gaps.append((run & (unit >> (8 * width)), width))
            run &= blank >> (8 * width)
    spans: list[tuple[int, int]] = []
    for flags, width in gaps:
        if not flags:
            continue
        marks = flags.to_bytes(codes.size, "little")
        mark = marks.find(0xFF)
        while mark >= 0:
            follower = text[mark + width]
            found = text.find(follower, max(0, mark - _MAX_UNIT), mark)
            while found >= 0:
                spans.append((found, found + 1))
                found = text.find(follower, found + 1, mark)
            mark = marks.find(0xFF, mark + 1)
    return spans


class _CodeUnits:
    """A text as byte strings of one byte per character, made once per document for prefilters."""

    __slots__ = ("_tags", "planes", "size")

    def __init__(self, text: str) -> None:
        data = text.encode("utf-16-le", "surrogatepass")
        if len(data) != 2 * len(text):  # characters beyond the BMP: see _code_unit_bytes
            data = _ASTRAL.sub(_ASTRAL_STANDIN, text).encode("utf-16-le", "surrogatepass")
        self.planes = (data[0::2], data[1::2])
        self.size = len(text)
        self._tags: bytes | None = None

    def mask(self, classes: int) -> int:
        """``mask_bytes(classes)`` as an integer."""
        return int.from_bytes(self.mask_bytes(classes), "little")

    def mask_bytes(self, classes: int) -> bytes:
        """0xFF for each character that may be in one of ``classes`` (bits of _CLASS_TABLES), else 0.

        Each character's tag byte holds the class bits its low and its high byte have in common;
        a translation table turns the tags holding any of the wanted bits into 0xFF.
        """
        if self._tags is None:
            low, high = self.planes
            tags = int.from_bytes(low.translate(_CLASS_TABLES[0]), "little") & int.from_bytes(
                high.translate(_CLASS_TABLES[1]), "little"
            )
            self._tags = tags.to_bytes(self.size, "little")
        return self._tags.translate(_mask_table(classes))


def _mask_table(classes: int) -> bytes:
    """Byte table for _CodeUnits.mask_bytes: 0xFF for tags with a bit of ``classes``, else 0."""
    table = _MASK_TABLES.get(classes)
    if table is None:
        table = _MASK_TABLES[classes] = bytes(0xFF if tag & classes else 0 for tag in range(256))
    return table


def _class_tables() -> tuple[bytes, bytes]:
    """Byte tables for _CodeUnits.mask: a character has a class bit when its low byte's and its
    high byte's entries both have it. Bit 0 stands for the blocks of \\p{Han} (any low byte), the
    others for characters of one high byte each, so those are told exactly; characters beyond
    the BMP stand in as a CJK ideograph (see _code_unit_bytes)."""
    low, high = bytearray([1] * 256), bytearray(256)
    for block in _HAN_BLOCKS:
        high[block] = 1
    for bit, chars in enumerate(_CLASS_CHARACTERS, start=1):
        for code in map(ord, chars):
            high[code >> 8] |= 1 << bit
            low[code & 0xFF] |= 1 << bit
    return bytes(low), bytes(high)


def _repeated(pattern: bytes, size: int) -> int:
    """``pattern`` repeated over ``size`` bytes, as an integer."""
    if size <= _REPEATED_SIZE:
        return _REPEATED[pattern] & ((1 << (8 * size)) - 1)
    return int.from_bytes((pattern * (size // len(pattern) + 1))[:size], "little")


# Classes of characters for the byte prefilters: bit 0 (the \p{Han} blocks) and one bit per
# group of characters sharing a high byte (supersets where \p{Han} leaves gaps in its blocks).
_CLASS_CHARACTERS = (
    _HAN_IN_PUNCTUATION_BLOCK,
    "0123456789",
    '"',
    "“”‘’",
    "《》「」『』",
    " \t\u00a0",
    "\u3000",
)
_CLASS_TABLES = _class_tables()
_UNIT = 0b111  # [\p{Han}0-9]
_QUOTE = 0b111000  # _QUOTES
_BLANK = 0b11000000  # _BLANKS
# Bytes of unit characters for _unit_hashes: 0-8 are moved out of the way of the filler.
_UNIT_HASH = bytes(code if code > _MAX_UNIT else code + _MAX_UNIT + 1 for code in range(256))
_FILLER = bytes(range(_MAX_UNIT + 1))
# Integers of bytes repeated over this many characters, cut to the length of each text.
_REPEATED_SIZE = 1 << 16
_REPEATED = {
    pattern: int.from_bytes((pattern * (_REPEATED_SIZE // len(pattern) + 1))[:_REPEATED_SIZE], "little")
    for pattern in (_FILLER,)
}
# Tables of _mask_table, one per combination of classes asked for.
_MASK_TABLES: dict[int, bytes] = {}
# A closing and an opening mark that meet inside a match of _QUOTED_REPEAT. Literals: the
# standard library's engine scans for their first characters faster than four str.find calls.
_QUOTE_PAIR = re.compile("”“|》《|」「|’‘")


def _code_unit_bytes(text: str) -> tuple[bytes, bytes]:
    """The low and the high byte of every character's UTF-16 code, one byte per character.

    Characters beyond the BMP (rare) are replaced by a CJK ideograph first so that offsets stay
    those of the text; prefilters that use these bytes treat them as Chinese characters.
    """
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) != 2 * len(text):
        data = _ASTRAL.sub(_ASTRAL_STANDIN, text).encode("utf-16-le", "surrogatepass")
    return data[0::2], data[1::2]


def _touching_paragraphs(doc: Document) -> Iterator[tuple[str, int, str, int]]:
    """(text, end, next text, next start) of paragraphs on consecutive lines that may repeat.

    A repeat of k characters across the break puts the last character of the first paragraph
    at index k - 1 of the next, so pairs without it among the next's first ``_MAX_UNIT``
    characters are skipped. Plain text is split here (the same trimmed lines as
    ``doc.paragraphs``) instead of building every paragraph.
    """
    if doc.kind == "md":  # Markdown markup is trimmed by doc.paragraphs alone
        for a, b in itertools.pairwise(doc.paragraphs):
            if b.line == a.line + 1 and a.text[-1] in b.text[:_MAX_UNIT]:
                yield a.text, a.end, b.text, b.start
        return
    lines = doc.text.split("\n")
    trimmed = list(map(str.strip, lines, itertools.repeat(BLANK)))
    starts: list[int] | None = None
    for i, (before, after) in enumerate(itertools.pairwise(trimmed)):
        if before and after and before[-1] in after[:_MAX_UNIT]:
            if starts is None:
                starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]
            before_start = starts[i] + len(lines[i]) - len(lines[i].lstrip(BLANK))
            after_start = starts[i + 1] + len(lines[i + 1]) - len(lines[i + 1].lstrip(BLANK))
            yield before, before_start + len(before), after, after_start


def _line_start(text: str, offset: int) -> int:
    """Start of the line holding ``offset``, looking back at most ``_MAX_WINDOW`` characters."""
    floor = max(0, offset - _MAX_WINDOW)
    return max(text.rfind("\n", floor, offset) + 1, floor)


def _line_end(text: str, offset: int) -> int:
    """End of the line holding ``offset``, looking ahead at most ``_MAX_WINDOW`` characters."""
    ceiling = min(len(text), offset + _MAX_WINDOW)
    end = text.find("\n", offset, ceiling)
    return ceiling if end < 0 else end
