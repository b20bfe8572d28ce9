"""The overview's panels from the model: growth bars, honours with their change, projects,
what needs attention, tiles (rank change, trend line), the sparkline."""

from __future__ import annotations

import polars as pl
import pytest

from econdash.core.model.dataset import Indicator, Tier
from econdash.core.model.overview import Card
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint
from econdash.core.query.overview import project_summary
from econdash.core.query.overview_panels import (
    attention_items,
    card_growth,
    growth_panel,
    honour_rows,
    previous_rank,
    target_at_risk,
)
from econdash.tui.widgets.kpi_card import TileStyles, grid_shape, tile_lines
from econdash.tui.widgets.overview_render import (
    PanelStyles,
    attention_rows,
    growth_rows,
    honour_rows_text,
    project_rows,
)
from econdash.tui.widgets.overview_spark import LEVELS, sparkline

H1, Q3 = Period(2023, 1, 6), Period(2023, 1, 9)


def ind(id: str, yoy: float | None = None, rank: int | None = None, category: str = "工业",
        span: Period = H1, **kw) -> Indicator:
    return Indicator(id=id, name=id, category=category, span=span, yoy_pct=yoy, rank=rank, **kw)


def test_growth_panel_prefers_clusters_fastest_first() -> None:
    category, rates = growth_panel([ind("a", 3.0), ind("c1", -2.0, category="产业集群"),
                                    ind("c2", 9.0, category="产业集群"), ind("b", 1.0)])
    assert category == "产业集群" and [r.id for r in rates] == ["c2", "c1"]
    assert growth_panel([ind("x")]) == (None, ())


def test_negative_growth_is_a_bar_left_of_the_axis_in_the_falling_colour() -> None:
    rows = growth_rows([("up", "up", 10.0), ("down", "down", -5.0)], "zh", 40, PanelStyles())
    up, down = (row.text for row in rows)
    axis = up.plain.index("│")
    assert down.plain.index("│") == axis
    assert "█" in up.plain[axis:] and "█" not in up.plain[:axis]
    assert "█" in down.plain[:axis] and "█" not in down.plain[axis:]
    assert any(span.style == "red" for span in down.spans)
    assert rows[1].key == "down"


def test_honours_sum_statuses_and_show_the_change_since_the_previous_period() -> None:
    now = [Tier("冠军", "省级", "认定", 2), Tier("冠军", "省级", "培育", 5), Tier("新星", None, None, 1)]
    before = [Tier("冠军", "省级", "认定", 3)]
    rows = honour_rows(now, before)
    assert [(r.programme, r.count, r.previous) for r in rows] == [("冠军", 7, 3), ("新星", 1, 0)]
    lines = [row.text.plain for row in honour_rows_text(rows, "zh", 40, PanelStyles())]
    assert lines[0].rstrip().endswith("7 +4") and "认定2 培育5" in lines[0]
    assert lines[1].rstrip().endswith("1 新")
    # No earlier period: no change claimed.
    assert all(r.previous is None for r in honour_rows(now, None))


def test_attention_falling_negative_rank_drop_and_target_at_risk() -> None:
    before = [ind("a", 8.1, rank=2), ind("b", 3.0)]
    now = [ind("a", 7.2, rank=4, span=Q3), ind("b", -1.0, span=Q3),
           ind("t", 5.0, target=6.0, span=Q3), ind("ok", 9.0, target=6.0, span=Q3)]
    items = attention_items(now, before)
    assert [(i.kind, i.key) for i in items] == [
        ("target_risk", "t"), ("negative", "b"), ("falling", "b"), ("falling", "a"),
        ("rank_drop", "a")]
    lines = [r.text.plain for r in attention_rows(items, (), 0, "zh", 60, PanelStyles())]
    assert "增速回落" in lines[3] and "+7.2%←+8.1%" in lines[3]
    assert "排名下降" in lines[4] and "第4←第2" in lines[4]


def test_a_value_target_is_expected_pro_rata_to_the_months() -> None:
    may = Period(2022, 1, 5)
    assert target_at_risk(ind("v", span=may, value=45.0, unit="亿元", target=100.0,
                              target_of="value")) is None  # 45 ≥ 100 × 5/12
    assert target_at_risk(ind("v", span=may, value=30.0, unit="亿元", target=100.0,
                              target_of="value")) == (30.0, pytest.approx(100.0 * 5 / 12))
    assert target_at_risk(ind("s", span=may, value=30.0, unit="%", target=40.0,
                              target_of="value")) == (30.0, 40.0)  # a share: as it is
    assert target_at_risk(ind("n", span=may, target=40.0, target_of="value")) is None


