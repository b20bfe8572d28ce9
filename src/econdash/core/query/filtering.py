"""Filtering and sorting tables with polars expressions (search, equality filters).

Textual-free: the FrameTable widget, the command line export and tests share
exactly one definition of "the rows the filters show".
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Sequence

import polars as pl

FEW_VALUES = 64
"""A search column with at most this many distinct values is searched through them."""
_SAMPLE_ROWS = 4096
"""Rows (spread over the frame) that decide whether a column may have few values."""


def string_columns(schema: Mapping[str, pl.DataType]) -> list[str]:
    """Columns searched by default: text-like columns."""
    return [name for name, dtype in schema.items() if _is_texty(dtype)]


def _is_texty(dtype: pl.DataType) -> bool:
    return dtype == pl.String or isinstance(dtype, (pl.Categorical, pl.Enum))


def _as_string(name: str, dtype: pl.DataType) -> pl.Expr:
    column = pl.col(name)
    return column if dtype == pl.String else column.cast(pl.String)


def needs_non_ascii(text: str) -> bool:
    """Whether every match of `text` (case-insensitive) must contain a non-ASCII character.

    True when some character of `text` is not ASCII and no case variant of it is either
    (Unicode case folding pairs a few non-ASCII letters with ASCII ones, e.g. the Kelvin
    sign with k, so those don't count).
    """
    return any(
        not char.isascii()
        and not any(c.isascii() for c in char.lower() + char.upper() + char.casefold())
        for char in text
    )


class SearchFacts:
    """What one frame's text columns can match, learnt once and shared by every search.

    - The distinct values of columns that have few (a programme, a status): a search
      tests those few values instead of every row; a column none of them matches is
      skipped, one all of them match becomes "not null", else "is one of the matches".
    - Which columns are pure ASCII: a search that needs a non-ASCII character (Chinese
      text) skips them.

    A fact about the frame holds for any subset of its rows too, so `search_expr` gives
    exactly the rows of a plain scan on the frame and on any view narrowed from it.
    `learn` scans the frame (run it off the main thread for big frames); `search_expr`
    only uses what is already known. Safe to share between threads.
    """

    def __init__(self, frame: pl.DataFrame) -> None:
        self.frame = frame
        self._lock = threading.Lock()
        self._values: dict[str, pl.Series | None] = {}  # None: too many distinct values
        self._ascii: dict[str, bool] = {}

    def values(self, name: str) -> pl.Series | None:
        """The column's distinct non-null values (as text) if known to be few."""
        with self._lock:
            return self._values.get(name)

    def ascii_only(self, name: str) -> bool:
        """True if the column is known to hold no non-ASCII character."""
        with self._lock:
            return self._ascii.get(name, False)

    def learn(self, text: str, columns: Sequence[str]) -> None:
        """Learn (once per column) what a search for `text` over `columns` can use.

        Costs about what one plain search of those columns costs, which the facts then
        save on every later search: a 1-in-N sample says which columns may have few
        values, then one parallel pass lists their values and checks the others for
        non-ASCII text (only when `text` needs it).
        """
        frame, schema = self.frame, self.frame.schema
        columns = [name for name in columns if name in schema and _is_texty(schema[name])]
        with self._lock:
            todo_values = [name for name in columns if name not in self._values]
            known = {name: self._values.get(name) for name in columns}
            todo_ascii = ([name for name in columns if name not in self._ascii]
                          if needs_non_ascii(text) else [])
        if not todo_values and not todo_ascii:
            return
        values: dict[str, pl.Series | None] = {}
        if todo_values:
            step = max(frame.height // _SAMPLE_ROWS, 1)
            sample = frame.select(
                _as_string(name, schema[name]).gather_every(step).n_unique().alias(name)
                for name in todo_values
            ).row(0, named=True)
            values = {name: None for name in todo_values if sample[name] > FEW_VALUES + 1}
        listed = [name for name in todo_values if name not in values]  # may have few
        scanned = [name for name in todo_ascii if name not in listed and known[name] is None]
        found = frame.select(
            *(_as_string(name, schema[name]).drop_nulls().unique().implode().alias(name)
              for name in listed),
            *(_ascii_expr(_as_string(name, schema[name])).all().alias(f"ascii {name}")
              for name in scanned),
        ) if listed or scanned else pl.DataFrame()
        for name in listed:
            distinct = found.get_column(name)[0].rename(name)
            values[name] = distinct if distinct.len() <= FEW_VALUES else None
        ascii_only = {name: bool(found.get_column(f"ascii {name}")[0]) for name in scanned}
        for name in todo_ascii:
            few = values.get(name, known[name])
            if name not in ascii_only and few is not None:
                ascii_only[name] = bool(few.to_frame().select(_ascii_expr(pl.col(name)).all())
                                        .item())
        with self._lock:
            self._values.update(values)
            self._ascii.update(ascii_only)


def _ascii_expr(column: pl.Expr) -> pl.Expr:
    """Per value: holds no non-ASCII character (as many bytes as characters)."""
    return column.str.len_bytes() == column.str.len_chars()


def search_expr(
    text: str,
    columns: Sequence[str],
    schema: Mapping[str, pl.DataType],
    facts: SearchFacts | None = None,
) -> pl.Expr:
    """Case-insensitive literal substring match over `columns` (any column matches).

    With `facts` (about the frame searched or one it was narrowed from), columns that
    can't match are skipped and columns with few values are matched through them.
    """
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

    non_ascii = facts is not None and needs_non_ascii(text)
    parts: list[pl.Expr] = []
    for name in columns:
        column = _as_string(name, schema[name])
        values = facts.values(name) if facts is not None else None
        if values is not None:
            matched = values.filter(values.to_frame().select(match(pl.col(name))).to_series())
            if matched.len() == values.len():
                parts.append(column.is_not_null())
            elif matched.len():
                parts.append(column.is_in(matched.implode()).fill_null(False))
        elif not (non_ascii and facts is not None and facts.ascii_only(name)):
            parts.append(match(column).fill_null(False))
    if not parts:
        return pl.lit(False)
    return pl.any_horizontal(parts)


def query_expr(
    schema: Mapping[str, pl.DataType],
    search: str,
    search_columns: Sequence[str] | None,
    filters: Mapping[str, str | None],
    facts: SearchFacts | None = None,
) -> pl.Expr | None:
    """Combine search and per-column equality filters into one predicate (None = all rows).

    `facts` (see `SearchFacts`) only makes the search cheaper; the rows are the same.
    """
    parts: list[pl.Expr] = []
    if search:
        columns = string_columns(schema) if search_columns is None else list(search_columns)
        missing = [name for name in columns if name not in schema]
        if missing:
            raise KeyError(f"unknown column(s): {', '.join(missing)}")
        parts.append(search_expr(search, columns, schema, facts))
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
