"""Filtering and sorting tables with polars expressions (search, equality filters).

Textual-free: the FrameTable widget, the command line export and tests share
exactly one definition of "the rows the filters show".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import polars as pl


def string_columns(schema: Mapping[str, pl.DataType]) -> list[str]:
    """Columns searched by default: text-like columns."""
    return [name for name, dtype in schema.items() if _is_texty(dtype)]


def _is_texty(dtype: pl.DataType) -> bool:
    return dtype == pl.String or isinstance(dtype, (pl.Categorical, pl.Enum))


def _as_string(name: str, dtype: pl.DataType) -> pl.Expr:
    column = pl.col(name)
    return column if dtype == pl.String else column.cast(pl.String)


def search_expr(text: str, columns: Sequence[str], schema: Mapping[str, pl.DataType]) -> pl.Expr:
    """Case-insensitive literal substring match over `columns` (any column matches)."""
    if text.lower() == text.upper():
        # No cased letters (digits, Chinese): a plain literal search is fastest.
        def match(expr: pl.Expr) -> pl.Expr:
            return expr.str.contains(text, literal=True)
    elif text.isascii():
        # Aho-Corasick with ASCII folding is ~2x faster than a (?i) regex.
        def match(expr: pl.Expr) -> pl.Expr:
            return expr.str.contains_any([text], ascii_case_insensitive=True)
    else:
        pattern = "(?i)" + re.escape(text)

        def match(expr: pl.Expr) -> pl.Expr:
            return expr.str.contains(pattern)

    if not columns:
        return pl.lit(False)
    return pl.any_horizontal(
        match(_as_string(name, schema[name])).fill_null(False) for name in columns
    )


def query_expr(
    schema: Mapping[str, pl.DataType],
    search: str,
    search_columns: Sequence[str] | None,
    filters: Mapping[str, str | None],
) -> pl.Expr | None:
    """Combine search and per-column equality filters into one predicate (None = all rows)."""
    parts: list[pl.Expr] = []
    if search:
        columns = string_columns(schema) if search_columns is None else list(search_columns)
        missing = [name for name in columns if name not in schema]
        if missing:
            raise KeyError(f"unknown column(s): {', '.join(missing)}")
        parts.append(search_expr(search, columns, schema))
    for name, value in filters.items():
        if value is None:
            continue
        if name not in schema:
            raise KeyError(f"unknown column: {name}")
        parts.append((_as_string(name, schema[name]) == value).fill_null(False))
    return pl.all_horizontal(parts) if parts else None


def compute_view(
    frame: pl.DataFrame, predicate: pl.Expr | None, sort: tuple[str, bool] | None
) -> pl.DataFrame:
    """Filter then sort (nulls last, stable) `frame`; cheap no-op when neither applies."""
    view = frame if predicate is None else frame.filter(predicate)
    if sort is not None:
        key, descending = sort
        view = view.sort(key, descending=descending, nulls_last=True, maintain_order=True)
    return view
