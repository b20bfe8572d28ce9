"""What a trend line of an indicator draws, as analysts read time (docs/time.md).

Chinese reports give cumulative figures (1-3月, 1-6月, 1-9月, 全年): within a year
the value always rises, so a value line is a staircase that says nothing. The trend
of a cumulative figure is therefore its cumulative growth rate (累计增速) across
periods, in order and across years; its values are joined only across like spans
(同期值: the same months in different years). A single-month or single-quarter
figure trends by value. Growth the report states is shown as stated; growth this
module computes from two values of the same span a year apart is marked computed.

Polars-free (plain dataclasses over SeriesPoint), so the overview's first frame can
draw trend lines from the start-up snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from econdash.core.i18n import tr
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint

Measure = Literal["cum_growth", "like_span", "value"]


@dataclass(frozen=True)
class TrendPoint:
    """One point of a trend line."""

    span: Period
    value: float
    computed: bool = False  # a growth rate this program computed, not one the report states


@dataclass(frozen=True)
class Trend:
    """A line to draw: what it measures, its points oldest first, the current one."""

    measure: Measure
    points: tuple[TrendPoint, ...]
    current: int | None  # index of the current period's point, if it is on the line

    def label(self, lang: str) -> str:
        """What the line draws (累计增速 / 同期值 / 数值)."""
        return tr(f"trend.{self.measure}", lang)

    def values(self) -> list[float]:
        """The values, oldest first."""
        return [p.value for p in self.points]

    @property
    def is_growth(self) -> bool:
        """Whether the line draws growth rates (in %), not values."""
        return self.measure == "cum_growth"

    @property
    def any_computed(self) -> bool:
        """Whether some point is a growth rate the program computed."""
        return any(p.computed for p in self.points)

    @property
    def first(self) -> TrendPoint:
        """The oldest point."""
        return self.points[0]

    @property
    def last(self) -> TrendPoint:
        """The newest point."""
        return self.points[-1]

    def value_range(self) -> tuple[float, float]:
        """The lowest and highest value on the line."""
        values = self.values()
        return min(values), max(values)

    def until_current(self) -> Trend | None:
        """The line cut after the current point (a table shows the trend up to the period on
        screen, so its last point is the current one), or None under two points."""
        if self.current is None:
            return None
        points = self.points[: self.current + 1]
        return Trend(self.measure, points, len(points) - 1) if len(points) >= 2 else None


def growth_points(points: Sequence[SeriesPoint]) -> list[TrendPoint]:
    """Each observation's growth: as reported, or computed from the value of the same
    span a year earlier (marked computed), oldest first."""
    by_span = {p.span: p for p in points}
    found: list[TrendPoint] = []
    for point in sorted(points, key=_order):
        if point.yoy_pct is not None:
            found.append(TrendPoint(point.span, float(point.yoy_pct)))
            continue
        earlier = by_span.get(Period(point.span.year - 1, point.span.first_month,
                                     point.span.last_month))
        if earlier is not None and point.value is not None and earlier.value:
            growth = (point.value / earlier.value - 1.0) * 100.0
            found.append(TrendPoint(point.span, growth, computed=True))
    return found


def like_span_points(points: Sequence[SeriesPoint], span: Period) -> list[TrendPoint]:
    """The values of the same months as `span` in every year, oldest first."""
    return [TrendPoint(p.span, float(p.value)) for p in sorted(points, key=_order)
            if p.value is not None and (p.span.first_month, p.span.last_month)
            == (span.first_month, span.last_month)]


def value_points(points: Sequence[SeriesPoint]) -> list[TrendPoint]:
    """Every value, oldest first (for single months and quarters)."""
    return [TrendPoint(p.span, float(p.value)) for p in sorted(points, key=_order)
            if p.value is not None]


def trends(points: Sequence[SeriesPoint], current: Period) -> list[Trend]:
    """The lines worth drawing for an indicator whose current figure covers `current`,
    the default first; each has at least two points."""
    if current.kind == "cumulative":
        candidates = [("cum_growth", growth_points(points)),
                      ("like_span", like_span_points(points, current))]
    else:
        candidates = [("value", value_points(points)),
                      ("cum_growth", growth_points(points))]
    return [Trend(measure, tuple(line), _index_of(line, current))  # type: ignore[arg-type]
            for measure, line in candidates if len(line) >= 2]


def default_trend(points: Sequence[SeriesPoint], current: Period) -> Trend | None:
    """The line a card or a detail shows first, or None when there is none."""
    found = trends(points, current)
    return found[0] if found else None


def growth_at(points: Sequence[SeriesPoint], span: Period) -> TrendPoint | None:
    """The growth of the figure covering `span`: as reported, else computed from the
    value of the same span a year earlier (marked computed), else None."""
    return next((p for p in growth_points(points) if p.span == span), None)


def _order(point: SeriesPoint | TrendPoint) -> tuple[int, int, int]:
    return (point.span.year, point.span.last_month, point.span.first_month)


def _index_of(line: Sequence[TrendPoint], span: Period) -> int | None:
    return next((i for i, p in enumerate(line) if p.span == span), None)
