"""A big dataset's first rows on screen while the whole of it loads (`loading.read_head`)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from textual.widgets import Static
from ui_support import HeldLoading, notices_of

from econdash.core.errors import DatasetError
from econdash.core.i18n import tr
from econdash.core.loaders import load_dataset
from econdash.core.paths import DatasetChoice, bundled_dataset, bundled_examples
from econdash.core.startup import Startup
from econdash.tui.app import EcondashApp
from econdash.tui.screens.enterprises import LadderTree
from econdash.tui.screens.export_dialog import ExportScreen
from econdash.tui.screens.problems import ProblemsScreen
from econdash.tui.widgets.frame_table import FrameTable

HEAD_BYTES = 2000  # about ten rows of the bundled roster


def start(data: Path, tmp_path: Path, section: str = "enterprises",
          error: Exception | None = None) -> tuple[EcondashApp, HeldLoading]:
    """The app as `econdash --data DATA` starts it on a big dataset: the head first."""
    loading = HeldLoading(data, error, head=load_dataset(data, head_bytes=HEAD_BYTES))
    settings = tmp_path / "settings.toml"
    settings.write_text(f'section = "{section}"\n', encoding="utf-8")
    startup = Startup(data, tmp_path / "snap.pickle", None, loading)  # type: ignore[arg-type]
    return EcondashApp(DatasetChoice(data, "--data"), startup=startup,
                       settings_file=settings), loading


def status(app: EcondashApp) -> str:
    return str(app.screen.query_one(".section-status", Static).render())


def notices(app: EcondashApp) -> list[str]:
    return [message for message, _ in notices_of(app)]


def run(app: EcondashApp, loading: HeldLoading, scenario) -> None:
    async def main() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await scenario(pilot)
    try:
        asyncio.run(main())
    finally:
        loading.release.set()


async def finish(pilot, loading: HeldLoading) -> None:
    loading.release.set()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_the_first_rows_show_at_once_then_all_of_them_in_place(tmp_path: Path) -> None:
    whole = load_dataset(bundled_dataset()).periods[-1].enterprises.height
    app, loading = start(bundled_dataset(), tmp_path)

    async def scenario(pilot) -> None:
        table = app.screen.query_one(FrameTable)
        assert app.dataset is not None and app.dataset.partial
        assert 0 < table.total_count < whole
        assert tr("reading_rest", "zh") in status(app)
        assert app.screen.query_one("#ladder-panel").border_subtitle == tr("loading", "zh")
        assert loading.head_shown.is_set()  # the whole load may start: the preview is out
        await pilot.press("e")  # exporting part of a table would surprise: not yet
        assert not isinstance(app.screen, ExportScreen)
        assert tr("still_reading", "zh") in notices(app)
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await finish(pilot, loading)
        assert not app.dataset.partial and table.total_count == whole
        assert table.cursor_row == 2  # where the person was
        assert tr("reading_rest", "zh") not in status(app)
        assert app.screen.query_one(LadderTree).root.children  # the ladder, counted in full
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
    run(app, loading, scenario)


def test_a_load_error_after_the_first_rows_leaves_no_stale_rows(tmp_path: Path) -> None:
    app, loading = start(bundled_dataset(), tmp_path,
                         error=DatasetError("data: cannot be read"))

    async def scenario(pilot) -> None:
        assert app.screen.query_one(FrameTable).total_count > 0
        await finish(pilot, loading)
        assert isinstance(app.screen, ProblemsScreen)
        assert app.dataset is None and app.load_error is not None
    run(app, loading, scenario)


def test_a_bad_row_past_the_first_rows_is_reported_when_all_are_read(tmp_path: Path) -> None:
    data = tmp_path / "2022-H1"
    shutil.copytree(bundled_dataset() / "2022-H1", data)
    roster = data / "enterprises.csv"
    lines = roster.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[-1] = "," + lines[-1].split(",", 1)[1]  # the last row's enterprise left empty
    roster.write_text("".join(lines), encoding="utf-8")
    app, loading = start(data, tmp_path)

    async def scenario(pilot) -> None:
        assert app.dataset.partial and app.current_period is not None
        await finish(pilot, loading)
        assert isinstance(app.screen, ProblemsScreen)
        assert any(p.row == len(lines) for p in app.dataset.errors)
        assert app.current_period is None  # the period with the error is not shown
    run(app, loading, scenario)


def test_the_period_chosen_during_the_preview_stays(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(bundled_examples() / "three-cities", data)
    app, loading = start(data, tmp_path, section="indicators")

    async def scenario(pilot) -> None:
        newest = app.current_period.id
        await pilot.press("left_square_bracket")
        older = app.current_period.id
        assert older != newest
        await finish(pilot, loading)
        assert not app.dataset.partial and app.current_period.id == older
    run(app, loading, scenario)
