"""compare.py: two periods side by side, and the honours new in the later one."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import PeriodData
from econdash.core.paths import bundled_examples
from econdash.core.query.compare import compare_indicators, new_honours

COLUMNS = ["id", "name", "category", "unit", "value_a", "value_b", "change", "change_pct",
           "yoy_a", "yoy_b", "yoy_pp", "rank_a", "rank_b", "rank_change",
           "span_a", "span_b", "like_span"]
HONOURS = "enterprise,programme,level,status,year\n"


def two_periods(tmp_path: Path, write_period, report_text, body_a: str, body_b: str,
                honours_a: str | None = None,
                honours_b: str | None = None) -> tuple[PeriodData, PeriodData]:
    root = tmp_path / "data"
    csv_a = {"enterprises": honours_a} if honours_a is not None else {}
    csv_b = {"enterprises": honours_b} if honours_b is not None else {}
    write_period(root / "2021-FY", report_text(body_a, year=2021, months=(1, 12)), **csv_a)
    write_period(root / "2022-FY", report_text(body_b, year=2022, months=(1, 12)), **csv_b)
    dataset = load_dataset(root)
    assert dataset.errors == (), [str(e) for e in dataset.errors]
    a, b = dataset.periods
    return a, b


def row(frame: pl.DataFrame, id: str) -> dict:
    rows = frame.filter(pl.col("id") == id).to_dicts()
    assert len(rows) == 1, rows
    return rows[0]


def test_values_change_growth_points_and_rank(tmp_path, write_period, report_text, indicator) -> None:
    a, b = two_periods(
        tmp_path, write_period, report_text,
        indicator("output", value=200.0, unit="亿元", yoy_pct=5.5, rank=5, rank_scope="全市"),
        indicator("output", value=250.0, unit="亿元", yoy_pct=3.0, rank=3, rank_scope="全市"))
    frame = compare_indicators(a, b, "zh")
    assert frame.columns == COLUMNS
    r = row(frame, "output")
    assert (r["value_a"], r["value_b"], r["change"]) == (200.0, 250.0, 50.0)
    assert r["change_pct"] == pytest.approx(25.0)
    assert r["yoy_pp"] == pytest.approx(-2.5)  # 5.5% -> 3.0%: down 2.5 个百分点
    assert (r["rank_a"], r["rank_b"], r["rank_change"]) == (5, 3, 2)  # improved: positive
    assert (r["name"], r["unit"], r["category"]) == ("OUTPUT", "亿元", "工业")


def test_rank_getting_worse_is_negative(tmp_path, write_period, report_text, indicator) -> None:
    a, b = two_periods(tmp_path, write_period, report_text,
                       indicator("x", value=1.0, rank=2), indicator("x", value=1.0, rank=7))
    r = row(compare_indicators(a, b, "zh"), "x")
    assert r["rank_change"] == -5
    assert r["change"] == 0.0 and r["change_pct"] == 0.0


def test_falling_value_gives_negative_change(tmp_path, write_period, report_text, indicator) -> None:
    a, b = two_periods(tmp_path, write_period, report_text,
                       indicator("x", value=80.0, yoy_pct=-3.0),
                       indicator("x", value=60.0, yoy_pct=1.5))
    r = row(compare_indicators(a, b, "zh"), "x")
    assert r["change"] == -20.0
    assert r["change_pct"] == pytest.approx(-25.0)
    assert r["yoy_pp"] == pytest.approx(4.5)


def test_zero_or_missing_base_gives_no_percentage(tmp_path, write_period, report_text,
                                                  indicator) -> None:
    a, b = two_periods(
        tmp_path, write_period, report_text,
        indicator("zero", value=0.0) + indicator("none", yoy_pct=2.0) + indicator("both", value=3.0),
        indicator("zero", value=5.0) + indicator("none", value=4.0) + indicator("both", value=6.0))
    frame = compare_indicators(a, b, "zh")
    zero, none, both = row(frame, "zero"), row(frame, "none"), row(frame, "both")
    assert zero["change"] == 5.0 and zero["change_pct"] is None  # never inf
    assert none["change"] is None and none["change_pct"] is None
    assert none["yoy_pp"] is None and none["rank_change"] is None
    assert both["change_pct"] == pytest.approx(100.0)
    assert not frame["change_pct"].is_infinite().any()


def test_indicators_in_only_one_period(tmp_path, write_period, report_text, indicator) -> None:
    a, b = two_periods(
        tmp_path, write_period, report_text,
        indicator("kept", value=1.0) + indicator("dropped", name="旧指标", value=2.0, unit="家"),
        indicator("kept", value=3.0) + indicator("added", name="新指标", value=4.0))
    frame = compare_indicators(a, b, "zh")
    assert frame["id"].to_list() == ["kept", "dropped", "added"]  # a's order, then b's new
    dropped, added = row(frame, "dropped"), row(frame, "added")
    assert (dropped["name"], dropped["unit"], dropped["value_a"], dropped["value_b"]) == \
        ("旧指标", "家", 2.0, None)
    assert dropped["change"] is None
    assert (added["name"], added["value_a"], added["value_b"]) == ("新指标", None, 4.0)


def test_name_comes_from_the_later_period_in_the_language(tmp_path, write_period, report_text,
                                                          indicator) -> None:
    a, b = two_periods(tmp_path, write_period, report_text,
                       indicator("x", name="旧名", name_en="Old", value=1.0),
                       indicator("x", name="新名", name_en="New", value=2.0)
                       + indicator("y", name="只有中文", value=1.0))
    zh, en = compare_indicators(a, b, "zh"), compare_indicators(a, b, "en")
    assert row(zh, "x")["name"] == "新名"
    assert row(en, "x")["name"] == "New"
    assert row(en, "y")["name"] == "只有中文"  # no English name: falls back to Chinese


def test_same_period_twice_changes_nothing(tmp_path, write_period, report_text, indicator) -> None:
    body = indicator("x", value=10.0, yoy_pct=2.0, rank=4) + indicator("y", value=3.0)
    a, _ = two_periods(tmp_path, write_period, report_text, body, body)
    frame = compare_indicators(a, a, "zh")
    assert frame.height == 2
    assert frame["change"].to_list() == [0.0, 0.0]
    assert row(frame, "x")["yoy_pp"] == 0.0 and row(frame, "x")["rank_change"] == 0


def test_three_cities_year_on_year() -> None:
    dataset = load_dataset(bundled_examples() / "three-cities")
    a, b = dataset.period("2018FY"), dataset.period("2019FY")
    frame = compare_indicators(a, b, "en")
    assert frame.height == len({i.id for i in a.indicators} | {i.id for i in b.indicators})
    for ind in b.indicators:
        old = a.indicator(ind.id)
        r = row(frame, ind.id)
        if old is not None and old.value is not None and ind.value is not None:
            assert r["change"] == pytest.approx(ind.value - old.value)
        assert r["name"] == ind.display_name("en")


# ---------------------------------------------------------------- new_honours

def test_new_honours_is_an_anti_join(tmp_path, write_period, report_text) -> None:
    a, b = two_periods(
        tmp_path, write_period, report_text, "", "",
        honours_a=HONOURS + "甲公司,专精特新,省级,认定,2021\n乙公司,专精特新,市级,认定,2021\n",
        honours_b=HONOURS + "甲公司,专精特新,省级,认定,2022\n"   # same honour, other year: not new
                            "乙公司,专精特新,省级,认定,2022\n"   # promoted to 省级: new
                            "丙公司,隐形冠军,,培育,2022\n")     # a new enterprise: new
    fresh = new_honours(a, b)
    assert fresh.select("enterprise", "level").rows() == [("乙公司", "省级"), ("丙公司", None)]
    assert fresh.columns == b.enterprises.columns


def test_missing_level_matches_missing_level(tmp_path, write_period, report_text) -> None:
    a, b = two_periods(tmp_path, write_period, report_text, "", "",
                       honours_a=HONOURS + "甲公司,小升规,,,2021\n",
                       honours_b=HONOURS + "甲公司,小升规,,,2022\n甲公司,小升规,,奖励,2022\n")
    fresh = new_honours(a, b)
    assert fresh.select("enterprise", "status").rows() == [("甲公司", "奖励")]


def test_new_honours_with_empty_periods(tmp_path, write_period, report_text) -> None:
    a, b = two_periods(tmp_path, write_period, report_text, "", "",
                       honours_b=HONOURS + "甲公司,专精特新,省级,认定,2022\n")
    assert new_honours(a, b)["enterprise"].to_list() == ["甲公司"]  # nothing before: all new
    assert new_honours(b, a).height == 0                             # nothing after: none new
    assert new_honours(a, a).height == 0
    assert new_honours(b, b).height == 0


def test_new_honours_when_a_column_is_empty_in_one_period(tmp_path, write_period,
                                                          report_text) -> None:
    # Period a's CSV has no level/status columns at all; b's has them filled.
    a, b = two_periods(tmp_path, write_period, report_text, "", "",
                       honours_a="enterprise,programme\n甲公司,专精特新\n",
                       honours_b=HONOURS + "甲公司,专精特新,,,2022\n甲公司,专精特新,省级,认定,2022\n")
    fresh = new_honours(a, b)
    assert fresh.select("enterprise", "level").rows() == [("甲公司", "省级")]


def test_different_spans_give_no_value_growth_only_points(tmp_path, write_period,
                                                          report_text, indicator) -> None:
    from econdash.core.query.compare import compare_export, spans_differ, year_earlier
    root = tmp_path / "data"
    write_period(root / "2022-9", report_text(indicator("x", value=120.0, yoy_pct=5.0),
                                              year=2022, months=(1, 9)))
    write_period(root / "2023-6", report_text(indicator("x", value=85.0, yoy_pct=7.2),
                                              year=2023, months=(1, 6)))
    write_period(root / "2023-9", report_text(indicator("x", value=130.004, yoy_pct=6.0),
                                              year=2023, months=(1, 9)))
    periods = load_dataset(root).periods
    frame = compare_indicators(periods[1], periods[2], "zh")
    r = row(frame, "x")
    assert r["change_pct"] is None and r["like_span"] is False
    assert r["yoy_pp"] == pytest.approx(-1.2)
    assert spans_differ(frame)
    assert year_earlier(periods, 2) == 0 and year_earlier(periods, 1) is None
    like = compare_indicators(periods[0], periods[2], "zh")
    assert not spans_differ(like) and row(like, "x")["change_pct"] == pytest.approx(8.3367, 1e-3)
    shown = compare_export(like, ["name", "value_b", "change_pct"])
    assert shown.columns == ["name", "value_b", "change_pct"]
    assert shown.row(0) == ("X", 130.0, 8.34)
