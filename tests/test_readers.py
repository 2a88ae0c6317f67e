"""Readers: encodings, Markdown, Word, and files that cannot be read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import reportlint.readers as readers
from reportlint.readers import InputError, document_from_bytes, read_document

BODY = "一、工作完成情况\n全镇完成投资2.8亿元。\n"


def make_docx(paragraphs: list[str]) -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(f"<w:p><w:r><w:t>{p[:3]}</w:t></w:r><w:r><w:t>{p[3:]}</w:t></w:r></w:p>" for p in paragraphs)
        + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_docx_paragraphs_become_lines() -> None:
    doc = document_from_bytes(make_docx(["一、工作完成情况", "全镇完成投资2.8亿元。"]), "报告.docx")
    assert doc.kind == "docx"
    assert [p.text for p in doc.paragraphs] == ["一、工作完成情况", "全镇完成投资2.8亿元。"]


def test_broken_docx_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="不是有效的 Word"):
        document_from_bytes(b"PK\x03\x04 broken zip", "坏.docx")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_encodings_are_detected(encoding: str) -> None:
    doc = document_from_bytes(BODY.encode(encoding), "a.txt")
    assert doc.text.lstrip("\ufeff") == BODY
    assert doc.encoding == encoding


def test_line_endings_are_recorded() -> None:
    assert document_from_bytes(BODY.replace("\n", "\r\n").encode(), "a.txt").newline == "\r\n"
    old_mac = document_from_bytes(BODY.replace("\n", "\r").encode(), "a.txt")
    assert old_mac.newline == "\r" and len(old_mac.paragraphs) == 2


def test_markdown_code_is_protected() -> None:
    text = "# 总结\n\n完成投资。\n\n```\nxx万元\n```\n"
    doc = document_from_bytes(text.encode(), "a.md")
    start = text.index("xx万元")
    assert doc.is_protected(start, start + 4)


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "大.txt"
    path.write_text(BODY * 100, encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="文件过大"):
        read_document(path)


def test_directory_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="目录"):
        read_document(tmp_path)
    with pytest.raises(InputError, match="不存在"):
        read_document(tmp_path / "无.txt")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "锁.txt"
    path.write_text(BODY, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="没有读取权限"):
        read_document(path)
    with pytest.raises(InputError, match="无法读取"):
        read_document(path / "不是目录.txt")
