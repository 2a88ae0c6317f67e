"""Checking many files: parallel workers give the same results, in input order, as one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportlint import batch
from reportlint.batch import check_files
from reportlint.formats.text import format_text
from reportlint.runner import FileResult, Overrides, Runner

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))
# Engine rules report these whatever the state of the built-in rules: RL001 (unused) and RL002 (unknown rule).
SUPPRESSED = (
    "第一部分\n<!-- reportlint: disable-line=RL101 --> 全镇完成投资3.2亿元。\n"
    "<!-- reportlint: disable-line=no-such-rule --> 新增就业320人。\n"
)


def as_tuple(results: list[FileResult]) -> list[tuple[object, ...]]:
    return [(r.path, r.error, [d.to_json() for d in r.diagnostics]) for r in results]


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A small archive: seed drafts, files with engine diagnostics, an empty file and a missing one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPORTLINT_CACHE_DIR", raising=False)
    files: list[Path] = []
    for i in range(3):
        for seed in SEEDS:
            target = tmp_path / f"{i}_{seed.name}"
            shutil.copy(seed, target)
            files.append(target)
        suppressed = tmp_path / f"suppressed_{i}.txt"
        suppressed.write_text(SUPPRESSED * (i + 1), encoding="utf-8")
        files.append(suppressed)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    files.insert(4, empty)
    files.insert(7, tmp_path / "missing.txt")
    return files


@pytest.fixture
def force_parallel(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Parallel even for a small archive; records how many files went to workers."""
    monkeypatch.setattr(batch, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(batch, "MIN_PARALLEL_FILES", 2)
    sent: list[int] = []
    original = batch._check_parallel

    def spy(paths: list[Path], *args: object) -> list[FileResult] | None:
        result = original(paths, *args)  # type: ignore[arg-type]
        assert result is not None, "worker processes did not run"
        sent.append(len(paths))
        return result

    monkeypatch.setattr(batch, "_check_parallel", spy)
    return sent


def test_parallel_results_identical_and_in_input_order(
    archive: list[Path], force_parallel: list[int]
) -> None:
    sequential = check_files(archive, Overrides(), jobs=1, use_cache=False)
    parallel = check_files(archive, Overrides(), jobs=2, use_cache=False)
    assert force_parallel == [len(archive)]
    assert as_tuple(parallel) == as_tuple(sequential)
    assert [r.path for r in parallel] == [str(p) for p in archive]
    assert format_text(parallel) == format_text(sequential)
    codes = {d.code for r in parallel for d in r.diagnostics}
    assert {"RL001", "RL002"} <= codes


@pytest.mark.parametrize("jobs", [3, 0])
def test_any_number_of_jobs_gives_the_same_output(
    archive: list[Path], force_parallel: list[int], jobs: int
) -> None:
    reference = as_tuple(check_files(archive, Overrides(), jobs=1, use_cache=False))
    assert as_tuple(check_files(archive, Overrides(), jobs=jobs, use_cache=False)) == reference


def test_same_as_checking_each_file_alone(archive: list[Path]) -> None:
    runner = Runner()
    from reportlint.config import ConfigFinder

    finder = ConfigFinder()
    alone = [runner.check_path(path, finder.for_path(path)) for path in archive]
    assert as_tuple(check_files(archive, Overrides(), use_cache=False)) == as_tuple(alone)


def test_missing_file_is_an_error_result_in_place(archive: list[Path], force_parallel: list[int]) -> None:
    results = check_files(archive, Overrides(), jobs=2, use_cache=False)
    missing = results[7]
    assert missing.path.endswith("missing.txt")
    assert missing.error is not None and "不存在" in missing.error
    assert results[4].path.endswith("empty.txt") and results[4].diagnostics == []
    assert all(r.error is None for i, r in enumerate(results) if i not in (4, 7))


def test_overrides_reach_the_workers(archive: list[Path], force_parallel: list[int]) -> None:
    results = check_files(archive, Overrides(ignore=("RL001",)), jobs=2, use_cache=False)
    codes = {d.code for r in results for d in r.diagnostics}
    assert "RL001" not in codes and "RL002" in codes


def test_results_carry_source_lines_not_documents(archive: list[Path], force_parallel: list[int]) -> None:
    results = check_files(archive, Overrides(), jobs=2, use_cache=False)
    suppressed = next(r for r in results if r.path.endswith("suppressed_0.txt"))
    assert suppressed.document is None
    first = suppressed.diagnostics[0]
    assert suppressed.line_text(first.line) == "<!-- reportlint: disable-line=RL101 --> 全镇完成投资3.2亿元。"
    out = format_text([suppressed])
    assert "    2 | <!-- reportlint: disable-line=RL101 --> 全镇完成" in out


def test_small_batches_stay_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    def fail(*args: object) -> None:
        raise AssertionError("workers started for two small files")

    monkeypatch.setattr(batch, "_check_parallel", fail)
    files = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SUPPRESSED, encoding="utf-8")
        files.append(tmp_path / name)
    results = check_files(files, Overrides(), jobs=8, use_cache=False)
    assert [len(r.diagnostics) for r in results] == [2, 2]


def test_falls_back_to_one_process_when_workers_are_unavailable(
    archive: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(batch, "_check_parallel", lambda *args: None)
    reference = as_tuple(check_files(archive, Overrides(), jobs=1, use_cache=False))
    assert as_tuple(check_files(archive, Overrides(), jobs=4, use_cache=False)) == reference


def test_detached_result_keeps_what_formatters_need() -> None:
    runner = Runner()
    from reportlint.config import Settings

    result = runner.check_bytes(SUPPRESSED.encode(), "x.txt", Settings())
    detached = result.detached()
    assert detached.document is None
    assert format_text([detached]) == format_text([result])


def test_spawned_workers_give_the_same_results(
    archive: list[Path], force_parallel: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """macOS and Windows start workers with "spawn": nothing may rely on fork's inherited state."""
    reference = as_tuple(check_files(archive, Overrides(ignore=("RL002",)), jobs=1, use_cache=False))
    monkeypatch.setattr(batch, "START_METHOD", "spawn")
    assert as_tuple(check_files(archive, Overrides(ignore=("RL002",)), jobs=2, use_cache=False)) == reference
    assert force_parallel == [len(archive)]


def test_command_line_output_is_the_same_for_any_number_of_jobs(tmp_path: Path) -> None:
    """Whole processes, as a user runs them (workers really start: the archive is above the thresholds)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "REPORTLINT_CACHE_DIR"}
    for i in range(5):
        for seed in SEEDS:
            shutil.copy(seed, tmp_path / f"{i}_{seed.name}")
    (tmp_path / "suppressed.txt").write_text(SUPPRESSED, encoding="utf-8")

    def run(*args: str) -> str:
        command = [sys.executable, "-m", "reportlint", "check", "--color", "never", *args, str(tmp_path)]
        proc = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
        assert proc.returncode in (0, 1), proc.stderr
        return proc.stdout

    sequential = run("--no-cache", "-j", "1")
    assert "RL001" in sequential and "共检查 26 个文件" in sequential
    assert run("--no-cache", "-j", "2") == sequential
    assert run("-j", "2") == sequential  # fills the cache
    assert run("-j", "2") == sequential  # answered from it
    assert (tmp_path / ".reportlint_cache").is_dir()