def test_attention_lists_problems_and_says_while_they_are_not_known() -> None:
    lines = [r.text.plain for r in attention_rows((), None, 0, "en", 50, PanelStyles())]
    assert lines == ["Checking the data..."]
    assert attention_rows((), (), 0, "en", 50, PanelStyles())[0].text.plain == \
        "Nothing needs attention"


def test_project_summary_done_against_planned_with_a_completion_bar() -> None:
    projects = pl.DataFrame({"name": ["a", "b", "c"], "category": ["园区", "园区", "厂房"],
                             "planned_invest": [10.0, 30.0, None],
                             "completed_invest": [5.0, 15.0, None],
                             "invest_unit": ["亿元", "亿元", None]})
    summary = project_summary(projects)
    assert (summary.count, summary.planned, summary.completed, summary.unit) == (3, 40.0, 20.0, "亿元")
    assert summary.completion == 0.5
    assert [(g.category, g.count) for g in summary.groups] == [("园区", 2), ("厂房", 1)]
    lines = [r.text.plain for r in project_rows(summary, "zh", 30, PanelStyles())]
    assert lines[0] == "共 3 个项目" and "完成 20 / 计划 40 亿元" in lines[1]
    assert lines[2].startswith("完成 ") and lines[2].endswith(" 50%") and "█" in lines[2]
    none = project_summary(projects.with_columns(pl.lit(None, pl.Float64).alias("planned_invest"),
                                                 pl.lit(None, pl.Float64).alias("completed_invest")))
    assert none.planned is None and none.completion is None  # not a sum of zero


def test_tile_shows_rank_change_and_the_falling_growth_trend() -> None:
    spans = [Period(2023, 1, 3), H1, Q3, Period(2023, 1, 12)]
    points = tuple(SeriesPoint(s, v, g, r) for s, v, g, r in
                   zip(spans, [10.0, 21.0, 33.0, 46.0], [8.1, 7.2, 6.0, 4.9], [2, 2, 3, 5]))
    card = Card(ind("a", 4.9, rank=5, span=spans[-1], value=46.0, unit="亿元",
                    rank_scope="全市"), points)
    assert previous_rank(points, spans[-1]) == 3
    lines = [line.plain for line in tile_lines(card, spans[-1], "zh", TileStyles())]
    assert lines[0] == "46 亿元"
    assert "▲ +4.9%" in lines[1] and "全市第5" in lines[1] and "降2位" in lines[1]
    assert lines[2].endswith(" 8.1→4.9% 累计增速")  # the line says what it draws
    spark = lines[2].split()[0]
    assert spark[0] > spark[-1]  # the line falls although the values rise


def test_a_tile_without_reported_growth_shows_the_computed_one_marked() -> None:
    fy = [Period(y, 1, 12) for y in (2017, 2018, 2019)]
    points = tuple(SeriesPoint(s, v, None, None) for s, v in zip(fy, [100.0, 120.0, 126.0]))
    card = Card(ind("a", span=fy[-1], value=126.0), points)
    assert card_growth(card) == (pytest.approx(5.0), pytest.approx(20.0), True)
    lines = [line.plain for line in tile_lines(card, fy[-1], "zh", TileStyles())]
    assert lines[1] == "▲ +5.0%(算)"
    assert lines[2].endswith("累计增速(算)")
    # ... and its fall needs attention, marked computed too.
    items = attention_items([card.indicator], None, [card])
    assert [(i.kind, i.computed) for i in items] == [("falling", True)]


def test_sparkline_marks_the_current_point_and_skips_nothing() -> None:
    text = sparkline([1.0, 2.0, 3.0], 9, current=1, style="blue", mark_style="bold yellow")
    assert text.plain == LEVELS[0] * 3 + LEVELS[4] * 3 + LEVELS[7] * 3
    marked = [span for span in text.spans if span.style == "bold yellow"]
    assert [(s.start, s.end) for s in marked] == [(3, 6)]
    assert sparkline([], 10).plain == ""
    assert len(sparkline(list(map(float, range(50))), 10, current=20).plain) == 10


def test_tiles_balance_their_rows() -> None:
    assert grid_shape(8, 120) == (4, 2)
    assert grid_shape(8, 196) == (4, 2)
    assert grid_shape(8, 76) == (3, 3)
    assert grid_shape(0, 80) == (1, 0)
