"""Command line: `econdash` opens the dashboard; subcommands check and dump data.

This is the only module that turns errors into messages and exit codes: no
input whatsoever reaches the user as a Python traceback (set ECONDASH_DEBUG=1
to see one when reporting a bug).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence

from econdash import __version__
from econdash.cli_lang import argparse_words, cli_lang, localize_parser
from econdash.core.errors import EcondashError
from econdash.core.i18n import tr
from econdash.core.problem_text import message_text, problem_text

EXIT_OK, EXIT_FAILED, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2, 2
_LANG = "zh"  # the language of this run's messages (cli_lang.py), set by main


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for econdash and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="econdash",
        description="A terminal dashboard for a district economy bureau's work reports. "
                    "With no command, opens the dashboard.",
        epilog="Data is looked for in: --data DIR, then $ECONDASH_DATA, then your own dataset "
               "(econdash init), then the bundled 2022 H1 seed report.",
    )
    parser.add_argument("--version", action="version", version=f"econdash {__version__}")
    parser.add_argument("--data", metavar="DIR", help="dataset folder to open")
    parser.add_argument("--example", metavar="NAME",
                        help="open a bundled example dataset: three-cities (丽水/衢州/宁德 "
                        "industry 2011-2019)")
    parser.add_argument("--lang", choices=("zh", "en"),
                        help="interface language (default: the saved one, else zh)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="validate a dataset; exit 1 if it does not load",
                                description="Validate a dataset without opening the dashboard. "
                                "Exit 0 when it loads (warnings printed), 1 when it does not.")
    check.add_argument("path", nargs="?", metavar="PATH",
                       help="dataset or period folder (default: the one econdash would open)")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    dump = commands.add_parser("dump", help="print the dataset as normalised JSON",
                               description="Print the loaded dataset as JSON on stdout.")
    dump.add_argument("path", nargs="?", metavar="PATH",
                      help="dataset or period folder (default: the one econdash would open)")
    init = commands.add_parser("init", help="copy the bundled dataset to your own dataset folder",
                               description="Start your own dataset (in your user data folder) "
                               "from the bundled seed report. Refuses if one exists.")
    init.add_argument("--to", metavar="DIR", help="create it here instead")
    imp = commands.add_parser("import", help="add a period, a dataset or a statistics export",
                              description="Validate SRC, then add it to your dataset atomically. "
                              "SRC is a period folder (with report.toml), a dataset folder, or a "
                              "CSV exported from the National Bureau of Statistics data portal.")
    imp.add_argument("source", metavar="SRC")
    imp.add_argument("--replace", action="store_true",
                     help="replace a period that exists (the old folder goes to .backup/)")
    imp.add_argument("--to", metavar="DIR", help="dataset to add to (default: your dataset)")
    imp.add_argument("--period", metavar="ID", help="add a table (.xlsx, .xls, .csv) to this "
                     "period, e.g. 2022FY: a roster, a project list or an indicator table")
    imp.add_argument("--as", dest="kind", choices=("roster", "projects", "indicators"),
                     help="what the table is (default: detected from its headers)")
    imp.add_argument("--sheet", metavar="NAME", help="import only this sheet of a workbook")
    new = commands.add_parser("new-period", help="write a draft report.toml for a new period",
                              description="Create PERIOD_ID/report.toml in your dataset: a draft "
                              "with every indicator (id, names, unit, category, span pattern, "
                              "rank scope, notes) and honour tier of the latest period, figures "
                              "and counts empty. The dashboard marks it and does not open on it "
                              "while a final period exists; check lists the empty figures. "
                              "Never overwrites.")
    new.add_argument("period_id", metavar="ID", help="e.g. 2022M01-M09, 2022Q3, 2022H2, 2022FY")
    new.add_argument("--to", metavar="DIR", help="dataset to add to (default: your dataset)")
    exp = commands.add_parser("export", help="export a table to CSV, XLSX or Markdown",
                              description="Write the rows of one table of one period, as the "
                              "dashboard would show them with the same search and filters.")
    exp.add_argument("path", nargs="?", metavar="PATH",
                     help="dataset or period folder (default: the one econdash would open)")
    exp.add_argument("--period", metavar="ID", help="period id, e.g. 2022H1 (default: latest)")
    exp.add_argument("--table", choices=("indicators", "projects", "enterprises"),
                     default="indicators", help="which table")
    exp.add_argument("--format", choices=("csv", "xlsx", "md"),
                     help="default: from the file suffix of -o")
    exp.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    exp.add_argument("--search", default="", help="keep rows containing this text")
    exp.add_argument("--filter", action="append", default=[], metavar="COLUMN=VALUE",
                     help="keep rows where COLUMN equals VALUE (repeatable; COLUMN as the "
                     "dashboard or the export header names it, in either language)")
    exp.add_argument("--lang", dest="export_lang", choices=("zh", "en"),
                     help="language of the headers and of the messages")
    ext = commands.add_parser("extract", help="propose a period's figures from a report file",
                              description="Read a report (.docx, .txt, .html, .pdf), propose "
                              "each figure with its source sentence, and write a draft period.")
    ext.add_argument("report", metavar="REPORT",
                     help="the report file: .docx, .txt, .html/.htm or .pdf with a text layer")
    ext.add_argument("--period", metavar="ID", help="the period when the text does not say it, "
                     "e.g. 2022H1, 2022Q1, 2022M01-M05")
    where = ext.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="DIR", help="write a new period folder here")
    where.add_argument("--into", metavar="DATASET", help="add the draft period to this dataset")
    demo = commands.add_parser("demo-data", help="write a synthetic dataset at any scale",
                               description="Write a clearly labelled synthetic dataset, seeded.")
    demo.add_argument("out", metavar="OUT", help="folder to write (new or empty)")
    demo.add_argument("--enterprises", type=int, default=10_000,
                      help="number of enterprise honours")
    demo.add_argument("--projects", type=int, default=500, help="number of projects")
    demo.add_argument("--periods", type=int, default=12, help="number of periods")
    demo.add_argument("--indicators", type=int, default=40,
                      help="number of indicators per period")
    demo.add_argument("--seed", type=int, default=0, help="random seed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `econdash` command; returns the exit code."""
    _utf8_output()
    global _LANG
    _LANG = cli_lang(sys.argv[1:] if argv is None else argv)
    with argparse_words(_LANG):  # --help and argparse's errors in the user's language
        args = localize_parser(build_parser(), _LANG).parse_args(argv)
    handler = COMMANDS.get(args.command or "", run_dashboard)
    try:
        return handler(args)
    except EcondashError as exc:
        say(tr("cli.error", _LANG, message=message_text(exc.message, _LANG)), error=True)
        for problem in exc.problems:
            say(f"  {problem_text(problem, _LANG)}", error=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # (before OSError, its base class) `econdash dump | head`
        _silence_broken_pipe()
        return EXIT_OK
    except OSError as exc:  # disk full, permission denied ... while writing
        where = f" {exc.filename}" if exc.filename else ""
        say(tr("cli.error", _LANG, message=message_text(
            f"cannot write or read{where}: {exc.strerror or exc}", _LANG)), error=True)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("ECONDASH_DEBUG"):
            raise
        say(tr("cli.error", _LANG, message=message_text(
            f"internal error: {exc.__class__.__name__}: {exc}", _LANG)), error=True)
        say(message_text("  This is a bug in econdash; run again with ECONDASH_DEBUG=1 to see "
                         "details.", _LANG), error=True)
        return EXIT_INTERNAL


def say(*lines: str, error: bool = False) -> None:
    """Print lines for a person, each on one line whatever it quotes: control characters,
    newlines included, are made visible (`\\x1b`, `\\n`), since lines quote file names
    and data (F7: a label could otherwise retitle the terminal, clear it, fake a line)."""
    from econdash.core.safetext import visible
    stream = sys.stderr if error else sys.stdout
    stream.write("".join(visible(line) + "\n" for line in lines))


def run_check(args: argparse.Namespace) -> int:
    """`econdash check`: print what loaded and every problem; exit 0 or 1."""
    from econdash.core.output.check import check_report
    dataset, choice = _load(args.path)
    lines, ok = check_report(dataset, choice, strict=args.strict, lang=_LANG)
    say(*lines)
    return EXIT_OK if ok else EXIT_FAILED


def run_dump(args: argparse.Namespace) -> int:
    """`econdash dump`: the normalised JSON on stdout."""
    from econdash.core.output.dump import dump_json
    dataset, _ = _load(args.path)
    sys.stdout.write(dump_json(dataset) + "\n")
    return EXIT_OK


def run_init(args: argparse.Namespace) -> int:
    """`econdash init`."""
    from econdash.core.admin.importing import init_dataset
    from econdash.core.paths import user_dataset
    _print_lines(init_dataset(_target(args.to) if args.to else user_dataset()))
    return EXIT_OK


TABLE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ett", ".wps", ".wpt")


def run_import(args: argparse.Namespace) -> int:
    """`econdash import SRC`."""
    from pathlib import Path

    from econdash.core.admin.importing import import_source
    source = Path(args.source)
    if args.period or args.kind or args.sheet or source.suffix.lower() in TABLE_SUFFIXES:
        from econdash.core.admin.table_import import import_table
        if not args.period:
            raise EcondashError(f"{source}: say which period the table belongs to with "
                                "--period ID (e.g. --period 2022FY); nothing was imported")
        _print_lines(import_table(source, _target(args.to), args.period, args.kind,
                                  args.sheet, replace=args.replace))
        return EXIT_OK
    _print_lines(import_source(source, _target(args.to), replace=args.replace))
    return EXIT_OK


def run_new_period(args: argparse.Namespace) -> int:
    """`econdash new-period ID`."""
    from econdash.core.admin.importing import new_period
    _print_lines(new_period(args.period_id, _target(args.to)))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`econdash export`."""
    from pathlib import Path

    from econdash.core.output.table_export import export_table
    dataset, _ = _load(args.path)
    filters = dict(_split_filter(f) for f in args.filter)
    _print_lines(export_table(dataset, Path(args.output), period_id=args.period,
                              table=args.table, fmt=args.format, search=args.search,
                              filters=filters, lang=_LANG))
    return EXIT_OK


def _split_filter(text: str) -> tuple[str, str]:
    column, sep, value = text.partition("=")
    if not sep or not column.strip():
        raise EcondashError(tr("export.bad_filter", _LANG, text=repr(text)))
    return column.strip(), value.strip()


def run_extract(args: argparse.Namespace) -> int:
    """`econdash extract REPORT`."""
    from pathlib import Path

    from econdash.core.extract.run import extract_command
    lines, toml = extract_command(Path(args.report), args.period,
                                  Path(args.output) if args.output else None,
                                  Path(args.into) if args.into else None)
    say(*lines, error=toml is not None)
    if toml is not None:
        sys.stdout.write(toml)
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    """`econdash demo-data OUT`."""
    from pathlib import Path

    from econdash.core.admin.demo.generate import write_demo_dataset
    for name in ("enterprises", "projects", "periods", "indicators"):
        if getattr(args, name) < (1 if name == "periods" else 0):
            raise EcondashError(f"--{name} must not be negative" if name != "periods"
                                else "--periods must be at least 1")
    _print_lines(write_demo_dataset(Path(args.out), enterprises=args.enterprises,
                                    projects=args.projects, periods=args.periods,
                                    indicators=args.indicators, seed=args.seed))
    return EXIT_OK


def _target(path: str | None):
    from pathlib import Path

    from econdash.core.paths import user_dataset
    return Path(path).expanduser() if path else user_dataset()


def _print_lines(lines: list[str]) -> None:
    """Lines a command wrote in English, in the language of this run."""
    say(*(message_text(line, _LANG) for line in lines))


def run_dashboard(args: argparse.Namespace) -> int:
    """No command: open the dashboard."""
    if not _on_a_terminal():
        # Without one, Textual's driver spins at full CPU for ever (cron, nohup, a pipe).
        raise EcondashError("the dashboard needs a terminal, and this input or output is "
                            "not one; in scripts use econdash check, dump or export")
    # Until the first frame (the app turns it back on): the collector would otherwise scan
    # the objects of every module imported so far on each of its passes during the
    # imports of polars and Textual, about a tenth of a second of a start.
    gc.disable()
    from econdash.core.paths import DatasetChoice, resolve_dataset
    from econdash.core.settings import load_settings, settings_path
    from econdash.core.startup import begin
    example = _example_path(args.example)
    choice = DatasetChoice(example, "example") if example else resolve_dataset(args.data)
    # Before Textual is imported: the dataset starts loading while the interface starts.
    startup = begin(choice.path, load_settings(settings_path()).section)
    from econdash.tui.app import run_app
    return run_app(choice, lang=args.lang, startup=startup)


def _on_a_terminal() -> bool:
    """Whether both standard input and output are a terminal."""
    try:
        return sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() \
            and sys.stdout.isatty()
    except (OSError, ValueError):  # closed streams
        return False


def _example_path(name: str | None):
    """The bundled example called `name`, or an error listing the ones there are."""
    if not name:
        return None
    from econdash.core.paths import bundled_examples
    path = bundled_examples() / name
    if not path.is_dir():
        known = ", ".join(sorted(p.name for p in bundled_examples().iterdir() if p.is_dir()))
        raise EcondashError(f"no example called {name!r}; there are: {known}")
    return path


def _load(path: str | None):
    from econdash.core.loaders import load_dataset
    from econdash.core.paths import resolve_dataset
    choice = resolve_dataset(path)
    return load_dataset(choice.path), choice


def _utf8_output() -> None:
    """Chinese text must print even where the locale is not UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _silence_broken_pipe() -> None:
    """After `econdash dump | head`, don't complain while exiting."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": run_check,
    "dump": run_dump,
    "init": run_init,
    "import": run_import,
    "new-period": run_new_period,
    "export": run_export,
    "extract": run_extract,
    "demo-data": run_demo,
}
