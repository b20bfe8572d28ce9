"""Pilot tests of the comparison view (key c): a / b cycle the periods, [ ] shift
both, Esc or c closes; new honours; fewer than two periods says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
from textual.pilot import Pilot
from textual.widgets import Static
from ui_support import Scenario, plain, run_scenario

from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import Dataset
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.core.query.compare import compare_indicators, new_honours
from econdash.tui.app import EcondashApp
from econdash.tui.screens.compare import CompareScreen
from econdash.tui.screens.overview import OverviewScreen
from econdash.tui.widgets.frame_table import FrameTable


def run(scenario: Scenario, dataset: Dataset, size: tuple[int, int] = (140, 40)) -> None:
    run_scenario(scenario, dataset, size)


def title(app: EcondashApp) -> str:
    return plain(app.screen.query_one("#compare-title", Static).content)


def honours_text(app: EcondashApp) -> str:
    return plain(app.screen.query_one("#compare-honours", Static).content)


async def open_compare(app: EcondashApp, pilot: Pilot) -> CompareScreen:
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CompareScreen)
    return app.screen


async def press(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def test_opens_on_the_period_shown_and_the_one_before() -> None:
    dataset = load_dataset(bundled_examples() / "three-cities")

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_compare(app, pilot)
        assert (screen.index_a, screen.index_b) == (7, 8)
        assert "对比：2018年全年  与  2019年全年" in title(app)
        table = screen.query_one("#compare-table", FrameTable)
        assert table.display and table.has_focus
        expected = compare_indicators(dataset.periods[7], dataset.periods[8], "zh")
        assert table.total_count == expected.height
        assert table.view_frame.select("id", "value_a", "value_b", "change").equals(
            expected.select("id", "value_a", "value_b", "change"))
        # Only columns with something in them are shown (no ranks in this example).
        keys = [c.key for c in table.columns]
        assert keys[:4] == ["name", "unit", "value_a", "value_b"]
        assert "change" in keys and "rank_change" not in keys
        assert "本期新增荣誉 0 项" in honours_text(app)

        # Opened on an older period: that one and the one before it.
        await press(pilot, "escape", "left_square_bracket", "left_square_bracket")
        screen = await open_compare(app, pilot)
        assert (screen.index_a, screen.index_b) == (5, 6)
        assert "2016年全年  与  2017年全年" in title(app)

    run(scenario, dataset)


def test_keys_a_b_and_brackets() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        screen = await open_compare(app, pilot)
        await press(pilot, "left_square_bracket")
        assert (screen.index_a, screen.index_b) == (6, 7)
        assert "2017年全年  与  2018年全年" in title(app)
        await press(pilot, "right_square_bracket", "right_square_bracket")
        assert (screen.index_a, screen.index_b) == (7, 8) and bells == [1]  # no later pair
        await press(pilot, "a")  # never onto b: skips 2019 and wraps to the oldest
        assert (screen.index_a, screen.index_b) == (0, 8)
        assert "2011年全年  与  2019年全年" in title(app)
        await press(pilot, "left_square_bracket")
        assert (screen.index_a, screen.index_b) == (0, 8) and bells == [1, 1]  # a is the oldest
        await press(pilot, "b")  # b wraps past a (2011): 2012, still on the right
        assert (screen.index_a, screen.index_b) == (0, 1)
        assert "2011年全年  与  2012年全年" in title(app)
        # a passes b (2011 → 2013, skipping 2012): the earlier period moves to the left.
        await press(pilot, "a")
        assert (screen.index_a, screen.index_b) == (1, 2)
        assert "2012年全年  与  2013年全年" in title(app)
        await press(pilot, "b", "b", "b", "b", "b", "b", "b")  # 2013 → … → 2011, skipping 2012
        assert (screen.index_a, screen.index_b) == (0, 1)
        # The app's period is not changed by the comparison.
        assert app.period_index == 8
        await press(pilot, "l")
        assert "Compare: 2011 FY  vs  2012 FY" in title(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, OverviewScreen)
        screen = await open_compare(app, pilot)  # a fresh comparison: back to the defaults
        assert (screen.index_a, screen.index_b) == (7, 8)
        await press(pilot, "c")  # c closes it too
        assert isinstance(app.screen, OverviewScreen)

    run(scenario, load_dataset(bundled_examples() / "three-cities"))


def test_a_single_period_says_two_are_needed() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_compare(app, pilot)
        assert "对比需要至少两个时期" in title(app)
        assert not screen.query_one("#compare-table", FrameTable).display
        await press(pilot, "a", "b", "left_square_bracket", "right_square_bracket")
        assert "对比需要至少两个时期" in title(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, OverviewScreen)

    run(scenario, load_dataset(bundled_dataset()))


def two_seed_periods(tmp_path: Path) -> Path:
    """2021FY (fewer honours, a smaller output) and the seed's 2022H1."""
    root = tmp_path / "data"
    shutil.copytree(bundled_dataset(), root)
    older = root / "2021-FY"
    shutil.copytree(root / "2022-H1", older)
    report = older / "report.toml"
    report.write_text(report.read_text(encoding="utf-8")
                      .replace("year = 2022", "year = 2021", 1)
                      .replace("months = [1, 6]", "months = [1, 12]", 1)
                      .replace('label = "2022年上半年"', 'label = "2021年全年"', 1)
                      .replace("value = 397.3", "value = 350.0", 1), encoding="utf-8")
    honours = (older / "enterprises.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (older / "enterprises.csv").write_text("".join(honours[:-3]), encoding="utf-8")  # 3 fewer
    return root


def test_new_honours_and_changes_between_two_periods(tmp_path: Path) -> None:
    dataset = load_dataset(two_seed_periods(tmp_path))
    assert [p.id for p in dataset.periods] == ["2021FY", "2022M01-M06"]
    fresh = new_honours(*dataset.periods)
    assert 1 <= fresh.height <= 3

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_compare(app, pilot)
        assert "2021年全年  与  2022年上半年" in title(app)
        table = screen.query_one("#compare-table", FrameTable)
        row = table.view_frame.filter(pl.col("id") == "above_scale_output").row(0, named=True)
        assert (row["value_a"], row["value_b"]) == (350.0, 397.3)
        assert row["change"] == 397.3 - 350.0
        text = honours_text(app)
        assert f"本期新增荣誉 {fresh.height} 项" in text
        for name in fresh["enterprise"]:
            assert name in text
        await press(pilot, "a")  # a never becomes b: wraps back to 2021FY
        assert (screen.index_a, screen.index_b) == (0, 1)

    run(scenario, dataset)


def spans_dataset(tmp_path: Path) -> Dataset:
    """2022 1-9月, 2023 1-6月 and 2023 1-9月 of one cumulative figure."""
    root = tmp_path / "spans"
    for year, last, value, growth in ((2022, 9, 120.0, 5.0), (2023, 6, 85.123, 7.2),
                                      (2023, 9, 130.333, 6.0)):
        folder = root / f"{year}-{last}"
        folder.mkdir(parents=True)
        (folder / "report.toml").write_text(
            f'[period]\nyear = {year}\nmonths = [1, {last}]\n\n[[indicator]]\nid = "output"\n'
            f'name = "规上工业总产值"\ncategory = "工业"\nvalue = {value}\nunit = "亿元"\n'
            f'yoy_pct = {growth}\n', encoding="utf-8")
    return load_dataset(root)


def test_different_spans_compare_growth_in_points_and_offer_like_for_like(tmp_path: Path) -> None:
    dataset = spans_dataset(tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_compare(app, pilot)
        assert (screen.index_a, screen.index_b) == (1, 2)
        text = title(app)
        assert "2023年上半年  与  2023年前三季度" in text
        assert "两期时段不同" in text and "增速变化以个百分点计" in text
        assert "按 p 与上年同期（2022年前三季度）对比" in text
        table = screen.query_one("#compare-table", FrameTable)
        keys = [c.key for c in table.columns]
        assert "change_pct" not in keys  # no value "growth" between 1-6月 and 1-9月
        assert "yoy_pp" in keys and "like_span" in keys
        row = table.view_frame.row(0, named=True)
        assert row["change_pct"] is None and round(row["yoy_pp"], 2) == -1.2
        assert (row["span_a"], row["span_b"]) == ("2023年上半年", "2023年前三季度")

        await press(pilot, "p")  # like for like: 1-9月 a year earlier, on the left
        assert (screen.index_a, screen.index_b) == (0, 2)
        assert "同期对比" in title(app) and "两期时段不同" not in title(app)
        keys = [c.key for c in table.columns]
        assert "change_pct" in keys and "like_span" not in keys
        assert round(table.view_frame.row(0, named=True)["change_pct"], 2) == 8.61

        # The export is named for the comparison, its numbers rounded as shown.
        await press(pilot, "e")
        export = app.screen
        assert export.default_path.name == "econdash-compare-2022M01-M09-vs-2023M01-M09.csv"
        assert export.frame.row(0, named=True)["change_pct"] == 8.61
        assert export.frame.row(0, named=True)["value_b"] == 130.33
        await press(pilot, "escape")

        # Enter opens the indicator's detail.
        await press(pilot, "enter")
        from econdash.tui.screens.indicator_detail import IndicatorDetailScreen
        assert isinstance(app.screen, IndicatorDetailScreen)
        assert app.screen.indicator.id == "output"
        assert app.screen.period_data.id == "2023M01-M09"

    run(scenario, dataset)


def test_no_year_earlier_says_so(tmp_path: Path) -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_compare(app, pilot)
        await press(pilot, "b")  # b: 2023 1-6月 (a 2022 1-9月 left); no 2022 1-6月
        assert (screen.index_a, screen.index_b) == (0, 1)
        assert "按 y" not in title(app)
        await press(pilot, "p")
        assert (screen.index_a, screen.index_b) == (0, 1)

    run(scenario, spans_dataset(tmp_path))
