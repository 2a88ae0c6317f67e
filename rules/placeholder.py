"""Rule placeholder (RL101): leftover template blanks such as "xx镇", "x万元", "20xx年xx月"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from reportlint import patterns
from reportlint.document import Document
from reportlint.rule import Finding, Rule, Severity
from reportlint.segment import get_segmenter

# Characters a bracket blank may contain: nothing, blanks or underscores.
_BLANKS = " \u3000\u00a0_＿"
_DIGITS = "0123456789０１２３４５６７８９"
_LATIN_MARKERS = "xXｘＸ"
_CN_NUMERALS = "零一二三四五六七八九十百千万亿两〇○"
# Separators between the blanks of one enumeration ("xx、xx、xx村").
_LIST_SEPARATORS = frozenset({"、", "，", ",", "和", "及", "与", "或", "至", "到", "—", "-", "~", "～"})
# Date categories in the order they follow each other ("20xx年xx月xx日").
_DATE_ORDER = {"year": 0, "month": 1, "day": 2}
# ASCII letters and digits to their full-width forms.
_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
_LATIN_RE: regex.Pattern[str] = patterns.compile(r"\p{Latin}")
_HAN_RE: regex.Pattern[str] = patterns.compile(r"\p{Han}")
_GAP_RE: regex.Pattern[str] = patterns.compile(r"\u3000|[ \u00a0]{2,}")
_OPENERS = "（(【[〔［"
# What a lone "？" may stand for.
_ASKED_CATEGORIES = frozenset({"number", "year", "month", "day", "date"})
# Punctuation after which a number may begin ("，？%" is a blank too).
_BREAKS = "，,、：:（(约近达"
_CLOSERS = "）)】]〕］"
# Characters that join a run to Latin text around it (see _latin_context), before and after it.
_JOINS_BEFORE = frozenset(".．-/\\@#:：_+＋ [")
_JOINS_AFTER = frozenset("+＋-/\\_ ]")
# A blank in brackets or marks begins with one of these, followed by one of the next.
_BRACKET_OPENERS = "（(【[［〔“《「"
_BRACKET_SECOND = frozenset(_BLANKS + "）)】]］〕?？")
# Classes only: the standard library's ``re`` scans them faster than ``regex`` (and cannot backtrack).
_BRACKET_STARTS = re.compile(f"[{re.escape(_BRACKET_OPENERS)}](?=[{re.escape(''.join(sorted(_BRACKET_SECOND)))}])")
# A regex's zero-width lookbehinds at its start, then one literal character (plain or escaped).
_LEADING_LITERAL: regex.Pattern[str] = patterns.compile(r"(?:\(\?<[=!](?:\\.|\[(?:\\.|[^\]])*\]|[^()\[\]\\])*\))*(?:\\([^\w\s])|([^\\.^$*+?()\[\]{}|#\s]))")


# Answers of _is_latin / _is_han by character (a document holds few distinct characters).
_LATIN: dict[str, bool] = {}
_HAN: dict[str, bool] = {}


def _is_latin(ch: str) -> bool:
    known = _LATIN.get(ch)
    if known is None:
        known = _LATIN[ch] = bool(ch) and _LATIN_RE.match(ch) is not None
    return known


def _is_han(ch: str) -> bool:
    known = _HAN.get(ch)
    if known is None:
        known = _HAN[ch] = bool(ch) and _HAN_RE.match(ch) is not None
    return known


def _matches_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (in increasing order)."""
    end = 0  # finditer's matches do not overlap (none of these patterns matches empty text)
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


def _positions(text: str, chars: str) -> list[int]:
    """The offsets of ``chars`` in ``text``, in increasing order."""
    found: list[int] = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


def _leading_literal(pattern: str) -> str | None:
    """The character every match of ``pattern`` begins with, when its text shows one plainly.

    Only a punctuation character (no case) right at the start or after lookbehinds, not made
    optional by a quantifier, in a pattern without alternatives; None otherwise.
    """
    match = _LEADING_LITERAL.match(pattern)
    if match is None or "|" in pattern or pattern[match.end() : match.end() + 1] in ("?", "*", "{"):
        return None
    literal = match.group(1) or match.group(2)
    return literal if literal and not literal.isalnum() else None


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "万元" wins over "万")."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique) or "(?!)"


@dataclass(frozen=True)
class _Form:
    """One way of writing a blank: a run of marker characters."""

    name: str
    chars: str
    pattern: regex.Pattern[str]
    min: int
    latin: bool
    numeral_guard: bool
    single_needs_unit: bool
    needs_number: bool
    pair_guard: bool
    only_before_number: bool
    single_needs_number: bool


