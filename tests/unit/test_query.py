"""query.py: observations, series by kind of span, the history summary, tier ladder, totals."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from econdash.core.loaders import load_dataset
from econdash.core.model.period import Period
from econdash.core.model.series import spark_values
from econdash.core.paths import bundled_examples
from econdash.core.query.series import indicator_series, observations, series_points, series_summary
from econdash.core.query.tables import growth_categories, project_totals, tier_ladder

SERIES_HEADER = "indicator,year,first_month,last_month,value,unit,yoy_pct,name,name_en,category\n"


def spans(points) -> list[tuple[int, int, int]]:
    return [(p.span.year, p.span.first_month, p.span.last_month) for p in points]


def history(tmp_path: Path, rows: str, write_period=None, periods: dict[str, str] | None = None,
            extra_files: dict[str, str] | None = None):
    root = tmp_path / "data"
    root.mkdir(exist_ok=True)
    (root / "series.csv").write_text(SERIES_HEADER + rows, encoding="utf-8")
    for name, text in (extra_files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(SERIES_HEADER + text, encoding="utf-8")
    for folder, report in (periods or {}).items():
        write_period(root / folder, report)
    dataset = load_dataset(root)
    assert dataset.errors == (), [str(e) for e in dataset.errors]
    return dataset


# A year of one indicator reported every way at once.
MIXED = "".join([
    "out,2021,1,3,30,亿元,5,产值,Output,工业\n",     # 一季度: cumulative
    "out,2021,1,6,62,亿元,6,产值,Output,工业\n",     # 上半年: cumulative
    "out,2021,4,6,32,亿元,7,产值,Output,工业\n",     # 二季度 alone: quarter
    "out,2021,7,9,33,亿元,8,产值,Output,工业\n",     # 三季度 alone: quarter
    "out,2021,5,5,11,亿元,9,产值,Output,工业\n",     # 5月: month
    "out,2021,6,6,12,亿元,10,产值,Output,工业\n",    # 6月: month
    "out,2021,2,4,31,亿元,11,产值,Output,工业\n",    # 2-4月: other, 3 months
    "out,2021,3,5,32,亿元,12,产值,Output,工业\n",    # 3-5月: other, 3 months
    "out,2021,2,3,20,亿元,13,产值,Output,工业\n",    # 2-3月: other, 2 months
    "out,2020,1,12,100,亿元,3,产值,Output,工业\n",   # 2020 全年: cumulative
])


# ---------------------------------------------------------------- observations

def test_observations_from_periods_and_series(tmp_path, write_period, report_text, indicator) -> None:
    dataset = history(
        tmp_path, "out,2021,1,6,62,亿元,6,产值,,\nout,2022,1,6,70,亿元,9,产值,,\n", write_period,
        {"2022-H1": report_text(indicator("out", value=71.5, unit="亿元", yoy_pct=9.5, rank=2)
                                + indicator("other", value=1.0, months=[1, 5]))})
    obs = observations(dataset)
    assert obs.columns == ["indicator", "year", "first_month", "last_month", "value", "yoy_pct",
                           "unit", "rank", "source", "region"]
    assert obs.select("indicator", "year", "first_month", "last_month", "value", "rank",
                      "source").rows() == [
        ("other", 2022, 1, 5, 1.0, None, "2022M01-M06"),   # its own span, not the period's
        ("out", 2021, 1, 6, 62.0, None, "series.csv"),
        ("out", 2022, 1, 6, 71.5, 2, "2022M01-M06"),       # the period wins over series.csv
    ]


def test_observations_of_an_example_without_series() -> None:
    dataset = load_dataset(bundled_examples() / "three-cities")
    obs = observations(dataset)
    assert obs.height == sum(len(p.indicators) for p in dataset.periods)
    assert set(obs["source"]) == {p.id for p in dataset.periods}
    assert obs.select("indicator", "year").is_duplicated().sum() == 0
    assert obs.equals(obs.sort("indicator", "year", "last_month", "first_month"))


# ---------------------------------------------------------------- indicator_series

def test_indicator_series_never_mixes_span_kinds(tmp_path, write_period, report_text,
                                                 indicator) -> None:
    dataset = history(tmp_path, MIXED, write_period,
                      {"2022-H1": report_text(indicator("out", value=70.0, unit="亿元"))})
    obs = observations(dataset)
    period = dataset.periods[0]
    cumulative = indicator_series(obs, period.indicator("out"))
    assert spans(cumulative) == [(2020, 1, 12), (2021, 1, 3), (2021, 1, 6), (2022, 1, 6)]
    assert [p.value for p in cumulative] == [100.0, 30.0, 62.0, 70.0]

    from econdash.core.model.dataset import Indicator

    def series_for(first: int, last: int):
        probe = Indicator(id="out", name="产值", category="工业", span=Period(2021, first, last))
        return spans(indicator_series(obs, probe))

    assert series_for(4, 6) == [(2021, 4, 6), (2021, 7, 9)]           # single quarters only
    assert series_for(5, 5) == [(2021, 5, 5), (2021, 6, 6)]           # single months only
    assert series_for(2, 4) == [(2021, 2, 4), (2021, 3, 5)]           # same length only
    assert series_for(2, 3) == [(2021, 2, 3)]
    unknown = Indicator(id="nope", name="x", category="x", span=Period(2021, 1, 6))
    assert indicator_series(obs, unknown) == []


def test_indicator_series_across_the_three_cities() -> None:
    dataset = load_dataset(bundled_examples() / "three-cities")
    obs = observations(dataset)
    latest = dataset.periods[-1]
    ind = latest.indicators[0]
    points = indicator_series(obs, ind)
    assert spans(points) == [(y, 1, 12) for y in range(2011, 2020)
                             if dataset.period(f"{y}FY").indicator(ind.id) is not None]
    assert points[-1].value == ind.value
    assert spark_values(points) == [p.value for p in points if p.value is not None]


def test_spark_values_skip_missing() -> None:
    from econdash.core.model.series import SeriesPoint
    points = [SeriesPoint(Period(2020, 1, 12), 1.0, None, None),
              SeriesPoint(Period(2021, 1, 12), None, 2.5, None),
              SeriesPoint(Period(2022, 1, 12), 3.0, -1.0, None)]
    assert spark_values(points) == [1.0, 3.0]
    assert spark_values(points, "yoy_pct") == [2.5, -1.0]


# ---------------------------------------------------------------- series_summary

def test_series_summary_one_row_per_indicator_and_kind(tmp_path) -> None:
    dataset = history(tmp_path, MIXED + "gdp,2019,1,12,5,万亿元,6.1,生产总值,,宏观\n"
                                        "gdp,2020,1,12,,万亿元,2.3,生产总值,,宏观\n")
    summary = series_summary(dataset, "zh")
    assert summary.columns == ["indicator", "region", "kind", "name", "unit", "points", "first", "last",
                               "value", "yoy_pct", "category"]
    rows = {(r["indicator"], r["kind"]): r for r in summary.to_dicts()}
    assert set(rows) == {("out", "cumulative"), ("out", "quarter"), ("out", "month"),
                         ("out", "other"), ("gdp", "cumulative")}
    cum = rows[("out", "cumulative")]
    assert (cum["points"], cum["first"], cum["last"]) == (3, "2020年全年", "2021年上半年")
    assert (cum["value"], cum["yoy_pct"], cum["unit"], cum["category"]) == (62.0, 6.0, "亿元", "工业")
    quarter = rows[("out", "quarter")]
    assert (quarter["points"], quarter["first"], quarter["last"], quarter["value"]) == \
        (2, "2021年二季度", "2021年三季度", 33.0)
    month = rows[("out", "month")]
    assert (month["points"], month["first"], month["last"]) == (2, "2021年5月", "2021年6月")
    gdp = rows[("gdp", "cumulative")]
    # The latest observation is shown as it is, even without a value.
    assert (gdp["points"], gdp["value"], gdp["yoy_pct"], gdp["last"]) == (2, None, 2.3, "2020年全年")


def test_series_summary_in_english_falls_back_to_chinese(tmp_path) -> None:
    dataset = history(tmp_path, "a,2020,1,12,1,,,甲,Alpha,\nb,2020,1,12,1,,,乙,,\n"
                                "c,2020,1,12,1,,,,,\n")
    summary = series_summary(dataset, "en").sort("indicator")
    assert summary["name"].to_list() == ["Alpha", "乙", "c"]
    assert summary["first"].to_list() == ["2020 FY"] * 3
    assert series_summary(dataset, "zh").sort("indicator")["name"].to_list() == ["甲", "乙", "c"]


def test_series_summary_without_series_is_empty_with_columns(bundled) -> None:
    summary = series_summary(load_dataset(bundled), "zh")
    assert summary.height == 0
    assert summary.columns == ["indicator", "region", "kind", "name", "unit", "points", "first", "last",
                               "value", "yoy_pct", "category"]


def test_series_points_match_the_summary(tmp_path) -> None:
    dataset = history(tmp_path, MIXED)
    summary = series_summary(dataset, "zh")
    for row in summary.iter_rows(named=True):
        points = series_points(dataset, row["indicator"], row["kind"])
        assert len(points) == row["points"]
        assert points[-1].value == row["value"]
        assert points[-1].span.label("zh") == row["last"]
        assert [p.rank for p in points] == [None] * len(points)
    assert spans(series_points(dataset, "out", "cumulative")) == [(2020, 1, 12), (2021, 1, 3),
                                                                 (2021, 1, 6)]


def test_series_from_two_files_are_combined(tmp_path) -> None:
    dataset = history(tmp_path, "a,2020,1,12,1,,,甲,,\n",
                      extra_files={"series/nbs.csv": "a,2021,1,12,2,,,甲,,\nb,2021,1,12,3,,,乙,,\n"})
    summary = series_summary(dataset, "zh").sort("indicator")
    assert summary.select("indicator", "points", "value").rows() == [("a", 2, 2.0), ("b", 1, 3.0)]


def test_an_observation_in_two_series_files_counts_once(tmp_path) -> None:
    dataset = history(tmp_path, "a,2020,1,12,1,,,甲,,\na,2021,1,12,2,,,甲,,\n",
                      extra_files={"series/again.csv": "a,2021,1,12,2,,,甲,,\n"})
    assert observations(dataset).height == 2
    assert series_summary(dataset, "zh")["points"].to_list() == [2]
    assert spans(series_points(dataset, "a", "cumulative")) == [(2020, 1, 12), (2021, 1, 12)]


# ---------------------------------------------------------------- tier_ladder

HONOURS = "enterprise,programme,programme_en,level,status\n"


def test_tier_ladder_reported_beside_named(tmp_path, write_period, report_text) -> None:
    tiers = ('[[tier]]\nprogramme = "专精特新"\nprogramme_en = "Specialised SMEs"\n'
             'level = "省级"\nstatus = "认定"\ncount = 5\n\n'
             '[[tier]]\nprogramme = "单项冠军"\nlevel = "国家级"\ncount = 1\n\n'
             '[[tier]]\nprogramme = "小升规"\ncount = 12\n\n')
    honours = (HONOURS
               + "甲,专精特新,,省级,认定\n乙,专精特新,,省级,认定\n甲,专精特新,,省级,认定\n"
               + "丙,单项冠军,,国家级,培育\n"          # same programme, another status
               + "丁,绿色工厂,Green factory,市级,\n"   # no tier reported
               + "戊,小升规,,,\n")                     # missing level/status match missing
    folder = write_period(tmp_path / "p", report_text(tiers), enterprises=honours)
    ladder = tier_ladder(load_dataset(folder).periods[0])
    assert ladder.columns == ["programme", "programme_en", "level", "status", "reported", "named"]
    # Sorted by programme, level, status (code point order, missing last).
    assert ladder.rows() == [
        ("专精特新", "Specialised SMEs", "省级", "认定", 5, 2),   # 甲 counted once
        ("单项冠军", None, "国家级", "培育", None, 1),           # named, not reported
        ("单项冠军", None, "国家级", None, 1, 0),                # reported, none named
        ("小升规", None, None, None, 12, 1),                     # missing matches missing
        ("绿色工厂", "Green factory", "市级", None, None, 1),    # English from the roster
    ]
    assert ladder["named"].dtype == pl.Int64 and ladder["named"].null_count() == 0
    assert ladder.equals(ladder.sort("programme", "level", "status", nulls_last=True))


def test_tier_ladder_without_roster(tmp_path, write_period, report_text) -> None:
    folder = write_period(tmp_path / "p", report_text('[[tier]]\nprogramme = "专精特新"\ncount = 3\n'))
    ladder = tier_ladder(load_dataset(folder).periods[0])
    assert ladder.select("programme", "reported", "named").rows() == [("专精特新", 3, 0)]


def test_tier_ladder_without_tiers(tmp_path, write_period, report_text) -> None:
    folder = write_period(tmp_path / "p", report_text(), enterprises=HONOURS + "甲,专精特新,,省级,认定\n")
    ladder = tier_ladder(load_dataset(folder).periods[0])
    assert ladder.select("programme", "reported", "named").rows() == [("专精特新", None, 1)]


def test_tier_ladder_of_the_bundled_period(bundled) -> None:
    period = load_dataset(bundled).periods[0]
    ladder = tier_ladder(period)
    assert ladder["reported"].sum() == sum(t.count for t in period.tiers)
    assert ladder["named"].sum() == (period.enterprises
                                     .group_by("programme", "level", "status")
                                     .agg(pl.col("enterprise").n_unique())["enterprise"].sum())


# ---------------------------------------------------------------- project_totals

def test_project_totals_sum_the_rows_given() -> None:
    frame = pl.DataFrame({"planned_invest": [10.0, 2.5, None], "completed_invest": [4.0, None, 1.0],
                          "invest_unit": ["亿元", "亿元", None]})
    assert project_totals(frame) == (12.5, 5.0, "亿元")
    assert project_totals(frame.head(1)) == (10.0, 4.0, "亿元")


def test_project_totals_of_no_rows_or_no_figures() -> None:
    empty = pl.DataFrame(schema={"planned_invest": pl.Float64, "completed_invest": pl.Float64,
                                 "invest_unit": pl.String})
    assert project_totals(empty) == (0.0, 0.0, "亿元")
    blank = pl.DataFrame({"planned_invest": [None], "completed_invest": [None],
                          "invest_unit": [None]},
                         schema=empty.schema)
    assert project_totals(blank) == (0.0, 0.0, "亿元")


def test_project_totals_convert_wan_yuan_to_yi_yuan() -> None:
    frame = pl.DataFrame({"planned_invest": [1.0, 2000.0], "completed_invest": [0.5, 1000.0],
                          "invest_unit": ["亿元", "万元"]})
    planned, completed, unit = project_totals(frame)
    assert (planned, completed) == pytest.approx((1.2, 0.6))
    assert unit == "亿元"


def test_project_totals_name_a_unit_they_cannot_convert() -> None:
    frame = pl.DataFrame({"planned_invest": [1.0, 5.0], "completed_invest": [0.5, 2.0],
                          "invest_unit": ["亿元", "美元"]})
    planned, completed, unit = project_totals(frame)
    assert (planned, completed) == (1.0, 0.5)  # the 美元 row is not mixed into 亿元
    assert unit == "亿元 + 美元"


def test_project_totals_of_the_bundled_projects(bundled) -> None:
    projects = load_dataset(bundled).periods[0].projects
    planned, completed, _ = project_totals(projects)
    assert planned == pytest.approx(projects["planned_invest"].fill_null(0).sum())
    assert completed == pytest.approx(projects["completed_invest"].fill_null(0).sum())


# ---------------------------------------------------------------- growth categories

def test_growth_categories_keep_a_category_with_one_growth_rate(
        tmp_path, write_period, report_text, indicator) -> None:
    """The Growth section draws every category with a growth rate, one bar included;
    a category without any is left out (D7: the docstring said two)."""
    write_period(tmp_path / "data" / "2022-H1", report_text(
        indicator("a", category="投资", yoy_pct=12.5)
        + indicator("b", category="工业", yoy_pct=3.0) + indicator("c", category="工业", yoy_pct=-1.0)
        + indicator("d", category="数字经济", value=5.0)))
    period = load_dataset(tmp_path / "data").periods[0]
    assert growth_categories(period) == ["投资", "工业"]


def test_a_period_with_a_single_growth_rate_has_a_growth_category(
        tmp_path, write_period, report_text, indicator) -> None:
    write_period(tmp_path / "data" / "2022-H1", report_text(
        indicator("a", value=1.0) + indicator("b", category="投资", yoy_pct=-4.0)))
    assert growth_categories(load_dataset(tmp_path / "data").periods[0]) == ["投资"]
