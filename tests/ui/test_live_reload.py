"""Pilot tests of live reload: with watch=True the app polls the dataset's
fingerprint and reloads, keeping the section and the period shown; a period that
breaks keeps its last good data with a warning."""

from __future__ import annotations

import asyncio
import io
import shutil
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from econdash.core.paths import DatasetChoice, bundled_examples
from econdash.tui.app import EcondashApp
from econdash.tui.screens.compare import CompareScreen
from econdash.tui.screens.indicators import IndicatorsScreen

CITIES = bundled_examples() / "three-cities"
Scenario = Callable[[EcondashApp, Pilot], Awaitable[None]]


@pytest.fixture(autouse=True)
def fast_polling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EcondashApp, "RELOAD_SECONDS", 0.2)


def cities(tmp_path: Path, without: tuple[str, ...] = ()) -> Path:
    root = tmp_path / "data"
    shutil.copytree(CITIES, root)
    for name in without:
        shutil.rmtree(root / name)
    return root


def run(scenario: Scenario, root: Path, watch: bool = True) -> None:
    async def main() -> None:
        app = EcondashApp(DatasetChoice(root, "--data"), watch=watch)
        log_notices(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.dataset is not None)
            await pilot.pause()
            await scenario(app, pilot)
    asyncio.run(main())


