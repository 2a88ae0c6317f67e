"""Machine-readable outputs carry rule, severity and exact positions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reportlint.cli import main

TEXT = "上半年招商引资取得历史性突破！\n"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def test_sarif(example_plugin: Path, tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out = run("check", str(path), "--select", "XM101", "--format", "sarif")
    assert code == 1
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["tool"]["driver"]["rules"][0]["id"] == "XM101"
    result = run_["results"][0]
    assert result["level"] == "note"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charOffset"], region["charLength"]) == (1, 15, 14, 1)


def test_github_annotations(example_plugin: Path, tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out = run("check", str(path), "--select", "XM101", "--format", "github")
    assert code == 1
    assert out.startswith(f"::notice file={path},line=1,col=15,endLine=1,endColumn=16,title=XM101 no-exclamation::")


def test_sarif_describes_a_rule_from_a_plugin_named_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugin_example"))
    (tmp_path / "reportlint.toml").write_text('plugins = ["reportlint_example_plugin"]\n', encoding="utf-8")
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out = run("check", str(path), "--select", "XM101", "--format", "sarif")
    assert code == 1
    (descriptor,) = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["id"] == "XM101"
    assert descriptor["name"] == "no-exclamation"  # not just the code: the plugin's own description
    assert descriptor["fullDescription"]["text"]
