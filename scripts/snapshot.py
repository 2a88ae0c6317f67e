"""Snapshot every diagnostic on all test material, to prove a speed change alters no output.

    python scripts/snapshot.py before.txt            # all rules
    python scripts/snapshot.py after.txt --rule RL201
    cmp before.txt after.txt                           # identical means the change is safe

The material: the seed drafts, every case of the labelled and blind sets, the published national
reports (../shared/corpus/national when present) and the first 200 drafts of the benchmark corpus
(when benchmarks/corpus exists). One line per diagnostic: source, rule, span, message, suggestion, fix.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from reportlint.runner import check_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
CASE_SETS = ("labelled", "holdout", "blind", "blind3", "blind4", "blind5", "blind6")


def material() -> Iterator[tuple[str, str]]:
    """(source name, text) for everything the snapshot covers, in a fixed order."""
    for path in sorted((ROOT / "tests" / "seeds").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")
    for name in CASE_SETS:
        for path in sorted((ROOT / "tests" / name).glob("*.toml")):
            with path.open("rb") as handle:
                cases = tomllib.load(handle).get("case", [])
            for number, case in enumerate(cases):
                yield f"{name}/{path.stem}#{number}", case["text"]
    national = ROOT.parent / "shared" / "corpus" / "national"
    for path in sorted(national.glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "benchmarks" / "corpus" / "archive-1000").glob("*.txt"))[:200]:
        yield f"archive/{path.name}", path.read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("output", type=Path)
    parser.add_argument("--rule", action="append", help="only these rules (code or name)")
    args = parser.parse_args()
    lines: list[str] = []
    texts = characters = 0
    started = time.perf_counter()
    for source, text in material():
        texts += 1
        characters += len(text)
        for d in check_text(text, select=args.rule):
            fix = d.fix and (d.fix.start, d.fix.end, d.fix.replacement, d.fix.applicability.value)
            lines.append(
                f"{source}\t{d.code}\t{d.offset}-{d.end_offset}\t{d.severity.value}\t{d.message}\t{d.suggestion}\t{fix}"
            )
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elapsed = time.perf_counter() - started
    print(
        f"{len(lines)} diagnostics on {texts} texts ({characters:,} chars) in {elapsed:.1f} s -> {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
