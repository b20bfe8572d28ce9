"""The base of the column dialogs (`F` counts, `i` statistics): compute over the column
at once for a small table, in a worker thread for a big one, then show the result.

A computation that fails (polars raises many kinds of error) becomes its message,
which the dialog shows instead of crashing.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from textual import work

from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.widgets.frame_table_render import Column

INLINE_ROWS = 20_000
"""Up to this many rows the dialog computes at once; above, in a worker."""


class ColumnDialog(LocalizedModalScreen):
    """A dialog about one column of a frame; subclasses say what to compute and show."""

    def __init__(self, frame: pl.DataFrame, column: Column, lang: str) -> None:
        super().__init__(classes="modal")
        self.frame, self.column, self.lang = frame, column, lang

    def start_computing(self) -> None:
        """Compute now (a small table) or in a worker (a big one); `show` gets the result."""
        if self.frame.height <= INLINE_ROWS:
            self.show_result(self._compute_safely())
        else:
            self._compute_in_worker()

    def compute(self) -> Any:
        """The result to show (subclasses)."""
        raise NotImplementedError

    def show(self, result: Any) -> None:
        """Show a result, or a failure's message when `result` is a str (subclasses)."""
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        if self.is_attached:  # (closed before the worker finished: nothing to show)
            self.show(result)

    def _compute_safely(self) -> Any:
        try:
            return self.compute()
        except Exception as error:  # polars raises many types: say so, don't crash
            return str(error)

    @work(thread=True, exclusive=True, exit_on_error=False, description="column dialog")
    def _compute_in_worker(self) -> None:
        result = self._compute_safely()
        try:
            self.app.call_from_thread(self.show_result, result)
        except Exception:
            pass  # the app is shutting down
