"""The language server, driven as an editor would over stdio."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from reportlint.document import Document
from reportlint.lsp import code_point_offset, utf16_column

TEXT = "上半年招商引资取得历史性突破😀！\n完成投资2.8亿元！\n"


def frame(payload: dict[str, Any]) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **payload}, ensure_ascii=False).encode("utf-8")
    return f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body


def read_all(data: bytes) -> list[dict[str, Any]]:
    messages = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length].decode("utf-8")))
        data = rest[length:]
    return messages


def test_utf16_positions() -> None:
    assert utf16_column("突破😀！", 4) == 4  # the emoji takes two UTF-16 units
    doc = Document("突破😀！\n")
    assert code_point_offset(doc, 0, 4) == 3


def test_server_publishes_diagnostics_and_quick_fixes(example_plugin: object) -> None:
    uri = "file:///tmp/%E6%80%BB%E7%BB%93.txt"
    session = b"".join(
        [
            frame({"id": 1, "method": "initialize", "params": {"capabilities": {}}}),
            frame({"method": "initialized", "params": {}}),
            frame({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": TEXT}}}),
            frame({"id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 20}}, "context": {"diagnostics": []}}}),
            frame({"id": 3, "method": "no/such/method", "params": {}}),
            frame({"id": 4, "method": "shutdown"}),
            frame({"method": "exit"}),
        ]
    )
    proc = subprocess.run([sys.executable, "-m", "reportlint", "lsp"], input=session, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    messages = read_all(proc.stdout)
    assert messages[0]["result"]["capabilities"]["textDocumentSync"]["change"] == 1
    published = next(m for m in messages if m.get("method") == "textDocument/publishDiagnostics")
    exclamations = [d for d in published["params"]["diagnostics"] if d["code"] == "XM101"]
    assert [d["range"]["start"] for d in exclamations] == [{"line": 0, "character": 16}, {"line": 1, "character": 9}]
    actions = next(m for m in messages if m.get("id") == 2)["result"]
    assert any(a["edit"]["changes"][uri][0]["newText"] == "。" for a in actions)
    assert next(m for m in messages if m.get("id") == 3)["error"]["code"] == -32601
    assert next(m for m in messages if m.get("id") == 4)["result"] is None
