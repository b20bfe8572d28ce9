"""A parsed table turned into what the dataset holds: enterprises.csv, projects.csv rows,
or the period's indicators.

Rosters and project lists become the contract's CSV columns (mapped ones first, in the
contract's order) followed by every unmapped column under its own header. Numbers are
checked here, with the sheet's row and column in the message, so a bad cell is named
where the person typed it (not in the CSV written from it). Indicator rows become
`IndicatorRow`s, matched to the dataset's indicators by normalised name
(`table_headers.norm`: 规模以上 = 规上, full-width, 繁体) so their series continue.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import polars as pl

from econdash.core.admin.table_headers import VALUE_MONTH, norm, split_unit
from econdash.core.admin.table_parse import Table
from econdash.core.admin.table_read import problem
from econdash.core.errors import Problem
from econdash.core.loaders.numbers import number_expr
from econdash.core.model.schema import ENTERPRISES, PROJECTS, CsvSpec

MAX_NAMED = 10  # bad cells named one by one; the rest counted
YEAR = r"((?:19|20|21)\d{2})"


def build_csv(table: Table, kind: str, shown: str,
              ) -> tuple[pl.DataFrame, list[str], list[Problem]]:
    """The enterprises.csv / projects.csv frame of a roster or project list, the mapping
    used (lines to print), and the problems of its cells."""
    spec = ENTERPRISES if kind == "roster" else PROJECTS
    # A header that means another kind's column (单位 in a project list) is kept as it is.
    renames, lines = {}, []
    for i, (name, mapped) in enumerate(zip(table.names, table.mapping)):
        if name in spec.known:
            lines.append(f"{mapped.header} → {name}")
            continue
        header = mapped.header or f"column {table.sheet.column_name(i)}"
        renames[name] = header
        lines.append(f"{header} → kept as an extra column")
    body = table.body.rename(renames)
    table = Table(table.sheet, table.kind, table.mapping, body, table.header_rows,
                  [renames.get(n, n) for n in table.names])
    problems: list[Problem] = []
    for column in spec.required:
        if column not in body.columns:
            problems.append(problem(shown, table.sheet, f"no {column!r} column"))
            continue
        _name_rows(table, body.filter(pl.col(column).is_null()), column, shown, problems,
                   f"the {column!r} cell is empty (every row needs one)")
    for column in spec.numbers:
        if column in body.columns:
            bad = body.filter(number_expr(pl.col(column)).is_nan()
                              | number_expr(pl.col(column)).is_infinite())
            _name_rows(table, bad, column, shown, problems, "is not a number")
    years = [c for c in spec.integers if c in body.columns]
    body = body.with_columns(_year(pl.col(c)).alias(c) for c in years)
    for column in years:
        bad = body.filter(pl.col(column) == "?")
        _name_rows(table, bad, column, shown, problems, "holds no year (like 2022 or 2022年)")
    known = [c for c in spec.known if c in body.columns]
    extras = [c for c in body.columns if c not in spec.known and c != "__row"]
    return body.select(known + extras), lines, problems


def _year(cell: pl.Expr) -> pl.Expr:
    """2022, 2022.0, 2022年, 2022-05-01 → "2022"; other text → "?" (named as an error)."""
    found = cell.str.extract(YEAR)
    return pl.when(cell.is_null()).then(None).when(found.is_null()).then(pl.lit("?")) \
        .otherwise(found)


def _name_rows(table: Table, bad: pl.DataFrame, column: str, shown: str,
               problems: list[Problem], what: str) -> None:
    """A located problem for each of the first bad rows, then a count."""
    index = table.at(column)
    for row in bad.head(MAX_NAMED).iter_rows(named=True):
        text = f"{row[column]!r} {what}" if row[column] is not None and "empty" not in what \
            else what
        problems.append(problem(shown, table.sheet, text, column=index, row=row["__row"]))
    if bad.height > MAX_NAMED:
        problems.append(problem(shown, table.sheet, f"and {bad.height - MAX_NAMED} more such "
                                "rows", column=index))


@dataclass(frozen=True)
class IndicatorRow:
    """One row of an indicator table, matched (or not) to a known indicator."""

    row: int
    name: str
    unit: str | None
    value: float | None
    yoy_pct: float | None
    span: tuple[int, int] | None  # the figure's own months when the header names them
    rank: int | None
    note: str | None
    category: str | None
    matched: str | None  # the id of the dataset's indicator of this name


def build_indicators(table: Table, known: dict[str, str], shown: str,
                     ) -> tuple[list[IndicatorRow], list[str], list[Problem]]:
    """The table's figures, each matched by name to `known` (normalised name → id);
    also which header gave the value and the growth (for the printed mapping)."""
    mapping = table.mapping
    value_at = _pick(mapping, "value")
    yoy_at = _pick(mapping, "yoy_pct")
    used = [f"value ← {mapping[value_at].header}" if value_at is not None else "no value column",
            f"yoy_pct ← {mapping[yoy_at].header}" if yoy_at is not None else "no growth column"]
    body = table.body.with_columns(
        _number(table, value_at).alias("__value"),
        _number(table, yoy_at).alias("__yoy"),
        _number(table, _pick(mapping, "rank")).alias("__rank"),
    )
    problems: list[Problem] = []
    for field, at in (("__value", value_at), ("__yoy", yoy_at)):
        if at is not None:
            bad = body.filter(pl.col(field).is_nan() | pl.col(field).is_infinite())
            _name_rows(table, bad, table.names[at], shown, problems, "is not a number")
    span = _span(mapping, value_at, yoy_at)
    rows = []
    for record in body.filter(pl.col("indicator_name").is_not_null()).iter_rows(named=True):
        name, unit_in_name = split_unit(record["indicator_name"])
        rows.append(IndicatorRow(
            record["__row"], name, record.get("unit") or unit_in_name,
            _finite(record["__value"]), _finite(record["__yoy"]), span,
            _whole(record["__rank"]), record.get("note"), record.get("category"),
            known.get(norm(name))))
    return rows, used, problems


def _pick(mapping, column: str) -> int | None:
    """The header position giving `column`: a cumulative (1-N月, 累计) one before 本月."""
    found = [i for i, m in enumerate(mapping) if m.column == column]
    if not found:
        return None
    cumulative = [i for i in found if norm(mapping[i].header) not in VALUE_MONTH]
    return (cumulative or found)[0]


def _number(table: Table, at: int | None) -> pl.Expr:
    if at is None:
        return pl.lit(None, dtype=pl.Float64)
    return number_expr(pl.col(table.names[at]))


def _span(mapping, *positions: int | None) -> tuple[int, int] | None:
    spans = [mapping[i].span for i in positions if i is not None and mapping[i].span]
    return spans[0] if spans else None


def _finite(number: float | None) -> float | None:
    return number if number is not None and math.isfinite(number) else None


def _whole(number: float | None) -> int | None:
    return int(number) if number is not None and math.isfinite(number) \
        and number == int(number) else None


def new_indicator_id(name: str) -> str:
    """A stable id for a figure no period has yet: `xl_` + 10 hex of its normalised name."""
    return "xl_" + hashlib.sha1(norm(name).encode("utf-8")).hexdigest()[:10]


def spec_for(kind: str) -> CsvSpec:
    return ENTERPRISES if kind == "roster" else PROJECTS
