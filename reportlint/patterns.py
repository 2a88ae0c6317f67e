"""Compiled regular expressions, kept across processes.

The ``regex`` module's compiler is written in Python: compiling the couple of hundred
patterns the built-in rules use costs about 0.1 s, a third of a cold ``reportlint check``
on one draft. A compiled ``regex`` pattern pickles as its compiled program (not as its
source), and unpickling it costs about 1/50 of compiling it. So ``compile`` answers from a
per-user cache file (``patterns-….pickle`` in :func:`~reportlint.usercache.user_cache_dir`),
compiles what is not there, and the process saves the grown cache once, when it exits.

The file is keyed by the versions of Python, ``regex`` and the format, so an upgrade starts
a new one; a missing, unreadable or foreign file is ignored (patterns are then compiled as
usual), and a read-only cache directory only costs speed. ``REPORTLINT_NO_PATTERN_CACHE=1``
turns the cache off.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import sys
import threading
from pathlib import Path
from typing import Any, overload

import regex

from reportlint.usercache import user_cache_dir, write_atomic

_FORMAT = 1
# Users may extend word lists in their configuration, which makes new patterns; past this
# many the file starts afresh instead of growing without bound.
MAX_PATTERNS = 4096

_Key = tuple[str | bytes, int]
_lock = threading.Lock()
_patterns: dict[_Key, Any] | None = None  # None until the cache file is first needed
_grown = False


@overload
def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]: ...
@overload
def compile(pattern: bytes, flags: int = 0) -> regex.Pattern[bytes]: ...


def compile(pattern: str | bytes, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)``, answered from the cross-process cache when possible."""
    global _grown
    patterns = _patterns if _patterns is not None else _load()
    key = (pattern, flags)
    compiled = patterns.get(key)
    if compiled is None:
        compiled = regex.compile(pattern, flags)
        with _lock:
            if len(patterns) >= MAX_PATTERNS:
                patterns.clear()
            patterns[key] = compiled
            _grown = True
    return compiled


def cache_file() -> Path:
    version = getattr(regex, "__version__", "0")
    python = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    return user_cache_dir() / f"patterns-v{_FORMAT}-{python}-regex{version}.pickle"


def _enabled() -> bool:
    return os.environ.get("REPORTLINT_NO_PATTERN_CACHE", "") in ("", "0")


def _load() -> dict[_Key, Any]:
    global _patterns
    with _lock:
        if _patterns is None:
            _patterns = _read() if _enabled() else {}
            atexit.register(save)
        return _patterns


def _read() -> dict[_Key, Any]:
    try:
        with cache_file().open("rb") as handle:
            loaded = pickle.load(handle)
    except Exception:  # missing, truncated by a crash, or written by another version: rebuild
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {key: value for key, value in loaded.items() if isinstance(value, regex.Pattern)}


def save() -> None:
    """Write the cache file when this process compiled patterns it did not have (runs at exit).

    Processes run side by side (``--jobs`` workers, an editor's server, a pre-commit hook), so
    the file is read again and merged rather than overwritten with this process's patterns.
    """
    global _grown
    with _lock:
        if not _grown or _patterns is None or not _enabled():
            return
        merged = _read()
        if len(merged) + len(_patterns) > MAX_PATTERNS:
            merged = {}
        merged.update(_patterns)
        data = pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL)
        _grown = False
    with contextlib.suppress(OSError):
        write_atomic(cache_file(), data)
