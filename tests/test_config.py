"""Configuration discovery, selection and per-rule options."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.config import ConfigError, ConfigFinder, Settings, read_config_file
from reportlint.rule import Severity
from reportlint.runner import Runner

DRAFT = "全镇完成投资x万元，完成任务的的目标。\n"


def run(*args: str) -> tuple[int, dict[str, object], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([*args, "--format", "json"], stdout=out, stderr=err)
    return code, json.loads(out.getvalue()) if out.getvalue() else {}, err.getvalue()


def codes(payload: dict[str, object]) -> list[str]:
    files = payload["files"]
    assert isinstance(files, list)
    return sorted(d["code"] for f in files for d in f["diagnostics"])


def test_config_is_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('select = ["placeholder"]\n', encoding="utf-8")
    nested = tmp_path / "乡镇" / "青石镇"
    nested.mkdir(parents=True)
    (nested / "总结.txt").write_text(DRAFT, encoding="utf-8")
    code, payload, _ = run("check", str(nested / "总结.txt"))
    assert code == 1
    assert codes(payload) == ["RL101"]


def test_pyproject_table_and_severity_override(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reportlint]\nselect = ["RL101"]\nseverity = { placeholder = "info" }\n', encoding="utf-8"
    )
    (tmp_path / "总结.txt").write_text(DRAFT, encoding="utf-8")
    _, payload, _ = run("check", str(tmp_path / "总结.txt"))
    files = payload["files"]
    assert isinstance(files, list)
    assert [d["severity"] for d in files[0]["diagnostics"]] == ["info"]


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert read_config_file(tmp_path / "pyproject.toml") is None


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_text(
        'select = ["RL101"]\n[per-file-ignores]\n"附件/*.txt" = ["placeholder"]\n', encoding="utf-8"
    )
    (tmp_path / "附件").mkdir()
    (tmp_path / "附件" / "模板.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "总结.txt").write_text(DRAFT, encoding="utf-8")
    _, payload, _ = run("check", str(tmp_path))
    files = payload["files"]
    assert isinstance(files, list)
    by_name = {Path(f["path"]).name: [d["code"] for d in f["diagnostics"]] for f in files}
    assert by_name == {"模板.txt": [], "总结.txt": ["RL101"]}


def test_cli_select_overrides_config(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('select = ["RL102"]\n', encoding="utf-8")
    (tmp_path / "总结.txt").write_text(DRAFT, encoding="utf-8")
    _, payload, _ = run("check", str(tmp_path / "总结.txt"), "--select", "RL101")
    assert codes(payload) == ["RL101"]


def test_explicit_config_file(tmp_path: Path) -> None:
    config = tmp_path / "别处.toml"
    config.write_text('ignore = ["RL101"]\n', encoding="utf-8")
    (tmp_path / "总结.txt").write_text(DRAFT, encoding="utf-8")
    _, payload, _ = run("check", str(tmp_path / "总结.txt"), "--config", str(config), "--select", "RL101")
    assert codes(payload) == []


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('select = "RL101', "不是有效的 TOML"),
        ("select = 3\n", "select"),
        ('severity = { placeholder = "fatal" }\n', "severity.placeholder"),
        ('ignore = ["RL9"]\n', "RL9"),
        ("[rules.placeholder]\nno-such-option = 1\n", "no-such-option"),
        ("[rules.nonexistent-rule]\nx = 1\n", "nonexistent-rule"),
    ],
)
def test_bad_config_gives_one_clear_line(tmp_path: Path, content: str, fragment: str) -> None:
    (tmp_path / "reportlint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "总结.txt").write_text(DRAFT, encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "总结.txt"))
    assert code == 2
    assert fragment in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_settings_selection_by_prefix_name_and_all() -> None:
    rules = Runner().rules
    chosen = {r.code for r in Settings(select=("RL1",), ignore=("duplicated-text",)).selected(rules)}
    assert "RL101" in chosen and "RL102" not in chosen and "RL301" not in chosen
    assert {r.code for r in Settings().selected(rules)} >= {"RL101", "RL201", "RL301"}


def test_severity_values_are_validated(tmp_path: Path) -> None:
    config = tmp_path / "reportlint.toml"
    config.write_text('severity = { RL301 = "error" }\n', encoding="utf-8")
    settings = ConfigFinder().for_path(tmp_path / "x.txt")
    assert settings.severity_overrides() == {"RL301": Severity.ERROR}
    config.write_text('severity = { RL301 = "loud" }\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        ConfigFinder().for_path(tmp_path / "x.txt")
