"""Trend lines mean what analysts mean: cumulative growth, like spans, marked computing."""

from __future__ import annotations

from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint
from econdash.core.query.trend import default_trend, trends


def cumulative(year: int, last: int, value: float | None, growth: float | None) -> SeriesPoint:
    return SeriesPoint(Period(year, 1, last), value, growth, None)


def test_rising_cumulative_values_with_falling_growth_trend_down() -> None:
    points = [cumulative(2023, 3, 40.0, 8.1), cumulative(2023, 6, 85.0, 7.2),
              cumulative(2023, 9, 130.0, 6.0), cumulative(2023, 12, 180.0, 4.9)]
    trend = default_trend(points, Period(2023, 1, 12))
    assert trend is not None and trend.measure == "cum_growth"
    assert trend.values() == [8.1, 7.2, 6.0, 4.9]
    assert trend.current == 3 and trend.label("zh") == "累计增速"


def test_values_join_only_like_spans_and_computed_growth_is_marked() -> None:
    points = [cumulative(2022, 6, 100.0, None), cumulative(2022, 9, 150.0, None),
              cumulative(2023, 6, 110.0, None)]
    lines = {t.measure: t for t in trends(points, Period(2023, 1, 6))}
    assert [p.span.id for p in lines["like_span"].points] == ["2022M01-M06", "2023M01-M06"]
    # only 2023H1 has a value a year earlier: one growth point is no line
    assert "cum_growth" not in lines
    more = [*points, cumulative(2023, 9, 160.0, None)]
    growth = {t.measure: t for t in trends(more, Period(2023, 1, 9))}["cum_growth"]
    assert [round(v, 2) for v in growth.values()] == [10.0, 6.67]
    assert growth.any_computed and growth.current == 1


def test_single_months_trend_by_value_and_one_point_is_no_trend() -> None:
    months = [SeriesPoint(Period(2023, m, m), 10.0 + m, None, None) for m in (4, 5, 6)]
    assert default_trend(months, Period(2023, 6, 6)).values() == [14.0, 15.0, 16.0]
    assert default_trend([cumulative(2023, 6, 1.0, 2.0)], Period(2023, 1, 6)) is None
