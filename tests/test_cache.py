"""The result cache: a rerun is answered from it, any change of content or configuration is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.batch import check_files
from reportlint.cache import CACHE_DIR_NAME, ResultCache
from reportlint.formats.text import format_text
from reportlint.rule import Applicability, Diagnostic, Fix, Severity
from reportlint.runner import FileResult, Overrides, Runner

DRAFT = (
    "一、主要工作\n<!-- reportlint: disable-line=RL101 --> 全镇完成投资3.2亿元。\n"
    "<!-- reportlint: disable-line=no-such-rule --> 新增就业320人。\n"
)


def as_tuple(results: list[FileResult]) -> list[tuple[object, ...]]:
    return [(r.path, r.error, [d.to_json() for d in r.diagnostics]) for r in results]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPORTLINT_CACHE_DIR", raising=False)
    (tmp_path / "reportlint.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DRAFT.replace("320", "321"), encoding="utf-8")
    return tmp_path


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files actually checked (not answered from the cache)."""
    seen: list[str] = []
    original = Runner.check_bytes

    def spy(self: Runner, data: bytes, name: str, settings: object) -> FileResult:
        seen.append(Path(name).name)
        return original(self, data, name, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(Runner, "check_bytes", spy)
    return seen


def files(project: Path) -> list[Path]:
    return [project / "a.txt", project / "b.txt"]


def test_rerun_is_answered_from_the_cache_with_identical_results(project: Path, checks: list[str]) -> None:
    first = check_files(files(project), Overrides())
    assert checks == ["a.txt", "b.txt"]
    second = check_files(files(project), Overrides())
    assert checks == ["a.txt", "b.txt"]  # nothing checked again
    assert as_tuple(second) == as_tuple(first)
    assert format_text(second) == format_text(first)  # source lines come from the cache too
    assert {d.code for d in second[0].diagnostics} == {"RL001", "RL002"}
    cache = project / CACHE_DIR_NAME
    assert (cache / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    assert (cache / "CACHEDIR.TAG").is_file()


def test_parallel_run_fills_and_uses_the_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import batch

    monkeypatch.setattr(batch, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(batch, "MIN_PARALLEL_FILES", 2)
    paths = []
    for i in range(6):
        path = project / f"p{i}.txt"
        path.write_text(DRAFT * (i + 1), encoding="utf-8")
        paths.append(path)
    reference = as_tuple(check_files(paths, Overrides(), jobs=1, use_cache=False))
    assert as_tuple(check_files(paths, Overrides(), jobs=2)) == reference
    monkeypatch.setattr(
        batch, "_check_parallel", lambda *args: pytest.fail("cache hits must not reach workers")
    )
    assert as_tuple(check_files(paths, Overrides(), jobs=2)) == reference


def test_changed_content_is_checked_again(project: Path, checks: list[str]) -> None:
    check_files(files(project), Overrides())
    (project / "b.txt").write_text(DRAFT + "新增就业320人。\n", encoding="utf-8")
    check_files(files(project), Overrides())
    assert checks == ["a.txt", "b.txt", "b.txt"]


def test_changed_configuration_is_checked_again(project: Path, checks: list[str]) -> None:
    check_files(files(project), Overrides())
    (project / "reportlint.toml").write_text('ignore = ["RL002"]\n', encoding="utf-8")
    results = check_files(files(project), Overrides())
    assert checks == ["a.txt", "b.txt", "a.txt", "b.txt"]
    assert {d.code for d in results[0].diagnostics} == {"RL001"}
    (project / "reportlint.toml").write_text(
        'ignore = ["RL002"]\nseverity = { RL001 = "error" }\n', encoding="utf-8"
    )
    results = check_files(files(project), Overrides())
    assert [d.severity for d in results[0].diagnostics] == [Severity.ERROR]
    assert len(checks) == 6


def test_command_line_selection_is_part_of_the_key(project: Path, checks: list[str]) -> None:
    check_files(files(project), Overrides())
    results = check_files(files(project), Overrides(ignore=("RL001",)))
    assert len(checks) == 4
    assert {d.code for d in results[0].diagnostics} == {"RL002"}


def test_no_cache_neither_reads_nor_writes(project: Path, checks: list[str]) -> None:
    check_files(files(project), Overrides(), use_cache=False)
    assert not (project / CACHE_DIR_NAME).exists()
    check_files(files(project), Overrides())
    check_files(files(project), Overrides(), use_cache=False)
    assert len(checks) == 6


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\x00\xff not json", b"[1, 2, 3]", b'{"format": 1, "key": "other"}', b"{", b'{"key": 1}'],
)
def test_corrupt_entries_are_ignored_and_replaced(project: Path, checks: list[str], garbage: bytes) -> None:
    first = check_files(files(project), Overrides())
    entries = list((project / CACHE_DIR_NAME).rglob("*.json"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(garbage)
    assert as_tuple(check_files(files(project), Overrides())) == as_tuple(first)
    assert len(checks) == 4  # both checked again
    check_files(files(project), Overrides())
    assert len(checks) == 4  # and the entry was rewritten


def test_entry_with_right_key_but_bad_fields_is_a_miss(project: Path, checks: list[str]) -> None:
    check_files(files(project), Overrides())
    for entry in (project / CACHE_DIR_NAME).rglob("*.json"):
        payload = json.loads(entry.read_text(encoding="utf-8"))
        payload["diagnostics"][0][5] = "three"  # line number no longer an int
        entry.write_text(json.dumps(payload), encoding="utf-8")
    results = check_files(files(project), Overrides())
    assert len(checks) == 4
    assert all(isinstance(d.line, int) for d in results[0].diagnostics)


def test_unwritable_cache_directory_is_not_an_error(
    project: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = project / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker / "cache"))
    first = check_files(files(project), Overrides())
    second = check_files(files(project), Overrides())
    assert as_tuple(first) == as_tuple(second)
    assert len(checks) == 4


def test_cache_dir_can_be_chosen_by_environment(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(elsewhere))
    check_files(files(project), Overrides())
    assert list(elsewhere.rglob("*.json"))
    assert not (project / CACHE_DIR_NAME).exists()


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    diagnostic = Diagnostic(
        rule="placeholder", code="RL101", severity=Severity.WARNING, message="疑似未填写的占位符「x万元」",
        suggestion="请填写实际数值", line=3, column=5, end_line=3, end_column=9, offset=40, end_offset=44,
        text="x万元", fix=Fix(40, 44, "", Applicability.UNSAFE),
    )  # fmt: skip
    cache = ResultCache(tmp_path / "c")
    cache.put("ab" * 32, [diagnostic], {3: "全镇完成投资x万元。"})
    assert cache.get("ab" * 32) == ([diagnostic], {3: "全镇完成投资x万元。"})
    assert cache.get("cd" * 32) is None


def test_same_bytes_as_markdown_is_another_entry(project: Path, checks: list[str]) -> None:
    """A .md file is read differently (code spans are protected): its suffix is part of the key."""
    markdown = project / "a.md"
    markdown.write_text(DRAFT, encoding="utf-8")
    check_files([project / "a.txt"], Overrides())
    check_files([markdown], Overrides())
    assert checks == ["a.txt", "a.md"]
    assert len(list((project / CACHE_DIR_NAME).rglob("*.json"))) == 2


def test_rule_fingerprint_covers_every_module_of_a_package_rule() -> None:
    from reportlint.cache import _rule_sources
    from reportlint.runner import Runner

    rule = Runner().rules.by_name_or_code("inconsistent-total")
    assert rule is not None
    names = {path.name for path in _rule_sources(rule)}
    assert {"__init__.py", "parts.py", "rates.py", "helpers.py"} <= names
