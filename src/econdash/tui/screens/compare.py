"""The comparison view (key `c`): two periods side by side.

Values, change, growth change in percentage points (个百分点), rank change,
and the honours that are new in the later period.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from econdash.tui.screens.localized import LocalizedScreen
from textual.widgets import Static

from econdash.core.query.compare import comparable_periods, compare_indicators, new_honours
from econdash.core.formatting import fmt_signed
from econdash.core.i18n import tr
from econdash.tui.widgets.keybar import KeyBar
from econdash.tui.text import growth_style
from econdash.tui.widgets.frame_table import Column, FrameTable
from econdash.tui.state import dashboard


def compare_columns(lang: str) -> list[Column]:
    """Columns of the comparison table in `lang`."""
    signed = dict(format=fmt_signed, style=growth_style, align="right")
    return [
        Column("name", tr("name", lang), width=24),
        Column("unit", tr("unit", lang)),
        Column("value_a", tr("value_a", lang), align="right"),
        Column("value_b", tr("value_b", lang), align="right"),
        Column("change", tr("change", lang), **signed),  # type: ignore[arg-type]
        Column("change_pct", tr("change_pct", lang), **signed),  # type: ignore[arg-type]
        Column("yoy_a", tr("yoy_a", lang), align="right"),
        Column("yoy_b", tr("yoy_b", lang), align="right"),
        Column("yoy_pp", tr("yoy_pp", lang), **signed),  # type: ignore[arg-type]
        Column("rank_a", tr("rank_a", lang), align="right"),
        Column("rank_b", tr("rank_b", lang), align="right"),
        Column("rank_change", tr("rank_change", lang), **signed),  # type: ignore[arg-type]
    ]


class CompareScreen(LocalizedScreen):
    """Pick two periods with a / b; the later one defaults to the period shown."""

    BINDINGS = [
        Binding("a", "cycle('a')", "Earlier period"),
        Binding("b", "cycle('b')", "Later period"),
        Binding("left_square_bracket", "shift(-1)", "Both earlier", show=False),
        Binding("right_square_bracket", "shift(1)", "Both later", show=False),
        Binding("escape,c", "close", "Close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        dash = dashboard(self)
        periods = comparable_periods(dash.dataset)  # (drafts stay out until accepted)
        shown = dash.current_period
        later = periods.index(shown) if shown in periods else len(periods) - 1
        # The later period is the one shown; from the oldest, compare it with the next.
        self.index_b = max(min(later, len(periods) - 1), min(1, len(periods) - 1))
        self.index_a = max(self.index_b - 1, 0)

    def compose(self) -> ComposeResult:
        yield Static("", id="compare-title")
        yield FrameTable(id="compare-table")
        yield Static("", id="compare-honours")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_all()

    def refresh_all(self) -> None:
        """Rebuild from the two chosen periods (kept in range if a reload removed some)."""
        lang = dashboard(self).lang
        periods = comparable_periods(dashboard(self).dataset)
        last = max(len(periods) - 1, 0)
        self.index_a, self.index_b = min(self.index_a, last), min(self.index_b, last)
        title = self.query_one("#compare-title", Static)
        table = self.query_one("#compare-table", FrameTable)
        if len(periods) < 2:
            title.update(tr("need_two_periods", lang))
            table.display = False
            return
        a, b = periods[self.index_a], periods[self.index_b]
        title.update(Text.assemble(
            (tr("compare_title", lang, a=a.title(lang), b=b.title(lang)), "bold"),
            "   ", (tr("compare_keys", lang), "dim")))
        frame = compare_indicators(a, b, lang)
        shown = [c for c in compare_columns(lang)
                 if c.key in ("name", "value_a", "value_b") or frame[c.key].null_count() < frame.height]
        table.set_frame(frame, shown)
        table.focus()
        self._show_new_honours(a, b, lang)

    def _show_new_honours(self, a, b, lang: str) -> None:
        fresh = new_honours(a, b)
        name_col = "enterprise_en" if lang == "en" else "enterprise"
        text = Text(tr("new_honours", lang, count=fresh.height), style="bold")
        for row in fresh.head(8).iter_rows(named=True):
            name = row.get(name_col) or row["enterprise"]
            text.append(f"\n  {name}  {row['programme']} {row.get('level') or ''} "
                        f"{row.get('status') or ''}")
        if fresh.height > 8:
            text.append(f"\n  ... +{fresh.height - 8}")
        self.query_one("#compare-honours", Static).update(text)

    def action_cycle(self, which: str) -> None:
        """Move period A or B to the next period (wrapping)."""
        count = len(comparable_periods(dashboard(self).dataset))
        if count < 2:
            return
        if which == "a":
            self.index_a = (self.index_a + 1) % count
        else:
            self.index_b = (self.index_b + 1) % count
        self.refresh_all()

    def action_shift(self, step: int) -> None:
        """[ and ]: move both periods one step, keeping their distance."""
        count = len(comparable_periods(dashboard(self).dataset))
        a, b = self.index_a + step, self.index_b + step
        if 0 <= a < count and 0 <= b < count:
            self.index_a, self.index_b = a, b
            self.refresh_all()
        else:
            self.app.bell()

    def action_close(self) -> None:
        self.dismiss()
