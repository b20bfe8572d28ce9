"""A dataset folder: period folders, optional dataset.toml and series.csv.

A folder holding report.toml is a dataset of one period. A period with any
error is left out (its problems say why); the others load. Only a path that
holds no dataset at all raises `DatasetError`.

`load_dataset(path, head_bytes=N)` is a preview: every report and series file,
but of projects.csv and enterprises.csv only the rows within their first N
bytes, so a million-row roster's first screens show while the whole of it loads.
With `report_cache=FOLDER`, parsed reports are kept there between runs
(`report_cache.ReportCache`).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from econdash.core.errors import DatasetError, Problem, Severity, display_path
from econdash.core.loaders.csvfile import read_csv_table
from econdash.core.loaders.csvread import MAX_ROWS_NAMED
from econdash.core.loaders.meta import (
    DATASET_FILE,
    REPORT,
    SERIES_DIR,
    SERIES_FILE,
    dataset_children,
    holds_report,
    load_meta,
    series_files,
)
from econdash.core.loaders.numbers import shorten
from econdash.core.loaders.report import ID_PATTERN, PLAUSIBLE_YEARS, Report, id_rule
from econdash.core.loaders.report_cache import ReportCache
from econdash.core.loaders.text import link_problem
from econdash.core.loaders.validate import cross_period_warnings, period_warnings
from econdash.core.model.dataset import Dataset, PeriodData
from econdash.core.model.schema import ENTERPRISES, PROJECTS, SERIES, CsvSpec


@dataclass(frozen=True)
class _Reading:
    """How one load reads: all of each table or its first `head_bytes`; reports through
    a cache (which keeps nothing when the caller gave no folder); links followed only
    while they stay inside `inside`, the dataset's folder with its own links resolved."""

    head_bytes: int | None
    reports: ReportCache
    inside: Path

    def may_read(self, path: Path, shown: str, problems: list[Problem]) -> bool:
        """Whether the dataset's file at `path` may be read: not a link that leads outside
        the dataset, dangles or loops (that is recorded in `problems`)."""
        problem = link_problem(path, self.inside, shown)
        if problem is not None:
            problems.append(problem)
        return problem is None


def load_dataset(path: Path | str, head_bytes: int | None = None,
                 report_cache: Path | None = None) -> Dataset:
    """Load the dataset at `path` (a dataset folder or a single period folder); with
    `head_bytes`, a preview whose tables hold only their first rows (`Dataset.partial`);
    with `report_cache`, parsed reports are kept in that folder for the next load."""
    root = Path(path).expanduser()
    if root.is_file() and root.name == REPORT:
        root = root.parent
    if not root.exists():
        raise DatasetError(f"{root}: no such folder")
    if not root.is_dir():
        raise DatasetError(f"{root}: is a file; give the dataset folder that holds the "
                           "period folders (or one period folder with report.toml)")
    reading = _Reading(head_bytes, ReportCache(report_cache, root), Path(os.path.realpath(root)))
    # lexists: a report.toml that is a dangling or looping link is read, and reported
    dataset = (_load_single(root, reading) if os.path.lexists(root / REPORT)
               else _load_folder(root, reading))
    reading.reports.save()
    return dataset


def _load_single(folder: Path, reading: _Reading) -> Dataset:
    problems: list[Problem] = []
    period = _load_period(folder, folder.parent, problems, reading)
    periods = (period,) if period else ()
    return Dataset(root=folder, periods=periods, series=_empty_series(), problems=tuple(problems),
                   region=period.region if period else None,
                   partial=reading.head_bytes is not None)


def _load_folder(root: Path, reading: _Reading) -> Dataset:
    problems: list[Problem] = []
    meta = (load_meta(root, problems) if reading.may_read(root / DATASET_FILE, DATASET_FILE,
                                                           problems) else {})
    try:
        children = dataset_children(root)
    except OSError as exc:
        raise DatasetError(f"{root}: cannot be read: {exc.strerror}") from None
    folders = _period_folders(children, reading, problems)
    unreadable = {p.file.rstrip("/") for p in problems}
    for stray in (p for p in children if p.is_dir() and p not in folders
                  and p.name != SERIES_DIR and p.name not in unreadable):
        if _has_data_files(stray):
            problems.append(Problem(stray.name + "/", f"has no {REPORT}, so it is not read as "
                                    "a period", "warning"))
    series_paths = series_files(root)
    if not folders and not series_paths:
        raise DatasetError(f"{root}: no period folders found; a period folder holds {REPORT} "
                           "(see docs/dataset-format.md)")
    periods = _unique_periods([p for p in _load_periods(folders, root, problems, reading)
                               if p], root, problems)
    series = _load_all_series([p for p in series_paths
                               if reading.may_read(p, display_path(p, root), problems)],
                              root, problems)
    problems.extend(cross_period_warnings(periods, lambda p: display_path(p.folder, root) + "/"))
    return Dataset(root=root, periods=tuple(periods), series=series, problems=tuple(problems),
                   partial=reading.head_bytes is not None, **meta)


