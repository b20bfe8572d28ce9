"""Tests for FrameTable (Pilot) and its pure render helpers.

There is no pytest-asyncio in the venv, so each Pilot test is a sync test that
runs its coroutine with `asyncio.run`.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import polars as pl
import pytest
from rich.cells import cell_len
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot

from econdash.core.query import view as view_module
from econdash.core.query.filtering import query_expr
from econdash.tui.widgets.frame_table import SYNC_ROW_LIMIT, FrameTable
from econdash.tui.widgets.frame_table_layout import (
    column_at,
    column_offsets,
    default_columns,
    visible_columns,
)
from econdash.tui.widgets.frame_table_render import (
    EXACT_WIDTH_COLUMNS,
    TRUNCATION_MARK,
    Column,
    auto_width,
    column_widths,
    draw_bar,
    fit_cell,
    format_value,
    header_text,
    width_sample,
)

# ---------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (1.5, "1.5"), (2.0, "2"), (1.234, "1.23"), (-0.001, "0"), (7, "7"), ("甲", "甲"),
     (float("nan"), "nan")],  # fmt: skip
)
def test_format_value(value: Any, text: str) -> None:
    assert format_value(value) == text


def test_fit_cell_pads_and_truncates_by_cells() -> None:
    assert fit_cell("ab", 5) == "ab   "
    assert fit_cell("ab", 5, "right") == "   ab"
    assert fit_cell("中文", 6) == "中文  "
    cut = fit_cell("中文字符", 5)  # cut in the middle: the start and the end stay
    assert cell_len(cut) == 5 and cut == "中~符"
    cut = fit_cell("中文字符", 6)  # a wide char can't be split: a space fills its half
    assert cell_len(cut) == 6 and cut == "中~符 "
    # Names that differ at the end stay apart.
    assert fit_cell("数字经济核心制造业纳统增加值", 20) == "数字经济核~统增加值 "
    assert fit_cell("数字经济核心制造业纳统企业数", 20) == "数字经济核~统企业数 "
    assert fit_cell("abcdefghij", 6) == "abc~ij"


def test_draw_bar_width_and_fill() -> None:
    half = draw_bar(0.5, 15)
    assert cell_len(half) == 15
    assert half.count("█") == 5 and half.endswith(" 50%")  # bar area is 15 - 5 = 10
    assert draw_bar(50, 15, scale=100) == half
    assert draw_bar(1.7, 15).count("█") == 10  # clamped bar, true label
    assert draw_bar(1.7, 15).endswith("170%")
    assert draw_bar(None, 8) == " " * 8
    assert "▌" in draw_bar(0.05, 15)  # 0.5 of a cell -> half block


def test_header_text_keeps_sort_mark_when_truncated() -> None:
    column = Column("k", "很长的中文标题")
    assert header_text(column, 8, descending=True).endswith(" ▼")
    assert cell_len(header_text(column, 8, descending=False)) == 8
    assert header_text(Column("k", "ab"), 6, None) == "ab    "


def test_auto_width_bounds() -> None:
    assert auto_width(Column("k", "x"), [1]) == 4
    assert auto_width(Column("k", "x"), ["y" * 100]) == 40
    assert auto_width(Column("k", "名称"), ["中文中文中文"]) == 12


@pytest.mark.parametrize("widest", ["中文名称很长的一家企业有限公司", "x" + "🙂" * 14])
def test_auto_width_finds_the_widest_among_many_sampled_values(widest: str) -> None:
    """Only a few candidates are measured exactly; the widest in cells must be one of them,
    even among many values with more characters (ASCII) than it has."""
    values = [f"name-{i:020d}" for i in range(300)] + [widest] + [None] * 5
    sample = width_sample(pl.DataFrame({"k": values}), "k")
    assert auto_width(Column("k", "k"), sample) == max(cell_len(widest), 25) == cell_len(widest)
    assert len(sample) <= 40  # measured: a few, not all 300


def test_query_expr_case_insensitive_and_filters() -> None:
    frame = pl.DataFrame(
        {
            "name": ["Alpha", "beta", "ÄRGER", None, "甲乙"],
            "code": ["x1", "X2", "y", "alpha", None],
            "n": [1, 2, 3, 1, 2],
        }
    )

    def names(search: str = "", cols: list[str] | None = None, **filters: str | None) -> list:
        expr = query_expr(frame.schema, search, cols, filters)
        return frame.filter(expr)["n"].to_list() if expr is not None else frame["n"].to_list()

    assert names("ALP") == [1, 1]  # name or code matches
    assert names("ALP", ["name"]) == [1]
    assert names("ärg") == [3]  # non-ASCII case folding
    assert names("乙") == [2]
    assert names("x", n="2") == [2]  # non-string filter compared as text
    assert names(n=None) == [1, 2, 3, 1, 2]
    with pytest.raises(KeyError):
        query_expr(frame.schema, "a", ["missing"], {})


# ---------------------------------------------------------------- Pilot helpers


class TableApp(App[None]):
    """Mounts one focused FrameTable and records the messages it posts."""

    BINDINGS = [("escape", "escape_pressed", "Back")]

    def __init__(self, frame: pl.DataFrame, columns: list[Column] | None = None) -> None:
        super().__init__()
        self.frame = frame
        self.columns = columns
        self.messages: list[Any] = []
        self.escapes = 0

    def compose(self) -> ComposeResult:
        yield FrameTable(self.columns, id="table")

    def on_mount(self) -> None:
        table = self.query_one(FrameTable)
        table.set_frame(self.frame)
        table.focus()

    def action_escape_pressed(self) -> None:
        self.escapes += 1

    def on_frame_table_row_selected(self, message: FrameTable.RowSelected) -> None:
        self.messages.append(message)

    def on_frame_table_filtered(self, message: FrameTable.Filtered) -> None:
        self.messages.append(message)

    def on_frame_table_row_highlighted(self, message: FrameTable.RowHighlighted) -> None:
        self.messages.append(message)

    def on_frame_table_query_failed(self, message: FrameTable.QueryFailed) -> None:
        self.messages.append(message)

    def of(self, kind: type) -> list[Any]:
        return [m for m in self.messages if isinstance(m, kind)]


Scenario = Callable[[TableApp, FrameTable, Pilot], Awaitable[None]]


def run(frame: pl.DataFrame, scenario: Scenario, columns: list[Column] | None = None) -> None:
    async def main() -> None:
        app = TableApp(frame, columns)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await scenario(app, app.query_one(FrameTable), pilot)

    asyncio.run(main())


async def settle(pilot: Pilot, done: Callable[[], bool], timeout: float = 120.0) -> None:
    """Pause until `done()` holds (the timeout only stops a hang: a loaded machine is slow). (`app.workers.wait_for_complete()` raises
    WorkerCancelled when an older, superseded query worker is still listed.)"""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "timed out waiting for the table"
        await pilot.pause(0.02)


def lines(table: FrameTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


def small_frame(n: int = 10) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "id": list(range(n)),
            "name": [f"item{i}" for i in range(n)],
            "value": [float((i * 7) % n) for i in range(n)],
        }
    )


def big_frame(n: int) -> pl.DataFrame:
    return pl.DataFrame({"id": pl.int_range(0, n, eager=True)}).with_columns(
        name=pl.format("企业{}号", pl.col("id")),
        share=(pl.col("id") % 100) / 100,
    )


# ---------------------------------------------------------------- Pilot tests


def test_rows_render_header_and_values() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        shown = lines(table)
        assert shown[0].split() == ["id", "name", "value"]
        assert shown[1].split() == ["0", "item0", "0"]
        assert shown[3].split() == ["2", "item2", "4"]
        assert shown[11].strip() == ""  # 10 rows only
        assert (table.row_count, table.total_count) == (10, 10)

    run(small_frame(), scenario)


def test_chinese_columns_align() -> None:
    names = ["中国银行", "abc", "深圳市南山区科技园", "x中y", "很长" * 11]
    frame = pl.DataFrame({"名称": names, "code": [f"C{i}" for i in range(len(names))]})

    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        shown = lines(table)
        starts = {cell_len(shown[0][: shown[0].index("code")])}
        for i in range(len(names)):
            text = shown[i + 1]
            starts.add(cell_len(text[: text.index(f"C{i}")]))
        assert len(starts) == 1, starts
        assert all(cell_len(text) == table.scrollable_content_region.width for text in shown)
        # The 22-character name (44 cells) fits the window: shown whole, not capped.
        assert "很长" * 11 in shown[5] and TRUNCATION_MARK not in shown[5]

    run(frame, scenario)


def test_cursor_keys_move_cursor_row() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        await pilot.press("down", "down", "down", "up")
        assert table.cursor_row == 2
        assert table.current_row() == {"id": 2, "name": "item2", "value": 14.0}
        await pilot.press("pagedown")
        assert table.cursor_row == 2 + 23  # one page = 24 lines minus the header
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("up")
        assert table.cursor_row == 0  # clamped
        await pilot.press("ctrl+end")
        assert table.cursor_row == 99

    run(small_frame(100), scenario)


def test_end_on_million_rows_shows_last_rows() -> None:
    """(How fast: bench/run.py, "scrolling": end, key to frame.)"""
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 999_999
        shown = lines(table)
        assert shown[0].split()[:2] == ["id", "name"]
        assert shown[-1].split()[:2] == ["999999", "企业999999号"]
        assert shown[-2].split()[:2] == ["999998", "企业999998号"]

    run(big_frame(1_000_000), scenario)


def test_search_and_filters_narrow_rows() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        table.set_query("ITEM1")  # item1, item10..item19
        assert table.row_count == 11
        await pilot.pause()
        filtered = app.of(FrameTable.Filtered)[-1]
        assert (filtered.shown, filtered.total) == (11, 30)
        table.set_query("item1", filters={"id": "12"})
        assert table.view_frame["name"].to_list() == ["item12"]
        table.set_query(filters={"name": "item3", "id": None})
        assert table.row_count == 1
        table.set_query()
        assert table.row_count == 30

    run(small_frame(30), scenario)


def test_escape_is_left_to_the_app() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        table.set_query("item2")
        await pilot.press("escape")
        assert app.escapes == 1
        assert table.row_count == 1  # the table did not clear its own search

    run(small_frame(), scenario)


def test_sort_by_key_cycles_and_marks_header() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        await pilot.press("right", "right")  # cursor on "value"
        await pilot.press("s")
        assert table.view_frame["value"].to_list() == [0, 2, 3, 4, 5, 6, 7, 8, 9, None]
        assert "value ▲" in lines(table)[0]
        await pilot.press("s")
        assert table.view_frame["value"].to_list() == [9, 8, 7, 6, 5, 4, 3, 2, 0, None]
        assert "value ▼" in lines(table)[0]
        await pilot.press("s")
        assert table.view_frame["id"].to_list() == list(range(10))
        assert "▲" not in lines(table)[0] and "▼" not in lines(table)[0]

    frame = small_frame().with_columns(
        pl.when(pl.col("id") == 3).then(None).otherwise(pl.col("value")).alias("value")
    )
    run(frame, scenario)


def test_header_click_sorts_that_column() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        await pilot.click(FrameTable, offset=(1, 0))  # "id" header
        assert table.sort_state == ("id", False)
        await pilot.click(FrameTable, offset=(1, 0))
        assert table.sort_state == ("id", True)
        assert table.view_frame["id"][0] == 9
        assert lines(table)[1].split()[0] == "9"

    run(small_frame(), scenario)


def test_enter_and_click_select_rows() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [m.row for m in app.of(FrameTable.RowSelected)] == [
            {"id": 1, "name": "item1", "value": 7.0}
        ]
        await pilot.click(FrameTable, offset=(2, 4))  # screen line 4 = row 3
        await pilot.pause()
        assert table.cursor_row == 3
        assert len(app.of(FrameTable.RowSelected)) == 1  # first click only highlights
        await pilot.click(FrameTable, offset=(2, 4))
        await pilot.pause()
        assert app.of(FrameTable.RowSelected)[-1].row["id"] == 3

    run(small_frame(), scenario)


def test_empty_result_shows_empty_text() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        table.set_query("no such thing")
        assert table.row_count == 0 and table.current_row() is None
        shown = lines(table)
        assert shown[1].strip() == "无匹配行 / No matching rows"
        table.empty_text = "No matching rows"
        assert lines(table)[1].strip() == "No matching rows"
        await pilot.press("down", "enter")  # harmless on an empty view
        await pilot.pause()
        assert app.of(FrameTable.RowSelected) == []

    run(small_frame(), scenario)


def test_set_frame_keeps_cursor_clamped_and_query() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        await pilot.press("end")
        assert table.cursor_row == 9
        table.set_frame(small_frame(5))
        assert table.cursor_row == 4
        table.set_frame(small_frame(20))
        assert table.cursor_row == 4
        table.set_query("item1")
        table.set_frame(small_frame(15))
        assert table.view_frame["name"].to_list() == ["item1"] + [f"item1{i}" for i in range(5)]

    run(small_frame(), scenario)


def test_big_search_runs_in_worker_and_applies() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        assert table.total_count > SYNC_ROW_LIMIT
        table.set_query("企业4242")  # superseded by the next keystroke
        table.set_query("企业12345")  # 12345 and 123450..123459 are > 100k
        assert table.row_count == 100_000  # not applied synchronously
        await settle(pilot, lambda: table.row_count < 100_000)
        assert table.view_frame["id"].to_list() == [12345]
        assert lines(table)[1].split()[1] == "企业12345号"
        assert app.of(FrameTable.Filtered)[-1].shown == 1
        table.set_query(filters={"nope": "x"})  # fails inside the worker
        await settle(pilot, lambda: bool(app.of(FrameTable.QueryFailed)))
        assert "nope" in app.of(FrameTable.QueryFailed)[0].message
        assert table.row_count == 1  # previous view kept

    run(big_frame(100_000), scenario)


def test_worker_search_learns_the_frame_once_and_keeps_its_rows() -> None:
    """A big search learns which columns have few values; later searches (and views
    narrowed by typing) give the rows of a plain scan."""
    frame = big_frame(60_000).with_columns(
        kind=pl.when(pl.col("id") % 3 == 0).then(pl.lit("绿色工厂")).otherwise(pl.lit("Green")))

    def plain(text: str) -> list[int]:
        return frame.filter(query_expr(frame.schema, text, None, {}))["id"].to_list()

    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        for text in ["绿", "绿色", "1", "12", "123", "gre", "green", "企业42"]:
            table.set_query(text)
            await settle(pilot, lambda: table._state.settled)
            assert table.view_frame["id"].to_list() == plain(text), text
        facts = table._state.facts
        assert facts.frame is frame
        assert facts.values("kind").sort().to_list() == ["Green", "绿色工厂"]
        assert facts.values("name") is None

    run(frame, scenario)


def test_stale_worker_result_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    """An older query that finishes after a newer one must not replace its view."""
    release, first_done = threading.Event(), threading.Event()
    real_compute = view_module.compute_view
    calls: list[int] = []

    def compute(*args: Any) -> pl.DataFrame:
        calls.append(1)
        view = real_compute(*args)
        if len(calls) == 1:  # hold the first (older) query until the newer one is shown
            release.wait(5)
            first_done.set()
        return view

    monkeypatch.setattr(view_module, "compute_view", compute)

    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        table.set_query("企业4242")
        await settle(pilot, lambda: bool(calls))  # the older query is now running
        table.set_query("企业12345")
        await settle(pilot, lambda: table.row_count < 100_000)
        assert table.view_frame["id"].to_list() == [12345]
        release.set()
        assert await asyncio.to_thread(first_done.wait, 5)
        await pilot.pause(0.3)  # time for a (wrong) call_from_thread to land
        assert table.view_frame["id"].to_list() == [12345]

    run(big_frame(100_000), scenario)


def test_bad_filter_posts_query_failed() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        table.set_query(filters={"nope": "x"})
        await pilot.pause()
        assert len(app.of(FrameTable.QueryFailed)) == 1
        assert table.row_count == 10  # previous view kept

    run(small_frame(), scenario)


def test_bar_column_renders_bar() -> None:
    columns = [Column("name", "名称"), Column("share", "占比", bar=True, width=15)]
    frame = pl.DataFrame({"name": ["a", "b"], "share": [0.5, 1.0]})

    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        shown = lines(table)
        assert "█████" + " " * 5 + "  50%" in shown[1]
        assert "█" * 10 + " 100%" in shown[2]

    run(frame, scenario, columns)


def test_mouse_wheel_scrolls() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        wheel = events.MouseScrollDown(table, 5, 5, 0, 1, 0, False, False, False)
        table.post_message(wheel)
        await pilot.pause()
        assert table.scroll_offset.y > 0
        assert lines(table)[1].split()[0] == str(table.scroll_offset.y)

    run(small_frame(100), scenario)


def test_right_scrolls_overflowing_columns() -> None:
    frame = pl.DataFrame({f"col{i}": [f"value{i}-" + "x" * 20] for i in range(6)})

    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        assert "col5" not in lines(table)[0]
        await pilot.press(*["right"] * 5)
        assert table.cursor_column == 5
        assert table.scroll_offset.x > 0
        assert "col5" in lines(table)[0]

    run(frame, scenario)


def test_cursor_moves_post_row_highlighted() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        app.messages.clear()
        await pilot.press("down", "down")
        await pilot.pause()
        rows = [m.row["id"] for m in app.of(FrameTable.RowHighlighted)]
        assert rows == [1, 2]
        table.set_query("nothing matches")
        await pilot.pause()
        assert app.of(FrameTable.RowHighlighted)[-1].row is None

    run(small_frame(), scenario)


def test_cursor_style_is_stronger_when_focused() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        focused = list(table.render_line(1))[0].style
        other_row = list(table.render_line(2))[0].style
        assert focused != other_row
        table.blur()
        await pilot.pause()
        blurred = list(table.render_line(1))[0].style
        assert blurred != focused and blurred != other_row

    run(small_frame(), scenario)


def test_set_frame_shrink_keeps_last_rows_visible() -> None:
    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        await pilot.press("end")
        table.set_frame(small_frame(50))
        await pilot.pause()
        assert table.cursor_row == 49
        shown = lines(table)
        assert shown[-1].split()[0] == "49"  # no blank screen below the data
        assert shown[1].split()[0] == str(50 - 23)

    run(small_frame(100), scenario)


def test_million_rows_new_frame_keys_and_search() -> None:
    """A new million-row frame, the moving keys and a search each paint the right rows.
    (How fast: bench/run.py, "all N rows handed to the table (set_frame) to painted",
    "scrolling" (down, pagedown, end, pageup, home) and "filter as you type".)"""
    frame = big_frame(1_000_000)

    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        def paint() -> list[str]:
            strips = table.render_lines(Region(0, 0, *table.size))
            return [strip.text for strip in strips]

        table.set_frame(frame.with_columns(extra=pl.col("id") * 2))
        painted = paint()
        assert painted[0].split() == ["id", "name", "share", "extra"]
        assert painted[1].split() == ["0", "企业0号", "0", "0"]
        body = table.size.height - 1  # rows below the header
        moves = [("move_row(1)", 1), ("page(1)", 1 + body), ("cursor_last", 999_999),
                 ("page(-1)", 999_999 - body), ("cursor_first", 0)]
        for action, row in moves:
            await table.run_action(action)
            painted = paint()
            assert table.cursor_row == row, action
            line = row - table.scroll_offset.y + 1  # the cursor's row is painted on screen
            assert 1 <= line <= body, action
            assert painted[line].split()[:2] == [str(row), f"企业{row}号"], action
        table.set_query("企业77777")
        await settle(pilot, lambda: table.row_count < 1_000_000)
        assert table.view_frame["id"].to_list() == [77777, *range(777770, 777780)]
        assert paint()[1].split()[:2] == ["77777", "企业77777号"]

    run(frame, scenario)


def test_set_frame_before_mount_with_query_and_columns() -> None:
    columns = [Column("name", "名称"), Column("value", "数值", align="right", width=6)]

    class ComposeApp(App[None]):
        def compose(self) -> ComposeResult:
            table = FrameTable(columns)
            table.set_query("item3")  # before any frame, and before mount
            table.set_frame(small_frame(40))
            yield table

    async def main() -> None:
        app = ComposeApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            table = app.query_one(FrameTable)
            expected = ["item3"] + [f"item3{i}" for i in range(10)]
            assert table.view_frame["name"].to_list() == expected
            shown = lines(table)
            assert shown[0].split() == ["名称", "数值"]
            # widths 7 (auto: the header and room for a numbered sort mark) and 6 (fixed),
            # right aligned
            assert shown[1][:14] == "item3       21"

    asyncio.run(main())


# ---------------------------------------------------------------- very wide tables


def test_visible_columns_and_column_at_find_columns_by_position() -> None:
    widths = [3, 5, 2, 4]
    offsets = column_offsets(widths)  # 0, 4, 10, 13
    assert visible_columns(offsets, widths, 0, 4) == (0, 1)
    assert visible_columns(offsets, widths, 3, 8) == (0, 3)
    assert visible_columns(offsets, widths, 11, 100) == (2, 4)
    assert visible_columns([], [], 0, 10) == (0, 0)
    assert [column_at(offsets, widths, x) for x in (0, 2, 3, 4, 9, 10, 16, 17)] == \
        [0, 0, None, 1, None, 2, 3, None]


def test_columns_beyond_the_exactly_measured_ones_get_estimated_widths() -> None:
    names = [f"c{i}" for i in range(EXACT_WIDTH_COLUMNS + 3)]
    frame = pl.DataFrame({name: ["x"] for name in names}).with_columns(
        pl.lit("规上工业总产值").alias(names[-1]), pl.lit(123456.5).alias(names[-2]))
    widths = column_widths(frame, default_columns(frame.schema))
    assert widths[-1] == cell_len("规上工业总产值")
    assert widths[-2] >= len("123456.5")
    assert widths[-3] == max(len(names[-3]) + 3, 4)  # room for a numbered sort mark


def test_a_table_of_thousands_of_columns_shows_its_last_column() -> None:
    """Only the columns in view are drawn (10,000 columns froze a section for 76 s)."""
    frame = pl.DataFrame({f"col{i}": [f"v{i}-{r}" for r in range(3)] for i in range(3000)})

    async def scenario(app: TableApp, table: FrameTable, pilot: Pilot) -> None:
        table.cursor_column = 2999
        await pilot.pause()
        shown = lines(table)
        # The first column stays (frozen) at the left, the last one shows beside it.
        assert shown[0].startswith("col0 ") and "col2999" in shown[0]
        assert "col1 " not in shown[0]
        assert "v2999-0" in shown[1]
        await pilot.press("left")
        assert "col2998" in lines(table)[0]

    run(frame, scenario)
