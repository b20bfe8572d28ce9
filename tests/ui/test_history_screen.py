"""Pilot tests of section 6, History: one row per series (series_summary), search,
Enter opens every observation of the series, Esc closes."""

from __future__ import annotations

import shutil
from pathlib import Path

from shared_material import REALDATA, needs
from textual.pilot import Pilot
from textual.widgets import Input, Static
from ui_support import Scenario, plain, run_scenario

from econdash.core.admin.importing import import_source
from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import Dataset
from econdash.core.paths import bundled_dataset
from econdash.core.query.series import series_summary
from econdash.tui.app import EcondashApp
from econdash.tui.screens.history import HistoryScreen, SeriesDetailScreen
from econdash.tui.screens.problems import ProblemsScreen
from econdash.tui.widgets.frame_table import FrameTable

NBS_MONTHLY = REALDATA / "nbs_fsyd_realestate_浙江.csv"
SERIES = """\
indicator,year,first_month,last_month,value,unit,yoy_pct,name,name_en,category
gdp,2019,1,12,98.6,万亿元,6.1,国内生产总值,GDP,宏观
gdp,2020,1,12,101.4,万亿元,2.3,国内生产总值,GDP,宏观
gdp,2021,1,12,114.9,万亿元,8.4,国内生产总值,GDP,宏观
gdp,2021,4,6,28.3,万亿元,7.9,国内生产总值,GDP,宏观
power,2021,1,12,8.3,万亿千瓦时,10.3,全社会用电量,,能源
"""


def run(scenario: Scenario, dataset: Dataset, size: tuple[int, int] = (140, 40)) -> None:
    run_scenario(scenario, dataset, size)


def with_series(tmp_path: Path, periods: bool = True) -> Dataset:
    root = tmp_path / "data"
    if periods:
        shutil.copytree(bundled_dataset(), root)
    else:
        root.mkdir()
    (root / "series.csv").write_text(SERIES, encoding="utf-8")
    dataset = load_dataset(root)
    assert dataset.errors == ()
    return dataset


async def open_history(app: EcondashApp, pilot: Pilot) -> tuple[HistoryScreen, FrameTable]:
    await pilot.press("6")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen, app.screen.query_one("#history-table", FrameTable)


def status(app: EcondashApp) -> str:
    return plain(app.screen.query_one("#history-status", Static).content).strip()


def test_one_row_per_series_search_and_detail(tmp_path: Path) -> None:
    dataset = with_series(tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await open_history(app, pilot)
        summary = series_summary(dataset, "zh")
        assert table.total_count == summary.height == 3
        assert sorted(table.view_frame.select("indicator", "kind", "points").rows()) == [
            ("gdp", "cumulative", 3), ("gdp", "quarter", 1), ("power", "cumulative", 1)]
        assert status(app) == "显示 3 / 共 3 行"
        assert table.has_focus

        await pilot.press("slash", *"用电")
        await pilot.pause()
        assert table.row_count == 1 and table.view_frame["indicator"].to_list() == ["power"]
        assert status(app) == "显示 1 / 共 3 行"
        await pilot.press("escape")  # clears the search, back to the table
        await pilot.pause()
        assert screen.query_one("#history-search", Input).value == ""
        assert table.row_count == 3 and table.has_focus

        # Enter on the cumulative GDP series: every observation, newest first.
        rows = table.view_frame["indicator"].to_list()
        kinds = table.view_frame["kind"].to_list()
        target = next(i for i, (ind, kind) in enumerate(zip(rows, kinds))
                      if (ind, kind) == ("gdp", "cumulative"))
        table.cursor_row = target
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SeriesDetailScreen)
        assert (detail.indicator, detail.kind) == ("gdp", "cumulative")
        texts = [plain(s.content) for s in detail.query(Static)]
        assert texts[0].startswith("国内生产总值  (万亿元, ")
        lines = [l for l in texts[-1].splitlines() if l.strip()]
        assert [l.split()[0] for l in lines] == ["2021年全年", "2020年全年", "2019年全年"]
        assert "114.9" in lines[0] and "+8.4%" in lines[0]
        assert "二季度" not in texts[-1]  # the quarter is its own series
        # Its cumulative growth line, then its full-year values (同期值) by year.
        assert [w.id for w in detail.query(".detail-trend")] == [
            "series-trend-cum_growth", "series-trend-like_span"]
        assert texts[1].startswith("累计增速  2019年全年 +6.1% → 2021年全年 +8.4%")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        # A series of one point: no sparkline.
        table.cursor_row = table.view_frame["indicator"].to_list().index("power")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SeriesDetailScreen)
        assert len(app.screen.query(".detail-trend")) == 0
        await pilot.press("q")  # q closes the detail, it does not quit
        await pilot.pause()
        assert app.screen is screen and app.is_running

        # In English: English names where there are some, else the Chinese.
        await pilot.press("l")
        await pilot.pause()
        names = dict(table.view_frame.select("indicator", "name").unique("indicator").rows())
        assert names == {"gdp": "GDP", "power": "全社会用电量"}
        assert status(app) == "3 of 3 rows"

    run(scenario, dataset)


def test_a_dataset_of_series_only_still_shows_history(tmp_path: Path) -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.current_period is None
        if isinstance(app.screen, ProblemsScreen):  # no period: the problems screen opens first
            await pilot.press("escape")
            await pilot.pause()
        _, table = await open_history(app, pilot)
        assert app.screen.query_one("#section").display
        assert not app.screen.query_one("#no-data").display
        assert table.total_count == 3

    run(scenario, with_series(tmp_path, periods=False))


def test_no_series_says_how_to_get_some() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        _, table = await open_history(app, pilot)
        assert table.total_count == 0
        assert "没有历史序列" in table.empty_text
        assert status(app) == "显示 0 / 共 0 行"

    run(scenario, load_dataset(bundled_dataset()))


@needs("realdata/nbs_fsyd_realestate_浙江.csv")
def test_an_imported_statistics_export(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(bundled_dataset(), root)
    import_source(NBS_MONTHLY, root)
    dataset = load_dataset(root)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        _, table = await open_history(app, pilot)
        frame = table.view_frame
        assert sorted(frame["name"].to_list()) == ["房地产住宅投资", "房地产投资"]
        assert frame["points"].to_list() == [33, 33]
        assert set(frame["last"]) == {"2019年全年"}
        assert set(frame["unit"]) == {"亿元"}
        table.cursor_row = frame["name"].to_list().index("房地产投资")
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SeriesDetailScreen)
        lines = [l for l in plain(list(detail.query(Static))[-1].content).splitlines() if l.strip()]
        assert len(lines) == 33
        assert lines[0].split()[:2] == ["2019年全年", "10,682.97"]
        assert lines[-1].split()[0] == "2017年1-2月"  # January is never published alone

    run(scenario, dataset)


def test_the_three_cities_years_are_history_with_computed_growth() -> None:
    from econdash.core.paths import bundled_examples
    dataset = load_dataset(bundled_examples() / "three-cities")

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        _, table = await open_history(app, pilot)
        frame = table.view_frame
        assert table.total_count == 9  # three figures of three cities
        assert set(frame["points"]) == {9} and set(frame["first"]) == {"2011年全年"}
        row = frame.filter(frame["indicator"] == "lishui_output").row(0, named=True)
        # The reports state no growth: it is computed from the yearly values and marked.
        assert row["trend"].startswith("增速 ") and row["trend"].endswith("*")
        assert "+20.5%*→" in row["trend"]  # 1564.17 / 1298.08 - 1 in 2012
        assert "由同期数值计算" in status(app)

    run(scenario, dataset)
