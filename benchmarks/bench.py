"""reportlint benchmark: start-up, throughput, parallel scaling, memory, large input.

    python benchmarks/bench.py                  # everything, prints a Markdown table
    python benchmarks/bench.py --write benchmarks/RESULTS.md
    python benchmarks/bench.py --quick          # 200 files, 3 runs, no 20 MB file

Every measurement is a whole ``reportlint`` process, the way pre-commit or a
CI job runs it (interpreter start, imports, rule set-up and output included):

(a) ``reportlint check`` on one typical draft (tests/seeds/000_*.txt, 4,974
    characters), cold (a fresh process each time), median of --runs runs;
    without the result cache (a pre-commit hook checks changed files), then
    answered from the cache;
(b) throughput over the corpus in characters per second, one process (-j 1);
    corpus measurements are the median of --repeat runs (default 3);
(c) the same with -j N on all cores, and a rerun answered from the cache;
(d) peak memory: largest single process (wait4 rusage) and, on Linux, the
    whole process tree (workers included) sampled from /proc;
(e) the same corpus through autocorrect-py (``pip install -e .[bench]``), a
    CJK text linter written in Rust, as a reference point measured in the same
    run: one Python process calling ``autocorrect_py.lint_for`` on every file.
    Skipped with a note when it is not installed. When the published national reports are
    beside the repository (../shared/corpus/national), both tools are also timed on them:
    unlike the generated corpus, which recombines a few drafts, every paragraph there differs.
Large input: one file of 1, 5 and 20 MB; time should grow linearly and memory
stay bounded.

The corpus (default 1,000 files, about 5 MB) is generated deterministically
from the seed drafts (tests/seeds/*.txt) and examples/ by recombining runs of
paragraphs, into benchmarks/corpus/ (git-ignored). Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
CORPUS = HERE / "corpus"
OUT = HERE / "out"
DRAFT = next(iter(sorted((ROOT / "tests" / "seeds").glob("000_*.txt"))), None)
MB = 1024 * 1024
# Published reports beside the repository (../shared/corpus/national), when present.
NATIONAL = ROOT.parent / "shared" / "corpus" / "national"
CORPUS_VERSION = 3  # bump when the generator changes


# -- corpus ---------------------------------------------------------------------------
def source_documents() -> list[list[str]]:
    """Paragraph lists of the seed drafts and the examples (sorted: the corpus is deterministic)."""
    sources = sorted((ROOT / "tests" / "seeds").glob("*.txt"))
    examples = ROOT / "examples"
    if examples.is_dir():
        sources += sorted(p for p in examples.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    documents = []
    for path in sources:
        paragraphs = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if paragraphs:
            documents.append(paragraphs)
    if not documents:
        sys.exit("no source drafts found in tests/seeds/ or examples/")
    return documents


def compose(documents: list[list[str]], rng: random.Random, target_bytes: int) -> str:
    """A draft of about ``target_bytes``: the title of a source, then a window of its paragraphs.

    The window starts at a random paragraph and keeps the source's order (so that outlines stay
    plausible); when it runs out, it continues with the start of another source, as when drafts
    are pasted together.
    """
    source = rng.choice(documents)
    parts = [source[0]]
    size = len(source[0].encode("utf-8"))
    position = rng.randrange(1, len(source)) if len(source) > 1 else 0
    while size < target_bytes:
        if position >= len(source):
            source, position = rng.choice(documents), 1
            if len(source) < 2:
                continue
        paragraph = source[position]
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
        position += 1
    return "\n".join(parts) + "\n"


def build_corpus(files: int, seed: int) -> tuple[Path, list[Path]]:
    """benchmarks/corpus/archive-N/ (N drafts of about 2–7 KB) and large/{1,5,20}mb.txt, rebuilt only when stale."""
    documents = source_documents()
    fingerprint = hashlib.sha256(
        json.dumps([CORPUS_VERSION, files, seed, documents], ensure_ascii=False).encode()
    ).hexdigest()
    archive = CORPUS / f"archive-{files}"
    large_dir = CORPUS / "large"
    stamp = CORPUS / f".stamp-{files}"
    large = [large_dir / f"{size}mb.txt" for size in (1, 5, 20)]
    if stamp.exists() and stamp.read_text() == fingerprint and all(p.exists() for p in large):
        return archive, large
    shutil.rmtree(archive, ignore_errors=True)
    archive.mkdir(parents=True)
    large_dir.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        rng = random.Random(f"{seed}:{i}")
        (archive / f"{i:04d}.txt").write_text(
            compose(documents, rng, rng.randint(1700, 7300)), encoding="utf-8"
        )
    for path, size in zip(large, (1, 5, 20), strict=True):
        path.write_text(compose(documents, random.Random(f"{seed}:large"), size * MB), encoding="utf-8")
    stamp.write_text(fingerprint)
    return archive, large


def count_chars(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in paths)


# -- measuring a process ----------------------------------------------------------------
@dataclass
class Run:
    seconds: float
    max_rss_mb: float  # largest single process (the command or any of its workers)
    tree_rss_mb: float | None  # peak of the whole process tree (Linux), None elsewhere
    returncode: int


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and its descendants, from /proc (Linux)."""
    total = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
                stack.extend(int(child) for child in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    sample = sys.platform.startswith("linux") and Path("/proc/self/task").is_dir()
    with tempfile.TemporaryFile() as errors:
        begin = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env, cwd=cwd)
        peak = 0
        done = threading.Event()

        def sampler() -> None:
            nonlocal peak
            while not done.wait(0.02):
                peak = max(peak, _tree_rss_kb(proc.pid))

        thread = threading.Thread(target=sampler, daemon=True)
        if sample:
            thread.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - begin
        done.set()
        if sample:
            thread.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            errors.seek(0)
            sys.exit(
                f"command failed ({proc.returncode}): {' '.join(command)}\n{errors.read().decode()[-2000:]}"
            )
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Run(seconds, usage.ru_maxrss / scale, peak / 1024 if sample and peak else None, proc.returncode)


def reportlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "reportlint", "check", "--color", "never", *args]


def median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    middle = ordered[len(ordered) // 2]
    return Run(
        statistics.median(r.seconds for r in runs), middle.max_rss_mb, middle.tree_rss_mb, middle.returncode
    )


# -- report -------------------------------------------------------------------------------
def machine() -> list[str]:
    load = "n/a"
    with contextlib.suppress(OSError, AttributeError):
        load = " / ".join(f"{value:.2f}" for value in os.getloadavg()) + " (1 / 5 / 15 min)"
    cpu = platform.processor() or platform.machine()
    memory = ""
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / MB:.1f} GB RAM"
    commit = ""
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores{', ' + memory if memory else ''}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), {sys.executable}",
        f"- reportlint commit {commit or '?'}, measured {datetime.date.today().isoformat()}",
        f"- load average before the run: {load}",
    ]


def fmt_rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds / 1e6:.2f} M chars/s"


def fmt_mem(run: Run) -> str:
    tree = (
        f" (all processes {run.tree_rss_mb:.0f} MB)"
        if run.tree_rss_mb and run.tree_rss_mb > run.max_rss_mb * 1.2
        else ""
    )
    return f"{run.max_rss_mb:.0f} MB{tree}"


def per_rule(files: list[Path], chars: int) -> list[str]:
    """Seconds each rule needs alone on the corpus (its share of document analysis included)."""
    from rule_timing import time_selection  # beside this script

    from reportlint.runner import Runner

    print("… per-rule timing (in-process)", file=sys.stderr, flush=True)
    runner = Runner()
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in files]
    codes = [rule.code for rule in runner.rules]

    def run(select: tuple[str, ...]) -> float:
        return time_selection(runner, texts, select)

    run(("ALL",))  # warm-up: word dictionary, regex caches
    timings = {code: run((code,)) for code in codes}
    timings["all rules together"] = run(("ALL",))
    total = timings["all rules together"]
    rows = []
    for name, seconds in sorted(timings.items(), key=lambda item: -item[1]):
        rule = runner.rules.by_name_or_code(name)
        label = f"{rule.code} {rule.name}" if rule else name
        rows.append(f"| {label} | {seconds:.2f} s | {fmt_rate(chars, seconds)} | {seconds / total:.0%} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=1000, help="drafts in the corpus (default 1000)")
    parser.add_argument("--runs", type=int, default=10, help="cold runs of the single draft (median)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each corpus measurement (median)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="jobs for (c) (default: all cores)"
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--no-large", action="store_true", help="skip the 1/5/20 MB files")
    parser.add_argument("--no-rules", action="store_true", help="skip the per-rule timing")
    parser.add_argument("--quick", action="store_true", help="200 files, 3 runs, no large files")
    parser.add_argument("--write", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args()
    if args.quick:
        args.files, args.runs, args.repeat, args.no_large = 200, 3, 1, True
    if DRAFT is None:
        sys.exit("tests/seeds/000_*.txt not found")

    description = machine()
    archive, large = build_corpus(args.files, args.seed)
    files = sorted(archive.glob("*.txt"))
    chars = count_chars(files)
    size = sum(p.stat().st_size for p in files)
    draft_chars = len(DRAFT.read_text(encoding="utf-8"))
    OUT.mkdir(exist_ok=True)
    cache_dir = OUT / "cache"
    # Measured as installed: with bytecode compiled (pip compiles it at install time). Any value
    # of PYTHONDONTWRITEBYTECODE, even "0", would stop Python from writing it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["REPORTLINT_CACHE_DIR"] = str(cache_dir)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "reportlint"), str(ROOT / "rules")],
        check=False,
        env=env,
    )
    rows: list[tuple[str, str, str]] = []

    def log(message: str) -> None:
        print(f"… {message}", file=sys.stderr, flush=True)

    # (a) cold single file. A first run warms the OS file cache and builds the per-user word
    # dictionary if this machine has none yet (measured separately below).
    log("(a) cold single file")
    with tempfile.TemporaryDirectory() as fresh:
        first = measure(reportlint("--no-cache", str(DRAFT)), dict(env, XDG_CACHE_HOME=fresh))
    measure(reportlint("--no-cache", str(DRAFT)), env)
    floor = median_run([measure([sys.executable, "-c", "pass"], env) for _ in range(args.runs)])
    cold = median_run([measure(reportlint("--no-cache", str(DRAFT)), env) for _ in range(args.runs)])
    shutil.rmtree(cache_dir, ignore_errors=True)
    measure(reportlint(str(DRAFT)), env)
    cached_one = median_run([measure(reportlint(str(DRAFT)), env) for _ in range(args.runs)])
    rows += [
        (
            f"(a) one draft ({draft_chars:,} chars), cold, median of {args.runs}",
            f"**{cold.seconds:.3f} s**, {fmt_mem(cold)}",
            "< 0.3 s",
        ),
        ("(a) same, answered from the cache", f"{cached_one.seconds:.3f} s", ""),
        (
            "(a) same, first run on a machine (builds the word dictionary cache once)",
            f"{first.seconds:.3f} s",
            "",
        ),
        ("interpreter start alone (`python -c pass`), for reference", f"{floor.seconds:.3f} s", ""),
    ]

    # (b) one process, (c) all cores, then a rerun from the cache.
    corpus_label = f"{len(files):,} files, {chars / 1e6:.2f} M chars, {size / 1e6:.1f} MB"
    log(f"(b) corpus, one process ({corpus_label})")
    repeat = args.repeat

    def corpus_run(command: list[str]) -> Run:
        return median_run([measure(command, env) for _ in range(repeat)])

    single = corpus_run(reportlint("--no-cache", "-j", "1", str(archive)))
    log(f"(c) corpus, -j {args.jobs}")
    parallel = corpus_run(reportlint("--no-cache", "-j", str(args.jobs), str(archive)))
    shutil.rmtree(cache_dir, ignore_errors=True)
    measure(reportlint("-j", str(args.jobs), str(archive)), env)
    rerun = corpus_run(reportlint("-j", str(args.jobs), str(archive)))
    rows += [
        (
            f"(b) corpus ({corpus_label}), one process, median of {repeat}",
            f"**{fmt_rate(chars, single.seconds)}** ({single.seconds:.2f} s)",
            "≥ autocorrect-py",
        ),
        (
            f"(c) corpus, `--jobs {args.jobs}`",
            f"{fmt_rate(chars, parallel.seconds)} ({parallel.seconds:.2f} s, "
            f"×{single.seconds / parallel.seconds:.2f})",
            "scales",
        ),
        ("(c) corpus rerun, unchanged files (cache)", f"{rerun.seconds:.2f} s", "nearly free"),
        ("(d) peak memory, one process / all cores", f"{fmt_mem(single)} / {fmt_mem(parallel)}", "bounded"),
    ]

    # (e) autocorrect-py on the same corpus, one process.
    try:
        from importlib.metadata import version

        import autocorrect_py  # noqa: F401

        log("(e) autocorrect-py")
        script = (
            "import sys, pathlib, autocorrect_py\n"
            "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
            "    autocorrect_py.lint_for(p.read_text(encoding='utf-8'), p.name)\n"
        )
        reference = corpus_run([sys.executable, "-c", script, str(archive)])
        ratio = reference.seconds / single.seconds
        rows += [
            (
                f"(e) autocorrect-py {version('autocorrect-py')} `lint_for`, one process",
                f"{fmt_rate(chars, reference.seconds)} ({reference.seconds:.2f} s), {fmt_mem(reference)}",
                "",
            ),
            ("(b)/(e) reportlint ÷ autocorrect-py throughput", f"**{ratio:.2f}**", "≥ 1"),
        ]
        # The generated corpus recombines a few drafts; published reports are all different
        # text (and nearly clean), so the same comparison on them checks the figure above.
        if NATIONAL.is_dir() and (published := sorted(NATIONAL.glob("*.txt"))):
            log("(e) published reports, both tools")
            published_chars = count_chars(published)
            ours = corpus_run(reportlint("--no-cache", "-j", "1", str(NATIONAL)))
            theirs = corpus_run([sys.executable, "-c", script, str(NATIONAL)])
            rows += [
                (
                    f"(b) published national reports ({len(published)} files, "
                    f"{published_chars / 1e6:.2f} M chars), one process",
                    f"{fmt_rate(published_chars, ours.seconds)} ({ours.seconds:.2f} s); "
                    f"autocorrect-py {fmt_rate(published_chars, theirs.seconds)} ({theirs.seconds:.2f} s); "
                    f"ratio **{theirs.seconds / ours.seconds:.2f}**",
                    "≥ 1",
                ),
            ]
    except ImportError:
        rows.append(("(e) autocorrect-py", "skipped: not installed (`pip install -e .[bench]`)", ""))

    # Large input: one file of 1, 5, 20 MB.
    large_rows: list[str] = []
    if not args.no_large:
        timings: dict[int, Run] = {}
        for path, megabytes in zip(large, (1, 5, 20), strict=True):
            log(f"large input {megabytes} MB")
            timings[megabytes] = measure(reportlint("--no-cache", "-j", "1", str(path)), env)
        base = timings[1].seconds
        large_rows = [
            "| file | chars | time | time ÷ time(1 MB) | peak memory |",
            "|---|---:|---:|---:|---:|",
        ]
        for path, megabytes in zip(large, (1, 5, 20), strict=True):
            run = timings[megabytes]
            large_rows.append(
                f"| {megabytes} MB | {count_chars([path]):,} | {run.seconds:.2f} s | "
                f"{run.seconds / base:.1f} (linear: {megabytes}) | {run.max_rss_mb:.0f} MB |"
            )

    rule_rows = [] if args.no_rules else per_rule(files, chars)

    lines = ["## Machine", "", *description, "", "## Results", ""]
    lines += ["| measurement | result | target |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in rows]
    if large_rows:
        lines += ["", "### Large input (one file, `-j 1`, no cache)", "", *large_rows]
    if rule_rows:
        lines += [
            "",
            "### Where the time goes (in one process, each rule alone on the corpus, fresh documents)",
            "",
            "| rule | time | throughput | share of all rules |",
            "|---|---:|---:|---:|",
            *rule_rows,
        ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        header = [
            "# reportlint benchmark results",
            "",
            "Produced by `python benchmarks/bench.py --write benchmarks/RESULTS.md` after "
            "`pip install -e .[bench]` (autocorrect-py, the reference). Every figure is a whole "
            "process, as pre-commit or CI runs it; the docstring of benchmarks/bench.py says what is "
            "measured and how. The corpus is generated deterministically from tests/seeds/ and "
            "examples/ into benchmarks/corpus/ (git-ignored).",
            "",
        ]
        args.write.write_text("\n".join(header) + "\n" + report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
