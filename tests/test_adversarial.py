"""No rule may backtrack catastrophically or go quadratic on hostile input.

Every registered rule is fed long degenerate inputs: 100,000 repeated
characters of several kinds, deeply nested brackets and a single 1 MB line of
report text. Each rule runs in a child process (a pattern that backtracks
catastrophically never returns, so a time check inside this process would hang
the suite); the child reports each input as it starts, so a timeout names the
input. The bounds are generous: this guards against pathological behaviour,
it is not a benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reportlint.runner import Runner

# Seconds one rule may take on one input (a healthy rule needs well under one).
PER_INPUT = 10.0

CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from reportlint.runner import check_text

    N = 100_000
    seeds = sorted(Path(sys.argv[2]).glob("*.txt"))
    prose = "".join(p.read_text(encoding="utf-8").replace("\\n", "") for p in seeds)
    line = (prose * (1_000_000 // max(1, len(prose)) + 1))[:1_000_000]
    inputs = {
        "x*N": "x" * N,
        "养殖*N/2": "养殖" * (N // 2),
        "一是*N/2": "一是" * (N // 2),
        "一、*N/2": "一、" * (N // 2),
        "（一）*N/3": "（一）" * (N // 3),
        "（*N": "（" * N,
        "(*N": "(" * N,
        "“*N": "“" * N,
        "《*N": "《" * N,
        "digits*N": "1" * N,
        "1.*N/2": "1." * (N // 2),
        "3.5万元，*N/6": "3.5万元，" * (N // 6),
        "x万元*N/3": "x万元" * (N // 3),
        "合计*N/2": "合计" * (N // 2),
        "。*N": "。" * N,
        "，*N": "，" * N,
        "space*N": " " * N,
        "newline*N": "\\n" * N,
        "line-of-一、*N/4": "一、\\n" * (N // 4),
        "nested（）": "（" * (N // 2) + "合计" + "）" * (N // 2),
        "nested mixed": "（(【[《“" * (N // 12) + "x万元" + "”》]】)）" * (N // 12),
        "1 MB line": line,
    }
    print(json.dumps({"inputs": list(inputs)}), flush=True)
    for name, text in inputs.items():
        print(json.dumps({"start": name}), flush=True)
        begin = time.perf_counter()
        check_text(text, select=[sys.argv[1]])
        print(json.dumps({"done": name, "seconds": time.perf_counter() - begin}), flush=True)
    """
)
INPUT_COUNT = 22

SEEDS = Path(__file__).parent / "seeds"
RULES = [rule.code for rule in Runner().rules]


@pytest.mark.parametrize("code", RULES)
def test_rule_survives_adversarial_input(code: str) -> None:
    timeout = PER_INPUT * INPUT_COUNT
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, code, str(SEEDS)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        output = proc.stdout
    except subprocess.TimeoutExpired as exc:
        raw = exc.stdout or b""
        output = raw.decode() if isinstance(raw, bytes) else raw
        proc = None
    events = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    names = next((e["inputs"] for e in events if "inputs" in e), [])
    assert len(names) == INPUT_COUNT, f"{code}: the child did not start:\n{proc.stderr if proc else ''}"
    started = [e["start"] for e in events if "start" in e]
    finished = {e["done"]: e["seconds"] for e in events if "done" in e}
    hung = [name for name in started if name not in finished]
    assert not hung, f"{code}: no result within {timeout:.0f} s on input {hung[0]!r}"
    assert proc is not None and proc.returncode == 0, f"{code} crashed:\n{proc.stderr if proc else ''}"
    slow = {name: round(seconds, 2) for name, seconds in finished.items() if seconds > PER_INPUT}
    assert not slow, f"{code} too slow on: {slow}"
    assert sorted(finished) == sorted(names)
