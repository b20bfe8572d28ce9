"""CSV tables (projects.csv, enterprises.csv, series.csv) read with polars.

Every cell is read as text, trimmed and NFKC-normalised, then the columns the
contract knows are checked and converted with whole-column expressions, so a
million-row file costs about what polars takes to read it. Unknown columns
are kept. Row numbers in messages count the header as row 1, as Excel does.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from econdash.errors import FileProblem, Problem, did_you_mean
from econdash.loaders.numbers import number_expr, shorten
from econdash.loaders.text import (
    FULLWIDTH_COMMA_STANDIN, FULLWIDTH_QUOTE_STANDIN, decode, nfkc_for_csv, read_bytes,
)

ROW = "\x00row"  # file row number of each record while checking; no header can be this
PARSED = "\x00parsed"  # a checked column's parsed values, beside its text
MAX_ROWS_NAMED = 5  # per column and kind of problem; the rest are counted


@dataclass(frozen=True)
class CsvSpec:
    """What the contract says about one kind of CSV file."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    integers: tuple[str, ...] = ()

    @property
    def known(self) -> tuple[str, ...]:
        """Every column the contract recognises, required first."""
        return self.required + self.optional


@dataclass
class CsvResult:
    """A checked table, its encoding, and what was found on the way."""

    frame: pl.DataFrame | None
    encoding: str | None
    problems: list[Problem] = field(default_factory=list)


def read_csv_table(path: Path, shown: str, spec: CsvSpec) -> CsvResult:
    """Read and check one CSV file; errors are returned, never raised."""
    try:
        data = read_bytes(path, shown)
        decoded = decode(data, shown)
    except FileProblem as exc:
        return CsvResult(None, None, [exc.problem])
    text, protected = nfkc_for_csv(decoded.text)
    result = CsvResult(None, decoded.encoding)
    if not text.strip():
        header = ",".join(spec.required)
        result.problems.append(Problem(shown, f"is empty; it needs at least a header row: {header}"))
        return result
    raw = _parse(text, shown, result.problems)
    if raw is None:
        if not any(p.severity == "error" for p in result.problems):
            result.problems.append(Problem(shown, "is empty; it needs at least a header row: "
                                           + ",".join(spec.required)))
        return result
    frame = _tidy(raw, protected)
    if not _check_header(frame.columns, shown, spec, result.problems):
        return result
    frame = _check_cells(frame, shown, spec, result.problems)
    if not any(p.severity == "error" for p in result.problems):
        result.frame = frame.drop(ROW)
    return result


def _parse(text: str, shown: str, problems: list[Problem]) -> pl.DataFrame | None:
    """Parse all cells as text; ragged rows are warned about and padded or cut.

    The header row is read as data and named here, so that names equal only
    after trimming, empty header cells and names polars treats specially are
    all handled with a message instead of an exception.
    """
    payload = io.BytesIO(text.encode("utf-8"))
    try:
        raw = pl.read_csv(payload, infer_schema=False, truncate_ragged_lines=True,
                          raise_if_empty=False, has_header=False)
    except pl.exceptions.PolarsError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        problems.append(Problem(shown, f"cannot be read as CSV: {first_line}"))
        return None
    if raw.height == 0:
        return None
    names = _header_names(raw.row(0), raw, shown, problems)
    if names is None:
        return None
    problems.extend(_ragged_rows(text, raw.width, shown))
    frame = raw.with_row_index(ROW, offset=1).slice(1)
    frame = frame.select(ROW, *[pl.col(old).alias(new) for old, new in names.items()])
    return frame


def _header_names(header: tuple, raw: pl.DataFrame, shown: str,
                  problems: list[Problem]) -> dict[str, str] | None:
    """Map polars' positional columns to the header's names (None on a bad header)."""
    names: dict[str, str] = {}
    seen: set[str] = set()
    duplicated: list[str] = []
    for index, (column, cell) in enumerate(zip(raw.columns, header), start=1):
        name = safe_column_name(cell or "")
        if not name:
            if raw.get_column(column).slice(1).drop_nulls().len() == 0:
                continue  # an empty trailing column Excel wrote: nothing lost
            name = f"column_{index}"
            problems.append(Problem(shown, f"column {index} has no name in the header; "
                                    f"shown as {name!r}", "warning", row=1))
        elif name != (cell or "").strip():
            problems.append(Problem(shown, f"column {cell.strip()!r} is shown as {name!r} "
                                    "(that name has a special meaning in tables)", "warning",
                                    row=1))
        if name in seen:
            duplicated.append(name)
        seen.add(name)
        names[column] = name
    for name in dict.fromkeys(duplicated):
        problems.append(Problem(shown, f"the header names column {name!r} more than once",
                                row=1))
    return None if duplicated else names


