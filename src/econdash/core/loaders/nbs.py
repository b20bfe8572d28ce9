"""Importing a 国家统计局 (NBS, data.stats.gov.cn) CSV export as series rows.

`parse_statistics_export(path)` turns one export into a frame with exactly the
series.csv columns (see `specs.SERIES`); `is_statistics_export(path)` is the
cheap sniff for choosing this importer. Three layouts are read (their shapes
live in `nbs_layouts`): the wide monthly export (`指标,2019年12月,…`, newest
first), the English quarterly export (`Indicators,1Q 2026,…`, with unquoted
commas in names) and the transposed annual table (`,指标A,指标B` over rows
labelled `1978年`).

Decisions:
- One output row per (indicator, year, first_month, last_month). A value row
  (`…累计值`, `…, Current Quarter`) fills `value` and `unit`; a growth row
  (`…累计增长(%)`) fills `yoy_pct`; an index row (`(上年=100)`,
  `(preceding year=100)`) fills `yoy_pct = index - 100`, rounded to the
  decimals written, and no value. Rows whose names differ only by those
  suffixes share one indicator, and so one id.
- Current-quarter and accumulated rows are the SAME indicator over different
  spans (`4Q` current is months 10-12, accumulated 1-12). In the first
  quarter both mean months 1-3, so they merge into one observation; should
  the two figures differ, the first in the file is kept and a warning names
  both. The same rule holds for any two cells landing on one observation.
- Empty cells (NBS leaves January empty: it publishes January with February)
  give no observation, never 0. A cell that is not a number is skipped with
  a warning naming its line and column.
- Ids: `nbs_` + a slug of an English name (long ones end in a short hash),
  or 10 hex of sha1 of a Chinese name; stable across files and runs.
- The unit is taken from `(…)` at the end of a value row's name; when a
  file has values but no unit (the annual tables) it is left empty and one
  warning says so, rather than guessing 亿元.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from econdash.core.errors import FileProblem, Problem
from econdash.core.loaders.nbs_layouts import (
    FOOTER,
    Layout,
    RawCell,
    Row,
    find_transposed_header,
    find_wide_header,
    indicator_id,
    looks_like_export,
    parse_period,
    read_layout,
    read_metadata,
    split_name,
)
from econdash.core.loaders.numbers import number_expr
from econdash.core.loaders.text import decode, nfkc, read_bytes
from econdash.core.model.schema import SERIES

SNIFF_BYTES = 8192
MAX_CELL_WARNINGS = 10  # bad cells named one by one; the rest are counted
PUBLISHER = {False: "国家统计局", True: "National Bureau of Statistics"}
SCHEMA = dict(zip(SERIES.known, (
    pl.String, pl.Int64, pl.Int64, pl.Int64, pl.Float64, pl.String, pl.Float64,
    pl.String, pl.String, pl.String, pl.String, pl.String,
)))
Key = tuple[str, int, int, int]  # indicator, year, first_month, last_month


@dataclass(frozen=True)
class StatisticsExport:
    """One NBS export as series rows, with what its metadata rows say."""

    series: pl.DataFrame
    region: str | None
    database: str | None
    warnings: list[Problem]


@dataclass
class _Observation:
    """What is known so far about one (indicator, year, span)."""

    name: str
    value: float | None = None
    unit: str | None = None
    yoy_pct: float | None = None


def is_statistics_export(path: Path) -> bool:
    """Whether the file's first lines look like an NBS export; never raises."""
    try:
        data = read_bytes(path, str(path), SNIFF_BYTES)  # (an ordinary file, never blocks)
        if len(data) == SNIFF_BYTES and b"\n" in data:
            data = data[:data.rindex(b"\n")]  # no character cut in half at the end
        rows = _rows(decode(data, str(path)).text, str(path))
    except (OSError, FileProblem):
        return False
    return looks_like_export(rows)


def parse_statistics_export(path: Path, shown: str | None = None) -> StatisticsExport:
    """Read one export; FileProblem (and only that) when it cannot be one."""
    shown = str(path) if shown is None else shown
    rows = _rows(decode(read_bytes(path, shown), shown).text, shown)
    if not rows:
        raise FileProblem(Problem(shown, "is empty: not a statistics export"))
    layout = read_layout(rows, shown)
    meta = read_metadata(rows)
    warnings = list(layout.problems)
    observations = _observations(layout, shown, warnings)
    series = _frame(observations, layout.english, meta)
    warnings.extend(_unit_warnings(observations, shown))
    if series.is_empty():
        warnings.append(_no_figures(rows, shown))
    return StatisticsExport(series, meta.get("region"), meta.get("database"), warnings)


def _no_figures(rows: list[Row], shown: str) -> Problem:
    """Why an export gave no figures: period headers not understood, or empty cells."""
    unread = _unread_periods(rows)
    if not unread:
        return Problem(shown, "has no figures: every cell under the periods is empty or not a "
                       "number", severity="warning")
    listed = ", ".join(unread[:5]) + (f" and {len(unread) - 5} more" if len(unread) > 5 else "")
    return Problem(shown, f"has no figures econdash can read: the period headers ({listed}) "
                   "were not understood, so the figures under them were skipped; periods look "
                   "like 2019年12月, 2019年1-2月, 2019年第一季度, 1Q 2026 or 2019年",
                   severity="warning")


