"""Pilot tests of the Projects section (4) and its filter bar.

No pytest-asyncio in the venv: each test is sync and runs its coroutine with
`asyncio.run`.
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static
from ui_support import run_scenario

from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import Dataset
from econdash.core.paths import bundled_dataset
from econdash.tui.app import EcondashApp
from econdash.tui.screens.enterprise_detail import RowDetailScreen
from econdash.tui.screens.projects import COMPLETION, NAME, ProjectsScreen
from econdash.tui.widgets.filter_bar import SEARCH_MIN, FilterBar
from econdash.tui.widgets.frame_table import FrameTable

REPORT = "[period]\nyear = 2022\nmonths = [1, 6]\n"
BUNDLED_CSV = bundled_dataset() / "2022-H1" / "projects.csv"


run = run_scenario


async def open_projects(app: EcondashApp, pilot: Pilot) -> ProjectsScreen:
    await pilot.press("4")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ProjectsScreen)
    return screen


def status_of(screen: ProjectsScreen) -> str:
    return plain(screen.query_one(".section-status", Static).content)


def plain(renderable: object, width: int = 160) -> str:
    """What a Rich renderable looks like as text."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def one_period(tmp_path: Path, projects: str) -> Dataset:
    folder = tmp_path / "2022-H1"
    folder.mkdir()
    (folder / "report.toml").write_text(REPORT, encoding="utf-8")
    (folder / "projects.csv").write_text(projects, encoding="utf-8")
    return load_dataset(tmp_path)


INVESTMENTS = """\
name,name_en,category,town,status,planned_invest,completed_invest,invest_unit,start_year,负责人
甲项目,Project A,产业项目,溪口镇,在建,10,5,亿元,2021,张三
乙项目,Project B,产业项目,溪口镇,竣工,20,20,亿元,2020,李四
丙项目,,基础设施,萧王庙,在建,4,,亿元,2022,
"""


def test_section_4_shows_every_project() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        assert table.row_count == table.total_count == 13
        assert "显示 13 / 共 13 行" in status_of(screen)
        assert app.screen.focused is table
    run(scenario)


def test_rating_filter_narrows_to_the_csv_count() -> None:
    expected = pl.read_csv(BUNDLED_CSV).filter(pl.col("rating") == "二星级").height
    assert expected == 5

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        rating = next(s for s in screen.query(Select) if s.name == "rating")
        # f moves between the visible filters (town is hidden: nobody filled it in).
        for _ in range(3):
            await pilot.press("f")
        assert app.screen.focused is rating
        await pilot.press("enter")  # open the list: "星级: 全部", 一星级, 三星级, 二星级
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert rating.value == "二星级"
        assert table.row_count == expected
        assert set(table.view_frame["rating"].to_list()) == {"二星级"}
        assert f"显示 {expected} / 共 13 行" in status_of(screen)
    run(scenario)


def test_search_narrows_and_escape_restores() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        await pilot.press("slash")
        search = screen.query_one(FilterBar).query_one(Input)
        assert app.screen.focused is search
        await pilot.press(*"溪口")  # two names
        await pilot.pause()
        assert table.row_count == 2
        await pilot.press("ctrl+a", "ctrl+k", *"PNEUMATICS")  # name_en, any case
        await pilot.pause()
        assert sorted(table.view_frame["name"]) == ["宁波启迪智能装备(气动)科技园", "宁波溪口气动智创产业园"]
        await pilot.press("ctrl+a", "ctrl+k", *"伙伴银行")  # only in the notes
        await pilot.pause()
        assert table.row_count == 2
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 13
        assert search.value == ""
        assert app.screen.focused is table
    run(scenario)


def test_escape_in_table_clears_filters_and_search() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        bar = screen.query_one(FilterBar)
        bar.set_value("rating", "一星级")
        await pilot.press("slash", *"摩米", "enter")
        await pilot.pause()
        assert table.row_count == 1 and app.screen.focused is table
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 13
        assert bar.search == "" and all(v is None for v in bar.filters.values())
    run(scenario)


def test_totals_follow_the_rows_shown_and_completion_bar(tmp_path: Path) -> None:
    dataset = one_period(tmp_path, INVESTMENTS)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        assert "合计：计划 34 完成 25 亿元" in status_of(screen)
        bar_column = next(c for c in table.columns if c.key == COMPLETION)
        assert bar_column.bar
        first = table.render_line(1).text  # row 甲项目, not under the cursor style only
        assert "甲项目" in first and "█" in first and "50%" in first
        assert "100%" in table.render_line(2).text
        assert "%" not in table.render_line(3).text  # no completed figure: no bar
        assert "负责人" in [c.header for c in table.columns]  # the extra column is shown

        screen.query_one(FilterBar).set_value("status", "在建")
        await pilot.pause()
        assert table.row_count == 2
        assert "合计：计划 14 完成 5 亿元" in status_of(screen)
        await pilot.press("slash", *"乙")
        await pilot.pause()
        assert table.row_count == 0
        assert "显示 0 / 共 3 行" in status_of(screen)
        assert "计划 - 完成 -" in status_of(screen)
    run(scenario, dataset, size=(200, 30))


