"""Rule empty-slogan (RL103): a fixed formula whose content was cut out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

import regex

from reportlint import patterns
from reportlint.document import Document
from reportlint.rule import Finding, Rule, RuleConfigError, Severity


@dataclass(frozen=True)
class _Template:
    source: str  # the regex, compiled on first use (see ``pattern``)
    formula: str
    slot: str
    example: str
    frame: bool  # preposition or marker prefix: punctuation or a function word alone is no content
    empty_ok: bool  # the bare formula is ordinary prose ("按照要求")
    # prefix -> texts before it that make prefix + suffix a verb taking a clause (错误地以为中心工作……)
    verb_before: Mapping[str, tuple[str, ...]]
    lone: tuple[str, ...]  # words that must stand alone in the segmentation (以人民为的: 为, not 有为)
    # Every text the prefix can match (its literal alternatives, or a regex prefix's `prefix-texts`) and
    # texts one of which begins every suffix (its literal alternatives, or `suffix-starts`); empty if unknown.
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    cue_source: str = ""  # `cue-regex`: finds something in every text the template matches; "" if not given

    @cached_property
    def indexed(self) -> bool:
        """Prefix texts and suffix starts are known and not empty: tried only where they meet."""
        return bool(self.prefixes and self.suffixes and all(self.prefixes) and all(self.suffixes))

    @cached_property
    def cues(self) -> tuple[str, ...]:
        """Texts one of which every match holds: the suffix starts, or else the prefix texts."""
        for texts in (self.suffixes, self.prefixes):
            if texts and all(texts):
                return texts
        return ()

    @cached_property
    def cue_pattern(self) -> regex.Pattern[str] | None:
        """Finds something in every text the template matches: its `cue-regex`, or else one of its cues.

        (A search for a few words is faster than testing ``word in text`` for each of them.)
        """
        source = self.cue_source or _alternation(self.cues)
        compiled: regex.Pattern[str] | None = patterns.compile(source) if source else None
        return compiled

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        # Compiled when a document first needs it: compiling all templates is most of a cold start.
        compiled: regex.Pattern[str] = patterns.compile(self.source)
        return compiled


@dataclass
class _SuffixGroup:
    """The suffix starts that begin with one character, and what may stand right before them."""

    before: set[str]  # filler characters and the last characters of the templates' prefix texts
    suffixes: dict[str, set[int]] = field(default_factory=dict)  # suffix start -> template indexes
    lengths: list[int] = field(default_factory=list)  # the lengths of the suffix starts
    # last character -> (template index, prefix text) of the prefix texts ending in it
    prefix_ends: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # the second characters of the suffix starts; None when one of them is a single character
    second: frozenset[str] | None = None

    def templates_at(self, text: str, offset: int) -> AbstractSet[int]:
        """Indexes of the templates one of whose suffix starts is at ``offset`` (not to be changed)."""
        found: AbstractSet[int] = _NO_TEMPLATES
        if self.second is not None and text[offset + 1 : offset + 2] not in self.second:
            return found
        for length in self.lengths:
            if indexes := self.suffixes.get(text[offset : offset + length]):
                found = found | indexes if found else indexes
        return found


_NO_TEMPLATES: frozenset[int] = frozenset()


@dataclass(frozen=True)
class _Mark:
    pattern: regex.Pattern[str]
    open: str
    close: str
    name: str
    missing: str


# ``<<support-words>>`` in a template's regex: the data list of that name, as an alternation.
_LIST_REF: regex.Pattern[str] = patterns.compile(r"<<([A-Za-z0-9_-]{1,40})>>")


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _escape(text: str) -> str:
    """``regex.escape(text)``; at once for a word of letters and digits (most words of the data)."""
    return text if text.isalnum() else regex.escape(text)


def _alternation(texts: Iterable[str]) -> str:
    # Longest first; equal lengths in a fixed order, so that the same data always makes the same
    # pattern (patterns are cached by their text across processes).
    ordered = sorted({t for t in texts if t}, key=lambda t: (-len(t), t))
    return "|".join(_escape(t) for t in ordered)


class EmptySlogan(Rule):
    """固定提法中缺少内容（如“坚持以为指导”“在的坚强领导下”“深入贯彻精神”）。

    作用：
    检查报告中常见的固定提法（以……为指导、在……的坚强领导下、深入贯彻……精神、
    ……是……召开之年、落实……决策部署、党的……大等）在中间应有的内容被删掉、
    只剩空白或标点、只剩占位符（x、××、某某、___）或只剩“的”之类虚词的情况；
    介词后直接跟“的”（按照的决策部署、根据的统一安排）、并列主体删去一个后
    连词直接跟“的”（在县委和的坚强领导下）也属此类；
    丢了名称或序数、只剩通用词的提法（是规划的开局之年、对工作的重要指示、
    二十届全会、二十届三全会、二十届、三中全会、县十八届人大次会议、第次党代会、省委届次全会），“为”后面的中心词被删掉、
    “为”直接跟“的”（以人民为的发展思想），整套提法中关键部分被删掉（坚持工作总基调、
    以新时代中国特色社会主义思想为指导、守住不发生底线、全面从严治党向发展，提法清单见 cut-slogans，
    清单中 keys 列出的关键部分被删掉也报），“的坚强领导下”中的中心词或整个短语被删掉（在县委的坚强下、在县委的下，
    修饰词清单见 support-modifiers），以及丢了数字的编号提法
    （做到“个维护”、增强个意识，提法清单见 numbered-slogans；并列的编号提法中后一项
    丢了数字，如“一个中心、个支撑”“围绕个中心、两个基本点”）也属此类；
    也检查空的引号“”、书名号《》和括号（）。提法模板是数据，可在配置中用
    `extend-templates` 增加本单位常用的提法，用 `extend-cut-slogans` 增加整套提法，用 `extend-support-words`
    增加“在……的……下”中的中心词（领导、关怀、支持……），用 `extend-support-modifiers` 增加中心词前的修饰词，用 `extend-numbered-slogans`
    增加编号提法（如“五个必须”），用 `extend-ge-words` 增加以“个”开头的词语（如“个转企”）。

    为什么：
    起草时常先写好提法框架再填内容，或在修改时把指导思想、会议名称、领导主体整段删掉，
    留下“坚持以为指导”这样读不通的句子。这类错误是政治性表述错误，一旦印发影响严重，
    而通读时又容易因为提法熟悉而被眼睛自动补全。

    错误示例：
    - 全镇广大党员干部坚持以为指导，坚持稳中求进工作总基调。
    - 在的坚强领导下，我镇各项工作取得新成效。
    - 深入贯彻精神，严格落实上级决策部署。
    - 2024年是召开之年，做好今年工作意义重大。
    - 按照的决策部署，全力抓好防汛抗旱各项工作。
    - 在县委和的正确领导下，全县上下团结一心、攻坚克难。
    - 锲而不舍纠治“”，持续深化作风建设。
    - 2026年是规划的开局之年，坚决做到“个维护”。
    - 深入贯彻习近平总书记对工作的重要指示精神和党的二十届全会精神。
    - 坚持以人民为的发展思想，坚持工作总基调。
    - 在县委县政府的坚强下，牢牢守住不发生底线。

    正确示例：
    - 全镇广大党员干部坚持以习近平新时代中国特色社会主义思想为指导。
    - 在县委县政府的坚强领导下，我镇各项工作取得新成效。
    - 深入贯彻党的二十大精神，以此为指导谋划全年工作。
    - 按照要求及时上报，确保实现目标。（“按照要求”“实现目标”本身是通顺的说法，不报）
    - 大力推进“个转企”，每个代表都要认真履职。（“个转企”是词语，“每个”有数词，不报）
    - 这类说法是毫无事实根据的；我们将提供力所能及的帮助。（“根据”是名词、“及”属于词语，不报）
    - 个别干部错误地以为中心工作就是全部工作。（“以为”是动词，后面是一个句子，不报）
    - 以奋发有为的精神状态投入工作。（“有为”是词语，不报）

    选项：
    - empty-marks（默认 true）：是否检查空的引号、书名号和括号。
    """

    code = "RL103"
    name = "empty-slogan"
    severity = Severity.ERROR
    authority = "实务"
    summary = "固定提法中缺少内容"
    data_file = "empty_slogan.toml"
    options: ClassVar[Mapping[str, Any]] = {"empty-marks": True}
    _shipped: ClassVar[dict[str, Any] | None] = None

    @classmethod
    def load_data(cls) -> dict[str, Any]:
        """The shipped data, parsed once per process.

        A shallow copy: configuration replaces or extends whole lists, it never changes a shipped
        list in place. Keeping the shipped templates tells setup() which ones are known to compile.
        """
        if cls._shipped is None:
            cls._shipped = super().load_data()
        return dict(cls._shipped)

    def setup(self) -> None:
        data = self.data
        self._shipped_specs = {id(spec) for spec in (self._shipped or {}).get("templates", [])}
        self._blank = str(data.get("blank-chars", " \t\u3000"))
        self._separators = str(data.get("separator-chars", "，,、。；;：:"))
        self._marks = str(data.get("mark-chars", "“”《》（）()"))
        self._ellipsis = str(data.get("ellipsis-chars", "…"))
        self._placeholders = str(data.get("placeholder-chars", "xX×某_"))
        self._function_words = "".join(_strings(data.get("function-words", [])))
        max_slot = int(data.get("max-slot", 8))
        filler = self._blank + self._separators + self._marks + self._ellipsis + self._placeholders
        filler += self._function_words
        filler_class = "[" + "".join(_escape(c) for c in sorted(set(filler))) + "]"
        self._slot = f"{filler_class}{{0,{max_slot}}}"  # what may stand in a slot; <<slot>> in a template's regex
        self._slot_re = f"(?P<slot>{self._slot})"
        not_before: dict[str, list[str]] = {
            str(k): _strings(v) for k, v in dict(data.get("prefix-not-before", {})).items()
        }
        self._verb_before: dict[str, list[str]] = {
            str(k): _strings(v) for k, v in dict(data.get("prefix-verb-before", {})).items()
        }
        self._phrase_end = "\n" + self._blank + self._separators + self._marks + str(data.get("phrase-end-chars", ""))
        clause_words = _alternation(_strings(data.get("verb-clause-words")))
        stop = _escape(self._phrase_end)
        self._clause_re = patterns.compile(f"[^{stop}]{{0,10}}?(?:{clause_words})") if clause_words else None
        self._templates = [self._compile(t, not_before) for t in data.get("templates", [])]
        self._filler = frozenset(filler)
        self._max_slot = max_slot
        self._index_literal_templates()
        self._unindexed = {index for index, template in enumerate(self._templates) if not self._indexed(template)}
        self._compile_cut_slogans(data)
        self._mark_list = [self._compile_mark(m) for m in data.get("marks", [])]
        self._contexts: list[tuple[str, str, tuple[str, ...]]] = []
        for context in data.get("mark-contexts", []):
            marks = tuple(_strings(context.get("open")) or ["“", "‘", '"'])
            for before in _strings(context.get("before")):
                self._contexts.append((before, str(context.get("example", "")), marks))
        self._contexts.sort(key=lambda c: len(c[0]), reverse=True)
        self._compile_numbered(data)

    def _index_literal_templates(self) -> None:
        """Group the templates whose prefix texts and suffix starts are known by the first character of a suffix."""
        self._suffix_groups: dict[str, _SuffixGroup] = {}
        for index, template in enumerate(self._templates):
            if not self._indexed(template):
                continue
            for suffix in template.suffixes:
                group = self._suffix_groups.setdefault(suffix[0], _SuffixGroup(set(self._filler)))
                group.suffixes.setdefault(suffix, set()).add(index)
            for first in dict.fromkeys(suffix[0] for suffix in template.suffixes):
                group = self._suffix_groups[first]
                for prefix in dict.fromkeys(template.prefixes):
                    group.before.add(prefix[-1])
                    group.prefix_ends.setdefault(prefix[-1], []).append((index, prefix))
        for group in self._suffix_groups.values():
            group.lengths = sorted({len(suffix) for suffix in group.suffixes})
            if group.lengths[0] > 1:
                group.second = frozenset(suffix[1] for suffix in group.suffixes)
        self._junction_re = self._junction_pattern()

    def _junction_pattern(self) -> re.Pattern[str] | None:
        """Where a suffix start may end a slot: its first character, with what must come before and after it.

        Before it stands a prefix's last character (empty slot) or filler, and before that filler a
        prefix's last character or more filler; after it, the second character of a suffix start
        unless the start is that one character. A conservative filter of the places _literal_starts
        looks at. The standard library's ``re``: classes and fixed-width lookarounds only, which it
        scans several times faster than ``regex``.
        """
        groups = self._suffix_groups
        ends = set().union(*(group.prefix_ends for group in groups.values()))
        suffixes = [suffix for group in groups.values() for suffix in group.suffixes]
        singles = {suffix for suffix in suffixes if len(suffix) == 1}
        seconds = {suffix[1] for suffix in suffixes if len(suffix) > 1}
        before = [f"(?<={_class(ends)}.)"] if ends else []
        if self._filler:
            before.append(f"(?<={_class(self._filler)}.)(?<={_class(ends | self._filler)}..)")
        after = [f"(?<={_class(singles)})"] if singles else []
        if seconds:
            after.append(f"(?={_class(seconds)})")
        if not groups:
            return None
        return re.compile(f"{_class(groups)}(?:{'|'.join(before)})(?:{'|'.join(after)})")

    def _indexed(self, template: _Template) -> bool:
        """Whether the template is tried only where its texts meet (a slot of negative length never is)."""
        return template.indexed and self._max_slot >= 0

    def _compile_numbered(self, data: Mapping[str, Any]) -> None:
        """Patterns for numbered slogans whose numeral was cut: “个维护”, 增强个意识."""
        self._slogans: dict[str, str] = {}
        for slogan in _strings(data.get("numbered-slogans")):
            at = slogan.find("个")
            if at > 0 and len(slogan) > at + 1:
                self._slogans.setdefault(slogan[at:], slogan)
        before = str(data.get("not-numbered-before", ""))
        guard = f"(?<![{_escape(before)}])" if before else ""
        words = _alternation(_strings(data.get("ge-words")))
        not_word = f"(?!{words})" if words else ""
        quoted = f"[“‘「]{not_word}个[^“”‘’「」\n]{{1,12}}[”’」]"
        parts = [f"(?P<quoted>{guard}{quoted})"]
        # "做个全面的检查": the rest of a slogan that is also an adjective is read so before 的.
        adjectives = {f"个{a}" for a in _strings(data.get("numbered-slogan-adjectives"))}
        plain = [t for t in self._slogans if t not in adjectives]
        bare = [f"(?:{_alternation(plain)})"] if plain else []
        if listed := [t for t in self._slogans if t in adjectives]:
            bare.append(f"(?:{_alternation(listed)})(?![的地得])")
        if bare:
            parts.append(f"(?P<bare>{guard}(?:{'|'.join(bare)}))")
        # "一个中心、个支撑": a later item of a series of numbered items lost its numeral.
        numerals = _escape(str(data.get("series-numerals", "")))
        if numerals:
            parts.append(
                f"(?P<series>(?<=[{numerals}]个\\p{{Han}}{{1,6}}[、，,和与及]){not_word}个(?!个)\\p{{Han}}{{1,6}}?"
                f"(?=[、，,；;。：:”’」）)\\s和与及]|$))"
            )
            # "围绕个中心、两个基本点": the first item lost its numeral, the next one keeps it.
            parts.append(
                f"(?P<lead>{guard}(?<![了下])(?<![“‘「]){not_word}个(?!个)\\p{{Han}}{{1,6}}?"
                f"(?=[、，,和与及][{numerals}]{{1,2}}个\\p{{Han}}))"
            )
        self._numbered = patterns.compile("|".join(parts))
        # Where a match may begin, for _numbered_matches: a 个 after an opening quotation mark (quoted) or a
        # series separator (series), at the rest of a listed slogan (bare), or with another 个 two to eight
        # characters on (lead: 个中心、两个).
        rests = sorted({tail[1:] for tail in self._slogans}, key=lambda t: (-len(t), t))
        cues = ["(?<=[“‘「、，,和与及]个)", r"(?=[\s\S]{2,8}?个)"]
        if rests:
            cues.append(f"(?={'|'.join(map(_escape, rests))})")
        self._numbered_cue: regex.Pattern[str] = patterns.compile(f"个(?:{'|'.join(cues)})")

    def _compile_cut_slogans(self, data: Mapping[str, Any]) -> None:
        """Canonical slogans with a key part cut: 坚持工作总基调 (稳中求进), 以新时代……思想为指导 (习近平)."""
        self._cut_slogans: dict[str, str] = {}
        branches: list[str] = []
        for entry in data.get("cut-slogans", []):
            full = str(entry.get("full", ""))
            keyed = [full.replace(key, "", 1) for key in _strings(entry.get("keys")) if key and key in full]
            for cut in [*_strings(entry.get("cut")), *keyed]:
                if not full or not cut or cut in self._cut_slogans:
                    continue
                self._cut_slogans[cut] = full
                guards = list(_strings(entry.get("not-before")))
                at = full.find(cut)
                # The cut form is also the tail of the full slogan: it is cut only without its head.
                head = _escape(full[:at]) + "[的“”‘’「」\"]{0,2}" if at > 0 else ""
                guard = f"(?<!{'|'.join(filter(None, [head, _alternation(guards)]))})" if head or guards else ""
                branches.append(guard + _escape(cut))
        self._cut_re = patterns.compile("|".join(branches)) if branches else None
        # Each cut form is searched for through its least common character: char -> (offset, form).
        rank = {char: at for at, char in enumerate(str(data.get("common-chars", "")))}
        self._cut_index: dict[str, list[tuple[int, str]]] = {}
        for cut in self._cut_slogans:
            offset = max(range(len(cut)), key=lambda at: rank.get(cut[at], len(rank)))
            self._cut_index.setdefault(cut[offset], []).append((offset, cut))
        # One scan for them all: each of those characters where one of its forms stands around it.
        # The standard library's ``re``: literals and fixed-width lookarounds only (3x faster than ``regex`` here).
        branches = [
            re.escape(char) + "(?:" + "|".join(_around(form, offset) for offset, form in forms) + ")"
            for char, forms in self._cut_index.items()
        ]
        self._cut_scan = re.compile("|".join(branches)) if branches else None

    # -- compiling ------------------------------------------------------------------
    def _compile(self, spec: Mapping[str, Any], table: Mapping[str, list[str]]) -> _Template:
        if not isinstance(spec, Mapping):
            raise RuleConfigError(self.name, "templates", f"模板应是表（table），而不是 {spec!r}")
        if not (_strings(spec.get("prefix")) or spec.get("prefix-regex")) or not (
            _strings(spec.get("suffix")) or spec.get("suffix-regex")
        ):
            raise RuleConfigError(self.name, "templates", f"模板缺少 prefix 或 suffix：{dict(spec)!r}")
        try:
            return self._compile_template(spec, table)
        except regex.error as error:
            raise RuleConfigError(
                self.name, "templates", f"模板的正则表达式有误（{error}）：{dict(spec)!r}"
            ) from error

    def _expand(self, pattern: str) -> str:
        """Replace ``<<key>>`` in a template's regex by the alternation of the data list ``key``.

        ``<<slot>>`` is what may stand in a slot (max-slot characters of filler at most).
        """

        def word_list(match: regex.Match[str]) -> str:
            key = match.group(1)
            if key == "slot":
                return f"(?:{self._slot})"
            words = _strings(self.data.get(key))
            if not words:
                raise RuleConfigError(self.name, "templates", f"模板引用了不存在或为空的词表 <<{key}>>")
            return _alternation(words)

        return _LIST_REF.sub(word_list, pattern)

    def _compile_template(self, spec: Mapping[str, Any], table: Mapping[str, list[str]]) -> _Template:
        extra_before = _strings(spec.get("not-before"))
        prefixes = _strings(spec.get("prefix"))
        if spec.get("prefix-regex"):
            prefix = f"(?:{self._expand(str(spec['prefix-regex']))})"
            if extra_before:
                prefix = f"(?<!{_alternation(extra_before)}){prefix}"
        else:
            parts = []
            for text in sorted(set(prefixes), key=lambda t: (-len(t), t)):
                before = [*table.get(text, []), *extra_before]
                literal = _escape(text)
                # The guard after the literal, (?<!(?:words)以) for (?<!words)以: a pattern that begins
                # with a literal is searched for much faster.
                guard = f"(?<!(?:{_alternation(before)}){literal})" if before else ""
                parts.append(literal + guard)
            prefix = "(?:" + "|".join(parts) + ")"
        suffixes = _strings(spec.get("suffix"))
        suffix = (
            f"(?:{self._expand(str(spec['suffix-regex']))})"
            if spec.get("suffix-regex")
            else f"(?:{_alternation(suffixes)})"
        )
        after = ""
        if not_after := _strings(spec.get("not-after")):
            after += f"(?!{_alternation(not_after)})"
        if followed := _strings(spec.get("followed-by")):
            after += f"(?={_alternation(followed)}|$)"
        source = f"(?P<prefix>{prefix}){self._slot_re}(?P<suffix>{suffix}){after}"
        default_name = f"{prefixes[0] if prefixes else ''}…{suffixes[0] if suffixes else ''}"
        template = _Template(
            source=source,
            formula=str(spec.get("formula", default_name)),
            slot=str(spec.get("slot", "内容")),
            example=str(spec.get("example", "")),
            frame=str(spec.get("kind", "frame")) != "verb",
            empty_ok=bool(spec.get("empty-ok", False)),
            verb_before={p: tuple(self._verb_before[p]) for p in prefixes if self._verb_before.get(p)},
            lone=tuple(_strings(spec.get("lone-words"))),
            prefixes=tuple(_strings(spec.get("prefix-texts"))) if spec.get("prefix-regex") else tuple(prefixes),
            suffixes=tuple(_strings(spec.get("suffix-starts"))) if spec.get("suffix-regex") else tuple(suffixes),
            cue_source=self._expand(str(spec["cue-regex"])) if spec.get("cue-regex") else "",
        )
        if (spec.get("prefix-regex") or spec.get("suffix-regex") or spec.get("cue-regex")) and (
            id(spec) not in self._shipped_specs
        ):
            # A regex written in the user's configuration: report a mistake in it now, not on first use.
            # (Literal parts are escaped, and the shipped regexes are known to compile.)
            template.pattern  # noqa: B018
            template.cue_pattern  # noqa: B018
        return template

    def _compile_mark(self, spec: Mapping[str, Any]) -> _Mark:
        open_, close = str(spec["open"]), str(spec["close"])
        inner = "".join(_escape(c) for c in sorted(set(self._blank + self._placeholders)))
        pattern = patterns.compile(f"{_escape(open_)}(?P<slot>[{inner}]{{0,8}}){_escape(close)}")
        return _Mark(pattern, open_, close, str(spec.get("name", "引号")), str(spec.get("missing", "内容")))

    # -- checking -------------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        findings: list[Finding] = []
        starts = self._literal_starts(text)
        # In template order (findings at one place are kept in that order): the indexed templates
        # with a place where they can match, and the others unless a text they need is missing.
        unindexed = self._unindexed
        for index in sorted(starts.keys() | unindexed):
            template = self._templates[index]
            if index in unindexed:
                if template.cue_pattern is not None and template.cue_pattern.search(text) is None:
                    continue
                matches: Iterable[regex.Match[str]] = template.pattern.finditer(text)
            else:
                matches = self._matches(text, template, starts[index])
            for match in matches:
                finding = self._judge(doc, template, match)
                if finding is not None:
                    findings.append(finding)
        if self.settings.get("empty-marks", True):
            findings.extend(self._empty_marks(text))
        findings.extend(self._numbered_findings(text))
        findings.extend(self._cut_slogan_findings(text))
        return _without_overlaps(findings)

    def _literal_starts(self, text: str) -> dict[int, set[int]]:
        """Where the literal templates may match: their possible match starts, by template index.

        A match is prefix + slot + suffix, the slot holding at most max-slot filler characters, so the
        character right before its suffix is filler or the last character of a prefix. Only such
        occurrences of a suffix are looked at (found by one scan, see _junction_pattern; most suffixes
        in prose follow a content word), and from each the slot is walked back to where a prefix ends.
        Every match start is among the results; the template's pattern decides at each.
        """
        starts: dict[int, set[int]] = {}
        if self._junction_re is None:
            return starts
        groups, filler = self._suffix_groups, self._filler
        for match in self._junction_re.finditer(text):  # at >= 1: a prefix comes first
            at = match.start()
            group = groups[text[at]]
            # Right before the suffix, the end of one of its prefixes (an empty slot) or filler, and
            # before that filler such an end or more filler (the scan tested this for all groups at once).
            before = text[at - 1]
            junction = before in group.prefix_ends or (before in filler and at > 1 and text[at - 2] in group.before)
            if junction and (indexes := group.templates_at(text, at)):
                self._add_prefix_starts(text, at, group, indexes, starts)
        return starts

    def _add_prefix_starts(
        self, text: str, slot_end: int, group: _SuffixGroup, indexes: AbstractSet[int], starts: dict[int, set[int]]
    ) -> None:
        """Add the starts of the templates' prefix texts that end a slot of filler before ``slot_end``."""
        slot_start = slot_end
        while slot_start > 0:
            before = text[slot_start - 1]
            for index, prefix in group.prefix_ends.get(before, ()):
                if index in indexes and text.endswith(prefix, 0, slot_start):
                    starts.setdefault(index, set()).add(slot_start - len(prefix))
            if slot_end - slot_start >= self._max_slot or before not in self._filler:
                return
            slot_start -= 1

    @staticmethod
    def _matches(text: str, template: _Template, starts: set[int] | None) -> Iterator[regex.Match[str]]:
        """``template.pattern.finditer(text)``, or tried only at ``starts`` (its possible starts) if given."""
        if starts is None:
            yield from template.pattern.finditer(text)
            return
        end = 0  # finditer's matches do not overlap: the next one starts at or after the last one's end
        for start in sorted(starts or ()):
            if start >= end and (match := template.pattern.match(text, start)) is not None:
                yield match
                end = match.end()

    def _cut_matches(self, text: str) -> Iterator[regex.Match[str]]:
        """``self._cut_re.finditer(text)``, tried only where a cut form starts.

        Each branch of the pattern is a cut form (after a lookbehind guard), so a match starts where
        a cut form does; cut forms are found through one character each (see common-chars).
        """
        assert self._cut_re is not None and self._cut_scan is not None
        starts: set[int] = set()
        for hit in self._cut_scan.finditer(text):
            at = hit.start()
            for offset, form in self._cut_index[text[at]]:
                if at >= offset and text.startswith(form, at - offset):
                    starts.add(at - offset)
        end = 0
        for start in sorted(starts):
            if start >= end and (match := self._cut_re.match(text, start)) is not None:
                yield match
                end = match.end()

    def _cut_slogan_findings(self, text: str) -> Iterable[Finding]:
        if self._cut_re is None:
            return
        for match in self._cut_matches(text):
            found = match.group()
            full = self._cut_slogans[found]
            yield Finding(
                match.start(),
                match.end(),
                f"「{found}」疑似固定提法“{full}”缺少部分内容，请补全",
                suggestion=f"补全为“{full}”",
            )

    def _verb_reading(self, doc: Document, template: _Template, match: regex.Match[str]) -> bool:
        """以为 read as "think" before a clause: 错误地以为中心工作就是全部工作, 有人以为抓手越多越好."""
        before = template.verb_before.get(match.group("prefix"))
        if not before or match.group("slot"):
            return False
        text, end = doc.text, match.end()
        if end >= len(text) or text[end] in self._phrase_end:
            return False  # the formula ends here: 坚定不移地以为指导，
        if text.endswith(before, 0, match.start()):
            return True
        # No subject or adverb seen, but the words after the suffix are a clause of their own (就是、越……越).
        return self._clause_re is not None and self._clause_re.match(text, end) is not None

    @staticmethod
    def _lone(doc: Document, template: _Template, match: regex.Match[str]) -> bool:
        """Each of the template's lone words, at its last place in the match, is a word by itself."""
        tokens = {(t.start, t.word) for t in doc.words(match.start(), match.end())}
        found = match.group()
        for word in template.lone:
            at = found.rfind(word)
            if at >= 0 and (match.start() + at, word) not in tokens:
                return False
        return True

    def _judge(self, doc: Document, template: _Template, match: regex.Match[str]) -> Finding | None:
        if self._verb_reading(doc, template, match):
            return None
        if template.lone and not self._lone(doc, template, match):
            return None
        slot = match.group("slot")
        core = "".join(c for c in slot if c not in self._blank)
        no_marks = "".join(c for c in core if c not in self._marks)
        holder = "".join(c for c in no_marks if c in self._placeholders)
        filler = self._placeholders + self._function_words + self._separators + self._ellipsis
        if holder and all(c in filler for c in no_marks):
            reason = f"，「{holder}」是未填写的占位符"
        elif not no_marks:
            if not core and template.empty_ok:
                return None
            reason = ""
        elif not template.frame:
            return None
        elif all(c in self._ellipsis for c in no_marks):
            if template.empty_ok or _inside(doc.quoted, match.start()):
                return None  # an elision inside a quotation
            reason = "，只有省略号"
        elif all(c in self._separators or c in self._function_words for c in no_marks):
            if template.empty_ok and not any(c in self._function_words for c in no_marks):
                return None
            reason = ""
        else:
            return None
        found = match.group(0)
        where = f"（如“{template.example}”）" if template.example else ""
        return Finding(
            match.start(),
            match.end(),
            f"「{found}」中缺少{template.slot}{reason}{where}，请补全",
            suggestion=f"补全{template.slot}，如“{template.example}”" if template.example else None,
        )

    def _empty_marks(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        for mark in self._mark_list:
            if mark.open not in text:
                continue  # every pair begins with its opening mark
            for start, end in self._mark_pairs(text, mark):
                found = text[start:end]
                core = "".join(c for c in found[len(mark.open) : -len(mark.close)] if c not in self._blank)
                if len(core) == 1 and core not in "某_＿":
                    continue  # “×” “x”: a tick mark or a one-letter name, not a cut
                context = ""
                for before, example, marks in self._contexts:
                    if mark.open in marks and text.endswith(before, 0, start):
                        context = f"（如「{example}」）"
                        break
                what = "空的" if not core else "只有占位符的"
                findings.append(
                    Finding(
                        start,
                        end,
                        f"{what}{mark.name}{found}，{mark.name}内缺少{mark.missing}{context}，请补全或删除",
                    )
                )
        return findings

    def _numbered_matches(self, text: str) -> Iterator[regex.Match[str]]:
        """``self._numbered.finditer(text)``, tried only where a match can start.

        Every branch matches 个 at its start or right after an opening quotation mark there, and
        only where ``self._numbered_cue`` finds that 个.
        """
        end = 0
        for cue in self._numbered_cue.finditer(text):
            at = cue.start()
            for start in (at - 1, at) if at and text[at - 1] in "“‘「" else (at,):
                if start >= end and (match := self._numbered.match(text, start)) is not None:
                    yield match
                    end = match.end()

    def _numbered_findings(self, text: str) -> Iterable[Finding]:
        for match in self._numbered_matches(text):
            found = match.group()
            tail = found[1:-1] if match.group("quoted") else found
            slogan = self._slogans.get(tail)
            if (match.group("series") or match.group("lead")) and slogan is None:
                yield Finding(
                    match.start(),
                    match.end(),
                    f"「{found}」中缺少“个”前面的数字（并列的编号提法，其他项带有数字），请补全",
                )
                continue
            if slogan is None and match.group("quoted"):
                # “个维护工作”: the longest listed slogan the quoted text starts with.
                slogan = next((s for t, s in self._slogans.items() if tail.startswith(t)), None)
            where = f"（如“{slogan}”）" if slogan else ""
            yield Finding(
                match.start(),
                match.end(),
                f"「{found}」中缺少“个”前面的数字{where}，请补全",
                suggestion=f"补全为“{slogan}”" if slogan else None,
            )

    @staticmethod
    def _mark_pairs(text: str, mark: _Mark) -> Iterable[tuple[int, int]]:
        """Spans of paired marks with nothing (or only blanks and placeholders) between them."""
        if mark.open != mark.close:
            for match in mark.pattern.finditer(text):
                yield match.start(), match.end()
            return
        # Straight quotes open and close alike: pair them in order within each line.
        opened: int | None = None
        for match in regex.finditer(_escape(mark.open) + "|\n", text):
            if match.group() == "\n":
                opened = None
            elif opened is None:
                opened = match.start()
            else:
                if mark.pattern.fullmatch(text, opened, match.end()):
                    yield opened, match.end()
                opened = None


def _class(chars: Iterable[str]) -> str:
    """A character class of ``chars`` for the standard library's ``re``."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _around(text: str, offset: int) -> str:
    """An ``re`` pattern matching, right after ``text[offset]``, where ``text`` stands around that character."""
    before = f"(?<={re.escape(text[: offset + 1])})" if offset else ""
    after = f"(?={re.escape(text[offset + 1 :])})" if offset + 1 < len(text) else ""
    return before + after


def _inside(spans: Sequence[Any], offset: int) -> bool:
    return any(span.start <= offset < span.end for span in spans)


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the longest finding where several overlap (a formula over its own empty quotes)."""
    findings.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in findings:
        if kept and finding.start < kept[-1].end:
            if finding.end - finding.start > kept[-1].end - kept[-1].start:
                kept[-1] = finding
            continue
        kept.append(finding)
    return kept
