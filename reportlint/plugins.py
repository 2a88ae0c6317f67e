"""The plugin manager: built-in rules and third-party plugins alike come through it."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from types import ModuleType

import pluggy

from reportlint import hookspecs, patterns
from reportlint.rule import Rule, RuleSet

ENTRY_POINT_GROUP = "reportlint"
_CODE_SHAPE = patterns.compile(r"[A-Z]{1,4}[0-9]{3}")
_NAME_SHAPE = patterns.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass
class PluginLoad:
    """The rules a run knows and the plugin problems found while loading them."""

    rules: RuleSet
    problems: list[str] = field(default_factory=list)


def _manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager


def _register(manager: pluggy.PluginManager, plugin: object, name: str, problems: list[str]) -> None:
    if manager.is_registered(plugin) or manager.has_plugin(name):
        return
    try:
        manager.register(plugin, name=name)
    except Exception as exc:  # a broken plugin is reported and skipped, not fatal
        problems.append(f"插件 {name} 注册失败，已跳过 (plugin failed to register): {exc}")


def load_plugins(extra_modules: Iterable[str | ModuleType] = ()) -> PluginLoad:
    """Load entry-point plugins (the built-ins among them) and ``extra_modules``."""
    manager = _manager()
    problems: list[str] = []
    for entry_point in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        try:
            plugin = entry_point.load()
        except Exception as exc:
            problems.append(f"插件 {entry_point.name} 加载失败，已跳过 (plugin failed to load): {exc}")
            continue
        _register(manager, plugin, entry_point.name, problems)
    for module in extra_modules:
        try:
            plugin = importlib.import_module(module) if isinstance(module, str) else module
        except Exception as exc:
            problems.append(f"插件模块 {module} 无法导入，已跳过 (plugin module not importable): {exc}")
            continue
        _register(manager, plugin, plugin.__name__, problems)

    rules = RuleSet()
    from reportlint.suppression import ENGINE_RULES

    for rule in ENGINE_RULES:
        rules.add(rule)
    for provided in manager.hook.reportlint_rules():
        for rule in provided or ():
            problem = _validate_rule(rule, rules)
            if problem:
                problems.append(problem)
            else:
                rules.add(rule)
    return PluginLoad(rules, problems)


def _validate_rule(rule: type[Rule], known: RuleSet) -> str | None:
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return f"插件提供的 {rule!r} 不是 Rule 子类，已跳过 (not a Rule subclass)"
    code = getattr(rule, "code", "")
    name = getattr(rule, "name", "")
    if not _CODE_SHAPE.fullmatch(code or ""):
        return f"规则 {rule.__name__} 的代码 {code!r} 不合格式（应如 RL101），已跳过 (bad rule code)"
    if not _NAME_SHAPE.fullmatch(name or ""):
        return f"规则 {code} 的名称 {name!r} 应为小写连字符形式，已跳过 (bad rule name)"
    clash = known.rules.get(code) or known.by_name_or_code(name)
    if clash is not None and clash is not rule:
        return f"规则 {code} ({name}) 与已有规则 {clash.code} ({clash.name}) 重名，已跳过 (duplicate rule)"
    return None