def test_enter_opens_the_row_detail_with_every_field(tmp_path: Path) -> None:
    dataset = one_period(tmp_path, INVESTMENTS)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await open_projects(app, pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, RowDetailScreen)
        assert detail.row["name"] == "乙项目"
        text = plain(detail.query_one("#row-detail", Static).content)
        for expected in ("乙项目", "Project B", "竣工", "负责人", "李四", "开工年份", "2020"):
            assert expected in text
        assert "__" not in text  # display-only columns stay hidden
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProjectsScreen)
    run(scenario, dataset)


def test_language_switch_keeps_filters_and_shows_english_names() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        screen.query_one(FilterBar).set_value("rating", "三星级")
        await pilot.pause()
        assert table.view_frame[NAME].to_list() == ["溪口大岙生态工业园"]
        await pilot.press("l")
        await pilot.pause()
        assert table.row_count == 1
        assert table.view_frame[NAME].to_list() == ["Xikou Da'ao Eco-Industrial Park"]
        assert "1 of 13 rows" in status_of(screen)
        assert next(s for s in screen.query(Select) if s.name == "rating").value == "三星级"
        assert table.columns[0].header == "Name"
    run(scenario)


def test_reveal_clears_filters_and_moves_the_cursor() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        screen.query_one(FilterBar).set_value("rating", "二星级")
        await pilot.pause()
        screen.reveal("凤麓加速器")
        await pilot.pause()
        assert table.row_count == 13
        assert table.current_row()["name"] == "凤麓加速器"
        screen.reveal("Binhai Wanyang Maker City")  # English names work too
        await pilot.pause()
        assert table.current_row()["name"] == "滨海万洋众创城"
    run(scenario)


def test_command_palette_jump_reveals_a_project() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        app.jump_to("projects", "XX开发区")  # from the overview: the section is new
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProjectsScreen)
        assert screen.query_one(FrameTable).current_row()["name"] == "XX开发区"
        screen.query_one(FilterBar).set_value("category", "开发区")
        await pilot.press("1")
        app.jump_to("projects", "怡诺科创园")  # back to a section that was shown before
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(FrameTable)
        assert table.row_count == 13 and table.current_row()["name"] == "怡诺科创园"
    run(scenario)


PERIODS = {
    "2021-H1": "name,category,rating\n甲园,小微企业园,二星级\n乙园,小微企业园,一星级\n丙园,开发区,\n",
    "2022-H1": "name,category,rating\n甲园,小微企业园,三星级\n乙园,小微企业园,二星级\n丁园,小微企业园,二星级\n",
}


def test_period_change_keeps_filters_that_still_apply(tmp_path: Path) -> None:
    for folder, csv in PERIODS.items():
        (tmp_path / folder).mkdir()
        year = folder[:4]
        (tmp_path / folder / "report.toml").write_text(REPORT.replace("2022", year), encoding="utf-8")
        (tmp_path / folder / "projects.csv").write_text(csv, encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert len(dataset.periods) == 2

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        table = screen.query_one(FrameTable)
        bar = screen.query_one(FilterBar)
        bar.set_value("rating", "二星级")
        await pilot.pause()
        assert sorted(table.view_frame["name"]) == ["丁园", "乙园"]
        await pilot.press("left_square_bracket")  # the older period
        await pilot.pause()
        assert table.view_frame["name"].to_list() == ["甲园"]
        assert bar.filters["rating"] == "二星级"
        assert bar.options_of("rating") == ["一星级", "二星级"]
        bar.set_value("category", "开发区")
        await pilot.pause()
        assert table.row_count == 0
        bar.set_value("rating", None)
        await pilot.pause()
        assert table.view_frame["name"].to_list() == ["丙园"]
        await pilot.press("right_square_bracket")  # 开发区 is not in the newer period
        await pilot.pause()
        assert bar.filters["category"] is None
        assert table.row_count == 3
    run(scenario, dataset)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_small_terminal_filter_bar_fits(lang: str) -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_projects(app, pilot)
        bar = screen.query_one(FilterBar)
        assert bar.region.height == 1
        shown = [w for w in bar.children if w.display]
        for widget in shown:
            assert widget.region.height == 1
            assert bar.region.x <= widget.region.x and widget.region.right <= bar.region.right
        assert bar.query_one(Input).region.width >= SEARCH_MIN
        await pilot.press("slash", *"园", "enter", "enter")
        await pilot.pause()
        await pilot.press("escape", "l", "f", "enter", "escape")
        await pilot.pause()
        for select in bar.query(Select):  # every prompt ("星级: 全部") readable in full
            if select.display:
                assert select.region.width >= cell_len(select.prompt) + 3
    run(scenario, size=(80, 24), lang=lang)
