"""`TableView`: which rows of a frame a table shows, decided without drawing them.

A table holds a frame and the search, filters and sort asked of it. Every change is a
request for a new view. Computing one can take long (the table runs big ones on a
worker thread), so each request carries a generation, and only the result of the
latest one is applied: a result that arrives after a newer request is stale.

While the search text grows, a request filters the view already shown instead of the
whole frame (every row matching "溪口镇" also matches "溪口"), so each keystroke gets
cheaper instead of costing a full scan.

Textual-free: `econdash.tui.widgets.frame_table.FrameTable` draws the view and runs
the work; this module says what to run and whether its result still applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from econdash.core.query.filtering import SearchFacts, compute_view, query_expr, string_columns

Filters = dict[str, str | None]
"""Column -> the value rows must equal (as text); None means no filter on that column."""
Query = tuple[str, list[str] | None, Filters]
"""(search text, columns searched or None for every text column, filters)."""
Sort = tuple[str, bool] | None
"""(column key, descending), or None for the frame's own order."""
Sorts = tuple[tuple[str, bool], ...]
"""Sort keys, first the main one, then its tie-breaks; () for the frame's own order."""
Pins = dict[str, Any]
"""Column -> the exact value (of the column's own type; None = null) rows must hold:
what picking a value in a table's counts asks, beside the screen's own filters."""


@dataclass(frozen=True, eq=False)  # eq=False: comparing would compare whole frames
class ViewRequest:
    """One requested view: everything needed to compute it, on any thread."""

    generation: int
    """Bumped per request; a result applies only if no newer request was made."""
    frame: pl.DataFrame
    """The whole frame the view is of."""
    query: Query
    sorts: Sorts
    """The sort asked for (the order of the view once applied)."""
    base: pl.DataFrame
    """The rows to filter: the frame, or the view shown when the search only grew."""
    base_sorts: Sorts
    """The sort still to apply to `base` (() when `base` is already in that order)."""
    facts: SearchFacts
    """What searches have learnt about `frame` (shared by every request of that frame)."""
    pins: Pins = field(default_factory=dict)
    """Exact values picked from the table's counts (see `Pins`)."""

    @property
    def sort(self) -> Sort:
        """The main sort key, or None."""
        return self.sorts[0] if self.sorts else None

    @property
    def shows_frame(self) -> bool:
        """No search, no filter value and no sort: the view is the frame as it is."""
        search, _, filters = self.query
        return (not search and all(v is None for v in filters.values()) and not self.sorts
                and not self.pins)

    def learn(self) -> None:
        """Learn the frame's search facts (a scan: for worker threads, big frames)."""
        search, columns, _ = self.query
        if search:
            # Once per frame: which columns have few values, which are pure ASCII.
            self.facts.learn(search, string_columns(self.base.schema) if columns is None
                             else columns)

    def compute(self) -> pl.DataFrame:
        """The view's rows; raises what polars raises (e.g. KeyError for a lost column)."""
        predicate = query_expr(self.frame.schema, *self.query, self.facts)
        if self.pins:
            pinned = pins_expr(self.pins)
            predicate = pinned if predicate is None else predicate & pinned
        return sort_view(compute_view(self.base, predicate, None), self.base_sorts)


def pins_expr(pins: Pins) -> pl.Expr:
    """Rows holding each pinned value exactly (None: the column is empty)."""
    return pl.all_horizontal(
        pl.col(key).is_null() if value is None else (pl.col(key) == value).fill_null(False)
        for key, value in pins.items())


def sort_view(view: pl.DataFrame, sorts: Sorts) -> pl.DataFrame:
    """`view` sorted by each key in turn (later keys break ties of earlier ones), nulls
    last, stable: rows equal in every key keep their order."""
    if not sorts:
        return view
    return view.sort([key for key, _ in sorts], descending=[d for _, d in sorts],
                     nulls_last=True, maintain_order=True)


