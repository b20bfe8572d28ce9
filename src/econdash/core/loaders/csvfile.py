"""CSV tables (projects.csv, enterprises.csv, series.csv) read with polars.

Every cell is read as text, trimmed and NFKC-normalised, then the columns the
contract knows are checked and converted with whole-column expressions, so a
million-row file costs about what polars takes to read it. Unknown columns
are kept. Row numbers in messages count the header as row 1, as Excel does.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from econdash.core.errors import FileProblem, Problem, did_you_mean
from econdash.core.loaders.csvread import MAX_ROWS_NAMED, ROW, read_raw
from econdash.core.loaders.numbers import TOO_LARGE, not_a_number_reason, number_expr, shorten
from econdash.core.loaders.text import read_bytes
from econdash.core.model.schema import CsvSpec

PARSED = "\x00parsed"  # a checked column's parsed values, beside its text
HINT_CUTOFF = 0.6  # errors.did_you_mean's: difflib's default
MANY_UNKNOWN = 100  # unknown columns above which they are filtered before difflib
HEADER_NAMES_SHOWN = 10  # of a header without a required column: a wrong file isn't printed
HEADER_NAME_CHARS = 30  # (nor a header that is one long line)


@dataclass
class CsvResult:
    """A checked table, its encoding, and what was found on the way."""

    frame: pl.DataFrame | None
    encoding: str | None
    problems: list[Problem] = field(default_factory=list)
    rows: pl.Series | None = None
    """The file's row number of each row of `frame` (the header is row 1; blank lines
    count), for checks made after reading that name rows."""


def read_csv_table(path: Path, shown: str, spec: CsvSpec,
                   head_bytes: int | None = None) -> CsvResult:
    """Read and check one CSV file; errors are returned, never raised.

    With `head_bytes`, only the whole lines within the file's first `head_bytes` are
    read: a preview of a big table's first rows.
    """
    try:
        data = read_bytes(path, shown, head_bytes)
    except FileProblem as exc:
        return CsvResult(None, None, [exc.problem])
    if head_bytes is not None and len(data) == head_bytes:
        # (a line-end byte is never part of a UTF-8 or GB18030 character: no character is
        # cut; CR too, for Excel for Mac's lines)
        data = data[:max(data.rfind(b"\n"), data.rfind(b"\r")) + 1]
    result = CsvResult(None, None)
    raw = read_raw(data, shown, result.problems)
    if raw is None:
        if not any(p.severity == "error" for p in result.problems):
            result.problems.append(Problem(shown, "is empty; it needs at least a header row: "
                                           + ",".join(spec.required)))
        return result
    result.encoding = raw.encoding
    frame = raw.frame
    if not _check_header(frame.columns, shown, spec, result.problems):
        return result
    frame = _check_cells(frame, shown, spec, result.problems)
    if not any(p.severity == "error" for p in result.problems):
        result.frame = frame.drop(ROW)
        result.rows = frame.get_column(ROW).cast(pl.Int64)
    return result


def _check_header(columns: list[str], shown: str, spec: CsvSpec, problems: list[Problem]) -> bool:
    """Required columns present; a misspelt name is pointed out once."""
    names = [c for c in columns if c != ROW]
    if len(names) == 1 and (";" in names[0] or "\t" in names[0]):
        separator = "';'" if ";" in names[0] else "tabs"
        problems.append(Problem(shown, f"the cells are separated by {separator}, not commas; "
                                "save it from Excel as \"CSV UTF-8 (comma delimited)\"", row=1))
        return False
    present = set(names)  # (a 10,000-column header made list lookups quadratic)
    unknown = [c for c in names if c not in spec.known]
    missing = [c for c in spec.required if c not in present]
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
                                    f"has: {_header_text(names)}", row=1))
    absent = [k for k in spec.known if k not in present]
    problems.extend(_misspelt_columns([c for c in unknown if c not in explained], absent, shown))
    return not missing


def _header_text(names: list[str]) -> str:
    """The header's first names, each cut short: enough to recognise the file."""
    cut = [name if len(name) <= HEADER_NAME_CHARS else name[:HEADER_NAME_CHARS - 1] + "…"
           for name in names[:HEADER_NAMES_SHOWN]]
    more = len(names) - len(cut)
    return (", ".join(cut) or "(nothing)") + (f" and {more} more" if more else "")