def _period_folders(children: list[Path], reading: _Reading,
                   problems: list[Problem]) -> list[Path]:
    """The dataset's entries that are period folders. A link among them is followed only
    when it stays inside the dataset; one that dangles or loops is reported (a warning:
    it may have been anything)."""
    folders = []
    for child in children:
        if child.name in (DATASET_FILE, SERIES_FILE):
            continue  # files, reported when they are read
        if child.is_symlink():
            found: list[Problem] = []
            if not reading.may_read(child, child.name, found):
                if not child.exists():
                    problems.append(replace(found[0], severity="warning",
                                            message=found[0].message + "; it is not read"))
                elif child.is_dir() and holds_report(child, []):
                    problems.append(replace(found[0], file=child.name + "/"))
                continue
        if child.is_dir() and holds_report(child, problems):
            folders.append(child)
    return folders


def _has_data_files(folder: Path) -> bool:
    try:
        return any(folder.glob("*.csv")) or any(folder.glob("*.toml"))
    except OSError:
        return False


def _load_periods(folders: list[Path], root: Path, problems: list[Problem],
                  reading: _Reading) -> list[PeriodData | None]:
    """Every period folder, in order, two at a time.

    A report is parsed in Python (holding the GIL) while polars parses another
    folder's CSVs (releasing it), so the biggest folders start first and the small
    ones are read while they parse. Problems are recorded in folder order.
    """
    def load(folder: Path) -> tuple[PeriodData | None, list[Problem]]:
        found: list[Problem] = []
        return _load_period(folder, root, found, reading), found

    if len(folders) < 2:
        results = [load(folder) for folder in folders]
    else:
        biggest_first = sorted(range(len(folders)), key=lambda i: -_data_size(folders[i]))
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="econdash-period") as pool:
            futures = {i: pool.submit(load, folders[i]) for i in biggest_first}
            results = [futures[i].result() for i in range(len(folders))]
    for _, found in results:
        problems.extend(found)
    return [period for period, _ in results]


def _data_size(folder: Path) -> int:
    """Bytes of a period folder's tables (what takes long to read)."""
    total = 0
    for name in ("projects.csv", "enterprises.csv"):
        try:
            total += (folder / name).stat().st_size
        except OSError:
            pass
    return total


def _load_period(folder: Path, base: Path, problems: list[Problem],
                 reading: _Reading) -> PeriodData | None:
    """One period folder; None (with its errors recorded) when anything is wrong."""
    shown = lambda name: display_path(folder / name, base)  # noqa: E731
    found: list[Problem] = []
    report = (reading.reports.load(folder / REPORT, shown(REPORT))
              if reading.may_read(folder / REPORT, shown(REPORT), found) else Report())
    found.extend(report.problems)
    tables, encodings = {}, {REPORT: report.encoding} if report.encoding else {}
    for name, spec in (("projects.csv", PROJECTS), ("enterprises.csv", ENTERPRISES)):
        frame, encoding = _optional_csv(folder / name, shown(name), spec, found, reading)
        tables[name.removesuffix(".csv")] = frame
        if encoding:
            encodings[name] = encoding
    found.extend(period_warnings(report.indicators, shown(REPORT)))
    problems.extend(found)
    if report.period is None or any(p.severity == "error" for p in found):
        return None
    return PeriodData(period=report.period, folder=folder, label=report.label,
                      region=report.region, source=report.source, published=report.published,
                      indicators=tuple(report.indicators), tiers=tuple(report.tiers),
                      encodings=encodings, status=report.status,
                      source_file=report.source_file, **tables)


def _optional_csv(path: Path, shown: str, spec: CsvSpec, problems: list[Problem],
                  reading: _Reading) -> tuple[pl.DataFrame, str | None]:
    # lexists: a dangling link is not an absent file (F17: it said "0 projects")
    if not os.path.lexists(path) or not reading.may_read(path, shown, problems):
        return _empty_table(spec), None
    result = read_csv_table(path, shown, spec, reading.head_bytes)
    problems.extend(result.problems)
    frame = result.frame if result.frame is not None else pl.DataFrame()
    return _with_known_columns(frame, spec), result.encoding


def _with_known_columns(frame: pl.DataFrame, spec: CsvSpec) -> pl.DataFrame:
    """Every known column present (null when absent), known ones first, extras after."""
    numeric = {c: pl.Float64 for c in spec.numbers} | {c: pl.Int64 for c in spec.integers}
    missing = [pl.lit(None, dtype=numeric.get(c, pl.String)).alias(c)
               for c in spec.known if c not in frame.columns]
    frame = frame.with_columns(missing) if missing else frame
    extras = [c for c in frame.columns if c not in spec.known]
    return frame[[*spec.known, *extras]]  # (select() took 0.15 s to parse 10,000 names)