class TableView:
    """The frame, search, filters and sort of one table, and the view last applied."""

    def __init__(self) -> None:
        self.frame = pl.DataFrame()
        self.view = self.frame
        """The rows on screen (filtered and sorted), of the last applied request."""
        self.facts = SearchFacts(self.frame)  # learnt by searches of this frame
        self.query: Query = ("", None, {})
        self.sorts: Sorts = ()
        self.pins: Pins = {}
        self.generation = 0
        self._requested: ViewRequest | None = None
        self._applied: ViewRequest | None = None  # the request whose view is `view`

    @property
    def settled(self) -> bool:
        """The latest request's view is the one applied (none is pending or failed)."""
        return self._applied is self._requested

    def set_frame(self, frame: pl.DataFrame, schema: pl.Schema | None = None) -> None:
        """Show `frame` next, keeping the search, filters and sort it still has columns for.

        `schema` is `frame.schema` if the caller has it (polars builds it on every access).
        """
        if frame is not self.frame:
            self.facts = SearchFacts(frame)
        self.frame = frame
        self._forget_missing_columns(frame.schema if schema is None else schema)

    def _forget_missing_columns(self, schema: pl.Schema) -> None:
        """Drop sort/search/filter parts naming columns the frame lacks."""
        search, search_columns, filters = self.query
        if search_columns is not None:
            search_columns = [name for name in search_columns if name in schema]
        filters = {name: value for name, value in filters.items() if name in schema}
        self.query = (search, search_columns, filters)
        self.sorts = tuple(key for key in self.sorts if key[0] in schema)
        self.pins = {name: value for name, value in self.pins.items() if name in schema}

    @property
    def sort(self) -> Sort:
        """The main sort key, or None."""
        return self.sorts[0] if self.sorts else None

    def set_query(self, search: str = "", search_columns: list[str] | None = None,
                  filters: Filters | None = None) -> None:
        """Ask for rows containing `search` (any of `search_columns`) and equal to `filters`."""
        self.query = (search, search_columns, dict(filters or {}))

    def sort_by(self, column_key: str | None, descending: bool = False) -> None:
        """Ask for the view sorted by a column (nulls last); None for the frame's order."""
        self.sorts = () if column_key is None else ((column_key, descending),)

    def cycle_sort(self, column_key: str) -> None:
        """The next sort of a column: ascending, then descending, then unsorted (any
        tie-break keys are dropped: `s` sorts by that one column)."""
        if self.sort is None or self.sort[0] != column_key:
            self.sort_by(column_key)
        elif not self.sort[1]:
            self.sort_by(column_key, descending=True)
        else:
            self.sort_by(None)

    def cycle_then_sort(self, column_key: str) -> None:
        """Sort also by a column, keeping the sort already asked for as the main key
        (`S`): a column not sorted yet is added as the last tie-break, ascending; a
        tie-break column turns descending, then is dropped. Without a sort, or on the
        main column, this is `cycle_sort`."""
        keys = [key for key, _ in self.sorts]
        if not keys or keys[0] == column_key:
            self.cycle_sort(column_key)
        elif column_key not in keys:
            self.sorts = (*self.sorts, (column_key, False))
        else:
            index = keys.index(column_key)
            if not self.sorts[index][1]:
                self.sorts = tuple((k, True) if i == index else (k, d)
                                   for i, (k, d) in enumerate(self.sorts))
            else:
                self.sorts = tuple(s for i, s in enumerate(self.sorts) if i != index)

    def pin(self, column_key: str, value: Any) -> None:
        """Show only rows whose `column_key` holds exactly `value` (None: is empty)."""
        self.pins = {**self.pins, column_key: value}

    def clear_pins(self) -> None:
        """Drop every picked value."""
        self.pins = {}

    def request(self) -> ViewRequest:
        """A request for the view of the current frame, query and sort; older ones go stale."""
        self.generation += 1
        base, base_sorts = self._narrowing_base()
        self._requested = ViewRequest(self.generation, self.frame, self.query, self.sorts,
                                      base, base_sorts, self.facts, dict(self.pins))
        return self._requested

    def _narrowing_base(self) -> tuple[pl.DataFrame, Sorts]:
        """Where to search from: while typing extends the search, the rows already shown.

        Filtering the view shown gives the same rows as filtering the whole frame, in
        the same (sorted) order, when only the search text grew.
        """
        applied = self._applied
        search, columns, filters = self.query
        if applied is not None:
            old_search, old_columns, old_filters = applied.query
            if (applied.frame is self.frame and old_columns == columns
                    and old_filters == filters and applied.sorts == self.sorts
                    and applied.pins == self.pins
                    and search.lower().startswith(old_search.lower())):
                return self.view, ()
        return self.frame, self.sorts

    def is_current(self, request: ViewRequest) -> bool:
        """No newer request was made since `request`."""
        return request.generation == self.generation

    def apply(self, request: ViewRequest, view: pl.DataFrame) -> bool:
        """Make `view` (computed for `request`) the view shown, unless it is stale."""
        if not self.is_current(request):
            return False
        self.view = view
        self._applied = request
        return True