class _Blank(NamedTuple):  # a tuple: made for every candidate, and cheaper to make than a dataclass
    start: int
    end: int
    category: str | None  # what is missing, from the unit after the blank; None when unknown
    note: bool = False  # an explicit to-fill note ("【待补充】") rather than a blank


class _Scan:
    """One document under check, with per-line facts computed once (lines can be a megabyte long)."""

    def __init__(
        self,
        doc: Document,
        marker_chars: frozenset[str],
        allowed: Callable[[str], list[tuple[int, int]]],
        unit_re: regex.Pattern[str],
    ) -> None:
        self.text = doc.text
        self._unit_re = unit_re
        self._starts = doc.line_starts
        self._marker_chars = "".join(sorted(marker_chars))
        self._find_allowed = allowed
        self._allowed: list[tuple[int, int]] | None = None  # found when first needed
        self._allowed_starts: list[int] = []
        self._separator: dict[int, bool] = {}
        self._gaps: dict[int, int] = {}
        self._emphasis: dict[tuple[int, str], frozenset[int]] = {}

    def char(self, offset: int) -> str:
        """The character at ``offset``, or a newline outside the text."""
        return self.text[offset] if 0 <= offset < len(self.text) else "\n"

    def _line(self, offset: int) -> tuple[int, int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[index]
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self.text)
        return index, start, end

    def allowed(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside an allow-listed word ("X光")."""
        if self._allowed is None:
            self._allowed = self._find_allowed(self.text)
            self._allowed_starts = [a for a, _ in self._allowed]
        if not self._allowed_starts:
            return False  # most texts hold no allow-listed word
        index = bisect.bisect_right(self._allowed_starts, start) - 1
        while index >= 0 and start - self._allowed[index][0] < 40:
            if self._allowed[index][1] >= end:
                return True
            index -= 1
        return False

    def at_line_start(self, offset: int) -> bool:
        """True when only blanks and list bullets come before ``offset`` on its line."""
        _, start, _ = self._line(offset)
        return offset - start <= 12 and not self.text[start:offset].strip(" \t\u3000-*+>0123456789.")

    def separator_line(self, offset: int) -> bool:
        """True when the line holds nothing but marker characters (a rule line "＊＊＊＊", "○○○")."""
        index, start, end = self._line(offset)
        if index not in self._separator:
            self._separator[index] = not self.text[start:end].strip(" \t\u3000\r" + self._marker_chars)
        return self._separator[index]

    def gaps_in_line(self, offset: int) -> int:
        """How many runs of two or more spaces the line holds (many means a table or aligned layout)."""
        index, start, end = self._line(offset)
        if index not in self._gaps:
            self._gaps[index] = len(_GAP_RE.findall(self.text[start:end].strip(" \u3000\t")))
        return self._gaps[index]

    def _blank_pair(self, opening: int, closing: int, run: str) -> bool:
        """True when two underscore runs are blanks before units, not emphasis: "会议_次，研讨_次".

        An underscore run after a letter or character cannot open emphasis (CommonMark), and a
        unit right after both runs shows what each one stands for.
        """
        if not self.char(opening - 1).isalnum():
            return False
        return all(self._unit_re.match(self.text, at + len(run)) is not None for at in (opening, closing))

    def emphasis(self, start: int, end: int) -> bool:
        """True when a short ASCII run opens or closes Markdown emphasis on its line ("**重点**")."""
        run = self.text[start:end]
        if len(run) > 3 or not all(ch in "*_" for ch in run):
            return False
        index, line_start, line_end = self._line(start)
        key = (index, run)
        if key not in self._emphasis:
            line = self.text[line_start:line_end]
            exact = patterns.compile(rf"(?<![*_]){regex.escape(run)}(?![*_])")
            positions = [m.start() + line_start for m in exact.finditer(line)]
            paired: set[int] = set()
            for opening, closing in zip(positions[::2], positions[1::2], strict=False):
                content = self.text[opening + len(run) : closing]
                if len(content) < 2 or content[0].isspace() or content[-1].isspace():
                    continue
                if run[0] == "_" and self._blank_pair(opening, closing, run):
                    continue  # "会议_次，研讨_次": two blanks, not "_次，研讨_" in emphasis
                paired.update((opening, closing))
            self._emphasis[key] = frozenset(paired)
        return start in self._emphasis[key]


class Placeholder(Rule):
    """疑似未填写的模板占位符。

    作用：
    找出套用模板后没有填写的空位：用 x、X、×、某某、○○、□□、＊＊、____、？？、空括号（ ）【 】
    等标出的数字、日期、地名、单位名称、项目名称或人名（如“xx镇”“x万元”“20xx年xx月”“x.xx亿元”
    “XX同志”“第X季度”“○○万人次”）、单位前的“####”（表格列宽不足时显示的井号，如“####万元”）、
    单位前单独的下划线（“召开会议_次”）、单位前括号里的空位词（“[数据]亿元”“（数字）%”）、数值或日期处单独的“？”（“增长？%”“共有？个村”“？月底”“（？）万元”，
    问句末尾的问号不算），以及“【待补充】”“（此处填写……）”
    “（具体数字待财政局提供）”“TODO”之类的待填写标记，和没有替换的模板变量、邮件合并域（“{{amount}}万元”
    “${单位名称}”“{rate}%”“«金额»”）。全角字母写的真实词语（“Ｘ射线”）同样不报。
    每个空位只报一次，范围包括紧随其后的单位（“x万元”“20xx年xx月”），并根据单位或前后词语
    提示缺少的是数值、日期、地名、单位名称还是人名。

    为什么：
    占位符一旦随正式文稿印发，数据和名称全部缺失，是最明显也最损害文稿严肃性的差错，
    必须在定稿前逐一填写或删除。

    错误示例：
    截至20xx年xx月，xx镇共完成固定资产投资x.xx亿元，同比增长xx.x%。
    新建高标准农田xxx亩，带动脱贫户××户增收，由某某同志牵头负责。
    全年完成招商签约项目（ ）个，签约金额【待补充】。
    全年完成重点项目投资{{amount}}万元，占年度计划的{{rate}}。

    正确示例：
    截至2023年6月，城关镇共完成固定资产投资3.25亿元，同比增长12.4%。
    引进5G基站建设项目，完成3×4米宣传展板制作，为乡镇卫生院配备X光机2台。
    某些村组基础设施仍较薄弱，某企业负责人反映用工紧张问题已协调解决。

    数据（可在配置中用 extend-… 扩展）：
    markers（占位字符及判定方式）、units（单位 → 缺少的内容）、before-words（前置词 → 缺少的内容）、
    allow（不报的真实外文词，如 X光、x86）、surnames（“张某某”式匿名不报）、
    note-prefixes / slot-words / bare-notes（待填写标记）、template-fields（模板变量的正则表达式）。
    """

    code = "RL101"
    name = "placeholder"
    severity = Severity.ERROR
    authority = "实务"
    summary = "疑似未填写的模板占位符"
    data_file = "placeholder.toml"

    # -- setup -------------------------------------------------------------------
    def setup(self) -> None:
        data = self.data
        self._categories: dict[str, str] = dict(data.get("categories", {}))
        self._units: dict[str, str] = dict(data.get("units", {}))
        self._before: dict[str, str] = dict(data.get("before-words", {}))
        self._before_words = sorted(self._before, key=len, reverse=True)
        self._year_counts = [str(w) for w in data.get("year-count-words", [])]
        self._surnames = frozenset(str(data.get("surnames", "")))
        self._multipliers = frozenset(str(data.get("multipliers", "")))
        self._question_guards = frozenset(str(data.get("question-guards", "")))
        self._note_guards = frozenset(str(data.get("bare-note-guards", "")))
        self._note_after_guards = frozenset(str(data.get("bare-note-after-guards", "")))
        self._forms = [self._form(spec) for spec in data.get("markers", [])]
        self._all_marker_chars = frozenset("".join(f.chars for f in self._forms))
        self._rule_line_chars = self._all_marker_chars | frozenset(" \t\u3000\r\n")
        # One scan for the characters of every form at once, when each character belongs to one form
        # and none can also be part of another form's run (the decimal point and digits of "x.xx", "xx.5").
        owner: dict[str, int] = {}
        for index, form in enumerate(self._forms):
            for ch in form.chars:
                owner.setdefault(ch, index)
        single = all(owner[ch] == index for index, form in enumerate(self._forms) for ch in form.chars)
        self._owner: dict[str, int] | None = (
            owner if single and owner and not set(owner) & set(".．" + _DIGITS) else None
        )
        # One scan for every form's characters: the standard library's ``re``, which scans a plain
        # character class faster than ``regex`` (and a class cannot backtrack).
        self._marker_scan = re.compile("[" + "".join(map(re.escape, owner)) + "]") if self._owner else None

        approx = _alternation(data.get("approx", []))
        units = _alternation(self._units)
        multipliers = regex.escape(str(data.get("multipliers", ""))) or "(?!)"
        self._unit_re = patterns.compile(
            rf"(?P<approx>{approx})?(?:(?P<unit>{units})|(?P<mult>[{multipliers}]{{1,2}})(?P<unit2>{units})?)"
        )
        # Runs of a plain form between plain neighbours skip _marker_blank's guards (see _marker_blanks).
        self._plain_forms = [self._plain_form(form) for form in self._forms]
        self._plain_before: dict[str, bool] = {}
        self._plain_after: dict[str, bool] = {}
        allow = [str(w) for w in data.get("allow", [])]
        # "Ｘ射线" in full-width letters is the same real word as "X射线".
        allow_words = [*allow, *(w.translate(_FULL_WIDTH) for w in allow)]
        # By first character (see _allowed_spans); each pattern compiled when a text first needs it.
        self._allow_by_first: dict[str, str] = {}
        for first in {w[0] for w in allow_words if w}:
            self._allow_by_first[first] = _alternation(w for w in allow_words if w.startswith(first))
        blank = regex.escape(_BLANKS)
        spaces = regex.escape(" \u3000\u00a0")
        self._bracket_re = patterns.compile(
            rf"[（(][{blank}]{{0,12}}[）)]|【[{blank}]{{0,12}}】|\[[{blank}]{{0,12}}\]|［[{blank}]{{0,12}}］"
            rf"|〔[{blank}]{{0,12}}〕|“[{blank}]{{1,12}}”|《[{blank}]{{1,12}}》|「[{blank}]{{1,12}}」"
            rf"|(?P<asked>[（(【][?？]{{1,3}}[）)】])"
        )
        self._question_words = _alternation(str(w) for w in data.get("question-words", []))
        self._clause_end = patterns.compile(r"[。！？!?；;，,：:\n]")
        self._spaces_re = patterns.compile(rf"(?<=\p{{Han}})(?:\u3000|[ \u00a0]{{2}})[{spaces}]{{0,12}}")
        self._mou_date_re = patterns.compile(r"某[年月](?:某[月日号]){1,2}")
        opener = regex.escape(_OPENERS)
        closer = regex.escape(_CLOSERS)
        inside = rf"[^{opener}{closer}\n]"
        # Case-insensitive only where letters can be (TODO, todo): a global IGNORECASE flag makes
        # every bracket and blank class test case variants and doubles the cost of the whole-text scan.
        self._note_re = patterns.compile(
            rf"[{opener}][ \u3000]*(?i:{_alternation(data.get('note-prefixes', []))}){inside}{{0,40}}[{closer}]"
            rf"|[{opener}][ \u3000]*(?i:{_alternation(data.get('slot-words', []))})[ \u3000]*[{closer}]"
            rf"|[{opener}]{inside}{{0,12}}(?:{_alternation(data.get('note-subjects', []))}){inside}{{0,12}}"
            rf"待{inside}{{0,10}}?(?:{_alternation(data.get('note-verbs', []))}){inside}{{0,6}}[{closer}]"
            rf"|[{opener}][ \u3000]*待(?:{_alternation(data.get('note-sources', []))}){inside}{{0,8}}?"
            rf"(?:{_alternation(data.get('note-source-verbs', []))}){inside}{{0,8}}[{closer}]"
        )
        # A bracketed word naming a figure, right before a unit: "[数据]亿元", "（数字）%", "【金额】万元".
        slot_words = [*data.get("slot-words", []), *data.get("unit-slot-words", [])]
        self._slot_re = patterns.compile(
            rf"[{opener}][ \u3000]*(?:{_alternation(slot_words)})[ \u3000]*[{closer}]"
        )
        fields = [f"(?:{f})" for f in data.get("template-fields", [])]
        self._field_re = patterns.compile("|".join(fields)) if fields else None
        cues = [_leading_literal(str(f)) for f in data.get("template-fields", [])]
        self._field_cues = None if None in cues else {cue for cue in cues if cue is not None}
        self._bare_note_firsts = "".join(sorted({str(note)[0] for note in data.get("bare-notes", []) if note}))
        self._bare_note_re = patterns.compile(
            rf"(?P<note>{_alternation(data.get('bare-notes', []))})[^\s，。；：！？、,.;:!?（）()“”【】\[\]]{{0,20}}"
        )

    @staticmethod
    def _form(spec: Mapping[str, Any]) -> _Form:
        chars = str(spec["chars"])
        marker = f"[{regex.escape(chars)}]"
        # The run and an optional decimal part ("x.xx", "xx.5"); leading digits ("20xx") are added in check().
        pattern = patterns.compile(rf"{marker}{{1,40}}(?:[.．]{marker}{{1,6}}|[.．][0-9]{{1,3}})?")

        def flag(key: str) -> bool:
            return bool(spec.get(key, spec.get(key.replace("-", "_"), False)))

        return _Form(
            name=str(spec.get("name", chars)),
            chars=chars,
            pattern=pattern,
            min=int(spec.get("min", 1)),
            latin=flag("latin"),
            numeral_guard=flag("numeral-guard"),
            single_needs_unit=flag("single-needs-unit"),
            needs_number=flag("needs-number"),
            pair_guard=flag("pair-guard"),
            only_before_number=flag("only-before-number"),
            single_needs_number=flag("single-needs-number"),
        )

    @staticmethod
    def _plain_form(form: _Form) -> bool:
        """True when none of _marker_blank's form-specific guards applies to ``form``'s runs."""
        guarded = (
            form.numeral_guard
            or form.single_needs_unit
            or form.needs_number
            or form.pair_guard
            or form.only_before_number
            or form.single_needs_number
        )
        return not guarded and form.min <= 1 and form.name not in ("question", "mou") and "某" not in form.chars

    def _plain_blank(self, scan: _Scan, start: int, end: int) -> _Blank | None:
        """What _marker_blank gives for a run of a plain form between plain neighbours (see _marker_blanks)."""
        if scan.allowed(start, end):
            return None
        text = scan.text
        pos = end
        while pos < len(text) and pos - end < 2 and text[pos] == "某":
            pos += 1
        category: str | None = None
        unit = self._unit_re.match(text, pos)
        if unit is not None:
            category = self._unit_category(unit)
            pos = unit.end()
        if category == "year" and any(text.startswith(w, start - len(w)) for w in self._year_counts):
            category = "number"  # "近x年", "连续x年": a number of years
        return _Blank(start, pos, category)

    # -- check -------------------------------------------------------------------
    def _allowed_spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of the allow-listed words in ``text``, as one alternation's ``finditer`` gives them.

        At a position only the words beginning with its character can match, in the same order as in
        the whole alternation; so the matches of each first character's alternation at every position
        (overlapped), taken in order when they start at or after the end of the last one taken, are
        finditer's matches. A pattern beginning with a literal is searched for fast.
        """
        found: list[tuple[int, int]] = []
        for first, words in self._allow_by_first.items():
            if first in text:
                pattern = patterns.compile(words)
                found.extend(match.span() for match in pattern.finditer(text, overlapped=True))
        found.sort()
        spans: list[tuple[int, int]] = []
        for start, end in found:
            if not spans or start >= spans[-1][1]:
                spans.append((start, end))
        return spans

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        scan = _Scan(doc, self._all_marker_chars, self._allowed_spans, self._unit_re)
        candidates: list[_Blank] = []
        for blanks in self._marker_blanks(scan):
            candidates.extend(blanks)
        candidates.extend(self._bracket_blanks(scan))
        openers = _positions(text, _OPENERS)  # where slot words and notes in brackets begin
        candidates.extend(self._slot_blanks(text, openers))
        candidates.extend(self._field_blanks(text))
        candidates.extend(self._space_blanks(scan))
        for match in self._mou_date_re.finditer(text):
            candidates.append(_Blank(match.start(), match.end(), "date"))
        candidates.extend(self._notes(text, openers))

        blanks = self._merge_dates(self._disjoint(candidates))
        categories = self._infer(text, blanks)
        for blank, category in zip(blanks, categories, strict=True):
            span = text[blank.start : blank.end]
            if blank.note:
                yield Finding(
                    blank.start,
                    blank.end,
                    f"疑似未删除的待填写标记「{span}」，请补充实际内容并删除该标记",
                    suggestion="补充实际内容并删除该标记",
                )
                continue
            label = self._categories.get(category, category)
            yield Finding(
                blank.start,
                blank.end,
                f"疑似未填写的占位符「{span}」，请填写实际{label}",
                suggestion=f"将「{span}」替换为实际{label}",
            )

    # -- marker runs ---------------------------------------------------------------
    def _marker_blanks(self, scan: _Scan) -> list[list[_Blank]]:
        """The blanks of each form, found by one scan for any marker character.

        Each hit is the start of a run of its form (``form.pattern`` matches there);
        the scan resumes after the run, as a scan per form would.
        """
        text = scan.text
        found: list[list[_Blank]] = [[] for _ in self._forms]
        if self._owner is None:
            for index, form in enumerate(self._forms):
                if any(ch in text for ch in form.chars):
                    for match in form.pattern.finditer(text):
                        blank = self._marker_blank(scan, form, match.start(), match.end())
                        if blank is not None:
                            found[index].append(blank)
            return found
        owner = self._owner
        assert self._marker_scan is not None  # made whenever there is an owner table
        search, pos = self._marker_scan.search, 0
        plain_forms = self._plain_forms
        size = len(text)
        while (hit := search(text, pos)) is not None:
            start = hit.start()
            index = owner[text[start]]
            form = self._forms[index]
            # The run, read here when it is short and no decimal point follows (what form.pattern
            # then matches: the whole run); else form.pattern.
            end, chars, limit = start + 1, form.chars, min(size, start + 41)
            while end < limit and text[end] in chars:
                end += 1
            if end - start > 40 or (end < size and text[end] in ".．"):
                run = form.pattern.match(text, start)
                assert run is not None  # the pattern matches any run of one of its characters
                end = run.end()
                blank = self._marker_blank(scan, form, start, end)
            elif plain_forms[index] and self._plain_neighbours(text, start, end):
                blank = self._plain_blank(scan, start, end)  # most blanks: "xx镇", "x万元"
            else:
                blank = self._marker_blank(scan, form, start, end)
            if blank is not None:
                found[index].append(blank)
            pos = end
        return found

    def _plain_neighbours(self, text: str, start: int, end: int) -> bool:
        """True when the characters beside a run (of at most 40 characters, no decimal part) let no guard apply.

        Before it no digit (so no digits belong to the blank), Latin letter, joining character, "第",
        marker character or blank (so neither the ordinal, Latin nor rule-line test applies); after it no
        digit, Latin letter or joining character. With a form for which _plain_form holds, _marker_blank
        then returns what _plain_blank returns.
        """
        prev = text[start - 1] if start > 0 else "\n"
        nxt = text[end] if end < len(text) else "\n"
        before, after = self._plain_before.get(prev), self._plain_after.get(nxt)
        if before is None:
            reject = _DIGITS + "第" + "".join(_JOINS_BEFORE)
            before = self._plain_before[prev] = prev not in reject and prev not in self._rule_line_chars and not _is_latin(prev)
        if after is None:
            after = self._plain_after[nxt] = nxt not in _DIGITS and nxt not in _JOINS_AFTER and not _is_latin(nxt)
        return before and after

    def _marker_blank(self, scan: _Scan, form: _Form, start: int, end: int) -> _Blank | None:
        text = scan.text
        chars = form.chars
        # (Characters outside the text read as a newline, like scan.char(); inlined here, the hot path.)
        nxt = text[end] if end < len(text) else "\n"
        if (text[start - 1] if start > 0 else "\n") in chars or nxt in chars:
            return None  # an overlong run: a separator line or garbage, not a blank
        span = text[start:end]
        # Only a decimal part ("x.xx", "xx.5") holds anything but the form's characters.
        run = len(span) if "." not in span and "．" not in span else sum(1 for ch in span if ch in chars)
        if run < form.min:
            return None
        # Leading digits belong to the blank: "20xx年", "202x年".
        digits_start = start
        while digits_start > start - 4 and digits_start > 0 and text[digits_start - 1] in _DIGITS:
            digits_start -= 1
        has_digits = digits_start < start
        prev = text[digits_start - 1] if digits_start > 0 else "\n"
        if prev in _DIGITS or nxt in _DIGITS:
            return None  # part of a number: "3×4", "138****1234", "x86"
        if scan.allowed(start, end):
            return None
        if form.numeral_guard and (
            has_digits
            or prev in _CN_NUMERALS
            or (nxt in _CN_NUMERALS and nxt not in self._multipliers)
        ):
            return None  # "二○○三年"; but "游客○○万人次" is a blank before a multiplier
        if form.pair_guard and scan.emphasis(start, end):
            return None
        if form.name == "question" and prev in self._question_guards:
            return None
        if form.name == "mou" and prev in self._surnames:
            return None
        # A rule line holds only marker characters and blanks: any other character beside the run (or a
        # digit before it) already says this line is none.
        line_chars = self._rule_line_chars
        if (text[start - 1] if start > 0 else "\n") in line_chars and nxt in line_chars and scan.separator_line(start):
            return None

        # What follows: "xx某", an approximation word and a unit.
        pos = end
        if form.name != "mou":
            while pos < len(text) and pos - end < 2 and text[pos] == "某":
                pos += 1
        unit = self._unit_re.match(text, pos)
        category: str | None = None
        if unit is not None:
            category = self._unit_category(unit)
            pos = unit.end()

        if form.name == "question" and (run == 1 or not _is_han(nxt)):
            # "？？" stands for a word before Han text; a lone "？" (or "？？%") only for a number or a
            # date ("增长？%", "共有？个行政村", "？月底"), and not after a question ("靠什么？人才……").
            if category not in _ASKED_CATEGORIES or not (_is_han(prev) or prev in _BREAKS):
                return None
            if _is_han(scan.char(pos)) and self._asks(text, digits_start):
                return None
        # (_latin_context says no when neither neighbour is a Latin letter or a joining character: the
        # common case, tested here before the call.)
        if (
            form.latin
            and (prev in _JOINS_BEFORE or nxt in _JOINS_AFTER or _is_latin(prev) or _is_latin(nxt))
            and self._latin_context(scan, digits_start, end, category is not None)
        ):
            return None
        if (form.only_before_number or form.needs_number) and (category != "number" or has_digits):
            return None
        if run == 1 and form.single_needs_unit and (category is None or _is_latin(prev)):
            return None
        if run == 1 and form.single_needs_number:
            # A lone "_" stands for a number or a date in prose ("召开会议_次"), not in a name
            # or an identifier ("a_b", "报告_2023", "_次_" emphasis).
            after = scan.char(pos)
            if category not in _ASKED_CATEGORIES or not (_is_han(prev) or prev in _BREAKS):
                return None
            if _is_latin(after) or after in _DIGITS or (after in form.chars and category not in _DATE_ORDER):
                return None  # "数据_人_2023"; but "_月_日" is a date
            if unit is not None and _is_han(after) and get_segmenter().is_word(unit.group() + after):
                return None  # "附件_人员名单": the unit begins a word, the "_" joins two names
        if form.latin and has_digits and run == 1 and category is None:
            return None  # "2x": a factor, not a blank
        if prev == "第" and category in (None, "number"):
            return _Blank(digits_start - 1, pos, "ordinal")
        if category == "year" and any(text.startswith(w, digits_start - len(w)) for w in self._year_counts):
            category = "number"  # "近x年", "连续x年": a number of years
        return _Blank(digits_start, pos, category)

    def _asks(self, text: str, offset: int) -> bool:
        """True when the clause before ``offset`` is a question (holds 什么、怎么、哪、谁……)."""
        begin = max(0, offset - 24)
        clause = text[begin:offset]
        ends = list(self._clause_end.finditer(clause))
        if ends:
            clause = clause[ends[-1].end() :]
        return bool(self._question_words) and regex.search(self._question_words, clause) is not None

    def _unit_category(self, unit: regex.Match[str]) -> str:
        word = unit.group("unit")
        if word:
            return self._units[word]
        return "number"  # a multiplier (万, 亿) with or without a unit after it

    @staticmethod
    def _latin_context(scan: _Scan, start: int, end: int, has_unit: bool) -> bool:
        """True when the run is part of Latin text: "Xbox", "iPhone X", "x86", "0x1F", "[x]" checkboxes."""
        text = scan.text
        prev = text[start - 1] if start > 0 else "\n"
        nxt = text[end] if end < len(text) else "\n"
        if _is_latin(prev):
            return True
        if _is_latin(nxt):
            # "xxAPP", "xx APP": a lower-case blank before an upper-case word is still a blank.
            return not (nxt.isupper() and end - start >= 2 and scan.text[start:end].islower())
        if prev not in _JOINS_BEFORE and nxt not in _JOINS_AFTER:
            return False  # none of the cases below
        before2, after2 = scan.char(start - 2), scan.char(end + 1)
        word_before = _is_latin(before2) and before2 not in _LATIN_MARKERS
        word_after = _is_latin(after2) and after2 not in _LATIN_MARKERS
        if prev in ".．" and before2 in _DIGITS and has_unit:
            return False  # a half-filled decimal: "1.x亿元"
        if (prev in "-/\\" and word_before) or (prev in ".@#:：_+＋" and (word_before or before2 in _DIGITS)):
            return True  # "Mac-X", "a.x", "1+X"; but "20xx-20xx年" is two blanks
        if prev in "+＋" and end - start == 1 and not has_unit:
            return True  # the "互联网+X", "党建+N" slogan form
        if prev == " " and (word_before or before2 in _DIGITS) and not has_unit:
            return True  # "iPhone X", "3 x 4"; but "GDP XX亿元" is a blank
        if (
            (nxt in "+＋" and (after2 in _DIGITS or word_after))
            or (nxt in "-/\\_" and word_after)
            or (nxt == " " and (word_after or after2 in _DIGITS))
        ):
            return True  # "X-ray", "X+1", "X Window", "x 4"
        return prev == "[" and nxt == "]" and scan.at_line_start(start - 1)  # Markdown checkbox "- [x]"

    # -- other blank forms ---------------------------------------------------------
    def _bracket_matches(self, text: str) -> Iterator[regex.Match[str]]:
        """``self._bracket_re.finditer(text)``, tried only where a match can start.

        Each branch is an opening bracket or mark, then a blank, the closing bracket or a question mark.
        """
        starts = [match.start() for match in _BRACKET_STARTS.finditer(text)]
        return _matches_at(self._bracket_re, text, starts)

    def _bracket_blanks(self, scan: _Scan) -> Iterator[_Blank]:
        text = scan.text
        for match in self._bracket_matches(text):
            start, end = match.span()
            prev = scan.char(start - 1)
            if text[start] in "([" and (_is_latin(prev) or prev in _DIGITS or prev == "_"):
                continue  # code: "f()", "a[ ]"
            if text[start] in "[［" and scan.at_line_start(start):
                continue  # a Markdown task-list checkbox "- [ ]"
            unit = self._unit_re.match(text, end)
            if unit is not None:
                yield _Blank(start, unit.end(), self._unit_category(unit))
            elif not match.group("asked"):  # "（？）" is a blank only before a unit: "（？）万元"
                yield _Blank(start, end, None)

    def _slot_blanks(self, text: str, openers: list[int]) -> Iterator[_Blank]:
        """A bracketed slot word before a unit: "[数据]亿元", "（数字）%" (the unit tells what is missing)."""
        for match in _matches_at(self._slot_re, text, openers):
            unit = self._unit_re.match(text, match.end())
            if unit is None:
                continue
            category = self._unit_category(unit)
            if category in _ASKED_CATEGORIES:
                yield _Blank(match.start(), unit.end(), category)

    def _field_blanks(self, text: str) -> Iterator[_Blank]:
        """An unrendered template field: "{{amount}}万元", "${单位名称}", "{rate}" (with the unit after it)."""
        if self._field_re is None:
            return
        matches: Iterable[regex.Match[str]]
        if self._field_cues is None:
            matches = self._field_re.finditer(text)
        else:  # every field begins with one of these characters
            matches = _matches_at(self._field_re, text, _positions(text, "".join(self._field_cues)))
        for match in matches:
            unit = self._unit_re.match(text, match.end())
            if unit is not None:
                yield _Blank(match.start(), unit.end(), self._unit_category(unit))
            else:
                yield _Blank(match.start(), match.end(), None)

    def _space_blanks(self, scan: _Scan) -> Iterator[_Blank]:
        """Blank space left for a number or date: "完成投资    万元", "    年  月  日"."""
        text = scan.text
        # A gap begins with a full-width space, a space or a no-break space, after Han text.
        starts = [at for at in _positions(text, "\u3000 \u00a0") if at and _is_han(text[at - 1])]
        for match in _matches_at(self._spaces_re, text, starts):
            start, end = match.span()
            unit = self._unit_re.match(text, end)
            if unit is None or unit.group("approx"):
                continue
            category = self._unit_category(unit)
            if category not in ("number", "year", "month", "day"):
                continue
            if scan.gaps_in_line(start) > 6:
                continue  # a table or aligned layout, not prose with a gap
            yield _Blank(start, unit.end(), category)

    def _notes(self, text: str, openers: list[int]) -> Iterator[_Blank]:
        for match in _matches_at(self._note_re, text, openers):
            yield _Blank(match.start(), match.end(), None, note=True)
        # Every bare note begins with one of these characters.
        for match in _matches_at(self._bare_note_re, text, _positions(text, self._bare_note_firsts)):
            start, end = match.span()
            prev = text[start - 1] if start > 0 else "\n"
            note_end = match.end("note")
            after = text[note_end] if note_end < len(text) else "\n"
            if prev in self._note_guards or after in self._note_after_guards:
                continue  # prose: "资料尚待补充", "材料待补充的申请人"
            if match.group("note").isascii():
                if _is_latin(prev) or _is_latin(after):
                    continue  # part of a Latin word: "TODOS"
                end = note_end
            yield _Blank(start, end, None, note=True)

    # -- assembling ------------------------------------------------------------------
    @staticmethod
    def _disjoint(candidates: list[_Blank]) -> list[_Blank]:
        """Drop candidates overlapping an earlier (or equally early, longer) one."""
        result: list[_Blank] = []
        for blank in sorted(candidates, key=lambda b: (b.start, -b.end, b.note)):
            if result and blank.start < result[-1].end:
                continue
            result.append(blank)
        return result

    @staticmethod
    def _merge_dates(blanks: list[_Blank]) -> list[_Blank]:
        """Join "20xx年" + "xx月" (+ "xx日") written back to back into one date blank."""
        result: list[_Blank] = []
        last_order = -1
        for blank in blanks:
            order = _DATE_ORDER.get(blank.category or "", -1)
            if (
                result
                and order >= 0
                and result[-1].end == blank.start
                and not result[-1].note
                and last_order >= 0
                and order > last_order
            ):
                result[-1] = result[-1]._replace(end=blank.end, category="date")
            else:
                result.append(blank)
            last_order = order
        return result

    def _infer(self, text: str, blanks: list[_Blank]) -> list[str]:
        """What each blank is missing: its own unit, a unit after "等" or at the end of its list, the word before."""
        categories: list[str] = ["content"] * len(blanks)
        following: str | None = None
        for index in range(len(blanks) - 1, -1, -1):
            blank = blanks[index]
            category = blank.category
            if category is None and not blank.note:
                if text.startswith("等", blank.end):
                    unit = self._unit_re.match(text, blank.end + 1)
                    if unit is not None:
                        category = self._unit_category(unit)
                if category is None and following is not None and index + 1 < len(blanks):
                    between = text[blank.end : blanks[index + 1].start]
                    if between in _LIST_SEPARATORS:
                        category = following
                if category is None:
                    for word in self._before_words:
                        if text.startswith(word, blank.start - len(word)) and blank.start >= len(word):
                            category = self._before[word]
                            break
            categories[index] = category or "content"
            following = None if blank.note else category
        return categories
