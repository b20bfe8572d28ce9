"""The comparison view (key `c`): two periods side by side, the earlier on the left.

Values, change, growth change in percentage points (个百分点), rank change,
and the honours that are new in the later period. Between different spans (1-6月
and 1-9月) no value change is shown as growth and the title says the spans differ;
`p` offers the like-for-like comparison (the same span a year earlier). Enter opens
an indicator's detail; `e` exports the comparison as shown (docs/time.md).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from econdash.core.formatting import fmt_pct_or_blank, fmt_signed
from econdash.core.i18n import tr
from econdash.core.query.compare import (
    comparable_periods,
    compare_export,
    compare_indicators,
    new_honours,
    spans_differ,
    year_earlier,
)
from econdash.tui.screens.export_dialog import ExportScreen
from econdash.tui.screens.indicator_detail import IndicatorDetailScreen
from econdash.tui.screens.localized import LocalizedScreen
from econdash.tui.state import dashboard
from econdash.tui.text import growth_style, toast
from econdash.tui.widgets.frame_table import Column, FrameTable
from econdash.tui.widgets.keybar import KeyBar


def compare_columns(lang: str) -> list[Column]:
    """Columns of the comparison table in `lang`."""
    signed = dict(format=fmt_signed, style=growth_style, align="right")
    return [
        Column("name", tr("name", lang), width=24),
        Column("unit", tr("unit", lang)),
        Column("span_a", tr("time.span_a", lang)),
        Column("span_b", tr("time.span_b", lang)),
        Column("like_span", tr("time.like_span", lang),
               format=lambda same: "" if same in (True, None) else tr("time.spans_differ", lang),
               style=lambda same: "" if same in (True, None) else "yellow"),
        Column("value_a", tr("value_a", lang), align="right"),
        Column("value_b", tr("value_b", lang), align="right"),
        Column("change", tr("change", lang), **signed),  # type: ignore[arg-type]
        Column("change_pct", tr("change_pct", lang), **signed),  # type: ignore[arg-type]
        Column("yoy_a", tr("yoy_a", lang), align="right", format=fmt_pct_or_blank),
        Column("yoy_b", tr("yoy_b", lang), align="right", format=fmt_pct_or_blank),
        Column("yoy_pp", tr("yoy_pp", lang), **signed),  # type: ignore[arg-type]
        Column("rank_a", tr("rank_a", lang), align="right"),
        Column("rank_b", tr("rank_b", lang), align="right"),
        Column("rank_change", tr("rank_change", lang), **signed),  # type: ignore[arg-type]
    ]


SPAN_COLUMNS = ("span_a", "span_b", "like_span")
"""Shown only when some indicator's spans differ between the two periods."""


class CompareScreen(LocalizedScreen):
    """Pick two periods with a / b; the later one defaults to the period shown."""

    BINDINGS = [
        Binding("a", "cycle('a')", "Earlier period"),
        Binding("b", "cycle('b')", "Later period"),
        Binding("left_square_bracket", "shift(-1)", "Both earlier", show=False),
        Binding("right_square_bracket", "shift(1)", "Both later", show=False),
        Binding("p", "like_for_like", "Year earlier"),
        Binding("e", "export", "Export"),
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
        frame = compare_indicators(a, b, lang)
        differ = spans_differ(frame)
        title.update(self._title(periods, frame, lang))
        shown = [c for c in compare_columns(lang)
                 if (c.key in ("name", "value_a", "value_b")
                     or frame[c.key].null_count() < frame.height)
                 and (differ or c.key not in SPAN_COLUMNS)]
        table.set_frame(frame, shown)
        table.focus()
        self._show_new_honours(a, b, lang)

    def _title(self, periods, frame, lang: str) -> Text:
        """The two periods, the keys, and whether (and how) their spans differ."""
        a, b = periods[self.index_a], periods[self.index_b]
        text = Text.assemble(
            (tr("compare_title", lang, a=a.title(lang), b=b.title(lang)), "bold"),
            "   ", (tr("time.compare_keys", lang), "dim"))
        if spans_differ(frame):
            text.append("\n" + tr("time.spans_differ_note", lang), style="yellow")
        earlier = year_earlier(periods, self.index_b)
        if earlier is not None and earlier != self.index_a:
            text.append("\n" + tr("time.offer_like_for_like", lang,
                                   period=periods[earlier].title(lang)), style="cyan")
        elif earlier is not None:
            text.append("\n" + tr("time.is_like_for_like", lang), style="green")
        return text

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
        """Move period A or B to the next period (wrapping), never onto the other one;
        the earlier of the two stays on the left."""
        count = len(comparable_periods(dashboard(self).dataset))
        if count < 2:
            return
        if which == "a":
            self.index_a = next_index(self.index_a, self.index_b, count)
        else:
            self.index_b = next_index(self.index_b, self.index_a, count)
        self.index_a, self.index_b = sorted((self.index_a, self.index_b))
        self.refresh_all()

    def action_like_for_like(self) -> None:
        """`p`: compare the later period with the same span a year earlier."""
        dataset = dashboard(self).dataset
        periods = comparable_periods(dataset)
        earlier = year_earlier(periods, self.index_b) if len(periods) >= 2 else None
        if earlier is None:
            toast(self.app, tr("time.no_year_earlier", dashboard(self).lang),
                  severity="warning")
            return
        self.index_a = earlier
        self.refresh_all()

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        """Enter: the indicator's detail, in the later period (else the earlier)."""
        dash = dashboard(self)
        periods = comparable_periods(dash.dataset)
        for index in (self.index_b, self.index_a):
            period = periods[index] if index < len(periods) else None
            indicator = period.indicator(event.row["id"]) if period else None
            if indicator is not None and period is not None:
                self.app.push_screen(IndicatorDetailScreen(
                    indicator, period, dash.observations, dash.lang))
                return

    def action_export(self) -> None:
        """`e`: the comparison as shown (its columns, numbers rounded as shown), in a
        file named for it: econdash-compare-2022M01-M06-vs-2022M01-M09.csv."""
        dash = dashboard(self)
        periods = comparable_periods(dash.dataset)
        table = self.query_one("#compare-table", FrameTable)
        if len(periods) < 2 or not table.display:
            toast(self.app, tr("nothing_to_export", dash.lang), severity="warning")
            return
        a, b = periods[self.index_a], periods[self.index_b]
        frame = compare_export(table.view_frame, [c.key for c in table.columns])
        stem = f"econdash-compare-{a.id}-vs-{b.id}.csv"
        title = tr("compare_title", dash.lang, a=a.title(dash.lang), b=b.title(dash.lang))
        self.app.push_screen(ExportScreen(frame, Path.cwd() / stem, title=title, brief=None))

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


def next_index(index: int, other: int, count: int) -> int:
    """The next period index after `index` (wrapping) that is not `other`."""
    step = (index + 1) % count
    return (step + 1) % count if step == other else step
