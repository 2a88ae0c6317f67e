"""Precision and recall per rule over the labelled corpus.

    python scripts/accuracy.py [--verbose] [--set labelled|holdout|blind|blind3|blind4|blind5|blind6|seeds|all]

Sources: ``tests/labelled/<rule>.toml`` (report-style sentences written with
the rules, each with the texts the rule must flag, or none for a correct
sentence), ``tests/holdout/<rule>.toml`` (the same format, written blind, without
reading the rules; then used to generalise the rules in a second round),
``tests/blind/<rule>.toml`` (a second blind set, measured after that round,
then used in a third), ``tests/blind3/`` to ``tests/blind5/`` (the third to fifth, likewise),
``tests/blind6/<rule>.toml`` (the last blind set, never tuned against: the honest
measure of how the rules generalise) and the seed
drafts with ``tests/seeds/expected/<rule>.toml``. A diagnostic is a true positive when
it overlaps an expected text; an expected text no diagnostic overlaps is a miss.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.runner import check_text
from reportlint.testing import unmatched

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "labelled"
HOLDOUT = ROOT / "tests" / "holdout"
BLIND = ROOT / "tests" / "blind"
BLIND3 = ROOT / "tests" / "blind3"
BLIND4 = ROOT / "tests" / "blind4"
BLIND5 = ROOT / "tests" / "blind5"
BLIND6 = ROOT / "tests" / "blind6"
SEEDS = ROOT / "tests" / "seeds"


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    cases: int = 0
    positive_cases: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


def score_case(score: Score, rule: str, text: str, expected: list[str], where: str) -> None:
    found = check_text(text, select=[rule])
    missed, extra = unmatched(found, text, expected)
    score.cases += 1
    score.positive_cases += bool(expected)
    score.true_positive += len(expected) - len(missed)
    score.false_negative += len(missed)
    score.false_positive += len(extra)
    score.notes.extend(f"  漏报 {where}: {m}" for m in missed)
    score.notes.extend(f"  误报 {where}: {d.text!r} {d.message}" for d in extra)


def case_scores(folder: Path, scores: dict[str, Score]) -> None:
    for path in sorted(folder.glob("*.toml")):
        rule = path.stem.replace("_", "-")
        cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
        for number, case in enumerate(cases, 1):
            where = f"{folder.name}/{path.name}#{number}"
            score_case(scores[rule], rule, case["text"], list(case.get("expect", [])), where)


def seed_scores(scores: dict[str, Score]) -> None:
    for path in sorted((SEEDS / "expected").glob("*.toml")):
        rule = path.stem.replace("_", "-")
        expected = tomllib.loads(path.read_text(encoding="utf-8")).get("expect", [])
        by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
        for item in expected:
            by_file[str(item["file"])].append(item)
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            found = check_text(text, select=[rule], path=seed.name)
            items = by_file.get(seed.name, [])
            score = scores[rule]
            score.cases += 1
            score.positive_cases += bool(items)
            wanted = {(str(item["file"]), int(item["line"]), str(item["text"])) for item in items}
            got = {(seed.name, d.line, d.text): d for d in found}
            score.true_positive += len(wanted & got.keys())
            for key in sorted(wanted - got.keys()):
                score.false_negative += 1
                score.notes.append(f"  漏报 {key[0]}:{key[1]}: {key[2]}")
            for key in sorted(got.keys() - wanted):
                score.false_positive += 1
                score.notes.append(f"  误报 {key[0]}:{key[1]}: {key[2]!r} {got[key].message}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--set", choices=["labelled", "holdout", "blind", "blind3", "blind4", "blind5", "blind6", "seeds", "all"], default="all")
    args = parser.parse_args()
    # "all" leaves out blind6: the last blind set is scored only on purpose, so nobody tunes against it.
    earlier = ["labelled", "holdout", "blind", "blind3", "blind4", "blind5", "seeds"]
    sets = earlier if args.set == "all" else [args.set]
    folders = {"labelled": LABELLED, "holdout": HOLDOUT, "blind": BLIND, "blind3": BLIND3, "blind4": BLIND4}
    folders.update(blind5=BLIND5, blind6=BLIND6)
    for name in sets:
        scores: dict[str, Score] = defaultdict(Score)
        if name == "seeds":
            seed_scores(scores)
        else:
            case_scores(folders[name], scores)
        print(f"\n== {name} ==")
        print_table(scores, args.verbose)
    return 0


def print_table(scores: dict[str, Score], verbose: bool) -> None:
    print(f"{'rule':<22}{'cases':>7}{'defects':>9}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>8}")
    for rule, score in sorted(scores.items()):
        print(
            f"{rule:<22}{score.cases:>7}{score.positive_cases:>9}{score.true_positive:>6}{score.false_positive:>6}"
            f"{score.false_negative:>6}{score.precision:>11.1%}{score.recall:>8.1%}"
        )
        if verbose:
            for note in score.notes:
                print(note)


if __name__ == "__main__":
    sys.exit(main())
