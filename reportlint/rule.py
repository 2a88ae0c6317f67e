"""Rules, findings and diagnostics: the vocabulary shared by the engine and every rule."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from reportlint import usercache

if TYPE_CHECKING:
    from reportlint.document import Document


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Applicability(str, Enum):
    """Whether a fix may be applied without a human looking at it (ruff's model)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    applicability: Applicability = Applicability.UNSAFE


@dataclass(frozen=True)
class Finding:
    """What a rule reports: a span of the document and what is wrong with it."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    fix: Fix | None = None
    severity: Severity | None = None  # overrides the rule's default for this one finding


@dataclass(frozen=True)
class Diagnostic:
    """A finding placed in a file, as every output format sees it."""

    rule: str
    code: str
    severity: Severity
    message: str
    suggestion: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    text: str
    fix: Fix | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.offset, self.end_offset, self.code)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "text": self.text,
        }


@dataclass
class RuleDoc:
    """Documentation of a rule, parsed from its docstring."""

    summary: str
    body: str


class Rule:
    """Base class of every rule, built-in or from a plugin.

    A subclass sets the class attributes and implements :meth:`check`. Its
    docstring is its documentation (shown by ``reportlint rule NAME``) and
    follows ruff's shape: 作用 / 为什么 / 错误示例 / 正确示例.

    Data (word lists, templates, confusable pairs) lives in a TOML file named
    by ``data_file`` beside the rule's module. A user extends it from config:
    ``[rules.NAME]`` keys override options, and ``extend-KEY`` lists are
    appended to the data list ``KEY``.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    authority: ClassVar[str] = "实务"
    summary: ClassVar[str] = ""
    data_file: ClassVar[str | None] = None
    # Option name -> default value. Unknown options in config are an error.
    options: ClassVar[Mapping[str, Any]] = {}
    fixable: ClassVar[bool] = False

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        self.data: dict[str, Any] = self.load_data()
        self.settings: dict[str, Any] = dict(self.options)
        for key, value in (settings or {}).items():
            if key.replace("_", "-").startswith("extend-"):
                self._extend_data(key, key.replace("_", "-")[len("extend-") :], value)
            elif (option := _same_key(key, self.settings)) is not None:
                self.settings[option] = value
            elif (item := _same_key(key, self.data)) is not None:
                self.data[item] = value
            else:
                raise RuleConfigError(self.name, key, "未知的规则选项 (unknown option)")
        self.setup()

    def _extend_data(self, option: str, target: str, value: Any) -> None:
        item = _same_key(target, self.data)
        existing = self.data.get(item) if item is not None else None
        if item is not None and isinstance(existing, list) and isinstance(value, list):
            self.data[item] = existing + value
        elif item is not None and isinstance(existing, dict) and isinstance(value, dict):
            self.data[item] = {**existing, **value}
        else:
            raise RuleConfigError(self.name, option, "没有可扩展的同名词表 (nothing to extend)")

    # -- hooks for subclasses -------------------------------------------------
    def setup(self) -> None:
        """Prepare compiled patterns from ``self.data``; called once per configuration."""

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    # -- helpers ----------------------------------------------------------------
    @classmethod
    def load_data(cls) -> dict[str, Any]:
        if not cls.data_file:
            return {}
        module = sys.modules[cls.__module__]
        base = Path(module.__file__ or ".").parent
        raw = (base / cls.data_file).read_bytes()
        data: dict[str, Any] = usercache.parsed(raw, "rule-data", _parse_toml)
        return data

    @classmethod
    def documentation(cls) -> RuleDoc:
        text = inspect.cleandoc(cls.__doc__ or "")
        first, _, rest = text.partition("\n")
        return RuleDoc(summary=cls.summary or first.strip(), body=rest.strip())


def _parse_toml(raw: bytes) -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    return data


def _same_key(key: str, mapping: Mapping[str, Any]) -> str | None:
    """Find ``key`` in ``mapping`` treating ``-`` and ``_`` alike (TOML users write either)."""
    for candidate in (key, key.replace("_", "-"), key.replace("-", "_")):
        if candidate in mapping:
            return candidate
    return None


class RuleConfigError(ValueError):
    def __init__(self, rule: str, option: str, reason: str) -> None:
        super().__init__(f"规则 {rule} 的配置项 `{option}` 有误：{reason}")
        self.rule = rule
        self.option = option


@dataclass
class RuleSet:
    """The rules known to this run, keyed by code, with name lookup."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)

    def add(self, rule: type[Rule]) -> None:
        self.rules[rule.code] = rule

    def by_name_or_code(self, key: str) -> type[Rule] | None:
        if key in self.rules:
            return self.rules[key]
        for rule in self.rules.values():
            if rule.name == key:
                return rule
        return None

    def __iter__(self) -> Any:
        return iter(sorted(self.rules.values(), key=lambda r: r.code))
