"""`econdash check` on every case of the bad-input corpus (tests/data/bad/).

The table below is the spec: for each class of bad input a person can
produce, the exit code and the exact located lines `check` must print. Every
case also holds a good period (`good-2022H1/`) that must still load, and no
input may print a traceback. See tests/data/bad/README.md for the cases.

Cases marked xfail(strict=True) state the message a person SHOULD see; the
loader does not say it yet. Each case is copied into tmp_path before it is
checked, so the inputs that cannot live in git (a 1 MB cell, chmod 000, a
folder named like a file) are made there, never in the repository.
"""

from __future__ import annotations

import errno
import os
import pathlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from econdash.cli import main
from econdash.core.loaders import load_dataset

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad"
GOOD = "good-2022H1"
GOOD_LINE = ("  loaded 2022M01-M06 2022 H1 from good-2022H1/: "
             "2 indicators, 0 tiers, 0 projects, 0 honours")
LOADED = re.compile(r"^  loaded \S+ .* from (.+)/: ")
MEGABYTE = 1 << 20
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

Line = str | re.Pattern[str]
Prepare = Callable[[Path, pytest.MonkeyPatch], None]


# ---------------------------------------------------------------- making what git cannot hold

def folders_named_like_files(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder called projects.csv, and a period folder whose report.toml is a folder."""
    (root / "bad-2022FY" / "projects.csv").mkdir()
    (root / "bad-2022Q3" / "report.toml").mkdir(parents=True)


def chmod_000(relative: str) -> Prepare:
    """Really take away every permission (root can still read: those tests skip)."""
    def prepare(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        target = root / relative
        _RESTORE.append((target, target.stat().st_mode))  # given back after the test
        target.chmod(0)
    return prepare


_RESTORE: list[tuple[Path, int]] = []


@pytest.fixture(autouse=True)
def _restore_permissions():
    yield
    while _RESTORE:
        path, mode = _RESTORE.pop()
        path.chmod(mode)


def _denied(path: object) -> OSError:
    return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def simulate_unreadable_file(relative: str) -> Prepare:
    """What a non-root user meets for a chmod-000 file: stat works, opening does not."""
    def prepare(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        target = (root / relative).resolve()
        real_open = pathlib.Path.open

        real_os_open = os.open

        def open_(self, *args, **kwargs):
            if Path(self).resolve() == target:
                raise _denied(self)
            return real_open(self, *args, **kwargs)

        def os_open(path, *args, **kwargs):  # what loaders.text.read_bytes opens with
            if Path(path).resolve() == target:
                raise _denied(Path(path))
            return real_os_open(path, *args, **kwargs)
        monkeypatch.setattr(pathlib.Path, "open", open_)
        monkeypatch.setattr(os, "open", os_open)
    return prepare


def simulate_unreadable_folder(relative: str) -> Prepare:
    """What a non-root user meets for a chmod-000 folder: it can be seen, not entered."""
    def prepare(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        folder = (root / relative).resolve()

        def inside(path: object) -> bool:
            return folder in Path(os.path.abspath(os.fspath(path))).parents

        def guard(name: str, check: Callable[[object], bool]) -> None:
            real = getattr(pathlib.Path, name)

            def method(self, *args, **kwargs):
                if check(self):
                    raise _denied(self)
                return real(self, *args, **kwargs)
            monkeypatch.setattr(pathlib.Path, name, method)

        listing = lambda p: Path(os.path.abspath(os.fspath(p))) == folder  # noqa: E731
        guard("stat", inside)
        guard("open", inside)
        guard("iterdir", listing)
        guard("_scandir", listing)
    return prepare


def append_row(relative: str, row: str) -> Prepare:
    def prepare(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        with (root / relative).open("a", encoding="utf-8") as handle:
            handle.write(row)
    return prepare


# A 1 MB cell of Chinese text (3 bytes a character in UTF-8).
HUGE_TEXT = "溪" * (MEGABYTE // 3 + 1)


# ---------------------------------------------------------------- the spec

@dataclass(frozen=True)
class Case:
    """One corpus folder, what is done to its copy, and what `check` must print."""

    id: str
    exit: int
    lines: tuple[Line, ...]
    loaded: tuple[str, ...] = (GOOD,)
    folder: str = ""            # defaults to id
    prepare: Prepare | None = None
    marks: tuple = field(default=())

    @property
    def path(self) -> str:
        return self.folder or self.id


def bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def needs_non_root() -> pytest.MarkDecorator:
    return pytest.mark.skipif(IS_ROOT, reason="root can read a chmod-000 file")


R = "  bad-2022FY/report.toml"
P = "  bad-2022FY/projects.csv"
IND = "indicator 1 'above_scale_output'"

CASES: list[Case] = [
    # ---- report.toml: TOML syntax
    Case("toml-unclosed-string", 1, (
        f"{R}:7: error: TOML syntax error: the text is not closed; add the closing \" at the "
        "end of the line (column 16)",)),
    Case("toml-missing-equals", 1, (
        f"{R}:9: error: TOML syntax error: Expected '=' after a key in a key/value pair "
        "(column 7)",)),
    Case("toml-chinese-quotes", 1, (
        f"{R}:7: error: TOML syntax error: “ ” are Chinese quotes; TOML text needs straight "
        "quotes: \"...\" (column 8)",)),
    Case("toml-duplicate-key", 1, (
        f"{R}:10: error: TOML syntax error: 'value' is given twice in this table; keep one",)),

    # ---- report.toml: wrong types
    Case("wrong-type-value", 1, (
        f"{R}:9: error: {IND}, key 'value': true is not a number",)),
    Case("wrong-type-months", 1, (
        f"{R}:3: error: period, key 'months': must be two whole months like [1, 5], "
        "not '1-12'",)),
    Case("wrong-type-rank", 1, (
        f"{R}:11: error: {IND}, key 'rank': '三' is not a number",)),

    # ---- report.toml: missing and misspelt keys, wrong brackets
    Case("missing-period", 1, (
        f"{R}: error: the [period] table is missing; it says which year and months the report "
        "covers, e.g. [period] year = 2022, months = [1, 6]",)),
    Case("missing-year", 1, (
        f"{R}:1: error: period: the required key 'year' is missing",)),
    Case("indicator-missing-keys", 1, (
        f"{R}:12: error: indicator 2: the required key 'id' is missing",
        f"{R}:12: error: indicator 2: the required key 'name' is missing",
        f"{R}:12: error: indicator 2: the required key 'category' is missing")),
    Case("misspelt-yoy", 1, (
        f"{R}:11: error: {IND}, key 'yoy': unknown key (did you mean 'yoy_pct'?)",)),
    Case("misspelt-indicators-table", 1, (
        f"{R}:5: error: report, key 'indicators': unknown key (did you mean 'indicator'?)",)),
    Case("misspelt-catgory", 1, (
        f"{R}:8: error: {IND}, key 'catgory': unknown key (did you mean 'category'?)",
        f"{R}:5: error: {IND}: the required key 'category' is missing")),
    Case("period-double-brackets", 1, (
        f"{R}:1: error: period: write [period] with single brackets; a report has one period",)),
    Case("indicator-single-brackets", 1, (
        f"{R}:5: error: report, key 'indicator': must be written as [[indicator]] tables",)),
    Case("indicator-id-chinese", 1, (
        f"{R}:6: error: indicator 1 'Above Scale 产值', key 'id': must use only a-z, 0-9 and _ "
        "so it stays the same across periods (e.g. 'above_scale')",)),

    # ---- report.toml: months, years, numbers
    Case("months-reversed", 1, (
        f"{R}:3: error: period, key 'months': the first month comes after the last in "
        "[12, 1]; write [1, 12]?",)),
    Case("months-impossible", 1, (
        f"{R}:3: error: period, key 'months': months must be between 1 and 12, not [0, 13]",)),
    Case("year-out-of-range", 1, (
        f"{R}:2: error: period, key 'year': 22 is not a plausible year",)),
    Case("number-not-a-number", 1, (
        f"{R}:9: error: {IND}, key 'value': 'abc' is not a number",
        f"{R}:11: error: {IND}, key 'yoy_pct': '1,2' is not a number")),
    Case("number-overflow", 1, (
        f"{R}:9: error: {IND}, key 'value': '1e999' is too large to be a figure",
        f"{R}:11: error: {IND}, key 'target': the number is too large to be a figure")),
    Case("number-huge-integer", 1, (
        f"{R}:9: error: {IND}, key 'value': 10000000000000000000... (310 digits) is too large to be a "
        "figure",)),

    # ---- empty, binary, undecodable, unreadable
    Case("empty-report", 1, (
        f"{R}: error: the [period] table is missing; it says which year and months the report "
        "covers, e.g. [period] year = 2022, months = [1, 6]",)),
    Case("empty-projects-csv", 1, (
        f"{P}: error: is empty; it needs at least a header row: name,category",)),
    Case("binary-xlsx-as-csv", 1, (
        f"{P}:1: error: contains NUL bytes: this is a binary file (an .xlsx?), not text; save "
        "it as CSV UTF-8 or CSV from Excel",)),
    Case("nul-in-csv", 1, (
        f"{P}:3: error: contains NUL bytes: this is a binary file (an .xlsx?), not text; save "
        "it as CSV UTF-8 or CSV from Excel",)),
    Case("utf16-csv", 1, (
        f"{P}: error: is UTF-16 text (Excel's \"Unicode Text\"); save it as CSV UTF-8",)),
    Case("undecodable-csv", 1, (
        f"{P}:3: error: is neither UTF-8 nor GB18030 text (byte 0xff cannot be decoded); save "
        "it as UTF-8",)),
    Case("undecodable-report", 1, (
        f"{R}:9: error: is neither UTF-8 nor GB18030 text (byte 0x80 cannot be decoded); save "
        "it as UTF-8",)),
    Case("unreadable-file", 1, (
        f"{P}: error: cannot be read: Permission denied",),
        prepare=chmod_000("bad-2022FY/projects.csv"), marks=(needs_non_root(),)),
    Case("unreadable-file[simulated]", 1, (
        f"{P}: error: cannot be read: Permission denied",),
        folder="unreadable-file", prepare=simulate_unreadable_file("bad-2022FY/projects.csv")),
    Case("unreadable-folder", 1, (
        "  bad-2022FY/: error: cannot be read: Permission denied",),
        prepare=chmod_000("bad-2022FY"),
        marks=(needs_non_root(),)),
    Case("unreadable-folder[simulated]", 1, (
        "  bad-2022FY/: error: cannot be read: Permission denied",),
        folder="unreadable-folder", prepare=simulate_unreadable_folder("bad-2022FY")),

    # ---- CSV
    Case("ragged-rows", 0, (
        f"{P} row 2: warning: has 2 cells but the header has 3; missing cells left empty",
        f"{P} row 3: warning: has 4 cells but the header has 3; extra cells ignored"),
        loaded=(GOOD, "bad-2022FY")),
    Case("enormous-cell", 0, (), loaded=(GOOD, "bad-2022FY"),
         prepare=append_row("bad-2022FY/projects.csv", f"巨型项目,工业,1.5,{HUGE_TEXT}\n")),
    Case("csv-bad-number", 1, (
        f"{P} row 3, column 'planned_invest': error: '1e999' is too large to be a figure",
        f"{P} row 2, column 'completed_invest': error: '约3' is not a number")),
    Case("csv-misspelt-column", 1, (
        f"{P} row 1, column 'nmae': error: required column 'name' is missing; the header has "
        "'nmae': is that a misspelling of 'name'?",)),
    Case("csv-duplicate-column", 1, (
        f"{P} row 1: error: the header names column 'name' more than once",)),
    Case("csv-empty-required-cell", 1, (
        "  bad-2022FY/enterprises.csv row 3, column 'enterprise': error: is empty",
        "  bad-2022FY/enterprises.csv row 3, column 'year': error: '2021.5' is not a whole "
        "number")),
    Case("csv-semicolons", 1, (
        f"{P} row 1: error: the cells are separated by ';', not commas; save it from Excel as "
        "\"CSV UTF-8 (comma delimited)\"",)),
    Case("csv-tabs", 1, (
        f"{P} row 1: error: the cells are separated by tabs, not commas; save it from Excel as "
        "\"CSV UTF-8 (comma delimited)\"",)),
    Case("csv-cr-line-endings", 0, (), loaded=(GOOD, "bad-2022FY")),
    Case("csv-unclosed-quote", 1, (
        f"{P} row 2, column 'note': error: a quote (\") opens this cell but is never closed",)),
    Case("gb18030-fullwidth-digits", 0, (), loaded=(GOOD, "good-2022FY")),
    Case("series-months-reversed", 1, (
        "  series.csv row 3, column 'first_month': error: months 12..1 are not a span within "
        "1..12 with the first not after the last",), loaded=(GOOD, "good-2022FY")),

    # ---- the dataset's layout
    Case("file-as-period-folder", 0, ()),
    Case("folder-as-file", 1, (
        f"{P}: error: is a folder, but a file is expected here",
        "  bad-2022Q3/report.toml: error: is a folder, but a file is expected here"),
        prepare=folders_named_like_files),
    Case("duplicate-periods", 0, (
        "  good-2022H1-copy/report.toml: warning: claims period 2022M01-M06 (2022年上半年), "
        "which good-2022H1/ already holds; this folder is not shown",)),
    Case("conflicting-units", 0, (
        "  good-2022H1/, good-2022FY/: warning: indicator 'above_scale_output' has different "
        "units in different periods: '亿元' in good-2022H1/, '万元' in good-2022FY/ (its "
        "series would mix them)",), loaded=(GOOD, "good-2022FY")),
]


# ---------------------------------------------------------------- running a case

@dataclass
class Checked:
    code: int
    out: str
    err: str

    @property
    def problem_lines(self) -> list[str]:
        """The lines naming a problem: every indented line except what loaded."""
        return [line for line in self.out.splitlines()
                if line.startswith("  ") and not LOADED.match(line)
                and line != "  nothing loaded" and not line.startswith("  series.csv: ")]

    @property
    def loaded(self) -> list[str]:
        return [m.group(1) for m in map(LOADED.match, self.out.splitlines()) if m]


def copy_case(folder: str, tmp_path: Path) -> Path:
    root = tmp_path / folder
    shutil.copytree(CORPUS / folder, root)
    return root


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> Checked:
    code = main(["check", str(root)])
    captured = capsys.readouterr()
    return Checked(code, captured.out, captured.err)


def matches(line: str, expected: Line) -> bool:
    return bool(expected.fullmatch(line)) if isinstance(expected, re.Pattern) else line == expected




@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CASES])
def test_check_prints_the_located_problem(case: Case, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_case(case.path, tmp_path)
    # Simulations end before any assertion: pytest's own reporting must not be denied.
    with pytest.MonkeyPatch.context() as patch:
        if case.prepare is not None:
            case.prepare(root, patch)
        result = check(root, capsys)

    assert "Traceback" not in result.out + result.err
    assert "internal error" not in result.err, result.err
    assert result.code == case.exit, result.out + result.err
    lines = result.problem_lines
    assert len(lines) == len(case.lines), "\n".join(lines)
    for line, expected in zip(lines, case.lines):
        assert matches(line, expected), f"\n  got:  {line!r}\n  want: {expected!r}"
    assert result.loaded == list(case.loaded)
    assert GOOD_LINE in result.out.splitlines()
    errors = sum(": error: " in line for line in lines)
    warnings = sum(": warning: " in line for line in lines)
    verdict = "OK" if case.exit == 0 else "FAILED"
    assert result.out.splitlines()[-1] == f"{verdict}: {errors} error(s), {warnings} warning(s)"


# ---------------------------------------------------------------- beyond the table

def test_every_corpus_folder_is_in_the_table_and_the_readme() -> None:
    folders = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert folders == sorted({c.path for c in CASES})
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert [f for f in folders if f"`{f}`" not in readme] == []


def test_corpus_stays_small() -> None:
    big = [str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*")
           if p.is_file() and p.stat().st_size >= 10_000]
    assert big == []


def test_every_good_period_is_valid_on_its_own(tmp_path: Path) -> None:
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        for good in folder.glob("good-*"):
            dataset = load_dataset(good)
            assert dataset.problems == (), f"{good}: {dataset.problems}"
            assert len(dataset.periods) == 1


def test_gb18030_fullwidth_digits_are_read_as_numbers() -> None:
    period = load_dataset(CORPUS / "gb18030-fullwidth-digits" / "good-2022FY").periods[0]
    assert period.encodings["projects.csv"] == "gb18030"
    projects = period.projects.select("name", "planned_invest", "completed_invest",
                                      "start_year").rows()
    assert projects == [("溪口智创园", 12.5, 1234.5, 2021), ("凤麓加速器", -1.2, None, None)]


def test_enormous_text_cell_is_kept_whole(tmp_path: Path) -> None:
    root = copy_case("enormous-cell", tmp_path)
    append_row("bad-2022FY/projects.csv", f"巨型项目,工业,1.5,{HUGE_TEXT}\n")(root, None)  # type: ignore[arg-type]
    assert (root / "bad-2022FY" / "projects.csv").stat().st_size > MEGABYTE
    period = load_dataset(root).periods[1]
    assert period.projects["note"].to_list() == ["二期", HUGE_TEXT]


def test_enormous_cell_in_a_number_column_is_quoted_shortened(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_case("enormous-cell", tmp_path)
    append_row("bad-2022FY/projects.csv", f"巨型项目,工业,{HUGE_TEXT},\n")(root, None)  # type: ignore[arg-type]
    result = check(root, capsys)
    assert result.code == 1 and "Traceback" not in result.out + result.err
    assert result.problem_lines == [
        f"{P} row 3, column 'planned_invest': error: '{'溪' * 34}...' "
        f"({len(HUGE_TEXT):,} characters) is not a number"]
