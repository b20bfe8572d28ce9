"""Section 3, Growth: year-on-year growth of one category as a diverging bar chart,
and below it the growth of the headline figures (主要指标).

The fastest grower is on top; falls are red bars left of the zero axis. Growth the
report states is shown as stated; where it states none, growth computed from the
value of the same span a year earlier is shown marked '*' (docs/time.md). With
several periods each bar ends in its growth trend line up to the period shown.
`g` (or the select) moves to the next category; the choice survives period and
language changes while the category exists.
"""

from __future__ import annotations

from collections import Counter

import polars as pl
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Select, Static

from econdash.core.i18n import tr
from econdash.core.model.dataset import Indicator, PeriodData
from econdash.core.model.period import Period
from econdash.core.query.series import indicator_series, period_growth
from econdash.core.query.trend import trends
from econdash.tui.screens.base import SectionScreen
from econdash.tui.screens.indicator_detail import category_label
from econdash.tui.screens.indicators import set_select_options
from econdash.tui.text import literal
from econdash.tui.widgets.growth_bars import GrowthBars
from econdash.tui.widgets.trend_line import COMPUTED_MARK, trend_cell

DEFAULT_CATEGORY = "产业集群"
NEXT_CATEGORY_KEY = "g"
NO_CATEGORY = "*none*"
"""Placeholder option before data is in (a Select without blank needs one)."""


def default_category(names: list[str]) -> str | None:
    """产业集群 when the period has it, else the first category with growth figures."""
    if DEFAULT_CATEGORY in names:
        return DEFAULT_CATEGORY
    return names[0] if names else None


def common_span(indicators: list[Indicator], fallback: Period) -> Period:
    """The span most of the figures share (report order breaks ties)."""
    if not indicators:
        return fallback
    return Counter(ind.span for ind in indicators).most_common(1)[0][0]


Growth = dict[str, tuple[float, bool]]
"""Indicator id → (growth %, computed), as `core.query.series.period_growth` gives."""


def growth_categories(period: PeriodData, growth: Growth) -> list[str]:
    """Categories with at least one growth rate (stated or computed), report order."""
    return list(dict.fromkeys(i.category for i in period.indicators if i.id in growth))


def fastest_first(indicators: list[Indicator], growth: Growth) -> list[Indicator]:
    """The indicators that have a growth rate, fastest first."""
    return sorted((i for i in indicators if i.id in growth),
                  key=lambda i: growth[i.id][0], reverse=True)


def growth_items(indicators: list[Indicator], span: Period, lang: str,
                 growth: Growth | None = None) -> list[tuple[str, float]]:
    """(name, growth) rows in the given order; a figure of another span says which.
    Computed growth is rounded to one decimal, as reports state growth."""
    items = []
    for ind in indicators:
        name = ind.display_name(lang)
        if ind.span != span:
            name += tr("span_of", lang, span=ind.span.span(lang))
        rate, computed = growth[ind.id] if growth else (float(ind.yoy_pct), False)  # type: ignore[arg-type]
        items.append((name, round(rate, 1) if computed else rate))
    return items


def growth_marks(indicators: list[Indicator], growth: Growth) -> list[str]:
    """'*' after each computed rate."""
    return [COMPUTED_MARK if growth[i.id][1] else "" for i in indicators]


def growth_tails(indicators: list[Indicator], obs: pl.DataFrame | None,
                 lang: str) -> list[str]:
    """Each indicator's growth trend up to its span ('' without one)."""
    if obs is None:
        return [""] * len(indicators)
    tails = []
    for ind in indicators:
        points = indicator_series(obs, ind)
        line = next((t for t in trends(points, ind.span) if t.is_growth), None)
        tails.append(trend_cell(line, lang))
    return tails


