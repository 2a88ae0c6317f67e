"""Configuration: discovery, validation and rule selection.

Looked up by walking up from each checked file to the first of
``reportlint.toml``, ``.reportlint.toml`` or a ``pyproject.toml`` with a
``[tool.reportlint]`` table. Keys (kebab-case; ``_`` is accepted too):

    select = ["ALL"]                 # codes, names or code prefixes
    extend-select = []
    ignore = []
    per-file-ignores = { "附件/*.txt" = ["RL301"] }
    severity = { placeholder = "error" }
    exclude = ["草稿箱/**"]
    plugins = ["my_company_rules"]   # extra plugin modules to import
    [rules.placeholder]              # per-rule options and extra word lists
    extend-markers = ["△△"]
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from reportlint.rule import Rule, RuleSet, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = ("reportlint.toml", ".reportlint.toml", "pyproject.toml")
KNOWN_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "severity",
    "exclude",
    "plugins",
    "rules",
    "extensions",
)
DEFAULT_EXTENSIONS = (".txt", ".md")


class ConfigError(Exception):
    """A configuration the run cannot use; the message is shown to the user as is."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    exclude: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    rule_settings: tuple[tuple[str, Any], ...] = ()  # (name or code, options mapping)
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the config file, when there is one

    # -- selection -------------------------------------------------------------------
    def selected(self, rules: RuleSet, path: Path | None = None) -> list[type[Rule]]:
        chosen = [r for r in rules if _matches_any(r, (*self.select, *self.extend_select))]
        ignored = list(self.ignore)
        if path is not None:
            ignored.extend(self.ignores_for(path))
        return [r for r in chosen if not _matches_any(r, ignored)]

    def ignores_for(self, path: Path) -> list[str]:
        result: list[str] = []
        if not self.per_file_ignores:
            return result
        relative = _relative(path, self.root)
        for pattern, codes in self.per_file_ignores:
            if _glob_match(relative, pattern) or _glob_match(PurePath(path.name), pattern):
                result.extend(codes)
        return result

    def is_excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        relative = _relative(path, self.root)
        return any(_glob_match(relative, pattern) for pattern in self.exclude)

    def severity_overrides(self) -> dict[str, Severity]:
        return dict(self.severity)

    def options_for(self, rule: type[Rule]) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for key, options in self.rule_settings:
            if key in (rule.name, rule.code):
                merged.update(options)
        return merged

    def validate(self, rules: RuleSet) -> None:
        """Check every rule selector and rule table against the rules this run knows."""
        for option, selectors in (
            ("select", self.select),
            ("extend-select", self.extend_select),
            ("ignore", self.ignore),
            *(("per-file-ignores", codes) for _, codes in self.per_file_ignores),
            ("severity", tuple(name for name, _ in self.severity)),
            ("rules", tuple(name for name, _ in self.rule_settings)),
        ):
            for selector in selectors:
                check_selector(selector, rules, option, self.source)


@functools.lru_cache(maxsize=8192)
def _resolved(path: Path) -> Path:
    return path.resolve()


def _relative(path: Path, root: Path) -> PurePath:
    # Cached: a run asks for the same file under exclude, per-file-ignores and the cache key.
    try:
        return _resolved(path).relative_to(_resolved(root))
    except ValueError:
        return PurePath(path)


def _glob_match(path: PurePath, pattern: str) -> bool:
    text = path.as_posix()
    return fnmatch.fnmatchcase(text, pattern) or (
        pattern.endswith("/**") and (text + "/").startswith(pattern[:-2])
    )


def _matches(rule: type[Rule], selector: str) -> bool:
    return selector == "ALL" or selector == rule.name or rule.code.startswith(selector)


def _matches_any(rule: type[Rule], selectors: Iterable[str]) -> bool:
    return any(_matches(rule, s) for s in selectors)


