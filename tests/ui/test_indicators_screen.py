"""Pilot tests of the Indicators section (2) and the indicator detail.

No pytest-asyncio in the venv: each test is sync and runs its coroutine with
`asyncio.run`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static
from ui_support import run_scenario

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset
from econdash.tui.app import EcondashApp
from econdash.tui.screens.indicator_detail import IndicatorDetailScreen
from econdash.tui.screens.indicators import (
    ALL,
    IndicatorsScreen,
    fit_name_width,
)

TOTAL = 94


run = run_scenario


async def open_indicators(app: EcondashApp, pilot: Pilot) -> IndicatorsScreen:
    await pilot.press("2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, IndicatorsScreen)
    return screen


def names(screen: IndicatorsScreen) -> list[str]:
    return screen.table.view_frame.get_column("name").to_list()


def status(screen: IndicatorsScreen) -> str:
    return str(screen.query_one("#ind-status", Static).render())


def two_periods(tmp_path: Path) -> Path:
    """The bundled dataset plus a 2021 full-year copy with a few values changed."""
    root = tmp_path / "dataset"
    shutil.copytree(bundled_dataset(), root)
    text = (root / "2022-H1" / "report.toml").read_text(encoding="utf-8")
    for old, new in [('year = 2022\nmonths = [1, 6]\nlabel = "2022年上半年"',
                      'year = 2021\nmonths = [1, 12]\nlabel = "2021年全年"'),
                     ("published = 2022-07-04", "published = 2022-01-20"),
                     ("value = 397.3", "value = 350.0"), ("yoy_pct = 8.6", "yoy_pct = 5.5")]:
        assert old in text
        text = text.replace(old, new)
    (root / "2021-FY").mkdir()
    (root / "2021-FY" / "report.toml").write_text(text, encoding="utf-8")
    return root


# ---------------------------------------------------------------- pure helpers


def test_fit_name_width() -> None:
    widths = {"category": 8, "name": 40, "value": 8, "unit": 6, "yoy_pct": 8, "span": 6,
              "rank_text": 12, "trend": 6}
    assert fit_name_width(widths, 200) == 40  # room for everything: the names' own width
    assert fit_name_width(widths, 85) == 85 - (8 + 8 + 6 + 8 + 6 + 12 + 6) - 7
    # Narrow: the figures stay in view, rank and trend scroll off.
    assert fit_name_width(widths, 76) == 76 - (8 + 8 + 6 + 8 + 6) - 5
    assert fit_name_width(widths, 30) == 12  # never below the minimum


# ---------------------------------------------------------------- the section


def test_table_search_filter_detail_language() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        assert screen.table.row_count == TOTAL
        assert status(screen) == f"显示 {TOTAL} / 共 {TOTAL} 行"
        assert app.focused is screen.table
        # Grouped by category in report order.
        categories = screen.table.view_frame.get_column("category").to_list()
        assert list(dict.fromkeys(categories))[:4] == ["工业", "投资", "数字经济", "产业集群"]
        assert categories == sorted(categories, key=list(dict.fromkeys(categories)).index)

        await pilot.press("slash")
        assert app.focused is screen.search_input
        await pilot.press(*"投资")
        await pilot.pause()
        shown = names(screen)
        assert shown and all("投资" in name for name in shown)
        assert screen.table.row_count < TOTAL
        assert status(screen) == f"显示 {len(shown)} / 共 {TOTAL} 行"

        await pilot.press("escape")
        await pilot.pause()
        assert screen.table.row_count == TOTAL
        assert screen.search_input.value == ""
        assert app.focused is screen.table

        screen.category_select.value = "产业集群"
        await pilot.pause()
        assert screen.table.row_count == 8
        assert set(screen.table.view_frame.get_column("category")) == {"产业集群"}

        screen.table.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, IndicatorDetailScreen)
        assert detail.indicator.name == "新材料产业产值"
        title = str(detail.query_one("#detail-title", Static).render())
        assert "新材料产业产值" in title
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert screen.category_select.value == "产业集群"  # selection kept, label translated
        assert screen.table.row_count == 8
        assert "New materials cluster output" in names(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.category_select.value == ALL
        assert "Gross output of above-scale industry" in names(screen)
        assert status(screen) == f"{TOTAL} of {TOTAL} rows"

    run(scenario)


def test_footer_labels_follow_the_language() -> None:
    def label(screen: IndicatorsScreen, key: str) -> str:
        return screen.active_bindings[key].binding.description  # what the footer shows

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        await pilot.pause()
        assert [label(screen, k) for k in ("slash", "f", "escape")] == ["搜索", "筛选", "清除"]
        await pilot.press("l")
        await pilot.pause()
        assert [label(screen, k) for k in ("slash", "f", "escape")] == ["Search", "Filter", "Clear"]

    run(scenario)


def test_typed_keys_go_to_the_search_box_not_the_app() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        await pilot.press("slash", *"Investment")
        await pilot.pause()
        assert app.lang == "zh" and app.screen is screen  # 'l', 's', 'c' ... were typed
        assert screen.search_input.value == "Investment"
        shown = screen.table.view_frame.get_column("name_en").to_list()
        assert shown and all("investment" in name.lower() for name in shown)
        await pilot.press("enter")  # keep the search, back to the table
        await pilot.pause()
        assert app.focused is screen.table
        assert screen.search_input.value == "Investment"
        await pilot.press("slash", "escape")  # Esc in the box clears it, back to the table
        await pilot.pause()
        assert screen.search_input.value == ""
        assert app.focused is screen.table
        assert screen.table.row_count == TOTAL

    run(scenario)


def test_f_focuses_the_category_select_and_escape_clears_both() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        await pilot.press("f")
        assert app.focused is screen.category_select
        screen.category_select.value = "投资"
        await pilot.pause()
        await pilot.press("slash", *"项目")
        await pilot.pause()
        shown = names(screen)
        assert shown and all("项目" in n for n in shown)
        assert set(screen.table.view_frame.get_column("category")) == {"投资"}
        await pilot.press("enter", "escape")  # table focused: Esc clears search and filter
        await pilot.pause()
        assert screen.table.row_count == TOTAL
        assert screen.category_select.value == ALL

    run(scenario)


def test_reveal_clears_filters_and_moves_the_cursor() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        await pilot.press("slash", *"投资")
        await pilot.pause()
        screen.reveal("cluster_life_health")
        await pilot.pause()
        assert screen.table.row_count == TOTAL
        assert screen.search_input.value == ""
        row = screen.table.current_row()
        assert row is not None and row["id"] == "cluster_life_health"
        assert app.focused is screen.table

    run(scenario)


def test_small_terminal_keeps_the_figures_in_view() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        table = screen.table
        visible = table.scrollable_content_region.width
        widths = {c.key: c.width for c in table.columns}
        assert widths["name"] is not None and widths["name"] >= 12
        # category, name, value, unit, yoy and span fit without scrolling sideways.
        keys = [c.key for c in table.columns]
        upto_span = keys[:keys.index("span") + 1]
        assert sum(table.column_widths[keys.index(k)] for k in upto_span) + len(upto_span) - 1 <= visible
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, IndicatorDetailScreen)
        await pilot.press("escape", "l")
        await pilot.pause()
        assert app.screen is screen and table.row_count == TOTAL

    run(scenario, size=(80, 24))


def test_two_periods_trend_and_observations(tmp_path: Path) -> None:
    dataset = load_dataset(two_periods(tmp_path))
    assert [p.id for p in dataset.periods] == ["2021FY", "2022M01-M06"]

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        assert "trend" in [c.key for c in screen.table.columns]
        frame = screen.table.view_frame
        row = frame.filter(frame["id"] == "above_scale_output").row(0, named=True)
        # A cumulative figure trends by its growth (5.5% then 8.6%), not its value.
        assert row["trend"] == "增速 ▁█ +5.5%→+8.6%"

        await pilot.press("slash", *"规上工业总产值", "enter")
        await pilot.pause()
        found = names(screen)
        assert found == ["规上工业总产值", "区属规上工业总产值"]
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, IndicatorDetailScreen)
        assert [p.value for p in detail.points] == [350.0, 397.3]
        assert [p.span.label_zh for p in detail.points] == ["2021年1-5月", "2022年1-5月"]
        # Its growth line first, then its values of the same span (1-5月) by year.
        blocks = [str(w.render()) for w in detail.query(".detail-trend")]
        assert [w.id for w in detail.query(".detail-trend")] == [
            "detail-trend-cum_growth", "detail-trend-like_span"]
        assert blocks[0].startswith("累计增速  2021年1-5月 +5.5% → 2022年1-5月 +8.6%")
        assert blocks[1].startswith("同期值  2021年1-5月 350 亿元 → 2022年1-5月 397.3 亿元")
        assert "▲ 本期 2022年1-5月" in blocks[0]
        await pilot.press("escape")
        await pilot.pause()

        # The previous period keeps the search.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.current_period is not None and app.current_period.id == "2021FY"
        assert screen.search_input.value == "规上工业总产值"
        assert names(screen) == found

    run(scenario, dataset=dataset)


def test_single_period_has_no_trend_column_and_detail_says_so() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        assert "trend" not in [c.key for c in screen.table.columns]
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, IndicatorDetailScreen)
        assert len(detail.points) == 1
        assert not detail.query(".detail-trend")
        assert "暂无走势" in str(detail.query_one("#detail-no-trend", Static).render())

    run(scenario)


def test_detail_shows_parts_and_target() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_indicators(app, pilot)
        period = app.current_period
        assert period is not None
        parent = next(i for i in period.indicators if i.id == "platform_projects")
        app.push_screen(IndicatorDetailScreen(parent, period, app.observations, "zh"))
        await pilot.pause()
        family = str(app.screen.query_one("#detail-family", Static).render())
        assert "构成" in family and "构成合计" in family
        await pilot.press("escape")
        await pilot.pause()
        target = next(i for i in period.indicators if i.target is not None)
        app.push_screen(IndicatorDetailScreen(target, period, app.observations, "en"))
        await pilot.pause()
        facts = app.screen.query_one("#detail-facts", Static)
        assert facts is not None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

    run(scenario)
