"""Pilot tests of the Enterprises section (5): honour ladder, roster table, detail.

No pytest-asyncio in the venv: each test is sync and runs its coroutine with
`asyncio.run`.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static
from ui_support import plain, run_scenario

from econdash.core.loaders import load_dataset
from econdash.tui.app import EcondashApp
from econdash.tui.screens.enterprise_detail import EnterpriseDetailScreen
from econdash.tui.screens.enterprises import ENTERPRISE, PROGRAMME, EnterprisesScreen, LadderTree
from econdash.tui.widgets.filter_bar import SEARCH_MIN, FilterBar
from econdash.tui.widgets.frame_table import FrameTable

REPORT = "[period]\nyear = 2022\nmonths = [1, 6]\n"


run = run_scenario


async def open_enterprises(app: EcondashApp, pilot: Pilot) -> EnterprisesScreen:
    await pilot.press("5")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, EnterprisesScreen)
    return screen


def ladder_lines(screen: EnterprisesScreen) -> list[str]:
    tree = screen.query_one(LadderTree)
    return [tree.get_node_at_line(i).label.plain for i in range(tree.last_line + 1)]


def status_of(screen: EnterprisesScreen) -> str:
    return plain(screen.query_one(".section-status", Static).content)


def test_ladder_shows_reported_beside_named() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        lines = ladder_lines(screen)
        green = next(line for line in lines if "三星级绿色工厂" in line)
        assert "认定" in green and "26 家" in green and "列名 3 / 共 26 家" in green
        # A programme with several rungs is a node with one child per rung.
        tree = screen.query_one(LadderTree)
        champion = next(n for n in tree.root.children if "制造业单项冠军" in n.label.plain)
        assert len(champion.children) == 5
        assert any("市级 / 培育" in c.label.plain and "16 家" in c.label.plain
                   for c in champion.children)
        # Named in the roster but no reported count.
        assert any("全国通行证" in line and "列名 3" in line and "家 (" not in line
                   for line in lines)
        table = screen.query_one(FrameTable)
        assert table.row_count == table.total_count == 30
        assert "显示 30 / 共 30 行" in status_of(screen)
    run(scenario)


def test_ladder_enter_filters_the_table_to_that_programme() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        tree = screen.query_one(LadderTree)
        table = screen.query_one(FrameTable)
        tree.focus()
        tree.cursor_line = next(i for i, text in enumerate(ladder_lines(screen))
                                if "三星级绿色工厂" in text)
        await pilot.press("enter")
        await pilot.pause()
        assert table.row_count == 3
        assert set(table.view_frame["programme"]) == {"三星级绿色工厂"}
        programme = next(s for s in screen.query(Select) if s.name == "programme")
        assert programme.value == "三星级绿色工厂"
        # A reported programme nobody is named for: the table says so (0 rows).
        line = next(i for i, text in enumerate(ladder_lines(screen)) if "专精特新中小企业" in text)
        await pilot.click(LadderTree, offset=(4, line))  # a click selects too
        await pilot.pause()
        assert table.row_count == 0
        assert "显示 0 / 共 30 行" in status_of(screen)
    run(scenario)


def test_programme_filter_and_search_narrow() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        table = screen.query_one(FrameTable)
        bar = screen.query_one(FilterBar)
        bar.set_value("programme", "自愿清洁生产企业")
        await pilot.pause()
        assert table.row_count == 3
        bar.set_value("level", "国家级")  # nobody is both
        await pilot.pause()
        assert table.row_count == 0
        await pilot.press("escape")  # clears the whole bar
        await pilot.pause()
        assert table.row_count == 30
        await pilot.press("slash", *"小巨人")  # programme names are searched
        await pilot.pause()
        assert table.row_count == 2
    run(scenario)


def test_enter_opens_every_honour_of_the_enterprise() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        table = screen.query_one(FrameTable)
        await pilot.press("slash", *"麦博韦尔", "enter")  # enter: back to the table
        await pilot.pause()
        assert table.row_count == 3 and app.screen.focused is table
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, EnterpriseDetailScreen)
        assert detail.honours.height == 3
        text = plain(detail.query_one("#enterprise-honours", Static).content)
        for programme in ("数字化车间/智能工厂", "大优强企业培育库", "企业管理创新提升标杆企业"):
            assert programme in text
        assert "第一批" in text and "考核初审" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # The detail lists all honours even when a filter hides some of them.
        screen.query_one(FilterBar).set_value("programme", "大优强企业培育库")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EnterpriseDetailScreen)
        assert app.screen.honours.height == 3
    run(scenario)


def test_language_switch_shows_english_and_keeps_filters() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        table = screen.query_one(FrameTable)
        screen.query_one(FilterBar).set_value("programme", "大优强企业培育库")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert table.row_count == 4
        assert table.view_frame[ENTERPRISE].to_list()[:2] == ["Romon", "AirTAC"]
        assert set(table.view_frame[PROGRAMME]) == {"'Big, excellent, strong' cultivation pool"}
        assert any("Three-star green factory" in line and "26 firms" in line
                   and "3 of 26 named" in line for line in ladder_lines(screen))
        programme = next(s for s in screen.query(Select) if s.name == "programme")
        assert programme.value == "大优强企业培育库"
        assert programme.prompt == "Programme: All"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.title_text == "Honours of Romon"  # type: ignore[attr-defined]
    run(scenario)


def test_reveal_finds_an_enterprise() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        table = screen.query_one(FrameTable)
        screen.query_one(FilterBar).set_value("programme", "节水型企业")
        await pilot.pause()
        screen.reveal("华尔推剪")
        await pilot.pause()
        assert table.row_count == 30
        assert table.current_row()["enterprise"] == "华尔推剪"
    run(scenario)


def big_roster(folder: Path, rows: int) -> pl.DataFrame:
    """A `rows`-row enterprises.csv made with polars expressions (no Python loops)."""
    i = pl.int_range(rows, dtype=pl.Int64)
    frame = pl.select(
        enterprise=pl.format("企业{}", i),
        enterprise_en=pl.format("Firm {}", i),
        programme=pl.when(i % 3 == 0).then(pl.lit("三星级绿色工厂"))
        .when(i % 3 == 1).then(pl.lit("节水型企业")).otherwise(pl.lit("专精特新中小企业")),
        level=pl.when(i % 2 == 0).then(pl.lit("市级")).otherwise(pl.lit("省级")),
        status=pl.lit("认定"),
        year=(2015 + i % 8),
        industry=pl.format("行业{}", i % 40),
        town=pl.format("镇{}", i % 12),
        note=pl.format("备注 {}", i % 1000),
        extra=i % 97,
    )
    folder.mkdir(parents=True, exist_ok=True)
    frame.write_csv(folder / "enterprises.csv")
    (folder / "report.toml").write_text(REPORT, encoding="utf-8")
    return frame


def test_200k_roster_loads_and_search_narrows(tmp_path: Path) -> None:
    frame = big_roster(tmp_path / "2022-H1", 200_000)
    expected = frame.filter(pl.col("enterprise_en").str.contains("Firm 1999", literal=True)
                            | pl.col("enterprise").str.contains("Firm 1999", literal=True)).height
    assert expected == 111
    dataset = load_dataset(tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        table = screen.query_one(FrameTable)
        assert table.total_count == 200_000
        assert "extra" in [c.header for c in table.columns]
        lines = ladder_lines(screen)  # no [[tier]]: named counts only, per level
        green = lines.index(next(line for line in lines if "三星级绿色工厂" in line))
        # Rungs by level, the highest first (not by code point: 市 < 省).
        assert "省级 / 认定" in lines[green + 1] and "列名 33,333" in lines[green + 1]
        assert "市级 / 认定" in lines[green + 2] and "列名 33,334" in lines[green + 2]
        await pilot.press("slash", *"Firm 1999")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == expected
        assert f"显示 {expected} / 共 200,000 行" in status_of(screen)
        screen.query_one(FilterBar).set_value("town", "镇3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == frame.filter(
            pl.col("enterprise_en").str.contains("Firm 1999", literal=True)
            & (pl.col("town") == "镇3")).height
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 200_000
    run(scenario, dataset)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_small_terminal_fits(lang: str) -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        bar = screen.query_one(FilterBar)
        assert bar.region.height == 1
        for widget in bar.children:
            if widget.display:
                assert widget.region.height == 1
                assert bar.region.x <= widget.region.x and widget.region.right <= bar.region.right
        for select in bar.query(Select):
            if select.display:
                assert select.region.width >= cell_len(select.prompt) + 3
        assert bar.query_one(Input).region.width >= SEARCH_MIN
        tree = screen.query_one(LadderTree)
        assert tree.region.height >= 3  # the ladder keeps a few lines
        assert screen.query_one(FrameTable).region.height >= 5
        await pilot.press("slash", *"亿", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EnterpriseDetailScreen)
        await pilot.press("escape", "tab", "enter", "l")
        await pilot.pause()
    run(scenario, size=(80, 24), lang=lang)


def test_period_without_csv_files(tmp_path: Path) -> None:
    (tmp_path / "2022-H1").mkdir()
    (tmp_path / "2022-H1" / "report.toml").write_text(REPORT, encoding="utf-8")
    dataset = load_dataset(tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        table = screen.query_one(FrameTable)
        assert table.total_count == 0
        assert ladder_lines(screen) == []
        assert "显示 0 / 共 0 行" in status_of(screen)
        await pilot.press("f", "slash", *"x", "escape", "enter", "4")
        await pilot.pause()
        projects = app.screen.query_one(FrameTable)
        assert projects.total_count == 0
        assert "显示 0 / 共 0 行" in plain(app.screen.query_one(".section-status", Static).content)
    run(scenario, dataset)


def test_big_roster_is_summarised_off_the_ui_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SUMMARY_INLINE_ROWS the table shows at once; the ladder and filter lists are
    computed in a worker and appear when ready."""
    import threading

    import econdash.core.query.roster as roster
    import econdash.tui.screens.enterprises as enterprises
    monkeypatch.setattr(enterprises, "SUMMARY_INLINE_ROWS", 0)
    monkeypatch.setattr(roster, "_SUMMARIES", {})
    on_ui_thread: list[bool] = []
    original = enterprises.roster_summary

    def roster_summary(period, lang):  # type: ignore[no-untyped-def]
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return original(period, lang)
    monkeypatch.setattr(enterprises, "roster_summary", roster_summary)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_enterprises(app, pilot)
        assert screen.query_one(FrameTable).total_count == 30
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert on_ui_thread and not any(on_ui_thread)
        assert any("三星级绿色工厂" in line for line in ladder_lines(screen))
        programmes = next(s for s in screen.query(Select) if s.name == "programme")
        assert programmes.display  # hidden until it has choices
        bar = screen.query_one(FilterBar)
        assert "制造业单项冠军" in bar.options_of("programme")
        for _ in range(4):  # the other filters' choices follow, one a frame
            await pilot.pause()
        assert bar.options_of("level") and bar.options_of("industry")  # (no town is named)
    run(scenario)
