"""Headline tiles: value, unit and span, growth by sign, rank and its change, target
progress, and a trend line; selectable with the arrow keys, Enter opens one.

All tiles are drawn by one widget (a widget per tile cost about 12 ms each at start);
tiles of one row have one height. Colours come from the theme through component
classes, chosen to reach 3:1 contrast on the default themes' backgrounds
(tests/unit/test_overview_contrast.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.box import HEAVY, ROUNDED
from rich.console import Console, ConsoleOptions, RenderResult
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from econdash.core.formatting import fmt_number, fmt_number_or_blank, fmt_pct
from econdash.core.i18n import tr
from econdash.core.model.overview import Card
from econdash.core.model.period import Period
from econdash.core.query.overview_panels import card_growth, previous_rank
from econdash.core.query.trend import default_trend
from econdash.core.terms import unit_term
from econdash.tui.cells import fit_text
from econdash.tui.text import bar, fmt_rank, own_span, target_progress
from econdash.tui.widgets.overview_spark import sparkline

MIN_TILE_WIDTH = 25
"""Cells a tile needs (value, unit and span; growth and rank; a short trend line)."""
SPARK_CELLS = 10


@dataclass(frozen=True)
class TileStyles:
    """The theme's styles a tile is drawn with (plain strings in tests)."""

    up: Style | str = "green"
    down: Style | str = "red"
    rank: Style | str = "bold"
    spark: Style | str = "blue"
    mark: Style | str = "bold yellow"
    dim: Style | str = "dim"


def growth_text(pct: float | None, styles: TileStyles) -> Text:
    """'▲ +8.6%' / '▼ -1.2%' coloured by sign, '0.0%' plain, '' without growth."""
    if pct is None:
        return Text("")
    if pct > 0:
        return Text(f"▲ {fmt_pct(pct)}", style=styles.up)
    if pct < 0:
        return Text(f"▼ {fmt_pct(pct)}", style=styles.down)
    return Text(fmt_pct(pct))


def rank_change_text(now: int | None, before: int | None, lang: str,
                     styles: TileStyles) -> Text:
    """'升2位' (a better, lower rank) / '降1位' / '持平' since the previous period."""
    if now is None or before is None:
        return Text("")
    if now < before:
        return Text(tr("ov.rank_up", lang, n=before - now), style=styles.up)
    if now > before:
        return Text(tr("ov.rank_down", lang, n=now - before), style=styles.down)
    return Text(tr("ov.rank_same", lang), style=styles.dim)


def tile_lines(card: Card, period: Period, lang: str, styles: TileStyles) -> list[Text]:
    """The lines of one tile (pure, for tests): value, growth and rank, target, trend."""
    ind = card.indicator
    first = Text(fmt_number_or_blank(ind.value), style="bold")
    if ind.value is not None and ind.unit:
        first.append(f" {unit_term(ind.unit, lang)}")
    span = own_span(ind, period, lang)
    if span:
        first.append(f" ({span})", style=styles.dim)
    lines = [first]
    growth, _, computed = card_growth(card)
    second = growth_text(growth, styles)
    if computed and second.plain:
        second.append(tr("ov.computed_mark", lang), style=styles.dim)
    if ind.rank is not None:
        if second.plain:
            second.append("  ")
        second.append(fmt_rank(ind, lang), style=styles.rank)
        change = rank_change_text(ind.rank, previous_rank(card.points, ind.span), lang, styles)
        if change.plain:
            second.append(" ").append_text(change)
    if second.plain:
        lines.append(second)
    progress = target_progress(ind)
    if progress is not None:
        target = Text(tr("target", lang) + " ", style=styles.dim)
        target.append(bar(progress, 8), style=styles.spark)
        target.append(f" {progress * 100:.0f}%")
        lines.append(target)
    trend = default_trend(card.points, ind.span)
    if trend is not None:
        lines.append(trend_line(trend, ind.unit, lang, styles))
    return lines


def trend_line(trend, unit: str | None, lang: str, styles: TileStyles) -> Text:
    """'▆▅▃▁ 8.1→4.9% 累计增速': the line, its first and last values, what it draws (last,
    so a narrow tile cuts the words rather than the line)."""
    values = trend.values()
    text = sparkline(values, SPARK_CELLS, trend.current, styles.spark, styles.mark)
    if trend.is_growth:
        ends = f" {fmt_number(round(values[0], 2))}→{fmt_number(round(values[-1], 2))}%"
    else:
        ends = f" {fmt_number(values[0])}→{fmt_number(values[-1])}"
    text.append(ends)
    label = trend.label(lang) + (tr("ov.computed_mark", lang) if trend.any_computed else "")
    return text.append(" " + label, style=styles.dim)


