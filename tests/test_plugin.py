"""A third-party plugin goes through the same path as the built-in rules."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from reportlint.cli import main
from reportlint.plugins import load_plugins

TEXT = "上半年招商引资取得历史性突破！全镇完成投资2.8亿元。\n"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def test_entry_point_plugin_is_loaded_beside_builtins(example_plugin: Path) -> None:
    loaded = load_plugins()
    codes = {rule.code for rule in loaded.rules}
    assert "XM101" in codes
    assert {"RL101", "RL102", "RL103", "RL201", "RL301"} <= codes
    assert loaded.problems == []


def test_plugin_rule_runs_and_can_be_selected_and_ignored(example_plugin: Path, tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out = run("check", str(path), "--select", "no-exclamation")
    assert code == 1
    assert f"{path}:1:15: XM101 [no-exclamation]" in out
    code, out = run("check", str(path), "--select", "XM", "--ignore", "XM101")
    assert code == 0
    assert "XM101" not in out


def test_plugin_rule_shows_in_rules_and_rule(example_plugin: Path) -> None:
    listing = subprocess.run([sys.executable, "-m", "reportlint", "rules"], capture_output=True, text=True)
    assert "XM101" in listing.stdout and "no-exclamation" in listing.stdout
    code, out = run("rule", "no-exclamation")
    assert code == 0
    assert "错误示例" in out


def test_plugin_named_in_config(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugin_example"))
    (tmp_path / "reportlint.toml").write_text('plugins = ["reportlint_example_plugin"]\n', encoding="utf-8")
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out = run("check", str(path), "--select", "XM101")
    assert code == 1
    assert "XM101" in out


def test_broken_plugin_is_reported_and_skipped(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    loaded = load_plugins(["no_such_plugin_module_xyz"])
    assert any("no_such_plugin_module_xyz" in p for p in loaded.problems)
    assert "RL101" in {rule.code for rule in loaded.rules}
