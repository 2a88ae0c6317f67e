"""A Language Server Protocol server over stdio: diagnostics while the writer types.

Run by editors as ``reportlint lsp``. It speaks the base protocol (JSON-RPC with
Content-Length headers) itself, so it needs no extra dependency. Supported:
initialize/shutdown/exit, didOpen/didChange (full sync)/didSave/didClose ->
publishDiagnostics, and codeAction offering each diagnostic's fix.
LSP positions count UTF-16 code units; the engine counts code points, so
every position is converted.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlparse

from reportlint import __version__
from reportlint.config import ConfigError, ConfigFinder
from reportlint.document import Document
from reportlint.readers.text import markdown_protected
from reportlint.rule import Diagnostic, Severity
from reportlint.runner import Runner

_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}
METHOD_NOT_FOUND = -32601
INVALID_REQUEST = -32600


def utf16_column(line_text: str, column: int) -> int:
    """1-based code-point column -> 0-based UTF-16 character offset."""
    return len(line_text[: column - 1].encode("utf-16-le")) // 2


def code_point_offset(doc: Document, line: int, character: int) -> int:
    """0-based LSP (line, UTF-16 character) -> code-point offset into ``doc.text``."""
    if line >= len(doc.lines):
        return len(doc.text)
    text = doc.lines[line].text
    units = 0
    for index, char in enumerate(text):
        if units >= character:
            return doc.lines[line].start + index
        units += 2 if ord(char) > 0xFFFF else 1
    return doc.lines[line].end


def uri_to_path(uri: str) -> Path:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(parsed.path or "untitled.txt")


@dataclass
class OpenDocument:
    uri: str
    text: str
    diagnostics: list[Diagnostic]


class Server:
    def __init__(self, reader: BinaryIO, writer: BinaryIO) -> None:
        self.reader = reader
        self.writer = writer
        self.runner = Runner()
        self.finder = ConfigFinder()
        self.documents: dict[str, OpenDocument] = {}
        self.shutting_down = False

    # -- transport --------------------------------------------------------------
    def read_message(self) -> dict[str, Any] | None:
        length = None
        while True:
            header = self.reader.readline()
            if not header:
                return None
            header = header.strip()
            if not header:
                break
            name, _, value = header.decode("ascii", "replace").partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        if length is None:
            return {}
        body = self.reader.read(length)
        try:
            message = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return {}
        return message if isinstance(message, dict) else {}

    def send(self, payload: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}, ensure_ascii=False).encode("utf-8")
        self.writer.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.writer.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    # -- protocol -----------------------------------------------------------------
    def serve(self) -> int:
        while True:
            message = self.read_message()
            if message is None:
                return 1 if not self.shutting_down else 0
            method = message.get("method")
            if method == "exit":
                return 0 if self.shutting_down else 1
            try:
                result = self.dispatch(str(method), message.get("params") or {})
            except _RequestError as exc:
                if "id" in message:
                    self.send({"id": message["id"], "error": {"code": exc.code, "message": str(exc)}})
                continue
            if "id" in message:
                self.send({"id": message["id"], "result": result})

    def dispatch(self, method: str, params: dict[str, Any]) -> Any:
        if method == "initialize":
            return {
                "capabilities": {
                    "textDocumentSync": {"openClose": True, "change": 1, "save": {"includeText": True}},
                    "codeActionProvider": {"codeActionKinds": ["quickfix"]},
                },
                "serverInfo": {"name": "reportlint", "version": __version__},
            }
        if method == "shutdown":
            self.shutting_down = True
            return None
        if method in ("textDocument/didOpen", "textDocument/didChange", "textDocument/didSave"):
            self.update(params)
            return None
        if method == "textDocument/didClose":
            uri = params["textDocument"]["uri"]
            self.documents.pop(uri, None)
            self.notify("textDocument/publishDiagnostics", {"uri": uri, "diagnostics": []})
            return None
        if method == "textDocument/codeAction":
            return self.code_actions(params)
        if method.startswith("$/") or method == "initialized":
            return None
        raise _RequestError(METHOD_NOT_FOUND, f"不支持的方法 (method not found): {method}")

    def update(self, params: dict[str, Any]) -> None:
        item = params["textDocument"]
        uri = item["uri"]
        if "text" in item:
            text = item["text"]
        elif params.get("contentChanges"):
            text = params["contentChanges"][-1]["text"]
        elif "text" in params:
            text = params["text"]
        elif uri in self.documents:
            text = self.documents[uri].text
        else:
            return
        path = uri_to_path(uri)
        kind = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        doc = Document(text, str(path), kind=kind, extra_protected=markdown_protected(text) if kind == "md" else ())
        try:
            diagnostics = self.runner.check_document(doc, self.finder.for_path(path), path)
        except ConfigError as exc:
            self.notify("window/showMessage", {"type": 1, "message": f"reportlint: {exc}"})
            diagnostics = []
        self.documents[uri] = OpenDocument(uri, text, diagnostics)
        self.notify(
            "textDocument/publishDiagnostics",
            {"uri": uri, "diagnostics": [self.to_lsp(doc, d) for d in diagnostics]},
        )

    def to_lsp(self, doc: Document, d: Diagnostic) -> dict[str, Any]:
        return {
            "range": self.range(doc, d.offset, d.end_offset),
            "severity": _SEVERITY[d.severity],
            "code": d.code,
            "source": "reportlint",
            "message": d.message + (f"\n建议：{d.suggestion}" if d.suggestion else ""),
            "data": {"rule": d.rule},
        }

    @staticmethod
    def range(doc: Document, start: int, end: int) -> dict[str, Any]:
        def position(offset: int) -> dict[str, int]:
            line, column = doc.position(offset)
            return {"line": line - 1, "character": utf16_column(doc.line_text(line), column)}

        return {"start": position(start), "end": position(end)}

    def code_actions(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        uri = params["textDocument"]["uri"]
        opened = self.documents.get(uri)
        if opened is None:
            return []
        doc = Document(opened.text)
        wanted = params.get("range", {})
        start = code_point_offset(doc, wanted.get("start", {}).get("line", 0), wanted.get("start", {}).get("character", 0))
        end = code_point_offset(doc, wanted.get("end", {}).get("line", 0), wanted.get("end", {}).get("character", 0))
        actions = []
        for d in opened.diagnostics:
            if d.fix is None or d.end_offset < start or d.offset > max(end, start):
                continue
            edit = {"range": self.range(doc, d.fix.start, d.fix.end), "newText": d.fix.replacement}
            actions.append(
                {
                    "title": f"修复：{d.suggestion or d.message}",
                    "kind": "quickfix",
                    "diagnostics": [self.to_lsp(doc, d)],
                    "isPreferred": d.fix.applicability.value == "safe",
                    "edit": {"changes": {uri: [edit]}},
                }
            )
        return actions


class _RequestError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def serve_stdio() -> int:
    return Server(sys.stdin.buffer, sys.stdout.buffer).serve()
