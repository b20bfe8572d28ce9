"""Pilot tests of the app's global keys: sections 1-6, periods [ ], language l,
help ?, problems !, compare c, export e, quit q; settings; loading a DatasetChoice.

No pytest-asyncio in the venv: each test is sync and runs its coroutine with
`asyncio.run`.
"""

from __future__ import annotations

import asyncio
import io
import time
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from econdash.core.loaders import load_dataset
from econdash.core.model.dataset import Dataset
from econdash.core.paths import DatasetChoice, bundled_dataset, bundled_examples
from econdash.core.settings import Settings, load_settings, save_settings
from econdash.tui.app import EcondashApp
from econdash.tui.screens.compare import CompareScreen
from econdash.tui.screens.enterprises import EnterprisesScreen
from econdash.tui.screens.growth import GrowthScreen
from econdash.tui.screens.help import HelpScreen
from econdash.tui.screens.history import HistoryScreen
from econdash.tui.screens.indicators import IndicatorsScreen
from econdash.tui.screens.overview import OverviewScreen
from econdash.tui.screens.problems import ProblemsScreen
from econdash.tui.screens.projects import ProjectsScreen
from econdash.tui.widgets.topbar import TopBar

Scenario = Callable[[EcondashApp, Pilot], Awaitable[None]]
SECTIONS = [("1", "overview", OverviewScreen), ("2", "indicators", IndicatorsScreen),
            ("3", "growth", GrowthScreen), ("4", "projects", ProjectsScreen),
            ("5", "enterprises", EnterprisesScreen), ("6", "history", HistoryScreen)]


def run(scenario: Scenario, app: EcondashApp, size: tuple[int, int] = (120, 36)) -> EcondashApp:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.loaded)
            await pilot.pause()
            await scenario(app, pilot)
    asyncio.run(main())
    return app


async def wait_for(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)


def plain(renderable: object) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def top_bar(app: EcondashApp) -> str:
    return plain(app.screen.query_one(TopBar).content)


def cities() -> Dataset:
    return load_dataset(bundled_examples() / "three-cities")


def seed() -> Dataset:
    return load_dataset(bundled_dataset())


