"""Checks files: plugins loaded once, rules instantiated once per configuration.

The CLI, the public API and the LSP server are thin shells over this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from reportlint.config import ConfigError, Settings
from reportlint.document import Document
from reportlint.engine import lint
from reportlint.plugins import load_plugins
from reportlint.readers import InputError, document_from_bytes, read_document
from reportlint.rule import Diagnostic, Rule, RuleConfigError, RuleSet, Severity


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    document: Document | None = None
    # The source lines diagnostics point at (line number -> text), so that a result without its
    # Document (from the cache or a worker process) can still be printed with its context.
    source_lines: dict[int, str] = field(default_factory=dict)

    def line_text(self, number: int) -> str | None:
        """Text of line ``number`` (1-based) when this result knows it."""
        if number in self.source_lines:
            return self.source_lines[number]
        if self.document is not None and 1 <= number <= len(self.document.line_starts):
            return self.document.line_text(number)
        return None

    def detached(self) -> FileResult:
        """This result without its Document: small and picklable, still enough for every output format."""
        if self.document is None:
            return self
        lines = dict(self.source_lines)
        for diagnostic in self.diagnostics:
            for number in {diagnostic.line, diagnostic.end_line}:
                if number not in lines and 1 <= number <= len(self.document.line_starts):
                    lines[number] = self.document.line_text(number)
        return FileResult(self.path, self.diagnostics, self.error, None, lines)


class Plan(NamedTuple):
    """What checking a file under one configuration needs: worked out once, shared by its files."""

    effective: Settings  # the configuration with the command line's overrides applied
    known: RuleSet  # every rule this configuration loads (for suppression comments)
    rules: list[Rule]  # the selected rules, set up with their options
    severities: dict[str, Severity]  # severity overrides by rule code or name


@dataclass(frozen=True)
class Overrides:
    """Selection given on the command line; it takes precedence over config files."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def apply(self, settings: Settings) -> Settings:
        return replace(
            settings,
            select=self.select if self.select is not None else settings.select,
            extend_select=settings.extend_select + self.extend_select,
            ignore=settings.ignore + self.ignore,
        )


_SHARED_INSTANCES: dict[tuple[type[Rule], str], Rule] = {}


class Runner:
    def __init__(self, extra_plugins: Sequence[str] = (), overrides: Overrides | None = None) -> None:
        self._extra_plugins = tuple(extra_plugins)
        self.overrides = overrides or Overrides()
        self._loads: dict[tuple[str, ...], RuleSet] = {}
        self._instances: dict[tuple[type[Rule], str], Rule] = {}
        self.plugin_problems: list[str] = []
        self._plans: dict[tuple[int, Path | None], tuple[Settings, Plan]] = {}
        self.rules = self.rules_for(Settings())

    def rules_for(self, settings: Settings) -> RuleSet:
        """The rules known under ``settings`` (config may name extra plugin modules)."""
        key = tuple(sorted(set(self._extra_plugins) | set(settings.plugins)))
        if key not in self._loads:
            loaded = load_plugins(key)
            self.plugin_problems.extend(p for p in loaded.problems if p not in self.plugin_problems)
            self._loads[key] = loaded.rules
        return self._loads[key]

    def all_rules(self) -> RuleSet:
        """Every rule this runner has loaded, under any configuration (plugins named in config included)."""
        merged = RuleSet()
        for loaded in self._loads.values():
            for rule in loaded:
                merged.add(rule)
        return merged

    def effective(self, settings: Settings) -> Settings:
        return self.overrides.apply(settings)

    def validate(self, settings: Settings) -> None:
        """Raise ConfigError for unknown rules or bad rule options under ``settings``."""
        effective = self.effective(settings)
        known = self.rules_for(effective)
        effective.validate(known)
        self.plan(settings)  # set up the selected rules now: bad rule options fail here

    def _instance(self, settings: Settings, rule: type[Rule]) -> Rule:
        # Instances depend only on the rule class and its options, so equal options share one
        # instance, across runners too: the CLI validates with one runner and checks with another,
        # and compiling the rules' patterns is a good part of a cold run.
        key = (rule, repr(sorted(settings.options_for(rule).items())))
        instance = self._instances.get(key) or _SHARED_INSTANCES.get(key)
        if instance is None:
            try:
                instance = rule(settings.options_for(rule))
            except RuleConfigError as exc:
                where = f"（{settings.source}）" if settings.source else ""
                raise ConfigError(f"{exc}{where}") from None
            _SHARED_INSTANCES[key] = instance
        self._instances[key] = instance
        return instance

    def check_document(self, doc: Document, settings: Settings, path: Path | None = None) -> list[Diagnostic]:
        plan = self.plan(settings, path)
        return lint(doc, plan.rules, plan.known, plan.severities)

    def plan(self, settings: Settings, path: Path | None = None) -> Plan:
        """The rules to run on ``path`` under ``settings``: worked out once per configuration.

        Only per-file-ignores make the plan depend on the path. The key holds ``settings`` itself
        (not just its id) so that the id cannot be reused by another object while cached.
        """
        key = (id(settings), path if settings.per_file_ignores else None)
        cached = self._plans.get(key)
        if cached is None or cached[0] is not settings:
            if len(self._plans) >= 256:  # library callers make new settings per call: stay bounded
                self._plans.clear()
            effective = self.effective(settings)
            known = self.rules_for(effective)
            rules = [self._instance(effective, rule) for rule in effective.selected(known, path)]
            cached = self._plans[key] = (settings, Plan(effective, known, rules, effective.severity_overrides()))
        return cached[1]

    def check_path(self, path: Path, settings: Settings) -> FileResult:
        try:
            doc = read_document(path)
        except InputError as exc:
            return FileResult(str(path), error=str(exc))
        return FileResult(str(path), self.check_document(doc, settings, path), document=doc)

    def check_bytes(self, data: bytes, name: str, settings: Settings) -> FileResult:
        try:
            doc = document_from_bytes(data, name)
        except InputError as exc:
            return FileResult(name, error=str(exc))
        return FileResult(name, self.check_document(doc, settings, Path(name)), document=doc)


_DEFAULT_RUNNER: Runner | None = None


def check_text(
    text: str,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    path: str = "<string>",
    rule_options: dict[str, dict[str, object]] | None = None,
    kind: str = "txt",
) -> list[Diagnostic]:
    """Check a string with the default configuration: the library entry point.

    >>> [d.code for d in check_text("完成投资x万元。", select=["placeholder"])]
    ['RL101']
    """
    global _DEFAULT_RUNNER
    if _DEFAULT_RUNNER is None:
        _DEFAULT_RUNNER = Runner()
    settings = Settings(
        select=tuple(select) if select is not None else ("ALL",),
        ignore=tuple(ignore),
        rule_settings=tuple((rule_options or {}).items()),
    )
    doc = Document(text, path, kind=kind)
    return _DEFAULT_RUNNER.check_document(doc, settings)
