"""The column layout, scrolling and cell helpers of `FrameTable`, without an app."""

from __future__ import annotations

import polars as pl
import pytest

from econdash.tui.widgets.frame_table_layout import (
    ColumnLayout,
    VisibleCells,
    choose_columns,
    scroll_to_show,
)
from econdash.tui.widgets.frame_table_render import Column


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


def test_fit_gives_auto_columns_their_content_when_the_window_allows() -> None:
    frame = pl.DataFrame({"name": ["x" * 59], "n": [1], "note": ["y" * 200]})
    layout = ColumnLayout.measure(frame, [Column("name"), Column("n", width=3), Column("note")])
    assert layout.widths == (40, 3, 40) and layout.natural == (59, 3, 200)  # before fitting
    assert layout.fit(300).widths == (59, 3, 200)  # all fits: nothing cut
    # Too wide: the first column is cut to half the window (so it can stay frozen), the
    # others may take the window beside it.
    fitted = layout.fit(100)
    assert fitted.widths[0] == 49 and fitted.widths[1] == 3  # half the window, less one
    assert fitted.widths[2] == 100 - 49 - 2  # the rest of the window
    assert layout.fit(0) is layout


def test_frozen_first_column_and_its_scrolling() -> None:
    frame = pl.DataFrame({"a": ["x" * 10], "b": ["y" * 30], "c": ["z" * 30]})
    layout = ColumnLayout.measure(frame, [Column("a"), Column("b"), Column("c")])
    assert layout.widths == (10, 30, 30) and layout.width == 72
    assert layout.frozen(0, 40) == 0  # not scrolled: nothing to freeze
    assert layout.frozen(5, 40) == 11  # column and its edge
    assert layout.frozen(5, 20) == 0  # wider than half the window: scrolls away
    # Column c (at 42..71) in a 50-cell window: scrolled so it ends at the edge, the
    # frozen column (11 cells) covering the left.
    assert layout.scroll_to_show_frozen(2, 0, 50) == 22
    assert layout.scroll_to_show_frozen(0, 22, 50) is None  # frozen: always shows
    assert layout.scroll_to_show_frozen(1, 22, 50) == 0  # b starts right after a
    assert layout.at_screen(3, 22, 50) == 0  # over the frozen column
    assert layout.at_screen(10, 22, 50) is None  # its edge
    assert layout.at_screen(25, 22, 50) == 2  # 25 + 22 = 47: column c


def test_without_hides_columns_keeping_their_widths() -> None:
    frame = pl.DataFrame({"a": ["x" * 10], "b": [1], "c": ["z" * 6]})
    layout = ColumnLayout.measure(frame, [Column("a"), Column("b"), Column("c")])
    hidden = layout.without({"b"})
    assert [c.key for c in hidden.columns] == ["a", "c"]
    assert hidden.widths == (10, 6) and hidden.offsets == (0, 11)
    assert layout.without(set()) is layout


def test_visible_cells_put_the_frozen_column_first() -> None:
    view = pl.DataFrame({"a": ["r0", "r1"], "b": ["x", "y"], "c": ["p", "q"]})
    layout = ColumnLayout.measure(view, [Column("a"), Column("b"), Column("c")])
    rows = VisibleCells().rows(view, layout, 0, 2, 2, 3, frozen=True)
    assert [[text.strip() for text, _ in row] for row in rows] == [["r0", "p"], ["r1", "q"]]
