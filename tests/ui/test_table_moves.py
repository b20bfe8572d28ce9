"""Pilot tests of the table moves (issue 16): counts by column (F), column statistics
(i), sorting by a second column (S), go to row (ctrl+g), hide/show columns (- +), copy
(y Y), a cell's full text (v), the frozen first column, and the honour ladder key (h).

No pytest-asyncio in the venv: each test is sync and runs its coroutine with asyncio.run.
"""

from __future__ import annotations

import asyncio

import polars as pl
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Static
from ui_support import plain, run_scenario

from econdash.tui.app import EcondashApp
from econdash.tui.keys import KEYS
from econdash.tui.screens.column_counts import ColumnCountsScreen
from econdash.tui.screens.column_dialog import INLINE_ROWS
from econdash.tui.screens.column_stats import ColumnStatsScreen
from econdash.tui.screens.enterprises import ENTERPRISE, EnterprisesScreen, LadderTree
from econdash.tui.screens.table_dialogs import CellTextScreen, GotoRowScreen, parse_row_number
from econdash.tui.widgets.filter_bar import FilterBar
from econdash.tui.widgets.frame_table import FrameTable
from econdash.tui.widgets.keybar import KeyBar


async def enterprises_table(app: EcondashApp, pilot: Pilot) -> tuple[EnterprisesScreen,
                                                                     FrameTable]:
    await pilot.press("5")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, EnterprisesScreen)
    table = screen.query_one(FrameTable)
    table.focus()
    await pilot.pause()
    return screen, table


def to_column(table: FrameTable, key: str) -> None:
    table.cursor_column = [c.key for c in table.columns].index(key)


def counts_of(screen: ColumnCountsScreen) -> dict[object, int]:
    assert screen.counts is not None
    return dict(screen.counts.select("value", "count").iter_rows())


def lines(table: FrameTable) -> list[str]:
    return ["".join(s.text for s in table.render_line(y)) for y in range(table.size.height)]


def test_counts_of_level_then_enter_filters_through_the_filter_bar() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        to_column(table, "level")
        await pilot.press("F")
        await pilot.pause()
        counts = app.screen
        assert isinstance(counts, ColumnCountsScreen)
        assert counts_of(counts)["市级"] == 13 and counts_of(counts)["国家级"] == 2
        shown = lines(counts.query_one(FrameTable))
        assert shown[0].split()[:3] == ["级别", "行数", "占比"]
        assert "市级" in shown[2] and "13" in shown[2] and "43%" in shown[2]
        counts.query_one(FrameTable).cursor_row = list(counts_of(counts)).index("市级")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert table.row_count == 13 and set(table.view_frame["level"]) == {"市级"}
        assert screen.query_one(FilterBar).filters["level"] == "市级"  # shows as a filter
        await pilot.press("escape")  # clears it with the other filters
        await pilot.pause()
        assert table.row_count == 30
    run_scenario(scenario)


def test_counts_of_a_column_without_a_filter_pin_the_value_until_escape() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        to_column(table, "year")
        await pilot.press("F")
        await pilot.pause()
        counts = app.screen
        assert isinstance(counts, ColumnCountsScreen)
        by_year = counts_of(counts)
        first_value, first_count = next(iter(by_year.items()))
        assert first_count == max(by_year.values())  # largest first
        await pilot.press("enter")
        await pilot.pause()
        assert table.row_count == first_count
        assert set(table.view_frame["year"]) == {first_value}
        assert "=年份" in lines(table)[0]  # the header says the column is filtered
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 30 and "=年份" not in lines(table)[0]
        assert isinstance(app.screen, EnterprisesScreen)
    run_scenario(scenario)


def test_escape_closes_the_counts_without_filtering() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, ColumnCountsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and table.row_count == 30
    run_scenario(scenario)


def test_column_statistics_of_numbers_and_of_text() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        years = table.view_frame["year"]
        to_column(table, "year")
        await pilot.press("i")
        await pilot.pause()
        stats = app.screen
        assert isinstance(stats, ColumnStatsScreen) and stats.stats is not None
        assert stats.stats.count == years.count() and stats.stats.maximum == years.max()
        text = plain(stats.query_one("#stats-body", Static).content)
        for label in ("有值行数", "空值", "不同值", "最小值", "最大值", "合计", "平均值", "中位数"):
            assert label in text
        await pilot.press("escape")
        await pilot.pause()
        to_column(table, "level")
        await pilot.press("i")
        await pilot.pause()
        text = plain(app.screen.query_one("#stats-body", Static).content)
        assert "最常见的值" in text and "市级" in text and "平均值" not in text
    run_scenario(scenario)


def test_second_sort_keeps_the_first_as_the_main_key() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        to_column(table, "level")
        await pilot.press("s")
        to_column(table, ENTERPRISE)
        await pilot.press("S")
        await pilot.pause()
        assert table.sort_keys == (("level", False), (ENTERPRISE, False))
        view = table.view_frame
        expected = view.sort(["level", ENTERPRISE], nulls_last=True)
        assert view.select("level", ENTERPRISE).equals(expected.select("level", ENTERPRISE))
        header = lines(table)[0]
        assert "▲1" in header and "▲2" in header  # both marked, in order
    run_scenario(scenario)


