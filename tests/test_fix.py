"""--fix and --diff: only explicit commands write, atomically, keeping encoding and line endings."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.fixer import apply_fixes, write_atomic
from reportlint.rule import Applicability, Fix

TEXT = "上半年招商引资取得历史性突破！\r\n全镇完成投资2.8亿元！\r\n"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_apply_fixes_skips_overlaps() -> None:
    fixes = [Fix(0, 2, "甲"), Fix(1, 3, "乙"), Fix(4, 5, "", Applicability.SAFE)]
    assert apply_fixes("一二三四五六", fixes) == ("甲三四六", 2)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-8-sig", "utf-16"])
def test_fix_keeps_encoding_and_line_endings(example_plugin: Path, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "总结.txt"
    path.write_bytes(TEXT.encode(encoding))
    code, out, err = run("check", str(path), "--select", "XM101", "--fix")
    assert code == 0, out + err
    assert "已修复 2 处" in err
    data = path.read_bytes()
    assert data.decode(encoding) == TEXT.replace("！", "。")
    assert data.count(b"\r\n" if encoding != "utf-16" else "\r\n".encode("utf-16-le")) == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_diff_writes_nothing(example_plugin: Path, tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8", newline="")
    before = path.read_bytes()
    code, out, _ = run("check", str(path), "--select", "XM101", "--diff")
    assert code == 1
    assert "-上半年招商引资取得历史性突破！" in out and "+上半年招商引资取得历史性突破。" in out
    assert path.read_bytes() == before


def test_check_without_fix_never_writes(example_plugin: Path, tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8", newline="")
    stat = path.stat()
    run("check", str(path))
    assert path.read_bytes() == TEXT.encode("utf-8")
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_write_atomic_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("旧内容", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "新内容".encode())
    assert path.read_text(encoding="utf-8") == "新内容"
    assert path.stat().st_mode & 0o777 == 0o640


def test_annotate_writes_a_copy_and_leaves_the_source(example_plugin: Path, tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    code, out, _ = run("annotate", str(path), "--select", "XM101")
    assert code == 1
    copy = tmp_path / "总结.批注.txt"
    assert "2 处批注" in out
    assert path.read_bytes() == TEXT.encode("gb18030")
    annotated = copy.read_bytes().decode("gb18030")
    assert annotated.startswith("上半年招商引资取得历史性突破！【XM101 报告中不宜使用感叹号「！」，请改为句号】\r\n")