def check_selector(selector: str, rules: RuleSet, option: str, source: Path | None = None) -> None:
    if any(_matches(rule, selector) for rule in rules):
        return
    names = [r.name for r in rules] + [r.code for r in rules]
    close = difflib.get_close_matches(selector, names, n=1, cutoff=0.5)
    hint = f"；您是否想写「{close[0]}」？" if close else "；运行 reportlint rules 查看全部规则"
    where = f"（{source}）" if source else ""
    raise ConfigError(f"未知的规则「{selector}」{where}，出现在选项 `{option}` 中 (unknown rule){hint}")


# -- reading -----------------------------------------------------------------------------


def _kebab(key: str) -> str:
    return key.replace("_", "-")


def _string_list(value: Any, key: str, source: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"配置文件 {source} 中 `{key}` 应为字符串列表 (expected a list of strings)")


def settings_from_table(table: Mapping[str, Any], source: Path, base: Settings | None = None) -> Settings:
    settings = base or Settings()
    values: dict[str, Any] = {"root": source.parent, "source": source}
    for raw_key, value in table.items():
        key = _kebab(raw_key)
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            hint = f"；您是否想写 `{close[0]}`？" if close else ""
            raise ConfigError(f"配置文件 {source} 中有未知的配置项 `{raw_key}` (unknown option){hint}")
        if key in ("select", "extend-select", "ignore", "exclude", "plugins"):
            values[key.replace("-", "_")] = _string_list(value, key, source)
        elif key == "extensions":
            exts = _string_list(value, key, source)
            values["extensions"] = tuple(e if e.startswith(".") else "." + e for e in exts)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"配置文件 {source} 中 `per-file-ignores` 应为表 (expected a table)")
            values["per_file_ignores"] = tuple(
                (pattern, _string_list(codes, f"per-file-ignores.{pattern}", source))
                for pattern, codes in value.items()
            )
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"配置文件 {source} 中 `severity` 应为表 (expected a table)")
            pairs = []
            for rule, level in value.items():
                try:
                    pairs.append((rule, Severity(str(level).lower())))
                except ValueError:
                    raise ConfigError(
                        f"配置文件 {source} 中 `severity.{rule}` 的值「{level}」无效，"
                        "应为 error、warning 或 info (invalid severity)"
                    ) from None
            values["severity"] = tuple(pairs)
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"配置文件 {source} 中 `rules` 应为按规则名分组的表 (expected [rules.NAME] tables)")
            values["rule_settings"] = tuple((name, dict(options)) for name, options in value.items())
    return replace(settings, **values)


def read_config_file(path: Path) -> Settings | None:
    """Settings from one file; None for a pyproject.toml without ``[tool.reportlint]``."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件 {path} (cannot read config): {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 不是有效的 TOML (invalid TOML): {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("reportlint")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"配置文件 {path} 中 [tool.reportlint] 应为表 (expected a table)")
        return settings_from_table(table, path)
    return settings_from_table(data, path)


class ConfigFinder:
    """Finds the configuration for each file by walking up its directories (cached per directory)."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = read_config_file(explicit) if explicit else None
        if explicit and self._explicit is None:
            self._explicit = Settings(root=explicit.parent, source=explicit)
        self._cache: dict[Path, Settings] = {}
        self._by_path: dict[Path, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        if self._explicit is not None:
            return self._explicit
        settings = self._by_path.get(path)  # a run asks for each file several times
        if settings is None:
            directory = _resolved(path if path.is_dir() else path.parent)
            settings = self._by_path[path] = self._for_directory(directory)
        return settings

    def _for_directory(self, directory: Path) -> Settings:
        if directory in self._cache:
            return self._cache[directory]
        settings: Settings | None = None
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                settings = read_config_file(candidate)
                if settings is not None:
                    break
        if settings is None:
            parent = directory.parent
            settings = Settings(root=Path.cwd()) if parent == directory else self._for_directory(parent)
        self._cache[directory] = settings
        return settings