class GrowthScreen(SectionScreen):
    """Growth rates of one category, fastest first."""

    SECTION = "growth"
    AUTO_FOCUS = "#growth-scroll"
    # `g`, as keys.py has it (`c` is the app-wide Compare).
    BINDINGS = [Binding(NEXT_CATEGORY_KEY, "next_category", "Category")]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.category: str | None = None
        self._options_key: tuple[str, tuple[str, ...]] | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filter-bar", id="growth-filter-bar"):
            yield Select([("-", NO_CATEGORY)], compact=True, allow_blank=False,
                         id="growth-category")
            yield Static("", id="growth-hint")
        yield Static("", id="growth-title")
        with VerticalScroll(id="growth-scroll"):
            yield GrowthBars(id="growth-bars")
            yield Static("", id="growth-headline-title")
            yield GrowthBars(id="growth-headline-bars")
        yield Static("", id="growth-note", classes="status-line")
        yield Static("", id="growth-empty", classes="no-data")

    @property
    def category_select(self) -> Select:
        return self.query_one("#growth-category", Select)

    @property
    def bars(self) -> GrowthBars:
        return self.query_one("#growth-bars", GrowthBars)

    @property
    def headline_bars(self) -> GrowthBars:
        return self.query_one("#growth-headline-bars", GrowthBars)

    def growth(self, period: PeriodData) -> Growth:
        """The period's growth rates, stated or computed (cached per period and data)."""
        key = (id(period), id(self.dash.observations))
        if getattr(self, "_growth_key", None) != key:
            self._growth_key = key
            self._growth = period_growth(period, self.dash.observations)
        return self._growth

    def refresh_section(self) -> None:
        period = self.period
        assert period is not None
        lang = self.lang
        names = growth_categories(period, self.growth(period))
        empty = not names
        for selector in ("#growth-filter-bar", "#growth-title", "#growth-scroll", "#growth-note"):
            self.query_one(selector).display = not empty
        self.query_one("#growth-empty", Static).display = empty
        if empty:
            self.query_one("#growth-empty", Static).update(tr("no_growth_period", lang))
            self.category = None
            self.bars.set_items([])
            self.headline_bars.set_items([])
            return
        if self.category not in names:
            self.category = default_category(names)
        self._refresh_options(names, lang)
        hint = Text()
        hint.append(NEXT_CATEGORY_KEY, style="bold")
        hint.append(" " + tr("key.category", lang), style="dim")
        self.query_one("#growth-hint", Static).update(hint)
        self._draw(period, lang)

    def _refresh_options(self, names: list[str], lang: str) -> None:
        select = self.category_select
        key = (lang, tuple(names))
        if key != self._options_key:
            self._options_key = key
            set_select_options(select, [(category_label(name, lang), name) for name in names],
                               self.category or names[0])
        elif select.value != self.category:
            select.value = self.category

    def _draw(self, period: PeriodData, lang: str) -> None:
        category = self.category
        assert category is not None
        growth = self.growth(period)
        obs = self.dash.observations
        indicators = fastest_first([i for i in period.indicators if i.category == category],
                                   growth)
        span = common_span(indicators, period.period)
        title = Text(tr("growth_title", lang, category=category_label(category, lang)),
                     style="bold")
        title.append(tr("span_of", lang, span=span.span(lang)), style="bold")
        self.query_one("#growth-title", Static).update(title)
        self.bars.set_items(growth_items(indicators, span, lang, growth),
                            marks=growth_marks(indicators, growth),
                            tails=growth_tails(indicators, obs, lang))
        headline = self._draw_headline(period, category, growth, lang)
        shown = indicators + headline
        spans = list(dict.fromkeys(ind.span for ind in shown))
        spans.sort(key=lambda s: s != span)  # the common span first
        sep = ", " if lang == "en" else "、"
        note = tr("growth_note", lang, span=sep.join(s.label(lang) for s in spans),
                  source=period.source or period.title(lang))
        text = literal(note)
        if any(growth[i.id][1] for i in shown):
            text.append("\n" + tr("time.computed_note", lang), style="yellow")
        self.query_one("#growth-note", Static).update(text)
        if len(indicators) == 0:
            self.query_one("#growth-note", Static).update(tr("no_growth", lang))

    def _draw_headline(self, period: PeriodData, category: str, growth: Growth,
                       lang: str) -> list[Indicator]:
        """The headline figures' growth under the category's (unless they are the same
        bars); returns the indicators drawn."""
        headline = fastest_first([i for i in period.indicators if i.headline], growth)
        if all(i.category == category for i in headline):
            headline = []
        title = self.query_one("#growth-headline-title", Static)
        title.display = self.headline_bars.display = bool(headline)
        # Two charts share the scroll: rows stay together so both fit on one screen.
        self.bars.compact = self.headline_bars.compact = bool(headline)
        if headline:
            span = common_span(headline, period.period)
            text = Text("\n" + tr("time.headline_growth", lang), style="bold")
            text.append(tr("span_of", lang, span=span.span(lang)), style="bold")
            title.update(text)
            self.headline_bars.set_items(growth_items(headline, span, lang, growth),
                                         marks=growth_marks(headline, growth),
                                         tails=growth_tails(headline, self.dash.observations,
                                                            lang))
        return headline

    @on(Select.Changed, "#growth-category")
    def _category_changed(self) -> None:
        value = self.category_select.value
        period = self.period
        if (period is None or not isinstance(value, str) or value == NO_CATEGORY
                or value == self.category
                or value not in growth_categories(period, self.growth(period))):
            return
        self.category = value
        self._draw(period, self.lang)

    def action_next_category(self) -> None:
        """`g`: show the next category (wrapping round)."""
        period = self.period
        names = growth_categories(period, self.growth(period)) if period is not None else []
        if not names:
            self.app.bell()
            return
        index = names.index(self.category) if self.category in names else -1
        self.category = names[(index + 1) % len(names)]
        self.category_select.value = self.category
        self._draw(period, self.lang)  # type: ignore[arg-type]
