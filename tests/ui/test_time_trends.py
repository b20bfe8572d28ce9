"""Trend lines tell the truth: four cumulative quarters whose values rise while
growth falls draw falling lines everywhere the indicator's trend is shown."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from ui_support import run_scenario

from econdash.core.loaders import load_dataset
from econdash.tui.app import EcondashApp
from econdash.tui.screens.indicator_detail import IndicatorDetailScreen
from econdash.tui.widgets.trend_line import BLOCKS

QUARTERS = [(3, 40.0, 8.1), (6, 85.0, 7.2), (9, 130.0, 6.0), (12, 180.0, 4.9)]


def four_quarters(tmp_path: Path) -> Path:
    """2023 一季度, 上半年, 前三季度, 全年: output rises, its cumulative growth falls."""
    root = tmp_path / "quarters"
    for last, value, growth in QUARTERS:
        folder = root / f"2023-{last:02d}"
        folder.mkdir(parents=True)
        (folder / "report.toml").write_text(
            f'[period]\nyear = 2023\nmonths = [1, {last}]\n\n'
            f'[[indicator]]\nid = "output"\nname = "规上工业总产值"\ncategory = "工业"\n'
            f'value = {value}\nunit = "亿元"\nyoy_pct = {growth}\nheadline = true\n',
            encoding="utf-8")
    return root


def falls(blocks: str) -> bool:
    levels = [BLOCKS.index(b) for b in blocks]
    return all(a > b for a, b in zip(levels, levels[1:]))


def test_values_rise_growth_falls_every_line_falls(tmp_path: Path) -> None:
    dataset = load_dataset(four_quarters(tmp_path))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        frame = screen.table.view_frame
        cell = frame.row(0, named=True)["trend"]
        assert cell == "增速 █▆▃▁ +8.1%→+4.9%"
        assert falls(cell.split()[1])

        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, IndicatorDetailScreen)
        lines = [str(w.render()) for w in detail.query(".detail-trend")]
        assert len(lines) == 1  # one year: no like-span value line, and no value staircase
        heading, spark, marker = lines[0].splitlines()
        assert heading.startswith("累计增速  2023年一季度 +8.1% → 2023年全年 +4.9%")
        assert falls("".join(dict.fromkeys(spark)))  # each point a few cells wide
        # The current period (全年, the fourth point) is marked under its blocks.
        assert marker.lstrip() == "▲ 本期 2023年全年"
        assert spark[marker.index("▲")] == spark[-1]

        # An earlier period: the table's line ends at the period shown.
        await pilot.press("escape", "left_square_bracket")
        await pilot.pause()
        cell = screen.table.view_frame.row(0, named=True)["trend"]
        assert cell == "增速 █▅▁ +8.1%→+6.0%"

    run_scenario(scenario, dataset, size=(140, 36))
