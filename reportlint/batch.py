"""Checks many files: the loop behind ``reportlint check``.

Results come back in the order of ``files`` whatever the number of jobs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlint.config import ConfigFinder
from reportlint.runner import FileResult, Overrides, Runner


def check_files(
    files: Sequence[Path],
    overrides: Overrides,
    config: Path | None = None,
    jobs: int = 1,
    use_cache: bool = True,
) -> list[FileResult]:
    """Check ``files`` (configuration already validated by the caller)."""
    finder = ConfigFinder(config)
    runner = Runner(overrides=overrides)
    return [runner.check_path(path, finder.for_path(path)) for path in files]
