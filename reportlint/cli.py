"""Command line: argument parsing and sub-commands only."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reportlint import __version__
from reportlint.batch import check_files
from reportlint.config import ConfigError, ConfigFinder, Settings, check_selector
from reportlint.document import Document
from reportlint.fixer import annotate, encode_like, fix_document, unified_diff, write_atomic
from reportlint.formats import FORMATS
from reportlint.formats.sarif import format_sarif
from reportlint.readers import read_document
from reportlint.rule import Diagnostic, Rule, RuleSet
from reportlint.runner import FileResult, Overrides, Runner

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class ChineseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        translated = (
            message.replace("unrecognized arguments", "无法识别的参数 (unrecognized arguments)")
            .replace("the following arguments are required", "缺少必需的参数 (required)")
            .replace("invalid choice", "无效的选项值 (invalid choice)")
            .replace("expected one argument", "需要一个参数值 (expected one argument)")
        )
        raise UsageError(f"命令行用法错误：{translated}\n运行 `{self.prog} --help` 查看用法。")


def _split_list(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(item.strip() for value in values for item in value.replace("，", ",").split(",") if item.strip())


def build_parser() -> ChineseArgumentParser:
    parser = ChineseArgumentParser(
        prog="reportlint",
        description="reportlint：中文政府工作报告质量检查工具（占位符、重复文字、空提法、合计不符、序号错误）。",
    )
    parser.add_argument("--version", action="version", version=f"reportlint {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)

    check = sub.add_parser("check", help="检查报告文件 (check files)")
    check.add_argument("paths", nargs="*", default=None, help="文件或目录；- 表示标准输入")
    check.add_argument("--select", action="append", help="只启用这些规则（代码、名称或前缀，逗号分隔）")
    check.add_argument("--extend-select", action="append", help="在配置之外再启用这些规则")
    check.add_argument("--ignore", action="append", help="停用这些规则")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="输出格式")
    check.add_argument("--config", type=Path, help="使用指定的配置文件，不再自动查找")
    check.add_argument("--stdin-filename", help="从标准输入读取时使用的文件名（用于匹配配置）")
    check.add_argument("--fix", action="store_true", help="自动修复可安全修复的问题并写回文件")
    check.add_argument("--unsafe-fixes", action="store_true", help="与 --fix/--diff 同用：也应用需人工确认的修复")
    check.add_argument("--diff", action="store_true", help="只显示修复后的差异，不写回文件")
    check.add_argument("--exit-zero", action="store_true", help="发现问题时也以 0 退出")
    check.add_argument("-q", "--quiet", action="store_true", help="只输出问题，不输出汇总")
    check.add_argument("--statistics", action="store_true", help="按规则统计问题数量")
    check.add_argument("-j", "--jobs", type=int, default=0, help="并行进程数（默认：全部 CPU 核心）")
    check.add_argument("--no-cache", action="store_true", help="不使用缓存，重新检查所有文件")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="彩色输出")

    annotate = sub.add_parser("annotate", help="生成带批注的副本：在每处问题后插入【说明】 (write an annotated copy)")
    annotate.add_argument("paths", nargs="+", help="要批注的 .txt 或 .md 文件")
    annotate.add_argument("--in-place", action="store_true", help="直接写回原文件（默认另存为 文件名.批注.txt）")
    annotate.add_argument("--select", action="append", help="只启用这些规则")
    annotate.add_argument("--ignore", action="append", help="停用这些规则")
    annotate.add_argument("--config", type=Path, help="使用指定的配置文件")

    sub.add_parser("rules", help="列出全部规则 (list rules)")
    sub.add_parser("lsp", help="启动语言服务器（供编辑器通过标准输入输出调用） (language server)")
    rule = sub.add_parser("rule", help="显示一条规则的说明 (explain a rule)")
    rule.add_argument("name", help="规则代码或名称，如 RL101 或 placeholder")
    return parser


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _iter_files(path: Path, settings: Settings) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
        for filename in sorted(filenames):
            candidate = Path(dirpath) / filename
            if candidate.suffix.lower() in settings.extensions and not filename.startswith("~$"):
                yield candidate


def collect(paths: Sequence[str], finder: ConfigFinder) -> tuple[list[Path], list[FileResult]]:
    """Expand directories; return the files to check and one error result per unusable path."""
    files: list[Path] = []
    errors: list[FileResult] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            errors.append(FileResult(raw, error=f"{raw}: 路径不存在 (no such file or directory)"))
        elif path.is_dir():
            settings = finder.for_path(path)
            found = [f for f in _iter_files(path, finder.for_path(path)) if not finder.for_path(f).is_excluded(f)]
            if not found:
                kinds = "、".join(settings.extensions)
                errors.append(FileResult(raw, error=f"{raw}: 目录中没有可检查的报告文件（{kinds}） (no files to check)"))
            files.extend(found)
        else:
            files.append(path)
    return files, errors


def run_check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    overrides = Overrides(
        select=_split_list(args.select),
        extend_select=_split_list(args.extend_select) or (),
        ignore=_split_list(args.ignore) or (),
    )
    finder = ConfigFinder(args.config)
    runner = Runner(overrides=overrides)
    paths = args.paths or ["."]
    results: list[FileResult] = []
    validated: set[int] = set()

    def settings_for(path: Path) -> Settings:
        settings = finder.for_path(path)
        if id(settings) not in validated:
            runner.validate(settings)
            validated.add(id(settings))
        return settings

    if "-" in paths and len(paths) > 1:
        raise UsageError("「-」（标准输入）不能与其他路径同时使用 (stdin must be the only path)")
    if paths == ["-"]:
        name = args.stdin_filename or "<stdin>"
        settings = settings_for(Path(args.stdin_filename or "stdin.txt").absolute())
        results.append(runner.check_bytes(sys.stdin.buffer.read(), name, settings))
    else:
        files, errors = collect(paths, finder)
        results.extend(errors)
        for path in files:
            settings_for(path)  # validate every configuration before any work starts
        jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
        results.extend(check_files(files, overrides, args.config, jobs=jobs, use_cache=not args.no_cache))
    for problem in runner.plugin_problems:
        print(f"reportlint: 警告：{problem}", file=stderr)
    if args.fix or args.diff:
        return apply_fixes_to_files(results, runner, settings_for, args, stdout, stderr)
    return report(results, args, stdout, stderr, runner.all_rules())


def apply_fixes_to_files(
    results: list[FileResult],
    runner: Runner,
    settings_for: Callable[[Path], Settings],
    args: argparse.Namespace,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """--fix writes fixed files back; --diff prints what --fix would change and writes nothing."""
    changed = 0
    fixed = 0
    for index, result in enumerate(results):
        doc = result.document
        if doc is None and not result.error and any(d.fix for d in result.diagnostics):
            doc = read_document(Path(result.path))
        if doc is None or not any(d.fix for d in result.diagnostics):
            continue
        path = Path(result.path)
        if doc.kind == "docx" or result.path in ("<stdin>", args.stdin_filename):
            print(f"reportlint: 提示：{result.path} 不能自动写回（Word 文档或标准输入），请手动修改 (fix not written)", file=stderr)
            continue
        settings = settings_for(path)

        def relint(changed_doc: Document, settings: Settings = settings, path: Path = path) -> list[Diagnostic]:
            return runner.check_document(changed_doc, settings, path)

        outcome = fix_document(doc, relint, unsafe=args.unsafe_fixes)
        if outcome.text == doc.text:
            continue
        changed += 1
        fixed += outcome.applied
        if args.diff:
            stdout.write(unified_diff(result.path, doc.text, outcome.text))
        else:
            write_atomic(path, encode_like(doc, outcome.text))
            results[index] = FileResult(result.path, outcome.remaining, document=Document(
                outcome.text, doc.path, doc.encoding, doc.newline, doc.kind))
    if args.diff:
        print(f"可修复 {fixed} 处，涉及 {changed} 个文件（未写回）。", file=stderr)
        return EXIT_FOUND if changed else (EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)
    print(f"已修复 {fixed} 处，写回 {changed} 个文件。", file=stderr)
    return report(results, args, stdout, stderr, runner.all_rules())


def report(
    results: list[FileResult],
    args: argparse.Namespace,
    stdout: TextIO,
    stderr: TextIO,
    known: RuleSet | None = None,
) -> int:
    color = _use_color(args.color, stdout)
    if args.format == "sarif":  # rule descriptors from this run's rules, plugins from config too
        text = format_sarif(results, color, known)
    else:
        text = FORMATS[args.format](results, color)
    if text:
        print(text, file=stdout)
    errors = [r for r in results if r.error]
    if args.format != "text":
        for result in errors:
            print(f"reportlint: 错误：{result.error}", file=stderr)
    found = sum(len(r.diagnostics) for r in results)
    if args.format == "text":
        if args.statistics:
            counts = Counter((d.code, d.rule) for r in results for d in r.diagnostics)
            for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
                print(f"{count:>6}  {code}  {name}", file=stdout)
        if not args.quiet:
            print(("\n" if found else "") + _summary_line(results, found), file=stdout)
    if errors:
        return EXIT_ERROR
    if found and not args.exit_zero:
        return EXIT_FOUND
    return EXIT_CLEAN


def _summary_line(results: list[FileResult], found: int) -> str:
    checked = sum(1 for r in results if not r.error)
    if not found:
        return f"未发现问题。共检查 {checked} 个文件。"
    levels = Counter(d.severity.label for r in results for d in r.diagnostics)
    detail = "，".join(f"{label} {levels[label]}" for label in ("错误", "警告", "提示") if levels[label])
    return f"共发现 {found} 个问题（{detail}），共检查 {checked} 个文件。"


def run_annotate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write a copy of each file with every diagnostic's message inserted after its span."""
    overrides = Overrides(select=_split_list(args.select), ignore=_split_list(args.ignore) or ())
    finder = ConfigFinder(args.config)
    runner = Runner(overrides=overrides)
    status = EXIT_CLEAN
    for raw in args.paths:
        path = Path(raw)
        settings = finder.for_path(path)
        runner.validate(settings)
        result = runner.check_path(path, settings)
        if result.error or result.document is None:
            print(f"reportlint: 错误：{result.error}", file=stderr)
            status = EXIT_ERROR
            continue
        doc = result.document
        if doc.kind == "docx":
            print(f"reportlint: 错误：{raw}: 暂不支持批注 Word 文档，请先另存为 .txt (docx not supported)", file=stderr)
            status = EXIT_ERROR
            continue
        target = path if args.in_place else path.with_name(f"{path.stem}.批注{path.suffix}")
        write_atomic(target, encode_like(doc, annotate(doc.text, result.diagnostics)))
        print(f"{raw}: {len(result.diagnostics)} 处批注 → {target}", file=stdout)
        if result.diagnostics and status == EXIT_CLEAN:
            status = EXIT_FOUND
    return status