def _unread_periods(rows: list[Row]) -> list[str]:
    """The labels standing where periods should be that are not periods (2020年13月)."""
    at = find_wide_header(rows)
    if at is not None:
        labels = rows[at][1][1:]
    else:
        at = find_transposed_header(rows)
        body = rows[at + 1:] if at is not None else []
        end = next((i for i, (_, cells) in enumerate(body) if FOOTER.match(cells[0])), len(body))
        labels = [cells[0] for _, cells in body[:end]]
    return [label for label in labels if label and parse_period(label) is None]


def _rows(text: str, shown: str) -> list[Row]:
    """Non-blank CSV rows with the line each starts on; cells NFKC-normalised and trimmed.

    Normalising after splitting keeps a full-width comma inside its cell.
    """
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")))
    rows: list[Row] = []
    start = 1
    try:
        for cells in reader:
            tidy = [nfkc(cell).strip() for cell in cells]
            if any(tidy):
                rows.append((start, tidy))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileProblem(Problem(shown, f"cannot be read as CSV: {exc}", line=start)) from None
    return rows


def _observations(layout: Layout, shown: str, warnings: list[Problem]) -> dict[Key, _Observation]:
    """Parse every cell's number and merge the cells into observations."""
    numbers = pl.DataFrame({"text": [c.text for c in layout.cells]}, schema={"text": pl.String})
    parsed = numbers.select(number_expr(pl.col("text"))).to_series().to_list()
    observations: dict[Key, _Observation] = {}
    bad: list[Problem] = []
    for cell, number in zip(layout.cells, parsed):
        if number is None:
            continue
        if not math.isfinite(number):
            bad.append(_bad_cell(cell, number, shown))
            continue
        _add(observations, cell, number, shown, warnings)
    warnings.extend(bad[:MAX_CELL_WARNINGS])
    if len(bad) > MAX_CELL_WARNINGS:
        warnings.append(Problem(shown, f"and {len(bad) - MAX_CELL_WARNINGS} more cells that are "
                                "not numbers, skipped", severity="warning"))
    return observations


def _bad_cell(cell: RawCell, number: float, shown: str) -> Problem:
    what = "is not a number" if math.isnan(number) else "is too large to be a figure"
    return Problem(shown, f"{cell.text!r} ({cell.name}) {what}; cell skipped",
                   severity="warning", line=cell.line, column=cell.column)


def _add(observations: dict[Key, _Observation], cell: RawCell, number: float,
         shown: str, warnings: list[Problem]) -> None:
    """Put one figure into its observation: as the value, or as the yoy growth."""
    parts = split_name(cell.name)
    first, last = cell.period.span(parts.cumulative)
    key = (indicator_id(parts.base), cell.period.year, first, last)
    obs = observations.setdefault(key, _Observation(parts.base))
    if parts.measure == "value":
        if _settle(obs, "value", number, cell, key, shown, warnings):
            obs.unit = obs.unit or parts.unit
        return
    yoy = number if parts.measure == "growth" else _index_to_pct(number, cell.text)
    _settle(obs, "yoy_pct", yoy, cell, key, shown, warnings)


def _settle(obs: _Observation, field: str, number: float, cell: RawCell, key: Key,
            shown: str, warnings: list[Problem]) -> bool:
    """Set a field once; a later, different figure is warned about and dropped."""
    old = getattr(obs, field)
    if old is None:
        setattr(obs, field, number)
        return True
    if math.isclose(old, number, rel_tol=1e-9, abs_tol=1e-12):
        return True
    _, year, first, last = key
    warnings.append(Problem(
        shown, f"{obs.name} {year}年{first}-{last}月 is given twice with different figures "
        f"({old:g} and {number:g}); the first is kept",
        severity="warning", line=cell.line, column=cell.column))
    return False


def _index_to_pct(index: float, text: str) -> float:
    """105.0 (preceding year = 100) → 5.0, rounded to the decimals written (no 5.000000001)."""
    decimals = re.search(r"\.(\d+)", text)
    if decimals is None or "e" in text.lower():
        return index - 100
    return round(index - 100, min(len(decimals.group(1)), 15))


def _frame(observations: dict[Key, _Observation], english: bool,
           meta: dict[str, str]) -> pl.DataFrame:
    """The SERIES columns: indicators in file order, then by year, last and first month."""
    order: dict[str, int] = {}
    for ident, *_ in observations:
        order.setdefault(ident, len(order))
    publisher = meta.get("publisher") or PUBLISHER[english]
    category = meta.get("database") or PUBLISHER[False]
    source = " ".join(p for p in (publisher, meta.get("database"), meta.get("region")) if p)
    # The region (地区：浙江省) is part of the series: two regions' exports of the same
    # indicator are two series, side by side, never one hiding the other.
    region = meta.get("region")
    rows = [
        (ident, year, first, last, obs.value, obs.unit, obs.yoy_pct, obs.name,
         obs.name if english else None, category, source, region)
        for (ident, year, first, last), obs in sorted(
            observations.items(), key=lambda i: (order[i[0][0]], i[0][1], i[0][3], i[0][2]))
        if obs.value is not None or obs.yoy_pct is not None
    ]
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")


def _unit_warnings(observations: dict[Key, _Observation], shown: str) -> list[Problem]:
    """One warning naming the indicators whose figures come without a unit."""
    names = list(dict.fromkeys(o.name for o in observations.values()
                               if o.value is not None and o.unit is None))
    if not names:
        return []
    listed = "、".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return [Problem(shown, f"the unit is not in the file for {len(names)} indicator(s) "
                    f"({listed}); their unit is left empty: add it where these figures "
                    "are used", severity="warning")]
