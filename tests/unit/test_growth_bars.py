"""The diverging growth bar chart, rendered as pure Rich text."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.text import Text

from econdash.tui.widgets.growth_bars_render import (
    AXIS,
    FULL,
    LEFT_HALF,
    NEGATIVE_STYLE,
    POSITIVE_STYLE,
    RIGHT_HALF,
    axis_spacer,
    fit_name,
    growth_bar_lines,
)

CLUSTERS = [  # the bundled 产业集群 figures, fastest first
    ("时尚纺织服装产业产值", 26.5), ("汽车零部件产业产值", 20.9), ("新材料产业产值", 19.3),
    ("新能源(节能环保产业)产业产值", 17.6), ("关键基础件(气动)产业产值", 9.3),
    ("电子信息产业产值", 7.4), ("智能家电产业产值", -2.5), ("生命(医疗)健康产业产值", -13.6),
]


def axis_cell(line: Text) -> int:
    """Cell offset of the zero axis in a line."""
    return cell_len(line.plain[:line.plain.index(AXIS)])


def bar_cells(line: Text, side: str) -> float:
    """Bar length in cells on one side of the axis (half blocks count 0.5)."""
    before, after = line.plain.split(AXIS, 1)
    part = before if side == "left" else after
    return part.count(FULL) + 0.5 * (part.count(LEFT_HALF) + part.count(RIGHT_HALF))


def styles_of(line: Text, char: str) -> set[str]:
    """Styles of the spans covering `char` in the line."""
    found = set()
    for span in line.spans:
        if char in line.plain[span.start:span.end]:
            found.add(str(span.style))
    return found


def test_no_items_no_lines() -> None:
    assert growth_bar_lines([], 80) == []


@pytest.mark.parametrize("width", [80, 120, 40])
def test_width_respected_and_axis_aligned_with_chinese_names(width: int) -> None:
    lines = growth_bar_lines(CLUSTERS, width)
    assert len(lines) == len(CLUSTERS)
    assert all(line.cell_len == width for line in lines)
    assert len({axis_cell(line) for line in lines}) == 1  # one axis for every row
    # Value labels end at the right edge, so they line up too.
    assert all(line.plain.rstrip().endswith("%") for line in lines)
    assert [line.plain.rstrip()[-6:].strip() for line in lines[:1]] == ["+26.5%"]


def test_names_are_padded_by_cells_not_characters() -> None:
    lines = growth_bar_lines([("电子", 5.0), ("abcd", 3.0)], 60)
    assert axis_cell(lines[0]) == axis_cell(lines[1])
    assert lines[0].plain.startswith("电子 ")


def test_long_names_are_cut_with_a_mark() -> None:
    name = "新能源(节能环保产业)产业产值" * 4
    line = growth_bar_lines([(name, 10.0)], 80)[0]
    assert line.cell_len == 80
    assert "~" in line.plain and name not in line.plain


def test_a_bracketed_ending_survives_the_cut() -> None:
    cut = fit_name("Value added of below-scale industry (growth) (Q1)", 24)
    assert cell_len(cut) == 24 and cut.endswith("~ (Q1)")
    cut = fit_name("规下工业增加值规下工业增加值（一季度）", 20)
    assert cell_len(cut) == 20 and cut.endswith("~（一季度）")
    # An ending too long for the room is cut like the rest.
    assert fit_name("甲（很长很长很长的说明）", 10).endswith("~")
    assert fit_name("abc", 6) == "abc   "


def test_bar_lengths_proportional_and_negatives_on_the_left() -> None:
    lines = growth_bar_lines(CLUSTERS, 120)
    positives = [bar_cells(line, "right") for line in lines[:6]]
    negatives = [bar_cells(line, "left") for line in lines[6:]]
    assert all(bar_cells(line, "left") == 0 for line in lines[:6])
    assert all(bar_cells(line, "right") == 0 for line in lines[6:])
    assert positives == sorted(positives, reverse=True)
    assert negatives[0] < negatives[1]  # -2.5 shorter than -13.6
    scale = positives[0] / 26.5  # cells per percentage point
    for (_, value), line in zip(CLUSTERS, lines):
        length = bar_cells(line, "left" if value < 0 else "right")
        assert abs(length - abs(value) * scale) <= 0.5 + 1e-9


def test_colours_by_sign() -> None:
    lines = growth_bar_lines(CLUSTERS, 100)
    assert POSITIVE_STYLE in styles_of(lines[0], FULL)
    assert NEGATIVE_STYLE in styles_of(lines[-1], FULL)
    assert NEGATIVE_STYLE in styles_of(lines[-1], "-13.6%")
    assert POSITIVE_STYLE in styles_of(lines[0], "+26.5%")


def test_one_item_fills_its_side() -> None:
    (line,) = growth_bar_lines([("规上工业总产值", 8.6)], 80)
    assert line.cell_len == 80
    after = line.plain.split(AXIS, 1)[1]
    # The only bar is the longest: it fills all the room right of the axis.
    assert bar_cells(line, "right") == len(after.rstrip().removesuffix("+8.6%").rstrip())


def test_all_negative_draws_left_of_an_axis_at_the_right() -> None:
    lines = growth_bar_lines([("甲", -1.0), ("乙", -4.0)], 60)
    assert all(bar_cells(line, "right") == 0 for line in lines)
    assert bar_cells(lines[1], "left") == pytest.approx(4 * bar_cells(lines[0], "left"), abs=0.5)
    # Nothing to the right of the axis but the value.
    assert lines[1].plain.split(AXIS, 1)[1].strip() == "-4.0%"


def test_zero_has_no_bar() -> None:
    lines = growth_bar_lines([("增长", 5.0), ("持平", 0.0)], 60)
    assert bar_cells(lines[1], "left") == bar_cells(lines[1], "right") == 0
    assert lines[1].plain.rstrip().endswith("0.0%")
    only_zero = growth_bar_lines([("持平", 0.0)], 40)
    assert only_zero[0].cell_len == 40 and FULL not in only_zero[0].plain


def test_tiny_values_still_show_a_half_block() -> None:
    lines = growth_bar_lines([("大", 100.0), ("小", 0.01), ("负", -0.01)], 60)
    assert bar_cells(lines[1], "right") == 0.5
    assert bar_cells(lines[2], "left") == 0.5


def test_very_narrow_width_never_overflows() -> None:
    for width in (1, 5, 12, 20):
        assert all(line.cell_len <= width for line in growth_bar_lines(CLUSTERS, width))


def test_axis_spacer_keeps_only_the_axis() -> None:
    line = growth_bar_lines(CLUSTERS, 80)[0]
    spacer = axis_spacer(line)
    assert spacer.cell_len == 80
    assert spacer.plain.strip() == AXIS
    assert axis_cell(spacer) == axis_cell(line)