def _ragged_rows(text: str, width: int, shown: str) -> list[Problem]:
    """Warn about rows whose cell count differs from the header's.

    Counted on unquoted lines only (a quoted cell may hold commas or line
    breaks), with whole-column string operations rather than a Python loop.
    """
    lines = pl.Series("line", [text]).str.split("\n").explode().str.strip_chars_end("\r")
    table = pl.DataFrame({"line": lines}).with_row_index("row", offset=1)
    ragged = table.filter(
        (pl.col("row") > 1)
        & (pl.col("line").str.len_bytes() > 0)
        & ~pl.col("line").str.contains('"', literal=True)
        & (pl.col("line").str.count_matches(",", literal=True) + 1 != width)
    ).with_columns(cells=pl.col("line").str.count_matches(",", literal=True) + 1)
    problems = [
        Problem(shown, f"has {cells} cells but the header has {width}; "
                + ("extra cells ignored" if cells > width else "missing cells left empty"),
                severity="warning", row=row)
        for row, cells in ragged.select("row", "cells").head(MAX_ROWS_NAMED).iter_rows()
    ]
    if ragged.height > MAX_ROWS_NAMED:
        problems.append(Problem(shown, f"and {ragged.height - MAX_ROWS_NAMED} more rows with "
                                "the wrong number of cells", severity="warning"))
    return problems


def safe_column_name(name: str) -> str:
    """A header polars would read as a wildcard or regex ('*', '^a$') gets a trailing '_'."""
    name = name.strip()
    if name == "*" or (name.startswith("^") and name.endswith("$")):
        return name + "_"
    return name


def _tidy(frame: pl.DataFrame, protected: bool) -> pl.DataFrame:
    """Trim headers and cells, turn empty cells into nulls, drop blank rows."""
    text_cols = [c for c in frame.columns if c != ROW]
    cell = pl.col(text_cols).str.strip_chars()
    if protected:
        cell = (cell.str.replace_all(FULLWIDTH_COMMA_STANDIN, ",", literal=True)
                .str.replace_all(FULLWIDTH_QUOTE_STANDIN, '"', literal=True))
    frame = frame.with_columns(pl.when(cell.str.len_bytes() > 0).then(cell).otherwise(None))
    if not text_cols:
        return frame
    return frame.filter(~pl.all_horizontal(pl.col(text_cols).is_null()))


def _check_header(columns: list[str], shown: str, spec: CsvSpec, problems: list[Problem]) -> bool:
    """Required columns present; a misspelt name is pointed out once."""
    names = [c for c in columns if c != ROW]
    unknown = [c for c in names if c not in spec.known]
    missing = [c for c in spec.required if c not in names]
    explained: set[str] = set()
    for name in missing:
        match = difflib.get_close_matches(name, unknown, n=1, cutoff=0.6)
        if match:
            explained.add(match[0])
            problems.append(Problem(shown, f"required column {name!r} is missing; the header "
                                    f"has {match[0]!r}: is that a misspelling of {name!r}?",
                                    row=1, column=match[0]))
        else:
            problems.append(Problem(shown, f"required column {name!r} is missing; the header "
                                    f"has: {', '.join(names) or '(nothing)'}", row=1))
    for name in unknown:
        hint = did_you_mean(name, [k for k in spec.known if k not in names])
        if hint and name not in explained:
            problems.append(Problem(shown, f"unknown column {name!r} kept as it is{hint}",
                                    severity="warning", row=1, column=name))
    return not missing


def _check_cells(frame: pl.DataFrame, shown: str, spec: CsvSpec,
                 problems: list[Problem]) -> pl.DataFrame:
    """Required cells filled; number columns parsed; whole-number columns whole."""
    for name in spec.required:
        _name_rows(frame.filter(pl.col(name).is_null()), shown, name, "is empty", problems)
    numeric = [c for c in spec.numbers + spec.integers if c in frame.columns]
    if not numeric:
        return frame
    parsed = frame.with_columns(number_expr(pl.col(c)).alias(c) for c in numeric)
    for name in numeric:
        bad = frame.with_columns(parsed[name].alias(PARSED))
        value = pl.col(PARSED)
        too_large = value.is_infinite()
        if name in spec.integers:
            too_large = too_large | (value.abs() >= 2.0**63)  # beyond a whole-number column
        _name_rows(bad.filter(value.is_nan()), shown, name, "is not a number", problems,
                   show_value=True)
        _name_rows(bad.filter(too_large), shown, name, "is too large to be a figure", problems,
                   show_value=True)
        if name in spec.integers:
            fractional = value.is_finite() & (value != value.round(0))
            _name_rows(bad.filter(fractional), shown, name, "is not a whole number",
                       problems, show_value=True)
    ints = [c for c in spec.integers if c in frame.columns]
    return parsed.with_columns(
        pl.when(pl.col(c).is_finite()).then(pl.col(c)).otherwise(None).cast(pl.Int64, strict=False)
        for c in ints
    )


def _name_rows(bad: pl.DataFrame, shown: str, column: str, what: str,
               problems: list[Problem], show_value: bool = False) -> None:
    """One error per bad row (up to a few), then a count of the rest."""
    for row, value in bad.select(ROW, column).head(MAX_ROWS_NAMED).iter_rows():
        text = f"{shorten(value)} {what}" if show_value else what
        problems.append(Problem(shown, text, row=row, column=column))
    if bad.height > MAX_ROWS_NAMED:
        problems.append(Problem(shown, f"and {bad.height - MAX_ROWS_NAMED} more rows where "
                                f"{column!r} {what}", column=column))
