"""The per-user cache directory, shared by the word dictionary and the compiled patterns.

Everything stored there can be rebuilt, so every reader treats a missing, unreadable or
foreign file as absent and every writer replaces files atomically (several reportlint
processes may run at once, e.g. ``--jobs`` workers or editors).

Some files are pickles (compiled patterns, parsed rule data): like Python's own bytecode
caches they are trusted because only the user writes to their own cache directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from reportlint.atomic import replace_file

T = TypeVar("T")


def user_cache_dir() -> Path:
    """reportlint's per-user cache directory (XDG on Unix, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "reportlint" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportlint"


def write_atomic(target: Path, data: bytes) -> None:
    """Write a cache file atomically (not flushed to disk: a lost file is rebuilt)."""
    replace_file(target, data)


def prune(pattern: str, keep: Path, limit: int = 3) -> None:
    """Delete files matching ``pattern`` beyond the ``limit`` most recent ones, never ``keep``.

    Each Python environment (every virtualenv, every CI clone) writes its own word dictionary
    file; without pruning they would pile up in the user's cache.
    """
    with contextlib.suppress(OSError):
        files = sorted(keep.parent.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in [p for p in files if p != keep][max(0, limit - 1) :]:
            stale.unlink()


def parsed(data: bytes, kind: str, parse: Callable[[bytes], T]) -> T:
    """``parse(data)``, remembered in the user cache under the content's digest.

    For the rules' data files: parsing the TOML beside the rules costs about 13 ms of every
    cold start, loading the pickled result about 1 ms. A changed file has a new digest, so it
    is parsed again; parse errors are never cached.
    """
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    target = user_cache_dir() / f"{kind}-v1-{digest}.pickle"
    try:
        return cast(T, pickle.loads(target.read_bytes()))
    except Exception:  # missing, damaged or foreign: parse again
        pass
    result = parse(data)
    with contextlib.suppress(OSError, pickle.PicklingError):
        write_atomic(target, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        prune(f"{kind}-v1-*.pickle", keep=target, limit=64)
    return result
