"""Applying fixes and writing files back: the only code that writes a user's file.

Writes are atomic (a temporary file in the same directory, then ``os.replace``)
and keep the file's encoding (BOM included) and line endings.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlint.atomic import replace_file
from reportlint.document import Document
from reportlint.readers.text import markdown_protected
from reportlint.rule import Applicability, Diagnostic, Fix

# Fixes can expose new findings (or conflict); re-lint a bounded number of times, like ruff.
MAX_PASSES = 10


@dataclass
class FixOutcome:
    text: str
    applied: int
    remaining: list[Diagnostic]


def select_fixes(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[Fix]:
    fixes = [d.fix for d in diagnostics if d.fix is not None]
    return [f for f in fixes if unsafe or f.applicability is Applicability.SAFE]


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes (the first of two overlapping ones wins)."""
    pieces: list[str] = []
    position = 0
    applied = 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < position or fix.end > len(text) or fix.start > fix.end:
            continue
        pieces.append(text[position : fix.start])
        pieces.append(fix.replacement)
        position = fix.end
        applied += 1
    pieces.append(text[position:])
    return "".join(pieces), applied


def fix_document(doc: Document, lint: Callable[[Document], list[Diagnostic]], unsafe: bool = False) -> FixOutcome:
    """Apply fixes to ``doc`` until none is left to apply; return the new text and what remains."""
    total = 0
    current = doc
    diagnostics = lint(current)
    for _ in range(MAX_PASSES):
        fixes = select_fixes(diagnostics, unsafe)
        if not fixes:
            break
        text, applied = apply_fixes(current.text, fixes)
        if applied == 0 or text == current.text:
            break
        total += applied
        protected = markdown_protected(text) if doc.kind == "md" else ()
        current = Document(text, doc.path, doc.encoding, doc.newline, doc.kind, protected)
        diagnostics = lint(current)
    return FixOutcome(current.text, total, diagnostics)


def annotate(text: str, diagnostics: Sequence[Diagnostic]) -> str:
    """Insert a bracketed note after each flagged span, for writers who read drafts, not terminals."""
    notes = sorted(diagnostics, key=lambda d: (d.end_offset, d.offset))
    pieces: list[str] = []
    position = 0
    for d in notes:
        pieces.append(text[position : d.end_offset])
        pieces.append(f"【{d.code} {d.message}】")
        position = d.end_offset
    pieces.append(text[position:])
    return "".join(pieces)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def encode_like(doc: Document, text: str) -> bytes:
    """Encode ``text`` as ``doc`` was read: same encoding and line endings."""
    if doc.newline == "\r":  # the reader turned lone CRs into LFs; turn them back
        text = text.replace("\n", "\r")
    encoding = doc.encoding
    if encoding == "utf-16":
        return text.encode("utf-16")  # writes a BOM, as the file had one
    return text.encode(encoding)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably, keeping its permissions."""
    replace_file(path, data, durable=True)
