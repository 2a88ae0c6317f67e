"""False alarms per 10,000 characters on published reports (where nearly every diagnostic is one).

    python scripts/false_alarms.py [CORPUS_DIR] [--rule NAME] [--show]

CORPUS_DIR defaults to ../shared/corpus/national beside the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from reportlint.runner import check_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "national"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rule", action="append", help="only these rules")
    parser.add_argument("--show", action="store_true", help="print every diagnostic with its context")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    characters = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        characters += len(text)
        for d in check_text(text, select=args.rule, path=path.name):
            counts[d.rule] += 1
            if args.show:
                context = text[max(0, d.offset - 20) : d.end_offset + 20].replace("\n", "⏎")
                print(f"{path.name}:{d.line}:{d.column} {d.code} [{d.rule}] {d.text!r} | {context} | {d.message}")
    print(f"\n{len(files)} files, {characters:,} characters")
    print(f"{'rule':<22}{'alarms':>8}{'per 10k chars':>15}")
    from reportlint.runner import Runner

    for rule in Runner().rules:
        if args.rule and rule.name not in args.rule and rule.code not in args.rule:
            continue
        print(f"{rule.name:<22}{counts[rule.name]:>8}{counts[rule.name] / characters * 10000:>15.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