def run_rules(stdout: TextIO) -> int:
    from reportlint.formats.text import display_width

    def cell(text: str, width: int) -> str:
        return text + " " * max(1, width - display_width(text))

    rules = Runner().rules
    print(cell("代码", 8) + cell("名称", 22) + cell("级别", 9) + cell("可修复", 8) + "说明", file=stdout)
    for rule in rules:
        fixable = "是" if rule.fixable else ""
        row = cell(rule.code, 8) + cell(rule.name, 22) + cell(rule.severity.value, 9) + cell(fixable, 8)
        print(row + rule.documentation().summary, file=stdout)
    return EXIT_CLEAN


def find_rule(rules: RuleSet, name: str) -> type[Rule]:
    rule = rules.by_name_or_code(name) or rules.by_name_or_code(name.upper())
    if rule is None:
        check_selector(name, rules, "rule")  # raises with a did-you-mean hint
        raise ConfigError(f"「{name}」是规则前缀而不是单条规则，请写完整的代码或名称 (not a single rule)")
    return rule


def run_rule(name: str, stdout: TextIO) -> int:
    rule = find_rule(Runner().rules, name)
    doc = rule.documentation()
    print(f"{rule.code} {rule.name}：{doc.summary}\n", file=stdout)
    print(f"默认级别：{rule.severity.value}（{rule.severity.label}）", file=stdout)
    print(f"依据：{rule.authority}", file=stdout)
    print(f"可自动修复：{'是' if rule.fixable else '否'}", file=stdout)
    if rule.data_file:
        print(f"数据文件：{rule.data_file}（可在配置 [rules.{rule.name}] 中用 extend-… 扩展）", file=stdout)
    if rule.options:
        print("选项：" + "，".join(f"{k} = {v!r}" for k, v in rule.options.items()), file=stdout)
    print(f"\n{doc.body}", file=stdout)
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "check":
            return run_check(args, stdout, stderr)
        if args.command == "annotate":
            return run_annotate(args, stdout, stderr)
        if args.command == "rules":
            return run_rules(stdout)
        if args.command == "lsp":
            from reportlint.lsp import serve_stdio

            return serve_stdio()
        if args.command == "rule":
            return run_rule(args.name, stdout)
        parser.print_help(stdout)
        return EXIT_CLEAN
    except (UsageError, ConfigError) as exc:
        print(f"reportlint: 错误：{exc}", file=stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("reportlint: 已中断 (interrupted)", file=stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
