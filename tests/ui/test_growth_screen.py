"""Pilot tests of the Growth section (3): the diverging bar chart of one category.

No pytest-asyncio in the venv: each test is sync and runs its coroutine with
`asyncio.run`.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static
from ui_support import run_scenario

from econdash.core.loaders import load_dataset
from econdash.core.query.tables import growth_categories
from econdash.tui.app import EcondashApp
from econdash.tui.screens.growth import GrowthScreen, default_category
from econdash.tui.widgets.growth_bars import GrowthBars
from econdash.tui.widgets.growth_bars_render import AXIS, FULL, NEGATIVE_STYLE, POSITIVE_STYLE

run = run_scenario


async def open_growth(app: EcondashApp, pilot: Pilot) -> GrowthScreen:
    await pilot.press("3")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, GrowthScreen)
    return screen


def text_of(screen: GrowthScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def styles_covering(line, text: str) -> set[str]:
    return {str(span.style) for span in line.spans if text in line.plain[span.start:span.end]}


def test_default_category() -> None:
    assert default_category(["工业", "产业集群"]) == "产业集群"
    assert default_category(["工业", "投资"]) == "工业"
    assert default_category([]) is None


def test_cluster_bars_fastest_first_with_red_falls() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_growth(app, pilot)
        assert screen.category == "产业集群"
        assert screen.category_select.value == "产业集群"
        bars = screen.query_one(GrowthBars)
        lines = bars.lines()
        assert len(lines) == 8
        assert lines[0].plain.startswith("时尚纺织服装产业产值")
        assert lines[0].plain.rstrip().endswith("+26.5%")
        assert lines[-1].plain.rstrip().endswith("-13.6%")
        assert POSITIVE_STYLE in styles_covering(lines[0], FULL)
        assert NEGATIVE_STYLE in styles_covering(lines[-1], FULL)
        assert NEGATIVE_STYLE in styles_covering(lines[-2], "-2.5%")
        # Falls are drawn left of the axis.
        assert FULL in lines[-1].plain.split(AXIS)[0]
        assert FULL not in lines[-1].plain.split(AXIS)[1]
        assert all(line.cell_len <= bars.content_size.width for line in lines)
        title = text_of(screen, "#growth-title")
        assert "产业集群" in title and "1-4月" in title
        note = text_of(screen, "#growth-note")
        assert "2022年1-4月" in note and "区经信局2022年上半年工作总结" in note
        assert not screen.query_one("#growth-empty").display

    run(scenario)


def test_g_cycles_categories_and_language_keeps_the_choice() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_growth(app, pilot)
        names = growth_categories(app.current_period)  # type: ignore[arg-type]
        assert names == ["工业", "投资", "数字经济", "产业集群"]
        await pilot.press("g")
        await pilot.pause()
        assert screen.category == "工业"  # wraps round after the last
        assert screen.category_select.value == "工业"
        lines = screen.bars.lines()
        assert len(lines) == 5
        assert lines[0].plain.startswith("规上工业总产值")
        # A figure of another span than the rest says which.
        assert any("规下工业增加值（一季度）" in line.plain for line in lines)
        await pilot.press("g")
        await pilot.pause()
        assert screen.category == "投资"

        assert screen.active_bindings["g"].binding.description == "类别"
        await pilot.press("l")
        await pilot.pause()
        assert screen.category == "投资"
        assert screen.active_bindings["g"].binding.description == "Category"
        assert screen.category_select.value == "投资"
        assert screen.bars.lines()[0].plain.startswith("Industrial investment")
        assert "Investment" in text_of(screen, "#growth-title")

        screen.category_select.value = "数字经济"
        await pilot.pause()
        assert screen.category == "数字经济"
        assert len(screen.bars.lines()) == 3

    run(scenario)


def test_small_terminal_bars_fit() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_growth(app, pilot)
        bars = screen.bars
        assert 0 < bars.content_size.width <= 80
        lines = bars.lines()
        assert len(lines) == 8
        assert all(line.cell_len <= bars.content_size.width for line in lines)
        await pilot.press("l", "g", "g")
        await pilot.pause()
        assert all(line.cell_len <= bars.content_size.width for line in bars.lines())

    run(scenario, size=(80, 24))


def test_resize_rerenders_to_the_new_width() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_growth(app, pilot)
        wide = screen.bars.lines()[0].cell_len
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        narrow = screen.bars.lines()[0].cell_len
        assert narrow < wide and narrow <= 90

    run(scenario)


def test_period_without_growth_figures_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "2022-H1"
    folder.mkdir()
    (folder / "report.toml").write_text(
        '[period]\nyear = 2022\nmonths = [1, 6]\n\n'
        '[[indicator]]\nid = "a"\nname = "企业数"\ncategory = "工业"\nvalue = 5\nunit = "家"\n',
        encoding="utf-8")

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_growth(app, pilot)
        empty = screen.query_one("#growth-empty", Static)
        assert empty.display
        assert "没有同比增速" in str(empty.render())
        assert not screen.query_one("#growth-scroll").display
        await pilot.press("g")  # nothing to cycle: a bell, no crash
        await pilot.pause()
        assert screen.category is None

    run(scenario, dataset=load_dataset(tmp_path))


def test_seed_shows_cluster_and_headline_growth() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_growth(app, pilot)
        assert screen.category == "产业集群" and len(screen.bars.items) == 8
        headline = screen.query_one("#growth-headline-bars", GrowthBars)
        assert headline.display
        assert "主要指标 同比增速（1-5月）" in text_of(screen, "#growth-headline-title")
        names = [name for name, _ in headline.items]
        assert names[0] == "工业投资" and names[-1] == "软件和信息技术服务业收入"
        assert [v for _, v in headline.items][-1] == -7.44
        # One period: no trend lines after the bars.
        assert headline.tails == [] and screen.bars.tails == []

    run(scenario)


def test_three_cities_growth_is_computed_marked_and_trends() -> None:
    from econdash.core.paths import bundled_examples
    dataset = load_dataset(bundled_examples() / "three-cities")

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        screen = await open_growth(app, pilot)  # 2019, the latest year
        assert screen.category == "丽水"
        items = dict(screen.bars.items)
        # No report states growth: 1400.16 / 1263.86 - 1, to one decimal.
        assert items["丽水规上工业总产值"] == 10.8
        lines = [line.plain for line in screen.bars.lines(140)]
        row = next(line for line in lines if line.startswith("丽水规上工业总产值"))
        assert "+10.8%*" in row and "增速 " in row and row.rstrip().endswith("+10.8%*")
        assert "非报告所载" in text_of(screen, "#growth-note")
        # The first year has no year before it: no growth, and the section says so.
        for _ in range(8):
            await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.query_one("#growth-empty", Static).display

    run(scenario, dataset, size=(140, 36))