def _misspelt_columns(unknown: list[str], absent: list[str], shown: str) -> list[Problem]:
    """A warning for each unknown column that looks like a known one the header lacks
    (the first few, then a count); other unknown columns are kept without a word."""
    if not absent:
        return []
    if len(unknown) > MANY_UNKNOWN:
        unknown = _may_be_close(unknown, absent)
    hinted = [(name, hint) for name in unknown if (hint := did_you_mean(name, absent))]
    problems = [Problem(shown, f"unknown column {name!r} kept as it is{hint}",
                        severity="warning", row=1, column=name)
                for name, hint in hinted[:MAX_ROWS_NAMED]]
    if len(hinted) > MAX_ROWS_NAMED:
        problems.append(Problem(shown, f"and {len(hinted) - MAX_ROWS_NAMED} more unknown "
                                "columns whose names are close to known ones", "warning", row=1))
    return problems


def _may_be_close(names: list[str], known: list[str]) -> list[str]:
    """The names for which `did_you_mean` could find one of `known`: difflib's quick_ratio
    (the characters two names share, over their lengths) reaches its cutoff.

    An exact filter computed with whole-column expressions, so a header of 10,000
    unknown names costs milliseconds rather than seconds of difflib (F15).
    """
    column = pl.col("name")
    length = column.str.len_chars()
    close = pl.any_horizontal(
        2.0 * pl.sum_horizontal(column.str.count_matches(char, literal=True).clip(0, count)
                                for char, count in Counter(word).items())
        / (length + len(word)) >= HINT_CUTOFF
        for word in known)
    flags = pl.DataFrame({"name": names}, schema={"name": pl.String}).select(close)[:, 0]
    return [name for name, flag in zip(names, flags) if flag]


def _check_cells(frame: pl.DataFrame, shown: str, spec: CsvSpec,
                 problems: list[Problem]) -> pl.DataFrame:
    """Required cells filled; number columns parsed; whole-number columns whole."""
    for name in spec.required:
        _name_rows(frame.filter(pl.col(name).is_null()), shown, name, "is empty", problems)
    numeric = [c for c in spec.numbers + spec.integers if c in frame.columns]
    if not numeric:
        return frame
    parsed = frame.with_columns(_number_column(frame, c) for c in numeric)
    for name in numeric:
        bad = frame.with_columns(parsed[name].alias(PARSED))
        value = pl.col(PARSED)
        # (plain digits are cast without number_expr's limit: 999999999999999.99 is 1e15)
        too_large = value.is_infinite() | (value.is_finite() & (value.abs() >= TOO_LARGE))
        if name in spec.integers:
            too_large = too_large | (value.is_finite() & (value.abs() >= 2.0**63))  # beyond Int64
        _name_rows(bad.filter(value.is_nan()), shown, name, "is not a number", problems,
                   show_value=True, reason=not_a_number_reason)
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


PLAIN_NUMBER = r"^-?[0-9]{1,15}(\.[0-9]+)?$"


def _number_column(frame: pl.DataFrame, name: str) -> pl.Expr:
    """The column parsed as numbers; plain digits (the usual case) skip the report-style rules."""
    plain = frame.select((pl.col(name).is_null() | pl.col(name).str.contains(PLAIN_NUMBER))
                         .all()).item()
    column = pl.col(name)
    return (column.cast(pl.Float64) if plain else number_expr(column)).alias(name)


def _name_rows(bad: pl.DataFrame, shown: str, column: str, what: str,
               problems: list[Problem], show_value: bool = False,
               reason: Callable[[str], str] | None = None) -> None:
    """One error per bad row (up to a few), then a count of the rest. `reason` says, for
    a named value, what is wrong with it (else `what`)."""
    for row, value in bad.select(ROW, column).head(MAX_ROWS_NAMED).iter_rows():
        said = reason(value) if reason is not None and isinstance(value, str) else what
        text = f"{shorten(value)} {said}" if show_value else said
        problems.append(Problem(shown, text, row=row, column=column))
    if bad.height > MAX_ROWS_NAMED:
        problems.append(Problem(shown, f"and {bad.height - MAX_ROWS_NAMED} more rows where "
                                f"{column!r} {what}", column=column))
