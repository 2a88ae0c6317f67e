"""Readers turn a file into a :class:`Document`; they know nothing of rules.

Every failure is an :class:`InputError` whose message is shown to the user
as is (Chinese first, the English reason in brackets).
"""

from __future__ import annotations

from pathlib import Path

from reportlint.document import Document
from reportlint.readers.text import InputError, decode_bytes, markdown_protected

# Larger files are refused rather than risk exhausting memory on the user's machine.
MAX_BYTES = 200 * 1024 * 1024

__all__ = ["MAX_BYTES", "InputError", "document_from_bytes", "read_document"]


def document_from_bytes(data: bytes, path: str) -> Document:
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from reportlint.readers.docx import read_docx  # zipfile and XML only for Word files

        return read_docx(data, path)
    text, encoding, newline = decode_bytes(data, path)
    if suffix in (".md", ".markdown"):
        return Document(text, path, encoding, newline, "md", markdown_protected(text))
    return Document(text, path, encoding, newline, "txt")


def read_document(path: Path) -> Document:
    try:
        if path.is_dir():
            raise InputError(f"{path}: 这是一个目录，不是文件 (is a directory)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: 文件过大（{size / 1024 / 1024:.0f} MB，上限 {MAX_BYTES // 1024 // 1024} MB），已跳过 (file too large)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: 文件不存在 (no such file)") from None
    except PermissionError:
        raise InputError(f"{path}: 没有读取权限 (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{path}: 无法读取文件 (cannot read): {exc.strerror or exc}") from None
    return document_from_bytes(data, str(path))