def grid_shape(count: int, width: int) -> tuple[int, int]:
    """(columns, rows) for `count` tiles in `width` cells: as many columns as fit, then
    balanced so no row is much shorter than the others."""
    if count == 0:
        return 1, 0
    columns = max(1, min(count, width // MIN_TILE_WIDTH))
    rows = math.ceil(count / columns)
    return math.ceil(count / rows), rows


class KpiCards(Widget, can_focus=True):
    """The headline tiles as a grid of bordered panels; arrows select, Enter opens."""

    COMPONENT_CLASSES = {
        "kpi-cards--border", "kpi-cards--selected", "kpi-cards--title", "kpi-cards--up",
        "kpi-cards--down", "kpi-cards--rank", "kpi-cards--spark", "kpi-cards--mark",
        "kpi-cards--dim",
    }
    DEFAULT_CSS = """
    KpiCards { height: auto; padding: 0 1; }
    KpiCards > .kpi-cards--border { color: $primary; }
    KpiCards > .kpi-cards--selected { color: $text-accent; }
    KpiCards > .kpi-cards--title { color: $text; text-style: bold; }
    KpiCards > .kpi-cards--up { color: $text-success; text-style: bold; }
    KpiCards > .kpi-cards--down { color: $text-error; text-style: bold; }
    KpiCards > .kpi-cards--rank { color: $text-primary; text-style: bold; }
    KpiCards > .kpi-cards--spark { color: $text-primary; }
    KpiCards > .kpi-cards--mark { color: $text-warning; text-style: bold; }
    KpiCards > .kpi-cards--dim { color: $text-muted; }
    """
    BINDINGS = [
        Binding("left", "move(-1, 0)", show=False), Binding("right", "move(1, 0)", show=False),
        Binding("up", "move(0, -1)", show=False), Binding("down", "move(0, 1)", show=False),
        Binding("enter", "open", show=False),
    ]

    class Opened(Message):
        """Enter (or a click) on a tile: `index` into the cards shown."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cards: tuple[Card, ...] = ()
        self.period: Period | None = None
        self.lang = "zh"
        self.selected = 0
        self._built: list[list[Text]] | None = None  # the tiles' lines, until data or theme change

    def show(self, cards: tuple[Card, ...], period: Period, lang: str) -> None:
        """Draw these cards of `period`."""
        self.cards, self.period, self.lang = tuple(cards), period, lang
        self.selected = min(self.selected, max(len(self.cards) - 1, 0))
        self._built = None
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._built = None

    @property
    def columns(self) -> int:
        return grid_shape(len(self.cards), max(self.content_size.width, 1))[0]

    def action_move(self, dx: int, dy: int) -> None:
        """Arrows: the next tile; past the last row, on to the next panel."""
        if not self.cards:
            return
        target = self.selected + dx + dy * self.columns
        if dy > 0 and target >= len(self.cards):
            if self.selected // self.columns == (len(self.cards) - 1) // self.columns:
                self.screen.focus_next()
                return
            target = len(self.cards) - 1
        if 0 <= target < len(self.cards):
            self.selected = target
            self.refresh()

    def action_open(self) -> None:
        if self.cards:
            self.post_message(self.Opened(self.selected))

    def on_click(self, event: events.Click) -> None:
        index = self._tile_at(event.x - 1, event.y)
        if index is not None:
            self.selected = index
            self.refresh()
            if event.chain >= 2:
                self.post_message(self.Opened(index))

    def _tile_at(self, x: int, y: int) -> int | None:
        columns, heights = self.columns, self._row_heights()
        width = max(self.content_size.width, 1)
        column = min(columns - 1, max(0, x * columns // width))
        top = 0
        for row, height in enumerate(heights):
            if top <= y < top + height:
                index = row * columns + column
                return index if index < len(self.cards) else None
            top += height
        return None

    def _styles(self) -> TileStyles:
        style = self.get_component_rich_style
        return TileStyles(up=style("kpi-cards--up"), down=style("kpi-cards--down"),
                          rank=style("kpi-cards--rank"), spark=style("kpi-cards--spark"),
                          mark=style("kpi-cards--mark"), dim=style("kpi-cards--dim"))

    def _bodies(self) -> list[list[Text]]:
        if self.period is None:
            return []
        if self._built is None:
            styles = self._styles()
            self._built = [tile_lines(card, self.period, self.lang, styles)
                           for card in self.cards]
        return self._built

    def _row_heights(self) -> list[int]:
        bodies, columns = self._bodies(), self.columns
        return [max(len(body) for body in bodies[start:start + columns]) + 2
                for start in range(0, len(bodies), columns)]

    def get_content_height(self, container, viewport, width: int) -> int:
        bodies = self._bodies()
        columns = grid_shape(len(bodies), width)[0]
        return sum(max(len(b) for b in bodies[start:start + columns]) + 2
                   for start in range(0, len(bodies), columns))

    def render(self) -> _Grid:
        bodies = self._bodies()
        border = self.get_component_rich_style("kpi-cards--border")
        chosen = self.get_component_rich_style("kpi-cards--selected")
        title_style = self.get_component_rich_style("kpi-cards--title")
        columns = self.columns
        inner = max(self.content_size.width // max(columns, 1) - 4, 1)  # (borders, padding)
        panels = []
        for start in range(0, len(bodies), columns):
            row = bodies[start:start + columns]
            height = max(len(body) for body in row) + 2
            for offset, body in enumerate(row):
                index = start + offset
                focused = self.has_focus and index == self.selected
                title = fit_text(Text(self.cards[index].indicator.display_name(self.lang),
                                      style=title_style, no_wrap=True), inner - 2)
                content = Text("\n").join(fit_text(line, inner) for line in body)
                content.no_wrap, content.overflow = True, "crop"
                panels.append(Panel(content, title=title, title_align="left",
                                    box=HEAVY if focused else ROUNDED, height=height,
                                    border_style=chosen if focused else border,
                                    padding=(0, 1)))
        return _Grid(panels, columns)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class _Grid:
    """Panels in `columns` equal columns."""

    def __init__(self, panels: list[Panel], columns: int) -> None:
        self.panels, self.columns = panels, columns

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        grid = Table.grid(padding=(0, 1), expand=True)
        for _ in range(self.columns):
            grid.add_column(ratio=1)
        for start in range(0, len(self.panels), self.columns):
            row = self.panels[start:start + self.columns]
            grid.add_row(*row, *[""] * (self.columns - len(row)))
        yield grid
