"""What one column of a table holds: the counts of its values (VisiData's `F`) and its
statistics (count, nulls, distinct, min, max, sum, mean, median; top values of text).

Each is one polars pass (a group_by, or one `select` of aggregates), so a million rows
answer in a few tens of milliseconds; only the aggregated rows become Python values.
Textual-free: the counts and statistics screens show these frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

VALUE, COUNT, SHARE = "value", "count", "share"
"""The columns of a counts frame: the value (the column's own type), its rows, their
fraction of all rows (0..1)."""
TOP_VALUES = 5
"""How many of the most frequent values the statistics of a column name."""


def value_counts(frame: pl.DataFrame, key: str) -> pl.DataFrame:
    """Rows per distinct value of `key` (nulls included, as one value), largest first;
    equal counts in value order (nulls last) so the order never depends on threads."""
    if key not in frame.columns:
        raise KeyError(f"unknown column: {key}")
    total = frame.height
    counts = (frame.lazy().group_by(pl.col(key).alias(VALUE))
              .agg(pl.len().cast(pl.Int64).alias(COUNT))
              .with_columns((pl.col(COUNT) / max(total, 1)).alias(SHARE))
              .sort([COUNT, VALUE], descending=[True, False], nulls_last=True))
    return counts.collect()


@dataclass(frozen=True)
class ColumnStats:
    """The statistics of one column; the number fields are None for text columns."""

    key: str
    rows: int
    count: int
    """Rows with a value (not null)."""
    nulls: int
    distinct: int
    """Distinct values, not counting null."""
    numeric: bool
    minimum: Any = None
    maximum: Any = None
    total: float | None = None
    mean: float | None = None
    median: float | None = None
    top: tuple[tuple[Any, int], ...] = ()
    """The most frequent values (not null) with their counts, largest first."""

    def items(self) -> list[tuple[str, Any]]:
        """(field name, value) in reading order: for a table of two columns."""
        fields: list[tuple[str, Any]] = [("count", self.count), ("nulls", self.nulls),
                                         ("distinct", self.distinct)]
        if self.count:
            fields += [("min", self.minimum), ("max", self.maximum)]
        if self.numeric and self.count:
            fields += [("sum", self.total), ("mean", self.mean), ("median", self.median)]
        return fields


def _is_numeric(dtype: pl.DataType) -> bool:
    return dtype.is_numeric() and dtype != pl.Boolean


def column_stats(frame: pl.DataFrame, key: str, top: int = TOP_VALUES) -> ColumnStats:
    """The statistics of column `key` of `frame` in one pass (plus a group_by for the
    top values of text)."""
    if key not in frame.columns:
        raise KeyError(f"unknown column: {key}")
    dtype = frame.schema[key]
    column = pl.col(key)
    numeric = _is_numeric(dtype)
    aggregates = [column.count().alias("count"), column.null_count().alias("nulls"),
                  column.drop_nulls().n_unique().alias("distinct")]
    if dtype != pl.Null and not isinstance(dtype, (pl.List, pl.Struct, pl.Array, pl.Object)):
        aggregates += [column.min().alias("min"), column.max().alias("max")]
    if numeric:
        aggregates += [column.sum().cast(pl.Float64).alias("sum"),
                       column.mean().alias("mean"), column.median().alias("median")]
    row = frame.select(aggregates).row(0, named=True)
    top_values: tuple[tuple[Any, int], ...] = ()
    if not numeric and row["count"]:
        counts = value_counts(frame.select(key).drop_nulls(), key).head(top)
        top_values = tuple((value, int(count)) for value, count, _ in counts.iter_rows())
    return ColumnStats(
        key=key, rows=frame.height, count=int(row["count"]), nulls=int(row["nulls"]),
        distinct=int(row["distinct"]), numeric=numeric, minimum=row.get("min"),
        maximum=row.get("max"), total=row.get("sum") if row["count"] else None,
        mean=row.get("mean"), median=row.get("median"), top=top_values)
