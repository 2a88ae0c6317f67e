"""The cross-process cache of compiled patterns (reportlint.patterns)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from reportlint import patterns


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache directory and a module that has not loaded its file yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("REPORTLINT_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(patterns, "_patterns", None)
    monkeypatch.setattr(patterns, "_grown", False)
    return tmp_path


def test_compiled_pattern_matches_like_regex_compile(fresh_cache: Path) -> None:
    pattern = patterns.compile(r"(?<=\p{Han})[xX×]{1,3}(?=万元)")
    assert pattern.search("完成投资xx万元").group() == "xx"
    assert pattern.search("完成投资5万元") is None


def test_saved_once_and_read_back_without_compiling(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compile(r"共计?(\d+)个", regex.VERBOSE)
    patterns.save()
    file = patterns.cache_file()
    assert file.is_file() and file.parent == fresh_cache / "reportlint"

    monkeypatch.setattr(patterns, "_patterns", None)

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again although the cache holds the pattern")

    monkeypatch.setattr(patterns.regex, "compile", fail)
    assert patterns.compile(r"共计?(\d+)个", regex.VERBOSE).search("全镇共12个村").group(1) == "12"


def test_flags_are_part_of_the_key(fresh_cache: Path) -> None:
    plain = patterns.compile("ab")
    ignoring_case = patterns.compile("ab", regex.IGNORECASE)
    assert plain.search("AB") is None
    assert ignoring_case.search("AB") is not None


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps({("x", 0): "str"})])
def test_damaged_or_foreign_file_is_ignored(fresh_cache: Path, content: bytes) -> None:
    file = patterns.cache_file()
    file.parent.mkdir(parents=True)
    file.write_bytes(content)
    assert patterns.compile("x").search("x万元") is not None
    patterns.save()  # and replaced by a good one
    assert isinstance(pickle.loads(file.read_bytes()), dict)


def test_unwritable_cache_directory_only_costs_speed(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = fresh_cache / "blocked"
    blocker.write_text("a file where the directory should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert patterns.compile("某村").search("某村") is not None
    patterns.save()  # no exception


def test_switched_off_by_environment(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_NO_PATTERN_CACHE", "1")
    patterns.compile("某镇")
    patterns.save()
    assert not patterns.cache_file().exists()


def test_cache_is_bounded(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "MAX_PATTERNS", 3)
    for word in ("甲", "乙", "丙", "丁"):
        patterns.compile(word)
    assert patterns._patterns is not None and len(patterns._patterns) <= 3


def test_a_check_run_saves_the_cache_at_exit(tmp_path: Path) -> None:
    """A real process writes the file at exit; the next one finds every pattern it needs there."""
    draft = tmp_path / "报告.txt"
    draft.write_text("全镇共完成投资x万元。\n", encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), REPORTLINT_NO_PATTERN_CACHE="")
    command = [sys.executable, "-m", "reportlint", "check", "--no-cache", str(draft)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 1 and "RL101" in first.stdout
    files = list((tmp_path / "cache" / "reportlint").glob("patterns-*.pickle"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert second.stdout == first.stdout
    assert files[0].stat().st_mtime_ns == stamp  # nothing new to save


def test_rule_data_parsed_once_then_read_from_the_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[bytes] = []

    def parse(raw: bytes) -> dict[str, object]:
        calls.append(raw)
        return {"words": raw.decode("utf-8").split()}

    first = usercache.parsed("某镇 某村".encode(), "rule-data", parse)
    second = usercache.parsed("某镇 某村".encode(), "rule-data", parse)
    assert first == second == {"words": ["某镇", "某村"]}
    assert len(calls) == 1
    assert first is not second  # callers may extend their copy
    usercache.parsed("某县".encode(), "rule-data", parse)  # changed content: parsed again
    assert len(calls) == 2


def test_broken_rule_data_is_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def parse(raw: bytes) -> dict[str, object]:
        raise ValueError("bad TOML")

    with pytest.raises(ValueError):
        usercache.parsed(b"x = [", "rule-data", parse)
    assert not list(tmp_path.glob("reportlint/rule-data-*"))


def test_processes_saving_side_by_side_keep_each_others_patterns(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns.compile("某镇")
    patterns.save()
    # Another process, which loaded the file before the first one saved, compiles something else.
    monkeypatch.setattr(patterns, "_patterns", {})
    patterns.compile("某村")
    patterns.save()
    with patterns.cache_file().open("rb") as handle:
        saved = pickle.load(handle)
    assert {("某镇", 0), ("某村", 0)} <= set(saved)
