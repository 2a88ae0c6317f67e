"""Checks many files: the loop behind ``reportlint check``.

* Cached: a file whose bytes, rules and configuration are unchanged is not
  checked again (see :mod:`reportlint.cache`); ``use_cache=False`` disables it.
* Parallel: the files the cache does not answer are spread over ``jobs``
  worker processes in chunks. Each worker builds its own ``Runner`` and
  ``ConfigFinder``. Few or small files stay in this process, where starting
  workers would cost more than it saves.
* Deterministic: results come back in the order of ``files`` and are the same
  whatever the number of jobs.

Results carry no :class:`~reportlint.document.Document` (it would have to be
pickled back from the workers and kept for every file): only the diagnostics
and the source lines they point at (``FileResult.source_lines``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.cache import ResultCache, cache_dir_for, cache_key, settings_fingerprint
from reportlint.config import ConfigFinder, Settings
from reportlint.readers import MAX_BYTES
from reportlint.runner import FileResult, Overrides, Runner

# Below these, workers are not worth starting (each imports the engine and sets up the rules).
MIN_PARALLEL_FILES = 4
MIN_PARALLEL_BYTES = 256 * 1024
# Files per task sent to a worker: large enough to amortise the round trip, small enough to balance.
MAX_CHUNK = 16
# multiprocessing start method for workers; None is the platform default (tests try "spawn").
START_METHOD: str | None = None


@dataclass
class _Checker:
    """What one process needs to check files: its own runner, configuration finder and caches."""

    overrides: Overrides
    config: Path | None
    use_cache: bool
    runner: Runner = field(init=False)
    finder: ConfigFinder = field(init=False)
    caches: dict[Path, ResultCache] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.finder = ConfigFinder(self.config)
        self.runner = Runner(overrides=self.overrides)

    def _cache(self, settings: Settings) -> ResultCache:
        directory = cache_dir_for(settings)
        if directory not in self.caches:
            self.caches[directory] = ResultCache(directory)
        return self.caches[directory]

    def _key(self, data: bytes, path: Path, settings: Settings) -> str:
        plan = self.runner.plan(settings, path)
        selected = [type(rule) for rule in plan.rules]
        return cache_key(data, settings_fingerprint(plan.known, selected, plan.effective, path.suffix))

    def lookup(self, path: Path) -> FileResult | None:
        """The cached result for ``path``, or None."""
        if not self.use_cache:
            return None
        data = _read(path)
        if data is None:
            return None
        settings = self.finder.for_path(path)
        hit = self._cache(settings).get(self._key(data, path, settings))
        if hit is None:
            return None
        diagnostics, lines = hit
        return FileResult(str(path), diagnostics, source_lines=lines)

    def check(self, path: Path, lookup: bool = True) -> FileResult:
        """Check ``path`` (answered from the cache when ``lookup`` and the entry exists); store the result."""
        settings = self.finder.for_path(path)
        data = _read(path)
        if data is None:  # the runner reports why, with the reader's message
            return self.runner.check_path(path, settings).detached()
        key = self._key(data, path, settings) if self.use_cache else None
        cache = self._cache(settings) if key else None
        if cache is not None and key is not None and lookup:
            hit = cache.get(key)
            if hit is not None:
                return FileResult(str(path), hit[0], source_lines=hit[1])
        result = self.runner.check_bytes(data, str(path), settings).detached()
        if cache is not None and key is not None and result.error is None:
            cache.put(key, result.diagnostics, result.source_lines)
        return result


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None when it cannot be read as a report (the runner then explains)."""
    try:
        if path.stat().st_size > MAX_BYTES or path.is_dir():
            return None
        return path.read_bytes()
    except OSError:
        return None


# -- worker processes -------------------------------------------------------------------
_WORKER: _Checker | None = None


def _init_worker(overrides: Overrides, config: Path | None, use_cache: bool) -> None:
    global _WORKER
    _WORKER = _Checker(overrides, config, use_cache)


def _work(paths: Sequence[Path]) -> list[FileResult]:
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER.check(path, lookup=False) for path in paths]


def _chunks(paths: Sequence[Path], size: int) -> Iterable[Sequence[Path]]:
    for start in range(0, len(paths), size):
        yield paths[start : start + size]


def _worth_parallel(paths: Sequence[Path], jobs: int) -> bool:
    if jobs <= 1 or len(paths) < MIN_PARALLEL_FILES:
        return False
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
        if total >= MIN_PARALLEL_BYTES:
            return True
    return False


def _check_parallel(
    paths: Sequence[Path], overrides: Overrides, config: Path | None, jobs: int, use_cache: bool
) -> list[FileResult] | None:
    """Results for ``paths`` in order, or None when worker processes are unavailable."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = min(jobs, len(paths))
    # About four chunks per worker balances uneven files; chunks keep the per-task overhead small.
    size = max(1, min(MAX_CHUNK, len(paths) // (workers * 4)))
    try:
        context = multiprocessing.get_context(START_METHOD)
        with ProcessPoolExecutor(
            workers, context, initializer=_init_worker, initargs=(overrides, config, use_cache)
        ) as pool:
            results: list[FileResult] = []
            for chunk in pool.map(_work, list(_chunks(paths, size))):
                results.extend(chunk)
            return results
    except (BrokenProcessPool, OSError, NotImplementedError):
        # No process support here (sandbox, missing /dev/shm) or a worker died: check in this process.
        return None


def check_files(
    files: Sequence[Path],
    overrides: Overrides,
    config: Path | None = None,
    jobs: int = 1,
    use_cache: bool = True,
) -> list[FileResult]:
    """Check ``files`` (configuration already validated by the caller); results in the order of ``files``."""
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    checker = _Checker(overrides, config, use_cache)
    results: list[FileResult | None] = [None] * len(files)
    if jobs <= 1 or len(files) < MIN_PARALLEL_FILES:
        return [checker.check(path) for path in files]

    pending: list[int] = []
    for index, path in enumerate(files):
        hit = checker.lookup(path)
        if hit is None:
            pending.append(index)
        else:
            results[index] = hit
    paths = [files[i] for i in pending]
    checked = (
        _check_parallel(paths, overrides, config, jobs, use_cache) if _worth_parallel(paths, jobs) else None
    )
    if checked is None:
        checked = [checker.check(path, lookup=False) for path in paths]
    for index, result in zip(pending, checked, strict=True):
        results[index] = result
    return [result for result in results if result is not None]
