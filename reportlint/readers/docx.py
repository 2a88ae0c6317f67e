"""Word .docx files: the text of each paragraph (body, tables, headers excluded), one line each.

Only the standard library is used (a .docx is a zip of XML). Offsets refer to
the extracted text, so fixes and annotations are not written back to .docx.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from reportlint.document import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A zip bomb guard: the document part of a real report is far below this.
_MAX_XML_BYTES = 100 * 1024 * 1024


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == _W + "t" and node.text:
            parts.append(node.text)
        elif node.tag == _W + "tab":
            parts.append("\t")
        elif node.tag in (_W + "br", _W + "cr"):
            parts.append(" ")
    return "".join(parts)


def read_docx(data: bytes, path: str) -> Document:
    from reportlint.readers.text import InputError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > _MAX_XML_BYTES:
                raise InputError(f"{path}: Word 文档正文过大，已跳过 (document too large)")
            xml = archive.read(info)
        root = ElementTree.fromstring(xml)
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        raise InputError(f"{path}: 不是有效的 Word（.docx）文件，可能已损坏 (not a valid .docx)") from None
    body = root.find(_W + "body")
    paragraphs = [_paragraph_text(p) for p in (body.iter(_W + "p") if body is not None else ())]
    text = "\n".join(paragraphs)
    if not text.strip():
        raise InputError(f"{path}: 文档没有文字内容 (empty document)")
    return Document(text + "\n", path, "docx", "\n", "docx")