def test_number_keys_switch_sections_and_remember_the_last(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.current_mode == "overview" and isinstance(app.screen, OverviewScreen)
        for key, mode, screen in [*SECTIONS[1:], SECTIONS[0]]:
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
            assert isinstance(app.screen, screen)
            assert app.screen.query_one(TopBar).section == mode
            assert load_settings(settings).section == mode
        # Switching sections keeps the period.
        assert app.current_period.id == "2022M01-M06"

    run(scenario, EcondashApp(dataset=seed(), settings_file=settings))


def test_brackets_change_the_period_and_stop_at_the_ends() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        bells = []
        app.bell = lambda: bells.append(app.period_index)  # type: ignore[method-assign]
        assert app.period_index == 8 and app.current_period.id == "2019FY"  # the latest
        assert "2019年全年 [9/9]" in top_bar(app)
        await pilot.press("right_square_bracket")
        assert app.period_index == 8 and bells == [8]  # already the newest
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.current_period.id == "2017FY"
        assert "2017年全年 [7/9]" in top_bar(app)
        app.period_index = 1
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.period_index == 0 and app.current_period.id == "2011FY"
        assert "2011年全年 [1/9]" in top_bar(app)
        assert bells == [8, 0, 0]  # two presses past the oldest
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.current_period.id == "2012FY" and "[2/9]" in top_bar(app)

    run(scenario, EcondashApp(dataset=cities()))


def test_l_toggles_the_language_and_saves_it(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.lang == "zh" and "1 总览" in top_bar(app)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert "1 Overview" in top_bar(app) and "2019 FY" in top_bar(app)
        assert tomllib.loads(settings.read_text(encoding="utf-8"))["lang"] == "en"
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "zh" and "2019年全年" in top_bar(app)
        assert load_settings(settings).lang == "zh"

    run(scenario, EcondashApp(dataset=cities(), settings_file=settings))


def test_saved_language_and_theme_are_restored(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    save_settings(settings, Settings(lang="en", theme="nord", section="overview"))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.lang == "en" and app.theme == "nord"
        assert "1 Overview" in top_bar(app)

    run(scenario, EcondashApp(dataset=seed(), settings_file=settings))


def test_saved_section_is_restored(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    save_settings(settings, Settings(section="growth"))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.current_mode == "growth" and isinstance(app.screen, GrowthScreen)

    run(scenario, EcondashApp(dataset=seed(), settings_file=settings))


def test_lang_argument_wins_and_a_broken_settings_file_means_defaults(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_bytes(b'section = "projects"\nlang = [')

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.current_mode == "overview" and app.theme == "textual-dark"
        assert app.lang == "en"

    run(scenario, EcondashApp(dataset=seed(), settings_file=settings, lang="en"))


def test_help_problems_compare_and_export_open_and_close() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = "".join(plain(s.content) for s in app.screen.query(Static))
        assert "按键帮助" in help_text and "ctrl+p" in help_text
        await pilot.press("question_mark")  # ? closes it again
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)

        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        listing = plain(app.screen.query_one("#problems-list", Static).content)
        assert "数据没有发现问题" in listing
        assert "未能加载" not in listing  # no claim that something failed to load
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        await pilot.pause()

        # e on the overview offers the period brief (see tests/ui/test_overview_screen.py).
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)

        # (e on a section with a table: see test_export_dialog.py)

    run(scenario, EcondashApp(dataset=cities()))


def test_q_quits() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    app = run(scenario, EcondashApp(dataset=seed()))
    assert app.return_code == 0


def test_loading_a_dataset_choice_in_the_background() -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.load_error is None
        assert [p.id for p in app.dataset.periods] == [f"{y}FY" for y in range(2011, 2020)]
        assert app.current_period.id == "2019FY"
        assert app.observations is not None and app.observations.height > 0
        assert "浙闽三市规上工业" in top_bar(app)
        assert isinstance(app.screen, OverviewScreen)  # no problems screen: it loaded cleanly

    run(scenario, EcondashApp(DatasetChoice(bundled_examples() / "three-cities", "--example")))


def test_a_missing_dataset_shows_why(tmp_path: Path) -> None:
    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        assert app.dataset is None and app.load_error is not None
        text = plain(app.screen.query_one("#problems-list", Static).content)
        assert "没有可显示的时期" in text and "没有这个文件夹" in text
        await pilot.press("escape", "[", "]", "c", "e", "l")  # nothing crashes without data
        await pilot.pause()
        assert app.current_period is None and app.lang == "en"
        assert isinstance(app.screen, OverviewScreen)

    run(scenario, EcondashApp(DatasetChoice(tmp_path / "nowhere", "--data")))


def test_a_period_with_errors_opens_the_problems_screen(tmp_path: Path) -> None:
    root = tmp_path / "data"
    for year in (2020, 2021):
        (root / f"{year}-FY").mkdir(parents=True)
        (root / f"{year}-FY" / "report.toml").write_text(
            f"[period]\nyear = {year}\nmonths = [1, 12]\n", encoding="utf-8")
    (root / "2021-FY" / "report.toml").write_text("[period]\nyear = 2021\nmonths = [1, 13]\n",
                                                  encoding="utf-8")

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        text = plain(app.screen.query_one("#problems-list", Static).content)
        assert "2021-FY/report.toml:3" in text
        await pilot.press("escape")
        await pilot.pause()
        assert [p.id for p in app.dataset.periods] == ["2020FY"]
        assert app.current_period.id == "2020FY"

    run(scenario, EcondashApp(DatasetChoice(root, "--data")))


def test_opening_and_quitting_never_rewrites_a_settings_file(tmp_path: Path) -> None:
    """D2: setting the saved theme at start-up saved the settings again, dropping the
    person's comments."""
    settings = tmp_path / "settings.toml"
    written = '# mine\ntheme = "textual-light"\nlang = "zh"\nsection = "overview"\n'
    settings.write_text(written, encoding="utf-8")

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert app.theme == "textual-light"
        await pilot.press("q")

    run(scenario, EcondashApp(dataset=seed(), settings_file=settings))
    assert settings.read_text(encoding="utf-8") == written

