"""The overview dashboard: selection moves over tiles and panels, Enter drills into the
detail, `e` offers the period brief."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_support import run_scenario

from econdash.tui.screens.export_dialog import ExportScreen
from econdash.tui.screens.indicator_detail import IndicatorDetailScreen
from econdash.tui.screens.overview import OverviewScreen
from econdash.tui.widgets.kpi_card import KpiCards
from econdash.tui.widgets.overview_panel import OverviewPanel


def test_enter_on_a_tile_opens_its_indicator_and_arrows_move_the_selection() -> None:
    async def scenario(app, pilot) -> None:
        tiles = app.screen.query_one(KpiCards)
        assert tiles.has_focus and tiles.selected == 0
        await pilot.press("right", "down")
        assert tiles.selected == 5  # four tiles a row at 120 columns
        await pilot.press("left", "up")
        assert tiles.selected == 0
        await pilot.press("right")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IndicatorDetailScreen)
        assert app.screen.indicator.id == "above_scale_value_added"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
    run_scenario(scenario)


def test_down_past_the_tiles_reaches_the_panels_and_enter_drills_down() -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("down", "down")  # past the last row of tiles: the first panel
        focused = app.focused
        assert isinstance(focused, OverviewPanel) and focused.id == "ov-growth"
        await pilot.press("enter")  # a cluster: the growth section
        await pilot.pause()
        assert app.current_mode == "growth"
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#ov-honours", OverviewPanel).focus()
        await pilot.press("down", "down", "down", "down", "down", "enter")  # the sixth row
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "enterprises"
        assert app.screen.bar.filters["programme"] == "专精特新重点小巨人"
        assert app.screen.table.row_count == 2  # the firms the roster names
    run_scenario(scenario)


def test_enter_on_what_needs_attention_opens_the_indicator() -> None:
    async def scenario(app, pilot) -> None:
        app.screen.query_one("#ov-attention", OverviewPanel).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IndicatorDetailScreen)
        assert app.screen.indicator.id == "cluster_life_health"  # the steepest fall first
    run_scenario(scenario)


def test_e_offers_the_period_brief(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"

    async def scenario(app, pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.default_path.name == "econdash-brief-2022M01-M06.md"
        assert app.screen.brief and "规上工业增加值" in app.screen.brief
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
    run_scenario(scenario)
    text = target.read_text(encoding="utf-8")
    assert "2022年上半年" in text and "同比+8.6%" in text  # the brief, then the table
    assert "397.3" in text


def test_a_theme_change_recolours_the_bars() -> None:
    async def scenario(app, pilot) -> None:
        panel = app.screen.query_one("#ov-growth", OverviewPanel)

        def bar_colour() -> str:
            line = panel.rows()[0].text
            return next(str(span.style.color.triplet.hex) for span in line.spans
                        if span.style and getattr(span.style, "color", None)
                        and "█" in line.plain[span.start:span.end])
        dark = bar_colour()
        app.theme = "textual-light"
        await pilot.pause()
        assert bar_colour() != dark
    run_scenario(scenario)