def _unique_periods(periods: list[PeriodData], root: Path,
                    problems: list[Problem]) -> list[PeriodData]:
    """Oldest first; a second folder claiming a period already loaded is skipped."""
    kept: dict[str, PeriodData] = {}
    for period in periods:
        first = kept.get(period.id)
        if first is None:
            kept[period.id] = period
            continue
        problems.append(Problem(
            display_path(period.folder / REPORT, root),
            f"claims period {period.id} ({period.period.label_zh}), which "
            f"{display_path(first.folder, root)}/ already holds; this folder is not shown",
            "warning"))
    return sorted(kept.values(), key=lambda p: (p.period.year, p.period.last_month,
                                                -p.period.first_month))


def _load_all_series(paths: list[Path], root: Path, problems: list[Problem]) -> pl.DataFrame:
    frames = [_load_series(path, root, problems) for path in paths]
    frames = [f for f in frames if f.height]
    if not frames:
        return _empty_series()
    series = pl.concat(frames, how="diagonal_relaxed")
    # The same observation in two files (an export imported twice, say) counts once; the
    # same indicator of two regions (浙江 and 江苏 exports) is two observations.
    unique = series.unique(["indicator", "region", "year", "first_month", "last_month"],
                           keep="first", maintain_order=True)
    if unique.height < series.height:
        problems.append(Problem("series", f"{series.height - unique.height} observations appear "
                                "in more than one series file; the first one read is used",
                                "warning"))
    return unique


def _load_series(path: Path, root: Path, problems: list[Problem]) -> pl.DataFrame:
    """One series file, checked row by row (whole-column expressions); with any error
    none of its rows are used, as a period with an error is left out."""
    shown = display_path(path, root)
    result = read_csv_table(path, shown, SERIES)
    problems.extend(result.problems)
    if result.frame is None:
        return _empty_series()
    frame = _with_known_columns(result.frame, SERIES).with_columns(
        result.rows.alias("__row") if result.rows is not None else pl.lit(None, pl.Int64))
    found: list[Problem] = []
    first, last, year = pl.col("first_month"), pl.col("last_month"), pl.col("year")
    # Errors: a row that cannot be placed in time (a span that is no span, a year that
    # report.toml would refuse) or joined to its indicator (an id report.toml would
    # refuse) would draw a wrong line; so, as in report.toml, the file waits to be fixed.
    _name_series_rows(frame.filter(~(first.is_between(1, 12) & last.is_between(1, 12)
                                     & (first <= last))), shown, "first_month", found,
                      lambda r: f"months {r['first_month']}..{r['last_month']} are not a span "
                      "within 1..12 with the first not after the last")
    _name_series_rows(frame.filter(~year.is_between(*PLAUSIBLE_YEARS)), shown, "year", found,
                      lambda r: f"{r['year']} is not a plausible year (as in report.toml: "
                      f"{PLAUSIBLE_YEARS[0]}..{PLAUSIBLE_YEARS[1]})")
    _name_series_rows(frame.filter(~pl.col("indicator").str.contains(ID_PATTERN.pattern)),
                      shown, "indicator", found,
                      lambda r: f"indicator id {shorten(r['indicator'])} {id_rule(r['indicator'])}")
    # A warning: a row with neither figure holds nothing to lose, so the rest of the file
    # is used; but it is likely a slip (the figure typed in another column), so say so.
    empty = pl.col("value").is_null() & pl.col("yoy_pct").is_null()
    _name_series_rows(frame.filter(empty), shown, "value", found,
                      lambda r: "has neither value nor yoy_pct; row skipped", "warning")
    problems.extend(found)
    if any(p.severity == "error" for p in found):
        return _empty_series()
    return frame.filter(~empty).drop("__row")


def _name_series_rows(bad: pl.DataFrame, shown: str, column: str, problems: list[Problem],
                      describe, severity: Severity = "error") -> None:
    """A problem for each of the first few bad rows, then a count of the rest."""
    for row in bad.head(MAX_ROWS_NAMED).iter_rows(named=True):
        problems.append(Problem(shown, describe(row), severity, row=row["__row"], column=column))
    if bad.height > MAX_ROWS_NAMED:
        problems.append(Problem(shown, f"and {bad.height - MAX_ROWS_NAMED} more such rows "
                                f"(column {column!r})", severity, column=column))


def _empty_series() -> pl.DataFrame:
    return _empty_table(SERIES)


_EMPTY: dict[CsvSpec, pl.DataFrame] = {}


def _empty_table(spec: CsvSpec) -> pl.DataFrame:
    """A table with the spec's columns and no rows: a new frame each time (sections key
    their caches on a frame's identity), made from one template (building the columns
    costs a few milliseconds, times every period without that file)."""
    if spec not in _EMPTY:
        _EMPTY[spec] = _with_known_columns(pl.DataFrame(), spec)
    return _EMPTY[spec].clear()