async def wait_for(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the reload"
        await pilot.pause(0.05)


def log_notices(app: EcondashApp) -> None:
    """Keep every notice shown, in order (the app drops expired ones from its own list,
    which made index arithmetic over it miss notices on a slow machine)."""
    app.notices = []  # type: ignore[attr-defined]
    notify = app.notify

    def logged(message: str, *args, severity: str = "information", **kwargs):  # type: ignore[no-untyped-def]
        app.notices.append((message, severity))  # type: ignore[attr-defined]
        return notify(message, *args, severity=severity, **kwargs)
    app.notify = logged  # type: ignore[method-assign]


def messages(app: EcondashApp) -> list[tuple[str, str]]:
    """Every notice shown so far, oldest first."""
    return list(app.notices)  # type: ignore[attr-defined]


def ids(app: EcondashApp) -> list[str]:
    return [p.id for p in app.dataset.periods]


def value(app: EcondashApp, period_id: str, indicator_id: str = "lishui_output") -> float | None:
    return app.dataset.period(period_id).indicator(indicator_id).value


async def show_indicators_of(app: EcondashApp, pilot: Pilot, period_id: str) -> None:
    await pilot.press("2")
    await pilot.pause()
    while app.current_period.id != period_id:
        await pilot.press("left_square_bracket")
    await pilot.pause()


def test_an_added_period_appears_keeping_section_and_period(tmp_path: Path) -> None:
    root = cities(tmp_path, without=("2019-FY",))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        assert len(app.dataset.periods) == 8
        await show_indicators_of(app, pilot, "2016FY")
        shutil.copytree(CITIES / "2019-FY", root / "2019-FY")
        await wait_for(pilot, lambda: len(app.dataset.periods) == 9)
        await pilot.pause()
        assert ids(app)[-1] == "2019FY"
        assert app.current_mode == "indicators" and isinstance(app.screen, IndicatorsScreen)
        assert app.current_period.id == "2016FY"
        assert ("数据已更新", "information") in messages(app)
        assert app.observations.filter(app.observations["source"] == "2019FY").height > 0

    run(scenario, root)


def test_a_broken_report_keeps_the_last_good_period_then_a_fix_shows(tmp_path: Path) -> None:
    root = cities(tmp_path)
    report = root / "2017-FY" / "report.toml"
    good = report.read_text(encoding="utf-8")
    old_value = None

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        nonlocal old_value
        await show_indicators_of(app, pilot, "2017FY")
        old_value = value(app, "2017FY")
        report.write_text("[period\nyear = 2017\n", encoding="utf-8")  # caught half-written
        await wait_for(pilot, lambda: any(s == "warning" for _, s in messages(app)))
        warning = next(m for m, s in messages(app) if s == "warning")
        assert warning.startswith("数据更新未完成，仍显示上次的数据：")
        assert "2017-FY/report.toml" in warning
        assert len(app.dataset.periods) == 9
        assert app.dataset.period("2017FY") is not None and value(app, "2017FY") == old_value
        assert app.current_period.id == "2017FY" and app.current_mode == "indicators"

        fixed = good.replace(f"value = {old_value}", "value = 9999.5", 1)
        assert fixed != good
        # The fix is saved in one step (an editor's save), so no reload can catch it halfway
        # and announce a failure after the success.
        staged = report.with_name(".report.toml.new")
        staged.write_text(fixed, encoding="utf-8")
        before = len(messages(app))
        staged.replace(report)
        await wait_for(pilot, lambda: value(app, "2017FY") == 9999.5)
        assert app.current_period.id == "2017FY"
        # The success is announced, and it is the last word.
        await pilot.pause(0.5)
        assert messages(app)[before:][-1] == ("数据已更新", "information")

    run(scenario, root)


def test_hidden_leftovers_are_ignored_and_a_removed_period_keeps_the_one_shown(tmp_path: Path) -> None:
    root = cities(tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await show_indicators_of(app, pilot, "2015FY")
        assert app.period_index == 4
        # What a killed import leaves behind is hidden: not even a reload.
        before = app.dataset
        leftover = root / ".incoming-2020FY-0123abcd"
        shutil.copytree(CITIES / "2019-FY", leftover)
        (leftover / "report.toml").write_text("broken [", encoding="utf-8")
        await pilot.pause(0.8)  # four polling intervals
        assert app.dataset is before and messages(app) == []

        shutil.rmtree(root / "2011-FY")
        await wait_for(pilot, lambda: len(app.dataset.periods) == 8)
        await pilot.pause()
        assert app.current_period.id == "2015FY" and app.period_index == 3
        top = app.screen.query_one("TopBar")
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(top.content)
        assert "2015年全年 [4/8]" in console.export_text()

    run(scenario, root)


def test_without_watch_nothing_reloads(tmp_path: Path) -> None:
    root = cities(tmp_path, without=("2019-FY",))

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        shutil.copytree(CITIES / "2019-FY", root / "2019-FY")
        await pilot.pause(0.8)  # four polling intervals
        assert len(app.dataset.periods) == 8
        assert messages(app) == []

    run(scenario, root, watch=False)


def test_compare_screen_survives_a_reload_that_removes_a_period(tmp_path: Path) -> None:
    root = cities(tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and (screen.index_a, screen.index_b) == (7, 8)
        shutil.rmtree(root / "2019-FY")
        await wait_for(pilot, lambda: len(app.dataset.periods) == 8)
        await pilot.pause(0.3)
        assert messages(app)  # the reload was announced
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(screen.query_one("#compare-title", Static).content)
        assert "2019" not in console.export_text()  # no longer compares a removed period
        await pilot.press("a")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CompareScreen)

    run(scenario, root)


def test_replaced_datasets_are_freed_after_reloads(tmp_path: Path) -> None:
    """Each reload used to freeze (gc.freeze) the dataset it replaced, and a roster summary
    cache held old rosters: memory grew by a dataset per reload (hostile test F9)."""
    import weakref
    root = cities(tmp_path)

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("5")
        replaced = []
        for n in range(3):
            replaced.append(weakref.ref(app.dataset))
            (root / f"note{n}.txt").write_text("touch", encoding="utf-8")
            await wait_for(pilot, lambda: app.dataset is not replaced[-1]())
            await pilot.pause(0.3)
        # Each load frees what earlier loads replaced; the dataset replaced last may still
        # be in use (a table's view computed in a worker) when its replacement arrives,
        # and then goes with the next load.
        await wait_for(pilot, lambda: [ref() for ref in replaced[:2]] == [None, None])

    run(scenario, root)


def test_the_open_problems_list_follows_reloads(tmp_path: Path) -> None:
    """F19: it kept showing a fixed file's error until closed and opened again."""
    from econdash.tui.screens.problems import ProblemsScreen
    root = cities(tmp_path)
    report = root / "2017-FY" / "report.toml"
    good = report.read_text(encoding="utf-8")

    def listed(app: EcondashApp) -> str:
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#problems-list", Static).content)
        return console.export_text()

    async def scenario(app: EcondashApp, pilot: Pilot) -> None:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        report.write_text("[period\nyear = 2017\n", encoding="utf-8")
        await wait_for(pilot, lambda: "2017-FY/report.toml" in listed(app))
        staged = report.with_name(".report.toml.new")
        staged.write_text(good, encoding="utf-8")
        staged.replace(report)
        await wait_for(pilot, lambda: "2017-FY/report.toml" not in listed(app))
        assert isinstance(app.screen, ProblemsScreen)

    run(scenario, root)
