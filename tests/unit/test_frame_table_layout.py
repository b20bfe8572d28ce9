"""The column layout, scrolling and cell helpers of `FrameTable`, without an app."""

from __future__ import annotations

import polars as pl
import pytest

from econdash.tui.widgets.frame_table_render import Column
from econdash.tui.widgets.frame_table_layout import (
    ColumnLayout,
    VisibleCells,
    choose_columns,
    scroll_to_show,
)


@pytest.mark.parametrize(
    ("start", "end", "offset", "size", "expected"),
    [(5, 6, 0, 10, None),  # shows already
     (2, 3, 4, 10, 2),  # above or left of the window: scroll back to it
     (12, 13, 0, 10, 3),  # below: the last line of the window
     (4, 30, 10, 10, 4),  # wider than the window: its start shows
     (18, 22, 10, 10, 12)],  # fmt: skip
)
def test_scroll_to_show_moves_as_little_as_possible(start: int, end: int, offset: int,
                                                    size: int, expected: int | None) -> None:
    assert scroll_to_show(start, end, offset, size) == expected


def test_choose_columns_keeps_given_then_earlier_columns_the_frame_has() -> None:
    schema = pl.Schema({"name": pl.String, "value": pl.Int64})
    name, value, gone = Column("name", "名称"), Column("value"), Column("gone")
    assert choose_columns(schema, [value], [name]) == [value]
    assert choose_columns(schema, None, [name]) == [name]
    derived = choose_columns(schema, None, [name, gone])  # earlier ones lost a column
    assert [(c.key, c.align) for c in derived] == [("name", "left"), ("value", "right")]
    with pytest.raises(ValueError, match="gone"):
        choose_columns(schema, [name, gone], None)


def test_column_layout_places_columns_with_one_cell_between() -> None:
    frame = pl.DataFrame({"a": ["xxxxxx"], "b": [1], "c": ["规上工业"]})
    columns = [Column("a"), Column("b", width=5), Column("c")]
    layout = ColumnLayout.measure(frame, columns)
    assert layout.widths == (6, 5, 8) and layout.offsets == (0, 7, 13)
    assert layout.width == 21
    assert [layout.at(x) for x in (0, 6, 7, 12, 13, 20, 21)] == [0, None, 1, None, 2, 2, None]
    assert layout.in_view(0, 10) == (0, 2, 0)
    assert layout.in_view(9, 6) == (1, 3, 2)  # the window starts 2 cells into column b
    assert layout.scroll_to_show(2, 0, 10) == 11
    assert layout.scroll_to_show(0, 9, 10) == 0
    assert layout.scroll_to_show(3, 0, 10) is None
    assert ColumnLayout((Column("a"),)).scroll_to_show(0, 0, 10) is None  # not measured


def test_visible_cells_are_made_once_per_scroll() -> None:
    view = pl.DataFrame({"a": [f"r{i}" for i in range(10)], "b": list(range(10))})
    layout = ColumnLayout.measure(view, [Column("a"), Column("b", align="right")])
    cells = VisibleCells()
    rows = cells.rows(view, layout, 3, 2, 0, 2)
    assert [[text for text, _ in row] for row in rows] == [["r3  ", "   3"], ["r4  ", "   4"]]
    assert cells.rows(view.head(0), layout, 3, 2, 0, 2) is rows  # same scroll: kept
    cells.forget()
    assert cells.rows(view.head(0), layout, 3, 2, 0, 2) == []
    assert [[t for t, _ in row] for row in cells.rows(view, layout, 9, 2, 1, 2)] == [["   9"]]
