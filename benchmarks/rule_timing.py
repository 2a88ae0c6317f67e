"""Time (and optionally profile) rules in one process on the benchmark corpus.

    python benchmarks/rule_timing.py                      # every rule alone, then all together
    python benchmarks/rule_timing.py --rule RL201 --profile 25

Documents are built fresh for every run, so each rule pays for the document analysis it uses
(quantities, markers, sentences) the way it does in ``reportlint check``. Run
``python benchmarks/bench.py --quick`` once first to generate the corpus.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from reportlint.config import Settings
from reportlint.document import Document
from reportlint.runner import Runner

ROOT = Path(__file__).resolve().parent.parent


def time_selection(runner: Runner, texts: list[tuple[str, str]], select: tuple[str, ...]) -> float:
    """Seconds to check ``texts`` ((text, name) pairs) with the rules ``select`` names, documents built fresh."""
    settings = Settings(select=select)
    runner.validate(settings)
    begin = time.perf_counter()
    for text, name in texts:
        runner.check_document(Document(text, name), settings)
    return time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=ROOT / "benchmarks" / "corpus" / "archive-1000"
    )
    parser.add_argument("--rule", action="append", help="only these rules (code or name)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per rule, the best is kept")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="profile instead and print the top N functions"
    )
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        sys.exit(f"no drafts in {args.corpus}: run `python benchmarks/bench.py --quick` first")
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in files]
    characters = sum(len(text) for text, _ in texts)
    runner = Runner()

    def run(select: tuple[str, ...]) -> float:
        return time_selection(runner, texts, select)

    run(("ALL",))  # warm-up: word dictionary, lazily compiled patterns
    selections = (
        [(code,) for code in args.rule] if args.rule else [(r.code,) for r in runner.rules] + [("ALL",)]
    )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for select in selections:
            run(select)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
        return 0
    print(f"{len(files)} files, {characters:,} chars")
    for select in selections:
        seconds = min(run(select) for _ in range(args.repeat))
        print(f"{'+'.join(select):<8} {seconds:6.3f} s  {characters / seconds / 1e6:6.2f} M chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
