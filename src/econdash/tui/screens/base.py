"""The base of every section screen: top bar, body, footer, and data refresh.

A section reads what it shows from the app (`dataset`, `current_period`,
`lang`) and rebuilds in `refresh_section()`, which the app calls when the
period or language changes and which runs when the section is shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import LoadingIndicator, Static

from econdash.core.i18n import tr
from econdash.tui.screens.localized import LocalizedScreen
from econdash.tui.state import dashboard, heading
from econdash.tui.widgets.keybar import KeyBar
from econdash.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    import polars as pl

    from econdash.core.model.dataset import PeriodData
    from econdash.tui.state import DashboardState
    from econdash.tui.widgets.frame_table import FrameTable


class SectionScreen(LocalizedScreen):
    """A dashboard section; subclasses fill `compose_body` and `refresh_section`."""

    SECTION: ClassVar[str] = ""
    EXPORT_HIDDEN: ClassVar[frozenset[str]] = frozenset()
    """Columns the section adds to its table for sorting and showing, which are not the
    data's own: left out of an export."""

    @property
    def dash(self) -> DashboardState:
        """The dashboard's state."""
        return dashboard(self)

    @property
    def lang(self) -> str:
        """The interface language."""
        return self.dash.lang

    @property
    def period(self) -> PeriodData | None:
        """The period being shown, or None before data loads."""
        return self.dash.current_period

    def compose(self) -> ComposeResult:
        yield TopBar(self.SECTION)
        with Container(id="body"):
            if not self.is_ready():  # (an animated widget: only made when it will show)
                yield LoadingIndicator(id="loading")
            yield Static("", id="no-data", classes="no-data")
            with Container(id="section"):
                yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        """The section's own widgets."""
        yield from ()

    def on_mount(self) -> None:
        self.refresh_all()

    def on_screen_resume(self) -> None:
        self.refresh_all()

    def refresh_all(self) -> None:
        """Top bar and section, or the loading / no-data state."""
        self.query_one(TopBar).show(heading(self.dash, self.lang), self.lang)
        loading = not self.is_ready()
        for indicator in self.query("#loading"):
            indicator.display = loading
        empty = not loading and not self.has_data()
        self.query_one("#no-data", Static).display = empty
        self.query_one("#no-data", Static).update(tr("no_data", self.lang))
        self.query_one("#section").display = not loading and not empty
        if not loading and not empty:
            self.refresh_section()

    def is_ready(self) -> bool:
        """Whether there is something to show yet (the dataset has loaded, or failed to)."""
        return self.dash.loaded

    def has_data(self) -> bool:
        """Whether there is a period to show."""
        return self.period is not None

    def refresh_section(self) -> None:
        """Rebuild the section's content from the app's state."""

    def export_frame(self) -> pl.DataFrame | None:
        """The rows the section's table shows (the focused one, else the first), with the
        data's own columns but those the person hid; None when the section has no table."""
        from econdash.tui.widgets.frame_table import FrameTable
        tables = [t for t in self.query(FrameTable) if t.display]
        if not tables:
            return None
        table = next((t for t in tables if t.has_focus), tables[0])
        view, hidden = table.view_frame, self.EXPORT_HIDDEN | table.hidden_columns
        return view.select([c for c in view.columns if not c.startswith("__") and c not in hidden])

    def filter_table_to(self, table: FrameTable, key: str, value: Any) -> bool:
        """A value picked in a table's counts (`F`): select it in the section's filter of
        that column, so it shows there and Esc clears it with the rest. False when no
        filter offers it (the table then keeps the value itself)."""
        from econdash.tui.widgets.filter_bar import FilterBar
        if not isinstance(value, str):
            return False
        for bar in self.query(FilterBar):
            try:
                offered = value in bar.options_of(key)
            except KeyError:  # the bar has no filter of that column
                continue
            if offered:
                bar.set_value(key, value)
                table.focus()
                return True
        return False

    def export_brief(self) -> str | None:
        """A Markdown brief to put above an exported table (None: no brief)."""
        return None
