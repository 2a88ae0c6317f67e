"""The command line as a user meets it: exit codes, formats, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from reportlint.cli import main

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "reportlint" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
DRAFT = "青石镇上半年完成固定资产投资x万元，同比增长9.5%。\n全镇新增就业320人。\n"
CLEAN = "青石镇上半年完成固定资产投资2.8亿元，同比增长9.5%。\n全镇新增就业320人。\n"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "报告.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_finds_placeholder_with_exact_location(draft: Path) -> None:
    code, out, _ = run("check", str(draft), "--select", "placeholder")
    assert code == 1
    assert f"{draft}:1:15: RL101 [placeholder]" in out
    assert "x万元" in out
    assert "^" in out  # caret line under the span


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == 0
    assert "未发现问题" in out


def test_exit_zero_and_quiet(draft: Path) -> None:
    code, out, _ = run("check", str(draft), "--exit-zero", "--quiet", "--select", "RL101")
    assert code == 0
    assert "共发现" not in out
    assert "RL101" in out


def test_statistics(draft: Path) -> None:
    code, out, _ = run("check", str(draft), "--statistics", "--select", "RL1")
    assert code == 1
    assert "RL101  placeholder" in out


def test_ignore_by_name_removes_rule(draft: Path) -> None:
    code, out, _ = run("check", str(draft), "--ignore", "placeholder")
    assert "RL101" not in out
    assert code == 0


def test_unknown_rule_is_an_error_with_hint(draft: Path) -> None:
    code, _, err = run("check", str(draft), "--select", "placeholdr")
    assert code == 2
    assert "placeholdr" in err and "placeholder" in err and "select" in err


def test_unknown_option_is_a_usage_error(draft: Path) -> None:
    code, _, err = run("check", str(draft), "--no-such-option")
    assert code == 2
    assert "无法识别的参数" in err and "--no-such-option" in err


def test_json_output_validates_against_schema(draft: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary")
    code, out, _ = run("check", str(draft), str(broken), "--format", "json", "--select", "placeholder")
    assert code == 2
    payload = json.loads(out)
    jsonschema.validate(payload, SCHEMA)
    by_path = {f["path"]: f for f in payload["files"]}
    diagnostic = by_path[str(draft)]["diagnostics"][0]
    assert diagnostic["text"] == "x万元"
    assert DRAFT[diagnostic["offset"] : diagnostic["end_offset"]] == "x万元"
    assert (diagnostic["line"], diagnostic["column"]) == (1, 15)
    assert diagnostic["severity"] == "error"
    assert by_path[str(broken)]["error"]
    assert payload["summary"]["files_with_errors"] == 1


def test_stdin_with_filename() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "-", "--stdin-filename", "草稿.txt", "--select", "RL101"],
        input=DRAFT.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1
    assert "草稿.txt:1:15: RL101" in proc.stdout.decode("utf-8")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "文件为空"),
        (b"   \n\n", "文件只有空白"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "二进制文件"),
        (b"\x81\xff\xfe\xfd\x80 not text in any encoding \xff\x81", "无法识别文件编码"),
    ],
)
def test_bad_input_is_reported_and_other_files_still_checked(
    tmp_path: Path, draft: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "坏文件.txt"
    bad.write_bytes(content)
    code, out, err = run("check", str(bad), str(draft), "--select", "placeholder")
    assert code == 2
    assert expected in out + err
    assert "RL101" in out  # the good file was still checked
    assert "Traceback" not in out + err


def test_missing_path_and_empty_directory(tmp_path: Path, draft: Path) -> None:
    empty = tmp_path / "空目录"
    empty.mkdir()
    code, out, _ = run("check", str(tmp_path / "不存在.txt"), str(empty), str(draft), "--select", "RL101")
    assert code == 2
    assert "路径不存在" in out
    assert "没有可检查的报告文件" in out
    assert "RL101" in out


def test_gb18030_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(DRAFT.encode("gb18030"))
    code, out, _ = run("check", str(path), "--select", "placeholder")
    assert code == 1
    assert ":1:15: RL101" in out


def test_directory_is_recursed_for_txt_and_md(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "一.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "二.md").write_text("# 总结\n\n" + DRAFT, encoding="utf-8")
    (tmp_path / "三.csv").write_text(DRAFT, encoding="utf-8")
    code, out, _ = run("check", str(tmp_path), "--select", "placeholder", "--format", "json")
    assert code == 1
    paths = sorted(Path(f["path"]).name for f in json.loads(out)["files"])
    assert paths == ["一.txt", "二.md"]


def test_malformed_config_is_an_error(tmp_path: Path, draft: Path) -> None:
    (tmp_path / "reportlint.toml").write_text("select = [\n", encoding="utf-8")
    code, _, err = run("check", str(draft))
    assert code == 2
    assert "不是有效的 TOML" in err


def test_unknown_config_key_is_an_error(tmp_path: Path, draft: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('selectt = ["RL101"]\n', encoding="utf-8")
    code, _, err = run("check", str(draft))
    assert code == 2
    assert "selectt" in err and "select" in err


def test_rules_lists_every_rule() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for name in ("placeholder", "duplicated-text", "empty-slogan", "inconsistent-total", "section-numbering"):
        assert name in out


@pytest.mark.parametrize("name", ["placeholder", "RL101", "rl101"])
def test_rule_prints_documentation(name: str) -> None:
    code, out, _ = run("rule", name)
    assert code == 0
    assert "RL101 placeholder" in out
    assert "错误示例" in out and "正确示例" in out


def test_rule_unknown_name() -> None:
    code, _, err = run("rule", "duplicate-text")
    assert code == 2
    assert "duplicated-text" in err


def test_color_only_when_asked(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, plain, _ = run("check", str(draft), "--select", "RL101")
    assert "\x1b[" not in plain
    _, colored, _ = run("check", str(draft), "--select", "RL101", "--color", "always")
    assert "\x1b[" in colored


def test_python_dash_m_works() -> None:
    proc = subprocess.run([sys.executable, "-m", "reportlint", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.startswith("reportlint ")


def test_stdin_cannot_be_mixed_with_paths(draft: Path) -> None:
    code, _, err = run("check", "-", str(draft))
    assert code == 2
    assert "标准输入" in err