def test_go_to_row() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GotoRowScreen)
        await pilot.press("9", "9", "enter")  # past the end: says so, stays open
        await pilot.pause()
        assert isinstance(app.screen, GotoRowScreen)
        assert "1 到 30" in plain(app.screen.query_one("#goto-error", Static).content)
        app.screen.query_one(Input).value = "12"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and table.cursor_row == 11
    run_scenario(scenario)


def test_parse_row_number() -> None:
    assert parse_row_number(" 1,200 ", 5000) == 1200
    assert parse_row_number("１２", 50) == 12  # full-width digits
    assert parse_row_number("0", 5) is None and parse_row_number("x", 5) is None
    assert parse_row_number("6", 5) is None


def test_hide_and_show_columns() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        before = [c.key for c in table.columns]
        to_column(table, "level")
        await pilot.press("minus")
        await pilot.pause()
        assert "level" not in [c.key for c in table.columns]
        assert "级别" not in lines(table)[0]
        assert table.columns[table.cursor_column].key == before[before.index("level") + 1]
        assert "level" not in screen.export_frame().columns  # export what is shown
        await pilot.press("plus")
        await pilot.pause()
        assert [c.key for c in table.columns] == before
        assert "level" in screen.export_frame().columns
    run_scenario(scenario)


def test_copy_cell_and_row_to_the_clipboard() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        row = table.current_row()
        assert row is not None
        to_column(table, ENTERPRISE)
        await pilot.press("y")
        assert app.clipboard == row[ENTERPRISE]
        await pilot.press("Y")
        assert app.clipboard.split("\t")[0] == row[ENTERPRISE]
        assert app.clipboard.count("\t") == len(table.columns) - 1
    run_scenario(scenario)


def test_view_cell_shows_the_whole_note() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        to_column(table, "note")
        note = table.current_row()["note"]
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CellTextScreen)
        assert plain(app.screen.query_one("#cell-text", Static).content, 400).strip() == note
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    run_scenario(scenario)


def test_scrolled_to_the_last_column_the_names_stay() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        names = table.view_frame[ENTERPRISE].to_list()
        table.cursor_column = len(table.columns) - 1
        await pilot.pause()
        assert table.scroll_offset.x > 0
        shown = lines(table)
        assert "企业" in shown[0] and "备注" in shown[0]
        for index, line in enumerate(shown[1:6]):
            assert line.startswith(names[index]), line
            assert "│" in line  # the frozen column's edge
    run_scenario(scenario, size=(80, 30))


def test_ladder_key_focuses_the_ladder_and_is_in_the_key_bar() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen, table = await enterprises_table(app, pilot)
        assert "梯度" in plain(screen.query_one(KeyBar).render())
        await pilot.press("h")
        assert screen.query_one(LadderTree).has_focus
        await pilot.press("h")
        assert table.has_focus
    run_scenario(scenario)


def test_every_table_key_is_in_help() -> None:
    listed = {k.action for k in KEYS}
    for action in ("column_counts", "column_stats", "then_sort", "goto_row", "hide_column",
                   "copy_cell", "view_cell", "ladder"):
        assert action in listed
    bound = {b.action for b in FrameTable.BINDINGS}  # type: ignore[union-attr]
    assert {"column_counts", "column_stats", "then_sort", "goto_row", "hide_column",
            "show_columns", "copy_cell", "copy_row", "view_cell"} <= bound


class CountsApp(App[None]):
    def __init__(self, frame: pl.DataFrame) -> None:
        super().__init__()
        self.frame = frame

    def compose(self) -> ComposeResult:
        yield FrameTable(id="table")

    def on_mount(self) -> None:
        self.query_one(FrameTable).set_frame(self.frame)


def test_counts_of_a_big_table_come_from_a_worker() -> None:
    rows = INLINE_ROWS * 3
    frame = pl.DataFrame({"town": [f"镇{i % 7}" for i in range(rows)], "n": range(rows)})

    async def main() -> None:
        app = CountsApp(frame)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            table = app.query_one(FrameTable)
            table.focus()
            await pilot.press("F")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ColumnCountsScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            counts = counts_of(screen)
            assert len(counts) == 7 and sum(counts.values()) == rows
            await pilot.press("enter")  # the largest: 镇0
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert table.row_count == counts["镇0"]
    asyncio.run(main())


def test_counts_and_statistics_show_markup_and_control_characters_as_text() -> None:
    frame = pl.DataFrame({"name": ["[bold]x[/]", "[/]", "a\x1b[31mb", None],
                          "n": [1, 2, 3, 4]})

    async def main() -> None:
        app = CountsApp(frame)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.query_one(FrameTable).focus()
            await pilot.press("F")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ColumnCountsScreen)
            shown = lines(screen.query_one(FrameTable))
            assert any("[bold]x[/]" in line for line in shown)
            assert any("（空）" in line for line in shown)
            await pilot.press("enter")  # the first value (ties in value order)
            await pilot.pause()
            table = app.query_one(FrameTable)
            assert table.row_count == 1
            await pilot.press("escape")
            await pilot.pause()
            assert table.row_count == 4
            await pilot.press("i")
            await pilot.pause()
            text = plain(app.screen.query_one("#stats-body", Static).content)
            assert "[/]" in text
    asyncio.run(main())
