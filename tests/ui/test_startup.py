"""Starting from the overview snapshot, and the one-line key bar."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

from rich.cells import cell_len
from ui_support import HeldLoading, run_scenario

from econdash.core.errors import DatasetError
from econdash.core.loaders import load_dataset
from econdash.core.paths import DatasetChoice, bundled_dataset, bundled_examples
from econdash.core.query.overview import overview_data
from econdash.core.query.series import observations
from econdash.core.startup import Startup
from econdash.tui.app import EcondashApp
from econdash.tui.screens.help import HelpScreen
from econdash.tui.screens.problems import ProblemsScreen
from econdash.tui.widgets.keybar import KeyBar
from econdash.tui.widgets.kpi_card import KpiCards
from econdash.tui.widgets.topbar import TopBar


def snapshot_startup(path: Path, loading: HeldLoading, cache: Path) -> Startup:
    dataset = load_dataset(path)
    preview = overview_data(dataset, observations(dataset), len(dataset.periods) - 1)
    return Startup(path, cache / "snap.pickle", preview, loading)  # type: ignore[arg-type]


def bar_text(app: EcondashApp) -> str:
    return app.screen.query_one(KeyBar).render().plain


def test_overview_drawn_from_the_snapshot_is_kept_when_the_data_arrives(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(bundled_examples() / "three-cities", data)
    loading = HeldLoading(data)
    startup = snapshot_startup(data, loading, tmp_path)

    async def main() -> None:
        app = EcondashApp(DatasetChoice(data, "--data"), startup=startup)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert app.dataset is None and not app.loaded  # still loading
            cards = app.screen.query_one(KpiCards).cards
            assert len(cards) == len(startup.preview.cards) > 0
            assert "2019年" in app.screen.query_one(TopBar).render().plain
            assert "[9/9]" in app.screen.query_one(TopBar).render().plain
            loading.release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.dataset is not None
            assert app.screen.query_one(KpiCards).cards is cards  # not redrawn: no flicker
            assert (tmp_path / "snap.pickle").exists()  # the next start's snapshot
    try:
        asyncio.run(main())
    finally:
        loading.release.set()


def test_a_load_error_after_the_snapshot_shows_problems_not_stale_cards(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(bundled_dataset(), data)
    loading = HeldLoading(data, DatasetError(f"{data}: cannot be read"))
    startup = snapshot_startup(data, loading, tmp_path)

    async def main() -> None:
        app = EcondashApp(DatasetChoice(data, "--data"), startup=startup)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert app.screen.query_one(KpiCards).cards
            loading.release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ProblemsScreen)
            assert app.preview is None and app.overview() is None
            assert not (tmp_path / "snap.pickle").exists()
    try:
        asyncio.run(main())
    finally:
        loading.release.set()


def test_key_bar_lists_the_keys_in_the_interface_language() -> None:
    async def scenario(app, pilot) -> None:
        text = bar_text(app)
        assert " ? 帮助 " in text and " q 退出 " in text and " [ 上一期 " in text
        assert text.rstrip().endswith("^p 命令")  # the palette key on the right
        await pilot.press("5")
        assert " / 搜索 " in bar_text(app)  # the section's own keys come first
        await pilot.press("l")
        await pilot.pause()
        assert " / Search " in bar_text(app) and " ? Help " in bar_text(app)
    run_scenario(scenario)


def test_clicking_a_key_in_the_key_bar_presses_it() -> None:
    async def scenario(app, pilot) -> None:
        text = bar_text(app)
        column = cell_len(text[:text.index(" ? ") + 1])  # labels are Chinese: 2 cells each
        await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    run_scenario(scenario)


def test_first_start_of_a_one_period_dataset_shows_its_report_at_once(tmp_path: Path) -> None:
    """No snapshot yet: the overview comes from report.toml before the load, the load keeps
    its cards, and the next start's snapshot is written."""
    data = tmp_path / "data"
    shutil.copytree(bundled_dataset(), data)

    async def main() -> None:
        app = EcondashApp(DatasetChoice(data, "--data"))  # begin() runs in the app
        assert app.preview is not None and app.dataset is None
        async with app.run_test(size=(120, 36)) as pilot:
            cards = app.screen.query_one(KpiCards).cards
            assert len(cards) == 8
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.dataset is not None
            assert app.screen.query_one(KpiCards).cards is cards
            cache = Path(os.environ["ECONDASH_HOME"]) / "cache"
            for _ in range(500):  # written after the loaded data is on screen
                if list(cache.glob("overview-*")):
                    break
                await pilot.pause(0.05)
            assert list(cache.glob("overview-*"))
    asyncio.run(main())


def test_help_key_stays_visible_when_the_key_bar_is_too_narrow() -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("5")  # a table section: more keys than 80 columns hold
        await pilot.pause()
        text = bar_text(app)
        assert text.startswith(" ? 帮助 ")
        assert cell_len(text) > 80  # (cut at the edge when drawn)
        await pilot.press("1")
        await pilot.pause()
        assert bar_text(app).startswith(" e 导出简报  [ 上一期 ")  # room for all: the usual order
    run_scenario(scenario, size=(80, 24))


def test_the_app_turns_the_collector_back_on_after_its_first_frame() -> None:
    import gc

    async def scenario(app, pilot) -> None:
        await pilot.pause()
        assert gc.isenabled()
    gc.disable()  # as `econdash` starts it
    try:
        run_scenario(scenario)
    finally:
        gc.enable()
