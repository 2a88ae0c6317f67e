"""A cache of check results, keyed by file content, rules and configuration (like ruff's).

Re-checking an unchanged file costs one read and one hash. An entry's key is
a SHA-256 over

* the file's bytes and its kind (suffix: ``.md`` is read differently);
* the reportlint version and a fingerprint of the engine's own modules and of
  jieba's dictionary file;
* the rules known to the run and the rules selected for the file, each with its
  module and data file (size and modification time, so that editing a rule or
  its word list, or upgrading a plugin, invalidates), and its effective options;
* severity overrides.

Entries live in ``.reportlint_cache/`` at the project root (the directory of
the configuration file, else the working directory), or in
``$REPORTLINT_CACHE_DIR``. They are plain JSON (a cache directory shipped in a
repository must not be able to run code), written atomically (temporary file,
then ``os.replace``). An unreadable, corrupt or foreign entry is a miss, never
an error; a cache that cannot be written only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlint import __version__
from reportlint.atomic import replace_file
from reportlint.config import Settings
from reportlint.rule import Applicability, Diagnostic, Fix, Rule, RuleSet, Severity

CACHE_DIR_NAME = ".reportlint_cache"
_FORMAT = 1

_file_stamps: dict[str, str] = {}
_class_stamps: dict[type[Rule], str] = {}
_engine_stamp: str | None = None


def _stamp(path: str | Path | None) -> str:
    """Size and modification time of ``path`` (cached for the process)."""
    if path is None:
        return "-"
    key = str(path)
    found = _file_stamps.get(key)
    if found is None:
        try:
            stat = os.stat(key)
            found = f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            found = "?"
        _file_stamps[key] = found
    return found


def _engine_fingerprint() -> str:
    """Stamps of reportlint's own modules: an edited engine (editable install) invalidates entries."""
    global _engine_stamp
    if _engine_stamp is None:
        package = Path(__file__).parent
        stamps: list[str] = []
        for directory in (package, package / "readers"):
            with contextlib.suppress(OSError):
                for entry in sorted(os.scandir(directory), key=lambda e: e.name):
                    if entry.name.endswith(".py") and entry.is_file():
                        stat = entry.stat()
                        stamps.append(f"{directory.name}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
        # The word dictionary decides what duplicated-text and other word-level checks report.
        from reportlint.segment import _jieba_dict_path

        stamps.append(f"words:{_stamp(_jieba_dict_path())}")
        _engine_stamp = "|".join(stamps)
    return _engine_stamp


def rule_fingerprint(rule: type[Rule]) -> str:
    """Identity of a rule's code and data: class, module file and data file stamps."""
    found = _class_stamps.get(rule)
    if found is None:
        module = sys.modules.get(rule.__module__)
        module_file = getattr(module, "__file__", None)
        data_file = Path(module_file).parent / rule.data_file if module_file and rule.data_file else None
        version = getattr(module, "__version__", "")
        sources = ",".join(_stamp(str(path)) for path in _rule_sources(rule))
        found = (
            f"{rule.code}:{rule.name}:{rule.__module__}.{rule.__qualname__}:{version}:"
            f"{sources}:{_stamp(data_file)}"
        )
        _class_stamps[rule] = found
    return found


def _rule_sources(rule: type[Rule]) -> list[Path]:
    """The source files a rule's behaviour comes from: the modules of its classes (mixins included)
    and, for a rule that is a package, every module of that package."""
    files: set[Path] = set()
    for cls in rule.__mro__:
        module_file = getattr(sys.modules.get(cls.__module__), "__file__", None)
        if not module_file:
            continue
        path = Path(module_file)
        files.add(path)
        if path.name == "__init__.py" and not cls.__module__.startswith("reportlint."):
            files.update(path.parent.glob("*.py"))
    return sorted(files)


def settings_fingerprint(
    known: RuleSet, selected: Sequence[type[Rule]], settings: Settings, suffix: str
) -> str:
    """Everything but the file's bytes that decides the diagnostics of a file."""
    parts = [
        f"reportlint {__version__} format {_FORMAT}",
        _engine_fingerprint(),
        suffix.lower(),
        ";".join(rule_fingerprint(rule) for rule in known),
        ";".join(f"{rule.code}={sorted(settings.options_for(rule).items())!r}" for rule in selected),
        repr(sorted((name, severity.value) for name, severity in settings.severity)),
    ]
    return "\n".join(parts)


def cache_key(data: bytes, fingerprint: str) -> str:
    digest = hashlib.sha256(fingerprint.encode("utf-8"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def cache_dir_for(settings: Settings) -> Path:
    override = os.environ.get("REPORTLINT_CACHE_DIR")
    return Path(override) if override else settings.root / CACHE_DIR_NAME


# -- (de)serialisation: plain JSON, validated on the way in ---------------------------------
def _diagnostic_to_list(d: Diagnostic) -> list[Any]:
    fix = [d.fix.start, d.fix.end, d.fix.replacement, d.fix.applicability.value] if d.fix else None
    return [
        d.rule, d.code, d.severity.value, d.message, d.suggestion, d.line, d.column,
        d.end_line, d.end_column, d.offset, d.end_offset, d.text, fix,
    ]  # fmt: skip


def _diagnostic_from_list(item: list[Any]) -> Diagnostic:
    (
        rule,
        code,
        severity,
        message,
        suggestion,
        line,
        column,
        end_line,
        end_column,
        offset,
        end_offset,
        text,
        fix,
    ) = item
    for value in (line, column, end_line, end_column, offset, end_offset):
        if not isinstance(value, int):
            raise TypeError("bad position")
    for value in (rule, code, message, text):
        if not isinstance(value, str):
            raise TypeError("bad text")
    if suggestion is not None and not isinstance(suggestion, str):
        raise TypeError("bad suggestion")
    parsed_fix = None
    if fix is not None:
        start, end, replacement, applicability = fix
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(replacement, str)):
            raise TypeError("bad fix")
        parsed_fix = Fix(start, end, replacement, Applicability(applicability))
    return Diagnostic(
        rule, code, Severity(severity), message, suggestion, line, column, end_line, end_column,
        offset, end_offset, text, parsed_fix,
    )  # fmt: skip


class ResultCache:
    """One cache directory. ``get`` and ``put`` never raise on a broken or unwritable cache."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._prepared = False

    def _entry(self, key: str) -> Path:
        return self.directory / __version__ / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[Diagnostic], dict[int, str]] | None:
        """The stored diagnostics and source lines for ``key``, or None (miss, corrupt or foreign entry)."""
        try:
            with open(self._entry(key), encoding="utf-8") as fh:
                payload = json.load(fh)
            if not isinstance(payload, dict) or payload.get("key") != key or payload.get("format") != _FORMAT:
                return None
            diagnostics = [_diagnostic_from_list(item) for item in payload["diagnostics"]]
            lines = {int(number): text for number, text in payload["lines"].items()}
            if not all(isinstance(text, str) for text in lines.values()):
                return None
            return diagnostics, lines
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, key: str, diagnostics: Sequence[Diagnostic], lines: dict[int, str]) -> None:
        payload = {
            "format": _FORMAT,
            "key": key,
            "diagnostics": [_diagnostic_to_list(d) for d in diagnostics],
            "lines": {str(number): text for number, text in sorted(lines.items())},
        }
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with contextlib.suppress(OSError):
            self._prepare()
            replace_file(self._entry(key), data)

    def _prepare(self) -> None:
        """Create the directory with a .gitignore and CACHEDIR.TAG (as ruff does), once."""
        if self._prepared:
            return
        self._prepared = True
        if (self.directory / ".gitignore").exists():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / ".gitignore").write_text(
            "# Automatically created by reportlint.\n*\n", encoding="utf-8"
        )
        (self.directory / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by reportlint.\n",
            encoding="utf-8",
        )
