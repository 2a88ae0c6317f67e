"""Plain text and Markdown: encoding and line-ending detection."""

from __future__ import annotations

import codecs

import regex

from reportlint import patterns


class InputError(Exception):
    """A file that cannot be checked; the message is for the user."""


_CANDIDATE_ENCODINGS = ("utf-8", "gb18030")


# Control bytes that do not occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > len(head) // 20


def decode_bytes(data: bytes, path: str) -> tuple[str, str, str]:
    """Decode ``data``; return (text, encoding, newline). Text keeps its line endings."""
    if not data:
        raise InputError(f"{path}: 文件为空，没有可检查的内容 (empty file)")
    encoding: str | None = None
    text: str | None = None
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text, encoding = data.decode(name), name
            except UnicodeDecodeError:
                raise InputError(f"{path}: 文件带有 {name} 标记但内容无法按此解码 (undecodable)") from None
            break
    if text is None:
        if data[:4] == b"PK\x03\x04":
            raise InputError(f"{path}: 这是压缩包或 Office 文件，不是纯文本；Word 文档请保存为 .docx 后缀 (binary file)")
        if _looks_binary(data):
            raise InputError(f"{path}: 这是二进制文件，不是文本，已跳过 (binary file)")
        for name in _CANDIDATE_ENCODINGS:
            try:
                text, encoding = data.decode(name), name
                break
            except UnicodeDecodeError:
                continue
    if text is None or encoding is None:
        raise InputError(f"{path}: 无法识别文件编码，请另存为 UTF-8 (undecodable: not UTF-8 or GB18030)")
    if not text.strip(" \t\r\n\u3000\ufeff"):
        raise InputError(f"{path}: 文件只有空白，没有可检查的内容 (empty file)")
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    if newline == "\r":  # classic Mac line ends: one character each way, offsets stay aligned
        text = text.replace("\r", "\n")
    return text, encoding, newline


_MD_PROTECTED_RE = patterns.compile(
    r"""
      ^(?P<fence>```|~~~)[^\n]*\n.*?^(?P=fence)[ \t]*$   # fenced code blocks
    | `[^`\n]+`                                        # inline code
    | \A---\n.*?\n---[ \t]*$                           # front matter
    | \]\([^)\s]*\)                                    # link targets
    """,
    regex.VERBOSE | regex.MULTILINE | regex.DOTALL,
)


def markdown_protected(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _MD_PROTECTED_RE.finditer(text))
